package ui

import (
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// logPage is the symptom log, kept on this phone: for now the routines
// done, newest first.
type logPage struct {
	app.Compo

	history []routineRecord
}

func (p *logPage) OnMount(ctx app.Context) {
	load(ctx, keyHistory, &p.history)
	ctx.ObserveState(stateRun, new(routine.Run)).OnChange(func() {
		load(ctx, keyHistory, &p.history)
	})
}

func (p *logPage) Render() app.UI {
	return &shell{
		Title: "Your log",
		Path:  PathLog,
		Content: []app.UI{
			app.If(len(p.history) == 0, func() app.UI {
				return app.P().Class("lead").Text("Nothing logged yet. Routines you do appear here.")
			}),
			app.Ul().ID("history").Class("history").Body(app.Range(p.history).Slice(func(i int) app.UI {
				h := p.history[len(p.history)-1-i]
				state := "Finished"
				if !h.Completed {
					state = "Stopped early"
				}
				return app.Li().Class("card-plain").Body(
					app.Strong().Text(h.Title),
					app.P().Class("meta").Text(h.Started.Local().Format("Mon 2 Jan, 15:04")+" · "+routine.FormatDuration(h.Ended.Sub(h.Started).Round(time.Minute))+" · "+state),
					app.If(len(h.Steps) > 0, func() app.UI {
						return app.P().Class("small").Text("Done: " + strings.Join(h.Steps, "; "))
					}),
				)
			})),
			app.P().Text("What you log stays on this phone. It is never sent anywhere."),
		},
	}
}
