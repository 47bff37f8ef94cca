package verify_test

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/claims/verify/internal/claimdata"
)

// folds is the number of folds of the grouped cross-validation.
const folds = 5

// fold returns the fold of a group: a hash, so that every claim of one
// Wikipedia article (or one paper) falls in the same fold.
func fold(group string) int {
	h := fnv.New32a()
	h.Write([]byte(group))
	return int(h.Sum32() % folds)
}

// binary holds the counts of a two-class prediction.
type binary struct{ tp, fp, tn, fn float64 }

func (b *binary) add(truth, pred bool) {
	switch {
	case truth && pred:
		b.tp++
	case truth:
		b.fn++
	case pred:
		b.fp++
	default:
		b.tn++
	}
}

func (b binary) bacc() float64 {
	return 0.5 * (b.tp/math.Max(b.tp+b.fn, 1) + b.tn/math.Max(b.tn+b.fp, 1))
}

func (b binary) f1() float64 { return 2 * b.tp / math.Max(2*b.tp+b.fp+b.fn, 1) }

// macroF1 returns the mean F1 over classes of truth and predicted labels.
func macroF1(classes []string, truth, pred []string) float64 {
	var sum float64
	for _, c := range classes {
		var b binary
		for k := range truth {
			b.add(truth[k] == c, pred[k] == c)
		}
		sum += b.f1()
	}
	return sum / float64(len(classes))
}

