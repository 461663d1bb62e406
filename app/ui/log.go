package ui

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PathLogEntry is the form to log (or, with ?id=, edit) an entry; ?kind=
// picks a cramp or heel pain.
const PathLogEntry = "/log/entry"

// nightsPerPage is how many nights of history show at once: the history
// renders a page at a time, never ten years at once.
const nightsPerPage = 14

// logPage is the symptom log: quick buttons, a plain-language summary,
// trends drawn as SVG, the history by night, export, import and a summary
// to print for a clinician. Everything stays on this phone.
type logPage struct {
	app.Compo

	store    logStore
	entries  []journal.Entry
	loaded   bool
	warning  string
	message  string
	weeks    int
	shown    int
	undo     *journal.Entry
	stopSync func()
}

func (p *logPage) OnMount(ctx app.Context) {
	p.weeks, p.shown = 4, nightsPerPage
	ctx.Async(func() { p.load(ctx) })
	js := app.Window().Get("calfsoleStore")
	if js.Truthy() {
		// Another tab changed the log: read it again, losing nothing.
		f := app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Async(func() { p.load(ctx) })
			return nil
		})
		js.Call("onChange", f)
		p.stopSync = func() {
			js.Call("onChange", nil)
			f.Release()
		}
	}
}

func (p *logPage) OnDismount() {
	if p.stopSync != nil {
		p.stopSync()
	}
}

// load opens the storage, moves the first version's routine history into
// it, and reads every entry.
func (p *logPage) load(ctx app.Context) {
	store, warning := openStore()
	migrateHistory(ctx, store)
	entries, setAside, err := store.All()
	ctx.Dispatch(func(ctx app.Context) {
		p.store, p.warning, p.loaded = store, warning, true
		p.entries = entries
		if err != nil {
			p.warning = "The log could not be read: " + err.Error()
		}
		if setAside > 0 {
			p.message = strconv.Itoa(setAside) + " damaged record(s) could not be read. They were set aside; everything else is here."
		}
	})
}

func (p *logPage) Render() app.UI {
	now := time.Now()
	return &shell{
		Title: "Your log",
		Path:  PathLog,
		Content: []app.UI{
			app.If(p.warning != "", func() app.UI { return app.P().ID("log-warning").Class("warning").Text(p.warning) }),
			app.If(p.message != "", func() app.UI {
				return app.P().ID("log-message").Class("callout").Aria("live", "polite").Text(p.message)
			}),
			app.Div().Class("actions").Body(
				app.A().ID("log-cramp").Class("button big").Href(prefixed(PathLogEntry+"?kind=cramp")).Text("Log a cramp"),
				app.A().ID("log-heel").Class("button big secondary").Href(prefixed(PathLogEntry+"?kind=heel")).Text("Log heel pain"),
			),
			app.If(p.undo != nil, func() app.UI {
				return app.P().ID("undo").Class("notice-inline").Body(
					app.Text("Entry deleted. "),
					app.Button().ID("undo-button").Class("link-button").Text("Undo").OnClick(p.onUndo),
				)
			}),
			app.If(!p.loaded, func() app.UI { return app.P().Class("small").Text("Your log stays on this phone. Opening it…") }),
			app.If(p.loaded, func() app.UI { return p.renderLog(now) }),
		},
	}
}

func (p *logPage) renderLog(now time.Time) app.UI {
	if len(p.entries) == 0 {
		return app.Div().Body(
			app.P().Class("lead").Text("Nothing logged yet."),
			app.P().Text("Log a cramp or heel pain when it happens. Routines you do are added by themselves. What you log stays on this phone; it is never sent anywhere."),
			app.P().Class("small").Text("When you first save, the app asks your browser to keep the log for good, so the phone does not clear it to free space. Save a backup now and then too."),
			p.renderTransfer(),
		)
	}
	groups := journal.ByNight(p.entries)
	shown := groups
	if len(shown) > p.shown {
		shown = shown[:p.shown]
	}
	return app.Div().Body(
		app.P().ID("summary").Class("lead").Text(journal.Summary(p.entries, now, 14)),
		p.renderTrends(now),
		app.H2().Text("History"),
		app.Div().ID("history").Body(app.Range(shown).Slice(func(i int) app.UI { return p.renderNight(shown[i]) })),
		app.If(len(groups) > len(shown), func() app.UI {
			return app.Button().ID("more").Class("button secondary").Text("Show earlier nights").OnClick(p.onMore)
		}),
		p.renderTransfer(),
	)
}

