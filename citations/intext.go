package citations

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// Find returns every in-text citation of a document, one per cited work, in
// text order, with IDs "c1", "c2", … It reads:
//
//   - author-year and author-page citations and bracketed numbers in the
//     text (see ScanText), except inside preformatted blocks;
//   - superscripts holding numbers ("2", "2,3", "4–6"), with AMA's
//     pinpoints and cross-references ("3(p88)", "5(chap6),see also 4");
//     after a number only when it is a year ("since 2019<sup>6</sup>"),
//     after a short word only when it is a preposition or the
//     superscript no exponent ("by<sup>4</sup>", not "m<sup>2</sup>");
//   - footnote links (Link.Footnote), one citation per link;
//   - bracketed labels of the document's entries, with Options.Lists:
//     "[HTTP]", "[RFC6749, Section 4.2]", "[20; 21a]" (a number beside a
//     label is a label); where the list is labelled in an alphabetic
//     style, also the keys shaped like its labels, "[Müll16a]";
//   - hyperlinks in the body to other sites;
//   - DOIs written out in the text, not linked: "doi:10.1038/nature12373",
//     "DOI 10.…", "https://doi.org/10.…" (link citations whose URL is the
//     DOI's resolver URL, "https://doi.org/10.…");
//   - Markdown footnote references left as text, "[^5]", because no
//     definition matched them: footnote citations whose target is missing.
//
// A superscript covered by a link that is not a footnote (a back-link from
// the note to the text) or opening a block (a note's own label) is not a
// citation. A marker counts once: a footnote link wins over the number or
// superscript it sits in, and a hyperlink whose anchor text is itself a citation
// ("(<a>Smith, 2019</a>)") gives that citation its URL instead of adding a
// link citation. So does a hyperlink, a URL or a DOI written in an
// author-year group after the part that names the work ("(Hughes et al.,
// 2018, https://doi.org/10.1038/nature25746)"): the citation carries its
// own source (see Link). Citations inside reference lists are returned
// too; the caller knows where those lists are.
//
// Find tells links to the article's own site by their host name, without
// "www."; FindWithOptions with Options.SiteOf tells them by registrable
// domain, as the citecheck pipeline does.
//
// Find builds at most DefaultMaxCitations citations: past them it returns
// nil, never part of the citations. FindWithOptions says why, and takes
// other limits.
func Find(doc *sources.Document) []Citation {
	found, err := FindWithOptions(doc, Options{})
	if err != nil {
		return nil
	}
	return found
}

// DefaultMaxCitations is the most citations Find builds for one document:
// a hundred times those of a long review, and far fewer than a range such
// as "[1–49]" repeated over a document of sources.DefaultMaxBytes makes.
const DefaultMaxCitations = 100_000

// DefaultMaxNumber is the largest number read as a numeric citation unless
// Options.MaxNumber says otherwise: "[2020]" is far more often a year than
// the 2,020th entry of a list.
const DefaultMaxNumber = 999

// ErrTooManyCitations means a document has more citations than
// Options.MaxCitations allows; it wraps sources.ErrLimit.
var ErrTooManyCitations = fmt.Errorf("too many citations (%w)", sources.ErrLimit)

