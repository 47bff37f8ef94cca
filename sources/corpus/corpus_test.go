package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// corpusResult is what one Read run yields, in order.
type corpusResult struct {
	articles []Article
	errs     []*ReadError
}

// ids lists the article IDs in order.
func (c corpusResult) ids() []string {
	out := make([]string, 0, len(c.articles))
	for _, a := range c.articles {
		out = append(out, a.ID)
	}
	return out
}

// collectCorpus runs Read to the end, requiring every error to be a
// *ReadError.
func collectCorpus(t testing.TB, ctx context.Context, inputs []string, opts Options) corpusResult {
	t.Helper()
	var res corpusResult
	for a, err := range Read(ctx, inputs, opts) {
		if err != nil {
			var ce *ReadError
			require.ErrorAs(t, err, &ce)
			res.errs = append(res.errs, ce)
			continue
		}
		res.articles = append(res.articles, a)
	}
	return res
}

// writeFiles creates files (relative path -> content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

// gzipBytes compresses b as one gzip member.
func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func sha(b string) string {
	s := sha256.Sum256([]byte(b))
	return hex.EncodeToString(s[:])
}

func TestReadCorpusDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.html":            "<p>B</p>",
		"a/z.md":            "# Z\n\ntext",
		"a/deep/y.txt":      "plain",
		"a/deep/x.markdown": "x",
		"c.htm":             "<p>C</p>",
		"image.png":         "\x89PNG\r\n\x1a\n",
		"notes.jsonl":       `{"id":"ignored in dirs","text":"t"}`,
		"bad.txt":           "nul\x00byte",
		"latin1.txt":        "caf\xe9",
	})
	// a symlink to an article is not followed
	require.NoError(t, os.Symlink(filepath.Join(dir, "b.html"), filepath.Join(dir, "link.html")))

	res := collectCorpus(t, context.Background(), []string{dir}, Options{})
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	assert.Equal(t, []string{j("a/deep/x.markdown"), j("a/deep/y.txt"), j("a/z.md"), j("b.html"), j("c.htm")}, res.ids())
	wantFormats := []sources.Format{sources.FormatMarkdown, sources.FormatText, sources.FormatMarkdown, sources.FormatHTML, sources.FormatHTML}
	for i, a := range res.articles {
		assert.Equal(t, wantFormats[i], a.Format, a.ID)
		assert.Equal(t, a.ID, a.Input)
		assert.Equal(t, a.Input, a.File)
		assert.Equal(t, sha(string(a.Body)), a.Hash)
	}
	require.Len(t, res.errs, 2)
	assert.Equal(t, j("bad.txt"), res.errs[0].Input)
	assert.ErrorIs(t, res.errs[0], sources.ErrBinary)
	assert.Equal(t, j("latin1.txt"), res.errs[1].Input)
	assert.ErrorIs(t, res.errs[1], sources.ErrEncoding)
}

// TestReadCorpusFilter checks that Options.Filter replaces the
// extensions of a directory walk: a folder it refuses is not entered, a
// file it takes is read whatever its extension, in a detected format.
func TestReadCorpusFilter(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":         "# A\n\ntext",
		"b.txt":        "plain",
		"notes.rst":    "Notes\n=====\n\ntext",
		"page.inc":     "<html><body><p>P</p></body></html>",
		"skip/c.md":    "# C",
		"keep/skip.md": "# kept: only the folder skip is refused",
	})
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	type call struct {
		path string
		dir  bool
	}
	var calls []call
	filter := func(root, path string, isDir bool) bool {
		assert.Equal(t, dir, root)
		calls = append(calls, call{path, isDir})
		if isDir {
			return filepath.Base(path) != "skip"
		}
		return filepath.Ext(path) != ".txt"
	}
	tests := []struct {
		name    string
		filter  func(root, path string, dir bool) bool
		ids     []string
		formats []sources.Format
	}{
		{"no filter: the extensions", nil,
			[]string{j("a.md"), j("b.txt"), j("keep/skip.md"), j("skip/c.md")},
			[]sources.Format{sources.FormatMarkdown, sources.FormatText, sources.FormatMarkdown, sources.FormatMarkdown}},
		{"the filter", filter,
			[]string{j("a.md"), j("keep/skip.md"), j("notes.rst"), j("page.inc")},
			[]sources.Format{sources.FormatMarkdown, sources.FormatMarkdown, sources.DetectFormat("notes.rst", []byte("Notes\n=====\n\ntext")), sources.FormatHTML}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := collectCorpus(t, context.Background(), []string{dir}, Options{Filter: tt.filter})
			assert.Empty(t, res.errs)
			assert.Equal(t, tt.ids, res.ids())
			for i, a := range res.articles {
				assert.Equal(t, tt.formats[i], a.Format, a.ID)
			}
		})
	}
	assert.Contains(t, calls, call{j("skip"), true})
	assert.NotContains(t, calls, call{j("skip/c.md"), false}, "a refused folder is not entered")
	assert.NotContains(t, calls, call{dir, true}, "the input itself is always entered")
}

