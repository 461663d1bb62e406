//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// This file holds what the benchmark (e2e/bench) measures with: starting
// any server binary, waiting for any service worker, timing when a page
// becomes interactive or shows what a person waits for, from inside the
// page, and hiding a page.

// ChromiumVersion returns the browser's product and version, such as
// "HeadlessChrome/131.0.6778.85".
func (b *Browser) ChromiumVersion() (string, error) {
	v, err := chromedp.Run(b.ctx, chromedp.Action[string](func(ctx context.Context, tg *chromedp.Target) (string, error) {
		res, err := cdp.Call(ctx, tg, browser.GetVersion, cdp.Empty{})
		return res.Product, err
	}))
	if err != nil {
		return "", fmt.Errorf("asking Chromium its version: %w", err)
	}
	return v, nil
}

// WaitPrecached waits until a service worker, whichever it is, is
// activated and controls the page, then until the network has been quiet
// (proxy's byte count unchanged) for quiet: by then the worker has saved
// what it saves and the page has fetched what it fetches.
func (t *Tab) WaitPrecached(proxy *Proxy, quiet time.Duration) error {
	if err := t.waitControlled(); err != nil {
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	last, since := proxy.Bytes(), time.Now()
	for time.Since(since) < quiet {
		if time.Now().After(deadline) {
			return fmt.Errorf("the network was still busy after 60s (%d bytes)", proxy.Bytes())
		}
		time.Sleep(50 * time.Millisecond)
		if n := proxy.Bytes(); n != last {
			last, since = n, time.Now()
		}
	}
	return nil
}

// Interactive says how to tell that an app answers a person: once
// <html data-app="ready"> is set, tapping Button changes the <html>
// attribute Attr.
type Interactive struct {
	Button string // CSS selector, such as "#theme-toggle"
	Attr   string // such as "data-theme"
}

// Timing is what a page recorded about its own start, in milliseconds
// after its navigation started (performance.timeOrigin).
type Timing struct {
	// Ready is when <html data-app="ready"> was set: the app mounted.
	Ready float64 `json:"ready"`
	// Responded is when the tap fired at Ready changed the attribute:
	// the app is interactive.
	Responded float64 `json:"responded"`
	// Error says why the page could not time itself.
	Error string `json:"error"`
}

// probeScript times a page from inside it: it watches <html>, taps the
// button the moment data-app="ready" appears and notes when the attribute
// the tap changes does. %[1]q is the button's selector, %[2]q the
// attribute.
const probeScript = `(() => {
	if (window !== window.top || window.__e2eTiming) {
		return;
	}
	const timing = window.__e2eTiming = { ready: 0, responded: 0, error: "" };
	let before = null;
	const observer = new MutationObserver(() => {
		const html = document.documentElement;
		if (!timing.ready) {
			if (html.getAttribute("data-app") !== "ready") {
				return;
			}
			timing.ready = performance.now();
			before = html.getAttribute(%[2]q);
			const button = document.querySelector(%[1]q);
			if (!button) {
				timing.error = "no " + %[1]q + " when the app was ready";
				observer.disconnect();
				return;
			}
			button.click();
		}
		if (html.getAttribute(%[2]q) !== before) {
			timing.responded = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-app", %[2]q] });
})();`

// TimeInteractive runs nav (a navigation or a reload) in the tab and
// returns when the new page became ready and interactive, as it measured
// itself with performance.now(). Call it on a tab that has not yet loaded
// anything but about:blank, or again on the same tab; in may not change
// between calls on one tab.
func (t *Tab) TimeInteractive(nav chromedp.Action[chromedp.Void], in Interactive, limit time.Duration) (Timing, error) {
	// Every new page in the tab gets the probe; a second one added by a
	// later call does nothing (the first sets __e2eTiming).
	_, err := Call(t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: fmt.Sprintf(probeScript, in.Button, in.Attr),
	})
	if err != nil {
		return Timing{}, fmt.Errorf("adding the timing probe: %w", err)
	}
	// Forget the current page's figures, so they are not taken for the
	// next page's.
	if _, err := Eval[bool](t, `delete window.__e2eTiming`); err != nil {
		return Timing{}, err
	}
	if err := t.Do(limit, nav); err != nil {
		return Timing{}, fmt.Errorf("navigating: %w", err)
	}
	deadline := time.Now().Add(limit)
	for {
		tm, err := Eval[*Timing](t, `window.__e2eTiming || null`)
		switch {
		case err == nil && tm != nil && tm.Error != "":
			return *tm, errors.New(tm.Error)
		case err == nil && tm != nil && tm.Responded > 0:
			return *tm, nil
		case time.Now().After(deadline):
			if err != nil {
				return Timing{}, fmt.Errorf("no timing after %v: %w", limit, err)
			}
			if tm != nil && tm.Ready > 0 {
				return *tm, fmt.Errorf("ready at %.0f ms, but tapping %s did not change %s within %v", tm.Ready, in.Button, in.Attr, limit)
			}
			return Timing{}, fmt.Errorf("the app was not ready (html[data-app=ready]) within %v", limit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Throttle slows the tab's CPU down rate times with Chromium's own
// throttling (Emulation.setCPUThrottlingRate), to stand in for a phone; 1
// is full speed.
func (t *Tab) Throttle(rate float64) error {
	if _, err := Call(t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
		return fmt.Errorf("throttling the CPU x%g: %w", rate, err)
	}
	return nil
}

// StopWorkers stops every service worker of the profile, as a phone does
// with an app it has not shown for a while: the next page starts its
// worker cold.
func (t *Tab) StopWorkers() error {
	if _, err := Call(t, serviceworker.Enable, cdp.Empty{}); err != nil {
		return fmt.Errorf("watching service workers: %w", err)
	}
	if _, err := Call(t, serviceworker.StopAllWorkers, cdp.Empty{}); err != nil {
		return fmt.Errorf("stopping service workers: %w", err)
	}
	return nil
}

// Hide puts the page away the way a phone puts away an app it no longer
// shows, at its harshest: the tab's window is minimized, so the page
// becomes hidden (document.visibilityState "hidden", a visibilitychange
// event), then the page is frozen (Page.setWebLifecycleState "frozen"), so
// none of its timers run until Show.
//
// In headless Chromium, activating another tab leaves the page visible
// (each tab has a window of its own), and freezing alone hides it but
// "active" does not show it again; minimizing and restoring the window
// does both.
func (t *Tab) Hide() error {
	if err := t.setWindowState(browser.WindowStateMinimized); err != nil {
		return fmt.Errorf("hiding the page: %w", err)
	}
	if _, err := Call(t, page.SetWebLifecycleState, page.SetWebLifecycleStateParams{State: page.SetWebLifecycleStateStateFrozen}); err != nil {
		return fmt.Errorf("freezing the page: %w", err)
	}
	return nil
}

// Show undoes Hide: the page runs again, then is shown (visibilityState
// "visible", a visibilitychange event).
func (t *Tab) Show() error {
	if _, err := Call(t, page.SetWebLifecycleState, page.SetWebLifecycleStateParams{State: page.SetWebLifecycleStateStateActive}); err != nil {
		return fmt.Errorf("unfreezing the page: %w", err)
	}
	if err := t.setWindowState(browser.WindowStateNormal); err != nil {
		return fmt.Errorf("showing the page: %w", err)
	}
	return nil
}

// setWindowState minimizes or restores the tab's window.
func (t *Tab) setWindowState(s browser.WindowState) error {
	var id target.ID
	if tg := chromedp.FromContext(t.ctx).Target; tg != nil {
		id = tg.TargetID
	}
	w, err := Call(t, browser.GetWindowForTarget, browser.GetWindowForTargetParams{TargetID: id})
	if err != nil {
		return err
	}
	_, err = Call(t, browser.SetWindowBounds, browser.SetWindowBoundsParams{WindowID: w.WindowID, Bounds: &browser.Bounds{WindowState: s}})
	return err
}

// shownScript notes, from inside the page, when every CSS selector of the
// JSON array %s first matches an element: window.__e2eShown, in ms after
// the navigation started.
const shownScript = `(() => {
	if (window !== window.top) {
		return;
	}
	const selectors = %s;
	const observer = new MutationObserver(() => {
		if (selectors.every(s => document.querySelector(s))) {
			window.__e2eShown = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { subtree: true, childList: true });
})();`

// TimeShown runs nav (a navigation or a reload) in the tab and returns
// when every one of the CSS selectors first matched an element in the new
// page, as it measured itself with performance.now(): milliseconds after
// its navigation started.
func (t *Tab) TimeShown(nav chromedp.Action[chromedp.Void], selectors []string, limit time.Duration) (float64, error) {
	list, err := json.Marshal(selectors)
	if err != nil {
		return 0, err
	}
	added, err := Call(t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: fmt.Sprintf(shownScript, list),
	})
	if err != nil {
		return 0, fmt.Errorf("adding the timing probe: %w", err)
	}
	defer Call(t, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: added.Identifier})
	if _, err := Eval[bool](t, `delete window.__e2eShown`); err != nil {
		return 0, err
	}
	if err := t.Do(limit, nav); err != nil {
		return 0, fmt.Errorf("navigating: %w", err)
	}
	deadline := time.Now().Add(limit)
	for {
		ms, err := Eval[float64](t, `window.__e2eShown || 0`)
		switch {
		case err == nil && ms > 0:
			return ms, nil
		case time.Now().After(deadline):
			return 0, fmt.Errorf("%s not all shown within %v (%v)", strings.Join(selectors, ", "), limit, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// tapShownScript notes when a tap on the element matching its selector
// starts (a capturing listener, before the app's) and when, after it, every
// one of the CSS selectors first matches an element.
const tapShownScript = `(() => {
	const selectors = %s, target = %q;
	const d = window.__e2eTap = { tapped: 0, shown: 0 };
	window.addEventListener("click", e => {
		if (d.tapped || !e.target.closest(target)) {
			return;
		}
		d.tapped = performance.now();
		const look = () => {
			if (selectors.every(s => document.querySelector(s))) {
				d.shown = performance.now();
				observer.disconnect();
			}
		};
		const observer = new MutationObserver(look);
		observer.observe(document, { subtree: true, childList: true });
		look();
	}, true);
	return true;
})()`

// TimeTapShown taps the element matching target in the running app and
// returns how long after the tap every one of the CSS selectors matched an
// element, as the page measured it with performance.now(), in ms.
func (t *Tab) TimeTapShown(target string, selectors []string, limit time.Duration) (float64, error) {
	list, err := json.Marshal(selectors)
	if err != nil {
		return 0, err
	}
	if _, err := Eval[bool](t, fmt.Sprintf(tapShownScript, list, target)); err != nil {
		return 0, fmt.Errorf("adding the timing probe: %w", err)
	}
	if err := t.Click(target); err != nil {
		return 0, err
	}
	if err := t.WaitTrueFor(`window.__e2eTap.shown > 0`, limit); err != nil {
		return 0, fmt.Errorf("%s not all shown within %v after tapping %s: %w", strings.Join(selectors, ", "), limit, target, err)
	}
	return Eval[float64](t, `window.__e2eTap.shown - window.__e2eTap.tapped`)
}
