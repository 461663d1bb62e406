package ui

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
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

	// ctx is the page's own context: answers from storage come back
	// through it, not through the tapped element's, which a render may
	// have replaced meanwhile (go-app then drops the answer).
	ctx     app.Context
	store   logStore
	entries []journal.Entry // newest first
	// loaded: the newest nights and the trend are read; complete: every
	// entry is.
	loaded, complete bool
	// readFailed: storage failed partway; exports wait for a full read.
	readFailed bool
	// loads counts reads of the log; a read that a newer one replaced, or
	// the page closing, stops and drops its results.
	loads atomic.Int64
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
	js := app.Window().Get("calfsoleStore")
	if js.Truthy() {
		// Another tab changed the log: read it again, losing nothing.
		f := app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(p.reload)
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
	p.loads.Add(1) // a read still going stops
}

// Records are read from storage firstBatch at a time until the screen's
// nights and trend are in, then readBatch at a time, decoded decodeBatch
// at a time (about 10 ms of work on a phone) with pauses between, so the
// page answers taps meanwhile.
const (
	firstBatch  = 60
	readBatch   = 1000
	decodeBatch = 200
)

// reload reads the log again from storage, dropping any read in progress.
// It runs on the UI goroutine.
func (p *logPage) reload(app.Context) {
	ctx := p.ctx
	p.loads.Add(1)
	p.complete, p.readFailed = false, false
	load, since := p.loads.Load(), time.Now().AddDate(0, 0, -7*p.weeks)
	ctx.Async(func() { p.load(ctx, load, since) })
}

// load opens the storage, moves the first version's routine history into
// it, and reads the log, newest first: first what the screen shows (the
// newest nights and the trend since since), shown at once, then the rest.
func (p *logPage) load(ctx app.Context, load int64, since time.Time) {
	store, warning := openStore()
	migrateHistory(ctx, store)
	pager := store.Newest()
	r := journal.NewReader(nil)
	var err error
	done := false
	for !done && err == nil && !journal.Covers(r.Entries, since, nightsPerPage) {
		var recs []journal.Record
		recs, done, err = pager.Next(firstBatch)
		r.Add(recs...)
		r.Read(len(recs))
	}
	// Each screen update gets its own view of the entries (a full slice
	// expression), so a later append never writes under it.
	n := len(r.Entries)
	first := r.Entries[:n:n]
	var asideErr error
	if done && err == nil {
		asideErr = p.setAside(load, store, r.Bad)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if load != p.loads.Load() {
			return
		}
		p.store, p.warning, p.loaded = store, warning, true
		p.entries = first
		switch {
		case err != nil:
			p.readFailedWith(err)
		case done:
			p.finishLoad(ctx, len(r.Bad), asideErr)
		}
	})
	if done || err != nil {
		return
	}
	for !done && err == nil {
		if load != p.loads.Load() {
			return // replaced by a newer read, or the page closed
		}
		var recs []journal.Record
		recs, done, err = pager.Next(readBatch)
		r.Add(recs...)
		for !r.Read(decodeBatch) {
			time.Sleep(time.Millisecond) // let the page paint and answer taps
		}
	}
	n = len(r.Entries)
	all := r.Entries[:n:n]
	if err == nil {
		asideErr = p.setAside(load, store, r.Bad)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if load != p.loads.Load() {
			return
		}
		p.entries = all
		if err != nil {
			p.readFailedWith(err)
			return
		}
		p.finishLoad(ctx, len(r.Bad), asideErr)
	})
}

// setAside moves the records that could not be read out of the log, kept
// apart, before the person is told; only for the read still current, so
// two reads never do it twice. It blocks.
func (p *logPage) setAside(load int64, store logStore, bad []journal.Record) error {
	if len(bad) == 0 || load != p.loads.Load() {
		return nil
	}
	return store.SetAside(bad...)
}

