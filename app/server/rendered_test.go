//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestRenderedOnce: a page is rendered once per version, so every request
// gets the same bytes (go-app writes attributes in a random order each
// time it renders) and the same ETag, gzip or not.
func TestRenderedOnce(t *testing.T) {
	s := newSite(t, writeRoot(t))
	first := do(t, s, "GET", "/")
	for range 20 {
		r := do(t, s, "GET", "/")
		if !bytes.Equal(r.body, first.body) {
			t.Fatal("the page changed between two requests: it is rendered again for each")
		}
	}
	gz := do(t, s, "GET", "/", "Accept-Encoding", "gzip")
	if got := decode(t, gz); !bytes.Equal(got, first.body) {
		t.Error("the gzip copy is not the page")
	}
	if gz.Header.Get("ETag") != first.Header.Get("ETag") || first.Header.Get("ETag") == "" {
		t.Errorf("ETag %q gzip, %q plain: want one, the version's", gz.Header.Get("ETag"), first.Header.Get("ETag"))
	}
}

// formPage has boolean attributes, true and false.
type formPage struct{ app.Compo }

func (p *formPage) Render() app.UI {
	return app.Div().Body(
		app.Input().Type("radio").Name("a").ID("yes").Checked(false),
		app.Input().Type("radio").Name("a").ID("no").Checked(true),
		app.Button().ID("save").Disabled(false).Text("Save"),
		app.Button().ID("wait").Disabled(true).Text("Wait"),
		app.Button().ID("on").Aria("pressed", true).Aria("label", "On").Text("On"),
		app.Button().ID("off").Aria("pressed", false).Text("Off"),
		app.P().Text(`Text that says checked="false" stays.`),
	)
}

// TestFalseBooleans: a prerendered page has no boolean attribute set to
// "false", which HTML reads as true (a checked radio, a disabled Save);
// the true ones stay, an ARIA state set to true says "true", and text is
// left alone.
func TestFalseBooleans(t *testing.T) {
	app.Route("/form", func() app.Composer { return &formPage{} })
	s, err := New(Options{Root: writeRoot(t), Pages: []string{"/", "/form"}})
	if err != nil {
		t.Fatal(err)
	}
	body := string(do(t, s, "GET", "/form").body)
	for _, tag := range regexp.MustCompile(`<(input|button)[^>]*>`).FindAllString(body, -1) {
		id := regexp.MustCompile(`id="(\w+)"`).FindStringSubmatch(tag)
		if id == nil {
			t.Fatalf("no id in %s", tag)
		}
		switch id[1] {
		case "on":
			if !strings.Contains(tag, `aria-pressed="true"`) || !strings.Contains(tag, `aria-label="On"`) {
				t.Errorf("%s: want aria-pressed=\"true\" and the label", tag)
			}
			continue
		case "off":
			if !strings.Contains(tag, `aria-pressed="false"`) {
				t.Errorf("%s: want aria-pressed=\"false\"", tag)
			}
			continue
		}
		set := strings.Contains(tag, "checked") || strings.Contains(tag, "disabled")
		if want := id[1] == "no" || id[1] == "wait"; set != want || strings.Contains(tag, `="false"`) {
			t.Errorf("%s: checked or disabled %v, want %v", tag, set, want)
		}
	}
	if !strings.Contains(body, `checked=&#34;false&#34; stays`) && !strings.Contains(body, `checked="false" stays`) {
		t.Errorf("the page's text changed:\n%s", body)
	}
}

