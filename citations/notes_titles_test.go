package citations

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chicagoNotes is an article's notes and bibliography in Chicago's style
// as pandoc writes them in plain text, with notes for works the
// bibliography lists, one it does not (Hansen), one of another year (Ó
// Briain) and one of a misspelt author (Doyla).
const chicagoNotes = `Fungi and drought

Müller[2] measured backflow.[1] Others followed.[3][4][5][6][7][8][9][10]

Bibliography

Berg, Pieter van der, and Emre Çelik. “Pumping Stations and the Limits of
Gravity Drainage.” In Urban Water Futures, edited by María de la Cruz,
45–67. London: Routledge, 2021.

Coastal Resilience Trust. “Sea-Level Rise and Drainage Capacity in Twelve
Harbour Towns.” Plymouth: Coastal Resilience Trust, 2022.

Doyle, Máire. “The Farmers Who Stopped Ploughing.” The Western Courier,
August 19, 2022.

Müller, Anna. Cities Below the Tide Line. Bristol: Harbour Press, 2019.

———. “Tidal Drains Under Pressure: Backflow in Low-Lying European Ports.”
Journal of Coastal Engineering 41, no. 2 (2019): 101–18.

Ó Briain, Siobhán. Living with Soil Fungi. Dublin: Greenway Books, 2022.

[1] Anna Müller, Cities Below the Tide Line (Bristol: Harbour Press,
2019), 88; Coastal Resilience Trust, “Sea-Level Rise and Drainage
Capacity in Twelve Harbour Towns.”

[2] “Tidal Drains Under Pressure: Backflow in Low-Lying European Ports.”

[3] Van der Berg and Çelik, “Pumping Stations,” 50.

[4] Ibid., 52.

[5] Müller, Cities Below, 114.

[6] Mette Hansen and Emre Çelik, “Fungal Partners and Drought Tolerance
in Spring Barley,” Plant and Soil Letters 402 (2016): 311–24.

[7] Siobhán Ó Briain, Living with Soil Fungi (Dublin: Greenway Books,
2019).

[8] Máire Doyla, “The Farmers Who Stopped Ploughing,” The Western
Courier, August 19, 2022.

[9] Hansen and Çelik, “Fungal Partners,” 315.

[10] On drainage in general see the survey above.
`

func TestNotesLinkToTheBibliographyByTitle(t *testing.T) {
	lists := FindReferences(parseShape(t, chicagoNotes))
	type work struct {
		Text      string
		Status    Status
		Reference string
		Reason    string
	}
	byID := map[string]*Reference{}
	var notes []*Reference
	for li := range lists {
		for ei := range lists[li].Entries {
			e := &lists[li].Entries[ei]
			byID[e.ID] = e
			if e.Label != "" {
				notes = append(notes, e)
			}
		}
	}
	require.Len(t, notes, 10)
	title := func(id string) string {
		if id == "" {
			return ""
		}
		return byID[id].Title
	}
	tests := []struct {
		note string
		want []work
	}{
		{"1", []work{
			{"Anna Müller, Cities Below the Tide Line (Bristol: Harbour Press, 2019), 88", Resolved, "Cities Below the Tide Line", ""},
			{"Coastal Resilience Trust, “Sea-Level Rise and Drainage Capacity in Twelve Harbour Towns.”", Resolved, "Sea-Level Rise and Drainage Capacity in Twelve Harbour Towns", ""}}},
		{"2", []work{{"“Tidal Drains Under Pressure: Backflow in Low-Lying European Ports.”", Resolved,
			"Tidal Drains Under Pressure: Backflow in Low-Lying European Ports", ""}}}, // the author in the sentence
		{"3", []work{{"Van der Berg and Çelik, “Pumping Stations,” 50.", Resolved, "Pumping Stations and the Limits of Gravity Drainage", ""}}},
		{"4", []work{{"Ibid., 52.", Resolved, "Pumping Stations and the Limits of Gravity Drainage", ""}}},
		{"5", []work{{"Müller, Cities Below, 114.", Resolved, "Cities Below the Tide Line", ""}}},
		{"6", []work{{"Mette Hansen and Emre Çelik, “Fungal Partners and Drought Tolerance in Spring Barley,” Plant and Soil Letters 402 (2016): 311–24.", Unresolved, "", ""}}},
		{"7", []work{{"Siobhán Ó Briain, Living with Soil Fungi (Dublin: Greenway Books, 2019).", Mismatched, "Living with Soil Fungi",
			"the year differs: cited 2019, listed 2022"}}},
		{"8", []work{{"Máire Doyla, “The Farmers Who Stopped Ploughing,” The Western Courier, August 19, 2022.", Mismatched, "The Farmers Who Stopped Ploughing",
			"the author differs: cited Doyla, listed Doyle"}}},
		{"9", []work{{"Hansen and Çelik, “Fungal Partners,” 315.", Unresolved, "", ""}}},
		{"10", nil}, // no work: a remark
	}
	for i, tt := range tests {
		t.Run("note "+tt.note, func(t *testing.T) {
			e := notes[i]
			require.Equal(t, tt.note, e.Label)
			var got []work
			for _, w := range e.Works {
				text := e.Text[w.Span.Start-e.Span.Start : w.Span.End-e.Span.Start]
				got = append(got, work{text, w.Status, title(w.Reference), w.Reason})
			}
			assert.Equal(t, tt.want, got)
		})
	}
	for _, e := range byID {
		if e.Label == "" {
			assert.Empty(t, e.Works, "a bibliography entry names no work: %s", e.Text)
		}
	}
}

