//go:build !wasm

package server

import (
	_ "embed"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed app-worker.js
var workerTemplate string

// Options says what to serve.
type Options struct {
	// Root is the directory that holds web/ (default ".").
	Root string
	// Pages are the app's page paths; each is prerendered and precached.
	Pages []string
	// Canonical, when set, names the page a path stands for under another
	// name (an alias); such paths are redirected there.
	Canonical func(path string) (string, bool)
	// NotFound is the routed page path served, with status 404, for any
	// other path; empty for a plain 404.
	NotFound string
	// Aliases are paths that name a page under another name (Canonical
	// says which); a static export writes a page at each that leads there.
	Aliases []string
	// Prefix is the path the app is served under, such as
	// "/calf-and-sole", or "" at the root. Only a static export
	// (Export) writes the app for another prefix than "": the server
	// itself serves at the root.
	Prefix string
	// PageLang, when set, gives the language tag of the page at an app
	// path ("zh-Hans" for /zh/log); the page's html element says it.
	// Pages it gives no tag, or "en", stay English as go-app writes them.
	PageLang func(path string) string
	// LoadingLabels are the words of go-app's "Starting…" line, by
	// language tag, for the pages PageLang says are in that language.
	LoadingLabels map[string]string
	// Later are pages and files under /web/, by language tag, that are
	// served like the others (pages prerendered) but kept offline only
	// once a page in that language was shown (the worker's "keep-lang" message): a person who never
	// picks Chinese never downloads the Chinese pages.
	Later map[string][]string
	// Name, ShortName, Title and Description describe the app.
	Name, ShortName, Title, Description string
	// ThemeColor and BackgroundColor colour the browser and splash screen.
	ThemeColor, BackgroundColor string
	// TestHooks adds web/testhooks.js to every page, for the browser
	// tests; never set for people.
	TestHooks bool
}

// Site is a configured app: its go-app handler and what it serves.
type Site struct {
	// App is the go-app handler, exposed for static export.
	App *app.Handler
	// Version is the content hash of web/, used as the app version.
	Version string

	web fs.FS
	// headers are the security headers every response carries.
	headers http.Header
	// pages are the app's page paths, the only others go-app answers.
	pages     map[string]bool
	notFound  string
	canonical func(string) (string, bool)
	// fresh holds the precompressed copies (app.wasm.br, ...) that are newer
	// than their original; a stale copy is never served.
	fresh map[string]bool
	// rendered holds every page and go-app file, rendered once.
	rendered map[string]*rendered
}

// web file extensions that are served and precached; anything else under
// web/ (sources, notes, scripts) is not served.
var servedExt = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".woff2":       "font/woff2",
}

// New configures the app from the files under opts.Root/web. app.wasm must
// be built first.
func New(opts Options) (*Site, error) {
	if opts.Root == "" {
		opts.Root = "."
	}
	webDir := path.Join(opts.Root, "web")
	web := os.DirFS(webDir)
	wasm, err := fs.Stat(web, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("server: app.wasm not found in %s (build it with make build): %w", webDir, err)
	}
	files, err := webFiles(web)
	if err != nil {
		return nil, fmt.Errorf("server: listing %s: %w", webDir, err)
	}
	if !opts.TestHooks {
		files = slices.DeleteFunc(files, func(f string) bool { return f == testHooks })
	}
	settings := opts
	settings.Root = "" // where the files sit is not what is served
	version, err := contentVersion(web, files, fmt.Sprintf("%+v", settings))
	if err != nil {
		return nil, fmt.Errorf("server: hashing %s: %w", webDir, err)
	}

	// The app's pages under the prefix; go-app adds the root page itself,
	// and puts the files under /web/ and its own files under the prefix
	// (h.Resources).
	pageList := opts.Pages
	if opts.NotFound != "" {
		// The "not here" page is a page too, kept for offline use.
		pageList = append(pageList[:len(pageList):len(pageList)], opts.NotFound)
	}
	later := make(map[string]bool)
	for _, pages := range opts.Later {
		for _, p := range pages {
			later[p] = true
		}
	}
	var cacheable []string
	for _, p := range pageList {
		if p != "/" && !later[p] {
			cacheable = append(cacheable, opts.Prefix+p)
		}
	}
	worker, err := workerScript(opts)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	for _, f := range files {
		if f != "app.wasm" && !later["/web/"+f] {
			cacheable = append(cacheable, "/web/"+f)
		}
	}

	h := &app.Handler{
		Name:            opts.Name,
		ShortName:       opts.ShortName,
		Title:           opts.Title,
		Description:     opts.Description,
		Lang:            "en",
		ThemeColor:      opts.ThemeColor,
		BackgroundColor: opts.BackgroundColor,
		LoadingLabel:    "Starting…",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		Styles:  []string{"/web/styles.css"},
		Scripts: scripts(opts.TestHooks),
		RawHeaders: []string{
			`<link rel="apple-touch-icon" sizes="180x180" href="` + html.EscapeString(opts.Prefix) + `/web/icons/apple-touch-icon.png">`,
			`<meta name="apple-mobile-web-app-capable" content="yes">`,
			`<meta name="apple-mobile-web-app-status-bar-style" content="black-translucent">`,
			`<meta name="apple-mobile-web-app-title" content="` + html.EscapeString(opts.ShortName) + `">`,
		},
		CacheableResources:    cacheable,
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasm.Size(), 10),
		ServiceWorkerTemplate: worker,
	}
	if opts.Prefix != "" {
		h.Resources = prefixResolver(opts.Prefix)
	}
	pages := make(map[string]bool, len(pageList))
	for _, p := range pageList {
		pages[p] = true
	}
	var pageBodies [][]byte
	kept := make(map[string]*rendered)
	for _, p := range pageList {
		r, err := render(h, p)
		if err != nil {
			return nil, fmt.Errorf("server: rendering page %w", err)
		}
		if opts.PageLang != nil {
			lang := opts.PageLang(p)
			if err := r.setLang(lang, opts.LoadingLabels[lang]); err != nil {
				return nil, fmt.Errorf("server: page %s: %w", p, err)
			}
		}
		kept[p] = r
		pageBodies = append(pageBodies, r.body)
	}
	for p := range goappFiles {
		r, err := render(h, p)
		if err != nil {
			return nil, fmt.Errorf("server: rendering go-app's file %w", err)
		}
		kept[p] = r
	}
	loader := kept["/app.js"]
	if loader.body, err = handOverWasm(loader.body); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if err := loader.compress(); err != nil {
		return nil, fmt.Errorf("server: compressing app.js: %w", err)
	}
	return &Site{
		App:       h,
		Version:   version,
		web:       web,
		headers:   securityHeaders(contentSecurityPolicy(inlineSources(pageBodies))),
		pages:     pages,
		notFound:  opts.NotFound,
		canonical: opts.Canonical,
		fresh:     freshCopies(web, files),
		rendered:  kept,
	}, nil
}

