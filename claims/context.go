package claims

// Context features. Check-worthy sentences cluster: a claim is often next to
// another one, and a moderator's sentences are almost never claims. A
// sentence of a transcript scored in sequence (ScoreSequence with speakers)
// therefore also sees the words of its neighbours and a few generic facts
// about its speaker. A sentence scored alone (Score, Margin) or without a
// speaker (written text, Extract) has none of these features: they were
// learned from transcripts only, the own labelled article sentences having
// no neighbours.
//
// The neighbours' signal bits are implemented too but not used by the
// shipped model: they lowered the cross-validated MAP (see claims/train).

// Sentence is one sentence of a sequence scored in context.
type Sentence struct {
	Text string
	// Speaker names who says the sentence, in a transcript. Leave it empty
	// for written text: the speaker features are then simply absent.
	Speaker string
}

// Feature groups a model can use on top of a sentence's own n-grams and
// signals; the model file records which.
const (
	// groupContextSignals: the previous and next sentences' signal bits.
	groupContextSignals = 1 << iota
	// groupContextWords: the previous and next sentences' words.
	groupContextWords
	// groupSpeaker: turn position and how the speaker talks elsewhere in
	// the transcript (the share of their sentences that are questions).
	groupSpeaker
	// groupCharNgrams: the letter 3- to 5-grams within each word (see
	// features), which share a total weight of their own.
	groupCharNgrams
	// groupWordTrigrams: word trigrams on top of the unigrams and bigrams.
	groupWordTrigrams
	// groupSkeleton: trigrams of word classes (see wordClass).
	groupSkeleton
	contextGroups = groupContextSignals | groupContextWords | groupSpeaker
	// sentenceGroups change a sentence's own features.
	sentenceGroups = groupCharNgrams | groupWordTrigrams | groupSkeleton
	allGroups      = contextGroups | sentenceGroups
)

// Dense feature layout, after the hashed buckets: the sentence's own signals,
// then its predecessor's, its successor's and the speaker features.
const (
	densePrev    = numSignals
	denseNext    = 2 * numSignals
	denseSpeaker = 3 * numSignals
	numDense     = 3*numSignals + numSpeaker
)

// Speaker features.
const (
	spkTurnStart = iota // first sentence of a speaker's turn
	spkTurnEnd          // last sentence of a turn
	spkTurnOne          // a turn of one sentence
	spkTurnShort        // a turn of two or three sentences
	spkTurnLong         // a turn of more than ten sentences
	spkAsks0            // the speaker's share of questions: < 5%
	spkAsks1            // 5–15%
	spkAsks2            // 15–30%
	spkAsks3            // ≥ 30%: a moderator
	spkShare0           // the speaker's share of the sentences: < 5%
	spkShare1           // 5–15%
	spkShare2           // 15–30%
	spkShare3           // ≥ 30%
	numSpeaker
)

// ctxFlag marks a hashed context-word feature in a feature list: its weight
// is at index f&^ctxFlag and its value is that of the context words, which
// share a total weight like a sentence's own n-grams do.
const ctxFlag = 1 << 31

// maxContextWords bounds the words taken from each neighbour.
const maxContextWords = 24

// analysed is a sentence prepared for scoring in a sequence.
type analysed struct {
	bits         uint32
	feats        []uint32 // own n-gram and signal features
	words        []uint32 // FNV hashes of the first content words, for neighbours
	speaker      uint32   // speaker features (bit per spk constant)
	hasSpeaker   bool
	feat0, feat1 int // feats as offsets into a shared buffer while building
}

// contextWordHashes appends the FNV hashes of up to maxContextWords words
// and number shapes of toks to dst.
func contextWordHashes(toks []token, dst []uint32) []uint32 {
	n := 0
	for i := range toks {
		if toks[i].kind == tokPunct {
			continue
		}
		dst = append(dst, fnvString(fnvOffset, toks[i].norm))
		n++
		if n == maxContextWords {
			break
		}
	}
	return dst
}

// analyseSequence tokenises and analyses each sentence, with the sentence
// feature groups set in groups (see features), and computes the speaker
// features.
func analyseSequence(sents []Sentence, groups uint32) []analysed {
	out := make([]analysed, len(sents))
	var tb [64]token
	perSentence := 32
	if groups&groupSkeleton != 0 {
		perSentence += 16
	}
	feats := make([]uint32, 0, len(sents)*perSentence)
	// Neighbours' words serve only a sequence with a speaker (see
	// sequenceFeatures): written text skips hashing them.
	var words []uint32
	wantWords := false
	if groups&groupContextWords != 0 {
		for i := range sents {
			if sents[i].Speaker != "" {
				wantWords = true
				words = make([]uint32, 0, len(sents)*10)
				break
			}
		}
	}
	type span struct{ w0, w1 int }
	ws := make([]span, len(sents))
	for i, s := range sents {
		toks := tokenize(s.Text, tb[:0])
		bits := analyzeWithAttribution(s.Text, toks)
		out[i].bits = bits
		out[i].feat0 = len(feats)
		feats = features(toks, bits, groups, feats)
		out[i].feat1 = len(feats)
		if wantWords {
			ws[i].w0 = len(words)
			words = contextWordHashes(toks, words)
			ws[i].w1 = len(words)
		}
	}
	for i := range out {
		out[i].feats = feats[out[i].feat0:out[i].feat1:out[i].feat1]
		out[i].words = words[ws[i].w0:ws[i].w1:ws[i].w1]
	}
	speakerFeatures(sents, out)
	return out
}

