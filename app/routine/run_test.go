package routine

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"
)

// The fake clock: every time in these tests is base plus an offset.
var base = time.Date(2025, time.January, 14, 23, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return base.Add(d) }

const getReady = 5 * time.Second

// testSteps is a small plan: a (10 s), b split for both legs (20 s, halfway
// cue after 10 s) and c (30 s). Started at base with getReady, it runs:
//
//	get ready 0-5 s, a 5-15 s, b 15-35 s (half at 25 s), c 35-65 s.
func testSteps() []Step {
	return []Step{
		{ID: "a", StepID: "a", Kind: "rub", Title: "Step A", Duration: 10 * time.Second},
		{ID: "b-both", StepID: "b", Kind: "point", Title: "Step B: both legs", Side: "both", Duration: 20 * time.Second},
		{ID: "c", StepID: "c", Kind: "massage", Title: "Step C", Duration: 30 * time.Second},
	}
}

// When the steps of testSteps start and end, as offsets from base.
var (
	startOf = []time.Duration{5 * time.Second, 15 * time.Second, 35 * time.Second}
	end     = 65 * time.Second
)

func newRun() *Run { return Start("test", testSteps(), base, getReady) }

// runningAt returns a run ticked to 1 s into step i.
func runningAt(i int) *Run {
	r := newRun()
	r.Tick(at(startOf[i] + time.Second))
	return r
}

// pausedAt returns a run paused 2 s into step i.
func pausedAt(i int) *Run {
	r := runningAt(i)
	r.Pause(at(startOf[i] + 2*time.Second))
	return r
}

// awayAt returns a run restored an hour after step i-1 was running: it
// waits, Away, on step i.
func awayAt(i int) *Run {
	r := runningAt(i - 1)
	r.Restore(at(time.Hour))
	return r
}

// events writes evs as "kind step @offset" for comparison.
func events(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, fmt.Sprintf("%s %d @%v", e.Kind, e.Step, e.Due.Sub(base)))
	}
	return out
}

func ev(kind EventKind, step int, due time.Duration) string {
	return fmt.Sprintf("%s %d @%v", kind, step, due)
}

// snapshot copies r so that a later change to r does not show in it.
func snapshot(r *Run) Run {
	s := *r
	s.Done = slices.Clone(r.Done)
	s.Steps = slices.Clone(r.Steps)
	return s
}

// sameRun reports whether a and b are the same run state; times are
// compared as instants, so zones and monotonic readings do not matter.
func sameRun(a, b Run) error {
	switch {
	case a.Routine != b.Routine || a.Index != b.Index || a.Status != b.Status:
		return fmt.Errorf("routine/index/status %s/%d/%s vs %s/%d/%s", a.Routine, a.Index, a.Status, b.Routine, b.Index, b.Status)
	case !a.Deadline.Equal(b.Deadline):
		return fmt.Errorf("deadline %v vs %v", a.Deadline, b.Deadline)
	case a.Left != b.Left || a.Half != b.Half || a.EndedAway != b.EndedAway:
		return fmt.Errorf("left/half/endedAway %v/%v/%q vs %v/%v/%q", a.Left, a.Half, a.EndedAway, b.Left, b.Half, b.EndedAway)
	case !slices.Equal(a.Done, b.Done):
		return fmt.Errorf("done %v vs %v", a.Done, b.Done)
	case !a.Started.Equal(b.Started) || !a.Ended.Equal(b.Ended):
		return fmt.Errorf("started/ended %v/%v vs %v/%v", a.Started, a.Ended, b.Started, b.Ended)
	case !slices.Equal(a.Steps, b.Steps):
		return fmt.Errorf("steps differ")
	}
	return nil
}

func TestStart(t *testing.T) {
	r := newRun()
	if r.Status != GetReady || r.Index != 0 || !r.Active() || len(r.Done) != 0 {
		t.Fatalf("Start: status %s index %d active %v done %v", r.Status, r.Index, r.Active(), r.Done)
	}
	if !r.Started.Equal(base) || !r.Deadline.Equal(at(getReady)) {
		t.Errorf("Start: started %v deadline %v, want %v and %v", r.Started, r.Deadline, base, at(getReady))
	}
	if got := r.Current().ID; got != "a" {
		t.Errorf("Start: current step %q, want a", got)
	}

	tests := []struct {
		now                  time.Duration
		remaining, totalLeft time.Duration
	}{
		{0, 5 * time.Second, 65 * time.Second},
		{2 * time.Second, 3 * time.Second, 63 * time.Second},
		{5*time.Second - time.Millisecond, time.Millisecond, 60*time.Second + time.Millisecond},
		{5 * time.Second, 0, 60 * time.Second},
		// Not ticked yet: the count never goes below zero.
		{time.Hour, 0, 60 * time.Second},
	}
	for _, tt := range tests {
		if got := r.Remaining(at(tt.now)); got != tt.remaining {
			t.Errorf("Remaining at %v = %v, want %v", tt.now, got, tt.remaining)
		}
		if got := r.TotalLeft(at(tt.now)); got != tt.totalLeft {
			t.Errorf("TotalLeft at %v = %v, want %v", tt.now, got, tt.totalLeft)
		}
	}
}

