package ui

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/points"
	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
)

// PathChinese is the prefix of every page in Chinese: /zh is the home
// screen, /zh/log the log, /zh/points/kd3 a point by another name. Pages
// without it are in English.
const PathChinese = "/zh"

// tr returns the message en in the language l (app/words holds the
// catalogue). Every visible string in app/ui goes through it or trf; a
// test reads this package's source to check so.
func tr(l content.Lang, en string) string { return words.T(l, en) }

// trf is tr for a message with numbers or names in it, formatted as
// fmt.Sprintf does.
func trf(l content.Lang, en string, args ...any) string { return words.F(l, en, args...) }

// langPrefix is the address prefix of the language l: "" or "/zh".
func langPrefix(l content.Lang) string {
	if l == content.Chinese {
		return PathChinese
	}
	return ""
}

// inLang returns the app path p ("/log") in the language l ("/zh/log"):
// the home screen in Chinese is "/zh".
func inLang(l content.Lang, p string) string {
	pre := langPrefix(l)
	if pre != "" && p == PathHome {
		return pre
	}
	return pre + p
}

// href returns the address of the app path p in the language l, under the
// app's root prefix: every link in a page stays in the page's language.
func href(l content.Lang, p string) string { return prefixed(inLang(l, p)) }

// splitLang returns the language of an app path and the path without its
// language prefix: "/zh/points/kd3" is Chinese and "/points/kd3".
func splitLang(p string) (content.Lang, string) {
	if p == PathChinese || p == PathChinese+"/" {
		return content.Chinese, PathHome
	}
	if rest, ok := strings.CutPrefix(p, PathChinese+"/"); ok {
		return content.Chinese, "/" + rest
	}
	return content.English, p
}

// bodyMapDrawing is the picture of the points on the leg and foot.
const bodyMapDrawing = "/web/points/bodymap.svg"

// drawingIn returns the picture at path ("/web/points/ki3.svg") with its
// labels in the language l: the Chinese ones are in web/points/zh/.
func drawingIn(l content.Lang, path string) string {
	if l == content.Chinese {
		if rest, ok := strings.CutPrefix(path, "/web/points/"); ok {
			return "/web/points/zh/" + rest
		}
	}
	return path
}

// Later returns, by language tag, what the offline copy keeps only once a
// page in that language was shown: the Chinese pages and drawings, which
// would add a few percent to the first visit of a person who reads only
// English (README: In English and in Chinese).
func Later(lib *content.Library) map[string][]string {
	zh := PagesIn(lib, content.Chinese)
	zh = append(zh, drawingIn(content.Chinese, bodyMapDrawing))
	for _, pt := range lib.Points {
		zh = append(zh, drawingIn(content.Chinese, pt.Drawing))
	}
	return map[string][]string{string(content.Chinese): zh}
}

// otherLang is the language the switch in the top bar offers.
func otherLang(l content.Lang) content.Lang {
	if l == content.Chinese {
		return content.English
	}
	return content.Chinese
}

// langName names each language in itself, as the switch shows it.
func langName(l content.Lang) string {
	if l == content.Chinese {
		return "中文"
	}
	return "English"
}

// editions are the app's editions by language, set once by Register. The
// run controller and the running-routine bar serve pages of every
// language, and read the running routine's steps from the edition of the
// page on screen.
var editions = map[content.Lang]*edition{}

// libIn returns the content in the language l, read on first use; nil
// before Register.
func libIn(l content.Lang) *content.Library {
	if ed := editions[l]; ed != nil {
		lib, _ := ed.get()
		return lib
	}
	return nil
}

// edition is the app's content and point index in one language, read the
// first time a page in that language opens: a person who never opens a
// Chinese page never parses the Chinese content.
type edition struct {
	lang content.Lang
	once sync.Once
	load func() (*content.Library, *points.Index)
	lib  *content.Library
	ix   *points.Index

	// wide, when set, builds an index that finds this edition's points
	// by the other languages' words too (the English page finding 脚跟):
	// built on the first query the edition's own index cannot answer,
	// never at start-up.
	wide     func() *points.Index
	wideOnce sync.Once
	wideIx   *points.Index
}

func (e *edition) get() (*content.Library, *points.Index) {
	e.once.Do(func() { e.lib, e.ix = e.load() })
	return e.lib, e.ix
}

// search returns the points matching q, from the edition's own index,
// or, when it finds none and q is not plain ASCII (hanzi, a word of
// another language's), from the wide index, built then.
func (e *edition) search(q string) []points.Result {
	_, ix := e.get()
	res := ix.Search(q)
	if len(res) > 0 || e.wide == nil || isASCII(q) {
		return res
	}
	e.wideOnce.Do(func() { e.wideIx = e.wide() })
	return e.wideIx.Search(q)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// englishEdition is the English edition: lib and its index ix, and a wide
// index that finds the English points by their Chinese words too (脚跟,
// 小腿, 失眠), built from the Chinese edition's content on first use.
func englishEdition(lib *content.Library, ix *points.Index, zh *edition) *edition {
	return &edition{
		lang: content.English,
		load: func() (*content.Library, *points.Index) { return lib, ix },
		wide: func() *points.Index {
			zhLib, _ := zh.get()
			return points.NewIndex(lib.Points, zhLib.Points)
		},
	}
}

// chineseEdition builds the Chinese edition from the English library:
// content.LoadIn's Chinese text, and an index that finds a point by its
// Chinese and its English words both (脚跟 and heel).
func chineseEdition(en *content.Library) *edition {
	return &edition{lang: content.Chinese, load: func() (*content.Library, *points.Index) {
		zh := content.MustLoadIn(content.Chinese)
		return zh, points.NewIndex(zh.Points, en.Points)
	}}
}

// withParts writes text, a message in the page's language l with a %s for
// each of parts, as nodes: the parts, written in the language in, each in
// a span marked lang=in when that is not the page's language, so screen
// readers say them in their own language and phones choose their font
// (the source article's English title on a Chinese page; a Chinese word
// found on an English page).
func withParts(l content.Lang, text string, in content.Lang, parts ...string) []app.UI {
	if in == l { // one text node, as a message with no part in another language
		for _, p := range parts {
			text = strings.Replace(text, "%s", p, 1)
		}
		return []app.UI{app.Text(text)}
	}
	var out []app.UI
	for _, p := range parts {
		before, after, ok := strings.Cut(text, "%s")
		if !ok {
			break
		}
		if before != "" {
			out = append(out, app.Text(before))
		}
		out = append(out, app.Span().Lang(string(in)).Text(p))
		text = after
	}
	if text != "" {
		out = append(out, app.Text(text))
	}
	return out
}

// msg marks the English of a message kept in a variable or table and
// translated where it is shown (tr(l, label)); the catalogue test checks
// that every marked message has its Chinese.
func msg(en string) string { return en }
