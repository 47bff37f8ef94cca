package verify

import (
	"slices"
	"strings"
)

// checkQuantities finds which of the claim's figures and dates the source
// backs anywhere, and credits the sentences that back them. A figure of
// the source that holds the claim's only by spanning far more than it
// (Quantity.spans: "1882–2001" for "1917") does not back it. It returns the
// claim's unbacked quantities and the source's quantities.
func (a *analysis) checkQuantities() (unbacked, src []Quantity) {
	cq := a.claimQty
	if len(cq) == 0 {
		return nil, nil
	}
	src = a.prepared.quantities()
	var changes []sourceChange // the source's changes "from A to B", read once if needed
	for _, q := range cq {
		a.nums++
		backed := false
		for _, s := range src {
			if q.Matches(s) && !s.spans(q) {
				backed = true
				if i := a.sentenceOf(s.Span.Start); i >= 0 {
					a.addBonus(i, 0.3/float64(len(cq)))
				}
			}
		}
		if dir := percentChange(a.claim, q); !backed && dir != 0 && len(a.sents) > 0 {
			// "rose 12%" against "from 100 to 112": the change the
			// source gives as its two ends
			if changes == nil {
				changes = a.sourceChanges(0, len(a.sents)-1)
			}
			ctx := a.contextTerms(q.Span)
			for _, ch := range changes {
				if n, _ := a.sharedContext(ctx, ch.span); n >= 1 && changeBacks(q, dir, ch.bounds) {
					backed = true
					a.changeBacked = append(a.changeBacked, q.Span)
					if i := a.sentenceOf(ch.span.Start); i >= 0 {
						a.addBonus(i, 0.3/float64(len(cq)))
					}
				}
			}
		}
		if !backed {
			a.numsBad++
			unbacked = append(unbacked, q)
		}
	}
	return unbacked, src
}

// findConflicts reports each unbacked figure of the claim as Missing, with
// the figure the evidence gives in its place when a quantity of the same
// kind in one of the best passages shares the words around it ("40% of
// residents" against "14% of residents"). A figure the source holds only
// inside ranges among other words than the claim's, while a best passage
// gives another figure among more of them, is reported so too: "about 600
// leaks a month" against "about 500 leaks … in a typical month", the
// source's "between 400 and 600" being water-main breaks a year.
func (a *analysis) findConflicts(unbacked, src []Quantity) {
	for _, q := range a.claimQty {
		isUnbacked := slices.ContainsFunc(unbacked, func(u Quantity) bool { return u.Span == q.Span })
		if !isUnbacked && (q.temporal() || q.ranged || !onlyInRanges(q, src) || slices.Contains(a.changeBacked, q.Span)) {
			// a year or a date recurs in a page, about many things; a
			// figure given as such backs q wherever it is
			continue
		}
		m := a.conflictFor(q, src)
		if !isUnbacked && (m.SourceText == "" || a.rangeBacking(q, src) >= m.shared) {
			continue // the ranges that hold q are where its words are
		}
		if m.SourceText != "" && !q.temporal() {
			a.conflicts++
		}
		a.missing = append(a.missing, m.Missing)
	}
}

// conflict is a Missing figure of the claim with the figure one of the
// best passages gives in its place, if any, and how many of the claim's
// words around the figure it shares.
type conflict struct {
	Missing
	shared int
}

// conflictFor returns q as Missing, with the figure of the same kind that
// one of the three best passages gives in its place among most of the
// words around q in the claim (nearest first), when there is one.
func (a *analysis) conflictFor(q Quantity, src []Quantity) conflict {
	kind := "number"
	if q.temporal() {
		kind = "date"
	}
	m := conflict{Missing: Missing{Kind: kind, Text: q.Text, Span: q.Span}}
	ctx := a.contextTerms(q.Span)
	bestNear := 0
	for w, win := range a.windows {
		if w >= 3 {
			break
		}
		from, to := a.sents[win.from].Start, a.sents[win.to].End
		for _, s := range src {
			// a year and a date are told against each other: "opened in
			// 2018" against "opened on 12 March 2019"
			if s.Span.Start < from || s.Span.End > to || s.Kind != q.Kind && !(q.temporal() && s.temporal()) || !compatible(q, s) || q.Matches(s) {
				continue
			}
			if a.backsClaim(s) {
				continue // the source's figure is the claim's other figure
			}
			sameNoun := q.Noun != "" && a.sameNoun(q, s)
			if q.Noun != "" && s.Noun != "" && !sameNoun {
				continue // 50,000 visitors is not two years
			}
			shared, near := a.sharedContext(ctx, s.Span)
			if sameNoun {
				shared++
			}
			if shared < 1 {
				continue
			}
			a.keepNearest(&m, &bestNear, s.Text, s.Span, shared, near)
		}
	}
	if m.SourceText == "" && percentChange(a.claim, q) != 0 {
		// no other percentage for it: the change the source gives with
		// its two ends, "from 100 to 104" for "rose 12%"
		a.weighChanges(ctx, &m, &bestNear, nil)
	}
	return m
}