// TestLoaderHandsOverWasm: the site's app.js is go-app's loader with the
// wasm fetched by boot.js (calfsole.wasm) and a failure shown in plain
// words (calfsole.failed); go-app's own loader changed in another way is
// refused at start, not served half-changed.
func TestLoaderHandsOverWasm(t *testing.T) {
	s := newSite(t, writeRoot(t))
	js := string(do(t, s, "GET", "/app.js").body)
	for _, want := range []string{`calfsole.wasm("/web/app.wasm", showProgress)`, `loaderLabel.innerText = calfsole.failed(err);`} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	if strings.Contains(js, `await instantiateStreaming(
      fetchWithProgress(`) {
		t.Error("app.js still fetches app.wasm with go-app's fetchWithProgress")
	}

	tests := []struct {
		name, js, err string
	}{
		{"as go-app has it", `x(fetchWithProgress("/web/app.wasm", showProgress)); loaderLabel.innerText = err;`, ""},
		{"no fetch", `loaderLabel.innerText = err;`, "fetches app.wasm in 0 places"},
		{"two fetches", `fetchWithProgress("/a", showProgress); fetchWithProgress("/b", showProgress); loaderLabel.innerText = err;`, "fetches app.wasm in 2 places"},
		{"no failure shown", `fetchWithProgress("/web/app.wasm", showProgress)`, "shows a failure to start in 0 places"},
	}
	for _, tc := range tests {
		_, err := handOverWasm([]byte(tc.js))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.err)
		}
	}
}

// pointTestPage is the point page of TestWorkerAliases.
type pointTestPage struct{ app.Compo }

func (p *pointTestPage) Render() app.UI { return app.H1().Text("Great Ravine") }

// TestWorkerAliases: the worker knows each alias's page, under the prefix
// and in lower case, and the "not here" page, which it keeps offline and
// the server answers at its own path.
func TestWorkerAliases(t *testing.T) {
	app.Route("/points/ki3", func() app.Composer { return &pointTestPage{} })
	app.Route("/not-found", func() app.Composer { return &testPage{} })
	opts := Options{
		Root:     writeRoot(t),
		Pages:    []string{"/", "/points/ki3"},
		NotFound: "/not-found",
		Aliases:  []string{"/points/kd3", "/points/Tai-Xi"},
		Canonical: func(p string) (string, bool) {
			if strings.HasPrefix(p, "/points/") {
				return "/points/ki3", true
			}
			return "", false
		},
	}
	tests := []struct {
		prefix   string
		aliases  map[string]string
		notFound string
	}{
		{"", map[string]string{"/points/kd3": "/points/ki3", "/points/Tai-Xi": "/points/ki3", "/points/tai-xi": "/points/ki3"}, "/not-found"},
		{"/calf", map[string]string{"/calf/points/kd3": "/calf/points/ki3", "/calf/points/Tai-Xi": "/calf/points/ki3", "/calf/points/tai-xi": "/calf/points/ki3"}, "/calf/not-found"},
	}
	for _, tc := range tests {
		o := opts
		o.Prefix = tc.prefix
		script, err := workerScript(o)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`const aliases = (\{.*\});\nconst notFoundPath = (".*");`).FindStringSubmatch(script)
		if m == nil {
			t.Fatalf("prefix %q: no aliases and notFoundPath in the worker:\n%s", tc.prefix, script)
		}
		var aliases map[string]string
		var notFound string
		if err := json.Unmarshal([]byte(m[1]), &aliases); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(m[2]), &notFound); err != nil {
			t.Fatal(err)
		}
		if len(aliases) != len(tc.aliases) {
			t.Errorf("prefix %q: aliases %v, want %v", tc.prefix, aliases, tc.aliases)
		}
		for a, to := range tc.aliases {
			if aliases[a] != to {
				t.Errorf("prefix %q: alias %s leads to %q, want %q", tc.prefix, a, aliases[a], to)
			}
		}
		if notFound != tc.notFound {
			t.Errorf("prefix %q: notFoundPath %q, want %q", tc.prefix, notFound, tc.notFound)
		}
	}

	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := do(t, s, "GET", "/not-found"); r.StatusCode != http.StatusOK {
		t.Errorf("GET /not-found: status %d, want 200: the worker keeps it", r.StatusCode)
	}
	if r := do(t, s, "GET", "/nothing-here"); r.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nothing-here: status %d, want 404", r.StatusCode)
	}
	worker := string(do(t, s, "GET", "/app-worker.js").body)
	if !strings.Contains(worker, `"/not-found"`) || !strings.Contains(worker, `"/points/kd3":"/points/ki3"`) {
		t.Errorf("the served worker lacks the not-found page or the aliases")
	}
}

