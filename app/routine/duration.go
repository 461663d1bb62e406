package routine

import (
	"strconv"
	"strings"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// FormatDuration writes d for a person: "30 s", "2 min", "1 min 30 s",
// "1 h 5 min". Whole seconds only; anything under a second reads "0 s".
// It is the one place the app formats durations.
func FormatDuration(d time.Duration) string {
	return FormatDurationIn(content.English, d)
}

// durationUnits are the units of hours, minutes and seconds in each
// language: "1 h 5 min", "1小时5分钟".
var durationUnits = map[content.Lang][3]string{
	content.English: {" h", " min", " s"},
	content.Chinese: {"小时", "分钟", "秒"},
}

// FormatDurationIn is FormatDuration in the language lang: "1小时5分钟",
// "30秒" in Chinese, which writes no space between the number and unit
// or between the parts.
func FormatDurationIn(lang content.Lang, d time.Duration) string {
	units, ok := durationUnits[lang]
	if !ok {
		units = durationUnits[content.English]
	}
	sep := " "
	if lang == content.Chinese {
		sep = ""
	}
	if d < 0 {
		d = -d
	}
	total := int(d / time.Second)
	h, m, s := total/3600, total/60%60, total%60
	var parts []string
	if h > 0 {
		parts = append(parts, strconv.Itoa(h)+units[0])
	}
	if m > 0 {
		parts = append(parts, strconv.Itoa(m)+units[1])
	}
	if s > 0 || len(parts) == 0 {
		parts = append(parts, strconv.Itoa(s)+units[2])
	}
	return strings.Join(parts, sep)
}

// FormatClock writes d as a countdown clock: "20:00", "0:30", "1:05:00".
func FormatClock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	total := int((d + time.Second - 1) / time.Second) // a countdown shows 0:01 until it ends
	h, m, s := total/3600, total/60%60, total%60
	two := func(n int) string {
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	}
	if h > 0 {
		return strconv.Itoa(h) + ":" + two(m) + ":" + two(s)
	}
	return strconv.Itoa(m) + ":" + two(s)
}
