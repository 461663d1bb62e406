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
		_, err := Eval[bool](s.tab, `calfsoleStore.put([["broken-1", Date.now(), "{not json"], ["broken-2", Date.now(), "{\"id\":\"x\",\"schema\":2}"]]).then(() => true)`)
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
		s.must(s.tab.Open(s.url("/log/cramp")))
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

// pagingProbe fills the log with 150 entries that share 5 times (30 each,
// so ties cross every batch boundary) plus one record stored without its
// time (as only a hand-edited database has), then reads it all through
// calfsoleStore.newest() 7 at a time.
const pagingProbe = `(async () => {
	const times = [0, 1, 2, 3, 4].map(d => new Date(Date.now() - d * 86400000).toISOString());
	const pairs = [];
	for (let i = 0; i < 150; i++) {
		const at = times[i % 5], id = crypto.randomUUID();
		pairs.push([id, Date.parse(at), JSON.stringify({id, schema: 2, kind: "cramp", at, created: at, updated: at,
			cramp: {leg: "left", where: ["calf"], severity: 3, seconds: 30, helped: []}})]);
	}
	await calfsoleStore.put(pairs);
	await new Promise((ok, fail) => {
		const q = indexedDB.open("calfsole");
		q.onsuccess = () => {
			const t = q.result.transaction("entries", "readwrite");
			t.objectStore("entries").put({text: "{\"id\":\"no-time\"}"}, "no-time");
			t.oncomplete = () => { q.result.close(); ok(); };
			t.onerror = () => fail(t.error);
		};
	});
	const reader = calfsoleStore.newest(), keys = [], ats = [];
	for (let calls = 0; calls < 100; calls++) {
		const b = await reader.next(7);
		if (b.count) {
			keys.push(...b.keys.split("\n"));
			ats.push(...b.texts.split("\n").map(t => { try { return Date.parse(JSON.parse(t).at) || -Infinity; } catch (e) { return -Infinity; } }));
		}
		for (const [key, , untimed] of b.odd) {
			keys.push(key);
			ats.push(untimed ? -Infinity : NaN);
		}
		if (b.done) break;
	}
	const ordered = ats.every((a, i) => i === 0 || ats[i - 1] >= a);
	return { count: keys.length, unique: new Set(keys).size, ordered, last: keys[keys.length - 1] };
})()`

// TestLogStoragePaging: reading the log newest first, a batch at a time,
// gives every record once, in time order, even when many share a time
// across batches, and finds a record the time index does not hold.
func TestLogStoragePaging(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/log")))
	got, err := Eval[struct {
		Count, Unique int
		Ordered       bool
		Last          string
	}](s.tab, pagingProbe)
	s.must(err)
	if got.Count != 151 || got.Unique != 151 || !got.Ordered || got.Last != "no-time" {
		t.Errorf("read %d records (%d different), in time order %v, last %q; want 151, 151, true, \"no-time\"", got.Count, got.Unique, got.Ordered, got.Last)
	}
}
