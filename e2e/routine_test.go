//go:build !wasm

package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// shortSteps makes every step of a routine last scale times its real
// length (a developer setting read at start-up), then opens path.
func (s *session) shortSteps(scale float64, path string) {
	s.t.Helper()
	s.must(s.tab.Open(s.url("/")))
	_, err := Eval[bool](s.tab, `localStorage.setItem("calfsole.testScale", "`+strconv.FormatFloat(scale, 'f', -1, 64)+`"), true`)
	s.must(err)
	s.must(s.tab.Open(s.url(path)))
}

// cues returns the kinds of the cues the app gave, in order.
func cues(t *Tab) ([]string, error) {
	return Eval[[]string](t, `calfsole.cues.log.map(c => c.kind)`)
}

// countdown reads the timer in seconds.
func countdown(t *Tab) (int, error) {
	txt, err := t.Text("#countdown")
	if err != nil {
		return 0, err
	}
	parts := strings.Split(strings.TrimSpace(txt), ":")
	secs := 0
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return 0, err
		}
		secs = secs*60 + n
	}
	return secs, nil
}

// TestBedtimeRoutine runs the bedtime routine end to end with short steps:
// the safety questions, the warning signs before the first run, the soak
// check that gates Start, step changes with a cue each, pause and resume,
// a reload in the middle that resumes on the right step, the running bar
// on the points screen, the wake lock, and the record in the log.
func TestBedtimeRoutine(t *testing.T) {
	s := newSession(t)
	s.shortSteps(0.01, "/routines/bedtime")

	// First use: two questions, skippable.
	s.must(s.tab.WaitText("#questions", "Are you pregnant?"))
	s.must(s.tab.Click("#questions-skip"))

	// Before the first run: the warning signs, and the soak check.
	s.must(s.tab.WaitText("#red-flags", "Get urgent medical care"))
	s.must(s.tab.WaitText("#soak-check", "37"))
	if dis, _ := Eval[bool](s.tab, `document.querySelector("#start").disabled`); !dis {
		t.Error("Start is possible before the water check is confirmed")
	}
	s.must(s.tab.Click("#soak-ok"))
	s.must(s.tab.WaitTrue(`!document.querySelector("#start").disabled`))
	s.must(s.tab.Click("#start"))

	// Get ready, then the soak (12 s at this scale).
	s.must(s.tab.WaitText("#step-title", "Get ready"))
	s.must(s.tab.WaitText("#step-title", "soak"))

	s.shotLightNight("timer-soak")

	// Pause holds the time; resume moves it again.
	s.must(s.tab.Click("#pause"))
	s.must(s.tab.WaitTrue(`document.querySelector("#resume")`)) // the run controller took it
	a, err := countdown(s.tab)
	s.must(err)
	time.Sleep(1500 * time.Millisecond)
	b, err := countdown(s.tab)
	s.must(err)
	if a != b {
		t.Errorf("paused, the countdown moved from %d to %d", a, b)
	}
	s.must(s.tab.Click("#resume"))
	s.must(s.tab.WaitTrue(`document.querySelector("#countdown").innerText !== "` + routineClock(b) + `"`))

	// Reload in the middle: back on the same step with about the same time.
	before, err := countdown(s.tab)
	s.must(err)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#step-title", "soak"))
	after, err := countdown(s.tab)
	s.must(err)
	if after > before || before-after > 3 {
		t.Errorf("after a reload the soak shows %d s left, had %d s", after, before)
	}

	// The running bar on another screen leads back.
	s.must(s.tab.Click(`nav.tabbar a[href="/points"]`))
	s.must(s.tab.WaitText("#runbar", "soak"))
	s.must(s.tab.Click("#runbar"))
	s.must(s.tab.WaitTrue(`location.pathname === "/routines/bedtime"`))

	if n, _ := Eval[int](s.tab, `calfsole.wake.requests`); n == 0 {
		t.Error("the screen wake lock was never requested")
	}

	// To the end: every step change cued, then the end.
	s.must(s.tab.WaitTrueFor(`document.querySelector("#finished")`, 40*time.Second))
	kinds, err := cues(s.tab)
	s.must(err)
	steps := strings.Count(strings.Join(kinds, ","), "step")
	// 1 soak + 1 rub + 5 points x 2 legs + calves = 13 steps; the reload
	// lost the page's record of the cues before it.
	if steps < 10 || kinds[len(kinds)-1] != "end" {
		t.Errorf("cues given: %v, want a cue at each step change and one at the end", kinds)
	}

	s.must(s.tab.Click(`#finished a`))
	s.must(s.tab.WaitText("#history", "Bedtime leg-cramp routine"))
	s.must(s.tab.WaitText("#history", "finished · 14 steps done"))
}

func routineClock(secs int) string {
	return strconv.Itoa(secs/60) + ":" + strconv.Itoa(secs%60/10) + strconv.Itoa(secs%10)
}

// TestRoutineSafetyAnswers: a pregnant person's routine leaves out Kunlun
// (BL60) and says why; diabetes or numb feet makes the soak advice "ask your
// clinician first".
func TestRoutineSafetyAnswers(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/routines/bedtime")))
	s.must(s.tab.Click("#q-pregnant-yes"))
	s.must(s.tab.Click("#q-feet-yes"))
	s.must(s.tab.Click("#questions-done"))
	s.must(s.tab.WaitText("#pregnancy-note", "Kunlun (BL60) is left out"))
	s.must(s.tab.WaitText("#soak-clinician", "Ask your clinician first"))
	if n, _ := Eval[int](s.tab, `document.querySelectorAll("#include-bl60").length`); n != 0 {
		t.Error("Kunlun (BL60) is offered to a pregnant person")
	}
	// The answers are kept.
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#pregnancy-note", "Kunlun"))
}

