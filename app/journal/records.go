package journal

import (
	"encoding/json"
	"fmt"
	"time"
)

// Record is one stored entry as the storage holds it: its key and its JSON
// text.
type Record struct {
	Key, Text string
	// Untimed is set by a Pager for a record stored with no time, as the
	// first version stored them: it is read last, and Load stores it again
	// with its time.
	Untimed bool
}

// Encode returns the record that stores e.
func Encode(e Entry) (Record, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return Record{}, fmt.Errorf("saving entry %s: %w", e.ID, err)
	}
	return Record{Key: e.ID, Text: string(b)}, nil
}

// Reader decodes stored records a batch at a time, so a screen can show the
// newest entries before ten years of them are read. Records are expected
// newest first; a record that cannot be read is listed in Bad, not lost.
type Reader struct {
	records []Record
	next    int

	// Entries are the records decoded so far, in the records' order.
	Entries []Entry
	// Bad are the records that could not be read, as stored.
	Bad []Record
	// Untimed are the entries read from records stored with no time.
	Untimed []Entry
}

// NewReader returns a Reader over records; Add gives it more.
func NewReader(records []Record) *Reader {
	return &Reader{records: records, Entries: make([]Entry, 0, len(records))}
}

// Add appends records to read after those the Reader holds.
func (r *Reader) Add(records ...Record) { r.records = append(r.records, records...) }

// Read decodes up to n more records and reports whether every record has
// been read.
func (r *Reader) Read(n int) bool {
	for ; n > 0 && r.next < len(r.records); n-- {
		rec := r.records[r.next]
		r.next++
		e, err := Decode([]byte(rec.Text))
		if err != nil {
			r.Bad = append(r.Bad, rec)
			continue
		}
		r.Entries = append(r.Entries, e)
		if rec.Untimed {
			r.Untimed = append(r.Untimed, e)
		}
	}
	return r.Done()
}

// Done reports whether every record has been read.
func (r *Reader) Done() bool { return r.next >= len(r.records) }

// Covers reports whether entries, newest first, reach back far enough to
// show everything from since onwards and the newest nights nights in full:
// it has an entry older than since, and one from a night older than the
// nights-th.
func Covers(entries []Entry, since time.Time, nights int) bool {
	if len(entries) == 0 {
		return false
	}
	oldest := entries[len(entries)-1]
	if !oldest.At.Before(since) {
		return false
	}
	seen, last := 0, time.Time{}
	for _, e := range entries {
		if n := Night(e.At); !n.Equal(last) {
			seen, last = seen+1, n
			if seen > nights {
				return true
			}
		}
	}
	return false
}
