package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

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
		return runCodes(stdout)
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

// parseInterleaved parses flags that may come before, between or after the
// file arguments, as editors type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return files, nil
		}
		files = append(files, args[0])
		args = args[1:]
		if len(args) > 0 && args[0] == "--" {
			return append(files, args[1:]...), nil
		}
	}
}

// runCheck runs `citecheck check`; fetcherOpts are added to the resolver's
// options (tests point it at loopback servers).
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, fetcherOpts []resolve.Option) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding reaches this `severity`: error, warning or never")
	inputFormat := fs.String("input-format", "", "read inputs as `html`, markdown or text instead of detecting it")
	baseURL := fs.String("base-url", "", "resolve relative links in HTML against this `URL`")
	maxBytes := fs.Int64("max-bytes", sources.DefaultMaxBytes, "refuse inputs larger than this many `bytes`")
	minScore := fs.Float64("min-score", 0, "count a sentence as a claim from this check-worthiness `score` (0 to 1; 0 means the model's default)")
	resolveSources := fs.Bool("resolve", false, "open what the article cites (DOIs, URLs, links) and check the sources; off: no network at all")
	cachePath := fs.String("cache", "", "the SQLite cache of resolved sources `path` (default: citecheck/cache.sqlite in the user's cache directory)")
	offline := fs.Bool("offline", false, "check the sources from the cache alone, fetching nothing (implies --resolve)")
	contact := fs.String("contact", "", "an e-mail `address` to put in the User-Agent, so site operators can reach you")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: citecheck check [flags] FILE...\n\nFILE may be - for standard input.\nExit status: 0 no finding reaches --fail-on, 1 one does, 2 usage error or unreadable input.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "citecheck check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	threshold := 0
	switch *failOn {
	case "error":
		threshold = citecheck.SeverityError.Rank()
	case "warning":
		threshold = citecheck.SeverityWarning.Rank()
	case "never":
		threshold = 99
	default:
		fmt.Fprintf(stderr, "citecheck check: --fail-on must be error, warning or never, not %q\n", *failOn)
		return exitUsage
	}
	switch sources.Format(*inputFormat) {
	case "", sources.FormatHTML, sources.FormatMarkdown, sources.FormatText:
	default:
		fmt.Fprintf(stderr, "citecheck check: --input-format must be html, markdown or text, not %q\n", *inputFormat)
		return exitUsage
	}
	if *minScore < 0 || *minScore > 1 {
		fmt.Fprintf(stderr, "citecheck check: --min-score must be between 0 and 1, not %g\n", *minScore)
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "citecheck check: no input files (use - for standard input)")
		fs.Usage()
		return exitUsage
	}
	opts := citecheck.Options{Format: sources.Format(*inputFormat), BaseURL: *baseURL, MaxBytes: *maxBytes, MinScore: *minScore}
	if *resolveSources || *offline {
		closeAll, err := setupResolve(ctx, &opts, *cachePath, *offline, *contact, stderr, fetcherOpts...)
		if err != nil {
			fmt.Fprintf(stderr, "citecheck check: %v\n", err)
			return exitUsage
		}
		defer closeAll()
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
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
			if err := enc.Encode(report); err != nil {
				fmt.Fprintf(stderr, "citecheck: %v\n", err)
				return exitUsage
			}
		} else {
			writeText(out, report)
		}
		if report.Worst().Rank() >= threshold && status == exitOK {
			status = exitFindings
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "citecheck: %v\n", err)
		return exitUsage
	}
	return status
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

func runCodes(w io.Writer) int {
	for _, r := range citecheck.DefaultRules() {
		fmt.Fprintf(w, "%s (%s)\n    %s\n    Fix: %s\n", r.Code, r.Severity, wrap(r.Summary), wrap(r.Fix))
	}
	return exitOK
}

func wrap(s string) string { return strings.Join(strings.Fields(s), " ") }
