package routine

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// shipped returns the routine with the given ID from the embedded content.
func shipped(t *testing.T, id string) content.Routine {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := lib.Routine(id)
	if !ok {
		t.Fatalf("routine %q not in the content", id)
	}
	return r
}

// contentStep returns the step of r with the given ID.
func contentStep(t *testing.T, r content.Routine, id string) content.Step {
	t.Helper()
	for _, s := range r.Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("routine %s has no step %q", r.ID, id)
	return content.Step{}
}

func stepIDs(steps []Step) []string {
	ids := make([]string, len(steps))
	for i, s := range steps {
		ids[i] = s.ID
	}
	return ids
}

func secs(n int) time.Duration { return time.Duration(n) * time.Second }

func boolPtr(b bool) *bool { return &b }

// perLeg are the bedtime routine's point steps, done for each leg.
var perLeg = []string{"ki3", "bl60", "bl57", "gb34", "st36"}

func TestPlanBedtimeDefaults(t *testing.T) {
	r := shipped(t, "bedtime")
	got := Plan(r, Choices{}, Health{}, 1)

	want := []string{"soak", "rub-left", "rub-right"}
	for _, p := range perLeg {
		want = append(want, p+"-left", p+"-right")
	}
	want = append(want, "calves")
	if ids := stepIDs(got); !slices.Equal(ids, want) {
		t.Fatalf("step IDs:\n got %v\nwant %v", ids, want)
	}

	seen := map[string]bool{}
	for _, s := range got {
		if seen[s.ID] {
			t.Errorf("step ID %q twice", s.ID)
		}
		seen[s.ID] = true

		c := contentStep(t, r, s.StepID)
		if s.Duration != secs(c.Seconds) {
			t.Errorf("%s: duration %v, want the content's %d s", s.ID, s.Duration, c.Seconds)
		}
		if s.Kind != c.Kind || s.Point != c.Point {
			t.Errorf("%s: kind %q point %q, want %q %q", s.ID, s.Kind, s.Point, c.Kind, c.Point)
		}
		side := ""
		if c.PerSide {
			side = strings.TrimPrefix(s.ID, c.ID+"-")
		}
		if s.Side != side {
			t.Errorf("%s: side %q, want %q", s.ID, s.Side, side)
		}
		wantTitle := c.Title
		switch side {
		case "left":
			wantTitle += ": left leg"
		case "right":
			wantTitle += ": right leg"
		}
		if s.Title != wantTitle {
			t.Errorf("%s: title %q, want %q", s.ID, s.Title, wantTitle)
		}
	}
}

