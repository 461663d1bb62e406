//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// This file holds what the layout tests measure with: other screen sizes
// and orientations, the browser's default text size, and a check of the
// page as laid out (sideways scrolling, overlapping or covered controls,
// small targets, text that does not follow the text size).

// DefaultTextSize is the browser's default text size, in CSS px: what
// 100% means in its text-size setting.
const DefaultTextSize = 16

// Screen is a phone screen of W x H CSS px (held on its side when W > H),
// with the browser's default text size set to Text px (16 is 100%).
type Screen struct{ W, H, Text int }

// String names the screen, as "320x568, text 200%".
func (sc Screen) String() string {
	return fmt.Sprintf("%dx%d, text %d%%", sc.W, sc.H, sc.Text*100/DefaultTextSize)
}

// SetScreen makes the tab the phone screen sc, with its text size, as a
// person sets it in the browser's or the phone's settings.
func (t *Tab) SetScreen(sc Screen) error {
	orientation := chromedp.EmulatePortrait
	if sc.W > sc.H {
		orientation = chromedp.EmulateLandscape
	}
	if err := t.Do(5*time.Second, chromedp.EmulateViewport(int64(sc.W), int64(sc.H), orientation, chromedp.EmulateMobile)); err != nil {
		return fmt.Errorf("emulating a %s screen: %w", sc, err)
	}
	if _, err := Call(t, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: int64(sc.Text)}}); err != nil {
		return fmt.Errorf("setting the default text size to %d px: %w", sc.Text, err)
	}
	return nil
}

// PageScreenshot saves the whole page on screen sc as PNGs, as on a phone
// as tall as the page (the bars at its ends): to path, or, for a page
// taller than 1500 px, to path's name with -1, -2, ... for each 1500 px.
// Then it sets the screen back to sc. (Chromium's own capture beyond the
// screen forgets the text size.)
func (t *Tab) PageScreenshot(sc Screen, path string) (err error) {
	height, err := Eval[int](t, `document.documentElement.scrollHeight`)
	if err != nil {
		return err
	}
	tall := sc
	tall.H = max(sc.H, min(height, 12000))
	if err := t.SetScreen(tall); err != nil {
		return err
	}
	defer func() {
		if back := t.SetScreen(sc); err == nil {
			err = back
		}
	}()
	// Let the page lay itself out again before the picture.
	if _, err := Eval[bool](t, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("saving a screenshot: %w", err)
	}
	const part = 1500
	for i, y := 1, 0; y < tall.H; i, y = i+1, y+part {
		clip := &page.Viewport{X: 0, Y: float64(y), Width: float64(sc.W), Height: float64(min(part, tall.H-y)), Scale: 1}
		shot, err := Call(t, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: clip})
		if err != nil {
			return fmt.Errorf("screenshot: %w", err)
		}
		name := path
		if tall.H > part {
			name = strings.TrimSuffix(path, ".png") + "-" + strconv.Itoa(i) + ".png"
		}
		if err := os.WriteFile(name, shot.Data, 0o644); err != nil {
			return fmt.Errorf("saving a screenshot: %w", err)
		}
	}
	return nil
}

// LayoutProblems checks the page as it is laid out now, the way a person
// with a small phone, large text or one thumb would meet it, and returns
// one sentence for each problem found:
//
//   - the page scrolls sideways, or an element runs past the right edge
//     or out of its container, or text is cut off inside its box;
//   - a control (link, button, field) is smaller than 48 px either way;
//     links inside a sentence are exempt, as WCAG 2.5.8 allows;
//   - two controls overlap;
//   - a control cannot be tapped: scrolled into view, something else (a
//     fixed bar, a sticky row) covers its middle;
//   - text does not follow the browser's default text size textPx: the
//     body text is smaller than it, or any text smaller than 3/4 of it.
//
// It leaves the page scrolled to the top.
func (t *Tab) LayoutProblems(textPx int) ([]string, error) {
	out, err := Eval[[]string](t, fmt.Sprintf(layoutScript, textPx))
	if err != nil {
		return nil, fmt.Errorf("checking the layout: %w", err)
	}
	return out, nil
}

