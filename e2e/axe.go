//go:build !wasm

package e2e

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// AxeViolation is one accessibility rule an axe-core check found broken.
type AxeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// String says what is wrong and where, for a test failure.
func (v AxeViolation) String() string {
	return fmt.Sprintf("%s (%s): %s, at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
}

var axeSource = sync.OnceValues(func() (string, error) {
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "axe", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("axe-core is not installed (%s): run `make test`, or `bash e2e/install-axe.sh`", path)
	}
	if err != nil {
		return "", fmt.Errorf("reading axe-core: %w", err)
	}
	return string(b), nil
})

// axeRun runs axe-core on the page for the WCAG A and AA rules and best
// practices, and returns the violations as AxeViolation values.
const axeRun = `axe.run(document, {
	runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
})))`

// Axe checks the page as it is now with axe-core, read from disk and handed
// to the page (the browser never fetches it), and returns the violations of
// at least the given impact ("minor", "moderate", "serious", "critical").
func (t *Tab) Axe(least string) ([]AxeViolation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, err
	}
	loaded, err := Eval[bool](t, `typeof axe === "object"`)
	if err != nil {
		return nil, err
	}
	if !loaded {
		if _, err := Eval[bool](t, "(() => {"+src+"\n; return true; })()"); err != nil {
			return nil, fmt.Errorf("loading axe-core into the page: %w", err)
		}
	}
	all, err := Eval[[]AxeViolation](t, axeRun)
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	rank := map[string]int{"minor": 1, "moderate": 2, "serious": 3, "critical": 4}
	var out []AxeViolation
	for _, v := range all {
		if rank[v.Impact] >= rank[least] {
			out = append(out, v)
		}
	}
	return out, nil
}
