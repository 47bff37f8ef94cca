package verify

// This file is a test-only reference: Quantities as it stood at 1ef4bfc,
// before it was made faster, copied with every name given a "ref" prefix
// (comments left as they were). TestQuantitiesMatchReference and
// FuzzQuantities compare Quantities with refQuantities: the faster scanner
// must return exactly what this one does. Do not change this file to follow
// refQuantities; it is the guarantee that Quantities did not change.

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// From quantity_scan.go.

// refQuantities returns the quantities written in text, in order, each with
// its span, kind, unit, value and intervals. It reads figures ("1,200",
// "68.4", "-5"), written numbers ("twenty-five", "a dozen", "two-thirds",
// "half of", "half a million"), vague amounts ("thousands", "tens of
// thousands"), scales ("1.2 million", "$3bn", "£4.5m"), percentages,
// currencies, units, ranges ("2018–19", "10-15%", "between 300 and 400"),
// decades, dates and the hedges before a figure. It skips what only looks
// like a number: ordinals ("21st"), identifiers ("COVID-19", "A320", "5G"),
// times ("10:30"), versions ("1.2.3"), slashed dates and fractions ("24/7"),
// a day and month without a year, and "one" or "a" with nothing after them
// ("one of the"). It takes time linear in the length of text.
func refQuantities(text string) []Quantity {
	s := refScanner{text: text}
	s.run()
	return s.out
}

type refScanner struct {
	text string
	out  []Quantity
}

// refFigure is a number as written, before what follows it.
type refFigure struct {
	val, half  float64 // the value and half the width its writing allows
	lo, hi     float64 // a vague amount's range
	vague      bool    // "thousands", "dozens of", "a few hundred"
	written    bool    // in words
	needMore   bool    // "one", "a", "half a": a figure only with a scale or unit after it
	fraction   bool    // a share of one: "two-thirds", "half of"
	plain      bool    // digits only: no separator or decimal point
	digits     int     // integer digits
	neg        bool
	scaled     bool
	ordinal    bool
	decade     bool
	plus       bool // "300-plus", "300+"
	currency   string
	curFactor  float64
	unit       refUnitDef
	hasUnit    bool
	percent    string
	start, end int
}

