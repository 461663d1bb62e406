//go:build !wasm

// Package server serves the Calf & Sole app: the go-app page handler with
// the app's own service worker, the files under web/ with precompressed
// WebAssembly, and the headers every response carries. It is server-only and
// never part of app.wasm.
//
//   - server.go, main.go: Options, New and the command line (Main).
//   - rendered.go: every page and go-app file rendered once per version,
//     kept with a gzip copy; go-app's loader handed to web/boot.js.
//   - files.go, compress.go, headers.go: what is served from web/, brotli
//     and gzip, security headers and caching.
//   - static.go: the whole app as static files for any static host.
//   - app-worker.js: the service worker template.
package server
