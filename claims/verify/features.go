package verify

import (
	"math"
	"slices"
	"strings"
)

// featureNames names the features of a claim and a source, in the order
// of analysis.features; model.json lists them so that a model trained on
// other features is refused.
var featureNames = []string{
	"cover_best",     // share of the claim's content (IDF-weighted) in the best passage
	"cover_top",      // ... in the five passages together
	"cover_all",      // ... anywhere in the source
	"words_all",      // share of the claim's content words anywhere, unweighted
	"missing_idf",    // IDF mass of the content words the source lacks, log
	"bm25_best",      // BM25 of the best sentence over its maximum
	"bigrams_all",    // share of the claim's word pairs found as pairs in one sentence
	"bigrams_best",   // ... in the best passage
	"numbers",        // the claim has figures or dates
	"numbers_bad",    // share of them the source does not back
	"number_any_bad", // some figure is not backed
	"conflicts",      // a best passage gives another figure for the same thing
	"names_bad",      // share of the claim's names the source never writes
	"quotes_exact",   // quotations found word for word
	"quotes_bad",     // quotations misquoted or absent
	"negation",       // the claim and its best passage disagree on negation
	"clause_min",     // the least share of a clause's content the source has
	"missing_words",  // log of the content words the source lacks
	"sentence_best",  // the largest share of the claim's content in one sentence
	"words_best",     // the largest share of its words, unweighted, in one passage
	"claim_negated",  // the claim has a negation
	"best_negated",   // the best passage has one in a clause about the claim
	"direction",      // the claim and its best passage say opposite ways (increase, decrease)
	"absolute",       // the claim says "all", "only", "never" and its best passage does not
	"miss_specific",  // log of the names, figures and long words the source lacks
	"long_missing",   // share of the claim's long words the source lacks
	"cover_all_len",  // cover_all, each word weighing its IDF times its length
	"specific_best",  // share of the claim's names, figures and long words in its best passage
	"numbers_best",   // share of the claim's figures and dates that its best passage backs
	"claim_words",    // log of the number of the claim's content words
	"source_sents",   // log of the number of the source's sentences
	"cover_near",     // share of the claim's content in five consecutive sentences
	"names_best",     // share of the claim's names that its best passage writes
}

// features returns the feature vector of a, in the order of featureNames.
func (a *analysis) features() []float64 {
	f := make([]float64, 0, len(featureNames))
	best, top, all := 0.0, 0.0, 0.0
	if len(a.windows) > 0 {
		best = a.windows[0].cover
		for _, w := range a.windows {
			best = max(best, w.cover)
		}
	}
	var missIDF float64
	words := 0
	var topGot float64
	for t, tm := range a.terms {
		if a.inSrc[t] {
			all += tm.idf
			words++
		} else {
			missIDF += tm.idf
		}
	win:
		for _, w := range a.windows {
			for i := w.from; i <= w.to; i++ {
				if a.has(i, t) {
					topGot += tm.idf
					break win
				}
			}
		}
	}
	if a.idfSum > 0 {
		all /= a.idfSum
		top = topGot / a.idfSum
	}
	wordsAll := 0.0
	if len(a.terms) > 0 {
		wordsAll = float64(words) / float64(len(a.terms))
	}
	bm := 0.0
	maxScore := 0.0
	for _, t := range a.terms {
		maxScore += t.idf * (bm25K1 + 1) / (1 + bm25K1*(1-bm25B))
	}
	for _, s := range a.bm25 {
		bm = max(bm, s)
	}
	if maxScore > 0 {
		bm /= maxScore
	}
	var pairsAll, pairsBest float64
	if nb := min(len(a.bigrams), 64); nb > 0 {
		var any, inBest uint64
		for _, b := range a.bigramIn {
			any |= b
		}
		if len(a.windows) > 0 {
			for i := a.windows[0].from; i <= a.windows[0].to; i++ {
				inBest |= a.bigramsIn(i)
			}
		}
		pairsAll = float64(popcount(any)) / float64(nb)
		pairsBest = float64(popcount(inBest)) / float64(nb)
	}
	ratio := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return float64(n) / float64(d)
	}
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	negMismatch := a.negMismatch()
	f = append(f, best, top, all, wordsAll, math.Log1p(missIDF), bm, pairsAll, pairsBest,
		b2f(a.nums > 0), ratio(a.numsBad, a.nums), b2f(a.numsBad > 0), b2f(a.conflicts > 0),
		ratio(a.namesBad, a.names), float64(a.quotesExact), float64(a.quotesMis+a.quotes-a.quotesExact-a.quotesMis),
		b2f(negMismatch),
		a.clauseMin(), math.Log1p(float64(len(a.terms)-words)), a.bestSentence(),
		a.bestWordsWhere(func(term) bool { return true }),
		b2f(a.claimNeg), b2f(a.bestNegated()), b2f(a.directionMismatch()), b2f(a.absoluteMismatch()))
	sp := a.specificity()
	f = append(f, math.Log1p(float64(sp.missSpecific)), ratio(sp.longMissing, sp.long), sp.coverLen,
		a.specificBest(), a.numbersBest())
	claimWords, sourceSents := a.sizes()
	f = append(f, claimWords, sourceSents, a.coverNear(), a.namesBest())
	return f
}