// ServeHTTP serves web/ files itself (compressed where it can) and hands
// every other path to go-app.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	for name, v := range s.headers {
		hdr[name] = v
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, "/web/"):
		s.serveWeb(w, r)
	case goappFiles[p] || s.pages[p]:
		s.rendered[p].serve(w, r, http.StatusOK)
	case s.canonical != nil && s.redirect(w, r):
	case s.notFound != "":
		// Any other path gets the app's own "not here" page, with status
		// 404. It is never handed to go-app as it is: go-app would fetch
		// /robots.txt and the like from the request's Host.
		s.rendered[s.notFound].serve(w, r, http.StatusNotFound)
	default:
		http.NotFound(w, r)
	}
}

// redirect sends a path that names a page under another name to the page,
// and reports whether it did.
func (s *Site) redirect(w http.ResponseWriter, r *http.Request) bool {
	to, ok := s.canonical(r.URL.Path)
	if !ok || to == r.URL.Path || !s.pages[to] {
		return false
	}
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return true
}

// prefixResolver resolves go-app's own files, the files under /web/ and the
// root page ("/") under a path prefix. Page paths it leaves alone: the UI
// puts them under the prefix itself (ui.prefixed), and go-app would
// otherwise prefix them a second time when it prerenders a page.
type prefixResolver string

func (p prefixResolver) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return string(p) + "/"
	case location == "/web" || strings.HasPrefix(location, "/web/") || goappFiles[location]:
		return string(p) + location
	}
	return location
}

// goappFiles are the files go-app itself generates.
var goappFiles = map[string]bool{
	"/app.js":               true,
	"/app.css":              true,
	"/wasm_exec.js":         true,
	"/app-worker.js":        true,
	"/manifest.webmanifest": true,
}

// serveWeb serves one file under web/, with the version as its ETag, the
// brotli or gzip copy of app.wasm when the browser takes it, and gzip for
// text.
func (s *Site) serveWeb(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/web/")
	ctype, ok := servedExt[path.Ext(name)]
	if !ok || !fs.ValidPath(name) {
		http.NotFound(w, r)
		return
	}
	file, encoding := name, ""
	if pre, enc, ok := s.precompressed(name, r.Header.Get("Accept-Encoding")); ok {
		file, encoding = pre, enc
	}
	b, err := fs.ReadFile(s.web, file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	etag := `"` + s.Version + `"`
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", etag)
	hdr.Set("Content-Type", ctype)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if encoding != "" {
		hdr.Set("Vary", "Accept-Encoding")
		hdr.Set("Content-Encoding", encoding)
		hdr.Set("Content-Length", strconv.Itoa(len(b)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(b)
		}
		return
	}
	gzipResponse(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(b)
		}
	})).ServeHTTP(w, r)
}

// precompressed returns the brotli or gzip copy of name that the browser
// accepts, if one was written by Precompress.
func (s *Site) precompressed(name, accept string) (file, encoding string, ok bool) {
	for _, c := range []struct{ ext, enc string }{{".br", "br"}, {".gz", "gzip"}} {
		if !acceptsEncoding(accept, c.enc) {
			continue
		}
		if s.fresh[name+c.ext] {
			return name + c.ext, c.enc, true
		}
	}
	return "", "", false
}

// testHooks is the browser tests' script under web/: never precached,
// exported or named in a page unless Options.TestHooks.
const testHooks = "testhooks.js"

// scripts are the app's own scripts, in the order they run: boot.js and
// store.js, and with hooks, the browser tests' hooks.
func scripts(hooks bool) []string {
	s := []string{"/web/boot.js", "/web/store.js"}
	if hooks {
		s = append(s, "/web/"+testHooks)
	}
	return s
}
