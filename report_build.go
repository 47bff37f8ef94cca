package citecheck

import (
	"cmp"
	"slices"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// report turns what the pass produced and found into the Report.
func (p *Pass) report() *Report {
	doc := p.Doc
	r := &Report{Version: ReportVersion, Input: doc.Name, Format: string(doc.Format), Title: doc.Meta.Title,
		Meta: doc.Meta, Document: doc,
		Citations: make([]Citation, 0, len(p.Citations)), References: make([]Reference, 0, p.EntryCount()),
		ReferenceLists: make([]ReferenceList, 0, len(p.Lists)), Claims: p.claimEntries(), Findings: p.findings}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	claimOf := make([]string, len(p.Citations)) // the claim holding Citations[i]
	for _, s := range p.Claims {
		for _, k := range s.Citations {
			claimOf[k] = s.ID
		}
	}
	for i, c := range p.Citations {
		l := p.Links[i]
		span := p.Locate(c.Span)
		group := span // a citation alone in its marker
		if c.Group != c.Span {
			group = p.Locate(c.Group)
		}
		rc := Citation{ID: c.ID, Kind: c.Kind, Text: c.Text, Authors: c.Authors, EtAl: c.EtAl, Year: c.Year,
			Locator: c.Locator, Number: c.Number, Target: c.Target, URL: c.URL, Narrative: c.Narrative,
			Span: span, Group: group, Status: l.Status, Reference: l.Reference, Candidates: l.Candidates,
			Claim: claimOf[i]}
		if l.CandidateCount > len(l.Candidates) {
			rc.CandidateCount = l.CandidateCount
		}
		if res := p.Resolutions[c.ID]; res != nil {
			rc.Source = res.Source
		}
		r.Citations = append(r.Citations, rc)
		switch l.Status {
		case citations.Resolved:
			r.Summary.Resolved++
		case citations.Unresolved:
			r.Summary.Unresolved++
		case citations.Ambiguous:
			r.Summary.Ambiguous++
		case citations.Mismatched:
			r.Summary.Mismatched++
		}
		if c.Kind == citations.KindLink {
			r.Summary.Links++
		}
	}
	for li, list := range p.Lists {
		rl := ReferenceList{Heading: list.Heading, Span: p.Locate(list.Span), Entries: len(list.Entries)}
		if list.HeadingSpan.Len() > 0 {
			h := p.Locate(list.HeadingSpan)
			rl.HeadingSpan = &h
		}
		r.ReferenceLists = append(r.ReferenceLists, rl)
		for _, e := range list.Entries {
			re := Reference{ID: e.ID, Text: e.Text, Label: e.Label, Anchor: e.Anchor, Authors: e.Authors,
				Year: e.Year, Title: e.Title, Container: e.Container, Volume: e.Volume, Issue: e.Issue,
				Pages: e.Pages, Publisher: e.Publisher, DOI: e.DOI, URL: e.URL, Span: p.Locate(e.Span),
				List: li, CitedBy: p.CitedBy[e.ID], Short: e.Short, Full: e.Full}
			if res := p.Resolutions[e.ID]; res != nil {
				re.Source = res.Source
			}
			if re.Authors == nil {
				re.Authors = []string{}
			}
			if re.CitedBy == nil {
				re.CitedBy = []string{}
			}
			if ms := p.Mentions[e.ID]; len(ms) > 0 {
				re.Mentions = make([]sources.Location, len(ms))
				for i, m := range ms {
					re.Mentions[i] = p.Locate(m)
				}
			}
			r.References = append(r.References, re)
		}
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.Code, b.Code))
	})
	if len(p.suppressed) > 0 {
		r.Suppressed = p.suppressed
		slices.SortStableFunc(r.Suppressed, func(a, b SuppressedFinding) int {
			return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.Code, b.Code))
		})
		r.Summary.Suppressed = len(r.Suppressed)
	}
	r.Summary.Citations = len(r.Citations)
	r.Summary.Claims = len(r.Claims)
	for i := range p.Claims {
		if !p.Claims[i].Cited() {
			r.Summary.UncitedClaims++
			if p.Claims[i].Claim.FirstHand {
				r.Summary.FirstHandClaims++
			}
		}
	}
	r.Summary.ReferenceLists = len(r.ReferenceLists)
	r.Summary.References = len(r.References)
	for _, f := range r.Findings {
		switch f.Severity {
		case SeverityError:
			r.Summary.Errors++
		case SeverityWarning:
			r.Summary.Warnings++
		case SeverityInfo:
			r.Summary.Infos++
		}
		if f.Code == CodeOrphanReference {
			r.Summary.Orphans++
		}
	}
	return r
}

// claimEntries turns the claims into their report form.
func (p *Pass) claimEntries() []Claim {
	out := make([]Claim, 0, len(p.Claims))
	// every claim's lists are cut from one slice per field
	var nc, nl, na int
	for _, s := range p.Claims {
		nc, nl, na = nc+len(s.Citations), nl+len(s.Links), na+len(s.Claim.Attributions)
	}
	cits, links, atts := make([]string, nc), make([]string, nl), make([]string, na)
	cut := func(all *[]string, n int) []string {
		s := (*all)[:n:n]
		*all = (*all)[n:]
		return s
	}
	for i := range p.Claims {
		s := &p.Claims[i]
		c := Claim{ID: s.ID, Text: s.Claim.Text, Kinds: s.Claim.Kinds, Score: s.Claim.Score,
			Span: p.Locate(s.Claim.Span), Citations: cut(&cits, len(s.Citations)),
			Links: cut(&links, len(s.Links)), Attributions: cut(&atts, len(s.Claim.Attributions)),
			Exhibit: s.Exhibit, FirstHand: s.Claim.FirstHand, Cited: s.Cited(), Support: supportReport(s.Support)}
		for j, k := range s.Citations {
			c.Citations[j] = p.Citations[k].ID
		}
		copy(c.Links, s.Links)
		for j, a := range s.Claim.Attributions {
			c.Attributions[j] = a.Name
		}
		out = append(out, c)
	}
	return out
}
