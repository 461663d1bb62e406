package content

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
)

// files are the English content, which Parse reads for the generator
// (content/gen) and the tests; the app itself starts from the Go values
// generated from them (english.go), so it carries neither the JSON nor the
// work of decoding it. translations are the other languages' text, apart,
// so an app that never loads another language (LoadIn) does not carry it:
// the linker drops what nothing reaches.
var (
	//go:embed points.json routines.json safety.json pages.json
	files embed.FS
	//go:embed zh-Hans/*.json
	translations embed.FS
)

// Lang is a language the content is written in, named by its BCP 47 tag.
type Lang string

const (
	// English ("en") is the content's first language: the JSON files beside
	// this file, which also hold the structure every language shares.
	English Lang = "en"
	// Chinese ("zh-Hans") is Simplified Chinese. The tag names the script,
	// not a country, since the same text serves readers in mainland China,
	// Singapore and abroad; a browser that asks for "zh", "zh-CN" or
	// "zh-SG" is asking for it. Its text is in zh-Hans/.
	Chinese Lang = "zh-Hans"
)

// Langs are the languages the content is written in, English first.
var Langs = []Lang{English, Chinese}

// Library is all the content the app carries, in one language.
type Library struct {
	// Lang is the language of the library's text.
	Lang Lang `json:"-"`

	Points   []Point   `json:"points"`
	Routines []Routine `json:"routines"`
	Safety   Safety    `json:"safety"`
	Pages    []Page    `json:"pages"`
}

// Point is one acupressure point with every name people use for it.
type Point struct {
	// ID is the URL slug, lower case: "ki3", "bl60", "shimian".
	ID string `json:"id"`
	// WHOCode is the WHO standard code ("KI3"); "EX-LE" for an extra point.
	WHOCode string `json:"who_code"`
	// ArticleCode is the code the article uses ("KD3", "Shi Mian").
	ArticleCode string `json:"article_code"`
	// OtherCodes are further codes seen in books and apps ("K3", "KID3").
	OtherCodes []string `json:"other_codes"`
	// Pinyin is the name without tone marks, as one word ("Taixi").
	Pinyin string `json:"pinyin"`
	// PinyinTones is the name with tone marks ("Tàixī").
	PinyinTones string `json:"pinyin_tones"`
	// HanziSimplified and HanziTraditional are the Chinese characters.
	HanziSimplified  string `json:"hanzi_simplified"`
	HanziTraditional string `json:"hanzi_traditional"`
	// English is the usual English name ("Great Ravine").
	English string `json:"english"`
	// Aliases are further spellings and names: the article's spaced pinyin
	// ("Tai Xi"), English variants ("Great Stream").
	Aliases []string `json:"aliases"`
	// Meridian is the channel the point belongs to in the tradition
	// ("Kidney"); empty for an extra point.
	Meridian string `json:"meridian" text:"yes"`
	// Region is the body part in a few plain words ("Inner ankle").
	Region string `json:"region" text:"yes"`
	// Areas are body-area words a person might search for ("ankle", "heel").
	// A translation may give a second everyday word in brackets
	// ("脚跟（足跟）"), so that search finds the point by either.
	Areas []string `json:"areas" text:"yes"`
	// Uses are what the article uses the point for ("leg cramps").
	Uses []string `json:"uses" text:"yes"`
	// Location says where the point is, in one or two plain sentences.
	Location string `json:"location" text:"yes"`
	// Finding is how to find it, step by step, from landmarks one can feel.
	Finding []string `json:"finding" text:"yes"`
	// Pressing is how to press it: pressure and time as the article gives.
	Pressing string `json:"pressing" text:"yes"`
	// Cautions are the warnings that apply to this point.
	Cautions []string `json:"cautions" text:"yes"`
	// Drawing is the path of the point's picture under web/ ("/web/points/ki3.svg").
	Drawing string `json:"drawing"`
	// DrawingAlt describes the drawing for people who cannot see it.
	DrawingAlt string `json:"drawing_alt" text:"yes"`
	// Map is where the point sits on the body map (web/points/bodymap.svg),
	// in percent of the picture's width and height.
	Map MapSpot `json:"map"`
	// Cun is true when finding the point uses finger-width measures, so
	// its page explains them.
	Cun bool `json:"cun,omitempty"`
}

// MapSpot is a place on a picture, in percent of its width and height.
type MapSpot struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Step kinds.
const (
	StepSoak    = "soak"
	StepRub     = "rub"
	StepPoint   = "point"
	StepMassage = "massage"
)

