package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

func TestResearcher(t *testing.T) {
	bodies := []struct{ id, outlet, text string }{
		{"a1", "", "Title\n\nFares rose 12 percent in 2023 (Okafor, 2021). Ridership fell 8 percent in 2022.\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"},
		{"a2", "", "Title\n\nRents rose 30 percent between 2019 and 2023 (Lee, 2020; Ma, 2022).\n\nReferences\n\nLee, K. (2020). Rents. Housing, 3, 1-9.\n"},
		{"b1", "Wire", "Title\n\nExports fell by 4.1 percent in the first quarter of 2024 (Tian, 2024).\n\nReferences\n\nTian, X. (2024). Trade. Economics, 2, 3-4.\n"},
	}
	var lines []string
	want := map[string][4]int{} // claims, uncited, citations, unresolved
	for i, b := range bodies {
		rec := map[string]string{"id": b.id, "text": b.text}
		if b.outlet != "" {
			rec["outlet"] = b.outlet
		} else {
			rec["url"] = fmt.Sprintf("https://www.daily.example.co.uk/story/%d", i)
		}
		line, err := json.Marshal(rec)
		require.NoError(t, err)
		lines = append(lines, string(line))

		r, err := citecheck.Check(context.Background(), strings.NewReader(b.text), citecheck.Options{Name: b.id + ".txt"})
		require.NoError(t, err)
		outlet := b.outlet
		if outlet == "" {
			outlet = "example.co.uk"
		}
		w := want[outlet]
		w[0] += r.Summary.Claims
		w[1] += r.Summary.UncitedClaims
		w[2] += r.Summary.Citations
		w[3] += r.Summary.Unresolved
		want[outlet] = w
	}
	lines = append(lines, `{"id": "broken"`)
	corpus := filepath.Join(t.TempDir(), "feed.jsonl")
	require.NoError(t, os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644))

	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-workers", "2", corpus}, &out, &errOut))
	assert.Contains(t, errOut.String(), "feed.jsonl")
	assert.Contains(t, out.String(), "1 articles could not be read")

	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.GreaterOrEqual(t, len(rows), 3, out.String())
	assert.Equal(t, []string{"outlet", "articles", "claims", "cited", "claims", "citations", "unresolved"}, strings.Fields(rows[0]))
	for i, outlet := range []string{"example.co.uk", "Wire"} {
		w := want[outlet]
		articles := 2 - i
		assert.Equal(t, []string{outlet, fmt.Sprint(articles), fmt.Sprint(w[0]), share(w[0]-w[1], w[0]), fmt.Sprint(w[2]), share(w[3], w[2])},
			strings.Fields(rows[1+i]), "row %d", 1+i)
	}
	assert.Positive(t, want["example.co.uk"][3], "the test corpus has an unresolved citation")
}

func TestResearcherUsage(t *testing.T) {
	err := run(context.Background(), nil, &bytes.Buffer{}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "usage: researcher")
}

func TestShare(t *testing.T) {
	tests := []struct {
		part, whole int
		want        string
	}{{0, 0, "-"}, {1, 3, "33.3%"}, {2, 2, "100.0%"}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, share(tt.part, tt.whole))
	}
}
