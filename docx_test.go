package citecheck_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

// wordDraft zips a minimal Word document around the paragraphs of its
// body (WordprocessingML).
func wordDraft(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	_, err = f.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestCheckDOCX checks a Word draft through the whole pipeline: a draft
// that cites and has no reference list is reported at the paragraph and
// character of the citation, and on the page Word recorded.
func TestCheckDOCX(t *testing.T) {
	p := func(text string) string { return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>` }
	draft := wordDraft(t, `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Floods and insurance</w:t></w:r></w:p>`+
		p("What we know so far.")+`<w:p/>`+
		`<w:p><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">Premiums rose by 40% after the floods (Ngata, 2022).</w:t></w:r></w:p>`)
	report, err := citecheck.Check(context.Background(), bytes.NewReader(draft), citecheck.Options{Name: "draft.docx"})
	require.NoError(t, err)
	require.Len(t, report.Citations, 1)
	// "Ngata, 2022" inside its parentheses, in the third paragraph that
	// holds text (the empty one is not counted), on page 2
	assert.Equal(t, sources.Location{Start: 81, End: 92, Line: 3, Column: 40, EndLine: 3, EndColumn: 51, Page: 2},
		report.Citations[0].Span)
	assert.Equal(t, "Ngata, 2022", string(report.Document.Src[81:92]), "offsets index the text")
	var got []string
	for _, f := range report.Findings {
		got = append(got, fmt.Sprintf("%d:%d p%d %s", f.Span.Line, f.Span.Column, f.Span.Page, f.Code))
	}
	// the missing list is the root cause: one finding, the citation it
	// leaves unresolved among its related places
	assert.Equal(t, []string{"3:40 p2 missing-reference-list"}, got)
}

// TestCheckDOCXMissingNote names a Word note as Word shows it: a mark
// whose note the document lacks is "footnote 1", not the id of its note.
func TestCheckDOCXMissingNote(t *testing.T) {
	draft := wordDraft(t, `<w:p><w:r><w:t xml:space="preserve">Premiums rose by 40% after the floods.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`)
	report, err := citecheck.Check(context.Background(), bytes.NewReader(draft), citecheck.Options{Name: "draft.docx"})
	require.NoError(t, err)
	require.Len(t, report.Citations, 1)
	var codes []string
	for _, f := range report.Findings {
		codes = append(codes, fmt.Sprintf("%d:%d %s", f.Span.Line, f.Span.Column, f.Code))
		if f.Code == "missing-reference-list" {
			require.Len(t, f.Related, 1)
			assert.Contains(t, f.Related[0].Message, "citation footnote 1 is left unresolved")
		}
	}
	assert.Equal(t, []string{"1:39 missing-reference-list"}, codes)
}
