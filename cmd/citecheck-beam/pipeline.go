package main

import (
	"context"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/internal/results"
)

// Config is what a run of the pipeline checks, how, and where it writes.
type Config struct {
	// Inputs are folders, files (articles, JSON Lines, WARC) or patterns,
	// local or on a Beam filesystem.
	Inputs []string
	// Output is the folder the outputs go under.
	Output string
	// Shards is the number of files of each sharded output.
	Shards int
	// MinScore, Limits and Timeout are citecheck batch's --min-score, the
	// limit flags and --timeout.
	MinScore float64
	Limits   citecheck.Limits
	Timeout  time.Duration
	// Resolve says whether and how to open what the articles cite.
	Resolve ResolveConfig
	// NoVerify is citecheck batch's --no-verify: the sources are looked up
	// but no claim is verified against their text.
	NoVerify bool
}

// buildPipeline lays out the pipeline: inputs into files, files into
// records (read one file at a time), a reshuffle that spreads the records
// over the workers, the check of each record, and the outputs: each
// article's report, dead letter and rows cross one shuffle to the shard of
// its id, which writes them as JSON Lines and Parquet; the aggregates are
// added up with combiners.
func buildPipeline(cfg Config) *beam.Pipeline {
	p, s := beam.NewPipelineWithRoot()
	inputs := beam.CreateList(s.Scope("inputs"), cfg.Inputs)
	files := beam.ParDo(s.Scope("expand"), &expandFn{}, inputs)
	records := beam.ParDo(s.Scope("read"), &readFn{MaxBytes: cfg.Limits.MaxBytes}, beam.Reshuffle(s.Scope("spread files"), files))
	records = beam.Reshuffle(s.Scope("spread records"), records)

	check := &checkFn{MinScore: cfg.MinScore, Limits: cfg.Limits, Timeout: cfg.Timeout, Shards: cfg.Shards, Resolver: cfg.Resolve,
		NoVerify: cfg.NoVerify}
	outs, stats := beam.ParDo2(s.Scope("check"), check, records)
	writeOutputs(s, cfg.Output, cfg.Shards, outs)
	aggregate(s, cfg.Output, stats)
	return p
}

// registerTransforms registers the pipeline's functions and types with
// Beam, which looks them up by name on the workers. main and the tests
// call it before beam.Init and before building a pipeline.
func registerTransforms() {
	register.DoFn3x1[context.Context, string, func(string), error](&expandFn{})
	register.DoFn3x1[context.Context, string, func(Record), error](&readFn{})
	register.DoFn4x1[context.Context, Record, func(int, ArticleOutput), func(ArticleStats), error](&checkFn{})
	register.DoFn3x1[context.Context, int, func(*ArticleOutput) bool, error](&writeShardFn{})
	register.DoFn1x2[ArticleStats, string, results.Stats](&keyFn{})
	register.Combiner1[results.Stats](&statsFn{})
	register.Combiner3[ReportAccumulator, results.Stats, string](&reportFn{})
	register.DoFn2x1[context.Context, string, error](&writeFileFn{})
	register.Emitter1[string]()
	register.Emitter1[Record]()
	register.Emitter1[ArticleStats]()
	register.Emitter2[int, ArticleOutput]()
	register.Iter1[ArticleOutput]()
}
