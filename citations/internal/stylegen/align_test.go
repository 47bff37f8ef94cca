package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStripSentinels(t *testing.T) {
	text, at, err := stripSentinels("a " + sentinel("c0") + "(Müller, 2019)" + sentinel("/c0") + " b")
	require.NoError(t, err)
	assert.Equal(t, "a (Müller, 2019) b", text)
	assert.Equal(t, map[string]int{"c0": 2, "/c0": len("a (Müller, 2019)")}, at)

	_, _, err = stripSentinels("a \uE000c0")
	assert.Error(t, err, "an unclosed sentinel")
	_, _, err = stripSentinels(sentinel("c0") + sentinel("c0"))
	assert.Error(t, err, "a sentinel twice")
}

func TestProjection(t *testing.T) {
	// The marked rendering wrapped its lines elsewhere: the spans follow
	// the text, not the layout.
	from := "Flooding rose (Müller,\n2019; Nakamura and Ferreira 2020). Again."
	to := "Flooding rose\n(Müller, 2019; Nakamura\nand Ferreira 2020). Again."
	p, err := newProjection(from, to)
	require.NoError(t, err)
	start, end, err := p.span(len("Flooding rose "), len("Flooding rose (Müller,\n2019; Nakamura and Ferreira 2020)"))
	require.NoError(t, err)
	assert.Equal(t, "(Müller, 2019; Nakamura\nand Ferreira 2020)", to[start:end])
	lines := newLineTable(to)
	assert.Equal(t, 2, lines.line(start))
	assert.Equal(t, 3, lines.line(end-1))

	_, err = newProjection("a b", "a c")
	assert.Error(t, err, "different text")
	_, err = newProjection("a b", "a b c")
	assert.Error(t, err, "more text")
}
