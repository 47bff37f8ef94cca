package citations

import "github.com/citecheck/citecheck/sources"

// Kind says how a citation is written.
type Kind string

// The kinds of in-text citation.
const (
	// KindAuthorYear is an author-date citation: "(Ma et al., 2020)",
	// "Chen and Ortiz (2020)", "(Keller 2014, 212)".
	KindAuthorYear Kind = "author-year"
	// KindAuthorPage is an MLA author-page citation: "(Nakamura 45)".
	KindAuthorPage Kind = "author-page"
	// KindNumeric is a bracketed or superscript number: "[3]", "[4–6]", "²".
	KindNumeric Kind = "numeric"
	// KindFootnote is a link to a footnote: Wikipedia's
	// <sup class="reference"><a href="#cite_note-3">, Markdown's [^3].
	KindFootnote Kind = "footnote"
	// KindLink is a hyperlink in the article body pointing at a source,
	// or a DOI written out in its text: "doi:10.1038/nature12373",
	// "https://doi.org/10.1038/nature12373".
	KindLink Kind = "link"
	// KindLabel is a bracketed key that labels an entry: "[HTTP]",
	// "[RFC6749, Section 4.2]", "[Smi19]".
	KindLabel Kind = "label"
)

// Citation is one in-text reference to one work. A group or a range cites
// each work separately: "[4–6]" is three citations and "(A, 2019; B, 2020)"
// two, each with the span of the part that names it.
type Citation struct {
	// ID is "c1", "c2", … in document order.
	ID   string
	Kind Kind
	// Span covers the part of the text that names this one work.
	Span sources.Span
	// Group covers the whole marker the citation is part of, brackets or
	// parentheses included: "(A, 2019; B, 2020)", "[4–6]".
	Group sources.Span
	// Text is the text of Span.
	Text string
	// Authors are the surnames (or the corporate name) as written, without
	// "et al."; empty for numeric, footnote and link citations.
	Authors []string
	// EtAl reports whether the author list ends in "et al." (or "and others").
	EtAl bool
	// Year is the year as written, with its suffix ("2019a") or "n.d.".
	Year string
	// Locator is a page or other pinpoint: "212" in "(Keller 2014, 212)".
	Locator string
	// Title is the short title an MLA citation gives to tell an author's
	// works apart: "Cities Below the Tide Line" in "(Müller, Cities Below
	// the Tide Line 88)".
	Title string
	// Number is the label of a numeric, footnote or label citation: "3",
	// "HTTP".
	Number string
	// Target is the id of the anchor a footnote citation links to
	// ("cite_note-3", "fn:1"), without '#'.
	Target string
	// URL is the source the citation carries: the resolved URL of a link
	// citation, the resolver URL of a DOI written out
	// ("https://doi.org/10.…"), or the URL or DOI an author-year citation
	// carries ("(Hughes et al., 2018, https://doi.org/…)"). A citation with
	// a URL needs no reference entry (see Unlisted).
	URL string
	// Narrative reports an author-year citation whose authors are part of
	// the sentence: "Chen and Ortiz (2020) found".
	Narrative bool
	// Tentative reports a citation read on slight evidence: a narrative
	// citation that rests on a single word before a year, "Gini (2014)",
	// kept only because the text cites by author and year elsewhere. It
	// may be a name, a title or a label with a year rather than a
	// citation.
	Tentative bool
}

// Reference is one entry of a reference list, parsed into fields. Fields the
// parser could not find are empty; Text always holds the whole entry.
type Reference struct {
	// ID is "r1", "r2", … in document order.
	ID   string
	Span sources.Span
	Text string
	// Label is the entry's own number or key: "3" for "[3] …" or "3. …",
	// "BAD10" for "[BAD10] …".
	Label string
	// Anchor is the id a footnote link can point at ("cite_note-3", "fn:1").
	Anchor string
	// Authors are the family names, or the corporate author, in order.
	Authors []string
	// Year is the year with its suffix ("2019a") or "n.d.".
	Year      string
	Title     string
	Container string
	Volume    string
	Issue     string
	Pages     string
	Publisher string
	DOI       string
	URL       string
	// Short reports a short note: "King 2003, p. 41.", which stands for a
	// work given in full in another entry (a bibliography), as Chicago's
	// notes and Wikipedia's shortened footnotes are written. Short notes
	// of one work are not duplicates of each other.
	Short bool
	// Full holds the IDs of the entries a note stands for: those a short
	// note's links point into (Wikipedia's <a href="#CITEREFKing2003">),
	// else the one entry by its first author in its year; or the
	// bibliography entries whose titles a note names (see Works). It is
	// empty when the note names no entry of the document.
	Full []string
	// Works holds, for a note of a notes-and-bibliography text that names
	// works by their titles (Chicago's "Anna Müller, Cities Below the Tide
	// Line (Bristol: Harbour Press, 2019), 88.", "Müller, Cities Below,
	// 114.", "Ibid."), what linking found for each work it names, in
	// order: the bibliography entry that lists it, one that lists its
	// title by another author or year, or none. A note with works is no
	// copy of the entries it names, nor of the other notes of its works.
	Works []NoteWork
}

// ReferenceList is one reference section: a heading such as "References"
// and the entries under it, or the list that footnotes point to.
type ReferenceList struct {
	// Heading is the heading text ("References"); empty for a list found
	// without one.
	Heading string
	// HeadingSpan covers the heading; zero when there is none.
	HeadingSpan sources.Span
	// Span covers the section's body, from after the heading to its end.
	Span    sources.Span
	Entries []Reference
}
