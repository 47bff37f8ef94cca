package claims

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
)

// hashBits sets the number of buckets word n-grams are hashed into.
const (
	hashBits   = 18
	numBuckets = 1 << hashBits
	// NumFeatures is the length of a model's weight vector: the hashed
	// n-gram buckets followed by the dense features (one weight per typed
	// signal of the sentence and of each neighbour, and the speaker
	// features).
	NumFeatures = numBuckets + numDense
)

// ErrBadModel means model bytes could not be decoded.
var ErrBadModel = errors.New("claims: malformed model")

// The shipped models: model.bin for written text, spoken.bin for
// transcripts (sentences with a speaker), both trained by claims/train.
var (
	//go:embed model.bin
	modelBin []byte
	//go:embed spoken.bin
	spokenBin []byte
)

// defaultModel decodes the embedded models once, on first use.
var defaultModel = sync.OnceValue(func() *Model {
	m, err := UnmarshalModel(modelBin)
	if err != nil {
		// The embedded model is checked by the tests; should it ever be
		// damaged, score with the typed signals' prior alone.
		return &Model{weights: make([]float32, NumFeatures), plattA: 1}
	}
	if s, err := UnmarshalModel(spokenBin); err == nil {
		m.spoken = s
	}
	return m
})

// DefaultModel returns the model shipped with the package, decoded on first
// use and shared (it is immutable). It scores written text with a model
// that has also learnt from cited news and encyclopedia claims, and a
// sequence of spoken sentences (a debate transcript: sentences with a
// Speaker) with a companion model trained without them, which ranks
// transcripts better.
func DefaultModel() *Model { return defaultModel() }

// Model is a logistic regression over hashed word unigrams and bigrams
// (and, as the feature groups it was trained with say, word trigrams,
// skeleton trigrams and letter n-grams) plus the typed signals, with Platt
// scaling that turns its margin into a calibrated probability. A Model is
// immutable and safe for concurrent use.
type Model struct {
	weights        []float32 // NumFeatures long
	bias           float32
	plattA, plattB float64
	threshold      float64
	groups         uint32 // feature groups the model uses
	// spoken, when set, scores the sequences of sentences with a speaker
	// (see DefaultModel)
	spoken *Model
}

// forSequence returns the model that scores sents: the spoken companion
// for a transcript, m otherwise.
func (m *Model) forSequence(sents []Sentence) *Model {
	if m.spoken != nil {
		for i := range sents {
			if sents[i].Speaker != "" {
				return m.spoken
			}
		}
	}
	return m
}

// NewModel builds a model from trained parameters: weights (NumFeatures
// long), the bias, Platt scaling coefficients a and b (probability =
// 1/(1+exp(-(a*margin+b)))), and the default claim threshold. The model
// uses every context feature group (see ScoreSequence) and the sentence's
// word n-grams and signals only.
func NewModel(weights []float32, bias float32, a, b, threshold float64) (*Model, error) {
	if len(weights) != NumFeatures {
		return nil, fmt.Errorf("new model: %w: %d weights, want %d", ErrBadModel, len(weights), NumFeatures)
	}
	return &Model{weights: weights, bias: bias, plattA: a, plattB: b, threshold: threshold, groups: contextGroups}, nil
}

// Threshold is the default score at which a sentence counts as a claim.
func (m *Model) Threshold() float64 { return m.threshold }

// WithThreshold returns a copy of m with another default threshold.
func (m *Model) WithThreshold(t float64) *Model {
	c := *m
	c.threshold = t
	return &c
}

// margin returns the linear score of a feature list. The n-gram features
// share a total weight of 1/sqrt(count), so that long sentences do not win
// on length alone, and so do the context words (flagged with ctxFlag) and
// the letter n-grams (flagged with charFlag); the dense features count 1
// each.
func (m *Model) margin(feats []uint32) float64 {
	var ngrams, ctx, chars, dense float64
	n, nc, nch := 0, 0, 0
	for _, f := range feats {
		if f&(ctxFlag|charFlag) != 0 {
			if f&ctxFlag != 0 {
				ctx += float64(m.weights[f&(numBuckets-1)])
				nc++
			} else {
				chars += float64(m.weights[f&(numBuckets-1)])
				nch++
			}
			continue
		}
		if int(f) >= len(m.weights) {
			continue
		}
		if f < numBuckets {
			ngrams += float64(m.weights[f])
			n++
		} else {
			dense += float64(m.weights[f])
		}
	}
	return float64(m.bias) + dense + ngrams*ngramScale(n) + ctx*ngramScale(nc) + chars*ngramScale(nch)
}

