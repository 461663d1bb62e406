package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/browser"
	"github.com/calfandsole/calfandsole/app/journal"
	"github.com/calfandsole/calfandsole/content"
)

// logMessage is a domain message, as app/journal's errors are.
type logMessage struct{}

func (logMessage) Message() (string, []any) { return "Your log", nil }
func (logMessage) Error() string            { return "Your log" }

// TestProblem: what went wrong reads in the page's language; only an
// error the app does not know keeps its own text, marked as a technical
// detail on a Chinese screen.
func TestProblem(t *testing.T) {
	refused := fmt.Errorf("%w (NotAllowedError: denied)", browser.ErrRefused)
	tests := []struct {
		name   string
		err    error
		en, zh string
	}{
		{"none", nil, "", ""},
		{"storage full, wrapped", fmt.Errorf("saving 2 entries: %w", journal.ErrStorageFull), "the phone's storage is full", "手机存储空间已满"},
		{"gone", fmt.Errorf("deleting entry x: %w", journal.ErrNotFound), "that entry is no longer there", "这条记录已经不在了"},
		{"cancelled", browser.ErrCancelled, "it was cancelled", "已取消"},
		{"unsupported", browser.ErrUnsupported, "this browser cannot do that", "这个浏览器做不到"},
		{"a domain message", logMessage{}, "Your log", "我的记录"},
		{"a wrapped domain message", fmt.Errorf("reading: %w", logMessage{}), "Your log", "我的记录"},
		{"messages joined", errors.Join(logMessage{}, logMessage{}), "Your log\nYour log", "我的记录\n我的记录"},
		{"the browser's reason", refused, "the browser refused (NotAllowedError: denied)", "浏览器拒绝了（技术细节：the browser refused (NotAllowedError: denied)）"},
		{"unknown", errors.New("unexpected EOF"), "unexpected EOF", "技术细节：unexpected EOF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := problem(content.English, tc.err); got != tc.en {
				t.Errorf("English: %q, want %q", got, tc.en)
			}
			got := problem(content.Chinese, tc.err)
			if got != tc.zh {
				t.Errorf("Chinese: %q, want %q", got, tc.zh)
			}
			if tc.err != nil && tc.err.Error() != "" && !strings.Contains(tc.name, "unknown") && !strings.Contains(tc.name, "reason") && strings.Contains(got, tc.err.Error()) {
				t.Errorf("Chinese %q keeps the English %q", got, tc.err.Error())
			}
		})
	}
}