func TestNoteParts(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"[17] Müller, “Tidal Drains; Backflow,” 112; Coastal Resilience Trust, “Sea-Level Rise.”",
			[]string{"Müller, “Tidal Drains; Backflow,” 112", "Coastal Resilience Trust, “Sea-Level Rise.”"}},
		{"Müller, Cities Below the Tide Line, 88.↩︎", []string{"Müller, Cities Below the Tide Line, 88."}},
		{"  12. Ibid.  ", []string{"Ibid."}},
		{"[3] ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range noteParts(tt.text) {
			got = append(got, tt.text[p.start:p.end])
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestNoteYears(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{" (Bristol: Harbour Press, 2019), 88.", []string{"2019"}},
		{" Journal 41, no. 2 (2019): 1402–20, https://doi.org/10.5555/jce.2019.0412", []string{"2019"}},
		{" The Gazette, November 14, 2020, https://example.org/news/2018/11/14/x", []string{"2020"}},
		{" 1999–2005, 2019a, 12019, x2019", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, noteYears(tt.text), tt.text)
	}
}

// notesByTitle is n notes that each name one of n works whose titles share
// their first two words, and their bibliography, the notes with those two
// words again and again: a note is compared with at most maxTitleScan
// entries that share its title's first two or three words.
func notesByTitle(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\nText.[1]\n\nBibliography\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Author%s, Anna. “Tidal Drains %s Under Pressure.” Journal 4 (2019): 1–2.\n\n", letters(i), letters(i))
	}
	for i := range n {
		fmt.Fprintf(&b, "[%d] Anna Author%s, “Tidal Drains %s Under Pressure,” Journal 4 (2019): 1–2; see, Tidal Drains, Tidal Drains, 3.\n\n", i+1, letters(i), letters(i))
	}
	return b.String()
}

func TestNotesByTitleLinear(t *testing.T) {
	assertLinear(t, "bytes allocated", 128, func(n int) float64 {
		doc := parseShape(t, notesByTitle(n))
		var lists []ReferenceList
		bytes := allocated(func() { lists = FindReferences(doc) })
		notes := 0
		for _, l := range lists {
			for _, e := range l.Entries {
				if len(e.Works) > 0 {
					notes++
				}
			}
		}
		require.Equal(t, n, notes, "notes with works")
		return bytes
	})
}

// foldWordsPlain is foldWords as first written, one NormalizeName and one
// strings.Fields per word: the reference the faster one must agree with.
func foldWordsPlain(s string) []noteWord {
	var dst []noteWord
	start := -1
	flush := func(end int) {
		if start >= 0 {
			for _, w := range strings.Fields(NormalizeName(s[start:end])) {
				dst = append(dst, noteWord{w, start, end})
			}
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’' || r == '.' && start >= 0 {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += n
	}
	flush(len(s))
	return dst
}

func FuzzFoldWords(f *testing.F) {
	for _, s := range []string{"Anna Müller, Cities Below the Tide Line (Bristol: Harbour Press, 2019), 112.",
		"O’Connell, “Harbour Town Votes,” 4.", "Smith-Jones and J.R.R. Tolkien's", "ÉCOLE Ça 2019a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, foldWordsPlain(s), foldWords(nil, s))
	})
}

func TestLeadingWords(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Anna Müller, Cities Below", 2, "Anna Müller,"},
		{"  two  words  ", 1, "  two"},
		{"short", 5, "short"},
		{"", 3, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, leadingWords(tt.s, tt.n), "%q", tt.s)
	}
}
