package citations

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShortNoteText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"^ King 2003, p. 41.", true},
		{"^ a b Mein Smith 2005, p. 6.", true},
		{"Hay, Maclagan & Gordon 2008, pp. 14–15.", true},
		{"Smith (2019), 23", true},
		{"Jones 2001a, chap. 3.", true},
		{"van der Berg 2019: xii–xiv.", true},
		{"Garrison 2019.", true},
		{"King, Michael (2003). The Penguin History of New Zealand. Penguin.", false},
		{"Lancet 2004; 363: 1–5.", false},
		{"\"Tide mills today\" 2019, p. 3.", false},
		{"King 2003, p. 41, quoting the governor's letter of March.", false},
		{"Statistics New Zealand 2018 census, table 3.", false},
		{"No year at all, p. 4.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, shortNoteText(tt.text), tt.text)
	}
}

func TestShortNotesLinkToTheirEntries(t *testing.T) {
	doc := parseHTML(t, `<html><body><p>Settlers came.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
		Then more.<sup class="reference"><a href="#cite_note-2">[2]</a></sup> And others.<sup class="reference"><a href="#cite_note-3">[3]</a></sup>
		Finally.<sup class="reference"><a href="#cite_note-4">[4]</a></sup></p>
		<h2>References</h2><ol class="references">
		<li id="cite_note-1"><a href="#cite_ref-1">^</a> <a href="#CITEREFMein_Smith2005">Mein Smith 2005</a>, p. 6.</li>
		<li id="cite_note-2"><a href="#cite_ref-2">^</a> <a href="#CITEREFMein_Smith2005">Mein Smith 2005</a>, p. 23.</li>
		<li id="cite_note-3"><a href="#cite_ref-3">^</a> King 2003, p. 41.</li>
		<li id="cite_note-4"><a href="#cite_ref-4">^</a> Smith 1999, p. 2.</li></ol>
		<h2>Bibliography</h2><ul>
		<li><cite id="CITEREFMein_Smith2005">Mein Smith, Philippa (2005). <i>A Concise History of New Zealand</i>. Cambridge University Press.</cite></li>
		<li><cite id="CITEREFKing2003">King, Michael (2003). <i>The Penguin History of New Zealand</i>. Penguin.</cite></li>
		<li><cite>Smith, A. (1999). <i>One</i>. Press.</cite></li>
		<li><cite>Smith, A. (1999). <i>Two</i>. Press.</cite></li></ul></body></html>`)
	lists := FindReferences(doc)
	type entry struct {
		text  string
		short bool
		full  []string
	}
	var got []entry
	for _, l := range lists {
		for _, e := range l.Entries {
			got = append(got, entry{e.Text, e.Short, e.Full})
		}
	}
	require.Len(t, got, 8)
	assert.Equal(t, []entry{
		{"^ Mein Smith 2005, p. 6.", true, []string{"r5"}},  // by its link
		{"^ Mein Smith 2005, p. 23.", true, []string{"r5"}}, // by its link
		{"^ King 2003, p. 41.", true, []string{"r6"}},       // by author and year
		{"^ Smith 1999, p. 2.", true, nil},                  // two works by Smith in 1999
		{"Mein Smith, Philippa (2005). A Concise History of New Zealand. Cambridge University Press.", false, nil},
		{"King, Michael (2003). The Penguin History of New Zealand. Penguin.", false, nil},
		{"Smith, A. (1999). One. Press.", false, nil},
		{"Smith, A. (1999). Two. Press.", false, nil},
	}, got)
}

// notesAndBibliography is n short notes by n authors who share a first
// word, and the bibliography of their works: every note's author is
// compared with the entries of its year that open with that word, at most
// maxAuthorScan of them.
func notesAndBibliography(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\nText.\n\nNotes\n\n")
	for i := range n {
		fmt.Fprintf(&b, "%d. Mein Note%s 2019, p. 4.\n\n", i+1, letters(i))
	}
	b.WriteString("Bibliography\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Mein Entry%s, Anna. 2019. A title of the work %d. Press.\n\n", letters(i), i)
	}
	return b.String()
}

// letters writes n in letters: 0 is "a", 26 "ba".
func letters(n int) string {
	s := string(rune('a' + n%26))
	for n /= 26; n > 0; n /= 26 {
		s = string(rune('a'+n%26)) + s
	}
	return s
}

func TestShortNotesLinear(t *testing.T) {
	assertLinear(t, "bytes allocated", 128, func(n int) float64 {
		doc := parseShape(t, notesAndBibliography(n))
		var lists []ReferenceList
		bytes := allocated(func() { lists = FindReferences(doc) })
		short := 0
		for _, l := range lists {
			for _, e := range l.Entries {
				if e.Short {
					short++
				}
			}
		}
		require.Equal(t, n, short, "short notes")
		return bytes
	})
}
