package points

import (
	"unicode"
	"unicode/utf8"
)

// Normalize folds s for matching: lower case, tone marks and other accents
// removed (ā á ǎ à → a, ü ǖ ǘ ǚ ǜ → u), full-width ASCII folded to ASCII,
// and spaces, hyphens, underscores, dots, apostrophes and every other
// character that is not a letter or a digit removed. Hanzi are kept as they
// are, so "Kūn-lún", "KUN LUN" and "ｋｕｎｌｕｎ" all give "kunlun".
func Normalize(s string) string {
	if isFolded(s) {
		return s
	}
	b, _, _ := fold(make([]byte, 0, len(s)), nil, s, -1)
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

// fold appends the folded runes of s to dst, at most max of them (no limit
// when max < 0). When starts is not nil, it appends the offset in dst of the
// first byte of each word. It reports whether s held more than max runes
// worth keeping.
func fold(dst []byte, starts []int, s string, max int) ([]byte, []int, bool) {
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