// Options control FindWithOptions and FindReferencesWithOptions. The zero
// value is what Find and FindReferences do.
type Options struct {
	// SiteOf returns the site a host belongs to (site.Of: its registrable
	// domain), so that links to the article's own site, which are
	// navigation and neither citations nor an entry's URL, are told from
	// links to others. Nil compares host names without "www.".
	SiteOf func(host string) string
	// MaxCitations is the most citations FindWithOptions builds for a
	// document; zero means DefaultMaxCitations.
	MaxCitations int
	// MaxNumber is the largest number FindWithOptions reads as a numeric
	// citation, bracketed or superscript; zero means DefaultMaxNumber. A
	// document whose reference list is numbered further is read with the
	// LargestLabel of its lists.
	MaxNumber int
	// MaxReferences is the most reference entries
	// FindReferencesWithOptions reads from a document; zero means
	// DefaultMaxReferences.
	MaxReferences int
	// Lists are the document's reference lists (FindReferences), when
	// the caller has them. With them FindWithOptions also reads the
	// citations that name their work only through an entry's author:
	// "(2017, chap. 4)" after "Haugen recounts", and in a document whose
	// list is MLA's Works Cited "(da Silva)", "(Müller, Cities Below the
	// Tide Line 88)", "(211)" after "In Goldberg's account" or "Ferreira
	// et al." in the sentence. Without the list such text is too often a
	// date, an aside or a name in the news.
	Lists []ReferenceList
	// ParenNumbers reads numbers in parentheses, "(1)", "(1,2)", "(1–4)",
	// "(see 13)", as numeric citations, the way Vancouver style writes
	// them. Set it for a document whose reference list is numbered (see
	// Numbered): elsewhere "(1) first … (2) second" enumerates. Even so
	// they are kept only in a document that cites no other way by
	// number (brackets, superscripts, footnotes), where they would be
	// equations' or steps' numbers.
	ParenNumbers bool
	// ReferenceHeadings are more names of reference sections for
	// FindReferencesWithOptions, beside the ones it knows ("References",
	// "Works Cited", "Einzelnachweise"): a house style's "Sources
	// consulted", or "Further reading" where a publication lists its
	// sources under it. They are compared as sources.HeadingKey folds
	// them (case, spacing, numbering and a trailing colon ignored), and
	// like "References" they always open a section.
	ReferenceHeadings []string
}

// FindWithOptions is Find, configured by opts. A document with more
// citations than opts.MaxCitations is an error wrapping
// ErrTooManyCitations (and so sources.ErrLimit), with no citations. They
// are counted as they are found, so that no more than one past the limit
// is built: a lone name's year that Find drops at the end, in a text that
// does not cite by author and year ("Gini (2014)"), counts too.
func FindWithOptions(doc *sources.Document, opts Options) ([]Citation, error) {
	if doc == nil {
		return nil, nil
	}
	lim := scanLimits{citations: opts.MaxCitations, number: opts.MaxNumber, parenNumbers: opts.ParenNumbers}
	if lim.citations <= 0 {
		lim.citations = DefaultMaxCitations
	}
	if lim.number <= 0 {
		lim.number = DefaultMaxNumber
	}
	tooMany := fmt.Errorf("%w: more than %d citations", ErrTooManyCitations, lim.citations)
	// the footnotes first: a marker of the text under a footnote link is
	// not counted, nor kept
	notes, ok := footnoteCitations(doc, lim.citations)
	if !ok {
		return nil, tooMany
	}
	dangling, ok := danglingFootnotes(doc, lim.citations-len(notes))
	if !ok {
		return nil, tooMany
	}
	footnotes := append(notes, dangling...)
	noteSpans := newSpanIndex(len(footnotes))
	for _, c := range footnotes {
		noteSpans.add(c.Group)
	}
	noteSpans.build()
	// sorted by Span.Start, as ScanText returns them, with room for the
	// citations of links and superscripts that join them below (a
	// footnote link is usually a superscript too, and cites once)
	footnoteLinks := 0
	for i := range doc.Links {
		if doc.Links[i].Footnote {
			footnoteLinks++
		}
	}
	keep := func(group sources.Span) bool {
		return !inPreformatted(doc, group) && (len(footnotes) == 0 || !noteSpans.overlaps(group))
	}
	text, ok := scanText(doc.Text, len(doc.Links)+max(0, len(doc.Superscripts)-footnoteLinks),
		scanLimits{citations: lim.citations - len(footnotes), number: lim.number, keep: keep,
			lists: opts.Lists, notes: len(footnotes) > 0 || len(doc.Superscripts) > 0, parenNumbers: lim.parenNumbers})
	if !ok {
		return nil, tooMany
	}
	// an entry's label is read in preformatted text too: the blocks of an
	// RFC in <pre> are, and code does not hold a bracketed label by chance;
	// a bracket read already, "[20]" as a number, is not read again
	scanned := newSpanIndex(len(text))
	for _, c := range text {
		scanned.add(c.Group)
	}
	scanned.build()
	keepLabel := func(group sources.Span) bool {
		return (len(footnotes) == 0 || !noteSpans.overlaps(group)) && !scanned.overlaps(group)
	}
	labelled, ok := labelCitations(doc.Text, entryLabels(opts.Lists), keepLabel, lim.citations-len(footnotes)-len(text))
	if !ok {
		return nil, tooMany
	}
	if len(labelled) > 0 {
		text = append(text, labelled...)
		sort.SliceStable(text, func(i, j int) bool { return text[i].Span.Start < text[j].Span.Start })
	}
	groups := newSpanIndex(len(text))
	for _, c := range text {
		groups.add(c.Group)
	}
	groups.build()
	links := newSpanIndex(len(doc.Links))
	for _, l := range doc.Links {
		links.add(l.Span)
	}
	links.build()
	room := lim.citations - len(footnotes) - len(text)
	supers, ok := superscriptCitations(doc, groups, noteSpans, links, scanLimits{citations: room, number: lim.number})
	if !ok {
		return nil, tooMany
	}
	if len(supers) == 0 && len(footnotes) == 0 && !slices.ContainsFunc(text, func(c Citation) bool { return c.Kind == KindNumeric }) {
		flat, ok := flatNoteCitations(doc.Text, opts.Lists, keep, room)
		if !ok {
			return nil, tooMany
		}
		if len(flat) > 0 {
			text = append(text, flat...)
			sort.SliceStable(text, func(i, j int) bool { return text[i].Span.Start < text[j].Span.Start })
			room -= len(flat)
		}
	}
	if opts.ParenNumbers && otherNumbering(doc, text, supers, footnotes) {
		text = dropParenNumbers(doc.Text, text)
	}
	linked, ok := linkCitations(doc, text, opts.SiteOf, room-len(supers))
	if !ok {
		return nil, tooMany
	}
	written, ok := writtenSourceCitations(doc, text, links, noteSpans, room-len(supers)-len(linked))
	if !ok {
		return nil, tooMany
	}
	out := slices.Grow(text, len(supers)+len(footnotes)+len(linked)+len(written))
	out = append(append(append(append(out, supers...), footnotes...), linked...), written...)
	if out == nil {
		out = []Citation{} // as it always was: empty, not nil
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Span.Start != out[j].Span.Start {
			return out[i].Span.Start < out[j].Span.Start
		}
		return out[i].Span.End < out[j].Span.End
	})
	numberIDs(out)
	return out, nil
}

