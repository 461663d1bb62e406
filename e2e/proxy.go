//go:build !wasm

package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
)

// Proxy is the browser's only way out: an HTTP proxy that forwards requests
// to the app's own server, records every host the browser asks for, counts
// the bytes it passes, and can cut the network to test offline behaviour.
type Proxy struct {
	URL string

	ln       net.Listener
	srv      *http.Server
	offline  atomic.Bool
	bytes    atomic.Int64
	mu       sync.Mutex
	hosts    map[string]int
	requests []string
	refused  map[string]bool
	tr       *http.Transport
}

// StartProxy starts a recording proxy on a loopback port.
func StartProxy() (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("proxy: listen: %w", err)
	}
	p := &Proxy{
		URL:   "http://" + ln.Addr().String(),
		ln:    ln,
		hosts: make(map[string]int),
		// No proxy of its own, and no transparent decompression: the bytes
		// counted are the bytes on the wire.
		tr: &http.Transport{Proxy: nil, DisableCompression: true},
	}
	p.srv = &http.Server{Handler: p}
	go p.srv.Serve(ln)
	return p, nil
}

// Close stops the proxy.
func (p *Proxy) Close() {
	p.srv.Close()
	p.tr.CloseIdleConnections()
}

// SetOffline cuts (true) or restores (false) the network: while offline,
// every connection the browser makes is dropped without an answer.
func (p *Proxy) SetOffline(off bool) { p.offline.Store(off) }

// Refuse makes the server seem to refuse path from now on: the proxy
// answers 503 Service Unavailable for it, as a broken host would.
func (p *Proxy) Refuse(path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.refused == nil {
		p.refused = make(map[string]bool)
	}
	p.refused[path] = true
}

// Hosts returns every host the browser asked for, sorted.
func (p *Proxy) Hosts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var hs []string
	for h := range p.hosts {
		hs = append(hs, h)
	}
	sort.Strings(hs)
	return hs
}

// Requests returns the request lines seen so far ("GET http://host/path").
func (p *Proxy) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// Bytes returns the bytes of responses (headers and bodies, as sent)
// passed to the browser since the last ResetBytes.
func (p *Proxy) Bytes() int64 { return p.bytes.Load() }

// ResetBytes starts a new count of bytes.
func (p *Proxy) ResetBytes() { p.bytes.Store(0) }

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if r.Method == http.MethodConnect {
		host = r.RequestURI
	}
	p.mu.Lock()
	p.hosts[host]++
	p.requests = append(p.requests, r.Method+" "+r.URL.String())
	refused := p.refused[r.URL.Path]
	p.mu.Unlock()
	if refused {
		http.Error(w, "refused by the test", http.StatusServiceUnavailable)
		return
	}

	if p.offline.Load() || r.Method == http.MethodConnect {
		// Offline, or a tunnel to some other host: drop the connection, as
		// a dead network would.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		http.Error(w, "offline", http.StatusBadGateway)
		return
	}

	out := r.Clone(r.Context())
	out.RequestURI = ""
	out.Header.Del("Proxy-Connection")
	out.Header.Del("Proxy-Authorization")
	res, err := p.tr.RoundTrip(out)
	if err != nil {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	for k, vs := range res.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(res.StatusCode)
	var hdr countWriter
	res.Header.Write(&hdr)
	n, _ := io.Copy(w, res.Body)
	p.bytes.Add(int64(hdr) + int64(len("HTTP/1.1 \r\n\r\n")+len(res.Status)) + n)
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(b []byte) (int, error) {
	*c += countWriter(len(b))
	return len(b), nil
}
