//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// goModLine is the first line of the repository's go.mod: no response may
// ever hold it.
const goModLine = "module github.com/calfandsole/calfandsole"

// otherHost is a host that is not the app's, for request targets in
// absolute form; the tests never contact it.
const otherHost = "evil.example"

// hostileFiles are written beside testFiles: sources, data and notes,
// inside and outside web/, with extensions that are served (.json, .js,
// .css), that must never be.
var hostileFiles = map[string][]byte{
	"go.mod":               []byte(goModLine + "\n\n// " + secret + "\n"),
	"app/server/server.go": []byte("package server // " + secret + "\n"),
	"content/points.json":  []byte(`{"` + secret + `": true}`),
	"content/outside.js":   []byte("// " + secret + "\n"),
	".git/config":          []byte("[core] # " + secret + "\n"),
	"web/main.go":          []byte("package main // " + secret + "\n"),
	"web/notes.md":         []byte("# " + secret + "\n"),
	"web/fonts/subset.sh":  []byte("#!/bin/sh\n# " + secret + "\n"),
	"web/fonts/OFL.txt":    []byte(secret + " licence\n"),
}

// appOptions configures a site over root as cmd/pwa does: two pages, a
// not-found page, and an alias (/old) redirected to a page.
func appOptions(root string) Options {
	return Options{
		Root:      root,
		Pages:     []string{"/", "/styled"},
		NotFound:  "/styled",
		Canonical: func(p string) (string, bool) { return "/styled", p == "/old" },
		Name:      "T", ShortName: "T",
	}
}

// hostileSite configures a site as cmd/pwa does (a 404 page and aliases)
// over a tree that holds hostileFiles too.
func hostileSite(t testing.TB) *Site {
	t.Helper()
	root := writeRoot(t)
	for name, b := range hostileFiles {
		writeFile(t, filepath.Join(root, name), b)
	}
	if err := Precompress(filepath.Join(root, "web/app.wasm")); err != nil {
		t.Fatal(err)
	}
	site, err := New(appOptions(root))
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// hostileServer starts the whole server, as main runs it, on a loopback
// port, and returns its address. Its read-header timeout is shorter, so
// a request line that never ends (binary junk) is dropped sooner.
func hostileServer(t *testing.T) string {
	t.Helper()
	l := serverLimits
	l.ReadHeader = time.Second
	return serve(t, hostileSite(t), l)
}

// rawResponse is what came back for a raw request.
type rawResponse struct {
	status int
	header http.Header
	body   []byte
	err    error // the connection failed or closed without an answer
}

// sendRaw writes req to a new connection to addr byte for byte, as it is,
// while reading the answer (the server may answer before it has read all
// of a huge request).
func sendRaw(t *testing.T, addr, req string) rawResponse {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		io.WriteString(conn, req)
	}()
	defer func() { conn.Close(); <-wrote }()
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return rawResponse{err: err}
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return rawResponse{status: res.StatusCode, header: res.Header, body: body, err: err}
}

// get is a raw request line with the headers a client would send.
func get(target string) string {
	return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
}

// Statuses a hostile request may get.
var (
	refused  = []int{400, 404}      // bad request or not here
	notHere  = []int{404}           // a path that is well formed but not served
	tooLarge = []int{400, 414, 431} // a request line or headers over the cap
	badVerb  = []int{400, 405}
)

