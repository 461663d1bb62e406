package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/content"
)

// TestImportMessageLanguage: a refused import says what is wrong in the
// page's language, the detail from app/journal included.
func TestImportMessageLanguage(t *testing.T) {
	file := `{"app":"calf-and-sole","schema":2,"entries":[{"kind":"cramp","at":"yesterday"}]}`
	_, err := journal.Import(context.Background(), &journal.MemStore{}, strings.NewReader(file))
	if err == nil {
		t.Fatal("the broken file was imported")
	}
	tests := []struct {
		lang content.Lang
		want string
	}{
		{content.English, `This file cannot be imported: entry 1: the date "yesterday" is not a date this app wrote. Nothing was changed.`},
		{content.Chinese, `这个文件不能导入：第1条记录：日期"yesterday"不是本应用写的日期。什么都没改。`},
	}
	for _, tt := range tests {
		if got := importMessage(tt.lang, journal.Imported{}, err); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.lang, got, tt.want)
		}
	}
}
