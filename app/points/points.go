package points

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/calfandsole/calfandsole/content"
	"github.com/calfandsole/calfandsole/content/names"
)

// maxQuery is how many runes of a normalised query Search looks at.
const maxQuery = 64

// rank orders matches, best first.
type rank uint8

const (
	exactCode  rank = iota // the query is a code: "kd3"
	exactName              // the query is a name: "taixi", "太溪"
	namePrefix             // a code or name starts with it: "kun", "bl6"
	wordStart              // a later word of a name starts with it ("stream"), or it is a code's number ("3")
	nameInside             // it is inside a name: "lun", "泉"
	regionWord             // it is a word of where the point is: "heel" for "Sole of the foot, heel"
	areaPhrase             // it is an area or use: "ankle", "heel pain"
	areaWord               // it starts a word of an area or use: "cramp", "ank"
	noMatch
)

// Index finds points by any of their names. It is built the first time
// it is asked (Search, Lookup), not when it is made: the app makes it at
// start, and most starts show a screen that never searches.
type Index struct {
	once         sync.Once
	pts          []content.Point
	translations [][]content.Point

	entries []entry
	aliases map[string]int // normalised name or ID -> index in entries
}

type entry struct {
	point content.Point
	names []name
	terms []term // areas, uses and region
}

// name is one code or name of a point.
type name struct {
	text   string // as written in the content
	norm   string
	starts []int  // byte offsets in norm where its words begin
	code   bool   // written as a code: "KI3", "EX-LE"
	number string // a code's trailing digits: "3" for "KI3"
}

// term is one area, use or region of a point.
type term struct {
	text   string
	norm   string
	words  []word
	region bool // the point's region, where it is, rather than an area it helps
}

type word struct {
	text string // normalised: "cramps"
	stem string // without a plural s: "cramp"
}

// NewIndex indexes the points. Translations are the same points in other
// languages (content.MustLoadIn(content.Chinese).Points), matched by ID:
// their regions, areas and uses are searched too, so that "脚跟" and "heel"
// both find the heel points, while Search returns the points of pts.
func NewIndex(pts []content.Point, translations ...[]content.Point) *Index {
	return &Index{pts: pts, translations: translations}
}

// build indexes the points, once, before the first Search or Lookup.
func (ix *Index) build() {
	ix.once.Do(ix.index)
}

func (ix *Index) index() {
	pts, translations := ix.pts, ix.translations
	ix.entries = make([]entry, len(pts))
	ix.aliases = make(map[string]int)
	for i, p := range pts {
		e := &ix.entries[i]
		e.point = p
		ix.alias(p.ID, i)
		for _, n := range p.Names() {
			nm := newName(n, p.HasCode(n))
			if nm.norm == "" || e.hasName(nm.norm) {
				continue // "Tàixī" and "Tai Xi" are "Taixi" once normalised
			}
			e.names = append(e.names, nm)
			ix.alias(nm.norm, i)
		}
		e.addTerms(p)
		for _, tr := range translations {
			for _, q := range tr {
				if q.ID == p.ID {
					e.addTerms(q)
				}
			}
		}
	}
}

// addTerms adds p's region, areas and uses to the entry's terms.
func (e *entry) addTerms(p content.Point) {
	region := newTerm(p.Region)
	region.region = true
	if region.norm != "" && !e.hasTerm(region.norm) {
		e.terms = append(e.terms, region)
	}
	for _, t := range append(append([]string{}, p.Areas...), p.Uses...) {
		tm := newTerm(t)
		if tm.norm != "" && !e.hasTerm(tm.norm) {
			e.terms = append(e.terms, tm)
		}
	}
}

// alias records that the normalised name s is point i's, unless an earlier
// point already has it.
func (ix *Index) alias(s string, i int) {
	if _, ok := ix.aliases[s]; !ok && s != "" {
		ix.aliases[s] = i
	}
}

func newName(text string, codeField bool) name {
	norm, starts, _ := names.AppendFold(nil, []int{}, text, -1)
	n := name{text: text, norm: string(norm), starts: starts}
	// A code is written in capitals and digits ("KD3", "EX-LE"); the
	// article's code for Shimian, "Shi Mian", is a name.
	n.code = codeField && strings.ToUpper(text) == text
	if n.code {
		d := len(n.norm)
		for d > 0 && '0' <= n.norm[d-1] && n.norm[d-1] <= '9' {
			d--
		}
		n.number = n.norm[d:]
	}
	return n
}

