package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/content"
)

// notFoundPage answers a path the app does not have, such as an old or
// mistyped link, with the way back.
type notFoundPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
}

func (p *notFoundPage) Render() app.UI {
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "This page is not here"),
		Content: []app.UI{
			new(markup).elem("p", tr(p.Lang, "The link may be old or mistyped. Everything in the app is one tap away below."), "class", "lead").ui(),
			new(markup).open("ul", "class", "cards").
				card(p.Lang, PathHome, iconHome, tr(p.Lang, "Home"), tr(p.Lang, "The routines, the points and your log.")).
				card(p.Lang, PathSafety, iconSafety, tr(p.Lang, "Safety first"), tr(p.Lang, "The warning signs that need a clinician.")).
				close("ul").ui(),
		},
	}
}
