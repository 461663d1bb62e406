package ui

import (
	"net/url"
	"strings"

	"github.com/calfandsole/calfandsole/app/browser"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/content"
)

// pointPage is one point: every name it goes by, where it is and how to
// find it from landmarks one can feel, how to press it and in which
// routine, its cautions, and a drawing.
type pointPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library
	ix   *points.Index

	// Point is set for the point's own path; an alias path (/points/kd3)
	// resolves it on navigation.
	Point content.Point
	found bool
}

// OnInit finds the point before the first render, so the page never
// shows anything else first, not even for a frame: the point's own path
// carries it; in the browser, an alias path is read from the address.
func (p *pointPage) OnInit() {
	if p.Point.ID != "" {
		p.found = true
	} else if app.IsClient {
		p.resolve(browser.URL().Path)
	}
}

func (p *pointPage) OnPreRender(ctx app.Context) { p.resolve(ctx.Page().URL().Path) }

func (p *pointPage) OnNav(ctx app.Context) { p.resolve(ctx.Page().URL().Path) }

// resolve finds the point the address path names.
func (p *pointPage) resolve(path string) {
	if p.Point.ID != "" {
		p.found = true
		return
	}
	_, rest := splitLang(appPath(path))
	slug := strings.TrimSuffix(strings.TrimPrefix(rest, PathPoints+"/"), "/")
	if s, err := url.PathUnescape(slug); err == nil {
		slug = s
	}
	p.Point, p.found = p.ix.Lookup(slug)
}

func (p *pointPage) Render() app.UI {
	if !p.found {
		return (&notFoundPage{Lang: p.Lang}).Render()
	}
	pt := p.Point
	return &shell{
		Lang:  p.Lang,
		Title: pointTitle(p.Lang, pt),
		Path:  PathPoints,
		Content: []app.UI{
			app.P().Class("lead").Text(pointLead(p.Lang, pt)),
			app.Elem("figure").Class("drawing-frame").Body(
				app.Img().Class("drawing").Src(drawingIn(p.Lang, pt.Drawing)).Alt(pt.DrawingAlt).Width(400).Height(400),
			),
			app.H2().Text(tr(p.Lang, "Where it is")),
			app.P().Text(pt.Location),
			app.H2().Text(tr(p.Lang, "How to find it")),
			app.Elem("ol").Class("finding").Body(app.Range(pt.Finding).Slice(func(i int) app.UI { return app.Elem("li").Text(pt.Finding[i]) })),
			app.If(pt.Cun, func() app.UI {
				return app.P().Class("small").Body(
					app.Text(tr(p.Lang, "Finger widths are measured on your own hand. ")),
					app.A().Href(href(p.Lang, aboutPath("finger-widths"))).Text(tr(p.Lang, "How to measure with your fingers")),
				)
			}),
			app.H2().Text(tr(p.Lang, "How to press")),
			app.P().Text(pt.Pressing),
			p.renderRoutines(),
			app.H2().Text(tr(p.Lang, "Take care")),
			app.Elem("ul").Class("cautions").Body(app.Range(pt.Cautions).Slice(func(i int) app.UI { return app.Elem("li").Text(pt.Cautions[i]) })),
			app.H2().Text(tr(p.Lang, "Its names")),
			namesTable(p.Lang, pt),
			&shareButton{Lang: p.Lang, Path: pointPath(pt.ID), Title: pointTitle(p.Lang, pt)},
			app.P().Body(app.A().Href(href(p.Lang, PathPoints)).Text(tr(p.Lang, "All seven points"))),
		},
	}
}

// renderRoutines links each routine that presses this point, at its step.
func (p *pointPage) renderRoutines() app.UI {
	var links []app.UI
	for _, r := range p.lib.Routines {
		for _, s := range r.Steps {
			if s.Point == p.Point.ID {
				links = append(links, app.Elem("li").Body(
					app.A().Href(href(p.Lang, routinePath(r.ID)+"?step="+s.ID)).Text(trf(p.Lang, "%s: start at %s", r.Title, s.Title)),
				))
			}
		}
	}
	if len(links) == 0 {
		return nil
	}
	return app.Elem("section").Body(
		app.H2().Text(tr(p.Lang, "In the routines")),
		app.Elem("ul").Body(links...),
	)
}

// namesTable lists the point's names in every system.
func namesTable(l content.Lang, pt content.Point) app.UI {
	rows := []struct{ label, value, lang string }{
		{tr(l, "WHO code"), pt.WHOCode, ""},
		{tr(l, "In the article"), pt.ArticleCode, ""},
		{tr(l, "Other codes"), strings.Join(pt.OtherCodes, ", "), ""},
		{tr(l, "Pinyin"), pt.PinyinTones, ""},
		// Marked as Chinese so phones pick a Chinese font for it.
		{tr(l, "Chinese (simplified)"), pt.HanziSimplified, "zh-Hans"},
		{tr(l, "Chinese (traditional)"), pt.HanziTraditional, "zh-Hant"},
		{tr(l, "English"), pt.English, "en"},
		{tr(l, "Also written"), strings.Join(pt.Aliases, ", "), "en"},
		{tr(l, "Meridian"), meridianName(l, pt), ""},
	}
	return app.Elem("dl").Class("names").Body(app.Range(rows).Slice(func(i int) app.UI {
		r := rows[i]
		if r.value == "" {
			return nil
		}
		dd := app.Elem("dd").Text(r.value)
		if r.lang != "" {
			dd = dd.Lang(r.lang)
		}
		return app.Div().Body(app.Elem("dt").Text(r.label), dd)
	}))
}

func meridianName(l content.Lang, pt content.Point) string {
	if pt.Meridian == "" {
		return tr(l, "None: an extra point")
	}
	return trf(l, "%s (in the tradition)", pt.Meridian)
}

// pointTitle is a point's heading: its pinyin and code in English
// ("Taixi (KI3)"), its hanzi and code in Chinese ("太溪（KI3）").
func pointTitle(l content.Lang, pt content.Point) string {
	if l == content.Chinese {
		return pt.HanziSimplified + "（" + pt.WHOCode + "）"
	}
	return pt.Pinyin + " (" + pt.WHOCode + ")"
}

// pointLead is the line under a point's heading: its English name and
// region, or in Chinese its pinyin and region.
func pointLead(l content.Lang, pt content.Point) string {
	if l == content.Chinese {
		return pt.PinyinTones + " · " + pt.Region
	}
	return pt.English + " · " + pt.Region
}

func stepAnchor(routineID, stepID string) string { return "step-" + routineID + "-" + stepID }
