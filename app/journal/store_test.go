package journal

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/app/routine"
)

// failing is a MemStore whose reads fail after okBatches batches, or
// whose writes fail.
type failing struct {
	*MemStore
	okBatches int
	putErr    error
}

func (f *failing) Newest() Pager {
	return &failingPager{Pager: f.MemStore.Newest(), ok: f.okBatches}
}

func (f *failing) Put(es ...Entry) error {
	if f.putErr != nil {
		return f.putErr
	}
	return f.MemStore.Put(es...)
}

type failingPager struct {
	Pager
	ok int
}

func (p *failingPager) Next(n int) ([]Record, bool, error) {
	if p.ok < 0 {
		return p.Pager.Next(n)
	}
	if p.ok == 0 {
		return nil, false, errors.New("disk went away")
	}
	p.ok--
	return p.Pager.Next(n)
}

// keys reads every record key of s, a batch of n at a time.
func keys(t *testing.T, s Store, n int) string {
	t.Helper()
	p := s.Newest()
	var out []string
	for done := false; !done; {
		recs, last, err := p.Next(n)
		if err != nil {
			t.Fatal(err)
		}
		if !last && len(recs) != n {
			t.Fatalf("a batch of %d before the last, want %d", len(recs), n)
		}
		for _, r := range recs {
			k := r.Key
			if r.Untimed {
				k += "?"
			}
			out = append(out, k)
		}
		done = last
	}
	return strings.Join(out, " ")
}

// TestPagerOrder: newest first; records of one time by key, highest
// first; records with no time last; the same whatever the batch size, so
// a batch boundary inside a run of equal times loses and repeats nothing.
func TestPagerOrder(t *testing.T) {
	var s MemStore
	for _, r := range []struct {
		key   string
		at    int64
		timed bool
	}{
		{"a", 10, true}, {"b", 30, true}, {"c", 20, true}, {"d", 20, true},
		{"e", 20, true}, {"old1", 0, false}, {"old2", 0, false}, {"f", -5, true},
	} {
		s.PutRecord(Record{Key: r.key, Text: "{}"}, r.at, r.timed)
	}
	const want = "b e d c a f old2? old1?"
	for _, n := range []int{1, 2, 3, 100} {
		if got := keys(t, &s, n); got != want {
			t.Errorf("batches of %d: %q, want %q", n, got, want)
		}
	}
}

// store returns a MemStore holding n cramps, one a day back from base,
// plus a damaged record and one entry stored with no time.
func store(t *testing.T, n int) (*MemStore, Entry) {
	t.Helper()
	var s MemStore
	for i := range n {
		if err := s.Put(cramp(i, base.AddDate(0, 0, -i))); err != nil {
			t.Fatal(err)
		}
	}
	s.PutRecord(Record{Key: "broken", Text: "{not json"}, base.UnixMilli(), true)
	old := cramp(n, base.Add(-time.Hour)) // newer than most, stored untimed
	r, err := Encode(old)
	if err != nil {
		t.Fatal(err)
	}
	s.PutRecord(r, 0, false)
	return &s, old
}