// ScanText returns the citations written in plain text, with spans relative
// to text and IDs "c1", "c2", … in order:
//
//   - parenthetical author-year groups: "(Ma et al., 2020)", "(Smith, 2019;
//     Jones & Lee, 2020)" (one citation per work, each with the span of its
//     part), "(Lund 2011, 2013)" (two), "(see Keller 2014, p. 212)" (with a
//     Locator), "(Pew Research Center, n.d.)";
//   - the same inside square brackets, as nested in parentheses: "(e.g.,
//     enamel [Spalding et al., 2005])";
//   - narrative author-year citations (Narrative set): "Chen and Ortiz
//     (2020)", "Ma et al. (2020)", "Smith's (2019)", "the Pew Research
//     Center (2021)", and "Pauli et al., 2014" without parentheses (only
//     with "et al."). With several years, "Smith (2019, 2021)", the first
//     citation spans "Smith (2019" and the others their year;
//   - MLA author-page citations: "(Nakamura 45)", "(Nakamura and Lee 112)";
//   - bracketed numbers: "[3]", "[2, 3]", "[4–6]" (one citation per number
//     of a range, each with the span of the range), "[5]–[9]", with a
//     pinpoint ("[3, p. 12]", "[11, Ch. 4]") or a cue ("[see 4]");
//   - Unicode superscript numbers attached to a word, "shown¹²", or
//     following a year or a short word as in Find: "since 2019⁶", "by⁴";
//   - superscripts as pandoc writes them in plain text when Unicode has
//     no superscript for them, attached the same way: "shown^(1,2)",
//     "^(3(p88))", "^(see 13)".
//
// It is conservative: labels ("(Table 1)", "(Figure 2)"), statistics
// ("(n = 35)", "(p < .05)"), dates ("(October 15, 2023)", "(2019–2020)"),
// titles ("the film Groundhog Day (1993)"), years in brackets ("[2020]"),
// editorial brackets ("[sic]"), array indices ("x[3]") and units ("km²")
// are not citations. "(ibid.)" has neither author nor year and is not read
// as a citation either, nor is a publisher ("(Fourth Estate, 2012)"). A
// journal named before the year is passed over: "(Kwong et al., PLOS
// Genetics 2008)" cites Kwong et al. Nothing spans a line break. A single
// word before a lone year, "Gini (2014)", "Smith (2019)", is read as a
// narrative citation only when a reporting verb follows it ("Smith (2019)
// found") or the text has other author-year citations (reference entries,
// "Sancton, Andrew (2000).", do not count); even then a bare title before
// a year, "Casablanca (1942)", cannot be told from a surname.
//
// Like Find, ScanText reads numbers up to DefaultMaxNumber and builds at
// most DefaultMaxCitations citations: past them it returns nil.
func ScanText(text string) []Citation {
	out, _ := scanText(text, -1, scanLimits{citations: DefaultMaxCitations, number: DefaultMaxNumber})
	numberIDs(out)
	return out
}

