//go:build !wasm

package e2e

import (
	"strings"
	"testing"
)

// TestPointSearch types the names people use for each point, codes in every
// system, spaced and accented pinyin, hanzi, English, and sees the right
// point first, updated as they type.
func TestPointSearch(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/points")))
	tests := []struct{ query, first string }{
		{"KD3", "Taixi (KI3)"},
		{"ki-3", "Taixi (KI3)"},
		{"k3", "Taixi (KI3)"},
		{"Tàixī", "Taixi (KI3)"},
		{"太溪", "Taixi (KI3)"},
		{"great ravine", "Taixi (KI3)"},
		{"UB60", "Kunlun (BL60)"},
		{"Kun Lun", "Kunlun (BL60)"},
		{"Kūnlún", "Kunlun (BL60)"},
		{"崑崙", "Kunlun (BL60)"},
		{"kun", "Kunlun (BL60)"},
		{"b57", "Chengshan (BL57)"},
		{"Cheng Shan", "Chengshan (BL57)"},
		{"承山", "Chengshan (BL57)"},
		{"mountain support", "Chengshan (BL57)"},
		{"gb 34", "Yanglingquan (GB34)"},
		{"Yang Ling Quan", "Yanglingquan (GB34)"},
		{"陽陵泉", "Yanglingquan (GB34)"},
		{"yang hill spring", "Yanglingquan (GB34)"},
		{"ST36", "Zusanli (ST36)"},
		{"zu san li", "Zusanli (ST36)"},
		{"足三里", "Zusanli (ST36)"},
		{"leg three li", "Zusanli (ST36)"},
		{"KD1", "Yongquan (KI1)"},
		{"yong", "Yongquan (KI1)"},
		{"湧泉", "Yongquan (KI1)"},
		{"gushing spring", "Yongquan (KI1)"},
		{"Shi Mian", "Shimian (EX-LE)"},
		{"失眠", "Shimian (EX-LE)"},
		{"Shīmián", "Shimian (EX-LE)"},
	}
	for _, tt := range tests {
		s.must(s.tab.Type("#point-search", tt.query))
		if err := s.tab.WaitText("#results li:first-child strong", tt.first); err != nil {
			t.Errorf("search %q: %v", tt.query, err)
		}
	}

	// Body words and uses find every point they should.
	areas := []struct {
		query string
		want  []string
	}{
		{"heel", []string{"Shimian"}},
		{"ankle", []string{"Taixi", "Kunlun"}},
		{"knee", []string{"Yanglingquan", "Zusanli"}},
		{"plantar fasciitis", []string{"Yongquan", "Shimian"}},
		{"cramp", []string{"Taixi", "Kunlun", "Chengshan", "Yanglingquan", "Zusanli"}},
	}
	for _, tt := range areas {
		s.must(s.tab.Type("#point-search", tt.query))
		for _, w := range tt.want {
			if err := s.tab.WaitText("#results", w); err != nil {
				t.Errorf("search %q: %v", tt.query, err)
			}
		}
	}

	// Nothing matches: a helpful answer with the seven points, not an error.
	s.must(s.tab.Type("#point-search", "xyzzy"))
	s.must(s.tab.WaitText("#results", "No point matches"))
	s.must(s.tab.WaitText("#results", "Zusanli (ST36)"))

	// Odd input never breaks the page: it still answers the next search.
	for _, odd := range []string{"🦶🦵", strings.Repeat("a", 10000), "\u0000\u0007 kd3 \u202e", "<script>alert(1)</script>"} {
		s.must(s.tab.Type("#point-search", odd))
		s.must(s.tab.Type("#point-search", "kd3"))
		if err := s.tab.WaitText("#results li:first-child strong", "Taixi (KI3)"); err != nil {
			t.Errorf("after typing %.20q: %v", odd, err)
		}
	}
	if alerted, _ := Eval[bool](s.tab, `typeof window.alerted !== "undefined"`); alerted {
		t.Error("typed markup ran as script")
	}
}

// TestPointPagesOffline opens every point's page offline, by its own path
// and by other names, and sees the page with its drawing.
func TestPointPagesOffline(t *testing.T) { checkPointPagesOffline(newSession(t)) }

func checkPointPagesOffline(s *session) {
	t := s.t
	s.must(s.openInstalled("/"))
	s.b.Proxy.SetOffline(true)
	tests := []struct{ path, title string }{
		{"/points/ki3", "Taixi (KI3)"},
		{"/points/bl60", "Kunlun (BL60)"},
		{"/points/bl57", "Chengshan (BL57)"},
		{"/points/gb34", "Yanglingquan (GB34)"},
		{"/points/st36", "Zusanli (ST36)"},
		{"/points/ki1", "Yongquan (KI1)"},
		{"/points/shimian", "Shimian (EX-LE)"},
		// Other names reach the same pages.
		{"/points/kd3", "Taixi (KI3)"},
		{"/points/taixi", "Taixi (KI3)"},
		{"/points/%E5%A4%AA%E6%BA%AA", "Taixi (KI3)"},
		{"/points/kun-lun", "Kunlun (BL60)"},
		{"/points/kd3/", "Taixi (KI3)"},
	}
	for _, tt := range tests {
		tab, err := s.b.NewTab()
		s.must(err)
		if err := tab.Open(s.url(tt.path)); err != nil {
			t.Errorf("%s offline: %v", tt.path, err)
			tab.Close()
			continue
		}
		if err := tab.WaitText("main h1", tt.title); err != nil {
			t.Errorf("%s offline: %v", tt.path, err)
		}
		if err := tab.WaitTrue(`(() => { const i = document.querySelector("main img.drawing"); return i && i.complete && i.naturalWidth > 0 && i.alt.length > 20; })()`); err != nil {
			t.Errorf("%s offline: no drawing with a text alternative: %v", tt.path, err)
		}
		tab.Close()
	}
}

// TestBodyMap taps each point on the body map and lands on its page; the
// search button in the top bar of another screen opens the search.
func TestBodyMap(t *testing.T) {
	s := newSession(t)
	for _, id := range []string{"ki3", "bl60", "bl57", "gb34", "st36", "ki1", "shimian"} {
		s.must(s.tab.Open(s.url("/points")))
		s.must(s.tab.WaitTrue(`document.querySelector(".bodymap img").naturalWidth > 0`))
		s.must(s.tab.Click(`.bodymap a.spot[href="/points/` + id + `"]`))
		if err := s.tab.WaitTrue(`location.pathname === "/points/` + id + `"`); err != nil {
			t.Errorf("tapping %s on the body map: %v", id, err)
		}
	}

	s.must(s.tab.Open(s.url("/safety")))
	s.must(s.tab.Click("#search-button"))
	s.must(s.tab.WaitTrue(`document.activeElement && document.activeElement.id === "point-search"`))
}
