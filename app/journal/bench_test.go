package journal

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"time"
)

// tenYears is about ten years of nightly use: 10,000 entries, cramps, heel
// pain and routines, a third of them with a note.
func tenYears() []Entry {
	notes := []string{
		"Woke with the left calf locked, stood on a cold floor and it eased.",
		"Bad one. Toes curled for a while, sore all morning. Had a glass of water and stretched before bed.",
		"Short, caught it early.",
		"Long walk yesterday, new shoes. Heel very stiff on the first steps, better after ten minutes.",
		"Forgot the routine, late night.",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2015, 3, 1, 22, 0, 0, 0, cet)
	entries := make([]Entry, 0, 10_000)
	for i := 0; len(entries) < 10_000; i++ {
		evening := start.AddDate(0, 0, i)
		var e Entry
		switch k := rng.IntN(10); {
		case k < 5:
			e = cramp(len(entries)+1, evening.Add(time.Duration(rng.IntN(8*60))*time.Minute))
			e.Cramp.Severity, e.Cramp.Seconds = rng.IntN(11), rng.IntN(600)
		case k < 7:
			e = heel(len(entries)+1, evening.Add(9*time.Hour), rng.IntN(11))
		default:
			e = routineDone(len(entries)+1, evening.Add(-time.Hour))
		}
		if rng.IntN(3) == 0 {
			e.Note = notes[rng.IntN(len(notes))]
		}
		entries = append(entries, e)
	}
	return entries
}

func BenchmarkWriteCSV(b *testing.B) {
	entries := tenYears()
	for b.Loop() {
		if err := WriteCSV(io.Discard, entries); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteBackup(b *testing.B) {
	entries := tenYears()
	for b.Loop() {
		if err := WriteBackup(io.Discard, entries, base); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadBackup(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteBackup(&buf, tenYears(), base); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadBackup(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkByNight(b *testing.B) {
	entries := tenYears()
	for b.Loop() {
		ByNight(entries)
	}
}

func BenchmarkNights(b *testing.B) {
	entries := tenYears()
	to := entries[len(entries)-1].At
	from := to.AddDate(0, 0, -52*7)
	for b.Loop() {
		Nights(entries, from, to)
	}
}

func BenchmarkSummary(b *testing.B) {
	entries := tenYears()
	now := entries[len(entries)-1].At
	for b.Loop() {
		Summary(entries, now, 14)
	}
}
