package citations

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// DefaultMaxReferences is the most reference entries FindReferences reads
// from one document: a hundred times a long book's bibliography, and far
// fewer than a document of sources.DefaultMaxBytes can be split into.
const DefaultMaxReferences = 50_000

// ErrTooManyReferences means a document has more reference entries than
// Options.MaxReferences allows; it wraps sources.ErrLimit.
var ErrTooManyReferences = fmt.Errorf("too many reference entries (%w)", sources.ErrLimit)

// FindReferences returns the reference sections of a document in order,
// each with its entries parsed by ParseReference. Entries are numbered "r1",
// "r2", … across the whole document; an entry's Span covers its text in
// doc.Text, label included, and its Anchor is the id of the block it came
// from.
//
// A section is found two ways:
//
//   - by its heading: a heading (or a paragraph standing alone) reading
//     References, Bibliography, Works Cited, Notes, Sources and the like, in
//     English and a few other languages, with any numbering ("7.") and
//     trailing colon ignored. The section runs to the next heading of the
//     same or a higher level. A name that also heads other parts of a text
//     ("Literature", "Notes", "Sources") opens a section only when most of
//     the blocks after it read as entries (a list item that is mostly a
//     link to another site does) or are notes footnotes point at;
//     "References", "Bibliography" and the like always do. Headings that
//     name a part of a reference list ("Primary sources", "Informative
//     References") do not end it.
//     "Further reading" is not a reference section: it lists works the
//     article does not cite, so it ends one instead.
//   - by footnote links: the blocks that footnote links point at (Wikipedia's
//     cite_note list, Markdown footnote definitions) form a list of their
//     own when no heading section holds them already.
//
// Each list item or paragraph of a section is an entry, except navigation
// and boilerplate ("← Prev Next →", "Back to top", copyright lines, page
// numbers). In HTML and Markdown a list item is always one entry. A
// paragraph holding several entries (plain text whose lines were joined) is
// split where a new entry clearly starts, and in plain text a block that
// continues the previous entry (a page break inside a hanging indent) is
// joined to it, though never one list item to another. When the blocks of a
// section read as one whole entry each, as a list written one paragraph
// per entry does, a block that reads as an entry is never joined to the one
// before, and a block is split only where an unmistakable author list
// starts ("Smith, J. (2019)", not "Lancet Neurol 2004"). An empty section
// is still returned, with no entries. An entry opening with a dash
// ("———.", "---.") takes the authors of the entry before.
//
// An entry whose text shows no URL takes the URL of the link to another
// site it is written as ("[Rents in 2023](https://…)"), as a DOI when the
// link is a DOI's ("https://doi.org/10.…").
//
// FindReferences reads at most DefaultMaxReferences entries: past them it
// returns nil, never part of the lists. FindReferencesWithOptions says
// why, and takes another limit.
func FindReferences(doc *sources.Document) []ReferenceList {
	lists, err := FindReferencesWithOptions(doc, Options{})
	if err != nil {
		return nil
	}
	return lists
}

// FindReferencesWithOptions is FindReferences with the limit of
// opts.MaxReferences, opening a section under the headings of
// opts.ReferenceHeadings too. A document with more entries than the limit
// is an error wrapping ErrTooManyReferences (and so sources.ErrLimit), with no lists:
// the entries are counted as they are split, and no more than one past
// the limit are built.
func FindReferencesWithOptions(doc *sources.Document, opts Options) ([]ReferenceList, error) {
	if doc == nil || len(doc.Blocks) == 0 {
		return nil, nil
	}
	var lists []ReferenceList
	f := &entryFinder{parsed: entryParses{}, limit: opts.MaxReferences, furniture: pageFurniture(doc)}
	if f.limit <= 0 {
		f.limit = DefaultMaxReferences
	}
	taken := make([]bool, len(doc.Blocks)) // blocks inside a heading section
	targets := footnoteTargets(doc)
	links := newOutboundLinks(doc, opts.SiteOf)
	extra := headingKeys(opts.ReferenceHeadings)
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		heading, level, ok := referenceHeading(doc, b, extra)
		hspan := b.Span
		first, firstStart := i+1, -1 // where the section's text starts
		if !ok {
			hs, he, atStart, found := embeddedHeading(doc, i)
			if !found {
				continue
			}
			hspan = sources.Span{Start: b.Span.Start + hs, End: b.Span.Start + he}
			heading, level, ok = doc.Slice(hspan), 1, true
			if atStart {
				first, firstStart = i, hspan.End
			}
		}
		// a heading glued to a paragraph is taken only before an entry
		// already; one standing alone may head something else
		if firstStart < 0 && hspan == b.Span && headingIn(heading, false, ambiguousHeadings, false) &&
			!entrySection(doc, first, sectionEnd(doc, i, level, 2*maxSectionProbe, f.furniture), targets, links, f.furniture) {
			continue // "Literature" over a survey of a country's writers
		}
		end := sectionEnd(doc, i, level, len(doc.Blocks), f.furniture)
		if hs, _ := doc.SourceOffsets(hspan); end > first && hs > 0 {
			for end > first {
				if bs, _ := doc.SourceOffsets(doc.Blocks[end-1].Span); bs >= hs {
					break
				}
				// written before the heading in the input: Markdown's
				// footnote definitions, which its reader puts after the
				// text, are notes of their own (footnoteLists), not
				// this section's entries
				end--
			}
		}
		rl := ReferenceList{
			Heading:     heading,
			HeadingSpan: hspan,
			Span:        sources.Span{Start: hspan.End, End: hspan.End},
		}
		if end > first {
			rl.Span.End = doc.Blocks[end-1].Span.End
		}
		rl.Entries = sectionEntries(doc, first, end, firstStart, f)
		if f.over() {
			return nil, f.err()
		}
		for k := i; k < end; k++ {
			taken[k] = true
		}
		lists = append(lists, rl)
		i = end - 1
	}
	lists = append(lists, footnoteLists(doc, taken, targets, f)...)
	if f.over() {
		return nil, f.err()
	}
	sort.SliceStable(lists, func(a, b int) bool { return lists[a].Span.Start < lists[b].Span.Start })
	links.fillURLs(doc, lists)
	n := 0
	for li := range lists {
		n += len(lists[li].Entries)
	}
	li, ei := 0, 0
	sources.SequentialIDs("r", n, func(_ int, id string) {
		for ei == len(lists[li].Entries) {
			li, ei = li+1, 0
		}
		lists[li].Entries[ei].ID = id
		ei++
	})
	linkShortNotes(doc, lists, targets)
	return lists, nil
}

