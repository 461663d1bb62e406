//go:build !wasm

package main

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
	"syscall"
	"time"

	"github.com/calfandsole/calfandsole/app/server"
	"github.com/calfandsole/calfandsole/app/ui"
	"github.com/calfandsole/calfandsole/content"
)

func serve(lib *content.Library) {
	addr := flag.String("addr", envOr("CALFSOLE_ADDR", "localhost:8000"), "address to serve on (env CALFSOLE_ADDR)")
	root := flag.String("root", ".", "directory that holds web/")
	compress := flag.Bool("precompress", false, "write app.wasm.br and app.wasm.gz beside web/app.wasm, then exit")
	flag.Parse()

	if *compress {
		if err := server.Precompress(*root + "/web/app.wasm"); err != nil {
			log.Fatal(err)
		}
		return
	}

	site, err := server.New(server.Options{
		Root:            *root,
		Pages:           ui.Pages(lib),
		NotFound:        ui.PathNotFound,
		Name:            "Calf & Sole: night cramps and heel pain",
		ShortName:       "Calf & Sole",
		Title:           "Calf & Sole",
		Description:     "Bedtime self-care for night leg cramps and heel pain, from a traditional Chinese medicine article. Works offline.",
		ThemeColor:      "#1f4e5f",
		BackgroundColor: "#1f4e5f",
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := run(*addr, site); err != nil {
		log.Fatal(err)
	}
}

// run serves site on addr until SIGINT or SIGTERM, then shuts down
// gracefully.
func run(addr string, site http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           site,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	fmt.Printf("Calf & Sole is running on http://%s\n", ln.Addr())

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

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
