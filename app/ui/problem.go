package ui

import (
	"errors"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
)

// problem says in the page's language what went wrong, for a sentence
// that names it ("Could not delete: %s"): the app's own errors in plain
// words, and a domain package's message (words.Message) as the catalogue
// writes it. An error the app does not know keeps its own text (the
// browser's or Go's), which helps a report: as it is on an English
// screen, and marked as a technical detail on any other.
func problem(l content.Lang, err error) string {
	var m words.Message
	switch {
	case err == nil:
		return ""
	case errors.Is(err, journal.ErrStorageFull):
		return tr(l, "the phone's storage is full")
	case errors.Is(err, journal.ErrNotFound):
		return tr(l, "that entry is no longer there")
	case errors.Is(err, browser.ErrCancelled):
		return tr(l, "it was cancelled")
	case errors.Is(err, browser.ErrUnsupported):
		return tr(l, "this browser cannot do that")
	case isMessage(err):
		return words.Error(l, err)
	case errors.As(err, &m):
		return words.Say(l, m)
	case l == content.English:
		return err.Error()
	case errors.Is(err, browser.ErrRefused):
		return trf(l, "the browser refused (technical detail: %s)", err.Error())
	}
	return trf(l, "technical detail: %s", err.Error())
}

// isMessage reports whether err is a domain message, or messages joined
// by errors.Join, which words.Error writes whole.
func isMessage(err error) bool {
	if _, ok := err.(words.Message); ok {
		return true
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return false
	}
	for _, e := range j.Unwrap() {
		if !isMessage(e) {
			return false
		}
	}
	return true
}
