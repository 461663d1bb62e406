//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// testPage is the one routed page of the tests: go-app's routes are global,
// and unrouted paths are answered with 404.
type testPage struct{ app.Compo }

func (p *testPage) Render() app.UI { return app.H1().Text("Test page") }

// styledPage has style attributes, as the points page's body map has.
type styledPage struct{ app.Compo }

func (p *styledPage) Render() app.UI {
	return app.Div().Body(
		app.A().Href("/").Style("left", "12.5%").Style("top", "40%").Text("a spot"),
		app.A().Href("/").Style("left", "70%").Text("another spot"),
		app.P().Text(`Text that looks like an attribute: style="color: red"`),
	)
}

func TestMain(m *testing.M) {
	app.Route("/", func() app.Composer { return &testPage{} })
	app.Route("/styled", func() app.Composer { return &styledPage{} })
	os.Exit(m.Run())
}

// secret marks the content of every file that must never be served.
const secret = "SECRET-DO-NOT-SERVE"

var (
	wasmBytes = []byte("\x00asm\x01\x00\x00\x00" + strings.Repeat("calf and sole wasm ", 400))
	cssBytes  = []byte(strings.Repeat("body { margin: 0; color: #1f4e5f; }\n", 50))
)

// testFiles is the tree written under each test's root directory.
var testFiles = map[string][]byte{
	"go.mod":                 []byte("module " + secret + "\n"),
	"secret.css":             []byte(secret + " outside web"),
	"web/app.wasm":           wasmBytes,
	"web/styles.css":         cssBytes,
	"web/boot.js":            []byte("// boot\nconsole.log('boot');\n"),
	"web/icons/icon.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`),
	"web/icons/icon-192.png": []byte("\x89PNG\r\n\x1a\nfake png bytes"),
	"web/README.md":          []byte("# " + secret + " readme\n"),
	"web/icons/render.sh":    []byte("#!/bin/sh\n# " + secret + " render\n"),
}

// servedFiles are the files of testFiles that are served, relative to web/.
var servedFiles = []string{"app.wasm", "styles.css", "boot.js", "icons/icon.svg", "icons/icon-192.png"}

// writeRoot writes testFiles into a new temporary directory and returns it.
func writeRoot(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range testFiles {
		writeFile(t, filepath.Join(dir, name), b)
	}
	return dir
}

func writeFile(t testing.TB, name string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func newSite(t *testing.T, root string) *Site {
	t.Helper()
	s, err := New(Options{Root: root, Pages: []string{"/"}, Name: "T", ShortName: "T"})
	if err != nil {
		t.Fatalf("New(%s): %v", root, err)
	}
	return s
}

// response is a recorded response with its body read.
type response struct {
	*http.Response
	method string
	body   []byte
}

// do sends one request to h. headers holds name, value pairs.
func do(t *testing.T, h http.Handler, method, target string, headers ...string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := response{res, method, body}
	checkEveryResponse(t, method+" "+target, r)
	return r
}

// checkEveryResponse checks what holds for every response: the security
// headers (see checkSecurityHeaders), and a Content-Length that matches the body when there is one.
func checkEveryResponse(t *testing.T, what string, r response) {
	t.Helper()
	checkSecurityHeaders(t, what, r.Header)
	if r.method == http.MethodHead {
		if len(r.body) != 0 {
			t.Errorf("%s: HEAD has a body of %d bytes", what, len(r.body))
		}
		return
	}
	if cl := r.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(r.body)) {
		t.Errorf("%s: Content-Length %s, body is %d bytes (Content-Encoding %q)",
			what, cl, len(r.body), r.Header.Get("Content-Encoding"))
	}
	if r.StatusCode == http.StatusNotModified && len(r.body) != 0 {
		t.Errorf("%s: 304 with a body of %d bytes", what, len(r.body))
	}
}

// decode undoes the response's Content-Encoding.
func decode(t *testing.T, r response) []byte {
	t.Helper()
	var rd io.Reader
	switch enc := r.Header.Get("Content-Encoding"); enc {
	case "":
		return r.body
	case "br":
		rd = brotli.NewReader(bytes.NewReader(r.body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		rd = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("decoding %s body: %v", r.Header.Get("Content-Encoding"), err)
	}
	return b
}

func varies(r response) bool {
	for _, v := range r.Header.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Accept-Encoding") {
				return true
			}
		}
	}
	return false
}

