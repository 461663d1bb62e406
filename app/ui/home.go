package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/routine"
	"github.com/calfandsole/calfandsole/content"
)

// homePage is the first screen: the two routines, the points, the log, the
// safety notice and, when the browser offers it, installing the app.
type homePage struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang
	lib  *content.Library

	installable bool
	apple       bool
}

func (p *homePage) OnMount(ctx app.Context) {
	p.OnAppInstallChange(ctx)
}

// OnAppInstallChange shows or hides the install card as the browser offers
// installation or the app gets installed.
func (p *homePage) OnAppInstallChange(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
	p.apple = ctx.IsAppleBrowser()
}

func (p *homePage) Render() app.UI {
	l := p.Lang
	var cards markup
	cards.open("ul", "class", "cards")
	for _, r := range p.lib.Routines {
		cards.card(l, routinePath(r.ID), iconTimer, r.Title, r.Summary+tr(l, " ")+trf(l, "About %s, both legs.", routine.FormatDurationIn(l, routine.Total(r).Round(time.Minute))))
	}
	cards.card(l, PathPoints, iconPoint, tr(l, "Find a point"), tr(l, "Where the seven points are, and how to press them."))
	cards.card(l, PathLogCramp, iconLog, tr(l, "Log a cramp"), tr(l, "Two taps: the time is now, change anything else if you like."))
	cards.card(l, PathLog, iconLog, tr(l, "Your log"), tr(l, "Cramps, heel pain and routines, with trends. Kept on this phone only."))
	cards.close("ul")
	var callout markup
	callout.open("section", "class", "callout").open("p").
		elem("strong", tr(l, "Not medical care. ")).
		text(tr(l, "A swollen, warm or red calf, or a cramp that lasts over 10 minutes, needs a clinician. ")).
		elem("a", tr(l, "See the warning signs"), "href", href(l, PathSafety)).
		close("p").close("section")
	var about markup
	about.open("p", "class", "small").elem("a", tr(l, "About this app and its source"), "href", href(l, PathAbout)).close("p")
	return &shell{
		Lang:  l,
		Title: tr(l, "Tonight's self-care"),
		Path:  PathHome,
		Content: []app.UI{
			new(markup).elem("p", tr(l, "Simple bedtime self-care for night leg cramps and heel pain, from a traditional Chinese medicine article. It works without a connection."), "class", "lead").ui(),
			cards.ui(),
			callout.ui(),
			p.renderInstall(),
			about.ui(),
		},
	}
}

func (p *homePage) renderInstall() app.UI {
	if !p.installable {
		return nil
	}
	if p.apple {
		return app.Elem("section").ID("install").Class("card-plain").Body(
			app.H2().Text(tr(p.Lang, "Keep it on your home screen")),
			app.P().Text(tr(p.Lang, "In Safari, tap the Share button, then \"Add to Home Screen\". The app then opens like any other, even with no connection.")),
		)
	}
	return app.Elem("section").ID("install").Class("card-plain").Body(
		app.H2().Text(tr(p.Lang, "Keep it on your home screen")),
		app.P().Text(tr(p.Lang, "Install the app so it opens with one tap, even with no connection.")),
		app.Button().ID("install-button").Class("button").Text(tr(p.Lang, "Install Calf & Sole")).OnClick(p.onInstall),
	)
}

func (p *homePage) onInstall(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
}