// ngramScale is the value of each of n n-gram features.
func ngramScale(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// Margin returns the model's uncalibrated linear score for a sentence.
func (m *Model) Margin(sentence string) float64 {
	var tb [64]token
	var fb [256]uint32
	toks := tokenize(sentence, tb[:0])
	bits := analyzeWithAttribution(sentence, toks)
	return m.margin(features(toks, bits, m.groups, fb[:0]))
}

// probability applies Platt scaling to a margin.
func (m *Model) probability(z float64) float64 {
	return sigmoid(m.plattA*z + m.plattB)
}

func sigmoid(x float64) float64 {
	if x < -40 {
		return 0
	}
	if x > 40 {
		return 1
	}
	return 1 / (1 + math.Exp(-x))
}

// Hashing: FNV-1a, 32 bits, written out so that the model never depends on
// a library's hash choice.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvByte(h uint32, c byte) uint32 {
	h ^= uint32(c)
	return h * fnvPrime
}

// features appends the feature indices of a tokenised sentence to dst: a
// bucket per word unigram and bigram (with sentence start and end markers)
// and one index per signal bit, and those of the sentence feature groups
// set in groups.
func features(toks []token, bits uint32, groups uint32, dst []uint32) []uint32 {
	if groups&(groupWordTrigrams|groupSkeleton) == 0 {
		dst = wordNgrams(toks, dst)
	} else {
		dst = wordNgramsWide(toks, groups, dst)
	}
	if groups&groupCharNgrams != 0 {
		dst = charNgrams(toks, dst)
	}
	// Sentence length, in buckets: short interjections are rarely claims.
	n := len(toks)
	lb := byte('0')
	for n > 3 && lb < '9' {
		n = n * 2 / 3
		lb++
	}
	dst = append(dst, fnvByte(fnvByte(fnvOffset, 'L'), lb)&(numBuckets-1))
	for k := 0; k < numSignals; k++ {
		if bits&(1<<k) != 0 {
			dst = append(dst, uint32(numBuckets+k))
		}
	}
	return dst
}

// wordNgrams appends a bucket per word unigram, stem and bigram of toks
// (with sentence start and end markers).
func wordNgrams(toks []token, dst []uint32) []uint32 {
	prev := "<s>"
	for i := range toks {
		cur := toks[i].norm
		h := fnvString(fnvByte(fnvOffset, 'u'), cur)
		dst = append(dst, h&(numBuckets-1))
		if st := stem(cur); len(st) < len(cur) {
			dst = append(dst, fnvString(fnvByte(fnvOffset, 's'), st)&(numBuckets-1))
		}
		h = fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), ' '), cur)
		dst = append(dst, h&(numBuckets-1))
		prev = cur
	}
	h := fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), ' '), "</s>")
	return append(dst, h&(numBuckets-1))
}

// wordNgramsWide is wordNgrams with the word trigrams and skeleton
// trigrams of the groups set, each after the token's unigram or bigram.
// It is a loop of its own so that the plain one pays nothing for them.
//
// Each n-gram is hashed as the FNV-1a of its words joined by spaces after
// a letter of its own ('u', 'b', 't'), as wordNgrams does; the hash of
// what comes before the word ("b prev ", "t prev2 prev ") is carried from
// the word before, so that each word's bytes are read once, by the six
// hashes that need them at once (fnv6; TestWordNgramsWideMatchesPlain).
func wordNgramsWide(toks []token, groups uint32, dst []uint32) []uint32 {
	prev, prev2 := "<s>", ""
	skeleton := groups&groupSkeleton != 0
	c2, c1 := uint64(classStart), uint64(classStart)
	seedU, seedB, seedT := fnvByte(fnvOffset, 'u'), fnvByte(fnvOffset, 'b'), fnvByte(fnvOffset, 't')
	afterB := fnvByte(fnvString(seedB, prev), ' ') // "b prev "
	afterT := fnvByte(fnvString(seedT, prev), ' ') // "t prev "
	var afterT2 uint32                             // "t prev2 prev ", once there is a prev2
	for i := range toks {
		cur := toks[i].norm
		h, hb, ht, nextB, nextT, nextT2 := fnv6(cur, seedU, afterB, afterT2, seedB, seedT, afterT)
		dst = append(dst, h&(numBuckets-1))
		if skeleton {
			c := wordClass(&toks[i], h)
			dst = append(dst, skeletonBucket(c2, c1, c))
			c2, c1 = c1, c
		}
		if st := stem(cur); len(st) < len(cur) {
			dst = append(dst, fnvString(fnvByte(fnvOffset, 's'), st)&(numBuckets-1))
		}
		dst = append(dst, hb&(numBuckets-1))
		if groups&groupWordTrigrams != 0 && prev2 != "" {
			dst = append(dst, ht&(numBuckets-1))
		}
		afterB, afterT, afterT2 = fnvByte(nextB, ' '), fnvByte(nextT, ' '), fnvByte(nextT2, ' ')
		prev2, prev = prev, cur
	}
	dst = append(dst, fnvString(afterB, "</s>")&(numBuckets-1))
	if skeleton {
		dst = append(dst, skeletonBucket(c2, c1, classEnd))
	}
	return dst
}

