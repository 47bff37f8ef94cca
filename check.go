package citecheck

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

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
		rules = defaultRules()
	}
	for _, rule := range rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.rule, p.ruleURL = rule, ""
		rule.Run(p)
	}
	return p.report(), nil
}

// defaultRules is the list DefaultRules returns, made once for the checks
// that run with it: they only read it, and no caller ever sees it.
var defaultRules = sync.OnceValue(DefaultRules)

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
	ruleURL  string   // DocsURL(rule.Code), once the rule has reported
	keys     []string // see workKeys
}

func analyze(doc *sources.Document, opts Options) *Pass {
	lists := citations.FindReferences(doc)
	inLists := newListIndex(lists)
	// Find numbers its citations "c1", "c2", … in order; they are
	// filtered in place and renumbered only once one has been dropped.
	found := citations.Find(doc)
	cits := found[:0]
	for i := range found {
		c := &found[i]
		if c.Kind != citations.KindFootnote && inLists.overlaps(c.Span) {
			// labels and URLs of the entries themselves; a footnote link in
			// a note does cite another note, as Wikipedia's notes do
			continue
		}
		if len(cits) != i {
			c.ID = "c" + strconv.Itoa(len(cits)+1)
		}
		cits = append(cits, *c)
	}
	if len(cits) == 0 {
		cits = nil
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
	extracted := claims.Extract(doc, claims.Options{MinScore: opts.MinScore})
	body := extracted[:0] // reference entries are not claims; filtered in place
	for i := range extracted {
		if !inLists.overlaps(extracted[i].Span) {
			body = append(body, extracted[i])
		}
	}
	p.claims = p.linkClaims(body)
	return p
}

// listIndex answers overlapsLists for many spans in O(log n) each: the
// spans of the lists, their headings and their entries sorted by start,
// with the running maximum of their ends.
type listIndex struct {
	starts, maxEnds []int
}

func newListIndex(lists []citations.ReferenceList) listIndex {
	var spans []sources.Span
	for _, l := range lists {
		spans = append(spans, l.Span, l.HeadingSpan)
		for _, e := range l.Entries {
			spans = append(spans, e.Span)
		}
	}
	slices.SortFunc(spans, func(a, b sources.Span) int { return cmp.Compare(a.Start, b.Start) })
	x := listIndex{starts: make([]int, len(spans)), maxEnds: make([]int, len(spans))}
	for i, s := range spans {
		x.starts[i] = s.Start
		x.maxEnds[i] = s.End
		if i > 0 {
			x.maxEnds[i] = max(s.End, x.maxEnds[i-1])
		}
	}
	return x
}

// overlaps reports whether s overlaps one of the spans, as overlapsLists
// does: one starting before s ends and ending after s starts.
func (x listIndex) overlaps(s sources.Span) bool {
	i, _ := slices.BinarySearch(x.starts, s.End) // the spans starting before s.End
	return i > 0 && x.maxEnds[i-1] > s.Start
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

// Locate returns the input location of a text span.
func (p *Pass) Locate(s sources.Span) Location { return locate(p.Doc, s) }

func (p *Pass) report() *Report {
	doc := p.Doc
	r := &Report{Version: ReportVersion, Input: doc.Name, Format: string(doc.Format), Title: doc.Meta.Title,
		Meta: doc.Meta, Document: doc,
		Citations: make([]Citation, 0, len(p.Citations)), References: make([]Reference, 0, p.entryCount()),
		ReferenceLists: make([]ReferenceList, 0, len(p.Lists)), Claims: p.claimEntries(), Findings: p.findings}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	refs := make([]string, len(p.Citations)) // what Citation.Reference points at
	for i, c := range p.Citations {
		l := p.Links[i]
		span := p.Locate(c.Span)
		group := span // a citation alone in its marker
		if c.Group != c.Span {
			group = p.Locate(c.Group)
		}
		rc := Citation{ID: c.ID, Kind: c.Kind, Text: c.Text, Authors: c.Authors, EtAl: c.EtAl, Year: c.Year,
			Locator: c.Locator, Number: c.Number, Target: c.Target, URL: c.URL, Narrative: c.Narrative,
			Span: span, Group: group, Status: l.Status, Candidates: l.Candidates}
		if l.Reference != "" {
			refs[i] = l.Reference
			rc.Reference = &refs[i]
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
			if ms := p.Mentions[e.ID]; len(ms) > 0 {
				re.Mentions = make([]Location, len(ms))
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
