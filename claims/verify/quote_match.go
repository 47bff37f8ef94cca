package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// QuoteStatus says whether a quotation was found in a source.
type QuoteStatus string

// The answers of FindQuote.
const (
	// QuoteExact: every word of the quotation is in the source, in order,
	// after normalising (see FindQuote).
	QuoteExact QuoteStatus = "exact"
	// QuoteMisquote: a passage of the source differs from the quotation by
	// a few words (at most one in four, at least one word of three or
	// more): a word changed, added or left out.
	QuoteMisquote QuoteStatus = "misquote"
	// QuoteAbsent: no passage of the source comes close.
	QuoteAbsent QuoteStatus = "absent"
)

// QuoteMatch is what FindQuote found of a quotation in a source.
type QuoteMatch struct {
	// Status says whether the quotation is in the source.
	Status QuoteStatus `json:"status"`
	// Span is the passage of the source: for an exact match, from the
	// quotation's first word to its last; for a misquote, the closest
	// passage; for an absent quotation, the closest passage when it shares
	// at least half the quotation's words, else empty.
	Span sources.Span `json:"span"`
	// Parts are the spans of the source that match the pieces of a
	// quotation cut by ellipses or bracketed insertions, in order (one part
	// for a quotation in one piece); exact matches only.
	Parts []sources.Span `json:"parts,omitempty"`
	// Quoted are the words of the quotation that the passage lacks or has
	// otherwise, as written in the quotation.
	Quoted []string `json:"quoted,omitempty"`
	// Source are the words of the passage in their place, or added to it,
	// as written in the source.
	Source []string `json:"source,omitempty"`
	// Words is the number of words of the quotation; Matched how many of
	// them the passage has, in order.
	Words   int `json:"words"`
	Matched int `json:"matched"`
}

// word is a normalised word: its hash and its span.
type word struct {
	h          uint64
	hj         uint64 // the hash of this word joined to the next when a hyphen joins them ("front-line"), else 0
	start, end int
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// appendWords appends the words of text to dst. A word is a run of letters
// and digits, with apostrophes between letters ("don't", "council's"),
// and commas and points between digits ("1,200" is "1200", "4.5" stays).
// Words are compared lowercased, with curly apostrophes straight; hyphens,
// dashes, quotation marks and other punctuation separate words.
func appendWords(dst []word, text string) []word {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) && !isDigit(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !wordRune(r) {
			i += n
			continue
		}
		h := uint64(fnvOffset)
		start := i
		prevLetter, prevDigit := false, false
	word:
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case isLetter(c):
					h = (h ^ uint64(c|0x20)) * fnvPrime
					prevLetter, prevDigit = true, false
					i++
				case isDigit(c):
					h = (h ^ uint64(c)) * fnvPrime
					prevLetter, prevDigit = false, true
					i++
				case c == '\'' && prevLetter && nextIsLetter(text, i+1):
					h = (h ^ '\'') * fnvPrime
					prevLetter = false
					i++
				case (c == ',' || c == '.') && prevDigit && i+1 < len(text) && isDigit(text[i+1]):
					if c == '.' {
						h = (h ^ '.') * fnvPrime
					}
					prevDigit = false
					i++
				default:
					break word
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case wordRune(r):
				r = unicode.ToLower(r)
				h = (h ^ uint64(r)) * fnvPrime
				prevLetter, prevDigit = true, false
			case (r == '’' || r == 'ʼ' || r == '‘') && prevLetter && nextIsLetter(text, i+n):
				h = (h ^ '\'') * fnvPrime
				prevLetter = false
			default:
				break word
			}
			i += n
		}
		if n := len(dst); n > 0 && dst[n-1].end+1 == start && text[start-1] == '-' {
			dst[n-1].hj = hashMore(dst[n-1].h, text[start:i])
		}
		dst = append(dst, word{h: h, start: start, end: i})
	}
	return dst
}

