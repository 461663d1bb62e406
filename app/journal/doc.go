// Package journal is the symptom log: its entries (leg cramps, heel pain,
// routines done), their validation, the nights they belong to, the
// statistics the trends draw, the files that carry the log off the phone
// and back, and the log's storage behind the Store interface. It is plain
// Go with no browser in it: the browser's store (IndexedDB) is in
// app/browser; MemStore stands in for it in tests and private browsing.
//
//   - entry.go, validate.go: an entry and what makes it valid.
//   - store.go, records.go, load.go: Store and Pager, MemStore, the
//     records as stored, and Load, the newest-first batched read that a
//     context cancels, sets damaged records aside and dates undated ones.
//   - import.go, backup.go, readerror.go, csv.go, migrate.go: the checked
//     backup import (merged by id, all or none), the JSON backup and CSV
//     files, errors in plain words, the first version's history.
//   - text.go: Text, a message kept in parts (its English format and its
//     arguments). Every error a person may read (an import refused, an
//     entry not valid) is one, so the screens write it in their language
//     through app/words (words.Error) while this package stays English
//     and free of the screens' words; Error() is the English.
//   - night.go: nights (noon to noon), statistics and the summary; Count,
//     the one pluraliser.
//   - backupstatus.go: when to remind the person to save a backup.
//   - runentry.go: the log entry of a routine run.
package journal
