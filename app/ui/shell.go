package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/content"
)

// shell is the frame around every screen: the top bar with the night-mode
// switch, the update notice, the screen's content and the bottom navigation
// (reachable with one thumb, with the safety notice always one tap away).
type shell struct {
	app.Compo

	// Title is the screen's heading; Path is the screen's own path, which
	// marks the current tab.
	Title   string
	Path    string
	Content []app.UI
	// Routine is the ID of the routine whose own screen this is, if any:
	// the running-routine bar is not shown there.
	Routine string
	// Lang is the screen's language; every link in it stays in it.
	Lang content.Lang

	here string // the page's app path and query, without the language

	theme      string
	update     string
	stopListen func()
}

// OnPreRender and OnNav note the page's address, for the language switch.
func (s *shell) OnPreRender(ctx app.Context) { s.noteHere(ctx) }

func (s *shell) OnNav(ctx app.Context) {
	s.noteHere(ctx)
	browser.SetPageLang(string(s.Lang))
}

func (s *shell) noteHere(ctx app.Context) {
	u := ctx.Page().URL()
	_, s.here = splitLang(appPath(u.Path))
	if u.RawQuery != "" {
		s.here += "?" + u.RawQuery
	}
}

func (s *shell) OnMount(ctx app.Context) {
	s.noteHere(ctx)
	browser.SetPageLang(string(s.Lang))
	observeTheme(ctx, &s.theme)
	s.update = browser.Update()
	s.stopListen = browser.OnUpdate(func(state string) {
		ctx.Dispatch(func(ctx app.Context) { s.update = state })
	})
	browser.MarkReady(app.Getenv("GOAPP_VERSION"))
	if later := laterRoutes; later != nil {
		time.AfterFunc(routesAfter, later)
	}
}

func (s *shell) OnDismount() {
	if s.stopListen != nil {
		s.stopListen()
	}
}

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.A().Class("skip").Href("#main").Text(tr(s.Lang, "Skip to content")),
		app.Elem("header").Class("topbar").Body(
			app.A().Class("brand").Href(href(s.Lang, PathHome)).Body(
				app.Raw(iconBrand),
				app.Span().Text(tr(s.Lang, "Calf & Sole")),
			),
			app.Div().Class("topbar-actions").Body(
				app.A().
					ID("search-button").
					Class("icon-button").
					Href(href(s.Lang, PathPoints+"?search")).
					Aria("label", tr(s.Lang, "Find a point")).
					Body(app.Raw(iconSearch)),
				s.renderLangSwitch(),
				app.Button().
					ID("theme-toggle").
					Class("icon-button").
					Aria("pressed", effectiveNight(s.theme)).
					OnClick(s.onToggleTheme).
					Body(
						app.Raw(iconMoon),
						app.Span().Text(tr(s.Lang, "Night")),
					),
			),
		),
		s.renderUpdate(),
		&runner{Here: s.Routine, Lang: s.Lang},
		app.Elem("main").ID("main").Body(
			app.H1().Text(s.Title),
			app.Range(s.Content).Slice(func(i int) app.UI { return s.Content[i] }),
		),
		app.Elem("nav").Class("tabbar").Aria("label", tr(s.Lang, "Main")).Body(
			s.tab(PathHome, tr(s.Lang, "Home"), iconHome),
			s.tab(PathRoutines, tr(s.Lang, "Routines"), iconTimer),
			s.tab(PathPoints, tr(s.Lang, "Points"), iconPoint),
			s.tab(PathLog, tr(s.Lang, "Log"), iconLog),
			s.tab(PathSafety, tr(s.Lang, "Safety"), iconSafety),
		),
	)
}

// renderLangSwitch is the link to this page in the other language, named
// in that language. web/boot.js remembers the choice when it is tapped.
func (s *shell) renderLangSwitch() app.UI {
	other := otherLang(s.Lang)
	here := s.here
	if here == "" {
		here = s.Path
	}
	return app.A().
		ID("lang-switch").
		Class("icon-button lang-switch").
		Href(href(other, here)).
		Attr("hreflang", string(other)).
		Lang(string(other)).
		Text(langName(other))
}

func (s *shell) renderUpdate() app.UI {
	switch s.update {
	case "ready":
		return app.Div().ID("update").Class("notice").Aria("live", "polite").Body(
			app.P().Text(tr(s.Lang, "A new version of Calf & Sole is ready.")),
			app.Button().ID("update-now").Class("button").Text(tr(s.Lang, "Update now")).OnClick(s.onApplyUpdate),
		)
	case "failed":
		return app.Div().ID("update").Class("notice").Aria("live", "polite").Body(
			app.P().Text(tr(s.Lang, "A new version could not be downloaded. This version still works, offline too. The app will try again next time it opens with a connection.")),
		)
	}
	return nil
}

func (s *shell) tab(path, label, icon string) app.UI {
	a := app.A().Href(href(s.Lang, path)).Body(app.Raw(icon), app.Span().Text(label))
	if s.Path == path {
		a = a.Aria("current", "page")
	}
	return a
}

func (s *shell) onToggleTheme(ctx app.Context, e app.Event) {
	theme := "night"
	if effectiveNight(s.theme) {
		theme = "light"
	}
	setTheme(ctx, theme)
}

func (s *shell) onApplyUpdate(ctx app.Context, e app.Event) {
	browser.ApplyUpdate()
}
