// Package browser is the app's one bridge to the browser: the only code
// that touches the page's JavaScript (app.Window()). It holds the log's
// IndexedDB store (web/store.js), the routine's cues and wake lock
// (web/boot.js), the colour theme, the update offer, downloads, printing
// and storage persistence.
//
// It is written over go-app's app.Value, which is itself the host stand-in:
// built for the host (the server, go test), every value is undefined, so
// OpenStore gives an in-memory store, the cues are silent and the queries
// answer as a browser without the feature would. No build tag is needed.
package browser
