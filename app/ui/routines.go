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

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library
}

func (p *routinesPage) Render() app.UI {
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Routines"),
		Path:  PathRoutines,
		Content: []app.UI{
			app.P().Class("lead").Text(tr(p.Lang, "Two routines from the article. Do them sitting down, before sleep.")),
			&reminderForm{Lang: p.Lang, Routines: p.lib.Routines},
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
		app.P().Class("meta").Text(trf(p.Lang, "About %s in all, doing both legs.", routine.FormatDurationIn(p.Lang, routine.Total(r).Round(time.Minute)))),
		app.A().ID("start-"+r.ID).Class("button big").Href(href(p.Lang, routinePath(r.ID))).Text(startLabel(p.Lang, r.Title)),
		app.If(hasSoak(r), func() app.UI { return p.renderSoakChecks() }),
		app.Elem("ol").Class("steps").Body(
			app.Range(r.Steps).Slice(func(i int) app.UI {
				return p.renderStep(r.ID, r.Steps[i])
			}),
		),
	)
}

func (p *routinesPage) renderStep(routineID string, s content.Step) app.UI {
	d := routine.FormatDurationIn(p.Lang, time.Duration(s.Seconds)*time.Second)
	if s.PerSide {
		d = trf(p.Lang, "%s each leg", d)
	}
	title := app.Elem("strong").Text(s.Title)
	if s.Point != "" {
		title = app.Elem("strong").Body(app.A().Href(href(p.Lang, pointPath(s.Point))).Text(s.Title))
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
			return app.P().Class("small").Text(tr(p.Lang, "The article gives no time for this step; this is the app's suggestion."))
		}),
	)
}

func (p *routinesPage) renderSoakChecks() app.UI {
	sf := p.lib.Safety
	return app.Elem("aside").Class("callout").Body(
		app.H3().Text(tr(p.Lang, "Before the foot soak")),
		soakList(sf),
		app.P().Body(app.Elem("strong").Text(tr(p.Lang, "Diabetes, numb feet or poor circulation? ")), app.Text(sf.SoakClinician)),
	)
}

// startLabel is the button that starts a routine: "Start bedtime
// routine", "开始睡前腿抽筋调理".
func startLabel(l content.Lang, title string) string {
	if l == content.English && title != "" {
		title = strings.ToLower(title[:1]) + title[1:]
	}
	return trf(l, "Start %s", title)
}

func hasSoak(r content.Routine) bool {
	for _, s := range r.Steps {
		if s.Kind == content.StepSoak {
			return true
		}
	}
	return false
}