// LargestLabel returns the largest number the entries of lists are
// labelled with ("1234" for "[1234] …" or "1234. …"), for
// Options.MaxNumber: a document whose list is numbered past
// DefaultMaxNumber cites numbers that high. Only a list numbered that far
// counts, one with at least half as many numbered entries as its largest
// number; a year that opens entries in an author-date list ("2015. …")
// is no label. It returns 0 when no list is numbered.
func LargestLabel(lists []ReferenceList) int {
	largest := 0
	for _, l := range lists {
		numbered, top := 0, 0
		for _, e := range l.Entries {
			if n := labelNumber(e.Label); n > 0 {
				numbered++
				top = max(top, n)
			}
		}
		if 2*numbered >= top {
			largest = max(largest, top)
		}
	}
	return largest
}

// Numbered reports whether a document's references are a numbered list,
// for Options.ParenNumbers: a list of two entries or more, three in four
// of them labelled with a number, the first of those 1, 2 or 3. A year
// that opens entries in an author-date list ("2015. …") is no label.
func Numbered(lists []ReferenceList) bool {
	for _, l := range lists {
		numbered, first := 0, -1
		for _, e := range l.Entries {
			k := labelKey(e.Label)
			if !allDigits(k) || len(k) > 5 || isYearText(k) {
				continue
			}
			n, _ := strconv.Atoi(k)
			if n <= 0 {
				continue
			}
			if numbered++; first < 0 {
				first = n
			}
		}
		if numbered >= 2 && 4*numbered >= 3*len(l.Entries) && first <= 3 {
			return true
		}
	}
	return false
}

// entryFinder is what FindReferences keeps while it reads one document:
// the parses of the entry texts it has seen, and the count of entries
// against the limit.
type entryFinder struct {
	parsed entryParses
	// entries is the number of entries built or about to be; limit the
	// most there may be.
	entries, limit int
	// furniture marks the running headers and footers (pageFurniture).
	furniture []bool
}

// room returns how many more entries may be built.
func (f *entryFinder) room() int { return max(0, f.limit-f.entries) }

// over reports whether the document has more entries than the limit.
func (f *entryFinder) over() bool { return f.entries > f.limit }

func (f *entryFinder) err() error {
	return fmt.Errorf("%w: more than %d entries", ErrTooManyReferences, f.limit)
}

// ambiguousHeadings are the reference-section names (sources.IsReferenceHeading) that also head
// other parts of a text: "Literature" over a survey of a country's writers,
// "Notes" over remarks, "Sources" over a river's. Such a heading opens a
// reference section only when entries follow it (see entrySection);
// "References", "Bibliography", "Works Cited" and the like always do, even
// over an empty section.
var ambiguousHeadings = map[string]bool{
	"literature": true, "sources": true, "notes": true, "citations": true, "reference": true,
	"literatur": true, "quellen": true, "fontes": true, "bronnen": true, "literatuur": true,
	"källor": true, "fuentes": true, "notas": true,
}

// maxSectionProbe bounds the blocks entrySection looks at.
const maxSectionProbe = 16

// entrySection reports whether blocks [from, to) read as a list of
// references: most of the first of them are entry-shaped (see
// entryShaped), are blocks footnotes point at, or are list items that are
// mostly a link to another site (outboundLinks.linkedItem). Page furniture
// does not count.
func entrySection(doc *sources.Document, from, to int, targets map[string]bool, links outboundLinks, furniture []bool) bool {
	n, entries := 0, 0
	for k := from; k < to && n < maxSectionProbe; k++ {
		b := doc.Blocks[k]
		text := doc.Slice(b.Span)
		if b.Kind == sources.BlockPreformatted || b.Kind == sources.BlockHeading && isSubheading(text) || isFurniture(furniture, k) {
			continue
		}
		if isFootnoteTarget(b, targets) || entryShaped(text) || links.linkedItem(doc, b) {
			n++
			entries++
			continue
		}
		if isNoise(text) {
			continue
		}
		n++
		if 2*(n-entries) >= maxSectionProbe {
			return false // most of the blocks looked at cannot be entries
		}
	}
	return 2*entries > n
}

