//go:build !wasm

package e2e

import (
	"fmt"

	"github.com/chromedp/cdproto/input"
)

// keys are the keys a keyboard-only person uses, as the browser needs them.
var keys = map[string]struct {
	code string
	vk   int64
	text string
}{
	"Tab":        {"Tab", 9, ""},
	"Enter":      {"Enter", 13, "\r"},
	" ":          {"Space", 32, " "},
	"Escape":     {"Escape", 27, ""},
	"ArrowLeft":  {"ArrowLeft", 37, ""},
	"ArrowUp":    {"ArrowUp", 38, ""},
	"ArrowDown":  {"ArrowDown", 40, ""},
	"ArrowRight": {"ArrowRight", 39, ""},
}

// Press presses and releases a key (see keys), with Shift when shift is
// set, as a keyboard does: the browser moves focus, clicks buttons and
// submits forms itself.
func (t *Tab) Press(key string, shift bool) error {
	k, ok := keys[key]
	if !ok {
		return fmt.Errorf("pressing %q: not a key the harness knows", key)
	}
	var mod int64
	if shift {
		mod = 8 // Shift
	}
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: k.code, WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk, Modifiers: mod, Text: k.text}
	if k.text == "" {
		down.Type = input.DispatchKeyEventTypeRawKeyDown
	}
	if _, err := Call(t, input.DispatchKeyEvent, down); err != nil {
		return fmt.Errorf("pressing %s: %w", key, err)
	}
	up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: k.code, WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk, Modifiers: mod}
	if _, err := Call(t, input.DispatchKeyEvent, up); err != nil {
		return fmt.Errorf("releasing %s: %w", key, err)
	}
	return nil
}

// TabTo presses Tab (Shift+Tab when back) until the focused element matches
// sel, at most max times, as a keyboard-only person moves through a page.
// It fails when the element is never reached: it cannot be focused, or is
// hidden from the keyboard.
func (t *Tab) TabTo(sel string, back bool, max int) error {
	var trail []string
	for range max {
		if err := t.Press("Tab", back); err != nil {
			return err
		}
		at, err := Eval[struct {
			Match bool
			Name  string
		}](t, fmt.Sprintf(`(e => ({ match: !!(e && e.matches(%q)), name: e ? (e.id || e.tagName.toLowerCase() + ":" + (e.innerText || e.value || "").trim().slice(0, 20)) : "" }))(document.activeElement)`, sel))
		if err != nil {
			return err
		}
		if at.Match {
			return nil
		}
		trail = append(trail, at.Name)
	}
	return fmt.Errorf("%s not reached with %d Tab presses; focus went: %v", sel, max, trail)
}

// Focused reports whether the focused element matches sel.
func (t *Tab) Focused(sel string) (bool, error) {
	return Eval[bool](t, fmt.Sprintf(`!!(document.activeElement && document.activeElement.matches(%q))`, sel))
}
