package reminder

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// made is when the test files are made: 18:05 on the phone's clock, in a
// zone far from UTC, so a time written in UTC by mistake shows.
var made = time.Date(2026, 11, 30, 18, 5, 7, 0, time.FixedZone("UTC+13", 13*3600))

func bedtime(t *testing.T) Reminder {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := lib.Routine("bedtime")
	if !ok {
		t.Fatal("no bedtime routine in the content")
	}
	return Reminder{Routine: r.ID, Title: r.Title, At: DefaultClock, Length: routine.Total(r), Link: "https://example.org/calf-and-sole/routines/bedtime"}
}

// parse writes r and reads it back with a real iCalendar parser, returning
// the file and its one event.
func parse(t *testing.T, r Reminder, now time.Time) (string, *ics.VEvent) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, now); err != nil {
		t.Fatalf("Write: %v", err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("the file does not parse: %v\n%s", err, b.String())
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events, want 1:\n%s", len(events), b.String())
	}
	return b.String(), events[0]
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func TestWriteEvent(t *testing.T) {
	r := bedtime(t)
	file, e := parse(t, r, made)
	minutes := int((routine.Total(mustRoutine(t, "bedtime")) + time.Minute - 1) / time.Minute)
	for _, tt := range []struct {
		prop ics.ComponentProperty
		want string
	}{
		{ics.ComponentPropertyRrule, "FREQ=DAILY"},
		{ics.ComponentPropertyDtStart, "20261130T213000"}, // today: 21:30 is still to come
		{ics.ComponentPropertyDtstamp, "20261130T050507Z"},
		{ics.ComponentPropertyDuration, "PT" + strconv.Itoa(minutes) + "M"},
		{ics.ComponentPropertyUniqueId, "bedtime-2130@reminder.calf-and-sole"},
		{ics.ComponentPropertyUrl, r.Link},
		{ics.ComponentPropertySummary, r.Title + " (Calf & Sole)"},
	} {
		if got := prop(e, tt.prop); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.prop, got, tt.want)
		}
	}
	// Floating local time: no TZID, no Z, and read in the phone's zone.
	if p := e.GetProperty(ics.ComponentPropertyDtStart); len(p.ICalParameters) != 0 {
		t.Errorf("DTSTART has parameters %v, want none (floating time)", p.ICalParameters)
	}
	start, err := e.GetStartAt()
	if err != nil || start.Location() != time.Local || start.Hour() != 21 || start.Minute() != 30 {
		t.Errorf("start = %v (%v), want 21:30 floating", start, err)
	}
	if strings.Contains(file, "VTIMEZONE") || strings.Contains(file, "TZID") {
		t.Error("the file names a time zone; it must ring at 21:30 wherever the phone is")
	}
	if minutes < 5 || minutes > 60 {
		t.Errorf("the bedtime routine lasts %d minutes: the total looks wrong", minutes)
	}
	alarms := e.Alarms()
	if len(alarms) != 1 {
		t.Fatalf("%d alarms, want 1", len(alarms))
	}
	for p, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertyAction:      "DISPLAY",
		ics.ComponentPropertyTrigger:     "PT0M",
		ics.ComponentPropertyDescription: "Time for " + r.Title,
	} {
		if v := alarms[0].GetProperty(p); v == nil || v.Value != want {
			t.Errorf("alarm %s = %v, want %q", p, v, want)
		}
	}
	// Nothing points anywhere but the app's own address.
	for i, part := range strings.Split(file, "http")[1:] {
		if !strings.HasPrefix(part, "s://example.org/calf-and-sole/") {
			t.Errorf("address %d in the file is not the app's: http%s", i+1, part[:min(40, len(part))])
		}
	}
}

func mustRoutine(t *testing.T, id string) content.Routine {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Routine(id)
	return r
}

func TestFirst(t *testing.T) {
	for _, tt := range []struct {
		now  time.Time
		at   Clock
		want string
	}{
		{time.Date(2026, 3, 1, 21, 29, 59, 0, time.UTC), Clock{21, 30}, "2026-03-01 21:30"},
		{time.Date(2026, 3, 1, 21, 30, 0, 0, time.UTC), Clock{21, 30}, "2026-03-01 21:30"},
		{time.Date(2026, 3, 1, 21, 30, 1, 0, time.UTC), Clock{21, 30}, "2026-03-02 21:30"},
		{time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), Clock{7, 0}, "2027-01-01 07:00"},
		// The phone's clock decides, not UTC: 01:00 UTC is 14:00 in UTC+13.
		{time.Date(2026, 3, 2, 14, 0, 0, 0, time.FixedZone("", 13*3600)), Clock{21, 30}, "2026-03-02 21:30"},
	} {
		if got := (Reminder{At: tt.at}).First(tt.now).Format("2006-01-02 15:04"); got != tt.want {
			t.Errorf("First(%v) at %v = %s, want %s", tt.now, tt.at, got, tt.want)
		}
	}
}

func TestUIDStable(t *testing.T) {
	r := bedtime(t)
	_, a := parse(t, r, made)
	_, b := parse(t, r, made.Add(40*24*time.Hour))
	if prop(a, ics.ComponentPropertyUniqueId) != prop(b, ics.ComponentPropertyUniqueId) {
		t.Error("the same reminder made on two days has two UIDs: importing it again would add a second event")
	}
	other := r
	other.At = Clock{22, 0}
	foot := r
	foot.Routine = "foot-pain"
	for _, o := range []Reminder{other, foot} {
		if o.UID() == r.UID() {
			t.Errorf("%s at %v has the same UID as %s at %v", o.Routine, o.At, r.Routine, r.At)
		}
	}
}

