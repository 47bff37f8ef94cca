package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// TestEvalArticles compares Extract with the hand-written golden claim lists
// of testdata/claims/articles (news, opinion, press release, Wikipedia
// style). None of these sentences is in the training data.
func TestEvalArticles(t *testing.T) {
	paths, err := filepath.Glob("../testdata/claims/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var tp, fp, fn int
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		goldSrc, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".claims")
		require.NoError(t, err)
		gold := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(string(goldSrc)), "\n") {
			gold[line] = true
		}
		doc, err := sources.Parse(src, sources.ReadOptions{Name: filepath.Base(path)})
		require.NoError(t, err)
		got := map[string]bool{}
		for _, c := range Extract(doc, Options{}) {
			got[c.Text] = true
			if gold[c.Text] {
				tp++
			} else {
				fp++
				t.Logf("%s: extra claim %q", name, c.Text)
			}
		}
		for g := range gold {
			if !got[g] {
				fn++
				t.Logf("%s: missed claim %q", name, g)
			}
		}
	}
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("golden articles: precision %.3f recall %.3f (tp %d fp %d fn %d)", p, r, tp, fp, fn)
	// Measured: precision 1.000, recall 1.000 (news.claims relabelled by the
	// definitions of testdata/realpages/README.md).
	assert.GreaterOrEqual(t, p, 0.9, "precision")
	assert.GreaterOrEqual(t, r, 0.8, "recall")
}
