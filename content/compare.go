package content

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// CompareText checks that tr says everything base says, in its own
// language: every field tagged text:"yes" has text in both or in neither,
// every list has as many items in both, each text has the same numbers
// (minutes, seconds, degrees, codes such as KI3) in both, and every other
// field, the shared structure, is equal. It reports every difference,
// joined into one error, each naming where it is
// ("points[ki3].finding: en has 4 items, zh-Hans has 3"), or nil.
func CompareText(base, tr *Library) error {
	c := &comparer{a: langName(base.Lang, English), b: langName(tr.Lang, "translation")}
	c.walk("", reflect.ValueOf(*base), reflect.ValueOf(*tr), false)
	return errors.Join(c.errs...)
}

func langName(l, or Lang) string {
	if l == "" {
		return string(or)
	}
	return string(l)
}

type comparer struct {
	a, b string // the two languages' names, for messages
	errs []error
}

func (c *comparer) addf(path, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{path}, args...)...))
}

// walk compares a and b, found at path; text says whether they are
// translatable text rather than shared structure.
func (c *comparer) walk(path string, a, b reflect.Value, text bool) {
	switch a.Kind() {
	case reflect.String:
		x, y := a.String(), b.String()
		switch {
		case !text:
			if x != y {
				c.addf(path, "%s has %q, %s has %q", c.a, x, c.b, y)
			}
		case strings.TrimSpace(x) != "" && strings.TrimSpace(y) == "":
			c.addf(path, "%s has text, %s has none", c.a, c.b)
		case strings.TrimSpace(x) == "" && strings.TrimSpace(y) != "":
			c.addf(path, "%s has text, %s has none", c.b, c.a)
		default:
			if nx, ny := Numbers(x), Numbers(y); !slices.Equal(nx, ny) {
				c.addf(path, "numbers differ: %s has %v, %s has %v", c.a, nx, c.b, ny)
			}
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			c.addf(path, "%s has %d items, %s has %d", c.a, a.Len(), c.b, b.Len())
			return
		}
		for i := 0; i < a.Len(); i++ {
			c.walk(path+"["+itemName(a.Index(i), i)+"]", a.Index(i), b.Index(i), text)
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			c.walk(p, a.Field(i), b.Field(i), f.Tag.Get("text") == "yes")
		}
	default: // numbers and flags
		if !a.Equal(b) {
			c.addf(path, "%s has %v, %s has %v", c.a, a, c.b, b)
		}
	}
}

// itemName names a list item by its ID when it has one, else by its index.
func itemName(v reflect.Value, i int) string {
	if v.Kind() == reflect.Struct {
		for f := 0; f < v.NumField(); f++ {
			if v.Type().Field(f).Name == "ID" && v.Field(f).String() != "" {
				return v.Field(f).String()
			}
		}
	}
	return strconv.Itoa(i)
}

// Numbers returns the runs of digits in s, smallest first, so that two texts that
// give the same numbers in another order or wording compare equal: "37-40
// °C" and "37–40 °C" give [37 40]. Full-width digits count as ASCII ones.
func Numbers(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			cur = append(cur, r)
		case '０' <= r && r <= '９':
			cur = append(cur, r-'０'+'0')
		case unicode.IsDigit(r):
			cur = append(cur, r) // another script's digit: still a number
		default:
			flush()
		}
	}
	flush()
	sort.Slice(out, func(i, j int) bool { // by value: 9 before 10
		a, b := out[i], out[j]
		return len(a) < len(b) || len(a) == len(b) && a < b
	})
	return out
}
