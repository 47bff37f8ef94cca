package verify

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// analysis is what Verify learns of a claim and a source before scoring:
// the claim's content words, the source's sentences and how each bears on
// the claim, the claim's figures, names and quotations and what the
// source makes of them.
type analysis struct {
	claim, src string
	prepared   *Prepared

	terms   []term   // the claim's content words, once each
	bigrams [][2]int // consecutive content words of the claim, as term indexes
	idfSum  float64

	sents []Span
	// The sentences read word by word (see keySet.hasAny) have rows: read
	// lists them, row[i] is sentence i's row or -1, and the slices below
	// are by row. A sentence not read holds no term.
	read     []int
	row      []int32
	present  []bool   // present[r*len(terms)+t]: row r has term t (see has)
	bigramIn []uint64 // bit k set when the row has bigram k (see bigramsIn)
	neg      []bool   // the row has a negation, in a clause about the claim (see negated)
	bm25     []float64
	bonus    map[int]float64 // figures and quotations backed in sentence i
	inSrc    []bool          // term t is somewhere in the source

	windows []window // the evidence, best first
	// the best passage has a word of increase, of decrease, one that
	// admits no exception (see readBest)
	bestUp, bestDown, bestAbsolute bool

	// When readAll is set every sentence is read, as when the claim has no
	// terms, and a negation anywhere counts; else only those that may
	// hold a term (see keySet).
	readAll bool

	// filter and filter4 hold the low bytes of the terms' hashes, so that
	// most words of a source are ruled out with one lookup.
	filter, filter4 [256]bool

	claimQuotes []Quote
	claimQty    []Quantity
	srcQty      []Quantity // the source's quantities, when the claim has any

	claimNeg                       bool
	claimUp, claimDown             bool         // the claim has a word of increase, of decrease
	claimAbsolute                  int          // the claim's words that admit no exception
	nums, numsBad                  int          // the claim's figures and dates, and those not backed
	conflicts                      int          // figures the best passages give otherwise
	ratios                         []ratioClaim // the claim's multiples: "doubled", "four times as many"
	changeBacked                   []Span       // the claim's percentages a change of the source bears out ("rose 25%": "from 1.2 to 1.5 million")
	names, namesBad                int
	quotes, quotesExact, quotesMis int
	missing                        []Missing
}

// term is a content word of the claim.
type term struct {
	h      uint64
	h4     uint64
	idf    float64
	name   bool
	quoted bool // inside a quotation of the claim
	qty    bool // inside a figure of the claim, checked as a quantity
	span   Span // its first occurrence in the claim
}

// window is a passage of one to three consecutive sentences.
type window struct {
	from, to int // sentences [from, to]
	cover    float64
}

const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// analyse reads c and s; see analysis.
func analyse(c Claim, s Source) *analysis { return analysePrepared(c, Prepare(s)) }

// analysePrepared reads c against the source p has read.
func analysePrepared(c Claim, p *Prepared) *analysis { return analyseRead(c, p, false) }

