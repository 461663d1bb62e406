//go:build !wasm

package e2e

import (
	"net"
	"os"
	"path/filepath"
	"testing"
)

// freeAddr returns a loopback address with a free port, so a test can stop
// one server and start another at the same origin.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// newBuild changes what root serves, as a new release would: the content
// hash, and so the version, changes.
func newBuild(t *testing.T, root string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(root, "web", "styles.css"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n/* next build */\n"); err != nil {
		t.Fatal(err)
	}
}

// installedSession serves a copy of web/ at a fixed address, opens the app
// once online, waits until it is saved for offline use and turns night mode
// on, a stored setting that an update must keep.
func installedSession(t *testing.T) (s *session, root, addr, version string) {
	t.Helper()
	root, err := CopyWeb(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	addr = freeAddr(t)
	s = newSessionAt(t, root, addr)
	s.must(s.tab.SetDarkScheme(false))
	s.must(s.openInstalled("/"))
	s.must(s.tab.Click("#theme-toggle"))
	version, err = s.tab.Attr("data-version")
	s.must(err)
	if version == "" {
		t.Fatal("the app does not show its version")
	}
	return s, root, addr, version
}

// restart stops the session's server and serves root again at addr.
func (s *session) restart(root, addr string) {
	s.t.Helper()
	s.srv.Stop()
	srv, err := StartServer(root, addr)
	s.must(err)
	s.t.Cleanup(srv.Stop)
	s.srv = srv
}

// TestUpdate: when a new version is served, the app says an update is ready
// and waits; it applies it only when the person taps "Update now", and
// the stored settings survive.
func TestUpdate(t *testing.T) {
	s, root, addr, v1 := installedSession(t)

	newBuild(t, root)
	s.restart(root, addr)
	s.must(s.tab.Reload())
	_, err := Eval[bool](s.tab, `window.sameDocument = true`)
	s.must(err)
	s.must(s.tab.WaitText("#update", "A new version"))

	// Still the old version, and no reload happened by itself.
	if v, _ := s.tab.Attr("data-version"); v != v1 {
		t.Errorf("version changed to %s before the tap", v)
	}
	if same, _ := Eval[bool](s.tab, `window.sameDocument === true`); !same {
		t.Error("the page reloaded by itself")
	}

	s.must(s.tab.Click("#update-now"))
	if err := s.tab.WaitTrue(`window.sameDocument !== true && document.documentElement.dataset.app === "ready"`); err != nil {
		t.Fatalf("tapping Update now did not reload the app: %v", err)
	}
	v2, err := s.tab.Attr("data-version")
	s.must(err)
	if v2 == v1 || v2 == "" {
		t.Errorf("after the update the version is %q, want a new one (old %q)", v2, v1)
	}
	if theme, _ := s.tab.Attr("data-theme"); theme != "night" {
		t.Errorf("after the update the night setting is lost: data-theme %q", theme)
	}

	// The new version works offline too.
	s.b.Proxy.SetOffline(true)
	s.must(s.tab.Reload())
	if v, _ := s.tab.Attr("data-version"); v != v2 {
		t.Errorf("offline after the update: version %q, want %q", v, v2)
	}
}

// TestUpdateFailed: when a file of the new version cannot be downloaded,
// the app says so instead of hanging, and the version in use keeps working
// offline.
func TestUpdateFailed(t *testing.T) {
	s, root, addr, v1 := installedSession(t)

	newBuild(t, root)
	s.restart(root, addr)
	// The server lists this file for the offline copy but can no longer
	// send it.
	s.must(os.Remove(filepath.Join(root, "web", "icons", "apple-touch-icon.png")))
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#update", "could not be downloaded"))

	s.b.Proxy.SetOffline(true)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("main h1", "Tonight's self-care"))
	if v, _ := s.tab.Attr("data-version"); v != v1 {
		t.Errorf("after a failed update the version is %q, want the old %q", v, v1)
	}
}
