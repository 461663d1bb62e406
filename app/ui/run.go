package ui

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// The running routine has one controller. Screens read the run from go-app
// state (stateRun, and stateClock for the clocks on screen) and send what
// the person does as the action actionRun; runController, its one
// handler, changes the run, saves it, gives the cues, keeps the screen on
// and adds the run to the log when it ends. Reading the run (readRun)
// never writes.
const (
	stateRun = "run"
	// stateClock is the time left in the current step, in whole seconds:
	// it changes once a second while a routine runs, and screens showing a
	// clock observe it.
	stateClock = "run-clock"
	// stateRunError says, in plain words, what could not be saved about
	// the run ("" when all was).
	stateRunError = "run-error"
	actionRun     = "run"
	// getReady is the count before the first step.
	getReady = 5 * time.Second
	// tickEvery is how often a running routine is brought up to now.
	tickEvery = 200 * time.Millisecond
)

// The values actionRun carries.
type (
	// runLoad: a screen opened; the stored run is taken up.
	runLoad struct{}
	// runStart starts a new run.
	runStart struct{ run routine.Run }
	// runChange is a person's action on the run in progress (pause, next).
	runChange func(r *routine.Run, now time.Time)
	// runTick: time passed.
	runTick struct{}
)

// sendRun sends what happened to the run controller.
func sendRun(ctx app.Context, v any) { ctx.NewActionWithValue(actionRun, v) }

// readRun returns the run as the screens should show it: the one in go-app
// state, else the one stored, brought up to now in memory only. It writes
// nothing.
func readRun(ctx app.Context, now time.Time) routine.Run {
	var r routine.Run
	ctx.GetState(stateRun, &r)
	if r.Routine != "" {
		return r
	}
	load(ctx, keyRun, &r)
	if r.Active() {
		r.Restore(now)
	}
	return r
}

// runController is the one handler of actionRun (registered by Register).
// go-app runs it off the UI goroutine, one action at a time in WebAssembly.
type runController struct {
	lib *content.Library
	now func() time.Time
	// loaded is set once the stored run is taken up; ticking is set while
	// the ticker runs.
	loaded, ticking bool
	clock           time.Duration
	// noTicker leaves the ticking to the caller (tests send runTick).
	noTicker bool
}

func (c *runController) handle(ctx app.Context, a app.Action) {
	var r routine.Run
	loading := !c.loaded
	if loading {
		r, c.loaded = readRun(ctx, c.now()), true
	} else {
		ctx.GetState(stateRun, &r)
	}
	now := c.now()
	var events []routine.Event
	changed := true
	switch v := a.Value.(type) {
	case runStart:
		r = v.run
		ctx.SetState(stateRunError, "")
		browser.UnlockSound() // sound may only start from a tap
	case runChange:
		if !r.Active() {
			return
		}
		browser.UnlockSound()
		events = r.Tick(now) // a deadline passed since the last tick counts first
		v(&r, now)
	case runTick:
		events = r.Tick(now)
		changed = len(events) > 0
	case runLoad:
		changed = false
		if loading {
			c.apply(ctx, &r) // the tone and the screen, after a reload
		}
	default:
		return
	}
	switch {
	case changed:
		c.commit(ctx, &r, events)
	case loading && r.Routine != "":
		ctx.SetState(stateRun, r) // a tick with nothing new changes no state
	}
	if left := r.Remaining(now).Round(time.Second); left != c.clock {
		c.clock = left
		ctx.SetState(stateClock, left)
	}
	c.keepTicking(ctx, r.Active())
}

// commit saves the run, shares it with every screen, gives the cues for
// events, schedules the next end-of-step tone, keeps the screen awake
// while it runs, and adds it to the log when it ends. What cannot be
// saved is said in stateRunError.
func (c *runController) commit(ctx app.Context, r *routine.Run, events []routine.Event) {
	ctx.SetState(stateRun, *r)
	if !save(ctx, keyRun, r) {
		ctx.SetState(stateRunError, tr(c.lang(), "The phone did not let the app save where you are in the routine, so a reload would lose it. The timer goes on."))
	}
	cues := c.apply(ctx, r)
	l := c.lang()
	rt := c.routine(l, r.Routine)
	for _, ev := range events {
		browser.Cue(string(ev.Kind), ev.Step, ev.Due, cues.Vibrate, cueText(l, rt, r, ev, cues.Speak))
	}
	if !r.Active() {
		c.record(ctx, *r)
	}
}

