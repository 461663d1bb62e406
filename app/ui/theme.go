package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/browser"
)

// stateTheme is the go-app state holding the colour theme choice: "auto"
// (follow the phone), "light" or "night". boot.js applies and stores it.
const stateTheme = "theme"

// Theme choices offered in settings.
var themeChoices = []struct{ value, label string }{
	{"auto", msg("Follow my phone")},
	{"light", msg("Light")},
	{"night", msg("Night")},
}

// storedTheme returns the theme choice boot.js read from storage.
func storedTheme() string {
	return browser.Theme()
}

// setTheme applies and remembers a theme choice and tells every screen.
func setTheme(ctx app.Context, theme string) {
	browser.SetTheme(theme)
	ctx.SetState(stateTheme, theme)
}

// observeTheme keeps *theme in step with the current choice.
func observeTheme(ctx app.Context, theme *string) {
	ctx.ObserveState(stateTheme, theme)
	if *theme == "" {
		*theme = storedTheme()
	}
}

// effectiveNight reports whether the page shows night colours for a theme
// choice.
func effectiveNight(theme string) bool {
	switch theme {
	case "night":
		return true
	case "light":
		return false
	}
	return browser.PrefersDark()
}