// TestFootPainSplit runs the foot-pain routine with both legs in one step:
// a halfway cue to switch legs in each point step.
func TestFootPainSplit(t *testing.T) {
	s := newSession(t)
	s.shortSteps(0.02, "/routines/foot-pain")
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#legs-split"))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "both legs"))
	s.must(s.tab.WaitTrueFor(`document.querySelector("#finished")`, 40*time.Second))
	kinds, err := cues(s.tab)
	s.must(err)
	if got := strings.Join(kinds, ","); got != "step,half,step,half,step,end" {
		t.Errorf("cues %s, want step,half,step,half,step,end", got)
	}
	late, err := Eval[[]float64](s.tab, `calfsole.cues.log.map(c => c.late)`)
	s.must(err)
	for i, l := range late {
		if l > 500 {
			t.Errorf("cue %d fired %.0f ms after its time", i, l)
		}
	}
}

// TestRoutineAway: when the app is closed during a step and opened again
// after it ended, the app says the step ended while it was away and waits
// on the next step; closed and opened before it ends, it goes on with the
// right time left.
func TestRoutineAway(t *testing.T) {
	s := newSession(t)
	// Steps of 18 s a leg: long enough for a tab to close and open again
	// on a busy machine within the step.
	s.shortSteps(0.2, "/")
	tab, err := s.b.NewTab()
	s.must(err)
	s.must(tab.Open(s.url("/routines/foot-pain")))
	s.must(tab.Click("#questions-skip"))
	s.must(tab.Click("#start"))
	s.must(tab.WaitText("#step-title", "left leg"))
	left, err := countdown(tab)
	s.must(err)
	readAt := time.Now()
	tab.Close() // the app is closed...

	// ...and opened again at once: same step, about the same time left.
	tab, err = s.b.NewTab()
	s.must(err)
	s.must(tab.Open(s.url("/routines/foot-pain")))
	s.must(tab.WaitText("#step-title", "left leg"))
	again, err := countdown(tab)
	s.must(err)
	// The countdown went down by the time that passed, give or take the
	// rounding of whole seconds.
	elapsed := time.Since(readAt).Seconds()
	if d := float64(left-again) - elapsed; d < -1.5 || d > 1.5 {
		t.Errorf("reopened after %.1f s: %d s left, had %d s", elapsed, again, left)
	}
	tab.Close()

	// Closed until the step is over: it says so and waits.
	time.Sleep(time.Until(readAt.Add(time.Duration(left+1) * time.Second)))
	tab, err = s.b.NewTab()
	s.must(err)
	defer tab.Close()
	s.must(tab.Open(s.url("/routines/foot-pain")))
	s.must(tab.WaitText("#timer-status", "ended while the app was closed"))
	s.must(tab.WaitText("#step-title", "right leg"))
	a, _ := countdown(tab)
	time.Sleep(1200 * time.Millisecond)
	if b, _ := countdown(tab); a != b {
		t.Errorf("after the away notice the timer runs (%d then %d) before the person resumes", a, b)
	}
	s.must(tab.Click("#resume"))
	s.must(tab.WaitTrue(`!document.querySelector("#timer-status")`))
}

// TestRoutineKeepsRunning: looking up points while the soak runs, by search
// and by opening a point, never stops or resets the timer; the answers
// changed in settings change the next run.
func TestRoutineKeepsRunning(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/about")))
	s.must(s.tab.Click("#set-pregnant-yes"))
	s.must(s.tab.Open(s.url("/routines/bedtime")))
	s.must(s.tab.WaitText("#pregnancy-note", "Kunlun (BL60) is left out"))
	s.must(s.tab.Click("#soak-ok"))
	s.must(s.tab.WaitTrue(`!document.querySelector("#start").disabled`))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "soak"))
	start, err := countdown(s.tab)
	s.must(err)

	s.must(s.tab.Click("#search-button"))
	s.must(s.tab.Type("#point-search", "kd3"))
	s.must(s.tab.WaitText("#results li:first-child strong", "Taixi (KI3)"))
	s.must(s.tab.WaitText("#runbar", "soak"))
	s.must(s.tab.Click("#results li:first-child a"))
	s.must(s.tab.WaitText("main h1", "Taixi (KI3)"))
	s.must(s.tab.WaitText("#runbar", "soak"))
	time.Sleep(2 * time.Second)

	s.must(s.tab.Click("#runbar"))
	s.must(s.tab.WaitText("#step-title", "soak"))
	now, err := countdown(s.tab)
	s.must(err)
	if now >= start || start-now > 30 {
		t.Errorf("after browsing points the soak shows %d s left, from %d s: it stopped or reset", now, start)
	}
	if st, _ := Eval[string](s.tab, `JSON.parse(localStorage.getItem("calfsole.run")).status`); st != "running" {
		t.Errorf("run status %q after browsing points, want running", st)
	}
	plan, err := Eval[string](s.tab, `JSON.stringify(JSON.parse(localStorage.getItem("calfsole.run")).steps.map(s => s.id))`)
	s.must(err)
	if strings.Contains(plan, "bl60") {
		t.Errorf("a pregnant person's run includes Kunlun (BL60): %s", plan)
	}
}
