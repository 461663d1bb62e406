//go:build !wasm

package e2e

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
)

// get returns the body of a GET of url, as the server sends it.
func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", url, err)
	}
	return string(b), nil
}

// TestChineseRoutine runs the bedtime routine in Chinese, start to finish,
// with short steps: the questions, the warning signs, the water check,
// each step's Chinese title, the end, and the routine in the log.
func TestChineseRoutine(t *testing.T) {
	s := newSession(t)
	s.shortSteps(0.01, "/zh/routines/bedtime")
	s.must(s.tab.WaitText("#questions", "你怀孕了吗？"))
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.WaitText("#soak-check", "泡脚之前"))
	s.must(s.tab.Click("#soak-ok"))
	s.must(s.tab.WaitTrue(`!document.querySelector("#start").disabled`))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "准备"))
	s.must(s.tab.WaitText("#step-title", "温水泡脚"))
	s.must(s.tab.WaitText("#timer", "第1步"))
	s.must(s.tab.WaitText("#next", "下一步：搓脚底"))
	s.must(s.tab.WaitTrueFor(`document.querySelector("#finished")`, 60*time.Second))
	s.must(s.tab.WaitText("#finished", "调理做完了"))
	s.must(s.tab.Click(`#finished a`))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/log"`))
	s.must(s.tab.WaitText("#history", "睡前腿抽筋调理"))
	s.must(s.tab.WaitText("#history", "做完"))
}

// TestChineseSearch finds points in Chinese as in English: by a Chinese
// body area or use (脚跟, 小腿, 失眠), by pinyin with or without tones, by
// code, and by an English word.
func TestChineseSearch(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/zh/points")))
	s.searchShows("", []searchCase{
		{"脚跟", "失眠（EX-LE）"},
		{"小腿", "承山（BL57）"},
		{"失眠", "失眠（EX-LE）"},
		{"taixi", "太溪（KI3）"},
		{"Kūnlún", "昆仑（BL60）"},
		{"kd3", "太溪（KI3）"},
		{"heel", "失眠（EX-LE）"},
	})
	s.must(s.tab.Type("#point-search", "xyzzy"))
	s.must(s.tab.WaitText("#results", "没有找到“xyzzy”"))
}

// TestChineseLog logs a cramp in Chinese (the summary and history in
// Chinese, dates written as a Chinese reader writes them), then imports a
// backup made in English: backups are language-neutral.
func TestChineseLog(t *testing.T) {
	// A backup made on an English phone.
	en := newSession(t)
	en.must(en.tab.Open(en.url("/")))
	en.logCramp(func() { en.must(en.tab.Type("#note", "made in English")) })
	en.must(en.tab.Click("#export-json"))
	backup, err := Eval[string](en.tab, `calfsoleLastDownload.text`)
	en.must(err)
	file := filepath.Join(t.TempDir(), "backup.json")
	en.must(os.WriteFile(file, []byte(backup), 0o644))

	s := newSession(t)
	s.must(s.tab.Open(s.url("/zh/log")))
	s.must(s.tab.WaitText("main", "还没有记录"))
	s.must(s.tab.Click("#log-cramp"))
	s.must(s.tab.WaitText("main h1", "记一次腿抽筋"))
	s.must(s.tab.WaitText("#entry-form", "小腿肚"))
	s.must(s.tab.Click("#save"))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/log"`))
	s.must(s.tab.WaitText("#history", "腿抽筋"))
	s.must(s.tab.WaitText("#summary", "过去14晚：1次抽筋"))
	s.must(s.tab.WaitTrue(`/\d{4}年\d{1,2}月\d{1,2}日 周[日一二三四五六]/.test(document.querySelector("#history h3").innerText)`))

	s.must(s.tab.Upload("#import", file))
	s.must(s.tab.WaitText("#log-message", "备份已导入：新增1条"))
	s.must(s.tab.WaitText("#history", "made in English"))
	s.must(s.tab.WaitText("#summary", "2次抽筋"))

	s.must(s.tab.Click("#export-csv"))
	csv, err := Eval[string](s.tab, `calfsoleLastDownload.text`)
	s.must(err)
	if !strings.HasPrefix(csv, "编号,类型,时间") {
		t.Errorf("the CSV's header is not in Chinese: %q", clip(csv, 120))
	}
	s.must(s.tab.Click("#export-json"))
	zhBackup, err := Eval[string](s.tab, `calfsoleLastDownload.text`)
	s.must(err)
	if !strings.Contains(zhBackup, `"kind": "cramp"`) && !strings.Contains(zhBackup, `"kind":"cramp"`) {
		t.Errorf("the backup made in Chinese is not the language-neutral format: %s", clip(zhBackup, 300))
	}
}

