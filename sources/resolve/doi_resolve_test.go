package resolve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// testNow is the clock of the resolvers in these tests.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// registry plays doi.org (handle API and content negotiation) and Crossref
// on one loopback server. Nil handlers answer 404.
type registry struct {
	handle, cn, crossref, landing http.HandlerFunc
}

// serve starts the registry and returns the services pointing at it and a
// request counter.
func (g registry) serve(t *testing.T) (services, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	mux := http.NewServeMux()
	route := func(pattern string, h http.HandlerFunc) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, req *http.Request) {
			n.Add(1)
			if h == nil {
				http.NotFound(w, req)
				return
			}
			h(w, req)
		})
	}
	route("GET /robots.txt", nil)
	route("GET /api/handles/{doi...}", g.handle)
	route("GET /works/{doi...}", g.crossref)
	route("GET /landing", g.landing)
	route("GET /{doi...}", g.cn)
	srv := newTestServer(t, mux)
	svc := services{doi: srv.URL, handle: srv.URL, crossref: srv.URL, wayback: srv.URL, availability: srv.URL}
	return svc, &n
}

// jsonAnswer answers body with a content type.
func jsonAnswer(status int, ct, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

const (
	handleFound    = `{"responseCode":1,"handle":"10.1234/abc","values":[{"index":1,"type":"URL","data":{"format":"string","value":"https://journal.example/article/abc"}}]}`
	handleNotFound = `{"responseCode":100,"handle":"10.1234/abc"}`
	cslFound       = `{"type":"article-journal","title":"Sleep and memory","author":[{"family":"Doe","given":"Jane"},{"literal":"The Sleep Consortium"}],"issued":{"date-parts":[[2021,"3",9]]},"container-title":"Journal of Sleep","publisher":"Example Press","language":"en","DOI":"10.1234/ABC","URL":"https://journal.example/article/abc"}`
	crossrefPlain  = `{"status":"ok","message-type":"work","message":{"DOI":"10.1234/abc","title":["Sleep and memory"]}}`
)

// newRegistryResolver returns a loopback resolver with the test clock.
func newRegistryResolver(t *testing.T, opts ...Option) *Fetcher {
	t.Helper()
	r := newLoopbackFetcher(t, opts...)
	r.now = func() time.Time { return testNow }
	return r
}

func TestResolveDOI(t *testing.T) {
	tests := []struct {
		name    string
		reg     registry
		maxBody int64
		want    Source
	}{
		{
			name: "found, csl-json and no updates",
			reg: registry{
				handle:   jsonAnswer(200, "application/json", handleFound),
				cn:       jsonAnswer(200, "application/vnd.citationstyles.csl+json; charset=utf-8", cslFound),
				crossref: jsonAnswer(200, "application/json", crossrefPlain),
			},
			want: Source{
				Status: StatusOK, FinalURL: "https://journal.example/article/abc",
				Title: "Sleep and memory", Authors: []string{"Jane Doe", "The Sleep Consortium"},
				Published: "2021-03-09", Publisher: "Journal of Sleep", Language: "en", UpdatesChecked: true,
			},
		},
		{
			name: "html answer to content negotiation",
			reg: registry{
				handle: jsonAnswer(200, "application/json", `{"responseCode":1}`),
				cn: func(w http.ResponseWriter, req *http.Request) {
					http.Redirect(w, req, "/landing", http.StatusFound)
				},
				landing: jsonAnswer(200, "text/html; charset=utf-8", `<html lang="fr"><head>
<meta name="citation_title" content="Le sommeil"><meta name="citation_author" content="Marie Curie">
<meta name="citation_publication_date" content="2020/05/01"><meta name="citation_doi" content="10.9999/other">
<meta property="og:site_name" content="Revue"></head><body><p>Texte.</p></body></html>`),
			},
			want: Source{
				Status: StatusOK, FinalURL: "/landing", Title: "Le sommeil", Authors: []string{"Marie Curie"},
				Published: "2020/05/01", Publisher: "Revue", Language: "fr", Text: "Texte.",
				Notes: []string{"content negotiation: got text/html, read the page's metadata", "crossref: no record (not a Crossref DOI)"},
			},
		},
		{
			name: "crossref retraction and correction",
			reg: registry{
				handle: jsonAnswer(200, "application/json", handleFound),
				cn:     jsonAnswer(200, "application/json", cslFound),
				crossref: jsonAnswer(200, "application/json", `{"status":"ok","message":{"title":["Sleep and memory"],
"updated-by":[
 {"DOI":"10.1234/CORR","type":"correction","label":"Correction","source":"publisher","updated":{"date-parts":[[2022,1]]}},
 {"DOI":"10.1234/retr","type":"retraction","label":"Retraction","source":"retraction-watch","updated":{"date-parts":[[2023,6,30]]}}],
"relation":{"has-expression-of-concern":[{"id-type":"doi","id":"10.1234/eoc","asserted-by":"object"}],
 "has-preprint":[{"id-type":"doi","id":"10.5555/pre"}]}}}`),
			},
			want: Source{
				Status: StatusOK, FinalURL: "https://journal.example/article/abc",
				Title: "Sleep and memory", Authors: []string{"Jane Doe", "The Sleep Consortium"},
				Published: "2021-03-09", Publisher: "Journal of Sleep", Language: "en", UpdatesChecked: true,
				Updates: []Update{
					{Type: "correction", DOI: "10.1234/corr", Date: "2022-01", Label: "Correction", Source: "publisher"},
					{Type: "retraction", DOI: "10.1234/retr", Date: "2023-06-30", Label: "Retraction", Source: "retraction-watch"},
					{Type: "expression_of_concern", DOI: "10.1234/eoc", Label: "has-expression-of-concern", Source: "relation"},
				},
			},
		},
		{
			name: "the DOI is itself a retraction notice",
			reg: registry{
				handle: jsonAnswer(200, "application/json", handleFound),
				crossref: jsonAnswer(200, "application/json", `{"status":"ok","message":{"title":["Retraction notice"],
"author":[{"family":"Editors"}],"published-print":{"date-parts":[[2023]]},"container-title":["Journal of Sleep"],
"update-to":[{"DOI":"10.1234/orig","type":"Retraction","label":"Retraction","updated":{"date-parts":[[2023,6,30]]}}]}}`),
			},
			want: Source{
				Status: StatusOK, FinalURL: "https://journal.example/article/abc", Title: "Retraction notice",
				Authors: []string{"Editors"}, Published: "2023", Publisher: "Journal of Sleep", UpdatesChecked: true,
				Updates: []Update{{Type: "retraction", DOI: "10.1234/orig", Date: "2023-06-30", Label: "Retraction", Notice: true}},
				Notes:   []string{"content negotiation: HTTP 404 Not Found"},
			},
		},
		{
			name: "malformed csl-json, crossref fills in",
			reg: registry{
				handle:   jsonAnswer(200, "application/json", handleFound),
				cn:       jsonAnswer(200, "application/json", `{"title": "Sleep`),
				crossref: jsonAnswer(200, "application/json", `{"status":"ok","message":{"title":["Sleep and memory"],"issued":{"date-parts":[[2021]]}}}`),
			},
			want: Source{
				Status: StatusOK, FinalURL: "https://journal.example/article/abc", Title: "Sleep and memory",
				Published: "2021", UpdatesChecked: true,
				Notes: []string{"content negotiation: csl-json: decode: unexpected end of JSON input"},
			},
		},
		{
			name:    "oversized csl-json and crossref answers",
			maxBody: 4 << 10,
			reg: registry{
				handle:   jsonAnswer(200, "application/json", handleFound),
				cn:       jsonAnswer(200, "application/json", `{"title":"`+strings.Repeat("a", 8<<10)+`"}`),
				crossref: jsonAnswer(200, "application/json", `{"message":{"title":["`+strings.Repeat("a", 8<<10)+`"]}}`),
			},
			want: Source{Status: StatusOK, FinalURL: "https://journal.example/article/abc"},
		},
		{
			name: "crossref answers html",
			reg: registry{
				handle:   jsonAnswer(200, "application/json", handleFound),
				cn:       jsonAnswer(200, "application/json", cslFound),
				crossref: jsonAnswer(200, "text/html", `<p>maintenance</p>`),
			},
			want: Source{
				Status: StatusOK, FinalURL: "https://journal.example/article/abc",
				Title: "Sleep and memory", Authors: []string{"Jane Doe", "The Sleep Consortium"},
				Published: "2021-03-09", Publisher: "Journal of Sleep", Language: "en",
				Notes: []string{"crossref: unsupported content type: text/html"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := tt.reg.serve(t)
			var opts []Option
			if tt.maxBody > 0 {
				opts = append(opts, WithMaxBody(tt.maxBody))
			}
			r := newRegistryResolver(t, opts...)
			got, err := r.resolveDOI(t.Context(), svc, "https://doi.org/10.1234/ABC.")
			require.NoError(t, err)
			want := tt.want
			want.URL, want.DOI, want.CheckedAt = "https://doi.org/10.1234/abc", "10.1234/abc", testNow
			if want.FinalURL == "/landing" {
				want.FinalURL = svc.doi + "/landing"
			}
			if tt.maxBody > 0 {
				// the messages name the loopback port; check their gist
				require.Len(t, got.Notes, 2)
				assert.Contains(t, got.Notes[0], "response body too large")
				assert.Contains(t, got.Notes[1], "response body too large")
				got.Notes = nil
			}
			for i, n := range got.Notes {
				if strings.HasPrefix(n, "content negotiation: fetch ") {
					got.Notes[i] = "content negotiation: " + n[strings.LastIndex(n, ": ")+2:]
				}
			}
			assert.Equal(t, want, *got)
		})
	}
}

func TestResolveDOIFailures(t *testing.T) {
	tests := []struct {
		name       string
		doi        string
		handle     http.HandlerFunc
		wantErr    error
		wantStatus SourceStatus
		wantHTTP   int
		wantReqs   int64
	}{
		{"malformed DOI, no request", "10.12/x", nil, sources.ErrInvalidDOI, StatusInvalid, 0, 0},
		{"registry answers 404", "10.1234/abc", jsonAnswer(404, "application/json", handleNotFound), ErrDOINotFound, StatusNotFound, 0, 1},
		{"registry answers responseCode 100", "10.1234/abc", jsonAnswer(200, "application/json", handleNotFound), ErrDOINotFound, StatusNotFound, 0, 1},
		{"registry sends html", "10.1234/abc", jsonAnswer(200, "text/html", "<p>hi</p>"), ErrContentType, StatusError, 0, 1},
		{"registry sends malformed json", "10.1234/abc", jsonAnswer(200, "application/json", `{"responseCode":`), nil, StatusError, 0, 1},
		{"registry is down", "10.1234/abc", jsonAnswer(503, "text/plain", "down"), nil, StatusUnreachable, 503, 1},
		{"registry answer too large", "10.1234/abc", jsonAnswer(200, "application/json", `{"responseCode":1,"x":"`+strings.Repeat("a", 8<<10)+`"}`), ErrBodyTooLarge, StatusError, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, reqs := registry{handle: tt.handle}.serve(t)
			r := newRegistryResolver(t, WithMaxBody(4<<10))
			got, err := r.resolveDOI(t.Context(), svc, tt.doi)
			require.Error(t, err)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.wantStatus, got.Status)
			assert.Equal(t, tt.wantStatus, StatusFor(err))
			assert.Equal(t, tt.wantHTTP, got.HTTPStatus)
			assert.Equal(t, testNow, got.CheckedAt)
			assert.Equal(t, tt.wantReqs, reqs.Load())
		})
	}
}

