//go:build !wasm

package browser

// Stand-ins for the server and host tests, where there is no browser:
// nothing can be shared or copied.

// Origin is empty outside a browser.
func Origin() string { return "" }

// CanShare is false outside a browser.
func CanShare() bool { return false }

// Share answers ErrUnsupported outside a browser.
func Share(title, url string, done func(error)) { done(ErrUnsupported) }

// CopyText answers ErrUnsupported outside a browser.
func CopyText(text string, done func(error)) { done(ErrUnsupported) }

// CanShareFile is false outside a browser.
func CanShareFile(name, mime, text string) bool { return false }

// ShareFile answers ErrUnsupported outside a browser.
func ShareFile(title, name, mime, text string, done func(error)) { done(ErrUnsupported) }

// SelectText does nothing outside a browser.
func SelectText(id string) {}
