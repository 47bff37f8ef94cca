// Command throughput measures the Beam pipeline on Prism against
// citecheck batch on the same generated corpus, side by side in one run,
// and prints both rates, their ratio (the engine's overhead) and each
// run's peak memory. Run it from cmd/citecheck-beam:
//
//	go run ./internal/throughput [-n 10000 | -jsonl FILE] [-rounds 3] [-workers 2]
//
// It builds both commands, writes the corpus (gencorpus: short articles in
// every input kind, with corrupt records) to a temporary folder, or takes
// the JSON Lines file -jsonl names (such as the main module's generated
// articles: go test . -run TestWriteGeneratedCorpus -gen-out FILE -gen-n
// 10000), and runs batch and the pipeline in turn, -rounds times each,
// reporting the median run of each. Nothing else should run meanwhile.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/citecheck/citecheck/cmd/citecheck-beam/internal/gencorpus"
)

func main() {
	n := flag.Int("n", 10000, "articles in the generated corpus")
	rounds := flag.Int("rounds", 3, "runs of each command, alternating; the median is reported")
	workers := flag.Int("workers", 2, "citecheck batch --workers")
	jsonl := flag.String("jsonl", "", "a JSON Lines `file` to check instead of a generated corpus")
	flag.Parse()
	if err := run(context.Background(), *n, *jsonl, *rounds, *workers); err != nil {
		fmt.Fprintf(os.Stderr, "throughput: %v\n", err)
		os.Exit(1)
	}
}

// measurement is one timed run of a command.
type measurement struct {
	wall    time.Duration
	cpu     time.Duration // user and system, of the process and its children
	peakRSS int64         // bytes
}

func run(ctx context.Context, n int, jsonl string, rounds, workers int) error {
	dir, err := os.MkdirTemp("", "citecheck-throughput-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	batchBin, beamBin := filepath.Join(dir, "citecheck"), filepath.Join(dir, "citecheck-beam")
	if err := goBuild(ctx, "../citecheck", batchBin); err != nil {
		return err
	}
	if err := goBuild(ctx, ".", beamBin); err != nil {
		return err
	}
	inputs, articles, corrupt, err := corpusOf(dir, n, jsonl)
	if err != nil {
		return err
	}
	var batch, beam []measurement
	for i := range rounds {
		db := filepath.Join(dir, "r"+strconv.Itoa(i)+".sqlite")
		m, err := timed(ctx, batchBin, append([]string{"batch", "--db", db, "--workers", strconv.Itoa(workers)}, inputs...), 1)
		if err != nil {
			return err
		}
		batch = append(batch, m)
		out := filepath.Join(dir, "beam"+strconv.Itoa(i))
		m, err = timed(ctx, beamBin, append([]string{"--output", out}, inputs...), 1)
		if err != nil {
			return err
		}
		beam = append(beam, m)
	}
	b, p := median(batch), median(beam)
	rate := func(m measurement) float64 { return float64(articles) / m.wall.Seconds() }
	fmt.Printf("corpus: %d articles (%d corrupt records) in %d inputs on %d cores\n", articles, corrupt, len(inputs), runtime.NumCPU())
	perK := func(m measurement) float64 { return m.cpu.Seconds() * 1000 / float64(articles) }
	fmt.Printf("citecheck batch --workers %d: %6.1f s, %6.0f articles/s, %5.2f CPU s per 1000 articles, peak RSS %4.0f MB\n",
		workers, b.wall.Seconds(), rate(b), perK(b), mb(b.peakRSS))
	fmt.Printf("citecheck-beam on Prism:     %6.1f s, %6.0f articles/s, %5.2f CPU s per 1000 articles, peak RSS %4.0f MB\n",
		p.wall.Seconds(), rate(p), perK(p), mb(p.peakRSS))
	fmt.Printf("ratio (pipeline rate / batch rate): %.2f; CPU per article, pipeline / batch: %.2f; median of %d runs each, alternating\n",
		rate(p)/rate(b), perK(p)/perK(b), rounds)
	return nil
}

// corpusOf returns the inputs, the number of records and of corrupt
// records of the corpus: the JSON Lines file jsonl (one record a
// non-blank line), or n articles of gencorpus written under dir.
func corpusOf(dir string, n int, jsonl string) (inputs []string, articles, corrupt int, err error) {
	if jsonl == "" {
		inputs, err = gencorpus.Write(filepath.Join(dir, "corpus"), n)
		return inputs, n + gencorpus.Corrupt, gencorpus.Corrupt, err
	}
	data, err := os.ReadFile(jsonl)
	if err != nil {
		return nil, 0, 0, err
	}
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) > 0 {
			articles++
		}
	}
	abs, err := filepath.Abs(jsonl)
	return []string{abs}, articles, 0, err
}

// goBuild builds the command in folder into out.
func goBuild(ctx context.Context, folder, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ".")
	cmd.Dir = folder
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s: %w", folder, err)
	}
	return nil
}

// timed runs bin with args, which may exit with status 0 or okExit (the
// corpus's corrupt records make both commands exit 1), and measures it.
func timed(ctx context.Context, bin string, args []string, okExit int) (measurement, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout = os.Stdout
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if code := cmd.ProcessState.ExitCode(); err != nil && code != okExit {
		return measurement{}, fmt.Errorf("%s: %w", filepath.Base(bin), err)
	}
	m := measurement{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return m, nil
}

// median returns the run of median wall time.
func median(ms []measurement) measurement {
	s := slices.Clone(ms)
	slices.SortFunc(s, func(a, b measurement) int { return int(a.wall - b.wall) })
	return s[len(s)/2]
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }
