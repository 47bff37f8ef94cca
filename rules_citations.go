package citecheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/citations"
)

// The finding codes of the citation rules.
const (
	CodeMissingReferenceList = "missing-reference-list"
	CodeEmptyReferenceList   = "empty-reference-list"
	CodeUnresolvedCitation   = "unresolved-citation"
	CodeCitationMismatch     = "citation-mismatch"
	CodeAmbiguousCitation    = "ambiguous-citation"
	CodeOrphanReference      = "orphan-reference"
	CodeDuplicateReference   = "duplicate-reference"
	CodeMalformedReference   = "malformed-reference"
)

// citationRules returns the rules about citations and reference lists, in
// the order their codes are documented.
func citationRules() []*Rule {
	return []*Rule{
		{
			Code: CodeMissingReferenceList, Severity: SeverityError,
			Summary: "The text has author-year, numeric or footnote citations that carry no URL or DOI of their own but no reference section at all.",
			Fix:     "Add a reference list under a heading such as References, Bibliography or Sources.",
			Run:     runMissingReferenceList,
		},
		{
			Code: CodeEmptyReferenceList, Severity: SeverityError,
			Summary: "A reference heading (References, Bibliography, Sources, Notes, …) has no entries under it.",
			Fix:     "Fill in the list, or remove the heading if the text cites nothing.",
			Run:     runEmptyReferenceList,
		},
		{
			Code: CodeUnresolvedCitation, Severity: SeverityError,
			Summary: "An in-text citation matches no reference entry, or a note names a work its bibliography does not list; reported once per occurrence, as a warning when it may not be a citation; when the text has no reference list or an empty one, the list's finding reports the citations instead.",
			Fix:     "Add the missing entry, or correct the citation's author, year or number.",
			Run:     runUnresolvedCitation,
		},
		{
			Code: CodeCitationMismatch, Severity: SeverityError,
			Summary: "A citation's author matches an entry but its year differs, or the year matches an entry whose author is spelt a little differently; or a note names an entry's title with another year or author.",
			Fix:     "Make the citation and the entry agree; the message names the near entry.",
			Run:     runCitationMismatch,
		},
		{
			Code: CodeAmbiguousCitation, Severity: SeverityWarning,
			Summary: "More than one entry matches a citation equally well.",
			Fix:     "Tell the works apart: add year suffixes (2019a, 2019b) or a second author.",
			Run:     runAmbiguousCitation,
		},
		{
			Code: CodeOrphanReference, Severity: SeverityWarning,
			Summary: "A reference entry that nothing in the text cites (an entry a note stands for is cited through the note).",
			Fix:     "Cite the work where it is used, or remove the entry.",
			Run:     runOrphanReference,
		},
		{
			Code: CodeDuplicateReference, Severity: SeverityWarning,
			Summary: "The same work is listed twice (same DOI, same URL, or same first author, year and title); notes of a work are not copies of it.",
			Fix:     "Keep one entry and point every citation at it.",
			Run:     runDuplicateReference,
		},
		{
			Code: CodeMalformedReference, Severity: SeverityWarning,
			Summary: "An entry without a recognisable author, year or title, so no citation can be matched to it with confidence.",
			Fix:     "Complete the entry in the list's style: author, year, title, where it appeared.",
			Run:     runMalformedReference,
		},
	}
}

// runMissingReferenceList reports a text that cites into a reference list
// it does not have, once, with every citation the absence leaves
// unresolved as a related location: the root cause first, not one finding
// per citation (see rootCause).
func runMissingReferenceList(p *Pass) {
	m := p.Markers()
	if len(p.Lists) > 0 || len(m) == 0 {
		return
	}
	first := p.Citations[m[0]]
	p.Report(Finding{Span: p.Locate(first.Span), Citation: first.ID,
		Message: fmt.Sprintf("the text has %s but no reference list (no References, Bibliography, Sources or Notes section)", plural(len(m), "citation", "citations")),
		Related: p.brokenCitations()})
}

// runEmptyReferenceList reports each reference heading with nothing under
// it. When every list is empty, the first such finding carries the
// citations left unresolved as its related locations (see rootCause).
func runEmptyReferenceList(p *Pass) {
	carrier := p.EntryCount() == 0
	for _, l := range p.Lists {
		if len(l.Entries) > 0 || l.HeadingSpan.Len() == 0 {
			continue
		}
		msg := fmt.Sprintf("reference list %q has no entries", l.Heading)
		if m := len(p.Markers()); m > 0 {
			msg += fmt.Sprintf(" but the text has %s", plural(m, "citation", "citations"))
		}
		f := Finding{Span: p.Locate(l.HeadingSpan), Message: msg}
		if carrier {
			f.Related, carrier = p.brokenCitations(), false
		}
		p.Report(f)
	}
}

