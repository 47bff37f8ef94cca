package verify

import (
	"math"
	"strconv"
	"strings"
)

// ratioClaim is a change a claim states as a multiple rather than as a
// figure: "doubled", "tripled", "halved", "four times as many", "a
// threefold rise".
type ratioClaim struct {
	span   Span     // where the claim states it
	bounds Interval // the ratios of the new value to the old it asserts
}

// ratioTolerance is how far a ratio may stray from the multiple a claim
// states and still be told that way: "doubled" for a rise from 1.2 to
// 2.6 million (×2.17) or 10 to 18 (×1.8), not for 1.2 to 1.35 million
// (×1.13). Unhedged, a multiple m asserts [m/ratioTolerance,
// m·ratioTolerance].
const ratioTolerance = 1.2

// ratioClaims finds the multiples claim states. A bare "double" ("a
// double murder") is not one; "will double" and "to double" are.
func ratioClaims(claim string) []ratioClaim {
	var out []ratioClaim
	words := ratioWords(claim)
	for i, w := range words {
		lw := strings.ToLower(claim[w.Start:w.End])
		m, end := 0.0, w.End
		first := i         // the multiple's first word
		timesMore := false // "three times more": three or four times as many
		switch lw {
		case "doubled", "doubling", "doubles":
			m = 2
		case "double":
			if i > 0 {
				switch strings.ToLower(claim[words[i-1].Start:words[i-1].End]) {
				case "to", "will", "would", "could", "may", "might", "did", "does", "do":
					m = 2
				}
			}
		case "tripled", "tripling", "triples", "trebled":
			m = 3
		case "quadrupled", "quadrupling":
			m = 4
		case "halved", "halving":
			m = 0.5
		case "twofold", "two-fold":
			m = 2
		case "threefold", "three-fold":
			m = 3
		case "fourfold", "four-fold":
			m = 4
		case "fivefold", "five-fold":
			m = 5
		case "tenfold", "ten-fold":
			m = 10
		case "twice":
			// "twice as many", "twice its 2019 level", "twice the
			// size"; not "twice a week" or "twice in 2019"
			if i+1 < len(words) {
				switch strings.ToLower(claim[words[i+1].Start:words[i+1].End]) {
				case "as", "the", "its", "their", "his", "her", "that", "what":
					m = 2
				}
			}
		case "times":
			if i == 0 || i+1 >= len(words) {
				break
			}
			next := strings.ToLower(claim[words[i+1].Start:words[i+1].End])
			switch next {
			case "as", "more", "higher", "larger", "greater", "bigger", "the":
			default:
				continue
			}
			if n, ok := smallNumber(claim[words[i-1].Start:words[i-1].End]); ok && n >= 2 {
				m = n
				w.Start = words[i-1].Start
				first = i - 1
				timesMore = next == "more"
			}
		}
		if m == 0 {
			continue
		}
		lo, hi := m/ratioTolerance, m*ratioTolerance
		if timesMore {
			hi = (m + 1) * ratioTolerance
		}
		if first > 0 {
			switch prev := strings.ToLower(claim[words[first-1].Start:words[first-1].End]); prev {
			case "nearly", "almost":
				lo, hi = m*0.75, m*1.02
				w.Start = words[first-1].Start
			case "than", "least", "over":
				// "more than doubled", "at least tripled", "over twice as many"
				lo, hi = m*0.95, Open
			}
		}
		out = append(out, ratioClaim{span: Span{Start: w.Start, End: end}, bounds: Interval{Lo: lo, Hi: hi}})
	}
	return out
}

// ratioWords returns the spans of the words of s: letters, digits,
// hyphens and apostrophes.
func ratioWords(s string) []Span {
	var out []Span
	start := -1
	for i := 0; i <= len(s); i++ {
		in := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '-' || s[i] == '\'' || s[i] >= 0x80)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, Span{Start: start, End: i})
			start = -1
		}
	}
	return out
}

// smallNumber reads a multiple written in digits (2 to 100) or in words
// (two to twenty): "4", "four", "10".
func smallNumber(w string) (float64, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return float64(n), n >= 2 && n <= 100
	}
	for n, name := range [...]string{"", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"} {
		if name != "" && strings.EqualFold(w, name) {
			return float64(n), true
		}
	}
	return 0, false
}

// withoutMultiples returns qs without the figures that are part of a
// multiple of rcs: the "four" of "four times as many" is no count the
// source should hold.
func withoutMultiples(qs []Quantity, rcs []ratioClaim) []Quantity {
	if len(rcs) == 0 {
		return qs
	}
	out := qs[:0:0]
	for _, q := range qs {
		inside := false
		for _, rc := range rcs {
			inside = inside || q.Span.Start >= rc.span.Start && q.Span.End <= rc.span.End
		}
		if !inside {
			out = append(out, q)
		}
	}
	return out
}

