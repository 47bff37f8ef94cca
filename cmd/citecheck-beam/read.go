package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

// Record is one record of the corpus as it travels between the pipeline's
// stages: a corpus.Article, or, when ReadErr is set, a record the reader
// could not read, named by ID and Input as citecheck batch names it.
type Record struct {
	ID        string
	Input     string
	URL       string
	Published string
	Outlet    string
	Format    string
	Body      []byte
	Hash      string
	// ReadErr is why the record could not be read; empty when it was.
	ReadErr string
}

// article returns the record as the corpus reader read it.
func (r Record) article() corpus.Article {
	return corpus.Article{ID: r.ID, Input: r.Input, URL: r.URL, Published: r.Published, Outlet: r.Outlet,
		Format: sources.Format(r.Format), Body: r.Body, Hash: r.Hash}
}

// expandFn turns an input into the files to read: a local folder into its
// article files (as corpus.Read walks it: recursively, in lexical order,
// the files whose extension selects a format, symbolic links not
// followed), a pattern (local or on a Beam filesystem such as gs://) into
// the files it matches. Anything else goes on as it is, so that the reader
// reports an input it cannot open as citecheck batch does.
type expandFn struct{}

// ProcessElement expands one input.
func (expandFn) ProcessElement(ctx context.Context, input string, emit func(string)) error {
	if info, err := os.Stat(input); err == nil {
		if !info.IsDir() {
			emit(input)
			return nil
		}
		return filepath.WalkDir(input, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				emit(path) // the reader reports what cannot be opened
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isArticleFile(path) {
				emit(path)
			}
			return ctx.Err()
		})
	}
	if !strings.ContainsAny(input, "*?[") {
		emit(input)
		return nil
	}
	files, err := listGlob(ctx, input)
	if err != nil {
		return fmt.Errorf("%s: %w", input, err)
	}
	if len(files) == 0 {
		emit(input) // reported by the reader as an input it cannot open
	}
	for _, f := range files {
		emit(f)
	}
	return nil
}

// isArticleFile reports whether a folder's file is an article, as
// corpus.Read decides when it walks a folder: JSON Lines and WARC files
// in a folder are not read, articles in the formats of sources are.
func isArticleFile(path string) bool {
	lower := strings.ToLower(path)
	for _, ext := range []string{".warc", ".warc.gz", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"} {
		if strings.HasSuffix(lower, ext) {
			return false
		}
	}
	_, ok := sources.FormatOfName(lower)
	return ok
}

// listGlob lists the files a pattern matches on the filesystem its scheme
// names (the local one without a scheme).
func listGlob(ctx context.Context, pattern string) ([]string, error) {
	fsys, err := filesystem.New(ctx, pattern)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	return fsys.List(ctx, pattern)
}

// isRemote reports whether path names a file on a filesystem other than
// the local one (gs://bucket/..., s3://...).
func isRemote(path string) bool {
	scheme, _, ok := strings.Cut(path, "://")
	return ok && scheme != "" && scheme != "file" && !strings.ContainsAny(scheme, `/\`)
}

// readFn reads the records of one file with corpus.Read and emits each;
// the work of checking them is spread out by the reshuffle after it. A
// file on another filesystem is copied to a local temporary file first,
// since corpus.Read reads local files; the records are named by the
// file's own path all the same.
type readFn struct {
	MaxBytes int64
}

// ProcessElement reads one file.
func (f *readFn) ProcessElement(ctx context.Context, file string, emit func(Record)) error {
	local, rename, cleanup, err := localCopy(ctx, file)
	if err != nil {
		// As corpus.Read reports an input it cannot open.
		emit(Record{ID: file, Input: file, ReadErr: (&corpus.ReadError{Input: file, Err: fmt.Errorf("open input: %w", err)}).Error()})
		return nil
	}
	defer cleanup()
	for a, err := range corpus.Read(ctx, []string{local}, corpus.Options{MaxBytes: f.MaxBytes}) {
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr // the bundle fails and is retried; no record is lost
			}
			emit(failedRecord(err, rename))
			continue
		}
		emit(Record{ID: rename(a.ID), Input: rename(a.Input), URL: a.URL, Published: a.Published, Outlet: a.Outlet,
			Format: string(a.Format), Body: a.Body, Hash: a.Hash})
	}
	return nil
}

// failedRecord names a record the reader could not read as
// citecheck.Batch does (input#pos), with the reader's error as its reason.
func failedRecord(err error, rename func(string) string) Record {
	var re *corpus.ReadError
	if !errors.As(err, &re) {
		return Record{ReadErr: err.Error()} // no name: a dead letter only
	}
	re.Input = rename(re.Input)
	id := re.Input
	if re.Pos > 0 {
		id += "#" + strconv.FormatInt(re.Pos, 10)
	}
	return Record{ID: id, Input: id, ReadErr: re.Error()}
}

// localCopy returns a local path for file: the file itself when it is
// local, else a temporary copy, with a function that turns names under
// the copy's path back into names under file's, and one that removes the
// copy.
func localCopy(ctx context.Context, file string) (local string, rename func(string) string, cleanup func(), err error) {
	same := func(s string) string { return s }
	if !isRemote(file) {
		return file, same, func() {}, nil
	}
	fsys, err := filesystem.New(ctx, file)
	if err != nil {
		return "", nil, nil, err
	}
	defer fsys.Close()
	rc, err := fsys.OpenRead(ctx, file)
	if err != nil {
		return "", nil, nil, err
	}
	defer rc.Close()
	dir, err := os.MkdirTemp("", "citecheck-beam-")
	if err != nil {
		return "", nil, nil, err
	}
	cleanup = func() { _ = os.RemoveAll(dir) }
	// The base name keeps the extension, which says how to read the file.
	local = filepath.Join(dir, filepath.Base(file))
	out, err := os.Create(local)
	if err == nil {
		_, err = io.Copy(out, rc)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		cleanup()
		return "", nil, nil, err
	}
	rename = func(s string) string {
		if rest, ok := strings.CutPrefix(s, local); ok {
			return file + rest
		}
		return s
	}
	return local, rename, cleanup, nil
}
