package resolve

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wayback plays the Wayback Machine's CDX and availability APIs.
type wayback struct {
	cdx, available http.HandlerFunc
}

// serve starts the fake Wayback Machine and returns the services pointing
// at it and a function returning the requests it received ("path?query"),
// in order.
func (w wayback) serve(t *testing.T) (services, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var queries []string
	var inflight atomic.Int32 // Archived asks one service at a time
	mux := http.NewServeMux()
	record := func(h http.HandlerFunc) http.HandlerFunc {
		return func(rw http.ResponseWriter, req *http.Request) {
			if inflight.Add(1) != 1 {
				t.Error("concurrent requests to the fake Wayback Machine")
			}
			defer inflight.Add(-1)
			mu.Lock()
			queries = append(queries, req.URL.Path+"?"+req.URL.RawQuery)
			mu.Unlock()
			if h == nil {
				http.NotFound(rw, req)
				return
			}
			h(rw, req)
		}
	}
	mux.HandleFunc("GET /cdx/search/cdx", record(w.cdx))
	mux.HandleFunc("GET /wayback/available", record(w.available))
	srv := newTestServer(t, mux)
	return services{wayback: srv.URL, availability: srv.URL}, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), queries...)
	}
}

func TestArchived(t *testing.T) {
	const page = "https://news.example/2024/story?id=7"
	near := time.Date(2024, 3, 1, 8, 30, 0, 0, time.FixedZone("CET", 3600))
	cdxHit := jsonAnswer(200, "application/json", `[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
["example,news)/2024/story?id=7","20240229120000","https://news.example/2024/story?id=7","text/html","200","ABC","1234"]]`)
	cdxEmpty := jsonAnswer(200, "application/json", `[]`)
	availHit := jsonAnswer(200, "application/json", `{"url":"news.example/2024/story?id=7","archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20240305000000/https://news.example/2024/story?id=7","timestamp":"20240305000000"}}}`)
	availMiss := jsonAnswer(200, "application/json", `{"url":"news.example/2024/story?id=7","archived_snapshots":{}}`)

	tests := []struct {
		name      string
		wb        wayback
		want      string // with {base} for the server
		wantErr   error
		wantPaths []string
	}{
		{"cdx hit", wayback{cdx: cdxHit}, "{base}/web/20240229120000/https://news.example/2024/story?id=7", nil,
			[]string{"/cdx/search/cdx"}},
		{"cdx miss, availability hit", wayback{cdx: cdxEmpty, available: availHit},
			"{base}/web/20240305000000/https://news.example/2024/story?id=7", nil,
			[]string{"/cdx/search/cdx", "/wayback/available"}},
		{"cdx empty body, availability hit", wayback{cdx: jsonAnswer(200, "text/plain", ""), available: availHit},
			"{base}/web/20240305000000/https://news.example/2024/story?id=7", nil,
			[]string{"/cdx/search/cdx", "/wayback/available"}},
		{"cdx down, availability hit", wayback{cdx: jsonAnswer(503, "text/plain", "busy"), available: availHit},
			"{base}/web/20240305000000/https://news.example/2024/story?id=7", nil,
			[]string{"/cdx/search/cdx", "/wayback/available"}},
		{"cdx row not 200 is skipped", wayback{cdx: jsonAnswer(200, "application/json", `[["timestamp","original","statuscode"],["20240229120000","https://news.example/x","404"]]`), available: availMiss},
			"", ErrNotArchived, []string{"/cdx/search/cdx", "/wayback/available"}},
		{"both miss", wayback{cdx: cdxEmpty, available: availMiss}, "", ErrNotArchived,
			[]string{"/cdx/search/cdx", "/wayback/available"}},
		{"both fail", wayback{cdx: jsonAnswer(200, "application/json", `[["timestamp"`), available: jsonAnswer(200, "text/html", "<p>")},
			"", ErrContentType, []string{"/cdx/search/cdx", "/wayback/available"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, queries := tt.wb.serve(t)
			r := newRegistryResolver(t)
			got, err := r.archived(t.Context(), svc, page, near)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.ErrorIs(t, err, ErrNotArchived)
				assert.Empty(t, got)
			} else {
				require.NoError(t, err)
				assert.Equal(t, svc.wayback+tt.want[len("{base}"):], got)
			}
			var paths []string
			for _, q := range queries() {
				p, _, _ := strings.Cut(q, "?")
				paths = append(paths, p)
			}
			assert.Equal(t, tt.wantPaths, paths)
		})
	}
}

func TestArchivedQueries(t *testing.T) {
	svc, queries := wayback{cdx: jsonAnswer(200, "application/json", `[]`),
		available: jsonAnswer(200, "application/json", `{}`)}.serve(t)
	r := newRegistryResolver(t)
	_, err := r.archived(t.Context(), svc, "https://news.example/a b?x=1&y=2", time.Date(2024, 3, 1, 8, 30, 0, 0, time.UTC))
	require.ErrorIs(t, err, ErrNotArchived)
	require.Len(t, queries(), 2)
	_, raw, _ := strings.Cut((queries())[0], "?")
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"url": {"https://news.example/a%20b?x=1&y=2"}, "output": {"json"}, "filter": {"statuscode:200"},
		"sort": {"closest"}, "closest": {"20240301083000"}, "limit": {"1"},
	}, q)
	_, raw, _ = strings.Cut((queries())[1], "?")
	q, err = url.ParseQuery(raw)
	require.NoError(t, err)
	assert.Equal(t, url.Values{"url": {"https://news.example/a%20b?x=1&y=2"}, "timestamp": {"20240301083000"}}, q)
}

func TestArchivedDefaultsToNowAndRefusesBadURLs(t *testing.T) {
	svc, queries := wayback{cdx: jsonAnswer(200, "application/json", `[]`), available: jsonAnswer(200, "application/json", `{}`)}.serve(t)
	r := newRegistryResolver(t)
	_, err := r.archived(t.Context(), svc, "http://gone.example/", time.Time{})
	require.ErrorIs(t, err, ErrNotArchived)
	assert.Contains(t, (queries())[0], "closest="+testNow.Format(waybackTimestamp))

	for in, want := range map[string]error{"ftp://x.example/": ErrScheme, "/relative": ErrScheme, "http://": ErrInvalidURL, "http://%zz": ErrInvalidURL} {
		_, err := r.archived(t.Context(), svc, in, time.Time{})
		assert.ErrorIs(t, err, want, in)
	}
	assert.Len(t, queries(), 2, "bad URLs send no request")
}

func TestParseCDX(t *testing.T) {
	tests := []struct {
		body string
		want snapshot
		ok   bool
	}{
		{``, snapshot{}, true},
		{`[]`, snapshot{}, true},
		{`[["timestamp","original"]]`, snapshot{}, true},
		{`[["original","timestamp"],["http://a.example/","20200101"]]`, snapshot{"20200101", "http://a.example/"}, true},
		{`[["timestamp","original"],["2020x","http://a.example/"],["20200101","javascript:alert(1)"],["20210101","http://b.example/"]]`,
			snapshot{"20210101", "http://b.example/"}, true},
		{`[["timestamp","original"],["20200101"]]`, snapshot{}, true},
		{`[["urlkey"],["x"]]`, snapshot{}, false},
		{`{"a":1}`, snapshot{}, false},
	}
	for _, tt := range tests {
		got, err := parseCDX([]byte(tt.body))
		if tt.ok {
			assert.NoError(t, err, tt.body)
		} else {
			assert.Error(t, err, tt.body)
		}
		assert.Equal(t, tt.want, got, tt.body)
	}
}
