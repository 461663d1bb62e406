package journal

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
)

// TestTextsTranslated reads this package's source and fails when a
// message it says (say, sayErr, wrapSay, Validate's bad) is not a literal or has no Chinese in
// app/words, or when a field's name or a kind of entry, named in
// messages, has none.
func TestTextsTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	said := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parsing %s: %v", name, err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			arg := map[string]int{"say": 0, "sayErr": 0, "bad": 0, "wrapSay": 1}
			i, ok := arg[id.Name]
			if !ok || len(call.Args) <= i {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				if id, ok := call.Args[i].(*ast.Ident); !ok || id.Name != "format" { // passed on
					t.Errorf("%s: the message is not a literal", fset.Position(call.Pos()))
				}
				return true
			}
			said++
			msg, _ := strconv.Unquote(lit.Value)
			if !words.Has(content.Chinese, msg) {
				t.Errorf("%s: no Chinese for %q in app/words", fset.Position(lit.Pos()), msg)
			}
			return true
		})
	}
	if said < 50 {
		t.Errorf("only %d messages found: is the source read?", said)
	}
	for field, name := range fieldNames {
		if !words.Has(content.Chinese, name) {
			t.Errorf("no Chinese for the field %s's name %q in app/words", field, name)
		}
	}
	for _, k := range []Kind{KindCramp, KindHeel, KindRoutine} {
		if !words.Has(content.Chinese, string(k)) {
			t.Errorf("no Chinese for the kind %q in app/words", k)
		}
	}
}

// TestTextEnglish: a Text and the errors made of Texts write their English
// as fmt would, nested parts and lists included.
func TestTextEnglish(t *testing.T) {
	tests := []struct {
		got  any
		want string
	}{
		{say("the number %s", "7.5"), "the number 7.5"},
		{say("%s should be %s, not %s", fieldName("cramp.seconds"), wantSort(nil), sortOf("bool")), "how long should be something else, not true or false"},
		{list([]string{"a"}), "a"},
		{list([]string{"a", "b"}), "a or b"},
		{list([]string{"a", "b", "c"}), "a, b or c"},
		{joinTexts([]any{say("x"), sayErr("y"), "z"}), "x; y; z"},
		{&entryError{2, sayErr("id is missing")}, "entry 2: id is missing"},
	}
	for _, tt := range tests {
		var got string
		switch v := tt.got.(type) {
		case error:
			got = v.Error()
		case Text:
			got = v.String()
		default:
			got = v.(string)
		}
		if got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
