package resolve

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObserveURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("User-agent: *\nDisallow: /private\n"))
	})
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(body))
		}
	}
	mux.HandleFunc("/ok", page(`<html><head><meta name="citation_title" content="A study"></head><body><p>x</p></body></html>`))
	mux.HandleFunc("/soft", page(`<html><head><title>Page not found</title></head><body><h1>Sorry</h1></body></html>`))
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/", http.StatusFound) })
	mux.HandleFunc("/{$}", page(`<html><body><p>home</p></body></html>`))
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/busy", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/private/x", page(`<html></html>`))
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t, WithMaxWait(0))

	tests := []struct {
		path    string
		status  SourceStatus
		outcome Outcome
		http    int
		detail  string
	}{
		{"/ok", StatusOK, OutcomeOK, 200, ""},
		{"/soft", StatusNotFound, OutcomeFailed, 200, "soft 404"},
		{"/moved", StatusNotFound, OutcomeFailed, 200, "soft 404"},
		{"/gone", StatusNotFound, OutcomeFailed, 404, ""},
		{"/busy", StatusUnreachable, OutcomeUnreachable, 429, "retry after 1s"},
		{"/private/x", StatusUnreachable, OutcomeUnreachable, 0, "disallowed by robots.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src, obs, err := r.ObserveURL(context.Background(), srv.URL+tt.path)
			require.NotNil(t, src)
			assert.Equal(t, tt.status, src.Status)
			assert.Equal(t, tt.outcome, obs.Outcome)
			assert.Equal(t, tt.http, obs.Status)
			assert.Equal(t, srv.URL+tt.path, obs.URL)
			assert.Contains(t, obs.Detail, tt.detail)
			assert.Equal(t, tt.status == StatusUnreachable || tt.path == "/gone", err != nil)
			assert.False(t, obs.At.IsZero())
		})
	}

	src, obs, err := r.ObserveURL(context.Background(), "ftp://example.org/x")
	require.ErrorIs(t, err, ErrScheme)
	assert.Equal(t, StatusInvalid, src.Status)
	assert.Empty(t, obs.Outcome, "an invalid URL says nothing about the link")
}
