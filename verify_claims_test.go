package citecheck_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/sources/resolve"
)

// verifyPages are the pages the verification tests cite, by path.
var verifyPages = map[string]string{
	"/labour/2026/march-survey": `<!doctype html><html lang="en"><head><title>Labour market report</title></head><body><article>
<h1>Labour market report</h1>
<p>The statistics office published its quarterly survey of the labour market on Tuesday.</p>
<p>The unemployment rate among young workers fell to 14% in March, the lowest level since the survey began.</p>
<p>Wages in manufacturing rose by 2.1% over the year, while prices rose more slowly.</p>
<p>The survey covers forty thousand households across the country.</p>
</article></body></html>`,
	"/speeches/2026/housing-minister": `<!doctype html><html lang="en"><head><title>Minister's speech</title></head><body><article>
<h1>Minister's speech on housing</h1>
<p>The housing minister spoke to the builders' federation in Leeds on Monday.</p>
<p>"We will build three hundred thousand homes a year by the end of this parliament," the minister said.</p>
<p>She added that planning rules would be simplified for small developers.</p>
</article></body></html>`,
}

// newVerifyWeb serves verifyPages, a 403 and a paywall on a loopback server.
func newVerifyWeb(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	for path, body := range verifyPages {
		mux.HandleFunc(path, func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = rw.Write([]byte(body))
		})
	}
	// a glossary page at a single lower-case word's path: were it verified,
	// its 50% would be a number-mismatch
	mux.HandleFunc("/glossary/unemployment-rate", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><body><p>The unemployment rate among young workers was 50% in March.</p></body></html>`))
	})
	mux.HandleFunc("/labour/2026/forbidden-survey", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusForbidden)
		_, _ = rw.Write([]byte(`<html><body><p>The unemployment rate among young workers was 50% in March.</p></body></html>`))
	})
	mux.HandleFunc("/news/2026/paywalled-survey", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><head><title>Subscribe</title></head><body><article><h1>Subscribe to continue reading</h1>
<p>Already a subscriber? Sign in to read this article.</p><p>Subscribe now: your first month free.</p></article></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// verifyResolver resolves through the real fetcher, allowed to reach the
// loopback server, with the given cache.
func verifyResolver(t *testing.T, cache resolve.Cache, offline bool) *resolve.Resolver {
	t.Helper()
	f, err := resolve.NewFetcher(resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0), resolve.WithTimeout(5*time.Second))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	r, err := resolve.New(resolve.Config{Fetcher: f, Cache: cache, Offline: offline})
	require.NoError(t, err)
	return r
}

// verifyCodes lists the codes of a report's findings that verification gives.
func verifyCodes(r *citecheck.Report) []string {
	out := []string{}
	for _, f := range r.Findings {
		switch f.Code {
		case citecheck.CodeUnsupportedClaim, citecheck.CodeNumberMismatch, citecheck.CodeMisquote:
			out = append(out, f.Code)
		}
	}
	return out
}

// supportOf returns the support of the report's first claim with one.
func supportOf(r *citecheck.Report) []citecheck.SourceSupport {
	for _, c := range r.Claims {
		if len(c.Support) > 0 {
			return c.Support
		}
	}
	return nil
}

func TestCheckVerifiesClaims(t *testing.T) {
	srv := newVerifyWeb(t)
	tests := []struct {
		name, article string
		wantCodes     []string
		wantVerdict   verify.Verdict // "" for no verdict at all
		wantMessage   []string       // in the first verification finding's message
	}{
		{"number changed",
			"# Jobs\n\nThe unemployment rate among young workers fell to 40% in March, the [statistics office said]({{BASE}}/labour/2026/march-survey).\n",
			[]string{citecheck.CodeNumberMismatch}, verify.Contradicted, []string{`"40%"`, `"14%"`}},
		{"quote changed by a word",
			"# Homes\n\nThe minister promised: \"We will build three hundred thousand houses a year by the end of this parliament\" ([speech]({{BASE}}/speeches/2026/housing-minister)).\n",
			[]string{citecheck.CodeMisquote}, "", []string{"We will build three hundred thousand homes a year"}},
		{"supported",
			"# Jobs\n\nThe unemployment rate among young workers fell to 14% in March, according to the [statistics office]({{BASE}}/labour/2026/march-survey).\n",
			[]string{}, verify.Supported, nil},
		{"supported, with a citation marker whose year the source does not write",
			"# Jobs\n\nThe unemployment rate among young workers fell to 14% in March (Okafor, 2019), according to the [statistics office]({{BASE}}/labour/2026/march-survey).\n",
			[]string{}, verify.Supported, nil},
		{"supported, with a narrative citation",
			"# Jobs\n\nAs Okafor (2019) reports, the unemployment rate among young workers fell to 14% in March, according to the [statistics office]({{BASE}}/labour/2026/march-survey).\n",
			[]string{}, verify.Supported, nil},
		{"forbidden page",
			"# Jobs\n\nThe unemployment rate among young workers fell to 40% in March, the [statistics office said]({{BASE}}/labour/2026/forbidden-survey).\n",
			[]string{}, "", nil},
		{"a link to a word's definition is no source to verify against",
			"# Jobs\n\nThe [unemployment rate]({{BASE}}/glossary/unemployment-rate) among young workers fell to 40% in March, the statistics office said.\n",
			[]string{}, "", nil},
		{"paywall page",
			"# Jobs\n\nThe unemployment rate among young workers fell to 40% in March, the [newspaper said]({{BASE}}/news/2026/paywalled-survey).\n",
			[]string{}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.ReplaceAll(tt.article, "{{BASE}}", srv.URL)
			r := checkResolve(t, text, citecheck.Options{Resolver: verifyResolver(t, &resolve.MemoryCache{}, false)})
			require.NotEmpty(t, r.Claims)
			assert.Equal(t, tt.wantCodes, verifyCodes(r))
			sup := supportOf(r)
			if tt.name == "quote changed by a word" {
				require.Len(t, sup, 1)
				assert.NotEqual(t, verify.Supported, sup[0].Verdict)
			} else if tt.wantVerdict == "" {
				assert.Empty(t, sup, "no verdict from a page that could not be read")
			} else {
				require.Len(t, sup, 1)
				assert.Equal(t, tt.wantVerdict, sup[0].Verdict)
			}
			for _, want := range tt.wantMessage {
				require.NotEmpty(t, r.Findings)
				var msgs []string
				for _, f := range r.Findings {
					msgs = append(msgs, f.Message)
				}
				assert.Contains(t, strings.Join(msgs, "\n"), want)
			}
		})
	}
}

// TestCheckDoesNotVerifyAgainstAVideoPage checks that a claim whose
// source is a video gets no verdict from the page's text: what the video
// says is not in it. The cache answers for the video's page with text that
// gives another figure, which a page that is not a video would be
// reported for (the control).
func TestCheckDoesNotVerifyAgainstAVideoPage(t *testing.T) {
	cache := pageCache{texts: []string{"The unemployment rate among young workers fell to 14% in March, the statistics office said on Friday."}}
	r, err := resolve.New(resolve.Config{Cache: cache, Offline: true})
	require.NoError(t, err)
	for _, tt := range []struct {
		url      string
		verdicts int
	}{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", 0},
		{"https://www.example.org/labour/2026/march-survey", 1},
	} {
		text := "# Jobs\n\nThe unemployment rate among young workers fell to 40% in March, the [minister said](" + tt.url + ").\n"
		rep := checkResolve(t, text, citecheck.Options{Resolver: r})
		assert.Len(t, supportOf(rep), tt.verdicts, "%s", tt.url)
	}
}

// TestCheckSupportEvidenceSpan checks that a supported claim's evidence
// span points at the evidence's text in the source's text, read back from
// the cache, and that an offline run from the cache gives the same
// verdict.
func TestCheckSupportEvidenceSpan(t *testing.T) {
	srv := newVerifyWeb(t)
	cache := &resolve.MemoryCache{}
	text := "# Jobs\n\nThe unemployment rate among young workers fell to 14% in March, according to the [statistics office](" + srv.URL + "/labour/2026/march-survey).\n"
	online := checkResolve(t, text, citecheck.Options{Resolver: verifyResolver(t, cache, false)})
	sup := supportOf(online)
	require.Len(t, sup, 1)
	assert.Equal(t, verify.Supported, sup[0].Verdict)
	require.NotEmpty(t, sup[0].Evidence)
	ev := sup[0].Evidence[0]
	assert.Contains(t, ev.Text, "fell to 14% in March")

	cs, ok, err := cache.GetSource(t.Context(), resolveKey(t, srv.URL+"/labour/2026/march-survey"))
	require.NoError(t, err)
	require.True(t, ok)
	require.LessOrEqual(t, ev.Span.End, len(cs.Source.Text))
	assert.Equal(t, ev.Text, cs.Source.Text[ev.Span.Start:ev.Span.End])

	srv.Close() // offline from here: the cache alone answers
	offline := checkResolve(t, text, citecheck.Options{Resolver: verifyResolver(t, cache, true)})
	assert.Equal(t, sup, supportOf(offline))

	off := checkResolve(t, text, citecheck.Options{Resolver: verifyResolver(t, cache, true), SkipVerification: true})
	assert.Empty(t, supportOf(off))
}

func resolveKey(t *testing.T, u string) string {
	t.Helper()
	tg, ok := resolve.URLTarget(u)
	require.True(t, ok)
	return tg.Key
}
