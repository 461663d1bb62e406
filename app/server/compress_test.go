//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestAcceptsEncoding(t *testing.T) {
	for _, tc := range []struct {
		header, enc string
		want        bool
	}{
		{"gzip", "gzip", true},
		{"gzip", "br", false},
		{"br, gzip", "gzip", true},
		{"br, gzip", "br", true},
		{"br,gzip", "br", true},
		{"gzip;q=0", "gzip", false},
		{"gzip; q=0", "gzip", false},
		{"gzip;q=0.0", "gzip", false},
		{"gzip;q=0.000", "gzip", false},
		{"gzip;q=0.001", "gzip", true},
		{"gzip;q=1", "gzip", true},
		{"GZIP", "gzip", true},
		{"Br", "br", true},
		{"deflate", "gzip", false},
		{"", "gzip", false},
		{"", "br", false},
		{"br;q=0.5", "br", true},
		{"br;q=0.5", "gzip", false},
		{"br;q=0, gzip", "br", false},
		{"br;q=0, gzip", "gzip", true},
		{"x-gzip", "gzip", false},
		{"gzipped", "gzip", false},
		{"identity", "gzip", false},
		{"gzip, deflate, br, zstd", "br", true},
	} {
		if got := acceptsEncoding(tc.header, tc.enc); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tc.header, tc.enc, got, tc.want)
		}
	}
}

func TestCompressible(t *testing.T) {
	for _, tc := range []struct {
		ctype string
		want  bool
	}{
		{"text/html", true},
		{"text/html; charset=utf-8", true},
		{"text/css; charset=utf-8", true},
		{"text/javascript; charset=utf-8", true},
		{"application/javascript", true},
		{"application/json", true},
		{"application/manifest+json", true},
		{"image/svg+xml", true},
		{"text/plain; charset=utf-8", true},
		{"application/wasm", false},
		{"image/png", false},
		{"font/woff2", false},
		{"", false},
	} {
		if got := compressible(tc.ctype); got != tc.want {
			t.Errorf("compressible(%q) = %v, want %v", tc.ctype, got, tc.want)
		}
	}
}

func TestGzipResponse(t *testing.T) {
	text := []byte(strings.Repeat("hello, calf and sole\n", 100))
	for _, tc := range []struct {
		name           string
		method, accept string
		status         int
		ctype          string // "" leaves it to the gzip writer
		contentLength  bool   // the handler sets Content-Length
		wantGzip       bool
	}{
		{"text", "GET", "gzip", 200, "text/plain; charset=utf-8", true, true},
		{"text without length", "GET", "gzip", 200, "text/css", false, true},
		{"sniffed type", "GET", "gzip", 200, "", false, true},
		{"not accepted", "GET", "", 200, "text/css", true, false},
		{"refused", "GET", "gzip;q=0", 200, "text/css", true, false},
		{"binary", "GET", "gzip", 200, "image/png", true, false},
		{"not found", "GET", "gzip", 404, "text/plain; charset=utf-8", true, false},
		{"head", "HEAD", "gzip", 200, "text/css", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := gzipResponse(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.ctype != "" {
					w.Header().Set("Content-Type", tc.ctype)
				}
				if tc.contentLength {
					w.Header().Set("Content-Length", strconv.Itoa(len(text)))
				}
				if tc.status != http.StatusOK {
					w.WriteHeader(tc.status)
				}
				w.Write(text[:len(text)/2])
				w.Write(text[len(text)/2:])
			}))
			req := httptest.NewRequest(tc.method, "/", nil)
			req.Header.Set("Accept-Encoding", tc.accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)

			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if !strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Encoding") {
				t.Errorf("Vary %q lacks Accept-Encoding", res.Header.Values("Vary"))
			}
			gotGzip := res.Header.Get("Content-Encoding") == "gzip"
			if gotGzip != tc.wantGzip {
				t.Fatalf("Content-Encoding %q, want gzip %v", res.Header.Get("Content-Encoding"), tc.wantGzip)
			}
			if cl := res.Header.Get("Content-Length"); cl != "" && tc.method != "HEAD" && cl != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length %s, body %d bytes", cl, len(body))
			}
			if gotGzip {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				body, err = io.ReadAll(zr)
				if err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(body, text) {
				t.Errorf("body decodes to %.60q, want the text", body)
			}
		})
	}
}

func TestPrecompress(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"small", []byte("\x00asm\x01\x00\x00\x00")},
		{"large", bytes.Repeat([]byte("calf and sole \x00\x01\x02"), 10000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "app.wasm")
			if err := os.WriteFile(file, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := Precompress(file); err != nil {
				t.Fatalf("Precompress: %v", err)
			}
			for _, c := range []struct {
				ext    string
				reader func(io.Reader) (io.Reader, error)
			}{
				{".br", func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
				{".gz", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
			} {
				f, err := os.Open(file + c.ext)
				if err != nil {
					t.Fatal(err)
				}
				rd, err := c.reader(f)
				if err != nil {
					t.Fatalf("%s: %v", c.ext, err)
				}
				got, err := io.ReadAll(rd)
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", c.ext, err)
				}
				if !bytes.Equal(got, tc.data) {
					t.Errorf("%s decodes to %d bytes, want %d", c.ext, len(got), len(tc.data))
				}
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("Precompress left %s behind", e.Name())
				}
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		if err := Precompress(filepath.Join(t.TempDir(), "app.wasm")); err == nil {
			t.Error("Precompress of a missing file: no error")
		}
	})
}
