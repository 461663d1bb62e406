package content

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func mustLoadIn(t *testing.T, lang Lang) *Library {
	t.Helper()
	lib, err := LoadIn(lang)
	if err != nil {
		t.Fatalf("LoadIn(%s): %v", lang, err)
	}
	if lib.Lang != lang {
		t.Fatalf("LoadIn(%s).Lang = %q", lang, lib.Lang)
	}
	return lib
}

// unchecked returns lang's library as LoadIn builds it, without the checks
// LoadIn runs, so the tests below report their own findings even when
// LoadIn fails.
func unchecked(t *testing.T, lang Lang) *Library {
	t.Helper()
	en := mustLoadIn(t, English)
	tr, err := readText(lang)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := tr.apply(en)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestLoadIn(t *testing.T) {
	for _, lang := range Langs {
		mustLoadIn(t, lang)
	}
	if en, _ := Load(); en != mustLoadIn(t, English) {
		t.Error("Load and LoadIn(English) return different libraries")
	}
	if _, err := LoadIn("fr"); err == nil || err.Error() != `content: no content in language "fr"` {
		t.Errorf("LoadIn(fr) error = %v", err)
	}
}

// TestChineseMatchesEnglish is the parity check on the shipped content,
// run here before a build ships rather than in LoadIn at every start.
func TestChineseMatchesEnglish(t *testing.T) {
	if err := CompareText(mustLoadIn(t, English), unchecked(t, Chinese)); err != nil {
		t.Errorf("the Chinese differs from the English:\n%v", err)
	}
}

// TestCompareTextReports shows that CompareText fails, with a message that
// says where, for each kind of difference: a string in one language and
// not the other, a list or a step missing, a number changed, and shared
// structure changed.
func TestCompareTextReports(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(zh *Library)
		want   string
	}{
		{
			name:   "missing string",
			mutate: func(zh *Library) { zh.Points[0].Location = "" },
			want:   `points[ki3].location: en has text, zh-Hans has none`,
		},
		{
			name:   "blank string",
			mutate: func(zh *Library) { zh.Pages[0].Summary = " " },
			want:   `pages[plantar-fasciitis].summary: en has text, zh-Hans has none`,
		},
		{
			name:   "string only in the translation",
			mutate: func(zh *Library) { zh.Points[6].Meridian = "经外奇穴" },
			want:   `points[shimian].meridian: zh-Hans has text, en has none`,
		},
		{
			name:   "finding step missing",
			mutate: func(zh *Library) { zh.Points[0].Finding = zh.Points[0].Finding[:3] },
			want:   `points[ki3].finding: en has 4 items, zh-Hans has 3`,
		},
		{
			name:   "area missing",
			mutate: func(zh *Library) { zh.Points[1].Areas = zh.Points[1].Areas[1:] },
			want:   `points[bl60].areas: en has 6 items, zh-Hans has 5`,
		},
		{
			name:   "caution missing",
			mutate: func(zh *Library) { zh.Points[1].Cautions[2] = "" },
			want:   `points[bl60].cautions[2]: en has text, zh-Hans has none`,
		},
		{
			name:   "instruction missing",
			mutate: func(zh *Library) { zh.Routines[0].Steps[0].Instructions = zh.Routines[0].Steps[0].Instructions[:3] },
			want:   `routines[bedtime].steps[soak].instructions: en has 4 items, zh-Hans has 3`,
		},
		{
			name:   "step missing",
			mutate: func(zh *Library) { zh.Routines[1].Steps = zh.Routines[1].Steps[:2] },
			want:   `routines[foot-pain].steps: en has 3 items, zh-Hans has 2`,
		},
		{
			name:   "step title missing",
			mutate: func(zh *Library) { zh.Routines[0].Steps[7].Title = "" },
			want:   `routines[bedtime].steps[calves].title: en has text, zh-Hans has none`,
		},
		{
			name:   "seconds changed in a cue",
			mutate: func(zh *Library) { zh.Points[0].Pressing = strings.Replace(zh.Points[0].Pressing, "30", "20", 1) },
			want:   `points[ki3].pressing: numbers differ: en has [30], zh-Hans has [20]`,
		},
		{
			name: "temperature dropped",
			mutate: func(zh *Library) {
				s := &zh.Routines[0].Steps[0].Instructions[0]
				*s = strings.Replace(*s, "（99–104 °F）", "", 1)
			},
			want: `routines[bedtime].steps[soak].instructions[0]: numbers differ: en has [37 40 99 104], zh-Hans has [37 40]`,
		},
		{
			name: "minutes changed",
			mutate: func(zh *Library) {
				s := &zh.Safety.RedFlags[2].Sign
				*s = strings.Replace(*s, "10", "15", 1)
			},
			want: `safety.red_flags[2].sign: numbers differ: en has [10], zh-Hans has [15]`,
		},
		{
			name:   "red flag missing",
			mutate: func(zh *Library) { zh.Safety.RedFlags = zh.Safety.RedFlags[:8] },
			want:   `safety.red_flags: en has 9 items, zh-Hans has 8`,
		},
		{
			name:   "red flag action missing",
			mutate: func(zh *Library) { zh.Safety.RedFlags[1].Action = "" },
			want:   `safety.red_flags[1].action: en has text, zh-Hans has none`,
		},
		{
			name:   "soak check missing",
			mutate: func(zh *Library) { zh.Safety.Soak = zh.Safety.Soak[:5] },
			want:   `safety.soak: en has 6 items, zh-Hans has 5`,
		},
		{
			name:   "pregnancy advice missing",
			mutate: func(zh *Library) { zh.Safety.Pregnancy = "" },
			want:   `safety.pregnancy: en has text, zh-Hans has none`,
		},
		{
			name:   "paragraph missing",
			mutate: func(zh *Library) { zh.Pages[4].Sections[1].Paragraphs = zh.Pages[4].Sections[1].Paragraphs[:1] },
			want:   `pages[evidence].sections[1].paragraphs: en has 2 items, zh-Hans has 1`,
		},
		{
			name:   "duration changed",
			mutate: func(zh *Library) { zh.Routines[0].Steps[0].Seconds = 600 },
			want:   `routines[bedtime].steps[soak].seconds: en has 1200, zh-Hans has 600`,
		},
		{
			name:   "urgency changed",
			mutate: func(zh *Library) { zh.Safety.RedFlags[0].Urgent = false },
			want:   `safety.red_flags[0].urgent: en has true, zh-Hans has false`,
		},
		{
			name:   "drawing changed",
			mutate: func(zh *Library) { zh.Points[0].Drawing = "/web/points/zh/ki3.svg" },
			want:   `points[ki3].drawing: en has "/web/points/ki3.svg", zh-Hans has "/web/points/zh/ki3.svg"`,
		},
		{
			name:   "map spot changed",
			mutate: func(zh *Library) { zh.Points[0].Map.X = 40 },
			want:   `points[ki3].map.x: en has 41.75, zh-Hans has 40`,
		},
	}
	en := mustLoadIn(t, English)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zh := clone(t, unchecked(t, Chinese))
			zh.Lang = Chinese
			tt.mutate(zh)
			err := CompareText(en, zh)
			if err == nil {
				t.Fatalf("CompareText passed; want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("CompareText error =\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"about 37-40 °C (99-104 °F)", []string{"37", "40", "99", "104"}},
		{"大约37–40 °C（99–104 °F）", []string{"37", "40", "99", "104"}},
		{"for 1 to 2 minutes", []string{"1", "2"}},
		{"按１到２分钟", []string{"1", "2"}},
		{"every 2 to 3 hours, up to 20 minutes", []string{"2", "3", "20"}},
		{"Taixi (KI3)", []string{"3"}},
		{"½ cup; one minute", nil},
	}
	for _, tt := range tests {
		if got := Numbers(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Numbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextApply shows that text for an ID the English lacks is refused, and
// that an ID the translation lacks leaves its text empty, never English.
func TestTextApply(t *testing.T) {
	en := mustLoadIn(t, English)
	tr, err := readText(Chinese)
	if err != nil {
		t.Fatal(err)
	}
	tr.points["lv3"] = pointText{Region: "脚背"}
	tr.routines["bedtime"].Steps["stretch"] = stepText{Title: "拉伸"}
	tr.pages["diet"] = pageText{Title: "饮食"}
	_, err = tr.apply(en)
	want := "content: zh-Hans: points.json: point \"lv3\" is not in the English points.json\n" +
		"routines.json: routine \"bedtime\" step \"stretch\" is not in the English routines.json\n" +
		"pages.json: page \"diet\" is not in the English pages.json"
	if err == nil || err.Error() != want {
		t.Errorf("apply error =\n%v\nwant\n%s", err, want)
	}

	tr, err = readText(Chinese)
	if err != nil {
		t.Fatal(err)
	}
	delete(tr.points, "gb34")
	zh, err := tr.apply(en)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := zh.Point("gb34"); p.Location != "" || p.WHOCode != "GB34" {
		t.Errorf("point gb34 without text: location %q, code %q; want no location, code GB34", p.Location, p.WHOCode)
	}
	if err := CompareText(en, zh); err == nil || !strings.Contains(err.Error(), "points[gb34].location: en has text, zh-Hans has none") {
		t.Errorf("CompareText with gb34 untranslated = %v", err)
	}
}

// TestTextFilesHoldOnlyText: a translation file that sets structure, such
// as a step's seconds, is refused.
func TestTextFilesHoldOnlyText(t *testing.T) {
	var routines map[string]routineText
	err := decode([]byte(`{"bedtime": {"steps": {"soak": {"title": "泡脚", "seconds": 600}}}}`), &routines, true)
	if err == nil || !strings.Contains(err.Error(), `unknown field "seconds"`) {
		t.Errorf("decodeStrict = %v, want an unknown field error", err)
	}
}

// sharedFields are the string fields that are the same in every language:
// IDs, kinds, codes, the point's names (search finds a point by all of
// them in either language) and drawing paths. Every other string field
// must be tagged text:"yes".
var sharedFields = []string{
	"Point.ID", "Point.WHOCode", "Point.ArticleCode", "Point.OtherCodes", "Point.Pinyin",
	"Point.PinyinTones", "Point.HanziSimplified", "Point.HanziTraditional", "Point.English",
	"Point.Aliases", "Point.Drawing",
	"Routine.ID", "Step.ID", "Step.Kind", "Step.Point", "Page.ID",
	"Library.Lang",
}

// TestEveryStringFieldDecided makes whoever adds a string field to the
// content say whether it is translated.
func TestEveryStringFieldDecided(t *testing.T) {
	var walk func(reflect.Type)
	seen := map[reflect.Type]bool{}
	walk = func(typ reflect.Type) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			ft := f.Type
			for ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			name := typ.Name() + "." + f.Name
			switch {
			case ft.Kind() == reflect.Struct:
				walk(ft)
			case ft.Kind() == reflect.String:
				text := f.Tag.Get("text") == "yes"
				shared := slices.Contains(sharedFields, name)
				if text == shared {
					t.Errorf("%s: tag it text:\"yes\" or list it in sharedFields, not both or neither", name)
				}
			}
		}
	}
	walk(reflect.TypeOf(Library{}))
}

// textFields returns every translatable string in v.
func textFields(v reflect.Value, path string, text bool) []field {
	var out []field
	switch v.Kind() {
	case reflect.String:
		if text {
			out = append(out, field{path, v.String()})
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			out = append(out, textFields(v.Index(i), path+"["+itemName(v.Index(i), i)+"]", text)...)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if path != "" {
				name = path + "." + name
			}
			out = append(out, textFields(v.Field(i), name, f.Tag.Get("text") == "yes")...)
		}
	}
	return out
}

// latin finds Latin-script words and the units and names allowed among them.
var latin = regexp.MustCompile(`°[CF]|维生素C|[A-Za-z][A-Za-z0-9-]*`)

// allowedLatin are the Latin words a Chinese reader sees as they are, each
// for a reason: Cochrane is the review's publisher, written so in Chinese
// too; MSM is the supplement's name on its label (the Chinese name is given
// beside it). Point codes (KI3, BL60, ...) are allowed too, from the content.
var allowedLatin = []string{"Cochrane", "MSM"}

// englishLeft returns, for each text of lib, the Latin words it holds that
// are neither a point code nor allowed, and the texts with no hanzi at all.
func englishLeft(lib *Library) []string {
	codes := map[string]bool{}
	for _, p := range lib.Points {
		for _, c := range append([]string{p.WHOCode, p.ArticleCode}, p.OtherCodes...) {
			if strings.ToUpper(c) == c {
				codes[c] = true
			}
		}
	}
	var out []string
	for _, f := range textFields(reflect.ValueOf(*lib), "", false) {
		if f.text == "" {
			continue
		}
		if !strings.ContainsFunc(f.text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			out = append(out, fmt.Sprintf("%s: no Chinese in %q", f.path, f.text))
			continue
		}
		for _, w := range latin.FindAllString(f.text, -1) {
			if strings.HasPrefix(w, "°") || w == "维生素C" || codes[w] || slices.Contains(allowedLatin, w) {
				continue
			}
			out = append(out, fmt.Sprintf("%s: English word %q", f.path, w))
		}
	}
	return out
}

func TestNoEnglishInChinese(t *testing.T) {
	for _, e := range englishLeft(unchecked(t, Chinese)) {
		t.Error(e)
	}
}

// TestEnglishLeftReports shows the check above fails on English left in a
// Chinese text, and on a text not translated at all.
func TestEnglishLeftReports(t *testing.T) {
	zh := clone(t, unchecked(t, Chinese))
	zh.Points[0].Pressing = "用拇指 knead 30秒。"
	zh.Routines[0].Steps[1].Title = "Rub your soles"
	zh.Pages[1].Sections[0].Paragraphs[0] += "（Cochrane，MSM，维生素C，37 °C，KI3，KD3）"
	got := englishLeft(zh)
	want := []string{
		`points[ki3].pressing: English word "knead"`,
		`routines[bedtime].steps[rub].title: no Chinese in "Rub your soles"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("englishLeft =\n%q\nwant\n%q", got, want)
	}
}

var (
	zhSentenceEnd = regexp.MustCompile(`[。！？；]`)
	zhCure        = regexp.MustCompile(`治愈|根治|治好|诊断|确诊`)
	zhNegation    = regexp.MustCompile(`不|没有|无|并非|别`)
	zhTradition   = regexp.MustCompile(`气血|“气”|经络|经脉|毒素|排毒`)
	zhWhoseView   = regexp.MustCompile(`中医|传统|文章|认为|看法|说法|观点`)
	zhUnsafeSoak  = regexp.MustCompile(`不管.*多烫|无论.*多烫|再烫也`)
)

// TestChineseHonest: the Chinese never claims to cure or diagnose, never
// repeats the article's unsafe soak advice, and says whose view Qi,
// meridians and toxins are in the same sentence (a tradition page's
// headings aside: the page itself is labelled the tradition's view).
func TestChineseHonest(t *testing.T) {
	zh := unchecked(t, Chinese)
	for _, f := range textFields(reflect.ValueOf(*zh), "", false) {
		if zhUnsafeSoak.MatchString(f.text) {
			t.Errorf("%s repeats the article's unsafe soak advice: %q", f.path, f.text)
		}
		for _, s := range zhSentenceEnd.Split(f.text, -1) {
			if zhCure.MatchString(s) && !zhNegation.MatchString(s) {
				t.Errorf("%s claims to cure or diagnose: %q", f.path, s)
			}
			if zhTradition.MatchString(s) && !zhWhoseView.MatchString(s) && !strings.HasSuffix(f.path, ".heading") {
				t.Errorf("%s states the tradition's idea as fact: %q", f.path, s)
			}
		}
	}
}

// TestChineseRedFlagsKeepUrgency: each warning sign's action says, in
// Chinese, as much as the English: call the local emergency number, get
// care today, or see a doctor.
func TestChineseRedFlagsKeepUrgency(t *testing.T) {
	en, zh := mustLoadIn(t, English), unchecked(t, Chinese)
	tests := []struct {
		en, zh string
	}{
		{"call emergency services", "拨打当地的急救电话"},
		{"today", "今天"},
		{"see a doctor", "看医生"},
		{"pharmacist", "药剂师"},
		{"do not stop a medicine", "不要自己停药"},
		{"blood clot", "血栓"},
	}
	for i, f := range en.Safety.RedFlags {
		for _, tt := range tests {
			inEn := strings.Contains(strings.ToLower(f.Action), tt.en)
			inZh := strings.Contains(zh.Safety.RedFlags[i].Action, tt.zh)
			if inEn != inZh {
				t.Errorf("red_flags[%d].action: English says %q: %v; Chinese says %q: %v\nen: %s\nzh: %s",
					i, tt.en, inEn, tt.zh, inZh, f.Action, zh.Safety.RedFlags[i].Action)
			}
		}
	}
	if !strings.Contains(strings.Join(zh.Safety.Notice, ""), "停止") {
		t.Errorf("the Chinese notice does not say to stop the routine: %q", zh.Safety.Notice)
	}
}
