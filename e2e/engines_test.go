//go:build !wasm

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/app/journal"
)

// The cross-engine suite: each scenario is written once, against Engine,
// and runs in Chromium, WebKit (Safari's engine) and Firefox, one engine
// after another (`go test -run 'TestEngines/webkit' ./e2e` for one). A
// missing browser fails the test with how to install it; none is skipped.

// engineScenarios are the scenarios every engine must pass.
var engineScenarios = []struct {
	name string
	run  func(s *engineSession)
}{
	{"first-visit", scenarioFirstVisit},
	{"offline", scenarioOffline},
	{"log-offline", scenarioLogOffline},
	{"routine-reload", scenarioRoutineReload},
	{"import", scenarioImport},
	{"update", scenarioUpdate},
	{"missing-features", scenarioMissingFeatures},
	{"chinese", scenarioChinese},
}

// engineFeatures is what each engine can do of what the app uses but can
// do without, as Debian bookworm's builds do it (Chromium 156, WebKitGTK
// 2.50, Firefox ESR 153). The scenarios check the engine still matches,
// then that the app says what it cannot do and goes on.
var engineFeatures = map[string]struct {
	// vibrate, speak: navigator.vibrate, speechSynthesis.
	vibrate, speak bool
	// persist: navigator.storage.persist; persistAnswers: it settles by
	// itself (Firefox asks the person, who may never answer).
	persist, persistAnswers bool
	// wakeNeedsTap: the screen wake lock is refused to a page not tapped
	// since it loaded, as after a reload in the middle of a routine.
	wakeNeedsTap bool
}{
	Chromium: {vibrate: true, speak: true, persist: true, persistAnswers: true},
	WebKit:   {speak: true, wakeNeedsTap: true},
	Firefox:  {speak: true, persist: true},
}

// TestEngines runs every scenario in every engine, each in a fresh browser
// profile with its own server.
func TestEngines(t *testing.T) {
	for _, engine := range Engines {
		t.Run(engine, func(t *testing.T) {
			for _, sc := range engineScenarios {
				t.Run(sc.name, func(t *testing.T) { sc.run(newEngineSession(t, engine)) })
			}
		})
	}
}

// engineSession is one scenario's server and browser. The server serves
// its own copy of web/ at a fixed address, so it can be stopped (the
// phone loses its network: WebDriver has no offline switch) and started
// again, or changed to a new build, at the same origin.
type engineSession struct {
	t    *testing.T
	e    Engine
	srv  *Server
	root string
	addr string
}

func newEngineSession(t *testing.T, engine string) *engineSession {
	t.Helper()
	tmp := t.TempDir()
	root, err := CopyWeb(filepath.Join(tmp, "root"))
	if err != nil {
		t.Fatal(err)
	}
	s := &engineSession{t: t, root: root, addr: freeAddr(t)}
	s.online()
	e, err := StartEngine(engine, tmp)
	if err != nil {
		t.Fatal(err)
	}
	s.e = e
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Logf("closing %s: %v", engine, err)
		}
		checkProxyHosts(t, e.Proxy(), "http://"+s.addr, "")
	})
	return s
}

// online starts the server (again) at the session's address.
func (s *engineSession) online() {
	s.t.Helper()
	if s.srv != nil {
		return
	}
	srv, err := StartServer(s.root, s.addr)
	s.must(err)
	s.t.Cleanup(srv.Stop)
	s.srv = srv
}

// offline stops the server, as a phone loses its network.
func (s *engineSession) offline() {
	s.t.Helper()
	if s.srv != nil {
		s.srv.Stop()
		s.srv = nil
	}
}

func (s *engineSession) url(path string) string { return "http://" + s.addr + path }

func (s *engineSession) must(err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatalf("%s: %v", s.e.Name(), err)
	}
}

// eval evaluates js and returns its value, failing the test on an error.
func eval[T any](s *engineSession, js string) T {
	s.t.Helper()
	var v T
	s.must(s.e.Eval(js, &v))
	return v
}

// open opens an app path and waits until the app runs.
func (s *engineSession) open(path string) error {
	if err := s.e.Open(s.url(path)); err != nil {
		return err
	}
	return s.waitReady()
}

// reload reloads the page and waits until the app runs.
func (s *engineSession) reload() error {
	if err := s.e.Reload(); err != nil {
		return err
	}
	return s.waitReady()
}

