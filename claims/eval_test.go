package claims

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clefTestGold holds the held-out CLEF CheckThat! 2020 task 5 transcripts;
// the model never saw them (training reads training-v2 only).
const clefTestGold = "../../shared/data/clef2020-checkthat-task5-checkworthiness/test-gold"

// publishedMAP is the best primary-run MAP reported for CLEF CheckThat! 2020
// task 5 (English debates), about 0.087.
const publishedMAP = 0.087

func readTranscript(t *testing.T, path string) []Example {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := ReadTranscript(f)
	require.NoError(t, err)
	return rows
}

// TestEvalCheckworthiness ranks the sentences of each held-out transcript
// by ScoreSequence (the calibrated score with questions capped, as Extract
// and Score give it, here with the transcript's speakers) and reports MAP, P@10 and, at the default threshold, precision,
// recall and F1.
func TestEvalCheckworthiness(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(clefTestGold, "*.tsv"))
	if len(files) == 0 {
		t.Skipf("CLEF test-gold transcripts not found at %s; see ../shared/data/SOURCES.md", clefTestGold)
	}
	sort.Strings(files)
	m := DefaultModel()
	var sumAP, sumP10 float64
	var tp, fp, fn, n int
	for _, f := range files {
		rows := readTranscript(t, f)
		sents := make([]Sentence, len(rows))
		for i, r := range rows {
			sents[i] = Sentence{Text: r.Text, Speaker: r.Speaker}
		}
		scores := m.ScoreSequence(sents)
		for i, r := range rows {
			switch {
			case scores[i] >= m.Threshold() && r.Claim:
				tp++
			case scores[i] >= m.Threshold():
				fp++
			case r.Claim:
				fn++
			}
		}
		n += len(rows)
		order := make([]int, len(rows))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
		var hits, ap float64
		var pos int
		for _, r := range rows {
			if r.Claim {
				pos++
			}
		}
		var p10 float64
		for rank, i := range order {
			if rows[i].Claim {
				hits++
				ap += hits / float64(rank+1)
			}
			if rank == 9 {
				p10 = hits / 10
			}
		}
		if pos > 0 {
			ap /= float64(pos)
		}
		t.Logf("%-45s sentences %5d positives %3d AP %.4f P@10 %.1f", filepath.Base(f), len(rows), pos, ap, p10)
		sumAP += ap
		sumP10 += p10
	}
	mapScore := sumAP / float64(len(files))
	p10 := sumP10 / float64(len(files))
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("CLEF 2020 task 5 test-gold: %d transcripts, %d sentences", len(files), n)
	t.Logf("MAP %.4f (best published %.3f), P@10 %.3f", mapScore, publishedMAP, p10)
	t.Logf("threshold %.2f: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", m.Threshold(), p, r, f1, tp, fp, fn)
	// Floors a little below the measured figures (MAP 0.072, P@10 0.070,
	// F1 0.041 at the default threshold 0.50 with the shipped model) to
	// catch regressions.
	assert.GreaterOrEqual(t, mapScore, 0.055, "MAP")
	assert.GreaterOrEqual(t, p10, 0.055, "P@10")
	assert.GreaterOrEqual(t, f1, 0.030, "F1")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