func TestReadCorpusInputs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"one.html": "<p>one</p>", "big.txt": strings.Repeat("a", 100), "x.pdf": "%PDF"})
	tests := []struct {
		name    string
		inputs  []string
		want    []string
		wantErr []error
	}{
		{"single file", []string{filepath.Join(dir, "one.html")}, []string{filepath.Join(dir, "one.html")}, nil},
		{"missing input then a good one", []string{filepath.Join(dir, "nope"), filepath.Join(dir, "one.html")},
			[]string{filepath.Join(dir, "one.html")}, []error{os.ErrNotExist}},
		{"unsupported file", []string{filepath.Join(dir, "x.pdf")}, nil, []error{sources.ErrUnsupportedFormat}},
		{"too large", []string{filepath.Join(dir, "big.txt")}, nil, []error{sources.ErrTooLarge}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := collectCorpus(t, context.Background(), tt.inputs, Options{MaxBytes: 50})
			assert.Equal(t, tt.want, nilIfEmpty(res.ids()))
			require.Len(t, res.errs, len(tt.wantErr))
			for i, want := range tt.wantErr {
				assert.ErrorIs(t, res.errs[i], want)
			}
		})
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

const testJSONL = `{"id":"a1","html":"<p>one</p>","url":"https://ex.com/1","published":"2024-01-02","outlet":"Ex"}
{"id":"a2","text":"two"}
{"id": broken
{"id":"a3","url":"https://ex.com/3"}

{"markdown":"# four"}
{"id":17,"text":"numeric id"}
{"id":"big","text":"` + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + `"}
{"id":"a5","text":"five"}
`

func TestReadCorpusJSONL(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "c.jsonl")
	require.NoError(t, os.WriteFile(plain, []byte(testJSONL), 0o644))
	gz := filepath.Join(dir, "c.ndjson.gz")
	require.NoError(t, os.WriteFile(gz, gzipBytes(t, []byte(testJSONL)), 0o644))
	overlong := filepath.Join(dir, "long.jsonl")
	require.NoError(t, os.WriteFile(overlong, []byte(`{"id":"x","text":"`+strings.Repeat("y", 300<<10)+"\"}\n"+`{"id":"after","text":"ok"}`), 0o644))

	for _, path := range []string{plain, gz} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			res := collectCorpus(t, context.Background(), []string{path}, Options{MaxBytes: 64})
			assert.Equal(t, []string{"a1", "a2", path + "#6", "17", "a5"}, res.ids())
			assert.Equal(t, Article{ID: "a1", Input: path + "#1", File: path, URL: "https://ex.com/1", Published: "2024-01-02",
				Outlet: "Ex", Format: sources.FormatHTML, Body: []byte("<p>one</p>"), Hash: sha("<p>one</p>")}, res.articles[0])
			assert.Equal(t, sources.FormatMarkdown, res.articles[2].Format)
			require.Len(t, res.errs, 3)
			wantErrs := []struct {
				pos int64
				err error
			}{{3, ErrMalformed}, {4, ErrNoBody}, {8, sources.ErrTooLarge}}
			for i, w := range wantErrs {
				assert.Equal(t, path, res.errs[i].Input)
				assert.Equal(t, w.pos, res.errs[i].Pos)
				assert.ErrorIs(t, res.errs[i], w.err)
			}
		})
	}
	t.Run("line longer than the line limit", func(t *testing.T) {
		res := collectCorpus(t, context.Background(), []string{overlong}, Options{MaxBytes: 1 << 10})
		assert.Equal(t, []string{"after"}, res.ids())
		require.Len(t, res.errs, 1)
		assert.Equal(t, int64(1), res.errs[0].Pos)
		assert.ErrorIs(t, res.errs[0], sources.ErrTooLarge)
	})
	t.Run("truncated gzip", func(t *testing.T) {
		z := gzipBytes(t, []byte(testJSONL))
		cut := filepath.Join(dir, "cut.jsonl.gz")
		require.NoError(t, os.WriteFile(cut, z[:len(z)-12], 0o644))
		res := collectCorpus(t, context.Background(), []string{cut}, Options{MaxBytes: 64})
		require.NotEmpty(t, res.errs)
		assert.ErrorIs(t, res.errs[len(res.errs)-1], ErrTruncated)
	})
	t.Run("invalid utf-8", func(t *testing.T) {
		p := filepath.Join(dir, "enc.jsonl")
		require.NoError(t, os.WriteFile(p, []byte("{\"id\":\"e\",\"text\":\"caf\xe9\"}\n"), 0o644))
		res := collectCorpus(t, context.Background(), []string{p}, Options{})
		assert.Empty(t, res.articles)
		require.Len(t, res.errs, 1)
		assert.ErrorIs(t, res.errs[0], sources.ErrEncoding)
	})
}