// hashMore continues the hash h of a word with the characters of the word
// w, as appendWords hashes them: the hash of the two words written as one
// ("frontline" for "front-line").
func hashMore(h uint64, w string) uint64 {
	for _, r := range w {
		switch {
		case r == ',':
		case r == '’' || r == 'ʼ' || r == '‘':
			h = (h ^ '\'') * fnvPrime
		case r < utf8.RuneSelf && isLetter(byte(r)):
			h = (h ^ uint64(r|0x20)) * fnvPrime
		case r < utf8.RuneSelf:
			h = (h ^ uint64(r)) * fnvPrime
		default:
			h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		}
	}
	return h
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func nextIsLetter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if text[i] < utf8.RuneSelf {
		return isLetter(text[i])
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// Index is a source prepared for finding quotations in it: its words,
// normalised and hashed, with their spans. Build it once per source and
// ask it for every quotation; it is safe for concurrent use.
type Index struct {
	text  string
	words []word
}

// NewIndex indexes the words of source, in time linear in its length.
func NewIndex(source string) *Index {
	return &Index{text: source, words: appendWords(make([]word, 0, len(source)/6+1), source)}
}

// FindQuote reports whether quote appears in source; see Index.FindQuote.
// To look for several quotations in one source, build its Index once.
func FindQuote(quote, source string) QuoteMatch {
	return NewIndex(source).FindQuote(quote)
}

// gap is what joins two pieces of a quotation.
type gap byte

const (
	gapNone     gap = iota
	gapEllipsis     // "…", "...", "[…]": any omitted run of words
	gapBracket      // "[the council]": an insertion in place of a few words
)

// The most words a gap may stand for in the source.
const (
	maxEllipsisWords = 300
	maxBracketWords  = 10
)

// piece is a part of a quotation between ellipses and bracketed
// insertions.
type piece struct {
	text  string
	words []word
	gap   gap // the gap before the piece
}

// pieces cuts a quotation at its ellipses and bracketed insertions.
// Brackets inside a word ("[T]he", "council[s]") are dropped and their
// letters kept; "[sic]" is dropped.
func pieces(quote string) []piece {
	var out []piece
	var b strings.Builder
	next := gapNone
	flush := func(g gap) {
		if b.Len() > 0 {
			t := b.String()
			if ws := appendWords(nil, t); len(ws) > 0 {
				out = append(out, piece{text: t, words: ws, gap: next})
				next = gapNone
			}
			b.Reset()
		}
		if len(out) > 0 && g > next {
			next = g
		}
	}
	for i := 0; i < len(quote); {
		switch {
		case strings.HasPrefix(quote[i:], "…"):
			flush(gapEllipsis)
			i += len("…")
			continue
		case strings.HasPrefix(quote[i:], "..."):
			flush(gapEllipsis)
			i += 3
			continue
		case strings.HasPrefix(quote[i:], ". . ."):
			flush(gapEllipsis)
			i += 5
			continue
		case quote[i] == '[':
			j := strings.IndexByte(quote[i:], ']')
			if j < 0 || j > 120 {
				break
			}
			inner := quote[i+1 : i+j]
			end := i + j + 1
			attached := (i > 0 && nextIsLetter(quote, i-1) && !unicode.IsSpace(runeBeforeAt(quote, i))) ||
				nextIsLetter(quote, end)
			switch {
			case inner == "…" || inner == "..." || inner == ". . .":
				flush(gapEllipsis)
			case strings.EqualFold(inner, "sic"):
			case attached:
				b.WriteString(inner)
			default:
				flush(gapBracket)
			}
			i = end
			continue
		}
		b.WriteByte(quote[i])
		i++
	}
	flush(gapNone)
	return out
}

// FindQuote reports whether quote appears in the source, after
// normalising both: case (so a capital changed at the start does not
// matter), curly and straight quotes and apostrophes, whitespace, hyphens
// and dashes, and punctuation. An ellipsis ("…", "...", "[…]") stands for
// any omitted run of words (up to 300): the pieces around it must appear
// in order. A bracketed insertion ("[the council]") stands for up to ten
// words of the source, or none: the words around it must match. When the
// quotation is not there word for word, FindQuote looks for the closest
// passage and reports a misquote when it differs by at most one word in
// four, with the words that differ.
//
// It takes time linear in the length of the source (a hashed-word index
// and one pass per piece of the quotation), plus a small alignment around
// the closest passage.
func (x *Index) FindQuote(quote string) QuoteMatch {
	ps := pieces(quote)
	total := 0
	for _, p := range ps {
		total += len(p.words)
	}
	m := QuoteMatch{Status: QuoteAbsent, Words: total}
	if total == 0 || len(x.words) == 0 {
		return m
	}
	if parts, ok := x.exact(ps); ok {
		m.Status, m.Matched, m.Parts = QuoteExact, total, parts
		m.Span = sources.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
		return m
	}
	// The closest passage of each piece; the quotation differs by what
	// they differ by.
	edits, first, last := 0, -1, -1
	inOrder := true
	var parts []sources.Span
	for _, p := range ps {
		a, ok := x.closest(p.words)
		if !ok {
			edits += len(p.words)
			inOrder = false
			continue
		}
		if a.to <= a.from || (last >= 0 && a.from < last) {
			inOrder = false
		} else {
			parts = append(parts, x.span(a.from, a.to))
		}
		edits += a.cost
		m.Matched += a.matched
		for _, k := range a.quoted {
			m.Quoted = append(m.Quoted, p.text[p.words[k].start:p.words[k].end])
		}
		for _, k := range a.source {
			m.Source = append(m.Source, x.text[x.words[k].start:x.words[k].end])
		}
		if first < 0 {
			first = a.from
		}
		if a.to > last {
			last = a.to
		}
	}
	if edits == 0 && inOrder && len(parts) == len(ps) {
		// The same words in the same order, joined or split by a hyphen
		// otherwise ("frontline", "front-line").
		m.Status, m.Parts, m.Quoted, m.Source = QuoteExact, parts, nil, nil
		m.Span = sources.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
		return m
	}
	if first >= 0 && last > first && 2*m.Matched >= total {
		m.Span = sources.Span{Start: x.words[first].start, End: x.words[last-1].end}
	}
	if total >= 3 && m.Matched >= 2 && edits <= max(1, total/4) && m.Span.End > 0 {
		m.Status = QuoteMisquote
		return m
	}
	m.Quoted, m.Source = nil, nil
	return m
}

// exact finds the pieces in order, each within its gap of the one before,
// and returns their spans.
func (x *Index) exact(ps []piece) ([]sources.Span, bool) {
	const maxTries = 64
	starts := kmpAll(x.words, ps[0].words, maxTries)
	for _, st := range starts {
		parts := []sources.Span{x.span(st, st+len(ps[0].words))}
		pos := st + len(ps[0].words)
		ok := true
		for _, p := range ps[1:] {
			limit := maxEllipsisWords
			if p.gap == gapBracket {
				limit = maxBracketWords
			} else if p.gap == gapNone {
				limit = 0
			}
			at := x.findFrom(p.words, pos, pos+limit)
			if at < 0 {
				ok = false
				break
			}
			parts = append(parts, x.span(at, at+len(p.words)))
			pos = at + len(p.words)
		}
		if ok {
			return parts, true
		}
	}
	return nil, false
}

func (x *Index) span(from, to int) sources.Span {
	return sources.Span{Start: x.words[from].start, End: x.words[to-1].end}
}

// findFrom returns the first position in [from, to] where q starts in the
// source, or -1.
func (x *Index) findFrom(q []word, from, to int) int {
	for at := from; at <= to && at+len(q) <= len(x.words); at++ {
		k := 0
		for k < len(q) && x.words[at+k].h == q[k].h {
			k++
		}
		if k == len(q) {
			return at
		}
	}
	return -1
}

// kmpAll returns up to limit positions where q occurs in s
// (Knuth–Morris–Pratt over word hashes: linear in len(s)).
func kmpAll(s, q []word, limit int) []int {
	fail := make([]int, len(q))
	for i, k := 1, 0; i < len(q); i++ {
		for k > 0 && q[i].h != q[k].h {
			k = fail[k-1]
		}
		if q[i].h == q[k].h {
			k++
		}
		fail[i] = k
	}
	var out []int
	for i, k := 0, 0; i < len(s); i++ {
		for k > 0 && s[i].h != q[k].h {
			k = fail[k-1]
		}
		if s[i].h == q[k].h {
			k++
		}
		if k == len(q) {
			out = append(out, i-len(q)+1)
			if len(out) == limit {
				break
			}
			k = fail[k-1]
		}
	}
	return out
}

// alignment is the closest passage to a piece: source words [from, to),
// its edit cost, how many quote words it has, and which words differ
// (indices of the piece's words and of the source's).
type alignment struct {
	from, to, cost, matched int
	quoted, source          []int
}

// maxAlignWords bounds the words of a piece aligned word by word.
const maxAlignWords = 400

// closest finds the passage of the source closest to q: the diagonals
// (source position minus quote position) on which most words agree are
// voted for in one pass, and the best few are aligned word by word.
func (x *Index) closest(q []word) (alignment, bool) {
	if len(q) > maxAlignWords {
		q = q[:maxAlignWords]
	}
	m, n := len(q), len(x.words)
	var bloom [16]uint64
	var where map[uint64][]int
	if m > 32 {
		where = make(map[uint64][]int, m)
	}
	for i, w := range q {
		bloom[(w.h>>6)&15] |= 1 << (w.h & 63)
		if where != nil {
			where[w.h] = append(where[w.h], i)
		}
	}
	votes := make([]int32, n+m)
	for j, w := range x.words {
		if bloom[(w.h>>6)&15]&(1<<(w.h&63)) == 0 {
			continue
		}
		if where != nil {
			for _, i := range where[w.h] {
				votes[j-i+m]++
			}
			continue
		}
		for i := range q {
			if q[i].h == w.h {
				votes[j-i+m]++
			}
		}
	}
	// The best three bands of five neighbouring diagonals (a word added or
	// left out shifts the diagonal by one), at least a quotation's length
	// apart, by one sliding sum.
	type band struct {
		d int
		v int32
	}
	var top [3]band
	var sum int32
	for k := range len(votes) + 2 {
		if k < len(votes) {
			sum += votes[k]
		}
		if k >= 5 {
			sum -= votes[k-5]
		}
		if sum == 0 || sum <= top[2].v {
			continue
		}
		c := band{min(k-2, len(votes)-1), sum}
		near := -1
		for t := range top {
			if top[t].v > 0 && c.d-top[t].d <= m {
				near = t
			}
		}
		if near >= 0 {
			if c.v <= top[near].v {
				continue
			}
			copy(top[near:], top[near+1:]) // replaced by c below
			top[2] = band{}
		}
		t := 2
		for t > 0 && top[t-1].v < c.v {
			t--
		}
		copy(top[t+1:], top[t:2])
		top[t] = c
	}
	slack := 2 + m/4
	best := alignment{cost: -1}
	for _, b := range top {
		if b.v == 0 || (best.cost >= 0 && int(b.v) <= best.matched/2) {
			break
		}
		from := max(0, b.d-m-slack)
		to := min(n, b.d+slack)
		if from >= to {
			continue
		}
		a := align(q, x.words[from:to])
		a.from += from
		a.to += from
		for k := range a.source {
			a.source[k] += from
		}
		if best.cost < 0 || a.cost < best.cost || (a.cost == best.cost && a.matched > best.matched) {
			best = a
		}
	}
	return best, best.cost >= 0 && best.matched > 0
}

// align aligns q against a stretch of the source, free to start and end
// anywhere in it: each changed, missing or added word costs one.
func align(q, s []word) alignment {
	m, n := len(q), len(s)
	w := n + 1
	d := make([]int32, (m+1)*w)
	for i := 1; i <= m; i++ {
		d[i*w] = int32(i)
		for j := 1; j <= n; j++ {
			sub := d[(i-1)*w+j-1]
			if q[i-1].h != s[j-1].h {
				sub++
			}
			v := min(sub, d[(i-1)*w+j]+1, d[i*w+j-1]+1)
			if joinSource(q, s, i, j) {
				v = min(v, d[(i-1)*w+j-2])
			}
			if joinQuote(q, s, i, j) {
				v = min(v, d[(i-2)*w+j-1])
			}
			d[i*w+j] = v
		}
	}
	end := 0
	for j := 1; j <= n; j++ {
		if d[m*w+j] <= d[m*w+end] { // on a tie, the longer passage: a changed last word is shown
			end = j
		}
	}
	a := alignment{to: end, cost: int(d[m*w+end])}
	i, j := m, end
	for i > 0 {
		switch {
		case j > 0 && q[i-1].h == s[j-1].h && d[i*w+j] == d[(i-1)*w+j-1]:
			a.matched++
			i, j = i-1, j-1
		case joinSource(q, s, i, j) && d[i*w+j] == d[(i-1)*w+j-2]:
			a.matched++
			i, j = i-1, j-2
		case joinQuote(q, s, i, j) && d[i*w+j] == d[(i-2)*w+j-1]:
			a.matched += 2
			i, j = i-2, j-1
		case j > 0 && d[i*w+j] == d[(i-1)*w+j-1]+1:
			a.quoted = append(a.quoted, i-1)
			a.source = append(a.source, j-1)
			i, j = i-1, j-1
		case d[i*w+j] == d[(i-1)*w+j]+1:
			a.quoted = append(a.quoted, i-1)
			i--
		default:
			a.source = append(a.source, j-1)
			j--
		}
	}
	a.from = j
	reverse(a.quoted)
	reverse(a.source)
	return a
}

// joinSource reports whether quote word i-1 is source words j-2 and j-1
// written as one ("frontline" for "front-line").
func joinSource(q, s []word, i, j int) bool {
	return j >= 2 && s[j-2].hj != 0 && s[j-2].hj == q[i-1].h
}

// joinQuote reports whether quote words i-2 and i-1 are source word j-1
// written with a hyphen.
func joinQuote(q, s []word, i, j int) bool {
	return i >= 2 && j >= 1 && q[i-2].hj != 0 && q[i-2].hj == s[j-1].h
}

func reverse(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
