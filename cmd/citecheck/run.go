package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

const usage = `citecheck checks the citations of articles and drafts.

Usage:
  citecheck check [flags] FILE...   check files (FILE may be - for standard input)
  citecheck codes                   describe every finding code
  citecheck batch --db F INPUT...   check a corpus into a results database
  citecheck merge --db F IN...      merge results databases (shards) into F
  citecheck report --db F           print a results database's aggregates
  citecheck prune-cache [--days N]  drop what the source cache learned over N days ago

Run 'citecheck COMMAND -h' for the flags of a command.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return runCheck(ctx, args[1:], stdin, stdout, stderr, nil)
	case "codes":
		return runCodes(args[1:], stdout, stderr)
	case "batch":
		return runBatch(ctx, args[1:], stdout, stderr, nil)
	case "merge":
		return runMerge(ctx, args[1:], stdout, stderr)
	case "report":
		return runReport(ctx, args[1:], stdout, stderr)
	case "prune-cache":
		return runPruneCache(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "citecheck: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// failOnRanks maps --fail-on's values to the rank of the least severe
// finding that fails the run.
var failOnRanks = map[string]int{
	"error":   citecheck.SeverityError.Rank(),
	"warning": citecheck.SeverityWarning.Rank(),
	"never":   math.MaxInt,
}

// runCheck runs `citecheck check`; fetcherOpts are added to the resolver's
// options (tests point it at loopback servers).
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, fetcherOpts []resolve.Option) int {
	c := newCommand("check", "citecheck check [flags] FILE...",
		"FILE may be - for standard input.\n"+
			"Exit status: 0 no finding reaches --fail-on, 1 one does, 2 usage error or unreadable input.",
		stdout, stderr)
	inputFormats := inputFormatNames()
	format := c.String("format", "text", "output `format`: text or json")
	failOn := c.String("fail-on", "error", "exit 1 when a finding reaches this `severity`: error, warning or never")
	inputFormat := c.String("input-format", "", "read inputs in this `format` instead of detecting it: "+orList(inputFormats))
	baseURL := c.String("base-url", "", "resolve relative links in HTML against this `URL`")
	limits := addLimitFlags(c.FlagSet)
	timeout := c.Duration("timeout", 10*time.Minute, "give up a run that takes longer than this `duration` (resolving sources can be slow; 0: never)")
	minScore := c.Float64("min-score", 0, "count a sentence as a claim from this check-worthiness `score` (0 to 1; 0 means the model's default)")
	resolving := addResolveFlags(c.FlagSet, "open what the article cites (DOIs, URLs, links) and check the sources; off: no network at all")
	files, code, ok := c.parse(args)
	if !ok {
		return code
	}
	if err := cmp.Or(
		oneOf("format", *format, "text", "json"),
		oneOf("fail-on", *failOn, "error", "warning", "never"),
		emptyOrOneOf("input-format", *inputFormat, inputFormats...),
	); err != nil {
		return c.usageError("%v", err)
	}
	if *minScore < 0 || *minScore > 1 {
		return c.usageError("--min-score must be between 0 and 1, not %g", *minScore)
	}
	if err := checkLimits(limits()); err != nil {
		return c.usageError("%v", err)
	}
	if *timeout < 0 {
		return c.usageError("--timeout must not be negative, not %v", *timeout)
	}
	if len(files) == 0 {
		return c.usageError("no input files (use - for standard input)")
	}
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	opts := citecheck.Options{Format: sources.Format(*inputFormat), BaseURL: *baseURL, Limits: limits(), MinScore: *minScore}
	closeResolver, err := resolving.setup(ctx, &opts, stderr, fetcherOpts)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	defer closeResolver()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	jw := newJSONWriter(out)
	status := exitOK
	for _, name := range files {
		opts.Name = name
		report, err := checkFile(ctx, name, stdin, opts)
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "citecheck: %v\n", err)
			status = exitUsage
			if ctx.Err() != nil {
				return exitUsage
			}
			continue
		}
		if *format == "json" {
			if err := jw.write(report); err != nil {
				fmt.Fprintf(stderr, "citecheck: %v\n", err)
				return exitUsage
			}
		} else {
			writeText(out, report)
		}
		if report.Worst().Rank() >= failOnRanks[*failOn] && status == exitOK {
			status = exitFindings
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "citecheck: %v\n", err)
		return exitUsage
	}
	return status
}

// inputFormatNames are the names --input-format takes.
func inputFormatNames() []string {
	var names []string
	for _, f := range sources.FormatTable() {
		names = append(names, string(f.Format))
	}
	return names
}

func checkFile(ctx context.Context, name string, stdin io.Reader, opts citecheck.Options) (*citecheck.Report, error) {
	if name == "-" {
		return citecheck.Check(ctx, stdin, opts)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return citecheck.Check(ctx, f, opts)
}

// writeText writes one line per finding, compiler style, then a summary.
func writeText(w io.Writer, r *citecheck.Report) {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", r.Input, f.Span.Line, f.Span.Column, f.Severity, f.Message, f.Code)
	}
	s := r.Summary
	fmt.Fprintf(w, "%s: %s (%d resolved, %d unresolved", r.Input, count(s.Citations, "citation"), s.Resolved, s.Unresolved)
	if s.Mismatched > 0 {
		fmt.Fprintf(w, ", %d mismatched", s.Mismatched)
	}
	if s.Ambiguous > 0 {
		fmt.Fprintf(w, ", %d ambiguous", s.Ambiguous)
	}
	if s.Links > 0 {
		fmt.Fprintf(w, ", %s", count(s.Links, "link"))
	}
	fmt.Fprintf(w, "), %s in %s, %s (%d uncited); %s, %s\n", count(s.References, "reference"), count(s.ReferenceLists, "list"),
		count(s.Claims, "claim"), s.UncitedClaims, count(s.Errors, "error"), count(s.Warnings, "warning"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// runCodes runs `citecheck codes`.
func runCodes(args []string, stdout, stderr io.Writer) int {
	c := newCommand("codes", "citecheck codes",
		"Describes every finding code: its severity, what it means and how to fix it.", stdout, stderr)
	if code, ok := c.parseFlags(args); !ok {
		return code
	}
	for _, r := range citecheck.DefaultRules() {
		fmt.Fprintf(stdout, "%s (%s)\n    %s\n    Fix: %s\n", r.Code, r.Severity, wrap(r.Summary), wrap(r.Fix))
	}
	return exitOK
}

func wrap(s string) string { return strings.Join(strings.Fields(s), " ") }
