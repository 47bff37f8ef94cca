package citecheck

import (
	"errors"
	"fmt"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// DefaultMaxFindings is the most findings one document may have unless
// Limits.MaxFindings says otherwise: more than its citations and entries
// at their own limits could give, short of a pathological input.
const DefaultMaxFindings = 200_000

// Limits bound what one document may make citecheck hold, so that the time
// and memory of a check stay within a multiple of its input whatever the
// input is (the README gives the figures). A document past a limit fails
// with a *LimitError, which wraps sources.ErrLimit and names the limit and
// the command-line flag that raises it; nothing is cut silently. A zero
// field means its default.
type Limits struct {
	// MaxBytes is the largest input; zero means sources.DefaultMaxBytes
	// (16 MiB). Flag --max-bytes.
	MaxBytes int64
	// MaxCitations is the most in-text citations, a range such as "[4–6]"
	// counting each number; zero means citations.DefaultMaxCitations.
	// Flag --max-citations.
	MaxCitations int
	// MaxReferences is the most reference-list entries; zero means
	// citations.DefaultMaxReferences. Flag --max-references.
	MaxReferences int
	// MaxFindings is the most findings; zero means DefaultMaxFindings.
	// Flag --max-findings.
	MaxFindings int
}

// withDefaults fills the zero fields with the defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = sources.DefaultMaxBytes
	}
	if l.MaxCitations <= 0 {
		l.MaxCitations = citations.DefaultMaxCitations
	}
	if l.MaxReferences <= 0 {
		l.MaxReferences = citations.DefaultMaxReferences
	}
	if l.MaxFindings <= 0 {
		l.MaxFindings = DefaultMaxFindings
	}
	return l
}

// LimitError is a document past one of its Limits.
type LimitError struct {
	// Input is the document's name.
	Input string
	// Limit names what went past its limit: "bytes", "citations",
	// "references" or "findings".
	Limit string
	// Max is the limit.
	Max int64
	// Err is the cause; it wraps sources.ErrLimit.
	Err error
}

// Error says what went past which limit, and how to raise it.
func (e *LimitError) Error() string {
	msg := e.Input + ": " + e.Err.Error()
	if ie := (*sources.InputError)(nil); errors.As(e.Err, &ie) {
		msg = e.Err.Error() // it names the input already
	}
	return fmt.Sprintf("%s (the limit is %d %s: raise it with --max-%s, or Limits.Max%s in Go)",
		msg, e.Max, e.Limit, e.Limit, limitField[e.Limit])
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *LimitError) Unwrap() error { return e.Err }

// limitField is the field of Limits for each limit's name.
var limitField = map[string]string{"bytes": "Bytes", "citations": "Citations", "references": "References", "findings": "Findings"}

// limitError turns an error from reading or analysing a document into a
// *LimitError when it is about a limit, naming which one.
func limitError(input string, l Limits, err error) error {
	var le *LimitError
	if errors.As(err, &le) || !errors.Is(err, sources.ErrLimit) {
		return err
	}
	switch {
	case errors.Is(err, sources.ErrTooLarge):
		return &LimitError{Input: input, Limit: "bytes", Max: l.MaxBytes, Err: err}
	case errors.Is(err, citations.ErrTooManyCitations):
		return &LimitError{Input: input, Limit: "citations", Max: int64(l.MaxCitations), Err: err}
	case errors.Is(err, citations.ErrTooManyReferences):
		return &LimitError{Input: input, Limit: "references", Max: int64(l.MaxReferences), Err: err}
	}
	return err
}

// errTooManyFindings means a document has more findings than
// Limits.MaxFindings; it wraps sources.ErrLimit.
var errTooManyFindings = fmt.Errorf("too many findings (%w)", sources.ErrLimit)
