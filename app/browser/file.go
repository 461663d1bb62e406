package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// File is a file the person chose in a file input.
type File struct{ v app.Value }

// ChosenFile returns the file chosen in the file input input (the JSSrc of
// its change event), if one is.
func ChosenFile(input app.Value) (File, bool) {
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return File{}, false
	}
	return File{files.Index(0)}, true
}

// Size is the file's size in bytes.
func (f File) Size() int { return f.v.Get("size").Int() }

// Text reads the file as text. It blocks: call it from ctx.Async.
func (f File) Text() (string, error) {
	v, err := await(f.v.Call("text"))
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// ClearChoice empties the file input, so the same file can be chosen
// again.
func ClearChoice(input app.Value) { input.Set("value", "") }
