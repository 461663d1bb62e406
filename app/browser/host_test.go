package browser

import (
	"testing"
	"time"
)

// TestHostStandIns: built for the host (the server prerendering pages, go
// test), every call answers as a browser without the feature would, and
// none panics: go-app's host values are the stand-ins.
func TestHostStandIns(t *testing.T) {
	if CanShare() || CanShareFile("a.ics", "text/calendar", "x") || Standalone() || AppleDevice() != "" || Origin() != "" {
		t.Error("the host says it can share, is installed, is an Apple device or has an origin")
	}
	var shared, copied error
	Share("t", "/x", func(err error) { shared = err })
	CopyText("x", func(err error) { copied = err })
	if shared != ErrUnsupported || copied != ErrUnsupported {
		t.Errorf("share %v, copy %v; want ErrUnsupported", shared, copied)
	}
	var p Persistence = -1
	Persisted(time.Second, func(q Persistence) { p = q })
	if p != PersistUnknown {
		t.Errorf("persisted %v, want PersistUnknown", p)
	}
	s, kept := OpenStore()
	if kept || s == nil {
		t.Errorf("OpenStore on the host: %v, kept %v; want a store in memory, not kept", s, kept)
	}
	if WakeState() != WakeUnsupported || !CanVibrate() || Theme() != "auto" || Update() != "" {
		t.Error("cues, theme or update answer as if a browser were there")
	}
}
