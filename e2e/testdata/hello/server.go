//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/calfandsole/calfandsole/app/server"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve serves hello the way a go-app user does by default: go-app's own
// handler, page, loader (app.js) and service worker, the files under web/
// from the disk. One thing is added, as any real deployment does: app.wasm
// goes out brotli-compressed to browsers that take it, as Calf & Sole's
// does, so the benchmark compares the apps and their loading, not the
// compression. It takes the flags the benchmark gives Calf & Sole's
// server: -addr, -root and -precompress.
func serve() {
	addr := flag.String("addr", "localhost:8000", "address to serve on")
	root := flag.String("root", ".", "directory that holds web/")
	compress := flag.Bool("precompress", false, "write app.wasm.br and app.wasm.gz beside web/app.wasm, then exit")
	flag.Parse()
	wasm := filepath.Join(*root, "web", "app.wasm")
	if *compress {
		if err := server.Precompress(wasm); err != nil {
			log.Fatal(err)
		}
		return
	}

	h := &app.Handler{
		Name:        "Hello",
		ShortName:   "Hello",
		Title:       "Hello",
		Description: "The smallest go-app app.",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
	}
	h.Styles = styles
	// go-app serves web/ from the working directory by default.
	if err := os.Chdir(*root); err != nil {
		log.Fatal(err)
	}
	wasm = filepath.Join("web", "app.wasm")
	if fi, err := os.Stat(wasm); err == nil {
		h.WasmContentLength = fmt.Sprint(fi.Size())
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.HandleFunc("/web/app.wasm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			w.Header().Set("Content-Encoding", "br")
			w.Header().Set("Vary", "Accept-Encoding")
			http.ServeFile(w, r, wasm+".br")
			return
		}
		http.ServeFile(w, r, wasm)
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Hello is running on http://%s\n", ln.Addr())
	log.Fatal(http.Serve(ln, mux))
}
