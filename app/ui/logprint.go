package ui

import (
	"context"
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
)

// PathLogPrint is the summary to print for a clinician.
const PathLogPrint = "/log/print"

// logPrintPage is a summary a clinician can read: the dates, the counts,
// the trend and every entry in a table, laid out for paper.
type logPrintPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	lib     *content.Library
	entries []journal.Entry
	loaded  bool
	err     error
}

func (p *logPrintPage) OnMount(ctx app.Context) {
	ctx.Async(func() {
		store, _ := openLog(p.Lang)
		entries, err := journal.ReadAll(context.Background(), store)
		ctx.Dispatch(func(ctx app.Context) { p.entries, p.err, p.loaded = entries, err, true })
	})
}

func (p *logPrintPage) Render() app.UI {
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Summary for your clinician"),
		Path:  PathLog,
		Content: []app.UI{
			app.If(p.loaded, func() app.UI { return p.renderSummary(time.Now()) }),
		},
	}
}

func (p *logPrintPage) renderSummary(now time.Time) app.UI {
	if p.err != nil {
		return app.P().ID("print-error").Class("warning").Text(trf(p.Lang, "Your log could not be read just now, so there is nothing to print. Nothing was deleted. Close the app and open it again. (%s)", p.err))
	}
	if len(p.entries) == 0 {
		return app.P().Text(tr(p.Lang, "Nothing logged yet."))
	}
	es := append([]journal.Entry(nil), p.entries...)
	journal.SortNewest(es)
	first, last := es[len(es)-1].At, es[0].At
	counts := map[journal.Kind]int{}
	for _, e := range es {
		counts[e.Kind]++
	}
	nights := journal.Nights(es, now.AddDate(0, 0, -7*12+1), now)
	return app.Div().ID("print-summary").Class("print").Body(
		app.Button().ID("print-now").Class("button no-print").Text(tr(p.Lang, "Print")).OnClick(func(app.Context, app.Event) {
			browser.Print()
		}),
		app.P().Text(tr(p.Lang, "From Calf & Sole, a self-care log kept by the patient on their phone. Self-reported; not a medical record.")),
		app.P().Body(app.Elem("strong").Text(tr(p.Lang, "Period: ")), app.Text(trf(p.Lang, "%s to %s", words.Day(p.Lang, first.Local()), words.Day(p.Lang, last.Local())))),
		app.P().Body(app.Elem("strong").Text(tr(p.Lang, "Entries: ")), app.Text(
			trf(p.Lang, "%d leg cramps, %d heel pain entries, %d self-care routines.", counts[journal.KindCramp], counts[journal.KindHeel], counts[journal.KindRoutine]))),
		app.P().Text(journal.SummaryIn(p.Lang, es, now, 14)),
		app.H2().Text(tr(p.Lang, "Last 12 weeks")),
		app.Raw(crampChart(p.Lang, nights)),
		app.P().Text(routineCompare(p.Lang, nights)),
		app.H2().Text(tr(p.Lang, "All entries")),
		app.Elem("table").Class("entries").Body(
			app.Elem("thead").Body(app.Elem("tr").Body(app.Elem("th").Text(tr(p.Lang, "When")), app.Elem("th").Text(tr(p.Lang, "What")), app.Elem("th").Text(tr(p.Lang, "Details")), app.Elem("th").Text(tr(p.Lang, "Note")))),
			app.Elem("tbody").Body(app.Range(es).Slice(func(i int) app.UI {
				e := es[i]
				return app.Elem("tr").Body(
					app.Elem("td").Text(words.Day(p.Lang, e.At.Local())+" "+words.Clock(e.At.Local())),
					app.Elem("td").Text(entryTitle(p.Lang, p.lib, e)),
					app.Elem("td").Text(entryDetail(p.Lang, e)),
					app.Elem("td").Text(e.Note),
				)
			})),
		),
	)
}
