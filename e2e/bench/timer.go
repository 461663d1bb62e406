//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/e2e"
)

// The timer's targets.
const (
	// lateTarget is how late, at most, a cue may come after its time, in
	// milliseconds.
	lateTarget = 500
	// offsetTarget is how far, at most, the clock on screen may be from
	// the true time left when the page is shown again, in seconds.
	offsetTarget = 1.0
)

// hiddenFor is how long the page stays hidden and frozen; readAfter is
// when the clock is read after the page is shown again (the app redraws
// on visibilitychange and on a 200 ms ticker).
const (
	hiddenFor = 10 * time.Second
	readAfter = 300 * time.Millisecond
)

// timedRoutine is a routine run to its end for its cues, with every step
// scale times its real length (localStorage "calfsole.testScale").
type timedRoutine struct {
	path  string
	scale float64
}

// cueRoutines are the routines whose cues are timed: foot pain in about
// 25 s, bedtime (a soak, then ten short point steps) in about 20 s.
var cueRoutines = []timedRoutine{
	{"/routines/foot-pain", 0.05},
	{"/routines/bedtime", 0.01},
}

// timerSamples are the timer's measures from every run.
type timerSamples struct {
	// late holds how late each cue came after its time, in ms.
	late []float64
	// offset holds how far the clock shown after hiding was from the
	// true time left, in s (see clockOffset).
	offset []float64
}

// measure runs the timer's measures once, in a fresh browser profile, on
// the app served at base.
func (ts *timerSamples) measure(base, profile string) error {
	b, err := e2e.NewBrowser(profile)
	if err != nil {
		return err
	}
	defer b.Close()
	tab := b.FirstTab()
	for _, r := range cueRoutines {
		late, err := cueLateness(tab, base, r)
		if err != nil {
			return fmt.Errorf("%s: %w", r.path, err)
		}
		ts.late = append(ts.late, late...)
	}
	off, err := offsetAfterHidden(tab, base)
	if err != nil {
		return fmt.Errorf("hidden and shown: %w", err)
	}
	ts.offset = append(ts.offset, off)
	return nil
}

// cueLateness runs a routine to its end with the page visible and returns
// how late each cue came, as the page recorded it (calfsole.cues.log:
// Date.now() at the cue minus when it was due).
func cueLateness(tab *e2e.Tab, base string, r timedRoutine) ([]float64, error) {
	if err := openScaled(tab, base, r.path, r.scale); err != nil {
		return nil, err
	}
	if err := start(tab); err != nil {
		return nil, err
	}
	if err := tab.WaitTrueFor(`document.querySelector("#finished")`, 2*time.Minute); err != nil {
		return nil, fmt.Errorf("the routine did not finish: %w", err)
	}
	late, err := e2e.Eval[[]float64](tab, `calfsole.cues.log.map(c => c.late)`)
	if err != nil {
		return nil, err
	}
	if len(late) == 0 {
		return nil, errors.New("the page recorded no cues")
	}
	return late, nil
}

// offsetAfterHidden starts the foot-pain routine at its real length
// (a first step of 90 s), hides and freezes the page for hiddenFor, shows
// it again and, readAfter later, returns clockOffset of what the
// countdown shows.
func offsetAfterHidden(tab *e2e.Tab, base string) (float64, error) {
	if err := openScaled(tab, base, "/routines/foot-pain", 1); err != nil {
		return 0, err
	}
	if err := start(tab); err != nil {
		return 0, err
	}
	if err := tab.WaitTrueFor(`JSON.parse(localStorage.getItem("calfsole.run")).status === "running"`, 15*time.Second); err != nil {
		return 0, fmt.Errorf("the first step did not start: %w", err)
	}
	// A witness of what the page lived through: its visibility changes,
	// each with how many times a 100 ms interval had run.
	if _, err := e2e.Eval[bool](tab, `(() => {
		const w = window.__benchHidden = { seen: [], ticks: 0 };
		setInterval(() => w.ticks++, 100);
		document.addEventListener("visibilitychange", () => w.seen.push({ state: document.visibilityState, ticks: w.ticks }));
		return true;
	})()`); err != nil {
		return 0, err
	}
	if err := tab.Hide(); err != nil {
		return 0, err
	}
	time.Sleep(hiddenFor)
	if err := tab.Show(); err != nil {
		return 0, err
	}
	time.Sleep(readAfter)
	got, err := e2e.Eval[afterShown](tab, `(() => {
		const run = JSON.parse(localStorage.getItem("calfsole.run"));
		const c = document.querySelector("#countdown");
		return {
			shown: c ? c.innerText : "",
			left: Date.parse(run.deadline) - Date.now(),
			status: run.status,
			seen: __benchHidden.seen,
		};
	})()`)
	if err != nil {
		return 0, err
	}
	if err := checkFrozen(got.Seen); err != nil {
		return 0, err
	}
	if got.Status != "running" {
		return 0, fmt.Errorf("the run is %q after the page was shown, want running", got.Status)
	}
	shown, err := clockSeconds(got.Shown)
	if err != nil {
		return 0, err
	}
	return clockOffset(shown, got.Left/1000), nil
}

