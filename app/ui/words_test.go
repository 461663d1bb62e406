//go:build !wasm

package ui

import (
	"fmt"
	"github.com/calfandsole/calfandsole/app/journal"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/calfandsole/calfandsole/app/words"
	"github.com/calfandsole/calfandsole/content"
)

// visibleCalls are the go-app calls whose string arguments a person sees
// or hears: text, a placeholder, a picture's description, an ARIA label.
var visibleCalls = map[string]bool{"Text": true, "Placeholder": true, "Alt": true, "Aria": true}

// TestMessagesTranslated reads this package's source and fails when a
// message passed to tr or trf is not a literal or has no Chinese in
// app/words, and when a visible string literal (Text, Placeholder, Alt,
// an aria-label, a screen's Title) does not go through tr or trf.
func TestMessagesTranslated(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parsing %s: %v", name, err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if isTr(n) {
				calls++
			}
			return true
		})
		for _, p := range problems(fset, f) {
			t.Error(p)
		}
	}
	if calls < 100 {
		t.Errorf("only %d calls to tr and trf found: is the source read?", calls)
	}
}

// problems lists, in the code under n, the messages passed to tr or trf
// that are not literals or have no Chinese, and the visible literals that
// do not go through them.
func problems(fset *token.FileSet, n ast.Node) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if isTr(n) {
				if p := checkMessage(fset, n); p != "" {
					out = append(out, p)
				}
				return false // its literal is the key, checked
			}
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if args := markupVisible(sel.Sel.Name, n.Args); args != nil {
				for _, a := range args {
					out = append(out, bareWords(fset, a)...)
				}
				return true
			}
			if !visibleCalls[sel.Sel.Name] {
				return true
			}
			args := n.Args
			if sel.Sel.Name == "Aria" {
				if len(args) != 2 || literal(args[0]) != "label" {
					return true
				}
				args = args[1:]
			}
			for _, a := range args {
				out = append(out, bareWords(fset, a)...)
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Title" {
				out = append(out, bareWords(fset, n.Value)...)
			}
		}
		return true
	})
	return out
}

// visibleAttrs are the attributes a person hears or sees as words.
var visibleAttrs = map[string]bool{"aria-label": true, "alt": true, "placeholder": true, "title": true}

// markupVisible picks, from a call of a markup method (markup.go), the
// arguments a person sees or hears: text's, elem's text, and the values of
// visible attributes given to elem and open. It is nil for other calls.
func markupVisible(method string, args []ast.Expr) []ast.Expr {
	var attrs, out []ast.Expr
	switch method {
	case "text":
		return args
	case "elem":
		if len(args) < 2 {
			return nil
		}
		out, attrs = args[1:2], args[2:]
	case "open":
		if len(args) < 1 {
			return nil
		}
		out, attrs = []ast.Expr{}, args[1:]
	default:
		return nil
	}
	for i := 0; i+1 < len(attrs); i += 2 {
		if visibleAttrs[literal(attrs[i])] {
			out = append(out, attrs[i+1])
		}
	}
	return out
}

func isTr(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := call.Fun.(*ast.Ident)
	return ok && (id.Name == "tr" || id.Name == "trf" || id.Name == "msg")
}

// checkMessage checks one call of tr, trf or msg: a literal message has
// Chinese in the catalogue. A message in a variable was marked with msg
// where it was written, and checked there; msg's must be a literal.
func checkMessage(fset *token.FileSet, call *ast.CallExpr) string {
	arg := len(call.Args) - 1
	if id := call.Fun.(*ast.Ident); id.Name != "msg" {
		arg = 1
	}
	if arg < 0 || arg >= len(call.Args) {
		return fmt.Sprintf("%s: %s without a message", fset.Position(call.Pos()), call.Fun)
	}
	lit, ok := call.Args[arg].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		if call.Fun.(*ast.Ident).Name == "msg" {
			return fmt.Sprintf("%s: msg must mark a string literal", fset.Position(call.Pos()))
		}
		return ""
	}
	msg, err := strconv.Unquote(lit.Value)
	if err != nil {
		return fmt.Sprintf("%s: %v", fset.Position(lit.Pos()), err)
	}
	if !words.Has(content.Chinese, msg) {
		return fmt.Sprintf("%s: no Chinese for %q in app/words", fset.Position(lit.Pos()), msg)
	}
	return ""
}

// bareWords lists every string literal with a letter in e that does not
// go through tr or trf.
func bareWords(fset *token.FileSet, e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		if isTr(n) {
			return false
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		if s, err := strconv.Unquote(lit.Value); err == nil && hasLetter(s) {
			out = append(out, fmt.Sprintf("%s: %q is shown without tr", fset.Position(lit.Pos()), s))
		}
		return true
	})
	return out
}

func literal(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		s, _ := strconv.Unquote(lit.Value)
		return s
	}
	return ""
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TestMessageProblems checks the check itself.
func TestMessageProblems(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{`app.P().Text(tr(l, "Your log"))`, 0},
		{`app.P().Text("Your log")`, 1},
		{`app.P().Text("Version " + v)`, 1},
		{`app.P().Aria("label", "Main")`, 1},
		{`app.P().Aria("live", "polite")`, 0},
		{`app.P().Text(tr(l, "No such message, not translated"))`, 1},
		{`app.P().Text(tr(l, label))`, 0},
		{`x{msg("Not in the catalogue at all")}`, 1},
		{`x{msg(label)}`, 1},
		{`app.P().Text("·")`, 0},
		{`shell{Title: "Points"}`, 1},
		{`app.Img().Alt(tr(l, "Your log") + "x")`, 1},
		{`m.elem("p", tr(l, "Your log"), "class", "lead")`, 0},
		{`m.elem("p", "Your log", "class", "lead")`, 1},
		{`m.text("Your log")`, 1},
		{`m.text(tr(l, "Your log"))`, 0},
		{`m.open("a", "href", "/log", "aria-label", "Main")`, 1},
		{`m.open("a", "aria-label", tr(l, "Your log"), "class", "card")`, 0},
		{`m.elem("a", tr(l, "Your log"), "title", "Main")`, 1},
	}
	for _, tt := range tests {
		e, err := parser.ParseExpr(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := problems(token.NewFileSet(), e); len(got) != tt.want {
			t.Errorf("%s: %d problems %q, want %d", tt.src, len(got), got, tt.want)
		}
	}
}

// TestLogValuesTranslated checks the log's stored values, shown as chips
// and in the history through tr, have their Chinese.
func TestLogValuesTranslated(t *testing.T) {
	for _, list := range [][]string{journal.Legs, journal.Places, journal.Helps} {
		for _, v := range list {
			if !words.Has(content.Chinese, v) {
				t.Errorf("no Chinese for the log's value %q in app/words", v)
			}
		}
	}
}
