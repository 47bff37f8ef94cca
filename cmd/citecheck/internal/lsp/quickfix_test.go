package lsp

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/citecheck/citecheck"
)

// TestQuickFixSuppresses applies the quick fix of a finding, as an editor
// does, and checks the text again: the finding is suppressed, by the
// comment the fix added, and nothing else changes (a comment put in the
// middle of a paragraph must not split it into two). Every text has the
// sentence "The city spent $4.2 million on the bridge in 2021.", whose
// uncited-claim is the one fixed.
func TestQuickFixSuppresses(t *testing.T) {
	tests := []struct {
		name, uri, langID, text string
		code                    string
		wantNewText             string // the edit's text
	}{
		{"markdown, mid-paragraph", "file:///a.md", "markdown",
			"# Bridges\n\nResidents had waited for years.\nThe city spent $4.2 million on the bridge in 2021.\nIt opened in May.\n",
			"uncited-claim", " <!-- citecheck-disable-next-line uncited-claim -->"},
		{"markdown, a sentence across the line", "file:///a.md", "markdown",
			"# Bridges\n\nPrices fell 3% in 2024, the\nagency said. The city spent $4.2 million on the bridge in 2021.\n",
			"uncited-claim", " <!-- citecheck-disable-next-line uncited-claim -->"},
		{"markdown, a paragraph's first line", "file:///a.md", "markdown",
			"# Bridges\n\nThe city spent $4.2 million on the bridge in 2021.\n",
			"uncited-claim", "<!-- citecheck-disable-next-line uncited-claim -->\n"},
		{"markdown, after a list item", "file:///a.md", "markdown",
			"# Bridges\n\n- a list item\nThe city spent $4.2 million on the bridge in 2021.\n",
			"uncited-claim", "<!-- citecheck-disable-next-line uncited-claim -->\n"},
		{"markdown, CRLF", "file:///a.md", "markdown",
			"# Bridges\r\n\r\nResidents had waited for years.\r\nThe city spent $4.2 million on the bridge in 2021.\r\n",
			"uncited-claim", " <!-- citecheck-disable-next-line uncited-claim -->"},
		{"text, mid-paragraph", "file:///a.txt", "plaintext",
			"Residents had waited for years.\nThe city spent $4.2 million on the bridge in 2021.\nIt opened in May.\n",
			"uncited-claim", "# citecheck-disable-next-line uncited-claim\n"},
		{"text, a sentence across the line", "file:///a.txt", "plaintext",
			"Prices fell 3% in 2024, the\nagency said. The city spent $4.2 million on the bridge in 2021.\n",
			"uncited-claim", "# citecheck-disable-next-line uncited-claim\n"},
		{"html", "file:///a.html", "html",
			"<html><body><p>Residents had waited for years.\nThe city spent $4.2 million on the bridge in 2021.</p></body></html>\n",
			"uncited-claim", "<!-- citecheck-disable-next-line uncited-claim -->\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := strings.TrimPrefix(tt.uri, "file:///")
			check := func(text string) *citecheck.Report {
				r, err := citecheck.Check(context.Background(), strings.NewReader(text), citecheck.Options{Name: name})
				require.NoError(t, err)
				return r
			}
			before := check(tt.text)
			// the finding on the sentence about the bridge's cost, whatever
			// the claim model makes of the others
			cost := strings.Index(tt.text, "The city spent")
			i := slices.IndexFunc(before.Findings, func(f citecheck.Finding) bool {
				return f.Code == tt.code && f.Span.Start <= cost && cost < f.Span.End
			})
			require.GreaterOrEqual(t, i, 0, "%+v", before.Findings)
			target, targetIndex := before.Findings[i], i

			c := start(t, Options{})
			c.initialize(t)
			c.notify(t, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": tt.uri, "languageId": tt.langID, "version": 1, "text": tt.text}})
			c.next(t)
			lines := newLineTable(tt.text)
			var actions []codeAction
			c.call(t, "textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": tt.uri},
				"range": lines.rangeOf(target.Span.Start, target.Span.End), "context": map[string]any{"diagnostics": []any{}}}, &actions)
			i = slices.IndexFunc(actions, func(a codeAction) bool { return strings.Contains(a.Title, tt.code) })
			require.GreaterOrEqual(t, i, 0, "%+v", actions)
			edits := actions[i].Edit.Changes[tt.uri]
			require.Len(t, edits, 1)
			e := edits[0]
			assert.Equal(t, tt.wantNewText, e.NewText)
			pos := func(p position) protocol.Position {
				return protocol.Position{Line: protocol.UInteger(p.Line), Character: protocol.UInteger(p.Character)}
			}
			at := lines.offset(pos(e.Range.Start))
			require.Equal(t, at, lines.offset(pos(e.Range.End)), "an insertion")
			fixed := tt.text[:at] + e.NewText + tt.text[at:]
			c.shutdown(t)

			after := check(fixed)
			var codes []string
			for _, f := range after.Findings {
				codes = append(codes, f.Code)
			}
			var want []string
			for k, f := range before.Findings {
				if k != targetIndex {
					want = append(want, f.Code)
				}
			}
			assert.Equal(t, want, codes, "the other findings stay as they were:\n%s", fixed)
			require.Len(t, after.Suppressed, 1, fixed)
			assert.Equal(t, tt.code, after.Suppressed[0].Code)
			assert.Equal(t, len(before.Claims), len(after.Claims), "the paragraph is read as before")
		})
	}
}
