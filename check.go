package citecheck

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// Options control a check. The zero value reads any supported format up to
// sources.DefaultMaxBytes and runs DefaultRules.
type Options struct {
	// Name is the input's name, used in messages and to detect its format.
	Name string
	// Format forces the input format; empty means detect it.
	Format sources.Format
	// BaseURL resolves relative links in HTML.
	BaseURL string
	// MaxBytes limits the input size; zero means sources.DefaultMaxBytes.
	MaxBytes int64
	// Rules are the checks to run; nil means DefaultRules().
	Rules []*Rule
	// MinScore is the check-worthiness score from which a sentence counts
	// as a claim; zero means the claim model's default threshold.
	MinScore float64

	// Resolver, when set, resolves what the article cites after linking:
	// each reference entry's DOI (else its URL) and each link citation's
	// URL, so that the source rules (broken-link, unreachable-source,
	// unresolvable-doi, reference-mismatch, retracted-source) have
	// something to check. Nil means no network at all.
	Resolver *sources.Resolver
	// Cache, when set, answers for sources resolved earlier (a fresh record
	// makes no request) and keeps every link observation, from which a link
	// is called dead (see sources.IsDead). Without a cache a link is never
	// dead: one failure is not enough.
	Cache sources.Cache
	// Offline answers from Cache alone, stale records included; nothing is
	// fetched and uncached sources stay unresolved. It needs a Cache, not a
	// Resolver.
	Offline bool
	// DeadRule says when a link's observations make it dead; the zero
	// value is the default rule.
	DeadRule sources.DeadRule
	// Progress, when set, is called after each source is resolved with the
	// number done and the total, from the goroutine that called Check.
	Progress func(done, total int)
}

// Check reads one article from r and checks its citations: it finds the
// in-text citations and the reference lists, links them and runs the rules.
// Errors reading the input are *sources.InputError values naming the input
// and, where there is one, the position.
func Check(ctx context.Context, r io.Reader, opts Options) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc, err := sources.Read(r, sources.ReadOptions{Name: opts.Name, Format: opts.Format, BaseURL: opts.BaseURL, MaxBytes: opts.MaxBytes})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return CheckDocument(ctx, doc, opts)
}

// CheckDocument checks a document already read.
func CheckDocument(ctx context.Context, doc *sources.Document, opts Options) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p := analyze(doc, opts)
	if opts.Resolver != nil || (opts.Offline && opts.Cache != nil) {
		if err := p.resolveSources(ctx, opts); err != nil {
			return nil, err
		}
	}
	rules := opts.Rules
	if rules == nil {
		rules = DefaultRules()
	}
	for _, rule := range rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.rule = rule
		rule.Run(p)
	}
	return p.report(), nil
}

// Pass is what the pipeline produced for one document, handed to every
// rule. Rules read it and report findings through Report.
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
	// Resolved is true when sources were resolved (Options.Resolver or
	// Options.Offline); the source rules do nothing otherwise.
	Resolved bool
	// Resolutions maps a reference ID or a link citation's ID to what
	// resolving its source gave; sources that could not be answered
	// (offline and not cached) are absent.
	Resolutions map[string]*Resolution

	subjects []subject
	claims   []claimSupport
	refs     map[string]*citations.Reference
	findings []Finding
	rule     *Rule
}