func TestVersion(t *testing.T) {
	root := writeRoot(t)
	base := newSite(t, root).Version
	if base == "" {
		t.Fatal("empty version")
	}

	t.Run("same files, same version", func(t *testing.T) {
		// Other mtimes and a later start must not matter.
		later := time.Now().Add(time.Hour)
		for name := range testFiles {
			if err := os.Chtimes(filepath.Join(root, name), later, later); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(10 * time.Millisecond)
		if v := newSite(t, root).Version; v != base {
			t.Errorf("second New: version %q, first %q", v, base)
		}
	})

	for _, name := range servedFiles {
		t.Run("one byte of "+name, func(t *testing.T) {
			root := writeRoot(t)
			b := append([]byte(nil), testFiles["web/"+name]...)
			b[len(b)-1] ^= 1
			writeFile(t, filepath.Join(root, "web", name), b)
			if v := newSite(t, root).Version; v == base {
				t.Errorf("version %q did not change", v)
			}
		})
	}

	t.Run("renamed file", func(t *testing.T) {
		root := writeRoot(t)
		if err := os.Rename(filepath.Join(root, "web/boot.js"), filepath.Join(root, "web/boot2.js")); err != nil {
			t.Fatal(err)
		}
		if v := newSite(t, root).Version; v == base {
			t.Errorf("version %q did not change", v)
		}
	})

	for _, tc := range []struct {
		name   string
		change func(t *testing.T, root string)
	}{
		{"README.md edited", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "web/README.md"), []byte("# changed\n"))
		}},
		{"README.md added", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "web/icons/README.md"), []byte("# new\n"))
		}},
		{"render.sh edited", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "web/icons/render.sh"), []byte("#!/bin/sh\nexit 1\n"))
		}},
		{"file outside web", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "other.css"), []byte("a{}"))
		}},
		{"precompressed copies", func(t *testing.T, root string) {
			if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run("unserved: "+tc.name, func(t *testing.T) {
			root := writeRoot(t)
			tc.change(t, root)
			if v := newSite(t, root).Version; v != base {
				t.Errorf("version changed to %q, want %q", v, base)
			}
		})
	}

	t.Run("in app-worker.js", func(t *testing.T) {
		s := newSite(t, root)
		r := do(t, s, "GET", "/app-worker.js")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("status %d", r.StatusCode)
		}
		if !bytes.Contains(r.body, []byte(s.Version)) {
			t.Errorf("app-worker.js does not hold version %q", s.Version)
		}
	})
}

func TestNewWithoutWasm(t *testing.T) {
	root := writeRoot(t)
	if err := os.Remove(filepath.Join(root, "web/app.wasm")); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Root: root}); err == nil {
		t.Error("New without app.wasm: no error")
	}
}

