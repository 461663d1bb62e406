//go:build !wasm

package main

import "github.com/calfandsole/calfandsole/app/server"

// serve serves hello exactly as Calf & Sole is served (server.Main), so the
// benchmark compares the apps, not their servers.
func serve() {
	server.Main(server.Options{
		Pages:           []string{"/"},
		Name:            "Hello",
		ShortName:       "Hello",
		Title:           "Hello",
		Description:     "The smallest go-app app.",
		ThemeColor:      "#1f4e5f",
		BackgroundColor: "#1f4e5f",
	})
}