func (s *refScanner) run() {
	t := s.text
	for i := 0; i < len(t); {
		c := t[i]
		end := i
		switch {
		case refIsDigit(c):
			if end = s.atFigure(i); end <= i {
				end = refTokenEnd(t, i)
			}
		case refIsLetter(c):
			j := refLetterEnd(t, i)
			if end = s.atWord(i, j); end <= i {
				end = j
			}
		case c == '$' || c == '-' || c == '\'':
			if end = s.atFigure(i); end <= i {
				end = i + 1
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(t[i:])
			switch r {
			case '£', '€', '¥', '₹', '₩', '₽', '₺', '₦', '₱', '’', '‘', '−':
				end = s.atFigure(i)
			}
			if end <= i {
				end = i + n
			}
		default:
			end = i + 1
		}
		i = end
	}
}

// refTokenEnd returns the end of the run of letters, digits and inner
// separators at i: a token that is not a figure is skipped whole.
func refTokenEnd(t string, i int) int {
	for i < len(t) {
		c := t[i]
		switch {
		case refIsDigit(c) || refIsLetter(c):
			i++
		case (c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '_') && i+1 < len(t) && (refIsDigit(t[i+1]) || refIsLetter(t[i+1])):
			i++
		default:
			return i
		}
	}
	return i
}

// figureBoundary reports whether a figure may start at i: not inside a
// word, an identifier ("COVID-19", "A320") or another number ("1.2.3").
func (s *refScanner) figureBoundary(i int) bool {
	t := s.text
	if i == 0 {
		return true
	}
	c := t[i-1]
	if r, n := refRuneBefore(t, i); r == '\u2010' || r == '\u2011' {
		// "COVID‑19" with a Unicode hyphen: an identifier as with "-"
		return i-n == 0 || !refIsLetter(t[i-n-1])
	}
	switch {
	case refIsLetter(c) || refIsDigit(c) || c == '_' || c == '/' || c == '#' || c == '@':
		return false
	case c == '.' || c == ',':
		return i < 2 || !refIsDigit(t[i-2])
	case c == '-':
		if i < 2 || refIsDigit(t[i-2]) {
			return i < 2
		}
		if refIsLetter(t[i-2]) {
			ws := i - 1
			for ws > 0 && refIsLetter(t[ws-1]) {
				ws--
			}
			switch strings.ToLower(t[ws : i-1]) {
			case "mid", "early", "late", "pre", "post":
				return true
			}
			return false
		}
	}
	return true
}

// atWord looks for a quantity that starts with the word t[i:j]: a written
// number, a month, a currency code or prefix. It returns the end of what
// it read, or i.
func (s *refScanner) atWord(i, j int) int {
	t := s.text
	w := t[i:j]
	if len(w) > 9 || !refMaybeTrigger(w) {
		return i
	}
	if 'A' <= w[0] && w[0] <= 'Z' {
		if m, ok := refMonths[w]; ok {
			if end := s.monthFirst(i, j, m); end > i {
				return end
			}
		}
		if j < len(t) && t[j] == '$' || w == "Rs" {
			return s.atFigure(i)
		}
		if len(w) == 3 && refCurrencyCodes[w] {
			if k := refSkipSpace(t, j); k > j && k < len(t) && refIsDigit(t[k]) {
				return s.atFigure(i)
			}
			return i
		}
	}
	var buf [12]byte
	b := refAppendLower(buf[:0], w)
	if _, ok := refSmallNumbers[string(b)]; ok {
		return s.atFigure(i)
	}
	switch string(b) {
	case "a", "an", "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens", "several":
		return s.atFigure(i)
	}
	return i
}

// atFigure reads the quantity that starts at i, emits it and returns its
// end; it returns i when there is none.
func (s *refScanner) atFigure(i int) int {
	if !s.figureBoundary(i) {
		return i
	}
	if end := s.isoDate(i); end > i {
		return end
	}
	if end := s.dayFirst(i); end > i {
		return end
	}
	if end := s.apostropheDecade(i); end > i {
		return end
	}
	p, ok := s.part(i)
	if !ok {
		return i
	}
	return s.finish(p)
}

// part reads one figure at i with its currency, scale, unit or percent.
func (s *refScanner) part(i int) (refFigure, bool) {
	t := s.text
	j := i
	cur, n := refCurrencyPrefix(t, j)
	if n > 0 {
		j = refSkipSpace(t, j+n)
	}
	neg := false
	if j+1 < len(t) && t[j] == '-' && refIsDigit(t[j+1]) {
		neg, j = true, j+1
	} else if strings.HasPrefix(t[j:], "−") && j+3 < len(t) && refIsDigit(t[j+3]) {
		neg, j = true, j+3
	}
	var f refFigure
	var ok bool
	switch {
	case j < len(t) && refIsDigit(t[j]):
		f, ok = refNumeral(t, j)
	case j < len(t) && refIsLetter(t[j]) && !neg:
		f, ok = refWritten(t, j)
	}
	if !ok {
		return f, false
	}
	f.start, f.neg = i, neg
	if neg {
		f.val, f.plain = -f.val, false
	}
	if cur != "" {
		f.currency, f.curFactor = cur, 1
	}
	k := f.end
	// Letters attached to digits: an ordinal, a decade, a scale or a unit.
	if k < len(t) && refIsLetter(t[k]) {
		if f.written {
			return f, false
		}
		we := refLetterEnd(t, k)
		if we < len(t) && refIsDigit(t[we]) {
			return f, false
		}
		w := t[k:we]
		lw := refLowerKey(w)
		switch {
		case (lw == "st" || lw == "nd" || lw == "rd" || lw == "th") && f.plain:
			f.ordinal, f.end = true, we
			return f, true
		case w == "s" && f.plain && (f.digits == 4 || f.digits == 2) && int(f.val)%10 == 0:
			f.decade, f.end = true, we
			return f, true
		case lw == "bn" || lw == "mn" || lw == "mln" || lw == "tn" || lw == "trn":
			f.scale(refScales[lw])
		case lw == "k":
			f.scale(1e3)
		case lw == "m" && f.currency != "":
			f.scale(1e6)
		case lw == "b" && f.currency != "":
			f.scale(1e9)
		case lw == "am" || lw == "pm":
			return f, false
		default:
			u, ok := refAttachedUnit(w)
			if !ok {
				return f, false
			}
			f.unit, f.hasUnit = u, true
		}
		k = we
	} else if f.plain && int(f.val)%10 == 0 && (f.digits == 4) {
		// "1990's"
		if r, n := utf8.DecodeRuneInString(t[k:]); (r == '\'' || r == '’') && k+n < len(t) && t[k+n] == 's' && (k+n+1 == len(t) || !refIsLetter(t[k+n+1])) {
			f.decade, f.end = true, k+n+1
			return f, true
		}
	}
	if f.needMore && f.scaled {
		f.needMore = false
	}
	k = s.suffix(&f, k)
	if f.needMore {
		return f, false
	}
	f.end = k
	return f, true
}

// scale multiplies a figure by a scale word.
func (f *refFigure) scale(x float64) {
	f.val *= x
	f.half *= x
	f.lo *= x
	f.hi *= x
	f.scaled, f.plain = true, false
}

// suffix reads the scale, percent sign, currency or unit written after a
// refFigure that ends at k, and returns the end.
func (s *refScanner) suffix(f *refFigure, k int) int {
	t := s.text
	var buf [40]byte
	if !f.scaled && !f.vague && !f.hasUnit {
		if ws, we := refWordAt(t, k); we > ws && ws > k {
			if x, ok := refScales[string(refAppendLower(buf[:0], t[ws:we]))]; ok && t[we-1] != 's' {
				f.scale(x)
				f.needMore = false
				k = we
			} else if string(refAppendLower(buf[:0], t[ws:we])) == "hundred" {
				f.scale(100)
				f.needMore = false
				k = we
			}
		}
	}
	if f.hasUnit {
		return s.plus(f, k)
	}
	q := refSkipSpace(t, k)
	if q < len(t) && t[q] == '%' {
		f.percent, f.needMore = "%", false
		return s.plus(f, q+1)
	}
	if strings.HasPrefix(t[q:], "％") {
		f.percent, f.needMore = "%", false
		return s.plus(f, q+len("％"))
	}
	if strings.HasPrefix(t[q:], "°") || strings.HasPrefix(t[q:], "º") {
		r := refSkipSpace(t, q+2)
		if r < len(t) && (t[r] == 'C' || t[r] == 'F') && (r+1 == len(t) || !refIsLetter(t[r+1])) {
			f.unit, _ = refAttachedUnit(t[r : r+1])
			f.hasUnit, f.needMore = true, false
			return r + 1
		}
		return k
	}
	if q == k && !f.scaled {
		return s.plus(f, k) // words must be a space apart
	}
	ws, we := q, refLetterEnd(t, q)
	if we == ws {
		return s.plus(f, k)
	}
	w := t[ws:we]
	lw := string(refAppendLower(buf[:0], w))
	ns, ne := refWordAt(t, we)
	next := ""
	if ne > ns && ns > we {
		next = t[ns:ne]
	}
	switch {
	case lw == "percent" || lw == "pct":
		f.percent, f.needMore = "%", false
		return s.plus(f, we)
	case lw == "per" && strings.EqualFold(next, "cent"):
		f.percent, f.needMore = "%", false
		return s.plus(f, ne)
	case lw == "percentage" && (strings.EqualFold(next, "points") || strings.EqualFold(next, "point")):
		f.percent, f.needMore = "pp", false
		return ne
	}
	if next != "" && len(lw)+len(next) < 30 {
		var buf2 [40]byte
		two := refAppendLower(append(refAppendLower(buf2[:0], w), ' '), next)
		if u, ok := refUnits[string(two)]; ok {
			f.unit, f.hasUnit, f.needMore = u, true, false
			return ne
		}
		if c, ok := refCurrencyWords[string(two)]; ok && f.currency == "" {
			f.currency, f.curFactor, f.needMore = c.unit, c.factor, false
			return ne
		}
	}
	if c, ok := refCurrencyWords[lw]; ok && f.currency == "" {
		f.currency, f.curFactor, f.needMore = c.unit, c.factor, false
		return we
	}
	if len(w) == 3 && refCurrencyCodes[w] && f.currency == "" {
		f.currency, f.curFactor, f.needMore = w, 1, false
		return we
	}
	if u, ok := refUnits[lw]; ok && (f.currency == "" || u.base != "kg") {
		f.unit, f.hasUnit, f.needMore = u, true, false
		return s.plus(f, we)
	}
	return s.plus(f, k)
}

// plus reads "+" or "-plus" after a figure.
func (s *refScanner) plus(f *refFigure, k int) int {
	t := s.text
	if k < len(t) && t[k] == '+' && (k+1 == len(t) || !refIsDigit(t[k+1])) {
		f.plus = true
		return k + 1
	}
	if strings.HasPrefix(t[k:], "-plus") && (k+5 == len(t) || !refIsLetter(t[k+5])) {
		f.plus = true
		return k + 5
	}
	return k
}

// refCurrencyPrefix returns the currency of the sign or code at i and its
// length, or ("", 0).
func refCurrencyPrefix(t string, i int) (string, int) {
	if i >= len(t) {
		return "", 0
	}
	c := t[i]
	if refIsLetter(c) {
		we := refLetterEnd(t, i)
		if we < len(t) && t[we] == '$' {
			if cur, ok := refCurrencySymbols[t[i:we+1]]; ok {
				return cur, we + 1 - i
			}
			return "", 0
		}
		w := t[i:we]
		if w == "Rs" {
			if we < len(t) && t[we] == '.' {
				return "INR", we + 1 - i
			}
			return "INR", we - i
		}
		if len(w) == 3 && refCurrencyCodes[w] {
			return w, we - i
		}
		return "", 0
	}
	if c == '$' {
		return "$", 1
	}
	if c >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(t[i:])
		if cur, ok := refCurrencySymbols[string(r)]; ok {
			return cur, n
		}
	}
	return "", 0
}

