//go:build !wasm

package ui

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/content"
)

func TestLangPaths(t *testing.T) {
	tests := []struct {
		path      string
		lang      content.Lang
		rest      string
		inChinese string
	}{
		{"/", content.English, "/", "/zh"},
		{"/log", content.English, "/log", "/zh/log"},
		{"/zh", content.Chinese, "/", "/zh"},
		{"/zh/", content.Chinese, "/", "/zh"},
		{"/zh/points/kd3", content.Chinese, "/points/kd3", "/zh/points/kd3"},
		{"/zhx", content.English, "/zhx", "/zh/zhx"},
	}
	for _, tt := range tests {
		l, rest := splitLang(tt.path)
		if l != tt.lang || rest != tt.rest {
			t.Errorf("splitLang(%q) = %q, %q; want %q, %q", tt.path, l, rest, tt.lang, tt.rest)
		}
		if got := inLang(content.Chinese, rest); got != tt.inChinese {
			t.Errorf("inLang(zh, %q) = %q, want %q", rest, got, tt.inChinese)
		}
		if got := Lang(tt.path); got != string(tt.lang) {
			t.Errorf("Lang(%q) = %q, want %q", tt.path, got, tt.lang)
		}
	}
}

// TestLater: what is kept once Chinese is chosen is every Chinese page and
// a Chinese drawing for every drawing, each a file under web/.
func TestLater(t *testing.T) {
	lib := content.MustLoad()
	zh := Later(lib)[string(content.Chinese)]
	for _, p := range PagesIn(lib, content.Chinese) {
		if !slices.Contains(zh, p) {
			t.Errorf("Later lacks the page %s", p)
		}
	}
	drawings := 0
	for _, p := range zh {
		if !strings.HasPrefix(p, "/web/") {
			continue
		}
		drawings++
		if _, err := os.Stat(filepath.Join("..", "..", filepath.FromSlash(p))); err != nil {
			t.Errorf("Later names %s: %v", p, err)
		}
	}
	if drawings != len(lib.Points)+1 {
		t.Errorf("Later has %d drawings, want one per point and the body map (%d)", drawings, len(lib.Points)+1)
	}
	if got := drawingIn(content.English, "/web/points/ki3.svg"); got != "/web/points/ki3.svg" {
		t.Errorf("drawingIn(en) = %q", got)
	}
}

// TestChineseDrawings: each Chinese drawing has the English one's labels,
// in the same places, in Chinese: only codes (KI3, 1/3) stay Latin.
func TestChineseDrawings(t *testing.T) {
	label := regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	code := regexp.MustCompile(`^[A-Z0-9/ ]*$`)
	en, err := filepath.Glob(filepath.Join("..", "..", "web", "points", "*.svg"))
	if err != nil || len(en) == 0 {
		t.Fatalf("no drawings: %v", err)
	}
	for _, f := range en {
		zhFile := filepath.Join(filepath.Dir(f), "zh", filepath.Base(f))
		a, err1 := os.ReadFile(f)
		b, err2 := os.ReadFile(zhFile)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: %v %v", filepath.Base(f), err1, err2)
			continue
		}
		enLabels, zhLabels := label.FindAllSubmatch(a, -1), label.FindAllSubmatch(b, -1)
		if len(enLabels) != len(zhLabels) {
			t.Errorf("%s: %d labels in English, %d in Chinese", filepath.Base(f), len(enLabels), len(zhLabels))
		}
		for _, m := range zhLabels {
			s := string(m[1])
			if strings.IndexFunc(s, func(r rune) bool { return r < 0x2000 && unicode.IsLetter(r) }) >= 0 && !code.MatchString(s) {
				t.Errorf("%s: the Chinese drawing says %q", filepath.Base(zhFile), s)
			}
		}
	}
}

// TestWithParts: text kept in another language than the page's is marked
// with its language; in the page's own it is not.
func TestWithParts(t *testing.T) {
	tests := []struct {
		name string
		l    content.Lang
		text string
		in   content.Lang
		want string
	}{
		{"English title on a Chinese page", content.Chinese, "英文文章“%s”及其中“%s”一节。", content.English,
			`英文文章“<span lang="en">A</span>”及其中“<span lang="en">B</span>”一节。`},
		{"English on an English page", content.English, `the article "%s" and its part "%s".`, content.English,
			`the article "A" and its part "B".`},
		{"Chinese on an English page", content.English, `Found by "%s"`, content.Chinese,
			`Found by "<span lang="zh-Hans">A</span>"`},
	}
	for _, tt := range tests {
		parts := []string{"A", "B"}[:strings.Count(tt.text, "%s")]
		got := app.HTMLString(app.P().Body(withParts(tt.l, tt.text, tt.in, parts...)...))
		// HTMLString indents; the page's own nodes have no such spaces.
		got = html.UnescapeString(regexp.MustCompile(`\s*(<[^>]+>)\s*`).ReplaceAllString(got, "$1"))
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>")
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
