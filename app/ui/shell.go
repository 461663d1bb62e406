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
	l := s.Lang
	return app.Div().Class("shell").Body(
		new(markup).elem("a", tr(l, "Skip to content"), "class", "skip", "href", "#main").ui(),
		app.Elem("header").Class("topbar").Body(
			new(markup).open("a", "class", "brand", "href", href(l, PathHome)).trusted(iconBrand).
				elem("span", tr(l, "Calf & Sole")).close("a").ui(),
			app.Div().Class("topbar-actions").Body(
				new(markup).open("a", "id", "search-button", "class", "icon-button",
					"href", href(l, PathPoints+"?search"), "aria-label", tr(l, "Find a point")).
					trusted(iconSearch).close("a").ui(),
				s.renderLangSwitch(),
				app.Button().
					ID("theme-toggle").
					Class("icon-button").
					Aria("pressed", effectiveNight(s.theme)).
					OnClick(s.onToggleTheme).
					Body(
						app.Raw(iconMoon),
						app.Span().Text(tr(l, "Night")),
					),
			),
		),
		s.renderUpdate(),
		&runner{Here: s.Routine, Lang: l},
		app.Elem("main").ID("main").Body(
			new(markup).elem("h1", s.Title).ui(),
			app.Range(s.Content).Slice(func(i int) app.UI { return s.Content[i] }),
		),
		s.renderTabs(),
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
	return new(markup).elem("a", langName(other), "id", "lang-switch", "class", "icon-button lang-switch",
		"href", href(other, here), "hreflang", string(other), "lang", string(other)).ui()
}

// renderTabs is the bottom navigation, the current screen's tab marked.
func (s *shell) renderTabs() app.UI {
	l := s.Lang
	var m markup
	m.open("nav", "class", "tabbar", "aria-label", tr(l, "Main"))
	for _, t := range []struct{ path, label, icon string }{
		{PathHome, tr(l, "Home"), iconHome},
		{PathRoutines, tr(l, "Routines"), iconTimer},
		{PathPoints, tr(l, "Points"), iconPoint},
		{PathLog, tr(l, "Log"), iconLog},
		{PathSafety, tr(l, "Safety"), iconSafety},
	} {
		current := ""
		if s.Path == t.path {
			current = "page"
		}
		m.open("a", "href", href(l, t.path), "aria-current", current).trusted(t.icon).elem("span", t.label).close("a")
	}
	return m.close("nav").ui()
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
