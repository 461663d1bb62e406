//go:build !wasm

package e2e

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/calfandsole/calfandsole/e2e/bidi"
)

// FirefoxPath finds Firefox: $FIREFOX, else firefox-esr or firefox on
// PATH. It says how to install it when it is missing.
func FirefoxPath() (string, error) {
	if p := os.Getenv("FIREFOX"); p != "" {
		return p, nil
	}
	for _, name := range []string{"firefox-esr", "firefox"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Firefox not found: the browser tests need it. Run `make firefox` " +
		"(as root it runs `apt-get install -y firefox-esr`), or set FIREFOX to its path")
}

// firefoxPrefs sends every request, loopback too, through the recording
// proxy, and keeps Firefox's own background traffic (updates, telemetry,
// safe browsing, captive portal checks) quiet, so every request the proxy
// sees is the app's. The remote agent turns off much of it by itself.
const firefoxPrefs = `user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "{{host}}");
user_pref("network.proxy.http_port", {{port}});
user_pref("network.proxy.ssl", "{{host}}");
user_pref("network.proxy.ssl_port", {{port}});
user_pref("network.proxy.allow_hijacking_localhost", true);
user_pref("network.proxy.no_proxies_on", "");
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.blockedURIs.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("app.normandy.enabled", false);
user_pref("app.update.auto", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("browser.region.network.url", "");
user_pref("browser.search.update", false);
user_pref("messaging-system.rsexperimentloader.enabled", false);
user_pref("services.settings.server", "data:,#remote-settings-off/v1");
user_pref("browser.topsites.contile.enabled", false);
user_pref("browser.newtabpage.activity-stream.feeds.topsites", false);
user_pref("browser.newtabpage.activity-stream.feeds.section.topstories", false);
user_pref("media.gmp-manager.url", "data:,gmp-off");
user_pref("media.gmp-gmpopenh264.enabled", false);
user_pref("media.gmp-manager.updateEnabled", false);
user_pref("media.gmp-widevinecdm.enabled", false);
user_pref("media.eme.enabled", false);
user_pref("browser.ping-centre.telemetry", false);
user_pref("network.trr.mode", 5);
`

// firefoxEngine is Firefox, headless, driven over WebDriver BiDi on a
// websocket it opens itself.
type firefoxEngine struct {
	proxy   *Proxy
	cmd     *exec.Cmd
	done    chan error
	conn    *bidi.Conn
	context string // the page's browsing context
}

func startFirefox(dir string) (*firefoxEngine, error) {
	exe, err := FirefoxPath()
	if err != nil {
		return nil, err
	}
	f := &firefoxEngine{done: make(chan error, 1)}
	if f.proxy, err = StartProxy(); err != nil {
		return nil, err
	}
	host, port, _ := strings.Cut(strings.TrimPrefix(f.proxy.URL, "http://"), ":")
	profile := filepath.Join(dir, "firefox-profile")
	if err := os.MkdirAll(profile, 0o755); err != nil {
		f.proxy.Close()
		return nil, err
	}
	prefs := strings.NewReplacer("{{host}}", host, "{{port}}", port).Replace(firefoxPrefs)
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(prefs), 0o644); err != nil {
		f.proxy.Close()
		return nil, err
	}

	f.cmd = exec.Command(exe, "--headless", "--no-remote", "--profile", profile,
		"--remote-debugging-port", "0", "--window-size", fmt.Sprintf("%d,%d", PhoneWidth, PhoneHeight), "about:blank")
	// MOZ_REMOTE_SETTINGS_DEVTOOLS lets the prefs move Remote Settings off
	// Mozilla's server (services.settings.server above).
	f.cmd.Env = append(os.Environ(), "HOME="+dir, "MOZ_CRASHREPORTER_DISABLE=1", "MOZ_REMOTE_SETTINGS_DEVTOOLS=1")
	f.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := f.cmd.StderrPipe()
	if err != nil {
		f.proxy.Close()
		return nil, err
	}
	if err := f.cmd.Start(); err != nil {
		f.proxy.Close()
		return nil, fmt.Errorf("starting Firefox %s: %w", exe, err)
	}
	go func() { f.done <- f.cmd.Wait() }()

	// Firefox prints where it listens: "WebDriver BiDi listening on ws://...".
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if _, u, ok := strings.Cut(sc.Text(), "WebDriver BiDi listening on "); ok {
				urlc <- strings.TrimSpace(u)
				break
			}
		}
		// The rest of what Firefox says goes to firefox.log beside the profile.
		if log, err := os.Create(filepath.Join(dir, "firefox.log")); err == nil {
			io.Copy(log, out)
			log.Close()
		} else {
			io.Copy(io.Discard, out)
		}
	}()
	var ws string
	select {
	case ws = <-urlc:
	case err := <-f.done:
		f.done <- err
		f.Close()
		return nil, fmt.Errorf("Firefox %s exited before listening: %v", exe, err)
	case <-time.After(60 * time.Second):
		f.Close()
		return nil, fmt.Errorf("Firefox %s did not open WebDriver BiDi within 60s", exe)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if f.conn, err = bidi.Dial(ctx, ws+"/session"); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.conn.Call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, nil); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting a BiDi session with Firefox: %w", err)
	}
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := f.conn.Call(ctx, "browsingContext.getTree", map[string]any{"maxDepth": 0}, &tree); err != nil || len(tree.Contexts) == 0 {
		f.Close()
		return nil, fmt.Errorf("finding Firefox's tab (%d found): %v", len(tree.Contexts), err)
	}
	f.context = tree.Contexts[0].Context
	err = f.conn.Call(ctx, "browsingContext.setViewport", map[string]any{
		"context": f.context, "viewport": map[string]int{"width": PhoneWidth, "height": PhoneHeight},
	}, nil)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("making Firefox phone-sized: %w", err)
	}
	return f, nil
}