func newTerm(text string) term {
	norm, starts, _ := names.AppendFold(nil, []int{}, text, -1)
	t := term{text: text, norm: string(norm)}
	for i, s := range starts {
		end := len(t.norm)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		w := t.norm[s:end]
		if stopWord(w) {
			continue
		}
		t.words = append(t.words, word{text: w, stem: stem(w)})
	}
	return t
}

func (e *entry) hasName(norm string) bool {
	for _, n := range e.names {
		if n.norm == norm {
			return true
		}
	}
	return false
}

func (e *entry) hasTerm(norm string) bool {
	for _, t := range e.terms {
		if t.norm == norm {
			return true
		}
	}
	return false
}

// Result is one point found, with what matched.
type Result struct {
	Point content.Point
	// Matched is the name, code or word that matched, as written in the
	// content ("KD3", "Tàixī", "ankle").
	Matched string
	// Exact is true when the whole query equals a code or name (after
	// normalising).
	Exact bool
}

// Search returns the points matching q, best first; nil for an empty query.
//
// Best first means: a code the query equals ("k3" → KI3), then a name it
// equals, then names and codes it starts ("kun" → Kunlun, "bl6" → BL60),
// then names with a later word it starts ("stream" → Great Stream) or codes
// whose number it is ("3" → KI3), then names it is part of ("lun", "泉"),
// then points with an area or use it names ("ankle", "heel pain"), then
// points with an area or use word it starts or names in another form
// ("cramp", "cramping" → "leg cramps"), or, for a query in hanzi, an area
// or use word it is part of ("抽筋" → "小腿抽筋"). Points that rank the
// same keep the content's order. Only the first 64 runes of the normalised
// query count.
func (ix *Index) Search(q string) []Result {
	if ix == nil {
		return nil
	}
	ix.build()
	var (
		buf    [maxQuery * utf8.UTFMax]byte
		starts [maxQuery]int
	)
	b, st, _ := names.AppendFold(buf[:0], starts[:0], q, maxQuery)
	if len(b) == 0 {
		return nil
	}
	qs := string(b)
	var wbuf [maxQuery]string
	words := wbuf[:0]
	for i, s := range st {
		end := len(qs)
		if i+1 < len(st) {
			end = st[i+1]
		}
		if w := qs[s:end]; len(st) == 1 || !stopWord(w) {
			words = append(words, irregular(w))
		}
	}
	short := len(qs) == 1 // one ASCII character: too little to look inside names or areas

	type hit struct {
		rank    rank
		entry   int
		matched string
	}
	var hbuf [8]hit
	hits := hbuf[:0]
	for i := range ix.entries {
		r, m := ix.entries[i].match(qs, words, short)
		if r == noMatch {
			continue
		}
		h := hit{r, i, m}
		// Insertion sort, stable: the content's order breaks ties.
		j := len(hits)
		hits = append(hits, h)
		for j > 0 && hits[j-1].rank > r {
			hits[j] = hits[j-1]
			j--
		}
		hits[j] = h
	}
	if len(hits) == 0 {
		return nil
	}
	out := make([]Result, len(hits))
	for i, h := range hits {
		out[i] = Result{
			Point:   ix.entries[h.entry].point,
			Matched: h.matched,
			Exact:   h.rank <= exactName,
		}
	}
	return out
}

// match returns how well the normalised query q, split into words, matches
// the point, and what it matched.
func (e *entry) match(q string, words []string, short bool) (rank, string) {
	best, matched := noMatch, ""
	for i := range e.names {
		if r := e.names[i].match(q, short); r < best {
			best, matched = r, e.names[i].text
		}
	}
	if best < areaPhrase || short {
		return best, matched
	}
	return e.matchTerms(q, words)
}

