package citecheck

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citecheck/citecheck/sources"
)

// The report helpers below replaced forms that lowered or rebuilt strings;
// each test compares one with the form it replaced.

var foldInputs = []string{
	"", "[", "[citation needed]", "[Citation Needed]", "  [citation needed]", "[CITATION NEEDED", "[citation neede",
	"text [citation needed] more", "[cİtation needed]", "[citation needed\xff", "é [citation needed]", "[[citation needed]",
	"[ citation needed]", "ab[citation needed", "[citation\u00a0needed]",
}

func TestFoldHelpersMatchToLower(t *testing.T) {
	for _, s := range foldInputs {
		assert.Equal(t, strings.HasPrefix(strings.ToLower(s), citationNeeded), hasPrefixFold(s, citationNeeded), "hasPrefixFold(%q)", s)
		assert.Equal(t, strings.Contains(strings.ToLower(s), citationNeeded), containsFold(s, citationNeeded), "containsFold(%q)", s)
	}
}

// latestYearOracle is how runAnachronisticCitation read the years of a
// sentence: the blanked spans overwritten with spaces, then every run of
// exactly four digits from 1500 to 2199.
func latestYearOracle(s string, blank []sources.Span) int {
	for _, b := range blank {
		s = s[:b.Start] + strings.Repeat(" ", b.End-b.Start) + s[b.End:]
	}
	latest := 0
	for i := 0; i+4 <= len(s); i++ {
		if (i > 0 && isDigit(s[i-1])) || !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			if y, _ := strconv.Atoi(s[i:j]); y >= 1500 && y < 2200 {
				latest = max(latest, y)
			}
		}
		i = j
	}
	return latest
}

func TestLatestYearMatchesOracle(t *testing.T) {
	for _, tt := range []struct {
		s     string
		blank []sources.Span
	}{
		{"In 2024 the rate rose (Smith, 2019).", []sources.Span{{Start: 22, End: 35}}},
		{"2019(Smith 2030)", []sources.Span{{Start: 4, End: 16}}},
		{"12019 and 1499 and 2200 and 2199", nil},
		{"20192020", []sources.Span{{Start: 4, End: 8}}},
		{"x2021y 1987", nil},
		{"1234", []sources.Span{{Start: 0, End: 1}}},
	} {
		assert.Equal(t, latestYearOracle(tt.s, tt.blank), latestYear(tt.s, tt.blank), "%q %v", tt.s, tt.blank)
	}
}

func FuzzFoldAndYearHelpers(f *testing.F) {
	for _, s := range foldInputs {
		f.Add(s, 0, 0)
	}
	f.Add("In 2024 (Smith 2019) 1999", 8, 20)
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if strings.HasPrefix(strings.ToLower(s), citationNeeded) != hasPrefixFold(s, citationNeeded) {
			t.Fatalf("hasPrefixFold(%q)", s)
		}
		if strings.Contains(strings.ToLower(s), citationNeeded) != containsFold(s, citationNeeded) {
			t.Fatalf("containsFold(%q)", s)
		}
		var blank []sources.Span
		if 0 <= from && from <= to && to <= len(s) {
			blank = []sources.Span{{Start: from, End: to}}
		}
		if latestYearOracle(s, blank) != latestYear(s, blank) {
			t.Fatalf("latestYear(%q, %v) = %d, want %d", s, blank, latestYear(s, blank), latestYearOracle(s, blank))
		}
	})
}
