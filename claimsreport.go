package citecheck

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// Claim is one check-worthy sentence and what supports it.
type Claim struct {
	ID    string        `json:"id"`
	Text  string        `json:"text"`
	Kinds []claims.Kind `json:"kinds"`
	// Score is the calibrated probability that the sentence is check-worthy.
	Score float64  `json:"score"`
	Span  Location `json:"span"`
	// Citations are the IDs of the citations inside the sentence or closing it.
	Citations []string `json:"citations"`
	// Links are the URLs the sentence links to.
	Links []string `json:"links"`
	// Attributions are the sources the sentence names in words: "according
	// to Reuters", "the Bureau of Labor Statistics said".
	Attributions []string `json:"attributions"`
}

// claimSupport is what the pipeline found behind one claim.
type claimSupport struct {
	claim     *claims.Claim // into the slice linkClaims was given
	citations []int         // indexes into Pass.Citations
	links     []string
	// needed reports a "citation needed" marker after the sentence.
	needed bool
}

// supported reports whether a claim rests on a citation, a link or a named
// source.
func (s claimSupport) supported() bool {
	return !s.needed && (len(s.citations) > 0 || len(s.links) > 0 || len(s.claim.Attributions) > 0)
}

// linkClaims attaches to each claim the citations inside it or closing it
// (a marker right after its full stop belongs to it), its links, and any
// "citation needed" marker that follows it.
func (p *Pass) linkClaims(found []claims.Claim) []claimSupport {
	out := make([]claimSupport, len(found))
	ci := 0
	text := p.Doc.Text
	// a claim's citations are a run of consecutive indexes, cut from one
	// slice of them all, and its links are cut from one slice too
	var indexes []int
	var links []string
	for i := range found {
		c := &found[i]
		out[i].claim = c
		end := c.Span.End
		for ci < len(p.Citations) && p.Citations[ci].Group.Start < c.Span.Start {
			ci++
		}
		k, from := ci, len(links)
		for ; k < len(p.Citations) && p.Citations[k].Group.Start < end; k++ {
			if cit := &p.Citations[k]; cit.Kind == citations.KindLink {
				links = append(links, cit.URL)
			}
		}
		if k > ci {
			if indexes == nil {
				indexes = make([]int, len(p.Citations))
				for j := range indexes {
					indexes[j] = j
				}
			}
			out[i].citations = indexes[ci:k:k]
		}
		if len(links) > from {
			out[i].links = links[from:len(links):len(links)]
		}
		out[i].needed = hasPrefixFold(strings.TrimLeft(text[end:min(len(text), end+24)], " "), citationNeeded) ||
			containsFold(c.Text, citationNeeded)
	}
	return out
}

// citationNeeded is the marker Wikipedia puts after an unsourced claim,
// in lower case.
const citationNeeded = "[citation needed"

// hasPrefixFold reports whether strings.ToLower(s) starts with the
// lower-case ASCII prefix, without lowering a copy of s in the common case.
func hasPrefixFold(s, prefix string) bool {
	if s == "" || s[0] != prefix[0] {
		return false // no rune lowers to '['
	}
	n := min(len(s), len(prefix))
	for i := range n {
		if s[i] >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
	}
	return n == len(prefix) && asciiEqualFold(s[:n], prefix)
}

// containsFold reports whether strings.ToLower(s) contains the lower-case
// ASCII pattern, which starts with a byte no rune lowers to.
func containsFold(s, pattern string) bool {
	if strings.IndexByte(s, pattern[0]) < 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), pattern)
		}
	}
	for i := 0; i+len(pattern) <= len(s); i++ {
		if s[i] == pattern[0] && asciiEqualFold(s[i:i+len(pattern)], pattern) {
			return true
		}
	}
	return false
}

