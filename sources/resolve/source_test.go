package resolve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

const newsPage = `<!doctype html><html lang="en-GB"><head>
<title>Rates rise again | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="Rates rise again">
<meta property="article:published_time" content="2024-03-01T09:00:00Z">
<meta name="dc.identifier" content="doi:10.5555/Rates.2024">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Daily Example"},
{"@type":"NewsArticle","headline":"Rates rise again (JSON-LD)","datePublished":"2024-03-01","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}]}</script>
</head><body><article><h1>Rates rise again</h1><p>The central bank raised rates.</p></article></body></html>`

func TestResolveURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("GET /old", func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, "/news/rates", http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /news/rates", jsonAnswer(200, "text/html; charset=utf-8", newsPage))
	mux.HandleFunc("GET /data.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Language", "de, en")
		jsonAnswer(200, "application/json", `{"title":"not read"}`)(w, nil)
	})
	mux.HandleFunc("GET /notes.txt", jsonAnswer(200, "text/plain; charset=utf-8", "Unemployment fell\nto 3.9% in May.\n"))
	mux.HandleFunc("GET /gone", jsonAnswer(410, "text/plain", "gone"))
	mux.HandleFunc("GET /busy", jsonAnswer(503, "text/plain", "busy"))
	mux.HandleFunc("GET /private/x", jsonAnswer(200, "text/html", "<p>secret</p>"))
	srv := newTestServer(t, mux)
	r := newRegistryResolver(t)

	t.Run("html page", func(t *testing.T) {
		got, err := r.ResolveURL(t.Context(), srv.URL+"/old")
		require.NoError(t, err)
		assert.Equal(t, &Source{
			Status: StatusOK, URL: srv.URL + "/old", FinalURL: srv.URL + "/news/rates", HTTPStatus: 200,
			Title: "Rates rise again", Authors: []string{"Ann Lee", "Bo Chen"}, Published: "2024-03-01T09:00:00Z",
			Publisher: "Daily Example", DOI: "10.5555/rates.2024", Language: "en-GB", CheckedAt: testNow,
			Text: "The central bank raised rates.",
		}, got)
	})
	t.Run("plain text: its text, no metadata", func(t *testing.T) {
		got, err := r.ResolveURL(t.Context(), srv.URL+"/notes.txt")
		require.NoError(t, err)
		assert.Equal(t, &Source{Status: StatusOK, URL: srv.URL + "/notes.txt", FinalURL: srv.URL + "/notes.txt",
			HTTPStatus: 200, CheckedAt: testNow, Text: "Unemployment fell to 3.9% in May."}, got)
	})
	t.Run("json: status only, language from the header", func(t *testing.T) {
		got, err := r.ResolveURL(t.Context(), srv.URL+"/data.json")
		require.NoError(t, err)
		assert.Equal(t, &Source{Status: StatusOK, URL: srv.URL + "/data.json", FinalURL: srv.URL + "/data.json",
			HTTPStatus: 200, Language: "de", CheckedAt: testNow}, got)
	})

	failures := []struct {
		path       string
		wantStatus SourceStatus
		wantHTTP   int
		wantErr    error
	}{
		{"/gone", StatusNotFound, 410, nil},
		{"/missing", StatusNotFound, 404, nil},
		{"/busy", StatusUnreachable, 503, nil},
		{"/private/x", StatusUnreachable, 0, ErrRobotsDisallowed},
	}
	for _, tt := range failures {
		t.Run(tt.path, func(t *testing.T) {
			got, err := r.ResolveURL(t.Context(), srv.URL+tt.path)
			require.Error(t, err)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.Equal(t, &Source{Status: tt.wantStatus, URL: srv.URL + tt.path, HTTPStatus: tt.wantHTTP, CheckedAt: testNow}, got)
		})
	}
	t.Run("refused addresses and schemes", func(t *testing.T) {
		for in, want := range map[string]SourceStatus{
			"http://169.254.169.254/latest/meta-data/": StatusForbidden,
			"http://10.0.0.1/":                         StatusForbidden,
			"file:///etc/passwd":                       StatusInvalid,
			"http://user:pw@news.example/":             StatusInvalid,
		} {
			got, err := r.ResolveURL(t.Context(), in)
			require.Error(t, err, in)
			assert.Equal(t, want, got.Status, in)
		}
	})
}