// speakerFeatures sets the speaker features of the sentences that have a
// speaker.
func speakerFeatures(sents []Sentence, out []analysed) {
	type stat struct{ n, questions int }
	stats := map[string]*stat{}
	total := 0
	for i, s := range sents {
		if s.Speaker == "" {
			continue
		}
		st := stats[s.Speaker]
		if st == nil {
			st = &stat{}
			stats[s.Speaker] = st
		}
		st.n++
		total++
		if out[i].bits&sigQuestion != 0 {
			st.questions++
		}
	}
	if total == 0 {
		return
	}
	bucket := func(r float64) int {
		switch {
		case r < 0.05:
			return 0
		case r < 0.15:
			return 1
		case r < 0.3:
			return 2
		}
		return 3
	}
	for i := 0; i < len(sents); {
		sp := sents[i].Speaker
		j := i + 1
		for j < len(sents) && sents[j].Speaker == sp {
			j++
		}
		if sp != "" {
			st := stats[sp]
			var common uint32
			switch n := j - i; {
			case n == 1:
				common |= 1 << spkTurnOne
			case n <= 3:
				common |= 1 << spkTurnShort
			case n > 10:
				common |= 1 << spkTurnLong
			}
			common |= 1 << (spkAsks0 + bucket(float64(st.questions)/float64(st.n)))
			common |= 1 << (spkShare0 + bucket(float64(st.n)/float64(total)))
			for k := i; k < j; k++ {
				out[k].hasSpeaker = true
				out[k].speaker = common
			}
			out[i].speaker |= 1 << spkTurnStart
			out[j-1].speaker |= 1 << spkTurnEnd
		}
		i = j
	}
}

// sequenceFeatures appends the features of sentence i of seq, with the
// context features of the groups set, to dst.
func sequenceFeatures(seq []analysed, i int, groups uint32, dst []uint32) []uint32 {
	dst = append(dst, seq[i].feats...)
	if !seq[i].hasSpeaker {
		// Context features are learned from transcripts only (the own
		// labelled sentences have no neighbours): extrapolated to written
		// text they cost recall.
		return dst
	}
	if groups&groupContextSignals != 0 {
		if i > 0 {
			dst = appendBits(dst, seq[i-1].bits, numBuckets+densePrev)
		}
		if i+1 < len(seq) {
			dst = appendBits(dst, seq[i+1].bits, numBuckets+denseNext)
		}
	}
	if groups&groupContextWords != 0 {
		if i > 0 {
			for _, h := range seq[i-1].words {
				dst = append(dst, fnvByte(h, 'P')&(numBuckets-1)|ctxFlag)
			}
		}
		if i+1 < len(seq) {
			for _, h := range seq[i+1].words {
				dst = append(dst, fnvByte(h, 'N')&(numBuckets-1)|ctxFlag)
			}
		}
	}
	if groups&groupSpeaker != 0 {
		dst = appendBits(dst, seq[i].speaker, numBuckets+denseSpeaker)
	}
	return dst
}

func appendBits(dst []uint32, bits uint32, base uint32) []uint32 {
	bits &= signalMask
	for k := 0; bits != 0 && k < 32; k++ {
		if bits&(1<<k) != 0 {
			dst = append(dst, base+uint32(k))
			bits &^= 1 << k
		}
	}
	return dst
}

// ScoreSequence returns the calibrated claim probability of each sentence of
// a document or transcript, scored with its neighbours as context (in the
// order given: pass the sentences in reading order). Questions are capped
// as in Score. A transcript (a sequence where any sentence has a Speaker)
// is scored by the model's spoken companion where it has one, as
// DefaultModel does.
func (m *Model) ScoreSequence(sents []Sentence) []float64 {
	m = m.forSequence(sents)
	seq := analyseSequence(sents, m.groups)
	out := make([]float64, len(sents))
	fb := make([]uint32, 0, 256)
	for i := range seq {
		fb = sequenceFeatures(seq, i, m.groups, fb[:0])
		out[i] = capNonClaim(m.probability(m.margin(fb)), seq[i].bits, sents[i].Text)
	}
	return out
}

// MarginSequence returns the uncalibrated linear score of each sentence of a
// sequence, as ScoreSequence computes it before calibration and the cap on
// questions.
func (m *Model) MarginSequence(sents []Sentence) []float64 {
	m = m.forSequence(sents)
	seq := analyseSequence(sents, m.groups)
	out := make([]float64, len(sents))
	fb := make([]uint32, 0, 256)
	for i := range seq {
		fb = sequenceFeatures(seq, i, m.groups, fb[:0])
		out[i] = m.margin(fb)
	}
	return out
}
