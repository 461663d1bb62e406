package content

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	for _, lang := range Langs {
		t.Run(string(lang), func(t *testing.T) { testLoad(t, lang) })
	}
}

func testLoad(t *testing.T, lang Lang) {
	lib := mustLoadIn(t, lang)
	if err := lib.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	for _, id := range []string{"ki3", "bl60", "bl57", "gb34", "st36", "ki1", "shimian"} {
		if _, ok := lib.Point(id); !ok {
			t.Errorf("point %q missing", id)
		}
	}
	for _, id := range []string{"bedtime", "foot-pain"} {
		if _, ok := lib.Routine(id); !ok {
			t.Errorf("routine %q missing", id)
		}
	}
	for _, id := range []string{"plantar-fasciitis", "supplements", "acupuncture", "tradition", "evidence"} {
		if _, ok := lib.Page(id); !ok {
			t.Errorf("page %q missing", id)
		}
	}
}

// TestNoUnknownFields catches misspelt JSON keys, which encoding/json would
// otherwise skip without a word.
func TestNoUnknownFields(t *testing.T) {
	var lib Library
	if err := readFiles(files, "", true, &lib.Points, &lib.Routines, &lib.Safety, &lib.Pages); err != nil {
		t.Error(err)
	}
}

// TestAliases checks that every name points.md gives for a point is among
// that point's Names.
func TestAliases(t *testing.T) {
	lib := mustLoad(t)
	tests := []struct {
		alias, point string
	}{
		// KI3
		{"KD3", "ki3"}, {"KI3", "ki3"}, {"K3", "ki3"}, {"KID3", "ki3"},
		{"Taixi", "ki3"}, {"Tàixī", "ki3"}, {"Tai Xi", "ki3"}, {"太溪", "ki3"},
		{"Great Ravine", "ki3"}, {"Great Stream", "ki3"},
		// BL60
		{"BL60", "bl60"}, {"UB60", "bl60"}, {"B60", "bl60"},
		{"Kunlun", "bl60"}, {"Kūnlún", "bl60"}, {"Kun Lun", "bl60"},
		{"昆仑", "bl60"}, {"崑崙", "bl60"}, {"Kunlun Mountains", "bl60"},
		// BL57
		{"BL57", "bl57"}, {"UB57", "bl57"}, {"B57", "bl57"},
		{"Chengshan", "bl57"}, {"Chéngshān", "bl57"}, {"Cheng Shan", "bl57"},
		{"承山", "bl57"}, {"Mountain Support", "bl57"},
		// GB34
		{"GB34", "gb34"}, {"GB 34", "gb34"}, {"G34", "gb34"},
		{"Yanglingquan", "gb34"}, {"Yánglíngquán", "gb34"}, {"Yang Ling Quan", "gb34"},
		{"阳陵泉", "gb34"}, {"陽陵泉", "gb34"},
		{"Yang Mound Spring", "gb34"}, {"Yang Hill Spring", "gb34"},
		// ST36
		{"ST36", "st36"}, {"S36", "st36"},
		{"Zusanli", "st36"}, {"Zúsānlǐ", "st36"}, {"Zu San Li", "st36"},
		{"足三里", "st36"}, {"Leg Three Miles", "st36"}, {"Leg Three Li", "st36"},
		// KI1
		{"KD1", "ki1"}, {"KI1", "ki1"}, {"K1", "ki1"}, {"KID1", "ki1"},
		{"Yongquan", "ki1"}, {"Yǒngquán", "ki1"}, {"YongQuan", "ki1"}, {"Yong Quan", "ki1"},
		{"涌泉", "ki1"}, {"湧泉", "ki1"}, {"Gushing Spring", "ki1"},
		// Shimian
		{"Shi Mian", "shimian"}, {"EX-LE", "shimian"}, {"Shimian", "shimian"},
		{"Shīmián", "shimian"}, {"失眠", "shimian"},
		{"Insomnia", "shimian"}, {"Losing Sleep", "shimian"},
	}
	norm := func(s string) string {
		return strings.ToLower(strings.ReplaceAll(s, " ", ""))
	}
	for _, tt := range tests {
		p, ok := lib.Point(tt.point)
		if !ok {
			t.Errorf("point %q missing", tt.point)
			continue
		}
		found := false
		for _, n := range p.Names() {
			if norm(n) == norm(tt.alias) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("alias %q not among names of point %q: %q", tt.alias, tt.point, p.Names())
		}
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(l *Library)
		want   string
	}{
		{
			name:   "duplicate alias across points",
			mutate: func(l *Library) { l.Points[1].Aliases = append(l.Points[1].Aliases, "tai-xi") },
			want:   "is also a name of point",
		},
		{
			name:   "duplicate alias by tone marks",
			mutate: func(l *Library) { l.Points[0].Aliases = append(l.Points[0].Aliases, "Kūn Lún") },
			want:   "is also a name of point",
		},
		{
			name:   "routine names a missing point",
			mutate: func(l *Library) { l.Routines[0].Steps[2].Point = "lv3" },
			want:   `unknown point "lv3"`,
		},
		{
			name:   "point step without a point",
			mutate: func(l *Library) { l.Routines[0].Steps[2].Point = "" },
			want:   "names no point",
		},
		{
			name:   "soak step with a point",
			mutate: func(l *Library) { l.Routines[0].Steps[0].Point = "ki3" },
			want:   "only point steps may",
		},
		{
			name:   "zero duration",
			mutate: func(l *Library) { l.Routines[0].Steps[0].Seconds = 0 },
			want:   "durations must be positive",
		},
		{
			name:   "min above seconds",
			mutate: func(l *Library) { l.Routines[0].Steps[0].MinSeconds = l.Routines[0].Steps[0].Seconds + 1 },
			want:   "min <= seconds <= max",
		},
		{
			name:   "seconds above max",
			mutate: func(l *Library) { l.Routines[1].Steps[0].Seconds = l.Routines[1].Steps[0].MaxSeconds + 1 },
			want:   "min <= seconds <= max",
		},
		{
			name:   "empty location",
			mutate: func(l *Library) { l.Points[0].Location = " " },
			want:   `point "ki3": empty location`,
		},
		{
			name:   "empty finding",
			mutate: func(l *Library) { l.Points[0].Finding = nil },
			want:   "empty finding",
		},
		{
			name:   "empty drawing alt",
			mutate: func(l *Library) { l.Points[0].DrawingAlt = "" },
			want:   "empty drawing_alt",
		},
		{
			name:   "drawing outside web",
			mutate: func(l *Library) { l.Points[0].Drawing = "points/ki3.svg" },
			want:   "does not start with /web/",
		},
		{
			name:   "unknown step kind",
			mutate: func(l *Library) { l.Routines[0].Steps[1].Kind = "stretch" },
			want:   `unknown step kind "stretch"`,
		},
		{
			name:   "duplicate point id",
			mutate: func(l *Library) { l.Points[1].ID = l.Points[0].ID },
			want:   "duplicate id",
		},
		{
			name:   "duplicate routine id",
			mutate: func(l *Library) { l.Routines[1].ID = l.Routines[0].ID },
			want:   "duplicate id",
		},
		{
			name:   "duplicate step id",
			mutate: func(l *Library) { l.Routines[0].Steps[1].ID = l.Routines[0].Steps[0].ID },
			want:   "duplicate id",
		},
		{
			name:   "duplicate page id",
			mutate: func(l *Library) { l.Pages[1].ID = l.Pages[0].ID },
			want:   "duplicate id",
		},
		{
			name:   "id not a slug",
			mutate: func(l *Library) { l.Pages[0].ID = "Plantar Fasciitis" },
			want:   "not lower-case slug form",
		},
		{
			name:   "routine without steps",
			mutate: func(l *Library) { l.Routines[0].Steps = nil },
			want:   "no steps",
		},
		{
			name:   "step without instructions",
			mutate: func(l *Library) { l.Routines[0].Steps[0].Instructions = []string{""} },
			want:   "empty instructions",
		},
		{
			name:   "empty safety notice",
			mutate: func(l *Library) { l.Safety.Notice = nil },
			want:   "safety: empty notice",
		},
		{
			name:   "no red flags",
			mutate: func(l *Library) { l.Safety.RedFlags = nil },
			want:   "no red_flags",
		},
		{
			name:   "page paragraph empty",
			mutate: func(l *Library) { l.Pages[0].Sections[0].Paragraphs = nil },
			want:   "empty paragraphs",
		},
	}
	for _, lang := range Langs {
		for _, tt := range tests {
			t.Run(string(lang)+"/"+tt.name, func(t *testing.T) {
				lib := clone(t, mustLoadIn(t, lang))
				tt.mutate(lib)
				err := lib.Validate()
				if err == nil {
					t.Fatalf("Validate passed; want an error mentioning %q", tt.want)
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Validate error = %q; want it to mention %q", err, tt.want)
				}
			})
		}
	}
}

