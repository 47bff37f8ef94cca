package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// runPruneCache runs `citecheck prune-cache`: it drops from the source cache
// what was learned more than --days days ago.
func runPruneCache(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prune-cache", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cachePath := fs.String("cache", "", "the SQLite cache of resolved sources `path` (default: citecheck/cache.sqlite in the user's cache directory)")
	days := fs.Int("days", 365, "keep what was learned in the last `N` days")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: citecheck prune-cache [--cache PATH] [--days N]\n\n"+
			"Drops sources and link observations older than N days from the cache.\n"+
			"Links then need fresh failures on separate days before they count as dead again.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 || *days < 1 {
		fs.Usage()
		return exitUsage
	}
	path := *cachePath
	if path == "" {
		p, err := defaultCachePath()
		if err != nil {
			fmt.Fprintf(stderr, "citecheck prune-cache: %v\n", err)
			return exitUsage
		}
		path = p
	}
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "citecheck prune-cache: %v\n", err)
		return exitUsage
	}
	cache, db, err := openCache(ctx, path)
	if err != nil {
		fmt.Fprintf(stderr, "citecheck prune-cache: %v\n", err)
		return exitUsage
	}
	defer db.Close()
	p, err := cache.Prune(ctx, time.Now().AddDate(0, 0, -*days))
	if err != nil {
		fmt.Fprintf(stderr, "citecheck prune-cache: %s: %v\n", path, err)
		return exitBatchFailed
	}
	fmt.Fprintf(stdout, "citecheck prune-cache: %s: removed %d sources, %d link observations older than %d days\n",
		path, p.Sources, p.Observations, *days)
	return exitOK
}
