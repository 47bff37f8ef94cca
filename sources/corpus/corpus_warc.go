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
//
// A record whose Content-Length claims more than the stream holds would
// take every record after it for its block. Outside a gzip member, which
// bounds it, the reader reports it and resumes at the next line that
// starts a WARC record after the bad record's first line.
func (r *corpusReader) readWARC(path string) bool {
	w, err := openWARC(path)
	if err != nil {
		return r.fail(path, 0, err)
	}
	defer w.f.Close()
	wr, closeStream, err := w.records(0)
	for err == nil && wr != nil {
		resume, ok := r.readWARCRecords(path, wr, w.perMember)
		wr.Close()
		closeStream()
		switch {
		case !ok:
			return false
		case resume < 0:
			return true
		}
		wr, closeStream, err = w.records(resume)
	}
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		// a stream that ends early was reported with the record it cut
		return r.fail(path, 0, err)
	}
	return true
}

// readWARCRecords reads the records of wr. It returns where to resume
// reading, after a record that ran out of data outside a gzip member
// (perMember false), or -1 at the end; ok is false when the iteration must
// stop.
func (r *corpusReader) readWARCRecords(path string, wr *gowarc.WarcFileReader, perMember bool) (resume int64, ok bool) {
	lastOffset := int64(-1)
	for {
		if !r.alive(path) {
			return -1, false
		}
		rec, err := wr.Next()
		if err != nil {
			rec.Close()
			if errors.Is(err, io.EOF) && rec.WarcRecord == nil && rec.Size == 0 {
				return -1, true
			}
			// A record whose headers cannot be parsed leaves the reader in
			// an unknown place; it resynchronises on the next "WARC/" or
			// gzip member, but stop when it makes no progress.
			id := path + "#" + strconv.FormatInt(rec.Offset, 10)
			if r.inShard(id) && !r.fail(path, rec.Offset, warcError(err)) {
				return -1, false
			}
			if rec.Offset <= lastOffset {
				return -1, true
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				if perMember {
					return -1, true
				}
				return rec.Offset + 1, true
			}
			lastOffset = rec.Offset
			continue
		}
		lastOffset = rec.Offset
		short := !perMember && ranShort(rec)
		ok := r.readWARCRecord(path, rec)
		rec.Close()
		switch {
		case !ok:
			return -1, false
		case short:
			return rec.Offset + 1, true
		}
	}
}

// ranShort reports whether the stream ended before rec's block did: its
// Content-Length claims more bytes than were left.
func ranShort(rec gowarc.Record) bool {
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return true
		}
	}
	return false
}

// warcFile is an open WARC file, read from any offset of its stream of
// records.
type warcFile struct {
	f    *os.File
	size int64
	// oneStream is set for a file gzipped as one stream: offsets are in
	// the decompressed stream. perMember is set for a file gzipped record
	// by record, where a record cannot run past its gzip member.
	oneStream, perMember bool
}

// openWARC opens the WARC file at path. Close its f when done.
func openWARC(path string) (*warcFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open: %w", err)
	}
	// gowarc reads one record per gzip member and would silently drop
	// the rest of a member holding several, so a file gzipped as one
	// stream is decompressed here
	oneStream := wholeFileGzip(path)
	gz := strings.HasSuffix(strings.ToLower(path), ".gz")
	return &warcFile{f: f, size: info.Size(), oneStream: oneStream, perMember: gz && !oneStream}, nil
}

// records returns a reader of the records of w from offset off of its
// stream: from the start when off is 0, else from the first line after off
// that starts a WARC record; nil, with a nil error, when there is none.
// Close the reader, then call closeStream.
//
// The reader caches one record's block at a time (in memory up to 1 MiB,
// then in a temporary file), so memory stays bounded. It must validate the
// record (the default policy) for the block to be cached at all:
// unvalidated blocks are discarded before Next returns.
func (w *warcFile) records(off int64) (wr *gowarc.WarcFileReader, closeStream func(), err error) {
	var (
		stream io.Reader
		skip   int64 // bytes of stream before off
	)
	closeStream = func() {}
	if w.oneStream {
		gz, err := gzip.NewReader(io.NewSectionReader(w.f, 0, w.size))
		if err != nil {
			return nil, nil, fmt.Errorf("%w: gzip: %w", ErrMalformed, err)
		}
		stream, skip, closeStream = gz, off, func() { gz.Close() }
	} else {
		stream = io.NewSectionReader(w.f, off, max(w.size-off, 0))
	}
	// Not a seeker: gowarc takes off as where the stream starts.
	br := bufio.NewReaderSize(stream, 64<<10)
	if off > 0 {
		skipped, found, err := skipToRecord(br, skip)
		if err != nil || !found {
			closeStream()
			return nil, func() {}, err
		}
		off += skipped
	}
	if wr, err = gowarc.NewWarcFileReaderFromStream(br, off); err != nil {
		closeStream()
		return nil, nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return wr, closeStream, nil
}

// warcMagic starts the first line of a WARC/1.0 or WARC/1.1 record.
var warcMagic = []byte("WARC/1.")

// skipToRecord discards the first skip bytes of br (a stream that cannot
// seek), then the bytes up to the next line that starts with warcMagic,
// and returns how many it discarded after skip; found is false when the
// stream ends first.
func skipToRecord(br *bufio.Reader, skip int64) (skipped int64, found bool, err error) {
	if _, err := io.CopyN(io.Discard, br, skip); err != nil {
		return 0, false, err
	}
	for {
		line, err := br.ReadSlice('\n')
		skipped += int64(len(line))
		switch {
		case err == nil:
			next, err := br.Peek(len(warcMagic))
			if bytes.Equal(next, warcMagic) {
				return skipped, true, nil
			}
			if err != nil {
				return skipped, false, err
			}
		case errors.Is(err, bufio.ErrBufferFull):
		default:
			return skipped, false, err
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
		File:      path,
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
