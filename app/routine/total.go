package routine

import (
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// Total is how long a routine takes with its default durations, doing
// every step that can be done per leg once for each leg.
func Total(r content.Routine) time.Duration {
	var d time.Duration
	for _, s := range r.Steps {
		step := time.Duration(s.Seconds) * time.Second
		if s.PerSide {
			step *= 2
		}
		d += step
	}
	return d
}
