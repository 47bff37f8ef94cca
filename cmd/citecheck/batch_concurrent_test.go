package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// batchLine matches the last line of a batch run.
var batchLine = regexp.MustCompile(`citecheck batch: (\d+) checked, (\d+) skipped, (\d+) failed(?:, (\d+) not stored)? in `)

// batchFigures reads checked, skipped, failed and not stored from the last
// line of a batch run's output.
func batchFigures(t *testing.T, out string) [4]int {
	t.Helper()
	m := batchLine.FindStringSubmatch(out)
	require.NotNil(t, m, "no summary line in %q", out)
	var f [4]int
	for i, s := range m[1:] {
		if s != "" {
			n, err := strconv.Atoi(s)
			require.NoError(t, err)
			f[i] = n
		}
	}
	return f
}

// TestBatchProcesses runs two batch processes at once on one database,
// over the same articles in different orders: both succeed, their lines
// add up, and every article is stored once with its rows once.
func TestBatchProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes that check 1,500 articles")
	}
	const n = 1500
	corpus := writeSmallCorpus(t, n)
	parts := []string{filepath.Join(corpus, "d00"), filepath.Join(corpus, "d01"), filepath.Join(corpus, "d02")}
	db := filepath.Join(t.TempDir(), "r.sqlite")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	inputs := [][]string{parts, {parts[2], parts[1], parts[0]}}
	outs := make([]string, len(inputs))
	errs := make([]error, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		cmd := helperCommand(ctx, "citecheck", append([]string{"batch", "--db", db, "--workers", "2"}, in...)...)
		wg.Go(func() {
			out, err := cmd.CombinedOutput()
			outs[i], errs[i] = string(out), err
		})
	}
	wg.Wait()
	checked := 0
	for i, err := range errs {
		require.NoError(t, err, "process %d exits 0: %s", i, outs[i])
		f := batchFigures(t, outs[i])
		assert.Equal(t, n, f[0]+f[1], "process %d: checked and skipped make the corpus: %s", i, outs[i])
		assert.Zero(t, f[2]+f[3], "process %d: nothing failed or unstored: %s", i, outs[i])
		checked += f[0]
		t.Logf("process %d: %s", i, strings.TrimSpace(outs[i]))
	}
	assert.GreaterOrEqual(t, checked, n)

	ids := articleIDs(t, db)
	assert.Len(t, ids, n)
	var distinct, unmatched int
	results := openResults(t, db)
	require.NoError(t, results.QueryRow("SELECT count(DISTINCT id) FROM articles").Scan(&distinct))
	assert.Equal(t, n, distinct, "an article stored twice")
	require.NoError(t, results.QueryRow(`SELECT count(*) FROM articles a
		WHERE errors + warnings + infos != (SELECT count(*) FROM findings f WHERE f.article_id = a.id)
		   OR citations != (SELECT count(*) FROM citations c WHERE c.article_id = a.id)`).Scan(&unmatched))
	assert.Zero(t, unmatched, "articles whose rows are missing or doubled")
}

// TestBatchSaveFails has the database refuse one article's transaction:
// the run stops, exits 1, and its last line counts what was stored and
// what was not, as the database holds it.
func TestBatchSaveFails(t *testing.T) {
	corpus := writeSmallCorpus(t, 450)
	path := filepath.Join(t.TempDir(), "r.sqlite")
	db, store, err := openStore(context.Background(), path)
	require.NoError(t, err)
	// A trigger stands for a database that cannot take more: a full disk,
	// or a lock held past every retry.
	_, err = db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id LIKE '%a00300.txt'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`)
	require.NoError(t, err)
	require.NoError(t, store.Close())
	require.NoError(t, db.Close())

	code, out, errOut := runTool(t, "", "batch", "--db", path, "--workers", "1", corpus)
	assert.Equal(t, exitBatchFailed, code)
	assert.Contains(t, errOut, "refused")
	assert.Contains(t, errOut, "not stored")
	f := batchFigures(t, out)
	assert.Positive(t, f[3], "the line counts the articles not stored: %s", out)
	assert.Equal(t, len(articleIDs(t, path)), f[0]+f[2], "the line counts what the database holds: %s", out)
	assert.LessOrEqual(t, f[0]+f[2]+f[3], 450)
}
