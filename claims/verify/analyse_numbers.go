package verify

import "strings"

// checkQuantities finds which of the claim's figures and dates the source
// backs anywhere, and credits the sentences that back them. It returns the
// claim's unbacked quantities and the source's quantities.
func (a *analysis) checkQuantities() (unbacked, src []Quantity) {
	cq := a.claimQty
	if len(cq) == 0 {
		return nil, nil
	}
	src = a.prepared.quantities()
	for _, q := range cq {
		a.nums++
		backed := false
		for _, s := range src {
			if q.Matches(s) {
				backed = true
				if i := a.sentenceOf(s.Span.Start); i >= 0 {
					a.addBonus(i, 0.3/float64(len(cq)))
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
// residents" against "14% of residents").
func (a *analysis) findConflicts(unbacked, src []Quantity) {
	for _, q := range unbacked {
		kind := "number"
		if q.temporal() {
			kind = "date"
		}
		m := Missing{Kind: kind, Text: q.Text, Span: q.Span}
		ctx := a.contextTerms(q.Span)
		bestShared, bestNear := 0, 0
		for w, win := range a.windows {
			if w >= 3 {
				break
			}
			from, to := a.sents[win.from].Start, a.sents[win.to].End
			for _, s := range src {
				if s.Span.Start < from || s.Span.End > to || s.Kind != q.Kind || !compatible(q, s) || q.Matches(s) {
					continue
				}
				if a.backsClaim(s) {
					continue // the source's figure is the claim's other figure
				}
				if q.Noun != "" && s.Noun != "" && !strings.EqualFold(q.Noun, s.Noun) {
					continue // 50,000 visitors is not two years
				}
				shared, near := a.sharedContext(ctx, s.Span)
				if q.Noun != "" && strings.EqualFold(q.Noun, s.Noun) {
					shared++
				}
				if shared < 1 {
					continue
				}
				if shared > bestShared || shared == bestShared && near < bestNear {
					bestShared, bestNear = shared, near
					m.SourceText, m.SourceSpan = s.Text, s.Span
					if i := a.sentenceOf(s.Span.Start); i >= 0 {
						m.Passage = a.src[a.sents[i].Start:a.sents[i].End]
					}
				}
			}
		}
		if m.SourceText != "" && !q.temporal() {
			a.conflicts++
		}
		a.missing = append(a.missing, m)
	}
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
