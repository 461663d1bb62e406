package browser

import (
	"errors"
	"fmt"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// await waits for a JavaScript promise. It blocks: never call it on the UI
// goroutine.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	ch := make(chan result, 1)
	then := app.FuncOf(func(_ app.Value, args []app.Value) any {
		var v app.Value = app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	catch := app.FuncOf(func(_ app.Value, args []app.Value) any {
		ch <- result{err: jsError(args)}
		return nil
	})
	p.Call("then", then, catch)
	r := <-ch
	then.Release()
	catch.Release()
	return r.v, r.err
}

// jsError turns a rejected promise's reason into an error; a full disk is
// journal.ErrStorageFull.
func jsError(args []app.Value) error {
	if len(args) == 0 || !args[0].Truthy() {
		return errors.New("storage failed")
	}
	name, msg := args[0].Get("name").String(), args[0].Get("message").String()
	if name == "QuotaExceededError" {
		return journal.ErrStorageFull
	}
	return fmt.Errorf("%s: %s", name, msg)
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
