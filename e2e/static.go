//go:build !wasm

package e2e

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// NginxPath finds nginx: $NGINX, else nginx on PATH or in /usr/sbin. It
// says how to install it when it is missing.
func NginxPath() (string, error) {
	if p := os.Getenv("NGINX"); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath("nginx"); err == nil {
		return p, nil
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx", nil
	}
	return "", errors.New("nginx not found: the static-hosting tests need it. Run `make nginx` " +
		"(as root it runs `apt-get install -y nginx`), or set NGINX to its path")
}

// mimeTypes is nginx's own list of file types, as a host installed from
// the OS packages uses it.
const mimeTypes = "/etc/nginx/mime.types"

// StaticServer is nginx serving a static export of the app (bin/pwa
// -static) under a path prefix, as any plain static host would: no
// rewrites, only a 404 page and the precompressed copies.
type StaticServer struct {
	// URL is the host, such as http://127.0.0.1:41234; the app is at
	// URL+Prefix+"/".
	URL    string
	Prefix string
	// Dir is the export.
	Dir string

	process
	logs string
}

// nginxConf serves www/ on a loopback port, as the README's example does
// over HTTPS. Paths under the prefix that are not there get the app's
// 404.html, as on GitHub Pages or Netlify.
const nginxConf = `daemon off;
master_process off;
worker_processes 1;
pid "{{tmp}}/nginx.pid";
error_log "{{tmp}}/error.log" warn;
events { worker_connections 256; }
http {
	include "{{mime}}";
	default_type application/octet-stream;
	access_log "{{tmp}}/access.log";
	client_body_temp_path "{{tmp}}/client_body";
	proxy_temp_path "{{tmp}}/proxy";
	fastcgi_temp_path "{{tmp}}/fastcgi";
	uwsgi_temp_path "{{tmp}}/uwsgi";
	scgi_temp_path "{{tmp}}/scgi";
	server {
		listen {{addr}};
		root "{{tmp}}/www";
		location {{prefix}}/ {
			gzip_static on;
			add_header Cache-Control "no-cache";
{{headers}}			error_page 404 {{prefix}}/404.html;
		}
	}
}
`

// StartStatic exports the app served from root/web into a new directory
// under tmp with the path prefix (such as "/calf-and-sole"), and serves it
// with nginx on a free loopback port until Stop. bin/pwa and web/app.wasm
// come from `make build`.
func StartStatic(tmp, root, prefix string) (*StaticServer, error) {
	exe, err := NginxPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(mimeTypes); err != nil {
		return nil, fmt.Errorf("nginx's %s is missing (reinstall nginx): %w", mimeTypes, err)
	}
	tmp, err = filepath.Abs(tmp)
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(RepoRoot, "bin", "pwa")
	dir := filepath.Join(tmp, "www", filepath.FromSlash(prefix))
	if out, err := exec.Command(bin, "-root", root, "-static", dir, "-prefix", prefix).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("exporting the app (run `make build` first): %v\n%s", err, out)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("finding a free port: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	headers, err := exportedHeaders(filepath.Join(dir, "_headers"))
	if err != nil {
		return nil, err
	}
	conf := strings.NewReplacer("{{tmp}}", tmp, "{{mime}}", mimeTypes, "{{addr}}", addr, "{{prefix}}", prefix, "{{headers}}", headers).Replace(nginxConf)
	confFile := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		return nil, err
	}

	cmd := exec.Command(exe, "-p", tmp, "-c", confFile, "-e", filepath.Join(tmp, "error.log"))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	s := &StaticServer{URL: "http://" + addr, Prefix: prefix, Dir: dir, logs: tmp}
	if err := s.start(cmd); err != nil {
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}

	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("nginx exited before serving: %v\n%s", err, s.ErrorLog())
		default:
		}
		if res, err := http.Get(s.URL + prefix + "/"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.Stop()
	return nil, fmt.Errorf("nginx did not serve %s/ within 20s\n%s", prefix, s.ErrorLog())
}

// ErrorLog returns what nginx logged as errors.
func (s *StaticServer) ErrorLog() string {
	b, _ := os.ReadFile(filepath.Join(s.logs, "error.log"))
	return string(b)
}

// exportedHeaders reads the export's _headers file (the security headers
// every response carries) and returns them as nginx add_header lines, so
// the static host sends what the export asks for, as a real host would.
func exportedHeaders(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("the export has no security headers: %w", err)
	}
	var out strings.Builder
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue // a comment or the path pattern
		}
		name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok || strings.ContainsAny(value, "\"\\") {
			return "", fmt.Errorf("%s: cannot read the header line %q", path, line)
		}
		fmt.Fprintf(&out, "\t\t\tadd_header %s \"%s\" always;\n", name, value)
	}
	if out.Len() == 0 {
		return "", fmt.Errorf("%s lists no headers", path)
	}
	return out.String(), nil
}