// entryShaped reports whether a block reads as a whole reference entry
// rather than prose or the tail of an entry: it opens like one (a label, a
// URL, authors and a year), or it starts with a capital and holds a URL or
// DOI, or is short with a year and the commas and full stops that separate
// an entry's parts.
func entryShaped(text string) bool {
	t := strings.TrimSpace(text)
	if startsNewEntry(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && r != '"' && r != '“' {
		return false // "1048–1062. doi:…", "and Lee, K. …"
	}
	if strings.Contains(t, "://") || strings.Contains(t, "doi:") || strings.Contains(t, "doi.org") || strings.HasPrefix(t, "www.") {
		return true
	}
	if len(t) > 500 || firstYear(t) == "" {
		return false
	}
	return strings.Count(t, ",")+strings.Count(t, ". ")+strings.Count(t, ";") >= 3
}

// subsectionHeadings name parts of a reference list; under a reference
// heading they do not end the section.
var subsectionHeadings = map[string]bool{
	"primary sources": true, "secondary sources": true, "tertiary sources": true, "books": true,
	"articles": true, "journal articles": true, "websites": true, "web sites": true, "online sources": true,
	"normative references": true, "informative references": true, "government documents": true,
	"reports": true, "other sources": true, "news": true, "news articles": true, "archival sources": true,
	"books and articles": true, "web": true, "online": true, "general references": true,
	"specific references": true, "inline citations": true, "general": true, "cited sources": true,
	"published sources": true, "unpublished sources": true, "datasets": true, "software": true,
	"primary": true, "secondary": true, "data sources": true, "legal sources": true, "cases": true,
}

// headingIn reports whether the heading's key (sources.HeadingKey) is in
// set, or names a reference section when refs is true, without building
// the key in a new string for an ASCII heading.
func headingIn(s string, trailingNumber bool, set map[string]bool, refs bool) bool {
	var buf [80]byte
	key := sources.AppendHeadingKey(buf[:0], s, trailingNumber)
	return set[string(key)] || refs && sources.IsReferenceHeadingKey(string(key))
}

// headingKeys returns the keys (sources.HeadingKey) of the caller's
// reference headings (Options.ReferenceHeadings), nil for none.
func headingKeys(headings []string) map[string]bool {
	var keys map[string]bool
	for _, h := range headings {
		if k := sources.HeadingKey(h, false); k != "" {
			if keys == nil {
				keys = map[string]bool{}
			}
			keys[k] = true
		}
	}
	return keys
}

// referenceHeading reports whether block b is a reference-section heading,
// one citecheck knows or one of extra (headingKeys), and returns its text
// and level. A paragraph counts when its whole text is such a name, since
// plain-text readers do not always see a heading.
func referenceHeading(doc *sources.Document, b sources.Block, extra map[string]bool) (text string, level int, ok bool) {
	if b.Kind != sources.BlockHeading && b.Kind != sources.BlockParagraph {
		return "", 0, false
	}
	text = strings.TrimSpace(doc.Slice(b.Span))
	if !sources.IsReferenceHeading(text) && (extra == nil || !extra[sources.HeadingKey(text, false)]) {
		return "", 0, false
	}
	level = b.Level
	if b.Kind != sources.BlockHeading || level <= 0 {
		level = 1
	}
	return text, level, true
}

// sectionEnd returns the index of the block that ends the section whose
// heading is block i: the next heading of the same or a higher level that
// is not part of the list itself, nor a running header (furniture). It
// looks at no more than limit blocks and returns i+1+limit (or the number
// of blocks) when it finds none.
func sectionEnd(doc *sources.Document, i, level, limit int, furniture []bool) int {
	for j := i + 1; j < len(doc.Blocks); j++ {
		if j-i > limit {
			return j
		}
		if isFurniture(furniture, j) {
			continue
		}
		b := doc.Blocks[j]
		if b.Kind == sources.BlockParagraph && startsBackMatter(doc.Slice(b.Span)) {
			return j
		}
		if b.Kind != sources.BlockHeading || b.Level > level && b.Level > 0 {
			continue
		}
		text := doc.Slice(b.Span)
		if headingIn(text, true, subsectionHeadings, true) {
			continue // "Primary sources", or a running header "BIBLIOGRAPHY 92"
		}
		if nextSection(doc.Slice(doc.Blocks[i].Span), text) {
			return j // "18. Authors' addresses" after "17. References"
		}
		if looksEntry(text) || looksEntryLine(text) {
			continue // an entry a plain-text reader took for a heading
		}
		return j
	}
	return len(doc.Blocks)
}

// looksEntry reports whether a short line taken for a heading is really a
// reference entry: a URL, a labelled entry, or names with a year.
func looksEntry(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "doi.org") {
		return true
	}
	if l, _ := cutLabel(s); l != "" {
		return true
	}
	if firstYear(s) != "" && strings.ContainsAny(s, ",.") {
		return true
	}
	return false
}

// embeddedHeading finds a reference heading that a plain-text reader glued
// to a paragraph: at its end ("… the presented descriptor. Bibliography")
// with an entry starting the next block, or at its start after a page
// number ("61 List of References Akhbari, B., …, 2007. …") with an entry
// following it. It returns the heading's offsets in the block's text.
func embeddedHeading(doc *sources.Document, i int) (hs, he int, atStart, ok bool) {
	b := doc.Blocks[i]
	if b.Kind != sources.BlockParagraph {
		return 0, 0, false, false
	}
	text := doc.Slice(b.Span)
	// at the end: the last one to four words
	j := len(text)
	for n := 0; n < 4; n++ {
		k := strings.LastIndexByte(text[:j], ' ')
		if k < 0 {
			break
		}
		j = k
		phrase := text[k+1:]
		if startsUpper(phrase) && sources.IsReferenceHeading(phrase) &&
			i+1 < len(doc.Blocks) && startsNewEntry(doc.Slice(doc.Blocks[i+1].Span)) {
			return k + 1, len(text), false, true
		}
	}
	// at the start, after an optional page number
	start := 0
	if w, _, _ := strings.Cut(text, " "); allDigits(w) || isRoman(w) {
		start = len(w) + 1
	}
	j = start
	for n := 0; n < 4 && j < len(text); n++ {
		k := strings.IndexByte(text[j:], ' ')
		if k < 0 {
			break
		}
		j += k
		phrase := text[start:j]
		if startsUpper(phrase) && sources.IsReferenceHeading(phrase) && startsNewEntry(text[j+1:]) {
			return start, j, true, true
		}
		j++
	}
	return 0, 0, false, false
}

// looksEntryLine reports whether a heading block reads as a line of an
// entry: it starts in lower case, or is long and has commas or periods.
func looksEntryLine(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return true
	}
	if strings.Contains(s, ",") && hasDigit(s) || strings.ContainsAny(s, "_/") {
		return true // "Social Psychology, 89, 951–965", a broken URL
	}
	return len(strings.Fields(s)) >= 6 && strings.ContainsAny(s, ",.:")
}

