package ui

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// probe is a component that lends its context to a test (on the host,
// go-app prerenders: OnPreRender, not OnMount).
type probe struct {
	app.Compo
	ctx app.Context
}

func (p *probe) OnPreRender(ctx app.Context) { p.ctx = ctx }
func (p *probe) Render() app.UI              { return app.Div() }

// runTest is a run controller on go-app's test engine, with a clock the
// test moves.
type runTest struct {
	t   *testing.T
	e   app.TestEngine
	ctx app.Context
	c   *runController
	now time.Time
}

func newRunTest(t *testing.T) *runTest {
	rt := &runTest{t: t, e: app.NewTestEngine(), now: time.Date(2026, 11, 30, 21, 30, 0, 0, time.Local)}
	p := &probe{}
	if err := rt.e.Load(p); err != nil {
		t.Fatal(err)
	}
	rt.e.ConsumeAll()
	rt.ctx = p.ctx
	rt.c = &runController{lib: content.MustLoad(), now: func() time.Time { return rt.now }, noTicker: true}
	return rt
}

// send hands v to the controller as the run action, as go-app would.
func (rt *runTest) send(v any) {
	rt.c.handle(rt.ctx, app.Action{Name: actionRun, Value: v})
	rt.e.ConsumeAll()
}

func (rt *runTest) state() (r routine.Run, clock time.Duration, errMsg string) {
	rt.ctx.GetState(stateRun, &r)
	rt.ctx.GetState(stateClock, &clock)
	rt.ctx.GetState(stateRunError, &errMsg)
	return r, clock, errMsg
}

func (rt *runTest) stored() string {
	var raw json.RawMessage
	rt.ctx.LocalStorage().Get(keyRun, &raw)
	return string(raw)
}

// plan is a two-step routine of 10 s each.
func plan() []routine.Step {
	return []routine.Step{
		{ID: "a", StepID: "a", Title: "First", Duration: 10 * time.Second},
		{ID: "b", StepID: "b", Title: "Second", Duration: 10 * time.Second},
	}
}

// TestRunController drives a run from start to end through the one
// controller: the run is saved on each change and shared as state, the
// clock state moves once a second (not on every tick), a tick with nothing
// new writes nothing, and the finished run is in the log.
func TestRunController(t *testing.T) {
	rt := newRunTest(t)
	start := rt.now
	rt.send(runStart{run: *routine.Start("bedtime", plan(), start, 5*time.Second)})
	r, clock, _ := rt.state()
	if r.Status != routine.GetReady || clock != 5*time.Second || rt.stored() == "" {
		t.Fatalf("after start: %s, clock %v, stored %q", r.Status, clock, rt.stored())
	}

	saved := rt.stored()
	rt.ctx.LocalStorage().Del(keyRun) // to see whether a tick writes
	rt.now = start.Add(200 * time.Millisecond)
	rt.send(runTick{})
	if _, clock, _ = rt.state(); clock != 5*time.Second || rt.stored() != "" {
		t.Errorf("a tick within the same second: clock %v (want 5s), the run saved again: %v", clock, rt.stored() != "")
	}
	rt.now = start.Add(1100 * time.Millisecond)
	rt.send(runTick{})
	if _, clock, _ = rt.state(); clock != 4*time.Second {
		t.Errorf("a second later the clock shows %v, want 4s", clock)
	}

	rt.now = start.Add(6 * time.Second)
	rt.send(runTick{})
	if r, _, _ = rt.state(); r.Status != routine.Running || r.Current().ID != "a" || rt.stored() == saved {
		t.Errorf("after the count: %s at %q, saved again %v", r.Status, r.Current().ID, rt.stored() != saved)
	}

	rt.send(runChange((*routine.Run).Next))
	if r, _, _ = rt.state(); r.Current().ID != "b" {
		t.Errorf("Next: at %q, want b", r.Current().ID)
	}

	rt.now = start.Add(30 * time.Second)
	rt.send(runTick{})
	r, _, errMsg := rt.state()
	if r.Status != routine.Done || errMsg != "" {
		t.Fatalf("at the end: %s, error %q", r.Status, errMsg)
	}
	store, _ := browser.OpenStore()
	want := journal.RunEntry(r, "Bedtime leg-cramp routine")
	got, err := store.Get(want.ID)
	if err != nil || !got.Routine.Completed || len(got.Routine.Steps) != 2 {
		t.Errorf("the finished run in the log: %+v, %v", got.Routine, err)
	}

	// A change sent after the end changes nothing.
	rt.send(runChange((*routine.Run).Back))
	if r2, _, _ := rt.state(); r2.Status != routine.Done {
		t.Errorf("Back after the end: %s", r2.Status)
	}
}

