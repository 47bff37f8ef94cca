package claims

// Page features. The same sentence shape means different things on
// different kinds of page: "We cut the build time to 4 minutes." is the
// author's own work on a company's engineering blog and a claim to check
// in a news report. With the page feature group (groupPage) every
// sentence of a written document also sees a few facts about its page:
// the share of the page's sentences in the first person singular and
// plural, addressing the reader, with figures, with code-like text, with
// quotations, attributions, citation markers and opinions, and the page's
// length, each in a few buckets; with groupPageCross these are also
// crossed with a few of the sentence's own signals. The page is the
// sentences Extract scores (prose, not headings or code), or every
// sentence of a sequence given to ScoreSequence; a transcript and a
// document of fewer than minPageSentences sentences have no page
// features.

// minPageSentences is the fewest sentences a page needs for page features:
// the shares of a handful of sentences say little, and a lone sentence
// (the training data's claims without a page) has no page.
const minPageSentences = 5

// Per-sentence page traits, counted over the page.
const (
	traitWe       = iota // first person plural ("we", "our")
	traitI               // first person singular
	traitYou             // the reader addressed ("you", "your")
	traitFigure          // a figure: a number, percentage, money
	traitCode            // code-like text: `x`, f(), a_b, a = b, {...}
	traitQuote           // a quotation
	traitAttrib          // an attribution
	traitCitation        // a citation marker
	traitOpinion         // an opinion word
	numTraits
)

// pageFlag marks a page feature in a feature list: its weight is at index
// f&(numBuckets-1) and its value is 1.
const pageFlag = 1 << 29

// sentenceTraits returns the page traits of sentence s, with tokens toks
// and signal bits bits, as bits of the trait constants.
func sentenceTraits(s string, toks []token, bits uint32) uint16 {
	var t uint16
	if bits&sigFirstSingular != 0 {
		t |= 1 << traitI
	} else if bits&sigFirstPerson != 0 {
		t |= 1 << traitWe
	}
	for i := range toks {
		if toks[i].kind != tokWord {
			continue
		}
		switch toks[i].norm {
		case "you", "your", "yours", "yourself", "you're", "you'll", "you've", "you'd":
			t |= 1 << traitYou
		}
	}
	if bits&(sigStatistic|sigManyNumbers) != 0 {
		t |= 1 << traitFigure
	}
	if codeLike(s) {
		t |= 1 << traitCode
	}
	if bits&sigQuote != 0 {
		t |= 1 << traitQuote
	}
	if bits&sigAttribution != 0 {
		t |= 1 << traitAttrib
	}
	if bits&sigCitation != 0 {
		t |= 1 << traitCitation
	}
	if bits&sigOpinion != 0 {
		t |= 1 << traitOpinion
	}
	return t
}

// codeLike reports whether s holds text that reads as code or a command:
// a backtick, braces, an identifier with an underscore, a call "f()", an
// assignment or comparison "a = b", a scope "a::b", a flag " --flag" or a
// shell prompt "$ ".
func codeLike(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`', '{', '}':
			return true
		case '_':
			if i > 0 && i+1 < len(s) && isIdentByte(s[i-1]) && isIdentByte(s[i+1]) {
				return true
			}
		case '(':
			if i > 0 && i+1 < len(s) && s[i+1] == ')' && isIdentByte(s[i-1]) {
				return true
			}
		case '=', ':':
			if i+1 < len(s) && s[i+1] == s[i] && s[i] == ':' {
				return true
			}
			if s[i] == '=' && i > 0 && (s[i-1] == ' ' || s[i-1] == '=' || s[i-1] == '!') {
				return true
			}
		case '-':
			if i > 0 && s[i-1] == ' ' && i+2 < len(s) && s[i+1] == '-' && isIdentByte(s[i+2]) {
				return true
			}
		case '$':
			if i+1 < len(s) && s[i+1] == ' ' && (i == 0 || s[i-1] == ' ') {
				return true
			}
		}
	}
	return false
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// shareBucket puts a share of the page's sentences into one of four
// buckets: under 5%, 5-15%, 15-30%, 30% or more.
func shareBucket(k, n int) byte {
	switch {
	case 20*k < n:
		return 0
	case 20*k < 3*n:
		return 1
	case 10*k < 3*n:
		return 2
	}
	return 3
}

// lengthBucket puts a page's sentence count into one of five buckets.
func lengthBucket(n int) byte {
	switch {
	case n < 20:
		return 0
	case n < 50:
		return 1
	case n < 100:
		return 2
	case n < 200:
		return 3
	}
	return 4
}

// pageProfile returns the page features of a page whose sentences have
// the given traits, counting those for which counted is true (nil: all),
// or nil for a page of fewer than minPageSentences sentences. A feature
// is a trait's share bucket, or the length bucket, hashed with its name.
func pageProfile(traits []uint16, counted func(i int) bool) []uint32 {
	var counts [numTraits]int
	n := 0
	for i, t := range traits {
		if counted != nil && !counted(i) {
			continue
		}
		n++
		for k := range numTraits {
			if t&(1<<k) != 0 {
				counts[k]++
			}
		}
	}
	if n < minPageSentences {
		return nil
	}
	out := make([]uint32, 0, numTraits+1)
	for k := range numTraits {
		out = append(out, pageKey(byte(k), shareBucket(counts[k], n)))
	}
	return append(out, pageKey(numTraits, lengthBucket(n)))
}

// pageKey is the hash of page feature k in bucket b, before it is folded
// into the buckets (see pageFeatureBucket).
func pageKey(k, b byte) uint32 {
	return fnvByte(fnvByte(fnvByte(fnvOffset, 'G'), k), b)
}

// crossSignals are the sentence signals crossed with the page features
// (groupPageCross), each a mask of signal bits: a page's share of "we"
// means one thing for a sentence in the first person and another for one
// with a figure.
func crossSignals() [4]uint32 {
	return [4]uint32{sigFirstPerson, sigStatistic | sigManyNumbers, sigProperNoun, sigQuote | sigAttribution}
}

// appendPage appends the page features of a sentence with signal bits
// bits to dst, crossed with its signals when cross is set.
func appendPage(dst []uint32, page []uint32, bits uint32, cross bool) []uint32 {
	for _, p := range page {
		dst = append(dst, p&(numBuckets-1)|pageFlag)
		if !cross {
			continue
		}
		for c, sig := range crossSignals() {
			if bits&sig != 0 {
				dst = append(dst, fnvByte(p, byte('a'+c))&(numBuckets-1)|pageFlag)
			}
		}
	}
	return dst
}
