package browser

import (
	"fmt"
	"strings"
	"sync"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var (
	storeOnce   sync.Once
	storeShared journal.Store
	storeKept   bool
)

// OpenStore opens the log's storage, once for the page, and reports
// whether the browser keeps it: IndexedDB (web/store.js), or, when the
// browser refuses it (private browsing, storage blocked) and on the host,
// one store in memory that every screen shares. It blocks: call it off the
// UI goroutine.
func OpenStore() (s journal.Store, kept bool) {
	storeOnce.Do(func() {
		js := app.Window().Get("calfsoleStore")
		if js.Truthy() {
			if _, err := await(js.Call("open")); err == nil {
				storeShared, storeKept = idbStore{js: js}, true
				return
			}
		}
		// Screens share it from one goroutine at a time: WebAssembly
		// runs one, and a MemStore never blocks.
		storeShared = &journal.MemStore{}
	})
	return storeShared, storeKept
}

// OnLogChange calls f when another tab changes the log, until stop is
// called.
func OnLogChange(f func()) (stop func()) {
	js := app.Window().Get("calfsoleStore")
	if !js.Truthy() {
		return func() {}
	}
	h := app.FuncOf(func(app.Value, []app.Value) any {
		f()
		return nil
	})
	js.Call("onChange", h)
	return func() {
		js.Call("onChange", nil)
		h.Release()
	}
}

// CanPersist reports whether the browser can be asked to keep the log for
// good (WebKitGTK has no navigator.storage); true on the host, where no
// browser says otherwise.
func CanPersist() bool {
	st := app.Window().Get("calfsoleStore")
	return !st.Truthy() || st.Get("canPersist").Bool()
}

// AskPersist asks the browser to keep the log even when the phone runs
// low on space. It never waits for the answer.
func AskPersist() {
	if js := app.Window().Get("calfsoleStore"); js.Truthy() {
		js.Call("persist")
	}
}

// idbStore is the log in IndexedDB (web/store.js), one record per entry:
// its ID, its time in ms (indexed) and its JSON text, all made here.
type idbStore struct{ js app.Value }

func (s idbStore) Newest() journal.Pager { return idbPager{s.js.Call("newest")} }

// idbPager reads records through web/store.js's newest().
type idbPager struct{ js app.Value }

func (p idbPager) Next(n int) ([]journal.Record, bool, error) {
	v, err := await(p.js.Call("next", n))
	if err != nil {
		return nil, true, err // journal.Load says what it was reading
	}
	recs, err := unpack(v)
	return recs, v.Get("done").Bool(), err
}

// unpack reads a batch of records from web/store.js: two strings cross
// from JavaScript, not two per record, so ten years of entries arrive in
// milliseconds. A record with a line break in its key or text, or with no
// time, comes apart, as [key, text, untimed].
func unpack(v app.Value) ([]journal.Record, error) {
	n, odd := v.Get("count").Int(), v.Get("odd")
	recs := make([]journal.Record, 0, n+odd.Length())
	if n > 0 {
		keys := strings.Split(v.Get("keys").String(), "\n")
		texts := strings.Split(v.Get("texts").String(), "\n")
		if len(keys) != n || len(texts) != n {
			return nil, fmt.Errorf("%d keys and %d records for %d entries", len(keys), len(texts), n)
		}
		for i := range keys {
			recs = append(recs, journal.Record{Key: keys[i], Text: texts[i]})
		}
	}
	for i := 0; i < odd.Length(); i++ {
		o := odd.Index(i)
		recs = append(recs, journal.Record{Key: o.Index(0).String(), Text: o.Index(1).String(), Untimed: o.Index(2).Truthy()})
	}
	return recs, nil
}

func (s idbStore) SetAside(recs ...journal.Record) error {
	for _, r := range recs {
		if _, err := await(s.js.Call("setAside", r.Key, r.Text)); err != nil {
			return fmt.Errorf("setting aside record %s: %w", r.Key, err)
		}
	}
	return nil
}

func (s idbStore) Get(id string) (journal.Entry, error) {
	v, err := await(s.js.Call("get", id))
	if err != nil {
		return journal.Entry{}, fmt.Errorf("reading entry %s: %w", id, err)
	}
	if v.IsUndefined() || v.IsNull() {
		return journal.Entry{}, journal.ErrNotFound
	}
	return journal.Decode([]byte(v.String()))
}

func (s idbStore) Put(es ...journal.Entry) error {
	recs := make([]any, 0, len(es))
	for _, e := range es {
		r, err := journal.Encode(e)
		if err != nil {
			return err
		}
		recs = append(recs, []any{r.Key, float64(e.At.UnixMilli()), r.Text})
	}
	if _, err := await(s.js.Call("put", recs)); err != nil {
		return fmt.Errorf("saving %d entries: %w", len(es), err)
	}
	return nil
}

func (s idbStore) Delete(id string) error {
	if _, err := await(s.js.Call("remove", id)); err != nil {
		return fmt.Errorf("deleting entry %s: %w", id, err)
	}
	return nil
}
