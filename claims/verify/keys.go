package verify

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A source is read in two steps. Prepare reads every word once, cheaply:
// where it ends, whether it is a function word (for BM25's sentence
// lengths) and its key, the first bytes of it lowered. A claim then reads
// word by word only the sentences with a word whose key may be one of its
// terms' (see keySet.addTerm), hashing and stemming only such words (the
// others' flags come from flagTable); the other sentences hold none of
// its terms, and all that they give the claim, their lengths, Prepare has
// counted. Most sentences of a source share no word with a claim, so most
// words are never hashed or stemmed.
//
// Measured (December 2026): finding a claim's sentences by searching a
// lowered copy of the page for its words' first letters instead (41% of
// the sentences qualified; 25% more instructions than reading every word
// here: dropped); finding a word's end eight bytes at a time changed
// nothing alone, and took 15% off Prepare's time only with the function
// word test that does not branch on its answer (stopShort).

// wordKey returns the key of the word b, lowered: its first four bytes,
// or fewer when it is shorter or has an apostrophe among them, which end
// the key, packed in a uint32 with zeros after (no word holds a zero
// byte). Two words with the same stem, or the same first four bytes,
// have keys keySet.addStem can tell from their stem alone.
func wordKey[T string | []byte](b T) uint32 {
	var k uint32
	for i := 0; i < len(b) && i < 4; i++ {
		if b[i] == '\'' {
			break
		}
		k |= uint32(b[i]) << (8 * i)
	}
	return k
}

// keyBits is the size of a keySet's bitmaps; a claim's few dozen keys set
// about one bit in three hundred, so that few words of a source are read
// for nothing.
const (
	keyLog  = 14
	keyBits = 1 << keyLog
)

// keySet holds the keys of a claim's terms: a word may be one of them
// when its key is one of whole, or its first three bytes one of three
// (see addStem). Both are bitmaps over a hash of the key, which may say
// yes for a key not added (the word is then read for nothing) but never
// no for one added.
type keySet struct {
	whole, three [keyBits / 64]uint64
	anyThree     bool // three has a key
}

// keyBit is where a keySet's bitmap holds the key k: a multiplicative
// hash's top bits.
func keyBit(k uint32) uint32 { return (k * 0x9e3779b1) >> (32 - keyLog) }

// hasAny reports whether a sentence whose words' keys are keys may hold
// one of the terms.
func (ks *keySet) hasAny(keys []uint32) bool {
	for _, k := range keys {
		if ks.has(k) {
			return true
		}
	}
	return false
}

// addWhole adds a key that a word's whole key must equal.
func (ks *keySet) addWhole(k uint32) {
	b := keyBit(k)
	ks.whole[b/64] |= 1 << (b % 64)
}

// addThree adds a key of three bytes that a word's key must begin with.
func (ks *keySet) addThree(k uint32) {
	b := keyBit(k & 0xffffff)
	ks.three[b/64] |= 1 << (b % 64)
	ks.anyThree = true
}

// has reports whether a word whose key is k may be one of the terms.
func (ks *keySet) has(k uint32) bool {
	b := keyBit(k)
	if ks.whole[b/64]&(1<<(b%64)) != 0 {
		return true
	}
	if !ks.anyThree {
		return false
	}
	b = keyBit(k & 0xffffff)
	return ks.three[b/64]&(1<<(b%64)) != 0
}