// scanLimits bound what scanText reads.
type scanLimits struct {
	// citations is the most citations to keep; the scan stops at one
	// more.
	citations int
	// number is the largest citation number.
	number int
	// keep, when set, says which citations to keep, by their group; the
	// others are dropped as soon as their marker is read.
	keep func(group sources.Span) bool
	// lists are the document's reference lists, or nil; notes reports
	// that it cites by footnotes or superscripts.
	lists []ReferenceList
	notes bool
	// parenNumbers reads "(1)", "(1,2)" as numeric citations (see
	// Options.ParenNumbers).
	parenNumbers bool
}

// scanText is ScanText without the IDs, which Find sets itself. With
// extra >= 0 it makes room up front for the citations it will probably
// find and extra more (the result is then never nil); ScanText keeps its
// nil result for a text without citations. With more citations than
// lim.citations it stops, and returns nil and false.
func scanText(text string, extra int, lim scanLimits) ([]Citation, bool) {
	sc := citeScanner{s: text, limit: lim.citations, maxNumber: lim.number, lists: lim.lists, notes: lim.notes,
		parenNumbers: lim.parenNumbers, bracketNotes: bracketLabelled(lim.lists)}
	// most citations open with a bracket or a parenthesis: one allocation
	// for them up front rather than a series of growing copies
	if extra >= 0 {
		n := min(strings.Count(text, "(")+strings.Count(text, "["), maxPresized, lim.citations) + min(extra, maxPresized)
		sc.out = make([]Citation, 0, n)
	}
	// where the next of each delimiter is; they only move forward, which
	// keeps the scan linear however the delimiters nest
	closeParen, openParen := nextByte{c: ')'}, nextByte{c: '('}
	closeBracket, newline := nextByte{c: ']'}, nextByte{c: '\n'}
	kept := 0 // sc.out[:kept] are kept; the others are the last marker's
	for i := 0; i < len(text); {
		if kept = sc.keepFrom(kept, lim.keep); kept > sc.limit {
			break
		}
		for i < len(text) && !markerStart[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		switch text[i] {
		case '(':
			// the next ')' on the line, with no '(' before it; numbers
			// may wrap, "(see\n13)"
			if c := closeParen.after(text, i+1); c-i <= maxParen && c < openParen.after(text, i+1) {
				if c < newline.after(text, i+1) {
					sc.paren(i, c)
				} else if sc.parenNumbers {
					sc.numberParen(i, c)
				}
			}
			i++
		case '[':
			if c := closeBracket.after(text, i+1); c-i <= maxBracket && c < newline.after(text, i+1) {
				i = sc.bracket(i, c)
				continue
			}
			i++
		case 0xC2, 0xE2:
			i = sc.superscript(i)
		case '^':
			i = sc.caretSuperscript(i)
		case 'e':
			if i+1 < len(text) && text[i+1] == 't' {
				i = sc.bareEtAl(i)
				continue
			}
			i++
		default:
			i++
		}
	}
	if sc.keepFrom(kept, lim.keep) > sc.limit {
		return nil, false
	}
	sc.dropWeakNarratives()
	byStart := func(i, j int) bool { return sc.out[i].Span.Start < sc.out[j].Span.Start }
	if !sort.SliceIsSorted(sc.out, byStart) {
		sort.SliceStable(sc.out, byStart)
	}
	return sc.out, true
}

// keepFrom drops the citations of sc.out[from:] that keep rejects, and
// returns how many are left. It runs between markers, once a marker's
// citations are complete: what a marker read (sc.covered, sc.strong) stands
// whether its citations are kept or not.
func (sc *citeScanner) keepFrom(from int, keep func(sources.Span) bool) int {
	if keep == nil {
		return len(sc.out)
	}
	out := sc.out[:from]
	for _, c := range sc.out[from:] {
		if keep(c.Group) {
			out = append(out, c)
		}
	}
	sc.out = out
	return len(out)
}

// maxPresized bounds the citations scanText makes room for before it
// finds any, whatever the input holds.
const maxPresized = 1024

// nextByte finds the next occurrence of a byte, remembering it so that
// asking again from a later offset costs nothing until it is passed.
type nextByte struct {
	c  byte
	at int // the occurrence found, or len(s)
	ok bool
}

// after returns the index of the first c at or after i, or len(s). Calls
// must not go backwards.
func (n *nextByte) after(s string, i int) int {
	if n.ok && i <= n.at {
		return n.at
	}
	n.ok = true
	if j := strings.IndexByte(s[i:], n.c); j >= 0 {
		n.at = i + j
	} else {
		n.at = len(s)
	}
	return n.at
}

// markerStart marks the bytes where a citation can start: parentheses,
// brackets, the first byte of a superscript digit, the caret of "^(3)"
// and the "e" of "et al".
var markerStart = [256]bool{'(': true, '[': true, 0xC2: true, 0xE2: true, 'e': true, '^': true}

// numberIDs sets the IDs "c1", "c2", … in order.
func numberIDs(cs []Citation) {
	sources.SequentialIDs("c", len(cs), func(i int, id string) { cs[i].ID = id })
}

// inPreformatted reports whether a span starts inside a preformatted block.
func inPreformatted(doc *sources.Document, s sources.Span) bool {
	b := doc.BlockAt(s.Start)
	return b >= 0 && doc.Blocks[b].Kind == sources.BlockPreformatted
}

// spanIndex answers whether a span overlaps any of a set of spans in
// O(log n): the spans sorted by start, with the running maximum of their
// ends.
type spanIndex struct {
	spans  []sources.Span
	maxEnd []int
}

func newSpanIndex(n int) *spanIndex { return &spanIndex{spans: make([]sources.Span, 0, n)} }

func (x *spanIndex) add(s sources.Span) { x.spans = append(x.spans, s) }

func (x *spanIndex) build() {
	sort.Slice(x.spans, func(i, j int) bool { return x.spans[i].Start < x.spans[j].Start })
	x.maxEnd = make([]int, len(x.spans))
	m := 0
	for i, s := range x.spans {
		m = max(m, s.End)
		x.maxEnd[i] = m
	}
}

// overlaps reports whether q overlaps one of the spans.
func (x *spanIndex) overlaps(q sources.Span) bool {
	// spans starting before q ends; one of them overlaps q if it ends after
	// q starts
	i := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].Start >= q.End })
	return i > 0 && x.maxEnd[i-1] > q.Start && q.Len() > 0
}

