package words

import (
	"errors"
	"fmt"
	"testing"

	"github.com/calfandsole/calfandsole/content"
)

// text is a Message as a domain package makes one.
type text struct {
	format string
	args   []any
}

func (t text) Message() (string, []any) { return t.format, t.args }

// textErr is an error that is a Message.
type textErr struct{ text }

func (e textErr) Error() string { return fmt.Sprintf(e.format, e.args...) }

func TestSayAndError(t *testing.T) {
	leg := text{"%s must be %s, not %s", []any{text{"leg", nil}, text{"%s or %s", []any{text{"left", nil}, text{"right", nil}}}, `"up"`}}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"Say en", Say(content.English, leg), `leg must be left or right, not "up"`},
		{"Say zh, parts in Chinese, the value as it is", Say(content.Chinese, leg), `哪条腿应该是左或右，不是"up"`},
		{"Error of a Message", Error(content.Chinese, textErr{text{"entry %d: %s", []any{3, textErr{text{"the file is empty", nil}}}}}), "第3条记录：文件是空的"},
		{"Error joined", Error(content.Chinese, errors.Join(textErr{text{"id is missing", nil}}, textErr{text{"kind is missing", nil}})), "缺少编号\n缺少类型"},
		{"Error of a wrapped Message", Error(content.Chinese, fmt.Errorf("reading: %w", textErr{text{"the file is empty", nil}})), "文件是空的"},
		{"Error of another error", Error(content.Chinese, errors.New("disk on fire")), "disk on fire"},
		{"Error nil", Error(content.Chinese, nil), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestIsMessage(t *testing.T) {
	msg := textErr{text{"the file is empty", nil}}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"a Message", msg, true},
		{"wrapped", fmt.Errorf("reading: %w", msg), true},
		{"joined", errors.Join(msg, msg), true},
		{"joined with another error", errors.Join(msg, errors.New("disk on fire")), false},
		{"another error", errors.New("disk on fire"), false},
	}
	for _, tt := range tests {
		if got := IsMessage(tt.err); got != tt.want {
			t.Errorf("%s: IsMessage = %v, want %v", tt.name, got, tt.want)
		}
	}
}
