package citecheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// exhibitByIndex is exhibit as it was first written, one strings.Index
// per word of exhibitWords: the reference exhibit is held to.
func exhibitByIndex(s string) string {
	for _, w := range exhibitWords {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			j += i
			if e, ok := exhibitAt(s, j, len(w)); ok {
				return e
			}
			i = j + 1
		}
	}
	return ""
}

func TestExhibit(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"Rents rose by 40% (see Table 1).", "Table 1"},
		{"As Figure 2b shows, rents rose.", "Figure 2b"},
		{"See Fig. 3 and Table 2.", "Table 2"}, // Table comes first in exhibitWords
		{"Details are in Appendix A.", "Appendix A"},
		{"Supplementary Table 4 lists them.", "Table 4"},
		{"The Tables 1 and 2 are wrong; Table 3 is right.", "Table 3"},
		{"A Timetable 1 is no table.", ""},
		{"Table of contents", ""},
		{"Chart 12345 is too long a number.", ""},
		{"Chart 1234 is not.", "Chart 1234"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			assert.Equal(t, tt.want, exhibit(tt.sentence))
			assert.Equal(t, exhibitByIndex(tt.sentence), exhibit(tt.sentence))
		})
	}
}

func FuzzExhibit(f *testing.F) {
	for _, s := range []string{"See Fig. 3 and Table 2.", "Exhibit 4, Chart B and Figure 1", "Supplementary Figure S2", "ATable 1 Table"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := exhibit(s), exhibitByIndex(s); got != want {
			t.Fatalf("exhibit(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestExhibitInitials checks that exhibitInitials has the first letter of
// every word of exhibitWords, which exhibit stops at.
func TestExhibitInitials(t *testing.T) {
	for _, w := range exhibitWords {
		c := w[0] - 'A'
		assert.True(t, c < 26 && exhibitInitials>>c&1 == 1, "%q", w)
	}
}
