package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const articles = "../../testdata/articles/"

func runTool(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitStatus(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "binary.txt")
	require.NoError(t, os.WriteFile(bad, []byte("text\nmore\x00binary"), 0o644))
	// an article whose one finding is an uncited claim, a warning
	uncited := filepath.Join(t.TempDir(), "uncited.md")
	require.NoError(t, os.WriteFile(uncited, []byte("# Crime\n\nThe city recorded 131 homicides in 2023, up 17 percent from 2022.\n"), 0o644))
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"an error finding fails", []string{"check", articles + "apa.txt"}, exitFindings},
		{"a clean article passes", []string{"check", articles + "clean.md"}, exitOK},
		{"never fails on findings", []string{"check", "--fail-on", "never", articles + "apa.txt"}, exitOK},
		{"warnings fail when asked", []string{"check", "--fail-on", "warning", articles + "mla.txt"}, exitFindings},
		{"warnings pass by default", []string{"check", articles + "mla.txt"}, exitOK},
		{"flags after files", []string{"check", articles + "apa.txt", "--fail-on=never"}, exitOK},
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"no files", []string{"check"}, exitUsage},
		{"bad format", []string{"check", "--format", "xml", articles + "apa.txt"}, exitUsage},
		{"bad fail-on", []string{"check", "--fail-on", "sometimes", articles + "apa.txt"}, exitUsage},
		{"bad min-score", []string{"check", "--min-score", "1.5", articles + "apa.txt"}, exitUsage},
		{"a high min-score keeps uncited claims out", []string{"check", "--fail-on", "warning", "--min-score", "0.9999", uncited}, exitOK},
		{"uncited claims are warnings", []string{"check", "--fail-on", "warning", uncited}, exitFindings},
		{"uncited claims pass by default", []string{"check", uncited}, exitOK},
		{"unknown flag", []string{"check", "--colour", articles + "apa.txt"}, exitUsage},
		{"missing file", []string{"check", "no/such/file.txt"}, exitUsage},
		{"binary file", []string{"check", bad}, exitUsage},
		{"unreadable input wins over findings", []string{"check", articles + "apa.txt", "no/such/file.txt"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runTool(t, "", tt.args...)
			assert.Equal(t, tt.want, code, stderr)
		})
	}
}

func TestTextOutputIsCompilerStyle(t *testing.T) {
	code, out, _ := runTool(t, "", "check", articles+"apa.txt")
	assert.Equal(t, exitFindings, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5)
	assert.True(t, strings.HasPrefix(lines[0], articles+"apa.txt:5:1: warning: "), lines[0])
	assert.True(t, strings.HasSuffix(lines[0], " [uncited-claim]"), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], articles+"apa.txt:20:18: error: "), lines[1])
	assert.True(t, strings.HasSuffix(lines[1], " [citation-mismatch]"), lines[1])
	assert.Equal(t, "    "+articles+"apa.txt:32:1: note: nearest entry", lines[2], "a related place is an indented note")
	assert.True(t, strings.HasSuffix(lines[3], " [orphan-reference]"), lines[3])
	assert.Contains(t, lines[4], "7 citations")
}

func TestBinaryInputErrorNamesThePlace(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "draft.txt")
	require.NoError(t, os.WriteFile(bad, []byte("line one\nline\x00two"), 0o644))
	_, _, stderr := runTool(t, "", "check", bad)
	assert.Contains(t, stderr, bad+":2:5: ")
}

func TestJSONOneObjectPerInputPerLine(t *testing.T) {
	code, out, stderr := runTool(t, "", "check", "--format", "json", articles+"apa.txt", articles+"clean.md")
	require.Equal(t, exitFindings, code, stderr)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 2)
	for i, want := range []string{articles + "apa.txt", articles + "clean.md"} {
		var report map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &report))
		assert.Equal(t, want, report["input"])
		for _, field := range []string{"format", "title", "citations", "references", "claims", "findings", "summary"} {
			assert.Contains(t, report, field)
		}
	}
}