// TestReadCorpusJSONLDuplicateID checks that a record whose id an earlier
// record of the file has is reported, naming both lines, and the earlier
// kept; an id whose first record failed is not taken.
func TestReadCorpusJSONLDuplicateID(t *testing.T) {
	lines := []string{
		`{"id":"a1","text":"first a1"}`,
		`{"id":"a2","text":"first a2"}`,
		`{"id":"a1","text":"second a1"}`,
		``,
		`{"id":"a2","text":"second a2"}`,
		`{"id":7,"text":"number"}`,
		`{"id":"7","text":"string"}`,
		`{"id":"bad","url":"https://ex.com/no-body"}`,
		`{"id":"bad","text":"bad, with a body"}`,
		`{"text":"no id"}`,
		`{"id":"x","text":"x"}`,
	}
	dir := t.TempDir()
	for _, name := range []string{"d.jsonl", "d.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			content := []byte(strings.Join(lines, "\n") + "\n")
			if strings.HasSuffix(name, ".gz") {
				content = gzipBytes(t, content)
			}
			require.NoError(t, os.WriteFile(path, content, 0o644))
			res := collectCorpus(t, context.Background(), []string{path, path}, Options{})

			ids := []string{"a1", "a2", "7", "bad", path + "#10", "x"}
			assert.Equal(t, append(ids, ids...), res.ids(), "each file is read on its own")
			assert.Equal(t, "first a1", string(res.articles[0].Body))
			assert.Equal(t, "number", string(res.articles[2].Body))
			type dup struct {
				line int64
				err  DuplicateIDError
			}
			var got []dup
			for _, e := range res.errs {
				var de *DuplicateIDError
				if errors.As(e, &de) {
					got = append(got, dup{e.Pos, *de})
				} else {
					assert.Equal(t, int64(8), e.Pos)
					assert.ErrorIs(t, e, ErrNoBody)
				}
			}
			want := []dup{{3, DuplicateIDError{"a1", 1}}, {5, DuplicateIDError{"a2", 2}}, {7, DuplicateIDError{"7", 6}}}
			assert.Equal(t, append(want, want...), got)
			assert.Len(t, res.errs, 8)
		})
	}
}

// warcRecord builds one WARC/1.0 record; block is the content block.
func warcRecord(typ, uri, contentType, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(block)+len(uri))
	b.WriteString("WARC-Date: 2024-05-06T07:08:09Z\r\n")
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

