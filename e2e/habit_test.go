//go:build !wasm

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
)

// countOf counts the elements matching sel on the tab's page.
func countOf(t *Tab, sel string) int {
	n, _ := Eval[int](t, `document.querySelectorAll(`+jsString(sel)+`).length`)
	return n
}

// iPhoneUA is Safari on an iPhone.
const iPhoneUA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"

// makeReminder opens the reminder form on the routines screen, sets the
// time and the routine as a person would, and taps Make the reminder.
func (s *session) makeReminder(tab *Tab, at, routineID string) {
	s.t.Helper()
	s.must(tab.Click("#reminder summary"))
	if v, _ := Eval[string](tab, `document.querySelector("#reminder-time").value`); v != "21:30" {
		s.t.Errorf("the reminder's time starts at %q, want 21:30", v)
	}
	_, err := Eval[bool](tab, `(() => { const e = document.querySelector("#reminder-time"); e.value = `+jsString(at)+`; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	s.must(err)
	s.must(tab.Click("#reminder-" + routineID))
	s.must(tab.WaitTrue(`document.querySelector("#reminder-` + routineID + `").getAttribute("aria-pressed") === "true"`))
	s.must(tab.Click("#reminder-make"))
}

// checkReminder parses an iCalendar file made by the app and checks it
// rings every night at hhmm, floating, with an alarm, pointing only at
// the routine on the app's own origin.
func (s *session) checkReminder(file, routineID, hhmm string) {
	s.t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(file))
	if err != nil {
		s.t.Fatalf("the reminder file does not parse: %v\n%s", err, file)
	}
	events := cal.Events()
	if len(events) != 1 {
		s.t.Fatalf("%d events in the reminder, want 1:\n%s", len(events), file)
	}
	e := events[0]
	get := func(p ics.ComponentProperty) string {
		if v := e.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	link := s.url("/routines/" + routineID)
	if got := get(ics.ComponentPropertyRrule); got != "FREQ=DAILY" {
		s.t.Errorf("RRULE = %q, want FREQ=DAILY", got)
	}
	if got := get(ics.ComponentPropertyDtStart); !strings.HasSuffix(got, "T"+hhmm+"00") {
		s.t.Errorf("DTSTART = %q, want a floating %s", got, hhmm)
	}
	if got := get(ics.ComponentPropertyUniqueId); got != routineID+"-"+hhmm+"@reminder.calf-and-sole" {
		s.t.Errorf("UID = %q", got)
	}
	if got := get(ics.ComponentPropertyUrl); got != link {
		s.t.Errorf("URL = %q, want %q", got, link)
	}
	if got := get(ics.ComponentPropertyDuration); !strings.HasPrefix(got, "PT") || got == "PT0M" {
		s.t.Errorf("DURATION = %q", got)
	}
	if len(e.Alarms()) != 1 {
		s.t.Errorf("%d alarms, want 1", len(e.Alarms()))
	}
	for _, part := range strings.Split(strings.ReplaceAll(file, "\r\n ", ""), "http")[1:] {
		if !strings.HasPrefix("http"+part, s.origin+"/") {
			s.t.Errorf("the reminder points elsewhere than the app: http%s", clip(part, 60))
		}
	}
}

// TestHabitReminderFile: on the routines screen a reminder is made for
// 22:15 and the bedtime routine; where the browser can share files the
// share sheet gets the .ics file, else it is downloaded; either way the
// file, parsed, repeats daily at a floating 22:15 with an alarm and links
// only to the routine on the app's own origin.
func TestHabitReminderFile(t *testing.T) {
	s := newSession(t)

	// No file sharing (Chromium on Linux has none; made sure): a download.
	s.must(s.tab.beforeLoad(`delete Navigator.prototype.share; delete Navigator.prototype.canShare;`))
	// The file is read from the page (web/store.js keeps the last one);
	// Chromium itself does not save it, nor ask Safe Browsing about a
	// calendar file (a request to another host).
	_, err := Call(s.tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorDeny})
	s.must(err)
	s.must(s.tab.Open(s.url("/routines")))
	s.makeReminder(s.tab, "22:15", "bedtime")
	s.must(s.tab.WaitText("#reminder-said", "Saved as calf-and-sole-bedtime-2215.ics"))
	name, err := Eval[string](s.tab, `calfsoleLastDownload.name + " " + calfsoleLastDownload.type`)
	s.must(err)
	if name != "calf-and-sole-bedtime-2215.ics text/calendar" {
		t.Errorf("downloaded %q, want calf-and-sole-bedtime-2215.ics text/calendar", name)
	}
	file, err := Eval[string](s.tab, `calfsoleLastDownload.text`)
	s.must(err)
	s.checkReminder(file, "bedtime", "2215")
	s.shotLightNight("routines-reminder")

	// A browser that shares files: the share sheet gets the file.
	share, err := s.b.NewTab()
	s.must(err)
	defer share.Close()
	s.must(share.beforeLoad(`navigator.canShare = d => !!(d && d.files && d.files.length === 1 && d.files[0] instanceof File);
		navigator.share = async d => { const f = d.files[0]; window.sharedFile = {name: f.name, type: f.type, text: await f.text()}; };`))
	s.must(share.Open(s.url("/routines")))
	s.makeReminder(share, "06:05", "bedtime")
	s.must(share.WaitTrue(`window.sharedFile`))
	s.must(share.WaitText("#reminder-said", "Reminder made for 06:05"))
	got, err := Eval[string](share, `sharedFile.name + " " + sharedFile.type`)
	s.must(err)
	if got != "calf-and-sole-bedtime-0605.ics text/calendar" {
		t.Errorf("shared %q", got)
	}
	if d, _ := Eval[bool](share, `window.calfsoleLastDownload !== undefined`); d {
		t.Error("the file was downloaded as well as shared")
	}
	file, err = Eval[string](share, `sharedFile.text`)
	s.must(err)
	s.checkReminder(file, "bedtime", "0605")
}

// setLastBackup stores the time of the last backup as the app does, days
// ago, then reloads the page.
func (s *session) setLastBackup(days int) {
	s.t.Helper()
	at := time.Now().Add(-time.Duration(days) * 24 * time.Hour).UTC().Format(time.RFC3339)
	_, err := Eval[bool](s.tab, `(localStorage.setItem("calfsole.last-backup", `+jsString(jsString(at))+`), true)`)
	s.must(err)
	s.must(s.tab.Reload())
	s.must(s.tab.WaitTrue(`document.querySelector("#log-view") && document.querySelector("#log-view").dataset.read === "all"`))
}

// TestHabitBackupReminder: an empty log gets no reminder; with one entry
// and a backup 29 days old none shows; at 31 days a calm reminder with
// Save a backup shows; tapping it saves the backup and the reminder goes,
// and stays gone after a reload.
func TestHabitBackupReminder(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/log")))
	s.must(s.tab.WaitText("main", "Nothing logged yet"))
	if txt, _ := s.tab.Text("#backup-status"); txt != "" {
		t.Errorf("an empty log is told about backups: %q", txt)
	}
	s.logCramp(nil)
	s.must(s.tab.WaitText("#backup-last", "You have not saved a backup yet."))
	s.must(s.tab.WaitText("#persist-status", "Your browser"))

	s.setLastBackup(29)
	s.must(s.tab.WaitText("#backup-last", "29 days ago"))
	if countOf(s.tab, "#backup-due") != 0 {
		t.Error("a backup reminder shows at 29 days")
	}

	s.setLastBackup(31)
	s.must(s.tab.WaitText("#backup-last", "Last backup saved 31 days ago"))
	s.must(s.tab.WaitText("#backup-last", "1 entry is newer than it."))
	s.must(s.tab.WaitText("#backup-due", "It is a good time to save a backup"))
	s.shotLightNight("log-backup-due")
	s.must(s.tab.Click("#theme-toggle"))

	s.must(s.tab.Click("#backup-now"))
	s.must(s.tab.WaitTrue(`window.calfsoleLastDownload && calfsoleLastDownload.name.endsWith(".json")`))
	s.must(s.tab.WaitText("#backup-last", "less than a day ago"))
	s.must(s.tab.WaitText("#backup-last", "Everything is in it."))
	if countOf(s.tab, "#backup-due") != 0 {
		t.Error("the reminder stays after the backup was saved")
	}
	s.must(s.tab.Reload())
	s.must(s.tab.WaitText("#backup-last", "Everything is in it."))
	if countOf(s.tab, "#backup-due") != 0 {
		t.Error("the reminder is back after a reload")
	}
}

// grantClipboard lets the app's pages write and read the clipboard, as a
// person's tap does on a phone.
func (s *session) grantClipboard() {
	s.t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := Call(s.tab, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name},
			Setting:    browser.PermissionSettingGranted,
			Origin:     s.origin,
		})
		s.must(err)
	}
}

// TestHabitShareFallback: with no navigator.share, offline, Share on a
// point page copies the point's link and says "Link copied", and on a
// routine page too; with no clipboard either, the link shows selected,
// ready to copy by hand.
func TestHabitShareFallback(t *testing.T) {
	s := newSession(t)
	s.grantClipboard()
	// What the app copies is noted on its way to the clipboard: the
	// server's Permissions-Policy rightly keeps pages from reading it.
	s.must(s.tab.beforeLoad(`delete Navigator.prototype.share; delete Navigator.prototype.canShare;
		const write = Clipboard.prototype.writeText;
		Clipboard.prototype.writeText = function (t) { return write.call(this, t).then(() => { window.copied = t; }); };`))
	s.must(s.openInstalled("/points/ki3"))
	s.b.Proxy.SetOffline(true)
	s.must(s.tab.Reload())
	for _, path := range []string{"/points/ki3", "/routines/bedtime"} {
		if path != "/points/ki3" {
			s.must(s.tab.Open(s.url(path)))
			if countOf(s.tab, "#questions-skip") > 0 {
				s.must(s.tab.Click("#questions-skip"))
			}
		}
		s.must(s.tab.Click("#share"))
		s.must(s.tab.WaitText("#share-said", "Link copied"))
		got, err := Eval[string](s.tab, `window.copied || ""`)
		s.must(err)
		if got != s.url(path) {
			t.Errorf("%s: copied %q, want %q", path, got, s.url(path))
		}
	}

	bare, err := s.b.NewTab()
	s.must(err)
	defer bare.Close()
	s.must(bare.beforeLoad(`delete Navigator.prototype.share; delete Navigator.prototype.clipboard;`))
	s.must(bare.Open(s.url("/points/ki3")))
	s.must(bare.Click("#share"))
	s.must(bare.WaitTrue(`document.activeElement && document.activeElement.id === "share-link"`))
	sel, err := Eval[string](bare, `(() => { const e = document.querySelector("#share-link"); return e.value.substring(e.selectionStart, e.selectionEnd); })()`)
	s.must(err)
	if sel != s.url("/points/ki3") {
		t.Errorf("the link shown selected is %q, want %q", sel, s.url("/points/ki3"))
	}
}

// TestHabitAppleTab: in an iPhone's Safari tab the log says Safari may
// clear it after 7 days and how to add the app to the home screen; where
// the browser has no navigator.storage it says nothing about keeping the
// log for good; on other browsers the Apple text does not show.
func TestHabitAppleTab(t *testing.T) {
	s := newSession(t)
	s.must(s.tab.Open(s.url("/")))
	s.logCramp(nil)
	s.must(s.tab.WaitText("#backup-last", "You have not saved a backup yet."))
	if countOf(s.tab, "#apple-home") != 0 {
		t.Error("the Apple text shows in Chromium on Linux")
	}

	iphone, err := s.b.NewTab()
	s.must(err)
	defer iphone.Close()
	_, err = Call(iphone, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: iPhoneUA})
	s.must(err)
	s.must(iphone.beforeLoad(`delete Navigator.prototype.storage;`))
	s.must(iphone.Open(s.url("/log")))
	s.must(iphone.WaitText("#apple-home", "Safari may clear this log after 7 days without a visit"))
	s.must(iphone.WaitText("#apple-home", "Add to Home Screen"))
	s.must(iphone.WaitText("#backup-last", "You have not saved a backup yet."))
	if countOf(iphone, "#persist-status") != 0 {
		txt, _ := iphone.Text("#persist-status")
		t.Errorf("with no navigator.storage the log still says: %q", txt)
	}
	s.must(iphone.Screenshot(filepath.Join(shotsDir(), "log-iphone-tab.png")))
}
