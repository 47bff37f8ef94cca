package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/sources/resolve"
)

// verifyGoldens holds the inputs and golden outputs of TestVerifyGolden.
const verifyGoldens = "testdata/verify/"

// TestVerifyGolden compares verify's output on a pairs file and on a
// claim against a file, in both formats, with the golden files in
// testdata/verify; go test ./cmd/citecheck -run VerifyGolden -update
// rewrites them.
func TestVerifyGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"pairs", []string{verifyGoldens + "pairs.jsonl"}},
		{"claim", []string{"--claim", "Youth unemployment fell to 40% in March.", verifyGoldens + "source.txt"}},
	}
	for _, tt := range tests {
		for _, format := range []string{"text", "json"} {
			t.Run(tt.name+"/"+format, func(t *testing.T) {
				code, out, errOut := runTool(t, "", append([]string{"verify", "--format", format}, tt.args...)...)
				require.Equal(t, exitOK, code, errOut)
				golden := verifyGoldens + tt.name + ".golden." + format
				if *update {
					require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
					return
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "no golden output; run go test ./cmd/citecheck -run VerifyGolden -update")
				assert.Equal(t, string(want), out)
			})
		}
	}
}

// TestVerifySpans checks that every evidence span of the JSON output
// points at its text in the source, with its line and column.
func TestVerifySpans(t *testing.T) {
	src, err := os.ReadFile(verifyGoldens + "source.txt")
	require.NoError(t, err)
	text := strings.TrimSpace(string(src))
	out := outputOf("x", inText(text), verifyResult(t, text, "Wages in manufacturing rose by 2.1% over the year."))
	require.NotEmpty(t, out.Evidence)
	for _, e := range out.Evidence {
		assert.Equal(t, e.Text, text[e.Span.Start:e.Span.End])
		lines := strings.Split(text[:e.Span.Start], "\n")
		assert.Equal(t, len(lines), e.Span.Line)
		assert.Equal(t, len(lines[len(lines)-1])+1, e.Span.Column)
	}
}

// TestVerifyFileSpans checks that the spans of a SOURCE file are its own:
// byte offsets, line and column in the file as given, as check reports
// them, not in the text read from it.
func TestVerifyFileSpans(t *testing.T) {
	src, err := os.ReadFile(verifyGoldens + "source.txt")
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"verify", "--format", "json",
		"--claim", "Youth unemployment fell to 40% in March.", verifyGoldens + "source.txt"}, nil, &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())
	var out verifyOutput
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out))
	require.NotEmpty(t, out.Evidence)
	places := []textPlace{out.Evidence[0].Span}
	for _, m := range out.Missing {
		if m.SourceSpan != nil {
			places = append(places, *m.SourceSpan)
		}
	}
	require.Len(t, places, 2, "the evidence and the source's other figure")
	for _, p := range places {
		lines := strings.Split(string(src[:p.Start]), "\n")
		assert.Equal(t, len(lines), p.Line)
		assert.Equal(t, len(lines[len(lines)-1])+1, p.Column)
	}
	assert.Equal(t, out.Evidence[0].Text, string(src[places[0].Start:places[0].End]))
	assert.Equal(t, "14%", string(src[places[1].Start:places[1].End]))
	assert.Equal(t, 4, places[0].Line, "the sentence is on the file's fourth line")
}

// TestVerifyBadLines checks that each bad line of a pairs file is reported
// with the file and line, the good lines still answered, and the exit
// status 2.
func TestVerifyBadLines(t *testing.T) {
	bad := verifyGoldens + "bad.jsonl"
	code, out, errOut := runTool(t, "", "verify", "--format", "json", bad)
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, 2, strings.Count(out, "\n"), out)
	assert.Contains(t, out, `"id":"p1"`)
	assert.Contains(t, out, `"id":"b5"`)
	for _, line := range []string{bad + ":2: bad pair", bad + ":3: bad pair: no source", bad + ":4: bad pair"} {
		assert.Contains(t, errOut, line)
	}
	assert.NotContains(t, errOut, "panic")
}