func (n *name) match(q string, short bool) rank {
	switch {
	case q == n.norm:
		if n.code {
			return exactCode
		}
		return exactName
	case strings.HasPrefix(n.norm, q):
		return namePrefix
	case n.code:
		// Codes match whole or by their start, never from inside, so "b6"
		// finds B60 but "i3" finds nothing; a bare number finds the codes
		// with that number.
		if q == n.number {
			return wordStart
		}
		return noMatch
	case short:
		return noMatch
	}
	best := noMatch
	for off := 0; off < len(n.norm); {
		i := strings.Index(n.norm[off:], q)
		if i < 0 {
			break
		}
		i += off
		if n.startsWord(i) {
			return wordStart
		}
		best = nameInside
		off = i + 1
	}
	return best
}

func (n *name) startsWord(i int) bool {
	for _, s := range n.starts {
		if s == i {
			return true
		}
	}
	return false
}

// matchTerms matches q against the point's areas, uses and region: the
// whole query against a whole term ("heel pain", "heelpain"), or every word
// of the query against some word of the terms ("ankle cramp").
func (e *entry) matchTerms(q string, words []string) (rank, string) {
	for i := range e.terms {
		if t := &e.terms[i]; t.region {
			for _, w := range t.words {
				if q == w.text || pluralOf(q, w.text) {
					return regionWord, t.text
				}
			}
		}
	}
	for i := range e.terms {
		if t := &e.terms[i]; q == t.norm || pluralOf(q, t.norm) {
			return areaPhrase, t.text
		}
	}
	for i := range e.terms {
		if t := &e.terms[i]; strings.HasPrefix(t.norm, q) {
			return areaWord, t.text
		}
	}
	if len(words) == 0 {
		return noMatch, ""
	}
	first := ""
	for k, w := range words {
		found := ""
		for i := 0; i < len(e.terms) && found == ""; i++ {
			for _, tw := range e.terms[i].words {
				if matchWord(w, tw.text, tw.stem) {
					found = e.terms[i].text
					break
				}
			}
		}
		if found == "" {
			return noMatch, ""
		}
		if k == 0 {
			first = found
		}
	}
	return areaWord, first
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// matchWord reports whether the query word q names the content word w (whose
// stem is s): q starts w ("cram", "cramps"), q is w in another form
// ("cramping", "heels"), or q is hanzi inside w: Chinese puts no spaces
// between words, so "抽筋" may stand anywhere in "小腿抽筋".
func matchWord(q, w, s string) bool {
	if strings.HasPrefix(w, q) || hasHan(q) && strings.Contains(w, q) {
		return true
	}
	if !strings.HasPrefix(q, s) {
		return false
	}
	// English endings only: "小腿肚" (the calf) is not "小腿" (the lower
	// leg) inflected.
	return pluralOf(q, s) || len(s) >= 4 && len(q)-len(s) <= 3 && !hasHan(q)
}

// pluralOf reports whether the query word q is w with a plural ending:
// "heels", "knees". (Recognising plurals, for search; journal.Count makes
// them.)
func pluralOf(q, w string) bool {
	if !strings.HasPrefix(q, w) {
		return false
	}
	rest := q[len(w):]
	return rest == "s" || rest == "es"
}

// stem drops a plural s: "cramps" → "cramp". "achilles" → "achille" is
// harmless, since stems only ever meet stems and whole query words.
func stem(w string) string {
	if len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// irregular maps the irregular plurals of the content's body words.
func irregular(w string) string {
	switch w {
	case "feet":
		return "foot"
	case "calves", "calve":
		return "calf"
	}
	return w
}

// stopWord reports whether w is too common to match an area on its own.
func stopWord(w string) bool {
	switch w {
	case "a", "an", "and", "at", "for", "in", "my", "of", "on", "the", "to":
		return true
	}
	return false
}

// Lookup returns the point a URL slug or exact alias names ("ki3", "kd3",
// "taixi", "tai-xi", "太溪", "great-ravine"), for /points/{alias} URLs.
// Areas and uses are not aliases: Lookup("ankle") finds nothing.
func (ix *Index) Lookup(alias string) (content.Point, bool) {
	if ix == nil {
		return content.Point{}, false
	}
	ix.build()
	var buf [maxQuery * utf8.UTFMax]byte
	b, _, more := names.AppendFold(buf[:0], nil, alias, maxQuery)
	if len(b) == 0 || more {
		return content.Point{}, false
	}
	i, ok := ix.aliases[string(b)]
	if !ok {
		return content.Point{}, false
	}
	return ix.entries[i].point, true
}
