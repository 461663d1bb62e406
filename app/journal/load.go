package journal

import (
	"context"
	"fmt"
	"time"
)

// Records are read from storage FirstBatch at a time until what a screen
// shows first is in, then readBatch at a time, decoded decodeBatch at a
// time (about 10 ms of work on a phone) with a pause between, so the page
// answers taps meanwhile.
const (
	FirstBatch  = 60
	readBatch   = 1000
	decodeBatch = 200
)

// Loaded is the log as a Load has read it so far.
type Loaded struct {
	// Entries are the entries read, newest first.
	Entries []Entry
	// Complete is set once every record is read.
	Complete bool
	// Bad is how many records could not be read; they were set aside,
	// unless AsideErr says that failed.
	Bad      int
	AsideErr error
}

// LoadOptions say what a screen shows first, and how long to pause
// between batches.
type LoadOptions struct {
	// Since and Nights: the first part read holds every entry from Since
	// on, and the newest Nights nights in full.
	Since  time.Time
	Nights int
	// Pause is slept between decoded batches of the rest (0: none).
	Pause time.Duration
}

// Load reads the log in s, newest first. Once the entries read cover what
// opt asks for, and the log is not read in full yet, it calls first with
// them; then it reads the rest and returns the whole log. When every record
// is read, it sets aside the records that cannot be read, and stores again
// with their time the entries an early version stored without one. It
// stops when ctx is done, returning ctx's error and doing nothing more.
// On a storage error it returns what it read, with the error.
//
// Each Loaded has its own view of the entries: a later append never
// writes under one handed out.
func Load(ctx context.Context, s Store, opt LoadOptions, first func(Loaded)) (Loaded, error) {
	pager := s.Newest()
	r := NewReader(nil)
	done, err := false, error(nil)
	for !done && !Covers(r.Entries, opt.Since, opt.Nights) {
		if err = ctx.Err(); err != nil {
			break
		}
		var recs []Record
		recs, done, err = pager.Next(FirstBatch)
		if err != nil {
			break
		}
		r.Add(recs...)
		r.Read(len(recs))
	}
	if err == nil && !done {
		first(Loaded{Entries: view(r.Entries)})
	}
	for err == nil && !done {
		if err = ctx.Err(); err != nil {
			break
		}
		var recs []Record
		recs, done, err = pager.Next(readBatch)
		r.Add(recs...)
		for !r.Read(decodeBatch) && opt.Pause > 0 {
			time.Sleep(opt.Pause)
		}
	}
	out := Loaded{Entries: view(r.Entries), Bad: len(r.Bad)}
	if err != nil {
		return out, fmt.Errorf("reading the log: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return out, err
	}
	out.Complete = true
	if len(r.Bad) > 0 {
		out.AsideErr = s.SetAside(r.Bad...)
	}
	if len(r.Untimed) > 0 {
		// Not a reason to fail the read: they are read last until then.
		_ = s.Put(r.Untimed...)
	}
	return out, nil
}

// ReadAll reads every entry s holds, newest first, leaving out records that
// cannot be read. It writes nothing.
func ReadAll(ctx context.Context, s Store) ([]Entry, error) {
	pager := s.Newest()
	r := NewReader(nil)
	for done := false; !done; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		recs, last, err := pager.Next(readBatch)
		if err != nil {
			return nil, fmt.Errorf("reading the log: %w", err)
		}
		r.Add(recs...)
		r.Read(len(recs))
		done = last
	}
	return r.Entries, nil
}

// view returns es with no room to grow, so an append makes a copy.
func view(es []Entry) []Entry { return es[:len(es):len(es)] }
