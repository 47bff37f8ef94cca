package verify

// How a text writes its figures: "1,234.5" as English does, or "1.234,5"
// as French, Spanish, Portuguese, Italian and German do.

// numberStyle tells the two ways of writing a figure's separators apart.
type numberStyle uint8

const (
	// styleUndecided: the text writes no figure that only one style reads
	// ("40.000", "1,500" and "300" read either way).
	styleUndecided numberStyle = iota
	// styleEnglish: "1,234.5" ("2.5", "1,500,000").
	styleEnglish
	// styleComma: "1.234,5" ("2,5", "1.500.000").
	styleComma
)

// scanQuantities appends the quantities of text to dst, read in style;
// with styleUndecided, in the style the text's figures tell, from those
// that only one style reads: a decimal comma before one or two digits
// ("2,5 milliards", "1,3 %"), a point between groups of three digits
// ("1.500.000") or before a decimal comma ("1.234,5") for the comma
// style; a decimal point before one or two digits ("2.5"), a comma between
// groups of three ("1,500,000") or before a decimal point ("1,234.5") for
// the English one. The style is the one with more than twice the figures
// of the other (a list in brackets, "[1,2]", counts for neither); the
// text is read as English unless it is the comma style, and read again
// then. It returns the style told.
func scanQuantities(dst []Quantity, text string, style numberStyle) ([]Quantity, numberStyle) {
	n := len(dst)
	s := scanner{text: text, out: dst, words: quantityWords(), comma: style == styleComma, countStyle: style == styleUndecided}
	s.run()
	if style != styleUndecided {
		return s.out, style
	}
	switch {
	case s.commaFigures > 2*s.englishFigures:
		s = scanner{text: text, out: s.out[:n], words: s.words, comma: true}
		s.run()
		return s.out, styleComma
	case s.englishFigures > 2*s.commaFigures:
		return s.out, styleEnglish
	}
	return s.out, styleUndecided
}

// countSeparator counts the figure whose digits start at i for the style
// it tells, if it tells one (see scanQuantities).
func (s *scanner) countSeparator(i int) {
	t := s.text
	k := i
	for k < len(t) && isDigit(t[k]) {
		k++
	}
	if k+1 >= len(t) || t[k] != ',' && t[k] != '.' || !isDigit(t[k+1]) {
		return
	}
	if _, comma, ok := separatorStyle(t, k); ok {
		if comma {
			s.commaFigures++
		} else {
			s.englishFigures++
		}
	}
}

// separatorStyle reads the figure whose separator, a comma or a point
// between digits, is at i. It returns the end of the digits after it and,
// with ok, whether only the comma style reads the figure (comma) or only
// the English one.
func separatorStyle(text string, i int) (end int, comma, ok bool) {
	c := text[i]
	// the integer digits before, the digits after
	s := i - 1
	for s > 0 && isDigit(text[s-1]) {
		s--
	}
	e := i + 1
	for e < len(text) && isDigit(text[e]) {
		e++
	}
	if s > 0 && (text[s-1] == '[' || text[s-1] == ',' || text[s-1] == '.' || isLetter(text[s-1])) {
		return e, false, false // a list, a second group (counted at the first), an identifier
	}
	next := byte(0)
	if e < len(text) {
		next = text[e]
	}
	if next == ']' || isLetter(next) {
		return e, false, false
	}
	intDigits, fracDigits := i-s, e-i-1
	switch {
	case fracDigits == 3 && (next == ',' || next == '.') && e+1 < len(text) && isDigit(text[e+1]):
		// "1,500,000", "1,234.5", "1.500.000", "1.234,5"
		return e, c == '.', true
	case fracDigits <= 2 && next != ',' && next != '.' && intDigits <= 3:
		// "2.5", "2,5"
		return e, c == ',', true
	}
	return e, false, false
}
