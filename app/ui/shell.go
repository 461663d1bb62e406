package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
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

	theme      string
	update     string
	stopListen func()
}

func (s *shell) OnMount(ctx app.Context) {
	observeTheme(ctx, &s.theme)
	s.update = browser.Update()
	s.stopListen = browser.OnUpdate(func(state string) {
		ctx.Dispatch(func(ctx app.Context) { s.update = state })
	})
	browser.MarkReady(app.Getenv("GOAPP_VERSION"))
}

func (s *shell) OnDismount() {
	if s.stopListen != nil {
		s.stopListen()
	}
}

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.A().Class("skip").Href("#main").Text("Skip to content"),
		app.Elem("header").Class("topbar").Body(
			app.A().Class("brand").Href(prefixed(PathHome)).Body(
				// Decorative: the name is next to it. go-app drops an empty alt,
				// so the role says so.
				app.Img().Src("/web/icons/icon.svg").Alt("").Role("presentation").Width(28).Height(28),
				app.Span().Text("Calf & Sole"),
			),
			app.Div().Class("topbar-actions").Body(
				app.A().
					ID("search-button").
					Class("icon-button").
					Href(prefixed(PathPoints+"?search")).
					Aria("label", "Find a point").
					Body(app.Raw(iconSearch)),
				app.Button().
					ID("theme-toggle").
					Class("icon-button").
					Aria("pressed", effectiveNight(s.theme)).
					OnClick(s.onToggleTheme).
					Body(
						app.Raw(iconMoon),
						app.Span().Text("Night"),
					),
			),
		),
		s.renderUpdate(),
		&runner{Here: s.Routine},
		app.Elem("main").ID("main").Body(
			app.H1().Text(s.Title),
			app.Range(s.Content).Slice(func(i int) app.UI { return s.Content[i] }),
		),
		app.Elem("nav").Class("tabbar").Aria("label", "Main").Body(
			s.tab(PathHome, "Home", iconHome),
			s.tab(PathRoutines, "Routines", iconTimer),
			s.tab(PathPoints, "Points", iconPoint),
			s.tab(PathLog, "Log", iconLog),
			s.tab(PathSafety, "Safety", iconSafety),
		),
	)
}

func (s *shell) renderUpdate() app.UI {
	switch s.update {
	case "ready":
		return app.Div().ID("update").Class("notice").Aria("live", "polite").Body(
			app.P().Text("A new version of Calf & Sole is ready."),
			app.Button().ID("update-now").Class("button").Text("Update now").OnClick(s.onApplyUpdate),
		)
	case "failed":
		return app.Div().ID("update").Class("notice").Aria("live", "polite").Body(
			app.P().Text("A new version could not be downloaded. This version still works, offline too. The app will try again next time it opens with a connection."),
		)
	}
	return nil
}

func (s *shell) tab(path, label, icon string) app.UI {
	a := app.A().Href(prefixed(path)).Body(app.Raw(icon), app.Span().Text(label))
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