// addStem adds the keys of every word whose stem (see stem) is s. stem
// keeps a word's first three bytes, and its first four when it leaves
// four or more, except that "ies" becomes "y" ("flies" is "fly",
// "studies" is "study"); it drops a final "'s", which a key leaves out
// anyway. So a stem of five bytes or more is found by its first four; a
// stem of four by its own, or by "i" for a final "y"; a stem of three
// (the stem of "cats", "cared", "caring") by the first three of the
// word's key, or "i" for a final "y"; a shorter stem is its word.
func addStem[T string | []byte](ks *keySet, s T) {
	k := wordKey(s)
	switch n := len(s); {
	case n >= 5:
		ks.addWhole(k)
	case n == 4:
		ks.addWhole(k)
		if k>>24 == 'y' { // four bytes, the last a "y": "stud(ies)"
			ks.addWhole(k&0xffffff | 'i'<<24)
		}
	case n == 3:
		if k>>16 == 0 { // an apostrophe among them: the key is shorter
			ks.addWhole(k)
			return
		}
		ks.addThree(k)
		if k>>16 == 'y' { // "fl(ies)"
			ks.addThree(k&0xffff | 'i'<<16)
		}
	default:
		ks.addWhole(k)
	}
}

// addTerm adds the keys of every word of a source that termIndex may
// match to the claim's word low (lowered), whose stem is st: the words
// with its stem or its canonical form's (see canonicalWords), and, when
// soft, the words with its first four bytes and those whose canonical
// form has them.
func (ks *keySet) addTerm(low, st []byte, soft bool) {
	addStem(ks, st)
	canonical := ""
	if e := tables().canonical.find(st, hashBytes(st)); e != nil {
		canonical = e.canonical
		addStem(ks, canonical)
	}
	var four []byte
	if soft && len(low) >= 4 && !isDigit(low[0]) {
		four = low[:4]
		ks.addWhole(wordKey(four))
	}
	if len(canonical) >= 4 {
		// the word's four bytes are its canonical form's
		ks.addWhole(wordKey(canonical[:4]))
		if soft {
			four = []byte(canonical[:4])
		}
	}
	for _, g := range canonicalGroups() {
		if canonical != "" && g.canonical == canonical || string(st) == g.canonical ||
			four != nil && len(g.canonical) >= 4 && g.canonical[:4] == string(four) {
			addStem(ks, g.canonical)
			for _, w := range g.words {
				addStem(ks, w)
			}
		}
	}
}

// canonicalGroup is a line of canonicalWords, its words split.
type canonicalGroup struct {
	canonical string
	words     []string
}

// canonicalGroups splits canonicalWords once.
var canonicalGroups = sync.OnceValue(func() []canonicalGroup {
	var gs []canonicalGroup
	for _, l := range canonicalWords {
		gs = append(gs, canonicalGroup{l.canonical, strings.Fields(l.words)})
	}
	return gs
})

// flagTable tells the flags (see flaggedWords) of a word of ASCII
// letters without hashing it: by its length and key, then by the bytes
// past the key. It holds the flagged words of letters alone; the others
// ("isn't") are never read by it.
type flagTable struct {
	tags  [flagSlots]uint64 // length<<32 | key; 0: a free slot
	words [flagSlots]string
	flags [flagSlots]wordFlags
	// maxLen is the length of the longest word it holds: a longer word
	// has no flags
	maxLen int
}

const (
	flagLog   = 10
	flagSlots = 1 << flagLog
)

// maxStopLen is the length of the longest function word ("according").
const maxStopLen = 9

// flagSlot is where a flagTable looks for a word of the given tag first.
func flagSlot(tag uint64) uint64 { return (tag * 0x9e3779b97f4a7c15) >> (64 - flagLog) }

// flagsASCII builds the table of flagged words once.
var flagsASCII = sync.OnceValue(func() *flagTable {
	ft := &flagTable{}
	for _, l := range flaggedWords {
		for _, w := range strings.Fields(l.words) {
			if strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII || !isLetter(byte(r)) }) {
				continue
			}
			tag := uint64(len(w))<<32 | uint64(wordKey(w))
			i := flagSlot(tag)
			for ft.tags[i] != 0 && !(ft.tags[i] == tag && ft.words[i] == w) {
				i = (i + 1) % flagSlots
			}
			ft.tags[i], ft.words[i] = tag, w
			ft.flags[i] |= l.flags
			ft.maxLen = max(ft.maxLen, len(w))
		}
	}
	return ft
})