func TestPlanLegs(t *testing.T) {
	r := shipped(t, "bedtime")
	ki3 := secs(contentStep(t, r, "ki3").Seconds)

	tests := []struct {
		name string
		c    Choices
		// want are the steps planned for ki3, in order (ID, side, kind,
		// duration); the other per-leg steps follow the same pattern.
		want []Step
	}{
		{"both in turn", Choices{}, []Step{
			{ID: "ki3-left", Side: "left", Kind: "point", Duration: ki3},
			{ID: "ki3-right", Side: "right", Kind: "point", Duration: ki3},
		}},
		{"unknown legs is both in turn", Choices{Legs: "sideways"}, []Step{
			{ID: "ki3-left", Side: "left", Kind: "point", Duration: ki3},
			{ID: "ki3-right", Side: "right", Kind: "point", Duration: ki3},
		}},
		{"switch pause", Choices{SwitchSeconds: 5}, []Step{
			{ID: "ki3-left", Side: "left", Kind: "point", Duration: ki3},
			{ID: "ki3-switch", Side: "", Kind: SwitchKind, Duration: 5 * time.Second},
			{ID: "ki3-right", Side: "right", Kind: "point", Duration: ki3},
		}},
		{"left only", Choices{Legs: LeftOnly}, []Step{
			{ID: "ki3-left", Side: "left", Kind: "point", Duration: ki3},
		}},
		{"right only", Choices{Legs: RightOnly}, []Step{
			{ID: "ki3-right", Side: "right", Kind: "point", Duration: ki3},
		}},
		{"left only has no switch", Choices{Legs: LeftOnly, SwitchSeconds: 5}, []Step{
			{ID: "ki3-left", Side: "left", Kind: "point", Duration: ki3},
		}},
		{"split", Choices{Legs: Split}, []Step{
			{ID: "ki3-both", Side: "both", Kind: "point", Duration: 2 * ki3},
		}},
		{"split has no switch", Choices{Legs: Split, SwitchSeconds: 5}, []Step{
			{ID: "ki3-both", Side: "both", Kind: "point", Duration: 2 * ki3},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Plan(r, tt.c, Health{}, 1)

			// Steps that are not per leg are untouched.
			if plan[0].ID != "soak" || plan[len(plan)-1].ID != "calves" {
				t.Errorf("plan runs %s ... %s, want soak ... calves", plan[0].ID, plan[len(plan)-1].ID)
			}
			for _, p := range []string{"rub", "ki3", "bl60", "bl57", "gb34", "st36"} {
				var got []Step
				for _, s := range plan {
					if s.StepID == p {
						got = append(got, s)
					}
				}
				if len(got) != len(tt.want) {
					t.Errorf("%s: %d steps %v, want %d", p, len(got), stepIDs(got), len(tt.want))
					continue
				}
				for i, w := range tt.want {
					g := got[i]
					wantID := p + strings.TrimPrefix(w.ID, "ki3")
					if g.ID != wantID || g.Side != w.Side {
						t.Errorf("%s step %d: %s side %q, want %s side %q", p, i, g.ID, g.Side, wantID, w.Side)
					}
					if p == "ki3" && (g.Kind != w.Kind || g.Duration != w.Duration) {
						t.Errorf("%s: kind %q duration %v, want %q %v", g.ID, g.Kind, g.Duration, w.Kind, w.Duration)
					}
					if g.Kind == SwitchKind && (g.Point != contentStep(t, r, p).Point || g.Title == "") {
						t.Errorf("%s: switch step point %q title %q", g.ID, g.Point, g.Title)
					}
				}
			}
		})
	}
}

func TestPlanSplitTitle(t *testing.T) {
	r := shipped(t, "bedtime")
	for _, s := range Plan(r, Choices{Legs: Split}, Health{}, 1) {
		if s.Side == "both" && !strings.HasSuffix(s.Title, ": both legs") {
			t.Errorf("%s: title %q, want it to end %q", s.ID, s.Title, ": both legs")
		}
	}
}

func TestPlanSkipAndSeconds(t *testing.T) {
	r := shipped(t, "bedtime")
	soak := contentStep(t, r, "soak")
	ki3 := contentStep(t, r, "ki3")

	tests := []struct {
		name string
		c    Choices
		// want holds the expected duration by plan step ID; a step
		// mapped to 0 must be absent.
		want map[string]time.Duration
	}{
		{"skip one", Choices{Skip: []string{"soak"}}, map[string]time.Duration{
			"soak": 0, "rub-left": secs(contentStep(t, r, "rub").Seconds),
		}},
		{"skip a per-leg step drops both legs", Choices{Skip: []string{"ki3"}}, map[string]time.Duration{
			"ki3-left": 0, "ki3-right": 0, "bl60-left": secs(30),
		}},
		{"skip an unknown step", Choices{Skip: []string{"nope"}}, map[string]time.Duration{
			"soak": secs(soak.Seconds),
		}},
		{"within bounds", Choices{Seconds: map[string]int{"soak": 600, "ki3": 45}}, map[string]time.Duration{
			"soak": secs(600), "ki3-left": secs(45), "ki3-right": secs(45), "bl60-left": secs(30),
		}},
		{"below min", Choices{Seconds: map[string]int{"soak": 1, "ki3": 0}}, map[string]time.Duration{
			"soak": secs(soak.MinSeconds), "ki3-left": secs(ki3.MinSeconds),
		}},
		{"negative", Choices{Seconds: map[string]int{"ki3": -30}}, map[string]time.Duration{
			"ki3-right": secs(ki3.MinSeconds),
		}},
		{"above max", Choices{Seconds: map[string]int{"soak": 99999, "ki3": 121}}, map[string]time.Duration{
			"soak": secs(soak.MaxSeconds), "ki3-left": secs(ki3.MaxSeconds),
		}},
		{"at the bounds", Choices{Seconds: map[string]int{"soak": soak.MinSeconds, "ki3": ki3.MaxSeconds}}, map[string]time.Duration{
			"soak": secs(soak.MinSeconds), "ki3-left": secs(ki3.MaxSeconds),
		}},
		{"unknown step ID ignored", Choices{Seconds: map[string]int{"nope": 5, "ki3-left": 5}}, map[string]time.Duration{
			"soak": secs(soak.Seconds), "ki3-left": secs(ki3.Seconds),
		}},
		{"split doubles the chosen time", Choices{Legs: Split, Seconds: map[string]int{"ki3": 200}}, map[string]time.Duration{
			"ki3-both": 2 * secs(ki3.MaxSeconds),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]time.Duration{}
			for _, s := range Plan(r, tt.c, Health{}, 1) {
				got[s.ID] = s.Duration
			}
			for id, want := range tt.want {
				if got[id] != want {
					t.Errorf("%s: duration %v, want %v", id, got[id], want)
				}
			}
		})
	}
}

