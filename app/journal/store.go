package journal

import (
	"errors"
	"sort"
)

// Store keeps the log's entries, one record per entry keyed by its ID. Its
// methods block: a screen calls them off the UI goroutine. The app's store
// is IndexedDB (app/browser); MemStore keeps them in memory.
type Store interface {
	// Newest returns the stored records newest first, a batch at a time,
	// so a screen can show the newest without reading them all.
	Newest() Pager
	// SetAside moves records that cannot be read out of the log, keeping
	// their text; a record whose text has changed since it was read stays.
	SetAside(recs ...Record) error
	// Get returns one entry, or ErrNotFound.
	Get(id string) (Entry, error)
	// Put writes entries, all or none.
	Put(es ...Entry) error
	// Delete removes an entry.
	Delete(id string) error
}

// Pager gives stored records a batch at a time, newest first: by time,
// and among records of the same time by key, highest first. Records with
// no time (written by an early version) come last.
type Pager interface {
	// Next returns up to n more records, and whether they were the last.
	Next(n int) (recs []Record, done bool, err error)
}

// ErrNotFound is returned for an entry the log does not hold.
var ErrNotFound = errors.New("no such entry")

// ErrStorageFull is returned when the phone's storage is full.
var ErrStorageFull = errors.New("the phone's storage is full")

// MemStore is a Store in memory: the log when the browser gives no
// storage (private browsing), and the store of tests. Records are kept as
// text, as a browser keeps them, so a test can store a damaged one. Its
// zero value is an empty store ready to use; it is not safe for use by
// several goroutines at once.
type MemStore struct {
	recs map[string]Record
	// at is each record's time in ms, as the browser's index keeps it;
	// a record missing here has no time.
	at map[string]int64
}

// PutRecord stores a record as it is, with its time in ms (timed false:
// none, as an early version stored it). Tests use it to store what the app
// would not write.
func (s *MemStore) PutRecord(r Record, atMS int64, timed bool) {
	if s.recs == nil {
		s.recs, s.at = map[string]Record{}, map[string]int64{}
	}
	s.recs[r.Key] = r
	delete(s.at, r.Key)
	if timed {
		s.at[r.Key] = atMS
	}
}

// Newest returns the records as stored now, newest first.
func (s *MemStore) Newest() Pager {
	recs := make([]Record, 0, len(s.recs))
	for _, r := range s.recs {
		recs = append(recs, r)
	}
	for i, r := range recs {
		_, timed := s.at[r.Key]
		recs[i].Untimed = !timed
	}
	sort.Slice(recs, func(i, j int) bool {
		a, aok := s.at[recs[i].Key]
		b, bok := s.at[recs[j].Key]
		switch {
		case aok != bok:
			return aok
		case a != b:
			return a > b
		}
		return recs[i].Key > recs[j].Key
	})
	return &memPager{recs: recs}
}

// memPager hands out a MemStore's records, as they were when it was made.
type memPager struct{ recs []Record }

func (p *memPager) Next(n int) ([]Record, bool, error) {
	n = min(max(n, 0), len(p.recs))
	out := p.recs[:n:n]
	p.recs = p.recs[n:]
	return out, len(p.recs) == 0, nil
}

// SetAside removes records that still hold the text that was read.
func (s *MemStore) SetAside(recs ...Record) error {
	for _, r := range recs {
		if cur, ok := s.recs[r.Key]; ok && cur.Text == r.Text {
			delete(s.recs, r.Key)
			delete(s.at, r.Key)
		}
	}
	return nil
}

// Get returns one entry.
func (s *MemStore) Get(id string) (Entry, error) {
	r, ok := s.recs[id]
	if !ok {
		return Entry{}, ErrNotFound
	}
	return Decode([]byte(r.Text))
}

// Put writes entries.
func (s *MemStore) Put(es ...Entry) error {
	recs := make([]Record, 0, len(es))
	for _, e := range es {
		r, err := Encode(e)
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	for i, r := range recs {
		s.PutRecord(r, es[i].At.UnixMilli(), true)
	}
	return nil
}

// Delete removes an entry.
func (s *MemStore) Delete(id string) error {
	delete(s.recs, id)
	delete(s.at, id)
	return nil
}
