package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// The HTML report (`citecheck check --format html`) is one self-contained
// page per input: the input's source text, line by line, with its claims,
// citations, references and findings marked at their byte offsets, each
// finding as a note under the line where it ends, a summary on top and the
// details of every citation and reference below. The page loads nothing:
// its style and script are inline, allowed by a Content-Security-Policy
// that names their hashes and nothing else. The article is untrusted, so
// everything from it goes through html/template.
//
// Where the pages go (-o):
//   - no -o: standard output, for one input only (a second input is a
//     usage error, and nothing is written);
//   - -o FILE, a path ending in .html or .htm that is not a folder: that
//     file, for one input only;
//   - -o DIR, any other path: DIR/<input path>.html for each input, the
//     input's path kept below DIR with its extension ("drafts/a.md" gives
//     DIR/drafts/a.md.html); a leading / and ".." are dropped, standard
//     input is "stdin" (or its --stdin-filename), and a name already
//     written in the run gets "-2", "-3"… before ".html".

//go:embed htmlreport/page.html.tmpl htmlreport/page.css htmlreport/page.js
var htmlAssets embed.FS

// errHTMLOneInput is returned when several inputs would go to one page.
var errHTMLOneInput = errors.New("--format html writes one page per input: with several inputs, give -o DIR")

// htmlFindings writes the HTML pages (see above).
type htmlFindings struct {
	w   io.Writer
	out string // -o, "" for standard output
	// page holds the one page for standard output or -o FILE until finish,
	// so that a second input fails before anything is written.
	page    *bytes.Buffer
	written map[string]bool // the pages written under -o DIR
	tmpl    *template.Template
	err     error // a template that did not parse
}

func newHTMLFindings(w io.Writer, out string) *htmlFindings {
	t, err := newHTMLTemplate()
	return &htmlFindings{w: w, out: out, written: map[string]bool{}, tmpl: t, err: err}
}

// htmlToFolder reports whether -o names a folder.
func htmlToFolder(out string) bool {
	if out == "" {
		return false
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return true
	}
	ext := strings.ToLower(filepath.Ext(out))
	return ext != ".html" && ext != ".htm"
}

