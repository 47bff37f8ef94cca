package citecheck_test

import (
	"bytes"
	"context"
	"hash/fnv"
	"testing"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// pageCache answers every key with a readable source whose text is one of
// the real pages' texts (chosen by the key's hash): an offline run where
// every cited page is cached, with text of a real page's length and
// vocabulary to verify claims against.
type pageCache struct {
	texts []string
}

func (c pageCache) GetSource(_ context.Context, key string) (resolve.CachedSource, bool, error) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key))
	text := c.texts[int(h.Sum32()%uint32(len(c.texts)))]
	return resolve.CachedSource{Key: key, Source: resolve.Source{Status: resolve.StatusOK, HTTPStatus: 200, Text: text},
		ExpiresAt: time.Now().Add(time.Hour)}, true, nil
}

func (pageCache) PutSource(context.Context, resolve.CachedSource) error { return nil }

func (pageCache) AddObservation(context.Context, resolve.LinkObservation) error { return nil }

func (pageCache) Observations(context.Context, string) ([]resolve.LinkObservation, error) {
	return nil, nil
}

// BenchmarkCheckOfflineRealPages checks the real pages offline, every cited
// source answered by the cache with a real page's text, with verification
// and without; the ratio of the two is what verification costs:
//
//	go test -run '^$' -bench CheckOfflineRealPages -count 6 . | benchstat -col /verify -
func BenchmarkCheckOfflineRealPages(b *testing.B) {
	pages := realPages(b)
	r := pageResolver(b, pages)
	for _, mode := range []struct {
		name string
		skip bool
	}{{"verify=off", true}, {"verify=on", false}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(totalBytes(pages))
			b.ReportAllocs()
			ctx := context.Background()
			verdicts := 0
			for b.Loop() {
				verdicts = 0
				for _, p := range pages {
					rep, err := citecheck.Check(ctx, bytes.NewReader(p), citecheck.Options{Name: "page.html", Resolver: r, SkipVerification: mode.skip})
					if err != nil {
						b.Fatal(err)
					}
					for _, c := range rep.Claims {
						verdicts += len(c.Support)
					}
				}
			}
			b.ReportMetric(float64(verdicts), "verdicts")
		})
	}
}

// pageResolver returns an offline resolver whose cache answers every key
// with the text of one of pages (see pageCache).
func pageResolver(b *testing.B, pages [][]byte) *resolve.Resolver {
	b.Helper()
	cache := pageCache{}
	for _, p := range pages {
		doc, err := sources.Read(bytes.NewReader(p), sources.ReadOptions{Name: "page.html"})
		if err != nil {
			b.Fatal(err)
		}
		cache.texts = append(cache.texts, doc.Text)
	}
	r, err := resolve.New(resolve.Config{Cache: cache, Offline: true, MaxTargets: 10000})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkVerificationCost is BenchmarkCheckOfflineRealPages with the two
// passes interleaved: each iteration checks the pages without verification
// and then with it, and the benchmark reports the ratio of the two times
// ("on/off"), which a machine whose speed drifts between runs disturbs
// less than the ratio of two separate benchmarks:
//
//	go test -run '^$' -bench VerificationCost -count 8 -cpu 1,2 .
func BenchmarkVerificationCost(b *testing.B) {
	pages := realPages(b)
	r := pageResolver(b, pages)
	ctx := context.Background()
	pass := func(skip bool) time.Duration {
		start := time.Now()
		for _, p := range pages {
			if _, err := citecheck.Check(ctx, bytes.NewReader(p), citecheck.Options{Name: "page.html", Resolver: r, SkipVerification: skip}); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	var off, on time.Duration
	for b.Loop() {
		off += pass(true)
		on += pass(false)
	}
	b.ReportMetric(float64(on)/float64(off), "on/off")
}
