// Package citations finds the in-text citations of a document and its
// reference lists, parses each entry into fields, and links every citation
// to the entry it cites.
//
//	doc, _ := sources.Parse(src, sources.ReadOptions{Name: "paper.txt"})
//	lists := citations.FindReferences(doc)
//	found := citations.Find(doc)
//	for i, l := range citations.Link(found, lists) {
//		fmt.Println(found[i].Text, l.Status, l.Reference)
//	}
//
// # Citations
//
// Find returns one Citation per cited work: author-year ("(Ma et al.,
// 2020)", "Keller (2014)"), MLA author-page ("(Nakamura 45)"), numeric
// ("[3]", "[4–6]", superscripts, and with Options.ParenNumbers
// Vancouver's "(3)" where the list is numbered), footnote links
// (Wikipedia's notes, Markdown's [^3]), hyperlinks to other sites and DOIs
// written out in the text ("doi:10.1038/nature12373"). A citation may
// carry its own source: a link's URL, a DOI, or the URL or DOI written in
// an author-year group ("(Hughes et al., 2018, https://doi.org/…)"). Its
// scanners are split by kind: intext_authoryear.go, intext_numeric.go,
// intext_sources.go (the sources written out), with the word lists in
// intext_words.go. Given the document's lists (Options.Lists),
// FindWithOptions also reads what only the list makes a citation:
// "(2017, chap. 4)" after "Haugen recounts" (intext_known.go) and, where
// the list is MLA's Works Cited, "(da Silva)", "(Müller, Cities Below the
// Tide Line 88)" or "Ferreira et al." in the sentence (intext_mla.go), and
// the labels of the entries in brackets, "[HTTP]", "[RFC6749, Section
// 4.2]", "[Smi19]", "[22; Müll19a, p.112]" (intext_labels.go); in a list
// labelled in an alphabetic style such as DIN 1505-2, a bracketed key of
// the labels' shape is a citation even when no entry carries it, and
// links to none.
//
// # Reference lists and entries
//
// FindReferences finds the reference sections by their heading (see
// sources.IsReferenceHeading), by the list footnotes point into, or by a
// tail of entry-shaped paragraphs; an empty section is still a section.
// An entry written as a link keeps the link's URL (references_linked.go),
// which the body's links to the same source match.
// ParseReference splits one entry into its fields. Its rules are split by
// field the same way, refparse_*.go: the authors, the year, the title, the
// container with its volume, issue and pages, the imprint, and the links;
// a new citation style's rule goes in the file of the field it reads, with
// an example entry in its comment. An entry written as a link, or whose
// title links to the work, takes the link as its URL
// (references_linked.go).
//
// In a text with notes and a bibliography, a short note ("King 2003, p.
// 41.") is marked Short and names in Full the entries it stands for: the
// one its link points into (Wikipedia's shortened footnotes), else the one
// by its first author in its year (notes.go). Short notes of one work are
// not duplicates, and the entry they stand for is cited through them.
//
// # Linking
//
// Link is a pure function from citations and entries to one LinkResult per
// citation: resolved, unresolved, ambiguous, mismatched with its near entry,
// or unlisted for a citation carrying its own source (a hyperlink, a DOI,
// an author-year citation with its URL) that no entry names. It needs no
// document, so it is tested on its own. WorkKey says when two entries list
// one work, which linking and the duplicate-reference rule share.
//
// # Limits
//
// What the package builds for a document is bounded whatever the input.
// FindWithOptions builds at most Options.MaxCitations citations, counted
// as they are found ("[1–49]" is 49), and FindReferencesWithOptions at
// most Options.MaxReferences entries, counted as a paragraph is split;
// past them they fail with ErrTooManyCitations or ErrTooManyReferences,
// both wrapping sources.ErrLimit, and return nothing. Find and
// FindReferences use the defaults and return nil past them. Link keeps
// the first MaxCandidates entries of an ambiguous citation, with their
// count, and links citations that say the same once.
package citations