// startsBackMatter reports whether a block opens the part of a book that
// follows the references, even when a plain-text reader glued the heading
// to a page number or a paragraph: "73 Appendix A: …", "Index".
func startsBackMatter(s string) bool {
	if w, rest, ok := strings.Cut(s, " "); ok && (allDigits(w) || isRoman(w)) {
		s = rest
	}
	for _, p := range []string{"Appendix", "APPENDIX", "Appendices", "APPENDICES", "Chapter ", "CHAPTER ", "Index", "INDEX", "Acknowledg", "ACKNOWLEDG", "About the Author", "ABOUT THE AUTHOR", "Glossary", "GLOSSARY"} {
		if strings.HasPrefix(s, p) {
			rest := s[len(p):]
			return rest == "" || rest[0] == ' ' || rest[0] == ':' || rest[0] == 's' || rest[0] == 'e'
		}
	}
	return false
}

// isSubheading reports whether a heading inside a reference section is a
// sub-heading rather than a line of an entry.
func isSubheading(s string) bool {
	if headingIn(s, true, subsectionHeadings, true) {
		return true
	}
	return !looksEntry(s) && !looksEntryLine(s) && len(strings.Fields(s)) <= 5 && !strings.Contains(s, ",")
}

// entryPiece is a stretch of text that is one entry or part of one.
type entryPiece struct {
	span sources.Span
	// block is the index of the block the piece starts in (its text's,
	// past a label standing apart), last of the last block it spans
	block, last int
	anchor      string
	// numbered is set for an item of a numbered list of plain text whose
	// number follows the one before (see inSequence)
	numbered bool
	// paged reports an entry that runs across a page's furniture, which
	// is not part of it (see pagedReference)
	paged bool
}

// sectionEntries returns the entries in blocks [from, to), counting them
// in f; past f's limit it stops and returns nil.
// When firstStart is not -1 the first block is read from that text offset
// on, past a heading glued to its start.
func sectionEntries(doc *sources.Document, from, to, firstStart int, f *entryFinder) []Reference {
	var pieces []entryPiece
	perBlock := blockPerEntry(doc, from, to)
	split := entrySplitter{lastLabel: -1, strict: perBlock}
	seq := labelSequence{last: -1}
	for k := from; k < to && len(pieces) <= f.room(); k++ {
		b := doc.Blocks[k]
		if k == from && firstStart >= 0 {
			b.Span.Start = firstStart
			for b.Span.Start < b.Span.End && doc.Text[b.Span.Start] == ' ' {
				b.Span.Start++
			}
		}
		text := doc.Slice(b.Span)
		if p, ok := labelledEntry(doc, k, to); ok {
			// a label in a block of its own, then the entry's text:
			// citeproc's "[5]" beside its entry
			if l := labelNumber(text); l >= 0 {
				split.lastLabel = l
			}
			pieces = append(pieces, p)
			k++
			continue
		}
		if isNoise(text) || headingIn(text, true, nil, true) || isFurniture(f.furniture, k) {
			continue // page furniture or a running header
		}
		if b.Kind == sources.BlockHeading && isSubheading(text) {
			continue
		}
		if b.Kind == sources.BlockTableCell && !looksEntry(text) {
			continue
		}
		if b.Kind == sources.BlockPreformatted && !startsNewEntry(strings.TrimSpace(text)) {
			continue // code; an entry of a plain-text document in <pre> starts as one
		}
		// a page number a plain-text reader glued to the entry after it:
		// "62 Bloom, R., …, 2010." in a list without numbers
		if w, rest, ok := strings.Cut(text, " "); ok && split.lastLabel < 0 && allDigits(w) && len(w) <= 4 && authorYearStart(rest) {
			b.Span.Start += len(w) + 1
			text = rest
		}
		// a block that continues the entry before it: only in plain text,
		// where a reader may break an entry at a page break; in HTML and
		// Markdown the markup says where entries start, and a list item
		// is always an entry of its own
		wrapped := false
		if n := len(pieces); n > 0 && doc.Format == sources.FormatText {
			switch {
			case continuesItem(doc, pieces[n-1], k):
				pieces[n-1].span.End = b.Span.End
				pieces[n-1].last = k
				continue
			case wrappedLine(doc.Slice(pieces[n-1].span), doc.Text[pieces[n-1].span.End:b.Span.Start], text, split.lastLabel):
				wrapped = true // its first entry is the end of the one before
			case !(b.Kind == sources.BlockListItem && doc.Blocks[pieces[n-1].block].Kind == sources.BlockListItem) &&
				!(perBlock && entryShaped(text)) && continuesEntry(doc.Slice(pieces[n-1].span), text):
				pieces[n-1].span.End = b.Span.End
				pieces[n-1].last = k
				continue
			}
		}
		// a labelled entry a page broke, past the page's header and footer
		if n := len(pieces); n > 0 && b.Kind != sources.BlockListItem && crossesFurniture(f.furniture, pieces[n-1].last, k) &&
			continuesLabelled(doc.Slice(pieces[n-1].span), text) {
			pieces[n-1].paged = true
			pieces[n-1].span.End = b.Span.End
			pieces[n-1].last = k
			continue
		}
		if b.Kind == sources.BlockListItem && doc.Format != sources.FormatText {
			if l, _ := cutLabel(text); l != "" {
				if n, err := strconv.Atoi(l); err == nil {
					split.lastLabel = n
				}
			}
			pieces = append(pieces, entryPiece{span: trimSpan(doc, b.Span), block: k, last: k, anchor: b.ID})
			continue
		}
		// with one entry per block, a block is split only where an entry
		// clearly starts ("Smith, J. (2019)", not "Lancet Neurol 2004")
		split.max = f.room() - len(pieces)
		label := split.lastLabel
		spans := split.split(text)
		if wrapped && len(spans) > 0 {
			// a year opening a wrapped line is no label
			if l, _ := cutLabel(text); l != "" && split.lastLabel == labelNumber(l) {
				split.lastLabel = label
			}
			pieces[len(pieces)-1].span.End = b.Span.Start + spans[0].End
			pieces[len(pieces)-1].last = k
			spans = spans[1:]
		}
		first := len(pieces)
		for _, sp := range spans {
			pieces = append(pieces, entryPiece{
				span:   sources.Span{Start: b.Span.Start + sp.Start, End: b.Span.Start + sp.End},
				block:  k,
				last:   k,
				anchor: b.ID,
			})
		}
		if first < len(pieces) && doc.Format == sources.FormatText && b.Kind == sources.BlockListItem {
			pieces[first].numbered = seq.follows(text)
		}
	}
	f.entries += len(pieces)
	if f.over() {
		return nil
	}
	refs := make([]Reference, 0, len(pieces))
	for _, p := range pieces {
		if p.paged {
			refs = append(refs, pagedReference(doc, p.span, p.anchor, f))
		} else {
			refs = append(refs, makeReference(doc, p.span, p.anchor, f.parsed))
		}
		inheritAuthors(refs)
	}
	return refs
}

