package ui

import (
	"context"
	"strconv"
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

	entries []journal.Entry
	loaded  bool
	err     error
}

func (p *logPrintPage) OnMount(ctx app.Context) {
	ctx.Async(func() {
		store, _ := openLog()
		entries, err := journal.ReadAll(context.Background(), store)
		ctx.Dispatch(func(ctx app.Context) { p.entries, p.err, p.loaded = entries, err, true })
	})
}

func (p *logPrintPage) Render() app.UI {
	return &shell{
		Title: "Summary for your clinician",
		Path:  PathLog,
		Content: []app.UI{
			app.If(p.loaded, func() app.UI { return p.renderSummary(time.Now()) }),
		},
	}
}

func (p *logPrintPage) renderSummary(now time.Time) app.UI {
	if p.err != nil {
		return app.P().ID("print-error").Class("warning").Text("Your log could not be read just now, so there is nothing to print. Nothing was deleted. Close the app and open it again. (" + p.err.Error() + ")")
	}
	if len(p.entries) == 0 {
		return app.P().Text("Nothing logged yet.")
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
		app.Button().ID("print-now").Class("button no-print").Text("Print").OnClick(func(app.Context, app.Event) {
			browser.Print()
		}),
		app.P().Text("From Calf & Sole, a self-care log kept by the patient on their phone. Self-reported; not a medical record."),
		app.P().Body(app.Elem("strong").Text("Period: "), app.Text(first.Local().Format("2 Jan 2006")+" to "+last.Local().Format("2 Jan 2006"))),
		app.P().Body(app.Elem("strong").Text("Entries: "), app.Text(
			strconv.Itoa(counts[journal.KindCramp])+" leg cramps, "+strconv.Itoa(counts[journal.KindHeel])+" heel pain entries, "+
				strconv.Itoa(counts[journal.KindRoutine])+" self-care routines.")),
		app.P().Text(journal.Summary(es, now, 14)),
		app.H2().Text("Last 12 weeks"),
		app.Raw(crampChart(nights)),
		app.P().Text(routineCompare(nights)),
		app.H2().Text("All entries"),
		app.Elem("table").Class("entries").Body(
			app.Elem("thead").Body(app.Elem("tr").Body(app.Elem("th").Text("When"), app.Elem("th").Text("What"), app.Elem("th").Text("Details"), app.Elem("th").Text("Note"))),
			app.Elem("tbody").Body(app.Range(es).Slice(func(i int) app.UI {
				e := es[i]
				return app.Elem("tr").Body(
					app.Elem("td").Text(e.At.Local().Format("2 Jan 2006 15:04")),
					app.Elem("td").Text(entryTitle(e)),
					app.Elem("td").Text(entryDetail(e)),
					app.Elem("td").Text(e.Note),
				)
			})),
		),
	)
}
