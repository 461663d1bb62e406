package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/content"
)

// aboutPage says what the app is and where its routine comes from, links
// the background pages, and holds the settings.
type aboutPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library

	theme   string
	version string
	health  healthAnswers
	cues    cueSettings
}

func (p *aboutPage) OnMount(ctx app.Context) {
	observeTheme(ctx, &p.theme)
	p.version = app.Getenv("GOAPP_VERSION")
	load(ctx, keyHealth, &p.health)
	p.cues = defaultCues()
	load(ctx, keyCues, &p.cues)
}

func (p *aboutPage) Render() app.UI {
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "About Calf & Sole"),
		Path:  PathAbout,
		Content: []app.UI{
			app.Div().Class("prose").Body(
				app.P().Text(tr(p.Lang, "Calf & Sole turns one self-care article from traditional Chinese medicine into three tools: routine timers, a guide to seven acupressure points, and a private log.")),
				app.P().Text(tr(p.Lang, "The routines are the article's traditional self-care. Its explanations, such as Qi, blood flow and meridians, are the tradition's view, not medical fact. The app does not diagnose or treat any illness.")),
				app.P().Body(
					app.Elem("strong").Text(tr(p.Lang, "Source: ")),
					// The article's titles are English on every page.
					app.Span().Body(withParts(p.Lang, tr(p.Lang, "the article \"%s\" and its part \"%s\". Point locations follow the WHO standard point locations (2008)."),
						content.English, articleTitle, articlePart)...),
				),
			),
			p.renderPages(),
			new(markup).elem("h2", tr(p.Lang, "Colours")).ui(),
			app.Div().Class("choices").Role("radiogroup").Aria("label", tr(p.Lang, "Colours")).Body(
				app.Range(themeChoices).Slice(func(i int) app.UI {
					c := themeChoices[i]
					c.label = tr(p.Lang, c.label)
					return app.Elem("label").Class("choice").Body(
						app.Input().Type("radio").Name("theme").ID("theme-"+c.value).Value(c.value).
							Checked(p.theme == c.value).OnChange(p.onTheme(c.value)),
						app.Span().Text(c.label),
					)
				}),
			),
			new(markup).elem("h2", tr(p.Lang, "Your answers"), "id", "settings").ui(),
			new(markup).elem("p", tr(p.Lang, "They change the routines to keep you safe, and stay on this phone."), "class", "small").ui(),
			yesNo(p.Lang, "set-pregnant", tr(p.Lang, "Are you pregnant?"), p.health.Pregnant, func(ctx app.Context, v bool) {
				p.health.Pregnant = &v
				p.saveAnswers(ctx)
			}),
			yesNo(p.Lang, "set-feet", tr(p.Lang, "Do you have diabetes, numbness in your feet, or poor circulation?"), p.health.Feet, func(ctx app.Context, v bool) {
				p.health.Feet = &v
				p.saveAnswers(ctx)
			}),
			new(markup).elem("h2", tr(p.Lang, "Sounds and cues")).ui(),
			app.Elem("fieldset").Class("choices").Body(
				app.Elem("legend").Text(tr(p.Lang, "A soft tone at each step")),
				app.Range(toneChoices).Slice(func(i int) app.UI {
					c := toneChoices[i]
					c.label = tr(p.Lang, c.label)
					return app.Elem("label").Class("choice").Body(
						app.Input().Type("radio").Name("tone").ID("tone-"+c.value).Value(c.value).
							Checked(p.cues.Tone == c.value).OnChange(p.onTone(c.value)),
						app.Span().Text(c.label),
					)
				}),
			),
			app.Elem("label").Class("choice").Body(
				app.Input().Type("checkbox").ID("cue-vibrate").Checked(p.cues.Vibrate).OnChange(p.onCueToggle(&p.cues.Vibrate)),
				app.Span().Text(tr(p.Lang, "Vibrate at each step (where the phone can)")),
			),
			app.If(!browser.CanVibrate(), func() app.UI {
				return app.P().ID("cue-vibrate-missing").Class("small").Text(tr(p.Lang, "This browser cannot vibrate."))
			}),
			app.Elem("label").Class("choice").Body(
				app.Input().Type("checkbox").ID("cue-speak").Checked(p.cues.Speak).OnChange(p.onCueToggle(&p.cues.Speak)),
				app.Span().Text(tr(p.Lang, "Say each step aloud")),
			),
			app.If(!browser.CanSpeak(), func() app.UI {
				return app.P().ID("cue-speak-missing").Class("small").Text(tr(p.Lang, "This browser cannot speak."))
			}),
			new(markup).open("section").
				elem("h2", tr(p.Lang, "Your privacy")).
				elem("p", tr(p.Lang, "Everything you enter stays on this phone. The app asks nothing of any other website, and works with no connection once it has opened.")).
				elem("p", trf(p.Lang, "Version %s", p.version), "class", "small").
				close("section").ui(),
		},
	}
}

// renderPages lists the background pages.
func (p *aboutPage) renderPages() app.UI {
	var m markup
	m.open("section").elem("h2", tr(p.Lang, "Read more")).open("ul", "class", "cards")
	for _, pg := range p.lib.Pages {
		m.card(p.Lang, aboutPath(pg.ID), iconLog, pg.Title, pg.Summary)
	}
	return m.close("ul").close("section").ui()
}

// The source article's title and the title of its part on foot pain, in
// English, the language it is written in.
const (
	articleTitle = "How to Stop Leg Cramps (Stronger Version)"
	articlePart  = "Self-Massage Points For Foot Pain or Plantar Fasciitis"
)

// toneChoices are the settings of the step tone.
var toneChoices = []struct{ value, label string }{
	{"auto", msg("On by day, off from 10 pm to 7 am")},
	{"on", msg("Always on")},
	{"off", msg("Off")},
}

func (p *aboutPage) saveAnswers(ctx app.Context) {
	p.health.Asked = true
	save(ctx, keyHealth, p.health)
}

func (p *aboutPage) onTone(v string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.cues.Tone = v
		save(ctx, keyCues, p.cues)
	}
}

func (p *aboutPage) onCueToggle(field *bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		*field = ctx.JSSrc().Get("checked").Bool()
		save(ctx, keyCues, p.cues)
	}
}

func (p *aboutPage) onTheme(theme string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { setTheme(ctx, theme) }
}

// backgroundPage is one short background page from the article.
type backgroundPage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	page content.Page
}

func (p *backgroundPage) Render() app.UI {
	pg := p.page
	return &shell{
		Lang:    p.Lang,
		Title:   pg.Title,
		Path:    PathAbout,
		Content: []app.UI{p.renderText()},
	}
}

// renderText is the page's text, with the way back to About.
func (p *backgroundPage) renderText() app.UI {
	pg := p.page
	var m markup
	m.open("div")
	if pg.Tradition {
		m.elem("p", tr(p.Lang, "The tradition's view, as the article tells it: not medical fact."), "class", "tag-line")
	}
	for _, s := range pg.Sections {
		m.open("section").elem("h2", s.Heading).paragraphs(s.Paragraphs).close("section")
	}
	m.open("p").elem("a", tr(p.Lang, "Back to About"), "href", href(p.Lang, PathAbout)).close("p")
	return m.close("div").ui()
}
