//go:build !wasm

// Package e2e drives the real app in headless Chromium, the way a person
// would: it starts the server, opens a fresh browser profile whose traffic
// all goes through a recording proxy, goes offline, taps, types and reads
// the screen. The browser tests beside it and the benchmark (e2e/bench)
// are built on it.
package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Phone is the screen size the app is designed and tested for.
const (
	PhoneWidth  = 390
	PhoneHeight = 844
)

// ChromiumPath finds Chromium: $CHROMIUM, else chromium or its usual other
// names on PATH. It says how to install it when it is missing.
func ChromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Chromium not found: the browser tests need it. Run `make chromium` " +
		"(as root it runs `apt-get install -y chromium`), or set CHROMIUM to its path")
}

// browserSink is the unroutable address Chromium's own services (sign-in,
// component updates) are pointed at, so they neither reach the internet
// nor pass for the app's requests.
const browserSink = "0.0.0.0"

// browserUpdates is where Chromium downloads its own components from,
// whatever the flags say; it is not the app, and it is never reached.
const browserUpdates = "*.gvt1.com"

// Browser is one headless Chromium with a fresh, empty profile, whose every
// request goes through Proxy.
type Browser struct {
	Proxy *Proxy

	allocCtx    context.Context
	cancelAlloc context.CancelFunc
	ctx         context.Context // the first tab; keeps the browser alive
	cancel      context.CancelFunc
}

// NewBrowser starts Chromium with a new profile in profileDir.
func NewBrowser(profileDir string) (*Browser, error) {
	exe, err := ChromiumPath()
	if err != nil {
		return nil, err
	}
	proxy, err := StartProxy()
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profileDir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(PhoneWidth, PhoneHeight),
		chromedp.ProxyServer(proxy.URL),
		// Send loopback traffic through the proxy too, so it sees all, but
		// for the sink where Chromium's own background services are sent
		// (see below), which fails at once.
		chromedp.Flag("proxy-bypass-list", "<-loopback>;"+browserSink+";"+browserUpdates),
		// Chromium's own component downloads (update servers it knows by
		// name) go nowhere.
		chromedp.Flag("host-resolver-rules", "MAP "+browserUpdates+" ~NOTFOUND"),
		chromedp.Flag("disable-quic", true),
		// Keep Chromium's own background traffic (updates, time, hints,
		// sign-in) quiet, so every request the proxy sees is the app's.
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,OptimizationHints,OptimizationHintsFetching,"+
			"OptimizationGuideModelDownloading,NetworkTimeServiceQuerying,MediaRouter,DialMediaRouteProvider,"+
			"AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,"+
			"OptimizationGuideOnDeviceModel,DownloadBubble,DownloadBubbleV2"),
		chromedp.Flag("safebrowsing-disable-download-protection", true),
		chromedp.Flag("no-service-autorun", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-signin-frame-client-certs", true),
		chromedp.Flag("google-base-url", "http://"+browserSink),
		chromedp.Flag("gaia-url", "http://"+browserSink),
		chromedp.Flag("component-updater", "url-source=http://"+browserSink),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		proxy.Close()
		return nil, fmt.Errorf("starting Chromium %s: %w", exe, err)
	}
	b := &Browser{Proxy: proxy, allocCtx: allocCtx, cancelAlloc: cancelAlloc, ctx: ctx, cancel: cancel}
	if err := b.FirstTab().phone(); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Close stops Chromium and the proxy.
func (b *Browser) Close() {
	b.cancel()
	b.cancelAlloc()
	b.Proxy.Close()
}

// FirstTab returns the tab Chromium opened with.
func (b *Browser) FirstTab() *Tab { return &Tab{ctx: b.ctx} }

