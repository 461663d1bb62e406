//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// rendered is one response go-app made, kept to be sent again: every page
// and go-app file is rendered once per version when the site starts, not
// again on every request, and its gzip copy made once too.
type rendered struct {
	header http.Header
	body   []byte
	gz     []byte // the gzip copy, or nil when not worth it
}

// render asks h for target once and keeps the answer, which must have
// status 200.
func render(h http.Handler, target string) (*rendered, error) {
	// As the server receives it: a path, no scheme or host.
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", target, err)
	}
	req.Host = "localhost"
	rec := &recorder{header: make(http.Header)}
	h.ServeHTTP(rec, req)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("%s: status %d", target, rec.status)
	}
	r := &rendered{header: rec.header, body: rec.body.Bytes()}
	r.header.Del("Content-Length")
	if strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		r.body = falseBooleans.ReplaceAll(r.body, nil)
		r.body = bareAria.ReplaceAll(r.body, []byte(` aria-$1="true"$2`))
	}
	return r, r.compress()
}

// falseBooleans are boolean attributes go-app prerenders as "false"
// (Disabled(false) is disabled="false"). In HTML a boolean attribute is
// true whatever its value, so such a page showed every radio button
// checked and Save disabled until the app ran; the attribute is dropped.
//
// go-app prerenders an ARIA state set to true (Aria("pressed", true)) as a
// bare attribute, aria-pressed, which is not "true" to screen readers or
// to the styles ([aria-pressed="true"]): the prerendered chips showed no
// choice until the app ran. It is written out as ="true".
var bareAria = regexp.MustCompile(` aria-([a-z]+)([ >/])`)

var falseBooleans = regexp.MustCompile(` (?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|formnovalidate|hidden|inert|ismap|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|selected)="false"`)

// englishRoot is the html element go-app writes for every page
// (Handler.Lang is one for the whole app).
const englishRoot = `<html lang="en">`

// setLang writes the language tag lang into the page's html element, so
// a Chinese page is read, spoken and checked as Chinese from its first
// byte, and puts label, when not "", in go-app's "Starting…" line; "" and
// "en" leave the page as it is.
func (r *rendered) setLang(lang, label string) error {
	if lang == "" || lang == "en" {
		return nil
	}
	if !tagPattern.MatchString(lang) {
		return fmt.Errorf("language tag %q is not one", lang)
	}
	if n := bytes.Count(r.body, []byte(englishRoot)); n != 1 {
		return fmt.Errorf("%s in %d places, want 1: has go-app changed?", englishRoot, n)
	}
	r.body = bytes.Replace(r.body, []byte(englishRoot), []byte(`<html lang="`+lang+`">`), 1)
	if label != "" {
		if len(loaderLabel.FindAll(r.body, -1)) != 1 {
			return errors.New("go-app's loading line is not in the page once: has go-app changed?")
		}
		r.body = loaderLabel.ReplaceAll(r.body, []byte("${1}"+html.EscapeString(label)+"${2}"))
	}
	return r.compress()
}

// loaderLabel is go-app's "Starting…" line in a page (go-app writes the
// attributes in any order).
var loaderLabel = regexp.MustCompile(`(<p[^>]*id="app-wasm-loader-label"[^>]*>)[^<]*(</p>)`)

