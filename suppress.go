package citecheck

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// SuppressedFinding is a finding a suppression comment in the draft turned
// off: kept in Report.Suppressed, with where the comment is, rather than
// lost.
type SuppressedFinding struct {
	Finding
	// SuppressedBy is the suppression comment.
	SuppressedBy sources.Location `json:"suppressed_by"`
	// Reason is what the comment gives after "--", if anything.
	Reason string `json:"reason,omitempty"`
}

// maxDirectives is the most suppression comments one document may hold;
// the rest are reported (invalid-suppression), not applied. It keeps
// matching findings to comments cheap whatever the input.
const maxDirectives = 1000

// suppressComment is one suppression comment being applied.
type suppressComment struct {
	rawDirective
	at sources.Location
	// codes are the known codes named; all is true when none is named.
	codes []string
	all   bool
	// used are the codes it suppressed a finding of ("" for all).
	used map[string]bool
}

// suppressRange is where a comment applies: a line, or a byte range of Src.
type suppressRange struct {
	c *suppressComment
	// codes are the codes it applies to; nil with c.all.
	codes      []string
	line       int
	start, end int
}

func (r *suppressRange) covers(f *Finding) bool {
	if !r.c.all && !slices.Contains(r.codes, f.Code) {
		return false
	}
	if r.line > 0 {
		return f.Span.Line == r.line
	}
	return r.start <= f.Span.Start && f.Span.Start < r.end
}

// suppress applies the document's suppression comments after every rule
// has run: the findings they cover move to p.suppressed, and comments
// that are misspelt, name unknown codes or suppress nothing are reported
// when the invalid-suppression and unused-suppression rules run, at the
// severity severities (Options.Severities) gives their code, else as
// warnings.
func (p *Pass) suppress(severities map[string]Severity) {
	severityOf := func(code string) Severity {
		if s, ok := severities[code]; ok {
			return s
		}
		return SeverityWarning
	}
	raws := findDirectives(p.Doc)
	if i := wideDirective(p.Doc); i >= 0 && p.runs(CodeInvalidSuppression) {
		// not applied, but not silently either
		p.findings = append(p.findings, Finding{Code: CodeInvalidSuppression, Severity: severityOf(CodeInvalidSuppression),
			Span: p.srcLocation(i, i+len(directivePrefix)*wideSize(p.Doc.Charset)), URL: DocsURL(CodeInvalidSuppression),
			Message: fmt.Sprintf("suppression comments are not read in %s input; save it as UTF-8 for them to apply", p.Doc.Charset)})
	}
	if len(raws) == 0 {
		return
	}
	var meta []Finding // findings about the comments themselves
	report := func(code string, at sources.Location, format string, args ...any) {
		if p.runs(code) {
			meta = append(meta, Finding{Code: code, Severity: severityOf(code), Span: at, URL: DocsURL(code),
				Message: fmt.Sprintf(format, args...)})
		}
	}
	if len(raws) > maxDirectives {
		at := p.srcLocation(raws[maxDirectives].start, raws[maxDirectives].end)
		report(CodeInvalidSuppression, at, "more than %d suppression comments: this one and the %d after it are not applied", maxDirectives, len(raws)-maxDirectives-1)
		raws = raws[:maxDirectives]
	}
	known := p.knownCodes()
	var ranges []*suppressRange
	var comments []*suppressComment
	type open struct {
		c     *suppressComment
		codes []string // still open; nil with c.all
	}
	var opened []open
	closeRange := func(o open, codes []string, end int) {
		ranges = append(ranges, &suppressRange{c: o.c, codes: codes, start: o.c.end, end: end})
	}
	for _, raw := range raws {
		c := &suppressComment{rawDirective: raw, at: p.srcLocation(raw.start, raw.end), used: map[string]bool{}}
		if raw.kind == directiveUnknown {
			msg := fmt.Sprintf("unknown suppression %q", raw.name)
			if near := closestWord(raw.name, []string{directiveNextLine, directiveDisable, directiveEnable}); near != "" {
				msg += fmt.Sprintf("; did you mean %s?", near)
			}
			report(CodeInvalidSuppression, c.at, "%s", msg)
			continue
		}
		for _, code := range raw.codes {
			if known[code] {
				if !slices.Contains(c.codes, code) {
					c.codes = append(c.codes, code)
				}
				continue
			}
			msg := fmt.Sprintf("%s names unknown code %q", raw.name, code)
			if near := closestWord(code, slices.Sorted(maps.Keys(known))); near != "" {
				msg += fmt.Sprintf("; did you mean %s?", near)
			}
			report(CodeInvalidSuppression, c.at, "%s", msg)
		}
		c.all = len(raw.codes) == 0
		if !c.all && len(c.codes) == 0 {
			continue // only unknown codes: reported, and it suppresses nothing
		}
		switch raw.kind {
		case directiveKindNextLine:
			comments = append(comments, c)
			ranges = append(ranges, &suppressRange{c: c, codes: c.codes, line: p.nextLine(raw.end, raws)})
		case directiveKindDisable:
			comments = append(comments, c)
			opened = append(opened, open{c: c, codes: slices.Clone(c.codes)})
		case directiveKindEnable:
			if c.all {
				if len(opened) == 0 {
					report(CodeUnusedSuppression, c.at, "citecheck-enable ends no citecheck-disable")
				}
				for _, o := range opened {
					closeRange(o, o.codes, raw.start)
				}
				opened = opened[:0]
				continue
			}
			for _, code := range c.codes {
				closed := false
				for i := range opened {
					o := &opened[i]
					if !o.c.all && slices.Contains(o.codes, code) {
						closeRange(*o, []string{code}, raw.start)
						o.codes = slices.DeleteFunc(o.codes, func(s string) bool { return s == code })
						closed = true
					}
				}
				if !closed {
					report(CodeUnusedSuppression, c.at, "citecheck-enable %s ends no citecheck-disable of %s (a citecheck-disable of every code ends at a citecheck-enable of every code)", code, code)
				}
			}
			opened = slices.DeleteFunc(opened, func(o open) bool { return !o.c.all && len(o.codes) == 0 })
		}
	}
	for _, o := range opened {
		closeRange(o, o.codes, len(p.Doc.Src))
	}
	kept := p.findings[:0]
	for _, f := range p.findings {
		if r := firstCovering(ranges, &f); r != nil {
			p.suppressed = append(p.suppressed, suppressedBy(f, r))
			continue
		}
		kept = append(kept, f)
	}
	p.findings = kept
	for _, c := range comments {
		unused := []string{}
		switch {
		case c.all && !c.used[""]:
			unused = append(unused, "")
		case !c.all:
			for _, code := range c.codes {
				if !c.used[code] && !isSuppressionCode(code) && p.runs(code) {
					unused = append(unused, code)
				}
			}
		}
		switch {
		case len(unused) == 0:
		case unused[0] == "":
			report(CodeUnusedSuppression, c.at, "%s suppresses nothing", c.name)
		default:
			report(CodeUnusedSuppression, c.at, "%s suppresses no %s finding", c.name, strings.Join(unused, " or "))
		}
	}
	// findings about the comments are suppressed only by a comment naming
	// their code
	for _, f := range meta {
		if r := firstCovering(ranges, &f); r != nil && !r.c.all {
			p.suppressed = append(p.suppressed, suppressedBy(f, r))
			continue
		}
		p.findings = append(p.findings, f)
	}
}