// inheritAuthors gives the last entry of refs, when it opens with a dash
// standing for the authors of the entry before ("———. 2019b. Title."), the
// authors of that entry, which may have inherited them the same way.
func inheritAuthors(refs []Reference) {
	n := len(refs)
	if n < 2 || len(refs[n-1].Authors) > 0 || len(refs[n-2].Authors) == 0 {
		return
	}
	_, rest := cutLabel(refs[n-1].Text)
	if repeatedAuthorsEnd(strings.TrimSpace(rest)) > 0 {
		refs[n-1].Authors = slices.Clone(refs[n-2].Authors)
	}
}

// labelledEntry reads blocks k and k+1 (before to) as one entry when block
// k holds only an entry's label and block k+1 its text, as citeproc writes
// an entry in HTML: "<div class="csl-left-margin">[5]</div><div
// class="csl-right-inline">…</div>". The entry spans both, so that its
// label is its number, and takes the first block's id as its anchor. In
// plain text a line standing alone such as "2021." is rather the end of
// the entry above, so only markup's blocks are read so.
func labelledEntry(doc *sources.Document, k, to int) (entryPiece, bool) {
	if k+1 >= to || doc.Format == sources.FormatText {
		return entryPiece{}, false
	}
	b, next := doc.Blocks[k], doc.Blocks[k+1]
	if !labelKind(b.Kind) || !labelKind(next.Kind) || !isLabelText(doc.Slice(b.Span)) {
		return entryPiece{}, false
	}
	text := doc.Slice(next.Span)
	if isLabelText(text) || isNoise(text) {
		return entryPiece{}, false
	}
	anchor := b.ID
	if anchor == "" {
		anchor = next.ID
	}
	span := trimSpan(doc, sources.Span{Start: b.Span.Start, End: next.Span.End})
	return entryPiece{span: span, block: k + 1, last: k + 1, anchor: anchor}, true
}

// continuesItem reports whether block k of a plain text continues the
// numbered entry p ends with: p is an item of a numbered list, "12." or
// "12)" after "11.", block k is a paragraph right after it (or a line the reader took for
// an item because it opens with a year), and no blank line stands between
// them. A reader of plain text starts a list item at each number
// and a paragraph at the next line at the margin; a line of a numbered
// list without a number of its own ("Journal of Flood Risk Studies.
// 2022;15(4):1-14.") belongs to the item above.
func continuesItem(doc *sources.Document, p entryPiece, k int) bool {
	item, b := doc.Blocks[p.block], doc.Blocks[k]
	if !p.numbered || p.last != k-1 || item.Kind != sources.BlockListItem {
		return false
	}
	switch b.Kind {
	case sources.BlockParagraph:
	case sources.BlockListItem:
		// a line opening with the year, "2022. Available from:", is no
		// item of a list numbered 1, 2, 3
		if l, _ := cutLabel(doc.Slice(b.Span)); !isYearText(l) {
			return false
		}
	default:
		return false
	}
	_, end := doc.SourceOffsets(doc.Blocks[k-1].Span)
	start, _ := doc.SourceOffsets(doc.Blocks[k].Span)
	if end > start || start > len(doc.Src) {
		return false
	}
	return bytes.Count(doc.Src[end:start], []byte{'\n'}) == 1
}

// labelSequence follows the numbers of the items of a numbered list.
type labelSequence struct {
	last int // the last number in sequence, or -1
}

// maxLabelGap is the most a numbered list may skip between two items and
// still be read as one sequence: a deleted entry leaves a gap.
const maxLabelGap = 3

// follows reports whether a list item's text opens with the number that
// follows the last one, give or take a gap ("1.", "2.", "4.") or a
// repeat (an entry listed twice), and takes it as the last. The first number of a list is 1 or 2; a line that
// wraps at a number, "70. doi:10.1016/…" or "2023. Office for …", is
// rarely in sequence.
func (s *labelSequence) follows(text string) bool {
	l, _ := cutLabel(text)
	if !allDigits(l) || len(l) > 5 {
		return false
	}
	n, _ := strconv.Atoi(l)
	if s.last < 0 && n > 2 || s.last >= 0 && (n < s.last || n > s.last+maxLabelGap) {
		return false
	}
	s.last = n
	return true
}

// labelKind reports whether an entry's label or its text can stand apart
// in a block of this kind.
func labelKind(k sources.BlockKind) bool {
	return k == sources.BlockParagraph || k == sources.BlockListItem || k == sources.BlockTableCell
}

// isLabelText reports whether a block's whole text is an entry's label:
// "[5]", "[Smi19]", "(5)", "5." or "5)", with at most three digits
// before the full stop ("2019." is a year).
func isLabelText(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 2 || len(t) > 18 {
		return false
	}
	if t[0] == '[' || t[0] == '(' {
		l, rest := cutLabel(t)
		return l != "" && rest == ""
	}
	last := t[len(t)-1]
	return (last == '.' || last == ')') && len(t) <= 4 && allDigits(t[:len(t)-1])
}

