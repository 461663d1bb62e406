//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/app/ui"
	"github.com/calfandsole/calfandsole/content"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// startProbe records, from inside each new page, from its first paint on:
// every text its <h1> shows, in order (an empty one only once the page has
// been read: before, the parser may not have reached its text yet); whether the "not here" page's text
// ever shows; when the app is ready (html[data-app=ready]); how many of
// the person's inputs and taps came before that and after; and the layout
// shifts (what the browser counts as content moving by itself).
const startProbe = `(() => {
	if (window !== window.top || window.__e2eStart) {
		return;
	}
	const rec = window.__e2eStart = { h1: [], notHere: false, ready: 0, early: { input: 0, click: 0 }, late: { input: 0, click: 0 }, shift: 0 };
	const look = () => {
		const h = document.querySelector("main h1");
		if (h) {
			const t = h.textContent.trim();
			// The parser may insert the prerendered <h1> and, after a yield,
			// its text: a heading still being read is not a page.
			const reading = t === "" && document.readyState === "loading";
			if (!reading && rec.h1[rec.h1.length - 1] !== t) rec.h1.push(t);
		}
		const m = document.querySelector("main");
		if (m && m.textContent.includes("The link may be old or mistyped")) rec.notHere = true;
		if (!rec.ready && document.documentElement.getAttribute("data-app") === "ready") rec.ready = performance.now();
	};
	new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-app"] });
	document.addEventListener("DOMContentLoaded", look);
	const count = kind => e => { if (e.isTrusted) (rec.ready ? rec.late : rec.early)[kind]++; };
	window.addEventListener("input", count("input"), true);
	window.addEventListener("click", count("click"), true);
	rec.shifts = [];
	new PerformanceObserver(list => list.getEntries().forEach(e => {
		rec.shift += e.value;
		rec.shifts.push(Math.round(e.startTime) + "ms " + e.value.toFixed(4) + " " + location.pathname + " " + (e.sources || []).map(s => (s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?") + " " + JSON.stringify([s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height, s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height])).join(","));
	})).observe({ type: "layout-shift", buffered: true });
})();`

// holdStart makes a page's app wait to start until the test calls
// window.__e2eStartApp(): the test's own stand-in for a phone slower than
// any throttling, so that what the test does "before the app runs" is
// surely before, however fast this machine is that day.
const holdStart = `(() => {
	const instantiate = WebAssembly.instantiateStreaming;
	const go = new Promise(resolve => { window.__e2eStartApp = resolve; });
	WebAssembly.instantiateStreaming = (response, imports) => go.then(() => instantiate(response, imports));
})();`

// startRecord is what startProbe recorded.
type startRecord struct {
	H1      []string `json:"h1"`
	NotHere bool     `json:"notHere"`
	Ready   float64  `json:"ready"`
	Early   counts   `json:"early"`
	Late    counts   `json:"late"`
	Shift   float64  `json:"shift"`
	Shifts  []string `json:"shifts"`
}

type counts struct {
	Input int `json:"input"`
	Click int `json:"click"`
}

// coldTab opens a new tab in s's browser as a phone opens the installed
// app after a while: every service worker stopped, the CPU slowed down
// rate times, startProbe in every page, and each of scripts.
func (s *session) coldTab(rate float64, scripts ...string) *Tab {
	s.t.Helper()
	tab, err := s.b.NewTab()
	s.must(err)
	s.t.Cleanup(tab.Close)
	s.must(tab.StopWorkers())
	s.must(tab.Throttle(rate))
	for _, src := range append([]string{startProbe}, scripts...) {
		_, err = Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		s.must(err)
	}
	return tab
}

// startRecord waits until the tab's page is ready and a little more, then
// returns what startProbe recorded.
func (t *Tab) startRecord() (startRecord, error) {
	if err := t.WaitTrueFor(`window.__e2eStart && window.__e2eStart.ready > 0`, 30*time.Second); err != nil {
		return startRecord{}, fmt.Errorf("the app did not start: %w", err)
	}
	time.Sleep(200 * time.Millisecond)
	rec, err := Eval[startRecord](t, `window.__e2eStart`)
	if err != nil {
		return startRecord{}, err
	}
	return rec, nil
}

