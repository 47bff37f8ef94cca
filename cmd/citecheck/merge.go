package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/citecheck/citecheck"
)

// exitDBError is merge's and report's status when a database cannot be
// read or written, or is not a results database this citecheck can read.
const exitDBError = 1

// runMerge runs `citecheck merge`: it checks every input first, so that an
// input from a newer citecheck stops the merge before anything is written,
// then merges the inputs in order.
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "the results database to merge into (SQLite file, created if absent)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: citecheck merge --db OUT.sqlite IN.sqlite...\n\n"+
			"Merges results databases (the shards of a corpus) into OUT. An article OUT already\n"+
			"holds with the same id and hash is left alone; with another hash, the one checked\n"+
			"later wins. The inputs are not changed; merging the same input twice changes nothing.\n"+
			"Exit status: 0 done, 1 a database could not be read or written, 2 usage error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *dbPath == "" || len(inputs) == 0 {
		fs.Usage()
		return exitUsage
	}
	out, outErr := os.Stat(*dbPath)

	srcs := make([]*sql.DB, len(inputs))
	defer func() {
		for _, db := range srcs {
			if db != nil {
				_ = db.Close()
			}
		}
	}()
	for i, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil {
			fmt.Fprintf(stderr, "citecheck merge: %v\n", err)
			return exitDBError
		}
		if outErr == nil && os.SameFile(fi, out) {
			fmt.Fprintf(stderr, "citecheck merge: %s: is the output database\n", in)
			return exitUsage
		}
		srcs[i], err = openStoreReadOnly(ctx, in)
		if err != nil {
			fmt.Fprintf(stderr, "citecheck merge: %v\n", err)
			return exitDBError
		}
	}

	db, store, err := openStore(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "citecheck merge: %v\n", err)
		return exitDBError
	}
	defer db.Close()
	defer store.Close()

	var total citecheck.MergeStats
	for i, in := range inputs {
		st, err := store.Merge(ctx, srcs[i])
		total.Add(st)
		if err != nil {
			fmt.Fprintf(stderr, "citecheck merge: %s: %v\n", in, err)
			if i > 0 {
				fmt.Fprintf(stderr, "citecheck merge: the inputs before %s are merged; merging them again changes nothing\n", in)
			}
			return exitDBError
		}
		fmt.Fprintf(stdout, "%s: %s\n", in, mergeLine(st))
		_ = srcs[i].Close()
		srcs[i] = nil
	}
	if len(inputs) > 1 {
		fmt.Fprintf(stdout, "citecheck merge: %d databases: %s\n", len(inputs), mergeLine(total))
	}
	return exitOK
}

func mergeLine(st citecheck.MergeStats) string {
	return fmt.Sprintf("%d added, %d replaced, %d same, %d kept (%d rows)", st.Added, st.Replaced, st.Same, st.Kept, st.Rows)
}
