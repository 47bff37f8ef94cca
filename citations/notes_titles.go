package citations

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file links the notes of a Chicago notes-and-bibliography text to
// its bibliography by title. Chicago's notes name a work by its author, in
// natural order, and its title, in full the first time ("Anna Müller,
// Cities Below the Tide Line (Bristol: Harbour Press, 2019), 88.") and
// short after ("Müller, Cities Below, 114.", "Ibid."); the bibliography
// lists it inverted ("Müller, Anna. Cities Below the Tide Line. Bristol:
// Harbour Press, 2019.", "———." for the same author again). A note may
// name several works, parted by semicolons, or only a title when the
// sentence names the author ("Müller[2] measured …"). The notes are the
// entries footnote markers point at: labelled ("[2] …", "2. …") or a
// footnote link's target; the bibliography is the other entries.

// NoteWork is what linking found for one work a note names by its title.
type NoteWork struct {
	// Span covers the part of the note that names the work: "Müller,
	// “Tidal Drains Under Pressure,” 112" in a note of two works.
	Span sources.Span
	// Status is Resolved when a bibliography entry lists the work,
	// Mismatched when one lists its title but another author or year, and
	// Unresolved when none lists it.
	Status Status
	// Reference is the ID of the bibliography entry, resolved or
	// mismatched.
	Reference string
	// Reason says, for a mismatch, what differs.
	Reason string
}

// Bounds of title linking: the title words compared, the entries that
// share a title's first two or three words a note part is compared with.
const (
	maxTitleWords = 32
	maxTitleScan  = 64
)

// titleEntry is a bibliography entry indexed by its title.
type titleEntry struct {
	ref   *Reference
	title []string // folded title words, a leading article dropped
	first string   // folded first author, "" for none
	work  string   // WorkKey, computed once asked
	done  bool
}

// noteWord is a folded word of a note and where it lies in the note's
// text.
type noteWord struct {
	w          string
	start, end int
}