// httpResponse is an HTTP response as a WARC response block holds it.
func httpResponse(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

// testWARCRecords are the records of the test WARC files; the last one is
// cut short when written.
func testWARCRecords() []string {
	const app = "application/http; msgtype=response"
	return []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: citecheck-test\r\nformat: WARC File sources.Format 1.0\r\n"),
		warcRecord("request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		warcRecord("response", "https://news.example/a", app, httpResponse("200 OK", "text/html; charset=utf-8", "<html><body><p>Story A</p></body></html>")),
		warcRecord("response", "https://news.example/logo.png", app, httpResponse("200 OK", "image/png", "\x89PNG....")),
		warcRecord("response", "https://news.example/b", app, httpResponse("200 OK", "text/html", "<html><body><p>Story B</p></body></html>")),
		warcRecord("response", "https://news.example/c", app, httpResponse("200 OK", "text/html", "<html><body><p>Story C, cut short in the middle of a sentence</p></body></html>")),
	}
}

// warcLayout is how a test WARC file is compressed.
type warcLayout int

const (
	warcPlain     warcLayout = iota
	warcPerRecord            // one gzip member per record, as Common Crawl writes
	warcOneStream            // the whole file as one gzip stream
)

// writeTestWARC writes the test records in the given layout and cuts the
// last record short (for warcOneStream, the compressed stream itself).
func writeTestWARC(t testing.TB, path string, layout warcLayout) {
	t.Helper()
	var out []byte
	recs := testWARCRecords()
	for i, rec := range recs {
		b := []byte(rec)
		if layout == warcPerRecord {
			b = gzipBytes(t, b)
		}
		if i == len(recs)-1 && layout != warcOneStream {
			b = b[:len(b)*2/3]
		}
		out = append(out, b...)
	}
	if layout == warcOneStream {
		out = gzipBytes(t, out)
		out = out[:len(out)-40]
	}
	require.NoError(t, os.WriteFile(path, out, 0o644))
}

func TestReadCorpusWARC(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		layout warcLayout
	}{
		{"cc.warc", warcPlain},
		{"cc.warc.gz", warcPerRecord},
		{"one-stream.warc.gz", warcOneStream},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			writeTestWARC(t, path, tt.layout)
			res := collectCorpus(t, context.Background(), []string{path}, Options{})
			assert.Equal(t, []string{"https://news.example/a", "https://news.example/b"}, res.ids())
			for _, a := range res.articles {
				assert.Equal(t, a.ID, a.URL)
				assert.Equal(t, "2024-05-06T07:08:09Z", a.Published)
				assert.Equal(t, sources.FormatHTML, a.Format)
				assert.True(t, strings.HasPrefix(a.Input, path+"#"), a.Input)
				assert.Equal(t, path, a.File)
				assert.Contains(t, string(a.Body), "<p>Story ")
				assert.Equal(t, sha(string(a.Body)), a.Hash)
			}
			assert.Equal(t, "<html><body><p>Story A</p></body></html>", string(res.articles[0].Body))
			require.Len(t, res.errs, 1, "%v", res.errs)
			assert.Equal(t, path, res.errs[0].Input)
			assert.Positive(t, res.errs[0].Pos)
			assert.ErrorIs(t, res.errs[0], ErrTruncated)
		})
	}
}

// TestReadCorpusWARCHugeLength has a record claim far more bytes than the
// file holds, in the middle of the file: it is reported once, and the
// records after it are read, with their offsets, in every layout.
func TestReadCorpusWARCHugeLength(t *testing.T) {
	const app = "application/http; msgtype=response"
	record := func(typ, name string) string {
		return warcRecord(typ, "https://news.example/"+name, app, httpResponse("200 OK", "text/html", "<p>"+name+"</p>"))
	}
	claim := func(rec string) string {
		i := strings.Index(rec, "Content-Length: ")
		j := i + strings.Index(rec[i:], "\r\n")
		return rec[:i] + "Content-Length: 1000000000000" + rec[j:]
	}
	tests := []struct {
		name string
		recs []string
		bad  []string // the responses reported, by name: articles lost
	}{
		{"response", []string{record("response", "one"), claim(record("response", "huge")), record("response", "two"), record("response", "three")},
			[]string{"huge"}},
		{"request", []string{record("response", "one"), claim(record("request", "huge")), record("response", "two"), record("response", "three")},
			nil},
		{"two in a row", []string{record("response", "one"), claim(record("response", "huge")), claim(record("response", "huge2")),
			record("response", "two"), record("response", "three")}, []string{"huge", "huge2"}},
	}
	layouts := []struct {
		name   string
		layout warcLayout
	}{{"c.warc", warcPlain}, {"c.warc.gz", warcPerRecord}, {"one-stream.warc.gz", warcOneStream}}
	for _, tt := range tests {
		for _, l := range layouts {
			t.Run(tt.name+"/"+l.name, func(t *testing.T) {
				var file []byte
				offsets := map[string]int64{} // of the records, by URL
				for _, rec := range tt.recs {
					uri := rec[strings.Index(rec, "WARC-Target-URI: ")+len("WARC-Target-URI: "):]
					offsets[uri[:strings.Index(uri, "\r\n")]] = int64(len(file))
					b := []byte(rec)
					if l.layout == warcPerRecord {
						b = gzipBytes(t, b)
					}
					file = append(file, b...)
				}
				if l.layout == warcOneStream {
					file = gzipBytes(t, file)
				}
				path := filepath.Join(t.TempDir(), l.name)
				require.NoError(t, os.WriteFile(path, file, 0o644))

				res := collectCorpus(t, context.Background(), []string{path}, Options{})
				want := []string{"https://news.example/one", "https://news.example/two", "https://news.example/three"}
				assert.Equal(t, want, res.ids())
				for _, a := range res.articles {
					assert.Equal(t, fmt.Sprintf("%s#%d", path, offsets[a.ID]), a.Input)
				}
				require.Len(t, res.errs, len(tt.bad), "%v", res.errs)
				for i, e := range res.errs {
					assert.ErrorIs(t, e, ErrTruncated)
					assert.Equal(t, offsets["https://news.example/"+tt.bad[i]], e.Pos)
				}
			})
		}
	}
}

