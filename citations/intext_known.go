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

// knownWorks is what the scanner knows of the document's entries. Each
// part is built the first time it is needed: a document whose citations
// all name their authors and years needs none.
type knownWorks struct {
	lists []ReferenceList
	// authorPage reports a list written as MLA's Works Cited is: no
	// labels, the year after the title rather than the authors, and the
	// first author's given name spelt out ("Müller, Anna."); its
	// documents cite by author alone ("(da Silva)"). It is told from the
	// first maxShapeSample dated entries.
	authorPage bool
	// authors holds the first authors of the entries, folded
	// (NormalizeName), with and without their particles and initials;
	// nil until authorSet builds it.
	authors map[string]bool
	// titles holds the folded titles of the entries by their first two
	// words (titleKey); nil until titleSet builds it.
	titles map[string][]string
}

// maxKnownTitles bounds the titles compared with one cited title.
const maxKnownTitles = 64

// maxShapeSample bounds the entries read to tell an MLA list from an
// author-date one.
const maxShapeSample = 64

// newKnownWorks tells what kind of list lists are; it returns nil when
// they have no entry.
func newKnownWorks(lists []ReferenceList) *knownWorks {
	entries, labelled, yearFirst, dated, spelled := 0, 0, 0, 0, 0
	for _, l := range lists {
		entries += len(l.Entries)
		for i := range l.Entries {
			e := &l.Entries[i]
			if e.Label != "" {
				labelled++
			}
			if e.Year != "" && len(e.Authors) > 0 && dated < maxShapeSample {
				dated++
				if yearFollowsAuthors(e.Text) {
					yearFirst++
				}
				if givenNameSpelled(e) {
					spelled++
				}
			}
		}
	}
	if entries == 0 {
		return nil
	}
	// MLA: no labels, the year late, and the first author's given name
	// spelt out, "Müller, Anna." (Vancouver's "Müller A." puts its year
	// late too)
	mla := labelled == 0 && entries >= 2 && 2*yearFirst < dated && 3*spelled >= dated
	return &knownWorks{lists: lists, authorPage: mla}
}

// givenNameSpelled reports whether an entry opens with its first author
// inverted and the given name spelt out: "Müller, Anna.", "da Silva,
// Rafael.", not "Müller A." or "Müller, A.".
func givenNameSpelled(e *Reference) bool {
	_, text := cutLabel(strings.TrimSpace(e.Text))
	rest, ok := strings.CutPrefix(text, e.Authors[0]+", ")
	if !ok {
		return false
	}
	w, _, _ := strings.Cut(rest, " ")
	w = strings.TrimRight(w, ".,")
	return utf8.RuneCountInString(w) >= 2 && startsUpper(w) && hasLower(w)
}

// works returns what the scanner knows of the document's entries, or nil
// when it was given no lists.
func (sc *citeScanner) works() *knownWorks {
	if !sc.knownDone {
		sc.known, sc.knownDone = newKnownWorks(sc.lists), true
	}
	return sc.known
}

// authorSet returns the first authors of the entries, indexing them the
// first time.
func (k *knownWorks) authorSet() map[string]bool {
	if k.authors == nil {
		k.authors = map[string]bool{}
		for _, l := range k.lists {
			for i := range l.Entries {
				if e := &l.Entries[i]; len(e.Authors) > 0 {
					k.addAuthor(e.Authors[0])
				}
			}
		}
	}
	return k.authors
}

// titleSet returns the titles of the entries, indexing them the first
// time.
func (k *knownWorks) titleSet() map[string][]string {
	if k.titles == nil {
		k.titles = map[string][]string{}
		for _, l := range k.lists {
			for i := range l.Entries {
				if t := NormalizeName(l.Entries[i].Title); t != "" {
					if key := titleKey(t); len(k.titles[key]) < maxKnownTitles {
						k.titles[key] = append(k.titles[key], t)
					}
				}
			}
		}
	}
	return k.titles
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
	set := k.authorSet()
	return n != "" && (set[n] || set[stripParticles(n)])
}

// hasTitle reports whether a cited title is an entry's title or the start
// of one: MLA shortens a long title to its first words.
func (k *knownWorks) hasTitle(title string) bool {
	t := NormalizeName(title)
	if t == "" {
		return false
	}
	for _, e := range k.titleSet()[titleKey(t)] {
		if titleMatch(t, e) {
			return true
		}
	}
	return false
}

// titleKey is the key titles are indexed by: their first two words.
func titleKey(folded string) string {
	i := strings.IndexByte(folded, ' ')
	if i < 0 {
		return folded
	}
	if j := strings.IndexByte(folded[i+1:], ' '); j >= 0 {
		return folded[:i+1+j]
	}
	return folded
}

// titleMatch reports whether a folded cited title names the folded entry
// title: the same, or its first words.
func titleMatch(cited, entry string) bool {
	return cited == entry || wordPrefix(entry, cited)
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
