package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/mattn/go-sqlite3" // the driver of the --cache database

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/internal/results"
	"github.com/citecheck/citecheck/sources/corpus"
	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/sqlitecache"
)

// metricsNamespace is the namespace of the pipeline's Beam counters.
const metricsNamespace = "citecheck"

// DeadLetter is a record the pipeline could not check, with the reason,
// written to the dead-letter output as one JSON line.
type DeadLetter struct {
	ID     string `json:"id"`
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// ArticleStats is what one article adds to the aggregates, with the keys
// of its groups.
type ArticleStats struct {
	Outlet string
	Year   string
	Stats  results.Stats
}

// ResolveConfig says whether and how the checks open what the articles
// cite. A worker process opens one resolver per ResolveConfig, shared by
// all the threads that check articles on it, so that the fetcher's polite
// limits (per registrable domain, at most two requests in flight and one
// started per second; robots.txt, Crawl-delay, Retry-After) hold per
// worker: a site sees at most that many times the number of workers.
type ResolveConfig struct {
	Resolve bool
	Offline bool
	// Cache is the SQLite source cache's path on each worker; empty means
	// an in-memory cache per worker.
	Cache   string
	Contact string
}

// checkFn checks each record with the library, as citecheck batch does
// (citecheck.Batch, one article at a time, under its deadline), and emits
// what the outputs hold of it (its JSON report or dead letter, and its
// rows), keyed by its output shard, and its stats.
type checkFn struct {
	MinScore float64
	Limits   citecheck.Limits
	Timeout  time.Duration
	Shards   int
	Resolver ResolveConfig
	NoVerify bool // Options.SkipVerification

	resolver *resolve.Resolver
	inflight chan checked // the bundle's checks that have ended, not yet emitted
	pending  int          // the bundle's checks started and not yet emitted
}

// Setup opens, or takes the worker's, resolver.
func (f *checkFn) Setup(ctx context.Context) error {
	if !f.Resolver.Resolve && !f.Resolver.Offline {
		return nil
	}
	r, err := workerResolvers.get(ctx, f.Resolver)
	if err != nil {
		return fmt.Errorf("resolver: %w", err)
	}
	f.resolver = r
	return nil
}

// checked is the outcome of one record's check, made on a goroutine of
// the bundle and emitted by the bundle's own goroutine.
type checked struct {
	shard  int
	output ArticleOutput
	stats  *ArticleStats // nil for a record without an id
	failed bool
	err    error // the bundle fails and is retried
}

// StartBundle prepares the bundle's checks: up to 2×NumCPU records are
// checked at once, since a runner may hand one bundle all the records of
// a stage (Prism does), and one record at a time would use one core. It
// emits nothing, but Beam wants the emitters of ProcessElement here too.
func (f *checkFn) StartBundle(_ context.Context, _ func(int, ArticleOutput), _ func(ArticleStats)) {
	f.inflight = make(chan checked, 2*runtime.NumCPU())
	f.pending = 0
}

// ProcessElement starts the check of one record, after emitting the
// checks that have ended (and waiting for one when all slots are taken).
func (f *checkFn) ProcessElement(ctx context.Context, rec Record, out func(int, ArticleOutput), stats func(ArticleStats)) error {
	for f.pending >= cap(f.inflight) || (f.pending > 0 && len(f.inflight) > 0) {
		f.pending--
		if err := f.emit(ctx, <-f.inflight, out, stats); err != nil {
			return err
		}
	}
	f.pending++
	go f.start(ctx, rec)
	return nil
}

// start checks rec and sends the outcome; the channel has room for every
// check in flight, so it never blocks.
func (f *checkFn) start(ctx context.Context, rec Record) {
	f.inflight <- f.check(ctx, rec)
}

// FinishBundle waits for the bundle's checks and emits them.
func (f *checkFn) FinishBundle(ctx context.Context, out func(int, ArticleOutput), stats func(ArticleStats)) error {
	var first error
	for ; f.pending > 0; f.pending-- {
		if err := f.emit(ctx, <-f.inflight, out, stats); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// emit emits a check's outcome and counts it.
func (f *checkFn) emit(ctx context.Context, c checked, out func(int, ArticleOutput), stats func(ArticleStats)) error {
	if c.err != nil {
		return c.err
	}
	beam.NewCounter(metricsNamespace, "articles").Inc(ctx, 1)
	if c.failed {
		beam.NewCounter(metricsNamespace, "failed").Inc(ctx, 1)
	}
	if c.stats != nil {
		for code, n := range c.stats.Stats.Codes {
			beam.NewCounter(metricsNamespace, "findings/"+code).Inc(ctx, n.Findings)
		}
		stats(*c.stats)
	}
	out(c.shard, c.output)
	return nil
}

// check checks one record with the library.
func (f *checkFn) check(ctx context.Context, rec Record) checked {
	var r citecheck.BatchResult
	if rec.ReadErr != "" {
		r = citecheck.BatchResult{Article: corpus.Article{ID: rec.ID, Input: rec.Input}, Err: errors.New(rec.ReadErr)}
	} else {
		opts := citecheck.BatchOptions{Workers: 1, Timeout: f.Timeout,
			Check: citecheck.Options{MinScore: f.MinScore, Limits: f.Limits, Resolver: f.resolver, SkipVerification: f.NoVerify}}
		one := func(yield func(corpus.Article, error) bool) { yield(rec.article(), nil) }
		for res := range citecheck.Batch(ctx, one, opts) {
			r = res
		}
		if err := ctx.Err(); err != nil {
			return checked{err: err} // the bundle is retried: nothing is stored as failed for a stop
		}
	}
	c := checked{shard: corpus.ShardOf(rec.ID, f.Shards), failed: r.Err != nil}
	if r.Err != nil {
		line, err := jsonLine(DeadLetter{ID: rec.ID, Input: rec.Input, Reason: r.Err.Error()})
		if err != nil {
			return checked{err: err}
		}
		c.output.DeadLetter = line
	} else {
		report, err := gzipJSONLine(r.Report)
		if err != nil {
			return checked{err: fmt.Errorf("%s: %w", rec.Input, err)}
		}
		c.output.Report = report
	}
	rows, ok := results.FromResult(r, time.Now().UTC().Format(time.RFC3339))
	if ok {
		c.output.HasRows, c.output.Rows = true, rows
		c.stats = &ArticleStats{
			Outlet: results.KeyOf(citecheck.GroupOutlet, rows.Article),
			Year:   results.KeyOf(citecheck.GroupYear, rows.Article),
			Stats:  results.StatsOf("", rows.Article, rows.Findings),
		}
	} // else no id: citecheck batch does not store it either, and the dead letter has it
	return c
}

// ArticleOutput is all that the outputs hold of one article, so that each
// article crosses the shuffle to its shard as one element.
type ArticleOutput struct {
	// Report is the article's JSON report line, gzipped: a gzip member,
	// so that a shard file is the members one after the other (reports
	// are tens of kilobytes of JSON each, and shrink about tenfold).
	Report []byte
	// DeadLetter is the JSON line of a DeadLetter when the article could
	// not be read or checked.
	DeadLetter string
	// Rows are the article's rows, when HasRows: not for a record with no
	// id, which citecheck batch does not store either.
	Rows    results.Rows
	HasRows bool
}

// gzipJSONLine returns v's JSON line (jsonLine) as one gzip member.
func gzipJSONLine(v any) ([]byte, error) {
	line, err := jsonLine(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	_, err = zw.Write([]byte(line + "\n"))
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return b.Bytes(), err
}

// jsonLine encodes v as citecheck check --format json writes a report:
// one line, HTML characters unescaped.
func jsonLine(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

// resolverPool holds the resolvers of one worker process.
type resolverPool struct {
	mu sync.Mutex
	m  map[ResolveConfig]*resolve.Resolver
}

// workerResolvers are the resolvers of this process. Beam builds each
// DoFn instance from its serialized fields on the worker, so a value that
// every instance of a process shares can only live at package level: this
// is the one piece of package-level state, kept for the per-worker limits.
// Its resolvers live as long as the process.
var workerResolvers = &resolverPool{m: map[ResolveConfig]*resolve.Resolver{}}

// get returns the process's resolver for cfg, opening it the first time.
func (p *resolverPool) get(ctx context.Context, cfg ResolveConfig) (*resolve.Resolver, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r := p.m[cfg]; r != nil {
		return r, nil
	}
	var cache resolve.Cache = resolve.NewMemoryCache()
	if cfg.Cache != "" {
		db, err := sql.Open("sqlite3", "file:"+cfg.Cache+"?_busy_timeout=10000")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Cache, err)
		}
		c, err := sqlitecache.New(ctx, db)
		if err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("%s: %w", cfg.Cache, err)
		}
		cache = c
	}
	var fetcher *resolve.Fetcher
	if !cfg.Offline {
		var opts []resolve.Option
		if cfg.Contact != "" {
			opts = append(opts, resolve.WithContact(cfg.Contact))
		}
		var err error
		if fetcher, err = resolve.NewFetcher(opts...); err != nil {
			return nil, err
		}
	}
	r, err := resolve.New(resolve.Config{Fetcher: fetcher, Cache: cache, Offline: cfg.Offline})
	if err != nil {
		return nil, err
	}
	p.m[cfg] = r
	return r, nil
}