// apply schedules the next end-of-step tone and keeps the screen awake
// while the run is live; it returns the cues chosen.
func (c *runController) apply(ctx app.Context, r *routine.Run) cueSettings {
	cues := defaultCues()
	load(ctx, keyCues, &cues)
	if (r.Status == routine.Running || r.Status == routine.GetReady) && cues.toneOn(c.now()) {
		browser.Tone(r.Deadline)
	} else {
		browser.CancelTone()
	}
	browser.KeepAwake(r.Active())
	return cues
}

// cueText is what is said aloud for an event, when speaking is chosen, in
// the page's language l; rt is the run's routine in it.
func cueText(l content.Lang, rt content.Routine, r *routine.Run, ev routine.Event, speak bool) string {
	if !speak {
		return ""
	}
	switch ev.Kind {
	case routine.StepStarted:
		return trf(l, "Next: %s", stepName(l, rt, r.Steps[ev.Step]))
	case routine.Halfway:
		return tr(l, "Halfway. Switch to the other leg.")
	case routine.Finished:
		return tr(l, "Done. Well done.")
	}
	return ""
}

// record adds a finished or stopped run to the log, its routine and steps
// named in the language of the page on screen.
func (c *runController) record(ctx app.Context, r routine.Run) {
	rt := c.routine(c.lang(), r.Routine)
	title := rt.Title
	if title == "" {
		title = r.Routine
	}
	r.Steps = slices.Clone(r.Steps)
	for i, s := range r.Steps {
		r.Steps[i].Title = stepName(c.lang(), rt, s)
	}
	e := journal.RunEntry(r, title)
	store, _ := browser.OpenStore()
	if err := store.Put(e); err != nil {
		ctx.SetState(stateRunError, tr(c.lang(), "This routine could not be added to your log. ")+saveError(c.lang(), err))
	}
}

// routine returns the routine id in the language l: from that language's
// edition, else the English the controller was made with.
func (c *runController) routine(l content.Lang, id string) content.Routine {
	lib := libIn(l)
	if lib == nil {
		lib = c.lib
	}
	rt, _ := lib.Routine(id)
	return rt
}

// lang is the language of the page on screen, in which the controller
// speaks and reports.
func (c *runController) lang() content.Lang {
	if l := content.Lang(browser.PageLang()); l == content.Chinese {
		return l
	}
	return content.English
}

// keepTicking runs the ticker while a routine runs, and only then: it
// brings the run up to now five times a second, and at once when the page
// is shown again (browsers slow a hidden page's timers).
func (c *runController) keepTicking(ctx app.Context, active bool) {
	if !active || c.ticking || c.noTicker {
		return
	}
	c.ticking = true
	ctx.Async(func() {
		stopVisible := browser.OnVisible(func() { sendRun(ctx, runTick{}) })
		defer stopVisible()
		t := time.NewTicker(tickEvery)
		defer t.Stop()
		for range t.C {
			var r routine.Run
			ctx.GetState(stateRun, &r)
			if !r.Active() {
				c.ticking = false
				return
			}
			sendRun(ctx, runTick{})
		}
	})
}

// migrateHistory moves the routines done that the app's first version kept
// in localStorage (schema 1) into the log, then removes the old copy.
func migrateHistory(ctx app.Context, store journal.Store) {
	var raw json.RawMessage
	if err := ctx.LocalStorage().Get(keyHistory, &raw); err != nil || len(raw) == 0 {
		return
	}
	entries, err := journal.MigrateV1(raw)
	if err != nil {
		return // left in place, unread, rather than lost
	}
	if err := store.Put(entries...); err == nil {
		ctx.LocalStorage().Del(keyHistory)
	}
}
