package journal

import (
	"fmt"
	"github.com/calfandsole/calfandsole/content"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNight(t *testing.T) {
	day := func(d, h, m int) time.Time { return time.Date(2025, time.March, d, h, m, 0, 0, cet) }
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{"11:59 is the night before", day(5, 11, 59), "2025-03-04"},
		{"noon starts the night", day(5, 12, 0), "2025-03-05"},
		{"evening", day(5, 22, 30), "2025-03-05"},
		{"2 a.m.", day(5, 2, 0), "2025-03-04"},
		{"midnight", day(5, 0, 0), "2025-03-04"},
		{"just before midnight", day(4, 23, 59), "2025-03-04"},
		{"new year", time.Date(2025, 1, 1, 3, 0, 0, 0, cet), "2024-12-31"},
		{"leap day", time.Date(2024, 3, 1, 1, 0, 0, 0, cet), "2024-02-29"},
	}
	if london, err := time.LoadLocation("Europe/London"); err == nil {
		// Clocks go forward at 01:00 on 30 March 2025 and back at 02:00
		// on 26 October 2025.
		tests = append(tests,
			struct {
				name string
				t    time.Time
				want string
			}{"spring forward, 3 a.m. BST", time.Date(2025, 3, 30, 3, 0, 0, 0, london), "2025-03-29"},
			struct {
				name string
				t    time.Time
				want string
			}{"spring forward, noon BST", time.Date(2025, 3, 30, 12, 0, 0, 0, london), "2025-03-30"},
			struct {
				name string
				t    time.Time
				want string
			}{"fall back, 01:30 the second time", time.Date(2025, 10, 26, 0, 30, 0, 0, time.UTC).In(london), "2025-10-25"},
			struct {
				name string
				t    time.Time
				want string
			}{"fall back, 11:59 GMT", time.Date(2025, 10, 26, 11, 59, 0, 0, london), "2025-10-25"},
		)
	} else {
		t.Logf("no time zone database, skipping the daylight-saving cases: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Night(tt.t)
			if got := n.Format(time.DateOnly); got != tt.want {
				t.Errorf("Night(%v) = %s, want %s", tt.t, got, tt.want)
			}
			if n.Hour() != 0 || n.Minute() != 0 || n.Location() != tt.t.Location() {
				t.Errorf("Night(%v) = %v, want 00:00 in %v", tt.t, n, tt.t.Location())
			}
		})
	}
}

// ids lists the numbers at the end of the entries' ids, for comparison.
func ids(entries []Entry) string {
	var s []string
	for _, e := range entries {
		s = append(s, strings.TrimLeft(e.ID[24:], "0"))
	}
	return strings.Join(s, " ")
}

