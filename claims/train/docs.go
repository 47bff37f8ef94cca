package main

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/module"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// Real technical documents, labelled: the Go distribution's own documents
// and the READMEs of modules citecheck builds with, read from where the go
// command keeps them (GOROOT, GOMODCACHE), so that the repository holds
// only their labels (testdata/claims/doc-labels.tsv; see
// testdata/claims/README.md). A document is named
//
//	goroot:doc/go_mem.html
//	gomod:github.com/yuin/goldmark@v1.8.7/README.md
//
// and its sentences are those Extract scores, in order, as citecheck reads
// the file (HTML or Markdown).

// goDirs returns GOROOT and GOMODCACHE as the go command has them.
func goDirs() (goroot, modcache string, err error) {
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

// docPath returns the file a document name points at.
func docPath(name, goroot, modcache string) (string, error) {
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

// fetchDoc makes sure the file of the document name is at file: a module
// not yet in the module cache (one citecheck does not build with) is
// fetched from the module proxy with go mod download, which checks it
// against the checksum database.
func fetchDoc(name, file string) error {
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

// docSentences returns the sentences of the document at path that Extract
// scores, as citecheck reads it.
func docSentences(path string) ([]string, error) {
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

// readDocLabels reads labelled sentences of real technical documents:
// lines DOC TAB INDEX TAB WORTHY TAB HASH, the sentence being the INDEXth
// docSentences gives, HASH the first eight hex digits of its SHA-1, which
// must match. Each weighs w.
func readDocLabels(path string, w float64) ([]claims.Example, error) {
	goroot, modcache, err := goDirs()
	if err != nil {
		return nil, err
	}
	return readDocLabelsIn(path, goroot, modcache, w)
}

// readDocLabelsIn is readDocLabels with GOROOT and GOMODCACHE given.
func readDocLabelsIn(path, goroot, modcache string, w float64) ([]claims.Example, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	docs := map[string][]string{}
	var out []claims.Example
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[2] != "0" && f[2] != "1" {
			return nil, fmt.Errorf("%s:%d: want DOC, INDEX, 0 or 1 and HASH, tab-separated: %q", path, n+1, line)
		}
		sents, ok := docs[f[0]]
		if !ok {
			file, err := docPath(f[0], goroot, modcache)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			if err := fetchDoc(f[0], file); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			if sents, err = docSentences(file); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			docs[f[0]] = sents
		}
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 0 || i >= len(sents) {
			return nil, fmt.Errorf("%s:%d: no sentence %s in %s", path, n+1, f[1], f[0])
		}
		if sum := sha1.Sum([]byte(sents[i])); hex.EncodeToString(sum[:])[:8] != f[3] {
			return nil, fmt.Errorf("%s:%d: sentence %d of %s is not the one labelled (hash %s)", path, n+1, i, f[0], f[3])
		}
		out = append(out, claims.Example{Text: sents[i], Claim: f[2] == "1", Weight: w})
	}
	return out, nil
}

// dumpDocs writes, for each document named, its sentences for labelling
// to dir: a file per document, lines DOC TAB INDEX TAB HASH TAB SENTENCE.
func dumpDocs(dir string, names []string) error {
	goroot, modcache, err := goDirs()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for k, name := range names {
		file, err := docPath(name, goroot, modcache)
		if err != nil {
			return err
		}
		if err := fetchDoc(name, file); err != nil {
			return err
		}
		sents, err := docSentences(file)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		for i, s := range sents {
			sum := sha1.Sum([]byte(s))
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", name, i, hex.EncodeToString(sum[:])[:8], s)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%02d.tsv", k)), b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d sentences\n", name, len(sents))
	}
	return nil
}