func suppressedBy(f Finding, r *suppressRange) SuppressedFinding {
	code := f.Code
	if r.c.all {
		code = ""
	}
	r.c.used[code] = true
	return SuppressedFinding{Finding: f, SuppressedBy: r.c.at, Reason: r.c.reason}
}

// firstCovering returns the first range, in the order of the comments,
// that covers a finding, or nil.
func firstCovering(ranges []*suppressRange, f *Finding) *suppressRange {
	var best *suppressRange
	for _, r := range ranges {
		if r.covers(f) && (best == nil || r.c.start < best.c.start) {
			best = r
		}
	}
	return best
}

// isSuppressionCode reports the codes of findings about suppressions,
// which a comment may name without being unused when none is found.
func isSuppressionCode(code string) bool {
	return code == CodeUnusedSuppression || code == CodeInvalidSuppression
}

// nextLine returns the line a disable-next-line comment ending at end
// applies to: the first line after the comment's own that is neither
// blank nor only suppression comments; 0 when there is none.
func (p *Pass) nextLine(end int, raws []rawDirective) int {
	src := p.Doc.Src
	i := end
	for i < len(src) && src[i] != '\n' {
		i++
	}
	k := 0 // raws[k:] start at or after i
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\r', '\n', '\f', '\v':
			i++
			continue
		}
		for k < len(raws) && raws[k].start < i {
			k++
		}
		if k < len(raws) && raws[k].start == i {
			i = raws[k].end
			continue
		}
		return p.Doc.PositionOf(i).Line
	}
	return 0
}

// srcLocation locates a byte range of Src.
func (p *Pass) srcLocation(start, end int) sources.Location {
	from, to := p.Doc.PositionOf(start), p.Doc.PositionOf(end)
	return sources.Location{Start: from.Offset, End: to.Offset, Line: from.Line, Column: from.Column,
		EndLine: to.Line, EndColumn: to.Column}
}

// knownCodes are the codes a suppression may name: those of the default
// rules and of the check's own.
func (p *Pass) knownCodes() map[string]bool {
	known := map[string]bool{}
	for _, r := range defaultRules() {
		known[r.Code] = true
	}
	for _, r := range p.rules {
		known[r.Code] = true
	}
	return known
}

// closestWord returns the candidate fewest edits from word, within a third
// of its length, or "" when none is that near.
func closestWord(word string, candidates []string) string {
	best, bestDist := "", max(1, len([]rune(word))/3)+1
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev, cur := make([]int, len(t)+1), make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(t)]
}
