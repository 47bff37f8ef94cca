package citecheck

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"

	"github.com/citecheck/citecheck/claims/verify"
)

// focusMinText is the length of source text, in bytes, from which a claim
// is verified against the source's paragraphs that bear on it rather than
// against the whole text (see focusedSource).
const focusMinText = 3000

// focusMaxShare is the share of a source's text above which a focus is not
// worth making: the whole text is verified.
const focusMaxShare = 0.8

// focusBudget is about how much text, in bytes, a focus keeps: the
// paragraphs richest in the claim's keys, with their neighbours, until it
// is reached. Eight kilobytes are some forty sentences, far more than the
// few a claim rests on.
const focusBudget = 8 << 10

// maxFocusKeys bounds the claim's words looked for in a source.
const maxFocusKeys = 12

// sourceIndex is a source's text made ready for focusing: its paragraphs
// (lines) and its text with ASCII letters lowered, byte for byte.
type sourceIndex struct {
	text, lower string
	paras       []int // start of each paragraph; paragraph i ends at paras[i+1]-1 or len(text)
}

func newSourceIndex(text string) *sourceIndex {
	x := &sourceIndex{text: text, lower: asciiLower(text), paras: []int{0}}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 || i+j+1 >= len(text) {
			break
		}
		i += j + 1
		x.paras = append(x.paras, i)
	}
	return x
}

// paraOf is the paragraph holding byte off.
func (x *sourceIndex) paraOf(off int) int {
	return sort.SearchInts(x.paras, off+1) - 1
}

// paraEnd is where paragraph i ends, its line break excluded.
func (x *sourceIndex) paraEnd(i int) int {
	if i+1 < len(x.paras) {
		return x.paras[i+1] - 1
	}
	return len(x.text)
}

// focusKeys are what a source's paragraphs are searched for: the claim's
// words of five letters or more, cut to their first six, so that
// "unemployment" finds "unemployed", and its figures of two digits or
// more; at most maxFocusKeys of them, the longest words first.
func focusKeys(claim string) []string {
	var keys []string
	for w := range strings.FieldsFuncSeq(asciiLower(claim), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r >= 0x80)
	}) {
		digits := w[0] >= '0' && w[0] <= '9'
		if (!digits && len(w) < 5) || (digits && len(w) < 2) {
			continue
		}
		if len(w) > 6 {
			w = w[:6]
		}
		if !slices.Contains(keys, w) {
			keys = append(keys, w)
		}
	}
	if len(keys) > maxFocusKeys {
		// the longest words say most about the claim (a cut word is six
		// bytes, so the sort is stable on the claim's order)
		slices.SortStableFunc(keys, func(a, b string) int { return len(b) - len(a) })
		keys = keys[:maxFocusKeys]
	}
	return keys
}

// letterRarity ranks the lower-case letters from the commonest in English
// text to the rarest.
const letterRarity = "etaoinshrdlcumwfgypbvkjxqz"

