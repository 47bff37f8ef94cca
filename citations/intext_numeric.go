package citations

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// maxBracket is the longest bracket, in bytes, read as a numeric group.
const maxBracket = 160

// maxRange is the most numbers a range such as "[4–6]" may expand to;
// longer ranges are not read as citations.
const maxRange = 50

// numRange is one number or range of a numeric group.
type numRange struct {
	lo, hi     int
	start, end int    // the item's text
	loc        string // a pinpoint written after it: "p88" in "3(p88)"
}

// parseNumberList reads a list of citation numbers and ranges, such as
// "1, 3–5, 8", none above maxNumber, from s[start:end]. It accepts a
// trailing locator ("[3, p. 12]", "[11, Ch. 4]") and returns it, a
// pinpoint in parentheses after a number ("3(p88)", "10(pp128-130)",
// AMA's), kept with its item, and "see" or "see also" before a number
// ("5,see also 4").
func parseNumberList(s string, start, end int, dst []numRange, maxNumber int) (items []numRange, loc string, ok bool) {
	p := numberParser{s: s, i: start, end: end, max: maxNumber}
	items = dst[:0]
	for {
		p.skipSpace()
		if len(items) > 0 && p.i < p.end && !isDigitByte(s[p.i]) && !p.cue() { // "p. 12", "Ch. 4"
			loc, k, ok := numberLocator(s, p.i, end)
			if !ok {
				return nil, "", false
			}
			p.i = k
			p.skipSpace()
			if p.i != end {
				return nil, "", false
			}
			return items, loc, true
		}
		p.skipCue()
		it, ok := p.item()
		if !ok {
			return nil, "", false
		}
		items = append(items, it)
		p.skipSpace()
		if p.i == end {
			return items, "", true
		}
		if s[p.i] != ',' && s[p.i] != ';' {
			return nil, "", false
		}
		p.i++
	}
}

// numberParser reads a numeric group, s[i:end], from left to right.
type numberParser struct {
	s      string
	i, end int
	max    int // the largest number read
}

// skipSpace passes spaces, tabs, no-break spaces and line breaks (a
// group in parentheses may wrap; brackets never hold one).
func (p *numberParser) skipSpace() {
	for p.i < p.end && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == 0xC2 && p.i+1 < p.end && p.s[p.i+1] == 0xA0) {
		if p.s[p.i] == 0xC2 {
			p.i++
		}
		p.i++
	}
}

// number reads a number of up to five digits at p.i, without moving.
func (p *numberParser) number() (n, next int, ok bool) {
	j := p.i
	for j < p.end && isDigitByte(p.s[j]) && j-p.i < 5 {
		j++
	}
	if j == p.i || j < p.end && isDigitByte(p.s[j]) {
		return 0, p.i, false
	}
	n, _ = strconv.Atoi(p.s[p.i:j])
	return n, j, true
}

// item reads one number or range, with a pinpoint in parentheses after
// it.
func (p *numberParser) item() (numRange, bool) {
	from := p.i
	lo, j, ok := p.number()
	if !ok || lo < 1 || lo > p.max {
		return numRange{}, false
	}
	p.i = j
	it := numRange{lo: lo, hi: lo, start: from, end: j}
	p.skipSpace()
	if r, n := utf8.DecodeRuneInString(p.s[p.i:p.end]); p.i < p.end && isRangeDash(r) {
		p.i += n
		p.skipSpace()
		h, j, ok := p.number()
		if !ok || h <= lo || h > p.max || h-lo >= maxRange {
			return numRange{}, false
		}
		it.hi, it.end = h, j
	}
	p.i = it.end
	if p.i < p.end && p.s[p.i] == '(' { // "3(p88)", "11(chap4)"
		c := strings.IndexByte(p.s[p.i:p.end], ')')
		if c < 0 {
			return numRange{}, false
		}
		loc, k, ok := numberLocator(p.s, p.i+1, p.i+c)
		if !ok || k != p.i+c {
			return numRange{}, false
		}
		it.loc, p.i = loc, p.i+c+1
	}
	return it, true
}

// cue reports whether "see" or "cf." stands at p.i.
func (p *numberParser) cue() bool { return cueLen(p.s[p.i:p.end]) > 0 }

