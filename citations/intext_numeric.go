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
	start, end int // the item's text
}

// parseNumberList reads a list of citation numbers and ranges, such as
// "1, 3–5, 8", none above maxNumber, from s[start:end]. It accepts a
// trailing page locator ("[3, p. 12]") and returns it.
func parseNumberList(s string, start, end int, dst []numRange, maxNumber int) (items []numRange, loc string, ok bool) {
	items = dst[:0]
	i := start
	skip := func() {
		for i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == 0xC2 && i+1 < end && s[i+1] == 0xA0) {
			if s[i] == 0xC2 {
				i++
			}
			i++
		}
	}
	num := func() (int, int, bool) {
		j := i
		for j < end && s[j] >= '0' && s[j] <= '9' && j-i < 5 {
			j++
		}
		if j == i || j < end && s[j] >= '0' && s[j] <= '9' {
			return 0, i, false
		}
		n, _ := strconv.Atoi(s[i:j])
		return n, j, true
	}
	for {
		skip()
		if len(items) > 0 && i < end && !(s[i] >= '0' && s[i] <= '9') { // "p. 12", "Ch. 4"
			loc, k, ok := numberLocator(s, i, end)
			if !ok {
				return nil, "", false
			}
			i = k
			skip()
			if i != end {
				return nil, "", false
			}
			return items, loc, true
		}
		from := i
		lo, j, ok := num()
		if !ok || lo < 1 || lo > maxNumber {
			return nil, "", false
		}
		i = j
		hi := lo
		save := i
		skip()
		if r, n := utf8.DecodeRuneInString(s[i:end]); i < end && isRangeDash(r) {
			i += n
			skip()
			h, j, ok := num()
			if !ok || h <= lo || h > maxNumber || h-lo >= maxRange {
				return nil, "", false
			}
			hi, i, save = h, j, j
		}
		i = save
		items = append(items, numRange{lo: lo, hi: hi, start: from, end: i})
		skip()
		if i == end {
			return items, "", true
		}
		if s[i] != ',' && s[i] != ';' {
			return nil, "", false
		}
		i++
	}
}

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
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
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

// emitNumbers appends one numeric citation per number of items, stopping
// once it has one more than sc.limit.
func (sc *citeScanner) emitNumbers(items []numRange, group sources.Span, loc string) {
	for _, it := range items {
		for n := it.lo; n <= it.hi && len(sc.out) <= sc.limit; n++ {
			sc.out = append(sc.out, Citation{Kind: KindNumeric, Group: group, Number: strconv.Itoa(n),
				Span: sources.Span{Start: it.start, End: it.end}, Text: sc.s[it.start:it.end]})
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
	if !attachedMarker(s, i) {
		return skipSuper(s, i)
	}
	var items []numRange
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
	sc.emitNumbers(items, sources.Span{Start: i, End: j}, "")
	return j
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
