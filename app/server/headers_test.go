//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// cspDirectives are the sources each directive of the policy must have,
// besides hashes where hashes are allowed.
var cspDirectives = map[string][]string{
	"default-src":     {"'self'"},
	"script-src":      {"'self'", "'wasm-unsafe-eval'"},
	"style-src":       {"'self'"},
	"img-src":         {"'self'"},
	"font-src":        {"'self'"},
	"connect-src":     {"'self'"},
	"worker-src":      {"'self'"},
	"manifest-src":    {"'self'"},
	"object-src":      {"'none'"},
	"base-uri":        {"'none'"},
	"frame-ancestors": {"'none'"},
	"form-action":     {"'self'"},
}

// deniedFeatures must each be listed as denied, "feature=()", in the
// Permissions-Policy.
var deniedFeatures = []string{"camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "midi", "display-capture"}

// parseCSP splits a Content-Security-Policy into its directives' sources.
// A directive given twice is reported as an error by the caller: it maps
// to nil.
func parseCSP(policy string) map[string][]string {
	d := make(map[string][]string)
	for _, part := range strings.Split(policy, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if _, twice := d[name]; twice {
			d[name] = nil
			continue
		}
		d[name] = append([]string{}, fields[1:]...)
	}
	return d
}

// checkSecurityHeaders checks the headers every response carries: nosniff,
// no referrer, the strict Content-Security-Policy and a Permissions-Policy
// that allows the screen wake lock and nothing else.
func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	for name, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %s = %q, want %q", what, name, got, want)
		}
	}

	policy := h.Get("Content-Security-Policy")
	if policy == "" {
		t.Errorf("%s: no Content-Security-Policy", what)
		return
	}
	csp := parseCSP(policy)
	for name, sources := range csp {
		if sources == nil {
			t.Errorf("%s: CSP directive %s given twice: %s", what, name, policy)
		}
		want, known := cspDirectives[name]
		if name == "style-src-attr" {
			want, known = []string{"'none'"}, true
			if slices.Contains(sources, "'unsafe-hashes'") {
				want = []string{"'unsafe-hashes'"}
			}
		}
		if !known {
			t.Errorf("%s: unexpected CSP directive %s", what, name)
			continue
		}
		var rest []string
		for _, s := range sources {
			if strings.HasPrefix(s, "'sha256-") && (name == "script-src" || name == "style-src" || name == "style-src-attr") {
				continue
			}
			rest = append(rest, s)
		}
		if !slices.Equal(rest, want) {
			t.Errorf("%s: CSP %s %q, want %q (and hashes)", what, name, sources, want)
		}
	}
	for name := range cspDirectives {
		if _, ok := csp[name]; !ok {
			t.Errorf("%s: CSP lacks %s: %s", what, name, policy)
		}
	}

	pp := h.Get("Permissions-Policy")
	features := make(map[string]string)
	for _, item := range strings.Split(pp, ",") {
		name, allow, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok {
			t.Errorf("%s: Permissions-Policy item %q is not feature=(allowlist)", what, item)
			continue
		}
		features[name] = allow
	}
	for name, allow := range features {
		want := "()"
		if name == "screen-wake-lock" {
			want = "(self)"
		}
		if allow != want {
			t.Errorf("%s: Permissions-Policy %s=%s, want %s", what, name, allow, want)
		}
	}
	if features["screen-wake-lock"] != "(self)" {
		t.Errorf("%s: Permissions-Policy %q does not allow screen-wake-lock=(self)", what, pp)
	}
	for _, name := range deniedFeatures {
		if _, ok := features[name]; !ok {
			t.Errorf("%s: Permissions-Policy does not deny %s", what, name)
		}
	}
	// Chromium knows no "vibrate" feature and warns about it.
	if _, ok := features["vibrate"]; ok {
		t.Errorf("%s: Permissions-Policy lists vibrate, which Chromium does not know", what)
	}
}