func TestStartEmptyPlan(t *testing.T) {
	for _, steps := range [][]Step{nil, {}} {
		r := Start("empty", steps, base, getReady)
		if r.Status != Done || r.Active() || !r.Ended.Equal(base) {
			t.Errorf("empty plan: status %s active %v ended %v, want done at %v", r.Status, r.Active(), r.Ended, base)
		}
		if evs := r.Tick(at(time.Hour)); len(evs) != 0 {
			t.Errorf("empty plan: Tick gave %v", events(evs))
		}
		if got := r.TotalLeft(base); got != 0 {
			t.Errorf("empty plan: TotalLeft = %v", got)
		}
		if got := r.Current(); got.ID != "" {
			t.Errorf("empty plan: Current = %+v", got)
		}
		r.Next(at(time.Second))
		r.Back(at(time.Second))
		if r.Status != Done {
			t.Errorf("empty plan: Next and Back left status %s", r.Status)
		}
	}
}

// TestTickTimeline ticks one run on time through all its transitions.
func TestTickTimeline(t *testing.T) {
	r := newRun()
	tests := []struct {
		now       time.Duration
		want      []string
		status    Status
		index     int
		remaining time.Duration
	}{
		{0, nil, GetReady, 0, 5 * time.Second},
		{5*time.Second - time.Nanosecond, nil, GetReady, 0, time.Nanosecond},
		{5 * time.Second, []string{ev(StepStarted, 0, 5*time.Second)}, Running, 0, 10 * time.Second},
		{14 * time.Second, nil, Running, 0, time.Second},
		{15 * time.Second, []string{ev(StepStarted, 1, 15*time.Second)}, Running, 1, 20 * time.Second},
		{25*time.Second - time.Nanosecond, nil, Running, 1, 10*time.Second + time.Nanosecond},
		{25 * time.Second, []string{ev(Halfway, 1, 25*time.Second)}, Running, 1, 10 * time.Second},
		{25 * time.Second, nil, Running, 1, 10 * time.Second},
		{30 * time.Second, nil, Running, 1, 5 * time.Second},
		{35 * time.Second, []string{ev(StepStarted, 2, 35*time.Second)}, Running, 2, 30 * time.Second},
		// c is not split: no halfway cue at its middle.
		{50 * time.Second, nil, Running, 2, 15 * time.Second},
		{64 * time.Second, nil, Running, 2, time.Second},
		{65 * time.Second, []string{ev(Finished, 2, 65*time.Second)}, Done, 2, 0},
		{time.Hour, nil, Done, 2, 0},
	}
	for _, tt := range tests {
		now := at(tt.now)
		if got := events(r.Tick(now)); !slices.Equal(got, tt.want) {
			t.Errorf("Tick at %v: events %v, want %v", tt.now, got, tt.want)
		}
		if r.Status != tt.status || r.Index != tt.index {
			t.Errorf("at %v: status %s index %d, want %s %d", tt.now, r.Status, r.Index, tt.status, tt.index)
		}
		if got := r.Remaining(now); got != tt.remaining {
			t.Errorf("at %v: Remaining %v, want %v", tt.now, got, tt.remaining)
		}
		if got, want := r.TotalLeft(now), max(end-tt.now, 0); got != want {
			t.Errorf("at %v: TotalLeft %v, want %v", tt.now, got, want)
		}
	}
	if want := []string{"a", "b-both", "c"}; !slices.Equal(r.Done, want) {
		t.Errorf("Done = %v, want %v", r.Done, want)
	}
	if !r.Ended.Equal(at(end)) || r.Active() {
		t.Errorf("ended %v active %v, want ended at %v, inactive", r.Ended, r.Active(), at(end))
	}
}

