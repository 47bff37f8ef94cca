package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve"
)

// resolveFlags are the flags with which check and batch open what the
// articles cite and check the sources.
type resolveFlags struct {
	resolveSources, offline *bool
	cachePath, contact      *string
}

// addResolveFlags defines --resolve, described by usage, --cache, --offline
// and --contact on fs.
func addResolveFlags(fs *flag.FlagSet, usage string) resolveFlags {
	return resolveFlags{
		resolveSources: fs.Bool("resolve", false, usage),
		cachePath:      cacheFlag(fs),
		offline:        fs.Bool("offline", false, "check the sources from the cache alone, fetching nothing (implies --resolve)"),
		contact:        fs.String("contact", "", "an e-mail `address` to put in the User-Agent, so site operators can reach you"),
	}
}

// noVerifyFlag defines --no-verify on fs: with --resolve or --offline the
// sources are still looked up (dead links, DOIs, what an entry says of its
// source), but no claim is verified against their text
// (citecheck.Options.SkipVerification), which is most of an offline run's
// time.
func noVerifyFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("no-verify", false, "with --resolve or --offline, check the sources but do not verify the claims against their text")
}

// cacheFlag defines --cache, the source cache's path, on fs; cacheFile
// reads it.
func cacheFlag(fs *flag.FlagSet) *string {
	return fs.String("cache", "", "the SQLite cache of resolved sources `path` (default: citecheck/cache.sqlite in the user's cache directory)")
}

// cacheFile is the source cache's path: --cache's value, or else
// citecheck/cache.sqlite in the user's cache directory.
func cacheFile(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (use --cache): %w", err)
	}
	return filepath.Join(dir, "citecheck", "cache.sqlite"), nil
}

// setup does nothing unless the flags ask for the sources to be checked.
// Then it opens the cache and, unless offline, a fetcher (with fetcherOpts
// added to its options), and sets the resolver over them in opts with a
// progress line on stderr. The returned function closes what it opened.
func (f resolveFlags) setup(ctx context.Context, opts *citecheck.Options, stderr io.Writer, fetcherOpts []resolve.Option) (func(), error) {
	if !*f.resolveSources && !*f.offline {
		return func() {}, nil
	}
	cachePath, err := cacheFile(*f.cachePath)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(cachePath), 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	offline := *f.offline
	// Offline, nothing is written: a cache that exists is opened read-only,
	// so that one the process may not write serves too.
	_, statErr := os.Stat(cachePath)
	cache, db, err := openCache(ctx, cachePath, offline && statErr == nil)
	if err != nil {
		return nil, err
	}
	var fetcher *resolve.Fetcher
	if !offline {
		if *f.contact != "" {
			fetcherOpts = append(slices.Clip(fetcherOpts), resolve.WithContact(*f.contact))
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
