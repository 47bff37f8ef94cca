package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// Errors about corpus records, wrapped in a *ReadError; test for them with
// errors.Is. Read also uses sources.ErrTooLarge, sources.ErrBinary, sources.ErrEncoding and
// sources.ErrUnsupportedFormat from Read.
var (
	// ErrTruncated means a record ends before its declared length (a WARC
	// record cut short, or a compressed stream that stops mid-way).
	ErrTruncated = errors.New("truncated record")
	// ErrMalformed means a record is not well-formed (a JSON Lines line that
	// is not a JSON object, a WARC record whose headers cannot be parsed).
	ErrMalformed = errors.New("malformed record")
	// ErrNoBody means a JSON Lines record has none of html, text or markdown.
	ErrNoBody = errors.New("record has no article body")
	// ErrInvalidShard means Options.Shard is not in [0, Shards).
	ErrInvalidShard = errors.New("invalid shard")
)

// Article is one article of a corpus, read by Read and not yet parsed.
// Parse it with sources.Parse(a.Body, sources.ReadOptions{Name: a.Input, Format: a.Format,
// BaseURL: a.URL}).
type Article struct {
	// ID identifies the article across runs and machines: the JSON Lines
	// "id" (input#line when it has none), the WARC record's
	// WARC-Target-URI, or the file's path as reached from the input given.
	ID string
	// Input says where the article came from: a file path, path#line for a
	// JSON Lines record (1-based line), or path#offset for a WARC record
	// (the record's byte offset in the file as stored, so in the compressed
	// file for Common Crawl's per-record .warc.gz, except for a .warc.gz
	// compressed as a single stream, where it is the decompressed offset).
	Input string
	// File is the path of the file the article was read from: Input for
	// an article file, the JSON Lines or WARC file for a record. It is
	// what a configuration per file goes by.
	File string
	// URL is the article's address when the corpus gives one.
	URL string
	// Published is the publication date exactly as the corpus gives it (for
	// WARC records, the WARC-Date of the capture).
	Published string
	// Outlet is the publishing outlet when the corpus names one.
	Outlet string
	// Format is the markup of Body.
	Format sources.Format
	// Body is the article's source, at most Options.MaxBytes long.
	Body []byte
	// Hash is the lowercase hex SHA-256 of Body.
	Hash string
}

// ReadError reports a record, file or input that Read could not
// read. Read yields it and goes on with the next record.
type ReadError struct {
	// Input is the file the problem is in (or the input as given, when it
	// could not be opened).
	Input string
	// Pos is the 1-based line for JSON Lines, the byte offset of the record
	// for WARC, and zero for a problem with a file as a whole.
	Pos int64
	// Err is the cause.
	Err error
}