// refNumeral reads the digits at i: "1,200,000", "68.4", "2019".
func refNumeral(t string, i int) (refFigure, bool) {
	var f refFigure
	var mant uint64
	nd, intDigits, dec := 0, 0, -1
	sep := false
	j := i
loop:
	for j < len(t) {
		c := t[j]
		switch {
		case refIsDigit(c):
			if nd >= 18 {
				return f, false
			}
			mant = mant*10 + uint64(c-'0')
			nd++
			if dec >= 0 {
				dec++
			} else {
				intDigits++
			}
			j++
		case c == ',' && dec < 0 && j+3 < len(t) && refIsDigit(t[j+1]) && refIsDigit(t[j+2]) && refIsDigit(t[j+3]) &&
			(j+4 == len(t) || !refIsDigit(t[j+4])):
			sep = true
			j++
		case c == '.' && dec < 0 && j+1 < len(t) && refIsDigit(t[j+1]):
			dec = 0
			j++
		default:
			break loop
		}
	}
	if j < len(t) {
		c := t[j]
		if (c == '.' || c == ':' || c == '/' || c == ',') && j+1 < len(t) && refIsDigit(t[j+1]) {
			return f, false // a version, a time, a slashed date, a list of digits
		}
	}
	f.end = j
	f.val = float64(mant)
	if dec > 0 {
		f.val /= math.Pow10(dec)
		f.half = math.Pow10(-dec) / 2
	} else {
		f.half = 0.5
		tz := 0
		for m := mant; m > 0 && m%10 == 0; m /= 10 {
			tz++
		}
		if tz > 0 {
			// A round figure may be rounded: "300" may stand for 312. Allow
			// half its last digit's place, but no more than 5%.
			f.half = math.Max(0.5, math.Min(math.Pow10(tz)/2, 0.05*f.val))
		}
	}
	f.plain = !sep && dec < 0
	f.digits = intDigits
	return f, true
}

// written reads a number in words at i.
func refWritten(t string, i int) (refFigure, bool) {
	f := refFigure{written: true}
	we := refLetterEnd(t, i)
	w := refLowerKey(t[i:we])
	ns, ne := refWordAt(t, we)
	next := refLowerKey(t[ns:ne])
	switch w {
	case "a", "an":
		if ns == we {
			return f, false
		}
		switch {
		case next == "dozen":
			f.val, f.half, f.end = 12, 0.5, ne
		case next == "few":
			return refVagueScale(t, i, ne, 2)
		case refFractions[next] > 0 && next != "second":
			if _, oe := refWordAt(t, ne); !strings.EqualFold(t[refSkipSpace(t, ne):oe], "of") {
				return f, false
			}
			f.val, f.fraction, f.end = refFractions[next], true, ne
		case next == "hundred" || refScales[next] > 0 && next[len(next)-1] != 's':
			f.val, f.half, f.end, f.needMore = 1, 0.5, we, true
		default:
			return f, false
		}
		return f, true
	case "half":
		switch next {
		case "a", "an":
			if _, e := refWordAt(t, ne); e > ne && refScales[refLowerKey(t[refSkipSpace(t, ne):e])] > 0 {
				f.val, f.half, f.end, f.needMore = 0.5, 0.025, ne, true
				return f, true
			}
		case "of", "the", "its", "their", "his", "her", "our", "all", "those", "these", "them":
			f.val, f.fraction, f.end = 0.5, true, we
			return f, true
		}
		return f, false
	case "several":
		return refVagueScale(t, i, we, 3)
	}
	if base, ok := refVagueBase[w]; ok {
		lo, end := 2*base, we
		if w == "dozens" {
			lo = 24
		}
		hi := 10 * base
		if next == "of" {
			if s2, e2 := refWordAt(t, ne); e2 > s2 {
				if b2, ok := refVagueBase[refLowerKey(t[s2:e2])]; ok && b2 >= 1e3 {
					lo, hi, end = lo*b2, hi*b2, e2
				}
			}
		}
		if w == "tens" && end == we {
			return f, false // "tens" alone counts nothing
		}
		f.vague, f.lo, f.hi, f.val, f.end = true, lo, hi-1, lo, end
		return f, true
	}
	v, ok := refSmallNumbers[w]
	if !ok {
		return f, false
	}
	end := we
	// "twenty-five", "twenty five"
	if v >= 20 && we < len(t) {
		if s2, e2 := refUnitWordAfter(t, we); e2 > s2 {
			if u := refSmallNumbers[refLowerKey(t[s2:e2])]; u > 0 && u < 10 {
				v += u
				end = e2
			}
		}
	}
	// "two-thirds", "two thirds", "one quarter"
	if s2, e2 := refUnitWordAfter(t, end); e2 > s2 {
		fw := refLowerKey(t[s2:e2])
		if fr, ok := refFractions[fw]; ok && fw != "second" && v < 10 && (v == 1) == (fw[len(fw)-1] != 's' || fw == "halves") {
			f.val, f.fraction, f.end = v*fr, true, e2
			return f, true
		}
	}
	// "two dozen", "two hundred and fifty"
	if s2, e2 := refWordAt(t, end); e2 > s2 && s2 > end {
		switch refLowerKey(t[s2:e2]) {
		case "dozen":
			v *= 12
			end = e2
		case "hundred":
			v *= 100
			end = e2
			k := e2
			if s3, e3 := refWordAt(t, k); e3 > s3 && strings.EqualFold(t[s3:e3], "and") {
				k = e3
			}
			if s3, e3 := refWordAt(t, k); e3 > s3 {
				if u, ok := refSmallNumbers[refLowerKey(t[s3:e3])]; ok {
					v += u
					end = e3
					if u >= 20 {
						if s4, e4 := refUnitWordAfter(t, e3); e4 > s4 {
							if u2 := refSmallNumbers[refLowerKey(t[s4:e4])]; u2 > 0 && u2 < 10 {
								v += u2
								end = e4
							}
						}
					}
				}
			}
		}
	}
	f.val, f.end = v, end
	f.half = 0.5
	if v >= 10 && math.Mod(v, 10) == 0 {
		f.half = math.Max(0.5, 0.05*v)
	}
	f.needMore = w == "one" && end == we
	return f, true
}

// refUnitWordAfter returns the word joined to the one ending at k by a hyphen
// or one space.
func refUnitWordAfter(t string, k int) (int, int) {
	if k < len(t) && (t[k] == '-' || t[k] == ' ') {
		return k + 1, refLetterEnd(t, k+1)
	}
	return k, k
}

// refVagueScale reads "a few hundred", "several thousand": the word at k
// must be a scale; the amount is min to ten times it.
func refVagueScale(t string, start, k int, min float64) (refFigure, bool) {
	f := refFigure{written: true, vague: true}
	ws, we := refWordAt(t, k)
	w := refLowerKey(t[ws:we])
	x := refScales[w]
	if w == "hundred" {
		x = 100
	}
	if x == 0 || w[len(w)-1] == 's' {
		return f, false
	}
	f.lo, f.hi, f.val, f.end, f.start = min*x, 10*x-1, min*x, we, start
	return f, true
}