// NewTab opens a new tab in the same profile, as a person would with the
// app already installed.
func (b *Browser) NewTab() (*Tab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	t := &Tab{ctx: ctx, cancel: cancel}
	if err := t.phone(); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// phone makes the tab a 390x844 portrait phone screen.
func (t *Tab) phone() error {
	if err := t.Do(5*time.Second, chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulatePortrait, chromedp.EmulateMobile)); err != nil {
		return fmt.Errorf("emulating a phone screen: %w", err)
	}
	return nil
}

// Tab is one browser tab.
type Tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	// media holds the emulated media features (colour scheme, motion).
	media map[string]string
}

// Close closes the tab (not the first one).
func (t *Tab) Close() {
	if t.cancel != nil {
		t.cancel()
	}
}

// Context returns the tab's chromedp context, for actions the harness does
// not wrap.
func (t *Tab) Context() context.Context { return t.ctx }

// Do runs chromedp actions in the tab, in order, with a time limit.
func (t *Tab) Do(limit time.Duration, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(t.ctx, limit)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// Call sends one DevTools protocol command to the tab and returns its result.
func Call[P, R any](t *Tab, c cdp.Command[P, R], params P) (R, error) {
	ctx, cancel := context.WithTimeout(t.ctx, 20*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Action[R](func(ctx context.Context, tg *chromedp.Target) (R, error) {
		return cdp.Call(ctx, tg, c, params)
	}))
}

// Open navigates to url and waits until the app is running (the wasm has
// mounted the screen, see WaitReady).
func (t *Tab) Open(url string) error {
	if err := t.Do(30*time.Second, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return t.WaitReady()
}

// Reload reloads the page and waits until the app is running.
func (t *Tab) Reload() error {
	if err := t.Do(30*time.Second, chromedp.Reload()); err != nil {
		return fmt.Errorf("reloading: %w", err)
	}
	return t.WaitReady()
}

// WaitReady waits until the WebAssembly app has mounted the screen: the
// shell marks <html data-app="ready"> on mount, which prerendered HTML
// never has.
func (t *Tab) WaitReady() error {
	if err := t.Do(30*time.Second, chromedp.WaitReady(chromedp.CSS(`html[data-app="ready"]`))); err != nil {
		return fmt.Errorf("waiting for the app to start: %w", err)
	}
	return nil
}

// WaitOffline waits until the service worker controls the page and has
// finished saving the app for offline use.
func (t *Tab) WaitOffline() error {
	if err := t.waitControlled(); err != nil {
		return err
	}
	ok, err := Eval[bool](t, `caches.keys().then(keys => keys.some(k => k.startsWith("calfsole-")))`)
	if err != nil {
		return fmt.Errorf("reading the offline copy: %w", err)
	}
	if !ok {
		return errors.New("the service worker controls the page but saved no offline copy")
	}
	return nil
}

// waitControlled waits, up to 30 s, until an activated service worker
// controls the page (the worker activates only once its precache is done).
func (t *Tab) waitControlled() error {
	ok, err := Eval[bool](t, `(async () => {
		const reg = await navigator.serviceWorker.ready;
		for (let i = 0; i < 300; i++) {
			if (navigator.serviceWorker.controller && reg.active && reg.active.state === "activated") {
				return true;
			}
			await new Promise(r => setTimeout(r, 100));
		}
		return false;
	})()`)
	if err != nil {
		return fmt.Errorf("waiting for the service worker: %w", err)
	}
	if !ok {
		return errors.New("no activated service worker took control of the page within 30s")
	}
	return nil
}

// Click taps the element matching the CSS selector.
func (t *Tab) Click(sel string) error {
	// Bring it to the middle of the screen first and wait until it stays
	// put (steadyJS).
	steady := steadyJS(sel)
	if _, err := Eval[bool](t, steady); err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	if err := t.Do(10*time.Second, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	return nil
}

// Type focuses the field matching sel, empties it, and types text into it
// as a person would: ASCII key by key, anything else (hanzi, accents,
// emoji) the way a phone keyboard or input method inserts it.
func (t *Tab) Type(sel, text string) error {
	if err := t.Do(10*time.Second, chromedp.Focus(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		return fmt.Errorf("focusing %s: %w", sel, err)
	}
	if _, err := Eval[bool](t, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.select(); return true; })()`, sel)); err != nil {
		return err
	}
	if _, err := Call(t, input.InsertText, input.InsertTextParams{Text: ""}); err != nil {
		return fmt.Errorf("clearing %s: %w", sel, err)
	}
	ascii := true
	for _, r := range text {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii && len(text) < 200 {
		if err := t.Do(20*time.Second, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
			return fmt.Errorf("typing into %s: %w", sel, err)
		}
		return nil
	}
	if _, err := Call(t, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		return fmt.Errorf("typing into %s: %w", sel, err)
	}
	return nil
}

// Upload chooses a file in the file input matching sel, as a person picks
// one from the phone.
func (t *Tab) Upload(sel, path string) error {
	if err := t.Do(10*time.Second, chromedp.SetUploadFiles(chromedp.CSS(sel), []string{path})); err != nil {
		return fmt.Errorf("choosing %s in %s: %w", path, sel, err)
	}
	return nil
}

// Text returns the visible text of the element matching sel.
func (t *Tab) Text(sel string) (string, error) {
	s, err := Eval[string](t, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.innerText : ""; })()`, sel))
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", sel, err)
	}
	return s, nil
}

