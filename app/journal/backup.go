package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// AppName is the app field of every backup this app writes.
const AppName = "calf-and-sole"

// MaxImport is the largest file ReadBackup accepts: 10 MB.
const MaxImport = 10 << 20

// MaxEntries is the most entries a backup can hold.
const MaxEntries = 100_000

// Backup is the JSON backup file: everything in the log, with its schema
// version.
type Backup struct {
	App      string    `json:"app"` // AppName
	Schema   int       `json:"schema"`
	Exported time.Time `json:"exported"`
	Entries  []Entry   `json:"entries"`
}

// WriteBackup writes entries to w as an indented JSON backup (a Backup)
// exported at now. Markup in notes is written as it is, not escaped: the
// file is never HTML.
func WriteBackup(w io.Writer, entries []Entry, now time.Time) error {
	// The entries are encoded one at a time: indenting one 5 MB document
	// takes more than twice as long, most of it copying.
	exported, err := now.Round(0).MarshalJSON()
	if err != nil {
		return fmt.Errorf("the export time: %w", err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"app\": %q,\n  \"schema\": %d,\n  \"exported\": %s,\n  \"entries\": [", AppName, Schema, exported)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	for i := range entries {
		buf.Reset()
		if err := enc.Encode(&entries[i]); err != nil {
			return fmt.Errorf("entry %d: %w", i+1, err)
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	if len(entries) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// ReadBackup reads a whole backup from r and checks all of it before the
// caller writes anything: its size (at most MaxImport), that it is a
// complete Calf & Sole backup of a schema this app knows (schema 1 is
// migrated), that it holds at most MaxEntries entries, that every entry is
// valid and that no id is there twice. Errors are plain sentences; entries
// are numbered from 1, in file order.
func ReadBackup(r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImport+1))
	if err != nil {
		return nil, wrapSay(err, "the file could not be read: %s", err)
	}
	if len(data) > MaxImport {
		return nil, sayErr("the file is over 10 MB, too big to be a Calf & Sole backup")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, sayErr("the file is empty")
	}
	var head backupHead
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, notBackup(err)
	}
	switch {
	case head.App == "":
		return nil, sayErr("this is not a Calf & Sole backup: it does not say which app made it")
	case head.App != AppName:
		return nil, sayErr("this is not a Calf & Sole backup: it was made by %s", quote(head.App))
	case head.Schema > Schema:
		return nil, sayErr("this backup was made by a newer version of the app (schema %d); update the app first", head.Schema)
	case head.Schema < 1:
		return nil, sayErr("this backup is not a version this app knows (schema %d)", head.Schema)
	}

	var entries []Entry
	if head.Schema == 1 {
		if entries, err = MigrateV1(head.Entries); err != nil {
			return nil, err
		}
	} else if entries, err = decodeEntries(head.Entries); err != nil {
		return nil, err
	}

	var first error
	bad := 0
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			if first == nil {
				first = &entryError{i + 1, err}
			}
			bad++
		}
	}
	switch {
	case bad == 1:
		return nil, first
	case bad == 2:
		return nil, wrapSay(first, "%s (and 1 more entry has problems)", first)
	case bad > 2:
		return nil, wrapSay(first, "%s (and %d more entries have problems)", first, bad-1)
	}

	seen := make(map[string]int, len(entries))
	for i, e := range entries {
		if j, ok := seen[e.ID]; ok {
			return nil, sayErr("entry %d has the same id as entry %d", i+1, j+1)
		}
		seen[e.ID] = i
	}
	if entries == nil {
		entries = []Entry{}
	}
	return entries, nil
}

// backupHead is a backup read as far as its version.
type backupHead struct {
	App     string          `json:"app"`
	Schema  int             `json:"schema"`
	Entries json.RawMessage `json:"entries"`
}

// decodeEntries reads a schema-2 entries array.
func decodeEntries(raw json.RawMessage) ([]Entry, error) { return decodeList[Entry](raw) }

// decodeList decodes a backup's entries array, already checked to be valid
// JSON, one item at a time so an error can say which. It counts the items
// first: a hostile file of millions of "{}" must not make millions of
// entries. A missing or null array has no items.
func decodeList[T any](raw []byte) ([]T, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] != '[' {
		return nil, sayErr("this is not a Calf & Sole backup: its entries are not a list")
	}
	n := countItems(raw)
	if n > MaxEntries {
		return nil, sayErr("the backup has %d entries; the most this app takes is 100,000", n)
	}
	items := make([]T, n)
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // [
		return nil, notBackup(err)
	}
	for i := range items {
		if err := dec.Decode(&items[i]); err != nil {
			return nil, &entryError{i + 1, readError(err)}
		}
	}
	return items, nil
}

// countItems counts the items of a valid JSON array: one more than the
// commas outside strings and nested values, or none when it is empty.
func countItems(array []byte) int {
	if len(bytes.TrimSpace(array[1:len(array)-1])) == 0 {
		return 0
	}
	commas, depth, inString, escaped := 0, 0, false, false
	for _, c := range array {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case ',':
			if depth == 1 {
				commas++
			}
		}
	}
	return commas + 1
}

// notBackup explains why data that should be a backup is not readable
// JSON, in plain words; Go's own error stays wrapped, unshown.
func notBackup(err error) error {
	var syntax *json.SyntaxError
	var terr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || (errors.As(err, &syntax) && strings.Contains(syntax.Error(), "unexpected end")):
		return wrapSay(err, "this is not a complete Calf & Sole backup: the file ends too soon, it may have been cut short")
	case errors.As(err, &terr) && terr.Field != "":
		return wrapSay(err, "this is not a Calf & Sole backup: %s should be %s, not %s", fieldName(terr.Field), wantSort(terr.Type), sortOf(terr.Value))
	}
	return wrapSay(err, "this is not a Calf & Sole backup: it is not a backup file the app can read")
}

// entryError is a problem with entry N (from 1) of a backup.
type entryError struct {
	N   int
	Err error
}

// Error writes "entry 12: severity must be between 0 and 10", with every
// problem of the entry on one line.
func (e *entryError) Error() string {
	format, args := e.Message()
	return fmt.Sprintf(format, args...)
}

// Message is Error in parts, for words.Error: "entry %d: %s", the
// problems joined by "; ".
func (e *entryError) Message() (string, []any) {
	var parts []any
	if j, ok := e.Err.(interface{ Unwrap() []error }); ok {
		for _, err := range j.Unwrap() {
			parts = append(parts, err)
		}
	} else {
		parts = append(parts, e.Err)
	}
	return "entry %d: %s", []any{e.N, joinTexts(parts)}
}

func (e *entryError) Unwrap() error { return e.Err }

// Merge merges incoming into existing by ID: an entry with a new ID is
// added, and one with a known ID replaces the existing one only when its
// Updated is later (on a tie the existing one stays). It returns the merged
// list (existing in their order, then the added ones in theirs) and how many
// entries were added and updated. Importing the same file twice changes
// nothing the second time. Neither input is changed.
func Merge(existing, incoming []Entry) (merged []Entry, added, updated int) {
	merged = make([]Entry, len(existing), len(existing)+len(incoming))
	copy(merged, existing)
	at := make(map[string]int, len(existing)+len(incoming))
	for i, e := range existing {
		at[e.ID] = i
	}
	for _, e := range incoming {
		i, ok := at[e.ID]
		switch {
		case !ok:
			at[e.ID] = len(merged)
			merged = append(merged, e)
			added++
		case e.Updated.After(merged[i].Updated):
			if i < len(existing) {
				updated++
			}
			merged[i] = e
		}
	}
	return merged, added, updated
}