// linkNotesByTitle fills in Works and Full for the notes among all (every
// entry, in text order) that name works by title, when the text has a
// bibliography besides its notes. A part of a note that names no entry
// is recorded unresolved only when it reads as a work (a quoted title, an
// imprint "(Bristol: Harbour Press, 2019)") and the notes name entries of
// the bibliography three times for each such part: a text whose notes
// cite works of their own is no notes-and-bibliography text.
func linkNotesByTitle(all []*Reference, targets map[string]bool) {
	var notes, titled []*Reference
	for _, e := range all {
		switch {
		case e.Short:
		case e.Label != "" || e.Anchor != "" && (targets[e.Anchor] || strings.HasPrefix(e.Anchor, "cite_note-")):
			notes = append(notes, e)
		case e.Title != "":
			titled = append(titled, e)
		}
	}
	if len(notes) == 0 || len(titled) == 0 {
		return // no note, or no bibliography entry with a title: nothing to index
	}
	index := map[string][]*titleEntry{}
	bib := 0
	for _, e := range titled {
		t := foldTitle(e.Title)
		if len(t) == 0 {
			continue
		}
		te := &titleEntry{ref: e, title: t}
		if len(e.Authors) > 0 {
			te.first = NormalizeName(e.Authors[0])
		}
		// under its first two words, for a title shortened to them, and
		// its first three, for the others when many titles share two
		for n := min(len(t), 2); n <= min(len(t), 3); n++ {
			if k := strings.Join(t[:n], " "); len(index[k]) < maxTitleScan {
				index[k] = append(index[k], te)
			}
		}
		bib++
	}
	if bib == 0 {
		return
	}
	resolved, unresolved := 0, 0
	var prev []NoteWork // the works of the note before, for "Ibid."
	var words []noteWord
	for _, e := range notes {
		var works []NoteWork
		for _, part := range noteParts(e.Text) {
			span := sources.Span{Start: e.Span.Start + part.start, End: e.Span.Start + part.end}
			text := e.Text[part.start:part.end]
			if ibid(text) {
				for _, w := range prev {
					if w.Status != Unresolved {
						works = append(works, NoteWork{Span: span, Status: w.Status, Reference: w.Reference, Reason: w.Reason})
					}
				}
				continue
			}
			// a note names its work in its first words; an explanatory
			// note may run on for paragraphs
			words = foldWords(words[:0], leadingWords(text, maxNoteWords))
			w, ok := noteWork(index, text, words)
			switch {
			case ok:
				w.Span = span
				works = append(works, w)
				resolved++
			case readsAsWork(text):
				works = append(works, NoteWork{Span: span, Status: Unresolved})
				unresolved++
			}
		}
		e.Works = works
		prev = works
	}
	sure := resolved >= 3 && resolved >= 3*unresolved
	for _, e := range notes {
		kept := e.Works[:0]
		for _, w := range e.Works {
			if w.Status == Unresolved && !sure {
				continue
			}
			kept = append(kept, w)
			if w.Reference != "" && !containsString(e.Full, w.Reference) {
				e.Full = append(e.Full, w.Reference)
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		e.Works = kept
	}
}

// notePart is a part of a note's text that names one work.
type notePart struct{ start, end int }

// noteParts cuts a note's text, without its label and back-links, at the
// semicolons outside quotation marks: "Müller, “Tidal Drains,” 112;
// Coastal Resilience Trust, “Sea-Level Rise.”"
func noteParts(text string) []notePart {
	trimmed := strings.TrimSpace(text)
	_, rest := cutLabel(trimmed) // a suffix of trimmed, which has no trailing space
	from := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace)) + len(trimmed) - len(rest)
	var out []notePart
	quoted := false
	add := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && (isSpaceByte(text[e-1]) || strings.HasSuffix(text[s:e], "↩︎") || strings.HasSuffix(text[s:e], "↩")) {
			switch {
			case strings.HasSuffix(text[s:e], "↩︎"):
				e -= len("↩︎")
			case strings.HasSuffix(text[s:e], "↩"):
				e -= len("↩")
			default:
				e--
			}
		}
		if e > s {
			out = append(out, notePart{s, e})
		}
	}
	start := from
	for i := from; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“':
			quoted = true
		case '”':
			quoted = false
		case ';':
			if !quoted {
				add(start, i)
				start = i + n
			}
		}
		i += n
	}
	add(start, len(text))
	return out
}

