package journal

import "time"

// When a backup reminder is due: after BackupEvery without a backup, or
// once BackupEntries entries are newer than the last one.
const (
	BackupEvery   = 30 * 24 * time.Hour
	BackupEntries = 30
)

// BackupStatus is how the log stands against its last backup.
type BackupStatus struct {
	// Last is when the last backup was saved; zero when never.
	Last time.Time
	// Newer counts the entries added or changed since (all, when never).
	Newer int
	// Days is how many whole days ago Last was (0 when never, or when
	// the phone's clock is behind it).
	Days int
	// Due says a calm reminder to save a backup should show.
	Due bool
}

// CheckBackup says whether a backup reminder is due at now, given when
// the last backup was saved (zero: never) and the whole log.
//
// It is due when at least one entry is not in the last backup and either
// BackupEntries entries are newer than it or it is BackupEvery old. A log
// with nothing newer than its last backup (an empty log among them) is
// never nagged about: its backup holds all of it. With no backup ever,
// the clock starts at the oldest entry's saving, so a first entry is
// not met with a reminder; 30 days later, or at the 30th entry, it is.
// An entry is newer than a backup when it was saved (Updated) after it.
func CheckBackup(last time.Time, entries []Entry, now time.Time) BackupStatus {
	s := BackupStatus{Last: last}
	var oldest time.Time
	for i := range entries {
		u := entries[i].Updated
		if last.IsZero() || u.After(last) {
			s.Newer++
		}
		if c := entries[i].Created; oldest.IsZero() || c.Before(oldest) {
			oldest = c
		}
	}
	if !last.IsZero() && now.After(last) {
		s.Days = int(now.Sub(last) / (24 * time.Hour))
	}
	if s.Newer == 0 {
		return s
	}
	since := last
	if since.IsZero() {
		since = oldest
	}
	s.Due = s.Newer >= BackupEntries || now.Sub(since) >= BackupEvery
	return s
}