// finish reads what may follow a first figure (the second figure of a
// range), decides its kind, looks for its hedge and noun, and emits it.
func (s *refScanner) finish(p refFigure) int {
	t := s.text
	if p.ordinal {
		return p.end
	}
	start, end := p.start, p.end
	ws, we := refPrevWord(t, start)
	prev := strings.ToLower(t[ws:we])
	between := prev == "between"
	if between {
		start = ws
	}
	lo, hi := p.val-p.half, p.val+p.half
	if p.vague {
		lo, hi = p.lo, p.hi
	}
	if p.fraction {
		lo, hi = p.val*(1-refFractionWidth), p.val*(1+refFractionWidth)
	}
	yearLike := func(f refFigure) bool {
		return f.plain && f.digits == 4 && f.val >= 1000 && f.val <= 2100 && !f.scaled && f.currency == "" &&
			f.percent == "" && !f.hasUnit && !f.plus
	}
	isYear := yearLike(p)
	yearLo, yearHi := p.val, p.val
	if p.decade {
		return s.decade(p, start, prev)
	}
	// A range: "10-15%", "2018–19", "between 300 and 400", "3 to 4 million".
	ranged := false
	if !p.vague && !p.fraction && !p.plus {
		if q, ok := s.rangeEnd(p, prev, between); ok {
			if isYear && q.plain && q.digits == 2 {
				q.val += p.val - math.Mod(p.val, 100)
				if q.val < p.val {
					q.val += 100
				}
				q.digits = 4
			}
			if q.val < p.val && p.plain && q.plain && p.val < 100 && !isYear {
				return q.end // a score, "won 3-2"
			}
			pp, qq := p, q
			refInherit(&pp, &qq)
			refInherit(&qq, &pp)
			if q.val > p.val && qq.val > pp.val && pp.val-pp.half <= qq.val+qq.half {
				p, q = pp, qq
				isYear = isYear && yearLike(q)
				yearHi = q.val
				lo, hi = p.val-p.half, q.val+q.half
				p.val = (p.val + q.val) / 2
				end = q.end
				ranged = true
			}
		}
	}
	if between && end == p.end {
		start = p.start // "between" with no second figure
	}
	q := Quantity{Span: sources.Span{Start: start, End: end}, ranged: ranged}
	var noun string
	if ns, ne := refWordAt(t, end); ne > ns && ns > end && refIsLower(t[ns]) && ne-ns >= 2 && !refNotNouns[t[ns:ne]] {
		noun = t[ns:ne]
	}
	switch {
	case p.percent != "":
		q.Kind, q.Unit = KindPercent, p.percent
	case p.fraction:
		q.Kind, q.Unit = KindPercent, "%"
		p.val, lo, hi = 100*p.val, 100*lo, 100*hi
	case p.currency != "":
		q.Kind, q.Unit = KindCurrency, p.currency
		p.val, lo, hi = p.val*p.curFactor, lo*p.curFactor, hi*p.curFactor
	case p.hasUnit:
		q.Kind, q.Unit = KindMeasure, p.unit.base
		conv := func(v float64) float64 { return v*p.unit.factor + p.unit.offset }
		p.val, lo, hi = conv(p.val), conv(lo), conv(hi)
	case isYear && (refYearWords[prev] || !refCountNouns[noun]):
		q.Kind = KindYear
		lo, hi = yearLo, yearHi
	case noun != "" || p.written || p.vague:
		q.Kind, q.Noun = KindCount, noun
	default:
		q.Kind = KindNumber
	}
	if q.Kind == KindYear {
		q.Value, q.Range, q.Bounds = p.val, Interval{lo, hi}, Interval{lo, hi}
		q.Text = t[start:end]
		if refIsFinite(q.Value) {
			s.out = append(s.out, q)
		}
		return end
	}
	q.Value, q.Range = p.val, Interval{lo, hi}
	hedge, hs := s.hedgeBefore(start)
	if p.plus {
		hedge = HedgeOver
	} else if hedge != HedgeNone {
		q.Span.Start = hs
	}
	q.Hedge = hedge
	q.Bounds = refWiden(q.Range, q.Value, hedge, q.Kind)
	q.Text = t[q.Span.Start:q.Span.End]
	if refIsFinite(q.Value) && refIsFinite(q.Range.Lo) && refIsFinite(q.Range.Hi) && q.Range.Lo <= q.Range.Hi {
		s.out = append(s.out, q)
	}
	return end
}

func refIsFinite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// refInherit gives a figure of a range what the other one has and it lacks:
// the "%" of "10-15%", the "million" of "3 to 4 million".
func refInherit(a, b *refFigure) {
	if b.scaled && !a.scaled && !a.hasUnit && a.percent == "" {
		x := math.Abs(b.val / math.Max(1e-300, math.Abs(b.unscaled())))
		if x >= 1e3 {
			a.scale(x)
		}
	}
	if a.percent == "" {
		a.percent = b.percent
	}
	if a.currency == "" {
		a.currency, a.curFactor = b.currency, b.curFactor
	}
	if !a.hasUnit && b.hasUnit {
		a.unit, a.hasUnit = b.unit, true
	}
}

// unscaled returns the figure's value before its scale word: the value
// divided by the largest power of a thousand it was scaled by.
func (f *refFigure) unscaled() float64 {
	v := f.val
	for _, x := range [...]float64{1e12, 1e9, 1e6, 1e3} {
		if math.Abs(v) >= x && f.half >= x/20 {
			return v / x
		}
	}
	return v
}

// rangeEnd reads the second figure of a range after p.
func (s *refScanner) rangeEnd(p refFigure, prev string, between bool) (refFigure, bool) {
	t := s.text
	k := p.end
	ks := -1
	switch {
	case k+1 < len(t) && t[k] == '-' && (refIsDigit(t[k+1]) || t[k+1] == '$' || t[k+1] >= utf8.RuneSelf):
		ks = k + 1
	default:
		k2 := refSkipSpace(t, k)
		if strings.HasPrefix(t[k2:], "–") || (k2 > k && strings.HasPrefix(t[k2:], "- ")) {
			ks = refSkipSpace(t, k2+len("–"))
			if t[k2] == '-' {
				ks = refSkipSpace(t, k2+1)
			}
			break
		}
		ws, we := refWordAt(t, k)
		if ws == k || we == ws {
			return refFigure{}, false
		}
		w := strings.ToLower(t[ws:we])
		if (w == "to" && prev != "from") || (w == "and" && between) || (w == "or" && p.written) {
			ks = refSkipSpace(t, we)
		}
	}
	if ks < 0 || ks >= len(t) {
		return refFigure{}, false
	}
	q, ok := s.part(ks)
	if !ok || q.ordinal || q.decade || q.vague || q.fraction {
		return refFigure{}, false
	}
	if !p.written && q.written {
		return refFigure{}, false
	}
	return q, true
}