// skipCue passes "see", "see also" or "cf." and the space after it; a
// line may break between "see" and "also".
func (p *numberParser) skipCue() {
	n := cueLen(p.s[p.i:p.end])
	if n == 0 {
		return
	}
	p.i += n
	p.skipSpace()
	if rest := p.s[p.i:p.end]; len(rest) > 4 && strings.EqualFold(rest[:4], "also") && (rest[4] == ' ' || rest[4] == '\n' || isDigitByte(rest[4])) {
		p.i += 4
		p.skipSpace()
	}
}

// cueLen returns the length of a cue opening s and followed by a space, a
// line break or a digit: "see" or "cf.", in any case.
func cueLen(s string) int {
	if len(s) < 4 || s[0]|0x20 != 's' && s[0]|0x20 != 'c' {
		return 0
	}
	for _, c := range []string{"see", "cf."} {
		if len(s) > len(c) && strings.EqualFold(s[:len(c)], c) && (s[len(c)] == ' ' || s[len(c)] == '\n' || isDigitByte(s[len(c)])) {
			return len(c)
		}
	}
	return 0
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// numberLocator reads a pinpoint after the numbers of a group at
// s[i:end]: "p. 12", "pp. 12–14" (the pages alone), "Ch. 4", "Sec. IV",
// "§ 3" (with their word), with one of the words of locatorWords. It
// returns the locator and where it ends.
func numberLocator(s string, i, end int) (loc string, next int, ok bool) {
	from := i
	pages := false
	if strings.HasPrefix(s[i:end], "§") {
		i += len("§")
	} else {
		j := i
		for j < end && j-i < 8 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j < end && s[j] == '.' {
			j++
		}
		w := s[i:j]
		if w == "" || !locatorWords[strings.ToLower(w)] {
			return "", i, false
		}
		pages = w[0] == 'p' || w[0] == 'P'
		i = j
	}
	for i < end && s[i] == ' ' {
		i++
	}
	v := i
	i = pinpointEnd(s, i, end)
	if i == v {
		return "", i, false
	}
	if r, n := utf8.DecodeRuneInString(s[i:end]); i < end && (isRangeDash(r) || r == '-') {
		if k := pinpointEnd(s, i+n, end); k > i+n {
			i = k
		}
	}
	if pages {
		from = v
	}
	return s[from:i], i, true
}

// pinpointEnd returns where a page, chapter or section number at s[i:end]
// ends: digits with dots ("3.2"), or a roman numeral ("iv", "IV"), with
// one letter after digits ("12a"); i when there is none.
func pinpointEnd(s string, i, end int) int {
	j := i
	for j < end && j-i < 8 && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j > i && j+1 < end && s[j+1] >= '0' && s[j+1] <= '9') {
		j++
	}
	if j > i {
		if j < end && (s[j] >= 'a' && s[j] <= 'z') && (j+1 == end || !isLetterByte(s[j+1])) {
			j++
		}
		return j
	}
	for j < end && j-i < 8 && strings.IndexByte("ivxlcIVXLC", s[j]) >= 0 {
		j++
	}
	if j < end && isLetterByte(s[j]) {
		return i
	}
	return j
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// bracket reads s[open:close+1] as a numeric group such as "[3]", "[2, 3]"
// or "[4–6]", and "[5]–[9]" as the range 5 to 9. It returns where scanning
// should continue.
func (sc *citeScanner) bracket(open, close int) int {
	s := sc.s
	if open > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:open])
		if unicode.IsDigit(r) || r == '_' || unicode.IsLetter(r) && !sc.gluedMarker(open) {
			return open + 1 // an index: x[3]
		}
	}
	var buf [8]numRange
	items, loc, ok := parseNumberList(s, open+1, close, buf[:], sc.maxNumber)
	if !ok || len(items) == 0 {
		// author-year in brackets, as inside parentheses: "(e.g., enamel
		// [Spalding et al., 2005])"
		if mayHoldYear(s[open+1 : close]) {
			if toks, done := scanTokens(sc.toks[:0], s, open+1, close); done && len(toks) > 0 {
				sc.toks = toks
				sc.group(open, close, toks)
			}
		}
		return open + 1
	}
	group := sources.Span{Start: open, End: close + 1}
	next := close + 1
	// "[5]–[9]": a range written across two brackets
	if len(items) == 1 && items[0].lo == items[0].hi && loc == "" {
		j := close + 1
		if r, n := utf8.DecodeRuneInString(s[j:]); j < len(s) && isRangeDash(r) && j+n < len(s) && s[j+n] == '[' {
			o := j + n
			if c := indexByteWithin(s, o+1, ']', 8); c > 0 {
				it2, loc2, ok := parseNumberList(s, o+1, c, buf[1:1], sc.maxNumber)
				if ok && loc2 == "" && len(it2) == 1 && it2[0].lo == it2[0].hi {
					lo, hi := items[0].lo, it2[0].lo
					if hi > lo && hi-lo < maxRange {
						group.End = c + 1
						items = []numRange{{lo: lo, hi: hi, start: open, end: c + 1}}
						next = c + 1
					}
				}
			}
		}
	}
	sc.emitNumbers(items, group, loc)
	return next
}

