package citecheck

import (
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// ReportVersion is the version of the Report's JSON form. Field names are a
// contract: they change only together with this number.
const ReportVersion = 1

// Severity ranks a finding.
type Severity string

// The severities, from the most to the least serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}

// Report is the result of checking one input. It is what `citecheck check
// --format json` writes, one object per line.
type Report struct {
	Version int    `json:"version"`
	Input   string `json:"input"`
	Format  string `json:"format"`
	Title   string `json:"title"`
	// Meta is what the document says about itself.
	Meta       sources.Meta `json:"meta"`
	Citations  []Citation   `json:"citations"`
	References []Reference  `json:"references"`
	// ReferenceLists are the reference sections found, in order.
	ReferenceLists []ReferenceList `json:"reference_lists"`
	// Claims are the check-worthy sentences, in order.
	Claims   []Claim   `json:"claims"`
	Findings []Finding `json:"findings"`
	// Suppressed are the findings suppression comments in the input turned
	// off ("<!-- citecheck-disable-next-line uncited-claim -->"), in order,
	// each with the comment; they count toward no severity.
	Suppressed []SuppressedFinding `json:"suppressed,omitempty"`
	Summary    Summary             `json:"summary"`

	// Document is the parsed input, for callers that want more than the
	// report holds. It is not part of the JSON form.
	Document *sources.Document `json:"-"`
}

// Citation is one in-text citation and what it was linked to.
type Citation struct {
	ID        string           `json:"id"`
	Kind      citations.Kind   `json:"kind"`
	Text      string           `json:"text"`
	Authors   []string         `json:"authors,omitempty"`
	EtAl      bool             `json:"et_al,omitempty"`
	Year      string           `json:"year,omitempty"`
	Locator   string           `json:"locator,omitempty"`
	Number    string           `json:"number,omitempty"`
	Target    string           `json:"target,omitempty"`
	URL       string           `json:"url,omitempty"`
	Narrative bool             `json:"narrative,omitempty"`
	Span      sources.Location `json:"span"`
	// Group is the whole marker the citation is part of: "(A, 2019; B, 2020)".
	Group  sources.Location `json:"group"`
	Status citations.Status `json:"status"`
	// Reference is the ID of the entry it cites, or of the near entry when
	// mismatched; "" when unresolved, ambiguous or unlisted (null in JSON).
	Reference string `json:"reference"`
	// Candidates are the entries an ambiguous citation matches, at most
	// citations.MaxCandidates of them, in list order; CandidateCount is how
	// many it matches in all, set when that is more than Candidates holds.
	Candidates     []string `json:"candidates,omitempty"`
	CandidateCount int      `json:"candidate_count,omitempty"`
	// Claim is the ID of the claim whose sentence holds or closes the
	// citation; "" for a citation outside every claim.
	Claim string `json:"claim,omitempty"`
	// Source is what resolving the URL or DOI the citation carries gave;
	// absent when sources were not resolved or it carries none.
	Source *resolve.Source `json:"source,omitempty"`
}

// Reference is one reference-list entry and the citations that cite it.
type Reference struct {
	ID        string           `json:"id"`
	Text      string           `json:"text"`
	Label     string           `json:"label,omitempty"`
	Anchor    string           `json:"anchor,omitempty"`
	Authors   []string         `json:"authors"`
	Year      string           `json:"year"`
	Title     string           `json:"title"`
	Container string           `json:"container,omitempty"`
	Volume    string           `json:"volume,omitempty"`
	Issue     string           `json:"issue,omitempty"`
	Pages     string           `json:"pages,omitempty"`
	Publisher string           `json:"publisher,omitempty"`
	DOI       string           `json:"doi"`
	URL       string           `json:"url"`
	Span      sources.Location `json:"span"`
	// List is the index of the reference list in ReferenceLists.
	List    int      `json:"list"`
	CitedBy []string `json:"cited_by"`
	// Short marks a short note ("King 2003, p. 41.") and Full lists the
	// entries it stands for, which count as cited through it (see
	// citations.Reference).
	Short bool     `json:"short,omitempty"`
	Full  []string `json:"full,omitempty"`
	// Mentions are places in the body that name the entry's author or
	// publisher, for source lists that have no in-text markers.
	Mentions []sources.Location `json:"mentions,omitempty"`
	// Source is what resolving the entry's DOI (else its URL) gave; absent
	// when sources were not resolved.
	Source *resolve.Source `json:"source,omitempty"`
}

// ReferenceList is one reference section.
type ReferenceList struct {
	Heading string `json:"heading"`
	// HeadingSpan is null for a list found without a heading.
	HeadingSpan *sources.Location `json:"heading_span"`
	Span        sources.Location  `json:"span"`
	Entries     int               `json:"entries"`
}

// Claim is one check-worthy sentence and what supports it.
type Claim struct {
	ID    string        `json:"id"`
	Text  string        `json:"text"`
	Kinds []claims.Kind `json:"kinds"`
	// Score is the calibrated probability that the sentence is check-worthy.
	Score float64          `json:"score"`
	Span  sources.Location `json:"span"`
	// Citations are the IDs of the citations inside the sentence or closing it.
	Citations []string `json:"citations"`
	// Links are the URLs of the sentence's links to sources (not to
	// glossary, topic, profile or home pages).
	Links []string `json:"links"`
	// Attributions are the sources the sentence names in words: "according
	// to Reuters", "the Bureau of Labor Statistics said".
	Attributions []string `json:"attributions"`
	// Exhibit is the article's own table or figure the sentence points at
	// ("see Table 1"), if one.
	Exhibit string `json:"exhibit,omitempty"`
	// FirstHand is true when the writer is the claim's source: their own
	// experience ("I received an email that…") or their own arithmetic,
	// worked out in the sentence. An uncited claim of that kind is not
	// reported.
	FirstHand bool `json:"firsthand,omitempty"`
	// Cited reports whether the claim rests on a citation, a link to a
	// source, the article's own exhibit or a source it is attributed to
	// (named or not: "officials said"), and is not marked "citation
	// needed"; an uncited-claim finding reports each claim where it is
	// false.
	Cited bool `json:"cited"`
	// Support holds, when sources were resolved and verified, what each
	// cited source with readable text says of the claim.
	Support []SourceSupport `json:"support,omitempty"`
}

// Finding is one problem found, shaped like go/analysis's Diagnostic.
type Finding struct {
	Code     string           `json:"code"`
	Severity Severity         `json:"severity"`
	Message  string           `json:"message"`
	Span     sources.Location `json:"span"`
	// URL points at the code's documentation.
	URL string `json:"url"`
	// Citation is the ID of the citation the finding is about, if one.
	Citation string `json:"citation,omitempty"`
	// Reference is the ID of the entry the finding is about, if one.
	Reference string `json:"reference,omitempty"`
	// Claim is the ID of the claim the finding is about, if one.
	Claim string `json:"claim,omitempty"`
	// Related are other places that explain the finding: the near entry of
	// a mismatch, the first copy of a duplicate.
	Related []Related `json:"related,omitempty"`
}

// Related is a place connected to a finding.
type Related struct {
	Message string           `json:"message"`
	Span    sources.Location `json:"span"`
}

// Summary counts what a report holds.
type Summary struct {
	Citations      int `json:"citations"`
	Resolved       int `json:"resolved"`
	Unresolved     int `json:"unresolved"`
	Ambiguous      int `json:"ambiguous"`
	Mismatched     int `json:"mismatched"`
	Links          int `json:"links"`
	ReferenceLists int `json:"reference_lists"`
	References     int `json:"references"`
	Orphans        int `json:"orphans"`
	Claims         int `json:"claims"`
	UncitedClaims  int `json:"uncited_claims"`
	// FirstHandClaims counts the uncited claims the writer is the
	// source of (claims.Claim.FirstHand), which uncited-claim leaves
	// out.
	FirstHandClaims int `json:"firsthand_claims,omitempty"`
	Errors          int `json:"errors"`
	Warnings        int `json:"warnings"`
	Infos           int `json:"infos"`
	// Suppressed counts Report.Suppressed.
	Suppressed int `json:"suppressed,omitempty"`
}

// Worst returns the highest severity among the findings, or "" if none.
func (r *Report) Worst() Severity {
	var worst Severity
	for _, f := range r.Findings {
		if f.Severity.Rank() > worst.Rank() {
			worst = f.Severity
		}
	}
	return worst
}
