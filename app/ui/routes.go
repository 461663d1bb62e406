// Package ui is the Calf & Sole user interface: go-app pages and components
// that arrange what the content and domain packages give them.
package ui

import (
	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Page paths.
const (
	PathHome     = "/"
	PathRoutines = "/routines"
	PathPoints   = "/points"
	PathLog      = "/log"
	PathSafety   = "/safety"
	PathAbout    = "/about"
	// PathNotFound is the page the server sends, with status 404, for a
	// path the app does not have.
	PathNotFound = "/not-found"
)

// Register routes every page of the app to its component. It runs on both
// the server (prerendering) and the browser.
func Register(lib *content.Library) {
	app.Route(PathNotFound, func() app.Composer { return &notFoundPage{} })
	app.Route(PathHome, func() app.Composer { return &homePage{lib: lib} })
	app.Route(PathRoutines, func() app.Composer { return &routinesPage{lib: lib} })
	app.Route(PathPoints, func() app.Composer { return &pointsPage{lib: lib} })
	app.Route(PathLog, func() app.Composer { return &logPage{} })
	app.Route(PathSafety, func() app.Composer { return &safetyPage{lib: lib} })
	app.Route(PathAbout, func() app.Composer { return &aboutPage{lib: lib} })
	for _, p := range lib.Pages {
		app.Route(aboutPath(p.ID), func() app.Composer { return &backgroundPage{page: p} })
	}
	// Any other path, such as an old or mistyped link opened offline:
	// go-app tries exact routes first, so this only catches the rest.
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{} })
}

// Pages returns the path of every page, for prerendering and for the
// service worker's offline copy.
func Pages(lib *content.Library) []string {
	paths := []string{PathHome, PathRoutines, PathPoints, PathLog, PathSafety, PathAbout}
	for _, p := range lib.Pages {
		paths = append(paths, aboutPath(p.ID))
	}
	return paths
}

func aboutPath(id string) string { return PathAbout + "/" + id }
