package verify

import (
	_ "embed"
	"encoding/json"
	"math"
	"slices"
	"sync"
)

// modelJSON holds the weights of the logistic models, written by
// "go run ./claims/verify/train".
//
//go:embed model.json
var modelJSON []byte

// Model is the set of logistic models Verify scores features with, as
// stored in model.json. It is exported for the training command, which
// writes it; Verify uses the embedded one.
type Model struct {
	// Features names the inputs, in order; they must be featureNames.
	Features []string `json:"features"`
	// Mean and Scale standardise each feature: (x-Mean)/Scale.
	Mean  []float64 `json:"mean"`
	Scale []float64 `json:"scale"`
	// Supported weighs the features (then a bias) for P(supported).
	Supported []float64 `json:"supported"`
	// Any weighs them for P(supported or partially supported).
	Any []float64 `json:"any"`
	// Contradicted weighs them for P(contradicted | the source is about
	// the claim).
	Contradicted []float64 `json:"contradicted"`
	// The thresholds on the three probabilities.
	SupThreshold float64 `json:"sup_threshold"`
	AnyThreshold float64 `json:"any_threshold"`
	ConThreshold float64 `json:"con_threshold"`
	// ShortSentences is the most sentences a short source has: one
	// scored by the Short models, fitted on Check-COVID's claims against
	// the sentences of an abstract, rather than by those fitted on WiCE's
	// claims against whole web pages. 0 turns them off.
	ShortSentences int `json:"short_sentences"`
	// Short holds the models for short sources.
	Short ShortModel `json:"short"`
}

// ShortModel holds the logistic models for short sources: P(supported),
// P(supported or refuted: the source settles the claim) and
// P(refuted | it settles it), each weighing the standardised features of
// Model and then a bias, and their thresholds.
type ShortModel struct {
	// Supported weighs the features for P(supported).
	Supported []float64 `json:"supported"`
	// Any weighs them for P(the source settles the claim).
	Any []float64 `json:"any"`
	// Contradicted weighs them for P(refuted | the source settles it).
	Contradicted []float64 `json:"contradicted"`
	// The thresholds on the three probabilities.
	SupThreshold float64 `json:"sup_threshold"`
	AnyThreshold float64 `json:"any_threshold"`
	ConThreshold float64 `json:"con_threshold"`
}

// shippedModel returns the embedded model, read once. A model that does
// not fit the features (which a test prevents) scores everything 0.5.
var shippedModel = sync.OnceValue(func() *Model {
	var m Model
	if err := json.Unmarshal(modelJSON, &m); err != nil || !m.valid() {
		return &Model{SupThreshold: 0.5, AnyThreshold: 0.5, ConThreshold: 1.1}
	}
	return &m
})

func (m *Model) valid() bool {
	n := len(featureNames)
	return slices.Equal(m.Features, featureNames) && len(m.Mean) == n && len(m.Scale) == n &&
		len(m.Supported) == n+1 && len(m.Any) == n+1 && len(m.Contradicted) == n+1 &&
		(m.ShortSentences == 0 || len(m.Short.Supported) == n+1 && len(m.Short.Any) == n+1 && len(m.Short.Contradicted) == n+1)
}

// standardise returns f standardised by m.
func (m *Model) standardise(f []float64) []float64 {
	x := make([]float64, len(f))
	for i := range f {
		if i < len(m.Mean) && m.Scale[i] != 0 {
			x[i] = (f[i] - m.Mean[i]) / m.Scale[i]
		}
	}
	return x
}

// Logit returns w·x + bias, the bias being w's last element.
func logit(w, x []float64) float64 {
	if len(w) == 0 {
		return 0
	}
	z := w[len(w)-1]
	for i := range min(len(x), len(w)-1) {
		z += w[i] * x[i]
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// predict returns P(supported), P(supported or partially) and
// P(contradicted) for the raw features f.
func (m *Model) predict(f []float64) (sup, any, con float64) {
	x := m.standardise(f)
	sup = sigmoid(logit(m.Supported, x))
	any = max(sup, sigmoid(logit(m.Any, x)))
	con = sigmoid(logit(m.Contradicted, x))
	return sup, any, con
}

// isShort reports whether a source of n sentences is scored by the Short
// models.
func (m *Model) isShort(n int) bool {
	return n <= m.ShortSentences && len(m.Short.Supported) > 0
}

// predictShort returns the Short models' P(supported), P(the source
// settles the claim) and P(refuted | it settles it) for the raw features
// f.
func (m *Model) predictShort(f []float64) (sup, any, con float64) {
	x := m.standardise(f)
	sup = sigmoid(logit(m.Short.Supported, x))
	any = max(sup, sigmoid(logit(m.Short.Any, x)))
	con = sigmoid(logit(m.Short.Contradicted, x))
	return sup, any, con
}
