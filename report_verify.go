package citecheck

import (
	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/sources"
)

// SourceSupport is, in the report, what verifying a claim against one of
// its cited sources gave.
type SourceSupport struct {
	// Citation is the ID of the claim's citation that cites the source.
	Citation string `json:"citation"`
	// Reference is the ID of the entry the citation points to, when the
	// source is the entry's.
	Reference string `json:"reference,omitempty"`
	// URL is the source as cited.
	URL string `json:"url"`
	// Verdict is "supported", "partially-supported", "not-supported" or
	// "contradicted".
	Verdict verify.Verdict `json:"verdict"`
	// Score is the calibrated probability that the source supports the
	// claim entirely.
	Score float64 `json:"score"`
	// Evidence are the source's passages that bear on the claim, best
	// first.
	Evidence []SupportEvidence `json:"evidence"`
	// Missing is what the claim says that the source does not back.
	Missing []SupportMissing `json:"missing"`
}

// SupportEvidence is a passage of a cited source.
type SupportEvidence struct {
	Text string `json:"text"`
	// Span is the passage's byte range in the source's text.
	Span sources.Span `json:"span"`
	// URL links to the passage (a text fragment).
	URL string `json:"url,omitempty"`
}

// SupportMissing is a figure, date, name or quotation of a claim that its
// source does not back.
type SupportMissing struct {
	// Kind is "number", "date", "name" or "quote".
	Kind string `json:"kind"`
	// Text is what the claim says; Span its byte range in the claim's text.
	Text string       `json:"text"`
	Span sources.Span `json:"span"`
	// SourceText is what the source says in its place, if anything;
	// SourceSpan its byte range in the source's text.
	SourceText string        `json:"source_text,omitempty"`
	SourceSpan *sources.Span `json:"source_span,omitempty"`
	// Passage is the source's sentence that gives SourceText.
	Passage string `json:"passage,omitempty"`
}

// supportReport converts a claim's verification results for the report.
func supportReport(in []Support) []SourceSupport {
	if len(in) == 0 {
		return nil
	}
	out := make([]SourceSupport, 0, len(in))
	for _, s := range in {
		r := SourceSupport{Citation: s.Citation, Reference: s.Reference, URL: s.URL, Verdict: s.Result.Verdict,
			Score: s.Result.Score, Evidence: make([]SupportEvidence, 0, len(s.Result.Evidence)),
			Missing: make([]SupportMissing, 0, len(s.Result.Missing))}
		for _, e := range s.Result.Evidence {
			r.Evidence = append(r.Evidence, SupportEvidence{Text: e.Text, Span: e.Span, URL: e.URL})
		}
		for _, m := range s.Result.Missing {
			sm := SupportMissing{Kind: m.Kind, Text: m.Text, Span: m.Span, SourceText: m.SourceText, Passage: m.Passage}
			if m.SourceText != "" {
				sp := m.SourceSpan
				sm.SourceSpan = &sp
			}
			r.Missing = append(r.Missing, sm)
		}
		out = append(out, r)
	}
	return out
}
