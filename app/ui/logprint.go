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
	l := p.Lang
	var m markup
	m.open("div").
		elem("p", tr(l, "From Calf & Sole, a self-care log kept by the patient on their phone. Self-reported; not a medical record.")).
		open("p").elem("strong", tr(l, "Period: ")).text(trf(l, "%s to %s", words.Day(l, first.Local()), words.Day(l, last.Local()))).close("p").
		open("p").elem("strong", tr(l, "Entries: ")).
		text(trf(l, "%d leg cramps, %d heel pain entries, %d self-care routines.", counts[journal.KindCramp], counts[journal.KindHeel], counts[journal.KindRoutine])).
		close("p").
		elem("p", journal.SummaryIn(l, es, now, 14)).
		elem("h2", tr(l, "Last 12 weeks")).
		trusted(crampChart(l, nights)).
		elem("p", routineCompare(l, nights)).
		elem("h2", tr(l, "All entries")).
		open("table", "class", "entries").open("thead").open("tr").
		elem("th", tr(l, "When")).elem("th", tr(l, "What")).elem("th", tr(l, "Details")).elem("th", tr(l, "Note")).
		close("tr").close("thead").open("tbody")
	for _, e := range es {
		m.open("tr").
			elem("td", words.Day(l, e.At.Local())+" "+words.Clock(e.At.Local())).
			elem("td", entryTitle(l, p.lib, e)).
			elem("td", entryDetail(l, e)).
			elem("td", e.Note).
			close("tr")
	}
	m.close("tbody").close("table").close("div")
	return app.Div().ID("print-summary").Class("print").Body(
		app.Button().ID("print-now").Class("button no-print").Text(tr(l, "Print")).OnClick(func(app.Context, app.Event) {
			browser.Print()
		}),
		m.ui(),
	)
}
