package resolve

import (
	"strings"

	"golang.org/x/net/html"
)

// abstractText turns a Crossref abstract, JATS XML such as
// "<jats:p>Rates fell.</jats:p>", into plain text: the markup dropped, each
// paragraph or title on a line of its own, entities decoded, runs of space
// collapsed, at most MaxSourceText bytes. It never fails: markup it cannot
// read is skipped.
func abstractText(jats string) string {
	if strings.TrimSpace(jats) == "" {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(jats))
	var raw strings.Builder
loop:
	for raw.Len() < 2*MaxSourceText {
		switch z.Next() {
		case html.ErrorToken:
			break loop
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			_, local, _ := strings.Cut(string(name), ":")
			if local == "" {
				local = string(name)
			}
			if local == "p" || local == "title" || local == "sec" {
				raw.WriteByte('\n')
			}
		case html.TextToken:
			raw.WriteString(strings.ReplaceAll(string(z.Text()), "\n", " "))
		}
	}
	var b strings.Builder
	for line := range strings.SplitSeq(raw.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Join(f, " "))
		}
	}
	return clipText(b.String(), MaxSourceText)
}