var (
	cureWord    = regexp.MustCompile(`(?i)\bcur(e|es|ed|ing)\b|diagnos`)
	negation    = regexp.MustCompile(`(?i)\bnot\b|n't\b`)
	sentenceEnd = regexp.MustCompile(`[.!?]+(\s+|$)`)
)

// TestHonestText checks that the app never repeats the article's unsafe
// soak advice and never claims to cure or diagnose.
func TestHonestText(t *testing.T) {
	lib := mustLoad(t)
	for _, s := range allStrings(reflect.ValueOf(*lib), "library") {
		if strings.Contains(strings.ToLower(s.text), "regardless how hot") {
			t.Errorf("%s repeats the article's unsafe phrase: %q", s.path, s.text)
		}
		for _, sentence := range sentenceEnd.Split(s.text, -1) {
			if cureWord.MatchString(sentence) && !negation.MatchString(sentence) {
				t.Errorf("%s claims to cure or diagnose: %q", s.path, sentence)
			}
		}
	}
}

var celsiusRange = regexp.MustCompile(`\d+\s*[-–]\s*\d+\s*°C`)

func TestSoakTemperature(t *testing.T) {
	for _, lang := range Langs {
		t.Run(string(lang), func(t *testing.T) { testSoakTemperature(t, mustLoadIn(t, lang)) })
	}
}

