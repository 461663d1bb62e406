package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// sample is a small log with one entry of each kind and awkward notes.
func sample() []Entry {
	c := cramp(1, base)
	c.Note = "<script>alert('x')</script> & \"quotes\", commas\nand a new line"
	h := heel(2, base.Add(6*time.Hour), 6)
	h.Note = "=1+1"
	r := routineDone(3, base.Add(-4*time.Hour).In(time.UTC))
	return []Entry{c, h, r}
}

// backup returns entries written as a backup.
func backup(t testing.TB, entries []Entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBackup(&buf, entries, base.Add(8*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameEntries reports whether a and b hold the same entries, times compared
// as instants with the same offset.
func sameEntries(t *testing.T, got, want []Entry) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) {
		t.Errorf("entries differ:\n got %s\nwant %s", g, w)
	}
}

func TestBackupRoundTrip(t *testing.T) {
	want := sample()
	data := backup(t, want)
	for _, s := range []string{`"app": "calf-and-sole"`, `"schema": 2`, `"exported": "2025-03-05T10:00:00+01:00"`, `<script>alert('x')</script>`} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("the backup has no %s:\n%s", s, data)
		}
	}
	got, err := ReadBackup(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, got, want)
	for i := range got {
		if !got[i].At.Equal(want[i].At) || got[i].Note != want[i].Note {
			t.Errorf("entry %d: at %v note %q, want %v %q", i+1, got[i].At, got[i].Note, want[i].At, want[i].Note)
		}
	}

	// An empty log makes a backup with an empty list, which reads back.
	empty := backup(t, nil)
	if !bytes.Contains(empty, []byte(`"entries": []`)) {
		t.Errorf("empty backup:\n%s", empty)
	}
	if got, err := ReadBackup(bytes.NewReader(empty)); err != nil || got == nil || len(got) != 0 {
		t.Errorf("ReadBackup(empty) = %v, %v", got, err)
	}
}

// repeat is a reader of endless copies of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestReadBackupErrors(t *testing.T) {
	good := backup(t, sample())
	with := func(old, new string) string {
		s := strings.Replace(string(good), old, new, 1)
		if s == string(good) {
			t.Fatalf("%q is not in the backup", old)
		}
		return s
	}
	third := sample()[2]
	third.ID = id(1)
	dup := backup(t, append(sample()[:2], third))
	tooMany := `{"app":"calf-and-sole","schema":2,"entries":[` + strings.Repeat("{},", MaxEntries) + `{}]}`
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)

	tests := []struct {
		name string
		r    io.Reader
		want string
	}{
		{"empty", strings.NewReader(""), "the file is empty"},
		{"malformed", strings.NewReader("{"), "not a complete Calf & Sole backup"},
		{"not json", strings.NewReader("id,kind,at\n"), "this is not a Calf & Sole backup"},
		{"truncated", bytes.NewReader(good[:len(good)/2]), "it may have been cut short"},
		{"a list", strings.NewReader(`[{"id":"x"}]`), "this is not a Calf & Sole backup"},
		{"no app", strings.NewReader(`{"schema":2,"entries":[]}`), "it does not say which app made it"},
		{"wrong app", strings.NewReader(with(`"calf-and-sole"`, `"other-app"`)), `it was made by "other-app"`},
		{"schema 3", strings.NewReader(with(`"schema": 2,`, `"schema": 3,`)), "made by a newer version of the app (schema 3); update the app first"},
		{"schema 0", strings.NewReader(with(`"schema": 2,`, `"schema": 0,`)), "not a version this app knows (schema 0)"},
		{"no schema", strings.NewReader(with(`"schema": 2,`, ``)), "not a version this app knows (schema 0)"},
		{"schema text", strings.NewReader(with(`"schema": 2,`, `"schema": "2",`)), "this is not a Calf & Sole backup"},
		{"entries not a list", strings.NewReader(`{"app":"calf-and-sole","schema":2,"entries":{}}`), "its entries are not a list"},
		{"oversized", io.LimitReader(repeat(' '), MaxImport+1), "the file is over 10 MB"},
		{"oversized valid start", io.MultiReader(bytes.NewReader(good[:len(good)-2]), io.LimitReader(repeat(' '), MaxImport)), "the file is over 10 MB"},
		{"invalid entry", strings.NewReader(with(`"severity": 7`, `"severity": 12`)), "entry 1: severity must be between 0 and 10"},
		{"several problems", strings.NewReader(with(`"severity": 7`, `"severity": 12, "leg": "up"`)), "entry 1: leg must be left, right or both, not \"up\"; severity must be between 0 and 10"},
		{"several entries", strings.NewReader(with(`"kind": "heel"`, `"kind": "cramp"`)), "entry 2: a cramp entry needs its cramp details; a cramp entry must not have heel details"},
		{"unreadable entry", strings.NewReader(with(`"severity": 7`, `"severity": "bad"`)), "entry 1: severity should be a whole number, not text"},
		{"duplicate ids", bytes.NewReader(dup), "entry 3 has the same id as entry 1"},
		{"too many entries", strings.NewReader(tooMany), "the most this app takes is 100,000"},
		{"deeply nested", strings.NewReader(deep), "this is not a Calf & Sole backup"},
		{"deeply nested entries", strings.NewReader(`{"app":"calf-and-sole","schema":2,"entries":` + deep + `}`), "this is not a Calf & Sole backup"},
		{"read error", iotest.ErrReader(errors.New("disk gone")), "the file could not be read: disk gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadBackup(tt.r)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadBackup() = %d entries, %v\nwant an error with %q", len(got), err, tt.want)
			}
			if got != nil {
				t.Errorf("ReadBackup() returned %d entries with its error", len(got))
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the error is more than one line: %q", err)
			}
		})
	}
}

