package citecheck

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/site"
)

// Options control a check. The zero value reads any supported format
// within the default Limits, runs DefaultRules and never touches the
// network.
type Options struct {
	// Name is the input's name, used in messages and to detect its format.
	Name string
	// Format forces the input format; empty means detect it.
	Format sources.Format
	// BaseURL resolves relative links in HTML.
	BaseURL string
	// Limits bound what one document may make the check hold: its bytes,
	// citations, reference entries and findings. Zero fields mean the
	// defaults.
	Limits Limits
	// Rules are the checks to run; nil means DefaultRules().
	Rules []*Rule
	// MinScore is the check-worthiness score from which a sentence counts
	// as a claim; zero means the claim model's default threshold.
	MinScore float64
	// ClaimModel scores the sentences' check-worthiness; nil means
	// claims.DefaultModel(). A model trained with claims.Train on
	// sentences of one's own genre fits that genre better.
	ClaimModel *claims.Model
	// ReferenceHeadings are more names of reference sections, beside the
	// ones citecheck knows ("References", "Works Cited", "Quellen"): a
	// list under one of them is read as the article's references
	// (citations.Options.ReferenceHeadings).
	ReferenceHeadings []string
	// Severities, when set, give every finding of a code the severity
	// mapped to it, whatever severity its rule reported it at: a project
	// that treats an orphan-reference as an error maps it to
	// SeverityError. A code not in the map keeps its rule's severities;
	// to turn a rule off, leave it out of Rules.
	Severities map[string]Severity

	// Resolver, when set, resolves what the article cites after linking:
	// each reference entry's DOI (else its URL) and each URL or DOI a
	// citation carries, from its cache or the network as it is
	// configured, so that the source rules (broken-link,
	// unreachable-source, unresolvable-doi, reference-mismatch,
	// retracted-source) have something to check. Nil means no resolution
	// and no network at all.
	Resolver *resolve.Resolver
	// SkipVerification turns off verifying claims against the text of
	// their resolved sources (claims/verify), and with it the rules
	// unsupported-claim, number-mismatch and misquote. Verification runs
	// only when Resolver is set.
	SkipVerification bool
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
	limits := opts.Limits.withDefaults()
	doc, err := sources.Read(r, sources.ReadOptions{Name: opts.Name, Format: opts.Format, BaseURL: opts.BaseURL, MaxBytes: limits.MaxBytes})
	if err != nil {
		return nil, fmt.Errorf("check: %w", limitError(opts.Name, limits, err))
	}
	return CheckDocument(ctx, doc, opts)
}

// CheckDocument checks a document already read.
func CheckDocument(ctx context.Context, doc *sources.Document, opts Options) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limits := opts.Limits.withDefaults()
	p, err := analyze(ctx, doc, opts, limits)
	if err != nil {
		return nil, fmt.Errorf("check: %w", limitError(doc.Name, limits, err))
	}
	if opts.Resolver != nil {
		if err := p.resolveSources(ctx, opts.Resolver, opts.Progress); err != nil {
			return nil, err
		}
		if !opts.SkipVerification {
			if err := p.verifyClaims(ctx); err != nil {
				return nil, err
			}
		}
	}
	rules := opts.Rules
	if rules == nil {
		rules = defaultRules()
	}
	p.rules = rules
	for _, rule := range rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.rule, p.ruleURL = rule, ""
		from := len(p.findings)
		rule.Run(p)
		p.setSeverities(from, opts.Severities)
		if len(p.findings) > limits.MaxFindings {
			return nil, fmt.Errorf("check: %w", &LimitError{Input: doc.Name, Limit: "findings", Max: int64(limits.MaxFindings),
				Err: fmt.Errorf("%w: more than %d findings", errTooManyFindings, limits.MaxFindings)})
		}
	}
	p.suppress(opts.Severities)
	return p.report(), nil
}

// setSeverities gives the findings from index from on the severities
// Options.Severities sets for their codes.
func (p *Pass) setSeverities(from int, severities map[string]Severity) {
	if len(severities) == 0 {
		return
	}
	for i := from; i < len(p.findings); i++ {
		if s, ok := severities[p.findings[i].Code]; ok {
			p.findings[i].Severity = s
		}
	}
}

// defaultRules is the list DefaultRules returns, made once for the checks
// that run with it: they only read it, and no caller ever sees it.
var defaultRules = sync.OnceValue(DefaultRules)

// analyze runs the pipeline on a document: reference lists, citations
// (without those inside the lists' own entries), linking, mentions for a
// source list without markers, and claims (without the lists' entries).
// Its error is a document past a limit of the citations package, or the
// context's, which it checks between stages.
func analyze(ctx context.Context, doc *sources.Document, opts Options, limits Limits) (*Pass, error) {
	lists, err := citations.FindReferencesWithOptions(doc, citations.Options{SiteOf: site.Of, MaxReferences: limits.MaxReferences,
		ReferenceHeadings: opts.ReferenceHeadings})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	inLists := newListIndex(lists)
	// Find numbers its citations "c1", "c2", … in order; they are
	// filtered in place and renumbered only once one has been dropped.
	// Numbers above the usual bound are citations where a list is
	// numbered that far.
	found, err := citations.FindWithOptions(doc, citations.Options{SiteOf: site.Of, MaxCitations: limits.MaxCitations,
		MaxNumber: max(citations.DefaultMaxNumber, citations.LargestLabel(lists)), Lists: lists,
		ParenNumbers: citations.Numbered(lists)})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
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
	p.SourcesMode = markers == 0 && p.EntryCount() > 0
	if p.SourcesMode {
		p.findMentions()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A sentence its author marked "citation needed" is a claim whatever
	// its score: someone has already judged it worth a source.
	copts := claims.Options{MinScore: opts.MinScore, Model: opts.ClaimModel}
	if containsFold(doc.Text, citationNeeded) {
		copts.Keep = func(sp sources.Span) bool { return citationNeededAt(doc.Text, sp) }
	}
	copts.SentenceEnds = noteEnds(doc.Text, p.Citations)
	extracted := claims.Extract(doc, copts)
	body := extracted[:0] // reference entries are not claims; filtered in place
	for i := range extracted {
		c := &extracted[i]
		if inLists.overlaps(c.Span) {
			continue
		}
		body = append(body, *c)
	}
	p.Claims = p.linkClaims(body)
	return p, nil
}

// listIndex answers whether a span touches a reference list (its heading,
// its body or one of its entries) in O(log n) for many spans: the
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

// overlaps reports whether s overlaps one of the spans: one starting
// before s ends and ending after s starts.
func (x listIndex) overlaps(s sources.Span) bool {
	i, _ := slices.BinarySearch(x.starts, s.End) // the spans starting before s.End
	return i > 0 && x.maxEnds[i-1] > s.Start
}

// noteEnds returns where the note numbers written bare after a sentence's
// full stop end ("…in 1970.1 Most…"): the sentence ends there, though its
// words read "1970.1" as a figure (see claims.Options.SentenceEnds).
func noteEnds(text string, cs []citations.Citation) []int {
	var ends []int
	for _, c := range cs {
		if c.Kind != citations.KindNumeric || c.Group != c.Span || c.Span.Start == 0 {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(text[:c.Span.Start])
		switch r {
		case '.', '!', '?', '"', '”':
			if c.Span.End == len(text) || text[c.Span.End] == ' ' || text[c.Span.End] == '\n' {
				ends = append(ends, c.Span.End)
			}
		}
	}
	return ends
}