// foldWords appends the words of s, folded as NormalizeName folds names,
// with where each lies in s.
func foldWords(dst []noteWord, s string) []noteWord {
	start := -1
	lower := "" // s in lower case, once a plain word needs it: its words are cut from it
	flush := func(end int) {
		if start < 0 {
			return
		}
		word := s[start:end]
		switch {
		case plainWord(word):
			if lower == "" {
				lower = asciiLower(s)
			}
			dst = append(dst, noteWord{lower[start:end], start, end})
		default:
			folded := NormalizeName(word)
			if strings.IndexByte(folded, ' ') < 0 {
				if folded != "" {
					dst = append(dst, noteWord{folded, start, end})
				}
				break
			}
			for _, w := range strings.Fields(folded) {
				dst = append(dst, noteWord{w, start, end})
			}
		}
		start = -1
	}
	for i := 0; i < len(s); {
		var inWord bool
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '.' && start >= 0
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '’'
		}
		if inWord {
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

// foldTitle returns a title's folded words without a leading article,
// at most maxTitleWords of them.
func foldTitle(title string) []string {
	w := strings.Fields(NormalizeName(title))
	if len(w) > 1 && isArticle(w[0]) {
		w = w[1:]
	}
	return w[:min(len(w), maxTitleWords)]
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

// noteWork finds the bibliography entry whose title the words of a note
// part name, starting where a title may (the part's start, or after a
// comma or an opening quotation mark), in full or shortened to its first
// words up to a punctuation mark. Of the entries whose title it names
// with the most words, it takes the one whose first author the words
// before the title name; entries of one work (a list's copies) are one.
// It checks the author and the year the part gives against the entry.
func noteWork(index map[string][]*titleEntry, text string, words []noteWord) (NoteWork, bool) {
	for i := range words {
		if !titleStart(text, words, i) {
			continue
		}
		for j := i; j <= i+1 && j < len(words); j++ {
			if j > i && !isArticle(words[i].w) {
				break
			}
			best, n := bestTitle(index, text, words, j)
			if best == nil {
				continue
			}
			return checkNoteWork(best, text, words[:i], words[j+n-1].end), true
		}
	}
	return NoteWork{}, false
}

// titleStart reports whether a title may start at the i-th word of a
// note part: the first word, one after a cue ("See", "Cf."), or one after
// a comma or an opening quotation mark.
func titleStart(text string, words []noteWord, i int) bool {
	if i == 0 {
		return true
	}
	gap := text[words[i-1].end:words[i].start]
	if strings.ContainsAny(gap, ",“\"‘«") {
		return true
	}
	return i == 1 && (words[0].w == "see" || words[0].w == "cf")
}

// bestTitle returns the entry whose title the words from j name with the
// most words, and that many words; nil when none or when entries of
// different works tie.
func bestTitle(index map[string][]*titleEntry, text string, words []noteWord, j int) (*titleEntry, int) {
	var cands []*titleEntry
	var kb [96]byte
	key := append(kb[:0], words[j].w...) // index[string(key)] copies nothing
	for k := j; k < j+3 && k < len(words); k++ {
		if k > j {
			key = append(append(key, ' '), words[k].w...)
		}
		if c := index[string(key)]; len(c) > 0 {
			cands = append(cands[:len(cands):len(cands)], c...)
		}
	}
	var best []*titleEntry
	bestN := 0
	for _, c := range cands {
		n := 0
		for n < len(c.title) && j+n < len(words) && words[j+n].w == c.title[n] {
			n++
		}
		if n < len(c.title) && (n < 2 || !titleEnds(text, words, j+n-1)) {
			continue // neither the whole title nor its first words up to a stop
		}
		switch {
		case n > bestN:
			best, bestN = append(best[:0], c), n
		case n == bestN:
			best = append(best, c)
		}
	}
	if len(best) == 0 {
		return nil, 0
	}
	found := best[0]
	for _, c := range best[1:] {
		if c.workKey() != found.workKey() {
			return nil, 0 // two works of one short title
		}
	}
	return found, bestN
}

func (t *titleEntry) workKey() string {
	if !t.done {
		t.work, t.done = WorkKey(t.ref), true
		if t.work == "" {
			t.work = "id:" + t.ref.ID
		}
	}
	return t.work
}

// titleEnds reports whether a shortened title may end at the k-th word:
// a punctuation mark follows it, not another word.
func titleEnds(text string, words []noteWord, k int) bool {
	end := len(text)
	if k+1 < len(words) {
		end = words[k+1].start
	}
	gap := strings.TrimSpace(text[words[k].end:end])
	return gap != "" || k+1 == len(words)
}

// checkNoteWork compares the author a note part names before the title
// (author, its folded words) and the years after the title (from after)
// with the entry.
func checkNoteWork(t *titleEntry, text string, author []noteWord, after int) NoteWork {
	w := NoteWork{Status: Resolved, Reference: t.ref.ID}
	for len(author) > 0 && (author[0].w == "see" || author[0].w == "also" || author[0].w == "cf") {
		author = author[1:]
	}
	if len(author) > 0 && t.first != "" && !namesAuthor(author, t.first) {
		cited := text[author[0].start:author[len(author)-1].end]
		if near := nearAuthor(text, author, t.first); near != "" {
			cited = near
		}
		w.Status = Mismatched
		w.Reason = fmt.Sprintf("the author differs: cited %s, listed %s", cited, t.ref.Authors[0])
		return w
	}
	if y := yearOnly(t.ref.Year); y != "" {
		if cited := noteYears(text[after:]); len(cited) > 0 && !containsString(cited, y) {
			w.Status = Mismatched
			w.Reason = fmt.Sprintf("the year differs: cited %s, listed %s", cited[0], t.ref.Year)
		}
	}
	return w
}

// namesAuthor reports whether the folded words name the author: hold the
// folded name, with or without its particles ("van der berg", "berg").
func namesAuthor(words []noteWord, author string) bool {
	name := strings.Fields(author)
	bare := strings.Fields(stripParticles(author))
	for i := range words {
		if wordsAt(words, i, name) || len(bare) < len(name) && wordsAt(words, i, bare) {
			return true
		}
	}
	return false
}

func wordsAt(words []noteWord, i int, name []string) bool {
	if len(name) == 0 || i+len(name) > len(words) {
		return false
	}
	for k, n := range name {
		if words[i+k].w != n {
			return false
		}
	}
	return true
}

// nearAuthor returns the word that spells the author's surname (its last
// word) a little differently, "Doyla" for "Doyle", or "".
func nearAuthor(text string, words []noteWord, author string) string {
	name := strings.Fields(author)
	if len(name) == 0 {
		return ""
	}
	last := name[len(name)-1]
	for _, w := range words {
		if closeName(w.w, last) {
			return text[w.start:w.end]
		}
	}
	return ""
}

// noteYears returns the years a note gives after a title: four digits
// from 1000 to 2099 standing alone, not in a URL, a range or a number.
func noteYears(s string) []string {
	var out []string
	for i := 0; i+4 <= len(s); i++ {
		if !allDigits(s[i:i+4]) || s[i] != '1' && s[i] != '2' || s[i] == '2' && s[i+1] != '0' {
			continue
		}
		if i > 0 && strings.IndexByte("0123456789/.-", s[i-1]) >= 0 || strings.HasSuffix(s[:i], "–") || unicode.IsLetter(lastRune(s[:i])) {
			i += 3
			continue
		}
		rest := s[i+4:]
		if rest != "" && (strings.IndexByte("0123456789/-", rest[0]) >= 0 || strings.HasPrefix(rest, "–") ||
			rest[0] == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' || unicode.IsLetter(firstRune(rest))) {
			i += 3
			continue
		}
		out = append(out, s[i:i+4])
		i += 3
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// ibid reports whether a note part stands for the work of the note
// before: "Ibid.", "Ibid., 45.", "Ibidem", "Id. at 4".
func ibid(s string) bool {
	s = strings.TrimSpace(s)
	prefix := func(p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }
	return prefix("ibid") || strings.EqualFold(s, "id.") || prefix("id.,") || prefix("id. at ")
}

// readsAsWork reports whether a note part that names no entry still reads
// as a work: a quoted title of two words or more, or an imprint in
// parentheses ("(Bristol: Harbour Press, 2019)").
func readsAsWork(s string) bool {
	if i := strings.Index(s, "“"); i >= 0 {
		if j := strings.Index(s[i:], "”"); j > 0 && strings.Contains(strings.TrimSpace(s[i+len("“"):i+j]), " ") {
			return true
		}
	}
	for i := strings.IndexByte(s, '('); i >= 0; {
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return false
		}
		in := s[i : i+j]
		if strings.Contains(in, ": ") && len(noteYears(in)) > 0 {
			return true
		}
		k := strings.IndexByte(s[i+j:], '(')
		if k < 0 {
			return false
		}
		i += j + k
	}
	return false
}

// plainWord reports whether w is ASCII letters and digits only, which
// NormalizeName folds by lowering their case.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return w != ""
}

// asciiLower returns s with its ASCII capitals lowered, byte for byte (so
// that offsets into s hold in it), without copying when it has none.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// maxNoteWords is how many words of a note part are read for the work it
// names: its authors, title and imprint.
const maxNoteWords = 60

// leadingWords returns the start of s up to the space after its first n
// words, or all of s.
func leadingWords(s string, n int) string {
	inWord := false
	for i := 0; i < len(s); i++ {
		switch space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'; {
		case space && inWord:
			inWord = false
			if n--; n == 0 {
				return s[:i]
			}
		case !space:
			inWord = true
		}
	}
	return s
}
