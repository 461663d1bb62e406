package ui

import (
	"time"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// runner keeps a routine running whatever screen is open: it ticks the run
// on the wall clock, catches up when the page comes back into view, and
// shows a small bar with the step and the time left that leads back to
// the routine. Every screen's shell has one.
type runner struct {
	app.Compo

	// Here is true on the running routine's own screen, which shows the
	// timer in full instead of the bar.
	Here string

	run        routine.Run
	stop       chan struct{}
	offVisible func()
}

func (c *runner) OnMount(ctx app.Context) {
	if r := currentRun(ctx); r != nil {
		c.run = *r
	}
	ctx.ObserveState(stateRun, &c.run)
	c.stop = make(chan struct{})
	stop := c.stop
	ctx.Async(func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				ctx.Dispatch(c.tick)
			}
		}
	})
	// Browsers slow a hidden page's timers to once a minute: catch up at
	// once when it is shown again.
	onVisible := app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(c.tick)
		return nil
	})
	app.Window().Call("addEventListener", "calfsole-visible", onVisible)
	c.offVisible = func() {
		app.Window().Call("removeEventListener", "calfsole-visible", onVisible)
		onVisible.Release()
	}
}

func (c *runner) OnDismount() {
	if c.stop != nil {
		close(c.stop)
	}
	if c.offVisible != nil {
		c.offVisible()
	}
}

// tick brings the run up to now; it is the only place steps end by time.
func (c *runner) tick(ctx app.Context) {
	if !c.run.Active() {
		ctx.PreventUpdate()
		return
	}
	r := c.run
	events := r.Tick(time.Now())
	if len(events) > 0 {
		commit(ctx, &r, events)
		return
	}
	c.run = r
	ctx.SetState(stateRun, r) // the clocks on screen move on
}

func (c *runner) Render() app.UI {
	r := c.run
	if !r.Active() || c.Here == r.Routine {
		return app.Div().Class("runbar-none")
	}
	now := time.Now()
	label := r.Current().Title
	switch r.Status {
	case routine.GetReady:
		label = "Get ready"
	case routine.Paused:
		label = "Paused: " + label
	case routine.Away:
		label = "Waiting: " + label
	}
	return app.A().ID("runbar").Class("runbar").Href(prefixed(routinePath(r.Routine))).Body(
		app.Raw(iconTimer),
		app.Span().Class("runbar-step").Text(label),
		app.Span().Class("runbar-time").Text(routine.FormatClock(r.Remaining(now))),
	)
}