func TestReadBackupCountsBadEntries(t *testing.T) {
	es := sample()
	for i := range es {
		es[i].Schema = 7
	}
	_, err := ReadBackup(bytes.NewReader(backup(t, es)))
	if err == nil || err.Error() != "entry 1: schema must be 2, not 7 (and 2 more entries have problems)" {
		t.Errorf("ReadBackup() = %v", err)
	}
	var ee *entryError
	if !errors.As(err, &ee) || ee.N != 1 {
		t.Errorf("the error does not wrap entry 1's problems: %#v", err)
	}
}

// TestReadBackupHostile checks that markup in a note stays the text it was.
func TestReadBackupHostile(t *testing.T) {
	note := `<img src=x onerror="alert(1)"><script>document.cookie</script>`
	es := sample()
	es[0].Note = note
	got, err := ReadBackup(bytes.NewReader(backup(t, es)))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Note != note {
		t.Errorf("note = %q, want %q", got[0].Note, note)
	}
}

func TestMigrateV1(t *testing.T) {
	data, err := os.ReadFile("testdata/backup-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadBackup(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadBackup(v1) = %v", err)
	}
	if len(got) != 3 {
		t.Fatalf("%d entries, want 3", len(got))
	}
	for _, e := range got {
		if e.Kind != KindRoutine || e.Schema != Schema || e.Routine == nil || e.Cramp != nil || e.Heel != nil {
			t.Errorf("entry %s is not a schema-2 routine entry: %+v", e.ID, e)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("entry %s: %v", e.ID, err)
		}
	}
	first := got[0]
	started := time.Date(2025, 2, 27, 22, 5, 12, 345e6, cet)
	ended := time.Date(2025, 2, 27, 22, 41, 3, 120e6, cet)
	if first.ID != "3f6c1a52-8e4b-4c1e-9a51-2d7b0c9e4f10" || !first.At.Equal(started) || !first.Created.Equal(started) ||
		!first.Updated.Equal(ended) || !first.Routine.Ended.Equal(ended) {
		t.Errorf("first entry's id and times: %+v", first)
	}
	if _, off := first.At.Zone(); off != 3600 {
		t.Errorf("first entry lost its +01:00 offset: %v", first.At)
	}
	r := first.Routine
	if r.Routine != "bedtime" || r.Title != "Bedtime leg-cramp routine" || !r.Completed || len(r.Steps) != 9 || r.Steps[2] != "Knead Taixi (KI3): left leg" {
		t.Errorf("first routine: %+v", r)
	}
	if r := got[1].Routine; r.Routine != "foot-pain" || r.Completed || !slices.Equal(r.Steps, []string{"Press Yongquan (KI1)"}) {
		t.Errorf("second routine: %+v", r)
	}
	if r := got[2].Routine; r.Title != "" || r.Steps != nil || r.Completed {
		t.Errorf("third routine: %+v", r)
	}
	// The morning foot-pain routine joins the bedtime routine's night.
	if g := ByNight(got); len(g) != 2 || g[0].Night.Format(time.DateOnly) != "2025-03-01" ||
		g[1].Night.Format(time.DateOnly) != "2025-02-27" || ids(g[1].Entries) != ids([]Entry{got[1], got[0]}) {
		t.Errorf("nights of the migrated entries: %+v", g)
	}

	// Migrated entries write and read back as schema 2.
	again, err := ReadBackup(bytes.NewReader(backup(t, got)))
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, again, got)
}