// gluedMarker reports whether the bracket at s[open] is a note's marker
// glued to the name before it, as pandoc writes a note in plain text
// after an author it names in the sentence: "Müller[2] measured". Only
// where the lists have entries labelled in brackets (bracketNotes), and
// only after a capitalised word of three or more letters, which an
// index ("x[3]", "data[2]") seldom is.
func (sc *citeScanner) gluedMarker(open int) bool {
	if !sc.bracketNotes || !attachedMarker(sc.s, open) {
		return false
	}
	i := open
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(sc.s[:i])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		i -= n
	}
	r, _ := utf8.DecodeRuneInString(sc.s[i:])
	return unicode.IsUpper(r)
}

// bracketLabelled reports whether an entry of lists is labelled in
// brackets: "[2] “Tidal Drains Under Pressure.”"
func bracketLabelled(lists []ReferenceList) bool {
	for _, l := range lists {
		for _, e := range l.Entries {
			if e.Label != "" && strings.HasPrefix(e.Text, "["+e.Label+"]") {
				return true
			}
		}
	}
	return false
}

// emitNumbers appends one numeric citation per number of items, stopping
// once it has one more than sc.limit.
func (sc *citeScanner) emitNumbers(items []numRange, group sources.Span, loc string) {
	for _, it := range items {
		for n := it.lo; n <= it.hi && len(sc.out) <= sc.limit; n++ {
			sc.out = append(sc.out, Citation{Kind: KindNumeric, Group: group, Number: strconv.Itoa(n),
				Span: sources.Span{Start: it.start, End: it.end}, Text: sc.s[it.start:it.end], Locator: it.loc})
		}
	}
	if loc != "" && len(items) > 0 {
		sc.out[len(sc.out)-1].Locator = loc
	}
}

// indexByteWithin returns the index of c in s[from:from+limit], stopping at
// a line break, or -1.
func indexByteWithin(s string, from int, c byte, limit int) int {
	end := min(len(s), from+limit)
	for i := from; i < end; i++ {
		switch s[i] {
		case c:
			return i
		case '\n':
			return -1
		}
	}
	return -1
}

// superDigit returns the value of a Unicode superscript digit at s[i:] and
// its length in bytes.
func superDigit(s string, i int) (int, int) {
	if i+1 < len(s) && s[i] == 0xC2 {
		switch s[i+1] {
		case 0xB9:
			return 1, 2
		case 0xB2:
			return 2, 2
		case 0xB3:
			return 3, 2
		}
		return -1, 0
	}
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x81 {
		switch c := s[i+2]; {
		case c == 0xB0:
			return 0, 3
		case c >= 0xB4 && c <= 0xB9:
			return int(c-0xB4) + 4, 3
		}
	}
	return -1, 0
}

// superscript reads a run of Unicode superscript digits at s[i:] attached
// to a word ("shown¹²", "study²,³", "trials¹⁻³") as numeric citations. It
// returns where scanning should continue.
func (sc *citeScanner) superscript(i int) int {
	s := sc.s
	if _, n := superDigit(s, i); n == 0 {
		return i + 1
	}
	// the most a marker here can be attached; exactly, once its numbers
	// are read
	if !attachedMarker(s, i) && !afterYear(s, i) && !afterShortWord(s, i, false) {
		return skipSuper(s, i)
	}
	var buf [8]numRange
	items := buf[:0]
	j := i
	for {
		from := j
		lo, k := readSuper(s, j)
		if k == j || lo < 1 || lo > sc.maxNumber {
			return skipSuper(s, i)
		}
		j = k
		hi := lo
		if r, n := utf8.DecodeRuneInString(s[j:]); j < len(s) && (r == '⁻' || isRangeDash(r)) {
			if h, k := readSuper(s, j+n); k > j+n {
				if h <= lo || h-lo >= maxRange || h > sc.maxNumber {
					return skipSuper(s, i)
				}
				hi, j = h, k
			}
		}
		items = append(items, numRange{lo: lo, hi: hi, start: from, end: j})
		if j < len(s) && s[j] == ',' {
			if _, n := superDigit(s, j+1); n > 0 {
				j++
				continue
			}
		}
		break
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return j // "x²y": algebra, not a marker
	}
	if !attachedMarker(s, i) && !afterYear(s, i) && !afterShortWord(s, i, exponentLike(items)) {
		return j
	}
	sc.emitNumbers(items, sources.Span{Start: i, End: j}, "")
	return j
}

