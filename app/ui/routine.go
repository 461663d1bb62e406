package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// routinePage is one routine: set it up (steps, times, legs), pass the
// safety checks, then follow the timer: the step in large type, the
// countdown, the point's drawing, what comes next, and large Pause, Next
// and Back buttons usable in the dark.
type routinePage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library

	// Routine is the routine this page is for.
	Routine content.Routine

	run       routine.Run
	clock     time.Duration
	runError  string
	health    healthAnswers
	choices   routine.Choices
	flagsSeen bool
	soakOK    bool
	// startAt is the content step to start at (?step=), from a point page.
	startAt string
}

func routinePath(id string) string { return PathRoutines + "/" + id }

func (p *routinePage) OnNav(ctx app.Context) {
	p.startAt = ctx.Page().URL().Query().Get("step")
}

func (p *routinePage) OnMount(ctx app.Context) {
	load(ctx, keyHealth, &p.health)
	load(ctx, keyChoices+p.Routine.ID, &p.choices)
	load(ctx, keyFlagsRun+p.Routine.ID, &p.flagsSeen)
	p.run = readRun(ctx, time.Now()) // the last run, even if over
	ctx.ObserveState(stateRun, &p.run)
	ctx.ObserveState(stateClock, &p.clock)
	ctx.ObserveState(stateRunError, &p.runError)
}

func (p *routinePage) Render() app.UI {
	var body app.UI
	switch {
	case p.run.Active() && p.run.Routine == p.Routine.ID:
		body = p.renderTimer()
	case p.run.Active():
		body = p.renderOtherRunning()
	case !p.health.Asked:
		body = p.renderQuestions()
	default:
		body = p.renderSetup()
	}
	return &shell{
		Lang:    p.Lang,
		Title:   p.Routine.Title,
		Path:    PathRoutines,
		Routine: p.Routine.ID,
		Content: []app.UI{body},
	}
}

func (p *routinePage) onStart(ctx app.Context, e app.Event) {
	scale := 1.0
	if s := browser.TestScale(); s > 0 {
		scale = s
	}
	plan := routine.Plan(p.Routine, p.choices, p.health.Health, scale)
	if len(plan) == 0 {
		return
	}
	p.flagsSeen = true
	save(ctx, keyFlagsRun+p.Routine.ID, true)
	r := routine.Start(p.Routine.ID, plan, time.Now(), time.Duration(float64(getReady)*min(scale*10, 1)))
	for i, s := range plan {
		if s.StepID == p.startAt {
			r.Index = i
			break
		}
	}
	p.run = *r
	sendRun(ctx, runStart{run: *r})
	browser.ScrollToTop()
}
