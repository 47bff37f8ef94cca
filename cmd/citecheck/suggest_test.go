package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"format", "format", 0},
		{"fromat", "format", 1}, // a transposition is one edit
		{"formt", "format", 1},
		{"formatt", "format", 1},
		{"fail-no", "fail-on", 1},
		{"colour", "color", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"été", "ete", 2}, // characters, not bytes
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, editDistance(tt.a, tt.b))
			assert.Equal(t, tt.want, editDistance(tt.b, tt.a))
		})
	}
}

// TestDidYouMean checks that a mistyped flag is answered with one line
// naming the closest known flag, and exit status 2.
func TestDidYouMean(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--fromat", "sarif", "a.md"}, "citecheck check: unknown flag --fromat; did you mean --format? Usage: citecheck check "},
		{[]string{"check", "-fail-no=never", "a.md"}, "unknown flag --fail-no; did you mean --fail-on?"},
		{[]string{"check", "--stdin-file-name", "x.md", "-"}, "unknown flag --stdin-file-name; did you mean --stdin-filename?"},
		{[]string{"check", "--ignores", "x", "a.md"}, "unknown flag --ignores; did you mean --ignore?"},
		{[]string{"check", "--input", "html", "a.md"}, "unknown flag --input; did you mean --input-format?"},
		{[]string{"batch", "--worker", "2"}, "citecheck batch: unknown flag --worker; did you mean --workers?"},
		{[]string{"report", "--bye", "outlet"}, "unknown flag --bye; did you mean --by?"},
		{[]string{"check", "--xyzzy", "a.md"}, "citecheck check: unknown flag --xyzzy. Usage: citecheck check "},
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
	code, _, errOut := runTool(t, "", "chekc", "a.md")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `citecheck: unknown command "chekc"; did you mean check?`)
}

func TestVersionAndHelp(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		code, out, errOut := runTool(t, "", args...)
		assert.Equal(t, exitOK, code)
		assert.Equal(t, "citecheck "+version()+"\n", out)
		assert.Empty(t, errOut)
	}
	assert.NotEmpty(t, version(), `"(devel)" in tests, the module version in a released binary`)
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, out, errOut := runTool(t, "", args...)
		assert.Equal(t, exitOK, code)
		assert.Contains(t, out, "citecheck version")
		assert.Empty(t, errOut)
	}
	code, out, errOut := runTool(t, "", "help", "check")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "Usage: citecheck check "), out)
	assert.Contains(t, out, "-stdin-filename name")
	assert.Contains(t, out, "-ignore glob")
	assert.Contains(t, out, "sarif")
	assert.Empty(t, errOut)
}
