package journal

import (
	"testing"
	"time"
)

func TestCheckBackup(t *testing.T) {
	day := 24 * time.Hour
	now := base.Add(100 * day)
	// log returns n cramps saved one a day, the newest at newest.
	log := func(n int, newest time.Time) []Entry {
		es := make([]Entry, n)
		for i := range es {
			es[i] = cramp(i+1, newest.Add(-time.Duration(i)*day-time.Minute))
		}
		return es
	}
	// hourly returns n cramps saved one an hour, the newest just now.
	hourly := func(n int) []Entry {
		es := log(n, now)
		for i := range es {
			es[i].Created = now.Add(-time.Duration(i) * time.Hour)
			es[i].Updated = es[i].Created
		}
		return es
	}
	edited := log(3, now.Add(-40*day))
	edited[2].Updated = now.Add(-2 * day) // saved again after the backup

	tests := []struct {
		name    string
		last    time.Time
		entries []Entry
		want    BackupStatus
	}{
		{"empty log, never backed up", time.Time{}, nil, BackupStatus{}},
		{"empty log, old backup", now.Add(-90 * day), nil, BackupStatus{Last: now.Add(-90 * day), Days: 90}},
		{"first entry today, never backed up", time.Time{}, log(1, now), BackupStatus{Newer: 1}},
		{"first entry 29 days ago, never", time.Time{}, log(1, now.Add(-29*day)), BackupStatus{Newer: 1}},
		{"first entry 30 days ago, never", time.Time{}, log(1, now.Add(-30*day)), BackupStatus{Newer: 1, Due: true}},
		{"30 entries in a day, never", time.Time{}, log(30, now), BackupStatus{Newer: 30, Due: true}},
		{"29 entries, never", time.Time{}, log(29, now), BackupStatus{Newer: 29}},
		{"backup 31 days ago, one entry since", now.Add(-31 * day), log(1, now), BackupStatus{Last: now.Add(-31 * day), Newer: 1, Days: 31, Due: true}},
		{"backup 29 days ago, one entry since", now.Add(-29 * day), log(1, now), BackupStatus{Last: now.Add(-29 * day), Newer: 1, Days: 29}},
		{"backup 31 days ago, nothing since", now.Add(-31 * day), log(5, now.Add(-32*day)), BackupStatus{Last: now.Add(-31 * day), Days: 31}},
		{"backup 2 days ago, 30 entries since", now.Add(-2 * day), hourly(30), BackupStatus{Last: now.Add(-2 * day), Newer: 30, Days: 2, Due: true}},
		{"backup 2 days ago, 29 entries since", now.Add(-2 * day), hourly(29), BackupStatus{Last: now.Add(-2 * day), Newer: 29, Days: 2}},
		{"backup 29 days ago, 29 of 40 since", now.Add(-29 * day), log(40, now), BackupStatus{Last: now.Add(-29 * day), Newer: 29, Days: 29}},
		{"an old entry edited since", now.Add(-31 * day), edited, BackupStatus{Last: now.Add(-31 * day), Newer: 1, Days: 31, Due: true}},
		{"backup in the future (clock moved)", now.Add(2 * day), log(3, now), BackupStatus{Last: now.Add(2 * day)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckBackup(tt.last, tt.entries, now); got != tt.want {
				t.Errorf("CheckBackup() = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
