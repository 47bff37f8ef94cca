package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/claims/doclabels"
)

// Real technical documents, labelled (testdata/claims/doc-labels.tsv; see
// testdata/claims/README.md): claims/doclabels finds them and numbers
// their sentences.

// readDocLabels reads labelled sentences of real technical documents:
// lines DOC TAB INDEX TAB WORTHY TAB HASH, the sentence being the INDEXth
// doclabels.Sentences gives, HASH its doclabels.Hash, which must match. Each weighs w.
func readDocLabels(path string, w float64) ([]claims.Example, error) {
	goroot, modcache, err := doclabels.Dirs()
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
			file, err := doclabels.Path(f[0], goroot, modcache)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			if err := doclabels.Fetch(f[0], file); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			if sents, err = doclabels.Sentences(file); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
			}
			docs[f[0]] = sents
		}
		i, err := strconv.Atoi(f[1])
		if err != nil || i < 0 || i >= len(sents) {
			return nil, fmt.Errorf("%s:%d: no sentence %s in %s", path, n+1, f[1], f[0])
		}
		if doclabels.Hash(sents[i]) != f[3] {
			return nil, fmt.Errorf("%s:%d: sentence %d of %s is not the one labelled (hash %s)", path, n+1, i, f[0], f[3])
		}
		out = append(out, claims.Example{Text: sents[i], Claim: f[2] == "1", Weight: w})
	}
	return out, nil
}

// dumpDocs writes, for each document named, its sentences for labelling
// to dir: a file per document, lines DOC TAB INDEX TAB HASH TAB SENTENCE.
func dumpDocs(dir string, names []string) error {
	goroot, modcache, err := doclabels.Dirs()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for k, name := range names {
		file, err := doclabels.Path(name, goroot, modcache)
		if err != nil {
			return err
		}
		if err := doclabels.Fetch(name, file); err != nil {
			return err
		}
		sents, err := doclabels.Sentences(file)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		for i, s := range sents {
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", name, i, doclabels.Hash(s), s)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%02d.tsv", k)), b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d sentences\n", name, len(sents))
	}
	return nil
}