// TestTickLate ticks a fresh run once, late: every step whose deadline
// passed ends at its deadline, and the next starts there, not at now.
func TestTickLate(t *testing.T) {
	tests := []struct {
		name     string
		now      time.Duration
		want     []string
		status   Status
		index    int
		deadline time.Duration
		done     []string
	}{
		{"get ready, late", 7 * time.Second,
			[]string{ev(StepStarted, 0, 5*time.Second)},
			Running, 0, 15 * time.Second, nil},
		{"at a's deadline", 15 * time.Second,
			[]string{ev(StepStarted, 0, 5*time.Second), ev(StepStarted, 1, 15*time.Second)},
			Running, 1, 35 * time.Second, []string{"a"}},
		{"into b's second half", 30 * time.Second,
			[]string{ev(StepStarted, 0, 5*time.Second), ev(StepStarted, 1, 15*time.Second), ev(Halfway, 1, 25*time.Second)},
			Running, 1, 35 * time.Second, []string{"a"}},
		{"into c", 40 * time.Second,
			[]string{ev(StepStarted, 0, 5*time.Second), ev(StepStarted, 1, 15*time.Second), ev(Halfway, 1, 25*time.Second), ev(StepStarted, 2, 35*time.Second)},
			Running, 2, 65 * time.Second, []string{"a", "b-both"}},
		{"an hour late", time.Hour,
			[]string{ev(StepStarted, 0, 5*time.Second), ev(StepStarted, 1, 15*time.Second), ev(Halfway, 1, 25*time.Second), ev(StepStarted, 2, 35*time.Second), ev(Finished, 2, 65*time.Second)},
			Done, 2, 65 * time.Second, []string{"a", "b-both", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRun()
			now := at(tt.now)
			if got := events(r.Tick(now)); !slices.Equal(got, tt.want) {
				t.Errorf("events\n got %v\nwant %v", got, tt.want)
			}
			if r.Status != tt.status || r.Index != tt.index || !slices.Equal(r.Done, tt.done) {
				t.Errorf("status %s index %d done %v, want %s %d %v", r.Status, r.Index, r.Done, tt.status, tt.index, tt.done)
			}
			if !r.Deadline.Equal(at(tt.deadline)) {
				t.Errorf("deadline %v, want %v", r.Deadline.Sub(base), tt.deadline)
			}
			if tt.status == Done {
				if !r.Ended.Equal(at(end)) || r.Remaining(now) != 0 || r.Active() || r.TotalLeft(now) != 0 {
					t.Errorf("finished: ended %v remaining %v active %v total %v",
						r.Ended.Sub(base), r.Remaining(now), r.Active(), r.TotalLeft(now))
				}
			} else if got, want := r.Remaining(now), tt.deadline-tt.now; got != want {
				t.Errorf("Remaining %v, want %v", got, want)
			}
			// Ticking again at the same time changes nothing.
			if evs := r.Tick(now); len(evs) != 0 {
				t.Errorf("second Tick: %v", events(evs))
			}
		})
	}
}

// TestTickWholeBedtime runs the real bedtime plan at 1/100 speed, ticked
// once long after it should have ended.
func TestTickWholeBedtime(t *testing.T) {
	rt := shipped(t, "bedtime")
	plan := Plan(rt, Choices{}, Health{}, 0.01)
	r := Start(rt.ID, plan, base, getReady)

	var want []string
	due := getReady
	for i, s := range plan {
		want = append(want, ev(StepStarted, i, due))
		due += s.Duration
	}
	want = append(want, ev(Finished, len(plan)-1, due))

	if got := events(r.Tick(at(24 * time.Hour))); !slices.Equal(got, want) {
		t.Errorf("events\n got %v\nwant %v", got, want)
	}
	if !slices.Equal(r.Done, stepIDs(plan)) {
		t.Errorf("Done = %v, want every step %v", r.Done, stepIDs(plan))
	}
	if got, want := r.Ended.Sub(r.Started), getReady+Total(rt)/100; got != want {
		t.Errorf("run took %v, want %v", got, want)
	}
}

func TestHalfway(t *testing.T) {
	t.Run("paused and resumed before half", func(t *testing.T) {
		r := runningAt(1)             // b runs 15-35 s
		r.Pause(at(20 * time.Second)) // 15 s left, half is 5 s away
		r.Resume(at(time.Hour))       // now ends at 1h+15s, half at 1h+5s
		half := time.Hour + 5*time.Second
		if evs := r.Tick(at(half - time.Millisecond)); len(evs) != 0 {
			t.Errorf("before half: %v", events(evs))
		}
		if got, want := events(r.Tick(at(half))), []string{ev(Halfway, 1, half)}; !slices.Equal(got, want) {
			t.Errorf("at half: %v, want %v", got, want)
		}
		if evs := r.Tick(at(half + time.Second)); len(evs) != 0 {
			t.Errorf("after half: %v", events(evs))
		}
	})
	t.Run("paused after half", func(t *testing.T) {
		r := newRun()
		r.Tick(at(26 * time.Second))
		r.Pause(at(27 * time.Second))
		r.Resume(at(time.Hour))
		got := events(r.Tick(at(time.Hour + 8*time.Second)))
		if want := []string{ev(StepStarted, 2, time.Hour+8*time.Second)}; !slices.Equal(got, want) {
			t.Errorf("after resume: %v, want %v", got, want)
		}
	})
	t.Run("back into a split step cues again", func(t *testing.T) {
		r := runningAt(2)
		r.Back(at(40 * time.Second)) // b again, 40-60 s, half at 50 s
		if r.Half {
			t.Fatal("Back kept the halfway flag")
		}
		got := events(r.Tick(at(50 * time.Second)))
		if want := []string{ev(Halfway, 1, 50*time.Second)}; !slices.Equal(got, want) {
			t.Errorf("%v, want %v", got, want)
		}
	})
}

