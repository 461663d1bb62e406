package ui

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// routinesPage lists the two routines with their steps and times.
type routinesPage struct {
	app.Compo
	lib *content.Library
}

func (p *routinesPage) Render() app.UI {
	return &shell{
		Title: "Routines",
		Path:  PathRoutines,
		Content: []app.UI{
			app.P().Class("lead").Text("Two routines from the article. Do them sitting down, before sleep."),
			&reminderForm{Routines: p.lib.Routines},
			app.Range(p.lib.Routines).Slice(func(i int) app.UI {
				return p.renderRoutine(p.lib.Routines[i])
			}),
		},
	}
}

func (p *routinesPage) renderRoutine(r content.Routine) app.UI {
	return app.Elem("section").ID(r.ID).Class("routine").Body(
		app.H2().Text(r.Title),
		app.P().Text(r.Summary),
		app.P().Class("meta").Text("About "+routine.FormatDuration(routine.Total(r).Round(time.Minute))+" in all, doing both legs."),
		app.A().ID("start-"+r.ID).Class("button big").Href(prefixed(routinePath(r.ID))).Text("Start "+strings.ToLower(r.Title[:1])+r.Title[1:]),
		app.If(hasSoak(r), func() app.UI { return p.renderSoakChecks() }),
		app.Elem("ol").Class("steps").Body(
			app.Range(r.Steps).Slice(func(i int) app.UI {
				return p.renderStep(r.ID, r.Steps[i])
			}),
		),
	)
}

func (p *routinesPage) renderStep(routineID string, s content.Step) app.UI {
	d := routine.FormatDuration(time.Duration(s.Seconds) * time.Second)
	if s.PerSide {
		d += " each leg"
	}
	title := app.Elem("strong").Text(s.Title)
	if s.Point != "" {
		title = app.Elem("strong").Body(app.A().Href(prefixed(pointPath(s.Point))).Text(s.Title))
	}
	return app.Elem("li").ID(stepAnchor(routineID, s.ID)).Body(
		app.Div().Class("step-head").Body(
			title,
			app.Span().Class("duration").Text(d),
		),
		app.Range(s.Instructions).Slice(func(i int) app.UI {
			return app.P().Text(s.Instructions[i])
		}),
		app.If(s.Suggested, func() app.UI {
			return app.P().Class("small").Text("The article gives no time for this step; this is the app's suggestion.")
		}),
	)
}

func (p *routinesPage) renderSoakChecks() app.UI {
	sf := p.lib.Safety
	return app.Elem("aside").Class("callout").Body(
		app.H3().Text("Before the foot soak"),
		soakList(sf),
		app.P().Body(app.Elem("strong").Text("Diabetes, numb feet or poor circulation? "), app.Text(sf.SoakClinician)),
	)
}

func hasSoak(r content.Routine) bool {
	for _, s := range r.Steps {
		if s.Kind == content.StepSoak {
			return true
		}
	}
	return false
}
