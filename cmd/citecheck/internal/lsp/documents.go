package lsp

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// document is an open document and its latest check.
type document struct {
	uri     string
	name    string // the path of the URI, for messages and the format
	format  sources.Format
	version protocol.Integer
	text    string

	cancel context.CancelFunc // cancels the latest check
	done   chan struct{}      // closed when the latest check has finished
	result *result            // the latest finished check; nil before one
	// publish orders the publications of the document's checks: a check
	// publishes only while it is the latest, holding publish.
	publish *sync.Mutex
}

// result is one check of one version of a document.
type result struct {
	version protocol.Integer
	lines   lineTable
	report  *citecheck.Report // nil when the check failed
	err     error
}

// formatOf returns the format of a document from its language identifier,
// else from its file name; false for a document citecheck does not read.
func formatOf(languageID, name string) (sources.Format, bool) {
	switch strings.ToLower(languageID) {
	case "markdown", "mdx":
		return sources.FormatMarkdown, true
	case "html", "xhtml":
		return sources.FormatHTML, true
	case "plaintext", "text":
		return sources.FormatText, true
	}
	f, ok := sources.FormatOfName(name)
	return f, ok && f != sources.FormatDOCX
}

// nameOf returns the path of a file URI, or the URI itself.
func nameOf(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Path != "" {
		return u.Path
	}
	return uri
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	name := nameOf(p.TextDocument.URI)
	format, ok := formatOf(p.TextDocument.LanguageID, name)
	if !ok {
		return nil // not ours: no diagnostics, no hover
	}
	d := &document{uri: p.TextDocument.URI, name: name, format: format, version: p.TextDocument.Version,
		text: p.TextDocument.Text, cancel: func() {}, publish: &sync.Mutex{}}
	s.mu.Lock()
	if old := s.docs[d.uri]; old != nil {
		old.cancel()
		d.publish = old.publish
	}
	s.docs[d.uri] = d
	s.schedule(d, 0)
	s.mu.Unlock()
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	text := d.text
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = c.Text
		case protocol.TextDocumentContentChangeEvent:
			lines := newLineTable(text)
			start, end := lines.offset(c.Range.Start), lines.offset(c.Range.End)
			if end < start {
				return fmt.Errorf("didChange %s: range ends before it starts", d.name)
			}
			text = text[:start] + c.Text + text[end:]
		}
	}
	d.text, d.version = text, p.TextDocument.Version
	s.schedule(d, s.opts.Debounce)
	return nil
}

func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	if d == nil {
		return nil
	}
	d.cancel()
	d.publish.Lock()
	defer d.publish.Unlock()
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	return nil
}

// schedule cancels the check of d's previous version and starts one of its
// current text, after wait. s.mu is held.
func (s *server) schedule(d *document, wait time.Duration) {
	d.cancel()
	ctx, cancel := context.WithCancel(s.ctx)
	done := make(chan struct{})
	d.cancel, d.done = cancel, done
	version, text := d.version, d.text
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(done)
		defer cancel()
		if wait > 0 {
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
				return
			}
		}
		r := s.check(ctx, d, version, text)
		if ctx.Err() != nil {
			return // a newer version, a close or the end of the connection
		}
		d.publish.Lock()
		defer d.publish.Unlock()
		s.mu.Lock()
		current := s.docs[d.uri] == d && d.version == version
		if current {
			d.result = r
		}
		s.mu.Unlock()
		if current {
			v := protocol.UInteger(max(0, version))
			s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{
				URI: d.uri, Version: &v, Diagnostics: diagnostics(d.uri, r)})
		}
	}()
}

// check checks one version of a document. A document over the size limit
// is refused before it is read.
func (s *server) check(ctx context.Context, d *document, version protocol.Integer, text string) *result {
	r := &result{version: version, lines: newLineTable(text)}
	opts := s.opts.Check
	opts.Name, opts.Format = d.name, d.format
	if s.opts.Configure != nil {
		o, err := s.opts.Configure(d.name, opts)
		if err != nil {
			r.err = &configError{err}
			return r
		}
		opts = o
	}
	opts.Resolver, opts.Progress = nil, nil // live checking never touches the network
	maxBytes := opts.Limits.MaxBytes
	if maxBytes <= 0 {
		maxBytes = sources.DefaultMaxBytes
	}
	if int64(len(text)) > maxBytes {
		r.err = &citecheck.LimitError{Input: d.name, Limit: "bytes", Max: maxBytes,
			Err: fmt.Errorf("%w: %d bytes", sources.ErrTooLarge, len(text))}
		return r
	}
	r.report, r.err = citecheck.Check(ctx, strings.NewReader(text), opts)
	return r
}

// waitResult waits for the latest check of the document at uri and returns
// it; false when the document is not open or ctx ends first.
func (s *server) waitResult(ctx context.Context, uri string) (*document, *result, bool) {
	s.mu.Lock()
	d := s.docs[uri]
	var done chan struct{}
	if d != nil {
		done = d.done
	}
	s.mu.Unlock()
	if d == nil {
		return nil, nil, false
	}
	select {
	case <-done:
	case <-ctx.Done():
		return nil, nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.result == nil || d.result.version != d.version {
		return nil, nil, false
	}
	return d, d.result, true
}

// severities maps citecheck's severities to the protocol's.
func severity(s citecheck.Severity) protocol.DiagnosticSeverity {
	switch s {
	case citecheck.SeverityError:
		return protocol.DiagnosticSeverityError
	case citecheck.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// source names citecheck in every diagnostic.
const source = "citecheck"

// configError is the error of Options.Configure, told apart in the
// diagnostic's code.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// diagnostics turns a check into the document's diagnostics: its findings,
// or the one error that stopped it, at its position when it has one.
func diagnostics(uri string, r *result) []protocol.Diagnostic {
	src := source
	if r.err != nil {
		sev := protocol.DiagnosticSeverityError
		code := "input-error"
		rng := r.lines.rangeOf(0, 0)
		var le *citecheck.LimitError
		var ie *sources.InputError
		switch {
		case errors.As(r.err, &le):
			code = "limit-" + le.Limit
		case errors.As(r.err, new(*configError)):
			code = "config-error"
		case errors.As(r.err, &ie) && ie.Pos.Line > 0:
			rng = r.lines.rangeOf(ie.Pos.Offset, ie.Pos.Offset)
		}
		return []protocol.Diagnostic{{Range: rng, Severity: &sev, Code: &protocol.IntegerOrString{Value: code},
			Source: &src, Message: r.err.Error()}}
	}
	out := make([]protocol.Diagnostic, 0, len(r.report.Findings))
	for _, f := range r.report.Findings {
		sev := severity(f.Severity)
		href := f.URL
		if href == "" {
			href = citecheck.DocsURL(f.Code)
		}
		d := protocol.Diagnostic{
			Range: r.lines.rangeOf(f.Span.Start, f.Span.End), Severity: &sev,
			Code: &protocol.IntegerOrString{Value: f.Code}, CodeDescription: &protocol.CodeDescription{HRef: href},
			Source: &src, Message: f.Message,
		}
		for _, rel := range f.Related {
			d.RelatedInformation = append(d.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: uri, Range: r.lines.rangeOf(rel.Span.Start, rel.Span.End)},
				Message:  rel.Message,
			})
		}
		out = append(out, d)
	}
	return out
}

// suppression is the comment that silences code on the next line, in the
// document's format.
func suppression(format sources.Format, code string) string {
	if format == sources.FormatText {
		return "# citecheck-disable-next-line " + code
	}
	return "<!-- citecheck-disable-next-line " + code + " -->"
}
