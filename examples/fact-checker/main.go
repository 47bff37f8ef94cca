// Fact-checker opens what an article cites and shows, claim by claim, what
// its sources turned out to be: the reference entry each citation points
// to, the title, authors, date and publisher the source itself gives, its
// status (ok, not found, unreachable, retracted) and an archived copy of a
// dead link, what the source's text says of the claim (the verifier's
// verdict, the closest passage and any figure or quotation it gives
// otherwise), followed by the source findings (broken links, DOIs nobody
// knows, references that misdescribe their source, retractions, claims
// their source does not support, figures it gives otherwise, misquotes).
//
//	go run ./examples/fact-checker [-cache FILE] [-offline] [-contact EMAIL] ARTICLE
//
// It fetches over the network (politely, refusing internal addresses) and
// keeps what it learned in an SQLite cache, so that a second run makes no
// request for what is still fresh; -offline answers from the cache alone.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver behind the cache

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/sqlitecache"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, nil)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fact-checker:", err)
		os.Exit(1)
	}
}

// run parses the flags, checks the article with its sources resolved and
// prints the claims. extra adds resolver options (tests allow loopback).
func run(ctx context.Context, args []string, w io.Writer, extra []resolve.Option) error {
	fs := flag.NewFlagSet("fact-checker", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cachePath := fs.String("cache", "", "SQLite cache file (default: an in-memory cache for this run)")
	offline := fs.Bool("offline", false, "answer from the cache alone")
	contact := fs.String("contact", "", "e-mail address for the User-Agent")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		return errors.New("usage: fact-checker [-cache FILE] [-offline] [-contact EMAIL] ARTICLE")
	}
	path := fs.Arg(0)

	cache, closeCache, err := openCache(ctx, *cachePath)
	if err != nil {
		return err
	}
	defer closeCache()
	cfg := resolve.Config{Cache: cache, Offline: *offline}
	if !*offline {
		fopts := extra
		if *contact != "" {
			fopts = append(fopts, resolve.WithContact(*contact))
		}
		fetcher, err := resolve.NewFetcher(fopts...)
		if err != nil {
			return err
		}
		defer fetcher.Close()
		cfg.Fetcher = fetcher
	}
	resolver, err := resolve.New(cfg)
	if err != nil {
		return err
	}
	opts := citecheck.Options{Name: path, Resolver: resolver}

	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	report, err := citecheck.Check(ctx, f, opts)
	if err != nil {
		return err
	}
	printClaims(w, report)
	return nil
}

// openCache opens the SQLite cache at path, or an in-memory one for "".
func openCache(ctx context.Context, path string) (resolve.Cache, func(), error) {
	if path == "" {
		return resolve.NewMemoryCache(), func() {}, nil
	}
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return nil, nil, err
	}
	cache, err := sqlitecache.New(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return cache, func() { db.Close() }, nil
}

// printClaims prints each claim with what supports it, then the findings
// about sources. It walks the report by its methods: a claim's citations,
// a citation's entry.
func printClaims(w io.Writer, r *citecheck.Report) {
	fmt.Fprintf(w, "%s: %d claims, %d references\n", r.Input, len(r.Claims), len(r.References))
	for i := range r.Claims {
		cl := &r.Claims[i]
		fmt.Fprintf(w, "\n%d:%d  %.2f  %s\n", cl.Span.Line, cl.Span.Column, cl.Score, cl.Text)
		for _, c := range r.ClaimCitations(cl) {
			if c.Kind == citations.KindLink || c.Status == citations.Unlisted {
				// a link, or a citation with its own URL or DOI no entry lists
				fmt.Fprintf(w, "    link %s -> %s\n", c.URL, describeSource(c.Source, ""))
				continue
			}
			ref, ok := r.CitationEntry(c)
			if !ok {
				fmt.Fprintf(w, "    %s -> no reference entry (%s)\n", c.Text, c.Status)
				continue
			}
			fmt.Fprintf(w, "    %s -> %s\n", c.Text, describeSource(ref.Source, ref.Text))
		}
		for _, a := range cl.Attributions {
			fmt.Fprintf(w, "    attributed to %s\n", a)
		}
		for _, sup := range cl.Support {
			printSupport(w, sup)
		}
		if !cl.Cited {
			fmt.Fprintln(w, "    nothing supports it")
		}
	}

	var sourceFindings []citecheck.Finding
	for _, f := range r.Findings {
		switch f.Code {
		case citecheck.CodeBrokenLink, citecheck.CodeUnreachableSource, citecheck.CodeUnresolvableDOI,
			citecheck.CodeReferenceMismatch, citecheck.CodeRetractedSource,
			citecheck.CodeUnsupportedClaim, citecheck.CodeNumberMismatch, citecheck.CodeMisquote:
			sourceFindings = append(sourceFindings, f)
		}
	}
	if len(sourceFindings) > 0 {
		fmt.Fprintln(w, "\nSources:")
		for _, f := range sourceFindings {
			fmt.Fprintf(w, "  %s:%d:%d: %s: %s [%s]\n", r.Input, f.Span.Line, f.Span.Column, f.Severity, f.Message, f.Code)
		}
	}
}

// describeSource says in one line what a resolved source is; entry is the
// reference text to fall back on when the source was not resolved.
func describeSource(s *resolve.Source, entry string) string {
	if s == nil {
		if entry == "" {
			return "not resolved"
		}
		return "not resolved: " + entry
	}
	var parts []string
	if s.Title != "" {
		parts = append(parts, fmt.Sprintf("%q", s.Title))
	}
	if len(s.Authors) > 0 {
		parts = append(parts, strings.Join(s.Authors, ", "))
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	desc := string(s.Status)
	if len(parts) > 0 {
		desc += ": " + strings.Join(parts, ", ")
	}
	if s.Retracted() {
		desc += " [RETRACTED]"
	}
	if s.ArchivedURL != "" {
		desc += " (archived: " + s.ArchivedURL + ")"
	}
	return desc
}

// printSupport prints what the verifier made of a claim against one of its
// sources: the verdict, the best passage, and what the claim says that the
// source gives otherwise or not at all.
func printSupport(w io.Writer, sup citecheck.SourceSupport) {
	fmt.Fprintf(w, "    %s says: %s (%.2f)\n", sup.URL, sup.Verdict, sup.Score)
	if len(sup.Evidence) > 0 {
		e := sup.Evidence[0]
		fmt.Fprintf(w, "      closest passage (bytes %d-%d): %q\n", e.Span.Start, e.Span.End, e.Text)
	}
	for _, m := range sup.Missing {
		if m.SourceText != "" {
			fmt.Fprintf(w, "      %s %q: the source says %q\n", m.Kind, m.Text, m.SourceText)
		} else {
			fmt.Fprintf(w, "      %s %q: not in the source\n", m.Kind, m.Text)
		}
	}
}
