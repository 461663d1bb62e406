package ui

import (
	"strings"
	"sync"
	"time"

	"github.com/calfandsole/calfandsole/content/names"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
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

// Register routes every page of the app to its component, in English at
// its path and in Chinese under PathChinese, and starts the run controller.
// It runs on both the server (prerendering) and the browser. ix is the
// English points' one search index; the Chinese content and its index are
// read the first time a Chinese page opens.
func Register(lib *content.Library, ix *points.Index) {
	run := &runController{lib: lib, now: time.Now}
	app.Handle(actionRun, run.handle)
	zh := chineseEdition(lib)
	en := englishEdition(lib, ix, zh)
	for _, ed := range []*edition{en, zh} {
		editions[ed.lang] = ed
		registerIn(ed, lib)
	}
	// Any other name of a point (/points/kd3, /points/taixi) shows it too;
	// any other path, such as an old or mistyped link opened offline, shows
	// "not here". go-app tries exact routes first, then these in order, so
	// the last, "^/", only catches the rest. They are patterns, and
	// compiling go-app's regexps (with the regexp code V8 compiles on its
	// first call) held a phone's start up: so when the app starts on a page
	// routed exactly, which every link in the app is, they wait until the
	// first screen has been up a moment (laterRoutes).
	patterns := func() {
		for _, ed := range []*edition{zh, en} {
			app.RouteWithRegexp("^"+inLang(ed.lang, PathPoints)+"/[^/]+/?$", func() app.Composer {
				lib, ix := ed.get()
				return &pointPage{Lang: ed.lang, lib: lib, ix: ix}
			})
		}
		app.RouteWithRegexp("^"+PathChinese+"(/|$)", func() app.Composer { return &notFoundPage{Lang: content.Chinese} })
		app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{Lang: content.English} })
	}
	if app.IsServer || !routedExactly(appPath(browser.URL().Path)) {
		patterns()
		return
	}
	laterRoutes = sync.OnceFunc(patterns)
}

// exactly holds every path routed exactly (route).
var exactly = make(map[string]bool)

// routedExactly reports whether path has its own route, not a pattern.
func routedExactly(path string) bool { return exactly[path] }

// laterRoutes, when not nil, registers the pattern routes that Register
// left for after the first screen; the shell calls it once that screen is
// up (routesAfter).
var laterRoutes func()

// routesAfter is how long after the first screen is up the pattern routes
// are registered: past the first taps, which they would otherwise delay.
const routesAfter = time.Second

// registerIn routes the pages of one language. The IDs of routines,
// points and pages come from the English library; each page reads its
// text from its language's edition when it opens.
func registerIn(ed *edition, en *content.Library) {
	l := ed.lang
	page := func(path string, c func(lib *content.Library, ix *points.Index) app.Composer) {
		route(inLang(l, path), func() app.Composer { return c(ed.get()) })
	}
	page(PathNotFound, func(*content.Library, *points.Index) app.Composer { return &notFoundPage{Lang: l} })
	page(PathHome, func(lib *content.Library, _ *points.Index) app.Composer { return &homePage{Lang: l, lib: lib} })
	page(PathRoutines, func(lib *content.Library, _ *points.Index) app.Composer { return &routinesPage{Lang: l, lib: lib} })
	for _, r := range en.Routines {
		page(routinePath(r.ID), func(lib *content.Library, _ *points.Index) app.Composer {
			rt, _ := lib.Routine(r.ID)
			return &routinePage{Lang: l, lib: lib, Routine: rt}
		})
	}
	page(PathPoints, func(lib *content.Library, ix *points.Index) app.Composer {
		return &pointsPage{Lang: l, lib: lib, search: ed.search}
	})
	for _, pt := range en.Points {
		page(pointPath(pt.ID), func(lib *content.Library, ix *points.Index) app.Composer {
			p, _ := lib.Point(pt.ID)
			return &pointPage{Lang: l, lib: lib, ix: ix, Point: p}
		})
	}
	page(PathLog, func(lib *content.Library, _ *points.Index) app.Composer { return &logPage{Lang: l, lib: lib} })
	page(PathLogCramp, func(*content.Library, *points.Index) app.Composer {
		return &logEntryPage{Lang: l, Kind: journal.KindCramp}
	})
	page(PathLogHeel, func(*content.Library, *points.Index) app.Composer {
		return &logEntryPage{Lang: l, Kind: journal.KindHeel}
	})
	page(PathLogEntry, func(*content.Library, *points.Index) app.Composer { return &logEntryPage{Lang: l} })
	page(PathLogPrint, func(lib *content.Library, _ *points.Index) app.Composer { return &logPrintPage{Lang: l, lib: lib} })
	page(PathSafety, func(lib *content.Library, _ *points.Index) app.Composer { return &safetyPage{Lang: l, lib: lib} })
	page(PathAbout, func(lib *content.Library, _ *points.Index) app.Composer { return &aboutPage{Lang: l, lib: lib} })
	for _, p := range en.Pages {
		page(aboutPath(p.ID), func(lib *content.Library, _ *points.Index) app.Composer {
			pg, _ := lib.Page(p.ID)
			return &backgroundPage{Lang: l, page: pg}
		})
	}
}

