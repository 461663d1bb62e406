// Package routine is the routine engine: it plans a routine from the
// content and the person's choices (plan.go: steps, legs, bounds, what is
// left out in pregnancy), runs it on wall-clock deadlines with the time
// passed in (run.go: Tick returns the events that happened, for cues;
// Restore catches up after a reload), totals its length (total.go), and is
// the one place durations are written for people (duration.go).
package routine