// WaitText waits until the element matching sel shows text containing want.
func (t *Tab) WaitText(sel, want string) error {
	deadline := time.Now().Add(10 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		s, err := t.Text(sel)
		if err == nil && strings.Contains(s, want) {
			return nil
		}
		last = s
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s shows %q, want it to contain %q", sel, clip(last, 200), want)
}

// WaitTrue waits until the JavaScript expression is true, for up to 15 s.
func (t *Tab) WaitTrue(js string) error { return t.WaitTrueFor(js, 15*time.Second) }

// WaitTrueFor waits until the JavaScript expression is true, for up to
// limit. A promise counts by the value it settles to, not as true.
func (t *Tab) WaitTrueFor(js string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok, err := Eval[bool](t, truthy(js)); err == nil && ok {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("still false after %v: %s", limit, js)
}

// truthy wraps a JavaScript expression so that it evaluates to whether its
// value, awaited if it is a promise, is true: "!!(js)" alone would count a
// promise as true at once.
func truthy(js string) string { return "Promise.resolve((" + js + ")).then(v => !!v)" }

// Eval evaluates a JavaScript expression in the tab and decodes its value;
// a promise is awaited.
func Eval[T any](t *Tab, js string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, 45*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("evaluating %s: %w", clip(js, 80), err)
	}
	return v, nil
}

// Attr returns an attribute of the <html> element ("" when absent).
func (t *Tab) Attr(name string) (string, error) {
	return Eval[string](t, fmt.Sprintf(`document.documentElement.getAttribute(%q) || ""`, name))
}

// SetDarkScheme makes the page see the phone's dark mode on (true) or off.
func (t *Tab) SetDarkScheme(dark bool) error {
	v := "light"
	if dark {
		v = "dark"
	}
	return t.setMedia("prefers-color-scheme", v)
}

// SetReducedMotion makes the page see the phone's "reduce motion" setting
// on or off.
func (t *Tab) SetReducedMotion(reduce bool) error {
	v := "no-preference"
	if reduce {
		v = "reduce"
	}
	return t.setMedia("prefers-reduced-motion", v)
}

// setMedia emulates one media feature, keeping the others set before.
func (t *Tab) setMedia(name, value string) error {
	if t.media == nil {
		t.media = map[string]string{}
	}
	t.media[name] = value
	var features []*emulation.MediaFeature
	for n, v := range t.media {
		features = append(features, &emulation.MediaFeature{Name: n, Value: v})
	}
	_, err := Call(t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
	return err
}

// Screenshot saves a PNG of the phone-sized viewport to path.
func (t *Tab) Screenshot(path string) error {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Second)
	defer cancel()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
