// Package content holds the app's words and facts as data: the acupressure
// points, the routines, the safety notice and the background pages. The JSON
// files beside this file are the source, edited without touching UI code;
// Parse reads and validates them. The app starts from the same content as Go
// values, english.go, which `go run ./content/gen` writes from the JSON
// (make runs it before a build), so no phone decodes or checks the JSON at
// start; the content tests fail when english.go differs from the JSON.
// Names are compared as content/names folds them, as point search does.
//
// # Languages
//
// The English files beside this file are the one source of the content's
// structure: every ID, step kind, duration, flag, code, point name, drawing
// and body-map spot is written there and nowhere else. Another language is a
// directory named by its BCP 47 tag (zh-Hans/) holding only that language's
// text, in files named like the English ones and keyed by the same IDs:
//
//	zh-Hans/points.json    {"ki3": {"region": "内踝", "location": "...", ...}, ...}
//	zh-Hans/routines.json  {"bedtime": {"title": "...", "steps": {"soak": {...}}}}
//	zh-Hans/safety.json    the notice, red flags (in the English order) and soak checks
//	zh-Hans/pages.json     {"plantar-fasciitis": {"title": "...", "sections": [...]}}
//
// So a translator edits text only, side by side with the English by ID, and
// cannot make a duration, a drawing or a warning's urgency differ between
// languages. (Translations inside each field, {"en": "...", "zh-Hans":
// "..."}, were the other shape: they would rewrite every English file and
// its readers, and put both languages, and any third, in one file.)
//
// The fields a translation gives are the ones tagged text:"yes" in the
// types below; all other fields are the same in every language.
// LoadIn builds a language's Library from the English structure and that
// language's text and checks it with Validate; the content tests check each
// shipped language against the English with CompareText, so a string
// missing in one language, a list of another length or a changed number
// fails the tests, never falls back to English.
package content