func TestByNight(t *testing.T) {
	evening := time.Date(2025, 3, 4, 22, 0, 0, 0, cet)
	entries := []Entry{
		cramp(1, evening.Add(4*time.Hour)),              // 2 a.m. on the 5th: night of the 4th
		routineDone(2, evening),                         // night of the 4th
		heel(3, evening.Add(9*time.Hour), 5),            // 7 a.m. on the 5th: night of the 4th
		cramp(4, evening.Add(24*time.Hour)),             // night of the 5th
		cramp(5, evening.Add(-48*time.Hour)),            // night of the 2nd
		cramp(7, evening.Add(4*time.Hour)),              // same time as 1: by id
		cramp(6, evening.Add(4*time.Hour).In(time.UTC)), // same instant, another zone
	}
	orig := slices.Clone(entries)
	groups := ByNight(entries)
	var got []string
	for _, g := range groups {
		got = append(got, g.Night.Format(time.DateOnly)+": "+ids(g.Entries))
	}
	want := []string{
		"2025-03-05: 4",
		"2025-03-04: 3 1 6 7 2",
		"2025-03-02: 5",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ByNight() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ids(entries) != ids(orig) {
		t.Errorf("ByNight changed the order of its input: %s", ids(entries))
	}
	if g := ByNight(nil); len(g) != 0 {
		t.Errorf("ByNight(nil) = %v", g)
	}
}

func TestNights(t *testing.T) {
	night := func(d int) time.Time { return time.Date(2025, 3, d, 22, 0, 0, 0, cet) }
	entries := []Entry{
		routineDone(1, night(2)),
		cramp(2, night(2).Add(5*time.Hour)),
		cramp(3, night(3).Add(3*time.Hour)),
		cramp(4, night(3).Add(4*time.Hour)),
		heel(5, night(3).Add(9*time.Hour), 4),
		heel(6, night(3).Add(10*time.Hour), 7),
		heel(7, night(3).Add(15*time.Hour), 9), // 1 p.m.: the next night
		cramp(8, night(9)),                     // after the range
		cramp(9, night(1)),                     // before it
	}
	// A foot-pain routine, and a bedtime routine stopped before any step,
	// do not make a routine night.
	foot := routineDone(10, night(4).Add(9*time.Hour))
	foot.Routine.Routine = "foot-pain"
	stopped := routineDone(11, night(5))
	stopped.Routine.Completed, stopped.Routine.Steps = false, nil
	partial := routineDone(12, night(6))
	partial.Routine.Completed = false
	entries = append(entries, foot, stopped, partial)

	stats := Nights(entries, night(2), time.Date(2025, 3, 7, 11, 0, 0, 0, cet))
	var got []string
	for _, s := range stats {
		got = append(got, fmt.Sprintf("%s cramps=%d routine=%v morning=%d", s.Night.Format(time.DateOnly), s.Cramps, s.Routine, s.MorningPain))
	}
	want := []string{
		"2025-03-02 cramps=1 routine=true morning=-1",
		"2025-03-03 cramps=2 routine=false morning=7",
		"2025-03-04 cramps=0 routine=false morning=9",
		"2025-03-05 cramps=0 routine=false morning=-1",
		"2025-03-06 cramps=0 routine=true morning=-1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Nights() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := Nights(entries, night(5), night(4)); s != nil {
		t.Errorf("Nights(to before from) = %v, want nil", s)
	}
	if s := Nights(nil, night(1), night(1)); len(s) != 1 || s[0].MorningPain != -1 {
		t.Errorf("Nights(one empty night) = %v", s)
	}
	if year := Nights(nil, night(1).AddDate(-1, 0, 0), night(1)); len(year) != 366 {
		t.Errorf("a year and a night: %d nights", len(year))
	}
}

func TestNightsAcrossDST(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	from := time.Date(2025, 3, 29, 22, 0, 0, 0, london)
	to := time.Date(2025, 3, 31, 22, 0, 0, 0, london)
	entries := []Entry{cramp(1, time.Date(2025, 3, 30, 2, 30, 0, 0, london)), cramp(2, time.Date(2025, 3, 30, 23, 0, 0, 0, london))}
	stats := Nights(entries, from, to)
	if len(stats) != 3 || stats[0].Cramps != 1 || stats[1].Cramps != 1 || stats[2].Cramps != 0 {
		t.Errorf("Nights across the clock change = %+v", stats)
	}
}

func TestSummary(t *testing.T) {
	// now is 9 a.m. on 15 March: the last 14 nights are 1-14 March.
	now := time.Date(2025, 3, 15, 9, 0, 0, 0, cet)
	night := func(d int) time.Time { return time.Date(2025, 3, d, 22, 0, 0, 0, cet) }
	crampOn := func(n, d int) Entry { return cramp(n, night(d).Add(5*time.Hour)) }
	routineOn := func(n, d int) Entry { return routineDone(n, night(d).Add(-time.Hour)) }
	every := func() []Entry {
		var es []Entry
		for d := 1; d <= 14; d++ {
			es = append(es, routineOn(100+d, d))
		}
		return es
	}
	tests := []struct {
		name    string
		entries []Entry
		n       int
		want    string
	}{
		{"nothing", nil, 14, "Last 14 nights: no cramps. No nights with the routine."},
		{"no cramps, some routine", []Entry{routineOn(1, 3)}, 14, "Last 14 nights: no cramps. Routine done on 1 of the 14 nights."},
		{"one cramp, no routine", []Entry{crampOn(1, 3)}, 14, "Last 14 nights: 1 cramp. No nights with the routine."},
		{"cramps, no routine", []Entry{crampOn(1, 3), crampOn(2, 4)}, 14, "Last 14 nights: 2 cramps. No nights with the routine."},
		{"the example", []Entry{crampOn(1, 2), crampOn(2, 2), crampOn(3, 5), crampOn(4, 9), crampOn(5, 12), routineOn(6, 12), routineOn(7, 13), routineOn(8, 14), routineOn(9, 1)},
			14, "Last 14 nights: 5 cramps, 4 of them on nights without the routine. Routine done on 4 of the 14 nights."},
		{"one without", []Entry{crampOn(1, 2), crampOn(2, 3), routineOn(3, 3)}, 14, "Last 14 nights: 2 cramps, 1 of them on a night without the routine. Routine done on 1 of the 14 nights."},
		{"all without", []Entry{crampOn(1, 2), crampOn(2, 4), routineOn(3, 3)}, 14, "Last 14 nights: 2 cramps, all on nights without the routine. Routine done on 1 of the 14 nights."},
		{"one, without", []Entry{crampOn(1, 2), routineOn(3, 3)}, 14, "Last 14 nights: 1 cramp, on a night without the routine. Routine done on 1 of the 14 nights."},
		{"all with", []Entry{crampOn(1, 3), crampOn(2, 3), routineOn(3, 3), routineOn(4, 5)}, 14, "Last 14 nights: 2 cramps, all on nights with the routine. Routine done on 2 of the 14 nights."},
		{"one, with", append(every(), crampOn(1, 3)), 14, "Last 14 nights: 1 cramp, on a night with the routine. Routine done every night."},
		{"outside the range", []Entry{crampOn(1, 15), cramp(2, night(14).Add(14*time.Hour)), crampOn(3, 0)}, 14, "Last 14 nights: no cramps. No nights with the routine."},
		{"last night", []Entry{crampOn(1, 14), routineOn(2, 14)}, 1, "Last night: 1 cramp, with the routine."},
		{"last night, none", nil, 1, "Last night: no cramps, without the routine."},
		{"no nights", []Entry{crampOn(1, 14)}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summary(tt.entries, now, tt.n); got != tt.want {
				t.Errorf("Summary() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	evening := time.Date(2025, 3, 14, 21, 0, 0, 0, cet)
	if got := Summary([]Entry{crampOn(1, 14), crampOn(2, 14)}, evening, 1); got != "Tonight: 2 cramps, without the routine." {
		t.Errorf("Summary(this evening) = %q", got)
	}
}

func TestSummaryInChinese(t *testing.T) {
	now := time.Date(2025, 3, 5, 22, 0, 0, 0, time.UTC)
	cramp := func(day int) Entry {
		return Entry{Kind: KindCramp, At: time.Date(2025, 3, day, 23, 0, 0, 0, time.UTC)}
	}
	done := func(day int) Entry {
		return Entry{Kind: KindRoutine, At: time.Date(2025, 3, day, 21, 0, 0, 0, time.UTC), Routine: &RoutineDone{Routine: bedtime, Completed: true}}
	}
	tests := []struct {
		entries []Entry
		n       int
		want    string
	}{
		{nil, 14, "过去14晚：没有抽筋。这几晚都没做调理。"},
		{[]Entry{cramp(4), cramp(3), done(3)}, 14, "过去14晚：2次抽筋，其中1次在没做调理的晚上。14晚中有1晚做了调理。"},
		{[]Entry{cramp(5), done(5)}, 1, "今晚：1次抽筋，做了调理。"},
	}
	for _, tt := range tests {
		if got := SummaryIn(content.Chinese, tt.entries, now, tt.n); got != tt.want {
			t.Errorf("SummaryIn(zh, %d entries, %d) = %q, want %q", len(tt.entries), tt.n, got, tt.want)
		}
	}
}
