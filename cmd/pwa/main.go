// Command pwa is Calf & Sole: built for js/wasm it is the app that runs in
// the browser; built for the host it is the server that prerenders and
// serves the app (see server.go).
package main

import (
	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/app/ui"
	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	lib := content.MustLoad()
	ix := points.NewIndex(lib.Points)
	ui.Register(lib, ix)
	app.RunWhenOnBrowser() // in the browser, this runs the app and never returns
	serve(lib, ix)
}
