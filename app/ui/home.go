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
	return &shell{
		Lang:  p.Lang,
		Title: tr(p.Lang, "Tonight's self-care"),
		Path:  PathHome,
		Content: []app.UI{
			app.P().Class("lead").Text(tr(p.Lang, "Simple bedtime self-care for night leg cramps and heel pain, from a traditional Chinese medicine article. It works without a connection.")),
			app.Elem("ul").Class("cards").Body(
				app.Range(p.lib.Routines).Slice(func(i int) app.UI {
					r := p.lib.Routines[i]
					return card(p.Lang, routinePath(r.ID), iconTimer, r.Title, r.Summary+tr(p.Lang, " ")+trf(p.Lang, "About %s, both legs.", routine.FormatDurationIn(p.Lang, routine.Total(r).Round(time.Minute))))
				}),
				card(p.Lang, PathPoints, iconPoint, tr(p.Lang, "Find a point"), tr(p.Lang, "Where the seven points are, and how to press them.")),
				card(p.Lang, PathLogCramp, iconLog, tr(p.Lang, "Log a cramp"), tr(p.Lang, "Two taps: the time is now, change anything else if you like.")),
				card(p.Lang, PathLog, iconLog, tr(p.Lang, "Your log"), tr(p.Lang, "Cramps, heel pain and routines, with trends. Kept on this phone only.")),
			),
			app.Elem("section").Class("callout").Body(
				app.P().Body(
					app.Elem("strong").Text(tr(p.Lang, "Not medical care. ")),
					app.Text(tr(p.Lang, "A swollen, warm or red calf, or a cramp that lasts over 10 minutes, needs a clinician. ")),
					app.A().Href(href(p.Lang, PathSafety)).Text(tr(p.Lang, "See the warning signs")),
				),
			),
			p.renderInstall(),
			app.P().Class("small").Body(
				app.A().Href(href(p.Lang, PathAbout)).Text(tr(p.Lang, "About this app and its source")),
			),
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
