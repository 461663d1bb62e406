//go:build !wasm

package browser

// AppleDevice is "" outside a browser.
func AppleDevice() string { return "" }

// Standalone is false outside a browser.
func Standalone() bool { return false }
