package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Origin is the app's own origin ("https://example.org"), to which app
// paths are added to make a link.
func Origin() string { return app.Window().Get("location").Get("origin").String() }

// CanShare reports whether the browser has a share sheet for links
// (navigator.share).
func CanShare() bool {
	return isFunc(app.Window().Get("navigator").Get("share"))
}

// Share opens the phone's share sheet with a link. It does not wait:
// done is called once, later, with nil when shared, ErrCancelled when the
// person closed the sheet, or another error. Call it from a tap.
func Share(title, url string, done func(error)) {
	if !CanShare() {
		done(ErrUnsupported)
		return
	}
	call(done, func() app.Value {
		return app.Window().Get("navigator").Call("share", map[string]any{"title": title, "url": url})
	})
}

// CopyText puts text on the clipboard. It does not wait: done is called
// once with nil when copied, ErrUnsupported when there is no clipboard
// (an address without HTTPS), or the browser's refusal.
func CopyText(text string, done func(error)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !isFunc(clip.Get("writeText")) {
		done(ErrUnsupported)
		return
	}
	call(done, func() app.Value { return clip.Call("writeText", text) })
}

// CanShareFile reports whether the share sheet takes a file of this
// name, type and text (navigator.canShare({files})).
func CanShareFile(name, mime, text string) bool {
	nav := app.Window().Get("navigator")
	if !isFunc(nav.Get("canShare")) || !CanShare() {
		return false
	}
	ok := false
	func() {
		defer func() { recover() }() // a browser that throws here cannot share it
		ok = nav.Call("canShare", map[string]any{"files": []any{file(name, mime, text)}}).Truthy()
	}()
	return ok
}

// ShareFile opens the share sheet with a file made of text. Like Share,
// it does not wait, and done is called once.
func ShareFile(title, name, mime, text string, done func(error)) {
	call(done, func() app.Value {
		return app.Window().Get("navigator").Call("share", map[string]any{"title": title, "files": []any{file(name, mime, text)}})
	})
}

// SelectText focuses the text field with this id and selects all of it,
// ready to copy.
func SelectText(id string) {
	if e := app.Window().Get("document").Call("getElementById", id); e.Truthy() {
		e.Call("focus")
		e.Call("select")
	}
}

// file makes a JavaScript File.
func file(name, mime, text string) app.Value {
	return app.Window().Get("File").New([]any{text}, name, map[string]any{"type": mime})
}