// fnv6 continues six FNV-1a hashes with the bytes of s: one pass whose
// six multiplications per byte do not wait on each other.
func fnv6(s string, a, b, c, d, e, f uint32) (uint32, uint32, uint32, uint32, uint32, uint32) {
	for i := 0; i < len(s); i++ {
		x := uint32(s[i])
		a = (a ^ x) * fnvPrime
		b = (b ^ x) * fnvPrime
		c = (c ^ x) * fnvPrime
		d = (d ^ x) * fnvPrime
		e = (e ^ x) * fnvPrime
		f = (f ^ x) * fnvPrime
	}
	return a, b, c, d, e, f
}

// charFlag marks a letter n-gram feature in a feature list: its weight is
// at index f&^charFlag and the letter n-grams share a total weight of their
// own, as the context words do.
const charFlag = 1 << 30

// maxCharWord bounds the bytes of a word whose letter n-grams are taken.
const maxCharWord = 24

// charNgrams appends the letter 3-, 4- and 5-grams of each word of toks,
// the word framed by start and end marks ("<cut>" gives "<cu", "cut", "ut>",
// "<cut", "cut>"), flagged with charFlag; the whole framed word, which is
// the unigram, is left out. The bytes of an n-gram are packed into an
// integer and hashed by multiplication, which costs far less than FNV per
// letter.
func charNgrams(toks []token, dst []uint32) []uint32 {
	for i := range toks {
		if toks[i].kind != tokWord {
			continue
		}
		w := toks[i].norm
		if len(w) > maxCharWord-2 {
			w = w[:maxCharWord-2]
		}
		var frame [maxCharWord]byte
		frame[0] = '<'
		k := 1 + copy(frame[1:], w)
		frame[k] = '>'
		k++
		var key uint64
		for j := 0; j < k; j++ {
			key = key<<8 | uint64(frame[j])
			for n := 3; n <= 5 && n <= j+1; n++ {
				if n == k {
					break // the whole word
				}
				g := key&(1<<(8*n)-1) | uint64(n)<<40
				dst = append(dst, uint32((g*0x9e3779b97f4a7c15)>>(64-hashBits))|charFlag)
			}
		}
	}
	return dst
}

// Word classes of the sentence skeleton (see wordClass). A function word,
// number or punctuation mark is its own class, its unigram hash above 1<<32.
const (
	classStart = iota // before the first token
	classEnd          // after the last
	className         // a capitalised word
	classED           // -ed
	classING          // -ing
	classLY           // -ly
	classWord         // any other word
)

// wordClass returns a token's class in the sentence skeleton, the
// trigrams of which are features ("the C C D <num>" of "The Senate
// Committee approved 12 ..."): a function word, number shape or
// punctuation mark is itself (h is its unigram hash); any other word is a
// capitalised name, an -ed, -ing or -ly word or a word.
func wordClass(t *token, h uint32) uint64 {
	if t.kind != tokWord || isFunctionWord(t.norm) {
		return 1<<32 | uint64(h)
	}
	w := t.norm
	switch {
	case t.upper:
		return className
	case len(w) > 4 && w[len(w)-2:] == "ed":
		return classED
	case len(w) > 5 && w[len(w)-3:] == "ing":
		return classING
	case len(w) > 4 && w[len(w)-2:] == "ly":
		return classLY
	}
	return classWord
}

// skeletonBucket hashes a trigram of word classes into a bucket, by
// multiplication: the skeleton must cost little on top of the words.
func skeletonBucket(c2, c1, c0 uint64) uint32 {
	x := c2*0x9e3779b97f4a7c15 ^ c1*0xc2b2ae3d27d4eb4f ^ c0*0x165667b19e3779f9
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	return uint32(x >> (64 - hashBits))
}

// isFunctionWord reports whether w is one of the common English function
// words: articles, pronouns, prepositions, conjunctions, auxiliaries.
func isFunctionWord(w string) bool {
	switch w {
	case "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "not", "all", "each", "every",
		"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
		"they", "them", "their", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
		"of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "over", "under", "about", "after",
		"before", "between", "through", "during", "against", "since", "than", "as", "per", "according",
		"and", "or", "but", "if", "because", "while", "although", "so", "then",
		"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
		"will", "would", "can", "could", "may", "might", "must", "should", "shall",
		"said", "says", "more", "most", "less", "least", "also", "only", "there", "here":
		return true
	}
	return false
}

