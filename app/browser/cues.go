package browser

import (
	"time"
)

// The routine's cues and wake lock, made by web/boot.js: a soft tone
// scheduled ahead on the audio clock, vibration, speech, and a screen
// wake lock.

// UnlockSound prepares sound; browsers allow it only from a tap.
func UnlockSound() {
	if c := boot().Get("cues"); c.Truthy() {
		c.Call("unlock")
	}
}

// Cue records that a routine event (kind, at step, due at due) was cued,
// and vibrates and speaks text when asked. The tone is scheduled apart
// (Tone).
func Cue(kind string, step int, due time.Time, vibrate bool, text string) {
	c := boot().Get("cues")
	if !c.Truthy() {
		return
	}
	if c.Get("record").Truthy() { // the browser tests' hook
		c.Call("record", kind, step, float64(due.UnixMilli()))
	}
	if vibrate {
		c.Call("vibrate", 300)
	}
	if text != "" {
		c.Call("speak", text)
	}
}

// Tone schedules the chime for at, replacing one scheduled before.
func Tone(at time.Time) {
	if c := boot().Get("cues"); c.Truthy() {
		c.Call("tone", float64(at.UnixMilli()))
	}
}

// CancelTone cancels the chime scheduled, if any.
func CancelTone() {
	if c := boot().Get("cues"); c.Truthy() {
		c.Call("cancel")
	}
}

// CanVibrate and CanSpeak report whether this browser can give the cue
// (true on the host, where no browser says otherwise).
func CanVibrate() bool { return can("canVibrate") }

// CanSpeak: see CanVibrate.
func CanSpeak() bool { return can("canSpeak") }

func can(what string) bool {
	c := boot()
	return !c.Truthy() || c.Get("cues").Get(what).Bool()
}

// KeepAwake asks for the screen to stay on (on) or lets it sleep.
func KeepAwake(on bool) {
	if w := boot().Get("wake"); w.Truthy() {
		w.Call("want", on)
	}
}

// Wake is what the screen wake lock does.
type Wake int

// The wake lock's states.
const (
	// WakeOn: the screen is kept on while asked.
	WakeOn Wake = iota
	// WakeUnsupported: the browser has no wake lock.
	WakeUnsupported
	// WakeRefused: the browser refused it until the next tap (WebKit does
	// after a reload).
	WakeRefused
)

// WakeState returns the wake lock's state now.
func WakeState() Wake {
	w := boot().Get("wake")
	switch {
	case !w.Truthy() || !w.Get("supported").Bool():
		return WakeUnsupported
	case w.Get("refused").Bool():
		return WakeRefused
	}
	return WakeOn
}

// OnVisible calls f each time the page is shown again (browsers slow a
// hidden page's timers), until stop is called.
func OnVisible(f func()) (stop func()) {
	return listen("calfsole-visible", func(string) { f() })
}

// TestScale is the factor the browser tests shorten every step by
// (web/testhooks.js, served only to them); 0 otherwise.
func TestScale() float64 {
	return boot().Get("testScale").Float()
}