// TestChineseOffline: once a Chinese page was shown online, the Chinese
// pages are kept, and a Chinese deep link (by another name too) starts
// with no network, in Chinese.
func TestChineseOffline(t *testing.T) {
	s := newSession(t)
	s.must(s.openInstalled("/zh"))
	s.waitKeptChinese()
	s.b.Proxy.SetOffline(true)
	tests := []struct{ path, heading string }{
		{"/zh/points/kd3", "太溪（KI3）"},
		{"/zh/log", "我的记录"},
		{"/zh/routines/foot-pain", "脚痛调理"},
	}
	for _, tt := range tests {
		tab, err := s.b.NewTab()
		s.must(err)
		if err := tab.Open(s.url(tt.path)); err != nil {
			t.Errorf("offline cold start on %s: %v", tt.path, err)
		} else if err := tab.WaitText("main h1", tt.heading); err != nil {
			t.Errorf("offline cold start on %s: %v", tt.path, err)
		} else if broken, _ := Eval[[]string](tab, `[...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)`); len(broken) > 0 {
			t.Errorf("offline cold start on %s: pictures missing: %q", tt.path, broken)
		}
		tab.Close()
	}
}

// waitKeptChinese waits until the offline copy holds the Chinese pages and
// drawings, which the worker fetches once a Chinese page shows.
func (s *session) waitKeptChinese() {
	s.t.Helper()
	kept, err := Eval[bool](s.tab, `(async () => {
		for (let i = 0; i < 300; i++) {
			const keys = await caches.keys();
			const c = await caches.open(keys.find(k => k.startsWith("calfsole-")));
			if (await c.match("/zh/points/ki3") && await c.match("/zh/log") && await c.match("/web/points/zh/ki3.svg")) return true;
			await new Promise(r => setTimeout(r, 100));
		}
		return false;
	})()`)
	s.must(err)
	if !kept {
		s.t.Fatal("the Chinese pages were not kept offline within 30 s of showing a Chinese page")
	}
}

// TestChineseUpdate: an update keeps the choice of Chinese, says it is
// ready in Chinese, and the new version keeps the Chinese pages offline.
func TestChineseUpdate(t *testing.T) {
	root, err := CopyWeb(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	s := newSessionAt(t, root, addr)
	s.must(s.openInstalled("/points/ki3"))
	s.must(s.tab.Click("#lang-switch"))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/points/ki3"`))
	s.waitKeptChinese()
	v1, err := s.tab.Attr("data-version")
	s.must(err)

	newBuild(t, root)
	s.restart(root, addr)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#update", "有新版本了"))
	s.must(s.tab.Click("#update-now"))
	s.must(s.tab.WaitTrue(`document.documentElement.dataset.app === "ready" && document.documentElement.dataset.version !== "` + v1 + `"`))
	s.must(s.tab.WaitText("main h1", "太溪（KI3）"))

	s.b.Proxy.SetOffline(true)
	tab, err := s.b.NewTab()
	s.must(err)
	defer tab.Close()
	s.must(tab.Open(s.url("/")))
	s.must(tab.WaitTrue(`location.pathname === "/zh"`))
	s.must(tab.WaitText("main h1", "今晚的自我调理"))
	s.must(tab.Open(s.url("/zh/routines")))
	if html, _ := Eval[string](tab, `document.documentElement.lang`); html != "zh-Hans" {
		t.Errorf("offline after the update, /zh/routines is lang %q: not the Chinese page kept", html)
	}
}

// TestLanguageSwitch: the switch in the top bar goes to the same page in
// the other language in one tap, the choice is remembered (a reload, and
// the home screen's address, open in Chinese with no English first), and
// switching back works the same way.
func TestLanguageSwitch(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/points/ki3")))
	s.must(s.tab.WaitText("#lang-switch", "中文"))
	s.must(s.tab.Click("#lang-switch"))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/points/ki3" && document.documentElement.lang === "zh-Hans"`))
	s.must(s.tab.WaitText("main h1", "太溪（KI3）"))
	s.must(s.tab.WaitText("#lang-switch", "English"))

	// Remembered: the English address of the home screen opens in Chinese,
	// moved before the first paint (the first page painted is Chinese).
	s.must(s.tab.Open(s.url("/")))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh"`))
	s.must(s.tab.WaitText("main h1", "今晚的自我调理"))
	painted, err := Eval[string](s.tab, `performance.getEntriesByType("navigation").map(n => n.name).join(" ")`)
	s.must(err)
	if strings.Contains(painted, s.url("/")+" ") {
		t.Errorf("the English page was loaded and shown before the Chinese: %s", painted)
	}
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("main h1", "今晚的自我调理"))

	s.must(s.tab.Click(`nav.tabbar a[href="/zh/log"]`))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/log"`))
	s.must(s.tab.Click("#lang-switch"))
	s.must(s.tab.WaitTrue(`location.pathname === "/log" && document.documentElement.lang === "en"`))
	s.must(s.tab.WaitText("main h1", "Your log"))
	s.must(s.tab.Open(s.url("/zh/safety")))
	s.must(s.tab.WaitTrue(`location.pathname === "/safety"`))
}

