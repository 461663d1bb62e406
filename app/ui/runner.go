package ui

import (
	"github.com/calfandsole/calfandsole/content"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/routine"
)

// runner shows, on every screen but the routine's own, a small bar with
// the running routine's step and time left that leads back to it. Every
// screen's shell has one; it also hands the stored run to the run
// controller when a screen opens, so a routine goes on whatever screen the
// app opens on.
type runner struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// Here is the ID of the routine whose own screen this is, which shows
	// the timer in full instead of the bar.
	Here string

	run   routine.Run
	clock time.Duration
}

func (c *runner) OnMount(ctx app.Context) {
	c.run = readRun(ctx, time.Now())
	ctx.ObserveState(stateRun, &c.run)
	ctx.ObserveState(stateClock, &c.clock)
	sendRun(ctx, runLoad{})
}

func (c *runner) Render() app.UI {
	r := c.run
	if !r.Active() || c.Here == r.Routine {
		return app.Div().Class("runbar-none")
	}
	label := stepName(c.Lang, runRoutine(c.Lang, r), r.Current())
	switch r.Status {
	case routine.GetReady:
		label = tr(c.Lang, "Get ready")
	case routine.Paused:
		label = trf(c.Lang, "Paused: %s", label)
	case routine.Away:
		label = trf(c.Lang, "Waiting: %s", label)
	}
	return app.A().ID("runbar").Class("runbar").Href(href(c.Lang, routinePath(r.Routine))).Body(
		app.Raw(iconTimer),
		app.Span().Class("runbar-step").Text(label),
		app.Span().Class("runbar-time").Text(routine.FormatClock(r.Remaining(time.Now()))),
	)
}
