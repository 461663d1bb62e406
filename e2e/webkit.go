//go:build !wasm

package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/calfandsole/calfandsole/e2e/webdriver"
)

// webkitHowTo says how to get what the WebKit tests need.
const webkitHowTo = "Run `make webkit` (as root it runs `apt-get install -y webkit2gtk-driver xvfb xauth dbus`)"

// WebKitPaths finds what runs WebKit for the tests: WebKitWebDriver
// ($WEBKIT_WEBDRIVER, else on PATH), WebKitGTK's MiniBrowser
// ($MINIBROWSER, else where Debian's libwebkit2gtk-4.1-0 puts it), and
// xvfb-run and dbus-run-session, since MiniBrowser has no headless mode.
// It says how to install them when one is missing.
func WebKitPaths() (driver, browser string, err error) {
	var missing []string
	driver = os.Getenv("WEBKIT_WEBDRIVER")
	if driver == "" {
		if driver, err = exec.LookPath("WebKitWebDriver"); err != nil {
			missing = append(missing, "WebKitWebDriver")
		}
	}
	browser = os.Getenv("MINIBROWSER")
	if browser == "" {
		found, _ := filepath.Glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser")
		if len(found) == 0 {
			missing = append(missing, "MiniBrowser")
		} else {
			browser = found[0]
		}
	}
	for _, name := range []string{"xvfb-run", "dbus-run-session", "xauth"} {
		if _, err := exec.LookPath(name); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return "", "", fmt.Errorf("WebKit not found (missing %s): the browser tests need it. %s, "+
			"or set WEBKIT_WEBDRIVER and MINIBROWSER to their paths", strings.Join(missing, ", "), webkitHowTo)
	}
	return driver, browser, nil
}

// webkitBus is the configuration of MiniBrowser's session bus: private,
// and with no services to start (a desktop portal would mount a file
// system in the profile).
const webkitBus = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// webkitEngine is WebKitGTK's MiniBrowser, on a virtual screen (Xvfb) with
// its own session bus, driven by WebKitWebDriver over W3C WebDriver.
type webkitEngine struct {
	proxy  *Proxy
	driver *exec.Cmd
	done   chan error
	s      *webdriver.Session
}

func startWebKit(dir string) (*webkitEngine, error) {
	driverPath, browser, err := WebKitPaths()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("finding a free port: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)

	// dbus-run-session gives MiniBrowser a session bus of its own, which
	// starts no services (no desktop portals); xvfb-run -a a free virtual
	// display. Its own process group, so Close ends all of them.
	run := filepath.Join(dir, "webkit-run")
	if err := os.MkdirAll(run, 0o700); err != nil {
		return nil, err
	}
	bus := filepath.Join(run, "bus.conf")
	if err := os.WriteFile(bus, []byte(webkitBus), 0o644); err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(dir, "webkit.log"))
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	cmd := exec.Command("dbus-run-session", "--config-file="+bus, "--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp",
		driverPath, "--host=127.0.0.1", "--port="+port)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_RUNTIME_DIR="+run, "NO_AT_BRIDGE=1", "GTK_USE_PORTAL=0")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	// What WebKit says goes to webkit.log beside the profile.
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting WebKitWebDriver %s: %w", driverPath, err)
	}
	w := &webkitEngine{driver: cmd, done: make(chan error, 1)}
	go func() { w.done <- cmd.Wait() }()
	if err := w.waitDriver("http://" + addr); err != nil {
		w.stopDriver()
		return nil, err
	}

	if w.proxy, err = StartProxy(); err != nil {
		w.stopDriver()
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w.s, err = webdriver.NewSession(ctx, "http://"+addr, map[string]any{
		"webkitgtk:browserOptions": map[string]any{"binary": browser, "args": []string{"--automation"}},
		// Every request, loopback too, through the recording proxy.
		"proxy": map[string]any{"proxyType": "manual", "httpProxy": strings.TrimPrefix(w.proxy.URL, "http://"), "noProxy": []string{}},
	})
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("starting MiniBrowser %s: %w", browser, err)
	}
	if err := w.s.SetTimeouts(ctx, 45*time.Second, 60*time.Second); err != nil {
		w.Close()
		return nil, err
	}
	if err := w.s.SetWindowSize(ctx, PhoneWidth, PhoneHeight); err != nil {
		w.Close()
		return nil, fmt.Errorf("making MiniBrowser phone-sized: %w", err)
	}
	return w, nil
}

// waitDriver waits until WebKitWebDriver answers at base.
func (w *webkitEngine) waitDriver(base string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-w.done:
			w.done <- err
			return fmt.Errorf("WebKitWebDriver exited before serving: %v", err)
		default:
		}
		if res, err := http.Get(base + "/status"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("WebKitWebDriver did not answer within 30s")
}

// stopDriver ends WebKitWebDriver, Xvfb and the session bus: their whole
// process group, gently first.
func (w *webkitEngine) stopDriver() {
	pgid := w.driver.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-w.done:
	case <-time.After(10 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-w.done
	}
	// MiniBrowser's helpers may outlive the driver by a moment.
	syscall.Kill(-pgid, syscall.SIGKILL)
}

func (w *webkitEngine) Name() string  { return WebKit }
func (w *webkitEngine) Proxy() *Proxy { return w.proxy }

// ctx is the time limit of one command.
func (w *webkitEngine) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 60*time.Second)
}

func (w *webkitEngine) Open(url string) error {
	ctx, cancel := w.ctx()
	defer cancel()
	if err := w.s.Navigate(ctx, url); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

func (w *webkitEngine) Reload() error {
	ctx, cancel := w.ctx()
	defer cancel()
	if err := w.s.Refresh(ctx); err != nil {
		return fmt.Errorf("reloading: %w", err)
	}
	return nil
}

func (w *webkitEngine) Eval(js string, out any) error {
	ctx, cancel := w.ctx()
	defer cancel()
	var text string
	if err := w.s.Execute(ctx, "return "+jsonOf(js)+";", nil, &text); err != nil {
		return fmt.Errorf("evaluating %s: %w", clip(js, 80), err)
	}
	return decodeJSON(js, text, out)
}

func (w *webkitEngine) Click(sel string) error {
	if err := steady(w, sel); err != nil {
		return err
	}
	ctx, cancel := w.ctx()
	defer cancel()
	e, err := w.s.FindElement(ctx, sel)
	if err == nil {
		err = w.s.Click(ctx, e)
	}
	if err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	return nil
}

func (w *webkitEngine) Type(sel, text string) error {
	ctx, cancel := w.ctx()
	defer cancel()
	e, err := w.s.FindElement(ctx, sel)
	if err == nil {
		err = w.s.Clear(ctx, e)
	}
	if err == nil {
		err = w.s.SendKeys(ctx, e, text)
	}
	if err != nil {
		return fmt.Errorf("typing into %s: %w", sel, err)
	}
	return nil
}

func (w *webkitEngine) Upload(sel, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	ctx, cancel := w.ctx()
	defer cancel()
	e, err := w.s.FindElement(ctx, sel)
	if err == nil {
		err = w.s.SendKeys(ctx, e, abs)
	}
	if err != nil {
		return fmt.Errorf("choosing %s in %s: %w", path, sel, err)
	}
	return nil
}

func (w *webkitEngine) Close() error {
	var err error
	if w.s != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = w.s.Delete(ctx)
		cancel()
	}
	w.stopDriver()
	if w.proxy != nil {
		w.proxy.Close()
	}
	return err
}