// layoutScript is LayoutProblems' check; %[1]d is the default text size.
const layoutScript = `(() => {
	const out = [];
	const root = document.documentElement;
	const vw = root.clientWidth, vh = window.innerHeight;
	const name = e => {
		let s = e.tagName.toLowerCase();
		if (e.id) s += "#" + e.id;
		else if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).join(".");
		const t = (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().replace(/\s+/g, " ").slice(0, 28);
		return t ? s + " \"" + t + "\"" : s;
	};
	// A closed <details> keeps its content laid out but not rendered
	// (content-visibility: hidden): checkVisibility says so.
	const shown = e => {
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden" && (!e.checkVisibility || e.checkVisibility());
	};
	// The skip link waits off-screen until it is focused; text for screen
	// readers only is clipped on purpose.
	const skipped = e => {
		for (let a = e; a; a = a.parentElement) {
			if (a.matches(".skip") || getComputedStyle(a).clipPath !== "none") return true;
		}
		return false;
	};
	const px = v => Math.round(v);

	// Sideways: the page, then the outermost elements past the right edge,
	// then text cut off by its own box.
	if (root.scrollWidth > vw) out.push("the page scrolls sideways: " + root.scrollWidth + " px wide on a " + vw + " px screen");
	const past = new Set();
	for (const e of document.body.querySelectorAll("*")) {
		if (skipped(e) || !shown(e)) continue;
		const r = e.getBoundingClientRect();
		if (r.right > vw + 0.5 || r.left < -0.5) {
			past.add(e);
			if (!past.has(e.parentElement)) out.push(name(e) + " runs off the screen: " + px(r.left) + " to " + px(r.right) + " px on a " + vw + " px screen");
		}
		// Wider than its container, into the page's margin or past it;
		// negative margins make a box wider on purpose.
		const p = e.parentElement, ps = getComputedStyle(p), st = getComputedStyle(e);
		const inner = p.getBoundingClientRect().right - parseFloat(ps.borderRightWidth) - parseFloat(ps.paddingRight);
		if (!past.has(e) && p !== document.body && ps.overflowX === "visible" && ps.display !== "inline" && st.position !== "fixed" && st.position !== "absolute" &&
			parseFloat(st.marginRight) >= 0 && r.right > inner + 0.5 && !past.has(p)) {
			past.add(e);
			out.push(name(e) + " runs " + px(r.right - inner) + " px out of " + name(p));
		}
		if (!e.matches("input, textarea, select, svg, svg *") && st.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1 && e.textContent.trim()) {
			out.push(name(e) + " is cut off: its content is " + e.scrollWidth + " px wide in " + e.clientWidth + " px");
		}
	}

	// Text follows the person's size.
	const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
	if (bodyPx < %[1]d) out.push("body text is " + bodyPx + " px, smaller than the browser's default of %[1]d px");
	const tiny = new Set();
	for (const e of document.body.querySelectorAll("*")) {
		if (skipped(e) || !shown(e)) continue;
		const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
		const size = parseFloat(getComputedStyle(e).fontSize);
		if (own && size < 0.75 * %[1]d) {
			const key = name(e).split(" ")[0] + " " + size;
			if (!tiny.has(key)) { tiny.add(key); out.push(name(e) + ": text is " + size + " px with a default of %[1]d px"); }
		}
	}

	// The controls a person taps.
	const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, label.choice")].filter(e =>
		!skipped(e) && shown(e) &&
		!(e.matches("input[type=checkbox], input[type=radio]") && e.closest("label")) &&
		!(e.matches("a") && getComputedStyle(e).display === "inline"));
	for (const e of controls) {
		const r = e.getBoundingClientRect();
		if (r.width < 47.5 || r.height < 47.5) out.push(name(e) + " is " + px(r.width) + "x" + px(r.height) + " px, smaller than 48 px");
	}
	const pinned = e => {
		for (let a = e; a; a = a.parentElement) {
			const p = getComputedStyle(a).position;
			if (p === "fixed" || p === "sticky") return true;
		}
		return false;
	};
	const boxes = controls.map(e => {
		const r = e.getBoundingClientRect(), pin = pinned(e);
		const dy = pin ? 0 : window.scrollY, dx = pin ? 0 : window.scrollX;
		return { e, pin, l: r.left + dx, t: r.top + dy, r: r.right + dx, b: r.bottom + dy };
	});
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i], b = boxes[j];
			if (a.pin !== b.pin || a.e.contains(b.e) || b.e.contains(a.e)) continue;
			const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
			if (w > 1 && h > 1) out.push(name(a.e) + " and " + name(b.e) + " overlap by " + px(w) + "x" + px(h) + " px");
		}
	}
	for (const e of controls) {
		e.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
		const r = e.getBoundingClientRect();
		const x = Math.min(Math.max((r.left + r.right) / 2, 0), vw - 1), y = Math.min(Math.max((r.top + r.bottom) / 2, 0), vh - 1);
		const hit = document.elementFromPoint(x, y);
		if (!hit || !(hit === e || e.contains(hit) || (hit.closest && hit.closest("label") === e))) {
			out.push(name(e) + " cannot be tapped: " + (hit ? name(hit) : "nothing") + " covers its middle");
		}
	}
	window.scrollTo({ top: 0, left: 0, behavior: "instant" });
	return out;
})()`
