//go:build !wasm

package e2e

import "testing"

// TestNoSpeech: in a browser without speech synthesis (none of the three
// tested engines lacks it, so Chromium is made to), the settings say the
// app cannot speak the steps, and the routine runs.
func TestNoSpeech(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.beforeLoad(`delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
		Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});`))
	s.must(s.tab.Open(s.url("/about")))
	if has, _ := Eval[bool](s.tab, `"speechSynthesis" in window && !!window.speechSynthesis`); has {
		t.Fatal("speech synthesis is still there")
	}
	s.must(s.tab.WaitText("#cue-speak-missing", "This browser cannot speak."))
	s.must(s.tab.Click("#cue-speak"))
	s.shortSteps(0.01, "/routines/foot-pain")
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "left leg"))
}
