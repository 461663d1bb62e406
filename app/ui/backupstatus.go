package ui

import (
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
	"time"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The time of the last backup is kept on the phone (keyLastBackup) and
// shared with the screen as go-app state (stateLastBackup); keyPersistAsked
// marks that the browser was asked, once, to keep the log for good.
const (
	keyLastBackup   = "calfsole.last-backup"
	stateLastBackup = "last-backup"
	keyPersistAsked = "calfsole.persist-asked"
	// persistWait is how long the browser's answer is waited for: Firefox
	// asks the person, who may never answer.
	persistWait = 5 * time.Second
)

// recordBackup notes that a backup of the whole log was saved at t.
func recordBackup(ctx app.Context, t time.Time) {
	save(ctx, keyLastBackup, t)
	ctx.SetState(stateLastBackup, t)
}

// backupStatus says, on the log screen, whether the browser keeps the log
// for good, when the last backup was saved and how many entries are newer,
// and, when one is due (journal.CheckBackup), offers to save one now. On
// an iPhone or iPad in a Safari tab it says Safari may clear the log. An
// empty log gets none of it: there is nothing to lose.
type backupStatus struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// Entries is the log as read so far; Complete says it is all of it.
	Entries  []journal.Entry
	Complete bool
	// Save saves a backup (the log screen's "Save a backup").
	Save app.EventHandler

	last      time.Time
	persist   browser.Persistence
	apple     string
	tab       bool // in a browser tab, not from the home screen
	askedOnce bool
}

func (b *backupStatus) OnMount(ctx app.Context) {
	load(ctx, keyLastBackup, &b.last)
	load(ctx, keyPersistAsked, &b.askedOnce)
	ctx.ObserveState(stateLastBackup, &b.last)
	b.apple, b.tab = browser.AppleDevice(), !browser.Standalone()
	browser.Persisted(persistWait, func(p browser.Persistence) {
		ctx.Dispatch(func(ctx app.Context) {
			b.persist = p
			b.askPersist(ctx)
		})
	})
}

func (b *backupStatus) OnUpdate(ctx app.Context) { b.askPersist(ctx) }

// askPersist asks the browser, once on this phone and only once there is
// something to keep, to keep the log for good. Nothing waits for it.
func (b *backupStatus) askPersist(ctx app.Context) {
	if b.persist != browser.PersistNo || b.askedOnce || len(b.Entries) == 0 {
		return
	}
	b.askedOnce = true
	save(ctx, keyPersistAsked, true)
	browser.Persist(persistWait, func(p browser.Persistence) {
		ctx.Dispatch(func(ctx app.Context) {
			if p != browser.PersistUnknown {
				b.persist = p
			}
		})
	})
}

func (b *backupStatus) Render() app.UI {
	if len(b.Entries) == 0 {
		return app.Div().ID("backup-status")
	}
	s := journal.CheckBackup(b.last, b.Entries, time.Now())
	return app.Elem("section").ID("backup-status").Body(
		app.If(b.persist == browser.PersistYes, func() app.UI {
			return app.P().ID("persist-status").Class("small").Text(tr(b.Lang, "Your browser has agreed to keep this log for good."))
		}).ElseIf(b.persist == browser.PersistNo, func() app.UI {
			return app.P().ID("persist-status").Class("small").Text(tr(b.Lang, "Your browser has not promised to keep this log: it may clear it when the phone runs short of space. A backup keeps it safe."))
		}),
		app.If(b.Complete, func() app.UI {
			return app.P().ID("backup-last").Class("small").Text(lastBackupText(b.Lang, s))
		}),
		app.If(b.Complete && s.Due, func() app.UI {
			return app.Div().ID("backup-due").Class("callout").Body(
				app.P().Text(tr(b.Lang, "It is a good time to save a backup: a copy of your log as a file, in case this phone or browser loses it.")),
				app.Div().Class("actions").Body(
					app.Button().ID("backup-now").Class("button secondary").Text(tr(b.Lang, "Save a backup")).OnClick(b.Save),
				),
			)
		}),
		app.If(b.apple == "iphone" && b.tab, func() app.UI {
			return app.P().ID("apple-home").Class("callout").Text(tr(b.Lang, "On iPhone and iPad, Safari may clear this log after 7 days without a visit. To keep it, add the app to your home screen: in Safari, tap the Share button, then \"Add to Home Screen\"."))
		}).ElseIf(b.apple == "mac" && b.tab, func() app.UI {
			return app.P().ID("apple-home").Class("callout").Text(tr(b.Lang, "Safari may clear this log after 7 days without a visit. To keep it, add the app to the Dock: in Safari, choose File, then \"Add to Dock\"."))
		}),
	)
}

// lastBackupText says when the last backup was saved and what is newer.
func lastBackupText(l content.Lang, s journal.BackupStatus) string {
	if s.Last.IsZero() {
		return tr(l, "You have not saved a backup yet.")
	}
	var when string
	switch s.Days {
	case 0:
		when = tr(l, "less than a day ago")
	case 1:
		when = tr(l, "1 day ago")
	default:
		when = trf(l, "%d days ago", s.Days)
	}
	text := trf(l, "Last backup saved %s (%s). ", when, words.Day(l, s.Last.Local()))
	switch s.Newer {
	case 0:
		return text + tr(l, "Everything is in it.")
	case 1:
		return text + tr(l, "1 entry is newer than it.")
	}
	return text + trf(l, "%d entries are newer than it.", s.Newer)
}
