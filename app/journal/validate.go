package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/calfandsole/calfandsole/content/names"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits on what a routine entry carries. The app's own routines stay far
// below them; they only keep a hostile import file from growing the log.
const (
	maxTitle = 200 // characters in a routine title or a step title
	maxSteps = 200 // steps in one routine entry
	maxID    = 64  // bytes in a routine id
)

// Validate reports what is wrong with e, in plain words for a person
// ("severity must be between 0 and 10"): errors.Join of every problem found,
// or nil when there is none.
func (e Entry) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, sayErr(format, args...))
	}

	if e.Schema != Schema {
		bad("schema must be %d, not %d", Schema, e.Schema)
	}
	if e.ID == "" {
		bad("id is missing")
	} else if id, err := uuid.Parse(e.ID); err != nil || id.String() != e.ID {
		bad("id %s is not a lower-case UUID", quote(e.ID))
	} else if id == uuid.Nil {
		bad("id must not be all zeros")
	}

	checkTime(&errs, say("the time it happened"), e.At)
	checkTime(&errs, say("the created time"), e.Created)
	checkTime(&errs, say("the updated time"), e.Updated)
	if !e.Created.IsZero() && !e.Updated.IsZero() && e.Updated.Before(e.Created) {
		bad("the updated time is before the created time")
	}
	if !e.At.IsZero() && !e.Updated.IsZero() && e.At.After(e.Updated.Add(24*time.Hour)) {
		bad("the time it happened is more than a day after the entry was saved")
	}

	switch e.Kind {
	case KindCramp, KindHeel, KindRoutine:
		for _, d := range [...]struct {
			kind Kind
			set  bool
		}{{KindCramp, e.Cramp != nil}, {KindHeel, e.Heel != nil}, {KindRoutine, e.Routine != nil}} {
			switch {
			case d.kind == e.Kind && !d.set:
				bad("a %s entry needs its %s details", kindName(e.Kind), kindName(e.Kind))
			case d.kind != e.Kind && d.set:
				bad("a %s entry must not have %s details", kindName(e.Kind), kindName(d.kind))
			}
		}
	case "":
		bad("kind is missing")
	default:
		bad("kind %s is not cramp, heel or routine", quote(string(e.Kind)))
	}

	if c := e.Cramp; c != nil {
		oneOf(&errs, say("leg"), c.Leg, Legs)
		subset(&errs, say("where"), c.Where, Places)
		score(&errs, say("severity"), c.Severity)
		if c.Seconds < 0 || c.Seconds > MaxSeconds {
			bad("how long must be between 0 seconds and 24 hours")
		}
		subset(&errs, say("what helped"), c.Helped, Helps)
	}
	if h := e.Heel; h != nil {
		score(&errs, say("morning pain"), h.Morning)
		score(&errs, say("pain now"), h.Now)
		oneOf(&errs, say("foot"), h.Foot, Legs)
	}
	if r := e.Routine; r != nil {
		if r.Routine == "" {
			bad("the routine is missing")
		} else if !isSlug(r.Routine) {
			bad("routine %s is not a routine id", quote(r.Routine))
		}
		text(&errs, say("the routine title"), r.Title, maxTitle)
		if len(r.Steps) > maxSteps {
			bad("a routine can have at most %d steps, not %d", maxSteps, len(r.Steps))
		} else {
			for i, s := range r.Steps {
				text(&errs, say("step %d", i+1), s, maxTitle)
			}
		}
		if r.Ended.IsZero() {
			bad("the time the routine ended is missing")
		} else {
			checkTime(&errs, say("the time the routine ended"), r.Ended)
			if !e.At.IsZero() && r.Ended.Before(e.At) {
				bad("the routine ends before it starts")
			}
		}
	}
	text(&errs, say("the note"), e.Note, MaxNote)
	return errors.Join(errs...)
}

// Decode reads one stored record (an Entry as JSON) and validates it. A
// record that cannot be read, has no schema, comes from a newer version of
// the app or is not valid is an error, so the caller can set it aside.
func Decode(raw []byte) (Entry, error) {
	var e Entry
	if err := json.Unmarshal(raw, &e); err != nil {
		return Entry{}, fmt.Errorf("the record cannot be read: %w", err)
	}
	switch {
	case e.Schema == 0:
		return Entry{}, errors.New("the record has no schema version")
	case e.Schema > Schema:
		return Entry{}, fmt.Errorf("the record was made by a newer version of the app (schema %d)", e.Schema)
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// checkTime adds a problem when t is missing or outside years 1900-9999
// (which JSON and RFC 3339 cannot all write).
func checkTime(errs *[]error, what Text, t time.Time) {
	switch y := t.Year(); {
	case t.IsZero():
		*errs = append(*errs, sayErr("%s is missing", what))
	case y < 1900 || y > 9999:
		*errs = append(*errs, sayErr("%s is not a real date (year %d)", what, y))
	}
}

// score adds a problem when a 0-10 score is out of range.
func score(errs *[]error, what Text, n int) {
	if n < 0 || n > 10 {
		*errs = append(*errs, sayErr("%s must be between 0 and 10", what))
	}
}

// oneOf adds a problem when v is not one of allowed.
func oneOf(errs *[]error, what Text, v string, allowed []string) {
	switch {
	case v == "":
		*errs = append(*errs, sayErr("%s is missing: choose %s", what, list(allowed)))
	case !slices.Contains(allowed, v):
		*errs = append(*errs, sayErr("%s must be %s, not %s", what, list(allowed), quote(v)))
	}
}

// subset adds a problem for each value of vs not in allowed or listed twice.
func subset(errs *[]error, what Text, vs, allowed []string) {
	for i, v := range vs {
		switch {
		case !slices.Contains(allowed, v):
			*errs = append(*errs, sayErr("%s: %s is not one of %s", what, quote(v), list(allowed)))
		case slices.Contains(vs[:i], v):
			*errs = append(*errs, sayErr("%s: %s is there twice", what, quote(v)))
		}
	}
}

// text adds a problem when s is not valid UTF-8 or longer than max
// characters.
func text(errs *[]error, what Text, s string, max int) {
	switch {
	case !utf8.ValidString(s):
		*errs = append(*errs, sayErr("%s has characters that are not text", what))
	case utf8.RuneCountInString(s) > max:
		*errs = append(*errs, sayErr("%s is longer than %d characters", what, max))
	}
}

// isSlug reports whether s looks like a routine id: lower-case letters,
// digits and hyphens, at most maxID bytes.
func isSlug(s string) bool {
	return len(s) <= maxID && (s == "" || names.IsSlug(s))
}

// list writes allowed values for a person: "left, right or both", each
// value a Text, so that a screen writes them in its language as it writes
// them on the log's chips.
func list(vs []string) any {
	if len(vs) == 0 {
		return ""
	}
	t := any(value(vs[0]))
	if len(vs) == 1 {
		return t
	}
	for _, v := range vs[1 : len(vs)-1] {
		t = say("%s, %s", t, value(v))
	}
	return say("%s or %s", t, value(vs[len(vs)-1]))
}

// value is one of the log's values ("left", "calf"), a Text whose format
// is the value itself: the catalogue has each (app/ui tests that).
func value(v string) Text { return Text{Format: v} }

// kindName is a kind of entry ("cramp") as the messages name it.
func kindName(k Kind) Text { return value(string(k)) }

// quote quotes a value for an error message, cut short when it is long: it
// may come from a hostile file.
func quote(s string) string {
	const max = 40
	n := 0
	for i := range s {
		if n == max {
			return strconv.Quote(s[:i] + "…")
		}
		n++
	}
	return strconv.Quote(s)
}