// refWiden returns the values a hedged figure asserts.
func refWiden(r Interval, v float64, h Hedge, k Kind) Interval {
	w := refHedgeWidth * math.Abs(v)
	floor := 0.0
	if k == KindMeasure || k == KindNumber || v < 0 {
		floor = -Open
	}
	switch h {
	case HedgeAbout:
		return Interval{math.Min(r.Lo, v-w), math.Max(r.Hi, v+w)}
	case HedgeNearly:
		return Interval{math.Min(r.Lo, v-w), v} // "nearly 70%" is not 71%
	case HedgeOver:
		return Interval{r.Lo, Open}
	case HedgeUnder:
		return Interval{floor, r.Hi}
	}
	return r
}

// hedgeBefore returns the hedge written before i and where it starts.
func (s *refScanner) hedgeBefore(i int) (Hedge, int) {
	t := s.text
	j := refSkipSpaceBack(t, i)
	if r, n := refRuneBefore(t, j); n > 0 {
		switch r {
		case '~', '≈', '<', '>', '≤', '≥':
			return refHedges[string(r)], j - n
		}
	}
	var buf [48]byte
	if ws, we := refPrevWord(t, i); we == ws || we-ws > 16 || !refHedgeEnd(refAppendLower(buf[:0], t[ws:we])) {
		return HedgeNone, i
	}
	var words [3]string
	var starts [3]int
	var dots [3]bool
	nw, pos := 0, i
	for nw < 3 {
		ws, we := refPrevWord(t, pos)
		if ws == we {
			break
		}
		words[nw], starts[nw], dots[nw] = t[ws:we], ws, we < len(t) && t[we] == '.'
		nw++
		pos = ws
		if dots[nw-1] && nw > 1 {
			nw-- // a full stop between two words ends the phrase
			break
		}
	}
	for n := nw; n >= 1; n-- {
		b := buf[:0]
		for k := n - 1; k >= 0; k-- {
			b = refAppendLower(b, words[k])
			if k > 0 {
				b = append(b, ' ')
			}
		}
		if dots[0] && (n > 1 || !(string(b) == "c" || string(b) == "ca" || string(b) == "approx")) {
			continue
		}
		if h, ok := refHedges[string(b)]; ok {
			return h, starts[n-1]
		}
	}
	return HedgeNone, i
}

// From quantity_dates.go.

// Dates and decades. A date is kept only when its year is written: "3
// March" alone is read and dropped, so that its day is not taken for a
// count.

// refValidDate reports whether the day exists.
func refValidDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// refDigitsAt reads between 1 and max digits at i followed by a non-digit.
func refDigitsAt(t string, i, max int) (v, end int, ok bool) {
	j := i
	for j < len(t) && refIsDigit(t[j]) && j-i < max+1 {
		v = v*10 + int(t[j]-'0')
		j++
	}
	if j == i || j-i > max || (j < len(t) && refIsDigit(t[j])) {
		return 0, i, false
	}
	return v, j, true
}

// refYearAt reads a four-digit year at i that is not part of a larger token.
func refYearAt(t string, i int) (int, int, bool) {
	y, end, ok := refDigitsAt(t, i, 4)
	if !ok || end-i != 4 || y < 1000 || y > 2100 {
		return 0, i, false
	}
	if end < len(t) && (refIsLetter(t[end]) || (end+1 < len(t) && (t[end] == ',' || t[end] == '.') && refIsDigit(t[end+1]))) {
		return 0, i, false
	}
	return y, end, true
}

// refMonthAt reads a capitalised month name or abbreviation at i.
func refMonthAt(t string, i int) (int, int) {
	we := refLetterEnd(t, i)
	m := refMonths[t[i:we]]
	if m == 0 && we-i >= 3 && we-i <= 9 && t[i+1] >= 'A' && t[i+1] <= 'Z' {
		var buf [9]byte
		b := refAppendLower(buf[:0], t[i+1:we])
		m = refMonths[t[i:i+1]+string(b)] // "JUN", "OCTOBER"
	}
	if m == 0 {
		return 0, i
	}
	if we < len(t) && t[we] == '.' && we-i <= 4 {
		we++
	}
	return m, we
}

// refOrdinalEnd skips an ordinal suffix ("3rd") at i.
func refOrdinalEnd(t string, i int) int {
	if i+2 <= len(t) {
		switch t[i : i+2] {
		case "st", "nd", "rd", "th":
			if i+2 == len(t) || !refIsLetter(t[i+2]) {
				return i + 2
			}
		}
	}
	return i
}

func (s *refScanner) emitDate(start, end int, lo, hi float64) int {
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDate,
		Value: (lo + hi) / 2, Range: Interval{lo, hi}, Bounds: Interval{lo, hi},
	})
	return end
}

// isoDate reads "2019-03-04".
func (s *refScanner) isoDate(i int) int {
	t := s.text
	if i+10 > len(t) || t[i+4] != '-' || t[i+7] != '-' {
		return i
	}
	y, e1, ok1 := refDigitsAt(t, i, 4)
	m, e2, ok2 := refDigitsAt(t, i+5, 2)
	d, e3, ok3 := refDigitsAt(t, i+8, 2)
	if !ok1 || !ok2 || !ok3 || e1 != i+4 || e2 != i+7 || e3 != i+10 || !refValidDate(y, m, d) ||
		(e3 < len(t) && ((refIsLetter(t[e3]) && t[e3] != 'T') || t[e3] == '-')) {
		return i
	}
	day := refDayNumber(y, m, d)
	return s.emitDate(i, e3, day, day)
}

// dayFirst reads "3 March 2019", "3rd of March, 2019".
func (s *refScanner) dayFirst(i int) int {
	t := s.text
	d, k, ok := refDigitsAt(t, i, 2)
	if !ok || d < 1 || d > 31 {
		return i
	}
	k = refOrdinalEnd(t, k)
	if ws, we := refWordAt(t, k); we > ws && t[ws:we] == "of" {
		k = we
	}
	ms := refSkipSpace(t, k)
	if ms == k || ms >= len(t) {
		return i
	}
	m, me := refMonthAt(t, ms)
	if m == 0 {
		return i
	}
	ys := refSkipSpace(t, me)
	if ys < len(t) && t[ys] == ',' {
		ys = refSkipSpace(t, ys+1)
	}
	if y, ye, ok := refYearAt(t, ys); ok && ys > me && refValidDate(y, m, d) {
		day := refDayNumber(y, m, d)
		return s.emitDate(i, ye, day, day)
	}
	return s.emitPartial(i, me, m, d)
}

// refPartialYear is the leap year a date without its year is placed in.
const refPartialYear = 2000

// emitPartial emits a date written without its year, "3 March" or
// "March": Unit is PartialDate, and the days are those of partialYear.
func (s *refScanner) emitPartial(start, end, m, d int) int {
	if !refValidDate(refPartialYear, m, max(d, 1)) {
		return end
	}
	lo, hi := refDayNumber(refPartialYear, m, max(d, 1)), refDayNumber(refPartialYear, m, max(d, 1))
	if d == 0 {
		hi = refDayNumber(refPartialYear, m+1, 1) - 1
	}
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDate, Unit: PartialDate,
		Value: (lo + hi) / 2, Range: Interval{lo, hi}, Bounds: Interval{lo, hi},
	})
	return end
}

