//go:build wasm

package main

import (
	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/content"
)

// serve is never reached in the browser: app.RunWhenOnBrowser does not
// return there. The server lives in server.go, out of app.wasm.
func serve(*content.Library, *points.Index) {}
