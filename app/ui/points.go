package ui

import (
	"strings"

	"github.com/calfandsole/calfandsole/content"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pointsPage lists the seven points with their names, where they are and how
// to press them.
type pointsPage struct {
	app.Compo
	lib *content.Library
}

func (p *pointsPage) Render() app.UI {
	return &shell{
		Title: "Points",
		Path:  PathPoints,
		Content: []app.UI{
			app.P().Class("lead").Text("The seven points the article uses, with every name and code they go by."),
			app.Range(p.lib.Points).Slice(func(i int) app.UI {
				return renderPoint(p.lib.Points[i])
			}),
		},
	}
}

func renderPoint(pt content.Point) app.UI {
	return app.Article().ID(pt.ID).Class("point").Body(
		app.H2().Body(
			app.Text(pt.Pinyin+" "),
			app.Span().Class("code").Text(pt.WHOCode),
		),
		app.P().Class("names").Text(otherNames(pt)),
		app.P().Class("meta").Text(meridianLine(pt)),
		app.H3().Text("Where it is"),
		app.P().Text(pt.Location),
		app.H3().Text("How to find it"),
		app.Ol().Body(app.Range(pt.Finding).Slice(func(i int) app.UI { return app.Li().Text(pt.Finding[i]) })),
		app.H3().Text("How to press"),
		app.P().Text(pt.Pressing),
		app.H3().Text("Take care"),
		app.Ul().Class("cautions").Body(app.Range(pt.Cautions).Slice(func(i int) app.UI { return app.Li().Text(pt.Cautions[i]) })),
	)
}

// otherNames lists the point's names other than its pinyin and WHO code.
func otherNames(pt content.Point) string {
	var names []string
	seen := map[string]bool{pt.Pinyin: true, pt.WHOCode: true}
	for _, n := range pt.Names() {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return "Also: " + strings.Join(names, " · ")
}

func meridianLine(pt content.Point) string {
	if pt.Meridian == "" {
		return pt.Region + " · an extra point, on no meridian"
	}
	return pt.Region + " · " + pt.Meridian + " meridian (in the tradition)"
}
