package claims

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
)

// Example is one labelled sentence for training.
type Example struct {
	Text  string
	Claim bool
	// Speaker is who says the sentence, in a transcript; empty for
	// written text.
	Speaker string
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
	// Pairwise, when positive, adds a ranking loss: each epoch, every
	// positive example is paired with PairsPerPositive random negatives of
	// the same document and the logistic loss of their margin difference,
	// times Pairwise, is minimised too.
	Pairwise float64
	// Runs is the number of training runs, each with its own shuffling
	// seed (Seed, Seed+1, ...), whose weights are averaged; zero means 1.
	Runs             int
	PairsPerPositive int
	// ContextSignals, ContextWords and Speaker switch on the context
	// feature groups: the neighbours' signals, the neighbours' words and
	// the speaker features (see ScoreSequence).
	ContextSignals, ContextWords, Speaker bool
	// CharNgrams, WordTrigrams and Skeleton switch on sentence feature
	// groups: the letter 3- to 5-grams within words, word trigrams, and
	// trigrams of word classes (capitalised, number, -ed, -ing, -ly, each
	// function word).
	CharNgrams, WordTrigrams, Skeleton bool
	// LogCountRatio, when positive, scales each hashed feature by its
	// log-count ratio r = log((p/|p|)/(q/|q|)), p and q its weighted
	// counts in the positive and negative examples plus LogCountRatio
	// (NBSVM, Wang and Manning 2012), interpolated as
	// (1-NBBeta) + NBBeta*|r|; the scale is folded into the weights of the
	// returned model.
	LogCountRatio, NBBeta float64
}

func (cfg *TrainConfig) groups() uint32 {
	var g uint32
	if cfg.ContextSignals {
		g |= groupContextSignals
	}
	if cfg.ContextWords {
		g |= groupContextWords
	}
	if cfg.Speaker {
		g |= groupSpeaker
	}
	if cfg.CharNgrams {
		g |= groupCharNgrams
	}
	if cfg.WordTrigrams {
		g |= groupWordTrigrams
	}
	if cfg.Skeleton {
		g |= groupSkeleton
	}
	return g
}

// encoded is an example turned into features.
type encoded struct {
	feats  []uint32 // weight indices (ctxFlag removed)
	values []float64
	y      float64
	weight float64
	seq    int // index of the example's sequence
}

// encode turns sequences of examples into features with the context
// feature groups set.
func encode(docs [][]Example, posWeight float64, groups uint32) []encoded {
	var out []encoded
	for d, doc := range docs {
		sents := make([]Sentence, len(doc))
		for i, ex := range doc {
			sents[i] = Sentence{Text: ex.Text, Speaker: ex.Speaker}
		}
		seq := analyseSequence(sents, groups)
		for i, ex := range doc {
			w := ex.Weight
			if w == 0 {
				w = 1
			}
			y := 0.0
			if ex.Claim {
				y = 1
				w *= posWeight
			}
			feats := sequenceFeatures(seq, i, groups, nil)
			n, nc, nch := 0, 0, 0
			for _, f := range feats {
				switch {
				case f&ctxFlag != 0:
					nc++
				case f&charFlag != 0:
					nch++
				case f < numBuckets:
					n++
				}
			}
			values := make([]float64, len(feats))
			for k, f := range feats {
				switch {
				case f&ctxFlag != 0:
					values[k] = ngramScale(nc)
					feats[k] = f & (numBuckets - 1)
				case f&charFlag != 0:
					values[k] = ngramScale(nch)
					feats[k] = f & (numBuckets - 1)
				case f < numBuckets:
					values[k] = ngramScale(n)
				default:
					values[k] = 1
				}
			}
			out = append(out, encoded{feats: feats, values: values, y: y, weight: w, seq: d})
		}
	}
	return out
}

// Train fits a logistic regression on train with AdaGrad. Each element of
// docs is one document or transcript in reading order (a lone sentence is a
// document of one), so that the context features see its neighbours. The returned model
// is not calibrated yet (its Platt coefficients are 1 and 0) and its
// threshold is 0.5: fit the calibration on margins of held-out examples with
// FitPlatt and set both with WithCalibration.
func Train(docs [][]Example, cfg TrainConfig) *Model {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	if cfg.LearningRate <= 0 {
		cfg.LearningRate = 0.1
	}
	if cfg.PositiveWeight <= 0 {
		cfg.PositiveWeight = 1
	}
	groups := cfg.groups()
	data := encode(docs, cfg.PositiveWeight, groups)
	var nb []float64
	if cfg.LogCountRatio > 0 {
		nb = logCountRatios(data, cfg.LogCountRatio, cfg.NBBeta)
		for i := range data {
			for k, f := range data[i].feats {
				if f < numBuckets {
					data[i].values[k] *= nb[f]
				}
			}
		}
	}
	// negatives lists, per sequence, its negative examples.
	negatives := map[int][]int{}
	for i := range data {
		if data[i].y == 0 {
			negatives[data[i].seq] = append(negatives[data[i].seq], i)
		}
	}
	runs := max(cfg.Runs, 1)
	sum := make([]float64, NumFeatures)
	var sumBias float64
	for r := range runs {
		w, bias := fit(data, negatives, cfg, cfg.Seed+uint64(r))
		for i, v := range w {
			sum[i] += v
		}
		sumBias += bias
	}
	weights := make([]float32, NumFeatures)
	for i, v := range sum {
		if nb != nil && i < numBuckets {
			v *= nb[i]
		}
		weights[i] = float32(v / float64(runs))
	}
	return &Model{weights: weights, bias: float32(sumBias / float64(runs)), plattA: 1, threshold: 0.5, groups: groups}
}

