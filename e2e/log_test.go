//go:build !wasm

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// logCramp logs a cramp from the home screen: two taps with the defaults,
// then whatever the person changes first.
func (s *session) logCramp(change func()) {
	s.t.Helper()
	s.must(s.tab.Click(`nav.tabbar a[href="/"]`))
	s.must(s.tab.Click(`a.card[href="/log/cramp"]`))
	s.must(s.tab.WaitText("main h1", "Log a leg cramp"))
	if change != nil {
		change()
	}
	s.must(s.tab.Click("#save"))
	s.must(s.tab.WaitTrue(`location.pathname === "/log"`))
}

// setRange moves a slider as a person would drag it.
func (t *Tab) setRange(sel, v string) error {
	_, err := Eval[bool](t, `(() => { const e = document.querySelector(`+jsString(sel)+`); e.value = `+jsString(v)+`; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	return err
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestLogCramp: from the home screen a cramp is logged in two taps with
// the defaults; notes stay text; entries are kept across a reload and
// offline; an entry can be edited, deleted, and the delete undone.
func TestLogCramp(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/"))
	s.logCramp(nil)
	s.must(s.tab.WaitText("#history", "Leg cramp"))
	s.must(s.tab.WaitText("#summary", "1 cramp"))

	s.logCramp(func() {
		s.must(s.tab.Click("#leg-left"))
		s.must(s.tab.Type("#note", `<img src=x onerror="window.hacked=1"> woke at 2`))
	})
	s.must(s.tab.WaitText("#history", `<img src=x onerror="window.hacked=1"> woke at 2`))
	if hacked, _ := Eval[bool](s.tab, `window.hacked === 1`); hacked {
		t.Error("markup typed in a note ran in the page")
	}

	s.b.Proxy.SetOffline(true)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#history", "woke at 2"))
	s.must(s.tab.WaitText("#summary", "2 cramps"))
	s.shotLightNight("log-entries")

	// Edit the newest: how bad becomes 9.
	s.must(s.tab.Click(`#history a.link-button`))
	s.must(s.tab.WaitText("main h1", "Edit entry"))
	s.must(s.tab.WaitTrue(`document.querySelector("#severity")`))
	s.must(s.tab.setRange("#severity", "9"))
	s.must(s.tab.Click("#save"))
	s.must(s.tab.WaitText("#history", "how bad 9/10"))

	// Delete, then undo.
	s.must(s.tab.Click(`#history button.link-button`))
	s.must(s.tab.WaitText("#undo", "Entry deleted"))
	s.must(s.tab.WaitText("#summary", "1 cramp"))
	s.must(s.tab.Click("#undo-button"))
	s.must(s.tab.WaitText("#summary", "2 cramps"))
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#summary", "2 cramps"))
}

// TestLogTwoTabs: two tabs writing alternately lose nothing.
func TestLogTwoTabs(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/log")))
	other, err := s.b.NewTab()
	s.must(err)
	defer other.Close()
	s.must(other.Open(s.url("/log")))
	for i := 0; i < 3; i++ {
		for _, tab := range []*Tab{s.tab, other} {
			s.must(tab.Open(s.url("/log/cramp")))
			s.must(tab.Click("#save"))
			s.must(tab.WaitTrue(`location.pathname === "/log"`))
		}
	}
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#summary", "6 cramps"))
}

// TestLogExportImport: a JSON backup exported on one phone and imported on
// another (an empty profile) restores the same entries; importing it twice
// changes nothing; bad files are refused and change nothing.
func TestLogExportImport(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/")))
	s.logCramp(nil)
	s.logCramp(func() { s.must(s.tab.Type("#note", "after a long walk, with a comma")) })
	s.must(s.tab.Open(s.url("/log/heel")))
	s.must(s.tab.Click("#save"))
	s.must(s.tab.WaitText("#history", "Heel pain"))

	s.must(s.tab.Click("#export-csv"))
	csv, err := Eval[string](s.tab, `calfsoleLastDownload.text`)
	s.must(err)
	if lines := strings.Count(strings.TrimSpace(csv), "\n") + 1; lines != 4 || !strings.Contains(csv, `"after a long walk, with a comma"`) {
		t.Errorf("CSV export: %d lines, want a header and 3 rows, note quoted:\n%s", lines, csv)
	}
	s.must(s.tab.Click("#export-json"))
	backup, err := Eval[string](s.tab, `calfsoleLastDownload.text`)
	s.must(err)
	dir := t.TempDir()
	good := filepath.Join(dir, "backup.json")
	s.must(os.WriteFile(good, []byte(backup), 0o644))

	// A new phone: a fresh browser profile.
	s2 := newSession(t)
	s2.must(s2.tab.Open(s2.url("/log")))
	s2.must(s2.tab.WaitText("main", "Nothing logged yet"))
	bad := map[string]string{
		"truncated.json": backup[:len(backup)/2],
		"other.json":     `{"name": "not a backup"}`,
		"newer.json":     strings.Replace(backup, `"schema": 2`, `"schema": 9`, 1),
	}
	for name, body := range bad {
		p := filepath.Join(dir, name)
		s2.must(os.WriteFile(p, []byte(body), 0o644))
		s2.must(s2.tab.Upload("#import", p))
		s2.must(s2.tab.WaitText("#log-message", "Nothing was changed"))
		if txt, _ := s2.tab.Text("main"); !strings.Contains(txt, "Nothing logged yet") {
			t.Errorf("importing %s changed the log", name)
		}
	}
	s2.must(s2.tab.Upload("#import", good))
	s2.must(s2.tab.WaitText("#log-message", "3 new"))
	s2.must(s2.tab.WaitText("#history", "after a long walk, with a comma"))
	s2.must(s2.tab.Upload("#import", good))
	s2.must(s2.tab.WaitText("#log-message", "0 new, 0 updated"))
	s2.must(s2.tab.Reload())
	s2.must(s2.tab.WaitText("#summary", "2 cramps"))
}
