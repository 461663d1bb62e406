package ui

import (
	"github.com/calfandsole/calfandsole/content"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/words"
)

// logEntryPage logs a cramp or heel pain, or edits an entry: fast to fill
// at 2 a.m., with sensible defaults, so that Save is the only tap needed.
type logEntryPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// Kind is set for a new entry's own page (PathLogCramp, PathLogHeel):
	// its form is there from the first render, the prerendered page too.
	Kind journal.Kind

	store journal.Store
	entry journal.Entry
	isNew bool
	ready bool
	// ctx is the page's own context: the answer from storage comes back
	// through it, not through the form's, which a render may have
	// replaced meanwhile (go-app then drops the answer).
	ctx    app.Context
	saving bool
	errMsg string
}

// OnInit fills in a new entry's form before the first render. The edit
// page (PathLogEntry) waits for the entry, unless the address asks for a
// new one (?kind=, the links of earlier versions).
func (p *logEntryPage) OnInit() {
	switch {
	case p.Kind != "":
		p.start(p.Kind)
	case app.IsClient:
		p.fromQuery(browser.URL().Query())
	}
}

func (p *logEntryPage) OnNav(ctx app.Context) {
	p.ctx = ctx
	q := ctx.Page().URL().Query()
	id := q.Get("id")
	switch {
	case p.Kind != "" && p.entry.Kind != p.Kind:
		p.start(p.Kind) // the same screen, now for the other kind
	case p.Kind == "":
		p.fromQuery(q)
	}
	if app.IsServer {
		return // no storage to read while prerendering: no warning in the page
	}
	ctx.Async(func() {
		store, warning := openLog(p.Lang)
		var found *journal.Entry
		if id != "" {
			if e, err := store.Get(id); err == nil {
				found = &e
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.store, p.errMsg = store, warning
			if found != nil {
				p.entry, p.ready = *found, true
			} else if !p.isNew {
				p.errMsg = tr(p.Lang, "That entry is not in your log any more.")
			}
		})
	})
}

// fromQuery sets the edit page up from its address: an entry to edit
// (?id=, read from storage), or a new one (?kind=cramp or heel).
func (p *logEntryPage) fromQuery(q url.Values) {
	if kind := journal.Kind(q.Get("kind")); q.Get("id") == "" && (kind == journal.KindCramp || kind == journal.KindHeel) {
		if !p.isNew || p.entry.Kind != kind {
			p.start(kind)
		}
		return
	}
	p.isNew, p.ready = false, false
}

// start sets the form up for a new entry of kind, now, with the defaults.
func (p *logEntryPage) start(kind journal.Kind) {
	now := time.Now()
	p.entry, p.isNew, p.ready = journal.New(kind, now, now), true, true
	if kind == journal.KindCramp {
		p.entry.Cramp = &journal.Cramp{Leg: "both", Where: []string{"calf"}, Severity: 5}
	} else {
		p.entry.Heel = &journal.Heel{Foot: "both", Morning: 5, Now: 3}
	}
}

func (p *logEntryPage) Render() app.UI {
	title := tr(p.Lang, "Log a leg cramp")
	if p.entry.Kind == journal.KindHeel {
		title = tr(p.Lang, "Log heel pain")
	}
	if !p.isNew {
		title = tr(p.Lang, "Edit entry")
	}
	return &shell{
		Lang:  p.Lang,
		Title: title,
		Path:  PathLog,
		Content: []app.UI{
			// Always there, empty when all is well: a screen reader
			// announces what appears in it, and the form below never moves
			// in the page's structure.
			app.P().ID("entry-error").Class("warning").Aria("live", "assertive").Text(p.errMsg),
			app.If(p.ready, func() app.UI { return p.renderForm() }),
		},
	}
}

func (p *logEntryPage) renderForm() app.UI {
	e := p.entry
	return app.Elem("form").ID("entry-form").OnSubmit(p.onSave).Body(
		p.renderWhen(),
		app.If(e.Cramp != nil, func() app.UI { return p.renderCramp() }),
		app.If(e.Heel != nil, func() app.UI { return p.renderHeel() }),
		app.Elem("label").Attr("for", "note").Class("field-label").Text(tr(p.Lang, "Note (optional)")),
		app.Elem("textarea").ID("note").Attr("rows", 3).Attr("maxlength", 2000).Text(e.Note).OnInput(func(ctx app.Context, _ app.Event) {
			p.entry.Note = ctx.JSSrc().Get("value").String()
		}),
		app.Div().Class("actions form-actions").Body(
			app.Button().ID("save").Type("submit").Class("button big").Disabled(p.saving).Text(tr(p.Lang, "Save")),
			app.A().Class("button secondary").Href(href(p.Lang, PathLog)).Text(tr(p.Lang, "Cancel")),
		),
	)
}

