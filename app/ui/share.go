package ui

import (
	"errors"
	"github.com/calfandsole/calfandsole/content"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareButton shares the address of one page of the app (a point, a
// routine): through the phone's share sheet where there is one, else by
// copying it, with "Link copied" shown; else it shows the link selected,
// ready to copy by hand. It needs no connection: the link is the app's
// own address, which opens the page on any phone, with the app or not.
type shareButton struct {
	app.Compo

	// Lang is the language the screen is shown in.
	Lang content.Lang

	// Path is the app path of the page ("/points/ki3"); Title its name.
	Path, Title string

	said     string // the confirmation shown
	showLink bool   // the link is shown to copy by hand
}

func (s *shareButton) Render() app.UI {
	return app.Div().Class("share").Body(
		app.Button().ID("share").Class("button secondary").Text(tr(s.Lang, "Share this page")).OnClick(s.onShare),
		app.P().ID("share-said").Class("small").Aria("live", "polite").Text(s.said),
		app.If(s.showLink, func() app.UI {
			return app.Div().Body(
				app.Elem("label").Attr("for", "share-link").Class("small").Text(tr(s.Lang, "Copy this link:")),
				app.Input().ID("share-link").Type("text").ReadOnly(true).Value(s.link()).OnFocus(s.onFocusLink),
			)
		}),
	)
}

// link is the page's full address on the app's own origin.
func (s *shareButton) link() string { return browser.Origin() + href(s.Lang, s.Path) }

func (s *shareButton) onShare(ctx app.Context, e app.Event) {
	link := s.link()
	s.said = ""
	if !browser.CanShare() {
		s.copy(ctx, link)
		return
	}
	browser.Share(s.Title+" · Calf & Sole", link, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case err == nil, errors.Is(err, browser.ErrCancelled):
			default:
				s.copy(ctx, link) // the sheet refused: copy instead
			}
		})
	})
}

// copy copies the link, or shows it to copy by hand.
func (s *shareButton) copy(ctx app.Context, link string) {
	browser.CopyText(link, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				s.said, s.showLink = tr(s.Lang, "Link copied. Paste it into a message."), false
				return
			}
			s.said, s.showLink = "", true
			ctx.Defer(func(app.Context) { browser.SelectText("share-link") })
		})
	})
}

func (s *shareButton) onFocusLink(ctx app.Context, e app.Event) { browser.SelectText("share-link") }
