package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/content"
	"github.com/calfandsole/calfandsole/content/names"
)

// Widgets more than one screen uses.

// soakList lists the checks before a foot soak.
func soakList(sf content.Safety) app.UI {
	var m markup
	m.open("ul")
	for _, s := range sf.Soak {
		m.elem("li", s)
	}
	return m.close("ul").ui()
}

// redFlags is the list of warning signs, shown before a first run.
func redFlags(l content.Lang, sf content.Safety) app.UI {
	return app.Elem("section").ID("red-flags").Class("callout").Body(
		app.H2().Text(tr(l, "Before you start: get medical help instead if")),
		flagList(l, sf.RedFlags),
		app.P().Class("small").Body(app.Text(tr(l, "These stay one tap away, under ")), app.A().Href(href(l, PathSafety)).Text(tr(l, "Safety")), app.Text(tr(l, "."))),
	)
}

// flagList lists the warning signs, the urgent ones marked in words, not
// only in colour.
func flagList(l content.Lang, flags []content.RedFlag) app.UI {
	var m markup
	m.open("ul", "class", "flags")
	for _, f := range flags {
		m.open("li", "class", urgencyClass(f.Urgent))
		if f.Urgent {
			m.elem("span", tr(l, "Urgent"), "class", "tag")
		}
		m.open("p").elem("strong", f.Sign).close("p").elem("p", f.Action).close("li")
	}
	return m.close("ul").ui()
}

// yesNo is a question answered Yes or No (or left unanswered).
func yesNo(l content.Lang, id, question string, v *bool, set func(app.Context, bool)) app.UI {
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text(question),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("radio").Name(id).ID(id+"-yes").Checked(v != nil && *v).OnChange(func(ctx app.Context, e app.Event) { set(ctx, true) }),
			app.Span().Text(tr(l, "Yes")),
		),
		app.Elem("label").Class("choice").Body(
			app.Input().Type("radio").Name(id).ID(id+"-no").Checked(v != nil && !*v).OnChange(func(ctx app.Context, e app.Event) { set(ctx, false) }),
			app.Span().Text(tr(l, "No")),
		),
	)
}

// slot keeps a place in the page for something shown only sometimes, so
// go-app never rebuilds the elements after it (which would drop the
// keyboard focus, and the answer to a tap in progress).
func slot(show bool, ui func() app.UI) app.UI {
	return app.Div().Class("slot").Body(app.If(show, ui))
}

func urgencyClass(urgent bool) string {
	if urgent {
		return "flag urgent"
	}
	return "flag"
}

// paragraphs renders each string as a paragraph.
func paragraphs(ps []string) app.UI {
	return new(markup).paragraphs(ps).ui()
}

// paragraphs writes each string as a paragraph, in a div of class prose.
func (m *markup) paragraphs(ps []string) *markup {
	m.open("div", "class", "prose")
	for _, p := range ps {
		m.elem("p", p)
	}
	return m.close("div")
}

// card is a large tappable link with an icon, a title and one line.
func card(l content.Lang, path, icon, title, text string) app.UI {
	return new(markup).card(l, path, icon, title, text).ui()
}

// card writes a card (card) as a list item.
func (m *markup) card(l content.Lang, path, icon, title, text string) *markup {
	return m.open("li").open("a", "class", "card", "href", href(l, path)).trusted(icon).
		open("span", "class", "card-text").elem("strong", title).elem("span", text).close("span").
		close("a").close("li")
}

// cardWith is card with its text made of nodes (withParts).
func cardWith(l content.Lang, path, icon, title string, text ...app.UI) app.UI {
	return app.Elem("li").Body(
		app.A().Class("card").Href(href(l, path)).Body(
			app.Raw(icon),
			app.Span().Class("card-text").Body(
				app.Elem("strong").Text(title),
				app.Span().Body(text...),
			),
		),
	)
}

// chips is a row of large toggle buttons: one choice (single) or several.
func chips(l content.Lang, legend, id string, options, selected []string, single bool, set func(v string, on bool)) app.UI {
	return app.Elem("fieldset").Class("choices").Body(
		app.Elem("legend").Text(legend),
		app.Div().Class("chips").Body(app.Range(options).Slice(func(i int) app.UI {
			v := options[i]
			on := slices.Contains(selected, v)
			return app.Button().Type("button").ID(id+"-"+names.Slug(v)).Class("chip").Aria("pressed", on).Text(tr(l, v)).
				OnClick(func(ctx app.Context, _ app.Event) {
					if single {
						set(v, true)
						return
					}
					set(v, !on)
				})
		})),
	)
}

// scale is a 0-10 slider.
func scale(id, label string, v int, set func(int)) app.UI {
	return app.Div().Class("scale").Body(
		app.Elem("label").Attr("for", id).Class("field-label").Text(label),
		app.Div().Class("scale-row").Body(
			app.Input().Type("range").ID(id).Min(0).Max(10).Step(1).Value(strconv.Itoa(v)).
				OnInput(func(ctx app.Context, _ app.Event) {
					if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
						set(n)
					}
				}),
			app.Elem("output").Attr("for", id).Class("scale-value").Text(strconv.Itoa(v)),
		),
	)
}

func toggle(list []string, v string, on bool) []string {
	out := make([]string, 0, len(list)+1)
	for _, s := range list {
		if s != v {
			out = append(out, s)
		}
	}
	if on {
		out = append(out, v)
	}
	return out
}
