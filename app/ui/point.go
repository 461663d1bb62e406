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
	lib *content.Library
	ix  *points.Index

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
	slug := strings.TrimSuffix(strings.TrimPrefix(appPath(path), PathPoints+"/"), "/")
	if s, err := url.PathUnescape(slug); err == nil {
		slug = s
	}
	p.Point, p.found = p.ix.Lookup(slug)
}

func (p *pointPage) Render() app.UI {
	if !p.found {
		return (&notFoundPage{}).Render()
	}
	pt := p.Point
	return &shell{
		Title: pt.Pinyin + " (" + pt.WHOCode + ")",
		Path:  PathPoints,
		Content: []app.UI{
			app.P().Class("lead").Text(pt.English + " · " + pt.Region),
			app.Elem("figure").Class("drawing-frame").Body(
				app.Img().Class("drawing").Src(pt.Drawing).Alt(pt.DrawingAlt).Width(400).Height(400),
			),
			app.H2().Text("Where it is"),
			app.P().Text(pt.Location),
			app.H2().Text("How to find it"),
			app.Elem("ol").Class("finding").Body(app.Range(pt.Finding).Slice(func(i int) app.UI { return app.Elem("li").Text(pt.Finding[i]) })),
			app.If(pt.Cun, func() app.UI {
				return app.P().Class("small").Body(
					app.Text("Finger widths are measured on your own hand. "),
					app.A().Href(prefixed(aboutPath("finger-widths"))).Text("How to measure with your fingers"),
				)
			}),
			app.H2().Text("How to press"),
			app.P().Text(pt.Pressing),
			p.renderRoutines(),
			app.H2().Text("Take care"),
			app.Elem("ul").Class("cautions").Body(app.Range(pt.Cautions).Slice(func(i int) app.UI { return app.Elem("li").Text(pt.Cautions[i]) })),
			app.H2().Text("Its names"),
			namesTable(pt),
			&shareButton{Path: pointPath(pt.ID), Title: pt.Pinyin + " (" + pt.WHOCode + ")"},
			app.P().Body(app.A().Href(prefixed(PathPoints)).Text("All seven points")),
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
					app.A().Href(prefixed(routinePath(r.ID)+"?step="+s.ID)).Text(r.Title+": start at "+s.Title),
				))
			}
		}
	}
	if len(links) == 0 {
		return nil
	}
	return app.Elem("section").Body(
		app.H2().Text("In the routines"),
		app.Elem("ul").Body(links...),
	)
}

// namesTable lists the point's names in every system.
func namesTable(pt content.Point) app.UI {
	rows := []struct{ label, value, lang string }{
		{"WHO code", pt.WHOCode, ""},
		{"In the article", pt.ArticleCode, ""},
		{"Other codes", strings.Join(pt.OtherCodes, ", "), ""},
		{"Pinyin", pt.PinyinTones, ""},
		// Marked as Chinese so phones pick a Chinese font for it.
		{"Chinese (simplified)", pt.HanziSimplified, "zh-Hans"},
		{"Chinese (traditional)", pt.HanziTraditional, "zh-Hant"},
		{"English", pt.English, ""},
		{"Also written", strings.Join(pt.Aliases, ", "), ""},
		{"Meridian", meridianName(pt), ""},
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

func meridianName(pt content.Point) string {
	if pt.Meridian == "" {
		return "None: an extra point"
	}
	return pt.Meridian + " (in the tradition)"
}

func stepAnchor(routineID, stepID string) string { return "step-" + routineID + "-" + stepID }
