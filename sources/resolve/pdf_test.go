package resolve

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/pdftest"
)

// pdfAnswer serves body with the content type ct (none when empty).
func pdfAnswer(ct string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing by net/http
		}
		_, _ = w.Write(body)
	}
}

func TestResolveURLPDF(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	encrypted, err := pdftest.Write(pdftest.Doc{Pages: [][]string{{"Secret: 14%."}}, Password: "pw"})
	require.NoError(t, err)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /report.pdf", pdfAnswer("application/pdf", report))
	mux.HandleFunc("GET /download", pdfAnswer("application/octet-stream", report))
	mux.HandleFunc("GET /mislabelled", pdfAnswer("text/html; charset=utf-8", report))
	mux.HandleFunc("GET /unlabelled", pdfAnswer("", report))
	mux.HandleFunc("GET /truncated.pdf", pdfAnswer("application/pdf", report[:len(report)*2/3]))
	mux.HandleFunc("GET /encrypted.pdf", pdfAnswer("application/pdf", encrypted))
	mux.HandleFunc("GET /blob", pdfAnswer("application/octet-stream", []byte("\x00\x01 not a pdf")))
	srv := newTestServer(t, mux)

	tests := []struct {
		name     string
		path     string
		opts     []Option
		wantText bool
		wantNote string
		wantErr  error
	}{
		{"application/pdf", "/report.pdf", nil, true, "", nil},
		{"octet-stream holding a pdf", "/download", nil, true, "", nil},
		{"a pdf labelled html", "/mislabelled", nil, true, "", nil},
		{"a pdf with no content type", "/unlabelled", nil, true, "", nil},
		{"over the body cap, within the pdf cap", "/mislabelled", []Option{WithMaxBody(100), WithMaxPDFBody(1 << 20)}, true, "", nil},
		{"over the pdf cap", "/report.pdf", []Option{WithMaxBody(100), WithMaxPDFBody(200)}, false, "", ErrBodyTooLarge},
		{"truncated: the link works, no text", "/truncated.pdf", nil, false, "malformed pdf", nil},
		{"encrypted: no text", "/encrypted.pdf", nil, false, "encrypted pdf", nil},
		{"octet-stream that is no pdf", "/blob", nil, false, "", ErrContentType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRegistryResolver(t, tt.opts...)
			got, err := r.ResolveURL(t.Context(), srv.URL+tt.path)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.Equal(t, StatusError, got.Status)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, StatusOK, got.Status)
			assert.Equal(t, 200, got.HTTPStatus)
			if !tt.wantText {
				assert.Empty(t, got.Text)
				require.Len(t, got.Notes, 1)
				assert.Contains(t, got.Notes[0], tt.wantNote)
				return
			}
			assert.Empty(t, got.Notes)
			assert.Equal(t, pdftest.ReportTitle, got.Title)
			assert.Contains(t, got.Text, pdftest.Figure)
			assert.LessOrEqual(t, len(got.Text), MaxSourceText)
		})
	}
}

// TestResolverPDFOffline resolves a PDF online into a cache, then offline
// from it: the text comes back from the cache.
func TestResolverPDFOffline(t *testing.T) {
	report, err := pdftest.Report()
	require.NoError(t, err)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /report.pdf", pdfAnswer("application/pdf", report))
	srv := newTestServer(t, mux)
	cache := NewMemoryCache()
	online, err := New(Config{Fetcher: newRegistryResolver(t), Cache: cache})
	require.NoError(t, err)
	target, ok := URLTarget(srv.URL + "/report.pdf")
	require.True(t, ok)
	res, err := online.Resolve(t.Context(), target)
	require.NoError(t, err)
	require.NotNil(t, res.Source)
	assert.Contains(t, res.Source.Text, pdftest.Figure)

	offline, err := New(Config{Cache: cache, Offline: true})
	require.NoError(t, err)
	res, err = offline.Resolve(t.Context(), target)
	require.NoError(t, err)
	require.NotNil(t, res.Source)
	assert.Equal(t, StatusOK, res.Source.Status)
	assert.True(t, strings.Contains(res.Source.Text, pdftest.Figure), "offline text: %q", res.Source.Text)
	assert.Equal(t, pdftest.ReportTitle, res.Source.Title)
}

func TestSourceReadPagePDFBound(t *testing.T) {
	// many pages of text: the text stays within MaxSourceText
	para := strings.Repeat("The unemployment rate fell to 14% in March, the survey said. ", 60)
	var pages [][]string
	for range 40 {
		pages = append(pages, []string{para, para})
	}
	big, err := pdftest.Write(pdftest.Doc{Pages: pages})
	require.NoError(t, err)
	s := &Source{}
	s.readPage(t.Context(), &Page{ContentType: "application/pdf", Body: big})
	require.Empty(t, s.Notes)
	assert.Greater(t, len(s.Text), 100_000)
	assert.LessOrEqual(t, len(s.Text), MaxSourceText)
	p, err := sources.ReadPDF(t.Context(), big, sources.PDFOptions{MaxPages: 2})
	require.NoError(t, err)
	assert.True(t, p.Truncated)
}
