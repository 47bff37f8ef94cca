package main

import (
	"encoding/xml"
	"fmt"
	"os"
)

// A style family decides how citations look and so which faults can be
// planted in them.
const (
	familyAuthorDate = "author-date" // (Müller, 2019a)
	familyAuthorPage = "author-page" // MLA: (Müller 88)
	familyNumeric    = "numeric"     // [3] or (3)
	familySuperNum   = "superscript" // ³
	familyNoteFull   = "note-full"   // footnotes, a full first note
	familyNoteShort  = "note-short"  // footnotes, short notes throughout
	familyLabel      = "label"       // [Müll19a]
)

// corpusStyle is one CSL style of the corpus.
type corpusStyle struct {
	ID      string // the folder of its renderings: the CSL file's name
	CSL     string
	Family  string
	Heading string // the reference-list heading, as the style has it
	Lang    string // a locale to impose on a style whose default is not English
}

// styleTable spans the families the issue names: author-date, MLA,
// numeric in brackets and in parentheses, superscript, notes-bibliography
// with full and with short notes, and a label style.
var styleTable = []corpusStyle{
	{ID: "apa", CSL: "apa.csl", Family: familyAuthorDate, Heading: "References"},
	{ID: "chicago-author-date", CSL: "chicago-author-date.csl", Family: familyAuthorDate, Heading: "References"},
	{ID: "harvard-cite-them-right", CSL: "harvard-cite-them-right.csl", Family: familyAuthorDate, Heading: "Reference list"},
	{ID: "american-sociological-association", CSL: "american-sociological-association.csl", Family: familyAuthorDate, Heading: "References"},
	{ID: "elsevier-harvard", CSL: "elsevier-harvard.csl", Family: familyAuthorDate, Heading: "References"},
	{ID: "modern-language-association", CSL: "modern-language-association.csl", Family: familyAuthorPage, Heading: "Works Cited"},
	{ID: "ieee", CSL: "ieee.csl", Family: familyNumeric, Heading: "References"},
	{ID: "vancouver", CSL: "vancouver.csl", Family: familyNumeric, Heading: "References"},
	{ID: "american-medical-association", CSL: "american-medical-association.csl", Family: familySuperNum, Heading: "References"},
	{ID: "nature", CSL: "nature.csl", Family: familySuperNum, Heading: "References"},
	{ID: "chicago-fullnote-bibliography", CSL: "chicago-fullnote-bibliography.csl", Family: familyNoteFull, Heading: "Bibliography"},
	{ID: "chicago-note-bibliography", CSL: "chicago-note-bibliography.csl", Family: familyNoteShort, Heading: "Bibliography"},
	{ID: "din-1505-2-alphanumeric", CSL: "din-1505-2-alphanumeric.csl", Family: familyLabel, Heading: "References", Lang: "en-GB"},
}

// faultKinds are the faults planted in a style's faulted article, by
// family: each only where the style's citations show what it changes.
func faultKinds(family string) []string {
	switch family {
	case familyAuthorDate, familyNoteFull:
		return []string{faultDeleted, faultYear, faultOrphan, faultDuplicate, faultAuthor}
	case familyAuthorPage, familyNoteShort:
		return []string{faultDeleted, faultOrphan, faultDuplicate, faultAuthor}
	case familyNumeric, familySuperNum:
		return []string{faultDeleted, faultNumber, faultOrphan, faultDuplicate}
	case familyLabel:
		return []string{faultDeleted, faultLabel, faultOrphan, faultDuplicate}
	}
	return nil
}

// readStyleInfo reads a CSL file's title and class.
func readStyleInfo(path string) (StyleInfo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return StyleInfo{}, err
	}
	var csl struct {
		Class string `xml:"class,attr"`
		Info  struct {
			Title string `xml:"title"`
		} `xml:"info"`
	}
	if err := xml.Unmarshal(b, &csl); err != nil {
		return StyleInfo{}, fmt.Errorf("%s: %w", path, err)
	}
	return StyleInfo{Title: csl.Info.Title, Class: csl.Class}, nil
}