// of returns the flags of w, ASCII letters in either case, whose key
// (lowered) is k: flagsOf's for w lowered.
func (ft *flagTable) of(w string, k uint32) wordFlags {
	n := len(w)
	if n > ft.maxLen {
		return 0
	}
	tag := uint64(n)<<32 | uint64(k)
	for i := flagSlot(tag); ft.tags[i] != 0; i = (i + 1) % flagSlots {
		if ft.tags[i] == tag && (n <= 4 || lowerEqualFrom(w, ft.words[i], 4)) {
			return ft.flags[i]
		}
	}
	return 0
}

// isStopASCII reports whether w, ASCII letters in either case, whose key
// (lowered) is k, is a function word.
func (ft *flagTable) isStopASCII(w string, k uint32) bool {
	return len(w) <= maxStopLen && ft.of(w, k)&flagStop != 0
}

// asciiKey returns the key of w, ASCII letters in either case.
func asciiKey(w string) uint32 {
	switch len(w) {
	case 0:
		return 0
	case 1:
		return uint32(w[0] | 0x20)
	case 2:
		return (uint32(w[0]) | uint32(w[1])<<8) | 0x2020
	case 3:
		return (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16) | 0x202020
	}
	return (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24) | 0x20202020
}

// appendWordKeys appends to keys the key of every word of text, as
// wordScanner reads them, and returns them with the number of those words
// that are not function words: the words tokenize(text) returns and the
// tokens without stop set. It is readWordKeys without the sentences.
func appendWordKeys(keys []uint32, sc *wordScanner, text string) ([]uint32, int) {
	keys, content := readWordKeys(keys, sc, text, nil)
	return keys, content
}

