package citecheck

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strconv"
	"sync"
	"time"

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
	// ArticleOptions, when set, gives the options of each article in place
	// of Check (a configuration per folder, say). Batch calls it once for
	// each article read without an error, from one goroutine, in the
	// order the articles come.
	ArticleOptions func(corpus.Article) Options
	// Timeout is the deadline of one article per 100 KB of its body (an
	// article under 100 KB gets one Timeout). An article past its deadline
	// is given up and yielded with an error wrapping ErrArticleTimeout, and
	// the batch goes on. Zero means DefaultArticleTimeout; a negative
	// Timeout sets no deadline.
	Timeout time.Duration
}

// DefaultArticleTimeout is the deadline of one article per 100 KB of its
// body unless BatchOptions.Timeout says otherwise: hundreds of times what a
// check takes, so that only an article that would hold a run up meets it.
const DefaultArticleTimeout = 5 * time.Second

// ErrArticleTimeout means an article took longer than its deadline
// (BatchOptions.Timeout); it wraps sources.ErrLimit.
var ErrArticleTimeout = fmt.Errorf("article took longer than its deadline (%w)", sources.ErrLimit)

// articleDeadline is the time an article of size bytes may take.
func articleDeadline(timeout time.Duration, size int) time.Duration {
	const unit = 100 << 10
	return timeout * time.Duration(max(1, (size+unit-1)/unit))
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
	// Settings is the SettingsKey of the options the article was checked
	// with; "" for the defaults and for a record the reader could not read.
	Settings string
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
//
// An article past its deadline (BatchOptions.Timeout) is given up at once;
// its check runs on in the background until it ends (every stage of a
// check is bounded in time by the limits of Options), taking the place of
// one of at most Workers given-up checks, and Batch returns only when they
// have all ended.
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
			a    corpus.Article
			err  error
			opts Options
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
				check := opts.Check
				if err == nil && opts.ArticleOptions != nil {
					check = opts.ArticleOptions(a)
				}
				select {
				case jobs <- job{a, err, check}:
				case <-ctx.Done():
					return
				}
			}
		}()

		var wg sync.WaitGroup
		runner := articleRunner{opts: opts, givenUp: make(chan struct{}, workers)}
		for range workers {
			wg.Go(func() {
				for j := range jobs {
					if ctx.Err() != nil {
						return
					}
					r := runner.check(ctx, j.a, j.err, j.opts)
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
			runner.wait()
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

// articleRunner checks articles under their deadlines.
type articleRunner struct {
	opts BatchOptions
	// givenUp holds a token for each check given up and still running.
	givenUp chan struct{}
	running sync.WaitGroup
}

// check checks one article under its deadline. A check past it is given up:
// the result says so, and the check runs on in the background, holding a
// token of givenUp until it ends, so that at most cap(givenUp) run on.
func (ar *articleRunner) check(ctx context.Context, a corpus.Article, readErr error, opts Options) BatchResult {
	r := ar.checkInTime(ctx, a, readErr, opts)
	if readErr == nil {
		r.Settings = opts.SettingsKey()
	}
	return r
}

// checkInTime checks one article under its deadline, as check says.
func (ar *articleRunner) checkInTime(ctx context.Context, a corpus.Article, readErr error, opts Options) BatchResult {
	if readErr != nil || ar.opts.Timeout < 0 {
		return checkArticle(ctx, a, readErr, opts)
	}
	timeout := ar.opts.Timeout
	if timeout == 0 {
		timeout = DefaultArticleTimeout
	}
	limit := articleDeadline(timeout, len(a.Body))
	actx, cancel := context.WithTimeout(ctx, limit)
	done := make(chan BatchResult, 1)
	ar.running.Add(1)
	go func() {
		defer ar.running.Done()
		done <- checkArticle(actx, a, nil, opts)
	}()
	select {
	case r := <-done:
		cancel()
		if r.Err != nil && errors.Is(r.Err, context.DeadlineExceeded) && ctx.Err() == nil {
			r.Err = timeoutError(a, limit, timeout)
		}
		return r
	case <-actx.Done():
	}
	if ctx.Err() != nil { // the batch ends: the check ends with it
		cancel()
		return BatchResult{Article: a, Err: ctx.Err()}
	}
	select {
	case ar.givenUp <- struct{}{}:
	case <-ctx.Done():
		cancel()
		return BatchResult{Article: a, Err: ctx.Err()}
	case r := <-done: // it ended while we waited for a slot
		cancel()
		if r.Err == nil {
			return r
		}
		return BatchResult{Article: a, Err: timeoutError(a, limit, timeout)}
	}
	go func() {
		<-done
		cancel()
		<-ar.givenUp
	}()
	return BatchResult{Article: a, Err: timeoutError(a, limit, timeout)}
}

// wait waits for the checks given up to end.
func (ar *articleRunner) wait() { ar.running.Wait() }

// timeoutError says that an article took longer than its deadline.
func timeoutError(a corpus.Article, limit, timeout time.Duration) error {
	return fmt.Errorf("%s: %w: gave up after %v, its deadline for %d KB (%v per 100 KB; raise it with --timeout or BatchOptions.Timeout)",
		a.Input, ErrArticleTimeout, limit, (len(a.Body)+1023)/1024, timeout)
}

// checkArticle parses and checks one article, or turns the reader's error
// into a result.
func checkArticle(ctx context.Context, a corpus.Article, readErr error, opts Options) BatchResult {
	if readErr != nil {
		return BatchResult{Article: failedArticle(readErr), Err: readErr}
	}
	limits := opts.Limits.withDefaults()
	doc, err := sources.Parse(a.Body, sources.ReadOptions{Name: a.Input, Format: a.Format, BaseURL: a.URL, MaxBytes: limits.MaxBytes})
	if err != nil {
		return BatchResult{Article: a, Err: limitError(a.Input, limits, err)}
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