func TestPause(t *testing.T) {
	tests := []struct {
		name   string
		setup  func() *Run
		now    time.Duration
		status Status
		index  int
		left   time.Duration
	}{
		{"running", runningAtFn(0), 8 * time.Second, Paused, 0, 7 * time.Second},
		{"get ready", newRun, 2 * time.Second, Paused, 0, 10 * time.Second},
		{"get ready, last moment", newRun, 5*time.Second - time.Nanosecond, Paused, 0, 10 * time.Second},
		{"paused again", pausedAtFn(1), time.Hour, Paused, 1, 18 * time.Second},
		{"away", awayAtFn(1), 2 * time.Hour, Away, 1, 20 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(tt.now)
			r.Pause(now)
			if r.Status != tt.status || r.Index != tt.index || r.Left != tt.left {
				t.Errorf("status %s index %d left %v, want %s %d %v", r.Status, r.Index, r.Left, tt.status, tt.index, tt.left)
			}
			if got := r.Remaining(now); got != tt.left {
				t.Errorf("Remaining %v, want %v", got, tt.left)
			}
			if evs := r.Tick(now.Add(24 * time.Hour)); len(evs) != 0 || r.Status != tt.status {
				t.Errorf("Tick while %s: %v, status %s", tt.status, events(evs), r.Status)
			}
		})
	}
}

// runningAtFn, pausedAtFn and awayAtFn defer building a run to the test.
func runningAtFn(i int) func() *Run { return func() *Run { return runningAt(i) } }
func pausedAtFn(i int) func() *Run  { return func() *Run { return pausedAt(i) } }
func awayAtFn(i int) func() *Run    { return func() *Run { return awayAt(i) } }

func TestPauseAcrossDeadline(t *testing.T) {
	r := runningAt(2)             // c runs 35-65 s
	r.Pause(at(55 * time.Second)) // 10 s left
	later := at(55*time.Second + time.Hour)
	if evs := r.Tick(later); len(evs) != 0 {
		t.Errorf("Tick while paused: %v", events(evs))
	}
	if r.Status != Paused || r.Remaining(later) != 10*time.Second || r.TotalLeft(later) != 10*time.Second {
		t.Errorf("after an hour paused: status %s remaining %v total %v", r.Status, r.Remaining(later), r.TotalLeft(later))
	}
	r.Resume(later)
	if r.Status != Running || !r.Deadline.Equal(later.Add(10*time.Second)) {
		t.Errorf("Resume: status %s deadline %v, want running until %v", r.Status, r.Deadline, later.Add(10*time.Second))
	}
	if evs := r.Tick(later.Add(10*time.Second - time.Nanosecond)); len(evs) != 0 {
		t.Errorf("Tick before the new deadline: %v", events(evs))
	}
	got := events(r.Tick(later.Add(time.Minute)))
	if want := []string{ev(Finished, 2, time.Hour+65*time.Second)}; !slices.Equal(got, want) {
		t.Errorf("Tick after the new deadline: %v, want %v", got, want)
	}
}

func TestPauseDuringGetReady(t *testing.T) {
	r := newRun()
	r.Pause(at(2 * time.Second))
	if r.Status != Paused || r.Index != 0 || r.Left != 10*time.Second || len(r.Done) != 0 {
		t.Fatalf("status %s index %d left %v done %v, want paused on a with 10s", r.Status, r.Index, r.Left, r.Done)
	}
	if got := r.TotalLeft(at(time.Hour)); got != 60*time.Second {
		t.Errorf("TotalLeft %v, want 60s", got)
	}
	r.Resume(at(3 * time.Hour))
	if r.Status != Running || !r.Deadline.Equal(at(3*time.Hour+10*time.Second)) {
		t.Errorf("Resume: status %s deadline %v", r.Status, r.Deadline.Sub(base))
	}
}

