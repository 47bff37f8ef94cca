package citations

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file holds the readers that need the document's reference list:
// citations that name their work only through an entry's author or title,
// which without the list would be too easily a date, an aside or a name in
// the news. Options.Lists turns them on.
//
//   - an author-date citation whose author the sentence names: "Haugen
//     recounts (2017, chap. 4)", "In Goldberg's account, … (2019, p. 211)";
//   - MLA's author-page citations without a page (see intext_mla.go).

// knownWorks is what the scanner knows of the document's entries.
type knownWorks struct {
	// authors holds the first authors of the entries, folded
	// (NormalizeName), with and without their particles and initials.
	authors map[string]bool
	// authorPage reports a list written as MLA's Works Cited is: no
	// labels, and the year comes after the title, not after the authors;
	// its documents cite by author alone ("(da Silva)").
	authorPage bool
	// notes reports a document that cites by footnotes or superscripts,
	// whose bibliography reads like an MLA list but whose text names
	// authors without citing them.
	notes bool
}

// maxShapeSample bounds the entries read to tell an MLA list from an
// author-date one.
const maxShapeSample = 64

// newKnownWorks indexes the entries of lists; it returns nil when they have
// none with an author.
func newKnownWorks(lists []ReferenceList, notes bool) *knownWorks {
	k := &knownWorks{authors: map[string]bool{}, notes: notes}
	entries, labelled, yearFirst, dated := 0, 0, 0, 0
	for _, l := range lists {
		for i := range l.Entries {
			e := &l.Entries[i]
			entries++
			if e.Label != "" {
				labelled++
			}
			if len(e.Authors) > 0 {
				k.addAuthor(e.Authors[0])
			}
			if e.Year != "" && len(e.Authors) > 0 && dated < maxShapeSample {
				dated++
				if yearFollowsAuthors(e.Text) {
					yearFirst++
				}
			}
		}
	}
	if len(k.authors) == 0 {
		return nil
	}
	k.authorPage = labelled == 0 && entries >= 2 && 2*yearFirst < dated
	return k
}

// works returns what the scanner knows of the document's entries, indexing
// them the first time it is asked: a document whose citations all name
// their authors and years never needs it.
func (sc *citeScanner) works() *knownWorks {
	if !sc.knownDone {
		sc.known, sc.knownDone = newKnownWorks(sc.lists, sc.notes), true
	}
	return sc.known
}

// addAuthor records a first author under the forms a citation may give:
// "van der Berg" also as "Berg", "J. Park" as "Park".
func (k *knownWorks) addAuthor(name string) {
	if _, rest := cutInitials(name); rest != name {
		name = rest
	}
	n := NormalizeName(name)
	if n == "" {
		return
	}
	k.authors[n] = true
	k.authors[stripParticles(n)] = true
}

// isAuthor reports whether a cited name is the first author of an entry.
func (k *knownWorks) isAuthor(name string) bool {
	if _, rest := cutInitials(name); rest != name {
		name = rest
	}
	n := NormalizeName(name)
	return n != "" && (k.authors[n] || k.authors[stripParticles(n)])
}

// yearFollowsAuthors reports whether an entry gives its year right after
// its authors, as author-date styles do: "Smith, J. (2019).", "Lund, K.,
// 2015.", "Pew Research Center. 2020.".
func yearFollowsAuthors(text string) bool {
	_, text = cutLabel(strings.TrimSpace(text))
	if len(text) > 300 {
		text = text[:300]
	}
	end := repeatedAuthorsEnd(text)
	if end == 0 {
		end = scanAuthors(text)
	}
	if end <= 0 {
		end, _ = scanCorporate(text)
	}
	return end > 0 && yearAfterAuthors(text, end)
}

// knownWindow is how far back, in bytes, the scanner looks for the author
// a citation without one leaves to the sentence: "Ó Briain is careful not
// to oversell. …, she writes, … (2022, p. 142)".
const knownWindow = 320

// authorBefore finds the nearest name before offset open, in the same
// block, at most knownWindow bytes back and outside parentheses, that is
// the first author of an entry. It returns the name as written.
func (sc *citeScanner) authorBefore(open int) (string, bool) {
	k := sc.works()
	if k == nil {
		return "", false
	}
	s := sc.s
	from := max(open-knownWindow, 0)
	if nl := strings.LastIndexByte(s[from:open], '\n'); nl >= 0 {
		from += nl + 1
	}
	for from < open && !utf8.RuneStart(s[from]) {
		from++
	}
	bt, _ := scanTokens(sc.back[:0], s, from, open)
	sc.back = bt
	depth := 0 // names inside an earlier parenthesis cite there, not here
	for j := len(bt) - 1; j >= 0; j-- {
		switch {
		case isPunctTok(bt[j], ')', ']'):
			depth++
		case isPunctTok(bt[j], '(', '[') && depth > 0:
			depth--
		}
		if depth > 0 || !capitalWord(s, bt[j]) {
			continue
		}
		end := bt[j].end
		for _, suffix := range []string{"'s", "’s"} { // "Goldberg’s account"
			if strings.HasSuffix(bt[j].text(s), suffix) {
				end -= len(suffix)
			}
		}
		// the name may open with particles or a prefix: "de la Cruz",
		// "Ó Briain"; the longest known form wins
		best := ""
		for i := j; i >= 0 && i >= j-3; i-- {
			if i < j && bt[i].kind != tokWord {
				break
			}
			if name := s[bt[i].start:end]; k.isAuthor(name) {
				best = name
			}
		}
		if best != "" {
			return best, true
		}
	}
	return "", false
}

// suppressed reads "(2017, chap. 4)" or "(2019)" with no name before it
// as an author-date citation of the author the sentence names, when that
// author has an entry: "Haugen recounts (2017, chap. 4)". Like "Gini
// (2014)", it is kept only in a text that cites by author and year
// elsewhere.
func (sc *citeScanner) suppressed(open, close int, ys []yearItem, loc string) {
	if sc.inLists(open) {
		return // "Lund, K. (2019)" in an entry of the list itself
	}
	name, ok := sc.authorBefore(open)
	if !ok {
		return
	}
	s := sc.s
	group := sources.Span{Start: open, End: close + 1}
	first := len(sc.out)
	for i, y := range ys {
		c := Citation{Kind: KindAuthorYear, Group: group, Authors: []string{name}, Year: y.text,
			Narrative: true, Span: sources.Span{Start: y.start, End: y.end}}
		if i == 0 {
			c.Span.Start = open
		}
		sc.out = append(sc.out, c)
	}
	last := &sc.out[len(sc.out)-1]
	last.Locator = loc
	if len(ys) == 1 {
		last.Span = group
	}
	for i := first; i < len(sc.out); i++ {
		sc.out[i].Text = s[sc.out[i].Span.Start:sc.out[i].Span.End]
	}
	// like a lone name before a year, it stands only in a text that cites
	// by author and year elsewhere
	sc.weak = append(sc.weak, open)
}

// inLists reports whether offset i lies in one of the reference lists,
// which are in text order.
func (sc *citeScanner) inLists(i int) bool {
	ls := sc.lists
	k := sort.Search(len(ls), func(k int) bool { return ls[k].Span.Start > i })
	return k > 0 && i < ls[k-1].Span.End
}