// monthFirst reads "March 3, 2019" and "March 2019" at the month name
// t[i:j].
func (s *refScanner) monthFirst(i, j, m int) int {
	t := s.text
	_, me := refMonthAt(t, i)
	k := refSkipSpace(t, me)
	if k == me || k >= len(t) || !refIsDigit(t[k]) {
		if (me < len(t) && (refIsDigit(t[me]) || refIsLetter(t[me]))) || (i > 0 && (refIsLetter(t[i-1]) || refIsDigit(t[i-1]))) {
			return i
		}
		if mw := t[i:j]; mw == "May" || mw == "March" || (len(mw) <= 4 && mw != "June" && mw != "July") {
			return j // a verb, a name or an abbreviation as often as a month
		}
		return s.emitPartial(i, me, m, 0)
	}
	if y, ye, ok := refYearAt(t, k); ok {
		return s.emitDate(i, ye, refDayNumber(y, m, 1), refDayNumber(y, m+1, 1)-1)
	}
	d, de, ok := refDigitsAt(t, k, 2)
	if !ok || d < 1 || d > 31 {
		return i
	}
	de = refOrdinalEnd(t, de)
	if de < len(t) && (refIsLetter(t[de]) || refIsDigit(t[de])) {
		return i
	}
	ys := de
	if ys < len(t) && t[ys] == ',' {
		ys++
	}
	ys = refSkipSpace(t, ys)
	if y, ye, ok := refYearAt(t, ys); ok && ys > de && refValidDate(y, m, d) {
		day := refDayNumber(y, m, d)
		return s.emitDate(i, ye, day, day)
	}
	return s.emitPartial(i, de, m, d)
}

// apostropheDecade reads "'80s", "’90s".
func (s *refScanner) apostropheDecade(i int) int {
	t := s.text
	r, n := utf8.DecodeRuneInString(t[i:])
	if r != '\'' && r != '’' && r != '‘' {
		return i
	}
	d, e, ok := refDigitsAt(t, i+n, 2)
	if !ok || e != i+n+2 || d%10 != 0 || e >= len(t) || t[e] != 's' || (e+1 < len(t) && refIsLetter(t[e+1])) {
		return i
	}
	y := 1900 + d
	if d <= 10 {
		y = 2000 + d
	}
	return s.emitDecade(i, e+1, float64(y))
}

// decade emits a decade read as a figure: "1990s", "the 80s".
func (s *refScanner) decade(p refFigure, start int, prev string) int {
	y := p.val
	if p.digits == 2 {
		switch prev {
		case "the", "early", "late", "mid":
		default:
			return p.end // "in their 80s" is an age
		}
		y += 1900
		if p.val <= 10 {
			y += 100
		}
	}
	return s.emitDecade(start, p.end, y)
}

func (s *refScanner) emitDecade(start, end int, y float64) int {
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDecade,
		Value: y, Range: Interval{y, y + 9}, Bounds: Interval{y, y + 9},
	})
	return end
}

// From quantity_words.go.

// The word tables of Quantities. They are read, never written.

// refUnitDef converts a unit to its base: base value = value*factor + offset.
type refUnitDef struct {
	base           string
	factor, offset float64
}

// refUnits maps a unit as written, lowercased, to its base unit. Units of one
// or two letters that are also words or symbols ("m", "g", "c") are
// recognised only when attached to the figure ("3m", "20C"); see
// refAttachedUnit.
var refUnits = map[string]refUnitDef{
	"km": {"m", 1000, 0}, "kilometre": {"m", 1000, 0}, "kilometres": {"m", 1000, 0},
	"kilometer": {"m", 1000, 0}, "kilometers": {"m", 1000, 0},
	"metre": {"m", 1, 0}, "metres": {"m", 1, 0}, "meter": {"m", 1, 0}, "meters": {"m", 1, 0},
	"cm": {"m", 0.01, 0}, "centimetre": {"m", 0.01, 0}, "centimetres": {"m", 0.01, 0},
	"centimeter": {"m", 0.01, 0}, "centimeters": {"m", 0.01, 0},
	"mm": {"m", 0.001, 0}, "millimetre": {"m", 0.001, 0}, "millimetres": {"m", 0.001, 0},
	"millimeter": {"m", 0.001, 0}, "millimeters": {"m", 0.001, 0},
	"mile": {"m", 1609.344, 0}, "miles": {"m", 1609.344, 0}, "mi": {"m", 1609.344, 0},
	"ft": {"m", 0.3048, 0}, "foot": {"m", 0.3048, 0}, "feet": {"m", 0.3048, 0},
	"inch": {"m", 0.0254, 0}, "inches": {"m", 0.0254, 0},
	"yard": {"m", 0.9144, 0}, "yards": {"m", 0.9144, 0}, "yd": {"m", 0.9144, 0},
	"kg": {"kg", 1, 0}, "kilogram": {"kg", 1, 0}, "kilograms": {"kg", 1, 0}, "kilos": {"kg", 1, 0},
	"gram": {"kg", 0.001, 0}, "grams": {"kg", 0.001, 0},
	// A ton is taken as a tonne: news rarely says which ton it means.
	"tonne": {"kg", 1000, 0}, "tonnes": {"kg", 1000, 0}, "ton": {"kg", 1000, 0}, "tons": {"kg", 1000, 0},
	// "pounds" after a figure is weight; money in pounds is written "£".
	"lb": {"kg", 0.45359237, 0}, "lbs": {"kg", 0.45359237, 0}, "pound": {"kg", 0.45359237, 0},
	"pounds": {"kg", 0.45359237, 0},
	"oz":     {"kg", 0.028349523125, 0}, "ounce": {"kg", 0.028349523125, 0}, "ounces": {"kg", 0.028349523125, 0},
	"°c": {"°C", 1, 0}, "celsius": {"°C", 1, 0}, "centigrade": {"°C", 1, 0},
	"degrees celsius": {"°C", 1, 0}, "degrees centigrade": {"°C", 1, 0},
	"°f": {"°C", 5.0 / 9, -32 * 5.0 / 9}, "fahrenheit": {"°C", 5.0 / 9, -32 * 5.0 / 9},
	"degrees fahrenheit": {"°C", 5.0 / 9, -32 * 5.0 / 9},
	"km2":                {"m²", 1e6, 0}, "km²": {"m²", 1e6, 0}, "sq km": {"m²", 1e6, 0},
	"square kilometres": {"m²", 1e6, 0}, "square kilometers": {"m²", 1e6, 0},
	"m2": {"m²", 1, 0}, "m²": {"m²", 1, 0}, "square metres": {"m²", 1, 0}, "square meters": {"m²", 1, 0},
	"sq mi": {"m²", 2589988.110336, 0}, "square miles": {"m²", 2589988.110336, 0},
	"square mile": {"m²", 2589988.110336, 0},
	"sq ft":       {"m²", 0.09290304, 0}, "square feet": {"m²", 0.09290304, 0},
	"ha": {"m²", 1e4, 0}, "hectare": {"m²", 1e4, 0}, "hectares": {"m²", 1e4, 0},
	"acre": {"m²", 4046.8564224, 0}, "acres": {"m²", 4046.8564224, 0},
	"litre": {"L", 1, 0}, "litres": {"L", 1, 0}, "liter": {"L", 1, 0}, "liters": {"L", 1, 0},
	"ml": {"L", 0.001, 0}, "millilitres": {"L", 0.001, 0}, "milliliters": {"L", 0.001, 0},
	"gallon": {"L", 3.785411784, 0}, "gallons": {"L", 3.785411784, 0},
	"mph": {"m/s", 0.44704, 0}, "km/h": {"m/s", 1 / 3.6, 0}, "kph": {"m/s", 1 / 3.6, 0},
	"kmh": {"m/s", 1 / 3.6, 0}, "knots": {"m/s", 1852.0 / 3600, 0},
	"kw": {"W", 1e3, 0}, "mw": {"W", 1e6, 0}, "gw": {"W", 1e9, 0},
	"kilowatts": {"W", 1e3, 0}, "megawatts": {"W", 1e6, 0}, "gigawatts": {"W", 1e9, 0},
	"kwh": {"J", 3.6e6, 0}, "mwh": {"J", 3.6e9, 0}, "gwh": {"J", 3.6e12, 0}, "twh": {"J", 3.6e15, 0},
}

