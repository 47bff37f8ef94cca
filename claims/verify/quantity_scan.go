package verify

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// Quantities returns the quantities written in text, in order, each with
// its span, kind, unit, value and intervals. It reads figures ("1,200",
// "68.4", "-5"), written numbers ("twenty-five", "a dozen", "two-thirds",
// "half of", "half a million"), vague amounts ("thousands", "tens of
// thousands"), scales ("1.2 million", "$3bn", "£4.5m"), percentages,
// currencies, units, ranges ("2018–19", "10-15%", "between 300 and 400"),
// decades, dates and the hedges before a figure. It skips what only looks
// like a number: ordinals ("21st"), identifiers ("COVID-19", "A320", "5G"),
// times ("10:30"), versions ("1.2.3"), slashed dates and fractions ("24/7"),
// a day and month without a year, and "one" or "a" with nothing after them
// ("one of the"). A text whose figures only a decimal comma reads ("2,5
// %", "1.234,5", "1.500.000") has its figures read so: "40.000" is then
// forty thousand; any other as English writes them. It takes time linear
// in the length of text.
func Quantities(text string) []Quantity {
	q, _ := scanQuantities(nil, text, styleUndecided)
	return q
}

type scanner struct {
	text  string
	out   []Quantity
	words *quantityTable
	comma bool // a comma marks the decimals and a point the thousands: "1.234,5"
	// countStyle counts the figures that tell the style (commaFigures,
	// englishFigures: see scanQuantities)
	countStyle                   bool
	commaFigures, englishFigures int
}

// figure is a number as written, before what follows it.
type figure struct {
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
	unit       unitDef
	hasUnit    bool
	percent    string
	start, end int
}

