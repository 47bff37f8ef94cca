package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/citecheck-beam/internal/gencorpus"
	"github.com/citecheck/citecheck/cmd/internal/results"
)

func TestMain(m *testing.M) {
	registerTransforms()
	beam.Init()
	os.Exit(m.Run())
}

// runPipeline runs the pipeline on Prism, in-process, and returns its
// counters.
func runPipeline(t *testing.T, cfg Config) counters {
	t.Helper()
	if cfg.Shards == 0 {
		cfg.Shards = 3
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = citecheck.DefaultArticleTimeout
	}
	res, err := prism.Execute(context.Background(), buildPipeline(cfg))
	require.NoError(t, err)
	return countersOf(res)
}

// buildCitecheck builds the citecheck command of the main module.
func buildCitecheck(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "citecheck")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = "../citecheck"
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// runCitecheck runs the citecheck command and returns its standard output
// and exit status.
func runCitecheck(t *testing.T, bin string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !assert.ErrorAs(t, err, &exit, "%s", stderr.String()) {
		t.FailNow()
	}
	return string(out), cmd.ProcessState.ExitCode()
}

// readRows reads the rows of every Parquet file the pattern matches.
func readRows[T any](t *testing.T, pattern string) []T {
	t.Helper()
	files, err := filepath.Glob(pattern)
	require.NoError(t, err)
	require.NotEmpty(t, files, pattern)
	var all []T
	for _, f := range files {
		rows, err := parquet.ReadFile[T](f)
		require.NoError(t, err, f)
		all = append(all, rows...)
	}
	return all
}

// readLines decodes every JSON line of the files the pattern matches,
// gunzipped when their name ends in .gz.
func readLines[T any](t *testing.T, pattern string) []T {
	t.Helper()
	files, err := filepath.Glob(pattern)
	require.NoError(t, err)
	var all []T
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		var r io.Reader = fh
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(fh) // reads every member
			require.NoError(t, err)
			r = zr
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var v T
			require.NoError(t, json.Unmarshal(sc.Bytes(), &v), f)
			all = append(all, v)
		}
		require.NoError(t, sc.Err())
		require.NoError(t, fh.Close())
	}
	return all
}

// readReport decodes a report's JSON with its shares and means rounded
// to 12 places: a sum of quality scores taken in another order may differ
// in its last bits.
func readReport(t *testing.T, data []byte) citecheck.CorpusReport {
	t.Helper()
	var rep citecheck.CorpusReport
	require.NoError(t, json.Unmarshal(data, &rep))
	round := func(p *float64) *float64 {
		if p == nil {
			return nil
		}
		r := math.Round(*p*1e12) / 1e12
		return &r
	}
	fix := func(s *citecheck.CorpusStats, codes []citecheck.CodeStats) {
		s.SupportedShare, s.UnresolvedRate, s.MeanQuality = round(s.SupportedShare), round(s.UnresolvedRate), round(s.MeanQuality)
		for i := range codes {
			codes[i].Share = round(codes[i].Share)
		}
	}
	fix(&rep.Total, rep.Codes)
	for i := range rep.Groups {
		fix(&rep.Groups[i].CorpusStats, rep.Groups[i].Codes)
	}
	return rep
}

// withoutTimes clears the articles' checked_at, which differs between runs.
func withoutTimes(rows []results.Article) []results.Article {
	for i := range rows {
		rows[i].CheckedAt = ""
	}
	return rows
}

// TestPipelineEqualsBatch checks that the pipeline on Prism gives, row
// for row, the results of citecheck batch and the aggregates of citecheck
// report on the same corpus, corrupt records included.
func TestPipelineEqualsBatch(t *testing.T) {
	dir := t.TempDir()
	inputs, err := gencorpus.Write(filepath.Join(dir, "corpus"), 300)
	require.NoError(t, err)

	bin := buildCitecheck(t)
	db := filepath.Join(dir, "results.sqlite")
	out, code := runCitecheck(t, bin, append([]string{"batch", "--db", db, "--workers", "2"}, inputs...)...)
	require.Equal(t, 1, code, "batch fails on the corrupt records: %s", out)
	exported := filepath.Join(dir, "export")
	_, code = runCitecheck(t, bin, "export", "--db", db, exported)
	require.Equal(t, 0, code)

	beamOut := filepath.Join(dir, "beam")
	c := runPipeline(t, Config{Inputs: inputs, Output: beamOut})

	wantArticles := withoutTimes(readRows[results.Article](t, filepath.Join(exported, "articles.parquet")))
	gotArticles := withoutTimes(readRows[results.Article](t, filepath.Join(beamOut, "articles", "*.parquet")))
	require.Len(t, wantArticles, 300+gencorpus.Corrupt)
	assert.ElementsMatch(t, wantArticles, gotArticles)
	wantFindings := readRows[results.Finding](t, filepath.Join(exported, "findings.parquet"))
	assert.ElementsMatch(t, wantFindings, readRows[results.Finding](t, filepath.Join(beamOut, "findings", "*.parquet")))
	assert.ElementsMatch(t, readRows[results.Claim](t, filepath.Join(exported, "claims.parquet")),
		readRows[results.Claim](t, filepath.Join(beamOut, "claims", "*.parquet")))
	assert.ElementsMatch(t, readRows[results.Citation](t, filepath.Join(exported, "citations.parquet")),
		readRows[results.Citation](t, filepath.Join(beamOut, "citations", "*.parquet")))

	for _, by := range reportGroupings() {
		want, code := runCitecheck(t, bin, "report", "--db", db, "--by", string(by), "--format", "json")
		require.Equal(t, 0, code)
		got, err := os.ReadFile(filepath.Join(beamOut, reportName(by)))
		require.NoError(t, err)
		assert.Equal(t, readReport(t, []byte(want)), readReport(t, got), "by %s", by)
	}

	// Every article has its report or its dead letter, with batch's reason.
	var failed []DeadLetter
	var okInputs []string
	for _, a := range wantArticles {
		if a.Status == results.StatusFailed {
			failed = append(failed, DeadLetter{ID: a.ID, Input: a.Input, Reason: a.Reason})
		} else {
			okInputs = append(okInputs, a.Input)
		}
	}
	assert.Len(t, failed, gencorpus.Corrupt)
	dead := readLines[DeadLetter](t, filepath.Join(beamOut, outDeadLetter, "*.jsonl"))
	assert.ElementsMatch(t, failed, dead)
	var reportInputs []string
	for _, r := range readLines[citecheck.Report](t, filepath.Join(beamOut, outReports, "*.jsonl.gz")) {
		reportInputs = append(reportInputs, r.Input)
	}
	assert.ElementsMatch(t, okInputs, reportInputs)

	assert.Equal(t, int64(len(wantArticles)), c.articles)
	assert.Equal(t, int64(len(failed)), c.failed)
	assert.Equal(t, int64(len(wantFindings)), c.findings)
	byCode := map[string]int64{}
	for _, f := range wantFindings {
		byCode[f.Code]++
	}
	assert.Equal(t, byCode, c.byCode)
}