func TestWriteEscapesAndFolds(t *testing.T) {
	r := bedtime(t)
	r.Title = `Calf, sole; and back\slash` + "\nsecond line 小腿抽筋" + strings.Repeat(" 足底", 30)
	file, e := parse(t, r, made)
	if got, want := prop(e, ics.ComponentPropertySummary), r.Title+" (Calf & Sole)"; got != want {
		t.Errorf("summary read back = %q\nwant %q", got, want)
	}
	if got := prop(e, ics.ComponentPropertyDescription); !strings.HasPrefix(got, "Time for "+r.Title+", about") || !strings.HasSuffix(got, r.Link) {
		t.Errorf("description read back = %q", got)
	}
	if !strings.Contains(file, `SUMMARY:Calf\, sole\; and back\\slash\nsecond`) {
		t.Errorf("the summary is not escaped as RFC 5545 says:\n%s", file)
	}
	if !strings.HasSuffix(file, "END:VCALENDAR\r\n") || strings.Contains(strings.ReplaceAll(file, "\r\n", ""), "\n") {
		t.Error("a line does not end in CRLF")
	}
	folded := checkFolds(t, file)
	if folded < 3 {
		t.Errorf("%d continuation lines, want the long summary and description folded", folded)
	}
}

func TestWriteRefuses(t *testing.T) {
	good := Reminder{Routine: "bedtime", Title: "Bedtime", At: DefaultClock, Length: time.Minute, Link: "http://localhost:8000/routines/bedtime"}
	for _, tt := range []struct {
		name   string
		change func(*Reminder)
		want   string
	}{
		{"no routine", func(r *Reminder) { r.Routine = "" }, "the routine is missing"},
		{"no length", func(r *Reminder) { r.Length = 0 }, "the routine's length must be more than zero"},
		{"bad hour", func(r *Reminder) { r.At = Clock{24, 0} }, "24:00 is not a time of day"},
		{"no link", func(r *Reminder) { r.Link = "" }, `the link "" is not a web address`},
		{"relative link", func(r *Reminder) { r.Link = "/routines/bedtime" }, "is not a web address"},
		{"script link", func(r *Reminder) { r.Link = "javascript:alert(1)" }, "is not a web address"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.change(&r)
			var b bytes.Buffer
			err := Write(&b, r, made)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write() = %v, want an error with %q", err, tt.want)
			}
			if b.Len() != 0 {
				t.Error("a file was written with the error")
			}
		})
	}
	if err := Write(&bytes.Buffer{}, good, made); err != nil {
		t.Errorf("Write(good) = %v", err)
	}
}

func TestParseClock(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Clock
		ok   bool
	}{
		{"21:30", Clock{21, 30}, true},
		{"07:05", Clock{7, 5}, true},
		{"9:15", Clock{9, 15}, true},
		{"23:59:00", Clock{23, 59}, true},
		{"00:00", Clock{0, 0}, true},
		{"24:00", Clock{}, false},
		{"21:60", Clock{}, false},
		{"21:3", Clock{}, false},
		{"2130", Clock{}, false},
		{"", Clock{}, false},
		{"nine", Clock{}, false},
	} {
		got, err := ParseClock(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "is not a time of day like 21:30") {
			t.Errorf("ParseClock(%q) error %q is not plain", tt.in, err)
		}
	}
	if s := (Clock{7, 5}).String(); s != "07:05" {
		t.Errorf("String() = %q", s)
	}
}

// TestWriteChinese: a reminder made on a Chinese page writes the words it
// is given, marked with their language, and the file stays valid: read
// back whole by a real parser, every line at most 75 octets, no Chinese
// character split by a fold.
func TestWriteChinese(t *testing.T) {
	r := bedtime(t)
	r.Title = "睡前腿抽筋调理"
	r.Words = Words{
		Lang:        "zh-Hans",
		Summary:     "睡前腿抽筋调理（Calf & Sole）",
		Description: "该做睡前腿抽筋调理了，约" + strconv.Itoa(r.Minutes()) + "分钟，睡前做。在 Calf & Sole 里打开：" + r.Link,
		Alarm:       "该做睡前腿抽筋调理了",
	}
	file, e := parse(t, r, made)
	for _, tt := range []struct {
		prop ics.ComponentProperty
		want string
	}{
		{ics.ComponentPropertySummary, r.Words.Summary},
		{ics.ComponentPropertyDescription, r.Words.Description},
	} {
		p := e.GetProperty(tt.prop)
		if p == nil || p.Value != tt.want {
			t.Errorf("%s = %v, want %q", tt.prop, p, tt.want)
			continue
		}
		if lang := p.ICalParameters["LANGUAGE"]; len(lang) != 1 || lang[0] != "zh-Hans" {
			t.Errorf("%s LANGUAGE = %q, want zh-Hans", tt.prop, lang)
		}
	}
	alarms := e.Alarms()
	if len(alarms) != 1 {
		t.Fatalf("%d alarms, want 1", len(alarms))
	}
	if p := alarms[0].GetProperty(ics.ComponentPropertyDescription); p == nil || p.Value != r.Words.Alarm {
		t.Errorf("the alarm says %v, want %q", p, r.Words.Alarm)
	}
	folded := checkFolds(t, file)
	if folded == 0 {
		t.Errorf("the long Chinese description was not folded:\n%s", file)
	}
	if strings.Contains(file, "Time for") {
		t.Errorf("English left in a Chinese reminder:\n%s", file)
	}
}

// checkFolds fails on a line of the file longer than 75 octets or a fold
// that splits a UTF-8 character, and returns how many lines are folded.
func checkFolds(t *testing.T, file string) int {
	t.Helper()
	folded := 0
	for _, line := range strings.Split(strings.TrimSuffix(file, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("a line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("a fold splits a character: %q", line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	return folded
}
