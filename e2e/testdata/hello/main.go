// Command hello is the smallest go-app app, built the way Calf & Sole is
// and served as go-app serves any app by default (its own loader and
// service worker), so the benchmark (e2e/bench) can say what the whole app
// costs over an empty one. Built for js/wasm it is the app; built for the
// host it is the server (server.go).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello is the only screen: a heading and a button that answers a tap.
type hello struct {
	app.Compo
}

// OnMount marks <html data-app="ready">, as Calf & Sole's shell does, so
// the benchmark sees when the app is running.
func (h *hello) OnMount(ctx app.Context) {
	root().Call("setAttribute", "data-app", "ready")
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
