package citecheck

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
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
	claim     claims.Claim
	citations []int // indexes into Pass.Citations
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
	for i, c := range found {
		out[i].claim = c
		end := c.Span.End
		for ci < len(p.Citations) && p.Citations[ci].Group.Start < c.Span.Start {
			ci++
		}
		for k := ci; k < len(p.Citations) && p.Citations[k].Group.Start < end; k++ {
			cit := p.Citations[k]
			if cit.Kind == citations.KindLink {
				out[i].links = append(out[i].links, cit.URL)
			}
			out[i].citations = append(out[i].citations, k)
		}
		after := strings.ToLower(strings.TrimLeft(text[end:min(len(text), end+24)], " "))
		out[i].needed = strings.HasPrefix(after, "[citation needed") || strings.Contains(strings.ToLower(c.Text), "[citation needed")
	}
	return out
}

// claimEntries turns the claims into their report form.
func (p *Pass) claimEntries() []Claim {
	out := make([]Claim, 0, len(p.claims))
	for i, s := range p.claims {
		c := Claim{ID: "k" + strconv.Itoa(i+1), Text: s.claim.Text, Kinds: s.claim.Kinds, Score: s.claim.Score,
			Span: p.Locate(s.claim.Span), Citations: []string{}, Links: []string{}, Attributions: []string{}}
		for _, k := range s.citations {
			c.Citations = append(c.Citations, p.Citations[k].ID)
		}
		c.Links = append(c.Links, s.links...)
		for _, a := range s.claim.Attributions {
			c.Attributions = append(c.Attributions, a.Name)
		}
		out = append(out, c)
	}
	return out
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

// yearsIn returns the four-digit years from 1500 to 2199 written in s.
func yearsIn(s string) []int {
	var out []int
	for i := 0; i+4 <= len(s); i++ {
		if (i > 0 && isDigit(s[i-1])) || !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			if y, _ := strconv.Atoi(s[i:j]); y >= 1500 && y < 2200 {
				out = append(out, y)
			}
		}
		i = j
	}
	return out
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
	for _, s := range p.claims {
		var latestCited, latestNamed int
		var citedText []string
		for _, k := range s.citations {
			y, ok := p.citedYear(k)
			if !ok {
				latestCited = -1 // a work of unknown date may be recent enough
				break
			}
			latestCited = max(latestCited, y)
			citedText = append(citedText, describe(p.Citations[k]))
		}
		if latestCited <= 0 {
			continue
		}
		sentence := s.claim.Text
		for _, k := range s.citations { // the citations' own years do not count
			g := p.Citations[k].Group
			if g.Start >= s.claim.Span.Start && g.End <= s.claim.Span.End {
				from, to := g.Start-s.claim.Span.Start, g.End-s.claim.Span.Start
				sentence = sentence[:from] + strings.Repeat(" ", to-from) + sentence[to:]
			}
		}
		for _, y := range yearsIn(sentence) {
			latestNamed = max(latestNamed, y)
		}
		if latestNamed <= latestCited {
			continue
		}
		p.Report(Finding{Span: p.Locate(s.claim.Span),
			Message: fmt.Sprintf("claim names %d but the latest work it cites is from %d: %s", latestNamed, latestCited, strings.Join(citedText, ", "))})
	}
}