// startsBlock reports whether offset is where a block's text begins
// (ignoring spaces), as a footnote's own label does.
func startsBlock(doc *sources.Document, offset int) bool {
	b := doc.BlockAt(offset)
	if b < 0 {
		return offset == 0 || doc.Text[offset-1] == '\n'
	}
	return strings.TrimSpace(doc.Text[doc.Blocks[b].Span.Start:offset]) == ""
}

// footnoteCitations returns a citation per footnote link; with more than
// room of them, nil and false.
func footnoteCitations(doc *sources.Document, room int) ([]Citation, bool) {
	n := 0
	for _, l := range doc.Links {
		if l.Footnote {
			n++
		}
	}
	if n == 0 {
		return nil, true
	}
	if n > room { // n is at least the citations: count them
		n = 0
		for _, l := range doc.Links {
			if l.Footnote && l.Span.Len() > 0 && !inPreformatted(doc, l.Span) {
				n++
			}
		}
		if n > room {
			return nil, false
		}
	}
	out := make([]Citation, 0, n)
	for _, l := range doc.Links {
		if !l.Footnote || l.Span.Len() <= 0 || inPreformatted(doc, l.Span) {
			continue
		}
		text := doc.Slice(l.Span)
		number := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "[]()"))
		target := l.URL
		if i := strings.IndexByte(target, '#'); i >= 0 {
			target = target[i+1:]
		} else if i := strings.IndexByte(l.Href, '#'); i >= 0 {
			target = l.Href[i+1:]
		}
		group := l.Span
		// brackets written around the link: "[<a>3</a>]"
		if group.Start > 0 && group.End < len(doc.Text) && doc.Text[group.Start-1] == '[' && doc.Text[group.End] == ']' {
			group = sources.Span{Start: group.Start - 1, End: group.End + 1}
		}
		out = append(out, Citation{Kind: KindFootnote, Span: l.Span, Group: group, Text: text, Number: number, Target: target})
	}
	return out, true
}

