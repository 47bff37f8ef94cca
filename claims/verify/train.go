package verify

import (
	"math"
	"slices"
)

// longOnly is the number of features, last in featureNames, that only the
// models for long sources weigh: the specificity of what a whole page
// lacks of the claim (specificity), what its best passage holds of the
// claim's specific words (specificBest) and backs of its figures
// (numbersBest), the sizes of the claim and the source (sizes), what a
// paragraph holds of the claim (coverNear) and what the best passage
// holds of its names (namesBest), which over the few sentences of a
// short source, where nearly every word of the claim is absent or the
// passage is the source, is noise.
const longOnly = 9

// Features returns the feature vector Verify scores for c and s, in the
// order of FeatureNames. It is exported for training and evaluation.
func Features(c Claim, s Source) []float64 { return analyse(c, s).features() }

// FeatureNames returns the names of the features, in order.
func FeatureNames() []string { return slices.Clone(featureNames) }

// TrainingExample is a labelled feature vector for Train.
type TrainingExample struct {
	// Features is what Features returned for the claim and source.
	Features []float64
	// Supported is 1 when the source fully supports the claim, 0 when it
	// does not, -1 when the example is left out of the support model.
	Supported int
	// Related is 1 when the source supports the claim fully or in part,
	// 0 when it does not, -1 when left out.
	Related int
	// Refuted is 1 when the source refutes the claim, 0 when it supports
	// it, -1 when unknown (left out of the contradiction model).
	Refuted int
	// Short marks an example of the models for short sources (see
	// Model.ShortSentences); it leaves the standardisation to the others.
	Short bool
}

// Train fits the logistic models of a Model to examples: standardised
// features, L2-regularised, full-batch gradient descent from zero for a
// fixed number of steps, so the result depends only on the examples and
// their order. The support and related thresholds are the models' base
// rates (for a calibrated probability, the threshold that weighs the two
// kinds of error equally); the contradiction threshold maximises balanced
// accuracy on the examples themselves.
func Train(examples []TrainingExample) *Model {
	n := len(featureNames)
	m := &Model{Features: FeatureNames(), Mean: make([]float64, n), Scale: make([]float64, n)}
	long := 0
	for _, e := range examples {
		if e.Short {
			continue
		}
		long++
		for i := range n {
			m.Mean[i] += e.Features[i]
		}
	}
	for i := range n {
		m.Mean[i] /= math.Max(1, float64(long))
	}
	for _, e := range examples {
		if e.Short {
			continue
		}
		for i := range n {
			d := e.Features[i] - m.Mean[i]
			m.Scale[i] += d * d
		}
	}
	for i := range n {
		m.Scale[i] = math.Sqrt(m.Scale[i] / math.Max(1, float64(long)))
		if m.Scale[i] < 1e-9 {
			m.Scale[i] = 1
		}
	}
	xs := make([][]float64, len(examples))
	for k, e := range examples {
		xs[k] = m.standardise(e.Features)
	}
	short := false
	label := func(f func(TrainingExample) int) ([][]float64, []float64) {
		var x [][]float64
		var y []float64
		for k, e := range examples {
			if v := f(e); v >= 0 && e.Short == short && len(e.Features) == n {
				xk := xs[k]
				if short {
					// The short models do not weigh the long-only
					// features: zero in, zero weight out.
					xk = slices.Clone(xk)
					clear(xk[n-longOnly:])
				}
				x = append(x, xk)
				y = append(y, float64(v))
			}
		}
		return x, y
	}
	x, y := label(func(e TrainingExample) int { return e.Supported })
	m.Supported = fitLogistic(x, y, longL2)
	m.SupThreshold = baseRate(y)
	x, y = label(func(e TrainingExample) int { return e.Related })
	m.Any = fitLogistic(x, y, longL2)
	m.AnyThreshold = baseRate(y)
	x, y = label(func(e TrainingExample) int { return e.Refuted })
	m.Contradicted = fitLogistic(x, y, longL2)
	m.ConThreshold = bestThreshold(x, y, m.Contradicted)
	short = true
	if x, y = label(func(e TrainingExample) int { return e.Supported }); len(y) == 0 {
		return m
	}
	m.ShortSentences = shortSentences
	m.Short.Supported = fitLogistic(x, y, shortL2)
	m.Short.SupThreshold = bestThreshold(x, y, m.Short.Supported)
	x, y = label(func(e TrainingExample) int { return e.Related })
	m.Short.Any = fitLogistic(x, y, shortL2)
	m.Short.AnyThreshold = bestThreshold(x, y, m.Short.Any)
	x, y = label(func(e TrainingExample) int { return e.Refuted })
	m.Short.Contradicted = fitLogistic(x, y, shortL2)
	m.Short.ConThreshold = bestThreshold(x, y, m.Short.Contradicted)
	return m
}

// The L2 penalties of the models for long and for short sources, chosen
// by grouped cross-validation (TestEvalWiCE, TestEvalCheckCovidCV).
const (
	longL2  = 1e-2
	shortL2 = 0.1
)

// fitLogistic fits weights (bias last) by gradient descent on the log
// loss with an L2 penalty.
func fitLogistic(x [][]float64, y []float64, l2 float64) []float64 {
	if len(x) == 0 {
		return nil
	}
	d := len(x[0])
	w := make([]float64, d+1)
	// Unweighted log loss, so that the probabilities stay calibrated to
	// the training prior; the thresholds, not the weights, balance the
	// classes.
	wPos, wNeg := 1.0, 1.0
	const (
		steps = 3000
		rate  = 0.5
	)
	g := make([]float64, d+1)
	for range steps {
		clear(g)
		for k, xk := range x {
			p := sigmoid(logit(w, xk))
			cw := wNeg
			if y[k] == 1 {
				cw = wPos
			}
			e := cw * (p - y[k])
			for i := range d {
				g[i] += e * xk[i]
			}
			g[d] += e
		}
		for i := range w {
			grad := g[i] / float64(len(x))
			if i < d {
				grad += l2 * w[i]
			}
			w[i] -= rate * grad
		}
	}
	for i := range w {
		w[i] = math.Round(w[i]*1e6) / 1e6
	}
	return w
}

// bestThreshold returns the probability threshold that maximises the
// balanced accuracy of w on x, y.
func bestThreshold(x [][]float64, y []float64, w []float64) float64 {
	best, bestT := -1.0, 0.5
	for t := 0.05; t < 0.96; t += 0.01 {
		var tp, fn, tn, fp float64
		for k, xk := range x {
			p := sigmoid(logit(w, xk)) >= t
			switch {
			case y[k] == 1 && p:
				tp++
			case y[k] == 1:
				fn++
			case p:
				fp++
			default:
				tn++
			}
		}
		bacc := 0.5 * (tp/math.Max(tp+fn, 1) + tn/math.Max(tn+fp, 1))
		if bacc > best+1e-12 {
			best, bestT = bacc, math.Round(t*100)/100
		}
	}
	return bestT
}

// Predict returns the model's P(supported), P(supported or partially
// supported) and P(contradicted) for a feature vector.
func (m *Model) Predict(features []float64) (supported, related, contradicted float64) {
	return m.predict(features)
}

// baseRate returns the share of positives in y, rounded to 0.01: for a
// calibrated probability, the threshold that balances the two errors.
func baseRate(y []float64) float64 {
	var s float64
	for _, v := range y {
		s += v
	}
	return math.Round(100*s/math.Max(1, float64(len(y)))) / 100
}