// Routine is a sequence of self-care steps from the article.
type Routine struct {
	// ID is the URL slug ("bedtime", "foot-pain").
	ID string `json:"id"`
	// Title is the routine's name ("Bedtime leg-cramp routine").
	Title string `json:"title" text:"yes"`
	// Summary says in one sentence what the routine is and when to do it.
	Summary string `json:"summary" text:"yes"`
	// Steps are done in order.
	Steps []Step `json:"steps"`
}

// Step is one timed step of a routine.
type Step struct {
	// ID is unique within its routine ("soak", "ki3").
	ID string `json:"id"`
	// Kind is one of StepSoak, StepRub, StepPoint, StepMassage.
	Kind string `json:"kind"`
	// Title is the step's name in a few words ("Knead Taixi (KI3)").
	Title string `json:"title" text:"yes"`
	// Point is the ID of the point a StepPoint step presses.
	Point string `json:"point,omitempty"`
	// Seconds is the default duration; MinSeconds and MaxSeconds bound what a
	// person may choose.
	Seconds    int `json:"seconds"`
	MinSeconds int `json:"min_seconds"`
	MaxSeconds int `json:"max_seconds"`
	// Suggested is true when the article gives no time and Seconds is the
	// app's own suggestion.
	Suggested bool `json:"suggested,omitempty"`
	// PerSide is true when the step can be done for each leg in turn.
	PerSide bool `json:"per_side,omitempty"`
	// Instructions say what to do, in short plain sentences.
	Instructions []string `json:"instructions" text:"yes"`
}

// Safety is the notice and warnings the app must carry.
type Safety struct {
	// Notice is the short notice reachable from every screen.
	Notice []string `json:"notice" text:"yes"`
	// RedFlags are the signs that call for medical help instead of self-care.
	RedFlags []RedFlag `json:"red_flags"`
	// Soak are the checks before a hot foot soak.
	Soak []string `json:"soak" text:"yes"`
	// SoakClinician is the soak advice for people with diabetes, numbness or
	// poor circulation.
	SoakClinician string `json:"soak_clinician" text:"yes"`
	// Pregnancy is the advice shown to pregnant people.
	Pregnancy string `json:"pregnancy" text:"yes"`
}

// RedFlag is one sign that needs a clinician, and how soon.
type RedFlag struct {
	// Sign is what the person notices.
	Sign string `json:"sign" text:"yes"`
	// Action says what to do ("Get urgent care today").
	Action string `json:"action" text:"yes"`
	// Urgent is true when the action is same-day or emergency care.
	Urgent bool `json:"urgent"`
}

// Page is a short background page drawn from the article.
type Page struct {
	// ID is the URL slug under /about/ ("plantar-fasciitis").
	ID string `json:"id"`
	// Title is the page's heading.
	Title string `json:"title" text:"yes"`
	// Summary is one sentence shown in lists of pages.
	Summary string `json:"summary" text:"yes"`
	// Tradition is true when the page tells the tradition's view rather
	// than medical fact; the app labels it so.
	Tradition bool `json:"tradition"`
	// Sections are the page's parts, in order.
	Sections []Section `json:"sections"`
}

// Section is a heading and its paragraphs.
type Section struct {
	Heading    string   `json:"heading" text:"yes"`
	Paragraphs []string `json:"paragraphs" text:"yes"`
}

// loads holds each language's Library, parsed once.
// english is the English content, read once; others are the other
// languages, each read once. Load does not reach the other languages, so an
// app that only ever calls Load does not carry them: the linker drops the
// translations and the code that checks them.
var (
	english load
	others  = map[Lang]*load{Chinese: {}}
)

type load struct {
	once sync.Once
	lib  *Library
	err  error
}

// Load returns the English content: the Go values generated from the JSON
// files (english.go), which Parse read and validated when they were
// generated; TestGeneratedIsParsed fails when they differ from what Parse
// reads now. Decoding and checking the JSON at every start cost a phone
// about a tenth of a second. It returns the same Library on every call.
func Load() (*Library, error) {
	english.once.Do(func() {
		lib := generatedEnglish
		english.lib = &lib
	})
	return english.lib, english.err
}

// MustLoad is Load for program start-up: it panics when the content is
// invalid, which the content tests rule out before a build ships.
func MustLoad() *Library {
	lib, err := Load()
	if err != nil {
		panic(err)
	}
	return lib
}

