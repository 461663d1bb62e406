package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage answers a path the app does not have, such as an old or
// mistyped link, with the way back.
type notFoundPage struct {
	app.Compo
}

func (p *notFoundPage) Render() app.UI {
	return &shell{
		Title: "This page is not here",
		Content: []app.UI{
			app.P().Class("lead").Text("The link may be old or mistyped. Everything in the app is one tap away below."),
			app.Elem("ul").Class("cards").Body(
				card(PathHome, iconHome, "Home", "The routines, the points and your log."),
				card(PathSafety, iconSafety, "Safety first", "The warning signs that need a clinician."),
			),
		},
	}
}
