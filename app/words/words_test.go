package words

import (
	"testing"
	"time"

	"github.com/calfandsole/calfandsole/content"
)

func TestDates(t *testing.T) {
	at := time.Date(2025, 3, 5, 21, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"Date zh", Date(content.Chinese, at), "2025年3月5日 周三"},
		{"Date en", Date(content.English, at), "Wed 5 Mar 2025"},
		{"Day zh", Day(content.Chinese, at), "2025年3月5日"},
		{"Short zh", Short(content.Chinese, at), "3月5日"},
		{"Clock", Clock(at), "21:30"},
		{"Count en 1", Count(content.English, 1, "night"), "1 night"},
		{"Count en 3", Count(content.English, 3, "cramp"), "3 cramps"},
		{"Count zh", Count(content.Chinese, 5, "cramp"), "5次抽筋"},
		{"Count zh unknown noun", Count(content.Chinese, 2, "thing"), "2 things"},
		{"T zh", T(content.Chinese, "Your log"), "我的记录"},
		{"T en", T(content.English, "Your log"), "Your log"},
		{"T missing", T(content.Chinese, "No such message"), "No such message"},
		{"F reordered", F(content.Chinese, "Delete %s at %s", "腿抽筋", "21:30"), "删除 21:30 的腿抽筋"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestChineseHasNoPlaceholderMismatch checks each translation keeps the
// English's verbs (%s, %d), so F never prints %!s(MISSING).
func TestChineseHasNoPlaceholderMismatch(t *testing.T) {
	for en, zhText := range catalogue(content.Chinese) {
		if verbs(en) != verbs(zhText) {
			t.Errorf("%q and %q differ in their %%s and %%d", en, zhText)
		}
	}
}

// verbs counts the formatting verbs of s: "%s" and "%[2]s" both count as s.
func verbs(s string) [2]int {
	var n [2]int
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		if s[j] == '[' {
			for j < len(s) && s[j] != ']' {
				j++
			}
			j++
		}
		if j < len(s) {
			switch s[j] {
			case 's':
				n[0]++
			case 'd':
				n[1]++
			}
		}
		i = j
	}
	return n
}