func TestWasm(t *testing.T) {
	newWasm := []byte("\x00asm\x01\x00\x00\x00" + strings.Repeat("rebuilt wasm ", 300))
	fresh := func(t *testing.T, root string) {
		if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
			t.Fatal(err)
		}
	}
	// stale writes copies of the old wasm, then a new wasm that is newer.
	stale := func(t *testing.T, root string) {
		fresh(t, root)
		old := time.Now().Add(-time.Hour)
		for _, ext := range []string{".br", ".gz"} {
			if err := os.Chtimes(filepath.Join(root, "web/app.wasm"+ext), old, old); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, filepath.Join(root, "web/app.wasm"), newWasm)
	}
	// staleBr leaves a fresh .gz beside a stale .br.
	staleBr := func(t *testing.T, root string) {
		writeFile(t, filepath.Join(root, "web/app.wasm"), newWasm)
		fresh(t, root)
		writeFile(t, filepath.Join(root, "web/app.wasm.br"), brotliBytes(t, wasmBytes))
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(filepath.Join(root, "web/app.wasm.br"), old, old); err != nil {
			t.Fatal(err)
		}
	}
	none := func(t *testing.T, root string) {}

	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T, root string)
		accept  string
		wantEnc []string // any of these
		want    []byte
	}{
		{"br and gzip", fresh, "br, gzip", []string{"br"}, wasmBytes},
		{"gzip only", fresh, "gzip", []string{"gzip"}, wasmBytes},
		{"br refused", fresh, "br;q=0, gzip", []string{"gzip"}, wasmBytes},
		{"gzip first", fresh, "gzip, deflate, br", []string{"br"}, wasmBytes},
		{"nothing accepted", fresh, "", []string{""}, wasmBytes},
		{"identity only", fresh, "identity", []string{""}, wasmBytes},
		{"no copies", none, "br, gzip", []string{"", "gzip"}, wasmBytes},
		{"stale copies", stale, "br, gzip", []string{"", "gzip"}, newWasm},
		{"stale copies, br only", stale, "br", []string{""}, newWasm},
		{"stale br, fresh gz", staleBr, "br, gzip", []string{"gzip"}, newWasm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeRoot(t)
			tc.setup(t, root)
			s := newSite(t, root)
			r := do(t, s, "GET", "/web/app.wasm", "Accept-Encoding", tc.accept)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status %d", r.StatusCode)
			}
			enc := r.Header.Get("Content-Encoding")
			ok := false
			for _, e := range tc.wantEnc {
				ok = ok || enc == e
			}
			if !ok {
				t.Errorf("Content-Encoding %q, want one of %q", enc, tc.wantEnc)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/wasm" {
				t.Errorf("Content-Type %q, want application/wasm", ct)
			}
			if !varies(r) {
				t.Errorf("Vary %q lacks Accept-Encoding", r.Header.Values("Vary"))
			}
			if et := r.Header.Get("ETag"); et != `"`+s.Version+`"` {
				t.Errorf("ETag %q, want the version %q", et, s.Version)
			}
			if got := decode(t, r); !bytes.Equal(got, tc.want) {
				t.Errorf("body decodes to %d bytes that are not the current app.wasm (%d bytes)", len(got), len(tc.want))
			}
		})
	}
}

func brotliBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHead goes through a real server: net/http drops the body of a HEAD
// response, which go-app writes anyway.
func TestHead(t *testing.T) {
	root := writeRoot(t)
	if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newSite(t, root))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, target := range []string{"/web/app.wasm", "/web/styles.css", "/", "/app-worker.js"} {
		req, err := http.NewRequest("HEAD", srv.URL+target, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept-Encoding", "br, gzip")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("HEAD %s: status %d", target, res.StatusCode)
		}
		if len(body) != 0 {
			t.Errorf("HEAD %s: %d bytes of body", target, len(body))
		}
		if res.Header.Get("Content-Type") == "" {
			t.Errorf("HEAD %s: no Content-Type", target)
		}
		checkSecurityHeaders(t, "HEAD "+target, res.Header)
	}
}

func TestNotModified(t *testing.T) {
	root := writeRoot(t)
	if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
		t.Fatal(err)
	}
	s := newSite(t, root)
	etag := `"` + s.Version + `"`
	for _, target := range []string{"/web/app.wasm", "/web/styles.css", "/web/icons/icon.svg", "/", "/app-worker.js", "/manifest.webmanifest"} {
		for _, accept := range []string{"", "gzip", "br, gzip"} {
			r := do(t, s, "GET", target, "If-None-Match", etag, "Accept-Encoding", accept)
			if r.StatusCode != http.StatusNotModified {
				t.Errorf("GET %s (Accept-Encoding %q) with If-None-Match %s: status %d, want 304", target, accept, etag, r.StatusCode)
			}
			if len(r.body) != 0 {
				t.Errorf("GET %s (Accept-Encoding %q): 304 with %d bytes of body", target, accept, len(r.body))
			}
		}
		if r := do(t, s, "GET", target, "If-None-Match", `"other"`); r.StatusCode != http.StatusOK {
			t.Errorf("GET %s with another ETag: status %d, want 200", target, r.StatusCode)
		}
	}
}