// tapNow brings the element matching sel to the middle of the screen and
// taps its middle at once, with the mouse events a tap makes: for a page that may still be
// loading, where chromedp.Click waits for the page.
func (t *Tab) tapNow(sel string) error {
	at, err := Eval[[]float64](t, `(() => {
		const e = document.querySelector(`+jsString(sel)+`);
		if (!e) return [];
		e.scrollIntoView({ block: "center" });
		const r = e.getBoundingClientRect();
		return [r.x + r.width / 2, r.y + r.height / 2];
	})()`)
	if err != nil || len(at) != 2 {
		return fmt.Errorf("tapping %s: not found (%v)", sel, err)
	}
	for _, typ := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
		_, err := Call(t, input.DispatchMouseEvent, input.DispatchMouseEventParams{
			Type: typ, X: at[0], Y: at[1], Button: input.MouseButtonLeft, ClickCount: 1,
		})
		if err != nil {
			return fmt.Errorf("tapping %s: %w", sel, err)
		}
	}
	return nil
}

// TestNoWrongPage loads every page and every other name of a page (the
// points' aliases) offline, as deep links, at full speed, and one page of
// each kind with the CPU six times slower, and watches the <h1> and the main content from the
// first paint until the app runs: each shows its own page only, never
// another and never "This page is not here", not even for a frame; the
// address does not move to another page either. An unknown path shows
// "not here", and only that.
func TestNoWrongPage(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/"))
	s.b.Proxy.SetOffline(true)
	lib := content.MustLoad()
	paths := append(ui.Pages(lib), ui.Aliases(lib, points.NewIndex(lib.Points))...)
	canonical := ui.Canonical(points.NewIndex(lib.Points))
	// At x6 each load takes seconds: one page of each kind there.
	slow := []string{"/", "/points/gb34", "/points/bl57", "/points/kd3", "/points/taixi", ui.PathLogCramp, "/log", "/routines/bedtime", "/about/finger-widths"}
	for _, run := range []struct {
		rate  float64
		paths []string
	}{{1, paths}, {6, slow}} {
		rate := run.rate
		tab := s.coldTab(rate)
		for _, p := range append(run.paths, "/no-such-page") {
			s.must(tab.Do(30*time.Second, chromedp.Navigate(s.url(p))))
			rec, err := tab.startRecord()
			if err != nil {
				t.Fatalf("x%g %s: %v", rate, p, err)
			}
			want := "one heading, not the \"not here\" page"
			bad := len(rec.H1) != 1 || rec.H1[0] == "" || rec.NotHere
			if p == "/no-such-page" {
				want = "\"This page is not here\" only"
				bad = len(rec.H1) != 1 || rec.H1[0] != "This page is not here"
			}
			if bad {
				t.Errorf("x%g %s: the heading showed %q (not here: %v), want %s", rate, p, rec.H1, rec.NotHere, want)
			}
			if to, ok := canonical(p); ok && to != p {
				if at, _ := Eval[string](tab, `decodeURIComponent(location.pathname)`); at != p {
					t.Errorf("x%g %s: the address became %s", rate, p, at)
				}
			}
		}
	}
}

// TestTypedBeforeStart opens the cramp form cold and offline with the CPU
// six times slower, types a note and taps Save twice before the app runs:
// the app, once it runs, saves one entry, with the note, and it is there
// after a reload.
func TestTypedBeforeStart(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/"))
	s.b.Proxy.SetOffline(true)
	tab := s.coldTab(6, holdStart)

	const note = "Woke at 3, left calf, ate a banana"
	_, err := Call(tab, page.Navigate, page.NavigateParams{URL: s.url("/log/cramp")})
	s.must(err)
	s.must(tab.WaitTrueFor(`document.querySelector("#note") && document.querySelector("#save")`, 20*time.Second))
	_, err = Eval[bool](tab, `(document.querySelector("#note").focus(), true)`)
	s.must(err)
	_, err = Call(tab, input.InsertText, input.InsertTextParams{Text: note})
	s.must(err)
	for range 2 {
		s.must(tab.tapNow("#save"))
	}
	_, err = Eval[bool](tab, `(window.__e2eStartApp(), true)`)
	s.must(err)
	rec, err := tab.startRecord()
	s.must(err)
	if rec.Early.Input == 0 || rec.Early.Click < 2 {
		t.Fatalf("the app ran before the note was typed and Save tapped twice (before it ran: %d inputs, %d taps; after: %d, %d): nothing tested",
			rec.Early.Input, rec.Early.Click, rec.Late.Input, rec.Late.Click)
	}
	if len(rec.H1) != 1 || rec.H1[0] != "Log a leg cramp" {
		t.Errorf("the form's heading showed %q, want \"Log a leg cramp\" only", rec.H1)
	}
	s.must(tab.WaitTrue(`location.pathname === "/log"`))
	s.must(tab.WaitText("#history", note))
	if n, _ := Eval[int](tab, `document.querySelector("#history").textContent.split(`+jsString(note)+`).length - 1`); n != 1 {
		t.Errorf("the note shows %d times in the log, want once (one entry for two taps)", n)
	}
	s.must(s.tab.Open(s.url("/log")))
	s.must(s.tab.WaitText("#history", note))
	s.must(s.tab.WaitText("#summary", "1 cramp"))
}