// waitReady waits until the WebAssembly app has mounted the screen (the
// shell marks <html data-app="ready">, which prerendered HTML never has).
func (s *engineSession) waitReady() error {
	if err := s.waitTrue(`document.documentElement.dataset.app === "ready"`, 45*time.Second); err != nil {
		return fmt.Errorf("waiting for the app to start: %w", err)
	}
	return nil
}

// installed opens path online and waits until an activated service worker
// controls the page with the app saved for offline use, as after a
// person's first visit.
func (s *engineSession) installed(path string) {
	s.t.Helper()
	s.must(s.open(path))
	s.must(s.waitTrue(`navigator.serviceWorker && navigator.serviceWorker.controller &&
		navigator.serviceWorker.controller.state === "activated"`, 45*time.Second))
	keys := eval[[]string](s, `caches.keys()`)
	saved := false
	for _, k := range keys {
		saved = saved || strings.HasPrefix(k, "calfsole-")
	}
	if !saved {
		s.t.Fatalf("%s: the service worker controls the page but saved no offline copy (caches %q)", s.e.Name(), keys)
	}
}

// waitTrue waits until the JavaScript expression is true (a promise, once
// it settles to true).
func (s *engineSession) waitTrue(js string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if err = s.e.Eval(truthy(js), &ok); err == nil && ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("still false after %v: %s (%v)", limit, clip(js, 120), err)
	}
	return fmt.Errorf("still false after %v: %s", limit, clip(js, 120))
}

