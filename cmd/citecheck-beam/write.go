package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/parquet-go/parquet-go"

	"github.com/citecheck/citecheck/cmd/internal/results"
)

// The outputs under --output, each a folder of shards named
// part-SSSSS-of-NNNNN with the extension of its format.
const (
	outReports    = "reports"     // gzipped JSON Lines, one report an article
	outDeadLetter = "dead-letter" // JSON Lines, one DeadLetter a record
	outArticles   = "articles"    // Parquet, the rows of the results tables
	outFindings   = "findings"
	outClaims     = "claims"
	outCitations  = "citations"
)

// joinPath joins a folder, local or on a Beam filesystem, and a name.
func joinPath(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// shardPath is the path of one shard of an output.
func shardPath(dir, output string, shard, shards int, ext string) string {
	return joinPath(joinPath(dir, output), fmt.Sprintf("part-%05d-of-%05d%s", shard, shards, ext))
}

// createFile opens path for writing on its filesystem (a local one's
// folders are created). Closing the writer commits the file.
func createFile(ctx context.Context, path string) (io.WriteCloser, func(), error) {
	if !isRemote(path) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, nil, err
		}
	}
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	w, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		_ = fsys.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return w, func() { _ = fsys.Close() }, nil
}

// writeShard writes one shard file with write, and commits it.
func writeShard(ctx context.Context, path string, write func(io.Writer) error) error {
	w, done, err := createFile(ctx, path)
	if err != nil {
		return err
	}
	defer done()
	err = write(w)
	if cerr := w.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// parquetRowGroup is how many rows a Parquet row group holds at most, so
// that a writer's buffer stays small whatever the shard's size.
const parquetRowGroup = 64 << 10

// tableWriter writes the rows of one table to one Parquet file.
type tableWriter[T any] struct {
	w       io.WriteCloser
	done    func()
	pw      *parquet.GenericWriter[T]
	pending int
}

// newTableWriter creates the Parquet file at path.
func newTableWriter[T any](ctx context.Context, path string) (*tableWriter[T], error) {
	w, done, err := createFile(ctx, path)
	if err != nil {
		return nil, err
	}
	return &tableWriter[T]{w: w, done: done, pw: parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd))}, nil
}

// write writes rows, ending a row group every parquetRowGroup rows.
func (t *tableWriter[T]) write(rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := t.pw.Write(rows); err != nil {
		return err
	}
	if t.pending += len(rows); t.pending >= parquetRowGroup {
		t.pending = 0
		return t.pw.Flush()
	}
	return nil
}

// close finishes the file and commits it.
func (t *tableWriter[T]) close() error {
	defer t.done()
	err := t.pw.Close()
	if cerr := t.w.Close(); err == nil {
		err = cerr
	}
	return err
}

// lazyFile is a file of one shard that is created with its first bytes,
// so that a shard with no dead letter has no dead-letter file.
type lazyFile struct {
	path string
	w    io.WriteCloser
	bw   *bufio.Writer
	done func()
}

func (l *lazyFile) write(ctx context.Context, b []byte) error {
	if l.w == nil {
		w, done, err := createFile(ctx, l.path)
		if err != nil {
			return err
		}
		l.w, l.done, l.bw = w, done, bufio.NewWriterSize(w, 1<<16)
	}
	_, err := l.bw.Write(b)
	return err
}

func (l *lazyFile) close() error {
	if l.w == nil {
		return nil
	}
	defer l.done()
	err := l.bw.Flush()
	if cerr := l.w.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeShardFn writes every output file of one shard: its reports, dead
// letters and the rows of the four tables.
type writeShardFn struct {
	Dir    string
	Shards int
}

// ProcessElement writes one shard.
func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, outs func(*ArticleOutput) bool) (err error) {
	path := func(output, ext string) string { return shardPath(f.Dir, output, shard, f.Shards, ext) }
	reports := &lazyFile{path: path(outReports, ".jsonl.gz")}
	dead := &lazyFile{path: path(outDeadLetter, ".jsonl")}
	var closers []func() error
	defer func() {
		for _, c := range append(closers, reports.close, dead.close) {
			err = errors.Join(err, c())
		}
	}()
	articles, err := newTableWriter[results.Article](ctx, path(outArticles, ".parquet"))
	if err != nil {
		return err
	}
	closers = append(closers, articles.close)
	findings, err := newTableWriter[results.Finding](ctx, path(outFindings, ".parquet"))
	if err != nil {
		return err
	}
	closers = append(closers, findings.close)
	claims, err := newTableWriter[results.Claim](ctx, path(outClaims, ".parquet"))
	if err != nil {
		return err
	}
	closers = append(closers, claims.close)
	cites, err := newTableWriter[results.Citation](ctx, path(outCitations, ".parquet"))
	if err != nil {
		return err
	}
	closers = append(closers, cites.close)

	var o ArticleOutput
	for outs(&o) {
		if len(o.Report) > 0 {
			if err := reports.write(ctx, o.Report); err != nil {
				return err
			}
		}
		if o.DeadLetter != "" {
			if err := dead.write(ctx, []byte(o.DeadLetter+"\n")); err != nil {
				return err
			}
		}
		if o.HasRows {
			if err := errors.Join(articles.write([]results.Article{o.Rows.Article}), findings.write(o.Rows.Findings),
				claims.write(o.Rows.Claims), cites.write(o.Rows.Citations)); err != nil {
				return fmt.Errorf("shard %d: %w", shard, err)
			}
		}
		o = ArticleOutput{}
	}
	return nil
}

// writeOutputs groups the articles' outputs by shard and writes each
// shard's files.
func writeOutputs(s beam.Scope, dir string, shards int, outs beam.PCollection) {
	s = s.Scope("write")
	beam.ParDo0(s, &writeShardFn{Dir: dir, Shards: shards}, beam.GroupByKey(s, outs))
}