func TestResume(t *testing.T) {
	tests := []struct {
		name     string
		setup    func() *Run
		now      time.Duration
		status   Status
		index    int
		deadline time.Duration
	}{
		{"paused, hours later", pausedAtFn(0), 5 * time.Hour, Running, 0, 5*time.Hour + 8*time.Second},
		{"away", awayAtFn(1), 2 * time.Hour, Running, 1, 2*time.Hour + 20*time.Second},
		{"running: nothing to resume", runningAtFn(1), time.Hour, Running, 1, 35 * time.Second},
		{"get ready: nothing to resume", newRun, time.Second, GetReady, 0, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			r.Resume(at(tt.now))
			if r.Status != tt.status || r.Index != tt.index || !r.Deadline.Equal(at(tt.deadline)) {
				t.Errorf("status %s index %d deadline %v, want %s %d %v",
					r.Status, r.Index, r.Deadline.Sub(base), tt.status, tt.index, tt.deadline)
			}
			if r.EndedAway != "" {
				t.Errorf("EndedAway %q after Resume", r.EndedAway)
			}
		})
	}
}

func TestNext(t *testing.T) {
	tests := []struct {
		name     string
		setup    func() *Run
		now      time.Duration
		status   Status
		index    int
		done     []string
		deadline time.Duration // while running
		left     time.Duration // while paused
		ended    time.Duration // when done
	}{
		{"running a", runningAtFn(0), 8 * time.Second, Running, 1, []string{"a"}, 28 * time.Second, 0, 0},
		{"running b after its half", func() *Run { r := newRun(); r.Tick(at(26 * time.Second)); return r },
			27 * time.Second, Running, 2, []string{"a", "b-both"}, 57 * time.Second, 0, 0},
		{"paused a", pausedAtFn(0), time.Hour, Paused, 1, []string{"a"}, 0, 20 * time.Second, 0},
		{"running the last step", runningAtFn(2), 40 * time.Second, Done, 2, []string{"a", "b-both", "c"}, 0, 0, 40 * time.Second},
		{"paused on the last step", pausedAtFn(2), time.Hour, Done, 2, []string{"a", "b-both", "c"}, 0, 0, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(tt.now)
			r.Next(now)
			if r.Status != tt.status || r.Index != tt.index || !slices.Equal(r.Done, tt.done) {
				t.Errorf("status %s index %d done %v, want %s %d %v", r.Status, r.Index, r.Done, tt.status, tt.index, tt.done)
			}
			if r.Half || r.EndedAway != "" {
				t.Errorf("half %v endedAway %q carried over", r.Half, r.EndedAway)
			}
			switch tt.status {
			case Running:
				if !r.Deadline.Equal(at(tt.deadline)) {
					t.Errorf("deadline %v, want %v", r.Deadline.Sub(base), tt.deadline)
				}
			case Paused:
				if r.Left != tt.left || r.Remaining(now) != tt.left {
					t.Errorf("left %v, want %v", r.Left, tt.left)
				}
			case Done:
				if !r.Ended.Equal(at(tt.ended)) || r.Active() || r.Remaining(now) != 0 {
					t.Errorf("ended %v active %v, want ended at %v", r.Ended.Sub(base), r.Active(), tt.ended)
				}
				if evs := r.Tick(now.Add(time.Hour)); len(evs) != 0 {
					t.Errorf("Tick after the end: %v", events(evs))
				}
			}
		})
	}
}

// TestNextDuringGetReady: Next during the get-ready count should end the
// count and start the first step now, with nothing done yet.
func TestNextDuringGetReady(t *testing.T) {
	r := newRun()
	now := at(2 * time.Second)
	r.Next(now)
	if r.Status != Running || r.Index != 0 || len(r.Done) != 0 || !r.Deadline.Equal(now.Add(10*time.Second)) {
		t.Errorf("status %s index %d done %v deadline %v, want running step 0 until 12s, nothing done",
			r.Status, r.Index, r.Done, r.Deadline.Sub(base))
	}
}

// TestNextWhileAway pins only what is settled: the run leaves Away for the
// step after the one waiting, paused with its full time. Whether the
// skipped step counts as done is left open.
func TestNextWhileAway(t *testing.T) {
	r := awayAt(1)
	done := slices.Clone(r.Done)
	r.Next(at(2 * time.Hour))
	if r.Status != Paused || r.Index != 2 || r.Left != 30*time.Second || r.EndedAway != "" {
		t.Errorf("status %s index %d left %v endedAway %q, want paused on c with 30s",
			r.Status, r.Index, r.Left, r.EndedAway)
	}
	// The step skipped while waiting was never started: not done.
	if !slices.Equal(r.Done, done) {
		t.Errorf("done %v after skipping a waiting step, want %v", r.Done, done)
	}
}

