package browser

import (
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/journal"
)

// settle calls ok with the value or fail with the error once the promise p
// settles, once, without waiting. A value that is not a promise counts as
// fulfilled at once.
func settle(p app.Value, ok func(app.Value), fail func(error)) {
	if !p.Truthy() || !isFunc(p.Get("then")) {
		ok(p)
		return
	}
	var okF, failF app.Func
	var once sync.Once
	release := func() { once.Do(func() { okF.Release(); failF.Release() }) }
	okF = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		ok(first(args))
		return nil
	})
	failF = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		fail(jsError(first(args)))
		return nil
	})
	p.Call("then", okF, failF)
}

// await waits for a JavaScript promise. It blocks: never call it on the UI
// goroutine.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	ch := make(chan result, 1)
	settle(p, func(v app.Value) { ch <- result{v: v} }, func(err error) { ch <- result{err: err} })
	r := <-ch
	return r.v, r.err
}

// call runs start, which returns a promise, and calls done once with how
// it settled, without waiting. A call that throws at once (no tap before
// it, a refused file type) is an error too.
func call(done func(error), start func() app.Value) {
	var once sync.Once
	finish := func(err error) { once.Do(func() { done(err) }) }
	var p app.Value
	func() {
		defer func() {
			if r := recover(); r != nil {
				finish(ErrRefused)
			}
		}()
		p = start()
	}()
	if p == nil {
		return
	}
	settle(p, func(app.Value) { finish(nil) }, finish)
}

// isFunc reports whether v is a function (false on the host, where every
// value is undefined).
func isFunc(v app.Value) bool { return v.Truthy() && v.Type() == app.TypeFunction }

func first(args []app.Value) app.Value {
	if len(args) == 0 {
		return app.Undefined()
	}
	return args[0]
}

// jsError turns a rejected promise's reason into an error: a full disk is
// journal.ErrStorageFull, a closed share sheet ErrCancelled.
func jsError(reason app.Value) error {
	if !reason.Truthy() {
		return ErrRefused
	}
	name, msg := reason.Get("name").String(), reason.Get("message").String()
	switch name {
	case "QuotaExceededError":
		return journal.ErrStorageFull
	case "AbortError":
		return ErrCancelled
	}
	return fmt.Errorf("%w (%s: %s)", ErrRefused, name, msg)
}

// boot returns web/boot.js's calfsole object (undefined on the host).
func boot() app.Value { return app.Window().Get("calfsole") }

// listen calls f with each event name's detail, as a string, until stop
// is called.
func listen(name string, f func(detail string)) (stop func()) {
	h := app.FuncOf(func(_ app.Value, args []app.Value) any {
		detail := ""
		if len(args) > 0 {
			if d := args[0].Get("detail"); d.Truthy() {
				detail = d.String()
			}
		}
		f(detail)
		return nil
	})
	app.Window().Call("addEventListener", name, h)
	return func() {
		app.Window().Call("removeEventListener", name, h)
		h.Release()
	}
}
