package main

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"slices"
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
  citecheck check [flags] PATH...   check files, folders or globs (- is standard input)
  citecheck codes                   describe every finding code
  citecheck verify --claim T SOURCE verify a claim against a source (or PAIRS.jsonl...)
  citecheck config PATH             print the configuration that applies to PATH
  citecheck batch --db F INPUT...   check a corpus into a results database
  citecheck merge --db F IN...      merge results databases (shards) into F
  citecheck report --db F           print a results database's aggregates
  citecheck export --db F DIR       write a results database as Parquet files in DIR
  citecheck prune-cache [--days N]  drop what the source cache learned over N days ago
  citecheck lsp                     serve diagnostics to editors (Language Server Protocol)
  citecheck version                 print the version (also --version)

Run 'citecheck COMMAND -h' (or 'citecheck help COMMAND') for the flags of a command.
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
	case "verify":
		return runVerify(ctx, args[1:], stdout, stderr, nil)
	case "config":
		return runConfig(args[1:], stdout, stderr)
	case "batch":
		return runBatch(ctx, args[1:], stdout, stderr, nil)
	case "merge":
		return runMerge(ctx, args[1:], stdout, stderr)
	case "report":
		return runReport(ctx, args[1:], stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], stdout, stderr)
	case "prune-cache":
		return runPruneCache(ctx, args[1:], stdout, stderr)
	case "lsp":
		return runLSP(ctx, args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help", "-help":
		if len(args) > 1 && args[0] == "help" && slices.Contains(commandNames(), args[1]) {
			return run(ctx, []string{args[1], "-h"}, stdin, stdout, stderr) // "citecheck help check"
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "citecheck %s\n", version())
		return exitOK
	}
	if near := closest(strings.TrimLeft(args[0], "-"), commandNames()); near != "" {
		fmt.Fprintf(stderr, "citecheck: unknown command %q; did you mean %s?\n\n%s", args[0], near, usage)
	} else {
		fmt.Fprintf(stderr, "citecheck: unknown command %q\n\n%s", args[0], usage)
	}
	return exitUsage
}