func TestResolveDOISendsAcceptHeaders(t *testing.T) {
	var handleAccept, cnAccept, crossrefAccept, cnPath atomic.Value
	svc, _ := registry{
		handle: func(w http.ResponseWriter, req *http.Request) {
			handleAccept.Store(req.Header.Get("Accept"))
			jsonAnswer(200, "application/json", handleFound)(w, req)
		},
		cn: func(w http.ResponseWriter, req *http.Request) {
			cnAccept.Store(req.Header.Get("Accept"))
			cnPath.Store(req.URL.EscapedPath())
			jsonAnswer(200, "application/json", cslFound)(w, req)
		},
		crossref: func(w http.ResponseWriter, req *http.Request) {
			crossrefAccept.Store(req.Header.Get("Accept"))
			jsonAnswer(200, "application/json", crossrefPlain)(w, req)
		},
	}.serve(t)
	r := newRegistryResolver(t)
	_, err := r.resolveDOI(t.Context(), svc, "10.1234/a(b)?c")
	require.NoError(t, err)
	assert.Equal(t, "application/json", handleAccept.Load())
	assert.Equal(t, "application/vnd.citationstyles.csl+json", cnAccept.Load())
	assert.Equal(t, "application/json", crossrefAccept.Load())
	assert.Equal(t, "/10.1234/a%28b%29%3Fc", cnPath.Load())
}