// blockPerEntry reports whether the paragraphs and list items of blocks
// [from, to) are one entry each, as when a reader gives a block per entry:
// there are at least three, three in four of them read as whole entries
// (see wholeEntry; the lines of entries a reader broke do not), and they
// are entry-sized (a median under 800 bytes; a page of entries joined into
// one block is longer).
func blockPerEntry(doc *sources.Document, from, to int) bool {
	var lens []int
	entries := 0
	for k := from; k < to; k++ {
		b := doc.Blocks[k]
		text := strings.TrimSpace(doc.Slice(b.Span))
		if b.Kind != sources.BlockParagraph && b.Kind != sources.BlockListItem &&
			!(b.Kind == sources.BlockPreformatted && startsNewEntry(text)) {
			continue
		}
		if isNoise(text) || headingIn(text, true, nil, true) {
			continue
		}
		lens = append(lens, len(text))
		if wholeEntry(text) || wholeNote(text) {
			entries++
		}
	}
	if len(lens) < 3 || 4*entries < 3*len(lens) {
		return false
	}
	sort.Ints(lens)
	return lens[len(lens)/2] < 800
}

// wholeEntry reports whether a block reads as a whole entry: it is
// entry-shaped, has a year and ends as an entry does, with a full stop, a
// bracket or a URL, not mid-phrase ("… Tibial Forces", "… Guendelman,").
func wholeEntry(text string) bool {
	t := strings.TrimSpace(text)
	if !entryShaped(t) || firstYear(t) == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return last == '.' || last == ')' || last == ']' || endsWithURLText(t)
}

// wholeNote reports whether a block reads as a whole note, as pandoc
// writes footnotes in plain text: a bracketed label, then a note that
// ends as a sentence does. A short note has no year: "[3] Müller, Cities
// Below the Tide Line, 88."
func wholeNote(text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "[") {
		return false
	}
	if l, rest := cutLabel(t); l == "" || !allDigits(l) || rest == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return last == '.' || last == '”' || last == ')' || endsWithURLText(t)
}

