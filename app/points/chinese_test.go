package points

import (
	"reflect"
	"testing"

	"github.com/calfandsole/calfandsole/content"
)

// bilingual returns two indexes over both languages: one that returns the
// English points, one that returns the Chinese.
func bilingual(t *testing.T) map[string]*Index {
	t.Helper()
	en, err := content.LoadIn(content.English)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := content.LoadIn(content.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Index{
		"en+zh": NewIndex(en.Points, zh.Points),
		"zh+en": NewIndex(zh.Points, en.Points),
	}
}

func TestSearchChinese(t *testing.T) {
	cramp := []string{"ki3", "bl60", "bl57", "gb34", "st36"}
	tests := []struct {
		q     string
		first string   // ID of the first result; "" to not check
		has   []string // IDs that must be among the results
		not   []string // IDs that must not be
		exact bool     // the first result is an exact name
	}{
		// Point names as Chinese readers know them, and their pinyin.
		{q: "太溪", first: "ki3", exact: true},
		{q: "昆仑", first: "bl60", exact: true},
		{q: "崑崙", first: "bl60", exact: true},
		{q: "足三里", first: "st36", exact: true},
		{q: "涌泉", first: "ki1", exact: true},
		{q: "taixi", first: "ki3", exact: true},
		{q: "Tàixī", first: "ki3", exact: true},
		{q: "tai xi", first: "ki3", exact: true},
		{q: "Yǒngquán", first: "ki1", exact: true},
		{q: "yong quan", first: "ki1", exact: true},
		// 失眠 is the heel point's name ("insomnia"); the article uses it
		// for heel pain, and a Chinese reader looking for sleep finds it.
		{q: "失眠", first: "shimian", exact: true},
		{q: "shimian", first: "shimian", exact: true},
		// Body areas.
		{q: "脚跟", first: "shimian", has: []string{"ki3", "bl60", "ki1"}, not: []string{"bl57", "gb34", "st36"}},
		{q: "足跟", has: []string{"shimian", "ki3", "bl60"}, not: []string{"gb34", "st36"}},
		{q: "小腿", first: "bl57", has: []string{"gb34", "st36"}, not: []string{"ki1", "shimian"}},
		{q: "小腿肚", first: "bl57", has: []string{"gb34"}, not: []string{"ki1", "shimian", "st36"}},
		{q: "足底", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60", "bl57", "gb34", "st36"}},
		{q: "脚底", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60", "bl57", "gb34", "st36"}},
		{q: "脚踝", has: []string{"ki3", "bl60"}, not: []string{"ki1", "shimian", "bl57"}},
		{q: "踝", has: []string{"ki3", "bl60"}, not: []string{"ki1", "shimian"}},
		{q: "内踝", first: "ki3", not: []string{"bl60"}},
		{q: "跟腱", has: []string{"ki3", "bl60", "bl57"}, not: []string{"ki1", "st36"}},
		{q: "膝盖", has: []string{"gb34", "st36"}, not: []string{"ki1", "ki3"}},
		// Uses.
		{q: "足底筋膜炎", first: "ki1", has: []string{"shimian"}, not: []string{"ki3", "bl57"}},
		{q: "脚跟痛", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60", "bl57"}},
		{q: "腿抽筋", has: cramp, not: []string{"ki1", "shimian"}},
		{q: "足跟痛", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60", "bl57"}},
		{q: "足底 痛", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60", "bl57", "gb34", "st36"}},
		{q: "膝盖 抽筋", has: []string{"gb34", "st36"}, not: []string{"ki3", "bl60", "bl57", "ki1"}},
		// English still works in the same index.
		{q: "heel", first: "shimian", has: []string{"ki3", "bl60"}},
		{q: "KD3", first: "ki3", exact: true},
	}
	for name, ix := range bilingual(t) {
		for _, tt := range tests {
			rs := ix.Search(tt.q)
			got := ids(rs)
			if tt.first != "" && (len(rs) == 0 || rs[0].Point.ID != tt.first || rs[0].Exact != tt.exact) {
				t.Errorf("%s: Search(%q) = %v, want %s first (exact %v)", name, tt.q, got, tt.first, tt.exact)
			}
			for _, id := range tt.has {
				if !contains(got, id) {
					t.Errorf("%s: Search(%q) = %v, want %s among them", name, tt.q, got, id)
				}
			}
			for _, id := range tt.not {
				if contains(got, id) {
					t.Errorf("%s: Search(%q) = %v, want no %s", name, tt.q, got, id)
				}
			}
		}
	}
}

// TestSearchChineseCramp: 抽筋 finds the five cramp points, in the
// routine's order, as "cramp" does.
func TestSearchChineseCramp(t *testing.T) {
	want := []string{"ki3", "bl60", "bl57", "gb34", "st36"}
	for name, ix := range bilingual(t) {
		for _, q := range []string{"抽筋", "小腿抽筋", "夜间抽筋", "抽筋 小腿", "cramp"} {
			if got := ids(ix.Search(q)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Search(%q) = %v, want %v", name, q, got, want)
			}
		}
	}
}

// TestSearchChineseReturnsIndexedPoints: the index over the Chinese points
// returns them, with Chinese text, and says what matched in Chinese.
func TestSearchChineseReturnsIndexedPoints(t *testing.T) {
	ix := bilingual(t)["zh+en"]
	rs := ix.Search("脚跟")
	if len(rs) == 0 {
		t.Fatal("Search(脚跟) = nothing")
	}
	if rs[0].Point.Region != "脚底，脚跟" || rs[0].Matched != "脚底，脚跟" {
		t.Errorf("Search(脚跟)[0] = region %q, matched %q; want the Chinese region", rs[0].Point.Region, rs[0].Matched)
	}
	if p, ok := ix.Lookup("太溪"); !ok || p.Location == "" || p.ID != "ki3" {
		t.Errorf("Lookup(太溪) = %q, %v", p.ID, ok)
	}
	if _, ok := ix.Lookup("脚跟"); ok {
		t.Error("Lookup(脚跟) found a point; areas are not aliases")
	}
}

// TestSearchEnglishUnchangedByChinese: adding the Chinese words changes no
// English or name query's results.
func TestSearchEnglishUnchangedByChinese(t *testing.T) {
	en := index(t)
	both := bilingual(t)["en+zh"]
	queries := []string{"ankle", "heel", "heel pain", "sole", "calf", "calves", "knee", "shin", "achilles",
		"feet", "plantar fasciitis", "cramp", "ankle cramp", "cramps on the calf", "night cramping", "leg",
		"foot", "spring", "mountain", "3", "bl", "the", "legend", "泉", "三里"}
	for _, a := range aliases {
		queries = append(queries, a.names...)
	}
	for _, q := range queries {
		if a, b := en.Search(q), both.Search(q); !reflect.DeepEqual(a, b) {
			t.Errorf("Search(%q): English index %v, with Chinese %v", q, ids(a), ids(b))
		}
	}
}
