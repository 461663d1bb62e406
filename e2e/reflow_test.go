//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reflowScreens are the phone screens the reflow test lays every screen
// out on: the smallest phone in use and the usual one, each at 100% and
// 200% of the browser's default text size.
var reflowScreens = []Screen{
	{320, 568, DefaultTextSize},
	{320, 568, 2 * DefaultTextSize},
	{PhoneWidth, PhoneHeight, DefaultTextSize},
	{PhoneWidth, PhoneHeight, 2 * DefaultTextSize},
}

// phone is the screen the other tests use.
var phone = Screen{PhoneWidth, PhoneHeight, DefaultTextSize}

// shown is one screen as the reflow test opens it: path, then wait until
// the JavaScript expression ready is true ("" for nothing more).
type shown struct {
	name, path, ready string
}

// TestReflow lays out every screen, the forms, the log with entries, the
// print summary and the running timer on a 320x568 and a 390x844 phone,
// at 100% and 200% of the browser's default text size, light and night,
// and fails on anything a person with a small phone or large text would
// meet: sideways scrolling, text cut off or not following the text size,
// overlapping or covered controls, controls under 48 px, and any serious
// accessibility problem axe-core finds. It saves a full-page screenshot of
// each to $SHOTS/reflow (shots/reflow by default).
func TestReflow(t *testing.T) {
	s := newSession(t)
	phases := []struct {
		// setup brings the app into the state the screens show.
		setup   func()
		screens []shown
	}{
		{nil, withReady(screens)},
		{
			func() {
				s.must(s.tab.SetScreen(phone))
				s.must(s.tab.Open(s.url("/")))
				s.logCramp(func() { s.must(s.tab.Type("#note", "Woke at 2, left calf, walked it off in the kitchen")) })
				s.must(s.tab.Click(`#log-heel`))
				s.must(s.tab.WaitText("main h1", "Log heel pain"))
				s.must(s.tab.Click("#save"))
				s.must(s.tab.WaitTrue(`location.pathname === "/log"`))
			},
			[]shown{
				{"log-entries", "/log", `document.querySelector("#trends svg") && document.querySelectorAll("#history .entry").length === 2`},
				{"log-edit", "/log", `document.querySelector("#history a.link-button")`},
				{"log-print", "/log/print", `document.querySelector("#print-summary table")`},
			},
		},
		{
			func() {
				s.must(s.tab.SetScreen(phone))
				s.must(s.tab.Open(s.url("/routines/foot-pain")))
				s.must(s.tab.Click("#questions-skip"))
				s.must(s.tab.WaitTrue(`document.querySelector("#start")`))
			},
			[]shown{
				// The nightly reminder's form, opened (before the routine's
				// own screen: the next phase starts the routine there).
				{"routines-reminder", "/routines", `(d => !!d && (d.open = true) && !!document.querySelector("#reminder-make"))(document.querySelector("#reminder"))`},
				{"routine-setup", "/routines/foot-pain", `document.querySelector("#start")`},
			},
		},
		{
			func() {
				s.must(s.tab.Click("#start"))
				s.must(s.tab.WaitText("#step-title", "Yongquan"))
			},
			[]shown{
				{"routine-running", "/routines/foot-pain", `document.querySelector("#countdown")`},
				{"runbar", "/points", `document.querySelector("#runbar")`},
			},
		},
	}
	dir := filepath.Join(shotsDir(), "reflow")
	for _, ph := range phases {
		if ph.setup != nil {
			ph.setup()
		}
		for _, st := range ph.screens {
			for _, sc := range reflowScreens {
				t.Run(st.name+"/"+sc.String(), func(t *testing.T) {
					s := s.with(t)
					s.must(s.tab.SetScreen(sc))
					s.must(s.tab.Open(s.url(st.path)))
					if st.ready != "" {
						s.must(s.tab.WaitTrue(st.ready))
					}
					if st.name == "log-edit" {
						s.must(s.tab.Click(`#history a.link-button`))
						s.must(s.tab.WaitText("main h1", "Edit entry"))
						s.must(s.tab.WaitTrue(`document.querySelector("#entry-form #note")`))
					}
					for _, mode := range []string{"light", "night"} {
						s.must(s.tab.SetDarkScheme(mode == "night"))
						problems, err := s.tab.LayoutProblems(sc.Text)
						s.must(err)
						for _, p := range problems {
							t.Errorf("%s: %s", mode, p)
						}
						s.axeClean(st.name+" "+sc.String(), mode)
						s.must(s.tab.PageScreenshot(sc, filepath.Join(dir, fmt.Sprintf("%s-%d-%d-%s.png", st.name, sc.W, sc.Text*100/DefaultTextSize, mode))))
					}
				})
			}
		}
	}
	s.must(s.tab.SetScreen(phone))
	if os.Getenv("SHOTS") == "" {
		t.Logf("screenshots in %s", dir)
	}
}

// with returns the session for a subtest: the same app and browser, with
// failures reported to t.
func (s *session) with(t *testing.T) *session {
	c := *s
	c.t = t
	return &c
}

// withReady turns the screens list into shown screens with nothing more
// to wait for.
func withReady(list []struct{ name, path string }) []shown {
	out := make([]shown, len(list))
	for i, sc := range list {
		out[i] = shown{name: sc.name, path: sc.path}
	}
	return out
}

// landscape is a phone held on its side.
var landscape = Screen{844, 390, DefaultTextSize}