// TestPhoneLanguage: on a first visit with no choice stored, a phone set
// to Chinese gets the Chinese page; a Chinese address opened on an English
// phone stays Chinese.
func TestPhoneLanguage(t *testing.T) {
	s := newSession(t)
	_, err := Call(s.tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(navigator, "languages", { get: () => ["zh-CN", "en"] });`,
	})
	s.must(err)
	s.must(s.tab.Open(s.url("/log")))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/log"`))
	s.must(s.tab.WaitText("main h1", "我的记录"))

	en := newSession(t)
	en.must(en.tab.Open(en.url("/zh/points/bl60")))
	en.must(en.tab.WaitText("main h1", "昆仑（BL60）"))
}

// TestChineseSwitchMidRoutine: a routine started in English, then the
// language switched in the middle of a step, shows its steps in Chinese:
// the step on the timer, the next one, a step for one leg, and the bar on
// other screens; no English word is left on the timer.
func TestChineseSwitchMidRoutine(t *testing.T) {
	s := newSession(t)
	s.shortSteps(0.05, "/routines/bedtime")
	s.must(s.tab.Click("#questions-skip"))
	s.must(s.tab.Click("#soak-ok"))
	s.must(s.tab.WaitTrue(`!document.querySelector("#start").disabled`))
	s.must(s.tab.Click("#start"))
	s.must(s.tab.WaitText("#step-title", "Warm foot soak"))
	s.must(s.tab.Click("#lang-switch"))
	s.must(s.tab.WaitTrue(`location.pathname === "/zh/routines/bedtime"`))
	s.must(s.tab.WaitText("#step-title", "温水泡脚"))
	s.must(s.tab.WaitText("#next", "下一步：搓脚底：左腿"))
	s.must(s.tab.Click("#next-step"))
	s.must(s.tab.WaitText("#step-title", "搓脚底：左腿"))
	left, err := englishLeft(s.tab, allowedLatin(t))
	s.must(err)
	if len(left) > 0 {
		t.Errorf("English left on the Chinese timer of a routine started in English: %q", left)
	}
	s.must(s.tab.Click(`nav.tabbar a[href="/zh/points"]`))
	s.must(s.tab.WaitText("#runbar", "搓脚底：左腿"))
}

// TestEnglishSearchHanzi: the English points page finds points by their
// Chinese words (脚跟, 小腿) and hanzi (太溪), and marks the Chinese word a
// point was found by as Chinese.
func TestEnglishSearchHanzi(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/points")))
	// The harness itself: a promise of false is not true.
	if err := s.tab.WaitTrueFor(`new Promise(r => setTimeout(() => r(false), 10))`, 500*time.Millisecond); err == nil {
		t.Error("WaitTrueFor took a promise of false for true")
	}
	s.searchShows(" on the English page", []searchCase{
		{"脚跟", "Shimian (EX-LE)"},
		{"小腿", "Chengshan (BL57)"},
		{"失眠", "Shimian (EX-LE)"},
		{"太溪", "Taixi (KI3)"},
	})
	s.must(s.tab.Type("#point-search", "脚跟"))
	s.must(s.tab.WaitTrue(`[...document.querySelectorAll('#results [lang="zh-Hans"]')].some(e => e.innerText.includes("脚跟"))`))
}

// TestChineseImportRefused: a broken backup is refused on the Chinese log
// in Chinese, the detail of what is wrong included, with no English word.
func TestChineseImportRefused(t *testing.T) {
	s := newSession(t)
	file := filepath.Join(t.TempDir(), "broken.json")
	s.must(os.WriteFile(file, []byte(`{"app":"calf-and-sole","schema":2,"entries":[{"kind":"cramp","at":"2026-11-30T21:00:00Z","cramp":{"severity":"seven"}}]}`), 0o644))
	s.must(s.tab.Open(s.url("/zh/log")))
	s.must(s.tab.WaitText("main", "还没有记录"))
	s.must(s.tab.Upload("#import", file))
	s.must(s.tab.WaitText("#log-message", "这个文件不能导入：第1条记录：疼痛程度应该是整数，不是文字"))
	msg, err := s.tab.Text("#log-message")
	s.must(err)
	if left := latinLeft(msg, nil); len(left) > 0 {
		t.Errorf("English left in the Chinese refusal %q: %q", msg, left)
	}
}

// searchCase is a query typed into the point search and a text wanted
// among its results.
type searchCase struct{ query, want string }

// searchShows types each query into the open points page's search and
// checks that its text is among the results; where says which page in a
// failure (" on the English page").
func (s *session) searchShows(where string, tests []searchCase) {
	s.t.Helper()
	for _, tt := range tests {
		s.must(s.tab.Type("#point-search", tt.query))
		if err := s.tab.WaitText("#results", tt.want); err != nil {
			txt, _ := s.tab.Text("#results")
			s.t.Errorf("search %q%s: want %q among the results, got %q", tt.query, where, tt.want, clip(txt, 300))
		}
	}
}
