package ui

import (
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/app/routine"
)

// The log screen's history and trends.

func (p *logPage) renderLog(now time.Time) app.UI {
	if len(p.entries) == 0 {
		return app.Div().Body(
			app.P().Class("lead").Text(tr(p.Lang, "Nothing logged yet.")),
			app.P().Text(tr(p.Lang, "Log a cramp or heel pain when it happens. Routines you do are added by themselves. What you log stays on this phone; it is never sent anywhere.")),
			app.If(browser.CanPersist(), func() app.UI {
				return app.P().Class("small").Text(tr(p.Lang, "When you first save, the app asks your browser to keep the log for good, so the phone does not clear it to free space. Save a backup now and then too."))
			}).Else(func() app.UI {
				return app.P().ID("persist-missing").Class("small").Text(tr(p.Lang, "This browser cannot promise to keep the log: it may clear it when the phone runs short of space. Save a backup now and then."))
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
		app.P().ID("summary").Class("lead").Text(journal.SummaryIn(p.Lang, p.entries, now, 14)),
		p.renderTrends(now),
		app.H2().Text(tr(p.Lang, "History")),
		app.Div().ID("history").Body(app.Range(shown).Slice(func(i int) app.UI { return p.renderNight(shown[i]) })),
		app.If(len(groups) > len(shown), func() app.UI {
			return app.Button().ID("more").Class("button secondary").Text(tr(p.Lang, "Show earlier nights")).OnClick(p.onMore)
		}),
		p.renderTransfer(),
	)
}

func (p *logPage) renderNight(g journal.NightGroup) app.UI {
	return app.Elem("section").Class("night").Body(
		app.H3().Text(trf(p.Lang, "Night of %s", words.Date(p.Lang, g.Night))),
		app.Elem("ul").Class("history").Body(app.Range(g.Entries).Slice(func(i int) app.UI {
			e := g.Entries[i]
			return app.Elem("li").Class("card-plain entry").Body(
				app.Elem("strong").Text(entryTitle(p.Lang, p.lib, e)),
				app.P().Class("meta").Text(words.Clock(e.At.Local())+" · "+entryDetail(p.Lang, e)),
				app.If(e.Note != "", func() app.UI { return app.P().Class("note").Text(e.Note) }),
				app.Div().Class("entry-actions").Body(
					app.If(e.Kind != journal.KindRoutine, func() app.UI {
						return app.A().Class("link-button").Href(href(p.Lang, PathLogEntry+"?id="+e.ID)).Text(tr(p.Lang, "Edit"))
					}),
					app.Button().Class("link-button").Aria("label", trf(p.Lang, "Delete %s at %s", entryTitle(p.Lang, p.lib, e), words.Clock(e.At.Local()))).
						Text(tr(p.Lang, "Delete")).OnClick(p.onDelete(e)),
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
		app.H2().Text(tr(p.Lang, "Trends")),
		app.Div().Class("segmented").Role("group").Aria("label", tr(p.Lang, "Period")).Body(
			app.Range([]int{4, 12, 52}).Slice(func(i int) app.UI {
				w := []int{4, 12, 52}[i]
				return app.Button().ID("weeks-"+strconv.Itoa(w)).Class("seg").Aria("pressed", p.weeks == w).
					Text(trf(p.Lang, "%d weeks", w)).OnClick(p.onWeeks(w))
			}),
		),
		app.If(!ready, func() app.UI {
			return app.P().ID("trends-wait").Class("small").Text(tr(p.Lang, "Reading older entries…"))
		}),
		app.If(ready, func() app.UI {
			return app.Div().Body(
				app.Raw(crampChart(p.Lang, nights)),
				app.P().Class("small").Text(tr(p.Lang, "Bars: cramps each night. A dot under a bar: the routine was done that night.")),
				app.If(hasHeel(nights), func() app.UI { return app.Raw(heelChart(p.Lang, nights)) }),
				app.P().ID("routine-compare").Text(routineCompare(p.Lang, nights)),
			)
		}),
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
					p.message = trf(p.Lang, "Could not delete: %s", problem(p.Lang, err))
					return
				}
				p.entries = journal.Without(p.entries, entry.ID)
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
				p.message = trf(p.Lang, "Could not bring it back: %s", problem(p.Lang, err))
				return
			}
			p.entries = append(p.entries, entry)
			journal.SortNewest(p.entries)
			p.undo = nil
			p.changed(ctx)
		})
	})
}

// entryTitle names an entry; a routine by its title in the language l
// when lib (in l) has it, else as it was stored.
func entryTitle(l content.Lang, lib *content.Library, e journal.Entry) string {
	switch e.Kind {
	case journal.KindCramp:
		return tr(l, "Leg cramp")
	case journal.KindHeel:
		return tr(l, "Heel pain")
	case journal.KindRoutine:
		if e.Routine != nil {
			if lib != nil {
				if r, ok := lib.Routine(e.Routine.Routine); ok {
					return r.Title
				}
			}
			return e.Routine.Title
		}
	}
	return tr(l, "Entry")
}

func entryDetail(l content.Lang, e journal.Entry) string {
	switch {
	case e.Cramp != nil:
		c := e.Cramp
		where := make([]string, len(c.Where))
		for i, w := range c.Where {
			where[i] = tr(l, w)
		}
		parts := []string{trf(l, "%s %s", legWord(l, c.Leg), strings.Join(where, tr(l, ", "))), trf(l, "how bad %d/10", c.Severity)}
		if c.Seconds > 0 {
			parts = append(parts, routine.FormatDurationIn(l, time.Duration(c.Seconds)*time.Second))
		}
		if len(c.Helped) > 0 {
			helped := make([]string, len(c.Helped))
			for i, h := range c.Helped {
				helped[i] = tr(l, h)
			}
			parts = append(parts, trf(l, "helped: %s", strings.Join(helped, tr(l, ", "))))
		}
		return strings.Join(parts, " · ")
	case e.Heel != nil:
		return trf(l, "%s foot · first steps %d/10 · now %d/10", legWord(l, e.Heel.Foot), e.Heel.Morning, e.Heel.Now)
	case e.Routine != nil:
		state := tr(l, "finished")
		if !e.Routine.Completed {
			state = tr(l, "stopped early")
		}
		return state + " · " + trf(l, "%d steps done", len(e.Routine.Steps))
	}
	return ""
}

func legWord(l content.Lang, s string) string {
	switch s {
	case "left":
		return tr(l, "Left")
	case "right":
		return tr(l, "Right")
	}
	return tr(l, "Both")
}
