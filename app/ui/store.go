package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// logStore keeps the log's entries on the phone. Its methods block: call
// them from ctx.Async, never from the UI goroutine.
type logStore interface {
	// Records returns every stored record, newest first as far as the
	// storage can tell, undecoded: journal.Reader decodes them.
	Records() ([]journal.Record, error)
	// Newest returns the stored records newest first, a batch at a time,
	// so a screen can show the newest without reading them all.
	Newest() recordPager
	// SetAside moves records that cannot be read out of the log, keeping
	// their text; a record whose text has changed since it was read stays.
	SetAside(recs ...journal.Record) error
	// Get returns one entry.
	Get(id string) (journal.Entry, error)
	// Put writes entries, all or none.
	Put(es ...journal.Entry) error
	// Delete removes an entry.
	Delete(id string) error
}

// recordPager gives stored records a batch at a time.
type recordPager interface {
	// Next returns up to n more records, and whether they were the last.
	Next(n int) (recs []journal.Record, done bool, err error)
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

func (s idbStore) Records() ([]journal.Record, error) {
	v, err := await(s.js.Call("records"))
	if err != nil {
		return nil, fmt.Errorf("reading the log: %w", err)
	}
	return unpack(v)
}

func (s idbStore) Newest() recordPager { return idbPager{s.js.Call("newest")} }

// idbPager reads records through web/store.js's newest().
type idbPager struct{ js app.Value }

func (p idbPager) Next(n int) ([]journal.Record, bool, error) {
	v, err := await(p.js.Call("next", n))
	if err != nil {
		return nil, true, fmt.Errorf("reading the log: %w", err)
	}
	recs, err := unpack(v)
	return recs, v.Get("done").Bool(), err
}

// unpack reads a batch of records from web/store.js: two strings cross
// from JavaScript, not two per record, so ten years of entries arrive in
// milliseconds.
func unpack(v app.Value) ([]journal.Record, error) {
	n, odd := v.Get("count").Int(), v.Get("odd")
	recs := make([]journal.Record, 0, n+odd.Length())
	if n > 0 {
		keys := strings.Split(v.Get("keys").String(), "\n")
		texts := strings.Split(v.Get("texts").String(), "\n")
		if len(keys) != n || len(texts) != n {
			return nil, fmt.Errorf("reading the log: %d keys and %d records for %d entries", len(keys), len(texts), n)
		}
		for i := range keys {
			recs = append(recs, journal.Record{Key: keys[i], Text: texts[i]})
		}
	}
	for i := 0; i < odd.Length(); i++ {
		recs = append(recs, journal.Record{Key: odd.Index(i).Index(0).String(), Text: odd.Index(i).Index(1).String()})
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

func (s *memStore) Records() ([]journal.Record, error) {
	es := make([]journal.Entry, 0, len(s.m))
	for _, e := range s.m {
		es = append(es, e)
	}
	sortByAt(es)
	recs := make([]journal.Record, 0, len(es))
	for _, e := range es {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("reading entry %s: %w", e.ID, err)
		}
		recs = append(recs, journal.Record{Key: e.ID, Text: string(b)})
	}
	return recs, nil
}

func (s *memStore) Newest() recordPager {
	recs, err := s.Records()
	return &memPager{recs: recs, err: err}
}

// memPager hands out a memStore's records, as read when it was made.
type memPager struct {
	recs []journal.Record
	err  error
}

func (p *memPager) Next(n int) ([]journal.Record, bool, error) {
	if p.err != nil {
		return nil, true, p.err
	}
	n = min(n, len(p.recs))
	out := p.recs[:n]
	p.recs = p.recs[n:]
	return out, len(p.recs) == 0, nil
}

func (s *memStore) SetAside(recs ...journal.Record) error {
	for _, r := range recs {
		delete(s.m, r.Key)
	}
	return nil
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
