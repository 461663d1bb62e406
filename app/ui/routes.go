// Package ui is the Calf & Sole user interface: go-app pages and components
// that arrange what the content and domain packages give them.
package ui

import (
	"strings"

	"github.com/calfandsole/calfandsole/app/points"
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
	ix := points.NewIndex(lib.Points)
	app.Route(PathNotFound, func() app.Composer { return &notFoundPage{} })
	app.Route(PathHome, func() app.Composer { return &homePage{lib: lib} })
	app.Route(PathRoutines, func() app.Composer { return &routinesPage{lib: lib} })
	for _, r := range lib.Routines {
		app.Route(routinePath(r.ID), func() app.Composer { return &routinePage{lib: lib, Routine: r} })
	}
	app.Route(PathPoints, func() app.Composer { return &pointsPage{lib: lib, ix: ix} })
	for _, pt := range lib.Points {
		app.Route(pointPath(pt.ID), func() app.Composer { return &pointPage{lib: lib, ix: ix, Point: pt} })
	}
	app.Route(PathLog, func() app.Composer { return &logPage{} })
	app.Route(PathLogEntry, func() app.Composer { return &logEntryPage{} })
	app.Route(PathLogPrint, func() app.Composer { return &logPrintPage{} })
	app.Route(PathSafety, func() app.Composer { return &safetyPage{lib: lib} })
	app.Route(PathAbout, func() app.Composer { return &aboutPage{lib: lib} })
	for _, p := range lib.Pages {
		app.Route(aboutPath(p.ID), func() app.Composer { return &backgroundPage{page: p} })
	}
	// Any other name of a point (/points/kd3, /points/taixi) shows it too.
	app.RouteWithRegexp("^"+PathPoints+"/[^/]+$", func() app.Composer { return &pointPage{lib: lib, ix: ix} })
	// Any other path, such as an old or mistyped link opened offline:
	// go-app tries exact routes first, then these in order, so this one,
	// last, only catches the rest.
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{} })
}

// Pages returns the path of every page, for prerendering and for the
// service worker's offline copy.
func Pages(lib *content.Library) []string {
	paths := []string{PathHome, PathRoutines, PathPoints, PathLog, PathLogEntry, PathLogPrint, PathSafety, PathAbout}
	for _, r := range lib.Routines {
		paths = append(paths, routinePath(r.ID))
	}
	for _, pt := range lib.Points {
		paths = append(paths, pointPath(pt.ID))
	}
	for _, p := range lib.Pages {
		paths = append(paths, aboutPath(p.ID))
	}
	return paths
}

func aboutPath(id string) string { return PathAbout + "/" + id }

// Canonical returns, for a path the app has under another name, such as
// /points/kd3 or /points/Tai%20Xi, the page's own path (/points/ki3), so
// the server can redirect there.
func Canonical(lib *content.Library) func(path string) (string, bool) {
	ix := points.NewIndex(lib.Points)
	return func(path string) (string, bool) {
		slug, ok := strings.CutPrefix(path, PathPoints+"/")
		if !ok || strings.Contains(slug, "/") {
			return "", false
		}
		pt, ok := ix.Lookup(slug)
		if !ok {
			return "", false
		}
		return pointPath(pt.ID), true
	}
}