// superscriptCitations returns the numeric citations written as
// superscripts ("<sup>2,3</sup>") that neither a footnote link nor the text
// scan already covers; with more than lim.citations of them, nil and
// false.
func superscriptCitations(doc *sources.Document, found, footnotes, links *spanIndex, lim scanLimits) ([]Citation, bool) {
	var out []Citation
	var buf [8]numRange
	for _, sp := range doc.Superscripts {
		if len(out) > lim.citations {
			return nil, false
		}
		text := doc.Slice(sp)
		if text == "" || inPreformatted(doc, sp) || footnotes.overlaps(sp) || found.overlaps(sp) ||
			links.overlaps(sp) || startsBlock(doc, sp.Start) {
			continue // a back-link ("<sup><a href="#ref-1">1</a></sup>") or a note's own label
		}
		start, end := sp.Start, sp.End
		for start < end && doc.Text[start] == ' ' {
			start++
		}
		for end > start && doc.Text[end-1] == ' ' {
			end--
		}
		if end-start >= 2 && doc.Text[start] == '[' && doc.Text[end-1] == ']' {
			start, end = start+1, end-1
		}
		if start >= end {
			continue
		}
		items, loc, ok := parseNumberList(doc.Text, start, end, buf[:], lim.number)
		if !ok || !supAttached(doc.Text, sp.Start, items) {
			continue // "10<sup>6</sup>", "m<sup>2</sup>"
		}
		sc := citeScanner{s: doc.Text, out: out, limit: lim.citations}
		sc.emitNumbers(items, sp, loc)
		out = sc.out
	}
	if len(out) > lim.citations {
		return nil, false
	}
	return out, true
}

