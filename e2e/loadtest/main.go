//go:build !wasm

// Command loadtest loads the Calf & Sole server with requests and prints,
// for the page and for the brotli app.wasm, the requests per second, the
// median and 99th-percentile latency, the megabytes per second and the
// errors: any status but 200, a wrong encoding or length, or a failed
// connection. It exits non-zero on any error.
//
// It starts the built server (bin/pwa, from `make build`) itself on a free
// loopback port, or loads one already running with -url, which must be on
// a loopback address: it never sends load to another machine. Each target
// is loaded for -time by -clients clients that keep their connections
// alive. Run it from the repository (`make loadtest`).
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/calfandsole/calfandsole/e2e"
)

func main() {
	bin := flag.String("bin", filepath.Join("bin", "pwa"), "server binary to start")
	root := flag.String("root", ".", "directory that holds web/")
	serverURL := flag.String("url", "", "load this running server instead (loopback addresses only)")
	length := flag.Duration("time", 10*time.Second, "how long to load each target")
	clients := flag.Int("clients", 16, "number of concurrent clients")
	flag.Parse()
	if *clients < 1 || *length <= 0 {
		fmt.Fprintln(os.Stderr, "loadtest: -clients and -time must be positive")
		os.Exit(2)
	}
	if err := run(*bin, *root, *serverURL, *length, *clients); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// target is one URL under load and what each answer must be.
type target struct {
	name, path, accept string
	// encoding is the Content-Encoding each answer must have.
	encoding string
	// size is the length each body must have, as sent; 0 takes the first
	// answer's.
	size int64
	// gunzip checks the length of the body once decoded instead: the page,
	// gzipped on the fly, differs in size from one answer to the next
	// (go-app writes a tag's attributes in no fixed order).
	gunzip bool
}

func run(bin, root, serverURL string, length time.Duration, clients int) (err error) {
	br, err := os.Stat(filepath.Join(root, "web", "app.wasm.br"))
	if err != nil {
		return fmt.Errorf("the brotli app.wasm is missing (run make build): %w", err)
	}
	if serverURL == "" {
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("server binary %s missing (run make build): %w", bin, err)
		}
		srv, err := e2e.StartServerBin(bin, root, "127.0.0.1:0")
		if err != nil {
			return err
		}
		defer func() {
			// A server that does not exit cleanly is an error.
			if stopErr := srv.Shutdown(); err == nil && stopErr != nil {
				err = fmt.Errorf("the server stopped badly: %w", stopErr)
			}
		}()
		serverURL = srv.URL
	}
	if err := checkLoopback(serverURL); err != nil {
		return err
	}

	targets := []target{
		// The page, as a browser asks for it: gzip, compressed on the fly.
		{name: "page /", path: "/", accept: "gzip, deflate, br", encoding: "gzip", gunzip: true},
		{name: "app.wasm (br)", path: "/web/app.wasm", accept: "br", encoding: "br", size: br.Size()},
	}
	fmt.Printf("Loading %s with %d keep-alive clients for %v per target.\n\n", serverURL, clients, length)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\trequests\treq/s\tp50\tp99\tMB/s\terrors\t")
	var failed []string
	for _, tg := range targets {
		r, err := load(serverURL, tg, length, clients)
		if err != nil {
			return fmt.Errorf("%s: %w", tg.name, err)
		}
		secs := r.elapsed.Seconds()
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t%s\t%.1f\t%d\t\n", tg.name, len(r.latencies), float64(len(r.latencies))/secs,
			round(percentile(r.latencies, 50)), round(percentile(r.latencies, 99)), float64(r.bytes)/secs/1e6, r.errors)
		for _, e := range r.firstErrors {
			failed = append(failed, tg.name+": "+e)
		}
	}
	tw.Flush()
	if len(failed) > 0 {
		fmt.Println()
		return fmt.Errorf("errors under load:\n  %s", strings.Join(failed, "\n  "))
	}
	return nil
}

// result is what one target's load gave.
type result struct {
	elapsed     time.Duration
	latencies   []time.Duration // one per request
	bytes       int64           // sent by the server, as sent
	errors      int
	firstErrors []string // the first few, for the report
}

// load runs clients clients against one target for length.
func load(serverURL string, tg target, length time.Duration, clients int) (result, error) {
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			// The body is checked as sent, not decoded on the way.
			DisableCompression:  true,
			MaxIdleConnsPerHost: clients,
			MaxConnsPerHost:     clients,
			Proxy:               nil, // straight to the server
		},
	}
	defer client.CloseIdleConnections()
	// A first answer, outside the figures, warms up the server and gives
	// the length every answer must have when it is not known.
	var warm int64
	size, err := fetch(client, serverURL, tg, &warm)
	if err != nil {
		return result{}, fmt.Errorf("first request: %w", err)
	}
	if tg.size == 0 {
		tg.size = size
	}

	var (
		mu  sync.Mutex
		all result
		wg  sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(length)
	for range clients {
		wg.Go(func() {
			var mine result
			for time.Now().Before(deadline) {
				t0 := time.Now()
				_, err := fetch(client, serverURL, tg, &mine.bytes)
				mine.latencies = append(mine.latencies, time.Since(t0))
				if err != nil {
					mine.errors++
					if len(mine.firstErrors) < 3 {
						mine.firstErrors = append(mine.firstErrors, err.Error())
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			all.latencies = append(all.latencies, mine.latencies...)
			all.bytes += mine.bytes
			all.errors += mine.errors
			if len(all.firstErrors) < 5 {
				all.firstErrors = append(all.firstErrors, mine.firstErrors...)
			}
		})
	}
	wg.Wait()
	all.elapsed = time.Since(start)
	slices.Sort(all.latencies)
	return all, nil
}

// fetch asks for the target once, reads the whole body and checks the
// answer: status 200, the encoding wanted, a body that matches its
// Content-Length and, when known, the size wanted (decoded, for gunzip).
// It returns the length that is checked against the size wanted, and
// adds the bytes sent to *wire.
func fetch(client *http.Client, serverURL string, tg target, wire *int64) (int64, error) {
	req, err := http.NewRequest(http.MethodGet, serverURL+tg.path, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept-Encoding", tg.accept)
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	counted := &countReader{r: res.Body}
	var body io.Reader = counted
	if tg.gunzip && res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(counted)
		if err != nil {
			return 0, fmt.Errorf("gzip body: %w", err)
		}
		body = zr
	}
	n, err := io.Copy(io.Discard, body)
	*wire += counted.n
	switch {
	case err != nil:
		return n, fmt.Errorf("reading the body: %w", err)
	case res.StatusCode != http.StatusOK:
		return n, fmt.Errorf("status %d", res.StatusCode)
	case res.Header.Get("Content-Encoding") != tg.encoding:
		return n, fmt.Errorf("Content-Encoding %q, want %q", res.Header.Get("Content-Encoding"), tg.encoding)
	case res.ContentLength >= 0 && res.ContentLength != counted.n:
		return n, fmt.Errorf("%d bytes, Content-Length %d", counted.n, res.ContentLength)
	case tg.size != 0 && n != tg.size:
		return n, fmt.Errorf("%d bytes, want %d", n, tg.size)
	}
	return n, nil
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// percentile returns the p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(i, len(sorted))-1)]
}

// round shortens a latency for the table.
func round(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= 100*time.Microsecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// checkLoopback refuses any server that is not on this machine's loopback
// interface: a load test is never sent to another machine.
func checkLoopback(serverURL string) error {
	u, err := url.Parse(serverURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("%q is not an http:// address", serverURL)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s is not a loopback address: the load test only loads this machine", host)
	}
	return nil
}
