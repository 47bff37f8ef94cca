package verify

import (
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// Dates and decades. A date is kept only when its year is written: "3
// March" alone is read and dropped, so that its day is not taken for a
// count.

// validDate reports whether the day exists.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if m == 2 {
		leap := y%4 == 0 && (y%100 != 0 || y%400 == 0)
		return d <= 28 || d == 29 && leap
	}
	return d <= 30+(m+m/8)%2 // 31 days in odd months to July, in even ones from August
}

// digitsAt reads between 1 and max digits at i followed by a non-digit.
func digitsAt(t string, i, max int) (v, end int, ok bool) {
	j := i
	for j < len(t) && isDigit(t[j]) && j-i < max+1 {
		v = v*10 + int(t[j]-'0')
		j++
	}
	if j == i || j-i > max || (j < len(t) && isDigit(t[j])) {
		return 0, i, false
	}
	return v, j, true
}

// yearAt reads a four-digit year at i that is not part of a larger token.
func yearAt(t string, i int) (int, int, bool) {
	y, end, ok := digitsAt(t, i, 4)
	if !ok || end-i != 4 || y < 1000 || y > 2100 {
		return 0, i, false
	}
	if end < len(t) && (isLetter(t[end]) || (end+1 < len(t) && (t[end] == ',' || t[end] == '.') && isDigit(t[end+1]))) {
		return 0, i, false
	}
	return y, end, true
}

// monthAt reads a capitalised month name or abbreviation at i, or one in
// capitals ("JUN", "OCTOBER").
func (s *scanner) monthAt(i int) (int, int) {
	t := s.text
	we, k := letterRun(t, i)
	if we-i < 2 || we-i > maxStartLetters {
		return 0, i
	}
	w := t[i:we]
	e := s.words.find(k)
	m := monthName(w, e)
	if m == 0 && e != nil && isUpper(w[0]) && isUpper(w[1]) {
		m = e.month
	}
	if m == 0 {
		return 0, i
	}
	if we < len(t) && t[we] == '.' && we-i <= 4 {
		we++
	}
	return m, we
}

// ordinalEnd skips an ordinal suffix ("3rd") at i.
func ordinalEnd(t string, i int) int {
	if i+2 <= len(t) {
		switch t[i : i+2] {
		case "st", "nd", "rd", "th":
			if i+2 == len(t) || !isLetter(t[i+2]) {
				return i + 2
			}
		}
	}
	return i
}

func (s *scanner) emitDate(start, end int, lo, hi float64) int {
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDate,
		Value: (lo + hi) / 2, Range: Interval{lo, hi}, Bounds: Interval{lo, hi},
	})
	return end
}

// isoDate reads "2019-03-04".
func (s *scanner) isoDate(i int) int {
	t := s.text
	if i+10 > len(t) || t[i+4] != '-' || t[i+7] != '-' {
		return i
	}
	y, e1, ok1 := digitsAt(t, i, 4)
	m, e2, ok2 := digitsAt(t, i+5, 2)
	d, e3, ok3 := digitsAt(t, i+8, 2)
	if !ok1 || !ok2 || !ok3 || e1 != i+4 || e2 != i+7 || e3 != i+10 || !validDate(y, m, d) ||
		(e3 < len(t) && ((isLetter(t[e3]) && t[e3] != 'T') || t[e3] == '-')) {
		return i
	}
	day := dayNumber(y, m, d)
	return s.emitDate(i, e3, day, day)
}

// dayFirst reads "3 March 2019", "3rd of March, 2019".
func (s *scanner) dayFirst(i int) int {
	t := s.text
	d, k, ok := digitsAt(t, i, 2)
	if !ok || d < 1 || d > 31 {
		return i
	}
	k = ordinalEnd(t, k)
	ms := skipSpace(t, k)
	if ms < len(t) && t[ms] == 'o' {
		if we := letterEnd(t, ms); t[ms:we] == "of" {
			k = we
			ms = skipSpace(t, k)
		}
	}
	if ms == k || ms >= len(t) || !isUpper(t[ms]) {
		return i // a month is capitalised (monthAt)
	}
	m, me := s.monthAt(ms)
	if m == 0 {
		return i
	}
	ys := skipSpace(t, me)
	if ys < len(t) && t[ys] == ',' {
		ys = skipSpace(t, ys+1)
	}
	return s.emitDay(i, ys, me, m, d)
}

