//go:build !wasm

package e2e

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// RepoRoot is the repository root, seen from the e2e package directory.
const RepoRoot = ".."

// Server is a running Calf & Sole server process (bin/pwa).
type Server struct {
	// URL is where it serves, such as http://127.0.0.1:41234.
	URL string
	// Root is the directory whose web/ it serves.
	Root string

	process
}

// process is a command the harness started, and stops.
type process struct {
	cmd  *exec.Cmd
	done chan error // the result of cmd.Wait
	once sync.Once
	err  error // how it ended, once stopped
}

// start starts cmd and watches for its end.
func (p *process) start(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	p.cmd, p.done = cmd, make(chan error, 1)
	go func() { p.done <- cmd.Wait() }()
	return nil
}

// Stop interrupts the process, which stops gracefully, and waits for it to
// exit; after 10 s it kills it.
func (p *process) Stop() { p.Shutdown() }

// Shutdown stops the process as Stop does and says how it ended: nil for
// a clean exit.
func (p *process) Shutdown() error {
	p.once.Do(func() {
		p.cmd.Process.Signal(os.Interrupt)
		select {
		case p.err = <-p.done:
		case <-time.After(10 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
			p.err = errors.New("it did not stop within 10 s of SIGINT and was killed")
		}
	})
	return p.err
}

// StartServer runs bin/pwa on addr ("127.0.0.1:0" for any free port),
// serving root/web with the browser tests' hooks (web/testhooks.js). The
// binary and web/app.wasm come from `make build`.
func StartServer(root, addr string) (*Server, error) {
	bin := filepath.Join(RepoRoot, "bin", "pwa")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("server binary %s missing: run `make build` first: %w", bin, err)
	}
	return StartServerBin(bin, root, addr, "-test-hooks")
}

// StartServerBin runs the server binary bin with -root root -addr addr
// and flags
// ("127.0.0.1:0" for any free port) and waits for the line
// "... running on http://host:port" it prints once it serves. Calf &
// Sole's bin/pwa and the benchmark's hello world both print it.
func StartServerBin(bin, root, addr string, flags ...string) (*Server, error) {
	cmd := exec.Command(bin, append([]string{"-root", root, "-addr", addr}, flags...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("server stdout: %w", err)
	}
	s := &Server{Root: root}
	if err := s.start(cmd); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if _, u, ok := strings.Cut(sc.Text(), "running on "); ok {
				urlc <- u
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case s.URL = <-urlc:
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("%s exited before serving: %v", bin, err)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		return nil, fmt.Errorf("%s did not start within 20s", bin)
	}
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return strings.TrimPrefix(s.URL, "http://") }

// CopyWeb copies the repository's web/ into a new directory under dir and
// returns that directory as a server root, so a test can change what is
// served without touching the repository.
func CopyWeb(dir string) (string, error) {
	if err := CopyTree(filepath.Join(RepoRoot, "web"), filepath.Join(dir, "web")); err != nil {
		return "", fmt.Errorf("copying web/: %w", err)
	}
	return dir, nil
}

// CopyTree copies the directory src to dst, keeping modification times
// (the server only serves precompressed copies newer than their original).
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return CopyFile(p, filepath.Join(dst, rel))
	})
}

// CopyFile copies src to dst with src's modification time.
func CopyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}