// TestSecurityHeaders checks that every kind of response carries the same
// security headers: pages, web/ files, go-app's files, the service worker,
// redirects, not found, not modified and bad methods. TestHead checks HEAD.
func TestSecurityHeaders(t *testing.T) {
	s, err := New(appOptions(writeRoot(t)))
	if err != nil {
		t.Fatal(err)
	}
	plain := newSite(t, writeRoot(t)) // a plain 404 for unknown paths
	want := s.SecurityHeaders().Get("Content-Security-Policy")
	for _, tc := range []struct {
		site           *Site
		method, target string
		status         int
		headers        []string
	}{
		{s, "GET", "/", 200, nil},
		{s, "GET", "/styled", 200, []string{"Accept-Encoding", "gzip"}},
		{s, "GET", "/web/app.wasm", 200, []string{"Accept-Encoding", "br"}},
		{s, "GET", "/web/boot.js", 200, nil},
		{s, "GET", "/web/styles.css", 200, []string{"Accept-Encoding", "gzip"}},
		{s, "GET", "/web/icons/icon.svg", 200, nil},
		{s, "GET", "/app.js", 200, nil},
		{s, "GET", "/wasm_exec.js", 200, nil},
		{s, "GET", "/app-worker.js", 200, nil},
		{s, "GET", "/manifest.webmanifest", 200, nil},
		{s, "GET", "/old", 301, nil},
		{s, "GET", "/nowhere", 404, nil},
		{plain, "GET", "/nowhere", 404, nil},
		{s, "GET", "/web/README.md", 404, nil},
		{s, "GET", "/web/styles.css", 304, []string{"If-None-Match", `"` + s.Version + `"`}},
		{s, "PUT", "/", 405, nil},
		{s, "DELETE", "/web/app.wasm", 405, nil},
		{s, "OPTIONS", "*", 405, nil},
	} {
		r := do(t, tc.site, tc.method, tc.target, tc.headers...) // checks the headers
		if r.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.target, r.StatusCode, tc.status)
		}
		if tc.site == s && r.Header.Get("Content-Security-Policy") != want {
			t.Errorf("%s %s: Content-Security-Policy %q, want the site's %q", tc.method, tc.target, r.Header.Get("Content-Security-Policy"), want)
		}
	}
}

// sha256Source is the CSP source for text, computed here on its own.
func sha256Source(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// TestStyleAttributeHashes checks that the policy allows exactly the style
// attributes the pages carry, and none when they carry none.
func TestStyleAttributeHashes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []string
		want  []string // style-src-attr
	}{
		{"no style attributes", []string{"/"}, []string{"'none'"}},
		{"two styled spots", []string{"/", "/styled"}, []string{"'unsafe-hashes'",
			sha256Source("left:12.5%;top:40%"), sha256Source("left:70%")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(Options{Root: writeRoot(t), Pages: tc.pages})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.pages {
				r := do(t, s, "GET", p)
				if p == "/styled" && !strings.Contains(string(r.body), `style="left:12.5%;top:40%"`) {
					t.Fatalf("GET %s: the page has no style attribute left:12.5%%;top:40%%:\n%s", p, r.body)
				}
			}
			got := parseCSP(s.SecurityHeaders().Get("Content-Security-Policy"))["style-src-attr"]
			slices.Sort(got[min(1, len(got)):])
			slices.Sort(tc.want[1:])
			if !slices.Equal(got, tc.want) {
				t.Errorf("style-src-attr %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFindInline(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		page                  string
		scripts, styles, attr []string
	}{
		{"script files", `<script defer src="/app.js"></script><script src='/web/boot.js'>  </script>`, nil, nil, nil},
		{"inline script", `<script>goappNav("/")</script>`, []string{`goappNav("/")`}, nil, nil},
		{"inline script with type", "<SCRIPT type=\"module\">\nx()\n</script >", []string{"\nx()\n"}, nil, nil},
		{"style element", `<style media="print">nav{display:none}</style>`, nil, []string{"nav{display:none}"}, nil},
		{"style attribute", `<a class="spot" style="left:8.5%;top:40.0%" href="/points/ki3">`, nil, nil, []string{"left:8.5%;top:40.0%"}},
		{"single quotes", `<p style='color:red'>`, nil, nil, []string{"color:red"}},
		{"entity in a style", `<p style="font-family:&#34;A&amp;B&#34;">`, nil, nil, []string{`font-family:"A&B"`}},
		{"other attributes", `<p data-style="a" title="style">style=x</p>`, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in inline
			findInline(&in, []byte(tc.page))
			for _, c := range []struct {
				what      string
				got, want []string
			}{
				{"scripts", in.scripts, tc.scripts},
				{"styles", in.styles, tc.styles},
				{"style attributes", in.attrs, tc.attr},
			} {
				var want []string
				for _, w := range c.want {
					want = append(want, sha256Source(w))
				}
				if !slices.Equal(c.got, want) {
					t.Errorf("%s: %q, want the hashes of %q (%q)", c.what, c.got, c.want, want)
				}
			}
		})
	}
}

func TestNewUnroutedPage(t *testing.T) {
	if _, err := New(Options{Root: writeRoot(t), Pages: []string{"/", "/unrouted"}}); err == nil {
		t.Error("New with a page that does not render: no error")
	}
}