// LoadIn returns the content in the language lang: parsed and validated.
// The shipped translations are checked against the English with
// CompareText by the content tests (TestChineseMatchesEnglish), which run
// before a build ships, as for MustLoad; LoadIn does not run it again at
// every start, which would put its code (6 KB gzip) into app.wasm for
// every visitor. It parses once per language and returns the same Library
// on later calls.
func LoadIn(lang Lang) (*Library, error) {
	if lang == English {
		return Load()
	}
	l, ok := others[lang]
	if !ok {
		return nil, fmt.Errorf("content: no content in language %q", lang)
	}
	l.once.Do(func() { l.lib, l.err = parseIn(lang) })
	return l.lib, l.err
}

// MustLoadIn is LoadIn for program start-up: it panics when the content is
// invalid, which the content tests rule out before a build ships.
func MustLoadIn(lang Lang) *Library {
	lib, err := LoadIn(lang)
	if err != nil {
		panic(err)
	}
	return lib
}

// Parse reads the English JSON files and validates them: the source the
// generator (go run ./content/gen) writes english.go from. A field the
// types have no place for is an error.
func Parse() (*Library, error) {
	lib := Library{Lang: English}
	if err := readFiles(files, "", true, &lib.Points, &lib.Routines, &lib.Safety, &lib.Pages); err != nil {
		return nil, err
	}
	if err := lib.Validate(); err != nil {
		return nil, err
	}
	return &lib, nil
}

// readFiles decodes the content files of fsys in the directory dir (""
// for the English) into points, routines, safety and pages, in that order.
// When strict, a field the value has no place for is an error.
func readFiles(fsys embed.FS, dir string, strict bool, points, routines, safety, pages any) error {
	for _, f := range []struct {
		name string
		into any
	}{
		{"points.json", points},
		{"routines.json", routines},
		{"safety.json", safety},
		{"pages.json", pages},
	} {
		name := f.name
		if dir != "" {
			name = dir + "/" + name
		}
		b, err := fsys.ReadFile(name)
		if err != nil {
			return fmt.Errorf("content: reading %s: %w", name, err)
		}
		if err := decode(b, f.into, strict); err != nil {
			return fmt.Errorf("content: parsing %s: %w", name, err)
		}
	}
	return nil
}

// decode decodes the one JSON value in b into into; when strict, a field
// into has no place for is an error.
func decode(b []byte, into any, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(into); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more after the JSON value")
	}
	return nil
}

// parseIn builds the library in lang from the English one and lang's text.
func parseIn(lang Lang) (*Library, error) {
	en, err := Load()
	if err != nil {
		return nil, err
	}
	tr, err := readText(lang)
	if err != nil {
		return nil, err
	}
	lib, err := tr.apply(en)
	if err != nil {
		return nil, err
	}
	if !validateOnLoad {
		return lib, nil
	}
	if err := lib.Validate(); err != nil {
		return nil, fmt.Errorf("content: %s: %w", lang, err)
	}
	return lib, nil
}

// validateOnLoad is whether LoadIn validates the library it builds. The
// server and the tests do, so a translation that does not validate never
// ships: the server will not start with it. The browser holds the very same
// embedded files, so it does not validate them again at every Chinese start
// (about 30 ms of it at CPU x1), as it does not for the English (english.go).
const validateOnLoad = runtime.GOOS != "js"

// Point returns the point with the given ID.
func (l *Library) Point(id string) (Point, bool) {
	for _, p := range l.Points {
		if p.ID == id {
			return p, true
		}
	}
	return Point{}, false
}

// Routine returns the routine with the given ID.
func (l *Library) Routine(id string) (Routine, bool) {
	for _, r := range l.Routines {
		if r.ID == id {
			return r, true
		}
	}
	return Routine{}, false
}

// Page returns the background page with the given ID.
func (l *Library) Page(id string) (Page, bool) {
	for _, p := range l.Pages {
		if p.ID == id {
			return p, true
		}
	}
	return Page{}, false
}

// HasCode reports whether s is one of the point's codes: its WHO code, the
// article's code ("KD3", "Shi Mian") or another code ("K3").
func (p Point) HasCode(s string) bool {
	return s == p.WHOCode || s == p.ArticleCode || slices.Contains(p.OtherCodes, s)
}

// Names returns every name and code of the point, in a fixed order: codes
// first, then pinyin, hanzi, English and aliases. Empty names are left out.
func (p Point) Names() []string {
	names := []string{p.WHOCode, p.ArticleCode}
	names = append(names, p.OtherCodes...)
	names = append(names, p.Pinyin, p.PinyinTones, p.HanziSimplified, p.HanziTraditional, p.English)
	names = append(names, p.Aliases...)
	out := names[:0]
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}