// Error formats the error as input#pos: cause, or input: cause.
func (e *ReadError) Error() string {
	if e.Pos > 0 {
		return fmt.Sprintf("%s#%d: %v", e.Input, e.Pos, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *ReadError) Unwrap() error { return e.Err }

// Options control Read. The zero value reads every article of up
// to sources.DefaultMaxBytes.
type Options struct {
	// MaxBytes limits one article's body; larger ones are reported with
	// sources.ErrTooLarge. Zero means sources.DefaultMaxBytes.
	MaxBytes int64
	// Shard and Shards select the articles with ShardOf(ID, Shards) ==
	// Shard, so that Shards machines given the same inputs split them with
	// no coordination. Shards <= 1 selects every article; a Shard outside
	// [0, Shards) is reported with ErrInvalidShard and nothing is read.
	Shard, Shards int
	// Filter, when set, chooses what the walk of a directory input takes,
	// in place of the extensions (a project's include and ignore globs,
	// say). Read calls it with the directory given as input, the path of
	// each folder and file below it as the walk reaches it, and whether
	// that is a folder. A folder it refuses is not entered; a file it
	// takes is one article, in the format its extension selects, else the
	// one sources.DetectFormat finds. Symbolic links are not followed
	// whatever it says. Read calls it from the goroutine that iterates.
	Filter func(root, path string, dir bool) bool
}

// ShardOf returns the shard, in [0, shards), that an article id belongs to:
// the FNV-1a 64-bit hash of the id's bytes, modulo shards. The hash is fixed
// and documented so that any program on any machine agrees with it. For
// shards <= 1 it returns 0.
func ShardOf(id string, shards int) int {
	if shards <= 1 {
		return 0
	}
	h := fnv.New64a()
	_, _ = io.WriteString(h, id)
	return int(h.Sum64() % uint64(shards))
}

// Read reads the articles of the given inputs, one at a time, in input
// order. It holds at most one article in memory (plus, for JSON Lines, a
// line buffer as long as the longest line read, at most 2×MaxBytes+64 KiB,
// and a few dozen bytes per record of the file, to find repeated ids;
// for WARC, gowarc's 1 MiB read buffer, with larger records spilled to a
// temporary file).
//
// An input may be:
//   - a directory, walked recursively in lexical order for the files whose
//     extension selects a format of sources.FormatTable (.html, .htm,
//     .xhtml, .md, .markdown, .mdown, .mkd, .txt, .text; other files are
//     ignored, unless Options.Filter chooses; symbolic links are not
//     followed); each file is one article whose ID is its path;
//   - a single file of one of those kinds;
//   - a JSON Lines file (.jsonl or .ndjson, optionally gzipped as .gz), one
//     object per line with "id" and one of "html", "markdown" or "text"
//     (taken in that order when several are present), and optional "url",
//     "published" and "outlet"; a line without an id gets the id path#line;
//     blank lines are skipped; a record whose id an earlier record of the
//     file has is reported, with a *DuplicateIDError, and the earlier one
//     kept;
//   - a WARC file (.warc or .warc.gz, per-record gzip as Common Crawl
//     writes it). Each HTTP response record with a 2xx status and an HTML
//     body is one article, with ID and URL from WARC-Target-URI and
//     Published from WARC-Date. Other records (warcinfo, request,
//     metadata, revisit, non-HTML or non-2xx responses) are not articles
//     and are skipped without a report.
//
// Each error yielded is a *ReadError and the walk goes on after it: a
// record that cannot be read (too large, binary, undecodable text, a bad
// JSON line, a truncated or corrupt WARC record) is reported once, never
// dropped silently. A WARC record whose Content-Length runs past the end of
// the file is reported with ErrTruncated, and reading resumes at the next
// line that starts a WARC record ("WARC/1.") after the bad record's first
// line, so that the records the bad one claimed are read. An input that cannot be opened is reported once and
// the next input is read. When ctx is done, Read yields one
// *ReadError wrapping ctx.Err() and stops.
//
// With sharding, a record's error is yielded only by the record's shard
// (by its id when known, else by input#pos); errors about a whole input are
// yielded by every shard.
func Read(ctx context.Context, inputs []string, opts Options) iter.Seq2[Article, error] {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = sources.DefaultMaxBytes
	}
	return func(yield func(Article, error) bool) {
		if opts.Shards > 1 && (opts.Shard < 0 || opts.Shard >= opts.Shards) {
			yield(Article{}, &ReadError{Err: fmt.Errorf("%w: %d of %d (want 0 to %d)", ErrInvalidShard, opts.Shard, opts.Shards, opts.Shards-1)})
			return
		}
		r := &corpusReader{ctx: ctx, opts: opts, yield: yield}
		for _, in := range inputs {
			if !r.readInput(in) {
				return
			}
		}
	}
}

// corpusReader carries one Read iteration's state. Its methods return
// false when the iteration must stop (the consumer broke off or ctx is
// done).
type corpusReader struct {
	ctx   context.Context
	opts  Options
	yield func(Article, error) bool
}

// inShard reports whether id belongs to the selected shard.
func (r *corpusReader) inShard(id string) bool {
	return r.opts.Shards <= 1 || ShardOf(id, r.opts.Shards) == r.opts.Shard
}

// alive reports whether the iteration may go on, yielding the context's
// error once when it may not.
func (r *corpusReader) alive(input string) bool {
	if err := r.ctx.Err(); err != nil {
		r.yield(Article{}, &ReadError{Input: input, Err: err})
		return false
	}
	return true
}

// fail yields a *ReadError.
func (r *corpusReader) fail(input string, pos int64, err error) bool {
	return r.yield(Article{}, &ReadError{Input: input, Pos: pos, Err: err})
}

// emit fills in the hash and yields a.
func (r *corpusReader) emit(a Article) bool {
	sum := sha256.Sum256(a.Body)
	a.Hash = hex.EncodeToString(sum[:])
	return r.yield(a, nil)
}

// corpusKind is how Read reads a file.
type corpusKind int

const (
	kindNone corpusKind = iota
	kindArticle
	kindJSONL
	kindWARC
)

// kindOf classifies a file by its name: a WARC or JSON Lines container,
// or an article in one of the formats sources reads.
func kindOf(name string) (corpusKind, sources.Format) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".warc"), strings.HasSuffix(lower, ".warc.gz"):
		return kindWARC, sources.FormatHTML
	case strings.HasSuffix(lower, ".jsonl"), strings.HasSuffix(lower, ".ndjson"),
		strings.HasSuffix(lower, ".jsonl.gz"), strings.HasSuffix(lower, ".ndjson.gz"):
		return kindJSONL, ""
	}
	if f, ok := sources.FormatOfName(lower); ok {
		return kindArticle, f
	}
	return kindNone, ""
}

