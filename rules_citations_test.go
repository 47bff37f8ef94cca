package citecheck_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// checkSource checks a small article given as a string; its name says its
// format.
func checkSource(t *testing.T, name, src string) *citecheck.Report {
	t.Helper()
	r, err := citecheck.Check(context.Background(), strings.NewReader(src), citecheck.Options{Name: name})
	require.NoError(t, err)
	return r
}

// citationFindings returns "severity code: message" for each finding of
// the citation rules, in order.
func citationFindings(r *citecheck.Report) []string {
	var out []string
	for _, f := range r.Findings {
		switch f.Code {
		case citecheck.CodeUncitedClaim, citecheck.CodeAnachronisticCite:
			continue
		}
		out = append(out, string(f.Severity)+" "+f.Code+": "+f.Message)
	}
	return out
}

func TestMarkdownFootnoteNames(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{
			name: "an undefined Markdown footnote is named as written",
			file: "notes.md",
			src:  "# Notes\n\nUnemployment fell in 2019.[^1] It rose again in 2020.[^3]\n\n[^1]: Bureau of Labor Statistics (2020). Employment Situation.\n",
			want: []string{`error unresolved-citation: citation [^3] has no reference entry: no footnote definition "[^3]: …" in the text`},
		},
		{
			name: "a named Markdown footnote keeps its name",
			file: "notes.md",
			src:  "# Notes\n\nUnemployment fell in 2019.[^bls] It rose again in 2020.[^fed-2021]\n\n[^bls]: Bureau of Labor Statistics (2020). Employment Situation.\n",
			want: []string{`error unresolved-citation: citation [^fed-2021] has no reference entry: no footnote definition "[^fed-2021]: …" in the text`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, citationFindings(checkSource(t, tt.file, tt.src)))
		})
	}
}

// citationStatuses returns "text status reference" for each citation.
func citationStatuses(r *citecheck.Report) []string {
	var out []string
	for _, c := range r.Citations {
		ref := c.Reference
		if ref == "" {
			ref = "-"
		}
		out = append(out, c.Text+" "+string(c.Status)+" "+ref)
	}
	return out
}

func TestSourcesListOfLinks(t *testing.T) {
	tests := []struct{ name, file, src string }{
		{"Markdown", "housing.md", "# Housing\n\nRents rose 12% last year, according to [the census](https://www.census.gov/rents-2023) and a [Fed study](https://fed.gov/study).\n\n" +
			"## Sources\n\n- [Rents in 2023](https://www.census.gov/rents-2023)\n- [A Fed study of housing](https://fed.gov/study)\n"},
		{"HTML", "housing.html", `<html><body><article><h1>Housing</h1>
<p>Rents rose 12% last year, according to <a href="https://www.census.gov/rents-2023">the census</a> and a <a href="https://fed.gov/study">Fed study</a>.</p>
<h2>Sources</h2><ul><li><a href="https://www.census.gov/rents-2023">Rents in 2023</a></li><li><a href="https://fed.gov/study">A Fed study of housing</a></li></ul>
</article></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSource(t, tt.file, tt.src)
			assert.Equal(t, []string{"the census resolved r1", "Fed study resolved r2"}, citationStatuses(r))
			require.Len(t, r.References, 2)
			assert.Equal(t, "https://www.census.gov/rents-2023", r.References[0].URL)
			assert.Equal(t, "https://fed.gov/study", r.References[1].URL)
			assert.Empty(t, citationFindings(r))
		})
	}
}
