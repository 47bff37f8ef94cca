package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
	"github.com/citecheck/citecheck/sources/resolve"
)

// batchCommit is how many results one transaction writes, and
// batchFlushEvery how long results may wait for their transaction at most,
// so that a killed run loses little work.
const (
	batchCommit     = 200
	batchFlushEvery = 2 * time.Second
	batchStatusAt   = 2 * time.Second
)

// batchGCPercent is the garbage collector's GOGC for a batch run unless
// the environment sets one: analysis allocates about 450 KB per article
// and keeps little, so collecting half as often buys about 18% more
// articles per second on two workers (BenchmarkBatch, gogc=200 against
// gogc=default) for a peak heap that stays near 100 MB.
const batchGCPercent = 200

// exitBatchFailed is batch's status when an article could not be read or
// the run stopped early.
const exitBatchFailed = 1

// runBatch runs `citecheck batch`: a progress bar on stderr when it is a
// terminal, a status line every two seconds otherwise. fetcherOpts are
// added to the resolver's options (tests allow loopback with them).
func runBatch(ctx context.Context, args []string, stdout, stderr io.Writer, fetcherOpts []resolve.Option) int {
	c := newCommand("batch", "citecheck batch --db results.sqlite [flags] INPUT...",
		"INPUT is a directory, an article file, a JSON Lines file or a WARC file.\n"+
			"Settings come from the nearest "+configFileName+" (or --config), as for\n"+
			"check, but for fail-on; the records of a JSON Lines or WARC file get\n"+
			"that file's. Articles already in the database with the same content,\n"+
			"checked with the same settings, are skipped; the others are checked\n"+
			"(again). Exit status: 0 done, 1 some article could not be read or the\n"+
			"run stopped, 2 usage error or a mistake in a configuration file.",
		stdout, stderr)
	dbPath := c.String("db", "", "results database (SQLite file, created if absent)")
	workers := c.Int("workers", runtime.NumCPU(), "articles checked at once")
	shardFlag := c.String("shard", "", "check only shard I of N (I/N, 0 <= I < N) of the articles, by id")
	minScore := c.Float64("min-score", 0, "count a sentence as a claim from this check-worthiness `score` (0 to 1; 0 means the model's default); wins over the configuration's")
	configFile := c.String("config", "", "read the configuration from this `file` instead of the nearest "+configFileName)
	limits := addLimitFlags(c.FlagSet)
	timeout := c.Duration("timeout", citecheck.DefaultArticleTimeout, "give an article up, stored as failed, when it takes longer than this `duration` per 100 KB of its size")
	resolving := addResolveFlags(c.FlagSet, "open what each article cites and check the sources (network; cached)")
	noVerify := noVerifyFlag(c.FlagSet)
	inputs, code, ok := c.parse(args)
	if !ok {
		return code
	}
	var given commandLine // flags win over the configuration
	c.Visit(func(f *flag.Flag) {
		if f.Name == "min-score" {
			given.minScore = minScore
		}
	})
	shard, shards, err := parseShard(*shardFlag)
	switch {
	case err != nil:
		return c.usageError("%v", err)
	case *dbPath == "":
		return c.usageError("missing --db")
	case len(inputs) == 0:
		return c.usageError("no inputs")
	case *workers < 1:
		return c.usageError("--workers must be at least 1, not %d", *workers)
	case *timeout <= 0:
		return c.usageError("--timeout must be positive, not %v", *timeout)
	case *minScore < 0 || *minScore > 1:
		return c.usageError("--min-score must be between 0 and 1, not %g", *minScore)
	}
	if err := checkLimits(limits()); err != nil {
		return c.usageError("%v", err)
	}
	check := citecheck.Options{Limits: limits(), SkipVerification: *noVerify}
	// Every configuration is found and read before the database is
	// opened: a mistake in one stores nothing.
	settings, errs := newBatchSettings(*configFile, inputs, given)
	for _, err := range errs {
		c.fail(exitUsage, "%v", err)
	}
	if len(errs) > 0 {
		return exitUsage
	}

	db, store, err := openStore(ctx, *dbPath)
	if err != nil {
		return c.fail(exitBatchFailed, "%v", err)
	}
	defer db.Close()
	defer store.Close()

	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	}
	closeResolver, err := resolving.setup(ctx, &check, stderr, fetcherOpts)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	defer closeResolver()
	check.Progress = nil // one line per article would drown the run's status
	settings.base = check

	var counts batchCounts
	counts.total.Store(-1)
	var hasErr error
	corpusOpts := corpus.Options{MaxBytes: check.Limits.MaxBytes, Shard: shard, Shards: shards, Filter: settings.filter}
	articles := corpus.Read(ctx, inputs, corpusOpts)
	todo := func(yield func(corpus.Article, error) bool) {
		for a, err := range articles {
			if err == nil {
				// An article stored under other settings is checked
				// again, and its new result replaces the old.
				as, cerr := settings.options(a)
				if cerr != nil {
					// a configuration that appeared or broke after the
					// run began: the article is stored as failed
					err = &corpus.ReadError{Input: a.Input, Err: cerr}
				} else {
					has, herr := store.Has(ctx, a.ID, a.Hash, as.key)
					if herr != nil {
						hasErr = herr
						return
					}
					if has {
						counts.skipped.Add(1)
						continue
					}
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}

	start := time.Now()
	bar := isTerminal(stderr)
	stopCount := func() {}
	if bar {
		stopCount = countCorpus(ctx, inputs, corpusOpts, &counts)
	}
	stopStatus := statusDisplay(stderr, &counts, start, bar, batchStatusAt)
	results := citecheck.Batch(ctx, iter.Seq2[corpus.Article, error](todo), citecheck.BatchOptions{
		Workers:        *workers,
		Check:          check,
		ArticleOptions: settings.articleOptions,
		Timeout:        *timeout,
	})
	saved, saveErr := saveResults(ctx, store, results, &counts)
	stopCount()
	stopStatus()

	elapsed := time.Since(start)
	rate := float64(saved.checked) / max(elapsed.Seconds(), 1e-9)
	peak := ""
	if rss, ok := peakRSS(); ok {
		peak = fmt.Sprintf(", peak RSS %.1f MB", float64(rss)/(1<<20))
	}
	unsaved := ""
	if saved.unsaved > 0 {
		unsaved = fmt.Sprintf(", %d not stored", saved.unsaved)
	}
	fmt.Fprintf(stdout, "citecheck batch: %d checked, %d skipped, %d failed%s in %.1fs (%.0f articles/s%s)\n",
		saved.checked, counts.skipped.Load(), saved.failed, unsaved, elapsed.Seconds(), rate, peak)
	switch {
	case saveErr != nil:
		return c.fail(exitBatchFailed, "%v; %d articles were checked but not stored: run again to store them", saveErr, saved.unsaved)
	case hasErr != nil:
		return c.fail(exitBatchFailed, "%v", hasErr)
	case ctx.Err() != nil:
		return c.fail(exitBatchFailed, "stopped: %v; run again to finish", ctx.Err())
	case saved.failed > 0:
		return exitBatchFailed
	}
	return exitOK
}

// batchSaved counts the results saveResults stored, and those it could
// not store.
type batchSaved struct {
	checked, failed int64 // stored, with a report and failed (status 'failed')
	unsaved         int64 // checked but not stored: their transaction failed, or came after one that did
}

// saveResults writes results with one transaction per batchCommit results,
// or per batchFlushEvery when results come slowly. An article, its findings,
// claims and citations always share a transaction. The transactions are
// written by a goroutine of their own, so that the workers never wait for
// the database: while one batch is written, the next fills. A transaction
// that fails stops the run: it returns the error, and counts the results
// of that transaction and of those after it as unsaved.
func saveResults(ctx context.Context, store *citecheck.Store, results iter.Seq2[citecheck.BatchResult, error], counts *batchCounts) (batchSaved, error) {
	full := make(chan []citecheck.BatchResult, 1)
	var (
		saved   batchSaved // written by the goroutine below only
		saveErr atomic.Pointer[error]
		wg      sync.WaitGroup
	)
	wg.Go(func() {
		for batch := range full {
			if saveErr.Load() != nil {
				saved.unsaved += int64(len(batch)) // drain: the run is stopping
				continue
			}
			// Write what is done even when ctx is cancelled, so an
			// interrupted run keeps its work.
			if err := store.Save(context.WithoutCancel(ctx), batch...); err != nil {
				saved.unsaved += int64(len(batch))
				saveErr.Store(&err)
				continue
			}
			for _, r := range batch {
				if r.Err != nil {
					saved.failed++
				} else {
					saved.checked++
				}
			}
		}
	})
	finish := func() (batchSaved, error) {
		close(full)
		wg.Wait()
		if err := saveErr.Load(); err != nil {
			return saved, *err
		}
		return saved, nil
	}

	pending := make([]citecheck.BatchResult, 0, batchCommit)
	last := time.Now()
	for r, err := range results {
		if r.Err == nil && err != nil {
			// The batch's end when ctx is done: nothing to store.
			continue
		}
		if saveErr.Load() != nil {
			break
		}
		if r.Err != nil {
			counts.failed.Add(1)
		} else {
			counts.done.Add(1)
		}
		pending = append(pending, trimForStore(r))
		if len(pending) >= batchCommit || time.Since(last) >= batchFlushEvery {
			full <- pending
			pending = make([]citecheck.BatchResult, 0, batchCommit)
			last = time.Now()
		}
	}
	if len(pending) > 0 {
		full <- pending
	}
	return finish()
}

// trimForStore drops from r what the store does not write, so that the
// results waiting for their transaction hold little memory: the article's
// bytes, the parsed document but its text (which the word count reads and
// the claims' texts point into) and the reference entries.
func trimForStore(r citecheck.BatchResult) citecheck.BatchResult {
	r.Article.Body = nil
	if rep := r.Report; rep != nil {
		trimmed := *rep
		if rep.Document != nil {
			trimmed.Document = &sources.Document{Text: rep.Document.Text}
		}
		trimmed.References, trimmed.ReferenceLists = nil, nil
		r.Report = &trimmed
	}
	return r
}

// parseShard parses --shard I/N; "" means no sharding.
func parseShard(s string) (shard, shards int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("--shard %q: want I/N with 0 <= I < N", s)
	}
	return i, n, nil
}