// trimSpan drops the white space at the ends of a span.
func trimSpan(doc *sources.Document, sp sources.Span) sources.Span {
	for sp.Start < sp.End && isSpaceByte(doc.Text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpaceByte(doc.Text[sp.End-1]) {
		sp.End--
	}
	return sp
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// entryParses remembers what ParseReference made of each entry text of one
// document, so that a work listed again (a note repeating its source, as
// notes do) is parsed once.
type entryParses map[string]Reference

// parse returns ParseReference(text), with an Authors slice of its own.
func (m entryParses) parse(text string) Reference {
	if r, ok := m[text]; ok {
		r.Authors = slices.Clone(r.Authors)
		return r
	}
	r := ParseReference(text)
	m[text] = r // only read, to copy, until FindReferences returns
	return r
}

// makeReference parses the entry at span.
func makeReference(doc *sources.Document, span sources.Span, anchor string, parsed entryParses) Reference {
	text := doc.Slice(span)
	parse := text
	if strings.IndexByte(parse, '\n') >= 0 {
		parse = strings.ReplaceAll(parse, "\n", " ")
	}
	r := parsed.parse(parse)
	r.Span = span
	r.Text = text
	r.Anchor = anchor
	return r
}

// wrappedLine reports whether a block of plain text that only a line break
// (gap, with no blank line) parts from the entry prev is a line of it that
// a reader read as a block of its own: a year after an entry stopped
// mid-phrase, which a list item's number cannot be where the list is not
// numbered up to it (lastLabel, or -1), "… 2019 to" and "2023. Office for
// Regional Statistics."; or a bare URL after an entry with none.
func wrappedLine(prev, gap, next string, lastLabel int) bool {
	if strings.Count(gap, "\n") != 1 || strings.TrimSpace(gap) != "" {
		return false
	}
	prev, next = strings.TrimSpace(prev), strings.TrimSpace(next)
	if w, _, _ := strings.Cut(next, " "); strings.HasSuffix(w, ".") && plausibleYear(strings.TrimSuffix(w, ".")) {
		last, _ := utf8.DecodeLastRuneInString(prev)
		return (unicode.IsLetter(last) || last == ',') && labelNumber(w) != lastLabel+1
	}
	return strings.HasPrefix(next, "http") && strings.Contains(next, "://") && !strings.ContainsAny(next, " \n") &&
		!strings.Contains(prev, "://") && !strings.Contains(prev, "doi:")
}

// continuesEntry reports whether block text next continues the entry prev,
// as when a plain-text reader broke a hanging indent at a page break or a
// short line: next starts in lower case or with a number that is not a
// label, or prev stops mid-sentence, after an initial or abbreviation, or
// right after its year, and next does not start a new entry.
func continuesEntry(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	next = strings.TrimSpace(next)
	if prev == "" || next == "" {
		return false
	}
	if startsNewEntry(next) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return true
	}
	if unicode.IsDigit(r) {
		return true // "44, 653–662." after a page break
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	switch last {
	case '.':
		w := lastWord(prev[:len(prev)-1])
		if isInitialBefore(w+".") || isYearText(w) && !corporateTitled(next) {
			return true // "… J." / "Calatayud, J., …, 2014."
		}
		fw, _, _ := strings.Cut(next, " ")
		return len(w) <= 5 && startsUpper(w) && strings.HasSuffix(fw, ".") && len(fw) <= 9 && !strings.Contains(fw[:len(fw)-1], ".")
	case ')', ']', '!', '?', '”', '"':
		return false
	}
	return !endsWithURLText(prev)
}

// corporateTitled reports whether s opens as a bibliography entry of an
// organisation does in Chicago's style: its name, a full stop and a
// quoted title, "Coastal Resilience Trust. “Sea-Level Rise …”".
func corporateTitled(s string) bool {
	end, _ := scanCorporate(s)
	return end > 0 && strings.HasPrefix(strings.TrimLeft(s[end:], ". "), "“")
}

func endsWithURLText(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	last := s[i+1:]
	return strings.Contains(last, "://") || strings.HasPrefix(last, "doi:") || strings.HasPrefix(last, "www.") || strings.HasPrefix(last, "10.")
}

// startsNewEntry reports whether s starts the way an entry does: a label,
// a URL, a dash standing for the authors of the entry before, or an author
// list followed by a year.
func startsNewEntry(s string) bool {
	if l, _ := cutLabel(s); l != "" {
		return true
	}
	if strings.HasPrefix(s, "http") || strings.HasPrefix(s, "www.") || strings.HasPrefix(s, "^") || strings.HasPrefix(s, "↑") {
		return true
	}
	if repeatedAuthorsEnd(s) > 0 {
		return true // "———. 2019b. Title.": the authors of the entry before
	}
	return authorYearStart(s)
}

// authorYearStart reports whether s opens with an author list followed by a
// year, "Smith, J. (2019)." or "Akhbari, B., Takamjani, I.E., 2007.", or
// by a full stop after a name ("Smith, John. Title").
func authorYearStart(s string) bool {
	if len(s) > 300 {
		s = s[:300]
	}
	end := scanAuthors(s)
	if end <= 0 {
		return false
	}
	if !strings.Contains(s[:end], ",") && !strings.Contains(s[:end], " ") {
		return false
	}
	if yearAfterAuthors(s, end) {
		return true
	}
	// a name and a full stop take a title after them: "Kystforlaget,
	// Oslo." ending an entry, or before the next entry's authors and year,
	// is its publisher and place
	if s[end-1] != '.' || !strings.Contains(s[:end], ",") || !hasLetterOrDigit(s[end:]) {
		return false
	}
	rest := strings.TrimLeft(s[end:], " ")
	next := scanAuthors(rest)
	return next <= 0 || !yearAfterAuthors(rest, next)
}

// yearAfterAuthors reports whether a year follows the author list that ends
// at end: "Smith, J. (2019)", "Akhbari, B., 2007".
func yearAfterAuthors(s string, end int) bool {
	y, _ := yearAt(s, skipPunct(s, end))
	return y != ""
}

// onlyAuthorsAndYear reports whether an entry read so far is an author
// list and its year with nothing after them, "Office for Regional
// Statistics. 2023.": the title comes next, whatever it looks like
// ("Commuting Patterns, 2019 to 2023.").
func onlyAuthorsAndYear(s string) bool {
	end := scanAuthors(s)
	if end <= 0 {
		end, _ = scanCorporate(s)
	}
	if end <= 0 {
		return false
	}
	y, ye := yearAt(s, skipPunct(s, end))
	return y != "" && !hasLetterOrDigit(s[ye:])
}

// publisherTail reports whether s is only an organisation and a year,
// "Eastfield Water Board, 2018.", which ends an MLA entry as its publisher
// and date rather than starting one. A person's names and a year, "Lund,
// K., 2015.", may start an entry whose title a reader put on the next
// line.
func publisherTail(s string) bool {
	end, _ := scanCorporate(s)
	return end > 0 && onlyAuthorsAndYear(s)
}

// clearAuthorYearStart reports whether s, which authorYearStart accepts,
// opens with an author list that cannot be a journal's name: one with a
// comma, or followed by its year in parentheses.
func clearAuthorYearStart(s string) bool {
	if len(s) > 300 {
		s = s[:300]
	}
	end := scanAuthors(s)
	if end <= 0 {
		return false
	}
	if strings.Contains(s[:end], ",") {
		return true
	}
	p := skipPunct(s, end)
	return p > 0 && p <= len(s) && strings.Contains(s[end:p], "(")
}

// entrySplitter splits the blocks of one section into entries.
type entrySplitter struct {
	// lastLabel is the number of the last labelled entry read, or -1.
	lastLabel int
	// strict is set for a section whose blocks hold one entry each.
	strict bool
	// max is the most spans a split returns, and one more: the caller
	// sees there were more than it has room for.
	max int
	// yearBytes counts the bytes looked at for years; tests check it
	// grows linearly with the text split.
	yearBytes int
}

// split splits a block's text into entries and returns their spans
// relative to the text. A new entry starts after a sentence end where a
// label ("[4]", or "5." following label 4) or an author list with a year
// begins. When strict, as for a block that should hold one entry, the
// author list must be a clear one: with a comma, or with its year in
// parentheses ("Smith, J. (2019)", "Akhbari, B., 2007"), not a journal's
// name before a year ("Lancet Neurol 2004: 343–353.").
func (es *entrySplitter) split(text string) []sources.Span {
	trimmed := strings.TrimRight(text, " ")
	if trimmed == "" {
		return nil
	}
	lastLabel, strict := &es.lastLabel, es.strict
	if l, _ := cutLabel(text); l != "" {
		if n, err := strconv.Atoi(l); err == nil {
			*lastLabel = n
		}
	}
	var spans []sources.Span
	start := 0
	// where the first year after the current entry's start begins and
	// ends, so that "the entry so far has a year" costs nothing per
	// candidate; it is looked for again only once an entry starts past
	// it, which keeps the whole split one pass over the text
	yearStart, yearEnd := es.firstYearAt(trimmed, start)
	for i := 1; i < len(trimmed) && len(spans) < es.max; i++ {
		if trimmed[i] != ' ' || i+1 >= len(trimmed) || i-start < 20 {
			continue
		}
		prev := trimmed[i-1]
		endURL := false
		if !(prev == '.' || prev == ')' || prev == ']') {
			// an entry that ends in a URL or DOI
			w := lastWord(trimmed[start:i])
			endURL = strings.Contains(w, "://") || strings.HasPrefix(w, "doi:") || strings.HasPrefix(w, "10.")
			if !endURL {
				continue
			}
		}
		rest := trimmed[i+1:]
		split := false
		switch c := rest[0]; {
		case c == '[':
			if l, r := cutLabel(rest); l != "" && r != "" {
				split = true
				if n, err := strconv.Atoi(l); err == nil {
					*lastLabel = n
				}
			}
		case c >= '0' && c <= '9':
			if l, r := cutLabel(rest); l != "" && r != "" {
				if n, err := strconv.Atoi(l); err == nil && *lastLabel >= 0 && n == *lastLabel+1 {
					split = true
					*lastLabel = n
				}
			}
		case c >= 'A' && c <= 'Z' || c >= 0x80 || c >= 'a' && c <= 'z' && isParticle(lastWord(firstWord(rest))):
			if yearEnd >= 0 && yearEnd <= i && authorYearStart(rest) && !isInitialBefore(trimmed[:i]) &&
				(!strict || clearAuthorYearStart(rest)) && !onlyAuthorsAndYear(trimmed[start:i]) && !publisherTail(rest) {
				split = true
			}
		}
		if split {
			spans = append(spans, sources.Span{Start: start, End: i})
			start = i + 1
			if yearEnd >= 0 && yearStart < start {
				yearStart, yearEnd = es.firstYearAt(trimmed, start)
			}
		}
	}
	spans = append(spans, sources.Span{Start: start, End: len(trimmed)})
	return spans
}

// firstYearAt returns where the first plausible year in s[from:] starts
// and ends, or -1, -1. Whether a year starts at an offset does not depend
// on from, so the first one at or after a later offset is the same one as
// long as it starts there or later.
func (es *entrySplitter) firstYearAt(s string, from int) (start, end int) {
	i := from
	defer func() { es.yearBytes += min(i, len(s)) - from }()
	for ; i+4 <= len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && refWordByte(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && plausibleYear(s[i:j]) && (j == len(s) || !refWordByte(s[j]) || s[j] >= 'a' && s[j] <= 'h') {
			return i, j
		}
		i = j
	}
	return -1, -1
}

// isInitialBefore reports whether s ends with an initial ("J."), after
// which a space does not end a sentence.
func isInitialBefore(s string) bool {
	w := lastWord(s)
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// noiseWords mark navigation and page furniture.
var noiseWords = []string{
	"prev", "previous", "next", "back to top", "top of page", "share this", "share", "print", "email",
	"e-mail", "follow us", "subscribe", "advertisement", "related articles", "read more", "comments",
	"show more", "load more", "skip to", "jump to", "menu", "home",
}

// isNoise reports whether a block of a reference section is page
// furniture rather than an entry: navigation, a copyright line, a page
// number, Wikipedia's "Retrieved from" footer.
func isNoise(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return true
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if letters++; letters == 2 {
				break
			}
		}
	}
	if letters < 2 && !strings.Contains(t, "://") {
		return true // page numbers, rules, stray marks
	}
	// the prefixes are short: a block's head in lower case will do, and
	// keeps a long block (an entry, usually) from being copied
	head := strings.ToLower(t[:min(len(t), 128)])
	for _, p := range []string{"©", "copyright", "all rights reserved", "retrieved from \"http", "retrieved from “http", "this page was last", "categories:", "tags:", "hidden categories"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	if fieldsOver(t, 8) {
		return false
	}
	l := strings.ToLower(t)
	words := strings.Fields(l)
	if strings.ContainsAny(t, "←→«»") && !strings.Contains(t, "://") && firstYear(t) == "" {
		return true
	}
	if strings.HasPrefix(l, "page ") && strings.Contains(l, " of ") && len(words) <= 4 {
		return true
	}
	// short lines made only of navigation words, which have no digits
	if strings.ContainsAny(l, "0123456789") {
		return false
	}
	rest := l
	for _, w := range noiseWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	rest = strings.Trim(rest, " |·•/-–—:.,!")
	return rest == "" || len(strings.Fields(rest)) == 0
}

// fieldsOver reports whether s has more than n words, as strings.Fields
// splits them, without splitting it.
func fieldsOver(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			if in, words = true, words+1; words > n {
				return true
			}
		}
	}
	return false
}

