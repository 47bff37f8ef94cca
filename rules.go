package citecheck

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// DocsBase is where the codes are documented; a finding's URL is DocsBase
// followed by its code.
const DocsBase = "https://github.com/citecheck/citecheck/blob/main/README.md#"

// DocsURL returns the documentation URL of a finding code.
func DocsURL(code string) string { return DocsBase + code }

// Rule is one check: a finding code with its documentation and the
// function that looks for it, as an Analyzer is for go/analysis. Rules are
// plain values; DefaultRules returns a fresh list, so a caller may drop,
// reorder or reconfigure them freely, and add rules of its own, written in
// any package against the exported Pass:
//
//	noAnonymous := &citecheck.Rule{
//		Code: "anonymous-source", Severity: citecheck.SeverityWarning,
//		Summary: "A claim rests on an unnamed official.",
//		Run: func(p *citecheck.Pass) {
//			for i := range p.Claims {
//				if strings.Contains(p.Claims[i].Claim.Text, "officials said") {
//					p.ReportClaim(&p.Claims[i], citecheck.Finding{Message: "unnamed officials"})
//				}
//			}
//		},
//	}
//	opts.Rules = append(citecheck.DefaultRules(), noAnonymous)
type Rule struct {
	// Code names the finding, in kebab case: "unresolved-citation".
	Code string
	// Severity is the severity the rule's findings get by default.
	Severity Severity
	// Summary says in one sentence when the rule reports.
	Summary string
	// Fix says how to make the finding go away.
	Fix string
	// Run looks at what the pipeline produced and reports findings.
	Run func(*Pass)
}

// DefaultRules returns a new list of the rules, by family, in the order
// their codes are documented: the citation rules (rules_citations.go), the
// claim rules (rules_claims.go), the source rules (rules_sources.go) and
// the rules about suppression comments (rules_suppress.go).
// The source rules report only when sources were resolved
// (Options.Resolver).
func DefaultRules() []*Rule {
	return slices.Concat(citationRules(), claimRules(), sourceRules(), verifyRules(), suppressionRules())
}

// describe names a citation for a message: its text, with brackets for
// bare numbers, and a Markdown footnote as its author wrote it, "[^3]",
// not by the id the reader gave its note ("fn:3").
func (p *Pass) describe(c citations.Citation) string {
	switch c.Kind {
	case citations.KindNumeric, citations.KindLabel:
		if superscriptDigits(c.Text) {
			return fmt.Sprintf("%q", c.Text) // as written: "⁴", not "[4]"
		}
		return "[" + c.Number + "]"
	case citations.KindFootnote:
		if p.markdownFootnote(c) {
			return "[^" + c.Number + "]"
		}
		if note := p.wordNote(c); note != "" {
			return note + " " + c.Number
		}
		if c.Target != "" {
			return fmt.Sprintf("%q (footnote #%s)", c.Text, c.Target)
		}
	}
	return fmt.Sprintf("%q", c.Text)
}

// superscriptDigits reports whether s is written in superscript digits
// alone ("⁴", "¹²").
func superscriptDigits(s string) bool {
	for _, r := range s {
		switch r {
		case '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		default:
			return false
		}
	}
	return s != ""
}

// markdownFootnote reports whether c is a Markdown footnote reference,
// "[^label]": the Markdown reader points those at "fn:label".
func (p *Pass) markdownFootnote(c citations.Citation) bool {
	return c.Kind == citations.KindFootnote && p.Doc.Format == sources.FormatMarkdown &&
		c.Number != "" && c.Target == "fn:"+c.Number
}

// wordNote returns "footnote" or "endnote" for the mark of a Word note,
// which the DOCX reader writes "[n]" and points at "footnote-n" or
// "endnote-n"; "" for any other citation.
func (p *Pass) wordNote(c citations.Citation) string {
	if c.Kind != citations.KindFootnote || p.Doc.Format != sources.FormatDOCX || c.Number == "" {
		return ""
	}
	for _, kind := range []string{"footnote", "endnote"} {
		if c.Target == kind+"-"+c.Number {
			return kind
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// shorten returns s with its runs of white space made single spaces and
// its ends trimmed; when that is longer than n runes, it is cut to n, the
// last an ellipsis, at a space in its second half when there is one.
func shorten(s string, n int) string {
	// Its words joined by single spaces, as strings.Fields and
	// strings.Join would give them, read only as far as the n+1st rune: a
	// message quotes the start of a passage that may be long.
	b := make([]byte, 0, min(len(s), 4*(n+1)))
	runes, space := 0, false
	for i := 0; i < len(s) && runes <= n; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				runes++
				space = false
			}
			b = append(b, s[i:i+size]...) // an invalid byte stays as it is
			runes++
		}
		i += size
	}
	if runes <= n {
		return string(b)
	}
	r := []rune(string(b)) // runes > n: b holds at least n+1
	cut := n - 1
	for i := cut; i > n/2; i-- { // end at a word boundary when one is near
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,.;:") + "…"
}
