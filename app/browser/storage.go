package browser

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Persisted asks whether the browser keeps the app's storage for good,
// without asking the person anything. It does not wait: done is called
// once, with PersistUnknown when the browser has no navigator.storage
// (WebKitGTK, older Safari) or does not answer within limit.
func Persisted(limit time.Duration, done func(Persistence)) {
	storageCall("persisted", limit, done)
}

// Persist asks the browser to keep the app's storage for good (Firefox
// may ask the person, who may never answer). It does not wait: done is
// called once, as for Persisted.
func Persist(limit time.Duration, done func(Persistence)) {
	storageCall("persist", limit, done)
}

func storageCall(method string, limit time.Duration, done func(Persistence)) {
	st := app.Window().Get("navigator").Get("storage")
	if !st.Truthy() || !isFunc(st.Get(method)) {
		done(PersistUnknown)
		return
	}
	var once sync.Once
	finish := func(p Persistence) { once.Do(func() { done(p) }) }
	timer := time.AfterFunc(limit, func() { finish(PersistUnknown) })
	settle(st.Call(method), func(v app.Value) {
		timer.Stop()
		if v.Truthy() {
			finish(PersistYes)
		} else {
			finish(PersistNo)
		}
	}, func(error) {
		timer.Stop()
		finish(PersistUnknown)
	})
}
