package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// The routine screen during a run: the timer, large and usable in the dark.

// renderTimer is the routine in progress.
func (p *routinePage) renderTimer() app.UI {
	wake := wakeNote(p.Lang)
	r := p.run
	now := time.Now()
	cur := r.Current()
	title := stepName(p.Lang, p.Routine, cur)
	status := ""
	switch r.Status {
	case routine.GetReady:
		title, status = tr(p.Lang, "Get ready"), trf(p.Lang, "First: %s", title)
	case routine.Paused:
		status = tr(p.Lang, "Paused")
	case routine.Away:
		status = trf(p.Lang, "%s ended while the app was closed. Tap Resume to go on.", endedAwayName(p.Lang, p.Routine, r))
	}
	var next string
	if r.Index+1 < len(r.Steps) && r.Status != routine.GetReady {
		next = trf(p.Lang, "Next: %s", stepName(p.Lang, p.Routine, r.Steps[r.Index+1]))
	} else if r.Status != routine.GetReady {
		next = tr(p.Lang, "This is the last step.")
	}
	var drawing app.UI
	if pt, ok := p.lib.Point(cur.Point); ok && r.Status != routine.GetReady {
		drawing = app.A().Href(href(p.Lang, pointPath(pt.ID))).Class("timer-drawing").Body(
			app.Img().Class("drawing").Src(drawingIn(p.Lang, pt.Drawing)).Alt(pt.DrawingAlt).Width(400).Height(400),
		)
	}
	pauseLabel, pauseID := tr(p.Lang, "Pause"), "pause"
	if r.Status == routine.Paused || r.Status == routine.Away {
		pauseLabel, pauseID = tr(p.Lang, "Resume"), "resume"
	}
	return app.Elem("section").ID("timer").Class("timer").Body(
		app.P().Class("progress").Text(trf(p.Lang, "Step %d of %d · %s left in all", r.Index+1, len(r.Steps), routine.FormatDurationIn(p.Lang, r.TotalLeft(now).Round(time.Second)))),
		app.H2().ID("step-title").Class("step-title").Aria("live", "polite").Text(title),
		app.P().ID("countdown").Class("countdown").Aria("label", tr(p.Lang, "Time left in this step")).Text(routine.FormatClock(r.Remaining(now))),
		// Parts shown only sometimes each keep their place (slot): the
		// buttons below are never rebuilt, so the focus stays on them.
		slot(status != "", func() app.UI { return app.P().ID("timer-status").Class("timer-status").Text(status) }),
		slot(wake != "", func() app.UI { return app.P().ID("wake-note").Class("small").Text(wake) }),
		slot(r.Status != routine.GetReady && cur.Kind != routine.SwitchKind, func() app.UI {
			how := stepInstructions(p.Routine, cur.StepID)
			return app.Div().Class("step-how").Body(app.Range(how).Slice(func(i int) app.UI { return app.P().Text(how[i]) }))
		}),
		slot(drawing != nil, func() app.UI { return drawing }),
		slot(next != "", func() app.UI { return app.P().ID("next").Class("next").Text(next) }),
		app.Div().Class("timer-buttons").Body(
			app.Button().ID("back").Class("button big secondary").Text(tr(p.Lang, "Back")).OnClick(p.onBack),
			app.Button().ID(pauseID).Class("button big").Text(pauseLabel).OnClick(p.onPause),
			app.Button().ID("next-step").Class("button big secondary").Text(tr(p.Lang, "Next")).OnClick(p.onNext),
		),
		app.Div().Class("timer-links").Body(
			app.Button().ID("restart").Class("link-button").Text(tr(p.Lang, "Start again")).OnClick(p.onRestart),
			app.Button().ID("stop").Class("link-button").Text(tr(p.Lang, "Stop the routine")).OnClick(p.onStop),
		),
	)
}

// wakeNote says why the screen may go dark during a run: the browser has
// no wake lock, or refused it until the next tap (WebKit does after a
// reload); "" while the screen is kept on. The timer is drawn again five
// times a second, so a refusal shows at once.
func wakeNote(l content.Lang) string {
	switch browser.WakeState() {
	case browser.WakeUnsupported:
		return tr(l, "This browser cannot keep the screen on. Set a longer screen timeout, or tap the screen now and then.")
	case browser.WakeRefused:
		return tr(l, "The screen may turn off. Tap the screen once to keep it on.")
	}
	return ""
}

func (p *routinePage) renderOtherRunning() app.UI {
	title := p.run.Routine
	if rt, ok := p.lib.Routine(p.run.Routine); ok {
		title = rt.Title
	}
	return app.Div().Body(
		app.P().Class("lead").Text(trf(p.Lang, "%s is running.", title)),
		app.P().Body(app.A().Href(href(p.Lang, routinePath(p.run.Routine))).Text(tr(p.Lang, "Go back to it"))),
	)
}

func (p *routinePage) onPause(ctx app.Context, e app.Event) {
	sendRun(ctx, runChange(func(r *routine.Run, now time.Time) {
		if r.Status == routine.Running || r.Status == routine.GetReady {
			r.Pause(now)
		} else {
			r.Resume(now)
		}
	}))
}

func (p *routinePage) onNext(ctx app.Context, e app.Event) {
	sendRun(ctx, runChange((*routine.Run).Next))
}

func (p *routinePage) onBack(ctx app.Context, e app.Event) {
	sendRun(ctx, runChange((*routine.Run).Back))
}

func (p *routinePage) onRestart(ctx app.Context, e app.Event) {
	sendRun(ctx, runChange(func(r *routine.Run, now time.Time) { r.Restart(now, getReady) }))
}

func (p *routinePage) onStop(ctx app.Context, e app.Event) {
	sendRun(ctx, runChange((*routine.Run).Stop))
}

// stepName is the step s of a run of the routine rt as a screen shows it,
// in rt's language (the page's): the content step's title, found by its
// content ID, with its leg. The run keeps the step's ID, so a run started
// in one language reads in the other once the person switches. A step the
// content does not have (a run stored by an older version) keeps the title
// stored with it.
func stepName(l content.Lang, rt content.Routine, s routine.Step) string {
	if s.Kind == routine.SwitchKind {
		return tr(l, "Switch to the right leg")
	}
	title := ""
	for _, c := range rt.Steps {
		if c.ID == s.StepID {
			title = c.Title
		}
	}
	if title == "" {
		return s.Title
	}
	switch s.Side {
	case "left":
		return trf(l, "%s: left leg", title)
	case "right":
		return trf(l, "%s: right leg", title)
	case "both":
		return trf(l, "%s: both legs", title)
	}
	return title
}

// endedAwayName is the step that ended while the app was closed, as
// stepName words it; a run stored before its step's ID was kept says the
// title it stored.
func endedAwayName(l content.Lang, rt content.Routine, r routine.Run) string {
	for _, s := range r.Steps {
		if r.EndedAwayStep != "" && s.ID == r.EndedAwayStep {
			return stepName(l, rt, s)
		}
	}
	return r.EndedAway
}

// runRoutine returns the routine of the run r in the language l, for the
// screens that serve every routine (the running-routine bar, the run
// controller): the zero Routine, whose steps stepName then leaves as
// stored, when the content is not there.
func runRoutine(l content.Lang, r routine.Run) content.Routine {
	if lib := libIn(l); lib != nil {
		if rt, ok := lib.Routine(r.Routine); ok {
			return rt
		}
	}
	return content.Routine{}
}

func stepInstructions(r content.Routine, id string) []string {
	for _, s := range r.Steps {
		if s.ID == id {
			return s.Instructions
		}
	}
	return nil
}
