package citecheck_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/claims/doclabels"
	"github.com/citecheck/citecheck/sources"
)

// TestEvalTechnicalDocs scores, as a user's Check does, the technical
// documents of testdata/claims/doc-labels-proxy.tsv (Prometheus's guides,
// gopls's release notes, the READMEs of bbolt, etcd's raft and Caddy),
// whose sentences are labelled for check-worthiness and which the claim
// model never learnt from. It prints how the claim detector does on them,
// and holds that uncited-claim reports them as infos, not warnings, in the
// documents with code blocks (citecheck.TechnicalCodeBlocks). The
// documents are read from the module cache (claims/doclabels); go mod
// download fetches them (the trainer does: go run ./claims/train
// -docs-dump with their names).
func TestEvalTechnicalDocs(t *testing.T) {
	const labelsPath = "testdata/claims/doc-labels-proxy.tsv"
	data, err := os.ReadFile(labelsPath)
	require.NoError(t, err)
	goroot, modcache, err := doclabels.Dirs()
	require.NoError(t, err)

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
		file, err := doclabels.Path(name, goroot, modcache)
		require.NoError(t, err)
		src, err := os.ReadFile(file)
		if err != nil {
			t.Skipf("%s is not in the module cache (go mod download fetches it): %v", name, err)
		}
		sents, err := doclabels.Sentences(file)
		require.NoError(t, err)
		worthy := map[string]bool{} // by the sentence, white space collapsed
		for _, l := range labels[name] {
			require.Less(t, l.index, len(sents), "%s: sentence %d", name, l.index)
			require.Equal(t, l.hash, doclabels.Hash(sents[l.index]), "%s: sentence %d is not the one labelled", name, l.index)
			worthy[sents[l.index]] = l.worthy
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
		doc, err := sources.Parse(src, sources.ReadOptions{Name: file})
		require.NoError(t, err)
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