// refAttachedUnit returns the unit written right after a figure with no space
// ("3m", "20C", "5g"), where a one-letter unit cannot be a word.
func refAttachedUnit(w string) (refUnitDef, bool) {
	switch w {
	case "m":
		return refUnits["metres"], true
	case "g":
		return refUnits["grams"], true
	case "C":
		return refUnits["°c"], true
	case "F":
		return refUnits["°f"], true
	}
	u, ok := refUnits[refLowerKey(w)]
	return u, ok
}

// refScales are the words that multiply a figure. "m", "b" and "k" are
// refScales only when attached to money ("£4.5m", "$3b") or, for "k", to any
// refFigure ("10k"); elsewhere "m" is metres.
var refScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// refCurrencySymbols are the signs written before an amount, longest first
// in the scan (see currencyPrefix).
var refCurrencySymbols = map[string]string{
	"$": "$", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
	"HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "¥", "₹": "INR",
	"₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP", "Rs": "INR", "Rs.": "INR",
}

// refCurrencyCodes are the ISO 4217 codes recognised before or after a figure
// ("USD 3m", "3m EUR").
var refCurrencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "RMB": true, "INR": true,
	"AUD": true, "CAD": true, "CHF": true, "NZD": true, "HKD": true, "SGD": true, "SEK": true,
	"NOK": true, "DKK": true, "ZAR": true, "BRL": true, "MXN": true, "KRW": true, "RUB": true,
	"TRY": true, "NGN": true, "KES": true, "PLN": true,
}

// refCurrencyWords are currency names written after a figure, lowercased;
// the value is the unit and the factor ("50 cents" is 0.5 dollars).
var refCurrencyWords = map[string]struct {
	unit   string
	factor float64
}{
	"dollar": {"$", 1}, "dollars": {"$", 1}, "us dollars": {"USD", 1}, "euro": {"EUR", 1},
	"euros": {"EUR", 1}, "sterling": {"GBP", 1}, "pounds sterling": {"GBP", 1}, "yen": {"JPY", 1},
	"yuan": {"CNY", 1}, "renminbi": {"CNY", 1}, "rupees": {"INR", 1}, "rupee": {"INR", 1},
	"cents": {"$", 0.01}, "pence": {"GBP", 0.01}, "francs": {"CHF", 1},
}

// refVagueBase are the plural words of vague amounts: "dozens" is 24 to
// 119, "thousands" 2,000 to 9,999, "tens of thousands" 20,000 to 99,999.
var refVagueBase = map[string]float64{
	"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "tens": 10,
}

// refSmallNumbers are the written cardinals below a hundred that combine.
var refSmallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// refFractions are the written fractions, as shares of one.
var refFractions = map[string]float64{
	"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25,
	"quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
	"sixth": 1.0 / 6, "sixths": 1.0 / 6, "seventh": 1.0 / 7, "sevenths": 1.0 / 7,
	"eighth": 0.125, "eighths": 0.125, "ninth": 1.0 / 9, "ninths": 1.0 / 9,
	"tenth": 0.1, "tenths": 0.1,
}

// refFractionWidth is the relative width of a written fraction: "two-thirds"
// stands for 63.3–70%, "a fifth" for 19–21%.
const refFractionWidth = 0.05

// refHedges maps the words before a figure, lowercased and joined by one
// space, to the hedge they make.
var refHedges = map[string]Hedge{
	"about": HedgeAbout, "around": HedgeAbout, "roughly": HedgeAbout, "approximately": HedgeAbout,
	"approx": HedgeAbout, "some": HedgeAbout, "circa": HedgeAbout, "estimated": HedgeAbout,
	"an estimated": HedgeAbout, "ca": HedgeAbout, "c": HedgeAbout, "~": HedgeAbout, "≈": HedgeAbout,
	"nearly": HedgeNearly, "almost": HedgeNearly, "close to": HedgeNearly, "just under": HedgeNearly,
	"just below": HedgeNearly, "not quite": HedgeNearly, "just shy of": HedgeNearly,
	"more than": HedgeOver, "over": HedgeOver, "above": HedgeOver, "greater than": HedgeOver,
	"higher than": HedgeOver, "in excess of": HedgeOver, "upwards of": HedgeOver,
	"at least": HedgeOver, "no fewer than": HedgeOver, "no less than": HedgeOver,
	"just over": HedgeOver, "just above": HedgeOver, "well over": HedgeOver, "well above": HedgeOver,
	"a minimum of": HedgeOver, "exceeding": HedgeOver, ">": HedgeOver, "≥": HedgeOver,
	"less than": HedgeUnder, "fewer than": HedgeUnder, "under": HedgeUnder, "below": HedgeUnder,
	"lower than": HedgeUnder, "up to": HedgeUnder, "at most": HedgeUnder, "no more than": HedgeUnder,
	"as many as": HedgeUnder, "as much as": HedgeUnder, "as high as": HedgeUnder,
	"a maximum of": HedgeUnder, "well under": HedgeUnder, "well below": HedgeUnder,
	"<": HedgeUnder, "≤": HedgeUnder,
}

// refMonths maps a capitalised month name or abbreviation to its number.
var refMonths = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
	"Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

// refYearWords are the words after which a four-digit figure is a year even
// when a noun follows ("in 2019 unemployment fell").
var refYearWords = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "to": true,
	"during": true, "before": true, "after": true, "early": true, "late": true, "mid": true,
	"circa": true, "year": true, "summer": true, "winter": true, "spring": true, "autumn": true,
	"fall": true, "of": true, "between": true, "and": true, "through": true,
}

