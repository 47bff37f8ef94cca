package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/citecheck/citecheck/sources/corpus"
)

// batchCounts are the figures of a batch run, read by the status display
// while the run updates them. total is the number of articles in the
// inputs (this shard's), -1 until counted.
type batchCounts struct {
	done, skipped, failed atomic.Int64
	total                 atomic.Int64
}

// finished is how many articles the run has dealt with: checked, skipped
// or failed.
func (c *batchCounts) finished() int64 {
	return c.done.Load() + c.skipped.Load() + c.failed.Load()
}

// countCorpus counts the articles of inputs in the background into
// counts.total, so that the progress bar can show an ETA. It reads the
// inputs a second time, so it runs only for the bar on a terminal.
func countCorpus(ctx context.Context, inputs []string, opts corpus.Options, counts *batchCounts) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		var n int64
		for range corpus.Read(ctx, inputs, opts) {
			n++
		}
		if ctx.Err() == nil {
			counts.total.Store(n)
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}

// statusDisplay shows a batch run's progress on w until its stop function
// is called: a progress bar (articles done, rate, failures, ETA once the
// corpus is counted) when bar is set, for terminals, and otherwise a plain
// status line every interval, for logs.
func statusDisplay(w io.Writer, counts *batchCounts, start time.Time, bar bool, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	if !bar {
		wg.Go(func() {
			t := time.NewTicker(interval)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
					fmt.Fprintln(w, statusLine(counts, time.Since(start)))
				}
			}
		})
		return func() {
			close(done)
			wg.Wait()
		}
	}

	pb := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("checking"),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetRenderBlankState(true),
	)
	update := func() {
		if total := counts.total.Load(); total >= 0 && pb.GetMax64() != total {
			pb.ChangeMax64(total)
		}
		if f := counts.failed.Load(); f > 0 {
			pb.Describe(fmt.Sprintf("checking (%d failed)", f))
		}
		_ = pb.Set64(counts.finished())
	}
	wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				update()
				_ = pb.Exit()
				fmt.Fprintln(w)
				return
			case <-t.C:
				update()
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// statusLine is the periodic status of a run that is not on a terminal.
func statusLine(counts *batchCounts, elapsed time.Duration) string {
	n := counts.done.Load()
	return fmt.Sprintf("citecheck batch: %d checked, %d skipped, %d failed, %.0f articles/s",
		n, counts.skipped.Load(), counts.failed.Load(), float64(n)/max(elapsed.Seconds(), 1e-9))
}
