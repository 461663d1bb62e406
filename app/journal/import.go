package journal

import (
	"context"
	"io"
	"sort"
	"time"
)

// ImportStep names the step of an import that failed.
type ImportStep int

// The steps of an import.
const (
	// ImportFile: the file is not a backup this app can read.
	ImportFile ImportStep = iota + 1
	// ImportRead: the stored log could not be read to merge into.
	ImportRead
	// ImportWrite: the merged entries could not be stored.
	ImportWrite
)

// ImportError is an import that failed at Step; nothing was changed.
type ImportError struct {
	Step ImportStep
	Err  error
}

func (e *ImportError) Error() string {
	switch e.Step {
	case ImportFile:
		return "reading the backup: " + e.Err.Error()
	case ImportRead:
		return "reading the log to merge into: " + e.Err.Error()
	}
	return "saving the imported entries: " + e.Err.Error()
}

func (e *ImportError) Unwrap() error { return e.Err }

// Imported says what an import did.
type Imported struct {
	// Added and Updated count the entries new to the log and those that
	// replaced an older version.
	Added, Updated int
	// Entries is the whole log after the import, newest first.
	Entries []Entry
}

// Import reads a backup from r, checks all of it, reads the whole stored
// log, merges the backup in by entry ID (Merge) and stores the entries that
// are new or newer, all or none. Whatever fails, nothing is changed, and
// the error is an *ImportError.
func Import(ctx context.Context, s Store, r io.Reader) (Imported, error) {
	in, err := ReadBackup(r)
	if err != nil {
		return Imported{}, &ImportError{Step: ImportFile, Err: err}
	}
	// Merged against the whole stored log, never a part of it.
	existing, err := ReadAll(ctx, s)
	if err != nil {
		return Imported{}, &ImportError{Step: ImportRead, Err: err}
	}
	merged, added, updated := Merge(existing, in)
	if err := s.Put(changed(existing, merged)...); err != nil {
		return Imported{}, &ImportError{Step: ImportWrite, Err: err}
	}
	SortNewest(merged)
	return Imported{Added: added, Updated: updated, Entries: merged}, nil
}

// changed returns the entries of merged that are new, or newer than in
// existing.
func changed(existing, merged []Entry) []Entry {
	old := make(map[string]time.Time, len(existing))
	for _, e := range existing {
		old[e.ID] = e.Updated
	}
	var out []Entry
	for _, e := range merged {
		if t, ok := old[e.ID]; !ok || e.Updated.After(t) {
			out = append(out, e)
		}
	}
	return out
}

// SortNewest sorts entries newest first, keeping the order of entries of
// the same time.
func SortNewest(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].At.After(es[j].At) })
}

// Without returns es without the entry id, in a new slice.
func Without(es []Entry, id string) []Entry {
	out := make([]Entry, 0, len(es))
	for _, e := range es {
		if e.ID != id {
			out = append(out, e)
		}
	}
	return out
}
