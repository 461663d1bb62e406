//go:build !wasm

package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Main is a server command's whole life: it reads the flags -addr (default
// env CALFSOLE_ADDR, else localhost:8000), -root, -precompress, -static,
// -prefix and -test-hooks, then either precompresses app.wasm, writes the app as static
// files (Export), or serves the app until SIGINT or SIGTERM.
// It prints "<name> is running on http://<addr>" once it listens, which
// the browser tests read.
func Main(opts Options) {
	addr := flag.String("addr", envOr("CALFSOLE_ADDR", "localhost:8000"), "address to serve on (env CALFSOLE_ADDR)")
	root := flag.String("root", ".", "directory that holds web/")
	compress := flag.Bool("precompress", false, "write app.wasm.br and app.wasm.gz beside web/app.wasm, then exit")
	static := flag.String("static", "", "write the app as static files into this directory (empty or absent), then exit")
	prefix := flag.String("prefix", "", "with -static: the path a static host serves the app under, such as /calf-and-sole (default the root)")
	flag.BoolVar(&opts.TestHooks, "test-hooks", false, "add web/testhooks.js to every page, for the browser tests")
	flag.Parse()

	if *compress {
		if err := Precompress(filepath.Join(*root, "web", "app.wasm")); err != nil {
			log.Fatal(err)
		}
		return
	}
	opts.Root = *root
	if *static != "" {
		if opts.Prefix = strings.Trim(*prefix, "/"); opts.Prefix != "" {
			opts.Prefix = "/" + opts.Prefix
		}
		if err := Export(*static, opts); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: the app is in %s, for a static host to serve at %s/\n", opts.ShortName, *static, opts.Prefix)
		return
	}
	if *prefix != "" {
		log.Fatal("-prefix is for -static: the server serves the app at the root")
	}
	site, err := New(opts)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(*addr, opts.ShortName, site); err != nil {
		log.Fatal(err)
	}
}

// run serves site on addr until SIGINT or SIGTERM, then shuts down
// gracefully.
func run(addr, name string, site http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := newHTTPServer(site, serverLimits)
	fmt.Printf("%s is running on http://%s\n", name, ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}

// limits bound what one connection may take from the server.
type limits struct {
	// ReadHeader is how long a client has to send a request's headers;
	// it cuts off a client that sends them byte by byte (slowloris).
	ReadHeader time.Duration
	// Read is how long a client has to send a whole request.
	Read time.Duration
	// Write is how long a response may take to send (app.wasm to a slow
	// phone is the longest).
	Write time.Duration
	// Idle is how long a kept-alive connection may wait for its next
	// request.
	Idle time.Duration
	// MaxHeaderBytes caps the request line and headers together.
	MaxHeaderBytes int
}

// serverLimits are the limits the server runs with.
var serverLimits = limits{
	ReadHeader:     5 * time.Second,
	Read:           10 * time.Second,
	Write:          60 * time.Second,
	Idle:           120 * time.Second,
	MaxHeaderBytes: 16 << 10,
}

// newHTTPServer returns the HTTP server for h with the limits l. It hands
// "OPTIONS *" to h too, so that every answer carries the site's headers.
func newHTTPServer(h http.Handler, l limits) *http.Server {
	return &http.Server{
		Handler:                      h,
		ReadHeaderTimeout:            l.ReadHeader,
		ReadTimeout:                  l.Read,
		WriteTimeout:                 l.Write,
		IdleTimeout:                  l.Idle,
		MaxHeaderBytes:               l.MaxHeaderBytes,
		DisableGeneralOptionsHandler: true,
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
