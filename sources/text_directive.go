package sources

import (
	"bytes"
	"slices"
)

// dropDirectiveLines leaves out the suppression lines of a plain-text
// draft: a line that holds, after white space, '#', optional blanks and
// "citecheck-" ("# citecheck-disable-next-line uncited-claim") is an
// instruction to citecheck, not content. It is never a claim, a citation
// or part of a paragraph, and a paragraph it stands in reads on across it
// as if it were not there, so that adding one above a line in the middle
// of a paragraph (as the editor's quick fix does) changes nothing else.
// The root package finds the same lines in Src and applies them.
func dropDirectiveLines(lines []textLine) []textLine {
	return slices.DeleteFunc(lines, func(l textLine) bool { return isDirectiveLine(l.body()) })
}

// isDirectiveLine reports whether a line's text, without its indent, is a
// suppression line.
func isDirectiveLine(body []byte) bool {
	if len(body) == 0 || body[0] != '#' {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(body[1:], " \t"), []byte("citecheck-"))
}
