package ui

import (
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/content"
)

func TestCanonical(t *testing.T) {
	lib := content.MustLoad()
	canonical := Canonical(lib)
	for _, tc := range []struct {
		path, want string
		ok         bool
	}{
		{"/points/ki3", "/points/ki3", true},
		{"/points/kd3", "/points/ki3", true},
		{"/points/Tai Xi", "/points/ki3", true},
		{"/points/taixi", "/points/ki3", true},
		{"/points/太溪", "/points/ki3", true},
		{"/points/", "", false},
		{"/points", "", false},
		{"/points/kd3/more", "", false},
		{"/points/nowhere", "", false},
		{"/about/kd3", "", false},
		{"/kd3", "", false},
	} {
		got, ok := canonical(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Canonical(%q) = %q, %v, want %q, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzCanonical checks, for any path, that an alias leads to one of the
// app's point pages, and that a page's own path leads to itself, so the
// server's redirect never loops.
func FuzzCanonical(f *testing.F) {
	lib := content.MustLoad()
	canonical := Canonical(lib)
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
