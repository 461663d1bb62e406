//go:build withpage

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Built with -tags withpage, hello shows page instead of its heading: one
// element of HTML given at build time (-ldflags -X main.page=...), drawn by
// go-app as raw HTML, with Calf & Sole's stylesheet. The benchmark (-only
// phases) builds it so with Calf & Sole's home page as its server
// prerenders it, to tell what a real page costs a go-app app from what Calf
// & Sole's own code costs. Without the tag, hello is the smallest go-app
// app, as before.
var page = `<h1>No page given</h1>`

func (h *hello) Render() app.UI {
	return app.Main().Body(
		app.Raw(page),
		app.Button().ID("ping").Text("Ping").OnClick(h.onPing),
	)
}

var styles = []string{"/web/styles.css"}
