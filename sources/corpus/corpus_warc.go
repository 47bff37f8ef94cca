package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/citecheck/citecheck/sources"
)

// readWARC reads the HTML responses of a WARC file, plain or gzipped. A
// .warc.gz with one gzip member per record (Common Crawl's layout) is read
// member by member, so record offsets are offsets in the compressed file
// and a corrupt member costs only its record; a .warc.gz compressed as one
// stream is decompressed as a whole, and its offsets are offsets in the
// decompressed stream.
func (r *corpusReader) readWARC(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, 0, fmt.Errorf("open: %w", err))
	}
	defer f.Close()
	var stream io.Reader = f
	if wholeFileGzip(path) {
		// gowarc reads one record per gzip member and would silently drop
		// the rest of a member holding several, so decompress here
		gz, err := gzip.NewReader(f)
		if err != nil {
			return r.fail(path, 0, fmt.Errorf("%w: gzip: %w", ErrMalformed, err))
		}
		defer gz.Close()
		stream = gz
	}
	// The reader caches one record's block at a time (in memory up to
	// 1 MiB, then in a temporary file), so memory stays bounded. It must
	// validate the record (the default policy) for the block to be cached
	// at all: unvalidated blocks are discarded before Next returns.
	wr, err := gowarc.NewWarcFileReaderFromStream(stream, 0)
	if err != nil {
		return r.fail(path, 0, fmt.Errorf("%w: %w", ErrMalformed, err))
	}
	defer wr.Close()
	lastOffset := int64(-1)
	for {
		if !r.alive(path) {
			return false
		}
		rec, err := wr.Next()
		if err != nil {
			rec.Close()
			if errors.Is(err, io.EOF) && rec.WarcRecord == nil && rec.Size == 0 {
				return true
			}
			// A record whose headers cannot be parsed leaves the reader in
			// an unknown place; it resynchronises on the next "WARC/" or
			// gzip member, but stop when it makes no progress.
			id := path + "#" + strconv.FormatInt(rec.Offset, 10)
			if r.inShard(id) && !r.fail(path, rec.Offset, warcError(err)) {
				return false
			}
			if rec.Offset <= lastOffset || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return true
			}
			lastOffset = rec.Offset
			continue
		}
		lastOffset = rec.Offset
		ok := r.readWARCRecord(path, rec)
		rec.Close()
		if !ok {
			return false
		}
	}
}

// warcError classifies an error from the WARC reader.
func warcError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %w", ErrTruncated, err)
	}
	return fmt.Errorf("%w: %w", ErrMalformed, err)
}

// readWARCRecord yields the article in one WARC record, if it holds one.
func (r *corpusReader) readWARCRecord(path string, rec gowarc.Record) bool {
	wrec := rec.WarcRecord
	if wrec == nil || wrec.Type() != gowarc.Response {
		return true
	}
	hdr := wrec.WarcHeader()
	id := hdr.Get(gowarc.WarcTargetURI)
	input := path + "#" + strconv.FormatInt(rec.Offset, 10)
	if id == "" {
		id = input
	}
	if !r.inShard(id) {
		return true
	}
	for _, v := range rec.Validation {
		// a record cut short: its Content-Length promises more than the
		// file has
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return r.fail(path, rec.Offset, fmt.Errorf("%w: %s: %w", ErrTruncated, id, v))
		}
		// a corrupt block: only the block digest is checked, since
		// crawlers disagree on what the payload digest covers (before or
		// after removing a transfer encoding); gowarc marks block digest
		// failures with a "block:" prefix
		var de *gowarc.DigestError
		if errors.As(v, &de) && strings.HasPrefix(v.Error(), "block:") {
			return r.fail(path, rec.Offset, fmt.Errorf("%w: %s: %w", ErrMalformed, id, v))
		}
	}
	block, isHTTP := wrec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		return true // e.g. DNS responses
	}
	if code := block.HttpStatusCode(); code < 200 || code > 299 {
		return true // redirects and errors carry no article
	}
	var ctype, encoding string
	if h := block.HttpHeader(); h != nil {
		ctype, encoding = h.Get("Content-Type"), h.Get("Content-Encoding")
	}
	if ctype == "" {
		ctype = hdr.Get("WARC-Identified-Payload-Type")
	}
	if !warcHTMLType(ctype) {
		return true
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return r.fail(path, rec.Offset, fmt.Errorf("%w: %s: payload: %w", ErrMalformed, id, err))
	}
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(payload)
		if err != nil {
			return r.fail(path, rec.Offset, fmt.Errorf("%w: %s: gzip payload: %w", ErrMalformed, id, err))
		}
		defer gz.Close()
		payload = gz
	default:
		return r.fail(path, rec.Offset, fmt.Errorf("%w: %s: content encoding %q", sources.ErrUnsupportedFormat, id, encoding))
	}
	body, err := readLimited(payload, r.opts.MaxBytes)
	if err == nil {
		err = sources.CheckEncoding(body, sources.FormatHTML)
	}
	if err != nil {
		return r.fail(path, rec.Offset, fmt.Errorf("%s: %w", id, err))
	}
	return r.emit(Article{
		ID:        id,
		Input:     input,
		URL:       hdr.Get(gowarc.WarcTargetURI),
		Published: hdr.Get(gowarc.WarcDate),
		Format:    sources.FormatHTML,
		Body:      body,
	})
}

// warcHTMLType reports whether a media type is HTML or XHTML.
func warcHTMLType(ctype string) bool {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ctype, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// wholeFileGzip reports whether path is gzipped as one stream holding many
// records rather than one gzip member per record. It decompresses the first
// member only as far as the end of its first record plus a few bytes. On
// any doubt it answers false and leaves the reporting to the WARC reader.
func wholeFileGzip(path string) bool {
	if !strings.HasSuffix(strings.ToLower(path), ".gz") {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return false
	}
	defer gz.Close()
	gz.Multistream(false)
	br := bufio.NewReader(io.LimitReader(gz, 1<<20)) // headers are small
	length := int64(-1)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return false
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return false
			}
			length = n
		}
	}
	if length < 0 {
		return false
	}
	// skip the block, then look for more records in the same member
	rest := io.MultiReader(br, gz)
	if _, err := io.CopyN(io.Discard, rest, length); err != nil {
		return false
	}
	tail, _ := io.ReadAll(io.LimitReader(rest, 64))
	return len(bytes.TrimSpace(tail)) > 0
}
