// Command citecheck checks the citations of articles and drafts.
//
// Usage:
//
//	citecheck check [--format text|json] [--fail-on error|warning|never] FILE...
//	citecheck check --resolve [--cache PATH] [--offline] [--contact EMAIL] FILE...
//	citecheck codes
//	citecheck batch --db results.sqlite [--workers N] [--shard I/N] [--resolve] INPUT...
//	citecheck merge --db OUT.sqlite IN.sqlite...
//	citecheck report --db results.sqlite [--by outlet|year|code] [--format text|csv|json]
//	citecheck prune-cache [--cache PATH] [--days N]
//
// For check, FILE may be - for standard input; the exit status is 0 when no
// finding reaches --fail-on, 1 when one does, 2 for usage errors or
// unreadable input. batch checks a corpus (folders, JSON Lines, WARC) into
// a results database, resumably; merge combines the databases of shards;
// report prints their aggregates. Each command's -h lists its flags.
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
