//go:build wasm

package main

// serve is never reached in the browser: app.RunWhenOnBrowser does not
// return there. The server lives in server.go, out of app.wasm.
func serve() {}
