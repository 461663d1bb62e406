//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// chineseScreens are the app's screens in Chinese, for the screenshots,
// axe-core and the check that no English is left.
var chineseScreens = []struct{ name, path string }{
	{"home", "/zh"},
	{"routines", "/zh/routines"},
	{"points", "/zh/points"},
	{"points-search", "/zh/points?q=脚跟"},
	{"point-ki3", "/zh/points/ki3"},
	{"point-shimian", "/zh/points/shimian"},
	{"log", "/zh/log"},
	{"log-cramp", "/zh/log/cramp"},
	{"log-heel", "/zh/log/heel"},
	{"routine-bedtime", "/zh/routines/bedtime"},
	{"safety", "/zh/safety"},
	{"about", "/zh/about"},
	{"about-tradition", "/zh/about/tradition"},
	{"not-found", "/zh/no-such-page"},
}

// latinWord is a run of Latin letters (with pinyin's tone marks), three or
// more long: a word that may be English.
var latinWord = regexp.MustCompile(`[A-Za-zÀ-ɏ]{3,}`)

// catalogueLine is one "English": "Chinese", line of app/words/zh.go; the
// group is the Chinese side.
var catalogueLine = regexp.MustCompile(`^\s*"(?:\\.|[^"\\])*":\s*(.*)$`)

// hexVersion is the app's version as the About screen shows it (a hash).
var hexVersion = regexp.MustCompile(`[0-9a-f]{12,}`)

// allowedLatin returns the Latin words a Chinese screen may show: those the
// Chinese text itself holds on purpose (the app's name, Safari, the source
// article's title, WHO, Cochrane, pinyin), read from the Chinese message
// catalogue and the Chinese content, and the points' names in every
// system. A word of English that went untranslated is in neither.
func allowedLatin(t *testing.T) map[string]bool {
	t.Helper()
	files := []string{filepath.Join(RepoRoot, "app", "words", "zh.go"), filepath.Join(RepoRoot, "content", "points.json")}
	zh, err := filepath.Glob(filepath.Join(RepoRoot, "content", "zh-Hans", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, zh...)
	allowed := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(f, "zh.go") {
			// Only the Chinese side of each "English": "Chinese" line.
			var sides []string
			for _, line := range strings.Split(text, "\n") {
				// gofmt pads the aligned lines: "key":   "value",
				if m := catalogueLine.FindStringSubmatch(line); m != nil {
					sides = append(sides, m[1])
				}
			}
			text = strings.Join(sides, "\n")
		}
		for _, w := range latinWord.FindAllString(text, -1) {
			allowed[strings.ToLower(w)] = true
		}
	}
	return allowed
}

// englishLeft returns the Latin words on the page, outside elements marked
// as another language than Chinese (lang="en" on the switch, the point's
// English name), that the Chinese text does not hold on purpose. Codes
// such as KI3 or CSV (capitals and digits) are not words.
func englishLeft(tab *Tab, allowed map[string]bool) ([]string, error) {
	text, err := Eval[string](tab, shownTextJS)
	if err != nil {
		return nil, err
	}
	return latinLeft(text, allowed), nil
}

// shownTextJS is the text a person sees or hears on the page, outside
// elements marked as another language than Chinese: the visible text, the
// ARIA labels, placeholders and pictures' descriptions.
const shownTextJS = `(() => {
		const out = [];
		const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest("script, style, svg") || !el.checkVisibility()) continue;
			const lang = el.closest("[lang]");
			if (lang && !lang.lang.startsWith("zh")) continue;
			out.push(n.textContent);
		}
		for (const el of document.querySelectorAll("[aria-label], [placeholder], img[alt]")) {
			const lang = el.closest("[lang]");
			if (lang && !lang.lang.startsWith("zh")) continue;
			out.push(el.getAttribute("aria-label") || "", el.getAttribute("placeholder") || "", el.getAttribute("alt") || "");
		}
		return out.join("\n");
	})()`

