package main

import (
	"context"
	"database/sql"
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
	c := newCommand("merge", "citecheck merge --db OUT.sqlite IN.sqlite...",
		"Merges results databases (the shards of a corpus) into OUT. An article OUT already\n"+
			"holds with the same id and hash is left alone; with another hash, the one checked\n"+
			"later wins. The inputs are not changed; merging the same input twice changes nothing.\n"+
			"Exit status: 0 done, 1 a database could not be read or written, 2 usage error.",
		stdout, stderr)
	dbPath := c.String("db", "", "the results database to merge into (SQLite file, created if absent)")
	inputs, code, ok := c.parse(args)
	switch {
	case !ok:
		return code
	case *dbPath == "":
		return c.usageError("missing --db")
	case len(inputs) == 0:
		return c.usageError("no input databases")
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
			return c.fail(exitDBError, "%v", err)
		}
		if outErr == nil && os.SameFile(fi, out) {
			return c.fail(exitUsage, "%s: is the output database", in)
		}
		if srcs[i], err = openStoreReadOnly(ctx, in); err != nil {
			return c.fail(exitDBError, "%v", err)
		}
	}

	db, store, err := openStore(ctx, *dbPath)
	if err != nil {
		return c.fail(exitDBError, "%v", err)
	}
	defer db.Close()
	defer store.Close()

	var total citecheck.MergeStats
	for i, in := range inputs {
		st, err := store.Merge(ctx, srcs[i])
		total.Add(st)
		if err != nil {
			c.fail(exitDBError, "%s: %v", in, err)
			if i > 0 {
				c.fail(exitDBError, "the inputs before %s are merged; merging them again changes nothing", in)
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
