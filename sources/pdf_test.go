package sources_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/pdftest"
)

func TestReadPDF(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	got, err := sources.ReadPDF(t.Context(), report, sources.PDFOptions{})
	require.NoError(t, err)
	assert.Equal(t, pdftest.ReportTitle, got.Title)
	assert.Equal(t, 3, got.PageCount)
	require.Len(t, got.PageStarts, 3)
	assert.False(t, got.Truncated)
	i := strings.Index(got.Text, pdftest.Figure)
	require.GreaterOrEqual(t, i, 0, "text: %q", got.Text)
	assert.Equal(t, 2, got.PageAt(i))
	assert.Equal(t, 1, got.PageAt(0))
	assert.True(t, strings.HasPrefix(got.Text[got.PageStarts[2]:], "Methods"), "page 3: %q", got.Text[got.PageStarts[2]:])
	// a wrapped paragraph is one line; paragraphs are apart
	assert.Contains(t, got.Text, "drawing on the monthly household survey of about forty thousand homes across every region of the country.")
	assert.Contains(t, got.Text, "Youth unemployment remained higher, at 22%.\n\nParticipation rose")
}

func TestReadPDFBounds(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	tests := []struct {
		name      string
		opts      sources.PDFOptions
		wantPages int
		maxText   int
	}{
		{"one page", sources.PDFOptions{MaxPages: 1}, 1, 1 << 20},
		{"little text", sources.PDFOptions{MaxText: 40}, 1, 40},
		{"defaults", sources.PDFOptions{}, 3, sources.DefaultPDFText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sources.ReadPDF(t.Context(), report, tt.opts)
			require.NoError(t, err)
			assert.Len(t, got.PageStarts, tt.wantPages)
			assert.LessOrEqual(t, len(got.Text), tt.maxText)
			assert.Equal(t, tt.wantPages < 3, got.Truncated)
		})
	}
}

func TestReadPDFErrors(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	encrypted, err := pdftest.Write(pdftest.Doc{Pages: [][]string{{"Secret figures: 14%."}}, Password: "pw"})
	require.NoError(t, err)
	protected, err := pdftest.Write(pdftest.Doc{Pages: [][]string{{"Open figures: 14%."}}, Protect: true})
	require.NoError(t, err)
	blank, err := pdftest.Write(pdftest.Doc{Pages: [][]string{{}}})
	require.NoError(t, err)
	corrupt := []byte(strings.Replace(string(report), "/Root", "/Rooo", 1))
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a pdf", []byte("<html>hello</html>"), sources.ErrNotPDF},
		{"empty", nil, sources.ErrNotPDF},
		{"truncated", report[:len(report)/2], sources.ErrMalformedPDF},
		{"header only", []byte("%PDF-1.4\n"), sources.ErrMalformedPDF},
		{"corrupt", corrupt, sources.ErrMalformedPDF},
		{"encrypted", encrypted, sources.ErrPDFEncrypted},
		{"protected", protected, sources.ErrPDFEncrypted},
		{"no text", blank, sources.ErrPDFNoText},
		{"huge xref", []byte("%PDF-1.4\nxref\n0 99999999999\ntrailer<</Size 5>>\nstartxref\n9\n%%EOF\n"), sources.ErrMalformedPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sources.ReadPDF(t.Context(), tt.data, sources.PDFOptions{})
			assert.ErrorIs(t, err, tt.want)
			assert.Nil(t, got)
		})
	}
}

func TestReadPDFContext(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = sources.ReadPDF(ctx, report, sources.PDFOptions{})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = sources.ReadPDF(t.Context(), report, sources.PDFOptions{Timeout: time.Nanosecond})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestReadPDFTruncations cuts the report at every 97th byte: no cut may
// panic or hang, and any text it gives is within bounds.
func TestReadPDFTruncations(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	for n := 0; n < len(report); n += 97 {
		got, err := sources.ReadPDF(t.Context(), report[:n], sources.PDFOptions{Timeout: 5 * time.Second})
		if err != nil {
			assert.Nil(t, got)
			continue
		}
		assert.LessOrEqual(t, len(got.Text), sources.DefaultPDFText)
	}
}
