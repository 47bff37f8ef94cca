package verify

import "sync"

// Prepared is a source read once for verifying any number of claims
// against it: its sentences and their words, and, made when a claim first
// needs them, its figures and the index its quotations are looked up in.
// What Verify does for every claim that is the claim's own is left to
// VerifyPrepared; a source cited by several claims is read once. A
// Prepared is safe for concurrent use.
type Prepared struct {
	src   Source
	sents []Span
	// the words of every sentence, in order: the hashes of each as
	// token's, and its flags with flagClause
	wordH, wordH4 []uint64
	wordFlags     []wordFlags
	sentWords     []int // sentence i's words are [sentWords[i], sentWords[i+1])
	lens          []int // sentence i's words that are not function words
	total         int   // the sum of lens
	// sentence i has a word of increase, of decrease, one that admits no
	// exception
	up, down, absolute []bool

	quantities  func() []Quantity // the source's figures and dates, read once
	quantityBuf []Quantity        // the array they were last read into, for Reset
	index       func() *Index     // the source's words indexed for FindQuote, made once
}

// flagClause marks a source's word that starts a clause: a conjunction,
// or a word after a comma, a semicolon, a colon or a bracket.
const flagClause wordFlags = 1 << 7

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
	p.src, p.sents, p.total = s, appendSentences(p.sents[:0], s.Text), 0
	n := len(p.sents)
	p.sentWords = resize(p.sentWords, n+1)
	p.lens = resize(p.lens, n)
	p.up, p.down, p.absolute = resize(p.up, n), resize(p.down, n), resize(p.absolute, n)
	clear(p.up)
	clear(p.down)
	clear(p.absolute)
	guess := len(s.Text)/6 + 1 // about a word in six bytes of English
	p.wordH, p.wordH4, p.wordFlags = resize(p.wordH, guess)[:0], resize(p.wordH4, guess)[:0], resize(p.wordFlags, guess)[:0]
	t := tables()
	var sc wordScanner
	for i, sp := range p.sents {
		text := s.Text[sp.Start:sp.End]
		sc.reset(text)
		lastEnd, lens := 0, 0
		for sc.next() {
			b := sc.lowered()
			wi := wordInfo{flags: t.flagsOf(b, sc.h)}
			if wi.flags&flagStop == 0 {
				// A function word's hashes are never read (see
				// analysePrepared): it is not stemmed.
				wi.h, wi.h4 = t.stemmed(b, sc.h, sc.h4)
			}
			flags := wi.flags
			if flags&flagConj != 0 || clauseBreak(text[lastEnd:sc.start]) {
				flags |= flagClause
			}
			p.wordH, p.wordH4, p.wordFlags = append(p.wordH, wi.h), append(p.wordH4, wi.h4), append(p.wordFlags, flags)
			lastEnd = sc.end
			if wi.flags&(flagUp|flagDown|flagAbsolute) != 0 {
				p.up[i] = p.up[i] || wi.flags&flagUp != 0
				p.down[i] = p.down[i] || wi.flags&flagUp == 0 && wi.flags&flagDown != 0
				p.absolute[i] = p.absolute[i] || wi.flags&flagAbsolute != 0
			}
			if wi.flags&flagStop == 0 {
				lens++
			}
		}
		p.lens[i] = lens
		p.total += lens
		p.sentWords[i+1] = len(p.wordFlags)
	}
	text := s.Text
	// the figures go into the array of the source read before, if any
	buf := p.quantityBuf[:0]
	p.quantities = sync.OnceValue(func() []Quantity {
		q := appendQuantities(buf, text)
		p.quantityBuf = q
		return q
	})
	p.index = sync.OnceValue(func() *Index { return NewIndex(text) })
}

// resize returns s with length n, reusing its array when it is large
// enough; the elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Source returns the source p was prepared from.
func (p *Prepared) Source() Source { return p.src }