func TestBack(t *testing.T) {
	tests := []struct {
		name     string
		setup    func() *Run
		now      time.Duration
		status   Status
		index    int
		done     []string
		deadline time.Duration // while running
		left     time.Duration // while paused
	}{
		{"running c", runningAtFn(2), 40 * time.Second, Running, 1, []string{"a"}, 60 * time.Second, 0},
		{"running b", runningAtFn(1), 20 * time.Second, Running, 0, nil, 30 * time.Second, 0},
		{"running a restarts it", runningAtFn(0), 9 * time.Second, Running, 0, nil, 19 * time.Second, 0},
		{"paused c", pausedAtFn(2), time.Hour, Paused, 1, []string{"a"}, 0, 20 * time.Second},
		{"paused a", pausedAtFn(0), time.Hour, Paused, 0, nil, 0, 10 * time.Second},
		{"away on b", awayAtFn(1), 2 * time.Hour, Paused, 0, nil, 0, 10 * time.Second},
		{"previous step was not the last done", func() *Run {
			r := runningAt(2)
			r.Done = []string{"a"} // b was never marked done
			return r
		}, 40 * time.Second, Running, 1, []string{"a"}, 60 * time.Second, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(tt.now)
			r.Back(now)
			if r.Status != tt.status || r.Index != tt.index || !slices.Equal(r.Done, tt.done) {
				t.Errorf("status %s index %d done %v, want %s %d %v", r.Status, r.Index, r.Done, tt.status, tt.index, tt.done)
			}
			if r.Half || r.EndedAway != "" {
				t.Errorf("half %v endedAway %q carried over", r.Half, r.EndedAway)
			}
			if tt.status == Running && !r.Deadline.Equal(at(tt.deadline)) {
				t.Errorf("deadline %v, want %v", r.Deadline.Sub(base), tt.deadline)
			}
			if tt.status == Paused && r.Left != tt.left {
				t.Errorf("left %v, want %v", r.Left, tt.left)
			}
		})
	}
}

func TestRestart(t *testing.T) {
	tests := []struct {
		name  string
		setup func() *Run
	}{
		{"running", runningAtFn(2)},
		{"paused", pausedAtFn(1)},
		{"away", awayAtFn(2)},
		{"stopped", func() *Run { r := runningAt(1); r.Stop(at(20 * time.Second)); return r }},
		{"done", func() *Run { r := newRun(); r.Tick(at(time.Hour)); return r }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(2 * time.Hour)
			r.Restart(now, 7*time.Second)
			want := Run{Routine: "test", Steps: testSteps(), Status: GetReady, Deadline: now.Add(7 * time.Second), Started: now}
			if err := sameRun(*r, want); err != nil {
				t.Error(err)
			}
			got := events(r.Tick(now.Add(7 * time.Second)))
			if want := []string{ev(StepStarted, 0, 2*time.Hour+7*time.Second)}; !slices.Equal(got, want) {
				t.Errorf("Tick after restart: %v, want %v", got, want)
			}
		})
	}
}

func TestStop(t *testing.T) {
	tests := []struct {
		name  string
		setup func() *Run
	}{
		{"get ready", newRun},
		{"running", runningAtFn(1)},
		{"paused", pausedAtFn(1)},
		{"away", awayAtFn(2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(3 * time.Hour)
			r.Stop(now)
			if r.Status != Stopped || !r.Ended.Equal(now) || r.Active() {
				t.Fatalf("status %s ended %v active %v, want stopped at %v", r.Status, r.Ended.Sub(base), r.Active(), 3*time.Hour)
			}
			stopped := snapshot(r)
			later := now.Add(time.Hour)
			if evs := r.Tick(later); len(evs) != 0 {
				t.Errorf("Tick after Stop: %v", events(evs))
			}
			r.Next(later)
			r.Back(later)
			r.Pause(later)
			r.Resume(later)
			r.Restore(later)
			r.Stop(later)
			if err := sameRun(*r, stopped); err != nil {
				t.Errorf("a stopped run changed: %v", err)
			}
			if r.Remaining(later) != 0 || r.TotalLeft(later) != 0 {
				t.Errorf("stopped: remaining %v total %v", r.Remaining(later), r.TotalLeft(later))
			}
		})
	}

	// A finished run stays finished.
	r := newRun()
	r.Tick(at(time.Hour))
	r.Stop(at(2 * time.Hour))
	if r.Status != Done || !r.Ended.Equal(at(end)) {
		t.Errorf("Stop after the end: status %s ended %v", r.Status, r.Ended.Sub(base))
	}
}

