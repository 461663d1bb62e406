//go:build !wasm

package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/calfandsole/calfandsole/e2e"
	"github.com/chromedp/chromedp"
)

// logEntries is how many entries the big log holds: about ten years of
// nightly use.
const logEntries = 10_000

// The big log's measures, and their targets in ms (met by the worst run).
const (
	logTapped  = "log screen: tap on the Log tab to history and trend visible, app running, offline"
	logShown   = "log screen: offline reload of /log to history and trend visible (app start included)"
	logAll     = "whole log read in the background (reload start to data-read=all, polled)"
	exportCSV  = "export of 10,000 entries as CSV"
	exportJSON = "export of 10,000 entries as a JSON backup"

	logShownTarget = 200
	// logReloadTarget is the app's own offline reload to interactive (about
	// 600 ms, most of it starting the WebAssembly) plus the 200 ms.
	logReloadTarget = 800
	// logAllTarget: the whole log is read by the time a person reaches
	// the export buttons.
	logAllTarget = 2000
	exportTarget = 1000
)

// fillLog writes logEntries valid entries straight into the page's
// storage, 9 hours apart back from now (about 10 years): half cramps, a
// fifth heel pain, the rest routines done, a third with a note.
const fillLog = `(async () => {
	const legs = ["left", "right", "both"], places = ["calf", "sole", "toes", "shin", "thigh"];
	const helps = ["routine", "stretching", "walking", "massage", "other"];
	const notes = [
		"Woke with the left calf locked, stood on a cold floor and it eased.",
		"Bad one. Toes curled for a while, sore all morning. Had a glass of water and stretched before bed.",
		"Short, caught it early.",
		"Long walk yesterday, new shoes. Heel very stiff on the first steps, better after ten minutes.",
		"Forgot the routine, late night.",
	];
	const pairs = [], now = Date.now();
	for (let i = 0; i < %d; i++) {
		const at = new Date(now - i * 9 * 3600 * 1000 - (i * 7919) %% 3600000).toISOString();
		const id = crypto.randomUUID();
		const e = { id, schema: 2, kind: "cramp", at, created: at, updated: at, note: i %% 3 ? "" : notes[i %% 5] };
		switch (i %% 10) {
		case 0: case 1: case 2: case 3: case 4:
			e.cramp = { leg: legs[i %% 3], where: [places[i %% 5]], severity: i %% 11, seconds: (i * 37) %% 600, helped: i %% 4 ? [helps[i %% 5]] : [] };
			break;
		case 5: case 6:
			e.kind = "heel";
			e.heel = { morning: i %% 11, now: (i * 3) %% 11, foot: legs[i %% 3] };
			break;
		default:
			e.kind = "routine";
			e.routine = { routine: "bedtime", title: "Bedtime leg-cramp routine", steps: ["Warm foot soak", "Rub your soles"], completed: i %% 4 > 0, ended: at };
		}
		pairs.push([id, Date.parse(e.at), JSON.stringify(e)]);
	}
	await calfsoleStore.put(pairs);
	return true;
})()`

// downloadProbe notes, in the page, when a tap on an export button starts
// (a capturing listener, before the app's) and when the app hands the file
// to the browser (calfsoleStore.download is called), in ms after the
// navigation started.
const downloadProbe = `(() => {
	const d = window.__benchDownload = { clicked: 0, saved: 0, file: undefined };
	// The app saves a file through calfsoleStore.download (web/store.js),
	// which is there already when the probe runs on a loaded page: it is
	// wrapped at once, and again if the page sets it anew.
	const wrap = v => {
		if (v && !v.benchWrapped) {
			const download = v.download;
			v.download = (name, type, text) => { d.saved = performance.now(); d.file = { name, type, text }; return download(name, type, text); };
			v.benchWrapped = true;
		}
		return v;
	};
	let store = wrap(window.calfsoleStore);
	Object.defineProperty(window, "calfsoleStore", {
		configurable: true,
		get: () => store,
		set: v => { store = wrap(v); },
	});
	window.addEventListener("click", e => {
		if (e.target.closest("#export-csv, #export-json")) {
			d.clicked = performance.now();
		}
	}, true);
	return true;
})()`

// logSamples are the big log's measures from every run, in ms.
type logSamples map[string][]float64

