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
}

// checkOutputs are the collections checkFn makes.
type checkOutputs struct {
	reports, articles, findings, claims, citations, dead beam.PCollection
	stats                                                beam.PCollection
}

// buildPipeline lays out the pipeline: inputs into files, files into
// records (read one file at a time), a reshuffle that spreads the records
// over the workers, the check of each record, and the outputs: the JSON
// reports and dead letters as JSON Lines, the rows as Parquet, both
// sharded by article id, and the aggregates, added up with combiners.
func buildPipeline(cfg Config) *beam.Pipeline {
	p, s := beam.NewPipelineWithRoot()
	inputs := beam.CreateList(s.Scope("inputs"), cfg.Inputs)
	files := beam.ParDo(s.Scope("expand"), &expandFn{}, inputs)
	records := beam.ParDo(s.Scope("read"), &readFn{MaxBytes: cfg.Limits.MaxBytes}, beam.Reshuffle(s.Scope("spread files"), files))
	records = beam.Reshuffle(s.Scope("spread records"), records)

	check := &checkFn{MinScore: cfg.MinScore, Limits: cfg.Limits, Timeout: cfg.Timeout, Shards: cfg.Shards, Resolver: cfg.Resolve}
	var outs checkOutputs
	outs.reports, outs.articles, outs.findings, outs.claims, outs.citations, outs.dead, outs.stats =
		beam.ParDo7(s.Scope("check"), check, records)
	writeOutputs(s, cfg.Output, cfg.Shards, outs)
	aggregate(s, cfg.Output, outs.stats)
	return p
}

// registerTransforms registers the pipeline's functions and types with
// Beam, which looks them up by name on the workers. main and the tests
// call it before beam.Init and before building a pipeline.
func registerTransforms() {
	register.DoFn3x1[context.Context, string, func(string), error](&expandFn{})
	register.DoFn3x1[context.Context, string, func(Record), error](&readFn{})
	register.DoFn9x1[context.Context, Record, func(int, string), func(int, results.Article), func(int, results.Finding),
		func(int, results.Claim), func(int, results.Citation), func(int, string), func(ArticleStats), error](&checkFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeLinesFn{})
	register.DoFn3x1[context.Context, int, func(*results.Article) bool, error](&writeArticlesFn{})
	register.DoFn3x1[context.Context, int, func(*results.Finding) bool, error](&writeFindingsFn{})
	register.DoFn3x1[context.Context, int, func(*results.Claim) bool, error](&writeClaimsFn{})
	register.DoFn3x1[context.Context, int, func(*results.Citation) bool, error](&writeCitationsFn{})
	register.DoFn1x2[ArticleStats, string, results.Stats](&keyFn{})
	register.Combiner1[results.Stats](&statsFn{})
	register.Combiner3[ReportAccumulator, results.Stats, string](&reportFn{})
	register.DoFn2x1[context.Context, string, error](&writeFileFn{})
	register.Emitter1[string]()
	register.Emitter1[Record]()
	register.Emitter1[ArticleStats]()
	register.Emitter2[int, string]()
	register.Emitter2[int, results.Article]()
	register.Emitter2[int, results.Finding]()
	register.Emitter2[int, results.Claim]()
	register.Emitter2[int, results.Citation]()
	register.Iter1[string]()
	register.Iter1[results.Article]()
	register.Iter1[results.Finding]()
	register.Iter1[results.Claim]()
	register.Iter1[results.Citation]()
}