// minLongWord is the length in bytes from which a content word of the
// claim counts as long: "greenhouses", "fabrication" rather than "again",
// "began", "found".
const minLongWord = 8

// specific is what the source lacks of the claim's specific words.
type specific struct {
	missSpecific      int     // names, figures and long words absent from the source
	long, longMissing int     // long words (not names or figures), and those absent
	coverLen          float64 // share of the claim's content in the source, each word weighing IDF times length
}

// specificity measures what the source lacks of the claim's specific
// words. A claim fully supported in other words than the source's lacks
// mostly short, common ones ("again", "began", "won"); one partly
// supported lacks a name, a figure or a long, rare word ("greenhouses"):
// the length of a word stands for its rarity in English, which the IDF,
// taken over the source alone, does not tell (every absent word has the
// same IDF).
func (a *analysis) specificity() specific {
	var s specific
	var got, all float64
	for t, tm := range a.terms {
		n := float64(tm.span.End - tm.span.Start)
		long := tm.span.End-tm.span.Start >= minLongWord && !tm.qty && !tm.name
		if long {
			s.long++
		}
		all += tm.idf * n
		if a.inSrc[t] {
			got += tm.idf * n
			continue
		}
		if long {
			s.longMissing++
		}
		if long || tm.name || tm.qty {
			s.missSpecific++
		}
	}
	if all > 0 {
		s.coverLen = got / all
	}
	return s
}

// specificBest returns the share of the claim's specific words (names,
// figures, words of minLongWord bytes or more) that its best passage
// holds, 1 when it has none: a page may have them all, scattered, where
// only one passage says what the claim says.
func (a *analysis) specificBest() float64 {
	if len(a.windows) == 0 {
		return 0
	}
	got, all := a.windowWords(a.windows[0], func(tm term) bool {
		return tm.span.End-tm.span.Start >= minLongWord || tm.qty || tm.name
	})
	if all == 0 {
		return 1
	}
	return float64(got) / float64(all)
}

// numbersBest returns the share of the claim's figures and dates that a
// quantity of its best passage backs (Quantity.Matches), 1 when it has
// none: a page's dates and counts are many, and the one that backs the
// claim's may be about something else.
func (a *analysis) numbersBest() float64 {
	if len(a.claimQty) == 0 {
		return 1
	}
	if len(a.windows) == 0 {
		return 0
	}
	w := a.windows[0]
	from, to := a.sents[w.from].Start, a.sents[w.to].End
	got := 0
	for _, q := range a.claimQty {
		for _, s := range a.srcQty {
			if s.Span.Start >= from && s.Span.End <= to && q.Matches(s) {
				got++
				break
			}
		}
	}
	return float64(got) / float64(len(a.claimQty))
}

