package journal

import (
	"cmp"
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
	"slices"
	"strconv"
	"time"
)

// bedtime is the id of the routine that counts for a night (see
// content/routines.json): the foot-pain routine, done in the morning, says
// nothing about the cramps of the night before it.
const bedtime = "bedtime"

// Night is the night t belongs to: nights run from noon to noon in t's
// location, so 2 a.m. on the 5th belongs to the night of the 4th. It returns
// the date of the evening, at 00:00 in t's location.
//
// An entry's night is read from the wall clock it was logged with (its At,
// in At's own location or offset), so a 2 a.m. cramp stays on its night
// whatever time zone the phone is in later.
func Night(t time.Time) time.Time {
	y, m, d := t.Date()
	if t.Hour() < 12 {
		d--
	}
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// nightKey is the date of t's night as one number that sorts like the
// dates.
func nightKey(t time.Time) int { return dateKey(Night(t)) }

// dateKey is t's date as one number that sorts like the dates.
func dateKey(t time.Time) int {
	y, m, d := t.Date()
	return y*512 + int(m)*32 + d
}

// NightGroup is one night's entries, newest first.
type NightGroup struct {
	Night   time.Time // the night's date, as Night returns it for its newest entry
	Entries []Entry
}

// ByNight groups entries by night: newest night first, and in each night the
// newest entry first (by At, then by ID for a stable order). It does not
// change entries.
func ByNight(entries []Entry) []NightGroup {
	type keyed struct {
		night int
		e     *Entry
	}
	ks := make([]keyed, len(entries))
	for i := range entries {
		ks[i] = keyed{nightKey(entries[i].At), &entries[i]}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(b.night, a.night); c != 0 {
			return c
		}
		if c := b.e.At.Compare(a.e.At); c != 0 {
			return c
		}
		return cmp.Compare(a.e.ID, b.e.ID)
	})
	sorted := make([]Entry, len(ks))
	for i, k := range ks {
		sorted[i] = *k.e
	}
	var groups []NightGroup
	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ks[j].night == ks[i].night {
			j++
		}
		groups = append(groups, NightGroup{Night: Night(sorted[i].At), Entries: sorted[i:j:j]})
		i = j
	}
	return groups
}

// NightStat is what happened on one night.
type NightStat struct {
	Night   time.Time // the night's date, 00:00
	Cramps  int       // cramp entries
	Routine bool      // the bedtime routine was done, in full or at least one step
	// MorningPain is the highest first-steps pain of the heel entries that
	// night, or -1 when there are none.
	MorningPain int
}

// Nights returns one NightStat per night from the night of from to the night
// of to, inclusive and oldest first, nights with nothing logged included.
// The nights are dated in from's location. It returns nil when to's night is
// before from's.
func Nights(entries []Entry, from, to time.Time) []NightStat {
	first, last := Night(from), Night(to)
	ly, lm, ld := last.Date()
	fy, fm, fd := first.Date()
	n := int(time.Date(ly, lm, ld, 0, 0, 0, 0, time.UTC).Sub(time.Date(fy, fm, fd, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1
	if n <= 0 {
		return nil
	}
	return nights(entries, first, n)
}

// nights returns n NightStats starting with the night of date first.
func nights(entries []Entry, first time.Time, n int) []NightStat {
	y, m, d := first.Date()
	stats := make([]NightStat, n)
	index := make(map[int]int, n)
	for i := range stats {
		night := time.Date(y, m, d+i, 0, 0, 0, 0, first.Location())
		stats[i] = NightStat{Night: night, MorningPain: -1}
		index[dateKey(night)] = i
	}
	for i := range entries {
		e := &entries[i]
		j, ok := index[nightKey(e.At)]
		if !ok {
			continue
		}
		s := &stats[j]
		switch {
		case e.Kind == KindCramp:
			s.Cramps++
		case e.Kind == KindRoutine && e.Routine != nil:
			if e.Routine.Routine == bedtime && (e.Routine.Completed || len(e.Routine.Steps) > 0) {
				s.Routine = true
			}
		case e.Kind == KindHeel && e.Heel != nil:
			s.MorningPain = max(s.MorningPain, e.Heel.Morning)
		}
	}
	return stats
}

// Summary is one or two plain sentences about the last n nights, ending with
// the night of now: "Last 14 nights: 5 cramps, 4 of them on nights without
// the routine. Routine done on 6 of the 14 nights." It returns "" when n < 1.
func Summary(entries []Entry, now time.Time, n int) string {
	return SummaryIn(content.English, entries, now, n)
}

// summary is what Summary says, in numbers.
type summary struct {
	n, cramps, without, routineNights int
	morning                           bool // the night of now is last night
}

// SummaryIn is Summary in the language lang ("过去14晚：5次抽筋，其中4次在
// 没做调理的晚上。14晚中有6晚做了调理。" in Chinese).
func SummaryIn(lang content.Lang, entries []Entry, now time.Time, n int) string {
	if n < 1 {
		return ""
	}
	y, m, d := Night(now).Date()
	stats := nights(entries, time.Date(y, m, d-(n-1), 0, 0, 0, 0, now.Location()), n)
	sum := summary{n: n, morning: now.Hour() < 12}
	for _, s := range stats {
		sum.cramps += s.Cramps
		if s.Routine {
			sum.routineNights++
		} else {
			sum.without += s.Cramps
		}
	}
	if lang == content.Chinese {
		return sum.chinese()
	}
	return sum.english()
}

func (sum summary) english() string {
	n, cramps, without, routineNights := sum.n, sum.cramps, sum.without, sum.routineNights
	if n == 1 {
		s := "Tonight: "
		if sum.morning {
			s = "Last night: "
		}
		s += count(cramps, "cramp", "no cramps")
		if routineNights == 1 {
			return s + ", with the routine."
		}
		return s + ", without the routine."
	}
	s := "Last " + strconv.Itoa(n) + " nights: " + count(cramps, "cramp", "no cramps")
	switch {
	case cramps == 0 || routineNights == 0:
		s += "."
	case without == 0 && cramps == 1:
		s += ", on a night with the routine."
	case without == 0:
		s += ", all on nights with the routine."
	case without == cramps && cramps == 1:
		s += ", on a night without the routine."
	case without == cramps:
		s += ", all on nights without the routine."
	case without == 1:
		s += ", 1 of them on a night without the routine."
	default:
		s += ", " + strconv.Itoa(without) + " of them on nights without the routine."
	}
	switch routineNights {
	case 0:
		s += " No nights with the routine."
	case n:
		s += " Routine done every night."
	default:
		s += " Routine done on " + strconv.Itoa(routineNights) + " of the " + strconv.Itoa(n) + " nights."
	}
	return s
}

// count writes n things: "1 cramp", "5 cramps", or none when n is 0.
func count(n int, one, none string) string {
	if n == 0 {
		return none
	}
	return Count(n, one)
}

// Count writes n things called one, in the plural when n is not one:
// "1 night", "3 nights", "0 cramps". It is the app's one pluraliser.
func Count(n int, one string) string {
	return words.Count(content.English, n, one)
}
