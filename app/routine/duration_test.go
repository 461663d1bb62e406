package routine

import (
	"github.com/calfandsole/calfandsole/content"

	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0 s"},
		{400 * time.Millisecond, "0 s"},
		{30 * time.Second, "30 s"},
		{60 * time.Second, "1 min"},
		{90 * time.Second, "1 min 30 s"},
		{20 * time.Minute, "20 min"},
		{time.Hour + 5*time.Minute, "1 h 5 min"},
		{time.Hour + 2*time.Second, "1 h 2 s"},
		{-45 * time.Second, "45 s"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.in); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatClock(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{20 * time.Minute, "20:00"},
		{30 * time.Second, "0:30"},
		{29*time.Second + 100*time.Millisecond, "0:30"},
		{100 * time.Millisecond, "0:01"},
		{0, "0:00"},
		{-time.Second, "0:00"},
		{time.Hour + 5*time.Minute, "1:05:00"},
		{9*time.Minute + 5*time.Second, "9:05"},
	}
	for _, tt := range tests {
		if got := FormatClock(tt.in); got != tt.want {
			t.Errorf("FormatClock(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDurationIn(t *testing.T) {
	tests := []struct {
		lang content.Lang
		d    time.Duration
		want string
	}{
		{content.Chinese, 30 * time.Second, "30秒"},
		{content.Chinese, 2 * time.Minute, "2分钟"},
		{content.Chinese, 90 * time.Second, "1分钟30秒"},
		{content.Chinese, time.Hour + 5*time.Minute, "1小时5分钟"},
		{content.English, 90 * time.Second, "1 min 30 s"},
		{"xx", 90 * time.Second, "1 min 30 s"},
	}
	for _, tt := range tests {
		if got := FormatDurationIn(tt.lang, tt.d); got != tt.want {
			t.Errorf("FormatDurationIn(%q, %v) = %q, want %q", tt.lang, tt.d, got, tt.want)
		}
	}
}