// bestNegated reports whether the best passage has a negation in a
// clause about the claim.
func (a *analysis) bestNegated() bool {
	if len(a.windows) == 0 {
		return false
	}
	w := a.windows[0]
	for i := w.from; i <= w.to; i++ {
		if a.negated(i) {
			return true
		}
	}
	return false
}

// directionMismatch reports whether the claim and its best passage say
// that something goes opposite ways: one has words of increase
// ("increase", "higher") and none of decrease ("reduce", "lower"), the
// other the reverse.
func (a *analysis) directionMismatch() bool {
	if len(a.windows) == 0 || a.claimUp == a.claimDown {
		return false
	}
	return a.bestUp != a.bestDown && a.bestUp == a.claimDown
}

// polarityCue reports whether the best passage says the opposite of the
// claim in so many words: it disagrees on negation or direction, or the
// claim admits no exception where the passage does not say so.
func (a *analysis) polarityCue() bool {
	return a.negMismatch() || a.directionMismatch() || a.absoluteMismatch()
}

// absoluteMismatch reports whether the claim admits no exception ("all",
// "only", "never") where its best passage writes no such word.
func (a *analysis) absoluteMismatch() bool {
	if len(a.windows) == 0 || a.claimAbsolute == 0 {
		return false
	}
	return !a.bestAbsolute
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// contradiction reports a conflict in the best passages: another figure
// for the same thing, a misquotation, or a best passage that covers the
// claim but disagrees on negation.
func (a *analysis) contradiction() bool {
	if a.conflicts > 0 || a.quotesMis > 0 {
		return true
	}
	if len(a.windows) == 0 || a.windows[0].cover < 0.7 {
		return false
	}
	w := a.windows[0]
	srcNeg := false
	for i := w.from; i <= w.to; i++ {
		srcNeg = srcNeg || a.negated(i)
	}
	return srcNeg != a.claimNeg
}

// clauseMin returns the least share of content (IDF-weighted) that the
// source has of any clause of the claim, clauses being cut at commas,
// semicolons, brackets and "and", "but", "which", "while", "who", of
// those with two content words at least (one is an item of a list): a
// claim fully supported has every clause backed.
func (a *analysis) clauseMin() float64 {
	var cuts []int
	for i := 0; i < len(a.claim); i++ {
		switch a.claim[i] {
		case ',', ';', '(', ')', ':':
			cuts = append(cuts, i)
		case ' ':
			for _, w := range []string{" and ", " but ", " which ", " while ", " who "} {
				if strings.HasPrefix(a.claim[i:], w) {
					cuts = append(cuts, i)
				}
			}
		}
	}
	got := make([]float64, len(cuts)+1)
	all := make([]float64, len(cuts)+1)
	words := make([]int, len(cuts)+1)
	for t, tm := range a.terms {
		if tm.qty {
			continue // figures are checked as quantities
		}
		c, _ := slices.BinarySearch(cuts, tm.span.Start)
		all[c] += tm.idf
		words[c]++
		if a.inSrc[t] {
			got[c] += tm.idf
		}
	}
	least := 1.0
	for c := range all {
		// A clause of one word is an item of a list ("diabetes,
		// hypertension and obesity"), not a statement of its own.
		if all[c] > 0 && words[c] >= 2 {
			least = min(least, got[c]/all[c])
		}
	}
	return least
}

// bestCover returns the share of the claim's content in its best passage.
func (a *analysis) bestCover() float64 {
	best := 0.0
	for _, w := range a.windows {
		best = max(best, w.cover)
	}
	return best
}

// bestCoverUnquoted returns the share of the claim's content outside its
// quotations that its best passage holds.
func (a *analysis) bestCoverUnquoted() float64 {
	return a.bestCoverWhere(func(t term) bool { return !t.quoted })
}

// bestCoverWhere returns the share of the claim's content, counting the
// words keep keeps, that its best passage holds.
func (a *analysis) bestCoverWhere(keep func(term) bool) float64 {
	best := 0.0
	for _, w := range a.windows {
		var got, all float64
		for t, tm := range a.terms {
			if !keep(tm) {
				continue
			}
			all += tm.idf
			for i := w.from; i <= w.to; i++ {
				if a.has(i, t) {
					got += tm.idf
					break
				}
			}
		}
		if all > 0 {
			best = max(best, got/all)
		}
	}
	return best
}

// negMismatch reports whether the claim and its best passage disagree on
// negation.
func (a *analysis) negMismatch() bool {
	if len(a.windows) == 0 {
		return false
	}
	w := a.windows[0]
	srcNeg := false
	for i := w.from; i <= w.to; i++ {
		srcNeg = srcNeg || a.negated(i)
	}
	return srcNeg != a.claimNeg
}

// bestWordsWhere returns the largest share of the claim's content words
// that keep keeps, unweighted, that one passage holds.
func (a *analysis) bestWordsWhere(keep func(term) bool) float64 {
	best := 0.0
	for _, w := range a.windows {
		if got, all := a.windowWords(w, keep); all > 0 {
			best = max(best, float64(got)/float64(all))
		}
	}
	return best
}

// windowWords counts the claim's content words that keep keeps (all) and
// those of them that passage w holds (got).
func (a *analysis) windowWords(w window, keep func(term) bool) (got, all int) {
	for t, tm := range a.terms {
		if !keep(tm) {
			continue
		}
		all++
		for i := w.from; i <= w.to; i++ {
			if a.has(i, t) {
				got++
				break
			}
		}
	}
	return got, all
}

// bestSentence returns the largest share of the claim's content that one
// sentence holds.
func (a *analysis) bestSentence() float64 {
	best := 0.0
	for r, i := range a.read {
		if a.bm25[r] > 0 {
			best = max(best, a.cover(i, i))
		}
	}
	return best
}

// sizes returns the log of the number of the claim's content words and
// that of the source's sentences: a long claim has more to back, and a
// long page more words the claim has by chance, so what it holds of the
// claim says less.
func (a *analysis) sizes() (claimWords, sourceSents float64) {
	return math.Log1p(float64(len(a.terms))), math.Log1p(float64(len(a.sents)))
}

// nearSentences is the span, in consecutive sentences, of the
// neighbourhood coverNear measures: a paragraph rather than a passage.
const nearSentences = 5

// coverNear returns the largest share of the claim's content
// (IDF-weighted) that nearSentences consecutive sentences hold: what one
// paragraph of a page says of the claim, where its content is spread over
// more sentences than a passage has.
func (a *analysis) coverNear() float64 {
	if a.idfSum == 0 {
		return 0
	}
	best := 0.0
	for r, i := range a.read {
		if a.bm25[r] <= 0 {
			continue
		}
		from, to := max(0, i-nearSentences/2), min(len(a.sents)-1, i+nearSentences/2)
		best = max(best, a.cover(from, to))
	}
	return best
}

// namesBest returns the share of the claim's names (their content words)
// that its best passage holds, 1 when it has none. Of the words people
// marked in WiCE's partially supported train claims (the
// non-supported-tokens set), a name was unsupported 6 times in 100 when
// the best passage held it, 16 when only the five sentences around it
// did, 37 when only the rest of the page did and 84 when the page lacked
// it: for names, where the page writes them matters
// more than for other words, which specificBest, counting names with
// figures and long words, blurs.
func (a *analysis) namesBest() float64 {
	if len(a.windows) == 0 {
		return 0
	}
	got, all := a.windowWords(a.windows[0], func(tm term) bool { return tm.name })
	if all == 0 {
		return 1
	}
	return float64(got) / float64(all)
}