func (p *logPage) renderNight(g journal.NightGroup) app.UI {
	return app.Elem("section").Class("night").Body(
		app.H3().Text("Night of "+g.Night.Format("Mon 2 Jan 2006")),
		app.Elem("ul").Class("history").Body(app.Range(g.Entries).Slice(func(i int) app.UI {
			e := g.Entries[i]
			return app.Elem("li").Class("card-plain entry").Body(
				app.Elem("strong").Text(entryTitle(e)),
				app.P().Class("meta").Text(e.At.Local().Format("15:04")+" · "+entryDetail(e)),
				app.If(e.Note != "", func() app.UI { return app.P().Class("note").Text(e.Note) }),
				app.Div().Class("entry-actions").Body(
					app.If(e.Kind != journal.KindRoutine, func() app.UI {
						return app.A().Class("link-button").Href(prefixed(PathLogEntry + "?id=" + e.ID)).Text("Edit")
					}),
					app.Button().Class("link-button").Aria("label", "Delete "+entryTitle(e)+" at "+e.At.Local().Format("15:04")).
						Text("Delete").OnClick(p.onDelete(e)),
				),
			)
		})),
	)
}

// renderTrends draws cramps per night over the chosen weeks, morning heel
// pain, and nights with the routine beside nights without.
func (p *logPage) renderTrends(now time.Time) app.UI {
	nights := journal.Nights(p.entries, now.AddDate(0, 0, -7*p.weeks+1), now)
	return app.Elem("section").ID("trends").Class("trends").Body(
		app.H2().Text("Trends"),
		app.Div().Class("segmented").Role("group").Aria("label", "Period").Body(
			app.Range([]int{4, 12, 52}).Slice(func(i int) app.UI {
				w := []int{4, 12, 52}[i]
				return app.Button().ID("weeks-"+strconv.Itoa(w)).Class("seg").Aria("pressed", p.weeks == w).
					Text(strconv.Itoa(w) + " weeks").OnClick(p.onWeeks(w))
			}),
		),
		app.Raw(crampChart(nights)),
		app.P().Class("small").Text("Bars: cramps each night. A dot under a bar: the routine was done that night."),
		app.If(hasHeel(nights), func() app.UI { return app.Raw(heelChart(nights)) }),
		app.P().ID("routine-compare").Text(routineCompare(nights)),
	)
}

func (p *logPage) renderTransfer() app.UI {
	return app.Elem("section").ID("transfer").Body(
		app.H2().Text("Keep a copy, or move to a new phone"),
		app.Div().Class("actions").Body(
			app.Button().ID("export-json").Class("button secondary").Text("Save a backup").OnClick(p.onExportJSON),
			app.Button().ID("export-csv").Class("button secondary").Text("Save as a spreadsheet (CSV)").OnClick(p.onExportCSV),
			app.Button().ID("print").Class("button secondary").Text("Print for your clinician").OnClick(p.onPrint),
		),
		app.Elem("label").Attr("for", "import").Class("small").Text("Bring in a backup from another phone (a Calf & Sole .json file):"),
		app.Input().ID("import").Type("file").Accept(".json,application/json").OnChange(p.onImport),
	)
}

func (p *logPage) onWeeks(w int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.weeks = w }
}

func (p *logPage) onMore(ctx app.Context, e app.Event) { p.shown += nightsPerPage }

func (p *logPage) onDelete(entry journal.Entry) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		store := p.store
		ctx.Async(func() {
			err := store.Delete(entry.ID)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.message = "Could not delete: " + err.Error()
					return
				}
				p.entries = without(p.entries, entry.ID)
				p.undo = &entry
				p.message = ""
			})
		})
	}
}

func (p *logPage) onUndo(ctx app.Context, e app.Event) {
	entry, store := *p.undo, p.store
	ctx.Async(func() {
		err := store.Put(entry)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.message = "Could not bring it back: " + err.Error()
				return
			}
			p.entries = append(p.entries, entry)
			p.undo = nil
		})
	})
}

func (p *logPage) onExportJSON(ctx app.Context, e app.Event) {
	var b bytes.Buffer
	if err := journal.WriteBackup(&b, p.entries, time.Now()); err != nil {
		p.message = "Could not make the backup: " + err.Error()
		return
	}
	download("calf-and-sole-backup-"+time.Now().Format("2006-01-02")+".json", "application/json", b.String())
}

