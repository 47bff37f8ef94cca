package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	claimA = "Unemployment rose to 7.4 percent in 2023, the highest level since 1998."
	claimB = "The city spent $4.2 million on the new bridge in 2021."
	claimC = "The council hired 340 new officers in 2022."
)

// TestBaseline records a draft's findings, then edits the draft above
// them (every line moves) and adds a claim: only the new one is reported.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	base := filepath.Join(dir, "baseline.json")
	require.NoError(t, os.WriteFile(draft, []byte(claimA+"\n\n"+claimB+"\n\n"+claimB+"\n"), 0o644))

	code, stdout, stderr := runTool(t, "", "check", "--fail-on", "warning", "--write-baseline", base, draft)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 3, strings.Count(stdout, "[uncited-claim]"))
	assert.Contains(t, stderr, "wrote 3 findings to the baseline")
	var bf baselineFile
	data, err := os.ReadFile(base)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &bf))
	require.Len(t, bf.Findings, 2, "the two copies of claim B share a key")
	assert.Equal(t, 2, bf.Findings[0].Count) // sorted by message: "The city…" before "Unemployment…"
	assert.Equal(t, filepath.ToSlash(draft), bf.Findings[0].File)

	tests := []struct {
		name   string
		draft  string
		want   []string // the findings reported
		in     string   // the count on standard error
		wantRC int
	}{
		{"unchanged", claimA + "\n\n" + claimB + "\n\n" + claimB + "\n", nil, "3 findings in the baseline", exitOK},
		{"edited above: lines move", "# Bridges\n\nAn intro that is fine.\n\n" + claimA + "\n\n" + claimB + "\n\n" + claimB + "\n", nil, "3 findings in the baseline", exitOK},
		{"a new finding", "# Bridges\n\n" + claimA + "\n\n" + claimC + "\n\n" + claimB + "\n\n" + claimB + "\n",
			[]string{":5:1: warning: claim cites nothing: \"" + claimC + "\" [uncited-claim]"}, "3 findings in the baseline", exitFindings},
		{"a third copy is new", claimA + "\n\n" + claimB + "\n\n" + claimB + "\n\n" + claimB + "\n",
			[]string{":7:1: warning: claim cites nothing: \"" + claimB + "\" [uncited-claim]"}, "3 findings in the baseline", exitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(draft, []byte(tt.draft), 0o644))
			code, stdout, stderr := runTool(t, "", "check", "--fail-on", "warning", "--baseline", base, draft)
			assert.Equal(t, tt.wantRC, code, stderr)
			var got []string
			for line := range strings.Lines(stdout) {
				if rest, ok := strings.CutPrefix(line, draft); ok && strings.HasSuffix(line, "]\n") {
					got = append(got, strings.TrimSuffix(rest, "\n"))
				}
			}
			assert.Equal(t, tt.want, got)
			assert.Contains(t, stderr, tt.in)
			assert.Contains(t, stdout, "0 errors, "+count(len(tt.want), "warning"))
		})
	}
}

func TestBaselineUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": 9, "findings": []}`), 0o644))
	tests := []struct {
		name string
		args []string
	}{
		{"both flags", []string{"check", "--baseline", bad, "--write-baseline", filepath.Join(dir, "b.json"), articles + "clean.md"}},
		{"missing baseline", []string{"check", "--baseline", filepath.Join(dir, "none.json"), articles + "clean.md"}},
		{"another version", []string{"check", "--baseline", bad, articles + "clean.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runTool(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.NotEmpty(t, stderr)
		})
	}
	_, err := readBaseline(bad)
	assert.ErrorIs(t, err, errBaselineVersion)
	_, err = readBaseline(filepath.Join(dir, "none.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestParseBaselineErrors checks that a bad baseline file is named with the
// place of its mistake.
func TestParseBaselineErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not JSON", "{\n  \"version\": 1,\n  oops\n}", "b.json:3:3: "},
		{"a wrong type", "{\"version\": 1,\n \"findings\": [{\"count\": \"two\"}]}", "b.json:2:"},
		{"another version", `{"version": 9, "findings": []}`, "unknown baseline version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseBaseline("b.json", []byte(tt.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// FuzzParseBaseline parses arbitrary bytes as a baseline file: never a
// panic, and what it reads holds no negative count.
func FuzzParseBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"file": "a.md", "code": "uncited-claim", "fingerprint": "x", "count": 2}]}`))
	f.Add([]byte(`{"version": 1, "findings": [{"count": 9223372036854775807}, {"count": 9223372036854775807}]}`))
	f.Add([]byte(`{"version": 1, "findings": [{"count": -3}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := parseBaseline("fuzz.json", data)
		if err != nil {
			return
		}
		for k, n := range b.left {
			if n < 0 {
				t.Fatalf("negative count %d for %v", n, k)
			}
		}
	})
}
