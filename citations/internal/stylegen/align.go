package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// stripSentinels takes the sentinels out of a marked rendering and returns
// the text without them and each sentinel's offset in that text.
func stripSentinels(marked string) (string, map[string]int, error) {
	var b strings.Builder
	at := map[string]int{}
	for {
		i := strings.IndexRune(marked, sentinelOpen)
		if i < 0 {
			b.WriteString(marked)
			return b.String(), at, nil
		}
		j := strings.IndexRune(marked[i:], sentinelClose)
		if j < 0 {
			return "", nil, fmt.Errorf("an unclosed sentinel at byte %d", i)
		}
		b.WriteString(marked[:i])
		tag := marked[i+utf8.RuneLen(sentinelOpen) : i+j]
		if _, dup := at[tag]; dup {
			return "", nil, fmt.Errorf("sentinel %q written twice", tag)
		}
		at[tag] = b.Len()
		marked = marked[i+j+utf8.RuneLen(sentinelClose):]
	}
}

// isLayout reports the bytes a writer may trade for one another when it
// wraps lines: ASCII white space. A no-break space is text.
func isLayout(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// projection carries offsets from one rendering to another that has the
// same text outside ASCII white space: the k-th text byte of one is the
// k-th of the other.
type projection struct {
	from, to []int // offsets of the text bytes, in order
}

func newProjection(from, to string) (*projection, error) {
	p := &projection{from: textOffsets(from), to: textOffsets(to)}
	for k := 0; k < len(p.from) && k < len(p.to); k++ {
		if from[p.from[k]] != to[p.to[k]] {
			return nil, fmt.Errorf("the renderings differ at byte %d (%q) and %d (%q)",
				p.from[k], excerpt(from, p.from[k]), p.to[k], excerpt(to, p.to[k]))
		}
	}
	if len(p.from) != len(p.to) {
		return nil, fmt.Errorf("the renderings have %d and %d bytes of text", len(p.from), len(p.to))
	}
	return p, nil
}

func textOffsets(s string) []int {
	var off []int
	for i := 0; i < len(s); i++ {
		if !isLayout(s[i]) {
			off = append(off, i)
		}
	}
	return off
}

func excerpt(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}

// span maps [start, end) of the first rendering to the second: from its
// first text byte to just past its last.
func (p *projection) span(start, end int) (int, int, error) {
	k := lowerBound(p.from, start)
	j := lowerBound(p.from, end) - 1
	if k >= len(p.from) || j < k {
		return 0, 0, fmt.Errorf("the span [%d, %d) has no text", start, end)
	}
	return p.to[k], p.to[j] + 1, nil
}

// lowerBound is the first index of sorted xs whose value is at least x.
func lowerBound(xs []int, x int) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := (lo + hi) / 2
		if xs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// lineTable gives the 1-based line of a byte offset.
type lineTable []int // offsets of the line starts

func newLineTable(s string) lineTable {
	t := lineTable{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			t = append(t, i+1)
		}
	}
	return t
}

func (t lineTable) line(off int) int { return lowerBound(t, off+1) }
