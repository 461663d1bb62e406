package ui

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/content"
)

// The log screen's backups, spreadsheet, printing and import.

func (p *logPage) renderTransfer() app.UI {
	return app.Elem("section").ID("transfer").Body(
		app.H2().Text(tr(p.Lang, "Keep a copy, or move to a new phone")),
		app.Div().Class("actions").Body(
			app.Button().ID("export-json").Class("button secondary").Text(tr(p.Lang, "Save a backup")).OnClick(p.onExportJSON),
			app.Button().ID("export-csv").Class("button secondary").Text(tr(p.Lang, "Save as a spreadsheet (CSV)")).OnClick(p.onExportCSV),
			app.Button().ID("print").Class("button secondary").Text(tr(p.Lang, "Print for your clinician")).OnClick(p.onPrint),
		),
		app.Elem("label").Attr("for", "import").Class("small").Text(tr(p.Lang, "Bring in a backup from another phone (a Calf & Sole .json file):")),
		app.Input().ID("import").Type("file").Accept(".json,application/json").OnChange(p.onImport),
	)
}

func (p *logPage) onExportJSON(ctx app.Context, e app.Event) {
	p.whenComplete(ctx, p.exportJSON)
}

func (p *logPage) exportJSON(ctx app.Context) {
	var b bytes.Buffer
	if err := journal.WriteBackup(&b, p.entries, time.Now()); err != nil {
		p.message = trf(p.Lang, "Could not make the backup: %s", problem(p.Lang, err))
		return
	}
	browser.Download("calf-and-sole-backup-"+time.Now().Format("2006-01-02")+".json", "application/json", b.String())
	recordBackup(ctx, time.Now())
}

func (p *logPage) onExportCSV(ctx app.Context, e app.Event) {
	p.whenComplete(ctx, p.exportCSV)
}

func (p *logPage) exportCSV(ctx app.Context) {
	var b bytes.Buffer
	if err := journal.WriteCSVIn(&b, p.entries, p.Lang); err != nil {
		p.message = trf(p.Lang, "Could not make the spreadsheet: %s", problem(p.Lang, err))
		return
	}
	browser.Download("calf-and-sole-log-"+time.Now().Format("2006-01-02")+".csv", "text/csv", b.String())
}

func (p *logPage) onPrint(ctx app.Context, e app.Event) {
	ctx.Navigate(href(p.Lang, PathLogPrint))
}

// onImport reads a backup file, checks all of it, then merges it in by
// entry ID; a bad file changes nothing.
func (p *logPage) onImport(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	file, ok := browser.ChosenFile(input)
	if !ok {
		return
	}
	if file.Size() > journal.MaxImport {
		p.message = tr(p.Lang, "That file is over 10 MB, too big to be a Calf & Sole backup. Nothing was changed.")
		return
	}
	store := p.store
	ctx.Async(func() {
		var got journal.Imported
		text, err := file.Text()
		if err == nil {
			got, err = journal.Import(context.Background(), store, strings.NewReader(text))
		}
		browser.ClearChoice(input) // the same file can be chosen again
		p.ctx.Dispatch(func(ctx app.Context) {
			p.message = importMessage(p.Lang, got, err)
			if err == nil {
				p.entries = got.Entries
				p.changed(ctx)
			}
		})
	})
}

// importMessage says what an import did, or why it did nothing.
func importMessage(l content.Lang, got journal.Imported, err error) string {
	var ie *journal.ImportError
	switch {
	case err == nil:
		return trf(l, "Backup imported: %d new, %d updated.", got.Added, got.Updated)
	case !errors.As(err, &ie):
		return tr(l, "Could not read the file. Nothing was changed.")
	case ie.Step == journal.ImportFile:
		// What is wrong, in the page's language (app/journal says it in parts).
		return trf(l, "This file cannot be imported: %s. Nothing was changed.", problem(l, ie.Err))
	case ie.Step == journal.ImportRead:
		// Merged against the whole stored log, never a part of it.
		return trf(l, "Your log could not be read, so nothing was imported: %s.", problem(l, ie.Err))
	}
	return saveError(l, ie.Err) + tr(l, " Nothing was changed.")
}

// saveError says what went wrong writing, in plain words.
func saveError(l content.Lang, err error) string {
	if errors.Is(err, journal.ErrStorageFull) {
		return tr(l, "Your phone's storage is full, so this was not saved. Free some space, then try again.")
	}
	return trf(l, "This could not be saved: %s.", problem(l, err))
}