func analyze(doc *sources.Document, opts Options) *Pass {
	lists := citations.FindReferences(doc)
	var cits []citations.Citation
	for _, c := range citations.Find(doc) {
		if c.Kind != citations.KindFootnote && overlapsLists(lists, c.Span) {
			// labels and URLs of the entries themselves; a footnote link in
			// a note does cite another note, as Wikipedia's notes do
			continue
		}
		c.ID = fmt.Sprintf("c%d", len(cits)+1)
		cits = append(cits, c)
	}
	p := &Pass{Doc: doc, Citations: cits, Lists: lists, Links: citations.Link(cits, lists),
		CitedBy: map[string][]string{}, Mentions: map[string][]sources.Span{},
		refs: map[string]*citations.Reference{}}
	for li := range lists {
		for ei := range lists[li].Entries {
			e := &lists[li].Entries[ei]
			p.refs[e.ID] = e
		}
	}
	markers := 0
	for i, l := range p.Links {
		if l.Reference != "" && (l.Status == citations.Resolved || l.Status == citations.Mismatched) {
			p.CitedBy[l.Reference] = append(p.CitedBy[l.Reference], cits[i].ID)
		}
		if cits[i].Kind != citations.KindLink {
			markers++
		}
	}
	p.SourcesMode = markers == 0 && p.entryCount() > 0
	if p.SourcesMode {
		p.findMentions()
	}
	var body []claims.Claim // reference entries are not claims
	for _, c := range claims.Extract(doc, claims.Options{MinScore: opts.MinScore}) {
		if !overlapsLists(lists, c.Span) {
			body = append(body, c)
		}
	}
	p.claims = p.linkClaims(body)
	return p
}

// overlapsLists reports whether a span touches a reference list: its
// heading, its body or one of its entries.
func overlapsLists(lists []citations.ReferenceList, s sources.Span) bool {
	for _, l := range lists {
		if l.Span.Overlaps(s) || l.HeadingSpan.Overlaps(s) {
			return true
		}
		for _, e := range l.Entries {
			if e.Span.Overlaps(s) {
				return true
			}
		}
	}
	return false
}

func (p *Pass) entryCount() int {
	n := 0
	for _, l := range p.Lists {
		n += len(l.Entries)
	}
	return n
}

// Reference returns the entry with the given ID.
func (p *Pass) Reference(id string) (*citations.Reference, bool) {
	r, ok := p.refs[id]
	return r, ok
}

// Report adds a finding of the running rule's code and severity.
func (p *Pass) Report(f Finding) {
	if f.Code == "" {
		f.Code = p.rule.Code
	}
	if f.Severity == "" {
		f.Severity = p.rule.Severity
	}
	if f.URL == "" {
		f.URL = DocsURL(f.Code)
	}
	p.findings = append(p.findings, f)
}

// Locate returns the input location of a text span.
func (p *Pass) Locate(s sources.Span) Location { return locate(p.Doc, s) }

func (p *Pass) report() *Report {
	doc := p.Doc
	r := &Report{Version: ReportVersion, Input: doc.Name, Format: string(doc.Format), Title: doc.Meta.Title,
		Meta: doc.Meta, Document: doc,
		Citations: []Citation{}, References: []Reference{}, ReferenceLists: []ReferenceList{},
		Claims: p.claimEntries(), Findings: p.findings}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	for i, c := range p.Citations {
		l := p.Links[i]
		rc := Citation{ID: c.ID, Kind: c.Kind, Text: c.Text, Authors: c.Authors, EtAl: c.EtAl, Year: c.Year,
			Locator: c.Locator, Number: c.Number, Target: c.Target, URL: c.URL, Narrative: c.Narrative,
			Span: p.Locate(c.Span), Group: p.Locate(c.Group), Status: l.Status, Candidates: l.Candidates}
		if l.Reference != "" {
			ref := l.Reference
			rc.Reference = &ref
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
				List: li, CitedBy: p.CitedBy[e.ID]}
			if res := p.Resolutions[e.ID]; res != nil {
				re.Source = res.Source
			}
			if re.Authors == nil {
				re.Authors = []string{}
			}
			if re.CitedBy == nil {
				re.CitedBy = []string{}
			}
			for _, m := range p.Mentions[e.ID] {
				re.Mentions = append(re.Mentions, p.Locate(m))
			}
			r.References = append(r.References, re)
		}
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.Code, b.Code))
	})
	r.Summary.Citations = len(r.Citations)
	r.Summary.Claims = len(r.Claims)
	for _, s := range p.claims {
		if !s.supported() {
			r.Summary.UncitedClaims++
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
