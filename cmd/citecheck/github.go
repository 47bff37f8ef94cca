package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/citecheck/citecheck"
)

// writeGitHub writes each finding as a GitHub Actions workflow command
// (::error, ::warning, ::notice), which the runner turns into an annotation
// on the pull request's changed line:
//
//	::error file=drafts/a.md,line=3,col=5,endLine=3,endColumn=19,title=citation-mismatch::citation "Ma, 2020" does not match…
//
// The places a finding relates to (the citations an absent reference list
// leaves unresolved, the near entry of a mismatch) follow its message, one
// a line. Nothing else is written: the summary lines of the text format
// would be noise in the log.
func writeGitHub(w io.Writer, r *citecheck.Report) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.Reset()
		b.WriteString("::")
		b.WriteString(githubCommand(f.Severity))
		b.WriteString(" file=")
		b.WriteString(escapeGitHubProperty(r.Input))
		if s := f.Span; s.Line > 0 {
			fmt.Fprintf(&b, ",line=%d,col=%d", s.Line, s.Column)
			if s.EndLine > 0 {
				fmt.Fprintf(&b, ",endLine=%d,endColumn=%d", s.EndLine, s.EndColumn)
			}
		}
		b.WriteString(",title=")
		b.WriteString(escapeGitHubProperty(f.Code))
		b.WriteString("::")
		msg := f.Message
		for _, rel := range f.Related {
			msg += fmt.Sprintf("\n%s (line %d, column %d)", rel.Message, rel.Span.Line, rel.Span.Column)
		}
		b.WriteString(escapeGitHubData(msg))
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// githubCommand is the workflow command of a severity: information is a
// notice.
func githubCommand(s citecheck.Severity) string {
	switch s {
	case citecheck.SeverityError:
		return "error"
	case citecheck.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// escapeGitHubData escapes a workflow command's message as the Actions
// runner reads it back (@actions/core's escapeData): percent signs and
// line breaks.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a workflow command's property value
// (escapeProperty): as a message, and also the colon and comma that
// separate properties.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
