package citecheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims/verify"
)

// longSource is a page of filler paragraphs about other things with the
// paragraph a claim is about in the middle.
func longSource() string {
	filler := []string{
		"The city council met on Thursday to discuss the new bus routes through the old town.",
		"Residents complained about noise from the construction site near the river bank.",
		"A local bakery won a regional prize for its sourdough bread this autumn.",
		"The football club announced a new coach after a disappointing season.",
	}
	var b strings.Builder
	for i := range 40 {
		b.WriteString(filler[i%len(filler)])
		b.WriteByte('\n')
		if i == 20 {
			b.WriteString("The statistics office published its quarterly survey on Tuesday.\n")
			b.WriteString("The unemployment rate among young workers fell to 14% in March, the lowest level since the survey began.\n")
		}
	}
	return b.String()
}

func TestFocusedSource(t *testing.T) {
	src := longSource()
	require.Greater(t, len(src), focusMinText)
	tests := []struct {
		name, claim string
		want        verify.Verdict
	}{
		{"supported", "The unemployment rate among young workers fell to 14% in March.", verify.Supported},
		{"another figure", "The unemployment rate among young workers fell to 40% in March.", verify.Contradicted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newSourceIndex(src)
			f, ok := x.focusedSource(tt.claim)
			require.True(t, ok)
			assert.Less(t, len(f.text), len(src)/2)
			assert.Contains(t, f.text, "fell to 14% in March")

			c := verify.Claim{Text: tt.claim}
			whole := verify.Verify(c, verify.Source{Text: src})
			focused := f.remap(verify.Verify(c, verify.Source{Text: f.text}), src)
			assert.Equal(t, tt.want, focused.Verdict)
			assert.Equal(t, whole.Verdict, focused.Verdict)
			require.NotEmpty(t, focused.Evidence)
			assert.Equal(t, whole.Evidence[0].Span, focused.Evidence[0].Span)
			for _, e := range focused.Evidence {
				assert.Equal(t, e.Text, src[e.Span.Start:e.Span.End])
			}
			for _, m := range focused.Missing {
				if m.SourceText != "" {
					assert.Equal(t, m.SourceText, src[m.SourceSpan.Start:m.SourceSpan.End])
				}
			}
		})
	}
}

func TestFocusedSourceNotWorthIt(t *testing.T) {
	x := newSourceIndex("short text about unemployment")
	_, ok := x.focusedSource("unemployment rose")
	assert.False(t, ok, "a short source is verified whole")
	long := strings.Repeat("Unemployment among young workers rose again this spring.\n", 100)
	_, ok = newSourceIndex(long).focusedSource("Unemployment among young workers rose.")
	assert.False(t, ok, "a focus that keeps most of the text is not made")
}

func TestPaywallText(t *testing.T) {
	article := strings.Repeat("The council approved the budget after a long debate about the library. ", 40)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"subscribe page", "Subscribe to continue reading. Already a subscriber? Sign in.", true},
		{"login wall", "Log in to your account\nCreate an account\nForgot your password?", true},
		{"article", article, false},
		{"article with a subscribe footer", article + " Subscribe to our newsletter.", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paywallText(tt.text))
		})
	}
}

// TestIndexKeyFrom checks indexKeyFrom against strings.Index at every
// start of texts where the key's rare part occurs without the key.
func TestIndexKeyFrom(t *testing.T) {
	texts := []string{
		"the unemployment rate; unemployed people; mployment alone; unempl",
		"eeeeeeee eeeee2019e 20192019 x2019",
		"",
		"mpl mpl unempl",
	}
	for _, text := range texts {
		for _, key := range []string{"unempl", "2019", "ee", "mpl", "zz", "e2"} {
			off := rareOffset(key)
			require.Less(t, off, len(key)-1, "two bytes at least are looked for: %q", key)
			for from := 0; from <= len(text); from++ {
				want := strings.Index(text[from:], key)
				if want >= 0 {
					want += from
				}
				assert.Equal(t, want, indexKeyFrom(text, key, off, from), "%q in %q from %d", key, text, from)
			}
		}
	}
	assert.Equal(t, 4, rareOffset("unempl"), "the rarest byte: p")
	assert.Equal(t, 0, rareOffset("zeta"))
}

// TestASCIILower checks the eight-bytes-at-a-time lowering against a byte
// loop, on every byte value at every place of a word.
func TestASCIILower(t *testing.T) {
	byByte := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	for c := 0; c < 256; c++ {
		for at := 0; at < 11; at++ {
			b := []byte("@AZ[`az{Ö\x7f\x80")
			b[at] = byte(c)
			s := string(b)
			require.Equal(t, byByte(s), asciiLower(s), "%q", s)
		}
	}
	assert.Equal(t, "the unemployment rate, ÉtÉ 2019", asciiLower("The UNEMPLOYMENT Rate, ÉTÉ 2019"))
	long := make([]byte, 10007) // past the 4 KiB buffer, not a multiple of it
	for i := range long {
		long[i] = byte(i*131 + i/7)
	}
	require.Equal(t, byByte(string(long)), asciiLower(string(long)))
}