// TestHostileRequests sends requests that a browser never would, raw, over
// TCP, so nothing cleans them first: path traversal in every encoding,
// absolute and odd request targets, overlong lines, huge headers, bad
// methods, HTTP/0.9 and null bytes. None may get a file outside web/ or an
// unserved file inside it, or take the server down.
func TestHostileRequests(t *testing.T) {
	addr := hostileServer(t)
	bigHeader := strings.Repeat("a", 2<<20)
	manyHeaders := strings.Repeat("X-Many: "+strings.Repeat("b", 90)+"\r\n", 1000)

	tests := []struct {
		name string
		req  string
		want []int
	}{
		// Path traversal, plain and encoded.
		{"dot dot", get("/../go.mod"), refused},
		{"dot dot under web", get("/web/../../go.mod"), refused},
		{"dot dot to a served type", get("/web/../content/points.json"), refused},
		{"dot dot back into web", get("/web/icons/../../web/styles.css"), refused},
		{"encoded dots", get("/%2e%2e/go.mod"), refused},
		{"encoded dots under web", get("/web/%2e%2e/%2e%2e/go.mod"), refused},
		{"mixed dots", get("/web/.%2e/.%2e/content/points.json"), refused},
		{"upper-case encoding", get("/web/%2E%2E/%2E%2E/go.mod"), refused},
		{"encoded slashes", get("/web/..%2f..%2fgo.mod"), refused},
		{"encoded slashes to json", get("/web/..%2fcontent%2fpoints.json"), refused},
		{"backslashes", get(`/web\..\..\go.mod`), refused},
		{"backslashes under web", get(`/web/..\..\content\points.json`), refused},
		{"encoded backslashes", get("/web/%5c..%5c..%5cgo.mod"), refused},
		{"encoded backslashes to json", get("/web/..%5c..%5ccontent%5cpoints.json"), refused},
		{"double encoding", get("/web/%252e%252e/%252e%252e/go.mod"), refused},
		{"double encoded slash", get("/web/..%252f..%252fgo.mod"), refused},
		{"overlong utf-8 dot", get("/web/%c0%ae%c0%ae/go.mod"), refused},
		{"full-width dots", get("/web/%ef%bc%8e%ef%bc%8e/go.mod"), refused},
		{"semicolon", get("/web/styles.css;/../../go.mod"), refused},
		{"through a file", get("/web/styles.css/../../go.mod"), refused},
		{"dot dot semicolon", get("/web/..;/..;/go.mod"), refused},
		{"double slash", get("//go.mod"), refused},
		{"hidden directory", get("/.git/config"), refused},
		{"web hidden directory", get("/web/../.git/config"), refused},
		{"root source", get("/app/server/server.go"), refused},

		// Files inside web/ that are not served.
		{"source in web", get("/web/main.go"), notHere},
		{"notes in web", get("/web/notes.md"), notHere},
		{"readme in web", get("/web/README.md"), notHere},
		{"script in web", get("/web/fonts/subset.sh"), notHere},
		{"licence in web", get("/web/fonts/OFL.txt"), notHere},
		{"precompressed copy", get("/web/app.wasm.br"), notHere},
		{"web listing", get("/web/"), notHere},
		{"web listing no slash", get("/web"), notHere},
		{"icons listing", get("/web/icons/"), notHere},

		// Odd request targets.
		{"absolute form", "GET http://localhost/../go.mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", refused},
		{"absolute form, other host", fmt.Sprintf("GET http://%s/web/../../go.mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", otherHost), refused},
		{"absolute form, encoded", fmt.Sprintf("GET http://%[1]s/web/%%2e%%2e/%%2e%%2e/go.mod HTTP/1.1\r\nHost: %[1]s\r\nConnection: close\r\n\r\n", otherHost), refused},
		{"absolute form, file scheme", "GET file:///etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", refused},
		{"authority form", "GET localhost:80 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", refused},
		{"no leading slash", get("go.mod"), refused},
		{"asterisk", get("*"), refused},
		{"bad escape", get("/web/%zz"), refused},
		{"no host", "GET /web/../go.mod HTTP/1.1\r\nConnection: close\r\n\r\n", refused},
		{"robots from another host", "GET /robots.txt HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", refused},

		// Sizes.
		{"100 KB URL", get("/" + strings.Repeat("a", 100<<10)), tooLarge},
		{"100 KB traversal", get("/web/" + strings.Repeat("../", 34<<10) + "go.mod"), tooLarge},
		{"2 MB header", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + bigHeader + "\r\n\r\n", []int{431}},
		{"1000 headers", "GET / HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders + "\r\n", []int{431}},

		// Methods.
		{"PUT", "PUT /web/styles.css HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc", []int{405}},
		{"POST", "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", []int{405}},
		{"DELETE", "DELETE /web/app.wasm HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"TRACE", "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"TRACE traversal", "TRACE /../go.mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"CONNECT path", "CONNECT / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", badVerb},
		{"CONNECT host", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n", badVerb},
		{"OPTIONS asterisk", "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"PROPFIND", "PROPFIND /web/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"made-up method", "FOO /go.mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{405}},
		{"lower-case get", "get /../go.mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", badVerb},
		{"garbage method", "G\x01T / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", []int{400}},
		{"1000-byte method", strings.Repeat("A", 1000) + " / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", badVerb},

		// Old and odd protocols.
		{"HTTP/0.9", "GET /\r\n", []int{400}},
		{"HTTP/0.9 traversal", "GET /../go.mod\r\n\r\n", []int{400}},
		{"HTTP/2 over HTTP/1", "GET / HTTP/2.0\r\nHost: localhost\r\n\r\n", []int{400, 505}},
		{"HTTP/1.0 traversal", "GET /web/../../go.mod HTTP/1.0\r\n\r\n", refused},
		{"no version", "GET /web/../../go.mod \r\n\r\n", []int{400}},
		{"binary junk", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", []int{400}},

		// Null bytes.
		{"encoded null", get("/web/app.wasm%00.css"), refused},
		{"encoded null, traversal", get("/web/%00/../../go.mod"), refused},
		{"encoded null before an extension", get("/go.mod%00.js"), refused},
		{"raw null in path", get("/web/styles.css\x00../../go.mod"), []int{400}},
		{"raw null in header", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Null: a\x00b\r\nConnection: close\r\n\r\n", []int{400}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := sendRaw(t, addr, tc.req)
			if r.err != nil {
				t.Fatalf("no answer: %v", r.err)
			}
			if !slices.Contains(tc.want, r.status) {
				t.Errorf("status %d, want one of %v", r.status, tc.want)
			}
			checkNoLeak(t, r.body)
			// The handler's answers (not net/http's own 400 and 431) carry
			// the security headers.
			if r.status != 400 && r.status != 431 && r.status != 505 {
				checkSecurityHeaders(t, tc.name, r.header)
			}
		})
	}

	// After all that, the server still serves, and serves the real files.
	r := sendRaw(t, addr, get("/web/styles.css"))
	if r.err != nil || r.status != 200 || !bytes.Equal(r.body, cssBytes) {
		t.Errorf("after the hostile requests, GET /web/styles.css: status %d, %d bytes, %v", r.status, len(r.body), r.err)
	}
}

// checkNoLeak fails if body holds any part of a file that is not served.
func checkNoLeak(t *testing.T, body []byte) {
	t.Helper()
	for _, leak := range []string{secret, goModLine, "package server", "package main", "[core]"} {
		if bytes.Contains(body, []byte(leak)) {
			t.Errorf("the answer leaks %q: %.200q", leak, body)
		}
	}
}

// TestHostileKeepAlive sends hostile requests one after another on one
// kept-alive connection, as a scanner would: each is answered without a
// leak, and the connection still serves a real file after them.
func TestHostileKeepAlive(t *testing.T) {
	addr := hostileServer(t)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	targets := []string{"/../go.mod", "/web/%2e%2e/%2e%2e/go.mod", "/web/..%2f..%2fgo.mod", `/web\..\..\go.mod`,
		"/web/%5c..%5c..%5cgo.mod", "/web/%252e%252e/go.mod", "/web/main.go", "/web/notes.md", "/web/styles.css"}
	for _, target := range targets {
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n", target)
	}
	rd := bufio.NewReader(conn)
	for i, target := range targets {
		res, err := http.ReadResponse(rd, nil)
		if err != nil {
			t.Fatalf("answer %d (%s): %v", i+1, target, err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("answer %d (%s): %v", i+1, target, err)
		}
		checkNoLeak(t, body)
		want := http.StatusNotFound
		if i == len(targets)-1 {
			want = http.StatusOK
		}
		if res.StatusCode != want {
			t.Errorf("GET %s: status %d, want %d", target, res.StatusCode, want)
		}
	}
}
