package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug makes a name a URL path segment or an element id: lower case,
// words joined by hyphens ("Tai Xi" is "tai-xi"; "太溪" stays as it is).
func Slug(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(words, "-")
}

// IsSlug reports whether s is an id as the content and the log write
// them: lower-case ASCII letters, digits and hyphens, not empty.
func IsSlug(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return s != ""
}

// Fold folds s for matching: lower case, tone marks and other accents
// removed (ā á ǎ à → a, ü ǖ ǘ ǚ ǜ → u), full-width ASCII folded to ASCII,
// and spaces, hyphens, underscores, dots, apostrophes and every other
// character that is not a letter or a digit removed. Hanzi are kept as they
// are, so "Kūn-lún", "KUN LUN" and "ｋｕｎｌｕｎ" all give "kunlun".
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	b, _, _ := AppendFold(make([]byte, 0, len(s)), nil, s, -1)
	return string(b)
}

// isFolded reports whether s is already lower-case ASCII letters and digits.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// What fold does with a rune.
const (
	keep  = iota // keep the folded rune
	skip         // drop it; it does not end a word (apostrophes, combining marks)
	split        // drop it; it ends a word (spaces, hyphens, other punctuation)
)

// AppendFold appends the folded runes of s to dst, at most max of them (no limit
// when max < 0). When starts is not nil, it appends the offset in dst of the
// first byte of each word. It reports whether s held more than max runes
// worth keeping.
func AppendFold(dst []byte, starts []int, s string, max int) ([]byte, []int, bool) {
	n, newWord := 0, true
	for _, r := range s {
		f, what := foldRune(r)
		if what == split {
			newWord = true
		}
		if what != keep {
			continue
		}
		if n == max {
			return dst, starts, true
		}
		if newWord && starts != nil {
			starts = append(starts, len(dst))
		}
		newWord = false
		dst = utf8.AppendRune(dst, f)
		n++
	}
	return dst, starts, false
}

// foldRune returns r folded for matching and whether to keep it.
func foldRune(r rune) (rune, int) {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r, keep
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A', keep
		case r == '\'' || r == '`':
			return 0, skip
		}
		return 0, split
	}
	if 0xFF01 <= r && r <= 0xFF5E { // full-width ASCII: "ＫＩ３"
		return foldRune(r - 0xFF01 + '!')
	}
	switch {
	case r == '’' || r == '‘' || r == 'ʼ' || r == '′':
		return 0, skip
	case 0x0300 <= r && r <= 0x036F: // combining accents: decomposed pinyin tones
		return 0, skip
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return foldAccent(unicode.ToLower(r)), keep
	}
	return 0, split // spaces, punctuation, symbols, emoji, controls, invalid UTF-8
}

// foldAccent maps a lower-case accented Latin letter, pinyin tones
// included, to its plain letter.
func foldAccent(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'ǎ':
		return 'a'
	case 'ç', 'ć', 'č':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě', 'ế', 'ề':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ǐ', 'ı':
		return 'i'
	case 'ḿ':
		return 'm'
	case 'ñ', 'ń', 'ň', 'ǹ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ŏ', 'ő', 'ǒ':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų', 'ǔ', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
}
