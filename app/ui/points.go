package ui

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/words"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/content"
)

// searchID is the id of the point search field; the search button in the
// top bar of every screen opens it with ?search.
const searchID = "point-search"

// pointsPage is the point lookup: one search field that finds a point by
// any name, code, body part or use as the person types, and a body map of
// the seven points.
type pointsPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library
	// search finds points in the page's edition (edition.search).
	search func(q string) []points.Result

	query string
	focus bool
}

func (p *pointsPage) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	p.query = q.Get("q")
	p.focus = q.Has("search")
	if p.focus {
		ctx.Defer(func(app.Context) { browser.Focus(searchID) })
	}
}

func (p *pointsPage) Render() app.UI {
	results := p.search(p.query)
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Points"),
		Path:  PathPoints,
		Content: []app.UI{
			app.Elem("form").Class("search").Role("search").OnSubmit(p.onSubmit).Body(
				app.Elem("label").Attr("for", searchID).Text(tr(p.Lang, "Find a point by name, code or body part")),
				app.Input().
					ID(searchID).
					Type("search").
					Name("q").
					Value(p.query).
					Placeholder(tr(p.Lang, "KD3, Taixi, 太溪, heel…")).
					AutoComplete(false).
					Attr("autocapitalize", "off").
					Attr("spellcheck", "false").
					Attr("enterkeyhint", "search").
					MaxLength(200).
					OnInput(p.onInput),
			),
			app.Div().ID("results").Aria("live", "polite").Body(p.renderResults(results)),
		},
	}
}

func (p *pointsPage) renderResults(results []points.Result) app.UI {
	if strings.TrimSpace(p.query) == "" {
		return app.Div().Body(
			bodyMap(p.Lang, p.lib.Points),
			app.H2().Text(tr(p.Lang, "All seven points")),
			pointList(p.Lang, p.lib.Points, nil),
		)
	}
	if len(results) == 0 {
		return app.Div().Class("no-match").Body(
			app.P().Class("lead").Text(trf(p.Lang, "No point matches \"%s\".", clipRunes(p.query, 40))),
			app.P().Text(tr(p.Lang, "This app covers the seven points the article uses, on the foot and lower leg. Try a code such as KD3, a name such as Kunlun, or a body part such as heel. Or pick one:")),
			pointList(p.Lang, p.lib.Points, nil),
		)
	}
	pts := make([]content.Point, len(results))
	matched := make(map[string]string, len(results))
	for i, r := range results {
		pts[i] = r.Point
		matched[r.Point.ID] = r.Matched
	}
	return app.Div().Body(
		app.P().Class("small").Text(trf(p.Lang, "%s found.", words.Count(p.Lang, len(results), "point"))),
		pointList(p.Lang, pts, matched),
	)
}

func (p *pointsPage) onInput(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
}

func (p *pointsPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if r := p.search(p.query); len(r) > 0 {
		ctx.Navigate(href(p.Lang, pointPath(r[0].Point.ID)))
	}
}

// pointList is a list of links to point pages. matched, when not nil,
// says which name each point was found by.
func pointList(l content.Lang, pts []content.Point, matched map[string]string) app.UI {
	return app.Elem("ul").Class("cards").Body(app.Range(pts).Slice(func(i int) app.UI {
		pt := pts[i]
		text := pt.Region + " · " + pt.English
		if l == content.Chinese {
			text = pt.Region + " · " + pt.PinyinTones
		}
		m := matched[pt.ID]
		if m == "" || m == pt.Pinyin || m == pt.WHOCode || m == pt.Region {
			return card(l, pointPath(pt.ID), iconPoint, pointTitle(l, pt), text)
		}
		found := append(withParts(l, tr(l, "Found by \"%s\""), matchLang(l, pt, m), m), app.Text(" · "+text))
		return cardWith(l, pointPath(pt.ID), iconPoint, pointTitle(l, pt), found...)
	}))
}

// matchLang is the language of m, the word a point was found by, on a page
// in l: a word in hanzi is Chinese; on a Chinese page, a word in Latin
// letters is English ("Great Ravine", "heel") unless it is one of the
// point's codes ("KD3", "Shi Mian"). (A query in pinyin is answered with
// the point's own pinyin, which the card does not repeat.)
func matchLang(l content.Lang, pt content.Point, m string) content.Lang {
	switch {
	case strings.ContainsFunc(m, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		return content.Chinese
	case l != content.Chinese, pt.HasCode(m):
		return l
	}
	return content.English
}

// bodyMap is the picture of the leg and foot with a tappable spot on each
// point.
func bodyMap(l content.Lang, pts []content.Point) app.UI {
	return app.Elem("figure").Class("bodymap").Body(
		app.Div().Class("bodymap-frame").Body(
			app.Img().Class("drawing").Src(drawingIn(l, bodyMapDrawing)).
				Alt(tr(l, "Map of the lower leg and foot from the front, the inner side, the outer side and the sole, with dots for the seven points: ST36 on the front below the knee, BL57 on the back of the calf, KI3 at the inner ankle, GB34 below the knee on the outer side, BL60 at the outer ankle, and KI1 and Shimian on the sole.")).
				Width(400).Height(300),
			app.Range(pts).Slice(func(i int) app.UI {
				pt := pts[i]
				return app.A().
					Class("spot").
					Href(href(l, pointPath(pt.ID))).
					Style("left", strconv.FormatFloat(pt.Map.X, 'f', 1, 64)+"%").
					Style("top", strconv.FormatFloat(pt.Map.Y, 'f', 1, 64)+"%").
					Aria("label", pointTitle(l, pt)+tr(l, ", ")+pt.Region)
			}),
		),
		app.Elem("figcaption").Text(tr(l, "Tap a point to open it.")),
	)
}

func pointPath(id string) string { return PathPoints + "/" + url.PathEscape(id) }

// clipRunes shortens s to at most n runes for display.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
