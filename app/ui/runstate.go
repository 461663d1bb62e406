package ui

import (
	"time"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The running routine is kept in go-app state (stateRun) for every screen,
// and saved to the phone's storage on every change, so a reload, a closed
// tab or a restarted phone finds it again.
const (
	stateRun    = "run"
	keyRun      = "calfsole.run"
	keyHealth   = "calfsole.health"
	keyCues     = "calfsole.cues"
	keyHistory  = "calfsole.routines-done"
	keyChoices  = "calfsole.choices."
	keyFlagsRun = "calfsole.flags-seen."
	// getReady is the count before the first step.
	getReady = 5 * time.Second
)

// healthAnswers are the answers to the two safety questions, and whether
// the person has seen them (answering or skipping).
type healthAnswers struct {
	routine.Health
	Asked bool `json:"asked"`
}

// cueSettings are the person's choices of cues.
type cueSettings struct {
	// Tone is "auto" (on by day, off from 10 pm to 7 am), "on" or "off".
	Tone    string `json:"tone"`
	Vibrate bool   `json:"vibrate"`
	Speak   bool   `json:"speak"`
}

func defaultCues() cueSettings { return cueSettings{Tone: "auto", Vibrate: true} }

// toneOn reports whether the tone sounds at now.
func (c cueSettings) toneOn(now time.Time) bool {
	switch c.Tone {
	case "on":
		return true
	case "off":
		return false
	}
	h := now.Hour()
	return h >= 7 && h < 22
}

// load reads a stored value; it leaves v as it is when there is none or it
// cannot be read.
func load(ctx app.Context, key string, v any) {
	ctx.LocalStorage().Get(key, v)
}

// save stores a value; it reports whether the phone kept it.
func save(ctx app.Context, key string, v any) bool {
	return ctx.LocalStorage().Set(key, v) == nil
}

// currentRun returns the run in progress, or nil. On the first screen of a
// page load it reads the stored run and brings it up to now (Restore).
func currentRun(ctx app.Context) *routine.Run {
	var r routine.Run
	ctx.GetState(stateRun, &r)
	if r.Routine != "" {
		if !r.Active() {
			return nil
		}
		return &r
	}
	load(ctx, keyRun, &r)
	if !r.Active() {
		return nil
	}
	r.Restore(time.Now())
	commit(ctx, &r, nil)
	if !r.Active() {
		return nil
	}
	return &r
}

// changeRun applies a person's action (pause, next, ...) to the run in
// progress, then saves and shares the result.
func changeRun(ctx app.Context, f func(r *routine.Run, now time.Time)) {
	r := currentRun(ctx)
	if r == nil {
		return
	}
	app.Window().Get("calfsole").Get("cues").Call("unlock")
	now := time.Now()
	events := r.Tick(now) // a deadline passed since the last tick counts first
	f(r, now)
	commit(ctx, r, events)
}

// commit saves the run, shares it with every screen, gives the cues for
// events, schedules the next end-of-step tone, keeps the screen awake
// while it runs, and records it for the log when it ends.
func commit(ctx app.Context, r *routine.Run, events []routine.Event) {
	save(ctx, keyRun, r)
	ctx.SetState(stateRun, *r)

	boot := app.Window().Get("calfsole")
	if !boot.Truthy() {
		return
	}
	cues := defaultCues()
	load(ctx, keyCues, &cues)
	now := time.Now()
	for _, ev := range events {
		giveCue(boot.Get("cues"), cues, r, ev)
	}
	c := boot.Get("cues")
	if (r.Status == routine.Running || r.Status == routine.GetReady) && cues.toneOn(now) {
		c.Call("tone", float64(r.Deadline.UnixMilli()))
	} else {
		c.Call("cancel")
	}
	boot.Get("wake").Call("want", r.Active())
	if !r.Active() {
		recordRun(ctx, r)
	}
}

// giveCue records an event's cue and vibrates or speaks as chosen. The tone
// itself was scheduled ahead on the audio clock.
func giveCue(c app.Value, s cueSettings, r *routine.Run, ev routine.Event) {
	c.Call("record", string(ev.Kind), ev.Step, float64(ev.Due.UnixMilli()))
	text := ""
	switch ev.Kind {
	case routine.StepStarted:
		text = "Next: " + r.Steps[ev.Step].Title
	case routine.Halfway:
		text = "Halfway. Switch to the other leg."
	case routine.Finished:
		text = "Done. Well done."
	}
	if s.Vibrate {
		c.Call("vibrate", 300)
	}
	if s.Speak {
		c.Call("speak", text)
	}
}

// recordRun adds a finished or stopped run to the log. Its entry ID comes
// from the run itself, so recording it twice changes nothing.
func recordRun(ctx app.Context, r *routine.Run) {
	e := journal.New(journal.KindRoutine, r.Started, r.Ended)
	e.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte("calfsole:run:"+r.Routine+":"+r.Started.UTC().Format(time.RFC3339Nano))).String()
	e.Created = r.Started
	e.Routine = &journal.RoutineDone{Routine: r.Routine, Completed: r.Status == routine.Done, Ended: r.Ended}
	if lib, err := content.Load(); err == nil {
		if rt, ok := lib.Routine(r.Routine); ok {
			e.Routine.Title = rt.Title
		}
	}
	done := map[string]bool{}
	for _, id := range r.Done {
		done[id] = true
	}
	for _, s := range r.Steps {
		if done[s.ID] && s.Kind != routine.SwitchKind {
			e.Routine.Steps = append(e.Routine.Steps, s.Title)
		}
	}
	ctx.Async(func() {
		store, _ := openStore()
		store.Put(e)
	})
}

// migrateHistory moves the routines done that the app's first version kept
// in localStorage (schema 1) into the log, then removes the old copy.
func migrateHistory(ctx app.Context, store logStore) {
	ls := app.Window().Get("localStorage")
	raw := ls.Call("getItem", keyHistory)
	if raw.IsNull() || raw.IsUndefined() {
		return
	}
	entries, err := journal.MigrateV1([]byte(raw.String()))
	if err != nil {
		return // left in place, unread, rather than lost
	}
	if err := store.Put(entries...); err == nil {
		ls.Call("removeItem", keyHistory)
	}
}