func TestStatusFor(t *testing.T) {
	tests := []struct {
		err  error
		want SourceStatus
	}{
		{nil, StatusOK},
		{fmt.Errorf("x: %w", sources.ErrInvalidDOI), StatusInvalid},
		{ErrScheme, StatusInvalid},
		{ErrCredentialsInURL, StatusInvalid},
		{ErrInvalidURL, StatusInvalid},
		{&net.OpError{Op: "dial", Err: fmt.Errorf("%w: 10.0.0.1", ErrForbiddenAddress)}, StatusForbidden},
		{ErrDOINotFound, StatusNotFound},
		{&HTTPError{StatusCode: 404}, StatusNotFound},
		{&HTTPError{StatusCode: 410}, StatusNotFound},
		{&HTTPError{StatusCode: 401}, StatusUnreachable},
		{&HTTPError{StatusCode: 403}, StatusUnreachable},
		{&HTTPError{StatusCode: 408}, StatusUnreachable},
		{&HTTPError{StatusCode: 429}, StatusUnreachable},
		{&HTTPError{StatusCode: 500}, StatusUnreachable},
		{&HTTPError{StatusCode: 400}, StatusError},
		{ErrRobotsDisallowed, StatusUnreachable},
		{ErrRobotsUnavailable, StatusUnreachable},
		{ErrBackoff, StatusUnreachable},
		{fmt.Errorf("fetch: %w", context.DeadlineExceeded), StatusUnreachable},
		{context.Canceled, StatusError},
		{&net.DNSError{Err: "no such host", Name: "gone.example", IsNotFound: true}, StatusNotFound},
		{&net.DNSError{Err: "server misbehaving", Name: "x.example", IsTemporary: true}, StatusUnreachable},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, StatusUnreachable},
		{ErrBodyTooLarge, StatusError},
		{ErrContentType, StatusError},
		{ErrTooManyRedirects, StatusError},
		{errors.New("something else"), StatusError},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StatusFor(tt.err), "%v", tt.err)
	}
}

func TestSourceJSON(t *testing.T) {
	s := Source{Status: StatusOK, FinalURL: "https://a.example/", Title: "T", Authors: []string{"A"}, Published: "2024",
		Publisher: "P", DOI: "10.1234/x", ArchivedURL: "https://web.archive.org/web/2024/https://a.example/",
		CheckedAt: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":"ok","final_url":"https://a.example/","title":"T","authors":["A"],"published":"2024",
"publisher":"P","doi":"10.1234/x","archived_url":"https://web.archive.org/web/2024/https://a.example/",
"checked_at":"2026-11-25T12:00:00Z"}`, string(b))
}

func TestServiceOptionsValidate(t *testing.T) {
	for name, o := range map[string]Option{
		"scheme":      WithDOIBase("ftp://doi.example"),
		"credentials": WithHandleBase("https://u:p@doi.example"),
		"query":       WithCrossrefBase("https://api.example/?x=1"),
		"no host":     WithWaybackBase("https:///path"),
		"fragment":    WithAvailabilityBase("https://a.example/#f"),
		"garbage":     WithDOIBase("http://%zz"),
	} {
		_, err := NewFetcher(o)
		assert.Error(t, err, name)
	}
	b, err := checkServiceBase("http://127.0.0.1:8080/mirror/")
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:8080/mirror", b)
}

// TestServiceOptionsReachTestServers checks that the base-URL options send
// ResolveDOI and Archived to the configured servers.
func TestServiceOptionsReachTestServers(t *testing.T) {
	svc, _ := registry{
		handle:   jsonAnswer(200, "application/json", handleFound),
		cn:       jsonAnswer(200, "application/json", cslFound),
		crossref: jsonAnswer(200, "application/json", crossrefPlain),
	}.serve(t)
	wb, _ := wayback{cdx: jsonAnswer(200, "application/json", `[["timestamp","original"],["20240101000000","https://a.example/"]]`)}.serve(t)
	r, err := NewFetcher(WithAllowLoopback(), WithPerDomain(2, 0), WithDOIBase(svc.doi), WithHandleBase(svc.handle),
		WithCrossrefBase(svc.crossref), WithWaybackBase(wb.wayback), WithAvailabilityBase(wb.availability))
	require.NoError(t, err)
	r.lookup = fakeLookup(nil)
	t.Cleanup(func() { r.Close() })

	s, err := r.ResolveDOI(t.Context(), "doi:10.1234/abc")
	require.NoError(t, err)
	assert.Equal(t, "Sleep and memory", s.Title)
	a, err := r.Archived(t.Context(), "https://a.example/", time.Time{})
	require.NoError(t, err)
	assert.Equal(t, wb.wayback+"/web/20240101000000/https://a.example/", a)
}
