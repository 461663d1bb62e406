//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/calfandsole/calfandsole/e2e"
)

// repoRoot finds the repository: the working directory or the nearest
// parent holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run the benchmark inside the repository: no go.mod found")
		}
		dir = parent
	}
}

// prepareOurs returns Calf & Sole as `make build` left it: bin/pwa serving
// a snapshot of web/ in root, so a rebuild during the benchmark does not
// change what is measured.
func prepareOurs(repo, root string) (*subject, error) {
	bin := filepath.Join(repo, "bin", "pwa")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("Calf & Sole: %w (run make build)", err)
	}
	if err := e2e.CopyTree(filepath.Join(repo, "web"), filepath.Join(root, "web")); err != nil {
		return nil, fmt.Errorf("Calf & Sole: copying web/: %w", err)
	}
	return &subject{
		name: "Calf & Sole",
		bin:  bin,
		root: root,
		in:   e2e.Interactive{Button: "#theme-toggle", Attr: "data-theme"},
	}, nil
}

// helloIcons are the icons the hello world's page and manifest name, so
// nothing is missing and nothing is asked of another host.
var helloIcons = []string{"icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg", "apple-touch-icon.png"}

// buildHello builds e2e/testdata/hello into dir the way the Makefile builds
// Calf & Sole: app.wasm with -trimpath -ldflags='-s -w', the server with
// -trimpath, app.wasm precompressed by the server. Not the Makefile's
// inlining flags (WASMGCFLAGS), which are Calf & Sole's own choice: the
// empty app stays what a go-app user gets by default. Its web/ holds the
// icons its page and manifest name. With page (HTML: one element), hello
// shows it, with Calf & Sole's stylesheet, instead of its heading.
func buildHello(repo, dir, page string) (*subject, error) {
	const pkg = "./e2e/testdata/hello"
	name := "hello world"
	var x, tags string
	if page != "" {
		tags = "withpage"
		name = "hello world, our home page"
		// cmd/go splits -ldflags like a shell; the page is one quoted
		// word, and go-app writes an apostrophe in text as &#39;.
		if strings.Contains(page, "'") {
			return nil, fmt.Errorf("%s: the page holds a ' and cannot be given to -ldflags", name)
		}
		x = " -X 'main.page=" + page + "'"
	}
	bin := filepath.Join(dir, "hello")
	web := filepath.Join(dir, "web")
	steps := []struct {
		env  []string
		name string
		args []string
	}{
		{nil, "go", []string{"build", "-trimpath", "-tags=" + tags, "-ldflags=" + x, "-o", bin, pkg}},
		{[]string{"GOOS=js", "GOARCH=wasm"}, "go", []string{"build", "-trimpath", "-tags=" + tags, "-ldflags=-s -w" + x, "-o", filepath.Join(web, "app.wasm"), pkg}},
		{nil, bin, []string{"-precompress", "-root", dir}},
	}
	for i, st := range steps {
		if i == 2 {
			// The files app/server needs beside app.wasm, before the
			// server first runs.
			if err := helloFiles(repo, web, page != ""); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		cmd := exec.Command(st.name, st.args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), st.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s: %s %v: %w\n%s", name, st.name, st.args, err, out)
		}
	}
	return &subject{
		name:     name,
		bin:      bin,
		root:     dir,
		in:       e2e.Interactive{Button: "#ping", Attr: "data-pinged"},
		rootOnly: true,
	}, nil
}

// homeShell returns the <div class="shell"> of the home page that Calf &
// Sole's server at url prerenders: the page hello shows for -only phases.
func homeShell(url string) (string, error) {
	resp, err := http.Get(url + "/")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	html := string(b)
	start := strings.Index(html, `<div class="shell">`)
	if start < 0 {
		return "", errors.New(`the home page has no <div class="shell">`)
	}
	depth := 0
	for i := start; i < len(html); i++ {
		switch {
		case strings.HasPrefix(html[i:], "<div"):
			depth++
		case strings.HasPrefix(html[i:], "</div>"):
			depth--
			if depth == 0 {
				return html[start : i+len("</div>")], nil
			}
		}
	}
	return "", errors.New(`the home page's <div class="shell"> does not end`)
}

// helloFiles writes the hello world's web/ beside its app.wasm.
func helloFiles(repo, web string, styled bool) error {
	icons := filepath.Join(web, "icons")
	if err := os.MkdirAll(icons, 0o755); err != nil {
		return err
	}
	if styled { // Calf & Sole's stylesheet, and the font it names
		if err := os.MkdirAll(filepath.Join(web, "fonts"), 0o755); err != nil {
			return err
		}
		for _, f := range []string{"styles.css", "fonts/points-hanzi.woff2"} {
			if err := e2e.CopyFile(filepath.Join(repo, "web", f), filepath.Join(web, f)); err != nil {
				return err
			}
		}
	}
	for _, name := range helloIcons {
		if err := e2e.CopyFile(filepath.Join(repo, "web", "icons", name), filepath.Join(icons, name)); err != nil {
			return err
		}
	}
	return nil
}
