// Researcher scores a corpus of articles on every core and prints, per
// outlet, how well the articles back their claims: the share of claims
// that cite something and the share of citations with no reference entry.
// It is the library form of `citecheck batch`, for researchers who want the
// reports in their own pipeline rather than in a database.
//
//	go run ./examples/researcher [-workers N] CORPUS...
//
// CORPUS is a folder of .html, .md and .txt files, a JSON Lines file or a
// WARC file (see corpus.Read).
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"text/tabwriter"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/corpus"
	"github.com/citecheck/citecheck/sources/site"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "researcher:", err)
		os.Exit(1)
	}
}

// outletStats are the totals of one outlet's articles.
type outletStats struct {
	outlet                                           string
	articles, claims, uncited, citations, unresolved int
}

// run scores the corpus and prints the table; articles that cannot be read
// are reported on errw and counted, not fatal.
func run(ctx context.Context, args []string, w, errw io.Writer) error {
	fs := flag.NewFlagSet("researcher", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	workers := fs.Int("workers", 0, "articles checked at once (0: one per core)")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return errors.New("usage: researcher [-workers N] CORPUS [CORPUS ...]")
	}

	corpus := corpus.Read(ctx, fs.Args(), corpus.Options{})
	byOutlet := map[string]*outletStats{}
	failed := 0
	for res := range citecheck.Batch(ctx, corpus, citecheck.BatchOptions{Workers: *workers}) {
		if res.Err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintln(errw, res.Err)
			failed++
			continue
		}
		outlet := cmp.Or(res.Article.Outlet, site.OfURL(res.Article.URL), "(no outlet)")
		s := byOutlet[outlet]
		if s == nil {
			s = &outletStats{outlet: outlet}
			byOutlet[outlet] = s
		}
		sum := res.Report.Summary
		s.articles++
		s.claims += sum.Claims
		s.uncited += sum.UncitedClaims
		s.citations += sum.Citations
		s.unresolved += sum.Unresolved
	}

	rows := make([]*outletStats, 0, len(byOutlet))
	for _, s := range byOutlet {
		rows = append(rows, s)
	}
	slices.SortFunc(rows, func(a, b *outletStats) int {
		return cmp.Or(cmp.Compare(b.articles, a.articles), cmp.Compare(a.outlet, b.outlet))
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "outlet\tarticles\tclaims\tcited claims\tcitations\tunresolved\t")
	for _, s := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%s\t\n", s.outlet, s.articles, s.claims,
			share(s.claims-s.uncited, s.claims), s.citations, share(s.unresolved, s.citations))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(w, "%d articles could not be read\n", failed)
	}
	return nil
}

// share formats part/whole as a percentage, or "-" when whole is zero.
func share(part, whole int) string {
	if whole == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}