func (s *scanner) run() {
	t := s.text
	passOver := &s.words.passOver
	for i := 0; i < len(t); {
		c := t[i]
		if passOver[c] { // a space or a punctuation mark: nothing starts at it
			i++
			continue
		}
		if isLetter(c) {
			if i+8 <= len(t) {
				// A word of fewer than eight letters, most words, is
				// read from eight bytes at once and turned away by the
				// short-word filter unless it may start a quantity.
				v := eightBytes(t, i)
				if n := leadingLetters(v); n < 8 {
					after := byte(v >> (8 * uint(n) & 63)) // the byte after the word
					v &= 1<<(8*uint(n)&63) - 1
					if s.words.mayStartShort(v) {
						if e := s.words.startWord(packLetters(v)); e != nil {
							if end := s.atWord(i, i+n, e); end > i {
								i = end
								continue
							}
						}
					}
					i += n
					if after == ' ' {
						i++
					}
					continue
				}
				if i+16 <= len(t) {
					// A word of ten letters or more starts nothing:
					// skipped without its key.
					v2 := eightBytes(t, i+8)
					n := leadingLetters(v2)
					if n > maxStartLetters-8 {
						i += 8 + n
						if n == 8 {
							i = letterEnd(t, i)
						}
						continue
					}
					// A word of eight or nine letters (n is 0 or 1): its
					// key is that of the first eight and the ninth.
					k := packLetters(v) | letterKey(v2&0x1f*uint64(n))<<40
					if e := s.words.startWord(k); e != nil {
						if end := s.atWord(i, i+8+n, e); end > i {
							i = end
							continue
						}
					}
					i += 8 + n
					continue
				}
			}
			j, k := letterRun(t, i)
			// Most words are not in the quantity table and start nothing.
			if j-i <= maxStartLetters {
				if e := s.words.startWord(k); e != nil {
					if end := s.atWord(i, j, e); end > i {
						j = end
					}
				}
			}
			i = j
			continue
		}
		end := i
		switch {
		case isDigit(c):
			if end = s.atFigure(i); end <= i {
				end = tokenEnd(t, i)
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

// The scan packs the key of a word of eight letters or more from its first
// eight and its ninth: it fails to compile should a longer word start a
// quantity.
const _ uint = 9 - maxStartLetters

// tokenEnd returns the end of the run of letters, digits and inner
// separators at i: a token that is not a figure is skipped whole.
func tokenEnd(t string, i int) int {
	for i < len(t) {
		c := t[i]
		switch {
		case isDigit(c) || isLetter(c):
			i++
		case (c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '_') && i+1 < len(t) && (isDigit(t[i+1]) || isLetter(t[i+1])):
			i++
		default:
			return i
		}
	}
	return i
}

// figureBoundary reports whether a figure may start at i: not inside a
// word, an identifier ("COVID-19", "A320") or another number ("1.2.3").
func (s *scanner) figureBoundary(i int) bool {
	t := s.text
	if i == 0 {
		return true
	}
	c := t[i-1]
	if c >= utf8.RuneSelf {
		if r, n := runeBefore(t, i); r == '\u2010' || r == '\u2011' {
			// "COVID‑19" with a Unicode hyphen: an identifier as with "-"
			return i-n == 0 || !isLetter(t[i-n-1])
		}
	}
	switch {
	case isLetter(c) || isDigit(c) || c == '_' || c == '/' || c == '#' || c == '@':
		return false
	case c == '.' || c == ',':
		return i < 2 || !isDigit(t[i-2])
	case c == '-':
		if i < 2 || isDigit(t[i-2]) {
			return i < 2
		}
		if isLetter(t[i-2]) {
			ws := i - 1
			for ws > 0 && isLetter(t[ws-1]) {
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

// atWord looks for a quantity that starts with the word t[i:j], found in
// the quantity table as e with roleStart: a written number, a month, a
// currency code or prefix. It returns the end of what it read, or i. A
// word without roleStart starts no quantity (atFigure would find nothing
// at it).
func (s *scanner) atWord(i, j int, e *quantityWord) int {
	t := s.text
	w := t[i:j]
	if isUpper(w[0]) {
		if m := monthName(w, e); m != 0 {
			if end := s.monthFirst(i, j, m); end > i {
				return end
			}
		}
		if j < len(t) && t[j] == '$' || w == "Rs" {
			return s.atFigure(i)
		}
		if len(w) == 3 && e.roles&roleCode != 0 && isUpper(w[1]) && isUpper(w[2]) {
			if k := skipSpace(t, j); k > j && k < len(t) && isDigit(t[k]) {
				return s.atFigure(i)
			}
			return i
		}
	}
	if e.roles&roleArticle != 0 && !s.articleNumber(j) {
		return i // "a" or "an" before a word that makes no number
	}
	if e.roles&roleNumber != 0 {
		return s.atFigure(i)
	}
	return i
}

// articleNumber reports whether the word after "a" or "an", which end at
// j, may make them a number, as written reads it: "a dozen", "a few", "a
// third", "a hundred", "a million". Most do not ("a report"), and are
// turned away here by their key.
func (s *scanner) articleNumber(j int) bool {
	t := s.text
	ns := skipSpace(t, j)
	if ns == j {
		return false
	}
	ne, k := letterRun(t, ns)
	return ne > ns && ne-ns <= maxKeyLetters && s.words.has(k, roleAfterArticle)
}

// atFigure reads the quantity that starts at i, emits it and returns its
// end; it returns i when there is none.
func (s *scanner) atFigure(i int) int {
	if !s.figureBoundary(i) {
		return i
	}
	if !isLetter(s.text[i]) { // a date or decade starts with a digit or an apostrophe
		if end := s.isoDate(i); end > i {
			return end
		}
		if end := s.dayFirst(i); end > i {
			return end
		}
		if end := s.intlDayFirst(i); end > i {
			return end
		}
		if end := s.intlMonthYear(i); end > i {
			return end
		}
		if end := s.apostropheDecade(i); end > i {
			return end
		}
	}
	p, ok := s.part(i)
	if !ok {
		return i
	}
	return s.finish(&p)
}

// part reads one figure at i with its currency, scale, unit or percent.
func (s *scanner) part(i int) (figure, bool) {
	t := s.text
	j := i
	cur, n := currencyPrefix(t, j)
	if n > 0 {
		j = skipSpace(t, j+n)
	}
	neg := false
	if j+1 < len(t) && t[j] == '-' && isDigit(t[j+1]) {
		neg, j = true, j+1
	} else if strings.HasPrefix(t[j:], "−") && j+3 < len(t) && isDigit(t[j+3]) {
		neg, j = true, j+3
	}
	var f figure
	var ok bool
	switch {
	case j < len(t) && isDigit(t[j]):
		if s.countStyle {
			s.countSeparator(j)
		}
		f, ok = numeral(t, j, s.comma)
	case j < len(t) && isLetter(t[j]) && !neg:
		f, ok = written(t, j)
	}
	if !ok {
		return f, false
	}
	f.start, f.neg = i, neg
	if f.plain && !neg && cur == "" && f.val >= 1 && f.val < 10 && (i == 0 || t[i-1] == ' ' || t[i-1] == '(') {
		// "1 in 5", "9 in 10 adults", as "one in five" (see written);
		// after a space or a bracket only: "COVID-19 in 391 cases",
		// "SARS-CoV-2 in two hospitals" are names, not counts; and not
		// "58 out of 591", two counts a claim may give either of
		if d, e2, ok := shareOf(t, f.end); ok && d > f.val && (d <= 10 || d == 100 || d == 1000) {
			f.val, f.fraction, f.plain, f.end = f.val/d, true, false, e2
			return f, true
		}
	}
	if neg {
		f.val, f.plain = -f.val, false
	}
	if cur != "" {
		f.currency, f.curFactor = cur, 1
	}
	k := f.end
	// Letters attached to digits: an ordinal, a decade, a scale or a unit.
	if k < len(t) && isLetter(t[k]) {
		if f.written {
			return f, false
		}
		we := letterEnd(t, k)
		if we < len(t) && isDigit(t[we]) {
			return f, false
		}
		w := t[k:we]
		lw := lowerKey(w)
		switch {
		case (lw == "st" || lw == "nd" || lw == "rd" || lw == "th") && f.plain:
			f.ordinal, f.end = true, we
			return f, true
		case w == "s" && f.plain && (f.digits == 4 || f.digits == 2) && int(f.val)%10 == 0:
			f.decade, f.end = true, we
			return f, true
		case lw == "bn" || lw == "mn" || lw == "mln" || lw == "tn" || lw == "trn":
			f.scale(scales[lw])
		case lw == "k":
			f.scale(1e3)
		case lw == "m" && (f.currency != "" || millionsOf(t, we)):
			f.scale(1e6)
		case lw == "b" && f.currency != "":
			f.scale(1e9)
		case lw == "am" || lw == "pm":
			return f, false
		default:
			u, ok := attachedUnit(w)
			if !ok {
				return f, false
			}
			f.unit, f.hasUnit = u, true
		}
		k = we
	} else if f.plain && int(f.val)%10 == 0 && (f.digits == 4) {
		// "1990's"
		if r, n := utf8.DecodeRuneInString(t[k:]); (r == '\'' || r == '’') && k+n < len(t) && t[k+n] == 's' && (k+n+1 == len(t) || !isLetter(t[k+n+1])) {
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
func (f *figure) scale(x float64) {
	f.val *= x
	f.half *= x
	f.lo *= x
	f.hi *= x
	f.scaled, f.plain = true, false
}

// suffix reads the scale, percent sign, currency or unit written after a
// figure that ends at k, and returns the end.
func (s *scanner) suffix(f *figure, k int) int {
	t := s.text
	var buf [40]byte
	if !f.scaled && !f.vague && !f.hasUnit {
		ws := skipSpace(t, k)
		if we, key := letterRun(t, ws); we > ws && ws > k && we-ws <= maxKeyLetters {
			if e := s.words.find(key); e == nil {
			} else if e.scale > 0 && (t[we-1] != 's' || pluralScales[lowerKey(t[ws:we])]) {
				f.scale(e.scale)
				f.needMore = false
				k = we
			} else if e.roles&roleHundred != 0 {
				f.scale(100)
				f.needMore = false
				k = we
			}
			if we < len(t) && t[we] >= utf8.RuneSelf {
				// a scale spelt with an accent: "1 milhão", "2 bilhões"
				if x, end := accentedScale(t, ws); end > ws {
					f.scale(x)
					f.needMore = false
					k = end
				}
			}
		}
	}
	if f.hasUnit {
		return s.plus(f, k)
	}
	q := skipSpace(t, k)
	if q < len(t) && t[q] == '%' {
		f.percent, f.needMore = "%", false
		return s.plus(f, q+1)
	}
	if strings.HasPrefix(t[q:], "％") {
		f.percent, f.needMore = "%", false
		return s.plus(f, q+len("％"))
	}
	if strings.HasPrefix(t[q:], "°") || strings.HasPrefix(t[q:], "º") {
		r := skipSpace(t, q+2)
		if r < len(t) && (t[r] == 'C' || t[r] == 'F') && (r+1 == len(t) || !isLetter(t[r+1])) {
			f.unit, _ = attachedUnit(t[r : r+1])
			f.hasUnit, f.needMore = true, false
			return r + 1
		}
		return k
	}
	if q == k && !f.scaled {
		return s.plus(f, k) // words must be a space apart
	}
	ws := q
	we, key := letterRun(t, q)
	if we == ws {
		return s.plus(f, k)
	}
	if f.currency == "" && (we-ws == 2 && t[ws] == 'd' && t[ws+1] == 'e' || we-ws == 1 && t[ws] == 'd') {
		if unit, end := ofCurrency(t, ws); end > ws {
			// "10 millones de dólares", "2 milliards d'euros"
			f.currency, f.curFactor, f.needMore = unit, 1, false
			return end
		}
	}
	w := t[ws:we]
	if we-ws > maxKeyLetters {
		return s.plus(f, k)
	}
	if e := s.words.find(key); e == nil || e.roles&roleSuffix == 0 {
		return s.plus(f, k) // none of the words looked up below
	}
	lw := string(appendLower(buf[:0], w))
	ns, ne := wordAt(t, we)
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
	case (lw == "pour" || lw == "per") && strings.EqualFold(next, "cent"), lw == "por" && (strings.EqualFold(next, "ciento") || strings.EqualFold(next, "cento")),
		lw == "per" && strings.EqualFold(next, "cento"), lw == "prozent":
		// "40 pour cent", "40 por ciento", "40 por cento", "40 per cento", "40 Prozent"
		f.percent, f.needMore = "%", false
		if lw == "prozent" {
			return s.plus(f, we)
		}
		return s.plus(f, ne)
	case lw == "percentage" && (strings.EqualFold(next, "points") || strings.EqualFold(next, "point")):
		f.percent, f.needMore = "pp", false
		return ne
	}
	if next != "" && len(lw)+len(next) < 30 {
		var buf2 [40]byte
		two := appendLower(append(appendLower(buf2[:0], w), ' '), next)
		if u, ok := units[string(two)]; ok {
			f.unit, f.hasUnit, f.needMore = u, true, false
			return ne
		}
		if c, ok := currencyWords[string(two)]; ok && f.currency == "" {
			f.currency, f.curFactor, f.needMore = c.unit, c.factor, false
			return ne
		}
	}
	if c, ok := currencyWords[lw]; ok && f.currency == "" {
		f.currency, f.curFactor, f.needMore = c.unit, c.factor, false
		return we
	}
	if len(w) == 3 && currencyCodes[w] && f.currency == "" {
		f.currency, f.curFactor, f.needMore = w, 1, false
		return we
	}
	if u, ok := units[lw]; ok && (f.currency == "" || u.base != "kg") {
		f.unit, f.hasUnit, f.needMore = u, true, false
		return s.plus(f, we)
	}
	return s.plus(f, k)
}

// plus reads "+" or "-plus" after a figure.
func (s *scanner) plus(f *figure, k int) int {
	t := s.text
	if k < len(t) && t[k] == '+' && (k+1 == len(t) || !isDigit(t[k+1])) {
		f.plus = true
		return k + 1
	}
	if strings.HasPrefix(t[k:], "-plus") && (k+5 == len(t) || !isLetter(t[k+5])) {
		f.plus = true
		return k + 5
	}
	return k
}

// currencyPrefix returns the currency of the sign or code at i and its
// length, or ("", 0).
func currencyPrefix(t string, i int) (string, int) {
	if i >= len(t) {
		return "", 0
	}
	c := t[i]
	if isLetter(c) {
		we := letterEnd(t, i)
		if we < len(t) && t[we] == '$' {
			if cur, ok := currencySymbols[t[i:we+1]]; ok {
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
		if len(w) == 3 && currencyCodes[w] {
			return w, we - i
		}
		return "", 0
	}
	if c == '$' {
		return "$", 1
	}
	if c >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(t[i:])
		if cur, ok := currencySymbols[string(r)]; ok {
			return cur, n
		}
	}
	return "", 0
}

// numeral reads the digits at i: "1,200,000", "68.4", "2019"; with comma
// set, "1.200.000", "68,4".
func numeral(t string, i int, comma bool) (figure, bool) {
	thousands, decimal := byte(','), byte('.')
	if comma {
		thousands, decimal = '.', ','
	}
	var f figure
	var mant uint64
	nd, intDigits, dec := 0, 0, -1
	sep := false
	j := i
loop:
	for j < len(t) {
		c := t[j]
		switch {
		case isDigit(c):
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
		case c == thousands && dec < 0 && j+3 < len(t) && isDigit(t[j+1]) && isDigit(t[j+2]) && isDigit(t[j+3]) &&
			(j+4 == len(t) || !isDigit(t[j+4])):
			sep = true
			j++
		case c == decimal && dec < 0 && j+1 < len(t) && isDigit(t[j+1]):
			dec = 0
			j++
		default:
			break loop
		}
	}
	if j < len(t) {
		c := t[j]
		if (c == '.' || c == ':' || c == '/' || c == ',') && j+1 < len(t) && isDigit(t[j+1]) {
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

// afterBy reports whether the word before i is "by": a share that
// follows it is a change ("cut by a third", "rose by half") even with no
// "of" after it.
func afterBy(t string, i int) bool {
	ws, we := prevWord(t, i)
	return we-ws == 2 && strings.EqualFold(t[ws:we], "by")
}

// written reads a number in words at i.
func written(t string, i int) (figure, bool) {
	f := figure{written: true}
	we := letterEnd(t, i)
	w := lowerKey(t[i:we])
	ns, ne := wordAt(t, we)
	next := lowerKey(t[ns:ne])
	switch w {
	case "a", "an":
		if ns == we {
			return f, false
		}
		switch {
		case next == "dozen":
			f.val, f.half, f.end = 12, 0.5, ne
		case next == "few":
			return vagueScale(t, i, ne, 2)
		case fractions[next] > 0 && next != "second":
			if _, oe := wordAt(t, ne); !strings.EqualFold(t[skipSpace(t, ne):oe], "of") && !afterBy(t, i) {
				return f, false
			}
			f.val, f.fraction, f.end = fractions[next], true, ne
		case next == "hundred" || scales[next] > 0 && next[len(next)-1] != 's':
			f.val, f.half, f.end, f.needMore = 1, 0.5, we, true
		default:
			return f, false
		}
		return f, true
	case "half":
		switch next {
		case "a", "an":
			if _, e := wordAt(t, ne); e > ne && scales[lowerKey(t[skipSpace(t, ne):e])] > 0 {
				f.val, f.half, f.end, f.needMore = 0.5, 0.025, ne, true
				return f, true
			}
		case "of", "the", "its", "their", "his", "her", "our", "all", "those", "these", "them":
			f.val, f.fraction, f.end = 0.5, true, we
			return f, true
		}
		if afterBy(t, i) {
			// "cut by half"
			f.val, f.fraction, f.end = 0.5, true, we
			return f, true
		}
		return f, false
	case "several":
		return vagueScale(t, i, we, 3)
	}
	if base, ok := vagueBase[w]; ok {
		lo, end := 2*base, we
		if w == "dozens" {
			lo = 24
		}
		hi := 10 * base
		if next == "of" {
			if s2, e2 := wordAt(t, ne); e2 > s2 {
				if b2, ok := vagueBase[lowerKey(t[s2:e2])]; ok && b2 >= 1e3 {
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
	v, ok := smallNumbers[w]
	if !ok {
		return f, false
	}
	end := we
	// "twenty-five", "twenty five"
	if v >= 20 && we < len(t) {
		if s2, e2 := unitWordAfter(t, we); e2 > s2 {
			if u := smallNumbers[lowerKey(t[s2:e2])]; u > 0 && u < 10 {
				v += u
				end = e2
			}
		}
	}
	// "two-thirds", "two thirds", "one quarter"
	if s2, e2 := unitWordAfter(t, end); e2 > s2 {
		fw := lowerKey(t[s2:e2])
		if fr, ok := fractions[fw]; ok && fw != "second" && v < 10 && (v == 1) == (fw[len(fw)-1] != 's' || fw == "halves") {
			f.val, f.fraction, f.end = v*fr, true, e2
			return f, true
		}
	}
	// "one in five", "nine in ten", "one in every four", "two out of
	// three": a share, as "a fifth" is
	if d, e2, ok := shareOf(t, end); ok && d > v && v < 10 {
		f.val, f.fraction, f.end = v/d, true, e2
		return f, true
	}
	// "two dozen", "two hundred and fifty"
	if s2, e2 := wordAt(t, end); e2 > s2 && s2 > end {
		switch lowerKey(t[s2:e2]) {
		case "dozen":
			v *= 12
			end = e2
		case "hundred":
			v *= 100
			end = e2
			k := e2
			if s3, e3 := wordAt(t, k); e3 > s3 && strings.EqualFold(t[s3:e3], "and") {
				k = e3
			}
			if s3, e3 := wordAt(t, k); e3 > s3 {
				if u, ok := smallNumbers[lowerKey(t[s3:e3])]; ok {
					v += u
					end = e3
					if u >= 20 {
						if s4, e4 := unitWordAfter(t, e3); e4 > s4 {
							if u2 := smallNumbers[lowerKey(t[s4:e4])]; u2 > 0 && u2 < 10 {
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

// unitWordAfter returns the word joined to the one ending at k by a hyphen
// or one space.
func unitWordAfter(t string, k int) (int, int) {
	if k < len(t) && (t[k] == '-' || t[k] == ' ') {
		return k + 1, letterEnd(t, k+1)
	}
	return k, k
}

// millionsOf reports whether the word at k is one that an "m" after a
// figure counts in millions rather than measures in metres: "48m
// passengers", "3m people", "2m tonnes" (but "a 3m wall", "the 100m
// sprints").
func millionsOf(t string, k int) bool {
	ws, we := wordAt(t, k)
	if ws == k {
		return false // "3m." or "3m,": nothing counted
	}
	switch lowerKey(t[ws:we]) {
	case "people", "persons", "children", "men", "women", "adults", "users", "viewers", "listeners", "readers",
		"passengers", "visitors", "tourists", "voters", "customers", "subscribers", "followers", "members",
		"residents", "citizens", "workers", "employees", "jobs", "students", "pupils", "patients", "cases",
		"deaths", "infections", "doses", "vaccinations", "homes", "households", "houses", "vehicles", "cars",
		"copies", "downloads", "tickets", "units", "barrels", "tonnes", "tons", "litres", "liters", "acres",
		"hectares", "shares", "votes", "signatures", "items", "devices", "phones", "accounts", "animals",
		"trees", "refugees", "migrants", "claims", "applications", "calls", "views", "plays", "streams":
		return true
	}
	return false
}

// shareOf reads the "in five" of "one in five" at k ("in every five",
// "out of three", "in 10"): the whole the count is of, and where it ends.
// The whole is not read again as a count: "one in five adults" says
// nothing of five adults.
func shareOf(t string, k int) (whole float64, end int, ok bool) {
	ws, we := wordAt(t, k)
	if ws == k {
		return 0, 0, false // no space: not the next word
	}
	switch lowerKey(t[ws:we]) {
	case "in":
		if s2, e2 := wordAt(t, we); lowerKey(t[s2:e2]) == "every" {
			we = e2
		}
	case "out":
		s2, e2 := wordAt(t, we)
		if lowerKey(t[s2:e2]) != "of" {
			return 0, 0, false
		}
		we = e2
	default:
		return 0, 0, false
	}
	ds := skipSpace(t, we)
	if ds == we {
		return 0, 0, false
	}
	de := ds
	for de < len(t) && de-ds < 4 && isDigit(t[de]) {
		de++
	}
	if de > ds {
		if de < len(t) && (isDigit(t[de]) || t[de] == '.' && de+1 < len(t) && isDigit(t[de+1]) || t[de] == ',' && de+1 < len(t) && isDigit(t[de+1])) {
			return 0, 0, false // a longer figure: "one in 20,000", "in 1.5 million"
		}
		if de < len(t) && (t[de] == '%' || isLetter(t[de])) {
			return 0, 0, false // "in 33%", "in 5km"
		}
		n, _ := strconv.Atoi(t[ds:de])
		if s2, e2 := wordAt(t, de); e2 > s2 && scaleWord(t[s2:e2]) {
			return 0, 0, false // "1 in 5 million": odds, not a share to compare
		}
		// a whole a share is told of, not a year: "one in 2020"
		return float64(n), de, n > 1 && (n <= 20 || n == 25 || n == 50 || n == 100 || n == 1000)
	}
	de = letterEnd(t, ds)
	n, ok := smallNumbers[lowerKey(t[ds:de])]
	if s2, e2 := wordAt(t, de); e2 > s2 && scaleWord(t[s2:e2]) {
		return 0, 0, false // "one in five million": odds, not a share to compare
	}
	return n, de, ok && n > 1
}

// scaleWord reports whether w is a scale word: "hundred", "million".
func scaleWord(w string) bool {
	k := lowerKey(w)
	return scales[k] > 0 || k == "hundred"
}

// vagueScale reads "a few hundred", "several thousand": the word at k
// must be a scale; the amount is min to ten times it.
func vagueScale(t string, start, k int, min float64) (figure, bool) {
	f := figure{written: true, vague: true}
	ws, we := wordAt(t, k)
	w := lowerKey(t[ws:we])
	x := scales[w]
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
func (s *scanner) finish(p *figure) int {
	t := s.text
	if p.ordinal {
		return p.end
	}
	start, end := p.start, p.end
	ws, we := prevWord(t, start)
	prev := lowerKey(t[ws:we])
	between := prev == "between"
	if between {
		start = ws
	}
	lo, hi := p.val-p.half, p.val+p.half
	if p.vague {
		lo, hi = p.lo, p.hi
	}
	if p.fraction {
		lo, hi = p.val*(1-fractionWidth), p.val*(1+fractionWidth)
	}
	yearLike := func(f *figure) bool {
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
			pp, qq := *p, q
			inherit(&pp, &qq)
			inherit(&qq, &pp)
			if q.val > p.val && qq.val > pp.val && pp.val-pp.half <= qq.val+qq.half {
				*p, q = pp, qq
				isYear = isYear && yearLike(&q)
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
	countNoun := false // noun is a word of countNouns
	if ns := skipSpace(t, end); ns > end {
		if ne, k := letterRun(t, ns); ne-ns >= 2 && isLower(t[ns]) {
			e := (*quantityWord)(nil)
			if ne-ns <= maxKeyLetters && isLowerWord(t[ns:ne]) {
				e = s.words.find(k) // the tables are written in lowercase
			}
			if e == nil || e.roles&roleNotNoun == 0 {
				noun = t[ns:ne]
				countNoun = e != nil && e.roles&roleCountNoun != 0
			}
		}
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
	case isYear && (s.yearWord(t[ws:we]) || !countNoun):
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
		if isFinite(q.Value) {
			s.out = append(s.out, q)
		}
		return end
	}
	q.Value, q.Range = p.val, Interval{lo, hi}
	pws, pwe := ws, we
	if start != p.start {
		pws, pwe = prevWord(t, start)
	}
	hedge, hs := s.hedgeBefore(start, pws, pwe)
	if p.plus {
		hedge = HedgeOver
	} else if hedge != HedgeNone {
		q.Span.Start = hs
	}
	q.Hedge = hedge
	q.Bounds = widen(q.Range, q.Value, hedge, q.Kind)
	q.Text = t[q.Span.Start:q.Span.End]
	if isFinite(q.Value) && isFinite(q.Range.Lo) && isFinite(q.Range.Hi) && q.Range.Lo <= q.Range.Hi {
		s.out = append(s.out, q)
	}
	return end
}

// yearWord reports whether w, a word of letters, is one of yearWords
// whatever its case.
func (s *scanner) yearWord(w string) bool {
	if len(w) == 0 || len(w) > maxKeyLetters {
		return false
	}
	_, k := letterRun(w, 0)
	return s.words.has(k, roleYearWord)
}

// isLowerWord reports whether every byte of w is a lowercase letter.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isLower(w[i]) {
			return false
		}
	}
	return true
}

func isFinite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// inherit gives a figure of a range what the other one has and it lacks:
// the "%" of "10-15%", the "million" of "3 to 4 million".
func inherit(a, b *figure) {
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
func (f *figure) unscaled() float64 {
	v := f.val
	for _, x := range [...]float64{1e12, 1e9, 1e6, 1e3} {
		if math.Abs(v) >= x && f.half >= x/20 {
			return v / x
		}
	}
	return v
}

// rangeEnd reads the second figure of a range after p.
func (s *scanner) rangeEnd(p *figure, prev string, between bool) (figure, bool) {
	t := s.text
	k := p.end
	ks := -1
	viaTo := false
	switch {
	case k+1 < len(t) && t[k] == '-' && (isDigit(t[k+1]) || t[k+1] == '$' || t[k+1] >= utf8.RuneSelf):
		ks = k + 1
	default:
		k2 := skipSpace(t, k)
		if strings.HasPrefix(t[k2:], "–") || (k2 > k && strings.HasPrefix(t[k2:], "- ")) {
			ks = skipSpace(t, k2+len("–"))
			if t[k2] == '-' {
				ks = skipSpace(t, k2+1)
			}
			break
		}
		ws, we := wordAt(t, k)
		if ws == k || we == ws {
			return figure{}, false
		}
		w := lowerKey(t[ws:we])
		if (w == "to" && prev != "from") || (w == "and" && between) || (w == "or" && p.written) {
			ks = skipSpace(t, we)
			viaTo = w == "to"
		}
	}
	if ks < 0 || ks >= len(t) {
		return figure{}, false
	}
	q, ok := s.part(ks)
	if !ok || q.ordinal || q.decade || q.vague || q.fraction {
		return figure{}, false
	}
	if !p.written && q.written {
		return figure{}, false
	}
	if viaTo && p.plain && p.digits == 4 && p.val >= 1000 && p.val <= 2100 && q.val < p.val {
		// "from 50 in 2018 to 40 in 2022": a year, then the change's
		// other end, not the years 2018 to 2040 (which "2018–40" may be)
		return figure{}, false
	}
	return q, true
}

// widen returns the values a hedged figure asserts.
func widen(r Interval, v float64, h Hedge, k Kind) Interval {
	w := hedgeWidth * math.Abs(v)
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

// hedgeBefore returns the hedge written before i and where it starts;
// t[pws:pwe] is the word before i (prevWord).
func (s *scanner) hedgeBefore(i, pws, pwe int) (Hedge, int) {
	t := s.text
	j := skipSpaceBack(t, i)
	if j > 0 {
		if c := t[j-1]; c < utf8.RuneSelf {
			if c == '~' || c == '<' || c == '>' {
				return hedges[string(c)], j - 1
			}
		} else if r, n := runeBefore(t, j); r == '≈' || r == '≤' || r == '≥' {
			return hedges[string(r)], j - n
		}
	}
	var buf [48]byte
	switch {
	case pwe == pws || pwe-pws > 16:
		return HedgeNone, i
	case pwe-pws <= maxKeyLetters:
		if _, k := letterRun(t, pws); !s.words.has(k, roleHedgeEnd) {
			return HedgeNone, i
		}
	case !hedgeEnd(appendLower(buf[:0], t[pws:pwe])):
		return HedgeNone, i
	}
	var words [3]string
	var starts [3]int
	var dots [3]bool
	nw, pos := 0, i
	for nw < 3 {
		ws, we := prevWord(t, pos)
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
			b = appendLower(b, words[k])
			if k > 0 {
				b = append(b, ' ')
			}
		}
		if dots[0] && (n > 1 || !(string(b) == "c" || string(b) == "ca" || string(b) == "approx")) {
			continue
		}
		if h, ok := hedges[string(b)]; ok {
			return h, starts[n-1]
		}
	}
	return HedgeNone, i
}
