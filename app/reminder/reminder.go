// Package reminder writes a nightly reminder as an iCalendar file (RFC
// 5545) that a phone's own calendar imports and rings for, offline, for
// ever: no server, no notification permission. It is plain Go, with no
// browser in it. The event's texts come in the person's language from the
// screen (Words; app/words holds the messages); left empty, they are
// English.
package reminder

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day, on the person's own clock wherever they are.
type Clock struct {
	Hour, Minute int
}

// DefaultClock is the time the form offers first: 21:30.
var DefaultClock = Clock{21, 30}

// ParseClock reads a time of day written "21:30", as a browser's time
// field gives it (seconds, if there, are dropped).
func ParseClock(s string) (Clock, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if ok {
		m, _, _ = strings.Cut(m, ":")
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 {
		return Clock{}, fmt.Errorf("%q is not a time of day like 21:30", s)
	}
	c := Clock{hour, minute}
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return Clock{}, fmt.Errorf("%q is not a time of day like 21:30", s)
	}
	return c, nil
}

// String writes the clock as "21:30".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Reminder is one nightly reminder for one routine.
type Reminder struct {
	// Routine is the routine's id ("bedtime"); Title its name.
	Routine, Title string
	// At is when the reminder rings each night, in floating local time.
	At Clock
	// Length is how long the routine takes: the calendar event's length,
	// rounded up to a whole minute.
	Length time.Duration
	// Link is the routine's address on the app's own origin
	// ("https://example.org/routines/bedtime"). The file points nowhere
	// else.
	Link string
	// Words are what the calendar shows, in the person's language; the
	// zero value is English.
	Words Words
}

// Words are the texts of the calendar event, already written in the
// person's language by the screen that makes the reminder (the messages
// are in app/words; this package has no language but English). An empty
// field is written in English.
type Words struct {
	// Lang is their language's BCP 47 tag ("zh-Hans"), written on the
	// texts as iCalendar's LANGUAGE parameter; "" writes none.
	Lang string
	// Summary is the event's name: "Bedtime routine (Calf & Sole)".
	Summary string
	// Description is its notes, with the link: "Time for Bedtime routine,
	// about 21 minutes, before sleep. Open it in Calf & Sole: https://...".
	Description string
	// Alarm is what the alarm says: "Time for Bedtime routine".
	Alarm string
}

// UID is the event's unique id: the routine's id and the time, so
// importing the same reminder again replaces the event in calendars that
// honour UIDs (Apple Calendar, Google Calendar) instead of adding a second
// one. A reminder at another time, or for the other routine, is another
// event: a person may well want two. No host is in it: the same reminder
// made on a copy of the app served elsewhere is the same event.
func (r Reminder) UID() string {
	return fmt.Sprintf("%s-%02d%02d@reminder.calf-and-sole", r.Routine, r.At.Hour, r.At.Minute)
}

// Minutes is the routine's length in whole minutes, rounded up: the
// event's length, and the "about N minutes" of its description.
func (r Reminder) Minutes() int { return int((r.Length + time.Minute - 1) / time.Minute) }

// Name is the routine's title, or its id when it has none.
func (r Reminder) Name() string {
	if r.Title == "" {
		return r.Routine
	}
	return r.Title
}

// Filename is a name for the file: "calf-and-sole-bedtime-2130.ics".
func (r Reminder) Filename() string {
	return fmt.Sprintf("calf-and-sole-%s-%02d%02d.ics", r.Routine, r.At.Hour, r.At.Minute)
}

// MIME is the media type of the file.
const MIME = "text/calendar"

// check says what is missing or wrong before a file is written.
func (r Reminder) check() error {
	var errs []error
	if r.Routine == "" {
		errs = append(errs, errors.New("the routine is missing"))
	}
	if r.At.Hour < 0 || r.At.Hour > 23 || r.At.Minute < 0 || r.At.Minute > 59 {
		errs = append(errs, fmt.Errorf("%02d:%02d is not a time of day", r.At.Hour, r.At.Minute))
	}
	if r.Length <= 0 {
		errs = append(errs, errors.New("the routine's length must be more than zero"))
	}
	if u, err := url.Parse(r.Link); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs = append(errs, fmt.Errorf("the link %q is not a web address", r.Link))
	}
	return errors.Join(errs...)
}

// First is the first time the reminder rings: the next r.At on now's
// clock, today or else tomorrow, as a floating local time (its location
// is UTC only to hold the wall-clock figures).
func (r Reminder) First(now time.Time) time.Time {
	t := time.Date(now.Year(), now.Month(), now.Day(), r.At.Hour, r.At.Minute, 0, 0, time.UTC)
	wall := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), time.UTC)
	if t.Before(wall) {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// Write writes the reminder to w as an iCalendar file made at now: one
// event that repeats every day at r.At in floating local time (no time
// zone, so it rings at 21:30 wherever the phone is), lasting the
// routine's length, with an alarm at its start and the routine's link,
// its texts r.Words (English where empty).
// Lines end in CRLF and are folded at 75 octets; text is escaped.
func Write(w io.Writer, r Reminder, now time.Time) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("the reminder cannot be made: %w", err)
	}
	minutes := r.Minutes()
	t := r.Words
	if t.Summary == "" {
		t.Summary = r.Name() + " (Calf & Sole)"
	}
	if t.Description == "" {
		t.Description = fmt.Sprintf("Time for %s, about %d minutes, before sleep. Open it in Calf & Sole: %s", r.Name(), minutes, r.Link)
	}
	if t.Alarm == "" {
		t.Alarm = "Time for " + r.Name()
	}
	sep := ":"
	if t.Lang != "" {
		sep = ";LANGUAGE=" + t.Lang + ":"
	}
	lines := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Calf & Sole//Nightly reminder//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:" + r.UID(),
		"DTSTAMP:" + now.UTC().Format("20060102T150405Z"),
		"DTSTART:" + r.First(now).Format("20060102T150405"),
		"DURATION:PT" + strconv.Itoa(minutes) + "M",
		"RRULE:FREQ=DAILY",
		"SUMMARY" + sep + escape(t.Summary),
		"DESCRIPTION" + sep + escape(t.Description),
		"URL:" + r.Link,
		"TRANSP:TRANSPARENT",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"DESCRIPTION" + sep + escape(t.Alarm),
		"TRIGGER:PT0M",
		"END:VALARM",
		"END:VEVENT",
		"END:VCALENDAR",
	}
	var b strings.Builder
	for _, l := range lines {
		fold(&b, l)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escape escapes TEXT values (RFC 5545 3.3.11): backslash, semicolon,
// comma and line breaks.
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// fold writes one content line, split so that no line is longer than 75
// octets without its CRLF, each continuation starting with a space (RFC
// 5545 3.1); a UTF-8 character is never split.
func fold(b *strings.Builder, line string) {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !startsRune(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

// startsRune reports whether c is the first byte of a UTF-8 character.
func startsRune(c byte) bool { return c&0xC0 != 0x80 }
