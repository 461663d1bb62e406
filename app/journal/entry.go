package journal

import (
	"time"

	"github.com/google/uuid"
)

// Schema is the current schema version of an Entry and of a backup.
const Schema = 2

// Kind is what an entry records.
type Kind string

// The kinds of entry.
const (
	KindCramp   Kind = "cramp"
	KindHeel    Kind = "heel"
	KindRoutine Kind = "routine"
)

// Entry is one thing logged. Exactly one of Cramp, Heel and Routine is set,
// the one that matches Kind.
type Entry struct {
	ID      string       `json:"id"` // UUID, lower case
	Schema  int          `json:"schema"`
	Kind    Kind         `json:"kind"`
	At      time.Time    `json:"at"` // when it happened
	Created time.Time    `json:"created"`
	Updated time.Time    `json:"updated"`
	Cramp   *Cramp       `json:"cramp,omitempty"`
	Heel    *Heel        `json:"heel,omitempty"`
	Routine *RoutineDone `json:"routine,omitempty"`
	Note    string       `json:"note,omitempty"`
}

// Cramp is a leg cramp.
type Cramp struct {
	Leg      string   `json:"leg"`      // one of Legs
	Where    []string `json:"where"`    // a subset of Places
	Severity int      `json:"severity"` // 0-10
	Seconds  int      `json:"seconds"`  // how long; 0 = not said; at most 24 h
	Helped   []string `json:"helped"`   // a subset of Helps
}

// Heel is heel or foot pain.
type Heel struct {
	Morning int    `json:"morning"` // first steps in the morning, 0-10
	Now     int    `json:"now"`     // pain now, 0-10
	Foot    string `json:"foot"`    // one of Legs
}

// RoutineDone is a routine done, in full or in part, as the routine timer
// recorded it.
type RoutineDone struct {
	Routine   string    `json:"routine"` // the routine's id: "bedtime", "foot-pain"
	Title     string    `json:"title"`
	Steps     []string  `json:"steps"` // titles of the steps done
	Completed bool      `json:"completed"`
	Ended     time.Time `json:"ended"`
}

// The values the UI offers and Validate accepts.
var (
	// Legs are the legs (or feet) a cramp or heel pain can be in.
	Legs = []string{"left", "right", "both"}
	// Places are where in the leg a cramp can be.
	Places = []string{"calf", "sole", "toes", "shin", "thigh"}
	// Helps are what can have helped a cramp.
	Helps = []string{"routine", "stretching", "walking", "massage", "other"}
)

// MaxSeconds is the longest a cramp can be logged as lasting: 24 hours.
const MaxSeconds = 24 * 60 * 60

// MaxNote is the longest a note can be, in characters.
const MaxNote = 2000

// New returns a new entry of kind at `at`, with a fresh UUID, the current
// Schema, and Created and Updated set to now. The detail that matches kind
// (Cramp, Heel or Routine) is set to its zero value, ready to fill in.
//
// Times are kept to the millisecond, the precision of a browser's clock and
// of JSON written by JavaScript; this also drops Go's monotonic clock
// reading, so an entry equals itself after a trip through storage.
func New(kind Kind, at, now time.Time) Entry {
	now = now.Truncate(time.Millisecond)
	e := Entry{
		ID:      uuid.NewString(),
		Schema:  Schema,
		Kind:    kind,
		At:      at.Truncate(time.Millisecond),
		Created: now,
		Updated: now,
	}
	switch kind {
	case KindCramp:
		e.Cramp = &Cramp{}
	case KindHeel:
		e.Heel = &Heel{}
	case KindRoutine:
		e.Routine = &RoutineDone{}
	}
	return e
}