// route routes path, and path with a trailing slash: a static host keeps
// each page in a directory (log/index.html) and answers /log with a
// redirect to /log/.
func route(path string, c func() app.Composer) {
	app.Route(path, c)
	exactly[path] = true
	if path != PathHome {
		app.Route(path+"/", c)
		exactly[path+"/"] = true
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
	return strings.TrimSuffix(rootPrefix(), "/") + p
}

// rootPrefix returns go-app's GOAPP_ROOT_PREFIX. In the browser it is read
// once: it cannot change while the page lives, and each read is two calls
// into JavaScript, which every link on the first screen paid while the app
// started. The server reads it each time, as a static export sets it
// before prerendering.
func rootPrefix() string {
	if app.IsServer {
		return app.Getenv("GOAPP_ROOT_PREFIX")
	}
	prefixOnce.Do(func() { prefix = app.Getenv("GOAPP_ROOT_PREFIX") })
	return prefix
}

var (
	prefixOnce sync.Once
	prefix     string
)

// appPath returns the app path of an address path: without the root
// prefix, as go-app routes it ("/calf-and-sole/points/kd3" is
// "/points/kd3").
func appPath(p string) string {
	p = strings.TrimPrefix(p, rootPrefix())
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// Pages returns the path of every page, in English then in Chinese, for
// prerendering and for the service worker's offline copy.
func Pages(lib *content.Library) []string {
	en := PagesIn(lib, content.English)
	return append(en, PagesIn(lib, content.Chinese)...)
}

// PagesIn returns the path of every page in the language l.
func PagesIn(lib *content.Library, l content.Lang) []string {
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
	for i, p := range paths {
		paths[i] = inLang(l, p)
	}
	return paths
}

// Lang returns the language tag of the page at the app path p ("zh-Hans"
// for /zh/log), for the server to write in the page's html element.
func Lang(p string) string {
	l, _ := splitLang(p)
	return string(l)
}

func aboutPath(id string) string { return PathAbout + "/" + id }

// Canonical returns, for a path the app has under another name, such as
// /points/kd3 or /points/Tai%20Xi, the page's own path (/points/ki3), so
// the server can redirect there.
func Canonical(ix *points.Index) func(path string) (string, bool) {
	return func(path string) (string, bool) {
		l, path := splitLang(path)
		slug, ok := strings.CutPrefix(path, PathPoints+"/")
		if !ok || strings.Contains(slug, "/") {
			return "", false
		}
		pt, ok := ix.Lookup(slug)
		if !ok {
			return "", false
		}
		return inLang(l, pointPath(pt.ID)), true
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
			paths = append(paths, p, inLang(content.Chinese, p))
		}
	}
	return paths
}
