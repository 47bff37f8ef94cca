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
//
// Then it links the notes that name works by their titles to the
// bibliography (see linkNotesByTitle); targets are the anchors footnote
// links point at.
func linkShortNotes(doc *sources.Document, lists []ReferenceList, targets map[string]bool) {
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
	var markers []sources.Span          // the footnote links, in order
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
				for _, fl := range doc.Links {
					if fl.Footnote {
						markers = append(markers, fl.Span)
					}
				}
			}
			a, ok := anchors[anchorKey(l.URL)]
			if !ok || e.Span.Contains(a) || holdsMarker(markers, a) {
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
	for _, e := range all {
		if !e.Short && shortNoteText(e.Text) {
			e.Short = true
			notes = append(notes, e)
		}
	}
	if len(notes) > 0 {
		linkNotesByAuthor(all, notes)
	}
	linkNotesByTitle(all, targets)
}

// linkNotesByAuthor fills in the full entry each of notes, written as
// "Author Year, page." without a link, stands for: the one entry of all
// by its first author in its year.
func linkNotesByAuthor(all, notes []*Reference) {
	full := map[string][]fullHead{} // the full entries, by year and first word
	for _, e := range all {
		if !e.Short && e.Year != "" {
			head := entryHead(e.Text)
			k := normYear(e.Year) + " " + firstWord(head)
			full[k] = append(full[k], fullHead{e, head})
		}
	}
	found := map[string]*Reference{} // by year and first author: notes of one work ask once
	for _, e := range notes {
		first := NormalizeName(firstNoteAuthor(e.Text))
		if first == "" {
			continue
		}
		k := normYear(e.Year) + " " + first
		f, ok := found[k]
		if !ok {
			f = fullEntry(first, full[normYear(e.Year)+" "+firstWord(first)])
			found[k] = f
		}
		if f != nil {
			e.Full = []string{f.ID}
		}
	}
}

// fullHead is a full entry and the start of its text, normalised as names
// are (see entryHead).
type fullHead struct {
	ref  *Reference
	head string
}

// maxHeadLen is how much of an entry's start is compared with a short
// note's first author.
const maxHeadLen = 48

// entryHead returns the start of an entry's text, without back-links and
// label, normalised as names are: "mein smith philippa 2005 a concise".
func entryHead(text string) string {
	head := stripBackLinks(text)
	_, head = cutLabel(head)
	for i := min(len(head), maxHeadLen); i > 0; i-- {
		if utf8.RuneStart(head[i-1]) && (i == len(head) || utf8.RuneStart(head[i])) {
			return NormalizeName(head[:i])
		}
	}
	return ""
}

// holdsMarker reports whether a span is (or holds) a footnote marker: one
// of markers, the footnote links in order, overlaps it.
func holdsMarker(markers []sources.Span, a sources.Span) bool {
	i := sort.Search(len(markers), func(i int) bool { return markers[i].End > a.Start })
	return i < len(markers) && markers[i].Start < max(a.End, a.Start+1)
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

// fullEntry returns the one entry among candidates (the full entries of
// a note's year whose text opens with the same word) whose text opens with
// the note's first author, normalised, or nil when none or several works
// do. It compares the entry's text rather than its parsed authors, which
// may have lost a compound name's first part ("Mein Smith, Philippa"). It
// looks at no more than maxAuthorScan candidates.
func fullEntry(first string, candidates []fullHead) *Reference {
	var found *Reference
	for i, c := range candidates {
		if i == maxAuthorScan {
			return nil
		}
		if c.head != first && !strings.HasPrefix(c.head, first+" ") {
			continue
		}
		if found != nil && WorkKey(found) != WorkKey(c.ref) {
			return nil // two works by the author that year
		}
		if found == nil {
			found = c.ref
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
