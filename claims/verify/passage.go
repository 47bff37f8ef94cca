package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences and words of a source, with byte spans, for ranking passages.

// maxSentence bounds a sentence in bytes: a page's text without full
// stops (a list, a table flattened) is cut at a space past this length so
// that one passage never stands for a whole page.
const maxSentence = 600

// abbreviation reports whether the full stop at i ends an initial ("J.")
// or a common abbreviation ("Mr.", "St.", "U.S.").
func abbreviation(text string, i int) bool {
	ws := i
	for ws > 0 && (isLetter(text[ws-1]) || text[ws-1] == '.') {
		ws--
	}
	w := text[ws:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
		"Rev", "Hon", "No", "Vol", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "approx", "e.g", "i.e", "U.S", "U.K", "U.N",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Fig", "al":
		return true
	}
	return false
}

// token is a word of a text, lowercased, stemmed and hashed.
type token struct {
	h          uint64
	h4         uint64 // hash of the word's first four bytes lowercased, 0 when shorter or a figure
	start, end int
	stop       bool // a function word
	neg        bool // a negation
	conj       bool // a conjunction that starts a clause
	upper      bool // written with a capital initial
	dir        int8 // +1 a word of increase ("rise", "higher"), -1 of decrease ("reduce", "lower")
	absolute   bool // a word that admits no exception ("all", "only", "never")
}

// tokenize appends the words of text to dst: runs of letters and digits
// (with apostrophes inside, and points and commas inside figures).
func tokenize(dst []token, text string) []token { return tokenizeWith(dst, text, false) }

// tokenizeWith is tokenize, by the general path alone when general is set
// (see wordScanner.general).
func tokenizeWith(dst []token, text string, general bool) []token {
	t := tables()
	sc := wordScanner{general: general}
	sc.reset(text)
	for sc.next() {
		dst = append(dst, token{start: sc.start, end: sc.end, upper: sc.upper})
		setHashedWord(&dst[len(dst)-1], t, sc.lowered(), sc.h, sc.h4)
	}
	return dst
}

// wordScanner finds the words of a text one after another, as tokenize
// reads them.
type wordScanner struct {
	text string
	i    int // where the next word is looked for
	// the word found: text[start:end], lowered (see lowered), with
	// hashWord's hashes of it
	start, end int
	n          int    // its length lowered, when it is in buf
	long       []byte // it lowered, when longer than buf
	upper      bool   // its initial is a capital
	h, h4      uint64
	buf        [64]byte
	// general turns the fast path for ASCII words off, so that tests can
	// hold the two paths to the same words
	general bool
	// flags and stops are the tables appendWordKeys reads, looked up by
	// its first call rather than by every call, one a sentence
	flags *flagTable
	stops *stopShort
}

// lowered returns the word found, lowered; it is valid until next.
func (sc *wordScanner) lowered() []byte {
	if sc.long != nil {
		return sc.long
	}
	return sc.buf[:sc.n]
}

// reset makes sc read text from its start.
func (sc *wordScanner) reset(text string) {
	sc.text, sc.i = text, 0
}

// next finds the next word, reporting false at the end of the text.
func (sc *wordScanner) next() bool {
	text := sc.text
	i := sc.i
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) && !isDigit(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		if isLetter(c) && !sc.general {
			// Most words are ASCII letters only, ended by a space or a
			// stop: lowered and hashed in one pass.
			seg := text[i:min(len(text), i+len(sc.buf))]
			low := sc.buf[:len(seg)]
			h := uint64(fnvOffset)
			n := 0
			for ; n < len(seg); n++ {
				c := seg[n] | 0x20
				if c-'a' > 'z'-'a' {
					break
				}
				low[n] = c
				h = (h ^ uint64(c)) * fnvPrime
			}
			j := i + n
			if j == len(text) || n < len(sc.buf) && endsLetters(text, j) {
				sc.h4 = 0
				if n >= 4 {
					sc.h4 = hashBytes(low[:4])
				}
				sc.start, sc.end, sc.i = i, j, j
				sc.n, sc.long, sc.upper, sc.h = n, nil, c <= 'Z', h
				return true
			}
		}
		start := i
		b := sc.buf[:0]
		upper := false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case isLetter(c):
					if i == start && c <= 'Z' {
						upper = true
					}
					b = append(b, c|0x20)
				case isDigit(c):
					b = append(b, c)
				case (c == '.' || c == ',') && i > start && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]):
					if c == '.' {
						b = append(b, c)
					}
				case c == '\'' && i > start && i+1 < len(text) && isLetter(text[i+1]):
					b = append(b, c)
				default:
					goto done
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if i == start && unicode.IsUpper(r) {
					upper = true
				}
				b = utf8.AppendRune(b, unicode.ToLower(r))
			case r == '’' && i > start && nextIsLetter(text, i+n):
				b = append(b, '\'')
			default:
				goto done
			}
			i += n
		}
	done:
		sc.start, sc.end, sc.i = start, i, i
		sc.upper = upper
		sc.h, sc.h4 = hashWord(b)
		if cap(b) == len(sc.buf) {
			sc.n, sc.long = len(b), nil
		} else {
			// grown past buf: copied, so that sc never points into itself
			sc.long = append(sc.long[:0:0], b...)
		}
		return true
	}
	sc.i = i
	return false
}