func TestPlanHealth(t *testing.T) {
	r := shipped(t, "bedtime")
	all := stepIDs(Plan(r, Choices{}, Health{}, 1))
	withoutBL60 := slices.DeleteFunc(slices.Clone(all), func(id string) bool {
		return strings.HasPrefix(id, AvoidInPregnancy+"-")
	})
	if len(withoutBL60) != len(all)-2 {
		t.Fatalf("the default plan has no %s for both legs: %v", AvoidInPregnancy, all)
	}

	tests := []struct {
		name string
		h    Health
		want []string
	}{
		{"not answered", Health{}, all},
		{"not pregnant", Health{Pregnant: boolPtr(false)}, all},
		{"pregnant", Health{Pregnant: boolPtr(true)}, withoutBL60},
		{"feet risk", Health{Feet: boolPtr(true)}, all},
		{"no feet risk", Health{Feet: boolPtr(false)}, all},
		{"pregnant with feet risk", Health{Pregnant: boolPtr(true), Feet: boolPtr(true)}, withoutBL60},
	}
	for _, tt := range tests {
		if got := stepIDs(Plan(r, Choices{}, tt.h, 1)); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}

	// Pregnancy drops the split bl60 step too.
	for _, s := range Plan(r, Choices{Legs: Split}, Health{Pregnant: boolPtr(true)}, 1) {
		if s.Point == AvoidInPregnancy {
			t.Errorf("pregnant, split legs: %s still planned", s.ID)
		}
	}
}

func TestPlanScale(t *testing.T) {
	r := shipped(t, "bedtime")
	full := Plan(r, Choices{SwitchSeconds: 5}, Health{}, 1)

	tests := []struct {
		scale float64
		div   time.Duration // the full durations are divided by div

	}{
		{1, 1},
		{0, 1},
		{-2, 1},
		{0.01, 100},
		{0.1, 10},
	}
	for _, tt := range tests {
		got := Plan(r, Choices{SwitchSeconds: 5}, Health{}, tt.scale)
		if !slices.Equal(stepIDs(got), stepIDs(full)) {
			t.Errorf("scale %v: steps %v, want %v", tt.scale, stepIDs(got), stepIDs(full))
			continue
		}
		for i, s := range got {
			if want := full[i].Duration / tt.div; s.Duration != want {
				t.Errorf("scale %v: %s lasts %v, want %v", tt.scale, s.ID, s.Duration, want)
			}
		}
	}
}

func TestPlanFootPain(t *testing.T) {
	r := shipped(t, "foot-pain")
	got := Plan(r, Choices{}, Health{Pregnant: boolPtr(true)}, 1)

	want := []struct {
		id, side, kind, point string
	}{
		{"ki1-left", "left", content.StepPoint, "ki1"},
		{"ki1-right", "right", content.StepPoint, "ki1"},
		{"shimian-left", "left", content.StepPoint, "shimian"},
		{"shimian-right", "right", content.StepPoint, "shimian"},
		{"heel-calf", "", content.StepMassage, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("foot-pain plan: %v, want %d steps", stepIDs(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Side != w.side || g.Kind != w.kind || g.Point != w.point {
			t.Errorf("step %d: %s side %q kind %q point %q, want %s %q %q %q",
				i, g.ID, g.Side, g.Kind, g.Point, w.id, w.side, w.kind, w.point)
		}
		if c := contentStep(t, r, g.StepID); g.Duration != secs(c.Seconds) || g.Duration <= 0 {
			t.Errorf("%s: duration %v, want the content's %d s", g.ID, g.Duration, c.Seconds)
		}
	}
}