func testSoakTemperature(t *testing.T, lib *Library) {
	if !celsiusRange.MatchString(strings.Join(lib.Safety.Soak, " ")) {
		t.Errorf("safety soak checks give no temperature range in °C: %q", lib.Safety.Soak)
	}
	soaks := 0
	for _, r := range lib.Routines {
		for _, s := range r.Steps {
			if s.Kind != StepSoak {
				continue
			}
			soaks++
			if !celsiusRange.MatchString(strings.Join(s.Instructions, " ")) {
				t.Errorf("routine %q step %q gives no temperature range in °C: %q", r.ID, s.ID, s.Instructions)
			}
		}
	}
	if soaks == 0 {
		t.Error("no soak step found")
	}
}

func mustLoad(t *testing.T) *Library {
	t.Helper()
	lib, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return lib
}

// clone returns a deep copy of lib, so a test can change it freely.
func clone(t *testing.T, lib *Library) *Library {
	t.Helper()
	b, err := json.Marshal(lib)
	if err != nil {
		t.Fatal(err)
	}
	var c Library
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

type field struct {
	path, text string
}

// allStrings returns every string held in v, with a path naming where.
func allStrings(v reflect.Value, path string) []field {
	var out []field
	switch v.Kind() {
	case reflect.String:
		out = append(out, field{path, v.String()})
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			out = append(out, allStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]")...)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			out = append(out, allStrings(v.Field(i), path+"."+v.Type().Field(i).Name)...)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = append(out, allStrings(v.Elem(), path)...)
		}
	}
	return out
}

// TestDrawingsExist: every point's drawing, and the body map, is a file
// under web/, so the app can show it and the service worker can keep it.
func TestDrawingsExist(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"/web/points/bodymap.svg"}
	for _, p := range lib.Points {
		paths = append(paths, p.Drawing)
	}
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("drawing %s: %v", p, err)
			continue
		}
		if !strings.Contains(string(b), "<title>") || !strings.Contains(string(b), `role="img"`) {
			t.Errorf("drawing %s lacks a <title> or role=\"img\"", p)
		}
		if strings.Contains(string(b), "href=\"http") || strings.Contains(string(b), "<image") {
			t.Errorf("drawing %s refers to something outside itself", p)
		}
	}
}

// TestGeneratedIsParsed: the Go values the app starts from (english.go)
// are what the JSON files say now. It fails after an edit to the JSON until
// `go run ./content/gen` (which make runs before a build) writes them again.
func TestGeneratedIsParsed(t *testing.T) {
	parsed, err := Parse()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*parsed, generatedEnglish) {
		t.Error("content/english.go differs from the JSON files: run go run ./content/gen")
	}
	if lib := mustLoad(t); !reflect.DeepEqual(lib, parsed) {
		t.Error("Load does not return the generated content")
	}
}
