// Command hello is the smallest go-app app, built the way Calf & Sole is
// and served as go-app serves any app by default (its own loader and
// service worker), so the benchmark (e2e/bench) can say what the whole app
// costs over an empty one. Built for js/wasm it is the app; built for the
// host it is the server (server.go).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// page, when set at build time (-ldflags -X main.page=...), is what the
// screen shows instead of its heading: one element of HTML, drawn by go-app
// as raw HTML, with Calf & Sole's stylesheet (server.go). The benchmark
// (-only phases) builds hello a second time with Calf & Sole's home page
// as its server prerenders it, to tell what a real page costs a go-app app
// from what Calf & Sole's own code costs. Left empty, hello is the
// smallest go-app app.
var page string

// hello is the only screen: a heading and a button that answers a tap.
type hello struct {
	app.Compo
}

// OnMount marks <html data-app="ready">, as Calf & Sole's shell does, so
// the benchmark sees when the app is running.
func (h *hello) OnMount(ctx app.Context) {
	root().Call("setAttribute", "data-app", "ready")
}

func (h *hello) Render() app.UI {
	ping := app.Button().ID("ping").Text("Ping").OnClick(h.onPing)
	if page != "" {
		return app.Div().Body(app.Raw(page), ping)
	}
	return app.Main().Body(app.H1().Text("Hello"), ping)
}

// onPing marks <html data-pinged="1">: the sign the app answered the tap.
func (h *hello) onPing(ctx app.Context, e app.Event) {
	root().Call("setAttribute", "data-pinged", "1")
}

func root() app.Value {
	return app.Window().Get("document").Get("documentElement")
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser() // in the browser, this runs the app and never returns
	serve()
}
