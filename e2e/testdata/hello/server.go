//go:build !wasm

package main

import (
	"context"
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
)

// serve takes the same flags as Calf & Sole's server and prints the same
// "running on http://..." line, which the benchmark reads.
func serve() {
	addr := flag.String("addr", "localhost:8000", "address to serve on")
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
		Pages:           []string{"/"},
		Name:            "Hello",
		ShortName:       "Hello",
		Title:           "Hello",
		Description:     "The smallest go-app app.",
		ThemeColor:      "#1f4e5f",
		BackgroundColor: "#1f4e5f",
	})
	if err != nil {
		log.Fatal(err)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("listening on %s: %v", *addr, err)
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 5 * time.Second}
	fmt.Printf("hello is running on http://%s\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
