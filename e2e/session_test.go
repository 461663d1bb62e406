//go:build !wasm

package e2e

import (
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// session is one test's app server and browser.
type session struct {
	t *testing.T
	// srv is the app's own server; nil when nginx serves a static export
	// (static).
	srv    *Server
	static *StaticServer
	// origin is where the server is (http://127.0.0.1:41234); prefix is
	// the path the app is under there: "" at the root, or the static
	// export's, such as "/calf-and-sole".
	origin string
	prefix string
	b      *Browser
	tab    *Tab
	tmp    string
	shots  string
}

// newSession starts the app's server on a free port and a fresh headless
// Chromium that reaches it through the recording proxy. On cleanup it
// fails the test if the browser asked any host but the app's own.
func newSession(t *testing.T) *session {
	t.Helper()
	return newSessionAt(t, RepoRoot, "127.0.0.1:0")
}

func newSessionAt(t *testing.T, root, addr string) *session {
	t.Helper()
	srv, err := StartServer(root, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	s := &session{t: t, srv: srv, origin: srv.URL, tmp: t.TempDir()}
	s.startBrowser()
	return s
}

// newStaticSession exports the app with the path prefix /calf-and-sole and
// serves the export with nginx, as a static host would, to a fresh
// headless Chromium through the recording proxy. On cleanup it fails the
// test if the browser asked any host but nginx, or any path outside the
// prefix.
func newStaticSession(t *testing.T) *session {
	t.Helper()
	tmp := t.TempDir()
	st, err := StartStatic(filepath.Join(tmp, "static"), RepoRoot, "/calf-and-sole")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Stop)
	s := &session{t: t, static: st, origin: st.URL, prefix: st.Prefix, tmp: tmp}
	s.startBrowser()
	return s
}

// startBrowser starts the session's browser, closed on cleanup.
func (s *session) startBrowser() {
	s.t.Helper()
	var err error
	s.b, err = NewBrowser(filepath.Join(s.tmp, "profile"))
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() {
		s.b.Close()
		s.checkHosts()
	})
	s.tab = s.b.FirstTab()
}

// openInstalled opens path online and waits until the app is saved for
// offline use, as after a person's first visit.
func (s *session) openInstalled(path string) error {
	s.b.Proxy.SetOffline(false)
	if err := s.tab.Open(s.url(path)); err != nil {
		return err
	}
	return s.tab.WaitOffline()
}

// url returns the address of an app path ("/log").
func (s *session) url(path string) string { return s.origin + s.prefix + path }

// href returns an app path as the app's links name it: under the prefix.
func (s *session) href(path string) string { return s.prefix + path }

// checkHosts fails the test if the browser asked for any host other than
// the app's own server, or for a path there outside the app's prefix.
func (s *session) checkHosts() { checkProxyHosts(s.t, s.b.Proxy, s.origin, s.prefix) }

// checkProxyHosts fails the test if the proxy p saw a request for any host
// other than origin's, or for a path there outside prefix.
func checkProxyHosts(t *testing.T, p *Proxy, origin, prefix string) {
	t.Helper()
	own := strings.TrimPrefix(origin, "http://")
	for _, h := range p.Hosts() {
		host, _, _ := net.SplitHostPort(h)
		if h != own && host != "127.0.0.1" {
			t.Errorf("the browser asked another host: %s (requests: %s)", h, clip(strings.Join(p.Requests(), ", "), 2000))
		}
	}
	for _, r := range p.Requests() {
		_, addr, _ := strings.Cut(r, " ")
		u, err := url.Parse(addr)
		if err == nil && u.Host == own && u.Path != prefix && !strings.HasPrefix(u.Path, prefix+"/") {
			t.Errorf("the browser asked for %s, outside the app's path %s/", addr, prefix)
		}
	}
}

// must fails the test now when err is not nil.
func (s *session) must(err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatal(err)
	}
}

// shotsDir is where screenshots go: $SHOTS, else shots/ at the repo root.
func shotsDir() string {
	if d := os.Getenv("SHOTS"); d != "" {
		return d
	}
	return filepath.Join(RepoRoot, "shots")
}

// shotLightNight screenshots the screen as it is, in light colours, then
// switches to night and screenshots it again, to $SHOTS/name-light.png and
// name-night.png; the app stays in night colours.
func (s *session) shotLightNight(name string) {
	s.t.Helper()
	s.must(s.tab.Screenshot(filepath.Join(shotsDir(), name+"-light.png")))
	s.must(s.tab.Click("#theme-toggle"))
	s.must(s.tab.Screenshot(filepath.Join(shotsDir(), name+"-night.png")))
}
