package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest input Read accepts unless told otherwise.
const DefaultMaxBytes = 16 << 20

// ErrLimit means an input went past one of the limits that bound what
// citecheck holds for one document: its size, its citations, its reference
// entries, its findings. Every such error wraps it (ErrTooLarge too), and
// says which limit and how to raise it.
var ErrLimit = errors.New("limit exceeded")

// Errors Read returns, wrapped in an *InputError; test for them with errors.Is.
var (
	// ErrTooLarge means the input is larger than the size limit; it wraps
	// ErrLimit.
	ErrTooLarge = fmt.Errorf("input too large (%w)", ErrLimit)
	// ErrBinary means the input is not text (it holds NUL bytes).
	ErrBinary = errors.New("binary data, not text")
	// ErrUnsupportedFormat means the format asked for is not one citecheck reads.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrEncoding means the input's character encoding could not be decoded.
	ErrEncoding = errors.New("undecodable character encoding")
)

// InputError is an error about one input, with the place it occurred when
// there is one.
type InputError struct {
	Name string
	// Pos is where in the input the problem is; Line is zero when the
	// problem is with the input as a whole.
	Pos Position
	Err error
}

// Error formats the error as name:line:col: cause, or name: cause.
func (e *InputError) Error() string {
	name := e.Name
	if name == "" {
		name = "<input>"
	}
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", name, e.Pos.Line, e.Pos.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *InputError) Unwrap() error { return e.Err }

// ReadOptions control Read. The zero value reads any supported format,
// detected from the name and the content, up to DefaultMaxBytes.
type ReadOptions struct {
	// Name is the input's name for messages and format detection.
	Name string
	// Format forces a format; empty means detect it.
	Format Format
	// BaseURL resolves relative links in HTML when the page has no <base>.
	BaseURL string
	// MaxBytes limits the input size; zero means DefaultMaxBytes.
	MaxBytes int64
}

// Read reads one article from r into a Document. It never closes r and never
// touches the network.
func Read(r io.Reader, opts ReadOptions) (*Document, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	src, err := readAll(r, limit+1)
	if err != nil {
		return nil, &InputError{Name: opts.Name, Err: fmt.Errorf("read: %w", err)}
	}
	if int64(len(src)) > limit {
		return nil, &InputError{Name: opts.Name, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
	}
	return Parse(src, opts)
}

// readAll reads r to its end or to limit bytes. When r knows how much it
// holds (a *bytes.Reader, a *strings.Reader, a *bytes.Buffer, a regular
// *os.File), the buffer is allocated once at that size instead of grown by
// doubling, which would allocate about twice the input.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Len() int }:
		size = int64(v.Len())
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			if at, err := v.Seek(0, io.SeekCurrent); err == nil {
				size = fi.Size() - at
			}
		}
	}
	if size < 0 {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	var b bytes.Buffer
	b.Grow(int(min(size+1, limit)) + bytes.MinRead) // ReadFrom wants MinRead free before each read
	_, err := b.ReadFrom(io.LimitReader(r, limit))
	return b.Bytes(), err
}

// Parse is Read for input already in memory. The Document keeps src as its
// Src (a DOCX excepted, whose Src is its text); the caller must not change
// it afterwards.
func Parse(src []byte, opts ReadOptions) (*Document, error) {
	if opts.MaxBytes > 0 && int64(len(src)) > opts.MaxBytes {
		return nil, &InputError{Name: opts.Name, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, opts.MaxBytes)}
	}
	format := opts.Format
	if format == "" {
		format = DetectFormat(opts.Name, src)
	}
	doc := &Document{Name: opts.Name, Format: format, Src: src, Charset: "utf-8"}
	if i := bytes.IndexByte(src, 0); i >= 0 && format != FormatDOCX && !isWide(src) {
		return nil, &InputError{Name: opts.Name, Pos: doc.PositionOf(i), Err: ErrBinary}
	}
	info, ok := LookupFormat(format)
	if !ok {
		return nil, &InputError{Name: opts.Name, Err: fmt.Errorf("%w: %q", ErrUnsupportedFormat, format)}
	}
	if err := info.parse(doc, opts); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, &InputError{Name: opts.Name, Err: err}
	}
	return doc, nil
}

// isWide reports whether src is UTF-16 or UTF-32, whose NUL bytes are
// text, not a sign of binary data.
func isWide(src []byte) bool {
	_, _, ok := sniffWide(src)
	return ok
}

// CheckEncoding reports, without parsing, whether src can be read as
// format: it fails with ErrBinary for a NUL byte (outside UTF-16 and
// UTF-32, which Parse decodes) and with ErrEncoding for Markdown or plain
// text that is not UTF-8, since unlike HTML they cannot declare another
// charset; a DOCX, a zip archive, is not text and always passes. The
// corpus reader uses it to refuse such records as it reads them.
func CheckEncoding(src []byte, format Format) error {
	if isWide(src) || format == FormatDOCX {
		return nil
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if format != FormatHTML && !utf8.Valid(src) {
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrEncoding, format)
	}
	return nil
}
