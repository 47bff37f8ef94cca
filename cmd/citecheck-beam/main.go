// Command citecheck-beam checks a corpus of any size with an Apache Beam
// pipeline: the work of `citecheck batch` and `citecheck report`, spread
// over the workers of a Beam runner.
//
// Usage:
//
//	citecheck-beam --output DIR [--shards N] [--runner prism|dataflow|flink|...] [runner flags] [check flags] INPUT...
//
// An INPUT is what citecheck batch reads: a folder of articles, an article
// file, a JSON Lines file or a WARC file, or a pattern of them (*, ?, [),
// local or on any filesystem Beam supports (gs://, s3://). Flags come
// before the inputs. Each record is checked with the library, as citecheck
// batch checks it; the pipeline writes under DIR:
//
//	reports/part-*.jsonl.gz     one JSON report an article, as citecheck check --format json, gzipped
//	articles/part-*.parquet     the rows of the results tables, with their SQLite columns
//	findings/part-*.parquet
//	claims/part-*.parquet
//	citations/part-*.parquet
//	dead-letter/part-*.jsonl    every record that could not be read or checked, with the reason
//	report-outlet.json          the aggregates of citecheck report --by outlet --format json
//	report-year.json            ... --by year
//	report-code.json            ... --by code
//
// The runner is Prism, in-process, unless --runner names another; the
// README's "At scale" section gives the flags for Dataflow and Flink. Beam
// counters count the articles, the failed ones and the findings of each
// code (citecheck/articles, citecheck/failed, citecheck/findings/CODE).
// The exit status is 0 when every record was checked, 1 when some could
// not be (they are in dead-letter/) or the pipeline failed, 2 for a usage
// error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"   // gs:// inputs and outputs
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local ones
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"    // s3:// ones
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// errUsage marks a mistake in the command line.
var errUsage = errors.New("usage")

func main() {
	cfg, err := parseFlags(flag.CommandLine, os.Args[1:])
	// The same binary runs the pipeline's workers; beam.Init turns it
	// into one, and does not return, when the runner started it as one.
	registerTransforms()
	beam.Init()
	if err != nil {
		fmt.Fprintf(os.Stderr, "citecheck-beam: %v\nUsage: citecheck-beam --output DIR [flags] INPUT... (-h for the flags)\n", err)
		os.Exit(exitUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, cfg, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// parseFlags defines citecheck-beam's flags on fs (beside the runners'
// flags that Beam defines there), parses args and checks them. A worker's
// command line has no inputs: that is not checked here.
func parseFlags(fs *flag.FlagSet, args []string) (Config, error) {
	output := fs.String("output", "", "the `folder` the outputs go under (local or on a Beam filesystem)")
	shards := fs.Int("shards", 4, "how many `files` each sharded output has")
	minScore := fs.Float64("min-score", 0, "lowest claim score to report (0 means the default)")
	maxBytes := fs.Int64("max-bytes", sources.DefaultMaxBytes, "refuse an input larger than this many `bytes`")
	maxCitations := fs.Int("max-citations", citations.DefaultMaxCitations, "refuse an input with more than this many in-text `citations`")
	maxReferences := fs.Int("max-references", citations.DefaultMaxReferences, "refuse an input with more than this many reference-list `entries`")
	maxFindings := fs.Int("max-findings", citecheck.DefaultMaxFindings, "refuse an input with more than this many `findings`")
	timeout := fs.Duration("timeout", citecheck.DefaultArticleTimeout, "give an article up, as failed, when it takes longer than this `duration` per 100 KB")
	resolveSources := fs.Bool("resolve", false, "open what each article cites and check the sources (network; polite limits per worker)")
	offline := fs.Bool("offline", false, "check the sources from --cache alone, fetching nothing (implies --resolve)")
	cache := fs.String("cache", "", "the SQLite source cache `path` on each worker (default: in memory, per worker)")
	contact := fs.String("contact", "", "an e-mail `address` to put in the User-Agent, so site operators can reach you")
	noVerify := fs.Bool("no-verify", false, "with --resolve or --offline, check the sources but do not verify the claims against their text")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	cfg := Config{
		Inputs: fs.Args(), Output: *output, Shards: *shards, MinScore: *minScore, Timeout: *timeout,
		Limits:   citecheck.Limits{MaxBytes: *maxBytes, MaxCitations: *maxCitations, MaxReferences: *maxReferences, MaxFindings: *maxFindings},
		Resolve:  ResolveConfig{Resolve: *resolveSources || *offline, Offline: *offline, Cache: *cache, Contact: *contact},
		NoVerify: *noVerify,
	}
	if slices.Contains(args, "--worker") || slices.Contains(args, "-worker") {
		return cfg, nil
	}
	return cfg, checkConfig(cfg)
}

// checkConfig reports the first mistake in cfg.
func checkConfig(cfg Config) error {
	switch {
	case cfg.Output == "":
		return fmt.Errorf("%w: missing --output", errUsage)
	case len(cfg.Inputs) == 0:
		return fmt.Errorf("%w: no inputs", errUsage)
	case cfg.Shards < 1:
		return fmt.Errorf("%w: --shards must be at least 1, not %d", errUsage, cfg.Shards)
	case cfg.Timeout <= 0:
		return fmt.Errorf("%w: --timeout must be positive, not %v", errUsage, cfg.Timeout)
	case cfg.Resolve.Offline && cfg.Resolve.Cache == "":
		return fmt.Errorf("%w: --offline needs --cache", errUsage)
	}
	for _, in := range cfg.Inputs {
		if strings.HasPrefix(in, "-") {
			return fmt.Errorf("%w: %q after the inputs: flags come first", errUsage, in)
		}
	}
	l := cfg.Limits
	for name, v := range map[string]int64{"max-bytes": l.MaxBytes, "max-citations": int64(l.MaxCitations),
		"max-references": int64(l.MaxReferences), "max-findings": int64(l.MaxFindings)} {
		if v <= 0 {
			return fmt.Errorf("%w: --%s must be positive, not %d", errUsage, name, v)
		}
	}
	return nil
}

// run runs the pipeline on the runner the flags name and prints its
// counters.
func run(ctx context.Context, cfg Config, stdout, stderr io.Writer) int {
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, buildPipeline(cfg))
	if err != nil {
		fmt.Fprintf(stderr, "citecheck-beam: %v\n", err)
		return exitFailed
	}
	c := countersOf(res)
	fmt.Fprintf(stdout, "citecheck-beam: %d articles, %d failed (see %s), %d findings in %.1fs; outputs in %s\n",
		c.articles, c.failed, joinPath(cfg.Output, outDeadLetter), c.findings, time.Since(start).Seconds(), cfg.Output)
	if c.failed > 0 {
		return exitFailed
	}
	return exitOK
}

// counters are the pipeline's Beam counters, added up over its steps.
type counters struct {
	articles, failed, findings int64
	byCode                     map[string]int64
}

// countersOf reads the counters of a finished pipeline; they are zero on a
// runner that reports none.
func countersOf(res beam.PipelineResult) counters {
	c := counters{byCode: map[string]int64{}}
	if res == nil {
		return c
	}
	for _, r := range res.Metrics().AllMetrics().Counters() {
		if r.Namespace() != metricsNamespace {
			continue
		}
		switch name := r.Name(); {
		case name == "articles":
			c.articles += r.Result()
		case name == "failed":
			c.failed += r.Result()
		case strings.HasPrefix(name, "findings/"):
			c.byCode[strings.TrimPrefix(name, "findings/")] += r.Result()
			c.findings += r.Result()
		}
	}
	return c
}
