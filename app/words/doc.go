// Package words is the app's message catalogue: every sentence, label and
// button the screens show, with the English text as the key and the
// Simplified Chinese beside it, and the way each language writes dates,
// times and counts. The content (points, routines, safety, background
// pages) is not here: content/ holds it, in each language.
//
//   - words.go: T, F and Has (look a message up), Date and Clock.
//   - zh.go: the Chinese of every message.
//   - message.go: Message, a sentence a domain package keeps in parts
//     (app/journal's Texts and errors), and Say and Error, which write one
//     in a language.
//
// A host test in app/ui reads app/ui's source and fails when a message it
// passes to the catalogue has no Chinese here, or when a visible string
// is written there without going through it; one in app/journal does the
// same for the messages it says.
package words
