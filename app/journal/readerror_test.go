package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// goWords are what Go's own error text is made of: type names, struct
// fields, time layouts. None may reach a person.
var goWords = regexp.MustCompile(`\b(int|int64|float64|string|bool|\[\]string|struct|unmarshal|Unmarshal|Go|json|journal|time\.Time|Time|Entry|Cramp|Heel|RoutineDone|backupHead|v1Routine|2006|15:04:05|Z07)\b`)

// quoted matches a value quoted in a message (strconv.Quote).
var quoted = regexp.MustCompile(`"(\\.|[^"\\])*"`)

// TestImportMessages: each way an entry can be written wrong in a backup
// gets one plain sentence naming the entry and what is wrong, with none
// of Go's words in it.
func TestImportMessages(t *testing.T) {
	good := string(backup(t, sample()))
	with := func(old, new string) string {
		s := strings.Replace(good, old, new, 1)
		if s == good {
			t.Fatalf("%q is not in the backup", old)
		}
		return s
	}
	// The third entry (the routine) is written with its "at" first.
	third := `"kind": "routine",` + "\n" + `      "at": "`
	thirdAt := good[strings.Index(good, third)+len(third)-1:]
	thirdAt = thirdAt[:strings.Index(thirdAt, ",")]
	head := `{"app":"calf-and-sole","schema":2,"entries":`
	v1 := `{"app":"calf-and-sole","schema":1,"entries":[{"id":"` + id(1) + `","routine":"bedtime","started":"last night"}]}`

	tests := []struct {
		name, file, want string
	}{
		{"a word for a date", with(thirdAt, `"yesterday"`), `entry 3: the date "yesterday" is not a date this app wrote`},
		{"a date without its time", with(thirdAt, `"2026-11-30"`), `entry 3: the date "2026-11-30" is not a date this app wrote`},
		{"a number for a date", with(thirdAt, `1764500000`), "entry 3: a date is not written as this app writes dates"},
		{"text for a number", with(`"severity": 7`, `"severity": "seven"`), "entry 1: severity should be a whole number, not text"},
		{"a fraction", with(`"severity": 7`, `"severity": 7.5`), "entry 1: severity should be a whole number, not the number 7.5"},
		{"a number for text", with(`"kind": "heel"`, `"kind": 2`), "entry 2: the kind should be text, not a number"},
		{"text for a list", with(`"where": [`, `"where": "calf", "x": [`), "entry 1: where should be a list, not text"},
		{"a list for details", with(`"heel": {`, `"heel": [], "x": {`), "entry 2: the heel details should be a group of details in { }, not a list"},
		{"yes for true", with(`"completed": true`, `"completed": "yes"`), "entry 3: whether the routine was finished should be true or false, not text"},
		{"a number for an entry", head + `[1]}`, "entry 1: it is not an entry: it is a number"},
		{"text for an entry", head + `[{}, "a cramp"]}`, "entry 2: it is not an entry: it is text"},
		{"the first version's start", v1, `entry 1: the date "last night" is not a date this app wrote`},
		{"schema as text", `{"app":"calf-and-sole","schema":"2","entries":[]}`, "this is not a Calf & Sole backup: the schema version should be a whole number, not text"},
		{"app as a number", `{"app":7,"schema":2,"entries":[]}`, "this is not a Calf & Sole backup: the app name should be text, not a number"},
		{"not json", "id,kind,at\n1,cramp,now\n", "this is not a Calf & Sole backup: it is not a backup file the app can read"},
		{"cut short", good[:len(good)/3], "this is not a complete Calf & Sole backup: the file ends too soon, it may have been cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadBackup(strings.NewReader(tt.file))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("ReadBackup() = %d entries, %v\nwant %q", len(got), err, tt.want)
			}
			if w := goWords.FindString(err.Error()); w != "" {
				t.Errorf("the message shows Go's word %q: %s", w, err)
			}
		})
	}
}

// TestImportMessagesKeepCause: the plain message still wraps Go's error,
// for code that needs it.
func TestImportMessagesKeepCause(t *testing.T) {
	_, err := ReadBackup(strings.NewReader(`{"app":"calf-and-sole","schema":"2","entries":[]}`))
	var terr *json.UnmarshalTypeError
	if !errors.As(err, &terr) || terr.Field != "schema" {
		t.Errorf("the error does not wrap the decoder's: %#v", err)
	}
}

// FuzzImportMessages: whatever the file, a refusal is one line in plain
// words, never Go's.
func FuzzImportMessages(f *testing.F) {
	f.Add(backup(f, sample()))
	f.Add([]byte(`{"app":"calf-and-sole","schema":2,"entries":[{"at":"yesterday"}]}`))
	f.Add([]byte(`{"app":"calf-and-sole","schema":2,"entries":[{"cramp":{"severity":"x"}}]}`))
	f.Add([]byte(`{"app":"calf-and-sole","schema":1,"entries":[{"started":5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadBackup(bytes.NewReader(data))
		if err == nil {
			return
		}
		// Values quoted from the file may say anything.
		if w := goWords.FindString(quoted.ReplaceAllString(err.Error(), `""`)); w != "" {
			t.Fatalf("the message shows Go's word %q: %s", w, err)
		}
	})
}