// TestTimerLandscape runs a routine on a phone held on its side, as it
// stands on a table during the soak, and checks that the step's name, the
// countdown, and Pause and Next are all on the screen at once, with no
// scrolling, none covered by the bars; and that axe-core finds no serious
// problem there.
func TestTimerLandscape(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/routines/foot-pain")))
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "Yongquan"))
	s.must(s.tab.SetScreen(landscape))
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#step-title", "Yongquan"))
	for _, mode := range []string{"light", "night"} {
		s.must(s.tab.SetDarkScheme(mode == "night"))
		for _, want := range []struct{ name, sel string }{
			{"the step's name", "#step-title"},
			{"the countdown", "#countdown"},
			{"Pause", "#pause"},
			{"Next", "#next-step"},
		} {
			where, err := Eval[string](s.tab, fmt.Sprintf(onScreen, want.sel))
			s.must(err)
			if where != "" {
				t.Errorf("%s, %s: %s %s", landscape, mode, want.name, where)
			}
		}
		s.axeClean("routine running "+landscape.String(), mode)
		s.must(s.tab.Screenshot(filepath.Join(shotsDir(), "reflow", "routine-running-landscape-"+mode+".png")))
	}
	s.must(s.tab.SetScreen(phone))
}

// onScreen says where the element %q is if a person cannot see and tap
// all of it on the screen as the page opened, unscrolled; "" if they can.
const onScreen = `(() => {
	const e = document.querySelector(%q);
	if (!e) return "is not on the page";
	if (window.scrollY !== 0) return "needed the page scrolled to " + window.scrollY + " px";
	const r = e.getBoundingClientRect(), w = document.documentElement.clientWidth, h = window.innerHeight;
	if (r.top < 0 || r.left < 0 || r.bottom > h || r.right > w) {
		return "is at " + [r.left, r.top, r.right, r.bottom].map(Math.round).join(",") + ", outside the " + w + "x" + h + " screen";
	}
	const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
	if (!hit || !(hit === e || e.contains(hit))) return "is covered by " + (hit ? hit.tagName + "." + hit.className : "nothing");
	return "";
})()`

// TestFontSizesRelative reads the stylesheet: every font size on screen is
// relative (rem, em, %, or a step of the type scale), so that the app
// follows the person's text size; px sizes are for paper only (@media
// print).
func TestFontSizesRelative(t *testing.T) {
	css, err := os.ReadFile(filepath.Join(RepoRoot, "web", "styles.css"))
	if err != nil {
		t.Fatal(err)
	}
	screen := string(css)
	if i := strings.Index(screen, "@media print {"); i >= 0 {
		end := strings.Index(screen[i:], "\n}")
		if end < 0 {
			t.Fatal("styles.css: @media print is not closed")
		}
		screen = screen[:i] + screen[i+end:]
	}
	fixed := regexp.MustCompile(`(?m)(font-size|font)\s*:[^;}]*\d(px|pt)\b`)
	for _, m := range fixed.FindAllString(screen, -1) {
		t.Errorf("styles.css: a fixed font size, which does not follow the person's text size: %s", m)
	}
}

// reflowChinese are the main Chinese screens the Chinese reflow test lays
// out, the ready condition as in TestReflow.
var reflowChinese = []shown{
	{"zh-home", "/zh", ""},
	{"zh-routines", "/zh/routines", ""},
	{"zh-routine-setup", "/zh/routines/bedtime", `document.querySelector("#questions, #start")`},
	{"zh-points", "/zh/points", ""},
	{"zh-points-search", "/zh/points?q=脚跟", `document.querySelector("#results .cards")`},
	{"zh-point-ki3", "/zh/points/ki3", ""},
	{"zh-log", "/zh/log", ""},
	{"zh-log-cramp", "/zh/log/cramp", `document.querySelector("#entry-form #note")`},
	{"zh-safety", "/zh/safety", ""},
	{"zh-about", "/zh/about", ""},
}

// TestReflowChinese lays out the main Chinese screens, and the running
// timer, on the smallest phone (320 px wide) at 200% text, where Chinese
// lines break differently from English ones, and fails on what TestReflow
// fails on: sideways scrolling, text cut off, overlapping or covered
// controls, targets under 48 px. Screenshots go to $SHOTS/reflow-zh.
func TestReflowChinese(t *testing.T) {
	s := newSession(t)
	sc := Screen{320, 568, 2 * DefaultTextSize}
	dir := filepath.Join(shotsDir(), "reflow-zh")
	check := func(st shown) {
		t.Run(st.name, func(t *testing.T) {
			s := s.with(t)
			s.must(s.tab.SetScreen(sc))
			s.must(s.tab.Open(s.url(st.path)))
			s.must(s.tab.WaitTrue(`/[\u4e00-\u9fff]/.test(document.querySelector("main h1").innerText)`))
			if st.ready != "" {
				s.must(s.tab.WaitTrue(st.ready))
			}
			problems, err := s.tab.LayoutProblems(sc.Text)
			s.must(err)
			for _, p := range problems {
				t.Error(p)
			}
			s.must(s.tab.PageScreenshot(sc, filepath.Join(dir, st.name+".png")))
		})
	}
	for _, st := range reflowChinese {
		check(st)
	}
	s.must(s.tab.SetScreen(phone))
	s.must(s.tab.Open(s.url("/zh/routines/foot-pain")))
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "涌泉"))
	check(shown{"zh-routine-running", "/zh/routines/foot-pain", `document.querySelector("#countdown")`})
	check(shown{"zh-runbar", "/zh/points", `document.querySelector("#runbar")`})
	s.must(s.tab.SetScreen(phone))
}
