package words

import (
	"errors"
	"strings"

	"github.com/calfandsole/calfandsole/content"
)

// Message is a sentence a domain package keeps in parts for the screens to
// write in their reader's language: its English format, the catalogue's
// key, and its arguments. app/journal's Text and its errors are Messages;
// so the log's package has no screen's words in it, and its errors read
// in Chinese on a Chinese screen.
type Message interface {
	Message() (format string, args []any)
}

// Say writes m in lang: its format from the catalogue, and every argument
// that is itself a Message written the same way; other arguments (numbers,
// values quoted from a file) as they are. In English it is the text the
// domain package writes itself.
func Say(lang content.Lang, m Message) string {
	format, args := m.Message()
	out := make([]any, len(args))
	for i, a := range args {
		if am, ok := a.(Message); ok {
			out[i] = Say(lang, am)
		} else {
			out[i] = a
		}
	}
	return F(lang, format, out...)
}

// Error writes err in lang for a person: a Message as Say writes it, the
// errors joined by errors.Join one a line, a Message wrapped in another
// error as itself, and any other error as its own Error text (which a
// screen shows only where no better words exist).
func Error(lang content.Lang, err error) string {
	if err == nil {
		return ""
	}
	if m, ok := err.(Message); ok {
		return Say(lang, m)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs := j.Unwrap()
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = Error(lang, e)
		}
		return strings.Join(lines, "\n")
	}
	var m Message
	if errors.As(err, &m) {
		return Say(lang, m)
	}
	return err.Error()
}

// IsMessage reports whether Error writes err wholly in words the catalogue
// has: a Message, wrapped or not, or Messages joined by errors.Join.
func IsMessage(err error) bool {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if !IsMessage(e) {
				return false
			}
		}
		return true
	}
	var m Message
	return errors.As(err, &m)
}
