// Package corpus streams the articles of a corpus for batch runs: the
// files of folders (in the formats sources reads), JSON Lines exports
// (optionally gzipped) and WARC web archives, with a stable ID, the SHA-256
// of the body and a shard number per article, so that a run can resume and
// several machines can split one corpus with no coordination.
//
//	for a, err := range corpus.Read(ctx, []string{"archive/"}, corpus.Options{}) {
//		if err != nil {
//			log.Print(err) // a *corpus.ReadError names the file and record; reading goes on
//			continue
//		}
//		doc, err := sources.Parse(a.Body, sources.ReadOptions{Name: a.Input, Format: a.Format, BaseURL: a.URL})
//		...
//	}
//
// Read holds one record in memory at a time, reports every record it cannot
// read (truncated, malformed, too large, binary) as an error and goes on,
// and stops when the context ends. citecheck.Batch checks what it yields.
package corpus