// readFailedWith says the log could not be read in full. A file asked for
// meanwhile is not made: a file of part of the log would pass for all of
// it.
func (p *logPage) readFailedWith(err error) {
	p.warning = "Your log could not be read just now. Nothing was deleted. Close the app and open it again. (" + err.Error() + ")"
	p.readFailed = true
	if p.afterLoad != nil {
		p.afterLoad = nil
		p.message = noFileMessage
	}
}

// noFileMessage says an export was not made because the log could not be
// read in full.
const noFileMessage = "Your whole log could not be read, so no file was made. Close the app and open it again, then try once more."

// finishLoad marks the log read in full, says how many records were set
// aside (bad), and runs what waited for the whole log.
func (p *logPage) finishLoad(ctx app.Context, bad int, asideErr error) {
	p.complete = true
	switch {
	case bad == 1 && asideErr == nil:
		p.message = "1 entry was damaged and could not be read. It was put aside, kept but out of the way; everything else is here."
	case bad > 1 && asideErr == nil:
		p.message = strconv.Itoa(bad) + " entries were damaged and could not be read. They were put aside, kept but out of the way; everything else is here."
	case bad > 0:
		p.message = "Some entries are damaged and could not be read (" + strconv.Itoa(bad) + "). Everything else is here."
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
		p.message = noFileMessage
		return
	}
	p.message = "Reading your whole log…"
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
		Title: "Your log",
		Path:  PathLog,
		Content: []app.UI{
			// Always there, empty when there is nothing to say: a screen
			// reader announces what appears in them.
			app.P().ID("log-warning").Class("warning").Aria("live", "polite").Text(p.warning),
			app.P().ID("log-message").Class("callout").Aria("live", "polite").Text(p.message),
			app.Div().Class("actions").Body(
				app.A().ID("log-cramp").Class("button big").Href(prefixed(PathLogCramp)).Text("Log a cramp"),
				app.A().ID("log-heel").Class("button big secondary").Href(prefixed(PathLogHeel)).Text("Log heel pain"),
			),
			app.If(p.undo != nil, func() app.UI {
				return app.P().ID("undo").Class("notice-inline").Body(
					app.Text("Entry deleted. "),
					app.Button().ID("undo-button").Class("link-button").Text("Undo").OnClick(p.onUndo),
				)
			}),
			app.If(!p.loaded, func() app.UI { return app.P().Class("small").Text("Your log stays on this phone. Opening it…") }),
			app.If(p.loaded, func() app.UI { return &backupStatus{Entries: p.entries, Complete: p.complete, Save: p.onExportJSON} }),
			app.If(p.loaded, func() app.UI { return p.renderLog(now) }),
		},
	}
}

func (p *logPage) renderLog(now time.Time) app.UI {
	if len(p.entries) == 0 {
		return app.Div().Body(
			app.P().Class("lead").Text("Nothing logged yet."),
			app.P().Text("Log a cramp or heel pain when it happens. Routines you do are added by themselves. What you log stays on this phone; it is never sent anywhere."),
			app.If(canPersist(), func() app.UI {
				return app.P().Class("small").Text("When you first save, the app asks your browser to keep the log for good, so the phone does not clear it to free space. Save a backup now and then too.")
			}).Else(func() app.UI {
				return app.P().ID("persist-missing").Class("small").Text("This browser cannot promise to keep the log: it may clear it when the phone runs short of space. Save a backup now and then.")
			}),
			p.renderTransfer(),
		)
	}
	groups := journal.ByNight(p.entries)
	shown := groups
	if len(shown) > p.shown {
		shown = shown[:p.shown]
	}
	read := "part"
	if p.complete {
		read = "all"
	}
	// data-read says whether every entry is read yet (tests and the
	// benchmark wait on it).
	return app.Div().ID("log-view").DataSet("read", read).Body(
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
	since := now.AddDate(0, 0, -7*p.weeks+1)
	ready := p.complete || journal.Covers(p.entries, since, 0)
	var nights []journal.NightStat
	if ready {
		nights = journal.Nights(p.entries, since, now)
	}
	return app.Elem("section").ID("trends").Class("trends").Body(
		app.H2().Text("Trends"),
		app.Div().Class("segmented").Role("group").Aria("label", "Period").Body(
			app.Range([]int{4, 12, 52}).Slice(func(i int) app.UI {
				w := []int{4, 12, 52}[i]
				return app.Button().ID("weeks-"+strconv.Itoa(w)).Class("seg").Aria("pressed", p.weeks == w).
					Text(strconv.Itoa(w) + " weeks").OnClick(p.onWeeks(w))
			}),
		),
		app.If(!ready, func() app.UI { return app.P().ID("trends-wait").Class("small").Text("Reading older entries…") }),
		app.If(ready, func() app.UI {
			return app.Div().Body(
				app.Raw(crampChart(nights)),
				app.P().Class("small").Text("Bars: cramps each night. A dot under a bar: the routine was done that night."),
				app.If(hasHeel(nights), func() app.UI { return app.Raw(heelChart(nights)) }),
				app.P().ID("routine-compare").Text(routineCompare(nights)),
			)
		}),
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
			p.ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.message = "Could not delete: " + err.Error()
					return
				}
				p.entries = without(p.entries, entry.ID)
				p.undo = &entry
				p.message = ""
				p.changed(ctx)
			})
		})
	}
}