// rootCause returns the code of the finding that reports, once, why every
// unresolved citation is unresolved, with those citations as its related
// locations: missing-reference-list when the text has no reference list,
// empty-reference-list when every list is empty and one has a heading.
// It returns "" when the citations' entries are missing one by one, or
// when the rule of that code does not run, so that unresolved-citation
// then reports each citation itself.
func (p *Pass) rootCause() string {
	switch {
	case len(p.Lists) == 0:
		if p.runs(CodeMissingReferenceList) {
			return CodeMissingReferenceList
		}
	case p.EntryCount() == 0:
		headed := slices.ContainsFunc(p.Lists, func(l citations.ReferenceList) bool { return l.HeadingSpan.Len() > 0 })
		if headed && p.runs(CodeEmptyReferenceList) {
			return CodeEmptyReferenceList
		}
	}
	return ""
}

// brokenCitations are the related locations of a root-cause finding: every
// unresolved citation, in order.
func (p *Pass) brokenCitations() []Related {
	var rel []Related
	for i, c := range p.Citations {
		if p.Links[i].Status == citations.Unresolved {
			rel = append(rel, Related{Message: fmt.Sprintf("citation %s is left unresolved", p.describe(c)), Span: p.Locate(c.Span)})
		}
	}
	return rel
}

// runUnresolvedCitation reports each citation that matches no entry. Its
// severity follows the evidence: an error where a list has entries and the
// citation is sure; a warning for a tentative citation (a single name
// before a year, which may be no citation at all). Where the text has no
// list, or only empty ones, every citation is unresolved for that one
// reason, which missing-reference-list or empty-reference-list reports
// once, with the citations as related locations (rootCause); should that
// rule not run, each citation is reported here, as information.
func runUnresolvedCitation(p *Pass) {
	if p.rootCause() != "" {
		return
	}
	var why string
	switch {
	case len(p.Lists) == 0:
		why = "there is no reference list"
	case p.EntryCount() == 0:
		h := p.Lists[0]
		why = fmt.Sprintf("the reference list %q at line %d is empty", h.Heading, p.Locate(h.HeadingSpan).Line)
	}
	for i, c := range p.Citations {
		if p.Links[i].Status != citations.Unresolved {
			continue
		}
		f := Finding{Span: p.Locate(c.Span), Citation: c.ID}
		reason := why
		switch {
		case why != "":
			f.Severity = SeverityInfo
		case c.Tentative:
			f.Severity = SeverityWarning
			reason = p.noEntryReason(c) + "; it may not be a citation: a single name before a year, read as one because the text cites by author and year elsewhere"
		case p.Links[i].Reason != "":
			reason = p.Links[i].Reason // what the linker knows: "the text cites by author and year, …"
		default:
			reason = p.noEntryReason(c)
		}
		f.Message = fmt.Sprintf("citation %s has no reference entry: %s", p.describe(c), reason)
		p.Report(f)
	}
	p.noteWorks(citations.Unresolved, func(e *citations.Reference, w citations.NoteWork) {
		p.Report(Finding{Span: p.Locate(w.Span), Reference: e.ID,
			Message: fmt.Sprintf("note %s names a work no bibliography entry lists: %s", e.ID, shorten(p.Doc.Slice(w.Span), 60))})
	})
}

// numberedLists returns the lists a number may point into: those with an
// entry that no footnote link points at (see citations.Reference.Anchor),
// or all of them when every entry is a note.
func (p *Pass) numberedLists() []citations.ReferenceList {
	var out []citations.ReferenceList
	for _, l := range p.Lists {
		if slices.ContainsFunc(l.Entries, func(e citations.Reference) bool { return e.Anchor == "" }) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return p.Lists
	}
	return out
}

// entryNumbers returns the labels of the entries of lists as runs ("1–3,
// 5"), or "" when one of them is not a number.
func entryNumbers(lists []citations.ReferenceList) string {
	var runs []string
	start, prev := -1, -1
	flush := func() {
		if start < 0 {
			return
		}
		if start == prev {
			runs = append(runs, strconv.Itoa(start))
		} else {
			runs = append(runs, fmt.Sprintf("%d–%d", start, prev))
		}
	}
	for _, l := range lists {
		for _, e := range l.Entries {
			n, err := strconv.Atoi(e.Label)
			if err != nil || n <= 0 {
				return ""
			}
			if n != prev+1 || start < 0 {
				flush()
				start = n
			}
			prev = n
		}
	}
	flush()
	return strings.Join(runs, ", ")
}

