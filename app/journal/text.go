package journal

import "fmt"

// Text is a sentence for a person, kept in its parts: its English format,
// as fmt writes it, and its arguments. The English format is the key of
// the screens' message catalogue (app/words), so a screen writes the
// sentence in its reader's language (words.Say, words.Error) while this
// package holds no language but English and no screen's words. String
// writes it in English.
//
// An argument that is a Text, or an error that is one (Message), is
// written in the same language; any other argument (a number, a value
// quoted from a file) is written as it is.
type Text struct {
	Format string
	Args   []any
}

// say is a Text; its format is a literal, which the tests find in the
// source and look up in the catalogue. (Not inlined, nor are sayErr and
// wrapSay: made in one place, the many messages cost app.wasm less.)
//
//go:noinline
func say(format string, args ...any) Text { return Text{Format: format, Args: args} }

// Message returns the English format and the arguments, for words.Say.
func (t Text) Message() (string, []any) { return t.Format, t.Args }

// String writes t in English.
func (t Text) String() string { return fmt.Sprintf(t.Format, t.Args...) }

// textError is a problem told as a Text; the error it explains, in Go's
// words, stays wrapped for the code but is not shown.
type textError struct {
	text Text
	err  error
}

// sayErr is an error told as say(format, args...), wrapping nothing.
//
//go:noinline
func sayErr(format string, args ...any) error { return &textError{text: say(format, args...)} }

// wrapSay is an error told as say(format, args...) that explains err.
//
//go:noinline
func wrapSay(err error, format string, args ...any) error {
	return &textError{text: say(format, args...), err: err}
}

func (e *textError) Error() string { return e.text.String() }
func (e *textError) Unwrap() error { return e.err }

// Message returns the error's Text in parts, for words.Error.
func (e *textError) Message() (string, []any) { return e.text.Message() }

// joinTexts writes parts one after another, "a; b; c", each in the
// reader's language: nested pairs of "%s; %s", so the catalogue holds one
// separator, not one format per count. One part is itself.
func joinTexts(parts []any) any {
	if len(parts) == 0 {
		return ""
	}
	t := parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		t = say("%s; %s", parts[i], t)
	}
	return t
}