func (h *htmlFindings) write(r *citecheck.Report) error {
	if h.err != nil {
		return h.err
	}
	var b bytes.Buffer
	if err := writeHTMLReport(&b, h.tmpl, r); err != nil {
		return err
	}
	if !htmlToFolder(h.out) {
		if h.page != nil {
			return errHTMLOneInput
		}
		h.page = &b
		return nil
	}
	name := htmlPageName(r.Input)
	for i := 2; h.written[name]; i++ {
		name = strings.TrimSuffix(htmlPageName(r.Input), ".html") + "-" + strconv.Itoa(i) + ".html"
	}
	h.written[name] = true
	p := filepath.Join(h.out, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func (h *htmlFindings) fail(string, error) {}

func (h *htmlFindings) finish() error {
	if h.page == nil {
		return nil
	}
	if h.out == "" {
		_, err := h.w.Write(h.page.Bytes())
		return err
	}
	if err := os.WriteFile(h.out, h.page.Bytes(), 0o644); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

// htmlPageName is the slash-separated path below -o DIR of an input's page.
func htmlPageName(input string) string {
	if input == "-" || input == "" {
		input = "stdin"
	}
	input = strings.ReplaceAll(filepath.ToSlash(input), ":", "_")
	var parts []string
	for _, p := range strings.Split(path.Clean("/"+input), "/") {
		if p != "" && p != "." && p != ".." {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		parts = []string{"stdin"}
	}
	return strings.Join(parts, "/") + ".html"
}

// newHTMLTemplate parses the page template.
func newHTMLTemplate() (*template.Template, error) {
	t, err := template.New("page.html.tmpl").ParseFS(htmlAssets, "htmlreport/page.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("html report template: %w", err)
	}
	return t, nil
}

// htmlPage is what the template renders.
type htmlPage struct {
	Report *citecheck.Report
	Title  string
	// CSP is the Content-Security-Policy: the inline style and script by
	// their hashes, nothing else.
	CSP    string
	Style  template.CSS
	Script template.JS
	// Severities and Codes count the findings.
	Severities []htmlCount
	Codes      []htmlCount
	// DocumentNotes are the findings about no place in the text.
	DocumentNotes []htmlNote
	// Markup is true for an HTML input, whose tags are shown dimmed
	// and may be hidden, leaving the text.
	Markup     bool
	Lines      []htmlLine
	Citations  []htmlDetail
	References []htmlDetail
	// Claims are the claims checked against their sources' text.
	Claims []htmlDetail
}

type htmlCount struct {
	Name     string
	Severity citecheck.Severity
	N        int
}

// htmlLine is one line of the input and the notes of the findings that
// end on it.
type htmlLine struct {
	N      int
	Tokens []htmlToken
	Notes  []htmlNote
	// MarkupOnly is a line of an HTML input that holds only markup and
	// white space, and no note: it is hidden with the markup.
	MarkupOnly bool
	hasText    bool // some of the line is text, not markup or white space
}

// htmlToken is a run of text, or the opening or closing of a mark. A mark
// that crosses a line, or another mark's end, is closed and opened again:
// its parts share Key, and only the first has ID and the expected place.
type htmlToken struct {
	Text template.HTML
	// Markup is a run of an HTML input's markup: a tag, a comment, the
	// content of a script or style element.
	Markup      bool
	Open, Close bool
	First       bool
	Key, Kind   string
	Class       string
	Label       string
	DescribedBy string
	Start, End  int
	Line, Col   int
}

type htmlNote struct {
	ID       string
	Key      string
	Severity citecheck.Severity
	Code     string
	Message  string
	URL      string
	Line     int
	Col      int
	Related  []citecheck.Related
}

// htmlDetail is what focusing a citation or reference shows.
type htmlDetail struct {
	Key   string
	ID    string
	Text  string
	Rows  [][2]string
	Links []htmlLink
}

type htmlLink struct{ Label, Href string }

// htmlMark is one marked span of the source.
type htmlMark struct {
	key, kind, class, label string
	describedBy             []string
	loc                     sources.Location
	order                   int
}

func writeHTMLReport(w io.Writer, t *template.Template, r *citecheck.Report) error {
	css, err := htmlAssets.ReadFile("htmlreport/page.css")
	if err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	js, err := htmlAssets.ReadFile("htmlreport/page.js")
	if err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	p := htmlPage{Report: r, Title: cmp.Or(r.Title, r.Meta.Title), Style: template.CSS(css), Script: template.JS(js)}
	p.CSP = "default-src 'none'; style-src '" + cspHash(css) + "'; script-src '" + cspHash(js) + "'; img-src data:; base-uri 'none'; form-action 'none'"
	var src []byte
	if r.Document != nil {
		src = r.Document.Src
	}
	p.Severities, p.Codes = htmlCounts(r.Findings)
	marks, notes := htmlMarks(r, len(src))
	var markup [][2]int
	if r.Format == string(sources.FormatHTML) {
		markup = htmlMarkupRanges(src)
		p.Markup = len(markup) > 0
	}
	p.Lines = htmlLines(src, marks, markup)
	starts := htmlLineStarts(src)
	for i, n := range notes {
		if n.Line < 1 || n.Key == "" {
			p.DocumentNotes = append(p.DocumentNotes, n)
			continue
		}
		end := r.Findings[i].Span.End
		if end > r.Findings[i].Span.Start {
			end--
		}
		li := sort.SearchInts(starts, end+1) - 1 // the line holding end
		if li < len(p.Lines) {
			p.Lines[li].Notes = append(p.Lines[li].Notes, n)
		} else {
			p.DocumentNotes = append(p.DocumentNotes, n)
		}
	}
	for i := range p.Lines {
		l := &p.Lines[i]
		l.MarkupOnly = !l.hasText && len(l.Notes) == 0 && slices.ContainsFunc(l.Tokens, func(t htmlToken) bool { return t.Markup })
	}
	p.Citations, p.References = htmlDetails(r)
	p.Claims = htmlClaimDetails(r)
	if err := t.Execute(w, p); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

func htmlCounts(fs []citecheck.Finding) (sev, codes []htmlCount) {
	for _, s := range []citecheck.Severity{citecheck.SeverityError, citecheck.SeverityWarning, citecheck.SeverityInfo} {
		sev = append(sev, htmlCount{Name: string(s), Severity: s})
	}
	byCode := map[string]int{}
	for _, f := range fs {
		for i := range sev {
			if sev[i].Severity == f.Severity {
				sev[i].N++
			}
		}
		if i, ok := byCode[f.Code]; ok {
			codes[i].N++
			continue
		}
		byCode[f.Code] = len(codes)
		codes = append(codes, htmlCount{Name: f.Code, Severity: f.Severity, N: 1})
	}
	slices.SortStableFunc(codes, func(a, b htmlCount) int {
		return cmp.Or(b.Severity.Rank()-a.Severity.Rank(), strings.Compare(a.Name, b.Name))
	})
	return sev, codes
}

// htmlMarks returns the marks of the report's claims, references,
// citations and findings, and a note per finding (in the findings' order).
func htmlMarks(r *citecheck.Report, n int) ([]htmlMark, []htmlNote) {
	var marks []htmlMark
	ok := func(l sources.Location) bool { return l.Start >= 0 && l.Start < l.End && l.End <= n }
	add := func(m htmlMark) {
		if ok(m.loc) {
			m.order = len(marks)
			marks = append(marks, m)
		}
	}
	notes := make([]htmlNote, len(r.Findings))
	about := map[string][]string{} // mark key → the notes about it
	for i, f := range r.Findings {
		key := "f" + strconv.Itoa(i+1)
		notes[i] = htmlNote{ID: "n-" + key, Severity: f.Severity, Code: f.Code, Message: f.Message, URL: f.URL, Line: f.Span.Line, Col: f.Span.Column, Related: f.Related}
		if ok(f.Span) {
			notes[i].Key = key
		}
		for _, k := range []string{htmlKey("c", f.Citation), htmlKey("r", f.Reference), htmlKey("q", f.Claim)} {
			if k != "" {
				about[k] = append(about[k], notes[i].ID)
			}
		}
	}
	for _, c := range r.Claims {
		k := htmlKey("q", c.ID)
		label := "claim " + c.ID
		if !c.Cited {
			label += ", uncited"
		}
		by := about[k]
		if len(c.Support) > 0 {
			by = append(by, "d-"+k)
		}
		add(htmlMark{key: k, kind: "claim", class: "claim", label: label, describedBy: by, loc: c.Span})
	}
	for _, e := range r.References {
		k := htmlKey("r", e.ID)
		add(htmlMark{key: k, kind: "ref", class: "ref", label: "reference " + e.ID, describedBy: append(about[k], "d-"+k), loc: e.Span})
	}
	for _, c := range r.Citations {
		k := htmlKey("c", c.ID)
		add(htmlMark{key: k, kind: "cite", class: "cite cite-" + string(c.Status), label: "citation " + c.ID + ", " + string(c.Status), describedBy: append(about[k], "d-"+k), loc: c.Span})
	}
	for i, f := range r.Findings {
		k := notes[i].Key
		if k == "" {
			continue
		}
		add(htmlMark{key: k, kind: "finding", class: "finding sev-" + string(f.Severity), label: string(f.Severity) + " " + f.Code, describedBy: []string{notes[i].ID}, loc: f.Span})
	}
	kindRank := map[string]int{"claim": 0, "ref": 1, "cite": 2, "finding": 3}
	slices.SortStableFunc(marks, func(a, b htmlMark) int {
		return cmp.Or(a.loc.Start-b.loc.Start, b.loc.End-a.loc.End, kindRank[a.kind]-kindRank[b.kind], a.order-b.order)
	})
	return marks, notes
}

func htmlKey(prefix, id string) string {
	if id == "" {
		return ""
	}
	return prefix + "-" + id
}

// htmlLineStarts returns the offsets where the lines of src start.
func htmlLineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// htmlLines splits src into lines and the marks into properly nested
// parts: at a line's start, or where a mark ends inside marks opened after
// it, the marks still open are closed and opened again. The runs of text
// in the sorted byte ranges of markup are marked as markup.
func htmlLines(src []byte, marks []htmlMark, markup [][2]int) []htmlLine {
	starts := htmlLineStarts(src)
	points := slices.Clone(starts)
	for _, m := range marks {
		points = append(points, m.loc.Start, m.loc.End)
	}
	for _, m := range markup {
		points = append(points, m[0], m[1])
	}
	points = append(points, len(src))
	slices.Sort(points)
	points = slices.Compact(points)
	var lines []htmlLine
	var stack []*htmlMark
	var cur *htmlLine
	emit := func(t htmlToken) { cur.Tokens = append(cur.Tokens, t) }
	open := func(m *htmlMark, first bool) {
		t := htmlToken{Open: true, First: first, Key: m.key, Kind: m.kind, Class: m.class, Label: m.label}
		if first {
			t.DescribedBy = strings.Join(m.describedBy, " ")
			t.Start, t.End, t.Line, t.Col = m.loc.Start, m.loc.End, m.loc.Line, m.loc.Column
		}
		emit(t)
	}
	closeTo := func(k int) { // close stack[k:], top first
		for i := len(stack) - 1; i >= k; i-- {
			emit(htmlToken{Close: true})
		}
	}
	next, li := 0, 0
	for pi, p := range points {
		// marks ending here
		for {
			k := slices.IndexFunc(stack, func(m *htmlMark) bool { return m.loc.End <= p })
			if k < 0 {
				break
			}
			closeTo(k)
			rest := slices.Clone(stack[k+1:])
			stack = stack[:k]
			for _, m := range rest {
				if m.loc.End > p {
					open(m, false)
					stack = append(stack, m)
				}
			}
		}
		if li < len(starts) && starts[li] == p {
			if cur != nil {
				closeTo(0)
			}
			lines = append(lines, htmlLine{N: li + 1})
			cur = &lines[len(lines)-1]
			li++
			for _, m := range stack {
				open(m, false)
			}
		}
		for next < len(marks) && marks[next].loc.Start == p {
			m := &marks[next]
			next++
			open(m, true)
			stack = append(stack, m)
		}
		if pi+1 < len(points) && p < len(src) {
			for len(markup) > 0 && markup[0][1] <= p {
				markup = markup[1:]
			}
			end := min(points[pi+1], len(src))
			inMarkup := len(markup) > 0 && markup[0][0] <= p
			emit(htmlToken{Text: htmlText(src[p:end]), Markup: inMarkup})
			if !inMarkup && len(bytes.TrimSpace(src[p:end])) > 0 {
				cur.hasText = true
			}
		}
	}
	if cur != nil {
		closeTo(0)
	}
	return lines
}

// htmlMarkupRanges returns the sorted byte ranges of an HTML source that
// are markup rather than text: tags, comments, the doctype, and the
// content of script and style elements.
func htmlMarkupRanges(src []byte) [][2]int {
	z := html.NewTokenizer(bytes.NewReader(src))
	var out [][2]int
	off, inRaw := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		n := len(z.Raw())
		markup := tt != html.TextToken || inRaw
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			inRaw = string(name) == "script" || string(name) == "style"
		case html.EndTagToken:
			inRaw = false
		}
		if markup && n > 0 {
			if k := len(out); k > 0 && out[k-1][1] == off {
				out[k-1][1] = off + n
			} else {
				out = append(out, [2]int{off, off + n})
			}
		}
		off += n
	}
}

// htmlText escapes a piece of the source for the page. A carriage return
// is written as a character reference, which HTML keeps, where a parser
// folds a literal one and the line feed after it into one line feed: the
// page's text is then the input byte for byte, and offsets count alike.
// Bytes that are not UTF-8 become U+FFFD.
func htmlText(b []byte) template.HTML {
	s := template.HTMLEscapeString(strings.ToValidUTF8(string(b), "\uFFFD"))
	return template.HTML(strings.ReplaceAll(s, "\r", "&#13;"))
}

// htmlDetails returns what the page shows for each citation and reference.
// htmlClaimDetails returns the details of the claims that were verified
// against their sources: each source's verdict, its passages (linked to
// the passage in the source where it is a web page) and what it does not
// back.
func htmlClaimDetails(r *citecheck.Report) []htmlDetail {
	var out []htmlDetail
	for _, c := range r.Claims {
		if len(c.Support) == 0 {
			continue
		}
		d := htmlDetail{Key: htmlKey("q", c.ID), ID: c.ID, Text: c.Text}
		for i, sup := range c.Support {
			src := cmp.Or(sup.Citation, "source "+strconv.Itoa(i+1))
			d.Rows = append(d.Rows, [2]string{"Source of " + src, sup.URL},
				[2]string{"Verdict", fmt.Sprintf("%s (the source supports the claim with probability %.2f)", sup.Verdict, sup.Score)})
			for j, e := range sup.Evidence {
				d.Rows = append(d.Rows, [2]string{fmt.Sprintf("Passage %d", j+1), e.Text})
				if e.URL != "" {
					d.Links = append(d.Links, htmlLink{fmt.Sprintf("Passage %d of %s in the source", j+1, src), e.URL})
				}
			}
			for _, m := range sup.Missing {
				says := "the source does not say it"
				if m.SourceText != "" {
					says = fmt.Sprintf("the source says %q: %s", m.SourceText, m.Passage)
				}
				d.Rows = append(d.Rows, [2]string{"Not backed", fmt.Sprintf("%s %q: %s", m.Kind, m.Text, says)})
			}
		}
		d.Rows = append(d.Rows, [2]string{"Place", fmt.Sprintf("line %d, column %d", c.Span.Line, c.Span.Column)})
		out = append(out, d)
	}
	return out
}

func htmlDetails(r *citecheck.Report) (cites, refs []htmlDetail) {
	refText := map[string]string{}
	for _, e := range r.References {
		refText[e.ID] = e.Text
	}
	for _, c := range r.Citations {
		d := htmlDetail{Key: htmlKey("c", c.ID), ID: c.ID, Text: c.Text}
		d.Rows = append(d.Rows, [2]string{"Status", string(c.Status)})
		if c.Reference != "" {
			d.Rows = append(d.Rows, [2]string{"Entry " + c.Reference, refText[c.Reference]})
			d.Links = append(d.Links, htmlLink{"Go to entry " + c.Reference, "#m-" + htmlKey("r", c.Reference)})
		}
		for _, id := range c.Candidates {
			d.Rows = append(d.Rows, [2]string{"Candidate " + id, refText[id]})
		}
		if c.URL != "" {
			d.Rows = append(d.Rows, [2]string{"URL", c.URL})
		}
		d.Rows = append(d.Rows, htmlSourceRows(c.Source)...)
		d.Rows = append(d.Rows, [2]string{"Place", fmt.Sprintf("line %d, column %d", c.Span.Line, c.Span.Column)})
		cites = append(cites, d)
	}
	for _, e := range r.References {
		d := htmlDetail{Key: htmlKey("r", e.ID), ID: e.ID, Text: e.Text}
		if len(e.CitedBy) > 0 {
			d.Rows = append(d.Rows, [2]string{"Cited by", strings.Join(e.CitedBy, ", ")})
			for _, c := range e.CitedBy {
				d.Links = append(d.Links, htmlLink{"Go to citation " + c, "#m-" + htmlKey("c", c)})
			}
		} else {
			d.Rows = append(d.Rows, [2]string{"Cited by", "no citation"})
		}
		if e.DOI != "" {
			d.Rows = append(d.Rows, [2]string{"DOI", e.DOI})
		}
		if e.URL != "" {
			d.Rows = append(d.Rows, [2]string{"URL", e.URL})
		}
		d.Rows = append(d.Rows, htmlSourceRows(e.Source)...)
		d.Rows = append(d.Rows, [2]string{"Place", fmt.Sprintf("line %d, column %d", e.Span.Line, e.Span.Column)})
		refs = append(refs, d)
	}
	return cites, refs
}

// htmlSourceRows are the rows of what resolving a source gave: its status
// and the evidence for it.
func htmlSourceRows(s *resolve.Source) [][2]string {
	if s == nil {
		return nil
	}
	status := string(s.Status)
	if s.HTTPStatus != 0 {
		status += " (HTTP " + strconv.Itoa(s.HTTPStatus) + ")"
	}
	rows := [][2]string{{"Source", status}}
	for _, r := range [][2]string{{"Checked", s.URL}, {"Landed on", s.FinalURL}, {"Title", s.Title},
		{"Authors", strings.Join(s.Authors, "; ")}, {"Published", s.Published}, {"Publisher", s.Publisher}, {"Archived copy", s.ArchivedURL}} {
		if r[1] != "" {
			rows = append(rows, r)
		}
	}
	for _, u := range s.Updates {
		rows = append(rows, [2]string{"Notice", strings.TrimSpace(cmp.Or(u.Label, u.Type) + " " + u.Date + " " + u.DOI)})
	}
	for _, n := range s.Notes {
		rows = append(rows, [2]string{"Note", n})
	}
	return rows
}

// htmlOnly checks that -o comes with --format html: the other formats
// write to standard output.
func htmlOnly(format, out string) error {
	if out != "" && format != "html" {
		return fmt.Errorf("-o is for --format html, not %s (redirect standard output instead)", format)
	}
	return nil
}