func TestNotServed(t *testing.T) {
	root := writeRoot(t)
	if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
		t.Fatal(err)
	}
	s := newSite(t, root)
	for _, target := range []string{
		"/web/README.md",
		"/web/icons/render.sh",
		"/web/",
		"/web",
		"/web/icons/",
		"/web/../go.mod",
		"/web/%2e%2e/go.mod",
		"/web/icons/..%2f..%2fgo.mod",
		"/web/../secret.css",
		"/web/%2e%2e/secret.css",
		"/web/..%2fsecret.css",
		"/web/icons/..%2f..%2f..%2fsecret.css",
		"/web/icons/../../secret.css",
		"/web//styles.css",
		"/web/./styles.css",
		"/web/x.css",
		"/web/app.wasm.br",
		"/web/app.wasm.gz",
		"/web/app.wasm.gz.tmp",
		"/go.mod",
		"/secret.css",
		"/nowhere",
	} {
		for _, accept := range []string{"", "br, gzip"} {
			r := do(t, s, "GET", target, "Accept-Encoding", accept)
			if r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s (Accept-Encoding %q): status %d, want 404 or 400", target, accept, r.StatusCode)
			}
			if body := decode(t, r); bytes.Contains(body, []byte(secret)) || bytes.Contains(body, wasmBytes[:16]) {
				t.Errorf("GET %s (Accept-Encoding %q) served a file: %.80q", target, accept, body)
			}
		}
	}
}

func TestMethods(t *testing.T) {
	s := newSite(t, writeRoot(t))
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		for _, target := range []string{"/", "/web/styles.css", "/web/app.wasm", "/app-worker.js", "/web/README.md"} {
			r := do(t, s, method, target)
			if r.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", method, target, r.StatusCode)
			}
			if allow := r.Header.Get("Allow"); !strings.Contains(allow, "GET") {
				t.Errorf("%s %s: Allow %q, want GET listed", method, target, allow)
			}
		}
	}
}

func TestText(t *testing.T) {
	s := newSite(t, writeRoot(t))
	for _, tc := range []struct {
		target, accept string
		wantEnc, ctype string
		want           []byte // nil: not compared
	}{
		{"/web/styles.css", "gzip", "gzip", "text/css", cssBytes},
		{"/web/styles.css", "br, gzip", "gzip", "text/css", cssBytes},
		{"/web/styles.css", "", "", "text/css", cssBytes},
		{"/web/styles.css", "gzip;q=0", "", "text/css", cssBytes},
		{"/web/styles.css", "br", "", "text/css", cssBytes},
		{"/web/boot.js", "gzip", "gzip", "text/javascript", testFiles["web/boot.js"]},
		{"/web/icons/icon.svg", "gzip", "gzip", "image/svg+xml", testFiles["web/icons/icon.svg"]},
		{"/web/icons/icon-192.png", "gzip", "", "image/png", testFiles["web/icons/icon-192.png"]},
		{"/", "gzip", "gzip", "text/html", nil},
		{"/", "", "", "text/html", nil},
		{"/app-worker.js", "gzip", "gzip", "javascript", nil},
		{"/manifest.webmanifest", "gzip", "gzip", "application/manifest+json", nil},
	} {
		name := tc.target + " with " + strconv.Quote(tc.accept)
		t.Run(name, func(t *testing.T) {
			r := do(t, s, "GET", tc.target, "Accept-Encoding", tc.accept)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status %d", r.StatusCode)
			}
			if enc := r.Header.Get("Content-Encoding"); enc != tc.wantEnc {
				t.Errorf("Content-Encoding %q, want %q", enc, tc.wantEnc)
			}
			if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tc.ctype)
			}
			if !varies(r) {
				t.Errorf("Vary %q lacks Accept-Encoding", r.Header.Values("Vary"))
			}
			body := decode(t, r)
			if tc.want != nil && !bytes.Equal(body, tc.want) {
				t.Errorf("body decodes to %.80q, want the file", body)
			}
			if len(body) == 0 {
				t.Error("empty body")
			}
		})
	}
}

