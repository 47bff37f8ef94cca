package citecheck_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

// cost is what one check of an input allocated.
type cost struct {
	allocs, bytes uint64
	err           error
}

// measure checks src as a user would (reading included) and counts what
// the check allocated: a count that does not depend on the machine's
// speed or load, unlike a duration.
func measure(t testing.TB, sh shape, src []byte) cost {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: sh.name, Format: sh.format})
	runtime.ReadMemStats(&after)
	return cost{allocs: after.Mallocs - before.Mallocs, bytes: after.TotalAlloc - before.TotalAlloc, err: err}
}

// TestAdversarialShapesGrowLinearly checks each shape through the public
// Check at 1x, 4x and 16x its unit size: the allocations and the bytes
// allocated grow within 1.5 times linear. A shape may end in an error, but
// only a limit's (sources.ErrLimit), and then at that size and above.
func TestAdversarialShapesGrowLinearly(t *testing.T) {
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			measure(t, sh, sh.gen(sh.unit)) // one-time set-up (the claim model) is not the input's cost
			var costs [3]cost
			for i, x := range []int{1, 4, 16} {
				src := sh.gen(x * sh.unit)
				costs[i] = measure(t, sh, src)
				if err := costs[i].err; err != nil {
					require.ErrorIs(t, err, sources.ErrLimit, "%dx (%d bytes)", x, len(src))
				}
				t.Logf("%2dx: %8d bytes in, %9d allocations, %11d bytes allocated, err %v", x, len(src), costs[i].allocs, costs[i].bytes, costs[i].err)
			}
			for i, x := range []uint64{4, 16} {
				assert.LessOrEqual(t, float64(costs[i+1].allocs), 1.5*float64(x*costs[0].allocs), "allocations at %dx", x)
				assert.LessOrEqual(t, float64(costs[i+1].bytes), 1.5*float64(x*costs[0].bytes), "bytes allocated at %dx", x)
			}
		})
	}
}

// TestAdversarialLimitsReached checks the shapes that must stop at a
// limit at their largest size, quickly, rather than build what they ask
// for.
func TestAdversarialLimitsReached(t *testing.T) {
	src := genRanges(100_000) // 1.6 MB: 4.9 million citations asked for
	_, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: "ranges.txt"})
	var le *citecheck.LimitError
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "citations", le.Limit)

	r, err := citecheck.Check(context.Background(), bytes.NewReader(genAmbiguous(20_000)), citecheck.Options{Name: "ambiguous.txt"})
	require.NoError(t, err)
	assert.Len(t, r.Citations, 20_000)
	var ambiguous int
	for _, f := range r.Findings {
		if f.Code == citecheck.CodeAmbiguousCitation {
			ambiguous++
			assert.LessOrEqual(t, len(f.Related), 10, "candidates are capped")
		}
	}
	assert.Equal(t, 20_000, ambiguous)
	assert.Equal(t, 20_000, r.Citations[0].CandidateCount, "the count of the candidates left out")
	assert.Len(t, r.Citations[0].Candidates, 10)
}

// BenchmarkAdversarial checks each shape at its largest (16x) size.
func BenchmarkAdversarial(b *testing.B) {
	for _, sh := range shapes {
		src := sh.gen(16 * sh.unit)
		b.Run(fmt.Sprintf("%s/%dKB", sh.name, len(src)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				_, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: sh.name, Format: sh.format})
				if err != nil && !errors.Is(err, sources.ErrLimit) {
					b.Fatal(err)
				}
			}
		})
	}
}
