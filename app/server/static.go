//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Export writes the whole app as static files into dir, which must be
// empty or absent, for any static host or CDN to serve under opts.Prefix
// ("/calf-and-sole", or "" at the root of a host):
//
//   - every page as path/index.html (index.html for the home page), which
//     static hosts serve at /path/ with no configuration (and at /path
//     with a redirect there);
//   - 404.html, the app's "not here" page, which hosts such as GitHub Pages
//     and Netlify send for any other path;
//   - at each alias (opts.Aliases), a small page that leads to the page it
//     names: a static host cannot redirect;
//   - go-app's files (app.js, wasm_exec.js, app.css, manifest.webmanifest)
//     and the app's service worker (app-worker.js) at the top;
//   - the files under web/ that are served, with the brotli and gzip copies
//     of app.wasm where they are fresh, for hosts that serve them.
//
// Every address in them is under opts.Prefix. go-app keeps the prefix in
// the process's environment (GOAPP_ROOT_PREFIX), so a process exports for
// one prefix at a time.
func Export(dir string, opts Options) error {
	if err := checkPrefix(opts.Prefix); err != nil {
		return err
	}
	site, err := New(opts)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("static export: %s is not empty", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("static export: %w", err)
	}
	x := exporter{site: site, dir: dir}

	for _, p := range opts.Pages {
		x.page(p, path.Join(p, "index.html"), http.StatusOK)
	}
	if opts.NotFound != "" {
		// The "not here" page: for the host to send for any other path,
		// and at its own path, which the worker keeps for offline use.
		x.page(opts.NotFound, "404.html", http.StatusOK)
		x.page(opts.NotFound, path.Join(opts.NotFound, "index.html"), http.StatusOK)
	}
	for _, f := range []string{"/app.js", "/app.css", "/wasm_exec.js", "/app-worker.js"} {
		x.page(f, f, http.StatusOK)
	}
	x.manifest(opts.Prefix)
	for _, a := range opts.Aliases {
		x.alias(a, opts.Prefix, opts.Canonical)
	}
	x.web()
	x.headers()
	// GitHub Pages publishes the files as they are, with no Jekyll step.
	x.write(".nojekyll", nil)
	return x.err
}

// headers writes _headers, the security headers every response must carry
// (Content-Security-Policy, Permissions-Policy, ...), in the form hosts
// such as Netlify and Cloudflare Pages read; for other hosts the README
// says how to set them, and the browser tests' nginx reads this file.
func (x *exporter) headers() {
	h := x.site.SecurityHeaders()
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# The security headers of every response (README: Publish it on a static host).\n/*\n")
	for _, name := range names {
		for _, v := range h[name] {
			fmt.Fprintf(&b, "  %s: %s\n", name, v)
		}
	}
	x.write("_headers", []byte(b.String()))
}

// prefixPattern is what a path prefix may be: "" or path segments of
// letters, digits and - . _ ~, such as "/calf-and-sole".
var prefixPattern = regexp.MustCompile(`^(/[A-Za-z0-9._~-]+)*$`)

// checkPrefix says what is wrong with a path prefix, if anything.
func checkPrefix(prefix string) error {
	ok := prefixPattern.MatchString(prefix)
	for _, seg := range strings.Split(prefix, "/") {
		ok = ok && seg != "." && seg != ".."
	}
	if !ok {
		return fmt.Errorf("static export: prefix %q is not a path such as /calf-and-sole (or empty for the root)", prefix)
	}
	return nil
}

// exporter writes the files of a static export, keeping the first error.
type exporter struct {
	site *Site
	dir  string
	err  error
}

// get returns the body of what site answers for an app path, which must
// have the status want.
func (x *exporter) get(target string, want int) []byte {
	if x.err != nil {
		return nil
	}
	rec := httptest.NewRecorder()
	x.site.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != want {
		x.err = fmt.Errorf("static export: GET %s: status %d, want %d", target, rec.Code, want)
		return nil
	}
	return rec.Body.Bytes()
}

// page writes what site answers for target into the file name.
func (x *exporter) page(target, name string, status int) {
	if b := x.get(target, status); x.err == nil {
		x.write(name, b)
	}
}

// manifest writes go-app's manifest with its scope under the prefix: go-app
// always says "/".
func (x *exporter) manifest(prefix string) {
	b := x.get("/manifest.webmanifest", http.StatusOK)
	if x.err != nil {
		return
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		x.err = fmt.Errorf("static export: reading the manifest: %w", err)
		return
	}
	m["scope"] = prefix + "/"
	if b, x.err = json.Marshal(m); x.err == nil {
		x.write("manifest.webmanifest", b)
	}
}

// aliasPage leads to the page an alias names. A static host cannot
// redirect, and a strict Content-Security-Policy allows no inline script:
// a refresh in a meta element, and a link for the person, do it. The icon
// keeps the browser from asking for /favicon.ico, outside the prefix.
var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.To}}">
<link rel="canonical" href="{{.To}}">
<link rel="icon" href="{{.Icon}}">
<title>Calf &amp; Sole</title>
</head>
<body>
<p><a href="{{.To}}">Open the page</a></p>
</body>
</html>
`))

// alias writes, at the alias path, a page that leads to the page it names.
func (x *exporter) alias(alias, prefix string, canonical func(string) (string, bool)) {
	if x.err != nil {
		return
	}
	to, ok := "", false
	if canonical != nil {
		to, ok = canonical(alias)
	}
	if !ok || !x.site.pages[to] {
		x.err = fmt.Errorf("static export: alias %s names no page", alias)
		return
	}
	var b bytes.Buffer
	page := struct{ To, Icon string }{prefix + to, prefix + "/web/icons/icon.svg"}
	if err := aliasPage.Execute(&b, page); err != nil {
		x.err = fmt.Errorf("static export: alias %s: %w", alias, err)
		return
	}
	x.write(path.Join(alias, "index.html"), b.Bytes())
}

// web copies the files under web/ that are served, with the fresh
// precompressed copies.
func (x *exporter) web() {
	if x.err != nil {
		return
	}
	files, err := webFiles(x.site.web)
	if err != nil {
		x.err = fmt.Errorf("static export: listing web/: %w", err)
		return
	}
	for name := range x.site.fresh {
		files = append(files, name)
	}
	for _, name := range files {
		b, err := fs.ReadFile(x.site.web, name)
		if err != nil {
			x.err = fmt.Errorf("static export: %w", err)
			return
		}
		x.write(path.Join("web", name), b)
	}
}

// write writes b into the file name (slash-separated, under dir).
func (x *exporter) write(name string, b []byte) {
	if x.err != nil {
		return
	}
	if !fs.ValidPath(strings.TrimPrefix(name, "/")) {
		x.err = fmt.Errorf("static export: %q is not a file name in the export", name)
		return
	}
	file := filepath.Join(x.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		x.err = fmt.Errorf("static export: %w", err)
		return
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		x.err = fmt.Errorf("static export: %w", err)
	}
}
