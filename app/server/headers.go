//go:build !wasm

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// permissionsPolicy allows the one powerful feature the app uses, keeping
// the screen on during a routine, and denies the others a page could ask
// for. Vibration is not listed: Chromium has no Permissions-Policy feature
// for it and warns in the console about names it does not know.
var permissionsPolicy = strings.Join([]string{
	"screen-wake-lock=(self)",
	"accelerometer=()",
	"browsing-topics=()",
	"camera=()",
	"clipboard-read=()",
	"display-capture=()",
	"fullscreen=()",
	"geolocation=()",
	"gyroscope=()",
	"hid=()",
	"idle-detection=()",
	"magnetometer=()",
	"microphone=()",
	"midi=()",
	"payment=()",
	"publickey-credentials-get=()",
	"serial=()",
	"usb=()",
	"xr-spatial-tracking=()",
}, ", ")

// inline holds the CSP hashes ('sha256-...') of what the app's pages carry
// inline instead of in a file of their own.
type inline struct {
	scripts []string // <script> elements without src
	styles  []string // <style> elements
	attrs   []string // style="..." attributes
}

// contentSecurityPolicy is the policy every response carries: everything
// comes from the app's own origin; scripts only from files, but for the
// inline ones listed by hash; WebAssembly may be compiled (go-app's wasm
// needs it); nothing may frame the app, change its base address or run a
// plugin.
//
// Style attributes are allowed one by one, by the hash of their value, with
// 'unsafe-hashes': go-app renders Style("left", ...) as a style attribute
// (the dots of the body map) and sets it with setAttribute, which a policy
// without 'unsafe-inline' blocks. Listing each value keeps any other style
// attribute, such as one injected with a note, from applying.
func contentSecurityPolicy(in inline) string {
	styleAttr := []string{"style-src-attr", "'none'"}
	if len(in.attrs) > 0 {
		styleAttr = append([]string{"style-src-attr", "'unsafe-hashes'"}, in.attrs...)
	}
	directives := [][]string{
		{"default-src", "'self'"},
		append([]string{"script-src", "'self'", "'wasm-unsafe-eval'"}, in.scripts...),
		append([]string{"style-src", "'self'"}, in.styles...),
		styleAttr,
		{"img-src", "'self'"},
		{"font-src", "'self'"},
		{"connect-src", "'self'"},
		{"worker-src", "'self'"},
		{"manifest-src", "'self'"},
		{"object-src", "'none'"},
		{"base-uri", "'none'"},
		{"frame-ancestors", "'none'"},
		{"form-action", "'self'"},
	}
	parts := make([]string, len(directives))
	for i, d := range directives {
		parts[i] = strings.Join(d, " ")
	}
	return strings.Join(parts, "; ")
}

// securityHeaders returns the headers every response carries, given the
// Content-Security-Policy.
func securityHeaders(csp string) http.Header {
	return http.Header{
		"Content-Security-Policy": {csp},
		"Permissions-Policy":      {permissionsPolicy},
		"Referrer-Policy":         {"no-referrer"},
		"X-Content-Type-Options":  {"nosniff"},
	}
}

// SecurityHeaders returns a copy of the headers every response carries: the
// Content-Security-Policy, Permissions-Policy, Referrer-Policy and
// X-Content-Type-Options. A static export can give them to its host.
func (s *Site) SecurityHeaders() http.Header { return s.headers.Clone() }

var (
	inlineScript    = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script\s*>`)
	inlineStyle     = regexp.MustCompile(`(?is)<style\b[^>]*>(.*?)</style\s*>`)
	inlineStyleAttr = regexp.MustCompile(`(?i)\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	srcAttr         = regexp.MustCompile(`(?i)\ssrc\s*=`)
)

// findInline adds to in the hashes of the inline scripts, style elements
// and style attributes of one page. It reads HTML that go-app wrote from
// the app's own components, not any page from outside, so patterns are
// enough.
func findInline(in *inline, page []byte) {
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		if !srcAttr.Match(m[1]) && len(bytes.TrimSpace(m[2])) > 0 {
			in.scripts = append(in.scripts, cspHash(m[2]))
		}
	}
	for _, m := range inlineStyle.FindAllSubmatch(page, -1) {
		in.styles = append(in.styles, cspHash(m[1]))
	}
	// Text and attribute values are escaped, so ` style="` is only ever an
	// attribute; a false match would only allow one more harmless value.
	for _, m := range inlineStyleAttr.FindAllSubmatch(page, -1) {
		v := m[1]
		if m[2] != nil {
			v = m[2]
		}
		in.attrs = append(in.attrs, cspHash([]byte(html.UnescapeString(string(v)))))
	}
}

// cspHash is the CSP source that allows the inline text b.
func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// sorted sorts hashes and drops repeats, so the policy is the same from one
// start to the next.
func (in *inline) sorted() {
	for _, l := range []*[]string{&in.scripts, &in.styles, &in.attrs} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
}

// inlineSources returns the hashes of what the pages, as the server sends
// them, carry inline.
func inlineSources(pages [][]byte) inline {
	var in inline
	for _, p := range pages {
		findInline(&in, p)
	}
	in.sorted()
	return in
}

// recorder is the response writer of a page rendered at startup.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}