// commandNames are the subcommands run knows, for suggestions.
func commandNames() []string {
	return []string{"check", "codes", "verify", "config", "batch", "merge", "report", "export", "prune-cache", "lsp", "help", "version"}
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
	c := newCommand("check", "citecheck check [flags] FILE|FOLDER|GLOB...",
		"FILE may be - for standard input (named by --stdin-filename). A FOLDER is\n"+
			"walked, in sorted order, for the files citecheck reads\n"+
			"("+strings.Join(readableExtensions(), " ")+"),\n"+
			"skipping names that start with a dot and paths --ignore matches. A GLOB is\n"+
			"expanded by citecheck itself, with ** for any number of folders; quote it so\n"+
			"that the shell leaves it alone: 'drafts/**/*.md'.\n"+
			"Settings come from the nearest "+configFileName+" (or --config); flags win\n"+
			"over it; citecheck config PATH prints those a file gets.\n"+
			"Exit status: 0 no finding reaches --fail-on, 1 one does, 2 usage error or an\n"+
			"input that could not be read (named on standard error; the other inputs are\n"+
			"still checked).",
		stdout, stderr)
	inputFormats := inputFormatNames()
	format := c.String("format", "text", "output `format`: text, json, sarif (SARIF 2.1.0, one log for all inputs) github (GitHub Actions annotations) or html (one page per input, see -o)")
	outPath := c.String("o", "", "with --format html, write the page to this `FILE` (.html, one input) or one page per input under this folder (DIR/<input>.html); default standard output")
	failOn := c.String("fail-on", "error", "exit 1 when a finding reaches this `severity`: error, warning or never")
	inputFormat := c.String("input-format", "", "read inputs in this `format` instead of detecting it: "+orList(inputFormats))
	stdinName := c.String("stdin-filename", "", "the `name` of standard input (-) in messages; its extension picks the input format")
	var ignore globList
	c.Var(&ignore, "ignore", "skip the files and folders that match this `glob` when walking folders and globs (repeatable; a glob without / matches a name at any depth: 'archive', '*.txt'; one with / the path: 'drafts/old/**')")
	baseURL := c.String("base-url", "", "resolve relative links in HTML against this `URL`")
	limits := addLimitFlags(c.FlagSet)
	timeout := c.Duration("timeout", 10*time.Minute, "give up a run that takes longer than this `duration` (resolving sources can be slow; 0: never)")
	minScore := c.Float64("min-score", 0, "count a sentence as a claim from this check-worthiness `score` (0 to 1; 0 means the model's default)")
	resolving := addResolveFlags(c.FlagSet, "open what the article cites (DOIs, URLs, links) and check the sources; off: no network at all")
	noVerify := noVerifyFlag(c.FlagSet)
	configFile := c.String("config", "", "read the configuration from this `file` instead of the nearest "+configFileName)
	baselineName := c.String("baseline", "", "report only findings that this baseline `file` (written by --write-baseline) does not hold")
	writeBaselineName := c.String("write-baseline", "", "record every finding in this baseline `file` and exit 0 unless an input could not be checked")
	args, code, ok := c.parse(args)
	if !ok {
		return code
	}
	var given commandLine // flags win over the configuration
	c.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "min-score":
			given.minScore = minScore
		case "fail-on":
			given.failOn = *failOn
		}
	})
	if err := cmp.Or(
		oneOf("format", *format, "text", "json", "sarif", "github", "html"),
		htmlOnly(*format, *outPath),
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
	if len(args) == 0 {
		return c.usageError("no input files (use - for standard input)")
	}
	if *baselineName != "" && *writeBaselineName != "" {
		return c.usageError("--baseline and --write-baseline cannot be used together")
	}
	var base *baseline
	if *baselineName != "" {
		var err error
		if base, err = readBaseline(*baselineName); err != nil {
			return c.fail(exitUsage, "%v", err)
		}
	}
	var record *baselineRecorder
	if *writeBaselineName != "" {
		record = newBaselineRecorder()
	}
	inBaseline := 0
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	opts := citecheck.Options{Format: sources.Format(*inputFormat), BaseURL: *baseURL, Limits: limits(), MinScore: *minScore,
		SkipVerification: *noVerify}
	closeResolver, err := resolving.setup(ctx, &opts, stderr, fetcherOpts)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	defer closeResolver()
	configs, err := newConfigs(*configFile)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	w := newFindingsWriter(*format, out, *outPath)
	status := exitOK
	for _, in := range configs.expand(args, ignore) {
		name := in.name
		if name == "-" && *stdinName != "" {
			name = *stdinName
		}
		err := in.err
		var cfg *config
		if err == nil {
			cfg, err = configs.forInput(in.name, *stdinName)
		}
		if err == nil {
			set := settingsFor(cfg, name, given) // standard input by --stdin-filename, for overrides
			fileOpts := set.options(opts)
			fileOpts.Name = name
			var r *citecheck.Report
			if r, err = checkFile(ctx, in.name, stdin, fileOpts); err == nil {
				if base != nil {
					inBaseline += base.filter(r)
				}
				if record != nil {
					record.add(r)
				}
				if err := w.write(r); err != nil {
					fmt.Fprintf(stderr, "citecheck: %v\n", err)
					return exitUsage
				}
				if r.Worst().Rank() >= failOnRanks[set.failOn] && status == exitOK && record == nil {
					status = exitFindings
				}
				continue
			}
		}
		// an input that could not be read or checked: named on standard
		// error, and the run goes on
		out.Flush()
		fmt.Fprintf(stderr, "citecheck: %v\n", err)
		w.fail(name, err)
		status = exitUsage
		if ctx.Err() != nil {
			break
		}
	}
	if err := w.finish(); err != nil {
		fmt.Fprintf(stderr, "citecheck: %v\n", err)
		return exitUsage
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "citecheck: %v\n", err)
		return exitUsage
	}
	if inBaseline > 0 {
		fmt.Fprintf(stderr, "citecheck: %s in the baseline %s (not reported)\n", count(inBaseline, "finding"), *baselineName)
	}
	if record != nil {
		if err := record.write(*writeBaselineName); err != nil {
			fmt.Fprintf(stderr, "citecheck: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "citecheck: wrote %s to the baseline %s\n", count(record.total, "finding"), *writeBaselineName)
	}
	return status
}

// globList is a flag that may be given several times, each time one glob.
type globList []string

func (g *globList) String() string { return strings.Join(*g, ",") }

func (g *globList) Set(s string) error {
	if _, err := path.Match(s, ""); err != nil {
		return fmt.Errorf("bad glob %q: %w", s, err)
	}
	*g = append(*g, s)
	return nil
}

// readableExtensions are the file extensions a folder walk takes.
func readableExtensions() []string {
	var exts []string
	for _, f := range sources.FormatTable() {
		exts = append(exts, f.Extensions...)
	}
	return exts
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
