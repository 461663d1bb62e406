package routine

import "time"

// Status is where a run stands.
type Status string

// The statuses of a run.
const (
	// GetReady counts down before the first step.
	GetReady Status = "getready"
	Running  Status = "running"
	Paused   Status = "paused"
	// Away: a step ended while the app was closed; the run waits on the
	// next step until the person resumes.
	Away    Status = "away"
	Done    Status = "done"
	Stopped Status = "stopped"
)

// EventKind names what happened in a run, for cues.
type EventKind string

// The events of a run.
const (
	// StepStarted: a step began by itself when the one before ended.
	StepStarted EventKind = "step"
	// Halfway: half of a split step is over; switch legs.
	Halfway EventKind = "half"
	// Finished: the last step ended.
	Finished EventKind = "end"
)

// Event is something that happened in a run, with when it was due.
type Event struct {
	Kind EventKind
	// Step is the index of the step it concerns.
	Step int
	// Due is when it was due, by the deadlines; a cue that fires later is
	// late by the difference.
	Due time.Time
}

// Run is one run of a routine. All its times come from the wall clock
// passed to its methods (deadlines, never counted ticks), so a throttled
// or sleeping page cannot make it drift, and it can be saved and restored
// as it is (it encodes to JSON).
type Run struct {
	Routine string `json:"routine"`
	Steps   []Step `json:"steps"`
	// Index is the current step.
	Index  int    `json:"index"`
	Status Status `json:"status"`
	// Deadline is when the current step (or the get-ready count) ends,
	// while GetReady or Running.
	Deadline time.Time `json:"deadline"`
	// Left is the time left in the current step while Paused or Away.
	Left time.Duration `json:"left"`
	// Half is true once the halfway cue of the current step is given.
	Half bool `json:"half,omitempty"`
	// EndedAway is the title of the step that ended while the app was
	// closed, while Away, and EndedAwayStep its ID (a screen words the
	// step in its own language from it; runs stored before it was kept
	// have only the title).
	EndedAway     string `json:"ended_away,omitempty"`
	EndedAwayStep string `json:"ended_away_step,omitempty"`
	// Done lists the IDs of the steps done, in order.
	Done    []string  `json:"done,omitempty"`
	Started time.Time `json:"started"`
	Ended   time.Time `json:"ended,omitempty"`
}

// Start begins a run of steps at now, with a get-ready count first.
func Start(routine string, steps []Step, now time.Time, getReady time.Duration) *Run {
	r := &Run{Routine: routine, Steps: steps, Started: now, Status: GetReady, Deadline: now.Add(getReady)}
	if len(steps) == 0 {
		r.Status, r.Ended = Done, now
	}
	return r
}

// Active reports whether the run is under way (not done or stopped).
func (r *Run) Active() bool {
	return r != nil && r.Status != Done && r.Status != Stopped && r.Status != ""
}

// Current returns the current step.
func (r *Run) Current() Step {
	if r.Index < 0 || r.Index >= len(r.Steps) {
		return Step{}
	}
	return r.Steps[r.Index]
}

// Remaining is the time left in the current step (or the get-ready count).
func (r *Run) Remaining(now time.Time) time.Duration {
	switch r.Status {
	case GetReady, Running:
		return max(r.Deadline.Sub(now), 0)
	case Paused, Away:
		return r.Left
	}
	return 0
}

// TotalLeft is the time left in the whole run.
func (r *Run) TotalLeft(now time.Time) time.Duration {
	if !r.Active() {
		return 0
	}
	d := r.Remaining(now)
	if r.Status == GetReady {
		d += r.Current().Duration
	}
	for _, s := range r.Steps[min(r.Index+1, len(r.Steps)):] {
		d += s.Duration
	}
	return d
}