// rareOffset is where in key (two bytes or more) to start looking for it:
// at its rarest byte, keeping two bytes at least, so that strings.Index,
// which runs to each place its first byte occurs, stops less often ("mpl"
// of "unempl" rather than its "u"). Digits count as rare as 'p', other
// bytes as rarer than any letter.
func rareOffset(key string) int {
	best, bestRank := 0, -1
	for i := 0; i+1 < len(key); i++ {
		c := key[i]
		rank := len(letterRarity)
		switch {
		case 'a' <= c && c <= 'z':
			rank = strings.IndexByte(letterRarity, c)
		case '0' <= c && c <= '9':
			rank = strings.IndexByte(letterRarity, 'p')
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// indexKeyFrom returns the first place at or after from where key occurs in
// s, or -1, looking for key[off:] and checking the bytes before it: the
// same answer as from+strings.Index(s[from:], key), found faster when
// key[off] is rarer than key[0].
func indexKeyFrom(s, key string, off, from int) int {
	tail := key[off:]
	for from+off <= len(s) {
		i := strings.Index(s[from+off:], tail)
		if i < 0 {
			return -1
		}
		start := from + i
		if s[start:start+off] == key[:off] {
			return start
		}
		from = start + 1
	}
	return -1
}

// segment maps a run of the focused text to the source's text.
type segment struct{ focused, source, n int }

// focus is a source cut down to the paragraphs that bear on one claim.
type focus struct {
	text string
	segs []segment
}

// focusedSource returns the paragraphs of the source that have two of the
// claim's keys or more (one, when the claim has fewer than two or no
// paragraph has two), with a paragraph either side of each, those with
// most keys first up to about focusBudget bytes, in the source's order,
// joined by line breaks; ok is false when the source is short, no
// paragraph has a key, or the focus would keep most of it, and the whole
// text is verified. Verification reads every
// sentence of its source for every claim; a long page cited by a short
// sentence is mostly about other things.
func (x *sourceIndex) focusedSource(claim string) (f focus, ok bool) {
	if len(x.text) < focusMinText {
		return focus{}, false
	}
	keys := focusKeys(claim)
	if len(keys) == 0 {
		return focus{}, false
	}
	masks := make([]uint64, len(x.paras))
	for k, key := range keys {
		off := rareOffset(key)
		for from := 0; from < len(x.lower); {
			i := indexKeyFrom(x.lower, key, off, from)
			if i < 0 {
				break
			}
			p := x.paraOf(i)
			masks[p] |= 1 << k
			from = x.paraEnd(p) + 1 // one hit is enough in a paragraph
		}
	}
	// The paragraphs with the most keys first (two at least, or one when
	// none has two), each with a paragraph either side, until
	// focusBudget bytes are kept.
	var cands []int
	for need := min(2, len(keys)); need >= 1 && len(cands) == 0; need-- {
		for i, m := range masks {
			if popcount(m) >= need {
				cands = append(cands, i)
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b int) int { return popcount(masks[b]) - popcount(masks[a]) })
	keep := make([]bool, len(x.paras))
	kept := 0
	for _, i := range cands {
		if kept >= focusBudget {
			break
		}
		for j := max(0, i-1); j <= min(len(x.paras)-1, i+1); j++ {
			if !keep[j] {
				keep[j] = true
				kept += x.paraEnd(j) - x.paras[j] + 1
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(keep); {
		if !keep[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(keep) && keep[j+1] {
			j++
		}
		start, end := x.paras[i], x.paraEnd(j)
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		f.segs = append(f.segs, segment{focused: b.Len(), source: start, n: end - start})
		b.WriteString(x.text[start:end])
		i = j + 1
	}
	if len(f.segs) == 0 || float64(b.Len()) > focusMaxShare*float64(len(x.text)) {
		return focus{}, false
	}
	f.text = b.String()
	return f, true
}

// asciiLower lowers the ASCII letters of s, as newSourceIndex does.
func asciiLower(s string) string {
	// lowered through a buffer on the stack into the one allocation a
	// strings.Builder makes, rather than copied to bytes and back
	var sb strings.Builder
	sb.Grow(len(s))
	var buf [4096]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		lowerASCII(buf[:n])
		sb.Write(buf[:n])
		s = s[n:]
	}
	return sb.String()
}

// lowerASCII lowers the ASCII capitals of b in place, eight bytes at a
// time: a byte below 0x80 from 'A' to 'Z' gains 0x20.
func lowerASCII(b []byte) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		low := x &^ highs // each byte's low seven bits: no carry between bytes
		upper := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones) &^ x & highs
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

func popcount(m uint64) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}

// toSource maps an offset of the focused text to the source's text.
func (f *focus) toSource(off int) int {
	i := sort.Search(len(f.segs), func(i int) bool { return f.segs[i].focused > off }) - 1
	if i < 0 {
		return 0
	}
	s := f.segs[i]
	return s.source + min(off-s.focused, s.n)
}

// remap moves a result's spans from the focused text to the source's
// text. A passage that straddles two runs of the focus is given the
// source's text between its ends, so its text is always the source's at
// its span.
func (f *focus) remap(r verify.Result, source string) verify.Result {
	r.Evidence = slices.Clone(r.Evidence)
	for i := range r.Evidence {
		e := &r.Evidence[i]
		e.Span.Start, e.Span.End = f.toSource(e.Span.Start), f.toSource(e.Span.End)
		e.Text = source[e.Span.Start:e.Span.End]
	}
	r.Missing = slices.Clone(r.Missing)
	for i := range r.Missing {
		m := &r.Missing[i]
		if m.SourceText == "" {
			continue
		}
		m.SourceSpan.Start, m.SourceSpan.End = f.toSource(m.SourceSpan.Start), f.toSource(m.SourceSpan.End)
	}
	return r
}
