package citecheck

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/citecheck/citecheck/sources/resolve"
)

// The finding codes of the source rules, which need resolved sources
// (Options.Resolver) and report nothing otherwise.
const (
	CodeBrokenLink        = "broken-link"
	CodeUnreachableSource = "unreachable-source"
	CodeUnresolvableDOI   = "unresolvable-doi"
	CodeReferenceMismatch = "reference-mismatch"
	CodeRetractedSource   = "retracted-source"
)

// titleOverlapMin is the least share of the shorter title's words that the
// entry's title and the source's must have in common.
const titleOverlapMin = 0.5

// sourceRules returns the source rules, in the order their codes are
// documented.
func sourceRules() []*Rule {
	return []*Rule{
		{
			Code: CodeBrokenLink, Severity: SeverityError,
			Summary: "A cited link is dead: it failed (404, 410, a soft 404) on repeated checks on separate days, with no success since; never on one failure.",
			Fix:     "Point the citation at the work's new address, or at the archived copy the message names.",
			Run:     runBrokenLink,
		},
		{
			Code: CodeUnreachableSource, Severity: SeverityInfo,
			Summary: "A cited source could not be fetched this time (403, 429, 5xx, a timeout, robots.txt), or failed but not yet often enough to call it dead.",
			Fix:     "Nothing to do unless it persists; check the link by hand.",
			Run:     runUnreachableSource,
		},
		{
			Code: CodeUnresolvableDOI, Severity: SeverityError,
			Summary: "An entry's DOI, or one a citation carries, is malformed, or the DOI registry does not know it.",
			Fix:     "Copy the DOI again from the work's landing page.",
			Run:     runUnresolvableDOI,
		},
		{
			Code: CodeReferenceMismatch, Severity: SeverityWarning,
			Summary: "An entry's title, year (by more than one) or first author disagrees with the metadata of the source it points to.",
			Fix:     "Correct the entry, or its DOI or URL if it points at another work; the message shows both versions.",
			Run:     runReferenceMismatch,
		},
		{
			Code: CodeRetractedSource, Severity: SeverityError,
			Summary: "The cited work was retracted or withdrawn; a correction or expression of concern is reported as a warning.",
			Fix:     "Stop relying on the work, or say in the text that it was retracted and why it is still cited.",
			Run:     runRetractedSource,
		},
	}
}

// describeStatus says what a failed attempt found.
func describeStatus(src *resolve.Source) string {
	var b strings.Builder
	switch src.Status {
	case resolve.StatusUnreachable:
		b.WriteString("unreachable")
	case resolve.StatusForbidden:
		b.WriteString("refused: an internal address")
	case resolve.StatusNotFound:
		b.WriteString("not found")
	default:
		b.WriteString("could not be read")
	}
	if src.HTTPStatus != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", src.HTTPStatus)
	}
	if len(src.Notes) > 0 && src.Status != resolve.StatusUnreachable {
		b.WriteString(": ")
		b.WriteString(src.Notes[0])
	}
	return b.String()
}

func runBrokenLink(p *Pass) {
	for _, s := range p.Sources {
		if s.Shadowed || s.Resolution.Source == nil || !s.Resolution.Dead {
			continue
		}
		msg := fmt.Sprintf("%s is dead: %s", s.Resolution.Target.Describe(), s.Resolution.Evidence)
		if a := s.Resolution.Source.ArchivedURL; a != "" {
			msg += "; archived copy: " + a
		} else {
			msg += "; no archived copy found"
		}
		p.ReportSource(s, Finding{Message: msg})
	}
}

func runUnreachableSource(p *Pass) {
	for _, s := range p.Sources {
		src := s.Resolution.Source
		if s.Shadowed || src == nil || s.Resolution.Dead {
			continue
		}
		var msg string
		switch {
		case src.Status == resolve.StatusUnreachable, src.Status == resolve.StatusForbidden, src.Status == resolve.StatusError:
			msg = fmt.Sprintf("%s could not be fetched this time: %s", s.Resolution.Target.Describe(), describeStatus(src))
		case src.Status == resolve.StatusNotFound && !s.Resolution.Target.DOI:
			msg = fmt.Sprintf("%s was not found this time", s.Resolution.Target.Describe())
			if s.Resolution.Evidence != "" {
				msg += ": " + s.Resolution.Evidence
			}
		default:
			continue
		}
		p.ReportSource(s, Finding{Message: msg})
	}
}

func runUnresolvableDOI(p *Pass) {
	for _, s := range p.Sources {
		src := s.Resolution.Source
		if s.Shadowed || !s.Resolution.Target.DOI || src == nil {
			continue
		}
		switch src.Status {
		case resolve.StatusInvalid:
			p.ReportSource(s, Finding{Message: fmt.Sprintf("the DOI %q is malformed", s.Resolution.Target.Raw)})
		case resolve.StatusNotFound:
			p.ReportSource(s, Finding{Message: fmt.Sprintf("the DOI registry does not know the DOI %s", s.Resolution.Target.Raw)})
		}
	}
}

