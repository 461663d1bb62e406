//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// violationProbe records, in every page of a tab, each
// Content-Security-Policy violation the page reports.
const violationProbe = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
	window.__cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") +
		" (" + (e.sourceFile || location.pathname) + ":" + e.lineNumber + ") " + (e.sample || ""));
}, true);`

// cspScreens are the screens of the screens test, plus the pages a person
// reaches in other ways: a point under another name (redirected), the
// printable log, and a path the app does not have (the 404 page).
func cspScreens() []struct{ name, path string } {
	more := []struct{ name, path string }{
		{"point-alias", "/points/kd3"},
		{"log-print", "/log/print"},
		{"not-found", "/no-such-page"},
	}
	return append(append(more[:0:0], screens...), more...)
}

// TestNoCSPViolation opens every screen, online and then offline (served
// by the service worker from its copy), and fails on any violation of the
// Content-Security-Policy or any complaint about the Permissions-Policy.
// A second tab checks, online and offline, that the policy is really in
// force: an injected inline script and style attribute are blocked and
// reported.
func TestNoCSPViolation(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.beforeLoad(violationProbe))
	console := watchPolicyMessages(t, s.tab)
	s.must(s.openInstalled("/"))

	ctl, err := s.b.NewTab()
	s.must(err)
	defer ctl.Close()
	s.must(ctl.beforeLoad(violationProbe))

	for _, mode := range []string{"online", "offline"} {
		s.b.Proxy.SetOffline(mode == "offline")
		for _, sc := range cspScreens() {
			s.must(s.tab.Open(s.url(sc.path)))
			for _, v := range violations(t, s.tab) {
				t.Errorf("%s (%s): %s", sc.name, mode, v)
			}
		}
		checkEnforced(t, ctl, s.url("/points"), mode)
	}
	for _, m := range console.messages() {
		t.Errorf("console: %s", m)
	}

	// Offline, pages come from Cache Storage, with the headers they were
	// stored with: each must still carry the policy.
	missing, err := Eval[[]string](s.tab, `(async () => {
		const missing = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) {
				const res = await cache.match(req);
				if (!res.headers.get("Content-Security-Policy")) missing.push(req.url);
			}
		}
		return missing;
	})()`)
	s.must(err)
	for _, u := range missing {
		t.Errorf("offline copy of %s has no Content-Security-Policy", u)
	}
}

// violations waits for the page to settle and returns the policy
// violations it reported since it loaded.
func violations(t *testing.T, tab *Tab) []string {
	t.Helper()
	v, err := Eval[[]string](tab, `new Promise((done) => setTimeout(() => done(window.__cspViolations || ["the violation probe did not run"]), 300))`)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkEnforced opens url in tab and injects what the policy forbids, an
// inline script and a style attribute nobody listed: neither may take
// effect, and both must be reported, so a test that sees no violation has
// proved something.
func checkEnforced(t *testing.T, tab *Tab, url, mode string) {
	t.Helper()
	if err := tab.Open(url); err != nil {
		t.Fatal(err)
	}
	ran, err := Eval[bool](tab, `(() => {
		const s = document.createElement("script");
		s.textContent = "window.__inlineRan = true";
		document.body.appendChild(s);
		const p = document.createElement("p");
		p.setAttribute("style", "color: rgb(1, 2, 3)");
		p.id = "csp-styled";
		document.body.appendChild(p);
		return !!window.__inlineRan;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Errorf("%s: an injected inline script ran", mode)
	}
	styled, err := Eval[bool](tab, `getComputedStyle(document.getElementById("csp-styled")).color === "rgb(1, 2, 3)"`)
	if err != nil {
		t.Fatal(err)
	}
	if styled {
		t.Errorf("%s: an injected style attribute applied", mode)
	}
	got := strings.Join(violations(t, tab), "\n")
	for _, want := range []string{"script-src-elem blocked inline", "style-src-attr blocked inline"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s: no %q reported; reported:\n%s", mode, want, got)
		}
	}
}

// policyMessages collects what the browser logs about the page's security
// policies.
type policyMessages struct {
	mu   sync.Mutex
	list []string
}

// watchPolicyMessages collects, until the test ends, the browser's console
// messages about the Content-Security-Policy or the Permissions-Policy of
// the pages in tab, such as a blocked resource or an unknown feature.
func watchPolicyMessages(t *testing.T, tab *Tab) *policyMessages {
	t.Helper()
	ctx, cancel := context.WithCancel(tab.Context())
	pm := &policyMessages{}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Source == "security" || strings.Contains(m.Text, "Content Security Policy") ||
				strings.Contains(m.Text, "Permissions-Policy") || strings.Contains(m.Text, "Permissions Policy") {
				pm.mu.Lock()
				pm.list = append(pm.list, fmt.Sprintf("%s %s: %s (%s)", m.Type, m.Source, m.Text, m.URL))
				pm.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return pm
}

func (pm *policyMessages) messages() []string {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	return append([]string(nil), pm.list...)
}