// analyseRead is analysePrepared, reading every sentence of the source
// word by word when readAll is set, and else only those that may hold a
// term (the same analysis: see candidatesDiff).
func analyseRead(c Claim, p *Prepared, readAll bool) *analysis {
	a := &analysis{claim: c.Text, src: p.src.Text, prepared: p, readAll: readAll}
	// A note marker's number is not what the claim says ("rose 12%.[3]"):
	// the claim is read without them, its spans unchanged.
	c.Text = blankNoteMarkers(c.Text)
	// (each list below made at its full size at once: it would otherwise
	// grow from nothing for every claim)
	ctoks := tokenize(make([]token, 0, len(c.Text)/4+1), c.Text) // a word in four bytes or more
	a.claimQuotes = Quotes(c.Text)
	a.claimQty = claimQuantities(c.Text, p)
	a.ratios = ratioClaims(c.Text)
	a.claimQty = withoutMultiples(a.claimQty, a.ratios)
	// the keys of the words of the source that may be terms (see
	// keySet.addTerm): a sentence with none of them holds no term (kept
	// off the heap: the analysis outlives it)
	var ks keySet
	a.collectTerms(c, ctoks, &ks)
	a.readAll = a.readAll || len(a.terms) == 0

	a.sents = p.sents
	n := len(a.sents)
	nt := len(a.terms)
	a.row = make([]int32, n)
	a.inSrc = make([]bool, nt)
	rd := rowReader{a: a, df: make([]int, nt)}
	// The first claim against p reads its sentences for itself; from the
	// second on, each sentence is read once, for every claim after
	// (Prepared.words), so that claims that share a page's words share
	// reading them.
	share := p.claims.Add(1) > 1
	a.read = make([]int, 0, n)
	for i := range a.sents {
		if a.readAll || ks.hasAny(p.keys[p.sentWords[i]:p.sentWords[i+1]]) {
			a.row[i] = int32(len(a.read))
			a.read = append(a.read, i)
		} else {
			// None of its words is a term: it adds nothing but its
			// length, which Prepare counted.
			a.row[i] = -1
		}
	}
	rows := len(a.read)
	a.present, rd.counts = make([]bool, rows*nt), make([]uint16, rows*nt)
	a.bigramIn, a.neg = make([]uint64, rows), make([]bool, rows)
	var sc wordScanner
	for r, i := range a.read {
		rd.start(r)
		if w := p.sentenceWords(i, share); w != nil {
			for k, f := range w.flags {
				rd.word(f, w.h[k], w.h4[k])
			}
		} else {
			sp := a.sents[i]
			var keys *keySet // every word hashed when every sentence is read
			if !a.readAll {
				keys = &ks
			}
			readWords(&sc, a.src[sp.Start:sp.End], keys, rd.word)
		}
		rd.endClause()
	}
	df, counts := rd.df, rd.counts
	// IDF over the source's sentences: a word the source never uses
	// weighs most.
	for t := range a.terms {
		a.terms[t].idf = math.Log(1 + (float64(n)+1)/(float64(df[t])+0.5))
		a.idfSum += a.terms[t].idf
	}
	a.bm25 = make([]float64, len(a.read))
	if n > 0 {
		avg := float64(p.total)/float64(n) + 1
		for r, i := range a.read {
			norm := bm25K1 * (1 - bm25B + bm25B*float64(p.lens[i])/avg)
			for t, f := range counts[r*nt : (r+1)*nt] {
				if f > 0 {
					a.bm25[r] += a.terms[t].idf * float64(f) * (bm25K1 + 1) / (float64(f) + norm)
				}
			}
		}
	}
	for _, tk := range ctoks {
		a.claimNeg = a.claimNeg || tk.neg
		a.claimUp = a.claimUp || tk.dir > 0
		a.claimDown = a.claimDown || tk.dir < 0
		if tk.absolute {
			a.claimAbsolute++
		}
	}
	a.checkQuotes()
	a.checkNames(p.src.Title)
	cq, sq := a.checkQuantities()
	a.srcQty = sq
	a.pickWindows()
	a.readBest()
	a.findConflicts(cq, sq)
	a.checkRatios()
	slices.SortStableFunc(a.missing, func(x, y Missing) int { return x.Span.Start - y.Span.Start })
	return a
}

// claimQuantities returns the quantities of a claim, its figures read in
// its own style or, where it writes none that tells ("40.000 vidas"), in
// its source's: a claim quotes its figures as its source writes them.
func claimQuantities(claim string, p *Prepared) []Quantity {
	q, style := scanQuantities(nil, claim, styleUndecided)
	if style == styleUndecided && separatedFigure(claim) && p.numberStyle() == styleComma {
		q, _ = scanQuantities(q[:0], claim, styleComma)
	}
	return q
}

