package claims

import (
	"math/bits"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// Kind is a type of factual content a claim carries.
type Kind string

// The kinds of claim, in the order Claim.Kinds lists them.
const (
	// KindStatistic: numbers, percentages, money, quantities.
	KindStatistic Kind = "statistic"
	// KindComparison: more or less than, records, rises and falls.
	KindComparison Kind = "comparison"
	// KindTemporal: an event with a date.
	KindTemporal Kind = "temporal"
	// KindCausal: caused, led to, because of, linked to.
	KindCausal Kind = "causal"
	// KindQuote: a direct quotation.
	KindQuote Kind = "quote"
	// KindAttribution: a named source ("according to X", "X said").
	KindAttribution Kind = "attribution"
	// KindPrediction: a statement about what will happen.
	KindPrediction Kind = "prediction"
)

// allKinds lists the kinds in bit order.
var allKinds = [...]Kind{KindStatistic, KindComparison, KindTemporal, KindCausal, KindQuote, KindAttribution, KindPrediction}

// Signal bits. The first seven mirror allKinds; the rest mark sentences that
// are rarely claims.
const (
	sigStatistic = 1 << iota
	sigComparison
	sigTemporal
	sigCausal
	sigQuote
	sigAttribution
	sigPrediction
	sigQuestion
	sigHypothetical
	sigExhortation
	sigOpinion
	sigFirstPerson
	sigFirstSingular
	sigNoStop // no terminal punctuation: headings, list labels, navigation
	sigShort
	sigLong
	sigNavigation
	sigCitation // a parenthetical or bracketed citation marker
	sigManyNumbers
	sigProperNoun
	numSignals = iota
)

const kindMask = 1<<len(allKinds) - 1

// signalMask covers the signal bits, which are features of the model.
const signalMask = 1<<numSignals - 1

// flagNormative marks a sentence that states a requirement in the
// capitalised key words of RFC 2119 ("Clients SHOULD retry…"): a rule
// the document sets, not a claim. It is a flag for capNonClaim, set in
// analyze's pass over the words, and never a feature of the model.
const flagNormative = 1 << 31

// The signals must leave bit 31 to flagNormative: this fails to compile
// when they do not.
const _ = uint(31 - numSignals)

// kindsOf lists the kinds set in bits.
func kindsOf(bits uint32) []Kind {
	if bits&kindMask == 0 {
		return nil
	}
	out := make([]Kind, 0, 3)
	for i, k := range allKinds {
		if bits&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// carveKinds returns the kinds set in sig, as kindsOf does but never nil,
// in a slice carved from buf (with no room to grow into its neighbours),
// and what is left of buf. One allocation serves the kinds of many
// sentences.
func carveKinds(buf []Kind, sig uint32) (kinds, rest []Kind) {
	n := bits.OnesCount32(sig & kindMask)
	if n == 0 {
		return []Kind{}, buf
	}
	if cap(buf)-len(buf) < n {
		buf = make([]Kind, 0, max(4*len(allKinds), n))
	}
	start := len(buf)
	for i, k := range allKinds {
		if sig&(1<<i) != 0 {
			buf = append(buf, k)
		}
	}
	return buf[start:len(buf):len(buf)], buf
}

// Attribution is a named source a sentence attributes its content to.
type Attribution struct {
	// Name is the source as written: "the Ponemon Institute" gives
	// "Ponemon Institute".
	Name string `json:"name"`
	// Span covers the name in Document.Text (or in the sentence, for
	// FindAttributions).
	Span sources.Span `json:"span"`
}

// analyze computes the signal bits of sentence s with tokens toks.
func analyze(s string, toks []token) uint32 {
	var bits uint32
	words, numbers, proper := 0, 0, 0
	first := -1
	quoteOpen, quoteWords, inQuote := false, 0, 0
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tokNumber:
			numbers++
			switch t.norm {
			case "<year>", "<decade>":
				bits |= sigTemporal
				if i > 0 && toks[i-1].norm == "since" && i > 1 && isComparative(toks[i-2].norm) {
					bits |= sigComparison
				}
			default:
				if i > 0 && isMonth(toks[i-1].norm) || i+1 < len(toks) && isMonth(toks[i+1].norm) {
					bits |= sigTemporal // "October 15", "3 May"
					break
				}
				bits |= sigStatistic
			}
			continue
		case tokPunct:
			if t.norm == `"` {
				if quoteOpen {
					if inQuote >= 3 {
						quoteWords += inQuote
					}
					inQuote = 0
				}
				quoteOpen = !quoteOpen
			}
			if t.norm == "$" && i+1 < len(toks) && toks[i+1].kind == tokNumber {
				bits |= sigStatistic
			}
			if t.norm == "%" {
				bits |= sigStatistic
			}
			continue
		}
		words++
		if quoteOpen {
			inQuote++
		}
		if first < 0 {
			first = i
		} else if t.upper {
			proper++
		}
		w := t.norm
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].norm
		}
		prev := ""
		if i > 0 {
			prev = toks[i-1].norm
		}
		switch w {
		case "million", "billion", "trillion", "thousand", "thousands", "hundred", "hundreds", "percent",
			"dozen", "dozens", "twice", "doubled", "tripled", "quadrupled", "halved", "majority", "minority",
			"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
			"fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
			"half", "quarter", "average", "median", "rate", "per", "tons", "miles", "kilometres", "kilometers":
			bits |= sigStatistic
		case "shall", "required", "recommended":
			if allCaps(s, t) {
				bits |= flagNormative
			}
		case "than":
			if isComparative(prev) {
				bits |= sigComparison
			}
		case "most", "least", "highest", "lowest", "largest", "biggest", "smallest", "fastest", "slowest",
			"worst", "record", "compared", "versus", "vs", "outpaced", "surpassed", "exceeded", "rose",
			"fell", "increased", "decreased", "grew", "declined", "dropped", "surged", "plunged", "jumped",
			"climbed", "soared", "doubling", "increase", "decrease", "decline", "rise", "drop", "fewest",
			"greatest", "longest", "shortest", "oldest", "youngest", "richest", "poorest":
			bits |= sigComparison
		case "january", "february", "april", "june", "july", "august", "september", "october",
			"november", "december", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "ago", "earlier", "century", "decade", "decades", "recently":
			bits |= sigTemporal
		case "janvier", "février", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
			"enero", "febrero", "marzo", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
			"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
			"januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
			"hier", "ayer", "ontem", "gestern", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche":
			bits |= sigTemporal
		case "millions", "milliards", "millones", "milhões", "bilhões", "millionen", "milliarden", "prozent", "pourcent", "porcentaje", "cento", "ciento":
			bits |= sigStatistic
		case "march", "may":
			if t.upper && i != first && (prev == "in" || prev == "on" || prev == "since" || prev == "last" || len(next) > 0 && next[0] == '<') {
				bits |= sigTemporal
			}
		case "last":
			if next == "year" || next == "month" || next == "week" || next == "decade" || next == "night" || next == "summer" || next == "winter" {
				bits |= sigTemporal
			}
		case "caused", "causes", "causing", "because", "due", "led", "leads", "resulted", "results",
			"linked", "contributed", "contributes", "triggered", "responsible", "attributed", "consequence",
			"blamed", "drove", "driven", "fueled", "fuelled", "thanks", "prompted", "therefore", "hence":
			if w == "due" && next != "to" || w == "thanks" && next != "to" || w == "led" && next != "to" && next != "by" || w == "leads" && next != "to" {
				break
			}
			bits |= sigCausal
		case "cause":
			if prev != "a" && prev != "the" && prev != "good" {
				bits |= sigCausal
			}
		case "will", "'ll", "won't", "forecast", "forecasts", "projected", "predict", "predicts",
			"predicted", "expected", "expects", "anticipated", "projects":
			bits |= sigPrediction
		case "going":
			if next == "to" && (prev == "is" || prev == "are" || prev == "'s" || prev == "'re") {
				bits |= sigPrediction
			}
		case "set", "poised", "likely":
			if next == "to" && prev != "more" && prev != "less" && prev != "as" && prev != "times" {
				bits |= sigPrediction
			}
		case "i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll", "myself":
			bits |= sigFirstPerson | sigFirstSingular
		case "we", "our", "us", "we're", "we've", "let's", "ourselves":
			if isUS(s, *t) {
				break
			}
			bits |= sigFirstPerson
			if w == "let's" {
				bits |= sigExhortation
			}
		case "should", "must", "ought", "need", "needs", "have", "has":
			if (w == "should" || w == "must") && allCaps(s, t) {
				bits |= flagNormative
			}
			if w == "have" || w == "has" || w == "need" || w == "needs" {
				if next != "to" {
					break
				}
			}
			if i > first && isAddressee(prev) || i == first && w == "should" {
				bits |= sigExhortation
			}
		case "think", "believe", "feel", "opinion", "hope", "guess", "seems", "arguably", "frankly",
			"honestly", "great", "terrible", "wonderful", "horrible", "amazing", "disgrace", "disgraceful",
			"ridiculous", "incredible", "beautiful", "tremendous", "stupid", "sad", "shameful", "unacceptable",
			"outrageous", "crucial", "essential", "pivotal", "vital", "fantastic", "awful", "nice", "love",
			"hate", "deserve", "deserves", "wrong", "right", "perhaps", "maybe", "importantly",
			// a reviewer's or critic's judgement
			"convincing", "convincingly", "beautifully", "thrilling", "dazzling", "dazzlingly", "poignant",
			"disappointing", "disappointed", "brilliant", "brilliantly", "compelling", "charming", "impressive",
			"stunning", "gorgeous", "excellent", "superb", "boring", "delightful", "fascinating", "enjoyable", "lovely":
			bits |= sigOpinion
		case "click", "subscribe", "newsletter", "cookie", "cookies", "login", "menu", "advertisement",
			"copyright", "privacy", "sign", "share", "tweet", "skip", "loading", "comments", "related":
			if w == "sign" && next != "up" && next != "in" || w == "share" && i != first || w == "related" && i != first {
				break
			}
			bits |= sigNavigation
		}
	}
	if quoteWords >= 3 {
		bits |= sigQuote
	}
	if numbers >= 2 {
		bits |= sigManyNumbers
	}
	if proper >= 1 {
		bits |= sigProperNoun
	}
	if words < 5 {
		bits |= sigShort
	}
	if words > 40 {
		bits |= sigLong
	}
	bits |= sentenceShape(s, toks, first)
	return bits
}