func TestRestore(t *testing.T) {
	tests := []struct {
		name      string
		setup     func() *Run
		now       time.Duration
		status    Status
		index     int
		done      []string
		left      time.Duration // while paused or away
		remaining time.Duration
		endedAway string
	}{
		{"running, time left", runningAtFn(0), 12 * time.Second, Running, 0, nil, 0, 3 * time.Second, ""},
		{"step ended at the moment", runningAtFn(0), 15 * time.Second, Away, 1, []string{"a"}, 20 * time.Second, 20 * time.Second, "Step A"},
		{"step ended hours ago", runningAtFn(0), 5 * time.Hour, Away, 1, []string{"a"}, 20 * time.Second, 20 * time.Second, "Step A"},
		{"split step ended", runningAtFn(1), 5 * time.Hour, Away, 2, []string{"a", "b-both"}, 30 * time.Second, 30 * time.Second, "Step B: both legs"},
		{"last step ended", runningAtFn(2), 5 * time.Hour, Done, 2, []string{"a", "b-both", "c"}, 0, 0, ""},
		{"get ready, time left", newRun, 3 * time.Second, GetReady, 0, nil, 0, 2 * time.Second, ""},
		{"get ready passed", newRun, 5 * time.Hour, Paused, 0, nil, 10 * time.Second, 10 * time.Second, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.setup()
			now := at(tt.now)
			r.Restore(now)
			if r.Status != tt.status || r.Index != tt.index || !slices.Equal(r.Done, tt.done) {
				t.Errorf("status %s index %d done %v, want %s %d %v", r.Status, r.Index, r.Done, tt.status, tt.index, tt.done)
			}
			if r.Status != Running && r.Status != GetReady && r.Left != tt.left {
				t.Errorf("left %v, want %v", r.Left, tt.left)
			}
			if got := r.Remaining(now); got != tt.remaining {
				t.Errorf("Remaining %v, want %v", got, tt.remaining)
			}
			if r.EndedAway != tt.endedAway {
				t.Errorf("EndedAway %q, want %q", r.EndedAway, tt.endedAway)
			}
			if r.Status == Done && !r.Ended.Equal(at(end)) {
				t.Errorf("ended %v, want the last deadline %v", r.Ended.Sub(base), end)
			}
			// Restoring again, later, changes nothing more.
			once := snapshot(r)
			if r.Status != Running && r.Status != GetReady {
				r.Restore(now.Add(24 * time.Hour))
				if err := sameRun(*r, once); err != nil {
					t.Errorf("second Restore changed the run: %v", err)
				}
			}
		})
	}
}

func TestRestoreUnchanged(t *testing.T) {
	tests := []struct {
		name  string
		setup func() *Run
	}{
		{"paused", pausedAtFn(1)},
		{"away", awayAtFn(1)},
		{"stopped", func() *Run { r := runningAt(1); r.Stop(at(20 * time.Second)); return r }},
		{"done", func() *Run { r := newRun(); r.Tick(at(time.Hour)); return r }},
	}
	for _, tt := range tests {
		r := tt.setup()
		before := snapshot(r)
		r.Restore(at(48 * time.Hour))
		if err := sameRun(*r, before); err != nil {
			t.Errorf("%s: Restore changed the run: %v", tt.name, err)
		}
	}
}

// TestAwayThenResume follows a run that ended a step while the app was
// closed: it waits, does not run on, and resumes where it waits.
func TestAwayThenResume(t *testing.T) {
	r := runningAt(0)
	r.Restore(at(5 * time.Hour))
	if r.Status != Away || r.Index != 1 {
		t.Fatalf("status %s index %d, want away on b", r.Status, r.Index)
	}
	if got := r.TotalLeft(at(6 * time.Hour)); got != 50*time.Second {
		t.Errorf("TotalLeft while away %v, want 50s", got)
	}
	if evs := r.Tick(at(6 * time.Hour)); len(evs) != 0 || r.Status != Away {
		t.Errorf("Tick while away: %v, status %s", events(evs), r.Status)
	}

	resumed := 6 * time.Hour
	r.Resume(at(resumed))
	if r.Status != Running || r.EndedAway != "" || !r.Deadline.Equal(at(resumed+20*time.Second)) {
		t.Errorf("Resume: status %s endedAway %q deadline %v", r.Status, r.EndedAway, r.Deadline.Sub(base))
	}
	got := events(r.Tick(at(resumed + time.Hour)))
	want := []string{ev(Halfway, 1, resumed+10*time.Second), ev(StepStarted, 2, resumed+20*time.Second), ev(Finished, 2, resumed+50*time.Second)}
	if !slices.Equal(got, want) {
		t.Errorf("events\n got %v\nwant %v", got, want)
	}
}

