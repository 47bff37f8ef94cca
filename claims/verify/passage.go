package verify

import (
	"unicode"
	"unicode/utf8"
)

// Sentences and words of a source, with byte spans, for ranking passages.

// maxSentence bounds a sentence in bytes: a page's text without full
// stops (a list, a table flattened) is cut at a space past this length so
// that one passage never stands for a whole page.
const maxSentence = 600

// splitSentences returns the spans of the sentences of text: a line break
// ends one, and so does '.', '!' or '?' (after any closing quotes or
// brackets) when a space and then a capital, a digit or an opening quote
// follow, unless the full stop ends a known abbreviation or an initial.
// Spans exclude surrounding space; empty sentences are dropped.
func splitSentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
			e--
		}
		if e > s {
			out = append(out, Span{Start: s, End: e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			emit(i)
			start = i + 1
			continue
		case c == '.' || c == '!' || c == '?':
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
				break
			}
			if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
				break
			}
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k >= len(text) {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[') {
				break
			}
			if c == '.' && abbreviation(text, i) {
				break
			}
			emit(j)
			start = j
			i = j - 1
			continue
		}
		if i-start >= maxSentence && (c == ' ' || c == '\t') {
			emit(i)
			start = i + 1
		}
	}
	emit(len(text))
	return out
}

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
func tokenize(dst []token, text string) []token {
	var buf [64]byte
	for i := 0; i < len(text); {
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
		start := i
		b := buf[:0]
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
		var h4 uint64
		if len(b) >= 4 && !isDigit(b[0]) {
			h4 = hashBytes(b[:4])
		}
		flags := wordFlagsOf(string(b))
		var dir int8
		switch {
		case flags&flagUp != 0:
			dir = 1
		case flags&flagDown != 0:
			dir = -1
		}
		w := stem(b)
		if c := canonical(string(w)); c != "" {
			w = append(w[:0], c...)
			h4 = 0
			if len(w) >= 4 {
				h4 = hashBytes(w[:4])
			}
		}
		dst = append(dst, token{h: hashBytes(w), h4: h4, start: start, end: i, stop: flags&flagStop != 0, neg: flags&flagNeg != 0,
			conj: flags&flagConj != 0, upper: upper, dir: dir, absolute: flags&flagAbsolute != 0})
	}
	return dst
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

// wordFlagsOf returns the flags of a word (lowercased): one search of
// one switch a word, rather than a search of each list or a map lookup.
func wordFlagsOf(w string) wordFlags {
	switch w {
	case "a", "an", "the", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was",
		"are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "it", "its", "this",
		"that", "these", "those", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your",
		"i", "me", "my", "which", "who", "whom", "what", "when", "where", "also", "than", "then", "there", "into",
		"about", "after", "before", "over", "under", "such", "so", "can", "could", "would", "should", "will",
		"may", "might", "must", "shall", "if", "both", "each", "other", "some", "most", "any", "up", "out", "one",
		"same", "through", "during", "between", "until", "since", "upon", "him", "us", "well", "very", "just",
		"own", "whose", "because", "it's", "s", "said", "says", "say", "new", "first", "later", "including",
		"according", "became", "become":
		// function words
		return flagStop
	case "and", "but", "while":
		// function words and conjunctions that start a clause
		return flagStop | flagConj
	case "more":
		// function words and words of increase
		return flagStop | flagUp
	case "all", "only":
		// function words and words that admit no exception
		return flagStop | flagAbsolute
	case "not", "no", "nor", "neither", "nobody", "nothing", "without", "cannot", "isn't", "wasn't", "aren't",
		"weren't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "hasn't",
		"haven't", "hadn't", "fail", "fails", "failed", "denied", "denies", "deny", "refused", "rejected", "false",
		"unable", "lack", "lacks":
		// negations
		return flagNeg
	case "never", "none":
		// negations and words that admit no exception
		return flagNeg | flagAbsolute
	case "whereas":
		// conjunctions that start a clause
		return flagConj
	case "increase", "increases", "increased", "increasing", "rise", "rises", "rose", "risen", "rising", "higher",
		"highest", "greater", "greatest", "larger", "largest", "raise", "raises", "raised", "boost", "boosts",
		"boosted", "grow", "grows", "grew", "growing", "elevated", "exceed", "exceeds", "improve", "improves",
		"improved", "worsen", "worsens", "worsened", "worse", "enhance", "enhanced", "enhances", "double",
		"doubled", "triple", "tripled", "faster", "longer", "stronger", "accelerate", "accelerated", "surge",
		"surged":
		// words of increase
		return flagUp
	case "decrease", "decreases", "decreased", "decreasing", "reduce", "reduces", "reduced", "reducing",
		"reduction", "lower", "lowers", "lowered", "lowest", "less", "least", "fewer", "smaller", "smallest",
		"decline", "declines", "declined", "fall", "falls", "fell", "fallen", "drop", "drops", "dropped",
		"diminish", "diminished", "cut", "cuts", "shrink", "shrank", "slower", "shorter", "weaker", "prevent",
		"prevents", "prevented", "protect", "protects", "protective", "inhibit", "inhibits", "inhibited", "block",
		"blocks", "blocked", "slow", "slows", "slowed":
		// words of decrease
		return flagDown
	case "always", "every", "everyone", "completely", "entirely", "totally", "perfectly", "fully", "100",
		"guaranteed", "certainly", "definitely", "proven", "proves", "prove", "cure", "cures", "cured",
		"eliminate", "eliminates", "impossible", "immune", "solely", "exclusively":
		// words that admit no exception
		return flagAbsolute
	}
	return 0
}

// canonical returns the one form of a stemmed word that has others,
// irregular or synonymous, or "": "children" is "child", "died" and
// "deaths" are "die", "COVID" and "SARS-CoV" are "coronavirus".
func canonical(w string) string {
	switch w {
	case "children", "kid":
		return "child"
	case "peopl", "person":
		return "peopl"
	case "women":
		return "woman"
	case "men":
		return "man"
	case "died", "die", "death", "dead", "deadly":
		return "die"
	case "covid", "cov", "coronavi", "ncov":
		return "coronavi"
	case "mic":
		return "mous"
	}
	return ""
}
