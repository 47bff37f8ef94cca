package citecheck

import (
	"fmt"
	"slices"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// Pass is what the pipeline produced for one document, handed to every
// rule, as go/analysis hands a Pass to an Analyzer. A rule reads it and
// reports findings with Reportf or Report; everything a rule needs is
// exported, so a rule may live in any package (see Rule).
type Pass struct {
	Doc       *sources.Document
	Citations []citations.Citation
	Lists     []citations.ReferenceList
	// Links holds the linking result of Citations[i] at index i.
	Links []citations.LinkResult
	// CitedBy maps a reference ID to the IDs of the citations that cite it
	// (a mismatched citation counts as citing its near entry).
	CitedBy map[string][]string
	// Mentions maps a reference ID to places in the body that name its
	// author or publisher; see SourcesMode.
	Mentions map[string][]sources.Span
	// SourcesMode reports a document whose reference lists have no in-text
	// markers pointing into them at all: a news piece with a "Sources" list.
	// Its entries are linked to the body's links and named sources instead.
	SourcesMode bool
	// Claims are the check-worthy sentences of the body (not of the
	// reference lists), in order, each with what supports it.
	Claims []ClaimSupport
	// Resolved is true when sources were resolved (Options.Resolver); the
	// source rules do nothing otherwise.
	Resolved bool
	// Sources are the cited sources that were resolved: each entry's DOI
	// (else its URL) and the URL of each citation that carries one (link
	// citations, written-out DOIs, author-year citations with their own
	// URL or DOI), in document order, entries first. Empty unless
	// Resolved.
	Sources []CitedSource
	// Resolutions maps a reference ID or a citation's ID to what
	// resolving its source gave; sources that could not be answered
	// (offline and not cached) are absent.
	Resolutions map[string]*resolve.Resolution

	refs     map[string]*citations.Reference
	findings []Finding
	// suppressed are the findings suppression comments turned off
	suppressed []SuppressedFinding
	rule       *Rule
	rules      []*Rule  // every rule of the check, for runs
	ruleURL    string   // DocsURL(rule.Code), once the rule has reported
	keys       []string // see workKeys
}

// ClaimSupport is one check-worthy sentence and what the pipeline found
// behind it.
type ClaimSupport struct {
	// ID is the claim's ID in the report: "k1", "k2", … in order.
	ID    string
	Claim *claims.Claim
	// Citations are indexes into Pass.Citations: the citations inside the
	// sentence or closing it.
	Citations []int
	// Links are the URLs of the sentence's links to sources: pages of
	// their own, on the article's site or another, but not glossary,
	// topic, profile or home pages (see citations.SourceURL), and the
	// resolver URLs of the DOIs written in it ("doi:10.1038/…").
	Links []string
	// CitationNeeded reports a "citation needed" marker after or in the
	// sentence.
	CitationNeeded bool

	// Exhibit is the article's own table, figure or appendix the sentence
	// points at ("see Table 1"), if one: the claim rests on material the
	// article shows.
	Exhibit string

	// Support holds what verifying the claim against each of its cited
	// sources gave, one per source with readable text, in the order of
	// Citations; empty unless sources were resolved and verification is
	// on (see Options.SkipVerification).
	Support []Support

	marked bool // one of Citations is a marker into a reference list, not a hyperlink
}

// Cited reports whether the claim rests on a citation marker, a link to a
// source (Links), the article's own exhibit or a source the sentence
// attributes it to (named, "according to Reuters", or not,
// "officials said", "the report found"), and is not marked "citation
// needed": false exactly when the uncited-claim rule reports it.
func (s *ClaimSupport) Cited() bool {
	return !s.CitationNeeded && (s.marked || len(s.Links) > 0 || s.Exhibit != "" || len(s.Claim.Attributions) > 0 ||
		slices.Contains(s.Claim.Kinds, claims.KindAttribution))
}

// CitedSource is one source the document cites, with what resolving it
// gave: a reference entry's DOI or URL, or the URL or DOI a citation
// carries.
type CitedSource struct {
	// Reference is the entry citing it; nil for a citation.
	Reference *citations.Reference
	// Citation is the citation carrying it (a link, a written-out DOI, an
	// author-year citation with its URL); nil for an entry.
	Citation   *citations.Citation
	Resolution *resolve.Resolution
	// Shadowed is true for a citation whose URL an entry also cites;
	// findings about the source are reported once, on the entry.
	Shadowed bool
}

// Span is where a finding about the source goes: the entry, or the link.
func (s CitedSource) Span() sources.Span {
	if s.Reference != nil {
		return s.Reference.Span
	}
	return s.Citation.Span
}

// Reportf reports a finding of the running rule's code and severity at a
// span of the document's text, with a message formatted as by fmt.Sprintf.
func (p *Pass) Reportf(span sources.Span, format string, args ...any) {
	p.Report(Finding{Span: p.Locate(span), Message: fmt.Sprintf(format, args...)})
}

// Report adds a finding. An empty Code, Severity or URL is the running
// rule's code, severity and documentation URL.
func (p *Pass) Report(f Finding) {
	if p.rule != nil && f.Code == "" {
		f.Code = p.rule.Code
	}
	if p.rule != nil && f.Severity == "" {
		f.Severity = p.rule.Severity
	}
	if f.URL == "" {
		if p.rule == nil || f.Code != p.rule.Code {
			f.URL = DocsURL(f.Code)
		} else {
			if p.ruleURL == "" {
				p.ruleURL = DocsURL(f.Code)
			}
			f.URL = p.ruleURL
		}
	}
	p.findings = append(p.findings, f)
}

// ReportSource reports a finding about a cited source, on its entry or
// link, with the entry's or the citation's ID set.
func (p *Pass) ReportSource(s CitedSource, f Finding) {
	f.Span = p.Locate(s.Span())
	if s.Reference != nil {
		f.Reference = s.Reference.ID
	} else {
		f.Citation = s.Citation.ID
	}
	p.Report(f)
}

// ReportClaim reports a finding about a claim, on its sentence, with the
// claim's ID set.
func (p *Pass) ReportClaim(s *ClaimSupport, f Finding) {
	f.Span = p.Locate(s.Claim.Span)
	f.Claim = s.ID
	p.Report(f)
}

// Locate returns the input location of a text span.
func (p *Pass) Locate(s sources.Span) sources.Location { return p.Doc.Locate(s) }

// Reference returns the entry with the given ID.
func (p *Pass) Reference(id string) (*citations.Reference, bool) {
	r, ok := p.refs[id]
	return r, ok
}

// EntryCount returns the number of entries of all the reference lists.
func (p *Pass) EntryCount() int {
	n := 0
	for _, l := range p.Lists {
		n += len(l.Entries)
	}
	return n
}

// Markers returns the indexes of the citations that point into a
// reference list: every citation but those that carry their own source,
// hyperlinks, DOIs written out and author-year citations with their URL or
// DOI, which need no list.
func (p *Pass) Markers() []int {
	var out []int
	for i, c := range p.Citations {
		if c.Kind != citations.KindLink && c.URL == "" {
			out = append(out, i)
		}
	}
	return out
}

// runs reports whether a rule of the code is among the check's rules: a
// rule leaves to another what that one reports, but only when it runs.
func (p *Pass) runs(code string) bool {
	return slices.ContainsFunc(p.rules, func(r *Rule) bool { return r.Code == code })
}
