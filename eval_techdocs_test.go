package citecheck_test

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/module"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// TestEvalTechnicalDocs scores, as a user's Check does, the technical
// documents of testdata/claims/doc-labels-proxy.tsv (Prometheus's guides,
// gopls's release notes, the READMEs of bbolt, etcd's raft and Caddy),
// whose sentences are labelled for check-worthiness and which the claim
// model never learnt from. It prints how the claim detector does on them,
// and holds that uncited-claim reports them as infos, not warnings, in the
// documents with code blocks (citecheck.TechnicalCodeBlocks). The
// documents are read from the module cache; go mod download fetches them
// (the trainer does: go run ./claims/train -docs-dump with their names).
func TestEvalTechnicalDocs(t *testing.T) {
	const labelsPath = "testdata/claims/doc-labels-proxy.tsv"
	data, err := os.ReadFile(labelsPath)
	require.NoError(t, err)
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	require.NoError(t, err)
	modcache := strings.TrimSpace(string(out))

	type label struct {
		index  int
		worthy bool
		hash   string
	}
	labels := map[string][]label{}
	var docs []string
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 4, "%s:%d", labelsPath, n+1)
		i, err := strconv.Atoi(f[1])
		require.NoError(t, err, "%s:%d", labelsPath, n+1)
		if labels[f[0]] == nil {
			docs = append(docs, f[0])
		}
		labels[f[0]] = append(labels[f[0]], label{index: i, worthy: f[2] == "1", hash: f[3]})
	}

	var tp, fp, fn, warnings, infos, technical int
	for _, name := range docs {
		rest, ok := strings.CutPrefix(name, "gomod:")
		require.True(t, ok, name)
		at := strings.IndexByte(rest, '@')
		slash := strings.IndexByte(rest[at:], '/')
		path, version := rest[:at], rest[at+1:at+slash]
		escaped, err := module.EscapePath(path)
		require.NoError(t, err)
		file := filepath.Join(modcache, filepath.FromSlash(escaped)+"@"+version, filepath.FromSlash(rest[at+slash+1:]))
		src, err := os.ReadFile(file)
		if err != nil {
			t.Skipf("%s is not in the module cache (go mod download %s@%s fetches it): %v", name, path, version, err)
		}

		// the sentences as the labels number them: those Extract scores
		// and list items not written as sentences, in order
		doc, err := sources.Parse(src, sources.ReadOptions{Name: file})
		require.NoError(t, err)
		var spans []sources.Span
		for _, sp := range claims.Sentences(doc) {
			if claims.Scored(doc, sp) || claims.ListFragment(doc, sp) {
				spans = append(spans, sp)
			}
		}
		worthy := map[string]bool{} // by the sentence, white space collapsed
		for _, l := range labels[name] {
			require.Less(t, l.index, len(spans), "%s: sentence %d", name, l.index)
			s := strings.Join(strings.Fields(doc.Slice(spans[l.index])), " ")
			sum := sha1.Sum([]byte(s))
			require.Equal(t, l.hash, hex.EncodeToString(sum[:])[:8], "%s: sentence %d is not the one labelled", name, l.index)
			worthy[s] = l.worthy
		}

		r, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: file})
		require.NoError(t, err)
		found := map[string]bool{}
		for _, c := range r.Claims {
			found[strings.Join(strings.Fields(c.Text), " ")] = true
		}
		for s, w := range worthy {
			switch {
			case found[s] && w:
				tp++
			case found[s]:
				fp++
			case w:
				fn++
			}
		}
		var codeBlocks int
		for _, b := range doc.Blocks {
			if b.Kind == sources.BlockPreformatted {
				codeBlocks++
			}
		}
		if codeBlocks >= citecheck.TechnicalCodeBlocks {
			technical++
		}
		for _, f := range r.Findings {
			if f.Code != citecheck.CodeUncitedClaim {
				continue
			}
			switch f.Severity {
			case citecheck.SeverityWarning:
				warnings++
				assert.Less(t, codeBlocks, citecheck.TechnicalCodeBlocks, "%s: a warning in a document with %d code blocks: %s", name, codeBlocks, f.Message)
			case citecheck.SeverityInfo:
				infos++
			}
		}
	}
	p, rec := float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
	t.Logf("%d technical documents, %d of them with %d code blocks or more: claim detection P %.3f R %.3f (tp %d fp %d fn %d); uncited-claim: %d warnings, %d infos",
		len(docs), technical, citecheck.TechnicalCodeBlocks, p, rec, tp, fp, fn, warnings, infos)
}
