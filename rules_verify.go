package citecheck

import (
	"fmt"

	"github.com/citecheck/citecheck/claims/verify"
)

// The finding codes of the verification rules, which need resolved sources
// with readable text (Options.Resolver) and verification on (not
// Options.SkipVerification); they report nothing otherwise, and nothing
// for a source that could not be read or stands behind a paywall.
const (
	CodeUnsupportedClaim = "unsupported-claim"
	CodeNumberMismatch   = "number-mismatch"
	CodeMisquote         = "misquote"
)

// maxPassage bounds the passage of a source a message quotes, in bytes.
const maxPassage = 240

// verifyRules returns the verification rules, in the order their codes are
// documented.
func verifyRules() []*Rule {
	return []*Rule{
		{
			Code: CodeUnsupportedClaim, Severity: SeverityWarning,
			Summary: "A claim's cited source does not say what the claim says (it reads the source's text; a source that could not be fetched or is a paywall gets no verdict). The message quotes the source's closest passage.",
			Fix:     "Cite the source that does say it, or reword the claim to what the source says.",
			Run:     runUnsupportedClaim,
		},
		{
			Code: CodeNumberMismatch, Severity: SeverityError,
			Summary: "A claim gives a figure or date for something its cited source gives another for; the message shows both.",
			Fix:     "Correct the figure, or cite the source it comes from.",
			Run:     runNumberMismatch,
		},
		{
			Code: CodeMisquote, Severity: SeverityError,
			Summary: "A quotation in a claim does not appear in the source it cites; the message shows the source's closest passage.",
			Fix:     "Quote the source word for word, or paraphrase without quotation marks.",
			Run:     runMisquote,
		},
	}
}

// conflicts reports whether a result has a misquote or a figure the
// source gives differently: those findings say more than unsupported-claim.
func conflicts(r verify.Result) bool {
	for _, m := range r.Missing {
		if m.Kind == "quote" || (isFigure(m.Kind) && m.SourceText != "") {
			return true
		}
	}
	return false
}

// isFigure reports a Missing kind that a number-mismatch is about.
func isFigure(kind string) bool { return kind == "number" || kind == "date" }

// closest is the passage of the source nearest the claim: the best
// evidence, cut to maxPassage bytes.
func closest(r verify.Result) string {
	if len(r.Evidence) == 0 {
		return ""
	}
	return shorten(r.Evidence[0].Text, maxPassage)
}

func runUnsupportedClaim(p *Pass) {
	for i := range p.Claims {
		s := &p.Claims[i]
		for _, sup := range s.Support {
			r := sup.Result
			if (r.Verdict != verify.NotSupported && r.Verdict != verify.Contradicted) || conflicts(r) {
				continue
			}
			msg := fmt.Sprintf("%s does not say what the claim says", sup.URL)
			if c := closest(r); c != "" {
				msg += fmt.Sprintf("; its closest passage: %q", c)
			}
			p.ReportClaim(s, Finding{Message: msg, Citation: sup.Citation, Reference: sup.Reference})
		}
	}
}

func runNumberMismatch(p *Pass) {
	for i := range p.Claims {
		s := &p.Claims[i]
		for _, sup := range s.Support {
			for _, m := range sup.Result.Missing {
				if !isFigure(m.Kind) || m.SourceText == "" {
					continue
				}
				msg := fmt.Sprintf("the claim says %q where %s says %q", m.Text, sup.URL, m.SourceText)
				if m.Passage != "" {
					msg += fmt.Sprintf(": %q", shorten(m.Passage, maxPassage))
				}
				p.ReportClaim(s, Finding{Message: msg, Citation: sup.Citation, Reference: sup.Reference})
			}
		}
	}
}

func runMisquote(p *Pass) {
	for i := range p.Claims {
		s := &p.Claims[i]
		for _, sup := range s.Support {
			for _, m := range sup.Result.Missing {
				if m.Kind != "quote" {
					continue
				}
				msg := fmt.Sprintf("the quotation %q is not in %s", shorten(m.Text, maxPassage), sup.URL)
				passage := m.Passage
				if passage == "" {
					passage = m.SourceText
				}
				if passage == "" {
					passage = closest(sup.Result)
				}
				if passage != "" {
					msg += fmt.Sprintf("; the closest passage: %q", shorten(passage, maxPassage))
				}
				p.ReportClaim(s, Finding{Message: msg, Citation: sup.Citation, Reference: sup.Reference})
			}
		}
	}
}