// TestSetLang: a page's html element gets its own language; a page
// without the element go-app writes is an error, not a silent English.
func TestSetLang(t *testing.T) {
	tests := []struct {
		body, lang, want string
		wantErr          bool
	}{
		{`<!DOCTYPE html><html lang="en"><head>`, "zh-Hans", `<!DOCTYPE html><html lang="zh-Hans"><head>`, false},
		{`<html lang="en"><body>`, "en", `<html lang="en"><body>`, false},
		{`<html lang="en"><body>`, "", `<html lang="en"><body>`, false},
		{`<html><body>`, "zh-Hans", "", true},
		{`<html lang="en"><html lang="en">`, "zh-Hans", "", true},
		{`<html lang="en">`, `zh"><script>`, "", true},
	}
	for _, tt := range tests {
		r := &rendered{header: http.Header{"Content-Type": {"text/html"}}, body: []byte(tt.body)}
		err := r.setLang(tt.lang, "")
		if (err != nil) != tt.wantErr {
			t.Errorf("setLang(%q) on %q: error %v, want error %v", tt.lang, tt.body, err, tt.wantErr)
			continue
		}
		if err == nil && string(r.body) != tt.want {
			t.Errorf("setLang(%q) on %q = %q, want %q", tt.lang, tt.body, r.body, tt.want)
		}
	}
}

// TestLaterPages: pages kept later are served, with their language, but
// not in the worker's first download; the worker knows them by language.
func TestLaterPages(t *testing.T) {
	app.Route("/zh/points/ki3", func() app.Composer { return &pointTestPage{} })
	app.Route("/points/ki3", func() app.Composer { return &pointTestPage{} })
	s, err := New(Options{
		Root:  writeRoot(t),
		Pages: []string{"/", "/points/ki3", "/zh/points/ki3"},
		PageLang: func(p string) string {
			if strings.HasPrefix(p, "/zh/") {
				return "zh-Hans"
			}
			return "en"
		},
		Later: map[string][]string{"zh-Hans": {"/zh/points/ki3"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	zh := do(t, s, "GET", "/zh/points/ki3")
	if zh.StatusCode != http.StatusOK || !strings.Contains(string(zh.body), `<html lang="zh-Hans">`) {
		t.Errorf("GET /zh/points/ki3: status %d, want 200 with lang zh-Hans", zh.StatusCode)
	}
	if en := do(t, s, "GET", "/points/ki3"); !strings.Contains(string(en.body), `<html lang="en">`) {
		t.Errorf("GET /points/ki3 is not lang en")
	}
	worker := string(do(t, s, "GET", "/app-worker.js").body)
	first := regexp.MustCompile(`const resourcesToCache = (.*);`).FindStringSubmatch(worker)
	if first == nil || strings.Contains(first[1], "/zh/") || !strings.Contains(first[1], `"/points/ki3"`) {
		t.Errorf("the worker's first download: %v, want /points/ki3 and no /zh/ page", first)
	}
	if !strings.Contains(worker, `const later = {"zh-Hans":["/zh/points/ki3"]};`) {
		t.Errorf("the worker does not know the later pages:\n%s", worker)
	}
}

// TestSetLangLoadingLabel: the "Starting…" line is in the page's language,
// whatever order go-app writes its attributes in.
func TestSetLangLoadingLabel(t *testing.T) {
	for _, p := range []string{`<p class="goapp-label" id="app-wasm-loader-label">Starting…</p>`, `<p id="app-wasm-loader-label" class="goapp-label">Starting…</p>`} {
		r := &rendered{header: http.Header{"Content-Type": {"text/html"}}, body: []byte(`<html lang="en"><body>` + p)}
		if err := r.setLang("zh-Hans", "正在启动…"); err != nil {
			t.Fatal(err)
		}
		if got := string(r.body); !strings.Contains(got, ">正在启动…</p>") || strings.Contains(got, "Starting") {
			t.Errorf("setLang with a label: %s", got)
		}
	}
	r := &rendered{header: http.Header{"Content-Type": {"text/html"}}, body: []byte(`<html lang="en"><body>`)}
	if err := r.setLang("zh-Hans", "正在启动…"); err == nil {
		t.Error("setLang with a label and no loading line: no error")
	}
}
