package citecheck

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// The methods below walk a Report, whether Check returned it or it was
// decoded from JSON: everything in a report points at everything else by
// ID, and these answer the usual questions without the caller building
// lookup maps. A lookup by ID is constant time for the IDs citecheck gives
// ("c3" is Citations[2]); the reverse lookups scan the report once.

// Citation returns the citation with the given ID ("c3").
func (r *Report) Citation(id string) (*Citation, bool) {
	return byID(r.Citations, id, "c", func(c *Citation) string { return c.ID })
}

// Reference returns the reference entry with the given ID ("r2").
func (r *Report) Reference(id string) (*Reference, bool) {
	return byID(r.References, id, "r", func(e *Reference) string { return e.ID })
}

// Claim returns the claim with the given ID ("k1").
func (r *Report) Claim(id string) (*Claim, bool) {
	return byID(r.Claims, id, "k", func(c *Claim) string { return c.ID })
}

// ClaimCitations returns the citations inside a claim or closing it, in
// order.
func (r *Report) ClaimCitations(c *Claim) []*Citation {
	out := make([]*Citation, 0, len(c.Citations))
	for _, id := range c.Citations {
		if cit, ok := r.Citation(id); ok {
			out = append(out, cit)
		}
	}
	return out
}

// CitationEntry returns the reference entry a citation cites (its near
// entry when mismatched); false when it cites none.
func (r *Report) CitationEntry(c *Citation) (*Reference, bool) {
	if c.Reference == "" {
		return nil, false
	}
	return r.Reference(c.Reference)
}

// CitationClaim returns the claim whose sentence holds or closes a
// citation; false for a citation outside every claim.
func (r *Report) CitationClaim(c *Citation) (*Claim, bool) {
	if c.Claim == "" {
		return nil, false
	}
	return r.Claim(c.Claim)
}

// EntryCitations returns the citations that cite a reference entry, in
// order.
func (r *Report) EntryCitations(e *Reference) []*Citation {
	out := make([]*Citation, 0, len(e.CitedBy))
	for _, id := range e.CitedBy {
		if c, ok := r.Citation(id); ok {
			out = append(out, c)
		}
	}
	return out
}

// FindingCitation returns the citation a finding is about; false when it
// is about none.
func (r *Report) FindingCitation(f *Finding) (*Citation, bool) {
	if f.Citation == "" {
		return nil, false
	}
	return r.Citation(f.Citation)
}

// FindingEntry returns the reference entry a finding is about: its own, or
// the entry its citation cites; false when there is none.
func (r *Report) FindingEntry(f *Finding) (*Reference, bool) {
	if f.Reference != "" {
		return r.Reference(f.Reference)
	}
	if c, ok := r.FindingCitation(f); ok {
		return r.CitationEntry(c)
	}
	return nil, false
}

// FindingClaim returns the claim a finding is about: its own (an
// uncited-claim finding, say), or the claim holding its citation; false
// when there is none.
func (r *Report) FindingClaim(f *Finding) (*Claim, bool) {
	if f.Claim != "" {
		return r.Claim(f.Claim)
	}
	if c, ok := r.FindingCitation(f); ok {
		return r.CitationClaim(c)
	}
	return nil, false
}

// FindingsAbout returns the findings about the citation, reference entry
// or claim with the given ID, in report order.
func (r *Report) FindingsAbout(id string) []*Finding {
	var out []*Finding
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Citation == id || f.Reference == id || f.Claim == id {
			out = append(out, f)
		}
	}
	return out
}

// byID finds the element with the given ID in a slice numbered prefix+"1",
// prefix+"2", …: at its index when the numbering holds, else by a scan.
func byID[T any](s []T, id, prefix string, idOf func(*T) string) (*T, bool) {
	if n, err := strconv.Atoi(strings.TrimPrefix(id, prefix)); err == nil && strings.HasPrefix(id, prefix) && n >= 1 && n <= len(s) {
		if e := &s[n-1]; idOf(e) == id {
			return e, true
		}
	}
	for i := range s {
		if idOf(&s[i]) == id {
			return &s[i], true
		}
	}
	return nil, false
}

// MarshalJSON writes the citation with "reference": null when it cites no
// entry, as the report's JSON form has always had it; decoding a null
// leaves Reference empty.
func (c Citation) MarshalJSON() ([]byte, error) {
	type plain Citation // the same fields without this method
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // the caller's encoder escapes, or not, as it is told
	if err := enc.Encode(plain(c)); err != nil {
		return nil, err
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if c.Reference == "" {
		// no key before "reference" can hold this, and no string can:
		// quotes inside strings are escaped
		out = bytes.Replace(out, []byte(`"reference":""`), []byte(`"reference":null`), 1)
	}
	return out, nil
}