// endsLetters reports whether the byte at j of text ends a word of ASCII
// letters: an ASCII byte that is not a letter, a digit, or an apostrophe
// before a letter.
func endsLetters(text string, j int) bool {
	c := text[j]
	return c < utf8.RuneSelf && !isDigit(c) && !(c == '\'' && j+1 < len(text) && isLetter(text[j+1]))
}

// wordInfo is what tokenize learns of a word: the hashes of its stem (or
// of its other form) and its flags.
type wordInfo struct {
	h, h4 uint64 // as token's
	flags wordFlags
}

// info returns what t tells of the word b (lowered; stem may change its
// bytes), whose hashWord hashes are h and h4.
func (t *wordTables) info(b []byte, h, h4 uint64) wordInfo {
	flags := t.flagsOf(b, h) // before stemmed changes b
	h, h4 = t.stemmed(b, h, h4)
	return wordInfo{h: h, h4: h4, flags: flags}
}

// flagsOf returns the flags of the word b (lowered), whose hashWord hash
// is h.
func (t *wordTables) flagsOf(b []byte, h uint64) wordFlags {
	if e := t.flags.find(b, h); e != nil {
		return e.flags
	}
	return 0
}

// stemmed returns the hashes of the stem of the word b (lowered; stem may
// change its bytes), or of its other form, from b's hashWord hashes h and
// h4: the h and h4 of wordInfo.
func (t *wordTables) stemmed(b []byte, h, h4 uint64) (uint64, uint64) {
	if w := stem(b); len(w) != len(b) {
		// (stem only ever shortens a word)
		h = hashBytes(w)
		b = w
	}
	if e := t.canonical.find(b, h); e != nil {
		h, h4 = e.canonH, e.canonH4
	}
	return h, h4
}

// setHashedWord sets what tk records of its word b, lowered, whose
// hashWord hashes are h and h4.
func setHashedWord(tk *token, t *wordTables, b []byte, h, h4 uint64) {
	wi := t.info(b, h, h4)
	flags := wi.flags
	tk.h, tk.h4 = wi.h, wi.h4
	tk.stop, tk.neg, tk.conj, tk.absolute = flags&flagStop != 0, flags&flagNeg != 0, flags&flagConj != 0, flags&flagAbsolute != 0
	switch {
	case flags&flagUp != 0:
		tk.dir = 1
	case flags&flagDown != 0:
		tk.dir = -1
	}
}

// hashWord returns hashBytes of b and of its first four bytes (0 when b
// is shorter or a figure).
func hashWord(b []byte) (h, h4 uint64) {
	h = fnvOffset
	for i, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
		if i == 3 && !isDigit(b[0]) {
			h4 = h
		}
	}
	return h, h4
}

