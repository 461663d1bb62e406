package browser

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// URL returns the page's address. Components use ctx.Page().URL(); this
// is for OnInit, which has no context.
func URL() *url.URL { return app.Window().URL() }

// Focus moves the keyboard focus to the element id, if it is there.
func Focus(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// ScrollToTop scrolls the page to its top.
func ScrollToTop() { app.Window().Call("scrollTo", 0, 0) }

// Print opens the browser's print dialog.
func Print() { app.Window().Call("print") }

// Download saves text as a file on the phone, offline.
func Download(name, mime, text string) {
	if js := app.Window().Get("calfsoleStore"); js.Truthy() {
		js.Call("download", name, mime, text)
	}
}

// MarkReady marks the page as run by the app, of version: web/boot.js then
// hands over what was typed and tapped while the app started.
func MarkReady(version string) {
	root := app.Window().Get("document").Get("documentElement")
	root.Call("setAttribute", "data-version", version)
	root.Call("setAttribute", "data-app", "ready")
}

// SetPageLang sets the language of the page (the html element's lang,
// "en" or "zh-Hans"), which the server prerendered and which changes when
// the app moves to a page in the other language without reloading.
func SetPageLang(lang string) {
	if lang == "" {
		return
	}
	root := app.Window().Get("document").Get("documentElement")
	if root.Get("lang").String() != lang {
		root.Set("lang", lang)
	}
}

// PageLang returns the language of the page ("en", "zh-Hans"): the html
// element's lang, "" outside a browser.
func PageLang() string {
	return app.Window().Get("document").Get("documentElement").Get("lang").String()
}

// Theme returns the colour theme chosen, as web/boot.js read it from
// storage: "auto", "light" or "night".
func Theme() string {
	if t := boot().Get("theme"); t.Truthy() {
		return t.Call("get").String()
	}
	return "auto"
}

// SetTheme applies and remembers a theme choice.
func SetTheme(theme string) {
	if t := boot().Get("theme"); t.Truthy() {
		t.Call("set", theme)
	}
}

// PrefersDark reports whether the phone is set to dark colours.
func PrefersDark() bool {
	return app.Window().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool()
}

// Update returns the state of the offer of a new version: "" (none),
// "ready" (waiting for the person's tap) or "failed".
func Update() string { return boot().Get("update").Get("state").String() }

// OnUpdate calls f with the new state when the update offer changes,
// until stop is called.
func OnUpdate(f func(state string)) (stop func()) { return listen("calfsole-update", f) }

// ApplyUpdate lets the waiting version take over, then reloads the page.
// Call it only from the person's tap.
func ApplyUpdate() {
	if b := boot(); b.Truthy() {
		b.Call("applyUpdate")
	}
}
