//go:build !wasm

package main

import (
	"github.com/calfandsole/calfandsole/app/points"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/server"
	"github.com/calfandsole/calfandsole/app/ui"
	"github.com/calfandsole/calfandsole/content"
)

// TestStaticExport exports the whole app under a path prefix and checks
// that every page is there and that every link, picture, script and
// redirect in every page stays under the prefix: one that did not would
// take the address bar out of the app's scope.
func TestStaticExport(t *testing.T) {
	const prefix = "/calf-and-sole"
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "web"), os.DirFS(filepath.Join("..", "..", "web"))); err != nil {
		t.Fatal(err)
	}
	// The pages do not need the real WebAssembly, which may not be built.
	if err := os.WriteFile(filepath.Join(root, "web", "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := content.MustLoad()
	ix := points.NewIndex(lib.Points)
	ui.Register(lib, ix)
	opts := options(lib, ix)
	opts.Root, opts.Prefix = root, prefix
	dir := filepath.Join(t.TempDir(), "dist")
	if err := server.Export(dir, opts); err != nil {
		t.Fatal(err)
	}

	for _, p := range append(ui.Pages(lib), ui.Aliases(lib, ix)...) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Join(p, "index.html")))); err != nil {
			t.Errorf("no page for %s: %v", p, err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if s := read("404.html"); !strings.Contains(s, "This page is not here") {
		t.Errorf("404.html is not the not-found page:\n%s", s)
	}
	if s := read("points/kd3/index.html"); !strings.Contains(s, `url=`+prefix+`/points/ki3"`) {
		t.Errorf("points/kd3 does not lead to %s/points/ki3:\n%s", prefix, s)
	}

	addr := regexp.MustCompile(`(?:href|src)="([^"]*)"|url=([^"]*)"`)
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range addr.FindAllStringSubmatch(string(b), -1) {
			a := m[1] + m[2]
			if !strings.HasPrefix(a, "#") && !strings.HasPrefix(a, prefix+"/") {
				t.Errorf("%s: %q is not under %s/", strings.TrimPrefix(p, dir), a, prefix)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The pages, the alias pages, 404.html and the "not here" page at
	// its own path (kept by the worker for offline use).
	if want := len(ui.Pages(lib)) + len(ui.Aliases(lib, ix)) + 2; pages != want {
		t.Errorf("the export has %d pages, want %d", pages, want)
	}
}
