package journal

import (
	"bytes"
	"encoding/json"
	"time"
)

// v1Routine is a routine done as the app's first version kept it: a JSON
// array of these in browser storage, and in a schema-1 backup's entries.
type v1Routine struct {
	ID        string    `json:"id"`
	Routine   string    `json:"routine"`
	Title     string    `json:"title"`
	Started   time.Time `json:"started"`
	Ended     time.Time `json:"ended"`
	Completed bool      `json:"completed"`
	Steps     []string  `json:"steps"`
}

// MigrateV1 converts the first version's routine history, a JSON array of
// {"id", "routine", "title", "started", "ended", "completed", "steps"}, into
// routine entries: At and Created are the start, Updated and Routine.Ended
// the end (the start, when the end is missing or before it). It does not
// validate the entries; ReadBackup does. A missing or null array has no
// entries.
func MigrateV1(raw []byte) ([]Entry, error) {
	if !json.Valid(raw) && len(bytes.TrimSpace(raw)) > 0 {
		return nil, sayErr("the old routine history is not valid JSON")
	}
	olds, err := decodeList[v1Routine](raw)
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, len(olds))
	for i, old := range olds {
		ended := old.Ended
		if ended.IsZero() || ended.Before(old.Started) {
			ended = old.Started
		}
		entries[i] = Entry{
			ID:      old.ID,
			Schema:  Schema,
			Kind:    KindRoutine,
			At:      old.Started,
			Created: old.Started,
			Updated: ended,
			Routine: &RoutineDone{
				Routine:   old.Routine,
				Title:     old.Title,
				Steps:     old.Steps,
				Completed: old.Completed,
				Ended:     ended,
			},
		}
	}
	return entries, nil
}