// partialYear is the leap year a date without its year is placed in.
const partialYear = 2000

// emitPartial emits a date written without its year, "3 March" or
// "March": Unit is PartialDate, and the days are those of partialYear.
func (s *scanner) emitPartial(start, end, m, d int) int {
	if !validDate(partialYear, m, max(d, 1)) {
		return end
	}
	lo, hi := dayNumber(partialYear, m, max(d, 1)), dayNumber(partialYear, m, max(d, 1))
	if d == 0 {
		hi = dayNumber(partialYear, m+1, 1) - 1
	}
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDate, Unit: PartialDate,
		Value: (lo + hi) / 2, Range: Interval{lo, hi}, Bounds: Interval{lo, hi},
	})
	return end
}

// monthFirst reads "March 3, 2019" and "March 2019" at the month name
// t[i:j].
func (s *scanner) monthFirst(i, j, m int) int {
	t := s.text
	_, me := s.monthAt(i)
	k := skipSpace(t, me)
	if k == me || k >= len(t) || !isDigit(t[k]) {
		if (me < len(t) && (isDigit(t[me]) || isLetter(t[me]))) || (i > 0 && (isLetter(t[i-1]) || isDigit(t[i-1]))) {
			return i
		}
		if mw := t[i:j]; mw == "May" || mw == "March" || (len(mw) <= 4 && mw != "June" && mw != "July") {
			return j // a verb, a name or an abbreviation as often as a month
		}
		return s.emitPartial(i, me, m, 0)
	}
	if y, ye, ok := yearAt(t, k); ok {
		return s.emitDate(i, ye, dayNumber(y, m, 1), dayNumber(y, m+1, 1)-1)
	}
	d, de, ok := digitsAt(t, k, 2)
	if !ok || d < 1 || d > 31 {
		return i
	}
	de = ordinalEnd(t, de)
	if de < len(t) && (isLetter(t[de]) || isDigit(t[de])) {
		return i
	}
	ys := de
	if ys < len(t) && t[ys] == ',' {
		ys++
	}
	ys = skipSpace(t, ys)
	return s.emitDay(i, ys, de, m, d)
}

// emitDay emits day d of month m, written from i to end: with the year
// written at ys, after end, when there is one, else as a date without its
// year. It returns the end of what it emitted.
func (s *scanner) emitDay(i, ys, end, m, d int) int {
	if y, ye, ok := yearAt(s.text, ys); ok && ys > end && validDate(y, m, d) {
		day := dayNumber(y, m, d)
		return s.emitDate(i, ye, day, day)
	}
	return s.emitPartial(i, end, m, d)
}

// apostropheDecade reads "'80s", "’90s".
func (s *scanner) apostropheDecade(i int) int {
	t := s.text
	if c := t[i]; c != '\'' && c < utf8.RuneSelf {
		return i // most figures start with a digit
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	if r != '\'' && r != '’' && r != '‘' {
		return i
	}
	d, e, ok := digitsAt(t, i+n, 2)
	if !ok || e != i+n+2 || d%10 != 0 || e >= len(t) || t[e] != 's' || (e+1 < len(t) && isLetter(t[e+1])) {
		return i
	}
	y := 1900 + d
	if d <= 10 {
		y = 2000 + d
	}
	return s.emitDecade(i, e+1, float64(y))
}

// decade emits a decade read as a figure: "1990s", "the 80s".
func (s *scanner) decade(p *figure, start int, prev string) int {
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

func (s *scanner) emitDecade(start, end int, y float64) int {
	s.out = append(s.out, Quantity{
		Span: sources.Span{Start: start, End: end}, Text: s.text[start:end], Kind: KindDecade,
		Value: y, Range: Interval{y, y + 9}, Bounds: Interval{y, y + 9},
	})
	return end
}
