//go:build !wasm

package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// rows are the table's lines, in order, with the unit each is shown in.
var rows = []struct{ measure, unit string }{
	{wasmRaw, "B"},
	{wasmGzip, "B"},
	{wasmBrotli, "B"},
	{firstBytes, "B"},
	{firstWasm, ""},
	{firstTime, "ms"},
	{reloadTime, "ms"},
	{coldTime(1), "ms"},
	{coldTime(4), "ms"},
	{coldTime(6), "ms"},
}

// printTable writes the medians side by side, their ratio, and whether the
// target is met.
func printTable(w io.Writer, ours, hello *subject, runs int, version string) {
	fmt.Fprintf(w, "%s vs a go-app hello world: medians of %d runs, fresh profile each, %s (headless).\n", ours.name, runs, version)
	fmt.Fprintln(w, "Times are measured in the page: performance.now() from the start of the navigation (performance.timeOrigin)")
	fmt.Fprintln(w, "until a tap, fired the moment html[data-app=ready] is set, has changed an <html> attribute. A cold start is a new tab")
	fmt.Fprintln(w, "with every service worker stopped, offline, its CPU slowed down with Emulation.setCPUThrottlingRate (x1 is none).")
	fmt.Fprintln(w, "Bytes are response headers and bodies through the proxy, until the service worker controls the page and 1 s passed with none.")
	fmt.Fprintln(w)

	table := [][]string{{"measure", ours.name, hello.name, "ratio", "run by run"}}
	for _, r := range rows {
		a, b := median(ours.samples[r.measure]), median(hello.samples[r.measure])
		table = append(table, []string{r.measure, format(a, r.unit), format(b, r.unit), ratio(a, b),
			pairedRatio(ours.samples[r.measure], hello.samples[r.measure])})
	}
	writeTable(w, table)
	fmt.Fprintln(w, "ratio: of the two medians. run by run: the median of each run's own ratio; the two apps are measured turn")
	fmt.Fprintln(w, "about in each run, so a run slowed by the machine slows both, and this ratio moves less between runs.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Targets: the ratio of the medians at most")
	width := 0
	for _, t := range targets {
		width = max(width, len(t.measure))
	}
	for _, t := range targets {
		a, b := median(ours.samples[t.measure]), median(hello.samples[t.measure])
		fmt.Fprintf(w, "  %-*s  %.2f  %s  %s\n", width, t.measure, t.ratio, ratio(a, b), verdict(b != 0 && a/b <= t.ratio))
	}
}

// writeTable writes rows of cells in columns, the first left-aligned and
// the others right-aligned, with a rule under the first row.
func writeTable(w io.Writer, table [][]string) {
	widths := make([]int, len(table[0]))
	for _, line := range table {
		for i, cell := range line {
			widths[i] = max(widths[i], len([]rune(cell)))
		}
	}
	for n, line := range table {
		fmt.Fprintf(w, "%-*s", widths[0], line[0])
		for i, cell := range line[1:] {
			fmt.Fprintf(w, "  %*s", widths[i+1], cell)
		}
		fmt.Fprintln(w)
		if n == 0 {
			total := len(line) * 2
			for _, wd := range widths {
				total += wd
			}
			fmt.Fprintln(w, strings.Repeat("-", total-2))
		}
	}
}

// printTimer writes the timer's medians and maxima, and whether its
// targets are met (by the maximum: every cue, every reading).
func printTimer(w io.Writer, name string, ts *timerSamples, runs int) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Timer accuracy, %s only (the hello world has no timer): %d runs, fresh profile each.\n", name, runs)
	fmt.Fprintln(w, "Cues: Date.now() at each cue minus when it was due, as the page records them (calfsole.cues.log), over every")
	fmt.Fprintf(w, "cue of the foot-pain routine (steps x%g) and the bedtime one (x%g), run to the end with the page visible.\n", cueRoutines[0].scale, cueRoutines[1].scale)
	fmt.Fprintf(w, "Display: the foot-pain routine at real length is hidden and frozen %.0f s in its first 90 s step, shown, and %d ms later\n", hiddenFor.Seconds(), readAfter.Milliseconds())
	fmt.Fprintln(w, "#countdown (m:ss, rounded up) is compared with the time left by the stored run's deadline; 0 is exact.")
	fmt.Fprintln(w)

	// Offsets either way count alike.
	var off []float64
	for _, o := range ts.offset {
		off = append(off, math.Abs(o))
	}
	lateMax, offMax := slices.Max(ts.late), slices.Max(off)
	writeTable(w, [][]string{
		{"measure", "median", "max", "target", "verdict"},
		{fmt.Sprintf("step changes while visible: how late (%d cues)", len(ts.late)),
			format(median(ts.late), "ms"), format(lateMax, "ms"), fmt.Sprintf("<= %d ms", lateTarget), verdict(lateMax <= lateTarget)},
		{fmt.Sprintf("display after hidden and shown: offset (%d readings)", len(ts.offset)),
			seconds(median(off)), seconds(offMax), fmt.Sprintf("<= %g s", offsetTarget), verdict(offMax <= offsetTarget)},
	})
}

// verdict says whether a target is met.
func verdict(met bool) string {
	if met {
		return "met"
	}
	return "NOT met"
}

// seconds shows v seconds to the hundredth.
func seconds(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + " s" }

// median returns the middle value of vs (the mean of the two middle ones
// when their number is even).
func median(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(vs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// format shows v in unit: bytes with thousands separators, milliseconds
// whole.
func format(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	if unit == "B" {
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
	}
	if v != float64(int64(v)) && unit == "" {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	if unit != "" {
		s += " " + unit
	}
	return s
}

// pairedRatio is the median of as[i]/bs[i], each run's own ratio, over
// the runs both have.
func pairedRatio(as, bs []float64) string {
	var rs []float64
	for i := range min(len(as), len(bs)) {
		if bs[i] != 0 {
			rs = append(rs, as[i]/bs[i])
		}
	}
	if len(rs) == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(median(rs), 'f', 2, 64)
}

func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64)
}
