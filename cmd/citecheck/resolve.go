package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve"
)

// defaultCachePath is citecheck/cache.sqlite in the user's cache directory.
func defaultCachePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (use --cache): %w", err)
	}
	return filepath.Join(dir, "citecheck", "cache.sqlite"), nil
}

// setupResolve opens the cache and, unless offline, a fetcher, and sets
// the resolver over them in opts with a progress line on stderr. The
// returned function closes what it opened.
func setupResolve(ctx context.Context, opts *citecheck.Options, cachePath string, offline bool, contact string, stderr io.Writer, fetcherOpts ...resolve.Option) (func(), error) {
	if cachePath == "" {
		p, err := defaultCachePath()
		if err != nil {
			return nil, err
		}
		cachePath = p
	}
	if err := os.MkdirAll(filepath.Dir(cachePath), 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	cache, db, err := openCache(ctx, cachePath)
	if err != nil {
		return nil, err
	}
	var fetcher *resolve.Fetcher
	if !offline {
		if contact != "" {
			fetcherOpts = append(fetcherOpts, resolve.WithContact(contact))
		}
		if fetcher, err = resolve.NewFetcher(fetcherOpts...); err != nil {
			db.Close()
			return nil, err
		}
	}
	if opts.Resolver, err = resolve.New(resolve.Config{Fetcher: fetcher, Cache: cache, Offline: offline}); err != nil {
		db.Close()
		return nil, err
	}
	live := isTerminal(stderr)
	verb := "resolved %d sources"
	if offline {
		verb = "looked up %d sources in the cache"
	}
	opts.Progress = func(done, total int) {
		switch {
		case done == total && live:
			fmt.Fprintf(stderr, "\r"+verb+"      \n", total)
		case done == total:
			fmt.Fprintf(stderr, verb+"\n", total)
		case live:
			fmt.Fprintf(stderr, "\rresolving %d/%d sources…", done, total)
		}
	}
	return func() {
		if fetcher != nil {
			fetcher.Close()
		}
		if err := db.Close(); err != nil && !errors.Is(err, sql.ErrConnDone) {
			fmt.Fprintf(stderr, "citecheck: cache: %v\n", err)
		}
	}, nil
}

// isTerminal reports whether w is a character device, where a progress
// line may be rewritten in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
