//go:build !wasm

package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
)

// TestInstallable: Chromium finds the manifest complete and reports no
// installability error; the icons it names are the app's own and load.
func TestInstallable(t *testing.T) { checkInstallable(newSession(t)) }

func checkInstallable(s *session) {
	t := s.t
	s.must(s.openInstalled("/"))

	res, err := Call(s.tab, page.GetInstallabilityErrors, cdp.Empty{})
	s.must(err)
	for _, e := range res.InstallabilityErrors {
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}

	m, err := Call(s.tab, page.GetAppManifest, page.GetAppManifestParams{})
	s.must(err)
	for _, e := range m.Errors {
		t.Errorf("manifest error: %s", e.Message)
	}
	var manifest struct {
		Name, ShortName, StartURL, Scope, Display, ThemeColor, BackgroundColor string
		Icons                                                                  []struct{ Src, Sizes, Purpose, Type string }
	}
	raw := strings.NewReplacer("short_name", "shortname", "start_url", "starturl",
		"theme_color", "themecolor", "background_color", "backgroundcolor").Replace(m.Data)
	s.must(json.Unmarshal([]byte(raw), &manifest))
	if manifest.Name == "" || manifest.ShortName == "" || manifest.StartURL == "" ||
		manifest.ThemeColor == "" || manifest.BackgroundColor == "" {
		t.Errorf("manifest lacks a name, short name, start URL or colours: %s", m.Data)
	}
	if manifest.StartURL != s.href("/") || manifest.Scope != s.href("/") {
		t.Errorf("manifest start_url %q, scope %q; want both %q", manifest.StartURL, manifest.Scope, s.href("/"))
	}
	if manifest.Display != "standalone" {
		t.Errorf("manifest display = %q, want standalone", manifest.Display)
	}
	want := map[string]bool{"192x192": false, "512x512": false, "maskable": false}
	for _, ic := range manifest.Icons {
		if !strings.HasPrefix(ic.Src, s.href("/web/")) {
			t.Errorf("icon %s is not one of the app's own files", ic.Src)
		}
		if _, ok := want[ic.Sizes]; ok && ic.Type == "image/png" {
			want[ic.Sizes] = true
		}
		if ic.Purpose == "maskable" {
			want["maskable"] = true
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("manifest has no %s icon: %s", k, m.Data)
		}
	}

	// The apple-touch-icon and every manifest icon load as PNG or SVG.
	srcs, err := Eval[[]string](s.tab, `[...document.querySelectorAll('link[rel="apple-touch-icon"]')].map(l => l.getAttribute("href"))`)
	s.must(err)
	if len(srcs) == 0 {
		t.Error("no apple-touch-icon link")
	}
	for _, ic := range manifest.Icons {
		srcs = append(srcs, ic.Src)
	}
	for _, src := range srcs {
		resp, err := http.Get(s.origin + src)
		s.must(err)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		ct := resp.Header.Get("Content-Type")
		if resp.StatusCode != 200 || !strings.HasPrefix(ct, "image/") {
			t.Errorf("icon %s: status %d, type %q", src, resp.StatusCode, ct)
		}
	}
}

// TestPrerendered: every page's HTML carries its text, so it shows before
// the WebAssembly runs (and to anyone without it).
func TestPrerendered(t *testing.T) {
	srv, err := StartServer(RepoRoot, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	tests := []struct{ path, want string }{
		{"/", "Tonight&#39;s self-care"},
		{"/routines", "Bedtime leg-cramp routine"},
		{"/points", "Taixi"},
		{"/log", "stays on this phone"},
		{"/safety", "Urgent"},
		{"/about", "Source:"},
		{"/about/plantar-fasciitis", "heel"},
		{"/about/supplements", "pharmacist"},
		{"/about/acupuncture", "tradition"},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", tt.path, resp.StatusCode)
		}
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: prerendered HTML lacks %q", tt.path, tt.want)
		}
		if !strings.Contains(string(b), `class="tabbar"`) || !strings.Contains(string(b), `href="/safety"`) {
			t.Errorf("%s: prerendered HTML lacks the navigation with the safety link", tt.path)
		}
	}

	// A path the app does not have, including those go-app would proxy,
	// gets the app's own page with status 404.
	for _, path := range []string{"/no-such-page", "/robots.txt", "/points/"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(b), "This page is not here") {
			t.Errorf("%s: status %d, want 404 with the app's not-found page", path, resp.StatusCode)
		}
	}
}