// numberParen reads the parenthesis s[open:close+1] as a numeric group,
// "(1)", "(1,2)", "(1–4)", "(5,see also 4)", as Vancouver style writes
// its citations, and reports whether it was one. It follows a space or
// opens the text: a number glued to what comes before ("f(1)", an issue
// "2005;(1)") is not a citation, nor one after a word that numbers
// something else ("Eq. (3)", "step (2)"), an enumerator or a statistic.
func (sc *citeScanner) numberParen(open, close int) bool {
	s := sc.s
	if open > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:open]); !unicode.IsSpace(r) {
			return false // "f(1)", an issue "2005;(1)"
		}
		if numberedThingBefore(s, open) {
			return false
		}
	}
	if statisticAfter(s, close+1) || enumerator(s, open, close+1) {
		return false
	}
	var buf [8]numRange
	items, loc, ok := parseNumberList(s, open+1, close, buf[:], sc.maxNumber)
	if !ok || len(items) == 0 {
		return false
	}
	sc.emitNumbers(items, sources.Span{Start: open, End: close + 1}, loc)
	sc.covered = max(sc.covered, close+1)
	return true
}

// statisticAfter reports whether a relation or a unit follows s[i:]
// (past spaces), as after a statistic's degrees of freedom, "t-test (31)
// = 0.75", or a quantity, "(12) %".
func statisticAfter(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == len(s) {
		return false
	}
	if strings.IndexByte("=<>%", s[i]) >= 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '≤' || r == '≥' || r == '±' || r == '×'
}

// enumerator reports whether the number in parentheses s[open:end]
// enumerates the parts of a sentence, "containing: (1) an insert, (2) a
// site", "studies that (1) assess … and (2) identify": a lower-case word
// follows it, and before it stands a colon, a semicolon or a word that
// leads into a list. A citation is followed by punctuation, or opens a
// sentence ("(3) called it").
func enumerator(s string, open, end int) bool {
	if end >= len(s) || s[end] != ' ' || end+1 >= len(s) || s[end+1] < 'a' || s[end+1] > 'z' {
		return false
	}
	j := open
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\n') {
		j--
	}
	if j > 0 && (s[j-1] == ':' || s[j-1] == ';' || s[j-1] == ',') {
		return true
	}
	k := j
	for k > 0 && j-k < 8 && isLetterByte(s[k-1]) {
		k--
	}
	return enumerationLeads[strings.ToLower(s[k:j])]
}

// numberedThingBefore reports whether the word before s[i:] (past spaces)
// names something numbered in parentheses: "Eq. (3)", "Figure (2)",
// "step (1)".
func numberedThingBefore(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\n') && i-j < 3 {
		j--
	}
	k := j
	for k > 0 && j-k < 12 && (isLetterByte(s[k-1]) || s[k-1] == '.') {
		k--
	}
	w := strings.TrimSuffix(strings.ToLower(s[k:j]), ".")
	return numberedThings[w]
}

// caretSuperscript reads a superscript as pandoc writes it in plain text,
// "^(1,2)", "^(3(p88))", "^(5(chap6),see also 4)", at s[i:], as numeric
// citations when it is attached as a Unicode superscript must be. It
// returns where scanning should continue.
func (sc *citeScanner) caretSuperscript(i int) int {
	s := sc.s
	if i == 0 || i+1 >= len(s) || s[i+1] != '(' {
		return i + 1
	}
	c := closingParen(s, i+1, maxBracket)
	if c < 0 {
		return i + 1
	}
	var buf [8]numRange
	items, loc, ok := parseNumberList(s, i+2, c, buf[:], sc.maxNumber)
	if !ok || !attachedMarker(s, i) && !afterYear(s, i) && !afterShortWord(s, i, exponentLike(items)) {
		return i + 1
	}
	sc.emitNumbers(items, sources.Span{Start: i, End: c + 1}, loc)
	return c + 1
}