func TestVerifyUsage(t *testing.T) {
	long := filepath.Join(t.TempDir(), "long.jsonl")
	require.NoError(t, os.WriteFile(long, []byte(`{"id":"x","claim":"c","source":"`+strings.Repeat("a", maxPairLine)+`"}`+"\n"), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", []string{"verify"}, "no SOURCE"},
		{"two sources", []string{"verify", "--claim", "c", "a.txt", "b.txt"}, "one SOURCE"},
		{"bad format", []string{"verify", "--format", "xml", verifyGoldens + "pairs.jsonl"}, "format"},
		{"missing file", []string{"verify", "--claim", "c", verifyGoldens + "nothing.txt"}, "nothing.txt"},
		{"missing pairs", []string{"verify", verifyGoldens + "nothing.jsonl"}, "nothing.jsonl"},
		{"line too long", []string{"verify", long}, "longer than"},
		{"claim too long", []string{"verify", "--claim", strings.Repeat("c", maxVerifyClaim+1), verifyGoldens + "source.txt"}, "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

// TestVerifyURL verifies a claim against a page fetched through the
// resolver from a loopback server, then offline from the cache it filled;
// a 403 page has no text to verify against.
func TestVerifyURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/report", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><head><title>Report</title></head><body><article><p>The unemployment rate among young workers fell to 14% in March, the lowest level since the survey began.</p></article></body></html>`))
	})
	mux.HandleFunc("/closed", func(rw http.ResponseWriter, _ *http.Request) { http.Error(rw, "no", http.StatusForbidden) })
	mux.HandleFunc("/paywall", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><body><article><h1>Jobs</h1><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></article></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cache := filepath.Join(t.TempDir(), "cache.sqlite")
	opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithTimeout(5 * time.Second)}
	verifyURL := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := runVerify(t.Context(), append([]string{"--format", "json", "--cache", cache}, args...), &out, &errOut, opts)
		return code, out.String(), errOut.String()
	}
	claim := "The unemployment rate among young workers fell to 40% in March."
	code, out, errOut := verifyURL("--claim", claim, srv.URL+"/report")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, `"verdict":"contradicted"`)
	assert.Contains(t, out, `"source_text":"14%"`)

	code, _, errOut = verifyURL("--claim", claim, srv.URL+"/closed")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "no readable text")

	code, paywalled, errOut := verifyURL("--claim", claim, srv.URL+"/paywall")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, paywalled, "no verdict for a paywall")
	assert.Contains(t, errOut, "paywall or login page")

	srv.Close()
	code, offline, errOut := verifyURL("--offline", "--claim", claim, srv.URL+"/report")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, out, offline)

	code, _, errOut = verifyURL("--offline", "--claim", claim, srv.URL+"/elsewhere")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "offline and not in the cache")
}

func verifyResult(t *testing.T, text, claim string) verify.Result {
	t.Helper()
	return verify.Verify(verify.Claim{Text: claim}, verify.Source{Text: text})
}

// FuzzReadPair reads arbitrary bytes as a line of a pairs file: never a
// panic, and a pair it accepts has a claim within the limit and a source
// with text or HTML.
func FuzzReadPair(f *testing.F) {
	f.Add([]byte(`{"id": "p1", "claim": "Unemployment fell to 14% in March.", "source": "The rate fell to 14% in March."}`))
	f.Add([]byte(`{"id": "p2", "claim": "He said \"no\".", "source_html": "<p>He said <q>no</q>.</p>", "source_url": "https://example.org/"}`))
	f.Add([]byte(`{"id": "p3", "claim": "x", "source": "y", "extra": 1}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		p, src, err := readPair(line)
		if err != nil {
			if !errors.Is(err, errBadPair) {
				t.Fatalf("an error that is not errBadPair: %v", err)
			}
			return
		}
		if strings.TrimSpace(p.Claim) == "" || len(p.Claim) > maxVerifyClaim {
			t.Fatalf("accepted claim %q", p.Claim)
		}
		if p.SourceHTML == "" && src.Text != p.Source {
			t.Fatalf("the source text is not the source given")
		}
	})
}
