package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// base is the fake clock's 2 a.m. on 5 March 2025, in a fixed +01:00 zone.
var (
	cet  = time.FixedZone("CET", 3600)
	base = time.Date(2025, time.March, 5, 2, 0, 0, 0, cet)
)

// id returns a valid lower-case UUID numbered n.
func id(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }

// cramp returns a valid cramp entry numbered n at at.
func cramp(n int, at time.Time) Entry {
	return Entry{
		ID: id(n), Schema: Schema, Kind: KindCramp, At: at, Created: at.Add(time.Minute), Updated: at.Add(time.Minute),
		Cramp: &Cramp{Leg: "left", Where: []string{"calf", "sole"}, Severity: 7, Seconds: 90, Helped: []string{"stretching"}},
	}
}

// heel returns a valid heel entry numbered n at at, with morning pain m.
func heel(n int, at time.Time, m int) Entry {
	return Entry{
		ID: id(n), Schema: Schema, Kind: KindHeel, At: at, Created: at, Updated: at,
		Heel: &Heel{Morning: m, Now: 2, Foot: "right"},
	}
}

// routineDone returns a valid bedtime routine entry numbered n started at
// at.
func routineDone(n int, at time.Time) Entry {
	end := at.Add(35 * time.Minute)
	return Entry{
		ID: id(n), Schema: Schema, Kind: KindRoutine, At: at, Created: at, Updated: end,
		Routine: &RoutineDone{Routine: "bedtime", Title: "Bedtime leg-cramp routine", Steps: []string{"Warm foot soak", "Rub your soles"}, Completed: true, Ended: end},
	}
}

func TestNew(t *testing.T) {
	now := time.Date(2025, 3, 5, 2, 10, 0, 123456789, cet)
	for _, k := range []Kind{KindCramp, KindHeel, KindRoutine} {
		e := New(k, now.Add(-15*time.Minute), now)
		if e.Kind != k || e.Schema != Schema || !e.Created.Equal(e.Updated) {
			t.Errorf("New(%s) = %+v", k, e)
		}
		if e.Created.Nanosecond() != 123000000 {
			t.Errorf("New(%s).Created = %v, want it to the millisecond", k, e.Created)
		}
		if (e.Cramp != nil) != (k == KindCramp) || (e.Heel != nil) != (k == KindHeel) || (e.Routine != nil) != (k == KindRoutine) {
			t.Errorf("New(%s) details: cramp %v heel %v routine %v", k, e.Cramp, e.Heel, e.Routine)
		}
	}
	a, b := New(KindCramp, now, now), New(KindCramp, now, now)
	if a.ID == b.ID {
		t.Errorf("two entries share the id %s", a.ID)
	}
	// A new cramp filled in as the UI would is valid.
	a.Cramp.Leg, a.Cramp.Severity = "both", 5
	if err := a.Validate(); err != nil {
		t.Errorf("a new cramp: %v", err)
	}
}

