package ui

import (
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
	"strconv"
	"strings"

	"github.com/calfandsole/calfandsole/app/journal"
)

// The trend charts are SVG drawn here from the numbers: no chart library,
// nothing from another host. They use currentColor and CSS classes, so
// they follow the light and night colours.

const chartW, chartH = 360, 140

// crampChart draws one bar per night for the cramps, and a dot under the
// nights with the routine.
func crampChart(l content.Lang, nights []journal.NightStat) string {
	top := 1
	for _, n := range nights {
		top = max(top, n.Cramps)
	}
	var b strings.Builder
	b.WriteString(`<svg class="chart" viewBox="0 0 ` + itoa(chartW) + ` ` + itoa(chartH+34) + `" role="img" aria-label="` +
		attr(chartLabel(l, nights)) + `">`)
	n := max(len(nights), 1)
	w := float64(chartW) / float64(n)
	for i, s := range nights {
		x := float64(i) * w
		if s.Cramps > 0 {
			h := float64(chartH-8) * float64(s.Cramps) / float64(top)
			b.WriteString(`<rect class="bar" x="` + ftoa(x+w*0.15) + `" y="` + ftoa(float64(chartH)-h) + `" width="` + ftoa(w*0.7) + `" height="` + ftoa(h) + `"/>`)
		}
		if s.Routine {
			b.WriteString(`<circle class="dot" cx="` + ftoa(x+w/2) + `" cy="` + itoa(chartH+8) + `" r="` + ftoa(min(3.5, w*0.35)) + `"/>`)
		}
	}
	b.WriteString(`<line class="axis" x1="0" y1="` + itoa(chartH) + `" x2="` + itoa(chartW) + `" y2="` + itoa(chartH) + `"/>`)
	b.WriteString(`<text class="label" x="2" y="12">` + itoa(top) + `</text>`)
	if len(nights) > 0 {
		b.WriteString(`<text class="label" x="0" y="` + itoa(chartH+30) + `">` + words.Short(l, nights[0].Night) + `</text>`)
		b.WriteString(`<text class="label" x="` + itoa(chartW) + `" y="` + itoa(chartH+30) + `" text-anchor="end">` + words.Short(l, nights[len(nights)-1].Night) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// heelChart draws morning heel pain (0-10) as a line over the nights.
func heelChart(l content.Lang, nights []journal.NightStat) string {
	var pts []string
	n := max(len(nights), 1)
	w := float64(chartW) / float64(n)
	for i, s := range nights {
		if s.MorningPain < 0 {
			continue
		}
		pts = append(pts, ftoa(float64(i)*w+w/2)+","+ftoa(float64(chartH)-float64(chartH-8)*float64(s.MorningPain)/10))
	}
	var b strings.Builder
	b.WriteString(`<svg class="chart" viewBox="0 0 ` + itoa(chartW) + ` ` + itoa(chartH+4) + `" role="img" aria-label="` + attr(tr(l, "Morning heel pain, 0 to 10, over the same nights.")) + `">`)
	b.WriteString(`<polyline class="line" points="` + strings.Join(pts, " ") + `"/>`)
	for _, p := range pts {
		xy := strings.Split(p, ",")
		b.WriteString(`<circle class="dot" cx="` + xy[0] + `" cy="` + xy[1] + `" r="3"/>`)
	}
	b.WriteString(`<line class="axis" x1="0" y1="` + itoa(chartH) + `" x2="` + itoa(chartW) + `" y2="` + itoa(chartH) + `"/>`)
	b.WriteString(`<text class="label" x="2" y="12">10</text><text class="label" x="2" y="` + itoa(chartH-4) + `">0</text></svg>`)
	return b.String()
}

func hasHeel(nights []journal.NightStat) bool {
	for _, n := range nights {
		if n.MorningPain >= 0 {
			return true
		}
	}
	return false
}

// routineCompare puts nights with the routine beside nights without.
func routineCompare(l content.Lang, nights []journal.NightStat) string {
	var with, without, cw, cwo int
	for _, n := range nights {
		if n.Routine {
			with++
			cw += n.Cramps
		} else {
			without++
			cwo += n.Cramps
		}
	}
	if with == 0 {
		return tr(l, "No routine logged in this period, so there is nothing to compare yet.")
	}
	return trf(l, "Nights with the routine: %s, %s. Nights without: %s, %s.",
		words.Count(l, with, "night"), words.Count(l, cw, "cramp"), words.Count(l, without, "night"), words.Count(l, cwo, "cramp"))
}

func chartLabel(l content.Lang, nights []journal.NightStat) string {
	total, with := 0, 0
	for _, n := range nights {
		total += n.Cramps
		if n.Routine {
			with++
		}
	}
	return trf(l, "Cramps each night over %s: %s in all; the routine on %s.", words.Count(l, len(nights), "night"), words.Count(l, total, "cramp"), words.Count(l, with, "night"))
}

// attrEscaper escapes text for an attribute of the charts' SVG. (Not
// html.EscapeString: package html brings its table of every named entity
// into app.wasm, 6 KB compressed, for three characters.)
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&#34;")

func attr(s string) string { return attrEscaper.Replace(s) }

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
