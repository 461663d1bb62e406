//go:build wasm

package browser

import (
	"errors"
	"sync"
	"syscall/js"
)

// Origin is the app's own origin ("https://example.org"), to which app
// paths are added to make a link.
func Origin() string { return js.Global().Get("location").Get("origin").String() }

// CanShare reports whether the browser has a share sheet for links
// (navigator.share).
func CanShare() bool {
	return js.Global().Get("navigator").Get("share").Type() == js.TypeFunction
}

// Share opens the phone's share sheet with a link. It does not wait:
// done is called once, later, with nil when shared, ErrCancelled when the
// person closed the sheet, or another error. Call it from a tap.
func Share(title, url string, done func(error)) {
	if !CanShare() {
		done(ErrUnsupported)
		return
	}
	call(done, func() js.Value {
		return js.Global().Get("navigator").Call("share", map[string]any{"title": title, "url": url})
	})
}

// CopyText puts text on the clipboard. It does not wait: done is called
// once with nil when copied, ErrUnsupported when there is no clipboard
// (an address without HTTPS), or the browser's refusal.
func CopyText(text string, done func(error)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() || clip.Get("writeText").Type() != js.TypeFunction {
		done(ErrUnsupported)
		return
	}
	call(done, func() js.Value { return clip.Call("writeText", text) })
}

// CanShareFile reports whether the share sheet takes a file of this
// name, type and text (navigator.canShare({files})).
func CanShareFile(name, mime, text string) bool {
	nav := js.Global().Get("navigator")
	if nav.Get("canShare").Type() != js.TypeFunction || !CanShare() {
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
	call(done, func() js.Value {
		return js.Global().Get("navigator").Call("share", map[string]any{"title": title, "files": []any{file(name, mime, text)}})
	})
}

// SelectText focuses the text field with this id and selects all of it,
// ready to copy.
func SelectText(id string) {
	if e := js.Global().Get("document").Call("getElementById", id); e.Truthy() {
		e.Call("focus")
		e.Call("select")
	}
}

// file makes a JavaScript File.
func file(name, mime, text string) js.Value {
	return js.Global().Get("File").New([]any{text}, name, map[string]any{"type": mime})
}

// call runs start, which returns a promise, and calls done once with how
// it settled. A call that throws at once (no user tap, a refused type)
// is an error too.
func call(done func(error), start func() js.Value) {
	var once sync.Once
	finish := func(err error) { once.Do(func() { done(err) }) }
	var p js.Value
	func() {
		defer func() {
			if r := recover(); r != nil {
				finish(errors.New("the browser refused"))
			}
		}()
		p = start()
	}()
	if p.Type() != js.TypeObject || p.Get("then").Type() != js.TypeFunction {
		finish(nil)
		return
	}
	then(p, func(js.Value) { finish(nil) }, func(reason js.Value) { finish(rejection(reason)) })
}

// then calls ok or fail when the promise p settles, and releases both.
func then(p js.Value, ok, fail func(js.Value)) {
	var okF, failF js.Func
	release := func() { okF.Release(); failF.Release() }
	arg := func(args []js.Value) js.Value {
		if len(args) == 0 {
			return js.Undefined()
		}
		return args[0]
	}
	okF = js.FuncOf(func(_ js.Value, args []js.Value) any { release(); ok(arg(args)); return nil })
	failF = js.FuncOf(func(_ js.Value, args []js.Value) any { release(); fail(arg(args)); return nil })
	p.Call("then", okF, failF)
}

// rejection turns a promise's rejection into an error: ErrCancelled for an
// AbortError (the share sheet closed).
func rejection(reason js.Value) error {
	if !reason.Truthy() {
		return errors.New("the browser refused")
	}
	name := reason.Get("name")
	if name.Type() == js.TypeString && name.String() == "AbortError" {
		return ErrCancelled
	}
	msg := reason.Get("message")
	if name.Type() == js.TypeString && msg.Type() == js.TypeString {
		return errors.New(name.String() + ": " + msg.String())
	}
	return errors.New(reason.Call("toString").String())
}