// measure fills a fresh profile's log with logEntries entries, then, with
// the network cut, opens the log screen and exports the log, runs times.
func (ls logSamples) measure(base, profile string, runs int) error {
	b, err := e2e.NewBrowser(profile)
	if err != nil {
		return err
	}
	defer b.Close()
	tab := b.FirstTab()
	if err := tab.Open(base + "/log"); err != nil {
		return err
	}
	if err := tab.WaitOffline(); err != nil {
		return err
	}
	if _, err := e2e.Eval[bool](tab, fmt.Sprintf(fillLog, logEntries)); err != nil {
		return fmt.Errorf("filling the log: %w", err)
	}
	b.Proxy.SetOffline(true)
	shown := []string{"#history .entry", "#trends svg"}
	for i := range runs {
		if err := tab.Open(base + "/"); err != nil {
			return fmt.Errorf("run %d: home: %w", i+1, err)
		}
		ms, err := tab.TimeTapShown(`nav.tabbar a[href="/log"]`, shown, time.Minute)
		if err != nil {
			return fmt.Errorf("run %d: tap on Log: %w", i+1, err)
		}
		ls[logTapped] = append(ls[logTapped], ms)
		ms, err = tab.TimeShown(chromedp.Navigate(base+"/log"), shown, time.Minute)
		if err != nil {
			return fmt.Errorf("run %d: log screen: %w", i+1, err)
		}
		ls[logShown] = append(ls[logShown], ms)
		// The rest of the log is read in the background after the screen
		// shows; the exports are timed once it is all read.
		if err := tab.WaitTrueFor(`document.querySelector('#log-view[data-read="all"]')`, time.Minute); err != nil {
			return fmt.Errorf("run %d: reading the whole log: %w", i+1, err)
		}
		all, err := e2e.Eval[float64](tab, `performance.now()`)
		if err != nil {
			return err
		}
		ls[logAll] = append(ls[logAll], all)
		if _, err := e2e.Eval[bool](tab, downloadProbe); err != nil {
			return err
		}
		for _, x := range []struct{ button, measure, count string }{
			{"#export-csv", exportCSV, `text.split("\n").length - 2`}, // a header, a final newline
			{"#export-json", exportJSON, `JSON.parse(text).entries.length`},
		} {
			ms, err := timeExport(tab, x.button, x.count)
			if err != nil {
				return fmt.Errorf("run %d: %s: %w", i+1, x.button, err)
			}
			ls[x.measure] = append(ls[x.measure], ms)
		}
	}
	return nil
}

// timeExport taps an export button and returns how long the app took to
// hand the file to the browser, as the page measured it (downloadProbe).
// count is a JavaScript expression counting the entries in the file's
// text, which must be logEntries.
func timeExport(tab *e2e.Tab, button, count string) (float64, error) {
	if _, err := e2e.Eval[bool](tab, `(__benchDownload.clicked = __benchDownload.saved = 0, delete __benchDownload.file, true)`); err != nil {
		return 0, err
	}
	if err := tab.Click(button); err != nil {
		return 0, err
	}
	if err := tab.WaitTrueFor(`__benchDownload.saved`, time.Minute); err != nil {
		return 0, fmt.Errorf("no file: %w", err)
	}
	got, err := e2e.Eval[struct{ Clicked, Saved, Entries float64 }](tab,
		`(d => ({ clicked: d.clicked, saved: d.saved, entries: (text => `+count+`)(d.file.text) }))(__benchDownload)`)
	if err != nil {
		return 0, err
	}
	if got.Clicked == 0 {
		return 0, fmt.Errorf("the page saw no tap on %s", button)
	}
	if got.Entries != logEntries {
		return 0, fmt.Errorf("the file holds %v entries, want %d", got.Entries, logEntries)
	}
	return got.Saved - got.Clicked, nil
}

// printLog writes the big log's medians and maxima, and whether the
// targets are met by the maxima.
func printLog(w io.Writer, name string, ls logSamples, runs int) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "A log of 10,000 entries (about 10 years), %s only: one fresh profile, installed and filled, then offline, %d runs.\n", name, runs)
	fmt.Fprintln(w, "Log screen, tap: performance.now() from the tap on the Log tab (the app open on home, just started) until #history .entry and #trends svg exist.")
	fmt.Fprintln(w, "Log screen, reload: from the start of the navigation to /log until they exist; it includes starting the app.")
	fmt.Fprintln(w, "Exports: performance.now() from the tap on the button until the app hands the file to the browser.")
	fmt.Fprintln(w)
	table := [][]string{{"measure", "median", "max", "target", "verdict"}}
	for _, m := range []struct {
		measure string
		target  float64
	}{{logTapped, logShownTarget}, {logShown, logReloadTarget}, {logAll, logAllTarget}, {exportCSV, exportTarget}, {exportJSON, exportTarget}} {
		worst := slices.Max(ls[m.measure])
		table = append(table, []string{m.measure, format(median(ls[m.measure]), "ms"), format(worst, "ms"),
			"<= " + strconv.FormatFloat(m.target, 'f', -1, 64) + " ms", verdict(worst <= m.target)})
	}
	writeTable(w, table)
}