// separatedFigure reports whether text has digits either side of a comma
// or a point: a figure whose reading may depend on the style.
func separatedFigure(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		if (text[i] == ',' || text[i] == '.') && isDigit(text[i-1]) && isDigit(text[i+1]) {
			return true
		}
	}
	return false
}

// flagClause marks a source's word that starts a clause: a conjunction,
// or a word after a comma, a semicolon, a colon or a bracket.
const flagClause wordFlags = 1 << 7

// maxNoteMarker is the longest note marker blankNoteMarkers blanks,
// brackets included: "[citation needed]".
const maxNoteMarker = 24

// blankNoteMarkers returns text with its note markers replaced by spaces,
// byte for byte: a pair of square brackets around numbers and the marks
// between them ("[3]", "[4–6]", "[12, 14]"), one lower-case letter
// ("[a]"), a numbered note ("[note 2]", "[nb 1]") or "[citation needed]".
// Other brackets, such as a quotation's insertion "[the council]" or
// "[sic]", stay.
func blankNoteMarkers(text string) string {
	var b []byte
	for i := 0; i < len(text); i++ {
		if text[i] != '[' {
			continue
		}
		end := strings.IndexByte(text[i:min(len(text), i+maxNoteMarker)], ']')
		if end < 0 || !noteMarker(text[i+1:i+end]) {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		for k := i; k <= i+end; k++ {
			b[k] = ' '
		}
		i += end
	}
	if b == nil {
		return text
	}
	return string(b)
}

// noteMarker reports whether in, the text between square brackets, makes
// a note marker (see blankNoteMarkers).
func noteMarker(in string) bool {
	switch {
	case in == "":
		return false
	case len(in) == 1 && isLower(in[0]):
		return true
	case strings.EqualFold(in, "citation needed"):
		return true
	}
	for _, prefix := range []string{"note ", "nb "} {
		if len(in) > len(prefix) && strings.EqualFold(in[:len(prefix)], prefix) {
			in = in[len(prefix):]
			break
		}
	}
	digits := false
	for _, r := range in {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == ',' || r == ' ' || r == '-' || r == '–' || r == '—':
		default:
			return false
		}
	}
	return digits
}

// rowReader reads the words of the sentences of a's rows, one sentence
// after another (start, word for each of its words, endClause).
type rowReader struct {
	a      *analysis
	df     []int    // df[t]: the sentences read with term t
	counts []uint16 // counts[r*nt+t]: how often the sentence of row r has term t
	// the sentence being read: its row, the term of the word before (-1:
	// none) and its clause's negation and terms
	r, prev     int
	clauseNeg   bool
	clauseTerms int
}

// start starts reading the sentence of row r.
func (rd *rowReader) start(r int) {
	rd.r, rd.prev, rd.clauseNeg, rd.clauseTerms = r, -1, false, 0
}

// endClause ends a clause of the sentence. A negation counts when its
// clause holds some of the claim: "no safety concerns" says nothing of a
// claim about efficacy.
func (rd *rowReader) endClause() {
	if rd.clauseNeg && rd.clauseTerms >= min(2, len(rd.a.terms)) {
		rd.a.neg[rd.r] = true
	}
	rd.clauseNeg, rd.clauseTerms = false, 0
}

// word reads the sentence's next word: its flags, with flagClause, and
// the hashes of its stem (unset for a function word).
func (rd *rowReader) word(f wordFlags, h, h4 uint64) {
	a, nt, r := rd.a, len(rd.a.terms), rd.r
	if f&flagClause != 0 {
		rd.endClause()
	}
	if f&flagNeg != 0 {
		rd.clauseNeg = true
	}
	if f&flagStop != 0 {
		return
	}
	tm := -1
	if f&flagNoTerm == 0 {
		tm = a.termIndex(h, h4)
	}
	if tm >= 0 {
		rd.clauseTerms++
		if c := &rd.counts[r*nt+tm]; *c < 0xffff {
			*c++
		}
		if !a.present[r*nt+tm] {
			rd.df[tm]++
		}
		a.present[r*nt+tm] = true
		a.inSrc[tm] = true
		if rd.prev >= 0 {
			for b, bg := range a.bigrams {
				if b < 64 && bg[0] == rd.prev && bg[1] == tm {
					a.bigramIn[r] |= 1 << b
				}
			}
		}
	}
	rd.prev = tm
}

