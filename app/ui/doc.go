// Package ui is the Calf & Sole user interface: go-app pages and components
// that arrange what the content and domain packages give them and send
// what the person does back to them. It never touches the browser itself
// (app/browser does) and never parses content or writes the log's records
// (content and app/journal do).
//
//   - routes.go: the pages, their paths, Register.
//   - lang.go: each page's language (English, or Chinese under /zh), the
//     catalogue's tr/trf/msg, the Chinese edition read on first use, the
//     English edition's search that answers a query in hanzi from an index
//     with the Chinese words too (built on the first such query, never at
//     start-up), and withParts, which marks text kept in the other
//     language with its lang.
//   - problem.go: what went wrong, in the page's language, for a sentence
//     that names it.
//   - shell.go, theme.go, widgets.go, icons.go: the frame of every screen
//     and the pieces several screens share.
//   - markup.go: the parts of screens that take no taps or typing (prose,
//     lists, cards, the tab bar, the clinician summary), written as HTML
//     text with every text and attribute value escaped, which go-app
//     mounts in one browser call instead of one per element; faster to
//     start, above all on a slow phone. What has an event handler stays a
//     go-app element.
//   - run.go, runner.go: the one run controller (go-app state and the
//     actionRun action) and the running-routine bar. Steps are named in
//     the page's language from the content (stepName, in timer.go), not
//     from the titles the run stored.
//   - routine.go, routinesetup.go, timer.go, routines.go, reminderform.go:
//     the routine screens.
//   - points.go, point.go: point lookup.
//   - log.go, loghistory.go, logtransfer.go, logentry.go, logprint.go,
//     chart.go, backupstatus.go: the log.
//   - home.go, safety.go, about.go, notfound.go, share.go, settings.go:
//     the rest.
package ui