// latinLeft returns the Latin words of text that allowed does not hold,
// codes (capitals and digits) and the app's version aside.
func latinLeft(text string, allowed map[string]bool) []string {
	var left []string
	for _, w := range latinWord.FindAllString(text, -1) {
		if w == strings.ToUpper(w) || hexVersion.MatchString(text) && strings.Contains(hexVersion.FindString(text), w) || allowed[strings.ToLower(w)] || slices.Contains(left, w) {
			continue
		}
		left = append(left, w)
	}
	return left
}

// TestChineseScreens opens every screen in Chinese on a 390x844 phone,
// light and night: the page says lang="zh-Hans" before the app runs and
// after, no English word is left, axe-core finds no serious problem, the
// links stay in Chinese, and a screenshot goes to shots/zh/ for a person
// to look at.
func TestChineseScreens(t *testing.T) {
	s := newSession(t)
	allowed := allowedLatin(t)
	dir := filepath.Join(shotsDir(), "zh")
	s.must(os.MkdirAll(dir, 0o755))
	for _, mode := range []string{"light", "night"} {
		s.must(s.tab.SetDarkScheme(mode == "night"))
		for _, sc := range chineseScreens {
			s.must(s.tab.Open(s.url(sc.path)))
			if lang, _ := Eval[string](s.tab, `document.documentElement.lang`); lang != "zh-Hans" {
				t.Errorf("%s: html lang is %q, want zh-Hans", sc.name, lang)
			}
			s.must(s.tab.WaitTrue(`/[\u4e00-\u9fff]/.test(document.querySelector("main h1").innerText)`))
			left, err := englishLeft(s.tab, allowed)
			s.must(err)
			if len(left) > 0 {
				t.Errorf("%s (%s): English left on the Chinese screen: %q", sc.name, mode, left)
			}
			english, err := Eval[[]string](s.tab, `[...document.querySelectorAll("a[href^='/']")]
				.filter(a => !a.matches("#lang-switch") && !a.getAttribute("href").startsWith("/zh") && !a.getAttribute("href").startsWith("/web/") && a.getAttribute("href") !== "#main")
				.map(a => a.getAttribute("href"))`)
			s.must(err)
			if len(english) > 0 {
				t.Errorf("%s: links that leave Chinese: %q", sc.name, english)
			}
			drawings, err := Eval[[]string](s.tab, `[...document.querySelectorAll("img.drawing")].map(i => i.getAttribute("src")).filter(src => !src.includes("/web/points/zh/"))`)
			s.must(err)
			if len(drawings) > 0 {
				t.Errorf("%s: drawings with English labels: %q", sc.name, drawings)
			}
			if wrapped, _ := Eval[bool](s.tab, `document.querySelector(".topbar-actions").getBoundingClientRect().top >= document.querySelector(".brand").getBoundingClientRect().bottom`); wrapped {
				t.Errorf("%s: the top bar's buttons go under the name on a 390 px phone", sc.name)
			}
			s.axeClean("zh "+sc.name, mode)
			s.must(s.tab.Screenshot(filepath.Join(dir, fmt.Sprintf("%s-%s.png", sc.name, mode))))
		}
	}
}

// TestChinesePrerendered: the server's page is Chinese from its first byte,
// before any script runs: lang="zh-Hans" and the Chinese heading.
func TestChinesePrerendered(t *testing.T) {
	s := newSession(t)
	tests := []struct{ path, lang, heading string }{
		{"/zh/log", `<html lang="zh-Hans">`, "我的记录"},
		{"/zh/points/ki3", `<html lang="zh-Hans">`, "太溪（KI3）"},
		{"/zh", `<html lang="zh-Hans">`, "今晚的自我调理"},
		{"/log", `<html lang="en">`, "Your log"},
	}
	for _, tt := range tests {
		body, err := get(s.url(tt.path))
		s.must(err)
		if !strings.Contains(body, tt.lang) || !strings.Contains(body, tt.heading) {
			t.Errorf("GET %s: want %s and %q in the page, got:\n%s", tt.path, tt.lang, tt.heading, clip(body, 600))
		}
	}
}
