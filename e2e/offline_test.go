//go:build !wasm

package e2e

import (
	"strings"
	"testing"
)

// The offline tests run against the app's own server here, and against a
// static export served by nginx under a path prefix in static_test.go.

// TestOfflineReload: after one online visit, a reload with the network off
// shows the app, and it works: the theme switch answers and the tabs
// navigate.
func TestOfflineReload(t *testing.T) { checkOfflineReload(newSession(t)) }

// TestOfflineColdStart: with the network off, a new tab opened straight on
// a page, the home page or a deep link, starts the app.
func TestOfflineColdStart(t *testing.T) { checkOfflineColdStart(newSession(t)) }

func checkOfflineReload(s *session) {
	t := s.t
	s.must(s.openInstalled("/"))

	s.b.Proxy.SetOffline(true)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("main h1", "Tonight's self-care"))

	before, err := s.tab.Attr("data-theme")
	s.must(err)
	s.must(s.tab.Click("#theme-toggle"))
	after, err := s.tab.Attr("data-theme")
	s.must(err)
	if after == before || after == "" {
		t.Errorf("offline, the night switch did nothing: data-theme %q then %q", before, after)
	}

	s.must(s.tab.Click(`nav.tabbar a[href="` + s.href("/points") + `"]`))
	s.must(s.tab.WaitText("main h1", "Points"))
	s.must(s.tab.WaitText("main", "Taixi"))
	// The address bar follows, within the app's scope, so a reload there
	// works offline too.
	if err := s.tab.WaitTrue(`location.pathname === "` + s.href("/points") + `"`); err != nil {
		t.Errorf("offline, the Points tab: %v", err)
	}
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("main h1", "Points"))
}

func checkOfflineColdStart(s *session) {
	t := s.t
	s.must(s.openInstalled("/"))
	s.b.Proxy.SetOffline(true)

	tests := []struct {
		path, heading, text string
	}{
		{"/", "Tonight's self-care", "Find a point"},
		{"/points", "Points", "Kunlun"},
		{"/routines", "Routines", "epsom"},
		{"/safety", "Safety first", "Urgent"},
		{"/about/plantar-fasciitis", "", "heel"},
		{"/log?from=homescreen", "Your log", "stays on this phone"},
		// A static host sends /log to /log/: the same page.
		{"/log/", "Your log", "stays on this phone"},
		// Not in the offline copy: the worker answers with the app shell
		// and the app says the page is not here.
		{"/no-such-page", "This page is not here", "Safety first"},
	}
	for _, tt := range tests {
		tab, err := s.b.NewTab()
		s.must(err)
		if err := tab.Open(s.url(tt.path)); err != nil {
			t.Errorf("offline cold start on %s: %v", tt.path, err)
			tab.Close()
			continue
		}
		if tt.heading != "" {
			if err := tab.WaitText("main h1", tt.heading); err != nil {
				t.Errorf("offline cold start on %s: %v", tt.path, err)
			}
		}
		body, err := tab.Text("main")
		s.must(err)
		if !strings.Contains(strings.ToLower(body), strings.ToLower(tt.text)) {
			t.Errorf("offline cold start on %s: page lacks %q", tt.path, tt.text)
		}
		tab.Close()
	}
}