// Tick brings a live run up to now: the get-ready count and every step
// whose deadline has passed end, and the next starts at that deadline (not
// at now, so late ticks never add time). It returns what happened, for
// cues.
func (r *Run) Tick(now time.Time) []Event {
	var evs []Event
	for r.Active() {
		switch r.Status {
		case GetReady:
			if now.Before(r.Deadline) {
				return evs
			}
			r.Status = Running
			r.Deadline = r.Deadline.Add(r.Current().Duration)
			evs = append(evs, Event{StepStarted, r.Index, r.Deadline.Add(-r.Current().Duration)})
		case Running:
			s := r.Current()
			if s.Side == "both" && !r.Half {
				half := r.Deadline.Add(-s.Duration / 2)
				if !now.Before(half) {
					r.Half = true
					evs = append(evs, Event{Halfway, r.Index, half})
				}
			}
			if now.Before(r.Deadline) {
				return evs
			}
			due := r.Deadline
			r.Done = append(r.Done, s.ID)
			if !r.advance() {
				r.Status, r.Ended = Done, due
				return append(evs, Event{Finished, r.Index, due})
			}
			r.Deadline = due.Add(r.Current().Duration)
			evs = append(evs, Event{StepStarted, r.Index, due})
		default:
			return evs
		}
	}
	return evs
}

// Restore brings a run read back from storage up to now, after a reload, a
// closed tab or a restarted phone. A step still going keeps its deadline. A
// step that ended while the app was closed counts as done, and the run
// waits, Away, on the next step instead of running steps nobody followed.
func (r *Run) Restore(now time.Time) {
	switch r.Status {
	case GetReady:
		if !now.Before(r.Deadline) {
			r.Status, r.Left = Paused, r.Current().Duration
		}
	case Running:
		if now.Before(r.Deadline) {
			return
		}
		s := r.Current()
		r.Done = append(r.Done, s.ID)
		if !r.advance() {
			r.Status, r.Ended = Done, r.Deadline
			return
		}
		// A short pause to switch legs has no point once the person is
		// back: wait on the step after it.
		for r.Current().Kind == SwitchKind && r.advance() {
		}
		r.Status, r.Left, r.EndedAway, r.EndedAwayStep = Away, r.Current().Duration, s.Title, s.ID
	}
}

// Pause, Resume, Next, Back, Restart and Stop act at now as the person
// taps; call Tick(now) first so a deadline passed since the last tick
// counts.

// Pause stops the clock, keeping the time left.
func (r *Run) Pause(now time.Time) {
	switch r.Status {
	case Running:
		r.Status, r.Left = Paused, r.Remaining(now)
	case GetReady:
		r.Status, r.Left = Paused, r.Current().Duration
	}
}

// Resume starts the clock again from the time left.
func (r *Run) Resume(now time.Time) {
	if r.Status == Paused || r.Status == Away {
		r.Status, r.Deadline, r.EndedAway, r.EndedAwayStep = Running, now.Add(r.Left), "", ""
	}
}

// Next ends the current step now, as done, and starts the next one (or
// finishes the run).
func (r *Run) Next(now time.Time) {
	if !r.Active() {
		return
	}
	switch r.Status {
	case GetReady:
		// Skip the count, not the first step.
		r.Status = Running
		r.enter(now)
		return
	case Away:
		// The step waiting was never started: skip it unrecorded.
	default:
		r.Done = append(r.Done, r.Current().ID)
	}
	if !r.advance() {
		r.Status, r.Ended = Done, now
		return
	}
	r.enter(now)
}

// Back goes to the step before (or to the start of the first one), with
// its full time.
func (r *Run) Back(now time.Time) {
	if !r.Active() {
		return
	}
	if r.Index > 0 {
		r.Index--
		if n := len(r.Done); n > 0 && r.Done[n-1] == r.Current().ID {
			r.Done = r.Done[:n-1]
		}
	}
	r.enter(now)
}

// Restart goes back to the get-ready count before the first step.
func (r *Run) Restart(now time.Time, getReady time.Duration) {
	*r = *Start(r.Routine, r.Steps, now, getReady)
}

// Stop ends the run early.
func (r *Run) Stop(now time.Time) {
	if r.Active() {
		r.Status, r.Ended = Stopped, now
	}
}

// advance moves to the next step; false when there is none.
func (r *Run) advance() bool {
	r.Half, r.EndedAway, r.EndedAwayStep = false, "", ""
	if r.Index+1 >= len(r.Steps) {
		return false
	}
	r.Index++
	return true
}

// enter starts the current step afresh at now, running or paused as the
// run was.
func (r *Run) enter(now time.Time) {
	r.Half, r.EndedAway, r.EndedAwayStep = false, "", ""
	d := r.Current().Duration
	switch r.Status {
	case Paused, Away:
		r.Status, r.Left = Paused, d
	default:
		r.Status, r.Deadline = Running, now.Add(d)
	}
}
