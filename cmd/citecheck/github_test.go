package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

func TestEscapeGitHub(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain", "plain", "plain"},
		{"100% sure", "100%25 sure", "100%25 sure"},
		{"two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A is not a break", "%250A is not a break", "%250A is not a break"},
		{"drafts/été, 2024:v2.md", "drafts/été, 2024:v2.md", "drafts/été%2C 2024%3Av2.md"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.data, escapeGitHubData(tt.in))
			assert.Equal(t, tt.property, escapeGitHubProperty(tt.in))
		})
	}
}

func TestWriteGitHub(t *testing.T) {
	loc := func(line, col, endLine, endCol int) sources.Location {
		return sources.Location{Line: line, Column: col, EndLine: endLine, EndColumn: endCol}
	}
	r := &citecheck.Report{Input: "drafts/a,b:c.md", Findings: []citecheck.Finding{
		{Code: "citation-mismatch", Severity: citecheck.SeverityError, Message: "cited 2021, listed 2022: 50% off", Span: loc(3, 5, 3, 19),
			Related: []citecheck.Related{{Message: "nearest entry", Span: loc(9, 1, 9, 40)}}},
		{Code: "orphan-reference", Severity: citecheck.SeverityWarning, Message: "not cited", Span: loc(10, 1, 11, 2)},
		{Code: "unreachable-source", Severity: citecheck.SeverityInfo, Message: "timed out", Span: loc(12, 1, 12, 9)},
	}}
	var b strings.Builder
	require.NoError(t, writeGitHub(&b, r))
	assert.Equal(t, ""+
		"::error file=drafts/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=19,title=citation-mismatch::cited 2021, listed 2022: 50%25 off%0Anearest entry (line 9, column 1)\n"+
		"::warning file=drafts/a%2Cb%3Ac.md,line=10,col=1,endLine=11,endColumn=2,title=orphan-reference::not cited\n"+
		"::notice file=drafts/a%2Cb%3Ac.md,line=12,col=1,endLine=12,endColumn=9,title=unreachable-source::timed out\n",
		b.String())
}

func TestCheckFormatGitHub(t *testing.T) {
	code, out, stderr := runTool(t, "", "check", "--format", "github", articles+"apa.txt", articles+"clean.md")
	assert.Equal(t, exitFindings, code, stderr)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3, "one command per finding and nothing else")
	assert.True(t, strings.HasPrefix(lines[0], "::warning file="+articles+"apa.txt,line=5,col=1,endLine=6,endColumn=66,title=uncited-claim::claim cites nothing: "), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "::error file="+articles+"apa.txt,line=20,col=18,endLine=20,endColumn=42,title=citation-mismatch::citation "), lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "::warning file="+articles+"apa.txt,line=36,col=1,"), lines[2])
}