func (p *logEntryPage) renderWhen() app.UI {
	now := time.Now()
	lastNight := time.Date(now.Year(), now.Month(), now.Day(), 3, 0, 0, 0, now.Location())
	if now.Before(lastNight) {
		lastNight = lastNight.AddDate(0, 0, -1)
	}
	quick := []struct {
		id, label string
		at        time.Time
	}{
		{"when-now", tr(p.Lang, "Now"), now},
		{"when-15", tr(p.Lang, "15 min ago"), now.Add(-15 * time.Minute)},
		{"when-60", tr(p.Lang, "1 hour ago"), now.Add(-time.Hour)},
		{"when-night", tr(p.Lang, "Last night"), lastNight},
	}
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text(tr(p.Lang, "When")),
		app.Div().Class("chips").Body(app.Range(quick).Slice(func(i int) app.UI {
			q := quick[i]
			return app.Button().Type("button").ID(q.id).Class("chip").Text(q.label).OnClick(func(ctx app.Context, _ app.Event) {
				p.entry.At = q.at
			})
		})),
		app.Input().Type("datetime-local").ID("when").Aria("label", tr(p.Lang, "Date and time")).
			Value(p.whenValue()).
			OnChange(func(ctx app.Context, _ app.Event) {
				if t, err := time.ParseInLocation("2006-01-02T15:04", ctx.JSSrc().Get("value").String(), time.Local); err == nil {
					p.entry.At = t
				}
			}),
	)
}

// whenValue is the date and time field's value: empty in the prerendered
// page, which is kept for days, so it never shows an old time.
func (p *logEntryPage) whenValue() string {
	if app.IsServer {
		return ""
	}
	return p.entry.At.Local().Format("2006-01-02T15:04")
}

func (p *logEntryPage) renderCramp() app.UI {
	c := p.entry.Cramp
	return app.Div().Body(
		chips(p.Lang, tr(p.Lang, "Which leg"), "leg", journal.Legs, []string{c.Leg}, true, func(v string, on bool) { c.Leg = v }),
		chips(p.Lang, tr(p.Lang, "Where"), "where", journal.Places, c.Where, false, func(v string, on bool) { c.Where = toggle(c.Where, v, on) }),
		scale("severity", tr(p.Lang, "How bad (0 none, 10 worst)"), c.Severity, func(v int) { c.Severity = v }),
		chips(p.Lang, tr(p.Lang, "How long"), "long", []string{msg("under 1 min"), msg("1-5 min"), msg("5-10 min"), msg("over 10 min")}, []string{lengthLabel(c.Seconds)}, true,
			func(v string, on bool) { c.Seconds = lengthSeconds(v) }),
		app.If(c.Seconds > 600, func() app.UI {
			return app.P().Class("warning").Body(app.Text(tr(p.Lang, "A cramp lasting over 10 minutes is a reason to see a doctor. ")), app.A().Href(href(p.Lang, PathSafety)).Text(tr(p.Lang, "Warning signs")))
		}),
		chips(p.Lang, tr(p.Lang, "What helped"), "helped", journal.Helps, c.Helped, false, func(v string, on bool) { c.Helped = toggle(c.Helped, v, on) }),
	)
}

func (p *logEntryPage) renderHeel() app.UI {
	h := p.entry.Heel
	return app.Div().Body(
		chips(p.Lang, tr(p.Lang, "Which foot"), "foot", journal.Legs, []string{h.Foot}, true, func(v string, on bool) { h.Foot = v }),
		scale("morning", tr(p.Lang, "First steps this morning (0 none, 10 worst)"), h.Morning, func(v int) { h.Morning = v }),
		scale("now", tr(p.Lang, "Pain now (0 none, 10 worst)"), h.Now, func(v int) { h.Now = v }),
	)
}

func (p *logEntryPage) onSave(ctx app.Context, ev app.Event) {
	ev.PreventDefault()
	if p.saving {
		return // a second tap while the first is saved
	}
	now := time.Now()
	e := p.entry
	e.Updated = now
	if e.Created.After(now) {
		e.Created = now
	}
	if err := e.Validate(); err != nil {
		p.errMsg = trf(p.Lang, "Please check: %s", words.Error(p.Lang, err))
		return
	}
	p.saving, p.errMsg = true, ""
	store := p.store
	ctx.Async(func() {
		if store == nil {
			store, _ = openLog(p.Lang)
		}
		err := store.Put(e)
		p.ctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if err != nil {
				// What was typed stays in the form.
				p.errMsg = saveError(p.Lang, err)
				return
			}
			browser.AskPersist()
			ctx.Navigate(href(p.Lang, PathLog))
		})
	})
}

func lengthLabel(sec int) string {
	switch {
	case sec <= 0:
		return ""
	case sec < 60:
		return "under 1 min"
	case sec <= 300:
		return "1-5 min"
	case sec <= 600:
		return "5-10 min"
	}
	return "over 10 min"
}

func lengthSeconds(label string) int {
	switch label {
	case "under 1 min":
		return 30
	case "1-5 min":
		return 180
	case "5-10 min":
		return 450
	case "over 10 min":
		return 900
	}
	return 0
}
