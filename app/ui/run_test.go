package ui

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
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