// afterShown is what the page shows and knows once shown again.
type afterShown struct {
	// Shown is the countdown's text.
	Shown string `json:"shown"`
	// Left is the true time left in ms, by the stored run's deadline.
	Left   float64 `json:"left"`
	Status string  `json:"status"`
	// Seen are the page's visibility changes since just before Hide.
	Seen []visibilityChange `json:"seen"`
}

// visibilityChange is one visibilitychange event, with how many times
// the page's 100 ms interval had run by then.
type visibilityChange struct {
	State string `json:"state"`
	Ticks int    `json:"ticks"`
}

// checkFrozen checks, from the page's witness, that it was hidden then
// shown, and that its timers did not run in between (a frozen page's
// 100 ms interval runs a few times at most, not once per 100 ms).
func checkFrozen(seen []visibilityChange) error {
	if len(seen) != 2 || seen[0].State != "hidden" || seen[1].State != "visible" {
		return fmt.Errorf("the page saw its visibility change to %v, want hidden then visible", seen)
	}
	if ran := seen[1].Ticks - seen[0].Ticks; ran > 5 {
		return fmt.Errorf("a 100 ms interval ran %d times while the page was hidden: it was not frozen", ran)
	}
	return nil
}

// openScaled opens path with every routine step scale times its real
// length: the app reads the setting when it starts.
func openScaled(tab *e2e.Tab, base, path string, scale float64) error {
	if err := tab.Open(base + "/"); err != nil {
		return err
	}
	set := `localStorage.setItem("calfsole.testScale", "` + strconv.FormatFloat(scale, 'f', -1, 64) + `"), true`
	if _, err := e2e.Eval[bool](tab, set); err != nil {
		return err
	}
	return tab.Open(base + path)
}

// start starts the open routine as a person would on a first visit:
// skips the two safety questions when asked (on the first routine only),
// confirms the soak check when there is one, and taps Start.
func start(tab *e2e.Tab) error {
	if err := tab.WaitTrue(`document.querySelector("#questions-skip, #start")`); err != nil {
		return err
	}
	if err := clickIfThere(tab, "#questions-skip"); err != nil {
		return err
	}
	if err := tab.WaitTrue(`document.querySelector("#start")`); err != nil {
		return err
	}
	if err := clickIfThere(tab, "#soak-ok"); err != nil {
		return err
	}
	if err := tab.WaitTrue(`!document.querySelector("#start").disabled`); err != nil {
		return err
	}
	return tab.Click("#start")
}

// clickIfThere taps the element matching sel if the page has one.
func clickIfThere(tab *e2e.Tab, sel string) error {
	there, err := e2e.Eval[bool](tab, fmt.Sprintf(`!!document.querySelector(%q)`, sel))
	if err != nil || !there {
		return err
	}
	return tab.Click(sel)
}

// clockSeconds reads a countdown such as "1:05" or "1:05:00" in seconds.
func clockSeconds(clock string) (int, error) {
	secs := 0
	for _, p := range strings.Split(strings.TrimSpace(clock), ":") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return 0, fmt.Errorf("reading the countdown %q: %w", clock, err)
		}
		secs = secs*60 + n
	}
	return secs, nil
}

// clockOffset is how far left, the true time left in seconds, lies from
// the time the clock shows. The clock rounds up (it shows 1:23 from 83 s
// down to just over 82 s left), so a right clock is off by 0; one that
// shows too much time is off by a positive number, too little negative.
func clockOffset(shown int, left float64) float64 {
	switch {
	case left < float64(shown-1):
		return float64(shown-1) - left
	case left > float64(shown):
		return float64(shown) - left
	}
	return 0
}
