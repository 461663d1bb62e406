package ui

import (
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/content/names"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/content"
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

// Register routes every page of the app to its component, and starts the
// run controller. It runs on both the server (prerendering) and the
// browser. ix is the points' one search index.
func Register(lib *content.Library, ix *points.Index) {
	run := &runController{lib: lib, now: time.Now}
	app.Handle(actionRun, run.handle)
	route(PathNotFound, func() app.Composer { return &notFoundPage{} })
	route(PathHome, func() app.Composer { return &homePage{lib: lib} })
	route(PathRoutines, func() app.Composer { return &routinesPage{lib: lib} })
	for _, r := range lib.Routines {
		route(routinePath(r.ID), func() app.Composer { return &routinePage{lib: lib, Routine: r} })
	}
	route(PathPoints, func() app.Composer { return &pointsPage{lib: lib, ix: ix} })
	for _, pt := range lib.Points {
		route(pointPath(pt.ID), func() app.Composer { return &pointPage{lib: lib, ix: ix, Point: pt} })
	}
	route(PathLog, func() app.Composer { return &logPage{} })
	route(PathLogCramp, func() app.Composer { return &logEntryPage{Kind: journal.KindCramp} })
	route(PathLogHeel, func() app.Composer { return &logEntryPage{Kind: journal.KindHeel} })
	route(PathLogEntry, func() app.Composer { return &logEntryPage{} })
	route(PathLogPrint, func() app.Composer { return &logPrintPage{} })
	route(PathSafety, func() app.Composer { return &safetyPage{lib: lib} })
	route(PathAbout, func() app.Composer { return &aboutPage{lib: lib} })
	for _, p := range lib.Pages {
		route(aboutPath(p.ID), func() app.Composer { return &backgroundPage{page: p} })
	}
	// Any other name of a point (/points/kd3, /points/taixi) shows it too.
	app.RouteWithRegexp("^"+PathPoints+"/[^/]+/?$", func() app.Composer { return &pointPage{lib: lib, ix: ix} })
	// Any other path, such as an old or mistyped link opened offline:
	// go-app tries exact routes first, then these in order, so this one,
	// last, only catches the rest.
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{} })
}

// route routes path, and path with a trailing slash: a static host keeps
// each page in a directory (log/index.html) and answers /log with a
// redirect to /log/.
func route(path string, c func() app.Composer) {
	app.Route(path, c)
	if path != PathHome {
		app.Route(path+"/", c)
	}
}

// prefixed returns the address of the app path p ("/log") where the app is
// served: p itself at the root of a host, or p under the path prefix of a
// static export ("/calf-and-sole/log"), which go-app keeps in the
// environment variable GOAPP_ROOT_PREFIX ("/" at the root). Every link and
// navigation in the UI goes through it, so the address bar never leaves
// the app's scope. Files under /web/ need not: go-app resolves those
// itself (app.Handler.Resources).
func prefixed(p string) string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + p
}

// appPath returns the app path of an address path: without the root
// prefix, as go-app routes it ("/calf-and-sole/points/kd3" is
// "/points/kd3").
func appPath(p string) string {
	p = strings.TrimPrefix(p, app.Getenv("GOAPP_ROOT_PREFIX"))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// Pages returns the path of every page, for prerendering and for the
// service worker's offline copy.
func Pages(lib *content.Library) []string {
	paths := []string{PathHome, PathRoutines, PathPoints, PathLog, PathLogCramp, PathLogHeel, PathLogEntry, PathLogPrint, PathSafety, PathAbout}
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
func Canonical(ix *points.Index) func(path string) (string, bool) {
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

// Aliases returns the paths that name a point's page under another name:
// its other codes, pinyin, hanzi and English names as URL slugs
// (/points/kd3, /points/taixi, /points/great-ravine). A static export
// writes a page at each that leads to the point's own page; any other
// spelling is found by the app itself (Canonical, and the point page's
// route).
func Aliases(lib *content.Library, ix *points.Index) []string {
	canonical := Canonical(ix)
	seen := make(map[string]bool)
	var paths []string
	for _, pt := range lib.Points {
		for _, name := range pt.Names() {
			p := PathPoints + "/" + names.Slug(name)
			if to, ok := canonical(p); !ok || to != pointPath(pt.ID) || p == to || seen[p] {
				continue
			}
			seen[p] = true
			paths = append(paths, p)
		}
	}
	return paths
}
