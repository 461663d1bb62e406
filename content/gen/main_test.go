package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/content"
)

// TestEnglishIsCurrent: content/english.go is byte for byte what the
// generator writes from the JSON files now.
func TestEnglishIsCurrent(t *testing.T) {
	lib, err := content.Parse()
	if err != nil {
		t.Fatal(err)
	}
	want, err := source(lib)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../english.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("content/english.go is not what go run ./content/gen writes: run it")
	}
}

// TestLiteral: each kind of value the content holds is written as Go;
// a kind the generator does not know is refused, not written wrong.
func TestLiteral(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
		err  string
	}{
		{"quoted string", content.Section{Heading: `a "b"` + "\n"}, `Section{
Heading: "a \"b\"\n",
}`, ""},
		{"empty list kept, nil left out", content.Routine{ID: "r", Steps: []content.Step{}}, `Routine{
ID: "r",
Steps: []Step{},
}`, ""},
		{"numbers and flags", content.Step{Seconds: 30, Suggested: true}, `Step{
Seconds: 30,
Suggested: true,
}`, ""},
		{"float", content.MapSpot{X: 12.5, Y: 3}, `MapSpot{
X: 12.5,
Y: 3,
}`, ""},
		{"unknown kind", map[string]int{"a": 1}, "", "cannot write a map"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := literal(&b, reflect.ValueOf(tc.v), false)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}
