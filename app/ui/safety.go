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
			new(markup).elem("h2", tr(p.Lang, "Get medical help instead if")).ui(),
			flagList(p.Lang, sf.RedFlags),
			new(markup).elem("h2", tr(p.Lang, "Before a hot foot soak")).ui(),
			soakList(sf),
			new(markup).open("section").
				elem("h2", tr(p.Lang, "Diabetes, numb feet or poor circulation")).elem("p", sf.SoakClinician).
				close("section").ui(),
			new(markup).open("section").
				elem("h2", tr(p.Lang, "Pregnancy")).elem("p", sf.Pregnancy).
				close("section").ui(),
		},
	}
}