func (p *logPage) onUndo(ctx app.Context, e app.Event) {
	entry, store := *p.undo, p.store
	ctx.Async(func() {
		err := store.Put(entry)
		p.ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.message = "Could not bring it back: " + err.Error()
				return
			}
			p.entries = append(p.entries, entry)
			sortByAt(p.entries)
			p.undo = nil
			p.changed(ctx)
		})
	})
}

func (p *logPage) onExportJSON(ctx app.Context, e app.Event) {
	p.whenComplete(ctx, p.exportJSON)
}

func (p *logPage) exportJSON(ctx app.Context) {
	var b bytes.Buffer
	if err := journal.WriteBackup(&b, p.entries, time.Now()); err != nil {
		p.message = "Could not make the backup: " + err.Error()
		return
	}
	download("calf-and-sole-backup-"+time.Now().Format("2006-01-02")+".json", "application/json", b.String())
	recordBackup(ctx, time.Now())
}

func (p *logPage) onExportCSV(ctx app.Context, e app.Event) {
	p.whenComplete(ctx, p.exportCSV)
}

func (p *logPage) exportCSV(ctx app.Context) {
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
	input := ctx.JSSrc()
	files := input.Get("files")
	if files.Length() == 0 {
		return
	}
	file := files.Index(0)
	if file.Get("size").Int() > journal.MaxImport {
		p.message = "That file is over 10 MB, too big to be a Calf & Sole backup. Nothing was changed."
		return
	}
	store := p.store
	ctx.Async(func() {
		text, err := await(file.Call("text"))
		msg := ""
		var merged, existing []journal.Entry
		if err != nil {
			msg = "Could not read the file. Nothing was changed."
		} else if in, err := journal.ReadBackup(strings.NewReader(text.String())); err != nil {
			msg = "This file cannot be imported: " + err.Error() + ". Nothing was changed."
		} else if existing, err = readLog(store); err != nil {
			// Merged against the whole stored log, never a part of it.
			msg = "Your log could not be read, so nothing was imported: " + err.Error() + "."
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
		input.Set("value", "") // the same file can be chosen again
		p.ctx.Dispatch(func(ctx app.Context) {
			p.message = msg
			if merged != nil {
				sortByAt(merged)
				p.entries = merged
				p.changed(ctx)
			}
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

// readLog reads and decodes the whole stored log, newest first. It
// blocks: call it from ctx.Async.
func readLog(store logStore) ([]journal.Entry, error) {
	recs, err := store.Records()
	if err != nil {
		return nil, err
	}
	r := journal.NewReader(recs)
	r.Read(len(recs))
	return r.Entries, nil
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

// canPersist says whether the browser can be asked to keep the log for
// good (web/store.js).
func canPersist() bool {
	st := app.Window().Get("calfsoleStore")
	return !st.Truthy() || st.Get("canPersist").Bool()
}
