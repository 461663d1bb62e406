//go:build !wasm

package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
)

// beforeLoad runs a script in every page of the tab before the page's own.
func (t *Tab) beforeLoad(js string) error {
	_, err := Call(t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
	return err
}

// TestLogStorageTrouble: a corrupt stored record is set aside and reported
// while the rest loads; a full storage quota gives a clear message and
// keeps what was typed; storage refused (private browsing) leaves the app
// usable with a visible warning.
func TestLogStorageTrouble(t *testing.T) {
	t.Run("corrupt record", func(t *testing.T) {
		s := newSession(t)
		s.must(s.tab.Open(s.url("/")))
		s.logCramp(nil)
		_, err := Eval[bool](s.tab, `calfsoleStore.put([["broken-1", "{not json"], ["broken-2", "{\"id\":\"x\",\"schema\":2}"]]).then(() => true)`)
		s.must(err)
		s.must(s.tab.Reload())
		s.must(s.tab.WaitText("#log-message", "2 entries were damaged"))
		s.must(s.tab.WaitText("#summary", "1 cramp"))
		// Set aside, not lost, and not reported again.
		kept, err := Eval[[]string](s.tab, `new Promise(r => { const q = indexedDB.open("calfsole"); q.onsuccess = () => { const c = q.result.transaction("setaside").objectStore("setaside").getAll(); c.onsuccess = () => r(c.result.map(String).sort()); }; })`)
		s.must(err)
		if want := []string{"{\"id\":\"x\",\"schema\":2}", "{not json"}; !slices.Equal(kept, want) {
			t.Errorf("kept aside: %q, want the damaged texts as written, %q", kept, want)
		}
		s.must(s.tab.Reload())
		s.must(s.tab.WaitText("#summary", "1 cramp"))
		if txt, _ := s.tab.Text("main"); strings.Contains(txt, "damaged") {
			t.Error("the damaged records are reported again after they were set aside")
		}
	})

	t.Run("storage full", func(t *testing.T) {
		s := newSession(t)
		s.must(s.tab.beforeLoad(`window.__put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function () { throw new DOMException("quota", "QuotaExceededError"); };`))
		s.must(s.tab.Open(s.url("/log/entry?kind=cramp")))
		s.must(s.tab.Type("#note", "kept when the phone is full"))
		s.must(s.tab.Click("#save"))
		s.must(s.tab.WaitText("#entry-error", "storage is full"))
		if v, _ := Eval[string](s.tab, `document.querySelector("#note").value`); v != "kept when the phone is full" {
			t.Errorf("after a full-storage error the note reads %q", v)
		}
		// Space freed: the second tap saves, the message goes, and the app
		// goes on to the log (the message leaving must not lose the answer
		// from storage).
		_, err := Eval[bool](s.tab, `(IDBObjectStore.prototype.put = window.__put, true)`)
		s.must(err)
		s.must(s.tab.Click("#save"))
		s.must(s.tab.WaitTrue(`location.pathname === "/log"`))
		s.must(s.tab.WaitText("#history", "kept when the phone is full"))
	})

	t.Run("storage refused", func(t *testing.T) {
		s := newSession(t)
		s.must(s.tab.beforeLoad(`indexedDB.open = function () { throw new DOMException("denied", "SecurityError"); };`))
		s.must(s.openInstalled("/log"))
		s.must(s.tab.WaitText("#log-warning", "entries will be lost when you close the app"))
		// Still usable: a cramp logged now shows in the log until the app
		// is closed.
		s.must(s.tab.Click("#log-cramp"))
		// The form warns too; wait for it, so the tap is not made while the
		// warning moves the form down.
		s.must(s.tab.WaitText("#entry-error", "entries will be lost"))
		s.must(s.tab.Click("#save"))
		s.must(s.tab.WaitTrue(`location.pathname === "/log"`))
		s.must(s.tab.WaitText("#summary", "1 cramp"))
		s.must(s.tab.WaitText("#log-warning", "entries will be lost"))
	})
}

// oldFormat makes the log as the app's first storage version kept it (the
// entry's JSON text alone, no time index) with two cramps, 1 and 2 days
// ago.
const oldFormat = `new Promise((resolve, reject) => {
	const del = indexedDB.deleteDatabase("calfsole");
	del.onerror = () => reject(del.error);
	del.onsuccess = () => {
		const q = indexedDB.open("calfsole", 1);
		q.onupgradeneeded = () => {
			q.result.createObjectStore("entries");
			q.result.createObjectStore("setaside");
		};
		q.onsuccess = () => {
			const t = q.result.transaction("entries", "readwrite");
			for (const days of [1, 2]) {
				const at = new Date(Date.now() - days * 86400000).toISOString(), id = crypto.randomUUID();
				t.objectStore("entries").put(JSON.stringify({id, schema: 2, kind: "cramp", at, created: at, updated: at,
					cramp: {leg: "left", where: ["calf"], severity: 6, seconds: 60, helped: []}}), id);
			}
			t.oncomplete = () => { q.result.close(); resolve(true); };
		};
	};
})`

// TestLogOldStorage: a log kept in the first storage format is moved to
// the current one on first open, and every entry shows.
func TestLogOldStorage(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/")))
	_, err := Eval[bool](s.tab, oldFormat)
	s.must(err)
	s.must(s.tab.Open(s.url("/log")))
	s.must(s.tab.WaitText("#summary", "2 cramps"))
	s.must(s.tab.WaitTrue(`document.querySelector('#log-view[data-read="all"]')`))
	history, err := s.tab.Text("#history")
	s.must(err)
	if n := strings.Count(history, "Leg cramp"); n != 2 {
		t.Errorf("the history shows %d cramps, want 2", n)
	}
	got, err := Eval[string](s.tab, `new Promise(r => { const q = indexedDB.open("calfsole"); q.onsuccess = () => {
		const all = q.result.transaction("entries").objectStore("entries").getAll();
		all.onsuccess = () => { r(q.result.version + ":" + all.result.map(v => typeof v.at + "/" + typeof v.text).join(",")); q.result.close(); };
	}; })`)
	s.must(err)
	if got != "2:number/string,number/string" {
		t.Errorf("stored after the move: %s, want version 2 with a time and a text in each record", got)
	}
}