// flagNoTerm marks a word that readWords found no term of the claim can
// be (see keySet): its hashes are not given.
const flagNoTerm wordFlags = 1 << 6

// readWords reads the words of a sentence, text, as wordScanner finds
// them, giving each to word with its flags (flagClause set where a clause
// starts) and, unless it is a function word, the hashes of its stem. With
// keys, a word of ASCII letters whose key is not among them is given with
// flagNoTerm and no hashes, read without being hashed or stemmed (most
// words of a sentence).
func readWords(sc *wordScanner, text string, keys *keySet, word func(f wordFlags, h, h4 uint64)) {
	t, ft := tables(), flagsASCII()
	lastEnd := 0
	for i := 0; i < len(text); {
		c := text[i]
		if keys != nil && isLetter(c) {
			j := i + 1
			if i+8 <= len(text) {
				// most words end within eight bytes: found at once (see
				// leadingLetters)
				j = i + leadingLetters(eightBytes(text, i))
			}
			for j < len(text) && isLetter(text[j]) {
				j++
			}
			if j-i < len(sc.buf) && (j == len(text) || endsLettersOrRune(text, j)) {
				w := text[i:j]
				k := asciiKey(w)
				f := ft.of(w, k)
				if f&flagConj != 0 || clauseBreak(text[lastEnd:i]) {
					f |= flagClause
				}
				lastEnd, i = j, j
				if f&flagStop != 0 || !keys.has(k) {
					word(f|flagNoTerm, 0, 0)
					continue
				}
				// hashed and stemmed as wordScanner and tokenize do
				low := sc.buf[:len(w)]
				h, h4 := uint64(fnvOffset), uint64(0)
				for m := range len(w) {
					low[m] = w[m] | 0x20
					h = (h ^ uint64(low[m])) * fnvPrime
				}
				if len(w) >= 4 {
					h4 = hashBytes(low[:4])
				}
				h, h4 = t.stemmed(low, h, h4)
				word(f, h, h4)
				continue
			}
		} else if keys != nil && c < utf8.RuneSelf && !isDigit(c) {
			i++
			continue
		}
		sc.text, sc.i = text, i
		if !sc.next() {
			break
		}
		b := sc.lowered()
		f := t.flagsOf(b, sc.h)
		if f&flagConj != 0 || clauseBreak(text[lastEnd:sc.start]) {
			f |= flagClause
		}
		lastEnd, i = sc.end, sc.i
		var h, h4 uint64
		if f&flagStop == 0 {
			// A function word's hashes are never read: it is not
			// stemmed.
			h, h4 = t.stemmed(b, sc.h, sc.h4)
		}
		word(f, h, h4)
	}
}

