package citecheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// shortenByFields is shorten as it was first written, reading the whole
// of s: the reference shorten is held to.
func shortenByFields(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,.;:") + "…"
}

func TestShorten(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 10, ""},
		{"  short  one \n", 10, "short one"},
		{"exactly ten", 11, "exactly ten"},
		{"The council said rents rose by 40% last year, the most since 1990.", 30, "The council said rents rose…"},
		{"Ünïcödé wörds äre cöunted äs rünes, nöt bytes", 20, "Ünïcödé wörds äre…"},
		{"oneverylongwordwithoutanyspaceatallinit", 10, "oneverylo…"},
		{"a\xffb", 3, "a\xffb"},
		{"a\xffb c", 3, "a\ufffd…"},
		{"a\xffb cd", 4, "a\ufffdb…"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			assert.Equal(t, tt.want, shorten(tt.s, tt.n))
			assert.Equal(t, shortenByFields(tt.s, tt.n), shorten(tt.s, tt.n))
		})
	}
}

func FuzzShorten(f *testing.F) {
	for _, s := range []string{"", "  a  b\tc\n", "The council said rents rose by 40% last year.", "a\xffb cd", "\u00a0x\u2003y "} {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = 2 + n&127
		if got, want := shorten(s, n), shortenByFields(s, n); got != want {
			t.Fatalf("shorten(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
