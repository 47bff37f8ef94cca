package citecheck_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// codes returns the code and severity of each finding, "code:severity".
func codes(r *citecheck.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code+":"+string(f.Severity))
	}
	return out
}

func TestOptionsReferenceHeadings(t *testing.T) {
	draft := "# Sleep\n\nSleep consolidates memory (Ma, 2020).\n\n" +
		"## Further reading\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n"
	tests := []struct {
		name       string
		headings   []string
		lists      int
		unresolved int
	}{
		{"not a reference heading by default", nil, 0, 1},
		{"configured", []string{"Further reading"}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(draft),
				citecheck.Options{Name: "sleep.md", ReferenceHeadings: tt.headings})
			require.NoError(t, err)
			assert.Equal(t, tt.lists, r.Summary.ReferenceLists)
			assert.Equal(t, tt.unresolved, r.Summary.Unresolved)
		})
	}
}

func TestOptionsSeverities(t *testing.T) {
	draft := "# Sleep\n\nSleep consolidates memory (Ma, 2020).\n\n" +
		"## References\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n" +
		"- Lee, K. (2019). Dreams. Science, 3, 4–5.\n"
	// a suppression comment that suppresses nothing: its finding is made
	// after the rules have run, and takes the configured severity too
	unused := "# Sleep\n\n<!-- citecheck-disable-next-line uncited-claim -->\nSleep consolidates memory (Ma, 2020).\n\n" +
		"## References\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n"
	tests := []struct {
		name       string
		draft      string
		severities map[string]citecheck.Severity
		want       []string
		errors     int
	}{
		{"rule severity", draft, nil, []string{"orphan-reference:warning"}, 0},
		{"raised", draft, map[string]citecheck.Severity{"orphan-reference": citecheck.SeverityError}, []string{"orphan-reference:error"}, 1},
		{"other code", draft, map[string]citecheck.Severity{"uncited-claim": citecheck.SeverityError}, []string{"orphan-reference:warning"}, 0},
		{"unused suppression", unused, nil, []string{"unused-suppression:warning"}, 0},
		{"unused suppression raised", unused, map[string]citecheck.Severity{"unused-suppression": citecheck.SeverityError}, []string{"unused-suppression:error"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.draft),
				citecheck.Options{Name: "sleep.md", Severities: tt.severities})
			require.NoError(t, err)
			assert.Equal(t, tt.want, codes(r))
			assert.Equal(t, tt.errors, r.Summary.Errors)
		})
	}
}

// TestOptionsSeveritiesSuppressionCodes checks that Severities reaches the
// findings about suppression comments too, which are reported after every
// rule has run.
func TestOptionsSeveritiesSuppressionCodes(t *testing.T) {
	draft := "# Sleep\n\n<!-- citecheck-disable-next-line orphan-reference -->\nSleep consolidates memory (Ma, 2020).\n\n" +
		"<!-- citecheck-disabel -->\n\n## References\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n"
	tests := []struct {
		name       string
		severities map[string]citecheck.Severity
		want       []string
		errors     int
	}{
		{"rule severity", nil, []string{"invalid-suppression:warning", "unused-suppression:warning"}, 0},
		{"raised", map[string]citecheck.Severity{"unused-suppression": citecheck.SeverityError, "invalid-suppression": citecheck.SeverityInfo},
			[]string{"invalid-suppression:info", "unused-suppression:error"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(draft),
				citecheck.Options{Name: "sleep.md", Severities: tt.severities})
			require.NoError(t, err)
			got := codes(r)
			slices.Sort(got)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.errors, r.Summary.Errors)
		})
	}
}
