package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/internal/results"
)

// reportGroupings are the aggregates the pipeline writes, as
// report-<by>.json, each what `citecheck report --by <by> --format json`
// prints for the same corpus.
func reportGroupings() []citecheck.GroupBy {
	return []citecheck.GroupBy{citecheck.GroupOutlet, citecheck.GroupYear, citecheck.GroupCode}
}

// reportName is the file name of the aggregates grouped by by.
func reportName(by citecheck.GroupBy) string { return "report-" + string(by) + ".json" }

// keyFn keys an article's stats by its group.
type keyFn struct {
	By string
}

// ProcessElement keys one article's stats.
func (f *keyFn) ProcessElement(a ArticleStats) (string, results.Stats) {
	key := ""
	switch citecheck.GroupBy(f.By) {
	case citecheck.GroupOutlet:
		key = a.Outlet
	case citecheck.GroupYear:
		key = a.Year
	}
	s := a.Stats
	s.Key = key
	return key, s
}

// statsFn adds up the stats of a group's articles: a combiner, so that
// each worker adds up its own articles before anything is shuffled.
type statsFn struct{}

// MergeAccumulators returns the sum of a and b. It changes neither:
// Beam may hand it an element that other transforms read too, and Add
// would change a's map of codes in place.
func (statsFn) MergeAccumulators(a, b results.Stats) results.Stats {
	sum := results.Stats{Key: a.Key}
	sum.Add(a)
	sum.Add(b)
	return sum
}

// ReportAccumulator holds the stats of the groups of a report.
type ReportAccumulator struct {
	Groups []results.Stats
}

// reportFn gathers the groups' stats (few: one per outlet or year) into
// the report, as JSON.
type reportFn struct {
	By string
}

// CreateAccumulator starts a report with no group.
func (reportFn) CreateAccumulator() ReportAccumulator { return ReportAccumulator{} }

// AddInput adds a group.
func (reportFn) AddInput(acc ReportAccumulator, g results.Stats) ReportAccumulator {
	acc.Groups = append(acc.Groups, g)
	return acc
}

// MergeAccumulators joins the groups of two partial reports.
func (reportFn) MergeAccumulators(a, b ReportAccumulator) ReportAccumulator {
	a.Groups = append(slices.Clip(a.Groups), b.Groups...) // a new array: Beam may read a elsewhere
	return a
}

// ExtractOutput returns the report as `citecheck report --format json`
// writes it.
func (f reportFn) ExtractOutput(acc ReportAccumulator) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(results.Report(citecheck.GroupBy(f.By), acc.Groups)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// writeFileFn writes its one input to Path.
type writeFileFn struct {
	Path string
}

// ProcessElement writes the file.
func (f *writeFileFn) ProcessElement(ctx context.Context, content string) error {
	return writeShard(ctx, f.Path, func(w io.Writer) error {
		_, err := io.WriteString(w, content)
		return err
	})
}

// aggregate computes and writes the reports of every grouping.
func aggregate(s beam.Scope, dir string, stats beam.PCollection) {
	for _, by := range reportGroupings() {
		s := s.Scope("report by " + string(by))
		keyed := beam.ParDo(s, &keyFn{By: string(by)}, stats)
		groups := beam.DropKey(s, beam.CombinePerKey(s, &statsFn{}, keyed))
		rep := beam.Combine(s, &reportFn{By: string(by)}, groups)
		beam.ParDo0(s, &writeFileFn{Path: joinPath(dir, reportName(by))}, rep)
	}
}
