package ui

import (
	"errors"
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/reminder"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reminderForm makes a nightly reminder the phone's own calendar rings
// for, offline, with no server: it asks a time and a routine, then gives
// an iCalendar file through the share sheet where the browser can share
// files, else as a download.
type reminderForm struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// Routines are the routines to choose from.
	Routines []content.Routine

	at      string // "21:30", as the time field gives it
	routine string // the chosen routine's id
	said    string
	failed  bool
}

func (f *reminderForm) OnInit() {
	f.at = reminder.DefaultClock.String()
	if len(f.Routines) > 0 {
		f.routine = f.Routines[0].ID
	}
}

func (f *reminderForm) Render() app.UI {
	return app.Elem("details").ID("reminder").Class("card-plain reminder").Body(
		app.Elem("summary").Class("button secondary").Text(tr(f.Lang, "Remind me every night")),
		app.P().Text(tr(f.Lang, "Your phone's calendar can remind you each night, even with no connection. Choose a time and a routine, then add the file to your calendar.")),
		app.Elem("label").Attr("for", "reminder-time").Class("field-label").Text(tr(f.Lang, "Time")),
		app.Input().ID("reminder-time").Type("time").Value(f.at).OnChange(f.onTime).OnInput(f.onTime),
		app.Elem("fieldset").Class("choices").Body(
			app.Elem("legend").Text(tr(f.Lang, "Routine")),
			app.Div().Class("chips").Body(app.Range(f.Routines).Slice(func(i int) app.UI {
				r := f.Routines[i]
				return app.Button().Type("button").ID("reminder-"+r.ID).Class("chip").Aria("pressed", f.routine == r.ID).
					Text(r.Title).OnClick(func(ctx app.Context, e app.Event) { f.routine = r.ID })
			})),
		),
		app.Button().ID("reminder-make").Class("button").Text(tr(f.Lang, "Make the reminder")).OnClick(f.onMake),
		app.P().ID("reminder-said").Class(f.saidClass()).Aria("live", "polite").Text(f.said),
		app.Elem("ul").Class("small how-to").Body(
			app.Elem("li").Text(tr(f.Lang, "iPhone: open the file, tap \"Add All\", then \"Done\". It goes into your Calendar.")),
			app.Elem("li").Text(tr(f.Lang, "Android: open the file from your downloads and choose your calendar app to add it.")),
		),
	)
}

// saidClass styles what the form said: a warning when it failed.
func (f *reminderForm) saidClass() string {
	if f.failed {
		return "warning"
	}
	return "small"
}

func (f *reminderForm) onTime(ctx app.Context, e app.Event) {
	f.at = ctx.JSSrc().Get("value").String()
}

// onMake makes the file for the chosen time and routine and offers it.
func (f *reminderForm) onMake(ctx app.Context, e app.Event) {
	f.said, f.failed = "", false
	at, err := reminder.ParseClock(f.at)
	if err != nil {
		f.said, f.failed = tr(f.Lang, "Choose a time first, like 21:30."), true
		return
	}
	var r content.Routine
	for _, c := range f.Routines {
		if c.ID == f.routine {
			r = c
		}
	}
	rem := reminder.Reminder{
		Routine: r.ID, Title: r.Title, At: at, Length: routine.Total(r),
		Link: browser.Origin() + href(f.Lang, routinePath(r.ID)),
	}
	rem.Words = reminderWords(f.Lang, rem)
	var b strings.Builder
	if err := reminder.Write(&b, rem, time.Now()); err != nil {
		f.said, f.failed = trf(f.Lang, "The reminder could not be made: %s.", problem(f.Lang, err)), true
		return
	}
	name, text := rem.Filename(), b.String()
	done := trf(f.Lang, "Reminder made for %s every night. Add it to your calendar as below.", at)
	if !browser.CanShareFile(name, reminder.MIME, text) {
		browser.Download(name, reminder.MIME, text)
		f.said = trf(f.Lang, "Saved as %s. ", name) + done
		return
	}
	browser.ShareFile(trf(f.Lang, "%s reminder", r.Title), name, reminder.MIME, text, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case err == nil:
				f.said = done
			case errors.Is(err, browser.ErrCancelled):
				f.said = tr(f.Lang, "Not shared. Tap \"Make the reminder\" again when you are ready.")
			default:
				browser.Download(name, reminder.MIME, text)
				f.said = trf(f.Lang, "Saved as %s. ", name) + done
			}
		})
	})
}

// reminderWords are the calendar event's texts in the language l.
func reminderWords(l content.Lang, rem reminder.Reminder) reminder.Words {
	return reminder.Words{
		Lang:        string(l),
		Summary:     trf(l, "%s (Calf & Sole)", rem.Name()),
		Description: trf(l, "Time for %s, about %d minutes, before sleep. Open it in Calf & Sole: %s", rem.Name(), rem.Minutes(), rem.Link),
		Alarm:       trf(l, "Time for %s", rem.Name()),
	}
}