// Model file format, little endian:
//
//	"CCLM" version(2)
//	uvarint hashBits, uvarint numSignals, uvarint numDense, uvarint groups
//	float32 bias, float64 plattA, plattB, threshold
//	numDense × float32 dense weights
//	float32 scale, uvarint count, count × (uvarint index delta, int8 weight)
//
// N-gram weights are quantised to int8 (weight = q*scale); zeros are left out.
const modelMagic = "CCLM\x02"

// MarshalBinary encodes the model compactly.
func (m *Model) MarshalBinary() ([]byte, error) {
	if len(m.weights) != NumFeatures {
		return nil, fmt.Errorf("marshal model: %w", ErrBadModel)
	}
	out := []byte(modelMagic)
	out = binary.AppendUvarint(out, hashBits)
	out = binary.AppendUvarint(out, numSignals)
	out = binary.AppendUvarint(out, numDense)
	out = binary.AppendUvarint(out, uint64(m.groups))
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(m.bias))
	for _, v := range []float64{m.plattA, m.plattB, m.threshold} {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(v))
	}
	for _, w := range m.weights[numBuckets:] {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(w))
	}
	var maxAbs float64
	for _, w := range m.weights[:numBuckets] {
		maxAbs = math.Max(maxAbs, math.Abs(float64(w)))
	}
	scale := float32(maxAbs / 127)
	if scale == 0 {
		scale = 1
	}
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(scale))
	type entry struct {
		idx int
		q   int8
	}
	var entries []entry
	for i, w := range m.weights[:numBuckets] {
		q := math.Round(float64(w / scale))
		if q != 0 {
			entries = append(entries, entry{i, int8(max(-127, min(127, q)))})
		}
	}
	out = binary.AppendUvarint(out, uint64(len(entries)))
	last := 0
	for _, e := range entries {
		out = binary.AppendUvarint(out, uint64(e.idx-last))
		out = append(out, byte(e.q))
		last = e.idx
	}
	return out, nil
}

// UnmarshalModel decodes a model written by MarshalBinary.
func UnmarshalModel(data []byte) (*Model, error) {
	d := decoder{b: data}
	if len(data) < len(modelMagic) || string(data[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("unmarshal model: %w: bad header", ErrBadModel)
	}
	d.b = d.b[len(modelMagic):]
	if d.uvarint() != hashBits || d.uvarint() != numSignals || d.uvarint() != numDense {
		return nil, fmt.Errorf("unmarshal model: %w: feature layout differs from this version", ErrBadModel)
	}
	groups := d.uvarint()
	if groups&^allGroups != 0 {
		return nil, fmt.Errorf("unmarshal model: %w: unknown feature groups %#x", ErrBadModel, groups)
	}
	m := &Model{weights: make([]float32, NumFeatures), groups: uint32(groups)}
	m.bias = d.float32()
	m.plattA, m.plattB, m.threshold = d.float64(), d.float64(), d.float64()
	for k := range numDense {
		m.weights[numBuckets+k] = d.float32()
	}
	scale := d.float32()
	n := d.uvarint()
	if n > numBuckets {
		return nil, fmt.Errorf("unmarshal model: %w: %d weights", ErrBadModel, n)
	}
	idx := uint64(0)
	for i := uint64(0); i < n && d.err == nil; i++ {
		idx += d.uvarint()
		q := d.byte()
		if idx >= numBuckets {
			return nil, fmt.Errorf("unmarshal model: %w: index out of range", ErrBadModel)
		}
		m.weights[idx] = float32(int8(q)) * scale
	}
	if d.err != nil {
		return nil, fmt.Errorf("unmarshal model: %w", d.err)
	}
	return m, nil
}

// decoder reads the model format, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated", ErrBadModel)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) float32() float32 {
	if len(d.b) < 4 {
		d.fail()
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	return v
}

func (d *decoder) float64() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// stem strips a common English inflection so that "cuts", "cutting" and
// "cut" share a feature; it is deliberately crude.
func stem(w string) string {
	if len(w) < 5 {
		return w
	}
	// The suffixes, in the order they are tried ("ings", "ing", "edly",
	// "ed", "ies", "es", "s", "ly"), grouped by their last byte, which
	// rules out all but a few (TestStemMatchesSuffixList).
	switch w[len(w)-1] {
	case 's':
		for _, suf := range [...]string{"ings", "ies", "es", "s"} {
			if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
				return w[:len(w)-len(suf)]
			}
		}
	case 'g':
		if strings.HasSuffix(w, "ing") && len(w) >= 6 {
			return w[:len(w)-3]
		}
	case 'y':
		if strings.HasSuffix(w, "edly") && len(w) >= 7 {
			return w[:len(w)-4]
		}
		if strings.HasSuffix(w, "ly") {
			return w[:len(w)-2]
		}
	case 'd':
		if strings.HasSuffix(w, "ed") {
			return w[:len(w)-2]
		}
	}
	return w
}
