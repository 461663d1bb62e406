package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
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
	with := changer(t, good)
	// The third entry (the routine) is written with its "at" first.
	third := `"kind": "routine",` + "\n" + `      "at": "`
	thirdAt := good[strings.Index(good, third)+len(third)-1:]
	thirdAt = thirdAt[:strings.Index(thirdAt, ",")]
	head := `{"app":"calf-and-sole","schema":2,"entries":`
	v1 := `{"app":"calf-and-sole","schema":1,"entries":[{"id":"` + id(1) + `","routine":"bedtime","started":"last night"}]}`

	tests := []struct {
		name, file, want, zh string
	}{
		{"a word for a date", with(thirdAt, `"yesterday"`), `entry 3: the date "yesterday" is not a date this app wrote`, `第3条记录：日期"yesterday"不是本应用写的日期`},
		{"a date without its time", with(thirdAt, `"2026-11-30"`), `entry 3: the date "2026-11-30" is not a date this app wrote`, `第3条记录：日期"2026-11-30"不是本应用写的日期`},
		{"a number for a date", with(thirdAt, `1764500000`), "entry 3: a date is not written as this app writes dates", "第3条记录：有个日期的写法和本应用的不一样"},
		{"text for a number", with(`"severity": 7`, `"severity": "seven"`), "entry 1: severity should be a whole number, not text", "第1条记录：疼痛程度应该是整数，不是文字"},
		{"a fraction", with(`"severity": 7`, `"severity": 7.5`), "entry 1: severity should be a whole number, not the number 7.5", "第1条记录：疼痛程度应该是整数，不是数字7.5"},
		{"a number for text", with(`"kind": "heel"`, `"kind": 2`), "entry 2: the kind should be text, not a number", "第2条记录：类型应该是文字，不是数字"},
		{"text for a list", with(`"where": [`, `"where": "calf", "x": [`), "entry 1: where should be a list, not text", "第1条记录：部位应该是列表，不是文字"},
		{"a list for details", with(`"heel": {`, `"heel": [], "x": {`), "entry 2: the heel details should be a group of details in { }, not a list", "第2条记录：脚跟痛详情应该是用{ }括起来的一组内容，不是列表"},
		{"yes for true", with(`"completed": true`, `"completed": "yes"`), "entry 3: whether the routine was finished should be true or false, not text", "第3条记录：调理是否做完应该是真或假，不是文字"},
		{"a number for an entry", head + `[1]}`, "entry 1: it is not an entry: it is a number", "第1条记录：这不是一条记录，而是数字"},
		{"text for an entry", head + `[{}, "a cramp"]}`, "entry 2: it is not an entry: it is text", "第2条记录：这不是一条记录，而是文字"},
		{"the first version's start", v1, `entry 1: the date "last night" is not a date this app wrote`, `第1条记录：日期"last night"不是本应用写的日期`},
		{"schema as text", `{"app":"calf-and-sole","schema":"2","entries":[]}`, "this is not a Calf & Sole backup: the schema version should be a whole number, not text", "这不是 Calf & Sole 的备份：格式版本应该是整数，不是文字"},
		{"app as a number", `{"app":7,"schema":2,"entries":[]}`, "this is not a Calf & Sole backup: the app name should be text, not a number", "这不是 Calf & Sole 的备份：应用名称应该是文字，不是数字"},
		{"not json", "id,kind,at\n1,cramp,now\n", "this is not a Calf & Sole backup: it is not a backup file the app can read", "这不是 Calf & Sole 的备份：本应用读不了这个文件"},
		{"cut short", good[:len(good)/3], "this is not a complete Calf & Sole backup: the file ends too soon, it may have been cut short", "这不是完整的 Calf & Sole 备份：文件提前结束了，可能被截断了"},
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
			if got := words.Error(content.Chinese, err); got != tt.zh {
				t.Errorf("in Chinese:\n got %q\nwant %q", got, tt.zh)
			}
			if got := words.Error(content.English, err); got != tt.want {
				t.Errorf("words.Error in English = %q, want the error's own %q", got, tt.want)
			}
		})
	}
}

// englishWord is a word of Latin letters; the app's name aside, a Chinese
// message has none but the values it quotes from the file.
var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestImportMessagesChinese: every way a backup or an entry can be refused
// reads in Chinese with no English word left, the values quoted from the
// file and the app's name aside; each message's parts (field names, sorts
// of value, the log's values) are Chinese too.
func TestImportMessagesChinese(t *testing.T) {
	good := string(backup(t, sample()))
	with := changer(t, good)
	files := []struct{ name, file string }{
		{"several problems", with(`"severity": 7`, `"severity": 12, "leg": "up", "where": ["calf", "calf", "knee"]`)},
		{"a kind's details missing", with(`"kind": "heel"`, `"kind": "cramp"`)},
		{"an unknown kind", with(`"kind": "heel"`, `"kind": "nap"`)},
		{"a huge step count", with(`"completed": true`, `"completed": true, "steps": [`+strings.Repeat(`"x",`, 200)+`"x"]`)},
		{"problems in two entries", strings.Replace(with(`"severity": 7`, `"severity": 70, "leg": ""`), `"kind": "heel"`, `"kind": "cramp"`, 1)},
		{"the same id twice", strings.Replace(good, id(2), id(1), 1)},
		{"an unknown field's sort", with(`"where": [`, `"where": {}, "x": [`)},
		{"a newer schema", `{"app":"calf-and-sole","schema":9,"entries":[]}`},
		{"another app", `{"app":"other","schema":2,"entries":[]}`},
		{"no app", `{"schema":2,"entries":[]}`},
		{"empty", "  "},
		{"entries not a list", `{"app":"calf-and-sole","schema":2,"entries":{}}`},
		{"nested", `{"app":"calf-and-sole","schema":2,"entries":[` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `]}`},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			_, err := ReadBackup(strings.NewReader(f.file))
			if err == nil {
				t.Fatal("ReadBackup() took the file")
			}
			zh := words.Error(content.Chinese, err)
			rest := strings.ReplaceAll(quoted.ReplaceAllString(zh, `""`), "Calf & Sole", "")
			if w := englishWord.FindString(strings.ReplaceAll(rest, "UUID", "")); w != "" || !strings.ContainsFunc(zh, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
				t.Errorf("English word %q left in the Chinese refusal %q (English: %q)", w, zh, err)
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

// changer returns a function that writes the backup good with its first
// old replaced by new, failing the test when old is not in it.
func changer(t *testing.T, good string) func(old, new string) string {
	return func(old, new string) string {
		t.Helper()
		s := strings.Replace(good, old, new, 1)
		if s == good {
			t.Fatalf("%q is not in the backup", old)
		}
		return s
	}
}