func runReferenceMismatch(p *Pass) {
	for _, s := range p.Sources {
		src := s.Resolution.Source
		if s.Reference == nil || src == nil || src.Status != resolve.StatusOK {
			continue
		}
		var diffs []string
		e := s.Reference
		if e.Title != "" && src.Title != "" && titleOverlap(e.Title, src.Title) < titleOverlapMin {
			diffs = append(diffs, fmt.Sprintf("title: the entry says %q, the source %q", shorten(e.Title, 120), shorten(src.Title, 120)))
		}
		if ey, ok := leadingYear(e.Year); ok {
			if sy, ok := leadingYear(src.Published); ok && (ey-sy > 1 || sy-ey > 1) {
				diffs = append(diffs, fmt.Sprintf("year: the entry says %d, the source %d", ey, sy))
			}
		}
		if len(e.Authors) > 0 && len(src.Authors) > 0 && !authorKnown(e.Authors[0], src) {
			diffs = append(diffs, fmt.Sprintf("first author: the entry says %q, the source %q", e.Authors[0], src.Authors[0]))
		}
		if len(diffs) == 0 {
			continue
		}
		p.ReportSource(s, Finding{Message: fmt.Sprintf("the entry disagrees with %s: %s", s.Resolution.Target.Describe(), strings.Join(diffs, "; "))})
	}
}

func runRetractedSource(p *Pass) {
	for _, s := range p.Sources {
		src := s.Resolution.Source
		if s.Shadowed || src == nil {
			continue
		}
		if src.Retracted() {
			for _, u := range src.Updates {
				if u.Retracts() {
					p.ReportSource(s, Finding{Message: fmt.Sprintf("%s was %s", s.Resolution.Target.Describe(), describeUpdate(u))})
					break
				}
			}
			continue
		}
		for _, u := range src.Updates {
			if u.Notice {
				continue
			}
			switch u.Type {
			case "correction", "erratum", "corrigendum", "expression_of_concern":
				p.ReportSource(s, Finding{Severity: SeverityWarning,
					Message: fmt.Sprintf("%s has a notice: %s", s.Resolution.Target.Describe(), describeUpdate(u))})
			default:
				continue
			}
			break
		}
	}
}

// describeUpdate says what an update is: "retracted (Retraction, 2021-03-02,
// notice 10.1/x)".
func describeUpdate(u resolve.Update) string {
	kind := strings.ReplaceAll(u.Type, "_", " ")
	switch u.Type {
	case "retraction", "partial_retraction":
		kind = "retracted"
		if u.Type == "partial_retraction" {
			kind = "partly retracted"
		}
	case "withdrawal":
		kind = "withdrawn"
	case "removal":
		kind = "removed"
	}
	var parts []string
	if u.Date != "" {
		parts = append(parts, u.Date)
	}
	if u.DOI != "" {
		parts = append(parts, "notice "+u.DOI)
	}
	if u.Source != "" {
		parts = append(parts, "per "+u.Source)
	}
	if len(parts) == 0 {
		return kind
	}
	return kind + " (" + strings.Join(parts, ", ") + ")"
}

// leadingYear reads the four-digit year a date or year field starts with.
func leadingYear(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s[:4])
	return y, err == nil && y > 0
}

// foldWords splits s into lower-case words without diacritics.
func foldWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return words
}

// titleStop are words too common to tell titles apart.
var titleStop = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"and": true, "for": true, "to": true, "with": true, "at": true, "by": true, "from": true, "is": true}

// titleOverlap is the share of the shorter title's distinct content words
// found in the other: 1 when one title contains the other (a page title
// with the site name appended), 0 when they share nothing.
func titleOverlap(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range foldWords(s) {
			if !titleStop[w] {
				m[w] = true
			}
		}
		return m
	}
	wa, wb := set(a), set(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return 1
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// authorKnown reports whether the entry's first author is among the
// source's authors or is its publisher: a news entry often names the outlet
// ("Reuters") where the page names its reporter.
func authorKnown(family string, src *resolve.Source) bool {
	if src.Publisher != "" && nameIn(family, src.Publisher) {
		return true
	}
	for _, a := range src.Authors {
		if nameIn(family, a) {
			return true
		}
	}
	return false
}

// nameIn reports whether every word of the family name family appears in
// the display name full ("Smith" in "Jane Smith" or "Smith, J.").
func nameIn(family, full string) bool {
	have := map[string]bool{}
	for _, w := range foldWords(full) {
		have[w] = true
	}
	words := foldWords(family)
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if !have[w] {
			return false
		}
	}
	return true
}
