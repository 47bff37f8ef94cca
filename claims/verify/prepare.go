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

	quantities func() []Quantity // the source's figures and dates, read once
	index      func() *Index     // the source's words indexed for FindQuote, made once
}

// flagClause marks a source's word that starts a clause: a conjunction,
// or a word after a comma, a semicolon, a colon or a bracket.
const flagClause wordFlags = 1 << 7

// Prepare reads s for VerifyPrepared.
func Prepare(s Source) *Prepared {
	p := &Prepared{src: s, sents: splitSentences(s.Text)}
	n := len(p.sents)
	p.sentWords = make([]int, n+1)
	p.lens = make([]int, n)
	p.up, p.down, p.absolute = make([]bool, n), make([]bool, n), make([]bool, n)
	guess := len(s.Text)/6 + 1 // about a word in six bytes of English
	p.wordH, p.wordH4, p.wordFlags = make([]uint64, 0, guess), make([]uint64, 0, guess), make([]wordFlags, 0, guess)
	t := tables()
	var sc wordScanner
	for i, sp := range p.sents {
		text := s.Text[sp.Start:sp.End]
		sc.reset(text)
		lastEnd, lens := 0, 0
		for sc.next() {
			wi := t.info(sc.lowered(), sc.h, sc.h4)
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
	p.quantities = sync.OnceValue(func() []Quantity { return Quantities(text) })
	p.index = sync.OnceValue(func() *Index { return NewIndex(text) })
	return p
}

// Source returns the source p was prepared from.
func (p *Prepared) Source() Source { return p.src }
