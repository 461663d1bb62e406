//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// FuzzServePath sends the site GET requests for any request target, parsed
// as net/http parses what comes over the wire: no answer is a server error,
// none leaks a file that is not served, a web/ file comes whole, and a
// redirect stays on the site.
func FuzzServePath(f *testing.F) {
	site := hostileSite(f)
	served := make(map[string][]byte)
	for _, name := range servedFiles {
		served["/web/"+name] = testFiles["web/"+name]
	}
	for _, seed := range []string{
		"/", "/styled", "/old", "/old?x=1", "/nowhere", "/web/app.wasm", "/web/styles.css", "/web/icons/icon.svg",
		"/app.js", "/app-worker.js", "/manifest.webmanifest", "/robots.txt", "*",
		"/../go.mod", "/web/../../go.mod", "/%2e%2e/go.mod", "/web/%2e%2e/%2e%2e/go.mod", "/web/..%2f..%2fgo.mod",
		`/web\..\..\go.mod`, "/web/%5c..%5c..%5cgo.mod", "/web/%252e%252e/go.mod", "/web/..%2fcontent%2fpoints.json",
		"/web/main.go", "/web/notes.md", "/web/fonts/subset.sh", "/web/app.wasm.br", "/web/", "/web",
		"/web/app.wasm%00.css", "//" + otherHost + "/x", fmt.Sprintf("http://%s/web/styles.css", otherHost), "/web/styles.css;/../../go.mod",
	} {
		f.Add(seed)
	}
	allowed := []int{http.StatusOK, http.StatusMovedPermanently, http.StatusNotFound}
	f.Fuzz(func(t *testing.T, target string) {
		raw := "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil || req.RequestURI != target {
			return // net/http answers 400 before the site sees it
		}
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, req)
		res := rec.Result()
		body := rec.Body.Bytes()

		if !slices.Contains(allowed, res.StatusCode) {
			t.Fatalf("GET %q: status %d", target, res.StatusCode)
		}
		checkNoLeak(t, body)
		if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("GET %q: no security headers: %v", target, res.Header)
		}
		if res.StatusCode == http.StatusOK && strings.HasPrefix(req.URL.Path, "/web/") {
			want, ok := served[req.URL.Path]
			if !ok {
				t.Fatalf("GET %q served %s, which is not a served file", target, req.URL.Path)
			}
			if !bytes.Equal(body, want) {
				t.Fatalf("GET %q: %d bytes that are not %s", target, len(body), req.URL.Path)
			}
		}
		if res.StatusCode == http.StatusMovedPermanently {
			loc := res.Header.Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) {
				t.Fatalf("GET %q redirects off the site, to %q", target, loc)
			}
		}
	})
}