// refCountNouns are the nouns after which a four-digit figure with no
// thousands separator is a count rather than a year ("1500 people"); any
// other word leaves it a year ("the 2019 election").
var refCountNouns = map[string]bool{
	"people": true, "persons": true, "residents": true, "students": true, "children": true,
	"deaths": true, "cases": true, "jobs": true, "homes": true, "houses": true, "votes": true,
	"voters": true, "patients": true, "workers": true, "members": true, "soldiers": true,
	"troops": true, "employees": true, "staff": true, "users": true, "visitors": true,
	"households": true, "families": true, "companies": true, "firms": true, "schools": true,
	"beds": true, "cars": true, "vehicles": true, "refUnits": true, "copies": true, "pages": true,
	"words": true, "acres": true, "hectares": true, "miles": true, "km": true, "times": true,
	"incidents": true, "arrests": true, "complaints": true, "signatures": true, "items": true,
	"animals": true, "birds": true, "trees": true, "species": true, "games": true, "goals": true,
	"points": true, "runs": true, "yards": true, "hours": true, "days": true, "weeks": true,
	"refMonths": true, "years": true, "seats": true, "delegates": true, "participants": true,
	"respondents": true, "adults": true, "women": true, "men": true, "officers": true,
	"teachers": true, "nurses": true, "doctors": true, "refugees": true, "migrants": true,
	"victims": true, "injuries": true, "infections": true, "tests": true, "doses": true,
	"sites": true, "stores": true, "shops": true, "branches": true, "buildings": true,
	"apartments": true, "flats": true, "properties": true, "flights": true, "passengers": true,
}

// refNotNouns are words that follow a figure without being what it counts.
var refNotNouns = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true,
	"from": true, "as": true, "is": true, "was": true, "were": true, "are": true, "be": true,
	"been": true, "has": true, "had": true, "have": true, "that": true, "which": true,
	"who": true, "when": true, "than": true, "per": true, "each": true, "more": true,
	"less": true, "fewer": true, "over": true, "under": true, "after": true, "before": true,
	"it": true, "this": true, "those": true, "these": true, "their": true, "its": true,
	"his": true, "her": true, "they": true, "he": true, "she": true, "we": true, "there": true,
	"into": true, "out": true, "up": true, "down": true, "about": true, "while": true,
	"where": true, "since": true, "until": true, "will": true, "would": true, "can": true,
	"could": true, "may": true, "might": true, "said": true, "says": true, "not": true,
	"also": true, "only": true, "so": true, "if": true, "all": true, "both": true,
}

// refLowerKey returns w lowercased (ASCII), without allocating when w is
// already lowercase.
func refLowerKey(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// refTriggers are the words that may start a quantity, lowercased: written
// numbers, the words of vague amounts, months, currency codes and the
// letters before "$".
func refTriggers() []string {
	t := []string{"a", "an", "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens",
		"several", "rs", "us", "au", "ca", "nz", "hk", "s", "r", "c"}
	for w := range refSmallNumbers {
		t = append(t, w)
	}
	for w := range refMonths {
		t = append(t, strings.ToLower(w))
	}
	for w := range refCurrencyCodes {
		t = append(t, strings.ToLower(w))
	}
	return t
}

// refTriggerKey hashes a word's first, middle and last letters and length,
// case folded, into 1024 buckets.
func refTriggerKey(w string) uint {
	return (uint(w[0]|0x20)*31 + uint(w[len(w)/2]|0x20)*17 + uint(w[len(w)-1]|0x20)*7 + uint(len(w))*131) & 1023
}

// refTriggerSet holds the buckets of the triggers: a word whose bucket is
// empty starts no quantity. It is computed once and only read.
var refTriggerSet = func() (set [16]uint64) {
	for _, w := range refTriggers() {
		k := refTriggerKey(w)
		set[k>>6] |= 1 << (k & 63)
	}
	return set
}()

// refMaybeTrigger reports whether w may start a quantity; most words are
// turned away here without a map lookup.
func refMaybeTrigger(w string) bool {
	k := refTriggerKey(w)
	return refTriggerSet[k>>6]&(1<<(k&63)) != 0
}

// refHedgeEnd reports whether w, lowercased, can end a hedge; most words
// before a figure cannot, and are turned away before any lookup.
func refHedgeEnd(w []byte) bool {
	switch string(w) {
	case "about", "around", "roughly", "approximately", "approx", "some", "circa", "estimated",
		"c", "ca", "nearly", "almost", "to", "under", "below", "quite", "of", "than", "over",
		"above", "least", "most", "as", "many", "much", "high", "exceeding":
		return true
	}
	return false
}

// From text.go.

// Byte-level helpers shared by the scanners. Positions are byte offsets;
// every helper returns offsets on UTF-8 boundaries.

func refIsDigit(c byte) bool  { return '0' <= c && c <= '9' }
func refIsLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }
func refIsLower(c byte) bool  { return 'a' <= c && c <= 'z' }

// refSpaceLen returns the length of the space character at i (space, tab, one
// line break, no-break and thin spaces), or 0.
func refSpaceLen(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch c := text[i]; c {
	case ' ', '\t', '\n', '\r':
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0xA0 { // U+00A0
			return 2
		}
	case 0xE2:
		// U+2009 thin space, U+202F narrow no-break space, U+2006, U+2008
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x89, 0xAF, 0x86, 0x88:
				return 3
			}
		}
	}
	return 0
}

// refSkipSpace skips at most two space characters at i: figures, their units
// and hedges are written a space apart.
func refSkipSpace(text string, i int) int {
	for k := 0; k < 2; k++ {
		n := refSpaceLen(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// refSkipSpaceBack returns the offset after the last non-space character
// before i, crossing at most two space characters.
func refSkipSpaceBack(text string, i int) int {
	for k := 0; k < 2 && i > 0; k++ {
		switch {
		case text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n' || text[i-1] == '\r':
			i--
		case i >= 2 && text[i-2] == 0xC2 && text[i-1] == 0xA0:
			i -= 2
		case i >= 3 && refSpaceLen(text, i-3) == 3:
			i -= 3
		default:
			return i
		}
	}
	return i
}

// refLetterEnd returns the end of the ASCII letter run at i.
func refLetterEnd(text string, i int) int {
	for i < len(text) && refIsLetter(text[i]) {
		i++
	}
	return i
}

// refWordAt returns the ASCII word at i after at most two spaces: its start
// and end, equal when there is none.
func refWordAt(text string, i int) (int, int) {
	i = refSkipSpace(text, i)
	return i, refLetterEnd(text, i)
}

// refPrevWord returns the ASCII word that ends before i, across at most two
// spaces and a full stop ("c. 1900"): start and end, equal when there is
// none.
func refPrevWord(text string, i int) (ws, we int) {
	j := refSkipSpaceBack(text, i)
	if j > 0 && text[j-1] == '.' {
		j--
	}
	we = j
	for j > 0 && refIsLetter(text[j-1]) && we-j < 32 {
		j--
	}
	if j > 0 && (refIsLetter(text[j-1]) || refIsDigit(text[j-1])) {
		return we, we
	}
	return j, we
}

// refRuneBefore returns the rune that ends at i and its size, or (0, 0).
func refRuneBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

// refAppendLower appends w lowercased (ASCII) to b.
func refAppendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// From quantity.go.

// refDayNumber returns the days from 1970-01-01 to the given date.
func refDayNumber(year, month, day int) float64 {
	return float64(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// refHedgeWidth is the relative width of the about and nearly hedges.
const refHedgeWidth = 0.10
