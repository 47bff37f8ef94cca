package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// Bounds on what verify reads: a claim, a source (as given, before its
// text is extracted) and a line of a pairs file.
const (
	maxVerifyClaim  = 16 << 10
	maxVerifySource = 4 << 20
	maxPairLine     = maxVerifySource + 64<<10
)

// errBadPair marks a line of a pairs file that cannot be verified.
var errBadPair = errors.New("bad pair")

// verifyPair is a line of a pairs file.
type verifyPair struct {
	ID         string `json:"id"`
	Claim      string `json:"claim"`
	Source     string `json:"source"`
	SourceHTML string `json:"source_html"`
	SourceURL  string `json:"source_url"`
	Title      string `json:"title"`
	Context    string `json:"context"`
}

// verifyOutput is verify's answer for one claim, a line of its JSON
// output.
type verifyOutput struct {
	ID       string           `json:"id"`
	Verdict  verify.Verdict   `json:"verdict"`
	Score    float64          `json:"score"`
	Evidence []verifyEvidence `json:"evidence"`
	Missing  []verifyMissing  `json:"missing"`
}

// verifyEvidence is a passage of the source with its place in the source's
// text.
type verifyEvidence struct {
	Text string    `json:"text"`
	Span textPlace `json:"span"`
	URL  string    `json:"url,omitempty"`
}

// verifyMissing is what the claim says that the source does not back.
type verifyMissing struct {
	Kind       string       `json:"kind"`
	Text       string       `json:"text"`
	Span       sources.Span `json:"span"`
	SourceText string       `json:"source_text,omitempty"`
	SourceSpan *textPlace   `json:"source_span,omitempty"`
	Passage    string       `json:"passage,omitempty"`
}

// textPlace is a byte range of a text with the 1-based line and column
// (in bytes) of its start, and for a PDF the 1-based page it starts on.
type textPlace struct {
	Start  int `json:"start"`
	End    int `json:"end"`
	Line   int `json:"line"`
	Column int `json:"column"`
	Page   int `json:"page,omitempty"`
}

