package claims

import (
	"math"
	"math/rand/v2"
)

// Example is one labelled sentence for training.
type Example struct {
	Text  string
	Claim bool
	// Weight scales the example's loss; zero means 1.
	Weight float64
}

// TrainConfig sets the training run. Training is deterministic: the same
// examples and config give the same model.
type TrainConfig struct {
	Epochs       int     // passes over the data
	Seed         uint64  // shuffling seed
	LearningRate float64 // AdaGrad base rate
	L2           float64 // L2 penalty per update on the touched weights
	// PositiveWeight multiplies the loss of positive examples, to balance
	// rare positives.
	PositiveWeight float64
}

// encoded is an example turned into features.
type encoded struct {
	feats  []uint32
	scale  float64 // value of each n-gram feature
	y      float64
	weight float64
}

func (e *encoded) value(f uint32) float64 {
	if f < numBuckets {
		return e.scale
	}
	return 1
}

func encode(examples []Example, posWeight float64) []encoded {
	out := make([]encoded, len(examples))
	var tb [64]token
	for i, ex := range examples {
		toks := tokenize(ex.Text, tb[:0])
		bits := analyzeWithAttribution(ex.Text, toks)
		w := ex.Weight
		if w == 0 {
			w = 1
		}
		y := 0.0
		if ex.Claim {
			y = 1
			w *= posWeight
		}
		feats := features(toks, bits, nil)
		n := 0
		for _, f := range feats {
			if f < numBuckets {
				n++
			}
		}
		out[i] = encoded{feats: feats, scale: ngramScale(n), y: y, weight: w}
	}
	return out
}

// Train fits a logistic regression on train with AdaGrad. The returned model
// is not calibrated yet (its Platt coefficients are 1 and 0) and its
// threshold is 0.5: fit the calibration on margins of held-out examples with
// FitPlatt and set both with WithCalibration.
func Train(train []Example, cfg TrainConfig) *Model {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	if cfg.LearningRate <= 0 {
		cfg.LearningRate = 0.1
	}
	if cfg.PositiveWeight <= 0 {
		cfg.PositiveWeight = 1
	}
	data := encode(train, cfg.PositiveWeight)
	w := make([]float64, NumFeatures)
	g2 := make([]float64, NumFeatures)
	var bias, biasG2 float64
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	// The model is the average of the weights at the end of each epoch
	// after the first, which is steadier than the last iterate.
	avg := make([]float64, NumFeatures)
	var avgBias float64
	snapshots := 0
	for epoch := range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &data[k]
			z := bias
			for _, f := range ex.feats {
				z += w[f] * ex.value(f)
			}
			g := (sigmoid(z) - ex.y) * ex.weight
			for _, f := range ex.feats {
				gf := g*ex.value(f) + cfg.L2*w[f]
				g2[f] += gf * gf
				w[f] -= cfg.LearningRate * gf / (math.Sqrt(g2[f]) + 1e-8)
			}
			biasG2 += g * g
			bias -= cfg.LearningRate * g / (math.Sqrt(biasG2) + 1e-8)
		}
		if epoch > 0 || cfg.Epochs == 1 {
			for i, v := range w {
				avg[i] += v
			}
			avgBias += bias
			snapshots++
		}
	}
	weights := make([]float32, NumFeatures)
	for i, v := range avg {
		weights[i] = float32(v / float64(snapshots))
	}
	return &Model{weights: weights, bias: float32(avgBias / float64(snapshots)), plattA: 1, threshold: 0.5}
}

// WithCalibration returns a copy of m with Platt coefficients a and b and
// default threshold t.
func (m *Model) WithCalibration(a, b, t float64) *Model {
	c := *m
	c.plattA, c.plattB, c.threshold = a, b, t
	return &c
}

// FitPlatt fits a and b so that sigmoid(a*margin+b) is calibrated on
// held-out margins zs with labels ys and weights ws (nil means 1 each), by
// Newton's method with backtracking on the log loss, with Platt's smoothed
// targets.
func FitPlatt(zs []float64, ys []bool, ws []float64) (a, b float64) {
	if len(zs) == 0 || len(ys) != len(zs) {
		return 1, 0
	}
	if len(ws) != len(zs) {
		ws = make([]float64, len(zs))
		for i := range ws {
			ws[i] = 1
		}
	}
	ts := make([]float64, len(zs))
	var npos, nneg float64
	for _, y := range ys {
		if y {
			npos++
		} else {
			nneg++
		}
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	for i, y := range ys {
		ts[i] = lo
		if y {
			ts[i] = hi
		}
	}
	loss := func(a, b float64) float64 {
		var l float64
		for i, z := range zs {
			p := min(max(sigmoid(a*z+b), 1e-12), 1-1e-12)
			l -= ws[i] * (ts[i]*math.Log(p) + (1-ts[i])*math.Log(1-p))
		}
		return l
	}
	a, b = 1, 0
	cur := loss(a, b)
	for range 100 {
		var ga, gb, haa, hab, hbb float64
		for i, z := range zs {
			p := sigmoid(a*z + b)
			d := (p - ts[i]) * ws[i]
			ga += d * z
			gb += d
			v := p * (1 - p) * ws[i]
			haa += v * z * z
			hab += v * z
			hbb += v
		}
		haa += 1e-6
		hbb += 1e-6
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		// Backtrack until the step lowers the loss.
		step := 1.0
		for range 40 {
			if l := loss(a-step*da, b-step*db); l < cur {
				a, b, cur = a-step*da, b-step*db, l
				break
			}
			step /= 2
		}
		if math.Abs(step*da) < 1e-9 && math.Abs(step*db) < 1e-9 {
			break
		}
	}
	return a, b
}