// noteWorks calls f for every work of status a note names by its title
// (see citations.Reference.Works), in order.
func (p *Pass) noteWorks(status citations.Status, f func(*citations.Reference, citations.NoteWork)) {
	for li := range p.Lists {
		for ei := range p.Lists[li].Entries {
			e := &p.Lists[li].Entries[ei]
			for _, w := range e.Works {
				if w.Status == status {
					f(e, w)
				}
			}
		}
	}
}

// noEntryReason says what a citation looked for in lists that have entries.
func (p *Pass) noEntryReason(c citations.Citation) string {
	switch c.Kind {
	case citations.KindNumeric:
		lists := p.numberedLists()
		n := 0
		for _, l := range lists {
			n += len(l.Entries)
		}
		which := "the list has"
		if len(lists) == 1 && len(p.Lists) > 1 && lists[0].Heading != "" {
			// the notes a draft's footnotes point at are not numbered
			// with it: "the Sources list has 2 entries"
			which = fmt.Sprintf("the %s list has", lists[0].Heading)
		} else if len(lists) > 1 {
			which = fmt.Sprintf("the %d lists have", len(lists))
		}
		if nums := entryNumbers(lists); nums != "" && nums != "1" && nums != fmt.Sprintf("1–%d", n) {
			return fmt.Sprintf("no entry is numbered %s (%s %s, numbered %s)", c.Number, which, plural(n, "entry", "entries"), nums)
		}
		return fmt.Sprintf("no entry is numbered %s (%s %s)", c.Number, which, plural(n, "entry", "entries"))
	case citations.KindLabel:
		return fmt.Sprintf("no entry is labelled %s", c.Number)
	case citations.KindFootnote:
		if p.markdownFootnote(c) {
			return fmt.Sprintf("no footnote definition \"[^%s]: …\" in the text", c.Number)
		}
		if note := p.wordNote(c); note != "" {
			return fmt.Sprintf("the document has no %s %s", note, c.Number)
		}
		return fmt.Sprintf("no note has the id %q", c.Target)
	case citations.KindAuthorYear, citations.KindAuthorPage:
		if len(c.Authors) > 0 {
			return fmt.Sprintf("no entry by %s", c.Authors[0])
		}
	}
	return "no entry matches it"
}

func runCitationMismatch(p *Pass) {
	for i, c := range p.Citations {
		l := p.Links[i]
		if l.Status != citations.Mismatched {
			continue
		}
		e, _ := p.Reference(l.Reference)
		p.Report(Finding{Span: p.Locate(c.Span), Citation: c.ID, Reference: e.ID,
			Message: fmt.Sprintf("citation %s does not match its nearest entry %s (%s): %s", p.describe(c), e.ID, shorten(e.Text, 60), l.Reason),
			Related: []Related{{Message: "nearest entry", Span: p.Locate(e.Span)}}})
	}
	p.noteWorks(citations.Mismatched, func(note *citations.Reference, w citations.NoteWork) {
		e, _ := p.Reference(w.Reference)
		p.Report(Finding{Span: p.Locate(w.Span), Reference: note.ID,
			Message: fmt.Sprintf("note %s names the title of entry %s (%s) but does not match it: %s", note.ID, e.ID, shorten(e.Text, 60), w.Reason),
			Related: []Related{{Message: "entry of the title", Span: p.Locate(e.Span)}}})
	})
}

func runAmbiguousCitation(p *Pass) {
	// the same few entries are candidates of many citations: each is
	// located and written once
	type candidate struct {
		related Related
		line    string // "r2 (line 20)"
	}
	seen := map[string]candidate{}
	for i, c := range p.Citations {
		l := p.Links[i]
		if l.Status != citations.Ambiguous {
			continue
		}
		// Candidates holds the first citations.MaxCandidates of them
		n := max(l.CandidateCount, len(l.Candidates))
		rel := make([]Related, 0, len(l.Candidates))
		lines := make([]string, 0, len(l.Candidates))
		for _, id := range l.Candidates {
			cand, ok := seen[id]
			if !ok {
				e, _ := p.Reference(id)
				loc := p.Locate(e.Span)
				cand = candidate{Related{Message: "candidate " + id, Span: loc}, fmt.Sprintf("%s (line %d)", id, loc.Line)}
				seen[id] = cand
			}
			rel = append(rel, cand.related)
			lines = append(lines, cand.line)
		}
		msg := fmt.Sprintf("citation %s matches %d entries: %s", p.describe(c), n, strings.Join(lines, ", "))
		if more := n - len(l.Candidates); more > 0 {
			msg += fmt.Sprintf(" and %d more", more)
		}
		p.Report(Finding{Span: p.Locate(c.Span), Citation: c.ID, Related: rel, Message: msg})
	}
}

