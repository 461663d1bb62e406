package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/content"
)

// TestEnglishSearchChinese: the English points page finds points by their
// Chinese words (脚跟, 小腿, 失眠) as well as by their hanzi (太溪), with an
// index that also holds the Chinese words, built on the first query the
// English index cannot answer, once, and never for an English query. The
// Chinese word it was found by is marked as Chinese.
func TestEnglishSearchChinese(t *testing.T) {
	en := content.MustLoad()
	built := 0
	zh := chineseEdition(en)
	ed := englishEdition(en, points.NewIndex(en.Points), zh)
	wide := ed.wide
	ed.wide = func() *points.Index { built++; return wide() }

	tests := []struct {
		query string
		want  string // a point's ID among the results; "" for none
		built int    // wide indexes built so far
	}{
		{"heel", "shimian", 0},
		{"Kūnlún", "bl60", 0},
		{"太溪", "ki3", 0},
		{"xyzzy", "", 0},
		{"脚跟", "shimian", 1},
		{"小腿", "bl57", 1},
		{"失眠", "shimian", 1},
		{"小腿抽筋", "bl57", 1},
		{"足底筋膜炎", "ki1", 1},
	}
	for _, tt := range tests {
		res := ed.search(tt.query)
		var ids []string
		for _, r := range res {
			ids = append(ids, r.Point.ID)
			if r.Point.English == "" || strings.ContainsAny(r.Point.Region, "脚踝腿") {
				t.Errorf("%q: found %s, not the English point", tt.query, r.Point.ID)
			}
		}
		if got := strings.Join(ids, " "); tt.want == "" && got != "" || !strings.Contains(" "+got+" ", " "+tt.want+" ") {
			t.Errorf("%q: found %q, want %q among them", tt.query, got, tt.want)
		}
		if built != tt.built {
			t.Errorf("after %q: the wide index was built %d times, want %d", tt.query, built, tt.built)
		}
	}

	p := &pointsPage{Lang: content.English, lib: en, search: ed.search, query: "脚跟"}
	html := app.HTMLString(p.renderResults(p.search(p.query)))
	if !regexp.MustCompile(`Found by &#34;\s*<span lang="zh-Hans">[^<]*脚跟`).MatchString(html) {
		t.Errorf("the Chinese word found by is not marked Chinese:\n%s", html)
	}
}

// TestChineseSearchMarksEnglish: on the Chinese points page, the word a
// point was found by is marked English when it is English, and left as
// the page's when it is the point's pinyin, a code or Chinese.
func TestChineseSearchMarksEnglish(t *testing.T) {
	en := content.MustLoad()
	zh := chineseEdition(en)
	lib, ix := zh.get()
	tests := []struct {
		query  string
		marked string // the word marked lang="en" on the card; "" for none
	}{
		{"Great Ravine", "Great Ravine"},
		{"great stream", "Great Stream"},
		{"heel", "heel"},
		{"Tai Xi", ""},
		{"Tàixī", ""},
		{"KD3", ""},
		{"Shi Mian", ""},
		{"脚跟", ""},
	}
	for _, tt := range tests {
		p := &pointsPage{Lang: content.Chinese, lib: lib, search: ix.Search, query: tt.query}
		res := p.search(p.query)
		if len(res) == 0 {
			t.Errorf("%q: nothing found", tt.query)
			continue
		}
		html := app.HTMLString(p.renderResults(res))
		got := regexp.MustCompile(`<span lang="en">([^<]*)</span>`).FindAllStringSubmatch(html, -1)
		switch {
		case tt.marked == "" && len(got) > 0:
			t.Errorf("%q: %q marked English:\n%s", tt.query, got[0][1], html)
		case tt.marked != "" && !slices.ContainsFunc(got, func(m []string) bool {
			return strings.Contains(strings.ToLower(m[1]), strings.ToLower(tt.marked))
		}):
			t.Errorf("%q: want %q marked English, got %q:\n%s", tt.query, tt.marked, got, html)
		}
		if strings.Contains(html, `lang="zh-Hans"`) {
			t.Errorf("%q: a word marked Chinese on the Chinese page:\n%s", tt.query, html)
		}
	}
}
