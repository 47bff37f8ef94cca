// Command citecheck checks the citations of articles and drafts.
//
// Usage:
//
//	citecheck check [--format text|json|sarif|github|html] [-o FILE|DIR] [--fail-on error|warning|never] [--input-format docx|html|markdown|text] [--ignore GLOB]... PATH...
//	citecheck check --resolve [--cache PATH] [--offline] [--contact EMAIL] PATH...
//	citecheck codes
//	citecheck config [--config FILE] PATH
//	citecheck batch --db results.sqlite [--workers N] [--shard I/N] [--config FILE] [--resolve] INPUT...
//	citecheck merge --db OUT.sqlite IN.sqlite...
//	citecheck report --db results.sqlite [--by outlet|year|code] [--format text|csv|json]
//	citecheck export --db results.sqlite [--format parquet] DIR
//	citecheck prune-cache [--cache PATH] [--days N]
//	citecheck lsp [--debounce D]
//	citecheck version
//
// For check, a PATH is a file, - for standard input (named by
// --stdin-filename), a folder (walked for the extensions citecheck reads,
// skipping dot-names and --ignore globs) or a glob, with **, that citecheck
// expands itself (inputs.go); the output is text, JSON Lines, one SARIF log
// (sarif.go), GitHub Actions workflow commands (github.go) or an HTML page
// per input (htmlreport.go); the exit
// status is 0 when no finding reaches --fail-on, 1 when one does, 2 for
// usage errors or an input that could not be read, named on standard error
// while the others are still checked. check reads its settings (rules,
// min-score, fail-on, reference headings, include and ignore globs,
// overrides by path) from the nearest .citecheck.yaml or --config, and
// config prints those that apply to a file (config.go). codes describes
// every finding code. batch checks a
// corpus (folders, JSON Lines, WARC) into a results database, resumably,
// with check's settings for each file but fail-on (batch_config.go);
// merge combines the databases of shards; report prints their aggregates.
// With --resolve, check and batch open what the articles cite, through a
// SQLite cache of sources (citecheck/cache.sqlite in the user's cache
// directory unless --cache names another) that prune-cache trims.
//
// Every command's -h or --help prints its usage and flags on standard
// output and exits 0. Flags may come before, between or after the other
// arguments; after -- every argument is an input. A mistake in the command
// line is reported in one line on standard error, with exit status 2; an
// unknown flag or command with the closest known one (suggest.go).
//
// Each command has its file (check and codes in run.go); command.go holds
// the command line they share and db.go opens their SQLite databases.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
