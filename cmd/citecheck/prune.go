package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"
)

// runPruneCache runs `citecheck prune-cache`: it drops from the source cache
// what was learned more than --days days ago.
func runPruneCache(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := newCommand("prune-cache", "citecheck prune-cache [--cache PATH] [--days N]",
		"Drops sources and link observations older than N days from the cache.\n"+
			"Links then need fresh failures on separate days before they count as dead again.",
		stdout, stderr)
	cachePath := cacheFlag(c.FlagSet)
	days := c.Int("days", 365, "keep what was learned in the last `N` days")
	if code, ok := c.parseFlags(args); !ok {
		return code
	}
	if *days < 1 {
		return c.usageError("--days must be at least 1, not %d", *days)
	}
	path, err := cacheFile(*cachePath)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	// An absent cache is a mistake in --cache, not one to create.
	if _, err := os.Stat(path); err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	cache, db, err := openCache(ctx, path, false)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	defer db.Close()
	p, err := cache.Prune(ctx, time.Now().AddDate(0, 0, -*days))
	if err != nil {
		return c.fail(exitBatchFailed, "%s: %v", path, err)
	}
	fmt.Fprintf(stdout, "citecheck prune-cache: %s: removed %d sources, %d link observations older than %d days\n",
		path, p.Sources, p.Observations, *days)
	return exitOK
}