// collectTerms keeps the content words of the claim, once each, and its
// names: capitalised words past the first, or the first when the title or
// context writes it capitalised too.
func (a *analysis) collectTerms(c Claim, ctoks []token, ks *keySet) {
	prev := -1
	first := true
	a.terms = make([]term, 0, len(ctoks))
	a.bigrams = make([][2]int, 0, len(ctoks))
	for _, tk := range ctoks {
		if tk.stop {
			prev = -1
			first = false
			continue
		}
		inQty := false
		for _, q := range a.claimQty {
			inQty = inQty || q.Span.Start <= tk.start && tk.end <= q.Span.End
		}
		t := a.termIndex(tk.h, 0)
		if t < 0 {
			name := tk.upper && !first
			if tk.upper && first {
				w := c.Text[tk.start:tk.end]
				name = strings.Contains(c.Context, w) || strings.Contains(c.Title, w)
			}
			quoted := false
			for _, q := range a.claimQuotes {
				quoted = quoted || q.Inner.Start <= tk.start && tk.end <= q.Inner.End
			}
			a.terms = append(a.terms, term{h: tk.h, h4: tk.h4, name: name, quoted: quoted, qty: inQty, span: Span{Start: tk.start, End: tk.end}})
			a.addTermKeys(ks, c.Text[tk.start:tk.end], tk.h4 != 0 && !name)
			t = len(a.terms) - 1
			a.filter[tk.h&0xff] = true
			if tk.h4 != 0 && !name {
				a.filter4[tk.h4&0xff] = true
			}
		}
		if prev >= 0 && prev != t && len(a.bigrams) < 64 {
			a.bigrams = append(a.bigrams, [2]int{prev, t})
		}
		prev = t
		first = false
	}
}

// addTermKeys adds to ks those of the words termIndex may match to the
// claim's word w (see keySet.addTerm); soft is set when it matches by its
// first four bytes too.
func (a *analysis) addTermKeys(ks *keySet, w string, soft bool) {
	var sc wordScanner
	sc.reset(w)
	if !sc.next() {
		a.readAll = true // (tokenize found a word here: not reached)
		return
	}
	low := sc.lowered()
	var buf [64]byte
	ks.addTerm(low, stem(append(buf[:0], low...)), soft)
}

// readBest sets bestUp, bestDown and bestAbsolute from the words of the
// best passage.
func (a *analysis) readBest() {
	if len(a.windows) == 0 {
		return
	}
	flag := func(f wordFlags, _, _ uint64) {
		a.bestUp = a.bestUp || f&flagUp != 0
		a.bestDown = a.bestDown || f&flagUp == 0 && f&flagDown != 0
		a.bestAbsolute = a.bestAbsolute || f&flagAbsolute != 0
	}
	var sc wordScanner
	var noKeys keySet // only the flags are read
	w := a.windows[0]
	for i := w.from; i <= w.to; i++ {
		if kept := a.prepared.sentenceWords(i, false); kept != nil {
			for _, f := range kept.flags {
				flag(f, 0, 0)
			}
		} else {
			sp := a.sents[i]
			readWords(&sc, a.src[sp.Start:sp.End], &noKeys, flag)
		}
	}
}

// termIndex returns the claim's term with hash h, or else one whose stem
// begins with the same four letters (h4) ("turned" and "turnout"), or
// -1.
func (a *analysis) termIndex(h, h4 uint64) int {
	if !a.filter[h&0xff] && (h4 == 0 || !a.filter4[h4&0xff]) {
		return -1
	}
	soft := -1
	for t := range a.terms {
		if a.terms[t].h == h {
			return t
		}
		if h4 != 0 && soft < 0 && a.terms[t].h4 == h4 && !a.terms[t].name {
			soft = t
		}
	}
	return soft
}

// cover returns the share of the claim's content (IDF-weighted words)
// that sentences [from, to] hold.
func (a *analysis) cover(from, to int) float64 {
	if a.idfSum == 0 {
		return 0
	}
	var got float64
	for t := range a.terms {
		for i := from; i <= to; i++ {
			if a.has(i, t) {
				got += a.terms[t].idf
				break
			}
		}
	}
	return got / a.idfSum
}

// has reports whether sentence i has term t.
func (a *analysis) has(i, t int) bool {
	r := a.row[i]
	return r >= 0 && a.present[int(r)*len(a.terms)+t]
}

// negated reports whether sentence i has a negation in a clause about the
// claim.
func (a *analysis) negated(i int) bool {
	r := a.row[i]
	return r >= 0 && a.neg[r]
}