// corpusExtensions lists the file extensions Read reads, for messages.
func corpusExtensions() string {
	var exts []string
	for _, f := range sources.FormatTable() {
		exts = append(exts, f.Extensions...)
	}
	return strings.Join(append(exts, ".jsonl", ".ndjson", ".warc"), ", ")
}

// readInput reads one input of any kind.
func (r *corpusReader) readInput(in string) bool {
	if !r.alive(in) {
		return false
	}
	info, err := os.Stat(in)
	if err != nil {
		return r.fail(in, 0, fmt.Errorf("open input: %w", err))
	}
	if info.IsDir() {
		return r.readDir(in)
	}
	kind, format := kindOf(in)
	switch kind {
	case kindArticle:
		return r.readFile(in, format)
	case kindJSONL:
		return r.readJSONL(in)
	case kindWARC:
		return r.readWARC(in)
	}
	return r.fail(in, 0, fmt.Errorf("%w: %q is not a corpus file (want %s, optionally .gz)", sources.ErrUnsupportedFormat, filepath.Base(in), corpusExtensions()))
}

// readDir walks a directory in lexical order, reading the article files.
func (r *corpusReader) readDir(root string) bool {
	ok := true
	walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// an unreadable directory or file: report it and go on
			if !r.fail(path, 0, fmt.Errorf("walk: %w", err)) {
				ok = false
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		filter := r.opts.Filter
		if d.IsDir() && path != root && filter != nil && !filter(root, path, true) {
			return fs.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil // directories are entered, symlinks and devices ignored
		}
		kind, format := kindOf(path)
		switch {
		case filter == nil && kind != kindArticle:
			return nil
		case filter != nil && !filter(root, path, false):
			return nil
		case kind != kindArticle:
			format = "" // taken by the filter: detected from the content
		}
		if !r.alive(path) || !r.readFile(path, format) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil && ok {
		return r.fail(root, 0, fmt.Errorf("walk: %w", walkErr))
	}
	return ok
}

// readFile reads one article file.
func (r *corpusReader) readFile(path string, format sources.Format) bool {
	if !r.inShard(path) {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, 0, fmt.Errorf("open: %w", err))
	}
	defer f.Close()
	body, err := readLimited(f, r.opts.MaxBytes)
	if err == nil {
		if format == "" {
			format = sources.DetectFormat(path, body)
		}
		err = sources.CheckEncoding(body, format)
	}
	if err != nil {
		return r.fail(path, 0, err)
	}
	return r.emit(Article{ID: path, Input: path, File: path, Format: format, Body: body})
}

// readLimited reads all of rd, failing with sources.ErrTooLarge past limit bytes.
func readLimited(rd io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", sources.ErrTooLarge, limit)
	}
	return body, nil
}
