//go:build wasm

package browser

import "syscall/js"

// AppleDevice says which Apple device this is, as Apple says: "iphone",
// "mac" or "" (see Apple).
func AppleDevice() string {
	nav := js.Global().Get("navigator")
	touch := 0
	if t := nav.Get("maxTouchPoints"); t.Type() == js.TypeNumber {
		touch = t.Int()
	}
	return Apple(nav.Get("userAgent").String(), touch)
}

// Standalone reports whether the app runs from the home screen (or as an
// installed app) rather than in a browser tab.
func Standalone() bool {
	w := js.Global()
	if s := w.Get("navigator").Get("standalone"); s.Type() == js.TypeBoolean && s.Bool() {
		return true
	}
	if w.Get("matchMedia").Type() != js.TypeFunction {
		return false
	}
	return w.Call("matchMedia", "(display-mode: standalone)").Get("matches").Bool()
}
