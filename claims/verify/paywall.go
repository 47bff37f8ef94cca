package verify

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
	hits := 0
	for i := 0; i < len(text); {
		c := text[i]
		if !isLetter(c) {
			i++
			continue
		}
		// A word starts at i: a phrase counts only there ("catalog
		// includes" holds no "log in"). Most words begin no phrase: an
		// inlined test turns them away without the call.
		if paywallFirst>>((c|0x20)-'a')&1 != 0 && i+1 < len(text) && paywallStart(c, text[i+1]) {
			hits += paywallWordsAt(text[i:])
		}
		if i+8 <= len(text) {
			if n := leadingLetters(eightBytes(text, i)); n < 8 {
				i += n // most words end within eight bytes
				continue
			}
		}
		for i++; i < len(text) && isLetter(text[i]); i++ {
		}
	}
	if hits == 0 {
		return false
	}
	words := 0
	for i := 0; i < len(text); i++ {
		if text[i] > ' ' && (i == 0 || text[i-1] <= ' ') {
			words++
		}
	}
	return (words < 300 && hits >= 2) || hits*25 >= words
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