// allCaps reports whether the word t of s is written in capitals, as
// RFC 2119's key words are ("MUST", not "Must").
func allCaps(s string, t *token) bool {
	return t.end-t.start >= 4 && s[t.start+1] >= 'A' && s[t.start+1] <= 'Z' && s[t.end-1] >= 'A' && s[t.end-1] <= 'Z'
}

// sentenceShape sets the signals that depend on how a sentence opens and
// ends: questions, hypotheticals, imperatives, missing full stops.
func sentenceShape(s string, toks []token, first int) uint32 {
	var bits uint32
	// The last mark before closing quotes, brackets and footnote markers.
	last := ""
	for j := len(toks) - 1; j >= 0 && j >= len(toks)-12; j-- {
		n := toks[j].norm
		if n == `"` || n == "'" || n == ")" || n == "]" || toks[j].kind == tokNumber && j > 0 && toks[j-1].norm == "[" || n == "[" {
			continue
		}
		if toks[j].kind == tokWord && j > 0 && toks[j-1].norm == "[" {
			continue
		}
		last = n
		break
	}
	switch last {
	case "?":
		bits |= sigQuestion
	case ".", "!", "…", ":", ";":
	default:
		bits |= sigNoStop
	}
	if first < 0 {
		return bits | sigNoStop
	}
	w0 := toks[first].norm
	w1 := ""
	if first+1 < len(toks) {
		w1 = toks[first+1].norm
	}
	switch w0 {
	case "if", "unless", "suppose", "supposing", "imagine", "assuming", "were":
		if w0 != "if" && w0 != "unless" || containsWord(toks, "could", "would", "might", "may", "will", "can") {
			bits |= sigHypothetical
		}
	case "what":
		if w1 == "if" {
			bits |= sigHypothetical | sigQuestion
		}
	case "should":
		bits |= sigHypothetical
	case "let", "let's", "consider", "remember", "don't", "do", "please", "think", "look", "read",
		"click", "join", "follow", "watch", "stop", "make", "take", "ask", "keep", "never", "go", "vote":
		if w0 != "do" || w1 == "not" || w1 == "n't" {
			bits |= sigExhortation
		}
	case "how", "why", "who", "whom", "which", "is", "are", "can", "could", "would", "will", "does", "did", "shall":
		if bits&sigNoStop != 0 && bits&sigQuestion == 0 && strings.HasSuffix(strings.TrimSpace(s), "?") {
			bits |= sigQuestion
		}
	}
	return bits
}

func containsWord(toks []token, words ...string) bool {
	for i := range toks {
		for _, w := range words {
			if toks[i].norm == w {
				return true
			}
		}
	}
	return false
}

// isComparative reports whether w can precede "than" in a comparison.
func isComparative(w string) bool {
	switch w {
	case "rather", "other", "else", "sooner":
		return false
	case "more", "less", "fewer", "better", "worse", "greater", "higher", "lower", "larger", "smaller",
		"bigger", "faster", "slower", "older", "younger", "likely", "times", "cheaper", "richer", "poorer":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "er")
}

// isAddressee reports whether w, before "should" or "must", makes the
// sentence an exhortation rather than a report of an obligation.
func isAddressee(w string) bool {
	switch w {
	case "we", "you", "us", "everyone", "everybody", "they", "i", "one", "people", "society":
		return true
	}
	return false
}

func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// isUS reports whether the token t of s is "US", the United States, not
// the pronoun "us".
func isUS(s string, t token) bool {
	return t.norm == "us" && t.end-t.start == 2 && s[t.start+1] == 'S'
}
