package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// jsonlRecord is one line of a JSON Lines corpus.
type jsonlRecord struct {
	// ID is raw so that numeric ids are accepted as well as strings.
	ID        json.RawMessage `json:"id"`
	HTML      string          `json:"html"`
	Markdown  string          `json:"markdown"`
	Text      string          `json:"text"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Outlet    string          `json:"outlet"`
}

// readJSONL reads a JSON Lines file, gzipped when its name ends in .gz.
func (r *corpusReader) readJSONL(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, 0, fmt.Errorf("open: %w", err))
	}
	defer f.Close()
	var src io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return r.fail(path, 0, fmt.Errorf("%w: gzip: %w", ErrMalformed, err))
		}
		defer gz.Close()
		src = gz
	}
	lr := newLineReader(src, jsonlLineLimit(r.opts.MaxBytes))
	seen := make(map[idKey]int64) // the line of each id yielded
	for lineNo := int64(1); ; lineNo++ {
		if !r.alive(path) {
			return false
		}
		line, err := lr.next()
		if err == io.EOF {
			return true
		}
		if err != nil && !errors.Is(err, sources.ErrTooLarge) {
			// the stream itself broke (truncated gzip, read error): nothing
			// after this point can be trusted
			if errors.Is(err, io.ErrUnexpectedEOF) {
				err = fmt.Errorf("%w: %w", ErrTruncated, err)
			}
			if r.inShard(jsonlInput(path, lineNo)) {
				return r.fail(path, lineNo, err)
			}
			return true
		}
		if err != nil {
			if r.inShard(jsonlInput(path, lineNo)) && !r.fail(path, lineNo, err) {
				return false
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, err := parseJSONLine(line, path, lineNo, r.opts.MaxBytes)
		if !r.inShard(a.ID) {
			continue
		}
		if err == nil {
			key := keyOf(a.ID)
			if first, dup := seen[key]; dup {
				err = &DuplicateIDError{ID: a.ID, FirstLine: first}
			} else {
				seen[key] = lineNo
			}
		}
		if err != nil {
			if !r.fail(path, lineNo, err) {
				return false
			}
			continue
		}
		if !r.emit(a) {
			return false
		}
	}
}

// DuplicateIDError reports a JSON Lines record whose id an earlier record
// of the same file has. The earlier record is kept and this one is not
// yielded as an article: it is the Err of a *ReadError whose Pos is the
// later line.
type DuplicateIDError struct {
	// ID is the id the two records share.
	ID string
	// FirstLine is the 1-based line of the record kept.
	FirstLine int64
}

// Error names the id and the line of the record kept.
func (e *DuplicateIDError) Error() string {
	return fmt.Sprintf("duplicate id %q: first on line %d", e.ID, e.FirstLine)
}

// idKey stands for an id in the set of a file's ids: ids can be as long as
// a line (2×MaxBytes), so keeping them whole would make memory grow with
// their length as well as their number; 128 bits of SHA-256 make two ids
// with one key practically impossible.
type idKey [16]byte

func keyOf(id string) idKey {
	sum := sha256.Sum256([]byte(id))
	return idKey(sum[:16])
}

// jsonlLineLimit is the longest JSON Lines line read for a body limit of
// maxBytes: JSON escaping makes a body longer, typically by a few percent,
// so a line may be twice the body limit plus room for the other fields.
func jsonlLineLimit(maxBytes int64) int64 {
	return 2*maxBytes + 64<<10
}

// jsonlInput is the Input, and the default ID, of a JSON Lines record.
func jsonlInput(path string, line int64) string {
	return path + "#" + strconv.FormatInt(line, 10)
}

// parseJSONLine decodes one non-blank line of a JSON Lines corpus. On error
// it still returns the record's ID when it could find one, for sharding.
func parseJSONLine(line []byte, path string, lineNo int64, maxBytes int64) (Article, error) {
	input := jsonlInput(path, lineNo)
	a := Article{ID: input, Input: input, File: path}
	if !utf8.Valid(line) {
		// encoding/json would quietly replace the bad bytes with U+FFFD
		return a, fmt.Errorf("%w: line is not valid UTF-8", sources.ErrEncoding)
	}
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return a, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	id, err := jsonlID(rec.ID)
	if err != nil {
		return a, err
	}
	if id != "" {
		a.ID = id
	}
	a.URL, a.Published, a.Outlet = rec.URL, rec.Published, rec.Outlet
	switch {
	case rec.HTML != "":
		a.Format, a.Body = sources.FormatHTML, []byte(rec.HTML)
	case rec.Markdown != "":
		a.Format, a.Body = sources.FormatMarkdown, []byte(rec.Markdown)
	case rec.Text != "":
		a.Format, a.Body = sources.FormatText, []byte(rec.Text)
	default:
		return a, fmt.Errorf("%w: want one of html, markdown, text", ErrNoBody)
	}
	if int64(len(a.Body)) > maxBytes {
		body := len(a.Body)
		a.Body = nil
		return a, fmt.Errorf("%w: %d bytes, more than %d", sources.ErrTooLarge, body, maxBytes)
	}
	if err := sources.CheckEncoding(a.Body, a.Format); err != nil {
		a.Body = nil
		return a, err
	}
	return a, nil
}

// jsonlID turns the raw "id" value into a string: a JSON string as is, a
// number as written, null or absent as "".
func jsonlID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%w: id: %w", ErrMalformed, err)
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", fmt.Errorf("%w: id must be a string or a number", ErrMalformed)
}

// lineReader reads newline-terminated lines of bounded length, holding at
// most one line in memory.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	buf   []byte
}

// newLineReader returns a lineReader over r for lines of up to limit bytes.
func newLineReader(r io.Reader, limit int64) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// next returns the next line without its line ending; the slice is valid
// until the following call. A line longer than the limit is skipped and
// reported with sources.ErrTooLarge; io.EOF means there are no more lines.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	tooLong := false
	var size int64
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if size > lr.limit+2 { // +2 for a CRLF line ending
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			if size == 0 {
				return nil, io.EOF
			}
		default:
			return nil, fmt.Errorf("read: %w", err)
		}
		line := bytes.TrimSuffix(lr.buf, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if tooLong || int64(len(line)) > lr.limit {
			return nil, fmt.Errorf("%w: line longer than %d bytes", sources.ErrTooLarge, lr.limit)
		}
		return line, nil
	}
}