// logCountRatios returns the NBSVM scale of each hashed bucket (see
// TrainConfig.LogCountRatio): the presence of a bucket in an example counts
// its weight, positives and negatives apart.
func logCountRatios(data []encoded, alpha, beta float64) []float64 {
	p := make([]float64, numBuckets)
	q := make([]float64, numBuckets)
	for i := range data {
		c := q
		if data[i].y > 0 {
			c = p
		}
		for _, f := range data[i].feats {
			if f < numBuckets {
				c[f] += data[i].weight
			}
		}
	}
	var sp, sq float64
	for f := range p {
		p[f] += alpha
		q[f] += alpha
		sp += p[f]
		sq += q[f]
	}
	out := make([]float64, numBuckets)
	for f := range out {
		r := math.Log((p[f] / sp) / (q[f] / sq))
		out[f] = 1 - beta + beta*math.Abs(r)
	}
	return out
}

// fit runs AdaGrad over data with a shuffling seed and returns the weights
// and bias averaged over the epochs after the first, which are steadier
// than the last iterate.
func fit(data []encoded, negatives map[int][]int, cfg TrainConfig, seed uint64) ([]float64, float64) {
	w := make([]float64, NumFeatures)
	g2 := make([]float64, NumFeatures)
	var bias, biasG2 float64
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	avg := make([]float64, NumFeatures)
	var avgBias float64
	snapshots := 0
	for epoch := range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &data[k]
			z := bias
			for j, f := range ex.feats {
				z += w[f] * ex.values[j]
			}
			g := (sigmoid(z) - ex.y) * ex.weight
			for j, f := range ex.feats {
				gf := g*ex.values[j] + cfg.L2*w[f]
				g2[f] += gf * gf
				w[f] -= cfg.LearningRate * gf / (math.Sqrt(g2[f]) + 1e-8)
			}
			biasG2 += g * g
			bias -= cfg.LearningRate * g / (math.Sqrt(biasG2) + 1e-8)
		}
		if cfg.Pairwise > 0 {
			pairwiseEpoch(data, negatives, order, w, g2, rng, cfg)
		}
		if epoch > 0 || cfg.Epochs == 1 {
			for i, v := range w {
				avg[i] += v
			}
			avgBias += bias
			snapshots++
		}
	}
	for i := range avg {
		avg[i] /= float64(snapshots)
	}
	return avg, avgBias / float64(snapshots)
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

// pairwiseEpoch runs one pass of the pairwise ranking loss: for each
// positive example (in order), PairsPerPositive negatives of its document.
func pairwiseEpoch(data []encoded, negatives map[int][]int, order []int, w, g2 []float64, rng *rand.Rand, cfg TrainConfig) {
	k := cfg.PairsPerPositive
	if k <= 0 {
		k = 5
	}
	step := func(ex *encoded, g float64) {
		for j, f := range ex.feats {
			gf := g*ex.values[j] + cfg.L2*w[f]
			g2[f] += gf * gf
			w[f] -= cfg.LearningRate * gf / (math.Sqrt(g2[f]) + 1e-8)
		}
	}
	for _, pi := range order {
		p := &data[pi]
		negs := negatives[p.seq]
		if p.y == 0 || len(negs) == 0 {
			continue
		}
		for range k {
			n := &data[negs[rng.IntN(len(negs))]]
			var d float64
			for j, f := range p.feats {
				d += w[f] * p.values[j]
			}
			for j, f := range n.feats {
				d -= w[f] * n.values[j]
			}
			g := -sigmoid(-d) * cfg.Pairwise
			step(p, g)
			step(n, -g)
		}
	}
}

// ReadTranscript reads a check-worthiness transcript in the CLEF CheckThat!
// layout, one sentence a line: line_number TAB speaker TAB sentence TAB
// label, where label 1 marks a check-worthy sentence. Lines with fewer
// fields are skipped; a line may be up to 1 MiB long.
func ReadTranscript(r io.Reader) ([]Example, error) {
	var out []Example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 4 {
			continue
		}
		out = append(out, Example{Text: parts[2], Claim: strings.TrimSpace(parts[3]) == "1", Speaker: parts[1]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read transcript: %w", err)
	}
	return out, nil
}