func TestUpdateRetracts(t *testing.T) {
	for typ, want := range map[string]bool{
		"retraction": true, "partial_retraction": true, "withdrawal": true, "removal": true,
		"correction": false, "expression_of_concern": false, "erratum": false,
	} {
		assert.Equal(t, want, Update{Type: typ}.Retracts(), typ)
	}
	assert.False(t, Update{Type: "retraction", Notice: true}.Retracts(), "a notice is not retracted")
	s := &Source{Updates: []Update{{Type: "correction"}, {Type: "retraction"}}}
	assert.True(t, s.Retracted())
}

func TestRelationUpdateType(t *testing.T) {
	for name, want := range map[string]string{
		"is-retracted-by": "retraction", "has-retraction": "retraction", "has-correction": "correction",
		"is-corrected-by": "correction", "has-erratum": "correction", "has-expression-of-concern": "expression_of_concern",
		"is-withdrawn-by": "withdrawal", "is-correction-of": "", "has-preprint": "", "is-preprint-of": "", "references": "",
	} {
		assert.Equal(t, want, relationUpdateType(name), name)
	}
}

func TestCSLDate(t *testing.T) {
	for in, want := range map[string]string{
		`{"date-parts":[[2021,3,9]]}`:           "2021-03-09",
		`{"date-parts":[["2021","03"]]}`:        "2021-03",
		`{"date-parts":[[2021,13,1]]}`:          "2021",
		`{"date-parts":[[null]]}`:               "",
		`{"date-parts":[],"raw":"Spring 2020"}`: "Spring 2020",
		`{"literal":"circa 1900"}`:              "circa 1900",
	} {
		var it cslItem
		require.NoError(t, json.Unmarshal([]byte(`{"issued":`+in+`}`), &it), in)
		assert.Equal(t, want, it.Issued.String(), in)
	}
}