// asciiEqualFold reports whether the ASCII string s lowers to the
// lower-case lower.
func asciiEqualFold(s, lower string) bool {
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

// claimEntries turns the claims into their report form.
func (p *Pass) claimEntries() []Claim {
	out := make([]Claim, 0, len(p.claims))
	ids := sequentialIDs("k", len(p.claims))
	// every claim's lists are cut from one slice per field
	var nc, nl, na int
	for _, s := range p.claims {
		nc, nl, na = nc+len(s.citations), nl+len(s.links), na+len(s.claim.Attributions)
	}
	cits, links, atts := make([]string, nc), make([]string, nl), make([]string, na)
	cut := func(all *[]string, n int) []string {
		s := (*all)[:n:n]
		*all = (*all)[n:]
		return s
	}
	for i, s := range p.claims {
		c := Claim{ID: ids[i], Text: s.claim.Text, Kinds: s.claim.Kinds, Score: s.claim.Score,
			Span: p.Locate(s.claim.Span), Citations: cut(&cits, len(s.citations)),
			Links: cut(&links, len(s.links)), Attributions: cut(&atts, len(s.claim.Attributions))}
		for j, k := range s.citations {
			c.Citations[j] = p.Citations[k].ID
		}
		copy(c.Links, s.links)
		for j, a := range s.claim.Attributions {
			c.Attributions[j] = a.Name
		}
		out = append(out, c)
	}
	return out
}

// sequentialIDs returns prefix+"1", prefix+"2", … up to n, cut from one
// string rather than built one by one (citations numbers its IDs the same
// way).
func sequentialIDs(prefix string, n int) []string {
	size := 0
	for i := 1; i <= n; i++ {
		size += len(prefix) + decimalLen(i)
	}
	var b strings.Builder
	b.Grow(size)
	var digits [20]byte
	for i := 1; i <= n; i++ {
		b.WriteString(prefix)
		b.Write(strconv.AppendInt(digits[:0], int64(i), 10))
	}
	all := b.String()
	ids := make([]string, n)
	for i, at := 0, 0; i < n; i++ {
		end := at + len(prefix) + decimalLen(i+1)
		ids[i] = all[at:end]
		at = end
	}
	return ids
}

// decimalLen returns the number of digits of n > 0.
func decimalLen(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

func runUncitedClaim(p *Pass) {
	for _, s := range p.claims {
		if s.supported() {
			continue
		}
		msg := fmt.Sprintf("claim cites nothing: %q", shorten(s.claim.Text, 80))
		if s.needed {
			msg = fmt.Sprintf("claim is marked \"citation needed\": %q", shorten(s.claim.Text, 80))
		}
		p.Report(Finding{Span: p.Locate(s.claim.Span), Message: msg})
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// citedYear returns the year of the work a citation cites: its own year, or
// that of the entry it resolved to.
func (p *Pass) citedYear(k int) (int, bool) {
	c := p.Citations[k]
	y := c.Year
	if ref := p.Links[k].Reference; ref != "" && p.Links[k].Status == citations.Resolved {
		if e, ok := p.Reference(ref); ok && e.Year != "" {
			y = e.Year
		}
	}
	if len(y) >= 4 {
		if n, err := strconv.Atoi(y[:4]); err == nil {
			return n, true
		}
	}
	return 0, false
}

func runAnachronisticCitation(p *Pass) {
	var blank []sources.Span // reused: the citations' groups in the sentence
	for _, s := range p.claims {
		var latestCited int
		for _, k := range s.citations {
			y, ok := p.citedYear(k)
			if !ok {
				latestCited = -1 // a work of unknown date may be recent enough
				break
			}
			latestCited = max(latestCited, y)
		}
		if latestCited <= 0 {
			continue
		}
		sentence := s.claim.Text
		blank = blank[:0]
		for _, k := range s.citations { // the citations' own years do not count
			g := p.Citations[k].Group
			if g.Start >= s.claim.Span.Start && g.End <= s.claim.Span.End {
				blank = append(blank, sources.Span{Start: g.Start - s.claim.Span.Start, End: g.End - s.claim.Span.Start})
			}
		}
		latestNamed := latestYear(sentence, blank)
		if latestNamed <= latestCited {
			continue
		}
		citedText := make([]string, len(s.citations))
		for i, k := range s.citations {
			citedText[i] = describe(p.Citations[k])
		}
		p.Report(Finding{Span: p.Locate(s.claim.Span),
			Message: fmt.Sprintf("claim names %d but the latest work it cites is from %d: %s", latestNamed, latestCited, strings.Join(citedText, ", "))})
	}
}

// latestYear returns the latest of yearsIn(s) (0 when there is none) as if
// the bytes of s inside the blank spans were spaces.
func latestYear(s string, blank []sources.Span) int {
	digit := func(i int) bool {
		if !isDigit(s[i]) {
			return false
		}
		for _, b := range blank {
			if i >= b.Start && i < b.End {
				return false
			}
		}
		return true
	}
	latest := 0
	for i := 0; i+4 <= len(s); i++ {
		if (i > 0 && digit(i-1)) || !digit(i) {
			continue
		}
		j := i
		y := 0
		for j < len(s) && digit(j) {
			if j-i < 5 {
				y = y*10 + int(s[j]-'0')
			}
			j++
		}
		if j-i == 4 && y >= 1500 && y < 2200 {
			latest = max(latest, y)
		}
		i = j
	}
	return latest
}
