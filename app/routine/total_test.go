package routine

import (
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

func TestTotal(t *testing.T) {
	tests := []struct {
		name  string
		steps []content.Step
		want  time.Duration
	}{
		{"none", nil, 0},
		{"one step", []content.Step{{Seconds: 1200}}, 20 * time.Minute},
		{"per leg counts twice", []content.Step{{Seconds: 30, PerSide: true}, {Seconds: 60}}, 2 * time.Minute},
	}
	for _, tt := range tests {
		if got := Total(content.Routine{Steps: tt.steps}); got != tt.want {
			t.Errorf("%s: Total = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTotalOfShippedRoutines(t *testing.T) {
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.Routines {
		if got := Total(r); got <= 0 || got > 2*time.Hour {
			t.Errorf("routine %s takes %v: out of any sensible range", r.ID, got)
		}
	}
}
