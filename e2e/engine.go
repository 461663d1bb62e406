//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// The three browser engines the cross-engine tests run in.
const (
	Chromium = "chromium" // Chrome, Edge, Android's browsers; driven over DevTools
	WebKit   = "webkit"   // Safari and every iPhone browser; WebKitGTK's MiniBrowser over WebDriver
	Firefox  = "firefox"  // Firefox ESR; driven over WebDriver BiDi
)

// Engines lists the engines, in the order the tests run them.
var Engines = []string{Chromium, WebKit, Firefox}

// Engine is one browser of any engine with one page open, on a fresh
// profile whose every request goes through its Proxy. The cross-engine
// scenarios are written once against it: they open pages, tap, type,
// choose files and read the screen through JavaScript.
type Engine interface {
	// Name is Chromium, WebKit or Firefox.
	Name() string
	// Proxy is the recording proxy the browser's traffic goes through.
	Proxy() *Proxy
	// Open navigates to url and waits until the page has loaded.
	Open(url string) error
	// Reload reloads the page and waits until it has loaded.
	Reload() error
	// Eval evaluates a JavaScript expression in the page, awaits it if it
	// is a promise, and decodes its value, as JSON, into out (nil: drop it).
	Eval(js string, out any) error
	// Click taps the element matching the CSS selector, which is on screen.
	Click(sel string) error
	// Type empties the text field matching sel and types text into it,
	// key by key.
	Type(sel, text string) error
	// Upload chooses the file at path in the file input matching sel.
	Upload(sel, path string) error
	// Close stops the browser, its driver and the proxy.
	Close() error
}

// StartEngine starts a browser of the named engine with a fresh profile
// in dir (which it may leave empty), its page the size of a phone.
func StartEngine(name, dir string) (Engine, error) {
	switch name {
	case Chromium:
		return startChromium(dir)
	case WebKit:
		return startWebKit(dir)
	case Firefox:
		return startFirefox(dir)
	}
	return nil, fmt.Errorf("no browser engine %q (want one of %v)", name, Engines)
}

// jsonOf wraps a JavaScript expression so that it evaluates to its value,
// awaited, as JSON text: every engine returns that one way.
func jsonOf(js string) string {
	return "Promise.resolve((" + js + ")).then(v => JSON.stringify(v === undefined ? null : v))"
}

// decodeJSON decodes the JSON text an engine returned into out.
func decodeJSON(js, text string, out any) error {
	if out == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(text), out); err != nil {
		return fmt.Errorf("evaluating %s: decoding %s: %w", clip(js, 80), clip(text, 200), err)
	}
	return nil
}

// steadyJS scrolls the element matching a selector to the middle of the
// screen, clear of the fixed bars, as a person scrolls to what they tap,
// then waits until it stops moving (a message rendered above it can push
// it down between finding and tapping it). It is false when there is no
// such element.
func steadyJS(sel string) string {
	return fmt.Sprintf(`new Promise(done => {
		const e = document.querySelector(%q);
		if (!e) return done(false);
		e.scrollIntoView({block: "center"});
		let last = "", same = 0, frames = 0;
		const look = () => {
			const r = e.getBoundingClientRect(), now = r.x + "," + r.y;
			same = now === last ? same + 1 : 0;
			last = now;
			if (same >= 2 || ++frames > 40) return done(true);
			setTimeout(look, 20);
		};
		look();
	})`, sel)
}

// steady brings the element matching sel into view and waits until it
// stays put, or says it is not there.
func steady(e Engine, sel string) error {
	var found bool
	if err := e.Eval(steadyJS(sel), &found); err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	if !found {
		return fmt.Errorf("tapping %s: no such element on the page", sel)
	}
	return nil
}

// chromiumEngine is the chromedp harness's browser behind Engine.
type chromiumEngine struct {
	b *Browser
}

func startChromium(dir string) (*chromiumEngine, error) {
	b, err := NewBrowser(dir)
	if err != nil {
		return nil, err
	}
	return &chromiumEngine{b: b}, nil
}

func (c *chromiumEngine) Name() string  { return Chromium }
func (c *chromiumEngine) Proxy() *Proxy { return c.b.Proxy }

func (c *chromiumEngine) Open(url string) error {
	if err := c.b.FirstTab().Do(60*time.Second, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

func (c *chromiumEngine) Reload() error {
	if err := c.b.FirstTab().Do(60*time.Second, chromedp.Reload()); err != nil {
		return fmt.Errorf("reloading: %w", err)
	}
	return nil
}

func (c *chromiumEngine) Eval(js string, out any) error {
	text, err := Eval[string](c.b.FirstTab(), jsonOf(js))
	if err != nil {
		return err
	}
	return decodeJSON(js, text, out)
}

func (c *chromiumEngine) Click(sel string) error        { return c.b.FirstTab().Click(sel) }
func (c *chromiumEngine) Type(sel, text string) error   { return c.b.FirstTab().Type(sel, text) }
func (c *chromiumEngine) Upload(sel, path string) error { return c.b.FirstTab().Upload(sel, path) }
func (c *chromiumEngine) Close() error                  { c.b.Close(); return nil }
