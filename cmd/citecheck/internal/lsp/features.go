package lsp

import (
	"fmt"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hover shows the reference entry of the citation under the cursor and how
// the citation is linked to it.
func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	_, r, ok := s.waitResult(s.ctx, p.TextDocument.URI)
	if !ok || r.report == nil {
		return nil, nil
	}
	at := r.lines.offset(p.Position)
	for i := range r.report.Citations {
		c := &r.report.Citations[i]
		span := c.Span
		if c.Group.End > c.Group.Start && !groupShared(r.report, i) {
			span = c.Group
		}
		if at < span.Start || at > span.End {
			continue
		}
		rng := r.lines.rangeOf(span.Start, span.End)
		return &protocol.Hover{
			Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: hoverText(r.report, c)},
			Range:    &rng,
		}, nil
	}
	return nil, nil
}

// groupShared reports whether the group of citation i holds other
// citations too, "(A, 2019; B, 2020)": there only the citation's own span
// answers for it.
func groupShared(rep *citecheck.Report, i int) bool {
	g := rep.Citations[i].Group
	return (i > 0 && rep.Citations[i-1].Group == g) || (i+1 < len(rep.Citations) && rep.Citations[i+1].Group == g)
}

// hoverText is the Markdown of a citation's hover: its status, then the
// entry it cites (or the candidates of an ambiguous one) with its links.
func hoverText(rep *citecheck.Report, c *citecheck.Citation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**citecheck**: citation `%s` is %s\n\n", strings.ReplaceAll(c.Text, "`", "'"), c.Status)
	entry := func(e *citecheck.Reference) {
		fmt.Fprintf(&b, "> %s\n\n", strings.Join(strings.Fields(e.Text), " "))
		if e.DOI != "" {
			fmt.Fprintf(&b, "DOI: %s\n\n", e.DOI)
		}
		if e.URL != "" {
			fmt.Fprintf(&b, "Link: <%s>", e.URL)
			if e.Source != nil {
				fmt.Fprintf(&b, " (%s)", e.Source.Status)
			}
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "Cited %s.\n\n", plural(len(e.CitedBy), "time", "times"))
	}
	if e, ok := rep.CitationEntry(c); ok {
		entry(e)
	} else if len(c.Candidates) > 0 {
		b.WriteString("It matches more than one entry:\n\n")
		for _, id := range c.Candidates {
			if e, ok := rep.Reference(id); ok {
				entry(e)
			}
		}
	} else if c.URL != "" || c.Target != "" {
		fmt.Fprintf(&b, "Link: <%s>\n\n", firstOf(c.URL, c.Target))
	} else {
		b.WriteString("No entry in the reference list matches it.\n\n")
	}
	for _, f := range rep.FindingsAbout(c.ID) {
		fmt.Fprintf(&b, "- %s: %s ([%s](%s))\n", f.Severity, f.Message, f.Code, f.URL)
	}
	return strings.TrimRight(b.String(), "\n")
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// codeAction offers, for each finding in the range asked about, a quick fix
// that inserts a suppression comment above the finding's line. The
// findings come from the server's own check of the document, not from the
// diagnostics the client sends back.
func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	d, r, ok := s.waitResult(s.ctx, p.TextDocument.URI)
	if !ok || r.report == nil {
		return []protocol.CodeAction{}, nil
	}
	from, to := r.lines.offset(p.Range.Start), r.lines.offset(p.Range.End)
	diags := diagnostics(d.uri, r)
	newline := "\n"
	if strings.Contains(r.lines.text, "\r\n") {
		newline = "\r\n"
	}
	kind := protocol.CodeActionKindQuickFix
	actions := []protocol.CodeAction{}
	seen := map[string]bool{}
	for i, f := range r.report.Findings {
		if f.Span.End < from || f.Span.Start > to {
			continue
		}
		line := r.lines.lineStart(f.Span.Start)
		key := fmt.Sprintf("%s@%d", f.Code, line)
		if seen[key] {
			continue
		}
		seen[key] = true
		var edit protocol.TextEdit
		if prevEnd, ok := paragraphGoesOn(d.format, r.lines.text, line); ok {
			// a comment on a line of its own would end the paragraph
			// (Markdown's HTML block may interrupt one): put it at the end
			// of the line before, where it is inline HTML
			at := r.lines.position(prevEnd)
			edit = protocol.TextEdit{Range: protocol.Range{Start: at, End: at}, NewText: " " + suppression(d.format, f.Code)}
		} else {
			indent := r.lines.text[line:]
			indent = indent[:len(indent)-len(strings.TrimLeft(indent, " \t"))]
			at := r.lines.position(line)
			edit = protocol.TextEdit{Range: protocol.Range{Start: at, End: at},
				NewText: indent + suppression(d.format, f.Code) + newline}
		}
		actions = append(actions, protocol.CodeAction{
			Title:       fmt.Sprintf("Disable %s for this line", f.Code),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{diags[i]},
			Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{d.uri: {edit}}},
		})
	}
	return actions, nil
}

// paragraphGoesOn reports whether, in a Markdown document, the line
// starting at byte line continues a paragraph from the line before, and
// returns where that line's text ends (before its line break). Lines that
// start a block (a heading, a quotation, a list item, a fence, a table
// row, HTML) and lines after a heading, fence or table row are not
// continuations.
func paragraphGoesOn(format sources.Format, text string, line int) (prevEnd int, ok bool) {
	if format != sources.FormatMarkdown || line == 0 {
		return 0, false
	}
	before := strings.TrimRight(text[:line], "\r\n")
	if breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text[len(before):line]); breaks != "\n" {
		return 0, false // a blank line between
	}
	prev := before[strings.LastIndexAny(before, "\r\n")+1:]
	cur := text[line:]
	if i := strings.IndexAny(cur, "\r\n"); i >= 0 {
		cur = cur[:i]
	}
	p, c := strings.TrimLeft(prev, " \t"), strings.TrimLeft(cur, " \t")
	if p == "" || c == "" || len(prev)-len(p) > 3 || startsBlock(p) || startsBlock(c) {
		return 0, false
	}
	return len(before), true
}

// startsBlock reports whether a Markdown line, without its indent, opens
// or is a block of its own rather than a paragraph's text.
func startsBlock(s string) bool {
	switch s[0] {
	case '#', '>', '|', '`', '~', '<', '=':
		return true
	case '-', '*', '+':
		return len(s) == 1 || s[1] == ' ' || s[1] == '\t' || s[1] == s[0]
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')')
}