// bigramsIn returns the bigrams of the claim that sentence i has, bit k
// for bigram k.
func (a *analysis) bigramsIn(i int) uint64 {
	if r := a.row[i]; r >= 0 {
		return a.bigramIn[r]
	}
	return 0
}

// addBonus adds b to what sentence i backs of the claim's figures and
// quotations.
func (a *analysis) addBonus(i int, b float64) {
	if a.bonus == nil {
		a.bonus = map[int]float64{}
	}
	a.bonus[i] += b
}

// sentenceOf returns the index of the sentence holding byte off, or -1.
func (a *analysis) sentenceOf(off int) int {
	i, _ := slices.BinarySearchFunc(a.sents, off, func(s Span, off int) int {
		switch {
		case s.End <= off:
			return -1
		case s.Start > off:
			return 1
		}
		return 0
	})
	if i < len(a.sents) && a.sents[i].Start <= off && off < a.sents[i].End {
		return i
	}
	return -1
}

// pickWindows ranks sentences by BM25 plus the figures and quotations
// they back, grows each of the best into a passage of up to three
// sentences while that adds to what it covers, and keeps five that do
// not overlap.
func (a *analysis) pickWindows() {
	n := len(a.sents)
	if n == 0 || len(a.terms) == 0 && len(a.bonus) == 0 {
		return
	}
	maxScore := 0.0
	for _, t := range a.terms {
		maxScore += t.idf * (bm25K1 + 1) / (1 + bm25K1*(1-bm25B))
	}
	// Only a sentence that scores can seed a passage: one read, or one
	// that backs a figure or a quotation. The others are not ranked.
	type seed struct {
		i     int
		score float64
	}
	seeds := make([]seed, 0, len(a.read)+len(a.bonus))
	for r, i := range a.read {
		sc := a.bonus[i]
		if maxScore > 0 {
			sc += a.bm25[r] / maxScore
		}
		if sc > 0 {
			seeds = append(seeds, seed{i, sc})
		}
	}
	for i, b := range a.bonus {
		if a.row[i] < 0 && b > 0 {
			seeds = append(seeds, seed{i, b})
		}
	}
	slices.SortFunc(seeds, func(x, y seed) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return x.i - y.i
	})
	taken := make([]bool, n)
	a.windows = make([]window, 0, maxEvidence)
	for _, sd := range seeds {
		i := sd.i
		if len(a.windows) == maxEvidence {
			break
		}
		if taken[i] {
			continue
		}
		w := window{from: i, to: i, cover: a.cover(i, i)}
		for w.to-w.from < 2 {
			best, bf, bt := w.cover, -1, -1
			if w.from > 0 && !taken[w.from-1] {
				if c := a.cover(w.from-1, w.to); c > best+0.02 {
					best, bf, bt = c, w.from-1, w.to
				}
			}
			if w.to+1 < n && !taken[w.to+1] {
				if c := a.cover(w.from, w.to+1); c > best+0.02 {
					best, bf, bt = c, w.from, w.to+1
				}
			}
			if bf < 0 {
				break
			}
			w = window{from: bf, to: bt, cover: best}
		}
		for j := w.from; j <= w.to; j++ {
			taken[j] = true
		}
		a.windows = append(a.windows, w)
	}
	slices.SortStableFunc(a.windows, func(x, y window) int {
		sx, sy := x.cover+a.windowBonus(x), y.cover+a.windowBonus(y)
		switch {
		case sx > sy:
			return -1
		case sx < sy:
			return 1
		}
		return x.from - y.from
	})
}

func (a *analysis) windowBonus(w window) float64 {
	var b float64
	for i := w.from; i <= w.to; i++ {
		b = max(b, a.bonus[i])
	}
	return b
}