// readWordKeys appends to keys the key of every word of text, as
// wordScanner reads them, and returns them with the number of those words
// that are not function words not yet counted in a sentence of split.
// With split, it splits text into sentences as it reads it and files each
// sentence's words there (see sentenceSplit): the text is read once
// rather than once for its sentences and again, word by word, for their
// words (3% of the time of verifying the real pages' claims against
// their sources, December 2026).
//
// A word of ASCII letters ended by anything but a letter, a digit or an
// apostrophe before a letter (most words), or a number of ASCII digits
// alone, is read here without being hashed or copied; any other goes to
// sc.
func readWordKeys(keys []uint32, sc *wordScanner, text string, split *sentenceSplit) ([]uint32, int) {
	if sc.flags == nil {
		sc.flags, sc.stops = flagsASCII(), stopWordsShort()
	}
	st, short := sc.flags, sc.stops
	content := 0
	cutAt := math.MaxInt // where a space ends a sentence grown too long (see sentenceSplit)
	if split != nil {
		cutAt = split.cutAt
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c|0x20-'a' < 26 { // an ASCII letter
			if i+8 <= len(text) {
				// A word of fewer than eight letters, most words, is
				// read from eight bytes at once, and whether it is a
				// function word is worked out rather than branched on:
				// a word's end and that answer are what a processor
				// cannot guess.
				v := eightBytes(text, i)
				n := leadingLetters(v)
				// the byte after the word, read with it, ends it without
				// the call when it is ASCII and not a digit nor an
				// apostrophe (see endsLettersOrRune)
				after := byte(v >> (8 * uint(n) & 63))
				if n < 8 && (after < utf8.RuneSelf && !isDigit(after) && after != '\'' || endsLettersOrRune(text, i+n)) {
					w := (v | 0x2020202020202020) & (1<<(8*uint(n)) - 1) // its letters lowered
					k := uint32(w)                                       // its first four (see wordKey)
					content += short.notStop(w)
					keys = append(keys, k)
					i += n
					if after == ' ' {
						// most words end at a space, which starts nothing
						// and ends a sentence only when it is long
						if i >= cutAt {
							content, cutAt = split.cut(i, len(keys), content)
						}
						i++
					}
					continue
				}
				if n == 8 && i+16 <= len(text) {
					// a word of eight to fifteen letters: its key is
					// its first four, and only a word of eight or nine
					// may be a function word
					v2 := eightBytes(text, i+8)
					if n += leadingLetters(v2); n < 16 && endsLettersOrRune(text, i+n) {
						k := uint32(v) | 0x20202020
						if n > maxStopLen || !st.isStopASCII(text[i:i+n], k) {
							content++
						}
						keys = append(keys, k)
						i += n
						continue
					}
				}
			}
			j := i + 1
			for j < len(text) && text[j]|0x20-'a' < 26 {
				j++
			}
			if j == len(text) || endsLetters(text, j) {
				var k uint32
				if n := j - i; n >= 4 {
					k = (uint32(text[i]) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16 | uint32(text[i+3])<<24) | 0x20202020
					if n > maxStopLen || !st.isStopASCII(text[i:j], k) {
						content++
					}
				} else {
					k = asciiKey(text[i:j])
					if !st.isStopASCII(text[i:j], k) {
						content++
					}
				}
				keys = append(keys, k)
				i = j
				continue
			}
		} else if isDigit(c) {
			j := i + 1
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			if j == len(text) || endsDigits(text, j) {
				// a number alone: its bytes are its lowered form, and no
				// function word has a digit
				keys = append(keys, wordKey(text[i:j]))
				content++
				i = j
				continue
			}
		} else if c < utf8.RuneSelf {
			if split != nil && c < 64 && sentenceBytes>>c&1 != 0 {
				// a byte that may end a sentence
				if c == ' ' || c == '\t' {
					if i >= cutAt {
						content, cutAt = split.cut(i, len(keys), content)
					}
					i++
					continue
				}
				i, keys, content, cutAt = split.end(sc, i, keys, content)
				continue
			}
			i++
			continue
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n // a quotation mark, a dash, a space: no word starts at it
			continue
		}
		sc.text, sc.i = text, i
		if !sc.next() {
			break
		}
		b := sc.lowered()
		keys = append(keys, wordKey(b))
		if tables().flagsOf(b, sc.h)&flagStop == 0 {
			content++
		}
		i = sc.i
	}
	return keys, content
}

// keyAt reads at i of text what appendWordKeys reads there: a word, whose
// end, key and whether it is a content word (1, else 0) it returns with
// ok set; or a byte or a character that starts no word, skipped. A word of
// ASCII letters ended by anything but a letter, a digit or an apostrophe
// before a letter, or a number of ASCII digits alone, is read without
// being hashed or copied; any other goes to sc.
func (sc *wordScanner) keyAt(text string, i int) (end int, k uint32, content int, ok bool) {
	st := sc.flags
	c := text[i]
	if c|0x20-'a' < 26 { // an ASCII letter
		j := i + 1
		for j < len(text) && text[j]|0x20-'a' < 26 {
			j++
		}
		if j == len(text) || endsLettersOrRune(text, j) {
			if n := j - i; n >= 4 {
				k = (uint32(text[i]) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16 | uint32(text[i+3])<<24) | 0x20202020
				if n > maxStopLen || !st.isStopASCII(text[i:j], k) {
					content = 1
				}
			} else {
				k = asciiKey(text[i:j])
				if !st.isStopASCII(text[i:j], k) {
					content = 1
				}
			}
			return j, k, content, true
		}
	} else if isDigit(c) {
		j := i + 1
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j == len(text) || endsDigits(text, j) {
			// a number alone: its bytes are its lowered form, and no
			// function word has a digit
			return j, wordKey(text[i:j]), 1, true
		}
	} else if c < utf8.RuneSelf {
		return i + 1, 0, 0, false
	} else if r, n := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return i + n, 0, 0, false // a quotation mark, a dash, a space: no word starts at it
	}
	sc.text, sc.i = text, i
	if !sc.next() {
		return len(text), 0, 0, false // (a word starts at i: not reached)
	}
	b := sc.lowered()
	if tables().flagsOf(b, sc.h)&flagStop == 0 {
		content = 1
	}
	return sc.i, wordKey(b), content, true
}