// FuzzParseRegistryJSON checks that the readers of handle, CSL-JSON,
// Crossref, CDX and availability answers never panic and keep their
// bounds on any input.
func FuzzParseRegistryJSON(f *testing.F) {
	for _, s := range []string{
		handleFound, handleNotFound, cslFound, crossrefPlain, `[` + cslFound + `]`, `[]`, `{"issued":{"date-parts":[[1e999]]}}`,
		`{"message":{"updated-by":[{"type":"retraction","DOI":"10.1/x","updated":{"date-parts":[["2020",1]]}}],"relation":{"is-retracted-by":{"id":"10.1234/x","id-type":"doi"}}}}`,
		`[["urlkey","timestamp","original","statuscode"],["a","20200101000000","http://a.example/","200"]]`,
		`{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2020/http://a/","timestamp":"2020","status":"200"}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = parseHandleResponse(b)
		_, _ = parseCSL(b)
		if m, err := parseCrossref(b); err == nil {
			require.LessOrEqual(t, len(m.updates), maxUpdates)
			for _, u := range m.updates {
				require.NotEmpty(t, u.Type)
				if u.DOI != "" {
					require.True(t, strings.HasPrefix(u.DOI, "10."))
				}
			}
		}
		if s, err := parseCDX(b); err == nil && s.timestamp != "" {
			require.True(t, validSnapshot(s))
		}
		if s, err := parseAvailability(b); err == nil && s.timestamp != "" {
			require.True(t, validTimestamp(s.timestamp))
		}
	})
}

func TestEscapeDOIPath(t *testing.T) {
	assert.Equal(t, "10.1002/%28sici%291097-4571%28199806%2949:8%3C693::aid-asi4%3E3.0.co%3B2-o",
		escapeDOIPath("10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o"))
	assert.Equal(t, "10.1000/a%3Fb%23c/d", escapeDOIPath("10.1000/a?b#c/d"))
}

// FuzzParseDOI checks that ParseDOI never panics and that what it accepts
// is a normal-form DOI that it accepts again unchanged.
