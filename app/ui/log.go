package ui

import (
	"context"
	"github.com/calfandsole/calfandsole/content"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
)

// The log's forms: PathLogCramp and PathLogHeel log a new cramp or heel
// pain, each its own page, prerendered with its form, so it can be filled
// in while the app starts. PathLogEntry, with ?id=, edits an entry (with
// ?kind=, the links of earlier versions, it logs one).
const (
	PathLogCramp = "/log/cramp"
	PathLogHeel  = "/log/heel"
	PathLogEntry = "/log/entry"
)

// nightsPerPage is how many nights of history show at once: the history
// renders a page at a time, never ten years at once.
const nightsPerPage = 14

// logPage is the symptom log: quick buttons, a plain-language summary,
// trends drawn as SVG, the history by night, export, import and a summary
// to print for a clinician. Everything stays on this phone.
type logPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// ctx is the page's own context: answers from storage come back
	// through it, not through the tapped element's, which a render may
	// have replaced meanwhile (go-app then drops the answer).
	lib     *content.Library
	ctx     app.Context
	store   journal.Store
	entries []journal.Entry // newest first
	// loaded: the newest nights and the trend are read; complete: every
	// entry is.
	loaded, complete bool
	// readFailed: storage failed partway; exports wait for a full read.
	readFailed bool
	// cancel stops the read in progress: a newer read replaced it, or the
	// page closed. Its results are dropped.
	cancel context.CancelFunc
	// afterLoad runs once every entry is read (an export asked for early).
	afterLoad func(ctx app.Context)
	warning   string
	message   string
	weeks     int
	shown     int
	undo      *journal.Entry
	stopSync  func()
}

func (p *logPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.weeks, p.shown = 4, nightsPerPage
	p.reload(ctx)
	// Another tab changed the log: read it again, losing nothing.
	p.stopSync = browser.OnLogChange(func() { ctx.Dispatch(p.reload) })
}

func (p *logPage) OnDismount() {
	p.stopSync()
	p.cancel()
}

// reload reads the log again from storage, newest first, stopping any read
// in progress: what the screen shows first (the newest nights and the
// trend), shown at once, then the rest. It runs on the UI goroutine.
func (p *logPage) reload(app.Context) {
	ctx := p.ctx
	if p.cancel != nil {
		p.cancel()
	}
	read, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.complete, p.readFailed = false, false
	opt := journal.LoadOptions{Since: time.Now().AddDate(0, 0, -7*p.weeks), Nights: nightsPerPage, Pause: time.Millisecond}
	ctx.Async(func() {
		store, warning := openLog(p.Lang)
		migrateHistory(ctx, store)
		show := func(l journal.Loaded, err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if read.Err() != nil {
					return // replaced by a newer read, or the page closed
				}
				p.store, p.warning, p.loaded = store, warning, true
				p.entries = l.Entries
				switch {
				case err != nil:
					p.readFailedWith(err)
				case l.Complete:
					p.finishLoad(ctx, l.Bad, l.AsideErr)
				}
			})
		}
		l, err := journal.Load(read, store, opt, func(l journal.Loaded) { show(l, nil) })
		show(l, err)
	})
}

// readFailedWith says the log could not be read in full. A file asked for
// meanwhile is not made: a file of part of the log would pass for all of
// it.
func (p *logPage) readFailedWith(err error) {
	p.warning = trf(p.Lang, "Your log could not be read just now. Nothing was deleted. Close the app and open it again. (%s)", problem(p.Lang, err))
	p.readFailed = true
	if p.afterLoad != nil {
		p.afterLoad = nil
		p.message = tr(p.Lang, noFileMessage)
	}
}

// noFileMessage says an export was not made because the log could not be
// read in full.
var noFileMessage = msg("Your whole log could not be read, so no file was made. Close the app and open it again, then try once more.")

// finishLoad marks the log read in full, says how many records were set
// aside (bad), and runs what waited for the whole log.
func (p *logPage) finishLoad(ctx app.Context, bad int, asideErr error) {
	p.complete = true
	switch {
	case bad == 1 && asideErr == nil:
		p.message = tr(p.Lang, "1 entry was damaged and could not be read. It was put aside, kept but out of the way; everything else is here.")
	case bad > 1 && asideErr == nil:
		p.message = trf(p.Lang, "%d entries were damaged and could not be read. They were put aside, kept but out of the way; everything else is here.", bad)
	case bad > 0:
		p.message = trf(p.Lang, "Some entries are damaged and could not be read (%d). Everything else is here.", bad)
	}
	if f := p.afterLoad; f != nil {
		p.afterLoad = nil
		f(ctx)
	}
}

// whenComplete runs f once every entry is read: at once, or when the read
// in progress ends.
func (p *logPage) whenComplete(ctx app.Context, f func(ctx app.Context)) {
	switch {
	case p.complete:
		f(ctx)
		return
	case p.readFailed:
		// A file of part of the log would pass for all of it.
		p.message = tr(p.Lang, noFileMessage)
		return
	}
	p.message = tr(p.Lang, "Reading your whole log…")
	p.afterLoad = func(ctx app.Context) {
		p.message = ""
		f(ctx)
	}
}

// changed is called after this page wrote to storage: a read still in
// progress may have missed the write, so the log is read again.
func (p *logPage) changed(ctx app.Context) {
	if !p.complete {
		p.reload(ctx)
	}
}

func (p *logPage) Render() app.UI {
	now := time.Now()
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Your log"),
		Path:  PathLog,
		Content: []app.UI{
			// Always there, empty when there is nothing to say: a screen
			// reader announces what appears in them.
			app.P().ID("log-warning").Class("warning").Aria("live", "polite").Text(p.warning),
			app.P().ID("log-message").Class("callout").Aria("live", "polite").Text(p.message),
			app.Div().Class("actions").Body(
				app.A().ID("log-cramp").Class("button big").Href(href(p.Lang, PathLogCramp)).Text(tr(p.Lang, "Log a cramp")),
				app.A().ID("log-heel").Class("button big secondary").Href(href(p.Lang, PathLogHeel)).Text(tr(p.Lang, "Log heel pain")),
			),
			app.If(p.undo != nil, func() app.UI {
				return app.P().ID("undo").Class("notice-inline").Body(
					app.Text(tr(p.Lang, "Entry deleted. ")),
					app.Button().ID("undo-button").Class("link-button").Text(tr(p.Lang, "Undo")).OnClick(p.onUndo),
				)
			}),
			app.If(!p.loaded, func() app.UI {
				return app.P().Class("small").Text(tr(p.Lang, "Your log stays on this phone. Opening it…"))
			}),
			app.If(p.loaded, func() app.UI {
				return &backupStatus{Lang: p.Lang, Entries: p.entries, Complete: p.complete, Save: p.onExportJSON}
			}),
			app.If(p.loaded, func() app.UI { return p.renderLog(now) }),
		},
	}
}

// openLog opens the log's storage, with a warning for the person when the
// browser does not keep it. It blocks: call it from ctx.Async.
func openLog(l content.Lang) (journal.Store, string) {
	s, kept := browser.OpenStore()
	if !kept {
		return s, tr(l, "This browser is not letting the app keep data (private browsing, or storage turned off). You can log, but entries will be lost when you close the app.")
	}
	return s, ""
}
