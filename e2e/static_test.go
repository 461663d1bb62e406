//go:build !wasm

package e2e

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatic serves a static export of the app (bin/pwa -static) under
// /calf-and-sole/ with nginx, a plain static file server, and runs the
// offline browser tests against it, after what only a static host shows:
// deep links it redirects (/log to /log/), alias pages, its 404 page, file
// types. The session fails the test if the browser asks for anything
// outside /calf-and-sole/.
func TestStatic(t *testing.T) {
	s := newStaticSession(t)
	// The host sends the export's security headers (_headers): the app
	// runs under the same Content-Security-Policy as from the Go server.
	s.must(s.tab.beforeLoad(violationProbe))
	checkStaticFiles(s)
	checkStaticOnline(s)
	checkInstallable(s)
	checkOfflineReload(s)
	checkOfflineColdStart(s)
	checkPointPagesOffline(s)
	for _, v := range violations(t, s.tab) {
		t.Errorf("static host: %s", v)
	}
}

// checkStaticFiles asks the host for files as any browser would: the
// WebAssembly must come as application/wasm (browsers compile it while it
// downloads only then), compressed when the host has the copy, and a path
// that is not there gets the app's page that says so.
func checkStaticFiles(s *session) {
	t := s.t
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path, accept string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, s.url(path), nil)
		s.must(err)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		res, err := client.Do(req)
		s.must(err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		s.must(err)
		return res, string(b)
	}
	tests := []struct {
		path, accept string
		status       int
		ctype, enc   string
	}{
		{"/web/app.wasm", "", 200, "application/wasm", ""},
		{"/web/app.wasm", "gzip, deflate, br", 200, "application/wasm", "gzip"},
		{"/app-worker.js", "", 200, "application/javascript", ""},
		{"/", "", 200, "text/html", ""},
		{"/no-such-page", "", 404, "text/html", ""},
	}
	for _, tt := range tests {
		res, body := get(tt.path, tt.accept)
		if res.StatusCode != tt.status || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) || res.Header.Get("Content-Encoding") != tt.enc {
			t.Errorf("GET %s (Accept-Encoding %q): status %d, type %q, encoding %q; want %d, %q, %q",
				s.url(tt.path), tt.accept, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"), tt.status, tt.ctype, tt.enc)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q, want the app's (from the export's _headers)", s.url(tt.path), csp)
		}
		if tt.status == 404 && !strings.Contains(body, "This page is not here") {
			t.Errorf("GET %s: not the app's not-found page:\n%.300s", s.url(tt.path), body)
		}
	}
}

// checkStaticOnline opens the app online as a first visit from a link
// would: the prefix with no slash and a deep link, which the host answers
// with a redirect to the same path with a slash; an alias, whose page leads to the point's own; a path
// that is not there. Then, on every screen, every link, picture, style and
// script stays under the prefix, and tapping a tab keeps the address there.
func checkStaticOnline(s *session) {
	t := s.t
	s.b.Proxy.SetOffline(false)
	tests := []struct {
		path, heading, landing string
	}{
		{"", "Tonight's self-care", "/"},
		{"/points/ki3", "Taixi (KI3)", "/points/ki3/"},
		{"/points/kd3", "Taixi (KI3)", "/points/ki3"},
		{"/points/太溪", "Taixi (KI3)", "/points/ki3"},
		{"/log", "Your log", "/log/"},
		{"/no-such-page", "This page is not here", "/no-such-page"},
	}
	for _, tt := range tests {
		if err := s.tab.Open(s.url(tt.path)); err != nil {
			t.Errorf("opening %s: %v", tt.path, err)
			continue
		}
		if err := s.tab.WaitText("main h1", tt.heading); err != nil {
			t.Errorf("opening %s: %v", tt.path, err)
		}
		if err := s.tab.WaitTrue(`location.pathname.replace(/\/$/, "") === "` + strings.TrimSuffix(s.href(tt.landing), "/") + `"`); err != nil {
			t.Errorf("opening %s: %v", tt.path, err)
		}
	}

	for _, sc := range screens {
		s.must(s.tab.Open(s.url(sc.path)))
		outside, err := Eval[[]string](s.tab, `[...document.querySelectorAll("a[href], link[href], img[src], script[src]")]
			.map(e => e.getAttribute(e.hasAttribute("href") ? "href" : "src"))
			.filter(a => !a.startsWith("#") && !a.startsWith("`+s.href("/")+`"))`)
		s.must(err)
		for _, a := range outside {
			t.Errorf("%s: %q is not under %s", sc.path, a, s.href("/"))
		}
		if sc.name == "home" || sc.name == "point-ki3" {
			s.must(s.tab.Screenshot(filepath.Join(shotsDir(), "static-"+sc.name+".png")))
		}
	}

	s.must(s.tab.Open(s.url("/")))
	for _, tab := range []string{"/log", "/routines", "/safety", "/points", "/"} {
		s.must(s.tab.Click(`nav.tabbar a[href="` + s.href(tab) + `"]`))
		if err := s.tab.WaitTrue(`location.pathname === "` + s.href(tab) + `"`); err != nil {
			t.Errorf("tapping the tab %s: %v", tab, err)
		}
	}
}
