//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"path"
	"sort"
)

// webFiles lists the files under web/ that are served, sorted, with
// slash-separated paths relative to web/. Precompressed copies are left out:
// they are the same files in other encodings.
func webFiles(web fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := servedExt[path.Ext(p)]; ok {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// contentVersion hashes the names and contents of files, with the service
// worker template and the app's settings, so the version changes exactly
// when what is served changes, whatever the time the server starts.
func contentVersion(web fs.FS, files []string, settings string) (string, error) {
	h := sha256.New()
	io.WriteString(h, workerTemplate)
	io.WriteString(h, settings+"\x00")
	for _, name := range files {
		f, err := web.Open(name)
		if err != nil {
			return "", err
		}
		io.WriteString(h, name+"\x00")
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// freshCopies returns the precompressed copies (name.br, name.gz) of files
// that are at least as new as the file itself.
func freshCopies(web fs.FS, files []string) map[string]bool {
	fresh := make(map[string]bool)
	for _, name := range files {
		orig, err := fs.Stat(web, name)
		if err != nil {
			continue
		}
		for _, ext := range []string{".br", ".gz"} {
			if c, err := fs.Stat(web, name+ext); err == nil && !c.ModTime().Before(orig.ModTime()) {
				fresh[name+ext] = true
			}
		}
	}
	return fresh
}