// sourceChange is a change the source states with both its ends, "from
// 1.2 million in 2019 to 2.6 million", "from 10% to 18%", or as a
// multiple, "more than twice its 2019 level", "doubled".
type sourceChange struct {
	span   Span     // from the first figure to the second, or the multiple
	bounds Interval // the ratios of the new value to the old it states
}

// sourceChanges finds the changes written "from A to B", "B, up (down)
// from A" or "B, compared with A a year earlier" in the sentences [from,
// to] of the source, A and B being figures of one kind, A not zero. Years
// and dates between them are the times of the two ("from 1.2 million in
// 2019 to 2.6 million in 2023", "$4bn in 2023, up from $3.6bn a year
// earlier").
func (a *analysis) sourceChanges(from, to int) []sourceChange {
	lo, hi := a.sents[from].Start, a.sents[to].End
	var out []sourceChange
	qs := a.prepared.quantities()
	for i, q := range qs {
		if q.Span.Start < lo || q.Span.End > hi || q.temporal() || q.ranged {
			continue
		}
		fromTo := q.Value != 0 && changedFrom(a.src[max(lo, q.Span.Start-48):q.Span.Start])
		for k, r := range qs[i+1:] {
			if r.Span.Start >= hi || r.Span.Start-q.Span.End > 40 {
				break
			}
			if r.temporal() {
				continue // "in 2019"
			}
			// a count's noun is often left out the second time: "1.5
			// million containers, up from 1.2 million"
			counts := q.Kind == KindCount && r.Kind == KindNumber || q.Kind == KindNumber && r.Kind == KindCount
			if r.Kind != q.Kind && !counts || !compatible(q, r) || r.ranged {
				break
			}
			between := " " + a.src[q.Span.End:r.Span.Start] // " in 2019 to ", " cases, up from "
			switch {
			case fromTo && strings.Contains(between+" ", " to "):
				ratio := r.Value / q.Value
				out = append(out, sourceChange{span: Span{Start: q.Span.Start, End: r.Span.End}, bounds: Interval{Lo: ratio, Hi: ratio}})
			case r.Value != 0 && (strings.HasSuffix(between, " up from ") || strings.HasSuffix(between, " down from ") ||
				comparedWithEarlier(between, a.src[r.Span.End:min(hi, r.Span.End+32)], a.datedAfter(qs[i+1+k+1:], r.Span.End))):
				ratio := q.Value / r.Value
				out = append(out, sourceChange{span: Span{Start: q.Span.Start, End: r.Span.End}, bounds: Interval{Lo: ratio, Hi: ratio}})
			}
			break // the next figure, or none
		}
	}
	for _, rc := range ratioClaims(a.src[lo:hi]) {
		out = append(out, sourceChange{span: Span{Start: lo + rc.span.Start, End: lo + rc.span.End}, bounds: rc.bounds})
	}
	return out
}

// overlaps reports whether the intervals a and b share a value.
func overlaps(a, b Interval) bool { return a.Lo <= b.Hi && b.Lo <= a.Hi }

// checkRatios reports a multiple of the claim as Missing with the change
// the source gives in its place when one of the best passages states the
// change of the same thing from one figure to another and the ratio of
// the two is not the claim's: "ridership doubled" against "rose from 1.2
// million to 1.35 million". A multiple some such change bears out, or
// that no change in the best passages is about, is left to the rest of
// the analysis.
func (a *analysis) checkRatios() {
	for _, rc := range a.ratios {
		best := conflict{Missing: Missing{Kind: "number", Text: a.claim[rc.span.Start:rc.span.End], Span: rc.span}}
		bestNear := 0
		backs := func(iv Interval) bool { return overlaps(rc.bounds, iv) }
		if !a.weighChanges(a.contextTerms(rc.span), &best, &bestNear, backs) && best.SourceText != "" {
			a.conflicts++
			a.missing = append(a.missing, best.Missing)
		}
	}
}

// weighChanges reads the changes of the three best passages that share
// a word of ctx: it reports whether one has a ratio that backs accepts
// (none, when backs is nil), and else offers each to m as the source's
// value (see keepNearest).
func (a *analysis) weighChanges(ctx []uint64, m *conflict, bestNear *int, backs func(Interval) bool) bool {
	for w, win := range a.windows {
		if w >= 3 {
			break
		}
		for _, ch := range a.sourceChanges(win.from, win.to) {
			shared, near := a.sharedContext(ctx, ch.span)
			if shared < 1 {
				continue
			}
			if backs != nil && backs(ch.bounds) {
				return true
			}
			a.keepNearest(m, bestNear, a.src[ch.span.Start:ch.span.End], ch.span, shared, near)
		}
	}
	return false
}

// datedAfter reports whether the quantity first of rest, the quantities after
// offset end of the source, is a time written right after end with "in":
// "1.2 million in 2022".
func (a *analysis) datedAfter(rest []Quantity, end int) bool {
	return len(rest) > 0 && rest[0].temporal() && strings.TrimSpace(a.src[end:rest[0].Span.Start]) == "in"
}

