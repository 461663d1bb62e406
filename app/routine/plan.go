package routine

import (
	"math"
	"slices"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// Legs says which legs the per-leg steps are done for.
type Legs string

// The ways to do the per-leg steps.
const (
	// BothInTurn does each per-leg step for the left leg, then the right.
	BothInTurn Legs = "both"
	// LeftOnly and RightOnly do one leg.
	LeftOnly  Legs = "left"
	RightOnly Legs = "right"
	// Split does both legs in one step of twice the time, with a cue
	// halfway to switch.
	Split Legs = "split"
)

// SwitchKind is the kind of the short pause to move to the other leg.
const SwitchKind = "switch"

// Choices are a person's choices for one routine, remembered between runs.
// The zero value does every step, both legs in turn, default times.
type Choices struct {
	// Skip lists the IDs of steps left out.
	Skip []string `json:"skip,omitempty"`
	// Seconds holds chosen durations by step ID.
	Seconds map[string]int `json:"seconds,omitempty"`
	// Legs is how the per-leg steps are done ("" is BothInTurn).
	Legs Legs `json:"legs,omitempty"`
	// SwitchSeconds is the pause to switch legs between the two halves of
	// a per-leg step, 0 for none.
	SwitchSeconds int `json:"switch_seconds,omitempty"`
}

// Health holds the answers to the two safety questions; nil is "not
// answered".
type Health struct {
	Pregnant *bool `json:"pregnant,omitempty"`
	// Feet is true for diabetes, numbness in the feet or poor circulation.
	Feet *bool `json:"feet,omitempty"`
}

// IsPregnant and HasFeetRisk report a yes answer.
func (h Health) IsPregnant() bool  { return h.Pregnant != nil && *h.Pregnant }
func (h Health) HasFeetRisk() bool { return h.Feet != nil && *h.Feet }

// AvoidInPregnancy is the point traditionally avoided in pregnancy.
const AvoidInPregnancy = "bl60"

// Step is one timed step of a planned run.
type Step struct {
	// ID is unique within the plan: the content step's ID, with the leg
	// ("ki3-left").
	ID string `json:"id"`
	// StepID is the content step's ID.
	StepID string `json:"step"`
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	Point  string `json:"point,omitempty"`
	// Side is "left", "right", "both" (a split step) or "".
	Side     string        `json:"side,omitempty"`
	Duration time.Duration `json:"duration"`
}

// Included reports whether the content step is in the person's plan.
func (c Choices) Included(stepID string) bool { return !slices.Contains(c.Skip, stepID) }

// StepSeconds is the duration chosen for s, within its bounds.
func (c Choices) StepSeconds(s content.Step) int {
	v, ok := c.Seconds[s.ID]
	if !ok {
		return s.Seconds
	}
	return min(max(v, s.MinSeconds), s.MaxSeconds)
}

// Plan lays out the steps of r as chosen: steps left out are dropped, the
// point avoided in pregnancy is dropped for a pregnant person, per-leg
// steps are split by leg, and durations are clamped to their bounds and
// then multiplied by scale (1 in use; smaller in tests).
func Plan(r content.Routine, c Choices, h Health, scale float64) []Step {
	if scale <= 0 {
		scale = 1
	}
	dur := func(sec int) time.Duration {
		return time.Duration(math.Round(float64(sec) * scale * float64(time.Second)))
	}
	var steps []Step
	for _, s := range r.Steps {
		if !c.Included(s.ID) || (h.IsPregnant() && s.Point == AvoidInPregnancy) {
			continue
		}
		d := dur(c.StepSeconds(s))
		base := Step{ID: s.ID, StepID: s.ID, Kind: s.Kind, Title: s.Title, Point: s.Point, Duration: d}
		if !s.PerSide {
			steps = append(steps, base)
			continue
		}
		switch c.Legs {
		case LeftOnly, RightOnly:
			steps = append(steps, leg(base, string(c.Legs)))
		case Split:
			b := leg(base, "both")
			b.Duration = 2 * d
			steps = append(steps, b)
		default:
			steps = append(steps, leg(base, "left"))
			if c.SwitchSeconds > 0 {
				steps = append(steps, Step{
					ID: s.ID + "-switch", StepID: s.ID, Kind: SwitchKind,
					Title: "Switch to the right leg", Point: s.Point, Duration: dur(c.SwitchSeconds),
				})
			}
			steps = append(steps, leg(base, "right"))
		}
	}
	return steps
}

func leg(s Step, side string) Step {
	s.ID += "-" + side
	s.Side = side
	switch side {
	case "left":
		s.Title += ": left leg"
	case "right":
		s.Title += ": right leg"
	case "both":
		s.Title += ": both legs"
	}
	return s
}