// endsLettersOrRune reports whether the byte at j of text ends a word of
// ASCII letters, as wordScanner reads it: endsLetters, or a character
// past ASCII that is not a letter or digit, nor an apostrophe (’) before
// a letter ("word—", "word”").
func endsLettersOrRune(text string, j int) bool {
	if text[j] < utf8.RuneSelf {
		return endsLetters(text, j)
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !(r == '’' && nextIsLetter(text, j+n))
}

// stopShort holds the function words (flagStop) of fewer than eight
// ASCII letters, each in a slot of its own, so that telling whether a
// word is one reads one slot and compares, with no loop and no branch on
// the answer (see appendWordKeys). A slot holds a word's lowered bytes,
// first lowest (0 for none), which tell it from any other word of fewer
// than eight letters: eight bytes a slot, so that the table takes a
// quarter of the processor's first cache rather than half.
type stopShort struct {
	slots []uint64
	mul   uint64
	shift uint
}

// stopWordsShort builds the table once: the smallest power of two of
// slots, and the first multiplier of a fixed sequence, that give every
// word a slot of its own.
var stopWordsShort = sync.OnceValue(func() *stopShort {
	var words []uint64
	for _, l := range flaggedWords {
		if l.flags&flagStop == 0 {
			continue
		}
		for _, w := range strings.Fields(l.words) {
			if len(w) >= 8 || strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII || !isLetter(byte(r)) }) {
				continue
			}
			var b uint64
			for i := len(w) - 1; i >= 0; i-- {
				b = b<<8 | uint64(w[i])
			}
			words = append(words, b)
		}
	}
	mul := uint64(0x9e3779b97f4a7c15)
	for bits := uint(10); ; bits++ {
		st := &stopShort{slots: make([]uint64, 1<<bits), shift: 64 - bits}
		for try := 0; try < 4096; try++ {
			mul += 0x3c6ef372fe94f82a // odd multipliers, the same sequence every time
			clear(st.slots)
			st.mul = mul
			ok := true
			for _, w := range words {
				i := st.slot(w)
				if st.slots[i] != 0 && st.slots[i] != w {
					ok = false
					break
				}
				st.slots[i] = w
			}
			if ok {
				return st
			}
		}
	}
})

// slot returns where the word w (its lowered bytes) would be.
func (st *stopShort) slot(w uint64) uint64 { return w * st.mul >> st.shift }

// notStop returns 1 when the word of fewer than eight ASCII letters whose
// lowered bytes, first lowest, are w is not a function word, else 0.
func (st *stopShort) notStop(w uint64) int {
	d := st.slots[st.slot(w)&uint64(len(st.slots)-1)] ^ w
	return int((d | -d) >> 63)
}

// endsDigits reports whether the byte at j of text ends a word of ASCII
// digits, as wordScanner reads it: an ASCII byte that is not a letter, a
// digit, a point or comma before a digit, or an apostrophe before a
// letter.
func endsDigits(text string, j int) bool {
	c := text[j]
	if c >= utf8.RuneSelf || isLetter(c) || isDigit(c) {
		return false
	}
	next := j+1 < len(text) && text[j+1] < utf8.RuneSelf
	switch c {
	case '.', ',':
		return !(next && isDigit(text[j+1]))
	case '\'':
		return !(next && isLetter(text[j+1]))
	}
	return true
}

// lowerEqualFrom reports whether w, ASCII letters in either case, and
// low, of w's length, lower case, have the same bytes from i on.
func lowerEqualFrom(w, low string, i int) bool {
	for ; i < len(w); i++ {
		if w[i]|0x20 != low[i] {
			return false
		}
	}
	return true
}
