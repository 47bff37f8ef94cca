package verify

import "math/bits"

// What stands between a reader and an article: Paywall.

// paywallWords are the phrases ("subscri" for subscribe, subscriber,
// subscription) of a page that stands between a reader and
// the article: subscribe, sign in, log in.
var paywallWords = [...]string{
	"subscri", "sign in", "sign-in", "log in", "login", "log-in", "create an account", "create a free account",
	"register to continue", "paywall", "already a member", "continue reading", "free trial",
}

// paywallWordsAt returns how many of paywallWords s begins with, ASCII
// capitals taken as lower case: one switch on the first letter (see
// TestPaywallWordsAt).
func paywallWordsAt(s string) int {
	if len(s) < 5 {
		return 0
	}
	switch s[0] | 0x20 { // lower case, for a letter (see paywallStart)
	case 's':
		return prefixesASCIIFold(s, "subscri", "sign in", "sign-in")
	case 'l':
		return prefixesASCIIFold(s, "log in", "login", "log-in")
	case 'c':
		return prefixesASCIIFold(s, "create an account", "create a free account", "continue reading")
	case 'r':
		return prefixesASCIIFold(s, "register to continue")
	case 'p':
		return prefixesASCIIFold(s, "paywall")
	case 'a':
		return prefixesASCIIFold(s, "already a member")
	case 'f':
		return prefixesASCIIFold(s, "free trial")
	}
	return 0
}

// paywallFirst has bit c-'a' set for each letter c that begins one of
// paywallWords: most bytes are ruled out by this one test, before
// paywallStart.
const paywallFirst = 1<<('s'-'a') | 1<<('l'-'a') | 1<<('c'-'a') | 1<<('r'-'a') | 1<<('p'-'a') | 1<<('f'-'a') | 1 /* a */

// paywallStart reports whether c0 and c1, in either case, are the first
// two letters of one of paywallWords. c|0x20 is c's lower case for a
// letter, and no other byte gives a lower-case letter.
func paywallStart(c0, c1 byte) bool {
	switch uint16(c0|0x20)<<8 | uint16(c1|0x20) {
	case 's'<<8 | 'u', 's'<<8 | 'i', 'l'<<8 | 'o', 'c'<<8 | 'r', 'c'<<8 | 'o', 'r'<<8 | 'e', 'p'<<8 | 'a', 'a'<<8 | 'l', 'f'<<8 | 'r':
		return true
	}
	return false
}

// prefixesASCIIFold returns how many of prefixes (lower case) s begins
// with, ASCII capitals in s taken as lower case.
func prefixesASCIIFold(s string, prefixes ...string) int {
	n := 0
	for _, p := range prefixes {
		if len(s) >= len(p) && asciiPrefixFold(s, p) {
			n++
		}
	}
	return n
}

// paywallPrefix is how much of a page Paywall reads, in bytes.
const paywallPrefix = 2048

// Paywall reports whether text, a page's readable text, is a paywall or a
// login page rather than the article: text dominated by subscribe and
// sign-in wording, a short page (under 300 words) with two such phrases
// or more ("subscribe", "sign in", "log in", "create an account",
// "continue reading", "free trial"…), or any page where they make one
// word in twenty-five, read in its first 2 KB. Such a page does not say
// whether the article supports a claim: a caller should give no verdict
// rather than Verify's not-supported, as citecheck's check and its verify
// command do.
func Paywall(text string) bool {
	// Only the start of a long page is read: a paywall says so at once,
	// and a long article's footer has its own "subscribe".
	if len(text) > paywallPrefix {
		text = text[:paywallPrefix]
	}
	hits := paywallHits(text)
	if hits == 0 {
		return false
	}
	words := fieldStarts(text)
	return (words < 300 && hits >= 2) || hits*25 >= words
}

// paywallHits counts the paywallWords that begin a word of text: a
// phrase counts only there ("catalog includes" holds no "log in"), a word
// being a run of ASCII letters.
//
// The words are found eight bytes at a time, from a mask of their first
// letters, rather than byte by byte: the bytes between words and a word's
// length are what a processor cannot guess.
func paywallHits(text string) int {
	hits := 0
	var before uint64 // the high bit set when the byte before the eight is a letter
	i := 0
	for ; i+8 <= len(text); i += 8 {
		l := letterHighs(eightBytes(text, i))
		for starts := l &^ (l<<8 | before); starts != 0; starts &= starts - 1 {
			j := i + bits.TrailingZeros64(starts)>>3
			// Most words begin no phrase: an inlined test turns them
			// away without the call.
			if c := text[j]; paywallFirst>>((c|0x20)-'a')&1 != 0 && j+1 < len(text) && paywallStart(c, text[j+1]) {
				hits += paywallWordsAt(text[j:])
			}
		}
		before = l >> 56
	}
	for ; i < len(text); i++ {
		c := text[i]
		if isLetter(c) && (i == 0 || !isLetter(text[i-1])) && i+1 < len(text) && paywallStart(c, text[i+1]) {
			hits += paywallWordsAt(text[i:])
		}
	}
	return hits
}

// fieldStarts counts the words of text as strings.Fields would for ASCII
// spacing: the bytes above a space that follow the start of text or a
// byte that is not, eight bytes at a time.
func fieldStarts(text string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	words := 0
	var before uint64 // the high bit set when the byte before the eight is above a space
	i := 0
	for ; i+8 <= len(text); i += 8 {
		v := eightBytes(text, i)
		// a byte below 0x80 is above a space when adding 0x80-'!' sets
		// its high bit, and no sum carries into the next byte
		above := (v&^highs + (0x80-'!')*ones | v) & highs
		words += bits.OnesCount64(above &^ (above<<8 | before))
		before = above >> 56
	}
	for ; i < len(text); i++ {
		if text[i] > ' ' && (i == 0 || text[i-1] <= ' ') {
			words++
		}
	}
	return words
}

// letterHighs returns the eight bytes of v, first lowest, with the high
// bit of each that is an ASCII letter set and every other bit clear (see
// leadingLetters).
func letterHighs(v uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := v | 0x20*ones // lowercase; other bytes stay other
	low := x &^ highs
	return (low + (0x80-'a')*ones) &^ (low + (0x80-'{')*ones) &^ x & highs
}

// asciiPrefixFold reports whether s begins with lower (lower case), ASCII
// capitals in s taken as lower case; s is at least as long as lower.
func asciiPrefixFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