func TestReadCorpusWARCCorrupt(t *testing.T) {
	const app = "application/http; msgtype=response"
	good := warcRecord("response", "https://news.example/ok", app, httpResponse("200 OK", "text/html", "<p>ok</p>"))
	// a block digest that does not match the block
	bad := warcRecord("response", "https://news.example/bad", app, httpResponse("200 OK", "text/html", "<p>bad</p>"))
	bad = strings.Replace(bad, "Content-Type: application/http", "WARC-Block-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\nContent-Type: application/http", 1)
	tests := []struct {
		name    string
		content string
		wantIDs []string
		wantErr error
	}{
		{"digest mismatch", bad + good, []string{"https://news.example/ok"}, ErrMalformed},
		{"garbage between records", good + "garbage\r\n" + strings.Replace(good, "/ok", "/ok2", 1),
			[]string{"https://news.example/ok", "https://news.example/ok2"}, nil},
		{"redirect is no article", warcRecord("response", "https://news.example/r", app, httpResponse("301 Moved", "text/html", "moved")) + good,
			[]string{"https://news.example/ok"}, nil},
		{"oversized body", warcRecord("response", "https://news.example/big", app, httpResponse("200 OK", "text/html", strings.Repeat("x", 300))) + good,
			[]string{"https://news.example/ok"}, sources.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.warc")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o644))
			res := collectCorpus(t, context.Background(), []string{path}, Options{MaxBytes: 200})
			assert.Equal(t, tt.wantIDs, res.ids())
			if tt.wantErr == nil {
				assert.Empty(t, res.errs)
				return
			}
			require.Len(t, res.errs, 1, "%v", res.errs)
			assert.ErrorIs(t, res.errs[0], tt.wantErr)
		})
	}
}

func TestShardOf(t *testing.T) {
	// fixed values: FNV-1a 64 of the id, modulo shards; other programs
	// splitting the same corpus rely on these
	assert.Equal(t, 0, ShardOf("anything", 1))
	assert.Equal(t, 0, ShardOf("anything", 0))
	assert.Equal(t, int(uint64(0xcbf29ce484222325)%3), ShardOf("", 3))
	assert.Equal(t, int(uint64(0xaf63dc4c8601ec8c)%7), ShardOf("a", 7))
}