// TestReadRunWritesNothing: reading a run that ended a step while the app
// was closed shows it brought up to now, and stores nothing.
func TestReadRunWritesNothing(t *testing.T) {
	rt := newRunTest(t)
	r := routine.Start("bedtime", plan(), rt.now.Add(-time.Hour), 0)
	r.Tick(rt.now.Add(-time.Hour))
	if err := rt.ctx.LocalStorage().Set(keyRun, r); err != nil {
		t.Fatal(err)
	}
	before := rt.stored()
	got := readRun(rt.ctx, rt.now)
	if got.Status != routine.Away {
		t.Errorf("read back: %s, want away (a step ended while closed)", got.Status)
	}
	if rt.stored() != before {
		t.Error("reading the run wrote it")
	}
	all, err := journal.ReadAll(context.Background(), mustStore(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.Routine != nil && e.At.Equal(r.Started) {
			t.Error("reading the run logged it")
		}
	}
}

func mustStore(t *testing.T) journal.Store {
	t.Helper()
	s, _ := browser.OpenStore()
	return s
}

// withEditions registers the app's editions, as Register does, for one
// test.
func withEditions(t *testing.T) (en, zh *content.Library) {
	t.Helper()
	en = content.MustLoad()
	old := editions
	editions = map[content.Lang]*edition{
		content.English: {lang: content.English, load: func() (*content.Library, *points.Index) { return en, points.NewIndex(en.Points) }},
		content.Chinese: chineseEdition(en),
	}
	t.Cleanup(func() { editions = old })
	zh = libIn(content.Chinese)
	return en, zh
}

// latin is a run of three Latin letters or more: a word that may be
// English.
var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

// TestRunSwitchLanguage: a routine started on an English page, then shown
// on a Chinese one (the person switched mid-routine), reads in Chinese:
// the timer's step, the next step, a step ended while the app was closed,
// the bar on other screens and what is said aloud; and in English again
// on an English page. A run stored by an older version, whose steps the
// content does not know, keeps its stored titles.
func TestRunSwitchLanguage(t *testing.T) {
	en, zh := withEditions(t)
	rtEn, _ := en.Routine("bedtime")
	rtZh, _ := zh.Routine("bedtime")
	rt := newRunTest(t)
	plan := routine.Plan(rtEn, routine.Choices{Skip: []string{"soak"}, SwitchSeconds: 5}, routine.Health{}, 1)
	rt.send(runStart{run: *routine.Start("bedtime", plan, rt.now, 5*time.Second)})
	rt.now = rt.now.Add(6 * time.Second)
	rt.send(runTick{})
	r, _, _ := rt.state()
	if r.Status != routine.Running || r.Current().Side != "left" {
		t.Fatalf("the run is %s at %+v, want running, a left-leg step", r.Status, r.Current())
	}

	timer := func(l content.Lang, rt content.Routine, r routine.Run) string {
		p := &routinePage{Lang: l, lib: libIn(l), Routine: rt, run: r}
		return app.HTMLString(p.renderTimer())
	}
	bar := func(l content.Lang, r routine.Run) string {
		return app.HTMLString((&runner{Lang: l, run: r}).Render())
	}
	titleZh := "：左腿"
	for _, s := range rtZh.Steps {
		if s.ID == r.Current().StepID {
			titleZh = s.Title + titleZh
		}
	}
	ev := routine.Event{Kind: routine.StepStarted, Step: r.Index}
	tests := []struct {
		name, got string
		want      []string
		english   bool // English words may show
	}{
		{"timer, Chinese", timer(content.Chinese, rtZh, r), []string{titleZh, "下一步：换到右腿"}, false},
		{"bar, Chinese", bar(content.Chinese, r), []string{titleZh}, false},
		{"said aloud, Chinese", cueText(content.Chinese, rtZh, &r, ev, true), []string{"下一步：" + titleZh}, false},
		{"timer, English", timer(content.English, rtEn, r), []string{r.Current().Title, "Next: Switch to the right leg"}, true},
		{"bar, English", bar(content.English, r), []string{r.Current().Title}, true},
	}
	away := r
	away.Status, away.EndedAway, away.EndedAwayStep = routine.Away, r.Steps[0].Title, r.Steps[0].ID
	tests = append(tests, struct {
		name, got string
		want      []string
		english   bool
	}{"ended while closed, Chinese", timer(content.Chinese, rtZh, away), []string{"“" + titleZh + "”已经结束"}, false})
	old := r
	old.Steps = slices.Clone(r.Steps)
	old.Steps[old.Index].StepID, old.Steps[old.Index].Title = "", "Knead Taixi (KI3): left leg"
	tests = append(tests, struct {
		name, got string
		want      []string
		english   bool
	}{"an old stored run", bar(content.Chinese, old), []string{"Knead Taixi (KI3): left leg"}, true})

	for _, tt := range tests {
		for _, w := range tt.want {
			if !strings.Contains(tt.got, w) {
				t.Errorf("%s: %q is not in\n%s", tt.name, w, tt.got)
			}
		}
		if text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(tt.got, " "); !tt.english {
			for _, w := range latin.FindAllString(text, -1) {
				if w != strings.ToUpper(w) { // codes such as KI3
					t.Errorf("%s: English word %q left: %s", tt.name, w, text)
				}
			}
		}
	}
}

// TestStepNameEnglish: in English the steps read exactly as the plan
// titled them, for every way of doing the legs.
func TestStepNameEnglish(t *testing.T) {
	en, _ := withEditions(t)
	for _, rt := range en.Routines {
		for _, legs := range []routine.Legs{routine.BothInTurn, routine.LeftOnly, routine.Split} {
			for _, s := range routine.Plan(rt, routine.Choices{Legs: legs, SwitchSeconds: 5}, routine.Health{}, 1) {
				if got := stepName(content.English, rt, s); got != s.Title {
					t.Errorf("%s %s: %q, want the plan's %q", rt.ID, s.ID, got, s.Title)
				}
			}
		}
	}
}
