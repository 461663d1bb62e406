package routine

import (
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// Total is how long a routine takes with its default durations, doing
// every per-leg step for each leg in turn.
func Total(r content.Routine) time.Duration {
	return PlanDuration(Plan(r, Choices{}, Health{}, 1))
}

// PlanDuration is how long the planned steps take.
func PlanDuration(steps []Step) time.Duration {
	var d time.Duration
	for _, s := range steps {
		d += s.Duration
	}
	return d
}
