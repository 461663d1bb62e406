package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// logStore keeps the log's entries on the phone. Its methods block: call
// them from ctx.Async, never from the UI goroutine.
type logStore interface {
	// All returns every entry, and how many stored records were corrupt
	// and set aside.
	All() (entries []journal.Entry, setAside int, err error)
	// Get returns one entry.
	Get(id string) (journal.Entry, error)
	// Put writes entries, all or none.
	Put(es ...journal.Entry) error
	// Delete removes an entry.
	Delete(id string) error
}

// errNotFound is returned for an entry the log does not hold.
var errNotFound = errors.New("no such entry")

// errStorageFull is returned when the phone's storage is full.
var errStorageFull = errors.New("the phone's storage is full")

var (
	storeOnce    sync.Once
	storeShared  logStore
	storeWarning string
)

// openStore opens the log's storage, once for the page: IndexedDB
// (web/store.js), or, when the browser refuses it (private browsing,
// storage blocked), one store in memory shared by every screen, with a
// warning for the person.
func openStore() (logStore, string) {
	storeOnce.Do(func() {
		js := app.Window().Get("calfsoleStore")
		if js.Truthy() {
			if _, err := await(js.Call("open")); err == nil {
				storeShared = idbStore{js: js}
				return
			}
		}
		storeShared = newMemStore()
		storeWarning = "This browser is not letting the app keep data (private browsing, or storage turned off). You can log, but entries will be lost when you close the app."
	})
	return storeShared, storeWarning
}

// idbStore is the log in IndexedDB, one JSON record per entry.
type idbStore struct{ js app.Value }

func (s idbStore) All() ([]journal.Entry, int, error) {
	v, err := await(s.js.Call("all"))
	if err != nil {
		return nil, 0, fmt.Errorf("reading the log: %w", err)
	}
	entries := make([]journal.Entry, 0, v.Length())
	setAside := 0
	for i := 0; i < v.Length(); i++ {
		pair := v.Index(i)
		e, err := journal.Decode([]byte(pair.Index(1).String()))
		if err != nil {
			// A corrupt record is moved out of the log, kept, and counted;
			// the rest still loads.
			setAside++
			await(s.js.Call("setAside", pair.Index(0).String()))
			continue
		}
		entries = append(entries, e)
	}
	return entries, setAside, nil
}

func (s idbStore) Get(id string) (journal.Entry, error) {
	v, err := await(s.js.Call("get", id))
	if err != nil {
		return journal.Entry{}, fmt.Errorf("reading entry %s: %w", id, err)
	}
	if v.IsUndefined() || v.IsNull() {
		return journal.Entry{}, errNotFound
	}
	return journal.Decode([]byte(v.String()))
}

func (s idbStore) Put(es ...journal.Entry) error {
	pairs := make([]any, 0, len(es))
	for _, e := range es {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("saving entry %s: %w", e.ID, err)
		}
		pairs = append(pairs, []any{e.ID, string(b)})
	}
	_, err := await(s.js.Call("put", pairs))
	return err
}

func (s idbStore) Delete(id string) error {
	_, err := await(s.js.Call("remove", id))
	return err
}

// memStore keeps the log in memory only, when the browser gives no storage.
type memStore struct{ m map[string]journal.Entry }

func newMemStore() *memStore { return &memStore{m: map[string]journal.Entry{}} }

func (s *memStore) All() ([]journal.Entry, int, error) {
	out := make([]journal.Entry, 0, len(s.m))
	for _, e := range s.m {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, 0, nil
}

func (s *memStore) Get(id string) (journal.Entry, error) {
	e, ok := s.m[id]
	if !ok {
		return journal.Entry{}, errNotFound
	}
	return e, nil
}

func (s *memStore) Put(es ...journal.Entry) error {
	for _, e := range es {
		s.m[e.ID] = e
	}
	return nil
}

func (s *memStore) Delete(id string) error {
	delete(s.m, id)
	return nil
}

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

// jsError turns a rejected promise's reason into an error.
func jsError(args []app.Value) error {
	if len(args) == 0 || !args[0].Truthy() {
		return errors.New("storage failed")
	}
	name, msg := args[0].Get("name").String(), args[0].Get("message").String()
	if name == "QuotaExceededError" {
		return errStorageFull
	}
	return fmt.Errorf("%s: %s", name, msg)
}
