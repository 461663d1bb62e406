package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/calfandsole/calfandsole/app/routine"
)

// Keys of what the app keeps in the phone's localStorage: the person's
// answers and choices, and the running routine.
const (
	keyRun      = "calfsole.run"
	keyHealth   = "calfsole.health"
	keyCues     = "calfsole.cues"
	keyHistory  = "calfsole.routines-done"
	keyChoices  = "calfsole.choices."
	keyFlagsRun = "calfsole.flags-seen."
)

// healthAnswers are the answers to the two safety questions, and whether
// the person has seen them (answering or skipping).
type healthAnswers struct {
	routine.Health
	Asked bool `json:"asked"`
}

// cueSettings are the person's choices of cues.
type cueSettings struct {
	// Tone is "auto" (on by day, off from 10 pm to 7 am), "on" or "off".
	Tone    string `json:"tone"`
	Vibrate bool   `json:"vibrate"`
	Speak   bool   `json:"speak"`
}

func defaultCues() cueSettings { return cueSettings{Tone: "auto", Vibrate: true} }

// toneOn reports whether the tone sounds at now.
func (c cueSettings) toneOn(now time.Time) bool {
	switch c.Tone {
	case "on":
		return true
	case "off":
		return false
	}
	h := now.Hour()
	return h >= 7 && h < 22
}

// load reads a stored value; it leaves v as it is when there is none or it
// cannot be read.
func load(ctx app.Context, key string, v any) {
	ctx.LocalStorage().Get(key, v)
}

// save stores a value; it reports whether the phone kept it.
func save(ctx app.Context, key string, v any) bool {
	return ctx.LocalStorage().Set(key, v) == nil
}
