//go:build !wasm

package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// screens are the app's screens, for the layout test and the screenshots.
var screens = []struct{ name, path string }{
	{"home", "/"},
	{"routines", "/routines"},
	{"points", "/points"},
	{"points-search", "/points?q=heel"},
	{"point-ki3", "/points/ki3"},
	{"point-bl57", "/points/bl57"},
	{"point-st36", "/points/st36"},
	{"point-shimian", "/points/shimian"},
	{"log", "/log"},
	{"log-cramp", "/log/cramp"},
	{"log-heel", "/log/heel"},
	{"routine-bedtime", "/routines/bedtime"},
	{"safety", "/safety"},
	{"about", "/about"},
	{"about-tradition", "/about/tradition"},
}

// TestScreens opens every screen on a 390x844 phone, light and night, and
// checks what a person would hit first: nothing wider than the screen,
// every tap target at least 44 px (48 px for the main controls), the
// safety notice one tap away, and no serious or critical accessibility
// problem that axe-core finds. It saves a screenshot of each to shots/ for
// a person to look at.
func TestScreens(t *testing.T) {
	s := newSession(t)
	for _, mode := range []string{"light", "night"} {
		s.must(s.tab.SetDarkScheme(mode == "night"))
		// At night, also the phone's "reduce motion" setting.
		s.must(s.tab.SetReducedMotion(mode == "night"))
		for _, sc := range screens {
			s.must(s.tab.Open(s.url(sc.path)))
			if mode == "night" {
				s.noMotion(sc.name)
			}
			if theme, _ := Eval[string](s.tab, `getComputedStyle(document.documentElement).colorScheme`); !strings.Contains(theme, map[string]string{"light": "light", "night": "dark"}[mode]) {
				t.Errorf("%s in %s mode: color-scheme is %q", sc.name, mode, theme)
			}
			width, err := Eval[int](s.tab, `document.documentElement.scrollWidth`)
			s.must(err)
			if width > PhoneWidth {
				t.Errorf("%s (%s): page is %d px wide on a %d px phone", sc.name, mode, width, PhoneWidth)
			}
			small, err := Eval[[]string](s.tab, `[...document.querySelectorAll("nav.tabbar a, button, .card, .choice, .brand")]
				.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.height < 48 || r.width < 48); })
				.map(e => (e.id || e.textContent.trim().slice(0, 20)) + " " + Math.round(e.getBoundingClientRect().width) + "x" + Math.round(e.getBoundingClientRect().height))`)
			s.must(err)
			for _, e := range small {
				t.Errorf("%s: tap target smaller than 48 px: %s", sc.name, e)
			}
			safety, err := Eval[bool](s.tab, `!!document.querySelector('nav.tabbar a[href="/safety"]')`)
			s.must(err)
			if !safety {
				t.Errorf("%s: no safety link in the navigation", sc.name)
			}
			s.axeClean(sc.name, mode)
			s.must(s.tab.Screenshot(filepath.Join(shotsDir(), fmt.Sprintf("%s-%s.png", sc.name, mode))))
		}
	}
}

// TestScreensInUse checks, with axe-core, light and night, the screens that
// only show once the app is in use: the log with entries and its trends,
// an entry being edited, and the routine timer running.
func TestScreensInUse(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/")))
	s.logCramp(nil)
	s.must(s.tab.Click(`#log-heel`))
	s.must(s.tab.WaitText("main h1", "Log heel pain"))
	s.must(s.tab.Click("#save"))
	s.must(s.tab.WaitTrue(`location.pathname === "/log"`))
	for _, mode := range []string{"light", "night"} {
		s.must(s.tab.SetDarkScheme(mode == "night"))
		s.must(s.tab.Open(s.url("/log")))
		s.must(s.tab.WaitTrue(`document.querySelector("#trends svg") && document.querySelectorAll("#history .entry").length === 2`))
		s.axeClean("log with entries", mode)
		s.must(s.tab.Screenshot(filepath.Join(shotsDir(), "log-entries-"+mode+".png")))
		s.must(s.tab.Click(`#history a.link-button`))
		s.must(s.tab.WaitText("main h1", "Edit entry"))
		s.axeClean("editing an entry", mode)
	}
	s.must(s.tab.Open(s.url("/routines/foot-pain")))
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "Yongquan"))
	for _, mode := range []string{"light", "night"} {
		s.must(s.tab.SetDarkScheme(mode == "night"))
		s.axeClean("routine running", mode)
		s.must(s.tab.Screenshot(filepath.Join(shotsDir(), "routine-running-"+mode+".png")))
	}
}

// noMotion fails the test if anything on the page moves while the phone
// asks for reduced motion, or if go-app's loading spinner (shown while the
// app starts) would spin.
func (s *session) noMotion(screen string) {
	s.t.Helper()
	moving, err := Eval[[]string](s.tab, `(() => {
		const out = document.getAnimations().map(a => "animation " + (a.animationName || a.id || "?"));
		for (const e of document.querySelectorAll("*")) {
			const st = getComputedStyle(e);
			if (st.transitionDuration.split(",").some(d => parseFloat(d) > 0)) out.push("transition on " + (e.id || e.className || e.tagName));
		}
		const spin = document.createElement("div");
		spin.className = "goapp-spin";
		document.body.append(spin);
		if (getComputedStyle(spin).animationName !== "none") out.push("go-app's loading spinner spins");
		spin.remove();
		return out;
	})()`)
	s.must(err)
	for _, m := range moving {
		s.t.Errorf("%s with reduced motion: %s", screen, m)
	}
}

// axeClean fails the test for every serious or critical accessibility
// problem axe-core finds on the page as it is.
func (s *session) axeClean(screen, mode string) {
	s.t.Helper()
	found, err := s.tab.Axe("serious")
	s.must(err)
	for _, v := range found {
		s.t.Errorf("%s (%s): accessibility: %s", screen, mode, v)
	}
}