func TestValidate(t *testing.T) {
	valid := map[Kind]Entry{
		KindCramp:   cramp(1, base),
		KindHeel:    heel(2, base.Add(6*time.Hour), 6),
		KindRoutine: routineDone(3, base.Add(-4*time.Hour)),
	}
	for k, e := range valid {
		if err := e.Validate(); err != nil {
			t.Errorf("valid %s entry: %v", k, err)
		}
	}
	minimal := cramp(4, base)
	minimal.Cramp = &Cramp{Leg: "right"}
	if err := minimal.Validate(); err != nil {
		t.Errorf("a cramp with only its leg: %v", err)
	}

	tests := []struct {
		name   string
		kind   Kind
		change func(e *Entry)
		want   string
	}{
		{"id missing", KindCramp, func(e *Entry) { e.ID = "" }, "id is missing"},
		{"id not a uuid", KindCramp, func(e *Entry) { e.ID = "cramp-1" }, `id "cramp-1" is not a lower-case UUID`},
		{"id upper case", KindCramp, func(e *Entry) { e.ID = "00000000-0000-4000-8000-00000000ABCD" }, "is not a lower-case UUID"},
		{"id with braces", KindCramp, func(e *Entry) { e.ID = "{" + id(1) + "}" }, "is not a lower-case UUID"},
		{"id all zeros", KindCramp, func(e *Entry) { e.ID = "00000000-0000-0000-0000-000000000000" }, "id must not be all zeros"},
		{"schema old", KindCramp, func(e *Entry) { e.Schema = 1 }, "schema must be 2, not 1"},
		{"kind missing", KindCramp, func(e *Entry) { e.Kind = "" }, "kind is missing"},
		{"kind unknown", KindCramp, func(e *Entry) { e.Kind = "sneeze" }, `kind "sneeze" is not cramp, heel or routine`},
		{"cramp without details", KindCramp, func(e *Entry) { e.Cramp = nil }, "a cramp entry needs its cramp details"},
		{"cramp with heel", KindCramp, func(e *Entry) { e.Heel = &Heel{Foot: "left"} }, "a cramp entry must not have heel details"},
		{"heel with routine", KindHeel, func(e *Entry) { e.Routine = valid[KindRoutine].Routine }, "a heel entry must not have routine details"},
		{"routine with cramp", KindRoutine, func(e *Entry) { e.Cramp = valid[KindCramp].Cramp }, "a routine entry must not have cramp details"},
		{"leg missing", KindCramp, func(e *Entry) { e.Cramp.Leg = "" }, "leg is missing: choose left, right or both"},
		{"leg unknown", KindCramp, func(e *Entry) { e.Cramp.Leg = "middle" }, `leg must be left, right or both, not "middle"`},
		{"where unknown", KindCramp, func(e *Entry) { e.Cramp.Where = []string{"calf", "knee"} }, `where: "knee" is not one of calf, sole, toes, shin or thigh`},
		{"where twice", KindCramp, func(e *Entry) { e.Cramp.Where = []string{"calf", "calf"} }, `where: "calf" is there twice`},
		{"severity high", KindCramp, func(e *Entry) { e.Cramp.Severity = 11 }, "severity must be between 0 and 10"},
		{"severity negative", KindCramp, func(e *Entry) { e.Cramp.Severity = -1 }, "severity must be between 0 and 10"},
		{"seconds negative", KindCramp, func(e *Entry) { e.Cramp.Seconds = -5 }, "how long must be between 0 seconds and 24 hours"},
		{"seconds over a day", KindCramp, func(e *Entry) { e.Cramp.Seconds = MaxSeconds + 1 }, "how long must be between 0 seconds and 24 hours"},
		{"helped unknown", KindCramp, func(e *Entry) { e.Cramp.Helped = []string{"magic"} }, `what helped: "magic" is not one of`},
		{"helped twice", KindCramp, func(e *Entry) { e.Cramp.Helped = []string{"walking", "massage", "walking"} }, `what helped: "walking" is there twice`},
		{"morning pain", KindHeel, func(e *Entry) { e.Heel.Morning = 12 }, "morning pain must be between 0 and 10"},
		{"pain now", KindHeel, func(e *Entry) { e.Heel.Now = -2 }, "pain now must be between 0 and 10"},
		{"foot", KindHeel, func(e *Entry) { e.Heel.Foot = "" }, "foot is missing"},
		{"routine id missing", KindRoutine, func(e *Entry) { e.Routine.Routine = "" }, "the routine is missing"},
		{"routine id odd", KindRoutine, func(e *Entry) { e.Routine.Routine = "<b>bedtime</b>" }, "is not a routine id"},
		{"routine title long", KindRoutine, func(e *Entry) { e.Routine.Title = strings.Repeat("a", maxTitle+1) }, "the routine title is longer than 200 characters"},
		{"step long", KindRoutine, func(e *Entry) { e.Routine.Steps = []string{"ok", strings.Repeat("é", maxTitle+1)} }, "step 2 is longer than 200 characters"},
		{"too many steps", KindRoutine, func(e *Entry) { e.Routine.Steps = make([]string, maxSteps+1) }, "at most 200 steps"},
		{"routine end missing", KindRoutine, func(e *Entry) { e.Routine.Ended = time.Time{} }, "the time the routine ended is missing"},
		{"routine ends first", KindRoutine, func(e *Entry) { e.Routine.Ended = e.At.Add(-time.Second) }, "the routine ends before it starts"},
		{"at missing", KindCramp, func(e *Entry) { e.At = time.Time{} }, "the time it happened is missing"},
		{"created missing", KindCramp, func(e *Entry) { e.Created = time.Time{} }, "the created time is missing"},
		{"updated missing", KindCramp, func(e *Entry) { e.Updated = time.Time{} }, "the updated time is missing"},
		{"at not a real date", KindCramp, func(e *Entry) { e.At = time.Date(1066, 10, 14, 9, 0, 0, 0, time.UTC) }, "the time it happened is not a real date (year 1066)"},
		{"updated before created", KindCramp, func(e *Entry) { e.Updated = e.Created.Add(-time.Second) }, "the updated time is before the created time"},
		{"at in the future", KindCramp, func(e *Entry) { e.At = e.Updated.Add(25 * time.Hour) }, "more than a day after the entry was saved"},
		{"note long", KindCramp, func(e *Entry) { e.Note = strings.Repeat("ü", MaxNote+1) }, "the note is longer than 2000 characters"},
		{"note not text", KindCramp, func(e *Entry) { e.Note = "ok \xff" }, "the note has characters that are not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := clone(valid[tt.kind])
			tt.change(&e)
			err := e.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}

	// Every problem is reported, not only the first.
	e := clone(valid[KindCramp])
	e.Cramp.Severity, e.Cramp.Leg = 20, "up"
	var joined interface{ Unwrap() []error }
	if err := e.Validate(); !errors.As(err, &joined) || len(joined.Unwrap()) != 2 {
		t.Errorf("two problems: Validate() = %v", err)
	}

	// The edges of each range are valid.
	edge := clone(valid[KindCramp])
	edge.Cramp.Severity, edge.Cramp.Seconds, edge.Note = 10, MaxSeconds, strings.Repeat("ü", MaxNote)
	edge.At = edge.Updated.Add(24 * time.Hour)
	if err := edge.Validate(); err != nil {
		t.Errorf("edge values: %v", err)
	}
}

// clone returns a deep copy of e, through JSON.
func clone(e Entry) Entry {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err)
	}
	var c Entry
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return c
}

func TestDecode(t *testing.T) {
	good, _ := json.Marshal(cramp(1, base))
	e, err := Decode(good)
	if err != nil || e.ID != id(1) || e.Cramp.Severity != 7 {
		t.Fatalf("Decode(good) = %+v, %v", e, err)
	}
	tests := []struct {
		name, raw, want string
	}{
		{"not json", `{"id":`, "the record cannot be read"},
		{"no schema", strings.Replace(string(good), `"schema":2,`, "", 1), "the record has no schema version"},
		{"newer", strings.Replace(string(good), `"schema":2`, `"schema":3`, 1), "newer version of the app (schema 3)"},
		{"invalid", strings.Replace(string(good), `"severity":7`, `"severity":70`, 1), "severity must be between 0 and 10"},
		{"wrong type", strings.Replace(string(good), `"severity":7`, `"severity":"bad"`, 1), "the record cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode([]byte(tt.raw)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode() = %v, want %q", err, tt.want)
			}
		})
	}
}
