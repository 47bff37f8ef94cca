// Package doclabels finds the third-party technical documents whose
// sentences testdata/claims labels (doc-labels.tsv and the files beside
// it), where the go command keeps them, and numbers their sentences as the
// labels do, for the claim model's trainer (claims/train) and the
// evaluation of citecheck on technical documents. The repository holds
// only the labels. A document is named
//
//	goroot:doc/go_mem.html
//	gomod:github.com/yuin/goldmark@v1.8.7/README.md
//
// and its sentences are those Extract scores, and list items not written
// as sentences, in order, as citecheck reads the file (HTML or Markdown).
package doclabels

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/module"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// Dirs returns GOROOT and GOMODCACHE as the go command has them.
func Dirs() (goroot, modcache string, err error) {
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		return "", "", fmt.Errorf("go env: %w", err)
	}
	f := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(f) != 2 {
		return "", "", fmt.Errorf("go env: unexpected output %q", out)
	}
	return strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), nil
}

// Path returns the file a document name points at.
func Path(name, goroot, modcache string) (string, error) {
	switch where, rest, _ := strings.Cut(name, ":"); where {
	case "goroot":
		return filepath.Join(goroot, filepath.FromSlash(rest)), nil
	case "gomod":
		at := strings.IndexByte(rest, '@')
		slash := strings.IndexByte(rest[max(at, 0):], '/')
		if at < 0 || slash < 0 {
			return "", fmt.Errorf("document %q: want gomod:MODULE@VERSION/FILE", name)
		}
		mod, file := rest[:at+slash], rest[at+slash+1:]
		path, version, _ := strings.Cut(mod, "@")
		escaped, err := module.EscapePath(path)
		if err != nil {
			return "", fmt.Errorf("document %q: %w", name, err)
		}
		return filepath.Join(modcache, filepath.FromSlash(escaped)+"@"+version, filepath.FromSlash(file)), nil
	}
	return "", fmt.Errorf("document %q: want goroot:FILE or gomod:MODULE@VERSION/FILE", name)
}

// Fetch makes sure the file of the document name is at file: a module
// not yet in the module cache (one citecheck does not build with) is
// fetched from the module proxy with go mod download, which checks it
// against the checksum database.
func Fetch(name, file string) error {
	if _, err := os.Stat(file); err == nil || !strings.HasPrefix(name, "gomod:") {
		return nil
	}
	rest := strings.TrimPrefix(name, "gomod:")
	at := strings.IndexByte(rest, '@')
	slash := strings.IndexByte(rest[at:], '/')
	mod := rest[:at+slash]
	if out, err := exec.Command("go", "mod", "download", mod).CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download %s: %w: %s", mod, err, bytes.TrimSpace(out))
	}
	return nil
}

// Sentences returns the sentences of the document at path as its labels
// number them: those Extract scores and the list items not written as
// sentences, in order, as citecheck reads the file, white space collapsed.
func Sentences(path string) ([]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := sources.Parse(src, sources.ReadOptions{Name: path})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sp := range claims.Sentences(doc) {
		if claims.Scored(doc, sp) || claims.ListFragment(doc, sp) {
			out = append(out, strings.Join(strings.Fields(doc.Slice(sp)), " "))
		}
	}
	return out, nil
}

// Hash returns the first eight hex digits of the SHA-1 of a labelled
// sentence, which a label file gives so that another version of a
// document cannot shift its labels.
func Hash(sentence string) string {
	sum := sha1.Sum([]byte(sentence))
	return hex.EncodeToString(sum[:])[:8]
}