func TestReadCorpusShards(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 200 {
		fmt.Fprintf(&lines, "{\"id\":\"doc-%d\",\"text\":\"body %d\"}\n", i, i)
	}
	lines.WriteString("not json\n")
	path := filepath.Join(dir, "s.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(lines.String()), 0o644))

	all := collectCorpus(t, context.Background(), []string{path}, Options{})
	require.Len(t, all.articles, 200)
	require.Len(t, all.errs, 1)

	seen := map[string]int{}
	errs := 0
	for shard := range 3 {
		res := collectCorpus(t, context.Background(), []string{path}, Options{Shard: shard, Shards: 3})
		assert.NotEmpty(t, res.articles, "shard %d", shard)
		for _, a := range res.articles {
			assert.Equal(t, shard, ShardOf(a.ID, 3))
			seen[a.ID]++
		}
		errs += len(res.errs)
	}
	assert.Len(t, seen, 200)
	for id, n := range seen {
		assert.Equal(t, 1, n, id)
	}
	assert.Equal(t, 1, errs, "the bad line is reported by exactly one shard")
}

func TestReadCorpusInvalidShard(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a"})
	for _, shard := range []int{-1, 3} {
		res := collectCorpus(t, context.Background(), []string{dir}, Options{Shard: shard, Shards: 3})
		assert.Empty(t, res.articles)
		require.Len(t, res.errs, 1)
		assert.ErrorIs(t, res.errs[0], ErrInvalidShard)
	}
}

func TestReadCorpusCancel(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 100 {
		fmt.Fprintf(&lines, "{\"id\":\"%d\",\"text\":\"x\"}\n", i)
	}
	path := filepath.Join(dir, "c.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(lines.String()), 0o644))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range Read(ctx, []string{path, dir}, Options{}) {
		if err != nil {
			last = err
			continue
		}
		n++
		if n == 10 {
			cancel()
		}
	}
	assert.Equal(t, 10, n)
	assert.ErrorIs(t, last, context.Canceled)
}

func TestReadCorpusBreak(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.txt": "a", "d/b.txt": "b", "d/c.txt": "c", "c.jsonl": testJSONL})
	writeTestWARC(t, filepath.Join(dir, "w.warc.gz"), warcPerRecord)
	// breaking off, after an article or after an error, must not make
	// Read call yield again (the runtime would panic)
	for _, in := range []string{"d", "c.jsonl", "w.warc.gz"} {
		for stopAfter := 1; stopAfter <= 3; stopAfter++ {
			n := 0
			for range Read(context.Background(), []string{filepath.Join(dir, in), dir}, Options{MaxBytes: 64}) {
				n++
				if n == stopAfter {
					break
				}
			}
			assert.Equal(t, stopAfter, n, in)
		}
	}
}

func TestReadCorpusStable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.html": "<p>a</p>", "d/b.md": "b", "c.jsonl": testJSONL})
	writeTestWARC(t, filepath.Join(dir, "w.warc.gz"), warcPerRecord)
	inputs := []string{filepath.Join(dir, "d"), filepath.Join(dir, "c.jsonl"), filepath.Join(dir, "w.warc.gz")}
	first := collectCorpus(t, context.Background(), inputs, Options{})
	second := collectCorpus(t, context.Background(), inputs, Options{})
	require.NotEmpty(t, first.articles)
	assert.Equal(t, first.articles, second.articles)
	assert.Equal(t, len(first.errs), len(second.errs))
}

func TestCorpusErrorFormat(t *testing.T) {
	err := error(&ReadError{Input: "c.jsonl", Pos: 3, Err: fmt.Errorf("%w: x", ErrMalformed)})
	assert.Equal(t, "c.jsonl#3: malformed record: x", err.Error())
	assert.True(t, errors.Is(err, ErrMalformed))
	assert.Equal(t, "d: boom", (&ReadError{Input: "d", Err: errors.New("boom")}).Error())
}

func FuzzJSONLine(f *testing.F) {
	for _, line := range strings.Split(testJSONL, "\n") {
		f.Add([]byte(line))
	}
	f.Add([]byte(`{"id":null,"html":"\u0000"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		a, err := parseJSONLine(line, "f.jsonl", 1, 64)
		assert.NotEmpty(t, a.ID)
		if err != nil {
			assert.Nil(t, a.Body)
			return
		}
		assert.NotEmpty(t, a.Body)
		assert.LessOrEqual(t, len(a.Body), 64)
		assert.Contains(t, []sources.Format{sources.FormatHTML, sources.FormatMarkdown, sources.FormatText}, a.Format)
	})
}

func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\nbb\r\n\nccc"), 2)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		if limit < 0 || limit > 1<<20 {
			return
		}
		lr := newLineReader(bytes.NewReader(data), int64(limit))
		total := 0
		for range len(data) + 2 {
			line, err := lr.next()
			if err != nil {
				if errors.Is(err, sources.ErrTooLarge) {
					continue
				}
				require.Equal(t, "EOF", err.Error())
				break
			}
			assert.LessOrEqual(t, len(line), limit)
			assert.NotContains(t, string(line), "\n")
			total += len(line)
		}
		assert.LessOrEqual(t, total, len(data))
	})
}

func BenchmarkReadCorpusJSONL(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.jsonl")
	var buf bytes.Buffer
	para := strings.Repeat("Lorem ipsum dolor sit amet, consectetur (Smith, 2020) adipiscing elit. ", 12)
	for i := range 10000 {
		fmt.Fprintf(&buf, "{\"id\":\"art-%d\",\"url\":\"https://news.example/%d\",\"html\":\"<p>%s</p>\"}\n", i, i, para)
	}
	require.NoError(b, os.WriteFile(path, buf.Bytes(), 0o644))
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Read(context.Background(), []string{path}, Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("read %d articles, want 10000", n)
		}
	}
}
