package ui

import (
	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// safetyPage is the safety notice: what the app is not, the warning signs
// that need a clinician, and the foot-soak checks.
type safetyPage struct {
	app.Compo
	lib *content.Library
}

func (p *safetyPage) Render() app.UI {
	sf := p.lib.Safety
	return &shell{
		Title: "Safety first",
		Path:  PathSafety,
		Content: []app.UI{
			paragraphs(sf.Notice),
			app.H2().Text("Get medical help instead if"),
			flagList(sf.RedFlags),
			app.H2().Text("Before a hot foot soak"),
			app.Elem("ul").Body(app.Range(sf.Soak).Slice(func(i int) app.UI { return app.Elem("li").Text(sf.Soak[i]) })),
			app.H2().Text("Diabetes, numb feet or poor circulation"),
			app.P().Text(sf.SoakClinician),
			app.H2().Text("Pregnancy"),
			app.P().Text(sf.Pregnancy),
		},
	}
}

func urgencyClass(urgent bool) string {
	if urgent {
		return "flag urgent"
	}
	return "flag"
}

// paragraphs renders each string as a paragraph.
func paragraphs(ps []string) app.UI {
	return app.Div().Class("prose").Body(app.Range(ps).Slice(func(i int) app.UI { return app.P().Text(ps[i]) }))
}
