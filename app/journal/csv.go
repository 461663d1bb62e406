package journal

import (
	"encoding/csv"
	"github.com/calfandsole/calfandsole/content"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader names WriteCSV's columns.
var csvHeader = []string{
	"id", "kind", "at", "night", "leg_or_foot", "where", "severity", "seconds",
	"helped", "morning_pain", "pain_now", "routine", "steps", "completed",
	"note", "created", "updated",
}

// csvHeaders are the column names in each language other than English,
// in csvHeader's order. The cells stay as the log stores them (ids,
// kinds, RFC 3339 times), so a spreadsheet can sort and count them.
var csvHeaders = map[content.Lang][]string{
	content.Chinese: {
		"编号", "类型", "时间", "哪一晚", "左右", "部位", "疼痛程度", "秒数",
		"有帮助的", "早上疼痛", "现在疼痛", "调理", "步骤", "做完",
		"备注", "创建时间", "修改时间",
	},
}

// WriteCSVIn is WriteCSV with the header row in the language lang.
func WriteCSVIn(w io.Writer, entries []Entry, lang content.Lang) error {
	header := csvHeader
	if h, ok := csvHeaders[lang]; ok {
		header = h
	}
	return writeCSV(w, entries, header)
}

// WriteCSV writes entries to w as CSV for a spreadsheet: a header, then one
// row per entry in the order given. Times are RFC 3339 with their offset,
// whole seconds; the night is YYYY-MM-DD; lists are joined with "; ".
// A cell that does not apply to the entry's kind is empty, and so is seconds
// when the cramp's length was not said. The routine column holds the
// routine's title (its id when it has none). A cell that a spreadsheet would
// take for a formula (starting with =, +, -, @, a tab or a carriage return)
// gets a leading apostrophe.
func WriteCSV(w io.Writer, entries []Entry) error {
	return writeCSV(w, entries, csvHeader)
}

func writeCSV(w io.Writer, entries []Entry, header []string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for i := range entries {
		e := &entries[i]
		clear(row)
		row[0] = e.ID
		row[1] = string(e.Kind)
		row[2] = e.At.Format(time.RFC3339)
		row[3] = Night(e.At).Format(time.DateOnly)
		if c := e.Cramp; c != nil {
			row[4] = c.Leg
			row[5] = strings.Join(c.Where, "; ")
			row[6] = strconv.Itoa(c.Severity)
			if c.Seconds != 0 {
				row[7] = strconv.Itoa(c.Seconds)
			}
			row[8] = strings.Join(c.Helped, "; ")
		}
		if h := e.Heel; h != nil {
			row[4] = h.Foot
			row[9] = strconv.Itoa(h.Morning)
			row[10] = strconv.Itoa(h.Now)
		}
		if r := e.Routine; r != nil {
			row[11] = r.Title
			if row[11] == "" {
				row[11] = r.Routine
			}
			row[12] = strings.Join(r.Steps, "; ")
			row[13] = "no"
			if r.Completed {
				row[13] = "yes"
			}
		}
		row[14] = e.Note
		row[15] = e.Created.Format(time.RFC3339)
		row[16] = e.Updated.Format(time.RFC3339)
		for j, cell := range row {
			row[j] = notFormula(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// notFormula puts an apostrophe before a cell a spreadsheet would run as a
// formula, so that it shows as the text it is.
func notFormula(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
