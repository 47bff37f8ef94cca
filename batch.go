package citecheck

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"strconv"
	"sync"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

// BatchOptions control Batch. The zero value checks with one worker per
// core and the default Options.
type BatchOptions struct {
	// Workers is the number of articles checked at once; zero or less means
	// runtime.NumCPU().
	Workers int
	// Check are the options each article is checked with. Name, Format and
	// BaseURL are taken from the article and need not be set.
	Check Options
}

// BatchResult is the outcome for one article of a batch: its Report, or the
// reason it could not be read or checked.
type BatchResult struct {
	// Article is the article as read. For a record the corpus reader could
	// not read, only ID and Input are set, from the *corpus.ReadError:
	// both are input#pos (or the input as given, for a problem with a whole
	// input). Both are empty for a reader error of another type.
	Article corpus.Article
	// Report is the article's report; nil when Err is set.
	Report *Report
	// Err says why the article has no report: a *corpus.ReadError from
	// the reader, or the error of parsing or checking it.
	Err error
}

// Batch checks the articles of a corpus, typically from corpus.Read,
// on opts.Workers goroutines and yields one result per article, in the order
// they finish (not the corpus order). An article that cannot be read or
// checked is yielded as a result with its Err set, and the error is also the
// second value; the batch goes on after it.
//
// Batch streams: at most about 2×Workers articles and reports are in memory
// at once, whatever the size of the corpus. When ctx is done, Batch stops
// promptly and yields a last zero BatchResult with ctx.Err(). Breaking out
// of the loop stops the workers and the reading of articles before Batch
// returns.
func Batch(ctx context.Context, articles iter.Seq2[corpus.Article, error], opts BatchOptions) iter.Seq2[BatchResult, error] {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	return func(yield func(BatchResult, error) bool) {
		parent := ctx
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		type job struct {
			a   corpus.Article
			err error
		}
		jobs := make(chan job, workers)
		results := make(chan BatchResult, workers)

		readerDone := make(chan struct{})
		go func() {
			defer close(readerDone)
			defer close(jobs)
			for a, err := range articles {
				if err != nil && isContextErr(err) {
					return
				}
				select {
				case jobs <- job{a, err}:
				case <-ctx.Done():
					return
				}
			}
		}()

		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for j := range jobs {
					if ctx.Err() != nil {
						return
					}
					r := checkArticle(ctx, j.a, j.err, opts.Check)
					if r.Err != nil && isContextErr(r.Err) && ctx.Err() != nil {
						return
					}
					select {
					case results <- r:
					case <-ctx.Done():
						return
					}
				}
			})
		}
		go func() {
			wg.Wait()
			close(results)
		}()

		// stop cancels the pipeline and waits for every goroutine, so that
		// nothing runs once Batch has returned.
		stop := func() {
			cancel()
			for range results {
			}
			<-readerDone
		}
		for r := range results {
			if ctx.Err() != nil {
				break
			}
			if !yield(r, r.Err) {
				stop()
				return
			}
		}
		stop()
		if err := parent.Err(); err != nil {
			yield(BatchResult{}, err)
		}
	}
}

// checkArticle parses and checks one article, or turns the reader's error
// into a result.
func checkArticle(ctx context.Context, a corpus.Article, readErr error, opts Options) BatchResult {
	if readErr != nil {
		return BatchResult{Article: failedArticle(readErr), Err: readErr}
	}
	doc, err := sources.Parse(a.Body, sources.ReadOptions{Name: a.Input, Format: a.Format, BaseURL: a.URL, MaxBytes: opts.MaxBytes})
	if err != nil {
		return BatchResult{Article: a, Err: err}
	}
	opts.Name, opts.Format, opts.BaseURL = a.Input, a.Format, a.URL
	rep, err := CheckDocument(ctx, doc, opts)
	if err != nil {
		return BatchResult{Article: a, Err: err}
	}
	return BatchResult{Article: a, Report: rep}
}

// failedArticle names a record the reader could not read, the way
// ReadCorpus names a JSON Lines record without an id: input#pos.
func failedArticle(err error) corpus.Article {
	var ce *corpus.ReadError
	if !errors.As(err, &ce) {
		return corpus.Article{}
	}
	id := ce.Input
	if ce.Pos > 0 {
		id += "#" + strconv.FormatInt(ce.Pos, 10)
	}
	return corpus.Article{ID: id, Input: id}
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