// flatNoteCitations returns the note numbers of a text whose
// superscripts were lost on the way (pasted from a word processor, taken
// from a PDF): "…between 1950 and 1970.1 Most of the closures followed the
// Beeching report of 1963.2". A number counts when it follows a
// punctuation mark at once and ends a sentence or a line, when a list
// numbers its entries from 1, and only as the next of the run 1, 2, 3, …
// in the order the text gives them, which neither a decimal figure nor a
// stray number keeps to; fewer than two in the run are none. With more
// than room of them, nil and false.
func flatNoteCitations(text string, lists []ReferenceList, keep func(sources.Span) bool, room int) ([]Citation, bool) {
	labels, inLists := 0, newSpanIndex(len(lists))
	for _, l := range lists {
		inLists.add(l.Span)
		if len(l.Entries) >= 2 && l.Entries[0].Label == "1" && l.Entries[1].Label == "2" {
			labels = max(labels, len(l.Entries))
		}
	}
	inLists.build()
	if labels == 0 {
		return nil, true
	}
	var out []Citation
	next := 1
	for i := 1; i < len(text) && next <= labels; i++ {
		c := text[i]
		if c < '0' || c > '9' {
			continue
		}
		mark := lastRuneBefore(text, i)
		if !strings.ContainsRune(".!?,;:\")”", mark) {
			continue
		}
		end := i
		for end < len(text) && end-i < 3 && text[end] >= '0' && text[end] <= '9' {
			end++
		}
		if end < len(text) && text[end] != ' ' && text[end] != '\n' {
			continue // "3.5%", "1.2m"
		}
		if mark == ',' || mark == ';' || mark == ':' {
			// a clause goes on after its note: "As Davies wrote,1 the
			// lines…", but not after a figure's comma ("2,1 percent")
			if before := lastRuneBefore(text, i-1); !unicode.IsLetter(before) {
				continue
			}
		} else if end+1 < len(text) && text[end] == ' ' && !unicode.IsUpper(rune(text[end+1])) && text[end+1] != '"' && text[end+1] < utf8.RuneSelf {
			continue // "rose 2.1 percent": a sentence goes on with a capital
		}
		n, _ := strconv.Atoi(text[i:end])
		sp := sources.Span{Start: i, End: end}
		if n != next || inLists.overlaps(sp) || keep != nil && !keep(sp) {
			i = end - 1
			continue
		}
		out = append(out, Citation{Kind: KindNumeric, Number: text[i:end], Span: sp, Group: sp, Text: text[i:end]})
		if len(out) > room {
			return nil, false
		}
		next++
		i = end - 1
	}
	if len(out) < 2 {
		return nil, true
	}
	return out, true
}

// lastRuneBefore returns the rune that ends text[:i], or 0.
func lastRuneBefore(text string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// maxCitationLen bounds the length of a citation's span in the text.
const maxCitationLen = maxParen + narrativeWindow + 100

// linkCitations returns a citation per hyperlink in the body that points
// to another site; with more than room of them, nil and false. A link over
// a citation already found gives it its URL.
func linkCitations(doc *sources.Document, found []Citation, siteOf func(string) string, room int) ([]Citation, bool) {
	sites := newLinkSites(doc, siteOf)
	var out []Citation
	for _, l := range doc.Links {
		if !l.InBody || l.Footnote || l.Span.Len() <= 0 || strings.TrimSpace(doc.Slice(l.Span)) == "" {
			continue
		}
		if !sites.external(l.URL) {
			continue
		}
		if inPreformatted(doc, l.Span) {
			continue
		}
		attached := false
		// found is sorted by start and its spans are short: look back from
		// the first citation starting after the link
		i := sort.Search(len(found), func(i int) bool { return found[i].Span.Start >= l.Span.End })
		for j := i - 1; j >= 0 && found[j].Span.Start > l.Span.Start-maxCitationLen; j-- {
			if found[j].Span.Overlaps(l.Span) {
				if found[j].URL == "" {
					found[j].URL = l.URL
				}
				attached = true
			}
		}
		if !attached {
			// a link in the part of an author-year group after its
			// citation: "(Hughes et al., 2018, <a>doi.org/…</a>)"
			if k := groupOwner(doc.Text, found, l.Span); k >= 0 {
				if found[k].URL == "" {
					found[k].URL = l.URL
				}
				attached = true
			}
		}
		if attached {
			continue
		}
		if len(out) == room {
			return nil, false
		}
		out = append(out, Citation{Kind: KindLink, Span: l.Span, Group: l.Span, Text: doc.Slice(l.Span), URL: l.URL})
	}
	return out, true
}

// linkSites tells the links of a document to other sites, which are
// sources, from those to its own site, which are navigation.
type linkSites struct {
	siteOf func(host string) string
	// own is the document's own site, from its canonical URL or else its
	// name when that is a URL; "" when neither says.
	own string
	// sites remembers siteOf's answers, by host: a page links to a few
	// hosts many times. nil remembers nothing.
	sites map[string]string
}

// site returns siteOf(host), once per host.
func (s linkSites) site(host string) string {
	if site, ok := s.sites[host]; ok {
		return site
	}
	site := s.siteOf(host)
	if s.sites != nil && len(s.sites) < maxRememberedSites {
		s.sites[host] = site
	}
	return site
}

// maxRememberedSites bounds linkSites.sites on a page of many hosts.
const maxRememberedSites = 4096

// newLinkSites returns the linkSites of doc; a nil siteOf compares host
// names (hostSite).
func newLinkSites(doc *sources.Document, siteOf func(string) string) linkSites {
	if siteOf == nil {
		siteOf = hostSite
	}
	s := linkSites{siteOf: siteOf, sites: map[string]string{}}
	for _, where := range []string{doc.Meta.CanonicalURL, doc.Name} {
		if u, err := url.Parse(where); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" {
			s.own = siteOf(u.Hostname())
			break
		}
	}
	return s
}

