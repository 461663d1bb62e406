//go:build !wasm

package e2e

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// session is one test's app server and browser.
type session struct {
	t     *testing.T
	srv   *Server
	b     *Browser
	tab   *Tab
	tmp   string
	shots string
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
	s := &session{t: t, srv: srv, tmp: t.TempDir()}
	s.b, err = NewBrowser(filepath.Join(s.tmp, "profile"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.b.Close()
		s.checkHosts()
	})
	s.tab = s.b.FirstTab()
	return s
}

// openInstalled opens path online and waits until the app is saved for
// offline use, as after a person's first visit.
func (s *session) openInstalled(path string) error {
	if err := s.tab.Open(s.url(path)); err != nil {
		return err
	}
	return s.tab.WaitOffline()
}

// url returns the address of an app path.
func (s *session) url(path string) string { return s.srv.URL + path }

// checkHosts fails the test if the browser asked for any host other than
// the app's own server.
func (s *session) checkHosts() {
	own := s.srv.Addr()
	for _, h := range s.b.Proxy.Hosts() {
		host, _, _ := net.SplitHostPort(h)
		if h != own && host != "127.0.0.1" {
			s.t.Errorf("the browser asked another host: %s (requests: %s)", h, strings.Join(s.b.Proxy.Requests(), ", "))
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
