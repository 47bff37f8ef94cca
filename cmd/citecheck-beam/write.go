package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/citecheck/citecheck/cmd/internal/results"
)

// The outputs under --output, each a folder of shards named
// part-SSSSS-of-NNNNN with the extension of its format.
const (
	outReports    = "reports"     // JSON Lines, one report an article
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

// writeLinesFn writes the lines of each shard of a JSON Lines output.
type writeLinesFn struct {
	Dir, Output string
	Shards      int
}

// ProcessElement writes one shard.
func (f *writeLinesFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	return writeShard(ctx, shardPath(f.Dir, f.Output, shard, f.Shards, ".jsonl"), func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		var line string
		for lines(&line) {
			if _, err := bw.WriteString(line + "\n"); err != nil {
				return err
			}
		}
		return bw.Flush()
	})
}

// writeRows writes one Parquet shard of rows of type T.
func writeRows[T any](ctx context.Context, dir, output string, shard, shards int, rows func(*T) bool) error {
	return writeShard(ctx, shardPath(dir, output, shard, shards, ".parquet"), func(w io.Writer) error {
		_, err := results.WriteParquet(w, func() (T, bool, error) {
			var row T
			ok := rows(&row)
			return row, ok, nil
		})
		return err
	})
}

// parquetShard names one Parquet output and its shard count.
type parquetShard struct {
	Dir, Output string
	Shards      int
}

// writeArticlesFn writes the shards of the articles table.
type writeArticlesFn struct{ parquetShard }

// ProcessElement writes one shard.
func (f *writeArticlesFn) ProcessElement(ctx context.Context, shard int, rows func(*results.Article) bool) error {
	return writeRows(ctx, f.Dir, f.Output, shard, f.Shards, rows)
}

// writeFindingsFn writes the shards of the findings table.
type writeFindingsFn struct{ parquetShard }

// ProcessElement writes one shard.
func (f *writeFindingsFn) ProcessElement(ctx context.Context, shard int, rows func(*results.Finding) bool) error {
	return writeRows(ctx, f.Dir, f.Output, shard, f.Shards, rows)
}

// writeClaimsFn writes the shards of the claims table.
type writeClaimsFn struct{ parquetShard }

// ProcessElement writes one shard.
func (f *writeClaimsFn) ProcessElement(ctx context.Context, shard int, rows func(*results.Claim) bool) error {
	return writeRows(ctx, f.Dir, f.Output, shard, f.Shards, rows)
}

// writeCitationsFn writes the shards of the citations table.
type writeCitationsFn struct{ parquetShard }

// ProcessElement writes one shard.
func (f *writeCitationsFn) ProcessElement(ctx context.Context, shard int, rows func(*results.Citation) bool) error {
	return writeRows(ctx, f.Dir, f.Output, shard, f.Shards, rows)
}

// writeOutputs groups each keyed output by shard and writes its shards.
func writeOutputs(s beam.Scope, dir string, shards int, outs checkOutputs) {
	lines := func(name string, col beam.PCollection) {
		s := s.Scope("write " + name)
		beam.ParDo0(s, &writeLinesFn{Dir: dir, Output: name, Shards: shards}, beam.GroupByKey(s, col))
	}
	lines(outReports, outs.reports)
	lines(outDeadLetter, outs.dead)
	ps := func(name string) parquetShard { return parquetShard{Dir: dir, Output: name, Shards: shards} }
	write := func(name string, fn any, col beam.PCollection) {
		s := s.Scope("write " + name)
		beam.ParDo0(s, fn, beam.GroupByKey(s, col))
	}
	write(outArticles, &writeArticlesFn{ps(outArticles)}, outs.articles)
	write(outFindings, &writeFindingsFn{ps(outFindings)}, outs.findings)
	write(outClaims, &writeClaimsFn{ps(outClaims)}, outs.claims)
	write(outCitations, &writeCitationsFn{ps(outCitations)}, outs.citations)
}