func TestMigrateV1Records(t *testing.T) {
	tests := []struct {
		name, raw string
		want      string // the error, or "" for none
		n         int
	}{
		{"empty", `[]`, "", 0},
		{"null", `null`, "", 0},
		{"not a list", `{"id":"x"}`, "not a list", 0},
		{"not json", `[{"id":`, "not valid JSON", 0},
		{"bad record", `[{"id":"` + id(1) + `"},{"started":"yesterday"}]`, `entry 2: the date "yesterday" is not a date this app wrote`, 0},
		{"no end", `[{"id":"` + id(1) + `","routine":"bedtime","started":"2025-02-27T22:05:00Z","ended":"0001-01-01T00:00:00Z","steps":[]}]`, "", 1},
		{"end before start", `[{"id":"` + id(1) + `","routine":"bedtime","started":"2025-02-27T22:05:00Z","ended":"2025-02-27T22:00:00Z","steps":[]}]`, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MigrateV1([]byte(tt.raw))
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("MigrateV1() = %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil || len(got) != tt.n {
				t.Fatalf("MigrateV1() = %d entries, %v; want %d", len(got), err, tt.n)
			}
			for _, e := range got {
				if err := e.Validate(); err != nil {
					t.Errorf("migrated entry: %v", err)
				}
				if !e.Updated.Equal(e.At) || !e.Routine.Ended.Equal(e.At) {
					t.Errorf("a record without a good end should end when it started: %+v", e)
				}
			}
		})
	}
}

func TestMerge(t *testing.T) {
	one, two, three := cramp(1, base), heel(2, base.Add(6*time.Hour), 5), routineDone(3, base.Add(-4*time.Hour))
	newer := clone(two)
	newer.Heel.Now, newer.Updated = 0, two.Updated.Add(time.Hour)
	older := clone(one)
	older.Cramp.Severity, older.Updated = 1, one.Updated.Add(-time.Hour)
	tie := clone(one)
	tie.Note = "same time, other text"

	tests := []struct {
		name            string
		existing, in    []Entry
		want            string // ids of merged
		added, updated  int
		wantTwoNow      int // Heel.Now of entry 2 in merged, if there
		wantOneSeverity int
	}{
		{"into nothing", nil, []Entry{one, two}, "1 2", 2, 0, 2, 7},
		{"add", []Entry{one}, []Entry{two, three}, "1 2 3", 2, 0, 2, 7},
		{"update newer", []Entry{one, two}, []Entry{newer}, "1 2", 0, 1, 0, 7},
		{"keep newer existing", []Entry{one, newer}, []Entry{two, older}, "1 2", 0, 0, 0, 7},
		{"tie keeps existing", []Entry{one}, []Entry{tie}, "1", 0, 0, 0, 7},
		{"nothing in", []Entry{one, two}, nil, "1 2", 0, 0, 2, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := ids(tt.existing)
			merged, added, updated := Merge(tt.existing, tt.in)
			if ids(merged) != tt.want || added != tt.added || updated != tt.updated {
				t.Errorf("Merge() = %s, added %d, updated %d; want %s, %d, %d", ids(merged), added, updated, tt.want, tt.added, tt.updated)
			}
			for _, e := range merged {
				if e.ID == id(2) && e.Heel.Now != tt.wantTwoNow {
					t.Errorf("entry 2: pain now %d, want %d", e.Heel.Now, tt.wantTwoNow)
				}
				if e.ID == id(1) && (e.Cramp.Severity != tt.wantOneSeverity || e.Note != "") {
					t.Errorf("entry 1: severity %d note %q, want %d and no note", e.Cramp.Severity, e.Note, tt.wantOneSeverity)
				}
			}
			if ids(tt.existing) != before {
				t.Errorf("Merge changed existing")
			}
			// A second import of the same file changes nothing.
			again, added, updated := Merge(merged, tt.in)
			if added != 0 || updated != 0 {
				t.Errorf("second import: added %d, updated %d", added, updated)
			}
			sameEntries(t, again, merged)
		})
	}
}

