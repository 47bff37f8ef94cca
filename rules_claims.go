package citecheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// The finding codes of the claim rules.
const (
	CodeUncitedClaim      = "uncited-claim"
	CodeAnachronisticCite = "anachronistic-citation"
)

// claimRules returns the rules about claims, in the order their codes are
// documented.
func claimRules() []*Rule {
	return []*Rule{
		{
			Code: CodeUncitedClaim, Severity: SeverityWarning,
			Summary: "A check-worthy claim (a statistic, a dated event, a causal or attributed statement) with no citation, link to a source or attribution, or marked \"citation needed\". A warning from a claim score of 0.5 (UncitedWarningScore), an info below it and in a document with code blocks (TechnicalCodeBlocks).",
			Fix:     "Cite the source the claim rests on, link to it, or name it in the sentence.",
			Run:     runUncitedClaim,
		},
		{
			Code: CodeAnachronisticCite, Severity: SeverityWarning,
			Summary: "A claim names a year later than every work it cites, so the cited works cannot support it.",
			Fix:     "Cite a source from the time of the event, or correct the date.",
			Run:     runAnachronisticCitation,
		},
	}
}

// UncitedWarningScore is the claim score from which an uncited claim is a
// warning. Below it the sentence is at least as likely not to be a
// check-worthy claim at all (the score is a calibrated probability), and
// the finding is an info: worth a look, not worth failing a build. A
// sentence marked "citation needed" is a warning whatever its score.
const UncitedWarningScore = 0.5

// TechnicalCodeBlocks is the number of code blocks from which a document
// reads as technical documentation (a README, a manual, release notes, an
// engineering post with its code), where an uncited claim is an info, not
// a warning: there the claim model cannot tell how a system works, told by
// its builders, from a checkable claim ("Ingested samples are grouped into
// two-hour blocks."), and on such documents it has never learnt from it
// flags 14% of the sentences that are not claims, for a precision of about
// 0.22 (README, "Accuracy"). A sentence marked "citation needed" is a
// warning whatever the document.
const TechnicalCodeBlocks = 2

// technicalDocument reports whether doc holds at least TechnicalCodeBlocks
// code blocks.
func technicalDocument(doc *sources.Document) bool {
	n := 0
	for _, b := range doc.Blocks {
		if b.Kind == sources.BlockPreformatted {
			if n++; n >= TechnicalCodeBlocks {
				return true
			}
		}
	}
	return false
}

func runUncitedClaim(p *Pass) {
	technical := len(p.Claims) > 0 && technicalDocument(p.Doc)
	for i := range p.Claims {
		s := &p.Claims[i]
		if s.Cited() || s.Claim.FirstHand && !s.CitationNeeded {
			// the writer's own testimony rests on the writer
			continue
		}
		f := Finding{Message: fmt.Sprintf("claim cites nothing: %q", shorten(s.Claim.Text, 80))}
		switch {
		case s.CitationNeeded:
			f.Message = fmt.Sprintf("claim is marked \"citation needed\": %q", shorten(s.Claim.Text, 80))
		case s.Claim.Score < UncitedWarningScore:
			// as likely not a claim at all: say so, and do not fail a
			// build on it
			f.Severity = SeverityInfo
			f.Message = fmt.Sprintf("possible claim cites nothing (score %.2f): %q", s.Claim.Score, shorten(s.Claim.Text, 80))
		case technical:
			// a README or a manual: how the system works reads as claims
			f.Severity = SeverityInfo
			f.Message = fmt.Sprintf("possible claim cites nothing (technical document, score %.2f): %q", s.Claim.Score, shorten(s.Claim.Text, 80))
		}
		p.ReportClaim(s, f)
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

// runAnachronisticCitation reports a claim that names a year later than
// every work it cites (the citations' own years left out), unless a work
// of unknown date is among them or the claim is a forecast.
func runAnachronisticCitation(p *Pass) {
	var blank []sources.Span // reused: the citations' groups in the sentence
	for i := range p.Claims {
		s := &p.Claims[i]
		var latestCited int
		for _, k := range s.Citations {
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
		sentence := s.Claim.Text
		blank = blank[:0]
		for _, k := range s.Citations { // the citations' own years do not count
			g := p.Citations[k].Group
			if g.Start >= s.Claim.Span.Start && g.End <= s.Claim.Span.End {
				blank = append(blank, sources.Span{Start: g.Start - s.Claim.Span.Start, End: g.End - s.Claim.Span.Start})
			}
		}
		latestNamed := latestYear(sentence, blank)
		if latestNamed <= latestCited || slices.Contains(s.Claim.Kinds, claims.KindPrediction) || forecast(sentence) {
			// A forecast names the years the cited work looked ahead
			// to: "is projected to rise to 43 years by 2050 (UN, 2009)".
			continue
		}
		citedText := make([]string, len(s.Citations))
		for i, k := range s.Citations {
			citedText[i] = p.describe(p.Citations[k])
		}
		p.ReportClaim(s, Finding{
			Message: fmt.Sprintf("claim names %d but the latest work it cites is from %d: %s", latestNamed, latestCited, strings.Join(citedText, ", "))})
	}
}

// forecast reports whether sentence has, as a whole word in any case, one
// of the words of a sentence that looks ahead ("analysts expect it to
// triple by 2030"), beside those claims.KindPrediction reads.
func forecast(sentence string) bool {
	forecastWords := [...]string{"expect", "expects", "anticipate", "anticipates", "forecasting",
		"projection", "projections", "prediction", "predictions", "outlook", "scenario", "scenarios", "target", "targets", "goal", "aims"}
	for i := 0; i < len(sentence); {
		for i < len(sentence) && !isASCIILetter(sentence[i]) {
			i++
		}
		j := i
		for j < len(sentence) && isASCIILetter(sentence[j]) {
			j++
		}
		if w := sentence[i:j]; len(w) >= 4 && (j == len(sentence) || sentence[j] < 0x80) {
			for _, f := range forecastWords {
				if strings.EqualFold(w, f) {
					return true
				}
			}
		}
		i = j
	}
	return false
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
