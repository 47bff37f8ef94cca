package citations

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file links the short notes of a notes-and-bibliography text to the
// full entries they stand for. Chicago's notes give a work in full once,
// in the bibliography, and every note after that in short: "King 2003,
// p. 41." Wikipedia's shortened footnotes do the same and link the note to
// the entry: <a href="#CITEREFKing2003">King 2003</a>, p. 41. A short note
// is no duplicate of the other notes of its work, and the entry it points
// at is cited through it.

// linkShortNotes marks the short notes among the entries of lists and
// fills in the full entries each stands for: the entry its link points
// into, else the one entry by its first author in its year.
func linkShortNotes(doc *sources.Document, lists []ReferenceList) {
	var all []*Reference // every entry, in text order
	for li := range lists {
		for ei := range lists[li].Entries {
			all = append(all, &lists[li].Entries[ei])
		}
	}
	if len(all) < 2 {
		return
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Span.Start < all[j].Span.Start })
	var anchors map[string]sources.Span // built once a note links to one
	for _, e := range all {
		for _, l := range entryLinks(doc, e.Span) {
			if l.Footnote || len(l.URL) < 2 || l.URL[0] != '#' {
				continue // a footnote link cites another note: it is a citation
			}
			if anchors == nil {
				anchors = make(map[string]sources.Span, len(doc.Anchors))
				for _, a := range doc.Anchors {
					if k := anchorKey(a.ID); anchors[k] == (sources.Span{}) {
						anchors[k] = a.Span
					}
				}
			}
			a, ok := anchors[anchorKey(l.URL)]
			if !ok || e.Span.Contains(a) || marker(doc, a) {
				continue // a back-link to the marker of a note, which may sit in another note
			}
			if t := entryAt(all, a.Start); t != nil && t != e {
				e.Short = true
				if !containsString(e.Full, t.ID) {
					e.Full = append(e.Full, t.ID)
				}
			}
		}
	}
	// the notes written as "Author Year, page." without a link
	var notes []*Reference
	byYear := map[string][]*Reference{} // the full entries, by year
	for _, e := range all {
		switch {
		case e.Short:
		case shortNoteText(e.Text):
			e.Short = true
			notes = append(notes, e)
		case e.Year != "":
			y := normYear(e.Year)
			byYear[y] = append(byYear[y], e)
		}
	}
	for _, e := range notes {
		if f := fullEntry(e, byYear[normYear(e.Year)]); f != nil {
			e.Full = []string{f.ID}
		}
	}
}

// marker reports whether a span is (or holds) a footnote marker: a
// footnote link overlaps it.
func marker(doc *sources.Document, a sources.Span) bool {
	i := sort.Search(len(doc.Links), func(i int) bool { return doc.Links[i].Span.End > a.Start })
	for ; i < len(doc.Links) && doc.Links[i].Span.Start < max(a.End, a.Start+1); i++ {
		if doc.Links[i].Footnote {
			return true
		}
	}
	return false
}

// entryLinks returns the links of the document inside span, in order.
func entryLinks(doc *sources.Document, span sources.Span) []sources.Link {
	i := sort.Search(len(doc.Links), func(i int) bool { return doc.Links[i].Span.Start >= span.Start })
	j := i
	for j < len(doc.Links) && doc.Links[j].Span.Start < span.End {
		j++
	}
	return doc.Links[i:j]
}

// entryAt returns the entry whose span holds the text offset, or nil.
func entryAt(all []*Reference, offset int) *Reference {
	i := sort.Search(len(all), func(i int) bool { return all[i].Span.End > offset })
	if i < len(all) && all[i].Span.Start <= offset {
		return all[i]
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fullEntry returns the one entry among those of the note's year whose
// text opens with the note's first author, or nil when none or several
// do. It compares the entry's text rather than its parsed authors, which
// may have lost a compound name's first part ("Mein Smith, Philippa").
func fullEntry(note *Reference, sameYear []*Reference) *Reference {
	first := NormalizeName(firstNoteAuthor(note.Text))
	if first == "" {
		return nil
	}
	var found *Reference
	for _, f := range sameYear {
		head := stripBackLinks(f.Text)
		_, head = cutLabel(head)
		head = NormalizeName(head[:min(len(head), len(first)+16)])
		if head != first && !strings.HasPrefix(head, first+" ") {
			continue
		}
		if found != nil && WorkKey(found) != WorkKey(f) {
			return nil // two works by the author that year
		}
		if found == nil {
			found = f
		}
	}
	return found
}

// firstNoteAuthor returns the first author's name of a short note: "Hay"
// in "Hay, Maclagan & Gordon 2008, p. 72.", "Mein Smith" in "Mein Smith
// 2005, p. 6.".
func firstNoteAuthor(text string) string {
	s := stripBackLinks(text)
	_, s = cutLabel(s)
	names, _, ok := splitAtYear(s)
	if !ok {
		return ""
	}
	for _, sep := range []string{",", " & ", " and ", " et al"} {
		if i := strings.Index(names, sep); i >= 0 {
			names = names[:i]
		}
	}
	return strings.TrimSpace(names)
}

// splitAtYear cuts a note at its first year: the text before it, and
// after it (past a year suffix and a closing parenthesis).
func splitAtYear(s string) (before, after string, ok bool) {
	i, j := yearSpan(s)
	if i < 0 {
		return "", "", false
	}
	return strings.TrimRight(s[:i], " ("), strings.TrimLeft(s[j:], ")"), true
}

// shortNoteText reports whether an entry reads as a short note by author
// and year: names, a year, and at most the place in the work ("King 2003,
// p. 41.", "Hay, Maclagan & Gordon 2008, pp. 14–15.", "Smith (2019), 23",
// "Jones 2001a, chap. 3").
func shortNoteText(text string) bool {
	s := stripBackLinks(text)
	_, s = cutLabel(s)
	s = strings.TrimSpace(s)
	if len(s) > 120 {
		return false
	}
	names, rest, ok := splitAtYear(s)
	if !ok || !noteNames(names) {
		return false
	}
	return notePlace(rest)
}

// noteNames reports whether s is a short list of names: capitalised words
// (with their particles), joined by commas, "&", "and" or "et al.".
func noteNames(s string) bool {
	words := 0
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ',' || r == '&' || unicode.IsSpace(r) }) {
		if words++; words > 8 {
			return false
		}
		switch w {
		case "and", "et", "al.", "al":
			continue
		}
		if isParticle(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789\"“”:;()[]") {
			return false
		}
	}
	return words > 0
}

// notePlace reports whether s, what follows a short note's year, is at
// most a place in the work: ", p. 41.", ": 23–25", ", chap. 3", "".
func notePlace(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	s = strings.TrimLeft(s, ",: ")
	if s == "" {
		return true
	}
	if w, rest, ok := strings.Cut(s, " "); ok {
		switch strings.TrimRight(strings.ToLower(w), ".") {
		case "p", "pp", "at", "ch", "chap", "chapter", "sec", "§", "vol", "fig", "n", "note", "col", "para", "loc":
			s = rest
		}
	}
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == ',', r == ' ', r == '-', r == '–', r == '—', r == 'f', r == '.':
		case strings.ContainsRune("ivxlcdm", r):
		default:
			return false
		}
	}
	return true
}
