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
	case words.IsMessage(err):
		return words.Error(l, err)
	case l == content.English:
		return err.Error()
	case errors.Is(err, browser.ErrRefused):
		return trf(l, "the browser refused (technical detail: %s)", err.Error())
	}
	return trf(l, "technical detail: %s", err.Error())
}
