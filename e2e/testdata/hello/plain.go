//go:build !withpage

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

func (h *hello) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Hello"),
		app.Button().ID("ping").Text("Ping").OnClick(h.onPing),
	)
}

// styles are the page's stylesheets: go-app's own only.
var styles []string