// evidence returns the windows as Evidence, with links when base is set.
func (a *analysis) evidence(base string) []Evidence {
	var ev []Evidence
	if len(a.windows) > 0 {
		ev = make([]Evidence, 0, len(a.windows))
	}
	for _, w := range a.windows {
		sp := Span{Start: a.sents[w.from].Start, End: a.sents[w.to].End}
		text := a.src[sp.Start:sp.End]
		ev = append(ev, Evidence{Text: text, Span: sp, URL: fragmentURL(base, text),
			Score: math.Min(1, w.cover+a.windowBonus(w))})
	}
	return ev
}

// checkQuotes looks for the claim's quotations in the source.
func (a *analysis) checkQuotes() {
	qs := a.claimQuotes
	if len(qs) == 0 {
		return
	}
	idx := a.prepared.index()
	for _, q := range qs {
		if q.Depth > 0 || len(strings.Fields(q.Text)) < 2 {
			continue
		}
		a.quotes++
		m := idx.FindQuote(q.Text)
		switch m.Status {
		case QuoteExact:
			a.quotesExact++
			if i := a.sentenceOf(m.Span.Start); i >= 0 {
				a.addBonus(i, 0.5)
			}
		case QuoteMisquote:
			a.quotesMis++
			ms := Missing{Kind: "quote", Text: q.Text, Span: q.Inner, SourceText: a.src[m.Span.Start:m.Span.End], SourceSpan: m.Span}
			if i := a.sentenceOf(m.Span.Start); i >= 0 {
				ms.Passage = a.src[a.sents[i].Start:a.sents[i].End]
				a.addBonus(i, 0.3)
			}
			a.missing = append(a.missing, ms)
		default:
			a.missing = append(a.missing, Missing{Kind: "quote", Text: q.Text, Span: q.Inner})
		}
	}
}

// checkNames reports the claim's names that the source never writes, in
// its text or its title: runs of capitalised words, missing when any of
// their words is.
func (a *analysis) checkNames(title string) {
	var inTitle []bool
	if title != "" {
		inTitle = make([]bool, len(a.terms))
		for _, tk := range tokenize(nil, title) {
			if t := a.termIndex(tk.h, 0); t >= 0 && !tk.stop {
				inTitle[t] = true
			}
		}
	}
	for t := 0; t < len(a.terms); {
		if !a.terms[t].name {
			t++
			continue
		}
		u := t
		for u+1 < len(a.terms) && a.terms[u+1].name && a.terms[u+1].span.Start-a.terms[u].span.End <= 1 {
			u++
		}
		a.names++
		absent := false
		for k := t; k <= u; k++ {
			absent = absent || !a.inSrc[k] && (inTitle == nil || !inTitle[k])
		}
		if absent {
			a.namesBad++
			sp := Span{Start: a.terms[t].span.Start, End: a.terms[u].span.End}
			a.missing = append(a.missing, Missing{Kind: "name", Text: a.claim[sp.Start:sp.End], Span: sp})
		}
		t = u + 1
	}
}

// clauseBreak reports whether the text between two words ends a clause:
// a comma, a semicolon, a colon, a bracket, or a dash between clauses
// ("not all of the assets – the shares left behind are worth…"): an em
// dash, an en dash or a hyphen with a space beside it, or two hyphens;
// not a hyphen joining two words, nor an en dash joining two numbers
// ("2018–19").
func clauseBreak(between string) bool {
	spaced := func(i, n int) bool { // the dash at between[i:i+n] has a space beside it
		return i > 0 && between[i-1] == ' ' || i+n < len(between) && between[i+n] == ' '
	}
	for i := 0; i < len(between); i++ {
		switch between[i] {
		case ',', ';', ':', '(', ')':
			return true
		case '-':
			if spaced(i, 1) || i+1 < len(between) && between[i+1] == '-' {
				return true
			}
		case 0xE2: // U+2013 en dash and U+2014 em dash are E2 80 93 and E2 80 94
			if i+2 < len(between) && between[i+1] == 0x80 && (between[i+2] == 0x94 || between[i+2] == 0x93 && spaced(i, 3)) {
				return true
			}
		}
	}
	return false
}