// closingParen returns the index of the ')' closing the '(' at s[open],
// with parentheses nested inside, looking no further than limit bytes and
// not past a line break; -1 when there is none.
func closingParen(s string, open, limit int) int {
	depth := 0
	for j := open; j < len(s) && j-open <= limit; j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// readSuper reads superscript digits at s[j:] as one number.
func readSuper(s string, j int) (int, int) {
	v, digits := 0, 0
	for digits < 4 {
		d, n := superDigit(s, j)
		if n == 0 {
			break
		}
		v = v*10 + d
		j += n
		digits++
	}
	return v, j
}

func skipSuper(s string, i int) int {
	for {
		_, n := superDigit(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

// attachedMarker reports whether a marker at s[i:] is attached to the word
// before it the way a footnote marker is: after a word of three or more
// letters or after closing punctuation, with no space. Units ("m²", "km²")
// and algebra ("x²") have one or two letters; numbers ("10⁶") a digit.
func attachedMarker(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	switch r {
	case '.', ',', ')', ']', '"', '”', '’', ';', ':', '\'':
		return true
	}
	if !unicode.IsLetter(r) {
		return false
	}
	letters := 0
	for j := i; j > 0 && letters < 3; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) {
			if r == '/' || unicode.IsDigit(r) {
				return false // "m/s²", "5km²"
			}
			break
		}
		letters++
		j -= n
	}
	return letters >= 3
}

// supAttached reports whether a superscript of items at s[i:] can be a
// citation by what it follows: not a number ("10<sup>6</sup>") unless a
// year ("since 2019<sup>6</sup>"), and a word only as a marker is attached
// to it (see attachedMarker) or as afterShortWord allows ("studied
// by<sup>4</sup>", "settle in<sup>3,7</sup>", not "m<sup>2</sup>").
func supAttached(s string, i int, items []numRange) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case unicode.IsDigit(r):
		return afterYear(s, i)
	case unicode.IsLetter(r):
		return attachedMarker(s, i) || afterShortWord(s, i, exponentLike(items))
	}
	return true
}

// afterYear reports whether s[:i] ends with a year standing alone, "since
// 2019": a power of ten or a unit's exponent follows a number that is
// rarely one.
func afterYear(s string, i int) bool {
	if i < 4 || !allDigits(s[i-4:i]) || !plausibleYear(s[i-4:i]) {
		return false
	}
	if i == 4 {
		return true
	}
	c := s[i-5]
	return !isDigitByte(c) && !isLetterByte(c) && c != '.' && c != ','
}

// afterShortWord reports whether s[:i] ends with a word of two letters
// standing alone after which a marker cites: a preposition such as "by"
// ("studied by⁴"), which is no unit, or another word ("in", "mm") when
// the marker is not what a unit's exponent is, a lone number up to 4
// ("settle in³,⁷", not "3 in²" or "300 mm⁴").
func afterShortWord(s string, i int, exponent bool) bool {
	if i < 2 || !isLetterByte(s[i-1]) || !isLetterByte(s[i-2]) || i > 2 && s[i-3] != ' ' && s[i-3] != '\n' {
		return false
	}
	switch string([]byte{s[i-2] | 0x20, s[i-1] | 0x20}) { // lower case
	case "by", "of", "to", "at", "on", "as":
		return true
	}
	return !exponent
}

// exponentLike reports whether a superscript reads as a unit's exponent:
// a lone number up to 4 ("m²", "cm³", "mm⁴").
func exponentLike(items []numRange) bool {
	return len(items) == 1 && items[0].lo == items[0].hi && items[0].lo <= 4
}

// dropParenNumbers returns cits without the numeric citations written in
// parentheses (see Options.ParenNumbers), in place.
func dropParenNumbers(text string, cits []Citation) []Citation {
	out := cits[:0]
	for _, c := range cits {
		if c.Kind == KindNumeric && c.Group.Start < len(text) && text[c.Group.Start] == '(' {
			continue
		}
		out = append(out, c)
	}
	return out
}

// otherNumbering reports whether a document cites by number in another
// way than parentheses: footnotes, superscripts, or numbers in brackets
// that do not open a block (the labels of a list, "[1] Smith …").
func otherNumbering(doc *sources.Document, text, supers, footnotes []Citation) bool {
	if len(footnotes) > 0 || len(supers) > 0 {
		return true
	}
	for _, c := range text {
		if c.Kind != KindNumeric || c.Group.Start >= len(doc.Text) || doc.Text[c.Group.Start] == '(' {
			continue
		}
		if !startsBlock(doc, c.Group.Start) {
			return true
		}
	}
	return false
}