// String returns where the place starts, as text output shows it: "page
// N" for a PDF, else "line:column".
func (p textPlace) String() string {
	if p.Page > 0 {
		return fmt.Sprintf("page %d", p.Page)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// placeIn locates sp in text.
func placeIn(text string, sp sources.Span) textPlace {
	start := min(max(sp.Start, 0), len(text))
	before := text[:start]
	line := strings.Count(before, "\n") + 1
	col := start - (strings.LastIndexByte(before, '\n') + 1) + 1
	return textPlace{Start: sp.Start, End: sp.End, Line: line, Column: col}
}

// placer says where a span of a source's text is: in that text (a pairs
// line, a fetched page), or in the file it was read from.
type placer func(sources.Span) textPlace

// inText places spans in text itself.
func inText(text string) placer {
	return func(sp sources.Span) textPlace { return placeIn(text, sp) }
}

// inFile places spans of doc's text in the file doc was read from: byte
// offsets, line and column of the file as given, as check reports them.
func inFile(doc *sources.Document) placer {
	return func(sp sources.Span) textPlace {
		loc := doc.Locate(sp)
		return textPlace{Start: loc.Start, End: loc.End, Line: loc.Line, Column: loc.Column}
	}
}

// inPDF places spans in the text extracted from a PDF, with the page each
// starts on (counted in the file from 1, not as printed on the page).
func inPDF(p *sources.PDF) placer {
	return func(sp sources.Span) textPlace {
		pl := placeIn(p.Text, sp)
		pl.Page = p.PageAt(sp.Start)
		return pl
	}
}

// outputOf converts a result for verify's output, placing the source's
// spans with place.
func outputOf(id string, place placer, r verify.Result) verifyOutput {
	out := verifyOutput{ID: id, Verdict: r.Verdict, Score: r.Score, Evidence: []verifyEvidence{}, Missing: []verifyMissing{}}
	for _, e := range r.Evidence {
		out.Evidence = append(out.Evidence, verifyEvidence{Text: e.Text, Span: place(e.Span), URL: e.URL})
	}
	for _, m := range r.Missing {
		vm := verifyMissing{Kind: m.Kind, Text: m.Text, Span: m.Span, SourceText: m.SourceText, Passage: m.Passage}
		if m.SourceText != "" {
			p := place(m.SourceSpan)
			vm.SourceSpan = &p
		}
		out.Missing = append(out.Missing, vm)
	}
	return out
}

// runVerify runs `citecheck verify`; fetcherOpts are added to the
// resolver's options (tests point it at loopback servers).
func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer, fetcherOpts []resolve.Option) int {
	c := newCommand("verify", "citecheck verify [flags] --claim TEXT SOURCE | citecheck verify [flags] PAIRS.jsonl...",
		"Verifies claims against their sources' text (claims/verify). With --claim,\n"+
			"SOURCE is a file (any format check reads, or a PDF) or an http(s) URL,\n"+
			"fetched through the resolver and its cache. Otherwise each argument is a\n"+
			"JSON Lines file of "+
			`{"id","claim","source"} (optional "source_html", "source_url",`+"\n"+
			`"title", "context"), each answered with one line {"id","verdict","score",`+"\n"+
			`"evidence","missing"}; spans are byte offsets into the source's text (into the text`+"\n"+
			"extracted from source_html when given), with 1-based line and column; a\n"+
			"SOURCE file's spans are in the file as given, as check reports them; a PDF's\n"+
			"are in its extracted text, with the page (counted from 1 in the file).\n"+
			"A SOURCE that reads as a paywall or login page (verify.Paywall) gets no\n"+
			"verdict, as in check; the pairs' sources are taken as given.\n"+
			"Exit status: 0 all verified, 2 usage error or a line or source that could not\n"+
			"be read (named on standard error; the other lines are still verified).",
		stdout, stderr)
	format := c.String("format", "text", "output `format`: text or json")
	claim := c.String("claim", "", "the claim `text` to verify against SOURCE")
	title := c.String("title", "", "the `title` of the article the claim comes from (with --claim)")
	claimContext := c.String("context", "", "the `text` before the claim, naming what it refers to (with --claim)")
	resolving := addResolveFlags(c.FlagSet, "ignored: a SOURCE URL is always fetched (unless --offline)")
	args, code, ok := c.parse(args)
	if !ok {
		return code
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return c.usageError("%v", err)
	}
	if len(args) == 0 {
		return c.usageError("no SOURCE or pairs file")
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if *claim != "" {
		if len(args) != 1 {
			return c.usageError("--claim takes one SOURCE, not %d", len(args))
		}
		if len(*claim) > maxVerifyClaim {
			return c.usageError("--claim is longer than %d bytes", maxVerifyClaim)
		}
		src, place, err := loadSource(ctx, args[0], resolving, stderr, fetcherOpts)
		if err != nil {
			return c.fail(exitUsage, "%v", err)
		}
		if verify.Paywall(src.Text) {
			// as check does: such a page says nothing of the article
			return c.fail(exitUsage, "source %s: %v", args[0], errPaywall)
		}
		r := verify.Verify(verify.Claim{Text: *claim, Title: *title, Context: *claimContext}, src)
		if err := writeVerdict(w, *format, outputOf("", place, r), *claim); err != nil {
			return c.fail(exitUsage, "%v", err)
		}
		return exitOK
	}
	status := exitOK
	var prepared *verify.Prepared // the source of the pair before, read once for the pairs that repeat it
	for _, name := range args {
		err := verifyPairs(ctx, name, func(p verifyPair, src verify.Source) error {
			if prepared == nil || prepared.Source() != src {
				prepared = verify.Prepare(src)
			}
			r := verify.VerifyPrepared(verify.Claim{Text: p.Claim, Title: p.Title, Context: p.Context}, prepared)
			return writeVerdict(w, *format, outputOf(p.ID, inText(src.Text), r), p.Claim)
		}, func(err error) {
			status = exitUsage
			w.Flush()
			fmt.Fprintf(stderr, "citecheck verify: %v\n", err)
		})
		if err != nil {
			w.Flush()
			return c.fail(exitUsage, "%v", err)
		}
	}
	return status
}

// loadSource reads SOURCE: an http(s) URL through the resolver (its cache
// first), a PDF file through sources.ReadPDF, else a file through
// sources.Read. It returns the source and where its spans are reported: in
// a page's text, in a PDF's text with its page, or in the file.
func loadSource(ctx context.Context, arg string, rf resolveFlags, stderr io.Writer, fetcherOpts []resolve.Option) (verify.Source, placer, error) {
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		t, ok := resolve.URLTarget(arg)
		if !ok {
			return verify.Source{}, nil, fmt.Errorf("source %s: %w", arg, resolve.ErrInvalidURL)
		}
		*rf.resolveSources = true
		var opts citecheck.Options
		closeAll, err := rf.setup(ctx, &opts, io.Discard, fetcherOpts)
		if err != nil {
			return verify.Source{}, nil, err
		}
		defer closeAll()
		res, err := opts.Resolver.Resolve(ctx, t)
		if err != nil {
			return verify.Source{}, nil, fmt.Errorf("source %s: %w", arg, err)
		}
		if res.Source == nil {
			return verify.Source{}, nil, fmt.Errorf("source %s: %w", arg, errNotCached)
		}
		if s := res.Source; s.Status != resolve.StatusOK || strings.TrimSpace(s.Text) == "" {
			return verify.Source{}, nil, fmt.Errorf("source %s: %w (%s, HTTP %d)", arg, errNoText, s.Status, s.HTTPStatus)
		}
		return verify.Source{Text: res.Source.Text, URL: arg, Title: res.Source.Title}, inText(res.Source.Text), nil
	}
	f, err := os.Open(arg)
	if err != nil {
		return verify.Source{}, nil, fmt.Errorf("source: %w", err)
	}
	defer f.Close()
	head := make([]byte, 5)
	if n, _ := f.ReadAt(head, 0); sources.IsPDF(head[:n]) {
		return loadPDF(ctx, arg, f)
	}
	doc, err := sources.Read(f, sources.ReadOptions{Name: arg, MaxBytes: maxVerifySource})
	if err != nil {
		return verify.Source{}, nil, fmt.Errorf("source: %w", err)
	}
	return verify.Source{Text: doc.Text, Title: doc.Meta.Title}, inFile(doc), nil
}

// loadPDF reads the PDF file f, named name, at most
// resolve.DefaultMaxPDFBody bytes, as the resolver reads a fetched one.
func loadPDF(ctx context.Context, name string, f io.Reader) (verify.Source, placer, error) {
	data, err := io.ReadAll(io.LimitReader(f, resolve.DefaultMaxPDFBody+1))
	if err != nil {
		return verify.Source{}, nil, fmt.Errorf("source: %w", err)
	}
	if len(data) > resolve.DefaultMaxPDFBody {
		return verify.Source{}, nil, fmt.Errorf("source %s: %w: more than %d bytes", name, sources.ErrTooLarge, resolve.DefaultMaxPDFBody)
	}
	p, err := sources.ReadPDF(ctx, data, sources.PDFOptions{MaxPages: resolve.MaxPDFPages, MaxText: resolve.MaxSourceText})
	if err != nil {
		return verify.Source{}, nil, fmt.Errorf("source %s: %w", name, err)
	}
	return verify.Source{Text: p.Text, Title: p.Title}, inPDF(p), nil
}

// Errors of a SOURCE URL.
var (
	errNotCached = errors.New("offline and not in the cache")
	errNoText    = errors.New("no readable text")
	errPaywall   = errors.New("a paywall or login page, not the article: no verdict")
)

// verifyPairs reads the pairs file name and calls each for every good
// line, bad for every bad one (an error naming the file and line). Its
// error is the file's: it could not be opened or read.
func verifyPairs(ctx context.Context, name string, each func(verifyPair, verify.Source) error, bad func(error)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxPairLine)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		p, src, err := readPair(line)
		if err != nil {
			bad(fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		if err := each(p, src); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s: %w: a line is longer than %d bytes", name, errBadPair, maxPairLine)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// readPair decodes and checks one line of a pairs file.
func readPair(line []byte) (verifyPair, verify.Source, error) {
	var p verifyPair
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, verify.Source{}, fmt.Errorf("%w: %w", errBadPair, err)
	}
	switch {
	case strings.TrimSpace(p.Claim) == "":
		return p, verify.Source{}, fmt.Errorf("%w: no claim", errBadPair)
	case len(p.Claim) > maxVerifyClaim:
		return p, verify.Source{}, fmt.Errorf("%w: claim longer than %d bytes", errBadPair, maxVerifyClaim)
	case p.Source != "" && p.SourceHTML != "":
		return p, verify.Source{}, fmt.Errorf("%w: both source and source_html", errBadPair)
	case p.Source == "" && p.SourceHTML == "":
		return p, verify.Source{}, fmt.Errorf("%w: no source or source_html", errBadPair)
	}
	src := verify.Source{Text: p.Source, URL: p.SourceURL}
	if p.SourceHTML != "" {
		doc, err := sources.Read(strings.NewReader(p.SourceHTML), sources.ReadOptions{Name: cmp.Or(p.SourceURL, p.ID+".html"),
			Format: sources.FormatHTML, BaseURL: p.SourceURL, MaxBytes: maxVerifySource})
		if err != nil {
			return p, verify.Source{}, fmt.Errorf("%w: source_html: %w", errBadPair, err)
		}
		src.Text, src.Title = doc.Text, doc.Meta.Title
	}
	return p, src, nil
}

// writeVerdict writes one answer: a JSON line, or a few lines of text.
func writeVerdict(w io.Writer, format string, out verifyOutput, claim string) error {
	if format == "json" {
		b, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	var b strings.Builder
	if out.ID != "" {
		fmt.Fprintf(&b, "%s: ", out.ID)
	}
	fmt.Fprintf(&b, "%s (score %.2f)\n  claim: %s\n", out.Verdict, out.Score, claim)
	for i, e := range out.Evidence {
		if i == 2 {
			break // the best two are enough to read in a terminal
		}
		fmt.Fprintf(&b, "  evidence %s: %q\n", e.Span, clipForTerminal(e.Text))
	}
	for _, m := range out.Missing {
		fmt.Fprintf(&b, "  missing %s %q", m.Kind, m.Text)
		if m.SourceText != "" {
			fmt.Fprintf(&b, ", the source says %q at %s", clipForTerminal(m.SourceText), m.SourceSpan)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clipForTerminal shortens a passage to about 200 bytes at a space.
func clipForTerminal(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}