// comparedWithEarlier reports whether between, the text between two
// figures, compares the first with the second ("…, compared with ",
// "…, against ", "… versus ") and the second is an earlier time's: dated
// (written "in 2022": see datedAfter) or followed, in after, by "a year
// earlier", "last year". Without the time it is a comparison of two
// things ("40% of women, compared with 30% of men"), not a change.
func comparedWithEarlier(between, after string, dated bool) bool {
	compares := false
	for _, w := range [...]string{" compared with ", " compared to ", " against ", " versus ", " vs ", " vs. "} {
		if strings.HasSuffix(between, w) {
			compares = true
			break
		}
	}
	if !compares {
		return false
	}
	if dated {
		return true
	}
	after = strings.ToLower(strings.TrimLeft(after, " "))
	for _, p := range [...]string{"a year earlier", "a year ago", "a year before", "the year before", "the previous year",
		"the year earlier", "last year", "in the same period", "a decade earlier", "a decade ago", "the previous"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// changedFrom reports whether before, the text before a figure, ends in
// "from" after a verb of change: "rose from", "went from", "has grown
// steadily from", not the "from" of a range ("aged from 30 to 70",
// "prices from $45 to $85").
func changedFrom(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) < 2 || f[len(f)-1] != "from" {
		return false
	}
	for i := len(f) - 2; i >= 0 && i >= len(f)-4; i-- {
		w := strings.Trim(f[i], ",.;:")
		switch w {
		case "went", "moved", "changed", "expanded", "reduced", "increasing", "decreasing", "rising", "falling",
			"growing", "dropping", "declining", "grown", "doubled", "tripled", "halved", "shrunk", "swelled", "tumbled":
			return true
		}
		if changeWord(w) != 0 && w != "up" && w != "down" && w != "more" && w != "less" && w != "higher" && w != "lower" {
			return true
		}
	}
	return false
}

// percentChange returns the direction of the change that the claim's
// percentage q states ("rose 12%", "a 12% drop", "up 12 per cent"): 1 for
// a rise, -1 for a fall, 0 when q is no change (a share: "12% of
// voters"), judged from the words just before and after it.
func percentChange(claim string, q Quantity) int {
	if q.Kind != KindPercent || q.Unit != "%" {
		return 0
	}
	after := strings.ToLower(claim[q.Span.End:min(len(claim), q.Span.End+16)])
	if strings.HasPrefix(strings.TrimLeft(after, " "), "of ") {
		return 0 // "12% of voters", whatever moved them
	}
	before := strings.Fields(strings.ToLower(claim[max(0, q.Span.Start-24):q.Span.Start]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-2; i-- {
		if d := changeWord(strings.Trim(before[i], ",.;:")); d != 0 {
			return d
		}
		if before[i] != "by" && before[i] != "a" && before[i] != "an" && before[i] != "some" && before[i] != "about" {
			break
		}
	}
	if f := strings.Fields(after); len(f) > 0 {
		return changeWord(strings.Trim(f[0], ",.;:"))
	}
	return 0
}

// changeWord returns 1 for a word of rise, -1 for one of fall, else 0.
func changeWord(w string) int {
	switch w {
	case "rose", "rise", "rises", "risen", "increased", "increase", "increases", "grew", "growth", "grow", "grows",
		"up", "climbed", "climb", "jumped", "jump", "gained", "gain", "surged", "surge", "soared", "higher", "more":
		return 1
	case "fell", "fall", "falls", "fallen", "decreased", "decrease", "decreases", "declined", "decline", "declines",
		"down", "dropped", "drop", "drops", "shrank", "slumped", "slump", "plunged", "plunge", "lower", "less", "cut", "lost", "loss":
		return -1
	}
	return 0
}

// changeBacks reports whether a change of the source with ratios iv bears
// out the claim's percentage change q in direction dir: "rose 12%" by a
// rise from 100 to 112, "fell by a fifth" by one from 50 to 40, "rose
// 110%" by "more than doubled".
func changeBacks(q Quantity, dir int, iv Interval) bool {
	if iv.Lo == iv.Hi { // two figures: the change as the source rounds it
		pct := (iv.Lo - 1) * 100
		if dir < 0 {
			pct = -pct
		}
		return pct > 0 && (q.Bounds.Contains(pct) || q.Range.Contains(math.Round(pct*10)/10))
	}
	pct := Interval{Lo: (iv.Lo - 1) * 100, Hi: (iv.Hi - 1) * 100}
	if iv.Hi == Open {
		pct.Hi = Open
	}
	if dir < 0 {
		if iv.Lo >= 1 {
			return false // a multiple that grows backs no fall
		}
		pct = Interval{Lo: (1 - min(iv.Hi, 1)) * 100, Hi: (1 - iv.Lo) * 100}
	}
	return pct.Hi > 0 && overlaps(q.Bounds, pct)
}