// TestImportTwice goes through the file, as the app does: export, import
// into an empty log, import again.
func TestImportTwice(t *testing.T) {
	file := backup(t, sample())
	var log []Entry
	for i, wantAdded := range []int{3, 0} {
		in, err := ReadBackup(bytes.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		var added, updated int
		log, added, updated = Merge(log, in)
		if added != wantAdded || updated != 0 {
			t.Errorf("import %d: added %d, updated %d", i+1, added, updated)
		}
	}
	sameEntries(t, log, sample())
}

func FuzzReadBackup(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteBackup(&buf, sample(), base); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	v1, err := os.ReadFile("testdata/backup-v1.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(v1)
	f.Add([]byte(`{"app":"calf-and-sole","schema":2,"entries":[{"id":"x"}]}`))
	f.Add([]byte("\x00\xff{[garbage"))
	f.Add([]byte(`[[[[[[[[]]]]]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ReadBackup(bytes.NewReader(data))
		if err != nil {
			if entries != nil {
				t.Fatalf("entries with an error: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for i, e := range entries {
			if err := e.Validate(); err != nil {
				t.Fatalf("entry %d does not validate: %v", i+1, err)
			}
			if seen[e.ID] {
				t.Fatalf("entry %d: id %s twice", i+1, e.ID)
			}
			seen[e.ID] = true
		}
		// What was read can be written, and reads back the same.
		var out bytes.Buffer
		if err := WriteBackup(&out, entries, base); err != nil {
			t.Fatalf("WriteBackup: %v", err)
		}
		again, err := ReadBackup(&out)
		if err != nil {
			t.Fatalf("reading back what was read: %v", err)
		}
		if len(again) != len(entries) {
			t.Fatalf("%d entries, then %d", len(entries), len(again))
		}
		if err := WriteCSV(io.Discard, entries); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		ByNight(entries)
		Summary(entries, base, 14)
	})
}

func TestCountItems(t *testing.T) {
	for in, want := range map[string]int{
		`[]`:                        0,
		"[ \n\t]":                   0,
		`[1]`:                       1,
		`[{}, {}, {}]`:              3,
		`[{"a": [1, 2, 3]}, "x,y"]`: 2,
		`["a\"b,c", "\\", ","]`:     3,
		`[[], [[]], {"b": {}}]`:     3,
	} {
		if got := countItems([]byte(in)); got != want {
			t.Errorf("countItems(%s) = %d, want %d", in, got, want)
		}
	}
}

// TestBackupFormat checks the hand-written envelope against Backup.
func TestBackupFormat(t *testing.T) {
	data := backup(t, sample())
	var b Backup
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	if b.App != AppName || b.Schema != Schema || !b.Exported.Equal(base.Add(8*time.Hour)) {
		t.Errorf("backup = %s %d %v", b.App, b.Schema, b.Exported)
	}
	sameEntries(t, b.Entries, sample())
	var indented bytes.Buffer
	if err := json.Indent(&indented, data, "", "  "); err != nil {
		t.Fatal(err)
	}
	if indented.String() != string(data) {
		t.Errorf("the backup is not indented as json.Indent would:\n%s", data)
	}
}