// external reports whether raw is an http or https URL on another site
// than the document's.
func (s linkSites) external(raw string) bool {
	host, sure := plainHTTPHost(raw)
	if !sure {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" {
			return false
		}
		host = u.Hostname()
	}
	if host == "" {
		return false
	}
	return s.own == "" || s.site(host) != s.own
}

// plainHTTPHost returns the host name of raw as url.Parse's Hostname
// would, without parsing the URL, for the plain case: an http or https URL
// of printable ASCII with well-formed escapes whose authority holds a name of letters, digits,
// dots and hyphens and perhaps a port ("https://www.example.org:8080/a").
// For any other URL that is http or https, sure is false and the caller
// asks url.Parse; for one of another scheme, host is "" and sure true.
func plainHTTPHost(raw string) (host string, sure bool) {
	for i := 0; i < len(raw); i++ {
		if raw[i] <= ' ' || raw[i] >= 0x7f || raw[i] == '%' && !(i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2])) {
			return "", false // a bad escape url.Parse may refuse
		}
	}
	rest := ""
	switch {
	case len(raw) >= 7 && strings.EqualFold(raw[:7], "http://"):
		rest = raw[7:]
	case len(raw) >= 8 && strings.EqualFold(raw[:8], "https://"):
		rest = raw[8:]
	default:
		i := strings.IndexAny(raw, ":/?#")
		if i < 0 || raw[i] != ':' {
			return "", true // no scheme: a path of the page's own site
		}
		if i > 0 && !strings.EqualFold(raw[:i], "http") && !strings.EqualFold(raw[:i], "https") {
			return "", true // another scheme: not a web page of another site
		}
		return "", false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	if colon := strings.IndexByte(authority, ':'); colon >= 0 {
		port := authority[colon+1:]
		for i := 0; i < len(port); i++ {
			if port[i] < '0' || port[i] > '9' {
				return "", false
			}
		}
		authority = authority[:colon]
	}
	for i := 0; i < len(authority); i++ {
		c := authority[i] // no '%': an escaped host is url.Parse's
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return "", false // userinfo, an IPv6 literal, escapes: url.Parse knows
		}
	}
	return authority, true
}

// hostSite is the site of a host when no Options.SiteOf says better: the
// host name in lower case without "www.".
func hostSite(host string) string {
	return strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(host), "."), "www.")
}

// danglingFootnotes returns the Markdown footnote references that stayed
// literal text, "[^label]", because nothing defines them. Each is a
// footnote citation pointing at "fn:label", which no entry will have.
// With more than room of them it returns nil and false.
func danglingFootnotes(doc *sources.Document, room int) ([]Citation, bool) {
	var out []Citation
	text := doc.Text
	for from := 0; ; {
		i := strings.Index(text[from:], "[^")
		if i < 0 {
			return out, true
		}
		start := from + i
		from = start + 2
		end := start + 2
		for end < len(text) && end-start < 64 && text[end] != ']' && text[end] != ' ' && text[end] != '\n' && text[end] != '[' {
			end++
		}
		if end >= len(text) || text[end] != ']' || end == start+2 {
			continue
		}
		if end+1 < len(text) && text[end+1] == ':' { // a definition nothing parsed
			continue
		}
		label := text[start+2 : end]
		span := sources.Span{Start: start, End: end + 1}
		if inPreformatted(doc, span) {
			continue
		}
		if len(out) == room {
			return nil, false
		}
		out = append(out, Citation{Kind: KindFootnote, Span: span, Group: span, Text: text[start : end+1],
			Number: label, Target: "fn:" + label})
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
