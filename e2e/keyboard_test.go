//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestKeyboardOnly: a person who uses only a keyboard completes a routine
// and logs a cramp: Tab and Shift+Tab to move, Enter and Space to act. Focus
// stays where they are when the timer moves on, and each new step is
// announced to screen readers.
func TestKeyboardOnly(t *testing.T) {
	s := newSession(t)
	// Real step lengths: every step change below is the person's Enter,
	// never the timer.
	s.shortSteps(1, "/")
	tab := s.tab

	// The first Tab on a page reaches the skip link, which jumps past the
	// top bar to the content.
	s.must(tab.TabTo("a.skip", false, 1))

	// Home: to the foot-pain routine.
	s.must(tab.TabTo(`main a[href="/routines/foot-pain"]`, false, 40))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitTrue(`location.pathname === "/routines/foot-pain"`))
	s.must(tab.TabTo("#questions-skip", false, 40))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitTrue(`!document.querySelector("#questions")`))
	s.must(tab.TabTo("#start", false, 60))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitText("#step-title", "Yongquan"))

	// Through every step with Next, one step per Enter, the focus staying
	// on it.
	s.must(tab.WaitTrue(`!document.querySelector("#step-title").innerText.includes("Get ready")`))
	s.must(tab.TabTo("#next-step", false, 40))
	for {
		step, err := Eval[[]int](tab, `(document.querySelector("#timer .progress").innerText.match(/Step (\d+) of (\d+)/) || []).slice(1).map(Number)`)
		s.must(err)
		if len(step) != 2 {
			t.Fatalf("no \"Step k of n\" on the timer")
		}
		before, err := tab.Text("#step-title")
		s.must(err)
		_, err = Eval[bool](tab, `(window.__title = document.querySelector("#step-title"), true)`)
		s.must(err)
		s.must(tab.Press("Enter", false))
		if step[0] == step[1] {
			break // the last step: Next ends the routine
		}
		s.must(tab.WaitTrue(fmt.Sprintf(`document.querySelector("#timer .progress").innerText.startsWith("Step %d of")`, step[0]+1)))
		// A screen reader announces the new step: the title is a live
		// region, changed in place (a new element would not be announced).
		if same, _ := Eval[bool](tab, `(e => e === window.__title && e.innerText !== `+jsString(before)+` && ["polite", "assertive"].includes(e.getAttribute("aria-live")))(document.querySelector("#step-title"))`); !same {
			t.Errorf("after Next on %q the step title is not the same live region with the new step, so the change is not announced", before)
		}
		if on, _ := tab.Focused("#next-step"); !on {
			t.Fatalf("after Next on %q the focus left the Next button", before)
		}
	}
	s.must(tab.WaitText("#finished", "Routine finished"))

	// Log a cramp: home, the cramp card, left leg, save.
	s.must(tab.TabTo(`nav.tabbar a[href="/"]`, false, 60))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitTrue(`location.pathname === "/"`))
	s.must(tab.TabTo(`a.card[href="/log/cramp"]`, false, 40))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitText("main h1", "Log a leg cramp"))
	s.must(tab.TabTo("#leg-left", false, 40))
	s.must(tab.Press(" ", false))
	s.must(tab.WaitTrue(`document.querySelector("#leg-left").getAttribute("aria-pressed") === "true"`))
	// The severity slider moves with the arrow keys.
	s.must(tab.TabTo("#severity", false, 20))
	s.must(tab.Press("ArrowRight", false))
	s.must(tab.Press("ArrowRight", false))
	s.must(tab.TabTo("#save", false, 40))
	s.must(tab.Press("Enter", false))
	s.must(tab.WaitTrue(`location.pathname === "/log"`))
	s.must(tab.WaitText("#history", "Left calf"))
	history, err := tab.Text("#history")
	s.must(err)
	for _, want := range []string{"how bad 7/10", "Foot pain routine"} {
		if !strings.Contains(history, want) {
			t.Errorf("the log does not show %q:\n%s", want, history)
		}
	}
}
