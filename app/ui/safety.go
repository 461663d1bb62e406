package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/content"
)

// safetyPage is the safety notice: what the app is not, the warning signs
// that need a clinician, and the foot-soak checks.
type safetyPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library
}

func (p *safetyPage) Render() app.UI {
	sf := p.lib.Safety
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Safety first"),
		Path:  PathSafety,
		Content: []app.UI{
			paragraphs(sf.Notice),
			app.H2().Text(tr(p.Lang, "Get medical help instead if")),
			flagList(p.Lang, sf.RedFlags),
			app.H2().Text(tr(p.Lang, "Before a hot foot soak")),
			soakList(sf),
			app.H2().Text(tr(p.Lang, "Diabetes, numb feet or poor circulation")),
			app.P().Text(sf.SoakClinician),
			app.H2().Text(tr(p.Lang, "Pregnancy")),
			app.P().Text(sf.Pregnancy),
		},
	}
}