// footnoteLists returns the lists footnote links point at that no heading
// section holds: consecutive target blocks form one list. It counts their
// entries in f, and past f's limit returns nil.
func footnoteLists(doc *sources.Document, taken []bool, targets map[string]bool, f *entryFinder) []ReferenceList {
	isTarget := func(b sources.Block) bool { return isFootnoteTarget(b, targets) }
	var lists []ReferenceList
	for i := 0; i < len(doc.Blocks); i++ {
		if taken[i] || !isTarget(doc.Blocks[i]) {
			continue
		}
		// a run of target blocks, allowing continuation paragraphs of a
		// footnote between them
		j := i + 1
		last := i
		for j < len(doc.Blocks) && !taken[j] {
			b := doc.Blocks[j]
			if isTarget(b) {
				last = j
				j++
				continue
			}
			if b.Kind == sources.BlockHeading || j-last > 3 {
				break
			}
			j++
		}
		n := 0 // the run's entries, one per target block
		for k := i; k <= last; k++ {
			if isTarget(doc.Blocks[k]) {
				n++
			}
		}
		if f.entries += n; f.over() {
			return nil
		}
		rl := ReferenceList{Span: sources.Span{Start: doc.Blocks[i].Span.Start, End: doc.Blocks[last].Span.End},
			Entries: make([]Reference, 0, n)}
		for k := i; k <= last; k++ {
			b := doc.Blocks[k]
			if !isTarget(b) {
				// a further paragraph of the footnote before it
				if n := len(rl.Entries); n > 0 && !isNoise(doc.Slice(b.Span)) {
					prev := rl.Entries[n-1]
					rl.Entries[n-1] = makeReference(doc, sources.Span{Start: prev.Span.Start, End: b.Span.End}, prev.Anchor, f.parsed)
				}
				continue
			}
			rl.Entries = append(rl.Entries, makeReference(doc, b.Span, b.ID, f.parsed))
		}
		lists = append(lists, rl)
		i = last
	}
	return lists
}

// footnoteTargets returns the ids footnote links of the document point at.
func footnoteTargets(doc *sources.Document) map[string]bool {
	targets := map[string]bool{}
	for _, l := range doc.Links {
		if !l.Footnote || !strings.HasPrefix(l.URL, "#") {
			continue
		}
		targets[l.URL[1:]] = true
	}
	return targets
}

// isFootnoteTarget reports whether a block is a note footnote links point
// at (or a Wikipedia note, "cite_note-…").
func isFootnoteTarget(b sources.Block, targets map[string]bool) bool {
	return b.ID != "" && (targets[b.ID] || strings.HasPrefix(b.ID, "cite_note-")) &&
		(b.Kind == sources.BlockListItem || b.Kind == sources.BlockParagraph)
}