func TestStdin(t *testing.T) {
	draft := "Sea levels rose 20 cm in a century (Church & White, 2011).\n\nReferences\n"
	code, out, _ := runTool(t, draft, "check", "-")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out, "-:3:1: error: reference list \"References\" has no entries but the text has 1 citation [empty-reference-list]\n"+
		"    -:1:37: note: citation \"Church & White, 2011\" is left unresolved\n", "the empty list is the error, with the citation it leaves unresolved")
	assert.NotContains(t, out, "[unresolved-citation]")
}

func TestCodes(t *testing.T) {
	code, out, _ := runTool(t, "", "codes")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "unresolved-citation (error)")
	assert.Contains(t, out, "Fix: ")
}

// TestReadmeTryIt runs the README's first command and compares what it
// prints with what the README says it prints.
func TestReadmeTryIt(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	const command = "    go run ./cmd/citecheck check "
	_, rest, ok := strings.Cut(string(readme), command)
	require.True(t, ok, "the README shows the command")
	file, rest, _ := strings.Cut(rest, "\n")
	_, rest, ok = strings.Cut(rest, "prints\n\n")
	require.True(t, ok, "the README shows its output")
	want, _, _ := strings.Cut(rest, "\n\n")
	want = strings.ReplaceAll(want, "\n    ", "\n")
	want = strings.TrimPrefix(want, "    ") + "\n"
	code, out, _ := runTool(t, "", "check", file)
	assert.Equal(t, want, out)
	assert.Equal(t, exitFindings, code, "the README says it exits with status 1")
}

// TestCheckLimits checks an article past each limit: the run fails with
// one line that names the limit and the flag that raises it, and raising
// the limit lets the article through.
func TestCheckLimits(t *testing.T) {
	tests := []struct {
		limit, flag, value string
	}{
		{"bytes", "--max-bytes", "1000"},
		{"citations", "--max-citations", "5"},
		{"references", "--max-references", "3"},
		{"findings", "--max-findings", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.limit, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", "check", tt.flag, tt.value, articles+"apa.txt")
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, "apa.txt")
			assert.Contains(t, stderr, "limit exceeded")
			assert.Contains(t, stderr, "the limit is "+tt.value+" "+tt.limit)
			assert.Contains(t, stderr, tt.flag)
			assert.Equal(t, 1, strings.Count(strings.TrimSpace(stderr), "\n")+1, "one line: %q", stderr)

			code, _, _ = runTool(t, "", "check", tt.flag, "100000", "--fail-on", "never", articles+"apa.txt")
			assert.Equal(t, exitOK, code)
		})
	}
	code, _, stderr := runTool(t, "", "check", "--max-citations", "0", articles+"apa.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--max-citations must be positive")
}

// checkGoldens holds the inputs and golden outputs of TestCheckGolden.
const checkGoldens = "testdata/check/"

// TestCheckGolden compares the output of check in every format on a few
// articles (from the top of the checkout, so the paths are those a user
// types) with its golden file in testdata/check; go test ./cmd/citecheck
// -run CheckGolden -update rewrites them.
func TestCheckGolden(t *testing.T) {
	t.Chdir("../..")
	inputs := []string{"testdata/articles/apa.txt", "testdata/articles/chicago.txt", checkGoldens + "nolist.md"}
	for _, format := range []string{"text", "json", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runTool(t, "", append([]string{"check", "--format", format}, inputs...)...)
			require.Equal(t, exitFindings, code, errOut)
			out = strings.ReplaceAll(out, `"version": "`+version()+`"`, `"version": "VERSION"`)
			golden := checkGoldens + "golden." + format
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden output; run go test ./cmd/citecheck -run CheckGolden -update")
			assert.Equal(t, string(want), out)
		})
	}
}

func TestTextSummaryCountsFirstHandClaims(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"an uncited claim", "The city recorded 131 homicides in 2023, up 17 percent from 2022.\n", "1 claim (1 uncited);"},
		{"a first-hand one", "I visited the treatment plant in 2023; its filters date from 1962.\n", "1 claim (1 uncited, 1 of them first-hand);"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stdout, stderr := runTool(t, tt.text, "check", "--min-score", "0.2", "-")
			assert.Contains(t, stdout, tt.want, stderr)
		})
	}
}