// tagPattern is what a language tag may be written as here: "zh-Hans".
var tagPattern = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// compress makes the gzip copy, for text.
func (r *rendered) compress() error {
	if !compressible(r.header.Get("Content-Type")) {
		r.gz = nil
		return nil
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(r.body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	r.gz = b.Bytes()
	return nil
}

// serve sends the kept response with status (200, or 404 for the "not
// here" page): gzip when the browser takes it, 304 when the browser holds
// this version already.
func (r *rendered) serve(w http.ResponseWriter, req *http.Request, status int) {
	hdr := w.Header()
	for name, v := range r.header {
		hdr[name] = v
	}
	if r.gz != nil {
		hdr.Add("Vary", "Accept-Encoding")
	}
	if etag := r.header.Get("ETag"); etag != "" && req.Header.Get("If-None-Match") == etag && status == http.StatusOK {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := r.body
	if r.gz != nil && acceptsEncoding(req.Header.Get("Accept-Encoding"), "gzip") {
		body = r.gz
		hdr.Set("Content-Encoding", "gzip")
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if req.Method != http.MethodHead {
		w.Write(body)
	}
}

// wasmFetch is the call in go-app's loader (app.js) that fetches app.wasm
// and wraps the response in a new one built from a stream, to show
// progress.
var wasmFetch = regexp.MustCompile(`fetchWithProgress\(("[^"]*"), showProgress\)`)

// handOverWasm changes go-app's loader so that web/boot.js
// (calfsole.wasm) fetches app.wasm. go-app rebuilds the response from a
// stream to count progress; boot.js hands the worker's cached response to
// WebAssembly.instantiateStreaming as it is, with no stream copying it.
// (That is also what V8 would keep compiled code with, but measured, it
// keeps none for a Go app: README, How it is built.)
//
// It also hands a failure to start to boot.js (calfsole.failed), which
// says so in plain words where go-app would show the error's own text.
func handOverWasm(appJS []byte) ([]byte, error) {
	for _, c := range []struct {
		what    string
		find    *regexp.Regexp
		replace string
	}{
		{"fetches app.wasm", wasmFetch, `calfsole.wasm($1, showProgress)`},
		{"shows a failure to start", loadFailure, `loaderLabel.innerText = calfsole.failed(err);`},
	} {
		if n := len(c.find.FindAll(appJS, -1)); n != 1 {
			return nil, fmt.Errorf("go-app's loader (app.js) %s in %d places, want 1: has go-app changed?", c.what, n)
		}
		appJS = c.find.ReplaceAll(appJS, []byte(c.replace))
	}
	return appJS, nil
}

// loadFailure is where go-app's loader shows why app.wasm did not start.
var loadFailure = regexp.MustCompile(`loaderLabel\.innerText = err;`)

// workerScript returns the service worker's template with what it must
// know of the app's pages filled in: each alias's page, under the prefix
// and in lower case too, the "not here" page, and the pages and files kept
// later, by language. An alias of a later page is left out: the worker
// finds it from the English alias (/zh/points/kd3 from /points/kd3).
func workerScript(opts Options) (string, error) {
	isLater := make(map[string]bool)
	for _, pages := range opts.Later {
		for _, p := range pages {
			isLater[p] = true
		}
	}
	aliases := make(map[string]string)
	if opts.Canonical != nil {
		for _, a := range opts.Aliases {
			if to, ok := opts.Canonical(a); ok && !isLater[to] {
				aliases[opts.Prefix+a] = opts.Prefix + to
				aliases[strings.ToLower(opts.Prefix+a)] = opts.Prefix + to
			}
		}
	}
	aliasJSON, err := json.Marshal(aliases)
	if err != nil {
		return "", fmt.Errorf("the worker's aliases: %w", err)
	}
	notFound := ""
	if opts.NotFound != "" {
		notFound = opts.Prefix + opts.NotFound
	}
	notFoundJSON, _ := json.Marshal(notFound)
	later := make(map[string][]string, len(opts.Later))
	for lang, pages := range opts.Later {
		for _, p := range pages {
			later[lang] = append(later[lang], opts.Prefix+p)
		}
	}
	labelsJSON, err := json.Marshal(opts.LoadingLabels)
	if err != nil {
		return "", fmt.Errorf("the worker's loading labels: %w", err)
	}
	laterJSON, err := json.Marshal(later)
	if err != nil {
		return "", fmt.Errorf("the worker's pages kept later: %w", err)
	}
	script := workerTemplate
	for _, c := range []struct{ marker, value string }{
		{"/*calfsole:aliases*/{}", string(aliasJSON)},
		{`/*calfsole:notfound*/""`, string(notFoundJSON)},
		{"/*calfsole:later*/{}", string(laterJSON)},
		{"/*calfsole:labels*/{}", string(labelsJSON)},
	} {
		if strings.Count(script, c.marker) != 1 {
			return "", fmt.Errorf("the worker (app-worker.js) must hold %s once", c.marker)
		}
		script = strings.Replace(script, c.marker, c.value, 1)
	}
	return script, nil
}
