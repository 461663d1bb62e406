package words

import (
	"fmt"
	"sync"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

// zh is the Chinese catalogue, built the first time it is asked for.
var zh struct {
	once sync.Once
	msgs map[string]string
}

// catalogue returns the messages in lang, keyed by the English; nil for
// English and any language the app does not speak.
func catalogue(lang content.Lang) map[string]string {
	if lang != content.Chinese {
		return nil
	}
	zh.once.Do(func() { zh.msgs = zhMessages() })
	return zh.msgs
}

// T returns the message en in lang: the English itself for English, and
// for a language whose catalogue lacks it (which the ui tests rule out).
func T(lang content.Lang, en string) string {
	if s, ok := catalogue(lang)[en]; ok {
		return s
	}
	return en
}

// F returns the message en in lang, formatted with args as fmt.Sprintf
// does. A translation may reorder the arguments with %[n]d.
func F(lang content.Lang, en string, args ...any) string {
	return fmt.Sprintf(T(lang, en), args...)
}

// Has reports whether lang has the message en: English has every message.
func Has(lang content.Lang, en string) bool {
	if lang == content.English {
		return true
	}
	_, ok := catalogue(lang)[en]
	return ok
}

// weekdaysZh are the days of the week as a Chinese date writes them,
// Sunday first as time.Weekday counts.
var weekdaysZh = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// Date writes the day of t: "Wed 5 Mar 2025", "2025年3月5日 周三".
func Date(lang content.Lang, t time.Time) string {
	if lang == content.Chinese {
		return fmt.Sprintf("%d年%d月%d日 %s", t.Year(), t.Month(), t.Day(), weekdaysZh[t.Weekday()])
	}
	return t.Format("Mon 2 Jan 2006")
}

// Day writes the day of t without the weekday: "5 Mar 2025", "2025年3月5日".
func Day(lang content.Lang, t time.Time) string {
	if lang == content.Chinese {
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	}
	return t.Format("2 Jan 2006")
}

// Short writes the day of t without the year, for a chart's axis: "5 Mar",
// "3月5日".
func Short(lang content.Lang, t time.Time) string {
	if lang == content.Chinese {
		return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
	}
	return t.Format("2 Jan")
}

// Clock writes the time of day of t on the 24-hour clock, as both
// languages do: "21:30".
func Clock(t time.Time) string { return t.Format("15:04") }

// countsZh are the Chinese counts of the things the app counts, by the
// English noun: a number, a measure word and the noun.
var countsZh = map[string]string{
	"night": "%d晚",
	"cramp": "%d次抽筋",
	"point": "%d个穴位",
	"entry": "%d条记录",
	"day":   "%d天",
	"step":  "%d步",
}

// Count writes n things called one (an English noun in the singular):
// "1 night", "3 nights", "0 cramps"; in Chinese with the measure word,
// "3晚", "5次抽筋". It is the app's one pluraliser.
func Count(lang content.Lang, n int, one string) string {
	if lang == content.Chinese {
		if f, ok := countsZh[one]; ok {
			return fmt.Sprintf(f, n)
		}
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