func (p *logPage) onExportCSV(ctx app.Context, e app.Event) {
	var b bytes.Buffer
	if err := journal.WriteCSV(&b, p.entries); err != nil {
		p.message = "Could not make the spreadsheet: " + err.Error()
		return
	}
	download("calf-and-sole-log-"+time.Now().Format("2006-01-02")+".csv", "text/csv", b.String())
}

func (p *logPage) onPrint(ctx app.Context, e app.Event) {
	ctx.Navigate(prefixed(PathLogPrint))
}

// onImport reads a backup file, checks all of it, then merges it in by
// entry ID; a bad file changes nothing.
func (p *logPage) onImport(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Length() == 0 {
		return
	}
	file := files.Index(0)
	if file.Get("size").Int() > journal.MaxImport {
		p.message = "That file is over 10 MB, too big to be a Calf & Sole backup. Nothing was changed."
		return
	}
	store, existing := p.store, p.entries
	ctx.Async(func() {
		text, err := await(file.Call("text"))
		msg := ""
		var merged []journal.Entry
		if err != nil {
			msg = "Could not read the file. Nothing was changed."
		} else if in, err := journal.ReadBackup(strings.NewReader(text.String())); err != nil {
			msg = "This file cannot be imported: " + err.Error() + ". Nothing was changed."
		} else {
			var added, updated int
			merged, added, updated = journal.Merge(existing, in)
			if err := store.Put(changedEntries(existing, merged)...); err != nil {
				msg = saveError(err) + " Nothing was changed."
				merged = nil
			} else {
				msg = "Backup imported: " + strconv.Itoa(added) + " new, " + strconv.Itoa(updated) + " updated."
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.message = msg
			if merged != nil {
				p.entries = merged
			}
			ctx.JSSrc().Set("value", "")
		})
	})
}

// changedEntries are the entries of merged that are new or newer than in
// existing.
func changedEntries(existing, merged []journal.Entry) []journal.Entry {
	old := make(map[string]time.Time, len(existing))
	for _, e := range existing {
		old[e.ID] = e.Updated
	}
	var out []journal.Entry
	for _, e := range merged {
		if t, ok := old[e.ID]; !ok || e.Updated.After(t) {
			out = append(out, e)
		}
	}
	return out
}

func without(es []journal.Entry, id string) []journal.Entry {
	out := make([]journal.Entry, 0, len(es))
	for _, e := range es {
		if e.ID != id {
			out = append(out, e)
		}
	}
	return out
}

// download saves text as a file on the phone, offline.
func download(name, mime, text string) {
	if js := app.Window().Get("calfsoleStore"); js.Truthy() {
		js.Call("download", name, mime, text)
	}
}

// saveError says what went wrong writing, in plain words.
func saveError(err error) string {
	if err == errStorageFull {
		return "Your phone's storage is full, so this was not saved. Free some space, then try again."
	}
	return "This could not be saved: " + err.Error() + "."
}

func entryTitle(e journal.Entry) string {
	switch e.Kind {
	case journal.KindCramp:
		return "Leg cramp"
	case journal.KindHeel:
		return "Heel pain"
	case journal.KindRoutine:
		if e.Routine != nil {
			return e.Routine.Title
		}
	}
	return "Entry"
}

func entryDetail(e journal.Entry) string {
	switch {
	case e.Cramp != nil:
		c := e.Cramp
		parts := []string{legWord(c.Leg) + " " + strings.Join(c.Where, ", "), "how bad " + strconv.Itoa(c.Severity) + "/10"}
		if c.Seconds > 0 {
			parts = append(parts, routine.FormatDuration(time.Duration(c.Seconds)*time.Second))
		}
		if len(c.Helped) > 0 {
			parts = append(parts, "helped: "+strings.Join(c.Helped, ", "))
		}
		return strings.Join(parts, " · ")
	case e.Heel != nil:
		return legWord(e.Heel.Foot) + " foot · first steps " + strconv.Itoa(e.Heel.Morning) + "/10 · now " + strconv.Itoa(e.Heel.Now) + "/10"
	case e.Routine != nil:
		state := "finished"
		if !e.Routine.Completed {
			state = "stopped early"
		}
		return state + " · " + strconv.Itoa(len(e.Routine.Steps)) + " steps done"
	}
	return ""
}

func legWord(s string) string {
	switch s {
	case "left":
		return "Left"
	case "right":
		return "Right"
	}
	return "Both"
}

func sortByAt(es []journal.Entry) {
	sort.Slice(es, func(i, j int) bool { return es[i].At.After(es[j].At) })
}
