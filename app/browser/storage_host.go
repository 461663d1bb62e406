//go:build !wasm

package browser

import "time"

// Persisted answers PersistUnknown outside a browser.
func Persisted(limit time.Duration, done func(Persistence)) { done(PersistUnknown) }

// Persist answers PersistUnknown outside a browser.
func Persist(limit time.Duration, done func(Persistence)) { done(PersistUnknown) }
