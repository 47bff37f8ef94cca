package main

import (
	"fmt"
	"io"

	"github.com/citecheck/citecheck"
)

// findingsWriter writes the reports of `citecheck check` in one --format.
type findingsWriter interface {
	// write writes, or keeps, one input's report.
	write(r *citecheck.Report) error
	// fail records an input that could not be checked (its error is on
	// standard error already).
	fail(name string, err error)
	// finish writes what was kept.
	finish() error
}

// newFindingsWriter returns the writer of format, one of the values
// --format takes; out is -o (html only).
func newFindingsWriter(format string, w io.Writer, out string) findingsWriter {
	switch format {
	case "html":
		return newHTMLFindings(w, out)
	case "json":
		return jsonFindings{newJSONWriter(w)}
	case "sarif":
		return newSARIFWriter(w, version())
	case "github":
		return githubFindings{w}
	}
	return textFindings{w}
}

type textFindings struct{ w io.Writer }

func (t textFindings) write(r *citecheck.Report) error { writeText(t.w, r); return nil }
func (textFindings) fail(string, error)                {}
func (textFindings) finish() error                     { return nil }

type jsonFindings struct{ jw *jsonWriter }

func (j jsonFindings) write(r *citecheck.Report) error { return j.jw.write(r) }
func (jsonFindings) fail(string, error)                {}
func (jsonFindings) finish() error                     { return nil }

type githubFindings struct{ w io.Writer }

func (g githubFindings) write(r *citecheck.Report) error { return writeGitHub(g.w, r) }
func (githubFindings) fail(string, error)                {}
func (githubFindings) finish() error                     { return nil }

func (sw *sarifWriter) write(r *citecheck.Report) error { sw.add(r); return nil }

// writeText writes one line per finding, compiler style, each followed by
// the places it relates to as indented notes (the citations a missing
// reference list leaves unresolved, the near entry of a mismatch), then a
// summary.
func writeText(w io.Writer, r *citecheck.Report) {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", r.Input, f.Span.Line, f.Span.Column, f.Severity, f.Message, f.Code)
		for _, rel := range f.Related {
			fmt.Fprintf(w, "    %s:%d:%d: note: %s\n", r.Input, rel.Span.Line, rel.Span.Column, rel.Message)
		}
	}
	s := r.Summary
	fmt.Fprintf(w, "%s: %s (%d resolved, %d unresolved", r.Input, count(s.Citations, "citation"), s.Resolved, s.Unresolved)
	if s.Mismatched > 0 {
		fmt.Fprintf(w, ", %d mismatched", s.Mismatched)
	}
	if s.Ambiguous > 0 {
		fmt.Fprintf(w, ", %d ambiguous", s.Ambiguous)
	}
	if s.Links > 0 {
		fmt.Fprintf(w, ", %s", count(s.Links, "link"))
	}
	uncited := fmt.Sprintf("%d uncited", s.UncitedClaims)
	if s.FirstHandClaims > 0 {
		uncited += fmt.Sprintf(", %d of them first-hand", s.FirstHandClaims)
	}
	fmt.Fprintf(w, "), %s in %s, %s (%s); %s, %s", count(s.References, "reference"), count(s.ReferenceLists, "list"),
		count(s.Claims, "claim"), uncited, count(s.Errors, "error"), count(s.Warnings, "warning"))
	if s.Suppressed > 0 {
		fmt.Fprintf(w, "; %d suppressed", s.Suppressed)
	}
	fmt.Fprintln(w)
}
