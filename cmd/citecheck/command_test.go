package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelp checks that every subcommand prints its help on standard output
// and exits 0, as editors expect.
func TestHelp(t *testing.T) {
	for _, name := range []string{"check", "codes", "batch", "merge", "report", "export", "prune-cache"} {
		for _, h := range []string{"-h", "--help"} {
			t.Run(name+" "+h, func(t *testing.T) {
				code, out, errOut := runTool(t, "", name, h)
				assert.Equal(t, exitOK, code)
				assert.True(t, strings.HasPrefix(out, "Usage: citecheck "+name), out)
				assert.Contains(t, out, "\nFlags:\n")
				assert.Empty(t, errOut)
			})
		}
	}
	_, out, _ := runTool(t, "", "check", "-h")
	assert.Contains(t, out, "-input-format format", "the flag's value is named")
	assert.Contains(t, out, "html, markdown or text", "the formats come from sources.FormatTable")
}

// TestUsageErrorIsOneLine checks that a mistake in the command line is
// reported in one line on standard error, naming the mistake, with exit
// status 2.
func TestUsageErrorIsOneLine(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--colour", "a.txt"}, "citecheck check: unknown flag --colour. Usage: citecheck check "},
		{[]string{"check", "--input-format", "rtf", "a.txt"}, `citecheck check: --input-format must be docx, html, markdown or text, not "rtf". Usage: `},
		{[]string{"check", "--fail-on", "sometimes", "a.txt"}, `--fail-on must be error, warning or never, not "sometimes"`},
		{[]string{"check"}, "citecheck check: no input files (use - for standard input). Usage: "},
		{[]string{"codes", "x"}, `citecheck codes: unexpected argument "x". Usage: citecheck codes`},
		{[]string{"batch", "--workers", "x"}, `citecheck batch: invalid value "x" for flag -workers: parse error. Usage: `},
		{[]string{"batch", "--db", "r.sqlite", "--workers", "0", "in"}, "citecheck batch: --workers must be at least 1, not 0. Usage: "},
		{[]string{"merge", "--db", "out.sqlite"}, "citecheck merge: no input databases. Usage: citecheck merge "},
		{[]string{"report", "--by", "month", "--db", "r.sqlite"}, `citecheck report: --by must be outlet, year or code, not "month". Usage: `},
		{[]string{"prune-cache", "--days", "0"}, "citecheck prune-cache: --days must be at least 1, not 0. Usage: citecheck prune-cache "},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
			assert.Equal(t, 1, strings.Count(errOut, "\n"), errOut)
		})
	}
}

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		args []string
		rest []string
		n    int
	}{
		{[]string{"a", "-n", "1", "b"}, []string{"a", "b"}, 1},
		{[]string{"-n=2", "a", "b", "-n", "3"}, []string{"a", "b"}, 3},
		{[]string{"a", "--", "-n", "4"}, []string{"a", "-n", "4"}, 0},
		{[]string{"--", "-n", "a", "-n", "5"}, []string{"-n", "a", "-n", "5"}, 0},
		{[]string{"-n", "6", "-", "--", "--"}, []string{"-", "--"}, 6},
		{nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			n := fs.Int("n", 0, "")
			rest, err := parseInterleaved(fs, tt.args)
			require.NoError(t, err)
			assert.Equal(t, tt.rest, rest)
			assert.Equal(t, tt.n, *n)
		})
	}
}

func TestOneOf(t *testing.T) {
	assert.NoError(t, oneOf("format", "json", "text", "json"))
	assert.Error(t, oneOf("format", "xml", "text", "json"))
	assert.Error(t, oneOf("format", "", "text"))
	assert.NoError(t, emptyOrOneOf("by", "", "outlet"))
	assert.Error(t, emptyOrOneOf("by", "x", "outlet"))
}

func TestOrList(t *testing.T) {
	assert.Equal(t, "", orList(nil))
	assert.Equal(t, "text", orList([]string{"text"}))
	assert.Equal(t, "text or json", orList([]string{"text", "json"}))
	assert.Equal(t, "text, csv or json", orList([]string{"text", "csv", "json"}))
}
