package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// AppleDevice says which Apple device this is, as Apple says: "iphone",
// "mac" or "" (see Apple).
func AppleDevice() string {
	nav := app.Window().Get("navigator")
	touch := 0
	if t := nav.Get("maxTouchPoints"); t.Truthy() && t.Type() == app.TypeNumber {
		touch = t.Int()
	}
	return Apple(nav.Get("userAgent").String(), touch)
}

// Standalone reports whether the app runs from the home screen (or as an
// installed app) rather than in a browser tab.
func Standalone() bool {
	w := app.Window()
	if s := w.Get("navigator").Get("standalone"); s.Truthy() && s.Type() == app.TypeBoolean {
		return true
	}
	if !isFunc(w.Get("matchMedia")) {
		return false
	}
	return w.Call("matchMedia", "(display-mode: standalone)").Get("matches").Bool()
}
