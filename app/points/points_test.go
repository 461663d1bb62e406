package points

import (
	"github.com/calfandsole/calfandsole/content/names"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/calfandsole/calfandsole/content"
)

func index(t testing.TB) *Index {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewIndex(lib.Points)
}

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Point.ID)
	}
	return out
}

// aliases are every name and code of every point from the reference
// (shared/source/points.md), with the spellings people type.
var aliases = []struct {
	id    string
	names []string
}{
	{"ki3", []string{"KD3", "KI3", "K3", "KID3", "Taixi", "Tàixī", "太溪", "Great Ravine", "Great Stream", "Tai Xi",
		"kd 3", "ki-3", "KI 3", "kd3", "ki3", "taixi", "tai-xi", "TAIXI", "great_ravine", "Kidney 3", "ＫＩ３"}},
	{"bl60", []string{"BL60", "UB60", "B60", "Kunlun", "Kūnlún", "昆仑", "崑崙", "Kun Lun", "Kunlun Mountains",
		"kun lun", "KUNLUN", "bl 60", "Ku\u0304nlu\u0301n", "Bladder 60"}},
	{"bl57", []string{"BL57", "UB57", "B57", "Chengshan", "Chéngshān", "承山", "Cheng Shan", "Mountain Support",
		"bl-57", "ub 57", "cheng-shan"}},
	{"gb34", []string{"GB34", "G34", "Yanglingquan", "Yánglíngquán", "阳陵泉", "陽陵泉", "Yang Ling Quan",
		"Yang Mound Spring", "Yang Hill Spring", "gb 34", "yang-ling-quan"}},
	{"st36", []string{"ST36", "S36", "Zusanli", "Zúsānlǐ", "足三里", "Zu San Li", "Leg Three Miles", "Leg Three Li",
		"zu-san-li", "st 36", "Zu San Li.", "leg three miles"}},
	{"ki1", []string{"KD1", "KI1", "K1", "KID1", "Yongquan", "Yǒngquán", "涌泉", "湧泉", "YongQuan", "Gushing Spring",
		"Yong Quan", "kd 1", "ki-1", "yong'quan", "Kidney 1"}},
	{"shimian", []string{"Shi Mian", "Shimian", "Shīmián", "失眠", "Insomnia", "Losing Sleep", "shi-mian", "EX-LE"}},
}

func TestSearchAliases(t *testing.T) {
	ix := index(t)
	for _, a := range aliases {
		for _, q := range a.names {
			rs := ix.Search(q)
			if len(rs) == 0 {
				t.Errorf("Search(%q) = nothing, want %s first", q, a.id)
				continue
			}
			if rs[0].Point.ID != a.id || !rs[0].Exact {
				t.Errorf("Search(%q)[0] = %s (exact %v, matched %q), want %s exact; all: %v",
					q, rs[0].Point.ID, rs[0].Exact, rs[0].Matched, a.id, ids(rs))
			}
			for _, r := range rs[1:] {
				if r.Exact {
					t.Errorf("Search(%q): %s is exact too (matched %q)", q, r.Point.ID, r.Matched)
				}
			}
		}
	}
}

