//go:build !wasm

package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportOptions are the options of the test exports: the test page at "/"
// and "/log", a not-found page, and an alias of "/log".
func exportOptions(root, prefix string) Options {
	app.Route("/log", func() app.Composer { return &testPage{} })
	app.Route("/not-found", func() app.Composer { return &testPage{} })
	return Options{
		Root:     root,
		Pages:    []string{"/", "/log"},
		NotFound: "/not-found",
		Aliases:  []string{"/journal"},
		Canonical: func(p string) (string, bool) {
			if p == "/journal" {
				return "/log", true
			}
			return "", false
		},
		Prefix:    prefix,
		Name:      "T",
		ShortName: "T",
	}
}

// export writes a static export of a test root and returns its directory.
func export(t *testing.T, prefix string) string {
	t.Helper()
	root := writeRoot(t)
	// A fresh gzip copy of app.wasm, and a stale brotli one.
	wasm := filepath.Join(root, "web", "app.wasm")
	writeFile(t, wasm+".gz", []byte("gzip copy"))
	writeFile(t, wasm+".br", []byte("stale brotli copy"))
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(wasm+".br", old, old); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "dist")
	if err := Export(dir, exportOptions(root, prefix)); err != nil {
		t.Fatalf("Export(%q): %v", prefix, err)
	}
	return dir
}

func readExported(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportFiles: each page in a directory of its own, the not-found page
// as 404.html and at its own path (for the worker), go-app's files and the worker at the top, the web/ files
// that are served, and nothing else.
func TestExportFiles(t *testing.T) {
	dir := export(t, "/calf-and-sole")
	want := []string{
		".nojekyll", "_headers", "404.html", "not-found/index.html", "index.html", "log/index.html", "journal/index.html",
		"app.js", "app.css", "wasm_exec.js", "app-worker.js", "manifest.webmanifest",
		"web/app.wasm.gz",
	}
	for _, f := range servedFiles {
		want = append(want, "web/"+f)
	}
	got := make(map[string]bool)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range want {
		if !got[f] {
			t.Errorf("the export lacks %s", f)
		}
		delete(got, f)
	}
	for f := range got {
		t.Errorf("the export holds %s, which is not served", f)
	}
	headers := readExported(t, dir, "_headers")
	for _, want := range []string{"/*\n", "  Content-Security-Policy: default-src 'self'", "  Permissions-Policy: ", "  Referrer-Policy: no-referrer\n", "  X-Content-Type-Options: nosniff\n"} {
		if !strings.Contains(headers, want) {
			t.Errorf("_headers lacks %q:\n%s", want, headers)
		}
	}
	for name, b := range map[string]string{"index.html": "Test page", "log/index.html": "Test page", "404.html": "Test page"} {
		if s := readExported(t, dir, name); !strings.Contains(s, b) || !strings.Contains(s, "<html") {
			t.Errorf("%s is not the prerendered page:\n%s", name, s)
		}
	}
}

// TestExportPrefix: every address in the export is under the prefix, and
// with no prefix, at the root.
func TestExportPrefix(t *testing.T) {
	for _, prefix := range []string{"/calf-and-sole", "/a/b", ""} {
		dir := export(t, prefix)
		under := func(what, addr string) {
			t.Helper()
			if !strings.HasPrefix(addr, prefix+"/") || strings.HasPrefix(addr, "//") {
				t.Errorf("prefix %q: %s has %q, not under the prefix", prefix, what, addr)
			}
		}

		attr := regexp.MustCompile(`(?:href|src)="([^"#][^"]*)"`)
		for _, page := range []string{"index.html", "log/index.html", "404.html", "journal/index.html"} {
			for _, m := range attr.FindAllStringSubmatch(readExported(t, dir, page), -1) {
				under(page, m[1])
			}
		}
		if s := readExported(t, dir, "journal/index.html"); !strings.Contains(s, `http-equiv="refresh" content="0; url=`+prefix+`/log"`) {
			t.Errorf("prefix %q: the alias page does not lead to %s/log:\n%s", prefix, prefix, s)
		}

		var m struct {
			Scope    string `json:"scope"`
			StartURL string `json:"start_url"`
			Icons    []struct{ Src string }
		}
		if err := json.Unmarshal([]byte(readExported(t, dir, "manifest.webmanifest")), &m); err != nil {
			t.Fatal(err)
		}
		if m.Scope != prefix+"/" || m.StartURL != prefix+"/" {
			t.Errorf("prefix %q: manifest scope %q, start_url %q", prefix, m.Scope, m.StartURL)
		}
		for _, ic := range m.Icons {
			under("the manifest", ic.Src)
		}

		worker := readExported(t, dir, "app-worker.js")
		list := regexp.MustCompile(`const resourcesToCache = (\[.*\]);`).FindStringSubmatch(worker)
		if list == nil {
			t.Fatalf("no resourcesToCache in app-worker.js")
		}
		var resources []string
		if err := json.Unmarshal([]byte(list[1]), &resources); err != nil {
			t.Fatal(err)
		}
		seen := make(map[string]bool)
		for _, r := range resources {
			under("the worker's list", r)
			if seen[r] {
				t.Errorf("prefix %q: the worker lists %s twice", prefix, r)
			}
			seen[r] = true
		}
		for _, want := range []string{prefix + "/", prefix + "/log", prefix + "/web/app.wasm", prefix + "/app.js"} {
			if !seen[want] {
				t.Errorf("prefix %q: the worker does not keep %s: %q", prefix, want, resources)
			}
		}

		js := readExported(t, dir, "app.js")
		root := prefix + "/"
		for _, want := range []string{`"GOAPP_ROOT_PREFIX":"` + root + `"`, `"GOAPP_STATIC_RESOURCES_URL":"` + prefix + `/web"`,
			`"` + prefix + `/app-worker.js"`, `"` + prefix + `/web/app.wasm"`} {
			if !strings.Contains(js, want) {
				t.Errorf("prefix %q: app.js lacks %s", prefix, want)
			}
		}
	}
}

// TestExportRefuses: a directory with files in it, a prefix that is not a
// plain path, and an alias that names no page.
func TestExportRefuses(t *testing.T) {
	root := writeRoot(t)
	full := t.TempDir()
	writeFile(t, filepath.Join(full, "keep.txt"), []byte("mine"))
	if err := Export(full, exportOptions(root, "")); err == nil {
		t.Error("Export wrote into a directory with files in it")
	}
	if s := readExported(t, full, "keep.txt"); s != "mine" {
		t.Errorf("keep.txt changed to %q", s)
	}
	for _, prefix := range []string{"calf", "/calf/", "/..", "/a/../b", "/a b", `/"x"`, "/a?b", "//host"} {
		if err := Export(filepath.Join(t.TempDir(), "dist"), exportOptions(root, prefix)); err == nil {
			t.Errorf("Export took the prefix %q", prefix)
		}
	}
	opts := exportOptions(root, "")
	opts.Aliases = []string{"/nowhere"}
	if err := Export(filepath.Join(t.TempDir(), "dist"), opts); err == nil {
		t.Error("Export wrote an alias that names no page")
	}
}