func (f *firefoxEngine) Name() string  { return Firefox }
func (f *firefoxEngine) Proxy() *Proxy { return f.proxy }

// call sends one BiDi command with a time limit.
func (f *firefoxEngine) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	return f.conn.Call(ctx, method, params, result)
}

func (f *firefoxEngine) Open(url string) error {
	err := f.call("browsingContext.navigate", map[string]any{"context": f.context, "url": url, "wait": "complete"}, nil)
	if err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

func (f *firefoxEngine) Reload() error {
	if err := f.call("browsingContext.reload", map[string]any{"context": f.context, "wait": "complete"}, nil); err != nil {
		return fmt.Errorf("reloading: %w", err)
	}
	return nil
}

// remoteValue is the part of a BiDi script result the harness reads.
type remoteValue struct {
	Type     string `json:"type"`
	Value    any    `json:"value"`
	SharedID string `json:"sharedId"`
}

// evaluate evaluates js in the page and returns its (awaited) value.
func (f *firefoxEngine) evaluate(js string, await bool) (remoteValue, error) {
	var res struct {
		Type             string      `json:"type"`
		Result           remoteValue `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := f.call("script.evaluate", map[string]any{
		"expression": js, "target": map[string]any{"context": f.context}, "awaitPromise": await,
	}, &res)
	if err != nil {
		return remoteValue{}, fmt.Errorf("evaluating %s: %w", clip(js, 80), err)
	}
	if res.Type == "exception" {
		return remoteValue{}, fmt.Errorf("evaluating %s: %s", clip(js, 80), res.ExceptionDetails.Text)
	}
	return res.Result, nil
}

func (f *firefoxEngine) Eval(js string, out any) error {
	v, err := f.evaluate(jsonOf(js), true)
	if err != nil {
		return err
	}
	text, ok := v.Value.(string)
	if !ok {
		return fmt.Errorf("evaluating %s: got a %s, not JSON text", clip(js, 80), v.Type)
	}
	return decodeJSON(js, text, out)
}

// element returns a reference to the element matching sel.
func (f *firefoxEngine) element(sel string) (map[string]string, error) {
	v, err := f.evaluate(fmt.Sprintf("document.querySelector(%q)", sel), false)
	if err != nil {
		return nil, err
	}
	if v.Type != "node" || v.SharedID == "" {
		return nil, fmt.Errorf("no element %s on the page", sel)
	}
	return map[string]string{"sharedId": v.SharedID}, nil
}

func (f *firefoxEngine) Click(sel string) error {
	if err := steady(f, sel); err != nil {
		return err
	}
	el, err := f.element(sel)
	if err == nil {
		err = f.call("input.performActions", map[string]any{"context": f.context, "actions": []any{
			map[string]any{"type": "pointer", "id": "finger", "parameters": map[string]string{"pointerType": "mouse"},
				"actions": []any{
					map[string]any{"type": "pointerMove", "x": 0, "y": 0, "origin": map[string]any{"type": "element", "element": el}},
					map[string]any{"type": "pointerDown", "button": 0},
					map[string]any{"type": "pointerUp", "button": 0},
				}},
		}}, nil)
	}
	if err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	return nil
}

func (f *firefoxEngine) Type(sel, text string) error {
	// Focused with its text selected, what is typed replaces it.
	var ok bool
	err := f.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false; e.focus(); e.select(); return true; })()`, sel), &ok)
	if err == nil && !ok {
		err = errors.New("no such field on the page")
	}
	if err == nil {
		keys := []any{}
		if text == "" {
			keys = append(keys, map[string]any{"type": "keyDown", "value": "\uE003"}, map[string]any{"type": "keyUp", "value": "\uE003"})
		}
		for _, r := range text {
			keys = append(keys, map[string]any{"type": "keyDown", "value": string(r)}, map[string]any{"type": "keyUp", "value": string(r)})
		}
		err = f.call("input.performActions", map[string]any{"context": f.context, "actions": []any{
			map[string]any{"type": "key", "id": "keyboard", "actions": keys},
		}}, nil)
	}
	if err != nil {
		return fmt.Errorf("typing into %s: %w", sel, err)
	}
	return nil
}

func (f *firefoxEngine) Upload(sel, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	el, err := f.element(sel)
	if err == nil {
		err = f.call("input.setFiles", map[string]any{"context": f.context, "element": el, "files": []string{abs}}, nil)
	}
	if err != nil {
		return fmt.Errorf("choosing %s in %s: %w", path, sel, err)
	}
	return nil
}

func (f *firefoxEngine) Close() error {
	if f.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		f.conn.Call(ctx, "browser.close", nil, nil)
		cancel()
		f.conn.Close()
	}
	if f.cmd != nil && f.cmd.Process != nil {
		select {
		case <-f.done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-f.cmd.Process.Pid, syscall.SIGKILL)
			<-f.done
		}
		syscall.Kill(-f.cmd.Process.Pid, syscall.SIGKILL) // its content processes
	}
	if f.proxy != nil {
		f.proxy.Close()
	}
	return nil
}