func runOrphanReference(p *Pass) {
	if p.SourcesMode {
		return // a source list with no markers is cited by the body as a whole
	}
	keys := p.workKeys()
	cited := map[string]bool{} // works cited through another copy of the entry
	noted := map[string]bool{} // entries a short note stands for
	n := 0
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			for _, id := range e.Full {
				noted[id] = true
			}
		}
	}
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			if k := keys[n]; k != "" && (len(p.CitedBy[e.ID]) > 0 || noted[e.ID]) {
				cited[k] = true
			}
			n++
		}
	}
	n = 0
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			k := keys[n]
			n++
			if len(p.CitedBy[e.ID]) > 0 || cited[k] && k != "" || noted[e.ID] {
				continue
			}
			p.Report(Finding{Span: p.Locate(e.Span), Reference: e.ID,
				Message: fmt.Sprintf("reference %s (%s) is not cited in the text", e.ID, shorten(e.Text, 60))})
		}
	}
}

// workKeys returns the citations.WorkKey of every entry of every list, in order,
// computing them once for the rules that need them.
func (p *Pass) workKeys() []string {
	if p.keys == nil {
		p.keys = make([]string, 0, p.EntryCount())
		for li := range p.Lists {
			for ei := range p.Lists[li].Entries {
				p.keys = append(p.keys, citations.WorkKey(&p.Lists[li].Entries[ei]))
			}
		}
	}
	return p.keys
}

func runDuplicateReference(p *Pass) {
	keys := p.workKeys()
	first := map[string]*citations.Reference{}
	n := 0
	for li := range p.Lists {
		for ei := range p.Lists[li].Entries {
			e := &p.Lists[li].Entries[ei]
			k := keys[n]
			n++
			if k == "" || e.Short || len(e.Works) > 0 {
				continue // a note names a work, it does not list it
			}
			if f, ok := first[k]; ok {
				msg := fmt.Sprintf("reference %s lists the same work as %s (line %d)", e.ID, f.ID, p.Locate(f.Span).Line)
				if a, b := documentNumber(f.Text), documentNumber(e.Text); a != "" && b != "" && a != b {
					// "[COND] Fielding et al., "… Conditional Requests", RFC7232"
					// and "[RANGE] … "… Conditional Requests", RFC7233": one
					// title copied onto another document
					msg = fmt.Sprintf("reference %s gives the author, year and title of %s (line %d) to another document (%s, not %s): one of them misdescribes its work",
						e.ID, f.ID, p.Locate(f.Span).Line, b, a)
				}
				p.Report(Finding{Span: p.Locate(e.Span), Reference: e.ID, Message: msg,
					Related: []Related{{Message: "first listed here", Span: p.Locate(f.Span)}}})
				continue
			}
			first[k] = e
		}
	}
}

// documentNumber returns the number an entry gives its document in a
// numbered series ("RFC7233" or "RFC 7233", "BCP 14", "STD 66"), as
// "RFC 7233", or "" when it gives none.
func documentNumber(entry string) string {
	for _, series := range [...]string{"RFC", "BCP", "STD"} {
		for i := 0; ; {
			j := strings.Index(entry[i:], series)
			if j < 0 {
				break
			}
			start := i + j
			k := start + len(series)
			if k < len(entry) && entry[k] == ' ' {
				k++
			}
			d := k
			for d < len(entry) && isDigit(entry[d]) {
				d++
			}
			if d > k && (start == 0 || !isASCIILetter(entry[start-1])) && (d == len(entry) || !isASCIILetter(entry[d])) {
				return series + " " + entry[k:d]
			}
			i = start + len(series)
		}
	}
	return ""
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func runMalformedReference(p *Pass) {
	// a text cites its lists by author and year when an author-year
	// citation points into them; one that carries its own source and no
	// entry lists (unlisted) says nothing of the lists' style
	authorYear := false
	for i, c := range p.Citations {
		if c.Kind == citations.KindAuthorYear && p.Links[i].Status != citations.Unlisted {
			authorYear = true
			break
		}
	}
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			var missing []string
			hasLocator := e.URL != "" || e.DOI != ""
			switch {
			case authorYear && (len(e.Authors) == 0 || e.Year == ""):
				if len(e.Authors) == 0 {
					missing = append(missing, "author")
				}
				if e.Year == "" {
					missing = append(missing, "year")
				}
			case len(e.Authors) == 0 && e.Title == "" && !hasLocator:
				missing = append(missing, "author", "title")
			}
			if len(missing) == 0 {
				continue
			}
			p.Report(Finding{Span: p.Locate(e.Span), Reference: e.ID,
				Message: fmt.Sprintf("reference %s has no recognisable %s: %s", e.ID, strings.Join(missing, " or "), shorten(e.Text, 60))})
		}
	}
}