// text returns the visible text of the element matching sel ("" if none).
func (s *engineSession) text(sel string) (string, error) {
	var v string
	err := s.e.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.innerText : ""; })()`, sel), &v)
	return v, err
}

// waitText waits until the element matching sel shows text containing want.
func (s *engineSession) waitText(sel, want string) error {
	deadline := time.Now().Add(20 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		if v, err := s.text(sel); err == nil {
			if strings.Contains(v, want) {
				return nil
			}
			last = v
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s shows %q, want it to contain %q", sel, clip(last, 200), want)
}

// click taps the element matching sel once the app shows it.
func (s *engineSession) click(sel string) {
	s.t.Helper()
	s.must(s.waitTrue(fmt.Sprintf(`document.querySelector(%q)`, sel), 20*time.Second))
	s.must(s.e.Click(sel))
}

// scenarioChinese: the app in Chinese, installed from a Chinese page:
// a point found by its hanzi, a cramp logged with a Chinese note, the log
// showing it under a night written as a Chinese reader writes dates, and
// no English word left on those screens.
func scenarioChinese(s *engineSession) {
	allowed := allowedLatin(s.t)
	noEnglish := func(screen string) {
		s.t.Helper()
		left := latinLeft(eval[string](s, shownTextJS), allowed)
		if len(left) > 0 {
			s.t.Errorf("%s: %s: English left on the Chinese screen: %q", s.e.Name(), screen, left)
		}
	}
	s.installed("/zh")
	s.must(s.waitText("main h1", "今晚的自我调理"))
	noEnglish("home")
	s.click(`nav.tabbar a[href="/zh/points"]`)
	s.must(s.waitText("main h1", "穴位"))
	s.must(s.e.Type("#point-search", "太溪"))
	s.must(s.waitText("#results", "太溪（KI3）"))
	noEnglish("points search")
	s.click(`nav.tabbar a[href="/zh/log"]`)
	s.must(s.waitText("main h1", "我的记录"))
	s.click("#log-cramp")
	s.must(s.waitText("main h1", "记一次腿抽筋"))
	noEnglish("log form")
	s.must(s.e.Type("#note", "半夜三点，右小腿"))
	s.click("#save")
	s.must(s.waitTrue(`location.pathname === "/zh/log"`, 20*time.Second))
	s.must(s.waitText("#history", "半夜三点，右小腿"))
	s.must(s.waitTrue(`/\d{4}年\d{1,2}月\d{1,2}日 周[日一二三四五六]/.test(document.querySelector("#history h3").innerText)`, 10*time.Second))
	noEnglish("log")
}

// scenarioFirstVisit: the first visit starts the app; the service worker
// takes control and saves it for offline use; every request went to the
// app's own origin, through the recording proxy.
func scenarioFirstVisit(s *engineSession) {
	s.installed("/")
	s.must(s.waitText("main h1", "Tonight's self-care"))
	saw := false
	for _, r := range s.e.Proxy().Requests() {
		saw = saw || r == "GET "+s.url("/")
	}
	if !saw {
		s.t.Errorf("%s: the proxy never saw the page's request, so it cannot vouch for the others: %q", s.e.Name(), s.e.Proxy().Requests())
	}
	// On cleanup: no request left the app's origin.
}

// scenarioOffline: with the network gone, a reload and deep links open the
// app, which works.
func scenarioOffline(s *engineSession) {
	s.installed("/")
	s.offline()
	s.must(s.reload())
	s.must(s.waitText("main h1", "Tonight's self-care"))
	s.click(`nav.tabbar a[href="/points"]`)
	s.must(s.waitText("main h1", "Points"))

	for _, tt := range []struct{ path, heading string }{
		{"/points/kd3", "Taixi (KI3)"},
		{"/log", "Your log"},
	} {
		if err := s.open(tt.path); err != nil {
			s.t.Errorf("%s: offline deep link %s: %v", s.e.Name(), tt.path, err)
			continue
		}
		if err := s.waitText("main h1", tt.heading); err != nil {
			s.t.Errorf("%s: offline deep link %s: %v", s.e.Name(), tt.path, err)
		}
	}
}

// scenarioLogOffline: a cramp logged with a note is kept across a reload,
// and is there offline, once.
func scenarioLogOffline(s *engineSession) {
	const note = "woke at 3, right calf"
	s.installed("/")
	s.click(`a.card[href="/log/cramp"]`)
	s.must(s.waitText("main h1", "Log a leg cramp"))
	s.must(s.e.Type("#note", note))
	s.click("#save")
	s.must(s.waitTrue(`location.pathname === "/log"`, 20*time.Second))
	s.must(s.waitText("#history", note))

	s.must(s.reload())
	s.must(s.waitText("#history", note))
	s.offline()
	s.must(s.reload())
	s.must(s.waitText("#summary", "1 cramp"))
	s.must(s.waitTrue(`document.querySelector('#log-view[data-read="all"]')`, 20*time.Second))
	history, err := s.text("#history")
	s.must(err)
	if n := strings.Count(history, note); n != 1 {
		s.t.Errorf("%s: offline, the log shows the note %d times, want once:\n%s", s.e.Name(), n, history)
	}
}

// countdownOf reads the routine timer in seconds.
func countdownOf(s *engineSession) int {
	s.t.Helper()
	txt, err := s.text("#countdown")
	s.must(err)
	secs := 0
	for _, p := range strings.Split(strings.TrimSpace(txt), ":") {
		n, err := strconv.Atoi(p)
		if err != nil {
			s.t.Fatalf("%s: the countdown reads %q", s.e.Name(), txt)
		}
		secs = secs*60 + n
	}
	return secs
}

// scenarioRoutineReload: the bedtime routine started and the page
// reloaded in the middle of a step goes on, on that step, with the time
// left it had less the time the reload took.
func scenarioRoutineReload(s *engineSession) {
	s.must(s.open("/"))
	// Steps at a twentieth of their length: the soak lasts a minute.
	s.must(s.e.Eval(`(localStorage.setItem("calfsole.testScale", "0.05"), true)`, nil))
	s.must(s.open("/routines/bedtime"))
	s.click("#questions-skip")
	s.click("#soak-ok")
	s.must(s.waitTrue(`!document.querySelector("#start").disabled`, 10*time.Second))
	s.click("#start")
	s.must(s.waitText("#step-title", "soak"))
	// Started with a tap: every engine keeps the screen on.
	if err := s.waitTrue(`calfsole.wake.lock && !document.querySelector("#wake-note")`, 5*time.Second); err != nil {
		s.t.Errorf("%s: after Start the screen is not kept on: %v", s.e.Name(), err)
	}

	before := countdownOf(s)
	at := time.Now()
	s.must(s.reload())
	s.must(s.waitText("#step-title", "soak"))
	after := countdownOf(s)
	took := time.Since(at).Seconds()
	// Whole seconds on both sides: allow one either way.
	if d := float64(before-after) - took; d < -1.5 || d > 1.5 {
		s.t.Errorf("%s: after a reload %.1f s later the soak shows %d s left, had %d s", s.e.Name(), took, after, before)
	}
	checkWakeLock(s)
	if st := eval[string](s, `JSON.parse(localStorage.getItem("calfsole.run")).status`); st != "running" {
		s.t.Errorf("%s: after a reload the run is %q, want running", s.e.Name(), st)
	}
	s.must(s.waitTrue(`document.querySelector("#countdown").innerText !== "`+routineClock(after)+`"`, 5*time.Second))
}

// backupFile writes a backup of two cramps, as the app exports it.
func backupFile(t *testing.T, dir string) string {
	t.Helper()
	now := time.Now()
	var entries []journal.Entry
	for i, note := range []string{"from the old phone", "second night"} {
		e := journal.New(journal.KindCramp, now.Add(-time.Duration(i+1)*24*time.Hour), now)
		e.Cramp = &journal.Cramp{Leg: "left", Where: []string{"calf"}, Severity: 5, Seconds: 60, Helped: []string{}}
		e.Note = note
		entries = append(entries, e)
	}
	var b bytes.Buffer
	if err := journal.WriteBackup(&b, entries, now); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// scenarioImport: a backup is imported; a broken file after it is refused
// with the message, and the log is as it was.
func scenarioImport(s *engineSession) {
	dir := s.t.TempDir()
	good := backupFile(s.t, dir)
	b, err := os.ReadFile(good)
	s.must(err)
	broken := filepath.Join(dir, "broken.json")
	s.must(os.WriteFile(broken, b[:len(b)/2], 0o644))

	s.must(s.open("/log"))
	s.must(s.waitText("main", "Nothing logged yet"))
	s.must(s.e.Upload("#import", good))
	s.must(s.waitText("#log-message", "2 new"))
	s.must(s.waitText("#history", "from the old phone"))
	s.must(s.waitText("#summary", "2 cramps"))

	s.must(s.e.Upload("#import", broken))
	s.must(s.waitText("#log-message", "Nothing was changed"))
	s.must(s.reload())
	s.must(s.waitText("#summary", "2 cramps"))
	s.must(s.waitTrue(`document.querySelector('#log-view[data-read="all"]')`, 20*time.Second))
	history, err := s.text("#history")
	s.must(err)
	if n := strings.Count(history, "Leg cramp"); n != 2 {
		s.t.Errorf("%s: after the broken file the log shows %d cramps, want the 2 imported:\n%s", s.e.Name(), n, history)
	}
}

// scenarioUpdate: build A is installed and a cramp logged; build B is
// published; the app offers it and waits, applies it on the tap, and the
// log is kept.
func scenarioUpdate(s *engineSession) {
	s.installed("/log/cramp")
	s.click("#save")
	s.must(s.waitTrue(`location.pathname === "/log"`, 20*time.Second))
	s.must(s.waitText("#summary", "1 cramp"))
	versionA := eval[string](s, `document.documentElement.dataset.version || ""`)

	newBuild(s.t, s.root)
	s.offline()
	s.online()
	s.must(s.reload())
	s.must(s.e.Eval(`(window.sameDocument = true)`, nil))
	if err := s.waitTrue(`document.querySelector("#update") && document.querySelector("#update").innerText.includes("A new version")`, 60*time.Second); err != nil {
		s.t.Fatalf("%s: build B was not offered: %v", s.e.Name(), err)
	}
	if v := eval[string](s, `document.documentElement.dataset.version || ""`); v != versionA {
		s.t.Errorf("%s: the version changed to %s before the tap", s.e.Name(), v)
	}
	if !eval[bool](s, `window.sameDocument === true`) {
		s.t.Errorf("%s: the page reloaded by itself", s.e.Name())
	}

	s.click("#update-now")
	if err := s.waitTrue(`window.sameDocument !== true && document.documentElement.dataset.app === "ready"`, 30*time.Second); err != nil {
		s.t.Fatalf("%s: tapping Update now did not reload the app: %v", s.e.Name(), err)
	}
	if v := eval[string](s, `document.documentElement.dataset.version || ""`); v == versionA || v == "" {
		s.t.Errorf("%s: after the update the version is %q, want a new one (old %q)", s.e.Name(), v, versionA)
	}
	s.must(s.waitText("#summary", "1 cramp"))
}

// checkWakeLock checks the screen is kept on after a reload in the middle
// of a run, or, where the engine refuses the wake lock until the page is
// tapped, that the timer says so and the next tap takes it.
func checkWakeLock(s *engineSession) {
	s.t.Helper()
	if !engineFeatures[s.e.Name()].wakeNeedsTap {
		if err := s.waitTrue(`calfsole.wake.lock && !document.querySelector("#wake-note")`, 5*time.Second); err != nil {
			s.t.Errorf("%s: after a reload the screen is not kept on: %v", s.e.Name(), err)
		}
		return
	}
	if err := s.waitText("#wake-note", "Tap the screen once to keep it on"); err != nil {
		s.t.Errorf("%s: the wake lock was refused after the reload and the app does not say so: %v", s.e.Name(), err)
		return
	}
	s.click("#step-title")
	if err := s.waitTrue(`calfsole.wake.lock && !document.querySelector("#wake-note")`, 5*time.Second); err != nil {
		s.t.Errorf("%s: a tap after the reload did not keep the screen on: %v", s.e.Name(), err)
	}
}

// scenarioMissingFeatures: the engine lacks what engineFeatures says, and
// the app says what it cannot do and goes on: no vibration or speech (the
// settings say so), no asking to keep the log (the log says to save
// backups), and a request to keep it that is never answered (Firefox)
// holds nothing up.
func scenarioMissingFeatures(s *engineSession) {
	want := engineFeatures[s.e.Name()]
	s.must(s.open("/about"))
	var got struct{ Vibrate, Speak, Persist bool }
	s.must(s.e.Eval(`({vibrate: "vibrate" in navigator, speak: "speechSynthesis" in window,
		persist: !!(navigator.storage && navigator.storage.persist)})`, &got))
	if got.Vibrate != want.vibrate || got.Speak != want.speak || got.Persist != want.persist {
		s.t.Fatalf("%s can vibrate %v, speak %v, ask to keep storage %v; engineFeatures says %v, %v, %v: update it",
			s.e.Name(), got.Vibrate, got.Speak, got.Persist, want.vibrate, want.speak, want.persist)
	}

	for _, tt := range []struct {
		can      bool
		sel, say string
	}{
		{want.vibrate, "#cue-vibrate-missing", "This browser cannot vibrate."},
		{want.speak, "#cue-speak-missing", "This browser cannot speak."},
	} {
		s.must(s.waitText("main", "Say each step aloud"))
		shown, err := s.text(tt.sel)
		s.must(err)
		switch {
		case !tt.can && shown != tt.say:
			s.t.Errorf("%s: settings show %q, want %q", s.e.Name(), shown, tt.say)
		case tt.can && shown != "":
			s.t.Errorf("%s: settings say %q, but the browser can", s.e.Name(), shown)
		}
	}

	s.must(s.open("/log"))
	s.must(s.waitText("main", "Nothing logged yet"))
	note, err := s.text("#persist-missing")
	s.must(err)
	if !want.persist && !strings.Contains(note, "Save a backup") {
		s.t.Errorf("%s cannot keep the log for good; the log says %q, want the advice to save backups", s.e.Name(), note)
	}
	if want.persist && note != "" {
		s.t.Errorf("%s can keep the log; the log says %q", s.e.Name(), note)
	}

	// Asking to keep the log settles, answered or not, within 5 s.
	var asked struct {
		Kept bool
		Ms   float64
	}
	s.must(s.e.Eval(`(() => { const t = performance.now();
		return calfsoleStore.persist().then(kept => ({kept, ms: performance.now() - t})); })()`, &asked))
	if asked.Ms > 6000 {
		s.t.Errorf("%s: asking to keep the log took %.0f ms, want at most 5 s", s.e.Name(), asked.Ms)
	}
	if want.persist && !want.persistAnswers && (asked.Ms < 4500 || asked.Kept) {
		s.t.Errorf("%s: asking to keep the log answered %v in %.0f ms; engineFeatures says it never answers: update it", s.e.Name(), asked.Kept, asked.Ms)
	}

	// Saving an entry asks too, and never waits for the answer.
	s.click("#log-cramp")
	s.must(s.waitText("main h1", "Log a leg cramp"))
	at := time.Now()
	s.click("#save")
	s.must(s.waitTrue(`location.pathname === "/log"`, 4*time.Second))
	s.must(s.waitText("#summary", "1 cramp"))
	s.t.Logf("%s: saved in %v; asking to keep the log: %v after %.0f ms", s.e.Name(), time.Since(at).Round(time.Millisecond), asked.Kept, asked.Ms)
}