func TestLoad(t *testing.T) {
	s, old := store(t, 200)
	var first []Loaded
	got, err := Load(context.Background(), s, LoadOptions{Since: base.AddDate(0, 0, -20), Nights: 14}, func(l Loaded) {
		first = append(first, l)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 1 || first[0].Complete || len(first[0].Entries) < 21 || len(first[0].Entries) > 21+FirstBatch {
		t.Fatalf("first part: %d calls, %v", len(first), first)
	}
	if !got.Complete || got.Bad != 1 || got.AsideErr != nil || len(got.Entries) != 201 {
		t.Fatalf("whole log: complete %v, bad %d (%v), %d entries; want true, 1, 201", got.Complete, got.Bad, got.AsideErr, len(got.Entries))
	}
	if cap(first[0].Entries) != len(first[0].Entries) {
		t.Error("the first part can grow under the screen")
	}
	// The damaged record is set aside; the untimed one is stored with its
	// time, so the next read finds it in its place.
	if _, err := s.Get("broken"); !errors.Is(err, ErrNotFound) {
		t.Errorf("damaged record still in the log: %v", err)
	}
	if k := keys(t, s, 1000); !strings.HasPrefix(k, id(0)+" "+old.ID+" "+id(1)+" ") || strings.Contains(k, "?") {
		t.Errorf("after the read, order %q; want the once-untimed entry second", k[:80])
	}
}

func TestLoadStops(t *testing.T) {
	t.Run("cancelled", func(t *testing.T) {
		s, _ := store(t, 500)
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Load(ctx, s, LoadOptions{Since: base.AddDate(0, 0, -3), Nights: 1}, func(Loaded) { cancel() })
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
		// Set aside only by a read that saw everything.
		if !strings.Contains(keys(t, s, 1000), "broken") {
			t.Error("a cancelled read set a record aside")
		}
	})
	t.Run("storage fails", func(t *testing.T) {
		s, _ := store(t, 500)
		got, err := Load(context.Background(), &failing{MemStore: s, okBatches: 1}, LoadOptions{Since: base.AddDate(0, 0, -3), Nights: 1}, func(Loaded) {})
		if err == nil || !strings.Contains(err.Error(), "disk went away") || got.Complete || len(got.Entries) == 0 {
			t.Fatalf("err %v, complete %v, %d entries; want the error and what was read", err, got.Complete, len(got.Entries))
		}
		if !strings.Contains(keys(t, s, 1000), "broken") {
			t.Error("a failed read set a record aside")
		}
	})
}

func TestImport(t *testing.T) {
	backup := func(es ...Entry) string {
		var b strings.Builder
		if err := WriteBackup(&b, es, base); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	newer := cramp(1, base.AddDate(0, 0, -1))
	newer.Note, newer.Updated = "changed later", base.Add(time.Hour)
	file := backup(newer, cramp(7, base.AddDate(0, 0, -7)), cramp(8, base.AddDate(0, 0, -8)))

	tests := []struct {
		name     string
		file     string
		okReads  int
		putErr   error
		step     ImportStep
		added    int
		updated  int
		inStore  int
		wantNote string
	}{
		{"new and newer entries", file, -1, nil, 0, 2, 1, 5, "changed later"},
		{"not a backup", "{\"hello\": 1}", -1, nil, ImportFile, 0, 0, 3, ""},
		{"the log cannot be read", file, 0, nil, ImportRead, 0, 0, 3, ""},
		{"the phone is full", file, -1, ErrStorageFull, ImportWrite, 0, 0, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m MemStore
			if err := m.Put(cramp(0, base), cramp(1, base.AddDate(0, 0, -1)), cramp(2, base.AddDate(0, 0, -2))); err != nil {
				t.Fatal(err)
			}
			s := &failing{MemStore: &m, okBatches: tt.okReads, putErr: tt.putErr}
			got, err := Import(context.Background(), s, strings.NewReader(tt.file))
			var ie *ImportError
			switch {
			case tt.step == 0 && err != nil:
				t.Fatal(err)
			case tt.step != 0 && (!errors.As(err, &ie) || ie.Step != tt.step):
				t.Fatalf("err %v, want step %d", err, tt.step)
			}
			if tt.putErr != nil && !errors.Is(err, tt.putErr) {
				t.Errorf("err %v does not wrap %v", err, tt.putErr)
			}
			if got.Added != tt.added || got.Updated != tt.updated {
				t.Errorf("added %d, updated %d; want %d, %d", got.Added, got.Updated, tt.added, tt.updated)
			}
			all, err := ReadAll(context.Background(), &m)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != tt.inStore {
				t.Errorf("%d entries stored, want %d", len(all), tt.inStore)
			}
			if tt.step == 0 && (len(got.Entries) != tt.inStore || got.Entries[1].Note != tt.wantNote) {
				t.Errorf("log after import: %s", ids(got.Entries))
			}
			again, err := Import(context.Background(), s, strings.NewReader(tt.file))
			if tt.step == 0 && (err != nil || again.Added+again.Updated != 0) {
				t.Errorf("importing again: %+v, %v; want no change", again, err)
			}
		})
	}
}

func TestRunEntry(t *testing.T) {
	r := routine.Run{
		Routine: "bedtime", Status: routine.Done, Started: base, Ended: base.Add(25 * time.Minute),
		Steps: []routine.Step{{ID: "soak", Title: "Soak"}, {ID: "ki3-switch", Kind: routine.SwitchKind, Title: "Switch"}, {ID: "ki3", Title: "Taixi"}, {ID: "calves", Title: "Calves"}},
		Done:  []string{"soak", "ki3-switch", "ki3"},
	}
	e := RunEntry(r, "Bedtime routine")
	want := RoutineDone{Routine: "bedtime", Title: "Bedtime routine", Steps: []string{"soak", "Taixi"}, Completed: true, Ended: r.Ended}
	want.Steps[0] = "Soak"
	if !reflect.DeepEqual(*e.Routine, want) || !e.At.Equal(base) || !e.Updated.Equal(r.Ended) {
		t.Errorf("entry %+v %+v", e, *e.Routine)
	}
	if err := e.Validate(); err != nil {
		t.Errorf("the entry does not validate: %v", err)
	}
	r.Status = routine.Stopped
	again := RunEntry(r, "Bedtime routine")
	if again.ID != e.ID || again.Routine.Completed {
		t.Errorf("the same run twice: ids %s and %s, completed %v", e.ID, again.ID, again.Routine.Completed)
	}
	r.Started = r.Started.Add(time.Second)
	if RunEntry(r, "").ID == e.ID {
		t.Error("two runs share an id")
	}
}
