package citations

import (
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// This file reads label citations: a bracketed key that labels an entry of
// the document's reference list, as RFCs and Internet-Drafts cite ("[HTTP]",
// "[RFC6749]") and alphabetic styles do ("[Smi19]", "[BAD10]"). A bracketed
// word is a citation only where an entry carries it as its label: "[sic]"
// and "[edit]" are not.

// maxLabelGroup bounds the bracket a label citation is read from:
// "[RFC6749, Section 4.2; RFC6750]".
const maxLabelGroup = 96

// entryLabels returns the labels of the entries of lists that are not
// numbers ("HTTP", "RFC6749", "Smi19"): bracketed, they cite their entry.
// Numbered labels are read as numeric citations already.
func entryLabels(lists []ReferenceList) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, e := range l.Entries {
			if e.Label == "" || labelNumber(e.Label) >= 0 || seen[e.Label] {
				continue
			}
			seen[e.Label] = true
			out = append(out, e.Label)
		}
	}
	return out
}

// cutSee drops the "see" or "cf." that may open a bracketed citation,
// returning the rest and where it starts.
func cutSee(part string, start int) (string, int) {
	for _, p := range []string{"see also ", "see ", "See ", "cf. ", "Cf. ", "e.g. ", "e.g., "} {
		if strings.HasPrefix(part, p) {
			return part[len(p):], start + len(p)
		}
	}
	return part, start
}

// labelCitations returns the label citations of the text, in order: one per
// label of a bracket, "[HTTP]", "[RFC2119, RFC8174]" (two), with the
// place in the work that follows a label as its Locator ("[HTTP, Section
// 6]", "[BEARER, section 3.1]"). Span covers the label, Group the bracket.
// Only the labels in labels count, as written; keep says which brackets to
// read. It returns ok false past limit citations.
func labelCitations(text string, labels []string, keep func(group sources.Span) bool, limit int) (out []Citation, ok bool) {
	if len(labels) == 0 {
		return nil, true
	}
	set := make(map[string]bool, len(labels))
	for _, l := range labels {
		set[l] = true
	}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '[')
		if j < 0 {
			break
		}
		open := i + j
		i = open + 1
		if open > 0 && refWordByte(text[open-1]) {
			continue // an index, "a[HTTP]"
		}
		end := strings.IndexAny(text[open+1:min(len(text), open+1+maxLabelGroup)], "[]\n")
		if end < 0 || text[open+1+end] != ']' {
			continue
		}
		closeAt := open + 1 + end
		group := sources.Span{Start: open, End: closeAt + 1}
		cits := labelGroup(text, open+1, closeAt, set, group)
		if len(cits) == 0 || keep != nil && !keep(group) {
			continue
		}
		if len(out)+len(cits) > limit {
			return nil, false
		}
		out = append(out, cits...)
		i = closeAt + 1
	}
	return out, true
}

// labelGroup reads the citations of the bracket text[from:to]: parts
// separated by commas or semicolons, each a label of set or the locator of
// the label before it. The first part must be a label, after a "see" or
// "cf." perhaps.
func labelGroup(text string, from, to int, set map[string]bool, group sources.Span) []Citation {
	var out []Citation
	for p := from; p <= to; {
		q := to
		if k := strings.IndexAny(text[p:to], ",;"); k >= 0 {
			q = p + k
		}
		start, end := p, q
		for start < end && text[start] == ' ' {
			start++
		}
		for end > start && text[end-1] == ' ' {
			end--
		}
		part := text[start:end]
		if len(out) == 0 {
			part, start = cutSee(part, start) // "[see NgTr19]"
		}
		switch {
		case set[part]:
			out = append(out, Citation{Kind: KindLabel, Span: sources.Span{Start: start, End: end}, Group: group,
				Text: part, Number: part})
		case len(out) > 0 && part != "":
			c := &out[len(out)-1]
			if c.Locator != "" {
				c.Locator += ", "
			}
			c.Locator += part
		default:
			return nil // "[sic]", "[see HTTP]": not a label citation
		}
		p = q + 1
	}
	return out
}
