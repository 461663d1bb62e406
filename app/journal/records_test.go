package journal

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

func TestReader(t *testing.T) {
	var recs []Record
	for i := range 5 {
		b, err := json.Marshal(cramp(i, base.Add(-time.Duration(i)*24*time.Hour)))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, Record{Key: id(i), Text: string(b)})
	}
	recs = slices.Insert(recs, 2, Record{Key: "broken", Text: "{not json"})
	recs = append(recs, Record{Key: "old-schema-less", Text: `{"id":"x"}`})

	tests := []struct {
		name     string
		batches  []int
		done     bool
		entries  int
		bad      []string
		firstKey string
	}{
		{"nothing read yet", nil, false, 0, nil, ""},
		{"a first batch", []int{2}, false, 2, nil, id(0)},
		{"the bad record is skipped and listed", []int{3}, false, 2, []string{"broken"}, id(0)},
		{"in batches to the end", []int{3, 2, 2}, true, 5, []string{"broken", "old-schema-less"}, id(0)},
		{"all at once", []int{100}, true, 5, []string{"broken", "old-schema-less"}, id(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(recs)
			done := false
			for _, n := range tt.batches {
				done = r.Read(n)
			}
			if done != tt.done || r.Done() != tt.done {
				t.Errorf("done = %v (Done %v), want %v", done, r.Done(), tt.done)
			}
			if len(r.Entries) != tt.entries {
				t.Errorf("%d entries, want %d", len(r.Entries), tt.entries)
			}
			var bad []string
			for _, rec := range r.Bad {
				bad = append(bad, rec.Key)
				if rec.Text == "" {
					t.Errorf("bad record %s kept without its text", rec.Key)
				}
			}
			if !slices.Equal(bad, tt.bad) {
				t.Errorf("bad = %q, want %q", bad, tt.bad)
			}
			if tt.firstKey != "" && r.Entries[0].ID != tt.firstKey {
				t.Errorf("first entry %s, want %s", r.Entries[0].ID, tt.firstKey)
			}
		})
	}
}

func TestReaderAdd(t *testing.T) {
	var recs []Record
	for i := range 3 {
		b, err := json.Marshal(cramp(i, base.Add(-time.Duration(i)*time.Hour)))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, Record{Key: id(i), Text: string(b)})
	}
	r := NewReader(recs[:1])
	if !r.Read(10) || len(r.Entries) != 1 {
		t.Fatalf("first record: done %v, %d entries", r.Done(), len(r.Entries))
	}
	r.Add(recs[1:]...)
	if r.Done() {
		t.Fatal("done with two records added and unread")
	}
	if !r.Read(10) || len(r.Entries) != 3 || r.Entries[2].ID != id(2) {
		t.Fatalf("after Add: done %v, %d entries", r.Done(), len(r.Entries))
	}
}

func TestCovers(t *testing.T) {
	// daily returns n entries, one each evening at 22:00 going back from
	// base's evening, newest first; twice a night when double.
	daily := func(n int, double bool) []Entry {
		var es []Entry
		for i := range n {
			at := time.Date(2025, time.March, 4, 22, 0, 0, 0, cet).AddDate(0, 0, -i)
			es = append(es, cramp(i, at))
			if double {
				es = append(es, cramp(1000+i, at.Add(-time.Hour)))
			}
		}
		return es
	}
	since := base.AddDate(0, 0, -7)
	tests := []struct {
		name    string
		entries []Entry
		nights  int
		want    bool
	}{
		{"empty", nil, 14, false},
		{"one week, not older than since", daily(7, false), 3, false},
		{"past since and more nights than asked", daily(9, false), 3, true},
		{"past since, only as many nights as asked", daily(9, false), 9, false},
		{"past since, one night more than asked", daily(10, false), 9, true},
		{"two entries a night count as one night", daily(9, true), 9, false},
		{"sparse log: a night a month", []Entry{
			cramp(1, base.AddDate(0, -1, 0)), cramp(2, base.AddDate(0, -2, 0)), cramp(3, base.AddDate(0, -3, 0)),
		}, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Covers(tt.entries, since, tt.nights); got != tt.want {
				t.Errorf("Covers = %v, want %v", got, tt.want)
			}
		})
	}
}

// FuzzReader: stored records come back from the phone's storage, which
// another version of the app, a bug or a damaged disk may have written. Any
// text is either an entry that validates and survives a round trip, or is
// listed as bad; nothing panics and nothing is lost from the count.
func FuzzReader(f *testing.F) {
	for _, e := range sample() {
		b, err := json.Marshal(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{"", "{not json", `{"id":"x","schema":2}`, `{"schema":99}`, "null", `"text"`, "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := NewReader([]Record{{Key: "k", Text: text}})
		if !r.Read(1) {
			t.Fatal("one record, one read: not done")
		}
		if len(r.Entries)+len(r.Bad) != 1 {
			t.Fatalf("%d entries and %d bad from one record", len(r.Entries), len(r.Bad))
		}
		if len(r.Entries) == 0 {
			return
		}
		e := r.Entries[0]
		if err := e.Validate(); err != nil {
			t.Fatalf("read an entry that does not validate: %v", err)
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Decode(b)
		if err != nil {
			t.Fatalf("an entry read from storage cannot be read back after saving: %v", err)
		}
		if again.ID != e.ID || !again.At.Equal(e.At) || again.Kind != e.Kind {
			t.Fatalf("round trip changed the entry: %+v then %+v", e, again)
		}
	})
}
