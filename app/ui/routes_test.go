//go:build !wasm

package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/points"

	"github.com/calfandsole/calfandsole/content"
)

func TestCanonical(t *testing.T) {
	canonical := Canonical(points.NewIndex(content.MustLoad().Points))
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"/points/kd3", "/points/ki3", true},
		{"/points/Tai Xi", "/points/ki3", true},
		{"/points/ki3", "/points/ki3", true},
		// The server answers these, with a slash, as now: not here. On a
		// static host the app itself shows the page (route).
		{"/points/kd3/", "", false},
		{"/points/", "", false},
		{"/log/", "", false},
		{"/log", "", false},
		{"/", "", false},
		{"/no-such-page/", "", false},
		{"/points/ankle", "", false},
		{"/points/kd3/x", "", false},
		{"/points/taixi", "/points/ki3", true},
		{"/points/太溪", "/points/ki3", true},
		{"/points", "", false},
		{"/points/nowhere", "", false},
		{"/about/kd3", "", false},
		{"/kd3", "", false},
	}
	for _, tt := range tests {
		got, ok := canonical(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAliases(t *testing.T) {
	lib := content.MustLoad()
	aliases := Aliases(lib, points.NewIndex(lib.Points))
	for _, want := range []string{"/points/kd3", "/points/taixi", "/points/tai-xi", "/points/太溪", "/points/great-ravine", "/points/kun-lun"} {
		if !slices.Contains(aliases, want) {
			t.Errorf("Aliases lacks %s: %q", want, aliases)
		}
	}
	canonical := Canonical(points.NewIndex(lib.Points))
	pages := Pages(lib)
	for _, a := range aliases {
		if slices.Contains(pages, a) {
			t.Errorf("alias %s is a page's own path", a)
		}
		if to, ok := canonical(a); !ok || !slices.Contains(pages, to) {
			t.Errorf("alias %s leads nowhere: %q, %v", a, to, ok)
		}
	}
}

func TestPrefixed(t *testing.T) {
	tests := []struct {
		env, path, href, address, app string
	}{
		{"/", "/log", "/log", "/log/entry", "/log/entry"},
		{"/", "/", "/", "/", "/"},
		{"", "/log", "/log", "/log", "/log"},
		{"/calf-and-sole/", "/log", "/calf-and-sole/log", "/calf-and-sole/log/entry", "/log/entry"},
		{"/calf-and-sole/", "/", "/calf-and-sole/", "/calf-and-sole/", "/"},
		{"/calf-and-sole/", "/points/ki3", "/calf-and-sole/points/ki3", "/calf-and-sole/points/kd3/", "/points/kd3/"},
	}
	for _, tt := range tests {
		t.Setenv("GOAPP_ROOT_PREFIX", tt.env)
		if got := prefixed(tt.path); got != tt.href {
			t.Errorf("with prefix %q, prefixed(%q) = %q, want %q", tt.env, tt.path, got, tt.href)
		}
		if got := appPath(tt.address); got != tt.app {
			t.Errorf("with prefix %q, appPath(%q) = %q, want %q", tt.env, tt.address, got, tt.app)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	lib := content.MustLoad()
	canonical := Canonical(points.NewIndex(lib.Points))
	pages := make(map[string]bool)
	for _, p := range Pages(lib) {
		pages[p] = true
	}
	for _, seed := range []string{"/points/kd3", "/points/Tai Xi", "/points/太溪", "/points/ki3", "/points/", "/points/a/b",
		"/points/%2e%2e", "/points/../log", "/points/ki3\x00", "/points/" + strings.Repeat("k", 200), "", "/"} {
		f.Add(seed)
	}
	for _, pt := range lib.Points {
		f.Add("/points/" + pt.ID)
		f.Add("/points/" + pt.Pinyin)
		f.Add("/points/" + pt.WHOCode)
	}
	f.Fuzz(func(t *testing.T, path string) {
		to, ok := canonical(path)
		if !ok {
			if to != "" {
				t.Fatalf("Canonical(%q) = %q with ok false", path, to)
			}
			return
		}
		if !strings.HasPrefix(path, PathPoints+"/") {
			t.Fatalf("Canonical(%q) = %q for a path outside %s/", path, to, PathPoints)
		}
		if !pages[to] || !strings.HasPrefix(to, PathPoints+"/") {
			t.Fatalf("Canonical(%q) = %q, not a point page", path, to)
		}
		if again, ok := canonical(to); !ok || again != to {
			t.Fatalf("Canonical(%q) = %q, but Canonical(%q) = %q, %v", path, to, to, again, ok)
		}
	})
}

// TestRoutedExactly: every page, in both languages and with a trailing
// slash, has its own route, so a start on any of them can leave the
// pattern routes for later; another name of a point, or an unknown path,
// has none, so a start there registers the patterns at once.
func TestRoutedExactly(t *testing.T) {
	lib := content.MustLoad()
	Register(lib, points.NewIndex(lib.Points))
	for _, p := range Pages(lib) {
		if !routedExactly(p) {
			t.Errorf("%s has no exact route", p)
		}
		if p != PathHome && !routedExactly(p+"/") {
			t.Errorf("%s/ has no exact route", p)
		}
	}
	for _, p := range []string{"/points/kd3", "/zh/points/kd3", "/points/太溪", "/nowhere", "/zh/nowhere", "/about/kd3"} {
		if routedExactly(p) {
			t.Errorf("%s is routed exactly; it needs the patterns", p)
		}
	}
}