// keepNearest makes text, at sp in the source, m's source value when it
// shares more of the claim's words around the figure than the one m has,
// or as many written nearer them (bestNear is that one's distance).
func (a *analysis) keepNearest(m *conflict, bestNear *int, text string, sp Span, shared, near int) {
	if shared > m.shared || shared == m.shared && near < *bestNear {
		m.shared, *bestNear = shared, near
		m.SourceText, m.SourceSpan = text, sp
		if i := a.sentenceOf(sp.Start); i >= 0 {
			m.Passage = a.src[a.sents[i].Start:a.sents[i].End]
		}
	}
}

// onlyInRanges reports whether the only figures of the source that match
// q are ranges that hold it ("between 400 and 600" for "around 600").
func onlyInRanges(q Quantity, src []Quantity) bool {
	for _, s := range src {
		if q.Matches(s) && !s.ranged {
			return false
		}
	}
	return true
}

// rangeBacking returns the most words around q in the claim that one of
// the figures of the source matching q shares, as conflictFor counts them.
func (a *analysis) rangeBacking(q Quantity, src []Quantity) int {
	ctx := a.contextTerms(q.Span)
	best := 0
	for _, s := range src {
		if !q.Matches(s) {
			continue
		}
		n, _ := a.sharedContext(ctx, s.Span)
		if q.Noun != "" && a.sameNoun(q, s) {
			n++
		}
		best = max(best, n)
	}
	return best
}

// nounWords is how many words after a figure may name what it counts.
const nounWords = 3

// sameNoun reports whether the claim's figure q and the source's s count
// the same thing: the word after either (its Noun) is among the few words
// after the other, so that "600 gas leaks" and "500 leaks" count leaks.
func (a *analysis) sameNoun(q, s Quantity) bool {
	return strings.EqualFold(q.Noun, s.Noun) ||
		s.Noun != "" && wordAmong(a.claim[q.Span.End:], s.Noun, nounWords) ||
		q.Noun != "" && wordAmong(a.src[s.Span.End:], q.Noun, nounWords)
}

// wordAmong reports whether word is one of the first n words of text, in
// any case.
func wordAmong(text, word string, n int) bool {
	for i := 0; i < n; i++ {
		text = strings.TrimLeft(text, " \t\n")
		end := strings.IndexAny(text, " \t\n.,;:!?)—–")
		if end < 0 {
			end = len(text)
		}
		if end == 0 {
			return false // punctuation ends the phrase
		}
		if strings.EqualFold(text[:end], word) {
			return true
		}
		text = text[end:]
	}
	return false
}

// contextWidth is how far, in bytes, the words around a figure count as
// its context.
const contextWidth = 50

// contextTerms returns the claim's content words near sp.
func (a *analysis) contextTerms(sp Span) []uint64 {
	var out []uint64
	for _, t := range a.terms {
		if t.span.End > sp.Start-contextWidth && t.span.Start < sp.End+contextWidth &&
			(t.span.End <= sp.Start || t.span.Start >= sp.End) {
			out = append(out, t.h)
		}
	}
	return out
}

// sharedContext counts the words of ctx written near sp in the source,
// and returns how far from sp, in bytes, the nearest of them is: of two
// figures that share as many words with the claim, the one written next
// to them is the one the claim's figure stands for ("funding by 12% and
// cuts road repairs by a third").
func (a *analysis) sharedContext(ctx []uint64, sp Span) (n, near int) {
	from, to := max(0, sp.Start-contextWidth), min(len(a.src), sp.End+contextWidth)
	near = to - from
	seen := map[uint64]bool{}
	for _, tk := range tokenize(nil, a.src[from:to]) {
		start, end := from+tk.start, from+tk.end
		if tk.stop || (start >= sp.Start && end <= sp.End) {
			continue
		}
		for _, h := range ctx {
			if tk.h != h {
				continue
			}
			if !seen[h] {
				seen[h] = true
				n++
			}
			if end <= sp.Start {
				near = min(near, sp.Start-end)
			} else {
				near = min(near, start-sp.End)
			}
		}
	}
	return n, near
}

// backsClaim reports whether s backs one of the claim's quantities.
func (a *analysis) backsClaim(s Quantity) bool {
	for _, q := range a.claimQty {
		if q.Matches(s) {
			return true
		}
	}
	return false
}
