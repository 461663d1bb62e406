package names

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ki3", "ki3"},
		{"KD3", "kd3"},
		{"kd 3", "kd3"},
		{"KI-3", "ki3"},
		{"ki_3.", "ki3"},
		{"Kun Lun", "kunlun"},
		{"Kūnlún", "kunlun"},
		{"Tàixī", "taixi"},
		{"Yǒng'quán", "yongquan"},
		{"Yǒng’quán", "yongquan"},
		{"ZÚSĀNLǏ", "zusanli"},
		{"Lǚ Lǘ lü Lǜ lǖ", "lulululu" + "lu"},
		{"Ku\u0304nlu\u0301n", "kunlun"}, // decomposed tone marks
		{"ＫＩ３", "ki3"},                   // full-width
		{"ｋｕｎ　ｌｕｎ", "kunlun"},            // full-width letters and ideographic space
		{"太溪", "太溪"},
		{"崑崙", "崑崙"},
		{"足 三 里", "足三里"},
		{"陽陵泉。", "陽陵泉"},
		{"Great Ravine", "greatravine"},
		{"Plantar fasciitis!", "plantarfasciitis"},
		{"\x00\x01\t\n", ""},
		{"\xff\xfe", ""},
		{"a\xffb", "ab"},
		{"🦶heel", "heel"},
		{"Ŋ ß", "ŋß"},
		{"EX-LE", "exle"},
		{"湧泉", "湧泉"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
		isSlug   bool
	}{
		{"Tai Xi", "tai-xi", true},
		{"Great Ravine", "great-ravine", true},
		{"KI3", "ki3", true},
		{"calf", "calf", true},
		{"太溪", "太溪", false},
		{"  Kun -- Lun! ", "kun-lun", true},
		{"", "", false},
	}
	for _, tt := range tests {
		got := Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if IsSlug(got) != tt.isSlug {
			t.Errorf("IsSlug(%q) = %v, want %v", got, !tt.isSlug, tt.isSlug)
		}
	}
}