// auroc returns the area under the ROC curve of scores for labels, ties
// counted half.
func auroc(scores []float64, labels []bool) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] < scores[b]:
			return -1
		case scores[a] > scores[b]:
			return 1
		}
		return 0
	})
	var pos, neg, rankSum float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			j++
		}
		avg := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if labels[idx[k]] {
				rankSum += avg
				pos++
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0.5
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// wiceClass maps a verdict to WiCE's three classes.
func wiceClass(v verify.Verdict) string {
	switch v {
	case verify.Supported:
		return "supported"
	case verify.PartiallySupported, verify.Contradicted:
		return "partially_supported"
	}
	return "not_supported"
}

// covidClass maps a verdict to Check-COVID's three classes.
func covidClass(v verify.Verdict) string {
	switch v {
	case verify.Supported:
		return "SUPPORT"
	case verify.Contradicted:
		return "REFUTE"
	}
	return "NOTENOUGHINFO"
}

func loadData(t *testing.T) string {
	t.Helper()
	dir := claimdata.Dir()
	if dir == "" {
		t.Skip("claim-support data not found at ../shared/data/claim-support (see its README.md)")
	}
	return dir
}

// TestEvalWiCE scores the verifier on WiCE's dev claims (each against the
// whole page it cites) by grouped 5-fold cross-validation: each fold is
// scored by a model trained on the other four folds, WiCE's
// non-supported-token claims, (for the contradiction model only)
// Check-COVID's train claims and (for the models for short sources,
// which score the few WiCE pages of at most 20 sentences) Check-COVID's
// train claims against their rationale, with claims
// of one Wikipedia article always in one fold. Nothing is tuned on the
// fold scored: the thresholds come from the training folds. Run with -v
// for the figures.
func TestEvalWiCE(t *testing.T) {
	dir := loadData(t)
	items, err := claimdata.Training(dir)
	require.NoError(t, err)
	examples := claimdata.Examples(items)
	short := claimdata.ShortExamples(items)
	dev, err := claimdata.WiCE(dir+"/wice", "data/entailment_retrieval/claim/dev.jsonl")
	require.NoError(t, err)
	isDev := map[string]bool{}
	for _, it := range dev {
		isDev[it.Claim.Text] = true
	}
	var sup binary
	var scores []float64
	var labels []bool
	var truth, pred []string
	hits, withGold := 0, 0
	var foldAUC []string
	for k := range folds {
		from := len(scores)
		var train []verify.TrainingExample
		for i, it := range items {
			if !isDev[it.Claim.Text] || fold(it.Group) != k {
				train = append(train, examples[i])
			}
		}
		m := verify.Train(append(train, short...))
		for _, it := range dev {
			if fold(it.Group) != k {
				continue
			}
			r := m.Verify(it.Claim, it.Source)
			sup.add(it.Supported(), r.Verdict == verify.Supported)
			scores = append(scores, r.Score)
			labels = append(labels, it.Supported())
			truth = append(truth, it.Label)
			pred = append(pred, wiceClass(r.Verdict))
			if len(it.Gold) > 0 {
				withGold++
				if hit(r.Evidence, it.Gold) {
					hits++
				}
			}
		}
		foldAUC = append(foldAUC, fmt.Sprintf("%.3f", auroc(scores[from:], labels[from:])))
	}
	require.Len(t, truth, len(dev))
	conf := map[[2]string]int{}
	for k := range truth {
		conf[[2]string{truth[k], pred[k]}]++
	}
	t.Logf("confusion (truth, predicted): %v", conf)
	bacc, f1, auc := sup.bacc(), sup.f1(), auroc(scores, labels)
	mf1 := macroF1([]string{"supported", "partially_supported", "not_supported"}, truth, pred)
	hit5 := float64(hits) / float64(withGold)
	// Calibration: the Brier score, and the mean Score against the share
	// supported.
	var brier, meanScore, rate float64
	for k := range scores {
		y := 0.0
		if labels[k] {
			y = 1
		}
		brier += (scores[k] - y) * (scores[k] - y)
		meanScore += scores[k]
		rate += y
	}
	n := float64(len(scores))
	t.Logf("calibration: Brier %.3f (%.3f for the constant base rate); mean Score %.3f, share supported %.3f",
		brier/n, rate/n*(1-rate/n), meanScore/n, rate/n)
	t.Logf("WiCE dev, %d claims, grouped %d-fold CV: supported vs rest balanced accuracy %.3f, F1(supported) %.3f, AUROC %.3f; three-class macro-F1 %.3f; evidence hit@5 %.3f (%d of %d claims with gold sentences)",
		len(dev), folds, bacc, f1, auc, mf1, hit5, hits, withGold)
	lo, hi := bootstrapAUROC(scores, labels)
	t.Logf("AUROC by fold %s; bootstrap 95%% interval over claims [%.3f, %.3f]", strings.Join(foldAUC, " "), lo, hi)
	// Floors a little under what was measured, so that a regression fails.
	assert.GreaterOrEqual(t, bacc, 0.75)
	assert.GreaterOrEqual(t, auc, 0.815)
	assert.LessOrEqual(t, brier/n, 0.165)
	assert.GreaterOrEqual(t, hit5, 0.95)
}

// bootstrapAUROC returns the 2.5th and 97.5th percentiles of the AUROC
// of 1000 resamples of the claims with replacement, from a fixed seed:
// how far the AUROC of 349 claims moves by chance, against which to read
// a change.
func bootstrapAUROC(scores []float64, labels []bool) (lo, hi float64) {
	const resamples = 1000
	rng := rand.New(rand.NewPCG(1, 2))
	aucs := make([]float64, resamples)
	s := make([]float64, len(scores))
	l := make([]bool, len(labels))
	for b := range aucs {
		for i := range s {
			k := rng.IntN(len(scores))
			s[i], l[i] = scores[k], labels[k]
		}
		aucs[b] = auroc(s, l)
	}
	slices.Sort(aucs)
	return aucs[resamples*25/1000], aucs[resamples*975/1000-1]
}

// hit reports whether some evidence passage overlaps a gold sentence.
func hit(ev []verify.Evidence, gold []verify.Span) bool {
	for _, e := range ev {
		for _, g := range gold {
			if e.Span.Start < g.End && g.Start < e.Span.End {
				return true
			}
		}
	}
	return false
}

// TestEvalCheckCovid scores the verifier on Check-COVID's dev claims
// with a model trained as the shipped one is (no dev paper is in train).
// Supported is SUPPORT, contradicted REFUTE, anything else NOTENOUGHINFO.
// Against the rationale (the sentences marked PRIMARY), the dataset's own
// label-prediction input, the three classes; against the whole abstract,
// the three classes too for comparison with earlier figures, though a
// NOTENOUGHINFO pair's claim and abstract are those of a SUPPORT or REFUTE
// pair, so no verifier tells them apart there; and SUPPORT against REFUTE.
// The dev claims were scored once for the design kept, after it was
// chosen by TestEvalCheckCovidCV on the train claims.
func TestEvalCheckCovid(t *testing.T) {
	dir := loadData(t)
	items, err := claimdata.Training(dir)
	require.NoError(t, err)
	m := verify.Train(append(claimdata.Examples(items), claimdata.ShortExamples(items)...))
	dev, err := claimdata.CheckCovid(dir, "dev/covidCheck_dev_composed+extracted.json")
	require.NoError(t, err)
	classes := []string{"SUPPORT", "REFUTE", "NOTENOUGHINFO"}
	var truth, pred, predAbs, truthSR, predSR []string
	var sup, supAbs binary
	conf := map[[2]string]int{}
	for _, it := range dev {
		r := m.Verify(it.Claim, it.Rationale)
		truth = append(truth, it.Label)
		pred = append(pred, covidClass(r.Verdict))
		conf[[2]string{it.Label, covidClass(r.Verdict)}]++
		sup.add(it.Supported(), r.Verdict == verify.Supported)
		r = m.Verify(it.Claim, it.Source)
		predAbs = append(predAbs, covidClass(r.Verdict))
		supAbs.add(it.Supported(), r.Verdict == verify.Supported)
		if it.Label != "NOTENOUGHINFO" {
			truthSR = append(truthSR, it.Label)
			predSR = append(predSR, covidClass(r.Verdict))
		}
	}
	mf1 := macroF1(classes, truth, pred)
	mf1Abs := macroF1(classes, truth, predAbs)
	mf1SR := macroF1(classes[:2], truthSR, predSR)
	t.Logf("rationale confusion (truth, predicted): %v", conf)
	t.Logf("Check-COVID dev, %d claims against their rationale: three-class macro-F1 %.3f; supported vs rest balanced accuracy %.3f", len(dev), mf1, sup.bacc())
	t.Logf("Check-COVID dev, %d claims against the whole abstract: three-class macro-F1 %.3f; supported vs rest balanced accuracy %.3f; the %d SUPPORT and REFUTE claims: SUPPORT/REFUTE macro-F1 %.3f",
		len(dev), mf1Abs, supAbs.bacc(), len(truthSR), mf1SR)
	// Floors a little under what was measured, so that a regression fails.
	// Reading "one in five" and "nine out of 10" as shares (December
	// 2026), which changes the features of three Check-COVID training
	// claims and nothing of dev, moved these from 0.464, 0.421 and 0.627
	// to 0.439, 0.412 and 0.610 (22 REFUTE claims of 70 found against
	// 27), the train CV from 0.521 and 0.610 to 0.521 and 0.615 (0.611
	// once multiples were checked): how far
	// a retraining on near-same data moves 207 claims.
	assert.GreaterOrEqual(t, mf1, 0.43)
	assert.GreaterOrEqual(t, mf1Abs, 0.40)
	assert.GreaterOrEqual(t, mf1SR, 0.60)
}

// TestEvalCheckCovidCV scores the verifier on Check-COVID's train claims
// by 5-fold cross-validation grouped by paper: each fold is scored by a
// model trained on WiCE and the other four folds. It is where the models
// for short sources were designed; the dev claims of TestEvalCheckCovid
// were scored once per design kept. Against the rationale (the PRIMARY
// sentences): three classes; against the whole abstract: SUPPORT against
// REFUTE (the NOTENOUGHINFO pairs' abstracts are the other pairs'). Run
// with -v for the figures.
func TestEvalCheckCovidCV(t *testing.T) {
	dir := loadData(t)
	items, err := claimdata.Training(dir)
	require.NoError(t, err)
	examples := claimdata.Examples(items)
	short := claimdata.ShortExamples(items)
	var truth, pred, truthAbs, predAbs []string
	var sup, supAbs binary
	for k := range folds {
		var train []verify.TrainingExample
		for i, it := range items {
			if !strings.HasPrefix(it.Group, "covid:") || fold(it.Group) != k {
				train = append(train, examples[i], short[i])
			}
		}
		m := verify.Train(train)
		for _, it := range items {
			if !strings.HasPrefix(it.Group, "covid:") || fold(it.Group) != k {
				continue
			}
			r := m.Verify(it.Claim, it.Rationale)
			truth = append(truth, it.Label)
			pred = append(pred, covidClass(r.Verdict))
			sup.add(it.Supported(), r.Verdict == verify.Supported)
			if it.Label != "NOTENOUGHINFO" {
				r := m.Verify(it.Claim, it.Source)
				truthAbs = append(truthAbs, it.Label)
				predAbs = append(predAbs, covidClass(r.Verdict))
				supAbs.add(it.Supported(), r.Verdict == verify.Supported)
			}
		}
	}
	conf := map[[2]string]int{}
	for k := range truth {
		conf[[2]string{truth[k], pred[k]}]++
	}
	t.Logf("rationale confusion (truth, predicted): %v", conf)
	mf1 := macroF1([]string{"SUPPORT", "REFUTE", "NOTENOUGHINFO"}, truth, pred)
	t.Logf("Check-COVID train, %d claims against their rationale, grouped %d-fold CV: three-class macro-F1 %.3f; supported vs rest balanced accuracy %.3f",
		len(truth), folds, mf1, sup.bacc())
	conf = map[[2]string]int{}
	for k := range truthAbs {
		conf[[2]string{truthAbs[k], predAbs[k]}]++
	}
	t.Logf("abstract confusion (truth, predicted): %v", conf)
	mf1Abs := macroF1([]string{"SUPPORT", "REFUTE"}, truthAbs, predAbs)
	t.Logf("Check-COVID train, %d SUPPORT and REFUTE claims against the whole abstract, grouped %d-fold CV: SUPPORT/REFUTE macro-F1 %.3f; supported vs refuted balanced accuracy %.3f",
		len(truthAbs), folds, mf1Abs, supAbs.bacc())
	// Floors a little under what was measured, so that a regression fails.
	assert.GreaterOrEqual(t, mf1, 0.51)
	assert.GreaterOrEqual(t, mf1Abs, 0.60)
}

// TestModelReproducible checks that "go run ./claims/verify/train" would
// write the shipped model.json byte for byte.
func TestModelReproducible(t *testing.T) {
	dir := loadData(t)
	items, err := claimdata.Training(dir)
	require.NoError(t, err)
	b, err := json.MarshalIndent(verify.Train(append(claimdata.Examples(items), claimdata.ShortExamples(items)...)), "", " ")
	require.NoError(t, err)
	shipped, err := os.ReadFile("model.json")
	require.NoError(t, err)
	assert.Equal(t, string(shipped), string(append(b, '\n')))
}