// stem strips a possessive and the common English inflections, so that
// "councils", "council's" and "council" are one word, as are "elected"
// and "elect". It is deliberately crude: the same for claim and source.
func stem(w []byte) []byte {
	n := len(w)
	if n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	} else if n > 1 && w[n-1] == '\'' {
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 4 && string(w[n-3:]) == "ies":
		w = append(w[:n-3], 'y')
	case n > 5 && string(w[n-3:]) == "ing":
		w = w[:n-3]
	case n > 4 && string(w[n-2:]) == "ed":
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if len(w) > 8 {
		w = w[:8]
	}
	return w
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// wordFlags are what tokenize notes of a word besides its hash.
type wordFlags uint8

const (
	flagStop wordFlags = 1 << iota // a function word
	flagNeg                        // a negation
	flagConj                       // a conjunction that starts a clause
	flagUp                         // says that something grows: "increases the risk"
	flagDown                       // says that something shrinks: "decreases the risk"
	// admits no exception: a claim that says "only" or "all" where its
	// source hedges is refuted by it
	flagAbsolute
)

// sentenceBytes has bit c set for each byte c that may end a sentence
// (see sentenceSplit): a line break, a full stop, an exclamation or a
// question mark, and a space or a tab, where one grown past maxSentence
// is cut.
const sentenceBytes uint64 = 1<<'\n' | 1<<'.' | 1<<'!' | 1<<'?' | 1<<' ' | 1<<'\t'

// sentenceSplit splits a text into sentences as readWordKeys reads it,
// and keeps where each sentence's words' keys end and how many of its
// words are not function words (see Prepared). A line break ends a
// sentence, and so does '.', '!' or '?' (after any closing quotes or
// brackets, and note markers such as "[55]") when a space and then a
// capital, a digit or an opening quote follow, unless the full stop ends a
// known abbreviation or an initial; a sentence grown past maxSentence
// ends at a space. Spans exclude surrounding space; empty sentences are
// dropped. A sentence ends at a space, a tab or a line break, where no
// word does, so that every word is one sentence's.
type sentenceSplit struct {
	text      string
	sents     []Span
	sentWords []int // sentWords[i+1]: the keys up to the end of sentence i
	lens      []int
	total     int
	start     int // where the sentence being read starts, spaces included
	cutAt     int // where a space cuts it: start+maxSentence
}

// reset makes s split text, its sentences appended to sents and what it
// keeps of them to sentWords and lens.
func (s *sentenceSplit) reset(text string, sents []Span, sentWords, lens []int) {
	*s = sentenceSplit{text: text, sents: sents, sentWords: append(sentWords, 0), lens: lens, cutAt: maxSentence}
}

// emit ends the sentence being read at end, after keys keys of which
// content are of words that are not function words: spaces around it
// left out, and no sentence when nothing is left (nor any word).
func (s *sentenceSplit) emit(end, keys, content int) {
	text := s.text
	st, e := s.start, end
	for st < e && (text[st] == ' ' || text[st] == '\t' || text[st] == '\r' || text[st] == '\n') {
		st++
	}
	for e > st && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
		e--
	}
	if e > st {
		s.sents = append(s.sents, Span{Start: st, End: e})
		s.sentWords = append(s.sentWords, keys)
		s.lens = append(s.lens, content)
		s.total += content
	}
}

// cut ends the sentence being read at the space or tab at i, past
// maxSentence, and returns the content words and cutAt of the next.
func (s *sentenceSplit) cut(i, keys, content int) (int, int) {
	s.emit(i, keys, content)
	s.start = i + 1
	s.cutAt = s.start + maxSentence
	return 0, s.cutAt
}

// finish ends the last sentence at the end of the text.
func (s *sentenceSplit) finish(keys, content int) {
	s.emit(len(s.text), keys, content)
}

// end reads the line break, the full stop, the exclamation or the
// question mark at i, which ends the sentence being read when
// sentenceSplit says so, and returns where reading goes on with what
// readWordKeys keeps. The words of a note marker after a full stop
// ("self-governing status.[55] In 1947") are the sentence's, read here.
func (s *sentenceSplit) end(sc *wordScanner, i int, keys []uint32, content int) (int, []uint32, int, int) {
	text := s.text
	c := text[i]
	if c == '\n' {
		s.emit(i, len(keys), content)
		s.start = i + 1
		s.cutAt = s.start + maxSentence
		return i + 1, keys, 0, s.cutAt
	}
	j := i + 1
	for j < len(text) {
		if text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']' {
			j++
			continue
		}
		if r, n := utf8.DecodeRuneInString(text[j:]); r == '”' || r == '’' || r == '»' {
			j += n
			continue
		}
		if text[j] == '[' {
			if end := strings.IndexByte(text[j:min(len(text), j+maxNoteMarker)], ']'); end > 0 && noteMarker(text[j+1:j+end]) {
				j += end + 1
				continue
			}
		}
		break
	}
	if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
		return i + 1, keys, content, s.cutAt
	}
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) {
		return i + 1, keys, content, s.cutAt
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[') {
		return i + 1, keys, content, s.cutAt
	}
	if c == '.' && abbreviation(text, i) {
		return i + 1, keys, content, s.cutAt
	}
	for q := i + 1; q < j; {
		// the closing marks and note markers up to j
		end, k, c, ok := sc.keyAt(text[:j], q)
		if ok {
			keys = append(keys, k)
			content += c
		}
		q = end
	}
	s.emit(j, len(keys), content)
	s.start = j
	s.cutAt = j + maxSentence
	return j, keys, 0, s.cutAt
}
