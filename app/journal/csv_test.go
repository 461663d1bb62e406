package journal

import (
	"bytes"
	"encoding/csv"
	"github.com/calfandsole/calfandsole/content"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWriteCSV(t *testing.T) {
	c := cramp(1, base)
	c.Note = "=HYPERLINK(\"x\"), then \"walked\"\nsecond line"
	c.Cramp.Seconds = 0
	h := heel(2, base.Add(6*time.Hour), 6)
	h.Note = "<script>alert(1)</script>, really"
	r := routineDone(3, base.Add(-4*time.Hour).In(time.UTC))
	r.Note = "-3 degrees outside"
	untitled := routineDone(4, base.Add(-28*time.Hour))
	untitled.Routine.Title, untitled.Routine.Completed, untitled.Routine.Steps = "", false, nil

	var buf bytes.Buffer
	if err := WriteCSV(&buf, []Entry{c, h, r, untitled}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, buf.String())
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows, want a header and 4", len(rows))
	}
	header := "id,kind,at,night,leg_or_foot,where,severity,seconds,helped,morning_pain,pain_now,routine,steps,completed,note,created,updated"
	if got := strings.Join(rows[0], ","); got != header {
		t.Errorf("header = %s\nwant     %s", got, header)
	}
	want := [][]string{
		{id(1), "cramp", "2025-03-05T02:00:00+01:00", "2025-03-04", "left", "calf; sole", "7", "", "stretching", "", "", "", "", "",
			"'=HYPERLINK(\"x\"), then \"walked\"\nsecond line", "2025-03-05T02:01:00+01:00", "2025-03-05T02:01:00+01:00"},
		{id(2), "heel", "2025-03-05T08:00:00+01:00", "2025-03-04", "right", "", "", "", "", "6", "2", "", "", "",
			"<script>alert(1)</script>, really", "2025-03-05T08:00:00+01:00", "2025-03-05T08:00:00+01:00"},
		{id(3), "routine", "2025-03-04T21:00:00Z", "2025-03-04", "", "", "", "", "", "", "", "Bedtime leg-cramp routine", "Warm foot soak; Rub your soles", "yes",
			"'-3 degrees outside", "2025-03-04T21:00:00Z", "2025-03-04T21:35:00Z"},
		{id(4), "routine", "2025-03-03T22:00:00+01:00", "2025-03-03", "", "", "", "", "", "", "", "bedtime", "", "no",
			"", "2025-03-03T22:00:00+01:00", "2025-03-03T22:35:00+01:00"},
	}
	for i, w := range want {
		if !slices.Equal(rows[i+1], w) {
			t.Errorf("row %d =\n%q\nwant\n%q", i+1, rows[i+1], w)
		}
	}
	for _, row := range rows[1:] {
		for _, col := range []int{2, 15, 16} {
			if _, err := time.Parse(time.RFC3339, row[col]); err != nil {
				t.Errorf("%s = %q: %v", rows[0][col], row[col], err)
			}
		}
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\n"); got != 1 {
		t.Errorf("empty log: %d lines, want the header only", got)
	}
}

func TestNotFormula(t *testing.T) {
	for in, want := range map[string]string{
		"":          "",
		"=1+1":      "'=1+1",
		"+1":        "'+1",
		"-1":        "'-1",
		"@SUM(A1)":  "'@SUM(A1)",
		"\tx":       "'\tx",
		"\rx":       "'\rx",
		"calf":      "calf",
		"a=b":       "a=b",
		"'quoted":   "'quoted",
		" =leading": " =leading",
	} {
		if got := notFormula(in); got != want {
			t.Errorf("notFormula(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteCSVInHeaders(t *testing.T) {
	for _, lang := range content.Langs {
		var b strings.Builder
		if err := WriteCSVIn(&b, nil, lang); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		got := strings.Count(strings.TrimSpace(b.String()), ",") + 1
		if got != len(csvHeader) {
			t.Errorf("%s: %d columns, want %d: %s", lang, got, len(csvHeader), b.String())
		}
	}
	var b strings.Builder
	if err := WriteCSVIn(&b, nil, content.Chinese); err != nil || !strings.HasPrefix(b.String(), "编号,类型,时间") {
		t.Errorf("Chinese header = %q, %v", b.String(), err)
	}
}
