//go:build !wasm

package main

import (
	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/app/server"
	"github.com/calfandsole/calfandsole/app/ui"
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
)

// serve runs the server: flags, then serving until stopped (server.Main).
func serve(lib *content.Library, ix *points.Index) {
	server.Main(options(lib, ix))
}

// options describe the app to the server: its pages and names.
func options(lib *content.Library, ix *points.Index) server.Options {
	return server.Options{
		Pages:    ui.Pages(lib),
		PageLang: ui.Lang,
		// go-app's "Starting…" line, which app/server writes into the
		// Chinese pages; app/server's handler has the English.
		LoadingLabels: map[string]string{string(content.Chinese): words.T(content.Chinese, "Starting…")},
		// The Chinese pages are a few percent of an English first visit:
		// kept offline once a Chinese page was shown (README: Languages).
		Later:           ui.Later(lib),
		NotFound:        ui.PathNotFound,
		Aliases:         ui.Aliases(lib, ix),
		Canonical:       ui.Canonical(ix),
		Name:            "Calf & Sole: night cramps and heel pain",
		ShortName:       "Calf & Sole",
		Title:           "Calf & Sole",
		Description:     "Bedtime self-care for night leg cramps and heel pain, from a traditional Chinese medicine article. Works offline.",
		ThemeColor:      "#1f4e5f",
		BackgroundColor: "#1f4e5f",
	}
}