// TestNightMode: colours follow the phone's setting, a tap switches them by
// hand, and the choice is remembered across a reload.
func TestNightMode(t *testing.T) {
	s := newSession(t)
	bg := func() string {
		v, err := Eval[string](s.tab, `getComputedStyle(document.body).backgroundColor`)
		s.must(err)
		return v
	}
	const lightBg, nightBg = "rgb(247, 243, 236)", "rgb(13, 18, 20)"

	s.must(s.tab.SetDarkScheme(true))
	s.must(s.tab.Open(s.url("/")))
	if got := bg(); got != nightBg {
		t.Errorf("phone in dark mode: background %s, want night %s", got, nightBg)
	}
	s.must(s.tab.SetDarkScheme(false))
	if got := bg(); got != lightBg {
		t.Errorf("phone in light mode: background %s, want light %s", got, lightBg)
	}

	// By hand: night while the phone is light, kept after a reload.
	s.must(s.tab.Click("#theme-toggle"))
	if got := bg(); got != nightBg {
		t.Errorf("after tapping Night: background %s, want %s", got, nightBg)
	}
	pressed, err := Eval[string](s.tab, `document.querySelector("#theme-toggle").getAttribute("aria-pressed")`)
	s.must(err)
	if pressed != "true" {
		t.Errorf("night switch aria-pressed = %q after turning night on", pressed)
	}
	s.must(s.tab.Reload())
	if got := bg(); got != nightBg {
		t.Errorf("after reload: background %s, want the chosen night %s", got, nightBg)
	}

	// Settings: back to following the phone.
	s.must(s.tab.Open(s.url("/about")))
	s.must(s.tab.Click("#theme-auto"))
	s.must(s.tab.Reload())
	if got := bg(); got != lightBg {
		t.Errorf("following a light phone again: background %s, want %s", got, lightBg)
	}
}

// TestInstallButton: when the browser offers installation (Chromium fires
// beforeinstallprompt for an installable app), the home screen shows an
// install button that opens the browser's prompt; on iPhone Safari, which
// has no prompt, it explains Share > Add to Home Screen instead.
func TestInstallButton(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/"))
	s.must(s.tab.WaitText("#install", "Install Calf & Sole"))
	offered, err := Eval[bool](s.tab, `typeof deferredPrompt !== "undefined" && deferredPrompt !== null`)
	s.must(err)
	if !offered {
		t.Fatal("install button shown but the browser has not offered installation")
	}
	// Record the call to the browser's prompt instead of opening it.
	_, err = Eval[bool](s.tab, `(() => {
		deferredPrompt.prompt = () => { window.promptShown = true; };
		deferredPrompt.userChoice = Promise.resolve({outcome: "accepted"});
		return true;
	})()`)
	s.must(err)
	s.must(s.tab.Click("#install-button"))
	shown, err := Eval[bool](s.tab, `new Promise(r => setTimeout(() => r(window.promptShown === true), 300))`)
	s.must(err)
	if !shown {
		t.Error("tapping Install did not open the browser's install prompt")
	}

	iphone, err := s.b.NewTab()
	s.must(err)
	defer iphone.Close()
	_, err = Call(iphone, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
		UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
	})
	s.must(err)
	s.must(iphone.Open(s.url("/")))
	s.must(iphone.WaitText("#install", "Add to Home Screen"))
	if n, _ := Eval[int](iphone, `document.querySelectorAll("#install-button").length`); n != 0 {
		t.Error("iPhone Safari shows an install button it cannot honour")
	}
}
