// Package content holds the app's words and facts as data: the acupressure
// points, the routines, the safety notice and the background pages. The JSON
// files beside this file are embedded, parsed and validated here, so they can
// be edited without touching UI code. Names are compared as content/names
// folds them, as point search does.
package content
