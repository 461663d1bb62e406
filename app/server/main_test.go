//go:build !wasm

package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestServerLimits checks that the server runs with every timeout and a cap
// on header size, and sensible ones.
func TestServerLimits(t *testing.T) {
	srv := newHTTPServer(http.NotFoundHandler(), serverLimits)
	for _, c := range []struct {
		name     string
		got      time.Duration
		min, max time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, time.Second, 10 * time.Second},
		{"ReadTimeout", srv.ReadTimeout, srv.ReadHeaderTimeout, time.Minute},
		// app.wasm, a few MB, must reach a slow phone.
		{"WriteTimeout", srv.WriteTimeout, 30 * time.Second, 5 * time.Minute},
		{"IdleTimeout", srv.IdleTimeout, 10 * time.Second, 5 * time.Minute},
	} {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s is %v, want between %v and %v", c.name, c.got, c.min, c.max)
		}
	}
	if n := srv.MaxHeaderBytes; n < 8<<10 || n > 64<<10 {
		t.Errorf("MaxHeaderBytes is %d, want between 8 KB and 64 KB", n)
	}
	if !srv.DisableGeneralOptionsHandler {
		t.Error(`"OPTIONS *" is answered by net/http, without the site's headers`)
	}
}

// TestSlowClients checks the timeouts against clients that take too long:
// one sending its headers a byte at a time (slowloris) is cut off by the
// read-header timeout however steadily it sends, while one that sends a
// little slowly but in time is served, and a kept-alive connection that
// stays idle is closed.
func TestSlowClients(t *testing.T) {
	var served atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		io.WriteString(w, "served")
	})
	l := limits{ReadHeader: time.Second, Read: 3 * time.Second, Write: 3 * time.Second, Idle: time.Second, MaxHeaderBytes: 16 << 10}
	addr := serve(t, h, l)
	head := "GET / HTTP/1.1\r\nHost: localhost\r\n"

	t.Run("slowloris", func(t *testing.T) {
		before := served.Load()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		closed := make(chan time.Duration, 1)
		go func() {
			io.Copy(io.Discard, conn) // returns when the server closes
			closed <- time.Since(start)
		}()
		// A header that never ends, one byte every 50 ms, for up to 10 s.
		slow := head + "X-Slow: " + strings.Repeat("a", 200)
		var cut time.Duration
	send:
		for i := 0; ; i++ {
			select {
			case cut = <-closed:
				break send
			case <-time.After(50 * time.Millisecond):
			}
			if time.Since(start) > 10*time.Second {
				t.Fatal("the server still listens to a slowloris client after 10 s")
			}
			conn.Write([]byte{slow[i%len(slow)]})
		}
		if cut < l.ReadHeader/2 || cut > l.ReadHeader+2*time.Second {
			t.Errorf("cut off after %v, want about the read-header timeout, %v", cut, l.ReadHeader)
		}
		if served.Load() != before {
			t.Error("the slowloris request was served")
		}
	})

	t.Run("slow but in time", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		for _, b := range []byte(head + "\r\n") {
			conn.Write([]byte{b})
			time.Sleep(3 * time.Millisecond) // about 0.15 s in all
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("no answer: %v", err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("status %d, want 200", res.StatusCode)
		}
	})

	t.Run("idle keep-alive", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		io.WriteString(conn, head+"\r\n")
		rd := bufio.NewReader(conn)
		res, err := http.ReadResponse(rd, nil)
		if err != nil {
			t.Fatalf("no answer: %v", err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		start := time.Now()
		if _, err := rd.ReadByte(); !errors.Is(err, io.EOF) {
			t.Fatalf("reading the idle connection: %v, want the server to close it", err)
		}
		if idle := time.Since(start); idle > l.Idle+2*time.Second {
			t.Errorf("idle connection closed after %v, want about %v", idle, l.Idle)
		}
	})
}

// helperEnv makes the test binary, run again by TestGracefulShutdown, serve
// as the server command does instead of running the tests.
const helperEnv = "CALFSOLE_SHUTDOWN_HELPER"

// slowRequest is how long the helper's /slow takes to answer.
const slowRequest = 1500 * time.Millisecond

// TestShutdownHelper is the server of TestGracefulShutdown, in its own
// process: it serves with run, as Main does, and exits 0 only if run
// returns no error.
func TestShutdownHelper(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("run by TestGracefulShutdown")
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "started\n")
		w.(http.Flusher).Flush()
		time.Sleep(slowRequest)
		io.WriteString(w, "finished\n")
	})
	if err := run("127.0.0.1:0", "Helper", h); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestGracefulShutdown runs the server in another process, sends it
// SIGTERM or SIGINT while a request is in flight, and checks that it stops
// taking connections at once, finishes the request, and exits 0 promptly.
func TestGracefulShutdown(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestShutdownHelper$")
			cmd.Env = append(os.Environ(), helperEnv+"=1")
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			done := make(chan struct{})
			go func() {
				exited <- cmd.Wait()
				close(done)
			}()
			defer func() {
				cmd.Process.Kill()
				<-done
			}()

			addrc := make(chan string, 1)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					if _, u, ok := strings.Cut(sc.Text(), "running on http://"); ok {
						addrc <- u
					}
				}
			}()
			var addr string
			select {
			case addr = <-addrc:
			case err := <-exited:
				t.Fatalf("the server exited before serving: %v", err)
			case <-time.After(20 * time.Second):
				t.Fatal("the server did not start within 20 s")
			}

			res, err := http.Get("http://" + addr + "/slow")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			rd := bufio.NewReader(res.Body)
			if line, err := rd.ReadString('\n'); err != nil || line != "started\n" {
				t.Fatalf("the slow request did not start: %q, %v", line, err)
			}
			signalled := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}

			// New connections are refused while the request finishes.
			refused := false
			for time.Since(signalled) < slowRequest/2 {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					refused = true
					break
				}
				c.Close()
				time.Sleep(20 * time.Millisecond)
			}
			if !refused {
				t.Errorf("still taking connections %v after %s", slowRequest/2, sig)
			}

			rest, err := io.ReadAll(rd)
			if err != nil || string(rest) != "finished\n" {
				t.Errorf("the request in flight did not finish: %q, %v", rest, err)
			}
			select {
			case err := <-exited:
				if err != nil {
					t.Errorf("after %s the server exited with %v, want status 0", sig, err)
				}
				if took := time.Since(signalled); took > slowRequest+3*time.Second {
					t.Errorf("the server took %v to exit after %s", took, sig)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("the server still runs 10 s after %s", sig)
			}
		})
	}
}

// serve runs h on a loopback port with the limits l until the test ends.
func serve(t *testing.T, h http.Handler, l limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(h, l)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}