// TestJSONRoundTrip saves a run as JSON and reads it back: the copy counts
// down and ticks exactly like the original, whatever the time zone and
// although decoding drops the monotonic clock reading.
func TestJSONRoundTrip(t *testing.T) {
	bases := []struct {
		name string
		base time.Time
	}{
		{"UTC", base},
		{"fixed zone", base.In(time.FixedZone("CET", 3600))},
		{"wall clock with a monotonic reading", time.Now()},
	}
	states := []struct {
		name  string
		setup func(r *Run, b time.Time)
	}{
		{"get ready", func(r *Run, b time.Time) {}},
		{"running b", func(r *Run, b time.Time) { r.Tick(b.Add(16 * time.Second)) }},
		{"running b after half", func(r *Run, b time.Time) { r.Tick(b.Add(26 * time.Second)) }},
		{"paused c", func(r *Run, b time.Time) { r.Tick(b.Add(36 * time.Second)); r.Pause(b.Add(40 * time.Second)) }},
	}
	ticks := []time.Duration{17 * time.Second, 25 * time.Second, 34500 * time.Millisecond, 35 * time.Second, 50 * time.Second, time.Hour}

	for _, bb := range bases {
		for _, st := range states {
			t.Run(bb.name+"/"+st.name, func(t *testing.T) {
				b := bb.base
				orig := Start("test", testSteps(), b, getReady)
				st.setup(orig, b)

				data, err := json.Marshal(orig)
				if err != nil {
					t.Fatal(err)
				}
				var dec Run
				if err := json.Unmarshal(data, &dec); err != nil {
					t.Fatal(err)
				}
				if err := sameRun(dec, *orig); err != nil {
					t.Fatalf("decoded run differs: %v\n%s", err, data)
				}
				for _, d := range ticks {
					now := b.Add(d)
					if a, c := orig.Remaining(now), dec.Remaining(now); a != c {
						t.Errorf("at %v: Remaining %v, decoded %v", d, a, c)
					}
					if a, c := orig.TotalLeft(now), dec.TotalLeft(now); a != c {
						t.Errorf("at %v: TotalLeft %v, decoded %v", d, a, c)
					}
					ea, ec := orig.Tick(now), dec.Tick(now)
					if !sameEvents(ea, ec) {
						t.Errorf("at %v: Tick %v, decoded %v", d, ea, ec)
					}
					if err := sameRun(dec, *orig); err != nil {
						t.Errorf("at %v: %v", d, err)
					}
				}
				// A decoded run that ended steps while closed restores the
				// same way too.
				orig2 := Start("test", testSteps(), b, getReady)
				st.setup(orig2, b)
				data, _ = json.Marshal(orig2)
				var dec2 Run
				if err := json.Unmarshal(data, &dec2); err != nil {
					t.Fatal(err)
				}
				later := b.Add(3 * time.Hour)
				orig2.Restore(later)
				dec2.Restore(later)
				if err := sameRun(dec2, *orig2); err != nil {
					t.Errorf("Restore: %v", err)
				}
			})
		}
	}
}

func sameEvents(a, b []Event) bool {
	return slices.EqualFunc(a, b, func(x, y Event) bool {
		return x.Kind == y.Kind && x.Step == y.Step && x.Due.Equal(y.Due)
	})
}

// TestRunEditedDurations runs a plan whose durations were chosen by the
// person: each step lasts what was chosen, clamped to its bounds.
func TestRunEditedDurations(t *testing.T) {
	rt := shipped(t, "bedtime")
	c := Choices{
		Legs:    LeftOnly,
		Seconds: map[string]int{"soak": 400, "ki3": 45, "calves": 9999},
	}
	plan := Plan(rt, c, Health{}, 1)
	want := map[string]time.Duration{
		"soak":     400 * time.Second,
		"rub-left": secs(contentStep(t, rt, "rub").Seconds),
		"ki3-left": 45 * time.Second,
		"calves":   secs(contentStep(t, rt, "calves").MaxSeconds),
	}

	r := Start(rt.ID, plan, base, getReady)
	now := at(getReady)
	for i, s := range plan {
		evs := r.Tick(now)
		if len(evs) == 0 || evs[len(evs)-1].Kind != StepStarted || evs[len(evs)-1].Step != i || !evs[len(evs)-1].Due.Equal(now) {
			t.Fatalf("step %d (%s): events %v, want it started at %v", i, s.ID, events(evs), now.Sub(base))
		}
		d := r.Remaining(now)
		if w, ok := want[s.ID]; ok && d != w {
			t.Errorf("%s runs %v, want %v", s.ID, d, w)
		}
		if d != s.Duration {
			t.Errorf("%s runs %v, planned %v", s.ID, d, s.Duration)
		}
		now = now.Add(d)
	}
	if evs := events(r.Tick(now)); !slices.Equal(evs, []string{ev(Finished, len(plan)-1, now.Sub(base))}) {
		t.Errorf("end: %v", evs)
	}
	var total time.Duration
	for _, s := range plan {
		total += s.Duration
	}
	if got := r.Ended.Sub(r.Started); got != getReady+total {
		t.Errorf("run took %v, want %v", got, getReady+total)
	}
}
