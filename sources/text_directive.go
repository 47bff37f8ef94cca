package sources

import "bytes"

// blankDirectiveLines makes the suppression lines of a plain-text draft
// read as blank: a line that holds, after white space, '#', optional
// blanks and "citecheck-" ("# citecheck-disable-next-line uncited-claim")
// is an instruction to citecheck, not content, and is never a claim, a
// citation or part of a paragraph. The root package finds the same lines
// in Src and applies them.
func blankDirectiveLines(lines []textLine) {
	for i := range lines {
		if isDirectiveLine(lines[i].body()) {
			lines[i].indent = lines[i].end - lines[i].start
		}
	}
}

// isDirectiveLine reports whether a line's text, without its indent, is a
// suppression line.
func isDirectiveLine(body []byte) bool {
	if len(body) == 0 || body[0] != '#' {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(body[1:], " \t"), []byte("citecheck-"))
}