// TestTapBeforeStart taps "Log a cramp" on the home screen before the app
// runs, cold and offline with the CPU six times slower: the form opens
// once, in the same page (no second load of everything), and nothing on
// the screen moved by itself while the app started. Meanwhile the page
// said it was starting, and its buttons looked "not yet".
func TestTapBeforeStart(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/"))
	s.b.Proxy.SetOffline(true)
	tab := s.coldTab(6, holdStart)

	_, err := Call(tab, page.Navigate, page.NavigateParams{URL: s.url("/")})
	s.must(err)
	card := `a.card[href="/log/cramp"]`
	s.must(tab.WaitTrueFor(`document.querySelector(`+jsString(card)+`) && document.querySelector("#app-wasm-loader-label")`, 20*time.Second))
	look, err := Eval[map[string]string](tab, `(() => {
		const b = getComputedStyle(document.querySelector("#theme-toggle"));
		return {
			ready: document.documentElement.getAttribute("data-app") || "",
			label: document.querySelector("#app-wasm-loader-label").textContent,
			position: getComputedStyle(document.querySelector("#app-wasm-loader")).position,
			opacity: b.opacity,
			cursor: b.cursor,
		};
	})()`)
	s.must(err)
	history, err := Eval[int](tab, `(window.__e2eSamePage = true, history.length)`)
	s.must(err)
	s.must(tab.tapNow(card))
	_, err = Eval[bool](tab, `(window.__e2eStartApp(), true)`)
	s.must(err)

	rec, err := tab.startRecord()
	s.must(err)
	if look["ready"] != "" || rec.Early.Click == 0 {
		t.Fatalf("the app ran before the tap (data-app %q, %d taps before): nothing tested", look["ready"], rec.Early.Click)
	}
	if !strings.Contains(look["label"], "Starting") || look["position"] != "fixed" {
		t.Errorf("while starting, the loader said %q, positioned %s: want \"Starting…\", fixed (nothing moves)", look["label"], look["position"])
	}
	if look["opacity"] == "1" || look["cursor"] != "progress" {
		t.Errorf("while starting, a button had opacity %s, cursor %s: want it to look not ready yet", look["opacity"], look["cursor"])
	}
	s.must(tab.WaitTrue(`location.pathname === "/log/cramp"`))
	s.must(tab.WaitText("main h1", "Log a leg cramp"))
	same, err := Eval[bool](tab, `window.__e2eSamePage === true`)
	s.must(err)
	if !same {
		t.Error("the tap loaded the page again: the app should have taken it over")
	}
	if now, _ := Eval[int](tab, `history.length`); now != history+1 {
		t.Errorf("history grew from %d to %d, want one step (the form opened once)", history, now)
	}
	// Nothing the start-up adds may move the page. At x6 the browser
	// sometimes reports a shift of 0.002 to 0.007 of the top bar's buttons
	// and the loader line (cause not found yet, seen before this work's
	// styles too): far below what a person notices (0.1 is "good"), but
	// anything more is a failure.
	if rec.Shift > 0.01 {
		t.Errorf("the page moved by itself while the app started: layout shift %.4f, want under 0.01: %q", rec.Shift, rec.Shifts)
	}
	if visible, _ := Eval[bool](tab, `!!document.querySelector("#app-wasm-loader")`); visible {
		t.Error("the loader is still there once the app runs")
	}
}

// TestCannotStart: when app.wasm cannot be had (the host refuses it), the
// page says in plain words that the app could not start, and stays
// readable, instead of looking ready.
func TestCannotStart(t *testing.T) {
	s := newSession(t)
	s.b.Proxy.Refuse("/web/app.wasm")
	s.must(s.tab.Do(30*time.Second, chromedp.Navigate(s.url("/safety"))))
	s.must(s.tab.WaitTrueFor(`document.documentElement.getAttribute("data-app") === "failed"`, 20*time.Second))
	s.must(s.tab.WaitText("#app-wasm-loader-label", "The app could not start"))
	label, err := s.tab.Text("#app-wasm-loader-label")
	s.must(err)
	for _, internal := range []string{"TypeError", "WebAssembly", "HTTP", "status"} {
		if strings.Contains(label, internal) {
			t.Errorf("the message shows %q: %q", internal, label)
		}
	}
	if h1, _ := s.tab.Text("main h1"); h1 == "" {
		t.Error("the page is no longer readable")
	}
}
