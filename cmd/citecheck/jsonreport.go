package main

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/citecheck/citecheck"
)

// jsonWriter writes reports as JSON Lines, one object per line, exactly as
// a json.Encoder with HTML escaping off writes them, but element by element:
// the encoder would build the whole object in memory first, and the object
// of an article with tens of thousands of citations is tens of megabytes.
type jsonWriter struct {
	w      io.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	failed error // the first error, of encoding or writing
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{w: w}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	return jw
}

// write writes one report and a line break.
func (jw *jsonWriter) write(r *citecheck.Report) error {
	jw.raw("{")
	jw.field("version", r.Version, true)
	jw.field("input", r.Input, false)
	jw.field("format", r.Format, false)
	jw.field("title", r.Title, false)
	jw.field("meta", r.Meta, false)
	writeSlice(jw, "citations", r.Citations)
	writeSlice(jw, "references", r.References)
	writeSlice(jw, "reference_lists", r.ReferenceLists)
	writeSlice(jw, "claims", r.Claims)
	writeSlice(jw, "findings", r.Findings)
	if len(r.Suppressed) > 0 { // omitempty, as the encoder has it
		writeSlice(jw, "suppressed", r.Suppressed)
	}
	jw.field("summary", r.Summary, false)
	jw.raw("}\n")
	return jw.flush()
}

// field writes "name":value, after a comma unless it is the first.
func (jw *jsonWriter) field(name string, v any, first bool) {
	if !first {
		jw.raw(",")
	}
	jw.raw(`"` + name + `":`)
	jw.value(v)
}

// writeSlice writes "name":[...] one element at a time; a nil slice is
// null, as the encoder writes it.
func writeSlice[T any](jw *jsonWriter, name string, s []T) {
	jw.raw(`,"` + name + `":`)
	if s == nil {
		jw.raw("null")
		return
	}
	jw.raw("[")
	for i := range s {
		if i > 0 {
			jw.raw(",")
		}
		jw.value(s[i])
		if jw.buf.Len() > 64<<10 {
			_ = jw.flush() // the error stays with the writer; write reports it
		}
	}
	jw.raw("]")
}

// value encodes v without the encoder's line break.
func (jw *jsonWriter) value(v any) {
	start := jw.buf.Len()
	if err := jw.enc.Encode(v); err != nil {
		jw.buf.Truncate(start)
		jw.raw("null")
		jw.err(err)
		return
	}
	jw.buf.Truncate(jw.buf.Len() - 1)
}

func (jw *jsonWriter) raw(s string) { jw.buf.WriteString(s) }

// err records the first encoding error.
func (jw *jsonWriter) err(err error) {
	if jw.failed == nil {
		jw.failed = err
	}
}

// flush writes what is buffered.
func (jw *jsonWriter) flush() error {
	if jw.failed == nil {
		_, jw.failed = jw.w.Write(jw.buf.Bytes())
	}
	jw.buf.Reset()
	return jw.failed
}
