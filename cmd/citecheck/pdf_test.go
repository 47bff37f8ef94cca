package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/pdftest"
	"github.com/citecheck/citecheck/sources/resolve"
)

// pdfSite serves pdftest's report at /report.pdf and a truncated copy at
// /broken.pdf on loopback, counting requests.
func pdfSite(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	report, err := pdftest.Report()
	require.NoError(t, err)
	var n atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	serve := func(body []byte) http.HandlerFunc {
		return func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "application/pdf")
			_, _ = rw.Write(body)
		}
	}
	mux.HandleFunc("/report.pdf", serve(report))
	mux.HandleFunc("/broken.pdf", serve(report[:len(report)/2]))
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		n.Add(1)
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// TestCheckResolvePDF checks an article whose claim cites a PDF report
// with another figure than the report's: check --resolve reads the PDF and
// reports a number-mismatch quoting its passage, then --offline does the
// same from the SQLite cache. A claim citing a broken PDF gets no verdict
// and no finding about its link.
func TestCheckResolvePDF(t *testing.T) {
	srv, requests := pdfSite(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "jobs.md")
	text := "# Jobs\n\nThe unemployment rate fell to 40% in March, according to the [labour market review](" + srv.URL + "/report.pdf).\n\n" +
		"Wages rose by 7% over the year, the [wage survey](" + srv.URL + "/broken.pdf) found.\n"
	require.NoError(t, os.WriteFile(article, []byte(text), 0o644))
	cachePath := filepath.Join(dir, "cache.sqlite")
	opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0)}
	check := func(args ...string) (int, *citecheck.Report, string) {
		t.Helper()
		var out, errOut bytes.Buffer
		code := runCheck(context.Background(), args, strings.NewReader(""), &out, &errOut, opts)
		var rep citecheck.Report
		require.NoError(t, json.Unmarshal(out.Bytes(), &rep), "stdout: %s stderr: %s", out.String(), errOut.String())
		return code, &rep, errOut.String()
	}
	code, rep, stderr := check("--resolve", "--cache", cachePath, "--format", "json", article)
	assert.Equal(t, exitFindings, code, stderr)
	var mismatches []citecheck.Finding
	for _, f := range rep.Findings {
		assert.NotEqual(t, citecheck.CodeUnreachableSource, f.Code, "a broken pdf is not a dead link: %s", f.Message)
		if f.Code == citecheck.CodeNumberMismatch {
			mismatches = append(mismatches, f)
		}
	}
	require.Len(t, mismatches, 1, "findings: %+v", rep.Findings)
	msg := mismatches[0].Message
	assert.Contains(t, msg, `the claim says "40%"`)
	assert.Contains(t, msg, srv.URL+"/report.pdf says \"14%\"")
	assert.Contains(t, msg, pdftest.Figure)

	n := requests.Load()
	_, off, _ := check("--offline", "--cache", cachePath, "--format", "json", article)
	assert.Equal(t, n, requests.Load(), "offline run made requests")
	assert.Equal(t, rep.Findings, off.Findings)

	// --no-verify looks the sources up but verifies no claim: the same
	// findings but the mismatch, and no verdicts.
	_, unverified, _ := check("--offline", "--no-verify", "--cache", cachePath, "--format", "json", article)
	want := []citecheck.Finding{}
	for _, f := range rep.Findings {
		if f.Code != citecheck.CodeNumberMismatch {
			want = append(want, f)
		}
	}
	assert.Equal(t, want, unverified.Findings)
	require.NotEmpty(t, unverified.Claims)
	for _, c := range unverified.Claims {
		assert.Empty(t, c.Support, c.Text)
	}
	resolved := 0
	for _, c := range unverified.Citations {
		if c.Source != nil {
			resolved++
		}
	}
	assert.Positive(t, resolved, "the sources are still looked up")
}

// TestVerifyPDF verifies a claim against a PDF report given as a URL and
// as a local file; a file's places carry the page.
func TestVerifyPDF(t *testing.T) {
	srv, _ := pdfSite(t)
	report, err := pdftest.Report()
	require.NoError(t, err)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	require.NoError(t, os.WriteFile(file, report, 0o644))
	broken := filepath.Join(dir, "broken.pdf")
	require.NoError(t, os.WriteFile(broken, report[:100], 0o644))
	cache := filepath.Join(dir, "cache.sqlite")
	opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithTimeout(5 * time.Second)}
	verifyOne := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := runVerify(t.Context(), append([]string{"--cache", cache}, args...), &out, &errOut, opts)
		return code, out.String(), errOut.String()
	}
	claim := "The unemployment rate fell to 40% in March."
	tests := []struct {
		name   string
		args   []string
		want   []string
		wantNo string
	}{
		{"url, json", []string{"--format", "json", "--claim", claim, srv.URL + "/report.pdf"},
			[]string{`"verdict":"contradicted"`, `"source_text":"14%"`}, `"page"`},
		{"file, json", []string{"--format", "json", "--claim", claim, file},
			[]string{`"verdict":"contradicted"`, `"source_text":"14%"`, `"page":2`}, ""},
		{"file, text", []string{"--claim", claim, file},
			[]string{"contradicted", `the source says "14%" at page 2`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := verifyOne(tt.args...)
			require.Equal(t, exitOK, code, errOut)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			if tt.wantNo != "" {
				assert.NotContains(t, out, tt.wantNo)
			}
		})
	}
	t.Run("broken file", func(t *testing.T) {
		code, _, errOut := verifyOne("--claim", claim, broken)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errOut, "malformed pdf")
	})
}

// TestBatchResolvePDF runs batch --resolve on articles citing the PDF
// report, one with its figure and one with another: the support rows hold
// the verdicts the PDF's text gives.
func TestBatchResolvePDF(t *testing.T) {
	srv, _ := pdfSite(t)
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	article := func(id, figure string) string {
		b, err := json.Marshal(map[string]string{"id": id, "outlet": "Daily", "published": "2026-04-01",
			"markdown": "# Jobs\n\nThe unemployment rate fell to " + figure +
				" in March, according to the [labour market review](" + srv.URL + "/report.pdf).\n"})
		require.NoError(t, err)
		return string(b) + "\n"
	}
	require.NoError(t, os.WriteFile(feed, []byte(article("a1", "14%")+article("a2", "40%")), 0o644))
	db := filepath.Join(dir, "r.sqlite")
	var out, errOut bytes.Buffer
	code := runBatch(context.Background(), []string{"--db", db, "--workers", "1", "--resolve", "--cache",
		filepath.Join(dir, "cache.sqlite"), feed}, &out, &errOut, []resolve.Option{resolve.WithAllowLoopback()})
	require.Equal(t, exitOK, code, errOut.String())
	rows, err := openResults(t, db).Query(`SELECT article_id, verdict FROM support ORDER BY 1, 2`)
	require.NoError(t, err)
	var got []string
	for rows.Next() {
		var id, verdict string
		require.NoError(t, rows.Scan(&id, &verdict))
		got = append(got, id+":"+verdict)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	assert.Equal(t, []string{"a1:supported", "a2:contradicted"}, got)
}