func TestServiceWorker(t *testing.T) {
	s := newSite(t, writeRoot(t))
	r := do(t, s, "GET", "/app-worker.js")
	if r.StatusCode != http.StatusOK {
		t.Fatalf("status %d", r.StatusCode)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[.*\]);`).FindSubmatch(r.body)
	if m == nil {
		t.Fatalf("no resourcesToCache in app-worker.js:\n%s", r.body)
	}
	var resources []string
	if err := json.Unmarshal(m[1], &resources); err != nil {
		t.Fatalf("resourcesToCache %s: %v", m[1], err)
	}
	has := make(map[string]bool)
	for _, res := range resources {
		has[res] = true
	}
	for _, want := range []string{"/", "/web/app.wasm", "/web/styles.css", "/web/boot.js",
		"/web/icons/icon.svg", "/web/icons/icon-192.png", "/app.js", "/app.css", "/wasm_exec.js", "/manifest.webmanifest"} {
		if !has[want] {
			t.Errorf("resourcesToCache lacks %s: %q", want, resources)
		}
	}
	for _, unwanted := range []string{"/web/README.md", "/web/icons/render.sh", "/web/app.wasm.br", "/web/app.wasm.gz"} {
		if has[unwanted] {
			t.Errorf("resourcesToCache holds %s", unwanted)
		}
	}
	for _, res := range resources {
		if !strings.HasPrefix(res, "/") || strings.HasPrefix(res, "//") {
			t.Errorf("resourcesToCache holds %q, not a local path", res)
		}
	}
}

// TestLocalOnly checks that nothing points at another host: the app must
// open with no network.
func TestLocalOnly(t *testing.T) {
	s := newSite(t, writeRoot(t))
	address := regexp.MustCompile(`(?i)(https?:)?//[^\s"'<>\\)]*`)
	for _, target := range []string{"/app-worker.js", "/manifest.webmanifest", "/", "/app.js"} {
		r := do(t, s, "GET", target)
		if r.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", target, r.StatusCode)
			continue
		}
		for _, a := range address.FindAll(r.body, -1) {
			u, err := url.Parse(string(a))
			if err != nil || !strings.HasPrefix(u.Scheme, "http") {
				continue // a comment or a regexp, not an address
			}
			if u.Host != "" && u.Host != "example.com" {
				t.Errorf("GET %s points at another host: %s", target, a)
			}
		}
	}

	r := do(t, s, "GET", "/manifest.webmanifest")
	var manifest struct {
		Icons []struct{ Src string }
	}
	if err := json.Unmarshal(r.body, &manifest); err != nil {
		t.Fatalf("manifest: %v\n%s", err, r.body)
	}
	if len(manifest.Icons) == 0 {
		t.Error("manifest has no icons")
	}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/icons/") {
			t.Errorf("manifest icon %q is not under /web/icons/", icon.Src)
		}
	}
}

// TestNoProxyFetch checks that no request makes the server fetch a URL
// built from the request's Host header. go-app's handler proxies
// /robots.txt, /sitemap.xml and /ads.txt with http.Get("http://" + r.Host +
// "/web/..."), caches what it gets and serves it to everyone.
func TestNoProxyFetch(t *testing.T) {
	fetched := make(chan string, 10)
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched <- r.URL.Path
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<script>EVIL</script>")
	}))
	defer evil.Close()
	host := strings.TrimPrefix(evil.URL, "http://")

	s := newSite(t, writeRoot(t))
	for _, target := range []string{"/robots.txt", "/sitemap.xml", "/ads.txt"} {
		req := httptest.NewRequest("GET", target, nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "EVIL") {
			t.Errorf("GET %s with Host %s served the other host's page", target, host)
		}
		// Another visitor, with the right Host, must not get it either.
		if r := do(t, s, "GET", target); bytes.Contains(r.body, []byte("EVIL")) {
			t.Errorf("GET %s: served a page cached from another host", target)
		}
	}
	select {
	case p := <-fetched:
		t.Errorf("the server fetched %s from the request's Host", p)
	default:
	}
}

// TestTestHooks: the browser tests' hooks are in the page and the worker's
// cache only when the server is told so (-test-hooks); people never
// download them.
func TestTestHooks(t *testing.T) {
	root := writeRoot(t)
	writeFile(t, filepath.Join(root, "web", "testhooks.js"), []byte("// hooks\n"))
	for _, hooks := range []bool{false, true} {
		s, err := New(Options{Root: root, Pages: []string{"/"}, Name: "T", ShortName: "T", TestHooks: hooks})
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/app-worker.js"} {
			if got := bytes.Contains(do(t, s, "GET", path).body, []byte("/web/testhooks.js")); got != hooks {
				t.Errorf("with TestHooks %v, %s names testhooks.js: %v", hooks, path, got)
			}
		}
	}
}
