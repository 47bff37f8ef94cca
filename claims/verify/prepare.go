package verify

import (
	"sync"
	"sync/atomic"
)

// Prepared is a source read once for verifying any number of claims
// against it: its sentences, their words' keys and lengths (see
// appendWordKeys), and, made when a claim first needs them, its figures
// and the index its quotations are looked up in. What Verify does for
// every claim that is the claim's own is left to VerifyPrepared, which
// reads word by word only the sentences that may hold the claim's words:
// the first claim for itself, the later ones into p, so that a sentence
// several claims read is read once. A Prepared is safe for concurrent
// use.
type Prepared struct {
	src   Source
	sents []Span
	keys  []uint32 // the key of every word of every sentence, in order
	// sentence i's words' keys are keys[sentWords[i]:sentWords[i+1]]
	sentWords []int
	// lens[i] counts sentence i's words that are not function words, as
	// BM25's sentence lengths: counting spaces or bytes instead, which
	// would spare the function-word lookup, lowered WiCE's balanced
	// accuracy from 0.774 to 0.756 and 0.752 (December 2026)
	lens  []int
	total int // the sum of lens

	// words[i] is sentence i read word by word, once a claim after the
	// first has read it (see sentenceWords); claims counts the claims
	// analysed against p
	words  []atomic.Pointer[sentenceWords]
	claims atomic.Int64

	quantities  func() []Quantity // the source's figures and dates, read once
	style       numberStyle       // how the source writes its figures, set by quantities
	quantityBuf []Quantity        // the array they were last read into, for Reset
	index       func() *Index     // the source's words indexed for FindQuote, made once
	indexBuf    []word            // the array its words were last read into, for Reset
}

// Prepare reads s for VerifyPrepared.
func Prepare(s Source) *Prepared {
	p := new(Prepared)
	p.Reset(s)
	return p
}

// Reset reads s into p for VerifyPrepared, as Prepare does, reusing the
// memory p holds: a caller that reads many sources one after another
// allocates for the largest rather than for each. p must not be in use:
// what VerifyPrepared returned from it stays valid, p itself is s's.
func (p *Prepared) Reset(s Source) {
	// the sentences and their words' keys, read in one pass
	var split sentenceSplit
	split.reset(s.Text, p.sents[:0], p.sentWords[:0], p.lens[:0])
	var sc wordScanner
	keys := resize(p.keys, len(s.Text)/6+1)[:0] // about a word in six bytes of English
	keys, content := readWordKeys(keys, &sc, s.Text, &split)
	split.finish(len(keys), content)
	p.src, p.sents, p.sentWords, p.lens, p.total = s, split.sents, split.sentWords, split.lens, split.total
	p.keys = keys
	n := len(p.sents)
	if cap(p.words) >= n {
		// no claim reads p while it is reset: plain stores, not atomic
		// ones, which cost a locked instruction each
		p.words = p.words[:n]
		clear(p.words)
	} else {
		p.words = make([]atomic.Pointer[sentenceWords], n)
	}
	p.claims.Store(0)
	text := s.Text
	// the figures go into the array of the source read before, if any
	buf := p.quantityBuf[:0]
	p.quantities = sync.OnceValue(func() []Quantity {
		q, style := scanQuantities(buf, text, styleUndecided)
		p.style = style
		p.quantityBuf = q
		return q
	})
	// and its words for quotations into the array of the one before
	words := p.indexBuf[:0]
	p.index = sync.OnceValue(func() *Index {
		if cap(words) < len(text)/6+1 {
			words = make([]word, 0, len(text)/6+1) // about a word in six bytes
		}
		idx := &Index{text: text, words: appendWords(words, text)}
		p.indexBuf = idx.words
		return idx
	})
}

// sentenceWords are the words of a sentence as readWords gives them: the
// flags of each and the hashes of its stem.
type sentenceWords struct {
	flags []wordFlags
	h, h4 []uint64
}

// sentenceWords returns sentence i read word by word when it has been;
// else, when store is set, it reads it and keeps it for the claims after,
// and when not, returns nil.
func (p *Prepared) sentenceWords(i int, store bool) *sentenceWords {
	if w := p.words[i].Load(); w != nil || !store {
		return w
	}
	sp := p.sents[i]
	n := p.sentWords[i+1] - p.sentWords[i] // its words, as Prepare found them
	hs := make([]uint64, 2*n)
	w := &sentenceWords{flags: make([]wordFlags, 0, n), h: hs[:0:n], h4: hs[n : n : 2*n]}
	var sc wordScanner
	readWords(&sc, p.src.Text[sp.Start:sp.End], nil, func(f wordFlags, h, h4 uint64) {
		w.flags, w.h, w.h4 = append(w.flags, f), append(w.h, h), append(w.h4, h4)
	})
	if p.words[i].CompareAndSwap(nil, w) {
		return w
	}
	return p.words[i].Load() // another claim read it at the same time
}

// resize returns s with length n, reusing its array when it is large
// enough; the elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// numberStyle returns how the source writes its figures, reading its
// figures if they have not been read.
func (p *Prepared) numberStyle() numberStyle {
	p.quantities() // sets p.style, which is read only after it
	return p.style
}

// Source returns the source p was prepared from.
func (p *Prepared) Source() Source { return p.src }