func TestCorruptRecordsAreDeadLetters(t *testing.T) {
	good := `{"id": "good", "text": "Title\n\nIt rose (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"}`
	tests := []struct {
		name    string
		file    string // written under a new folder
		content string
		wantID  string // of the dead letter, with the folder's path before it
		reason  string // in the dead letter's reason
	}{
		{"malformed JSON line", "feed.jsonl", good + "\n{\"id\": oops\n", "feed.jsonl#2", "malformed record"},
		{"record without a body", "feed.jsonl", good + "\n{\"id\": \"empty\"}\n", "feed.jsonl#2", "record has no article body"},
		{"binary article", "bin.txt", "Title\n\n\x00\x01\x02", "bin.txt", "binary data"},
		{"truncated WARC record", "cut.warc", "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n", "cut.warc", "truncated record"},
		{"missing input", "absent.jsonl", "", "absent.jsonl", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			if tt.content != "" {
				require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))
			}
			out := filepath.Join(dir, "out")
			c := runPipeline(t, Config{Inputs: []string{path}, Output: out})
			dead := readLines[DeadLetter](t, filepath.Join(out, outDeadLetter, "*.jsonl"))
			require.Len(t, dead, 1)
			assert.Equal(t, filepath.Join(dir, tt.wantID), dead[0].ID)
			assert.Contains(t, dead[0].Reason, tt.reason)
			assert.Equal(t, int64(1), c.failed)
			articles := readRows[results.Article](t, filepath.Join(out, outArticles, "*.parquet"))
			require.NotEmpty(t, articles)
			for _, a := range articles {
				if a.ID == dead[0].ID {
					assert.Equal(t, results.StatusFailed, a.Status)
					assert.Equal(t, dead[0].Reason, a.Reason)
				} else {
					assert.Equal(t, results.StatusOK, a.Status)
				}
			}
		})
	}
}

func TestCheckConfig(t *testing.T) {
	ok := Config{Inputs: []string{"corpus/"}, Output: "out", Shards: 1, Timeout: 1,
		Limits: citecheck.Limits{MaxBytes: 1, MaxCitations: 1, MaxReferences: 1, MaxFindings: 1}}
	tests := []struct {
		name   string
		change func(*Config)
	}{
		{"no output", func(c *Config) { c.Output = "" }},
		{"no inputs", func(c *Config) { c.Inputs = nil }},
		{"no shards", func(c *Config) { c.Shards = 0 }},
		{"no timeout", func(c *Config) { c.Timeout = 0 }},
		{"offline without a cache", func(c *Config) { c.Resolve.Offline = true }},
		{"a flag after the inputs", func(c *Config) { c.Inputs = append(c.Inputs, "--shards=2") }},
		{"a limit of zero", func(c *Config) { c.Limits.MaxFindings = 0 }},
	}
	require.NoError(t, checkConfig(ok))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			cfg.Inputs = slices.Clone(ok.Inputs)
			tt.change(&cfg)
			assert.ErrorIs(t, checkConfig(cfg), errUsage)
		})
	}
}

// TestParseFlags reads the flags the pipeline shares with citecheck batch.
func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags(flag.NewFlagSet("beam", flag.ContinueOnError),
		[]string{"--output", "out", "--offline", "--cache", "c.sqlite", "--no-verify", "--min-score", "0.7", "corpus/"})
	require.NoError(t, err)
	assert.Equal(t, []string{"corpus/"}, cfg.Inputs)
	assert.Equal(t, ResolveConfig{Resolve: true, Offline: true, Cache: "c.sqlite"}, cfg.Resolve)
	assert.True(t, cfg.NoVerify)
	assert.InDelta(t, 0.7, cfg.MinScore, 1e-9)

	cfg, err = parseFlags(flag.NewFlagSet("beam", flag.ContinueOnError), []string{"--output", "out", "--resolve", "corpus/"})
	require.NoError(t, err)
	assert.False(t, cfg.NoVerify)
}
