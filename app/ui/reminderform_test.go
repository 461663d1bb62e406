package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/app/reminder"
	"github.com/calfandsole/calfandsole/content"
)

// TestReminderWords: the calendar file made on a page says everything in
// the page's language; in English exactly what app/reminder writes by
// itself.
func TestReminderWords(t *testing.T) {
	rem := reminder.Reminder{Routine: "bedtime", Title: "Bedtime routine", At: reminder.DefaultClock, Length: 21*time.Minute + time.Second, Link: "https://example.org/routines/bedtime"}
	tests := []struct {
		lang                 content.Lang
		title                string
		summary, desc, alarm string
	}{
		{content.English, "Bedtime routine", "Bedtime routine (Calf & Sole)", "Time for Bedtime routine, about 22 minutes, before sleep. Open it in Calf & Sole: https://example.org/routines/bedtime", "Time for Bedtime routine"},
		{content.Chinese, "睡前腿抽筋调理", "睡前腿抽筋调理（Calf & Sole）", "该做睡前腿抽筋调理了，约22分钟，睡前做。在 Calf & Sole 里打开：https://example.org/routines/bedtime", "该做睡前腿抽筋调理了"},
	}
	for _, tt := range tests {
		r := rem
		r.Title = tt.title
		w := reminderWords(tt.lang, r)
		if w.Summary != tt.summary || w.Description != tt.desc || w.Alarm != tt.alarm || w.Lang != string(tt.lang) {
			t.Errorf("%s: got %+v", tt.lang, w)
		}
		if tt.lang == content.English {
			var own, worded bytes.Buffer
			now := time.Date(2026, 11, 30, 18, 0, 0, 0, time.UTC)
			r2 := r
			r2.Words = w
			if err := reminder.Write(&own, r, now); err != nil {
				t.Fatal(err)
			}
			if err := reminder.Write(&worded, r2, now); err != nil {
				t.Fatal(err)
			}
			unfold := strings.NewReplacer("\r\n ", "", ";LANGUAGE=en:", ":").Replace
			if got, want := unfold(worded.String()), unfold(own.String()); got != want {
				t.Errorf("the English words differ from app/reminder's own:\n%s\n%s", got, want)
			}
		}
	}
}