func TestSearchEveryContentName(t *testing.T) {
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(lib.Points)
	for _, p := range lib.Points {
		for _, n := range p.Names() {
			rs := ix.Search(n)
			if len(rs) == 0 || rs[0].Point.ID != p.ID || !rs[0].Exact {
				t.Errorf("Search(%q) = %v, want %s first and exact", n, ids(rs), p.ID)
			}
			if got, ok := ix.Lookup(n); !ok || got.ID != p.ID {
				t.Errorf("Lookup(%q) = %q, %v; want %s", n, got.ID, ok, p.ID)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	ix := index(t)
	tests := []struct {
		q       string
		first   string   // ID of the first result; "" to not check
		has     []string // IDs that must be among the results
		not     []string // IDs that must not be
		matched string   // what the first result matched; "" to not check
	}{
		// Codes rank their own point first.
		{q: "k3", first: "ki3", matched: "K3"},
		{q: "kd1", first: "ki1", matched: "KD1"},
		{q: "ki3", first: "ki3", matched: "KI3", not: []string{"ki1"}},
		{q: "KD3", first: "ki3", matched: "KD3"},
		{q: "bl6", first: "bl60", not: []string{"bl57"}},
		{q: "b6", first: "bl60", not: []string{"bl57", "ki3", "ki1", "gb34", "st36", "shimian"}},
		{q: "bl", first: "bl60", has: []string{"bl57"}, not: []string{"ki3"}},
		{q: "i3", not: []string{"ki3"}},
		{q: "3", first: "ki3", not: []string{"ki1", "gb34", "st36"}},
		{q: "36", first: "st36"},
		// Name prefixes and parts.
		{q: "kun", first: "bl60", matched: "Kunlun"},
		{q: "Kūn", first: "bl60"},
		{q: "yong", first: "ki1"},
		{q: "cheng", first: "bl57"},
		{q: "zus", first: "st36"},
		{q: "great", first: "ki3", matched: "Great Ravine"},
		{q: "stream", first: "ki3", matched: "Great Stream"},
		{q: "mountain", first: "bl57", has: []string{"bl60"}},
		{q: "spring", first: "gb34", has: []string{"ki1"}},
		{q: "quan", first: "gb34", has: []string{"ki1"}},
		{q: "泉", first: "gb34", has: []string{"ki1"}},
		{q: "三里", first: "st36"},
		{q: "lun", first: "bl60"},
		// Areas and uses.
		{q: "ankle", has: []string{"ki3", "bl60"}, not: []string{"ki1", "shimian"}},
		{q: "Ankles", has: []string{"ki3", "bl60"}},
		{q: "sole", has: []string{"ki1", "shimian"}, not: []string{"ki3"}},
		{q: "heel", first: "shimian", has: []string{"ki3", "bl60"}}, // where it is ranks above what it helps
		{q: "heels", has: []string{"shimian"}},
		{q: "calf", first: "bl57", has: []string{"gb34"}},
		{q: "calves", has: []string{"bl57", "gb34"}},
		{q: "knee", has: []string{"gb34", "st36"}, not: []string{"ki1"}},
		{q: "shin", has: []string{"st36"}},
		{q: "achilles", has: []string{"ki3", "bl60", "bl57"}},
		{q: "feet", has: []string{"ki1", "shimian"}},
		{q: "heel pain", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60"}},
		{q: "heel pa", has: []string{"ki1", "shimian"}, not: []string{"ki3", "bl60"}},
		{q: "plantar fasciitis", first: "ki1", has: []string{"shimian"}, not: []string{"ki3"}},
		{q: "plantar", has: []string{"ki1", "shimian"}},
		{q: "Plantar-Fasciitis", has: []string{"ki1", "shimian"}},
		{q: "ankle cramp", has: []string{"ki3", "bl60"}, not: []string{"bl57", "ki1"}},
		{q: "cramps on the calf", has: []string{"bl57", "gb34"}, not: []string{"ki1"}},
		{q: "night cramping", has: []string{"ki3"}},
		{q: "legend", not: []string{"ki3", "bl60", "bl57", "gb34", "st36"}},
		{q: "the", not: []string{"bl57", "gb34", "st36", "ki1", "shimian"}},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.q)
		got := ids(rs)
		if tt.first != "" && (len(rs) == 0 || rs[0].Point.ID != tt.first) {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, got, tt.first)
		}
		if tt.matched != "" && len(rs) > 0 && rs[0].Matched != tt.matched {
			t.Errorf("Search(%q)[0].Matched = %q, want %q", tt.q, rs[0].Matched, tt.matched)
		}
		for _, id := range tt.has {
			if !contains(got, id) {
				t.Errorf("Search(%q) = %v, want %s among them", tt.q, got, id)
			}
		}
		for _, id := range tt.not {
			if contains(got, id) {
				t.Errorf("Search(%q) = %v, want no %s", tt.q, got, id)
			}
		}
	}
}

func TestSearchCramp(t *testing.T) {
	ix := index(t)
	want := []string{"ki3", "bl60", "bl57", "gb34", "st36"}
	for _, q := range []string{"cramp", "cramps", "Cramp", "leg cramps", "night cramp", "cramping"} {
		if got := ids(ix.Search(q)); !reflect.DeepEqual(got, want) {
			t.Errorf("Search(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestSearchMatchedAndExact(t *testing.T) {
	ix := index(t)
	tests := []struct {
		q       string
		matched string
		exact   bool
	}{
		{"tai xi", "Taixi", true},
		{"taixi", "Taixi", true},
		{"Tàixī", "Taixi", true},
		{"tai", "Taixi", false},
		{"ankle", "Inner ankle", false},
		{"cramp", "leg cramps", false},
		{"kidney", "Kidney 3", false},
		{"ki3", "KI3", true},
		{"K1", "K1", true},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.q)
		if len(rs) == 0 {
			t.Errorf("Search(%q) = nothing", tt.q)
			continue
		}
		if rs[0].Matched != tt.matched || rs[0].Exact != tt.exact {
			t.Errorf("Search(%q)[0] = %q exact %v, want %q exact %v", tt.q, rs[0].Matched, rs[0].Exact, tt.matched, tt.exact)
		}
	}
}

func TestSearchNothing(t *testing.T) {
	ix := index(t)
	for _, q := range []string{
		"", " ", "-", "xyz", "🦶", "🦶🦶🦶", "\x00\x01", "\xff\xfe", "\u200b", "'''", "ki33", "bl600",
		strings.Repeat("a", 10000), strings.Repeat("ki3", 5000), strings.Repeat(" ", 10000),
		strings.Repeat("\xff", 1000),
	} {
		if rs := ix.Search(q); rs != nil {
			t.Errorf("Search(%.20q) = %v, want nil", q, ids(rs))
		}
	}
	var nilIndex *Index
	if rs := nilIndex.Search("ki3"); rs != nil {
		t.Errorf("nil Index: Search = %v", ids(rs))
	}
	if _, ok := nilIndex.Lookup("ki3"); ok {
		t.Error("nil Index: Lookup found a point")
	}
	if rs := NewIndex(nil).Search("ki3"); rs != nil {
		t.Errorf("empty Index: Search = %v", ids(rs))
	}
}

func TestSearchOddInputStillFinds(t *testing.T) {
	ix := index(t)
	for _, q := range []string{"🦶 ki3", "\x00ki3\x01", "\xffki3", "ki3\u200b", "  KI 3  ", "«ki3»"} {
		if rs := ix.Search(q); len(rs) == 0 || rs[0].Point.ID != "ki3" {
			t.Errorf("Search(%q) = %v, want ki3 first", q, ids(rs))
		}
	}
}

func TestSearchEachPointOnce(t *testing.T) {
	ix := index(t)
	for _, q := range []string{"k", "a", "e", "leg", "foot", "an", "in", "kidney", "s"} {
		rs := ix.Search(q)
		seen := map[string]bool{}
		for _, r := range rs {
			if seen[r.Point.ID] {
				t.Errorf("Search(%q) = %v: %s twice", q, ids(rs), r.Point.ID)
			}
			seen[r.Point.ID] = true
		}
	}
}

func TestLookup(t *testing.T) {
	ix := index(t)
	tests := []struct {
		alias string
		id    string // "" for not found
	}{
		{"ki3", "ki3"}, {"kd3", "ki3"}, {"KD3", "ki3"}, {"k3", "ki3"}, {"taixi", "ki3"}, {"tai-xi", "ki3"},
		{"太溪", "ki3"}, {"great-ravine", "ki3"}, {"great-stream", "ki3"}, {"T%C3%A0ix%C4%AB", ""},
		{"bl60", "bl60"}, {"ub60", "bl60"}, {"kunlun", "bl60"}, {"kun-lun", "bl60"}, {"崑崙", "bl60"},
		{"bl57", "bl57"}, {"chengshan", "bl57"}, {"gb34", "gb34"}, {"yang-ling-quan", "gb34"},
		{"st36", "st36"}, {"zu-san-li", "st36"}, {"leg-three-miles", "st36"},
		{"ki1", "ki1"}, {"kd1", "ki1"}, {"yongquan", "ki1"}, {"湧泉", "ki1"},
		{"shimian", "shimian"}, {"shi-mian", "shimian"}, {"insomnia", "shimian"},
		{"ankle", ""}, {"heel", ""}, {"cramp", ""}, {"", ""}, {"xyz", ""}, {"kun", ""}, {"ki", ""},
		{"3", ""}, {"-", ""}, {"🦶", ""}, {"\xff", ""}, {strings.Repeat("a", 10000), ""},
		{"ki3" + strings.Repeat(" ", 1000), "ki3"},
	}
	for _, tt := range tests {
		p, ok := ix.Lookup(tt.alias)
		if tt.id == "" {
			if ok {
				t.Errorf("Lookup(%.20q) = %s, want not found", tt.alias, p.ID)
			}
			continue
		}
		if !ok || p.ID != tt.id {
			t.Errorf("Lookup(%q) = %q, %v; want %s", tt.alias, p.ID, ok, tt.id)
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func FuzzSearch(f *testing.F) {
	lib, err := content.Load()
	if err != nil {
		f.Fatal(err)
	}
	zh, err := content.LoadIn(content.Chinese)
	if err != nil {
		f.Fatal(err)
	}
	ix := NewIndex(lib.Points, zh.Points)
	valid := map[string]bool{}
	for _, p := range lib.Points {
		valid[p.ID] = true
	}
	for _, a := range aliases {
		for _, n := range a.names {
			f.Add(n)
		}
	}
	for _, q := range []string{"", "kun", "great", "ankle", "heel pain", "cramp", "b6", "3", "🦶", "\x00\x01",
		"\xff\xfe", "ki3" + strings.Repeat("x", 70), strings.Repeat("a ", 100), "脚跟", "抽筋", "小腿肚", "踝", "足底筋膜炎"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		rs := ix.Search(q)
		if len(rs) > len(lib.Points) {
			t.Fatalf("Search(%q): %d results", q, len(rs))
		}
		seen := map[string]bool{}
		for _, r := range rs {
			if !valid[r.Point.ID] {
				t.Fatalf("Search(%q): unknown point %q", q, r.Point.ID)
			}
			if seen[r.Point.ID] {
				t.Fatalf("Search(%q): %s twice", q, r.Point.ID)
			}
			seen[r.Point.ID] = true
		}
		if again := ix.Search(q); !reflect.DeepEqual(rs, again) {
			t.Fatalf("Search(%q) differs on a second call: %v then %v", q, ids(rs), ids(again))
		}
		if names.Fold(q) == "" && rs != nil {
			t.Fatalf("Search(%q) = %v for a query that normalises to nothing", q, ids(rs))
		}
		if n := names.Fold(q); names.Fold(n) != n {
			t.Fatalf("names.Fold(%q) = %q, but Normalize of that is %q", q, n, names.Fold(n))
		}
		// A query whose normalised form is longer than maxQuery runes
		// searches as its shortest prefix that keeps maxQuery runes.
		kept := 0
		for i := 0; i < len(q); {
			_, size := utf8.DecodeRuneInString(q[i:])
			if names.Fold(q[i:i+size]) != "" {
				kept++
			}
			i += size
			if kept == maxQuery && i < len(q) {
				if names.Fold(q[i:]) == "" {
					break // nothing kept after the prefix: nothing was cut
				}
				if cut := ix.Search(q[:i]); !reflect.DeepEqual(rs, cut) {
					t.Fatalf("Search(%q) = %v, but its first %d runes %q give %v", q, ids(rs), maxQuery, q[:i], ids(cut))
				}
				break
			}
		}
		_, _ = ix.Lookup(q)
	})
}

func BenchmarkSearch(b *testing.B) {
	ix := index(b)
	queries := []string{"k", "kd3", "Kūnlún", "yong", "great ravine", "太溪", "cramp", "plantar fasciitis", "xyz",
		strings.Repeat("a", 200)}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Search(queries[i%len(queries)])
	}
}

// TestIndexBuiltWhenAsked: making the index (at every start) does no
// work; the first Search or Lookup builds it, once, and both answer as
// an index built at once would.
func TestIndexBuiltWhenAsked(t *testing.T) {
	lib := content.MustLoad()
	for _, first := range []string{"Search", "Lookup"} {
		ix := NewIndex(lib.Points)
		if ix.entries != nil || ix.aliases != nil {
			t.Fatalf("NewIndex built the index")
		}
		if first == "Search" {
			if got := ix.Search("kd3"); len(got) == 0 || got[0].Point.ID != "ki3" {
				t.Errorf("first Search(kd3) = %v, want ki3 first", got)
			}
		} else if p, ok := ix.Lookup("taixi"); !ok || p.ID != "ki3" {
			t.Errorf("first Lookup(taixi) = %v, %v; want ki3", p.ID, ok)
		}
		built := ix.entries
		if len(built) != len(lib.Points) {
			t.Fatalf("%s built %d entries, want %d", first, len(built), len(lib.Points))
		}
		ix.Search("heel")
		ix.Lookup("kd3")
		if &ix.entries[0] != &built[0] {
			t.Errorf("the index was built again after %s", first)
		}
	}
}
