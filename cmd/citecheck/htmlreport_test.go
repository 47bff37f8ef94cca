package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

const htmlArticle = "testdata/html/article.md"

// htmlReportOf checks the file at path, named name, and renders its page.
func htmlReportOf(t *testing.T, path, name string) (*citecheck.Report, []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	return htmlReportOfSource(t, src, name)
}

func htmlReportOfSource(t *testing.T, src []byte, name string) (*citecheck.Report, []byte) {
	t.Helper()
	r, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: name})
	require.NoError(t, err)
	tmpl, err := newHTMLTemplate()
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, writeHTMLReport(&b, tmpl, r))
	return r, b.Bytes()
}

// TestHTMLReportGolden holds the page of a small article to
// testdata/html/article.golden.html; -update rewrites it.
func TestHTMLReportGolden(t *testing.T) {
	_, got := htmlReportOf(t, htmlArticle, "article.md")
	golden := strings.TrimSuffix(htmlArticle, ".md") + ".golden.html"
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "no golden page; run go test ./cmd/citecheck -run HTMLReportGolden -update")
	assert.Equal(t, string(want), string(got))
}

// TestHTMLReportEscapes feeds markup meant to run, in the text and in the
// input's name, and finds it shown as text: the page has its own script
// and nothing else that runs.
func TestHTMLReportEscapes(t *testing.T) {
	src := []byte("# <script>alert(1)</script>\n\nCats sleep 16 hours a day (Smith, 2020) \"><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>.\n\n## References\n\nSmith, J. (2020). </mark></span><script>alert(4)</script>. Press.\n")
	_, page := htmlReportOfSource(t, src, `a"><script>alert(5)</script>.md`)
	doc, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	var scripts int
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script":
			scripts++
		case "img", "iframe", "object", "embed":
			t.Errorf("the page has an <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(a.Key, "on"), "event handler attribute %s on <%s>", a.Key, n.Data)
			assert.NotContains(t, strings.ToLower(a.Val), "javascript:", "attribute %s of <%s>", a.Key, n.Data)
		}
	}
	assert.Equal(t, 1, scripts, "the page's own script only")
	assert.NotContains(t, string(page), "<script>alert")
	assert.Contains(t, string(page), "&lt;script&gt;alert(1)&lt;/script&gt;")
}

// pageMark is a mark of a parsed page: the text of all its parts and the
// attributes of its first part.
type pageMark struct {
	text  strings.Builder
	attrs map[string]string
}

// parsePageMarks returns the marks of a parsed page by key.
func parsePageMarks(t *testing.T, page []byte) (*html.Node, map[string]*pageMark) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	marks := map[string]*pageMark{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "mark" {
			continue
		}
		attrs := map[string]string{}
		for _, a := range n.Attr {
			attrs[a.Key] = a.Val
		}
		key := attrs["data-key"]
		if key == "" {
			continue
		}
		m := marks[key]
		if m == nil {
			m = &pageMark{}
			marks[key] = m
		}
		if attrs["data-part"] == "" {
			require.Nil(t, m.attrs, "two first parts of mark %s", key)
			m.attrs = attrs
		}
		for c := range n.Descendants() {
			if c.Type == html.TextNode { // nested marks' text is n's too
				m.text.WriteString(c.Data)
			}
		}
	}
	return doc, marks
}

// TestHTMLReportMarksMatchOffsets checks, on every test article, that each
// mark's text (its parts joined) is the input between the offsets of the
// claim, citation, reference or finding it marks, and that every finding
// with a span has its mark.
func TestHTMLReportMarksMatchOffsets(t *testing.T) {
	paths, err := filepath.Glob(articles + "*")
	require.NoError(t, err)
	paths = append(paths, htmlArticle)
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			r, page := htmlReportOf(t, p, p)
			src := r.Document.Src
			if !utf8.Valid(src) {
				t.Skip("not UTF-8: the page shows replacement characters")
			}
			_, marks := parsePageMarks(t, page)
			require.NotEmpty(t, marks)
			for key, m := range marks {
				require.NotNil(t, m.attrs, "mark %s has no first part", key)
				start, err1 := strconv.Atoi(m.attrs["data-start"])
				end, err2 := strconv.Atoi(m.attrs["data-end"])
				require.NoError(t, err1)
				require.NoError(t, err2)
				assert.Equal(t, string(src[start:end]), m.text.String(), "mark %s", key)
			}
			for i, f := range r.Findings {
				if f.Span.Start >= f.Span.End {
					continue
				}
				m := marks["f"+strconv.Itoa(i+1)]
				if assert.NotNil(t, m, "finding %d (%s) has no mark", i+1, f.Code) {
					assert.Equal(t, string(src[f.Span.Start:f.Span.End]), m.text.String(), "finding %d", i+1)
					assert.Equal(t, strconv.Itoa(f.Span.Start), m.attrs["data-start"])
					assert.Equal(t, strconv.Itoa(f.Span.Line), m.attrs["data-line"])
				}
			}
			for _, c := range r.Citations {
				m := marks["c-"+c.ID]
				if assert.NotNil(t, m, "citation %s has no mark", c.ID) {
					assert.Equal(t, string(src[c.Span.Start:c.Span.End]), m.text.String())
				}
			}
		})
	}
}

// TestHTMLOutputNames runs check --format html with and without -o.
func TestHTMLOutputNames(t *testing.T) {
	ctx := context.Background()
	a := filepath.Join(articles, "clean.md")
	b := filepath.Join(articles, "inline.md")
	t.Run("one input to standard output", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		run(ctx, []string{"check", "--format", "html", a}, nil, &stdout, &stderr)
		assert.True(t, strings.HasPrefix(stdout.String(), "<!DOCTYPE html>"), stderr.String())
	})
	t.Run("two inputs without -o", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run(ctx, []string{"check", "--format", "html", a, b}, nil, &stdout, &stderr)
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout.String())
		assert.Contains(t, stderr.String(), "-o DIR")
	})
	t.Run("folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out")
		var stdout, stderr bytes.Buffer
		run(ctx, []string{"check", "--format", "html", "-o", dir, a, b}, nil, &stdout, &stderr)
		assert.Empty(t, stdout.String())
		for _, name := range []string{"clean.md.html", "inline.md.html"} {
			assert.FileExists(t, filepath.Join(dir, "testdata", "articles", name))
		}
		// two inputs of one name (a file and standard input named after it)
		h := newHTMLFindings(nil, dir)
		require.NoError(t, h.write(&citecheck.Report{Input: "same.md"}))
		require.NoError(t, h.write(&citecheck.Report{Input: "same.md"}))
		require.NoError(t, h.finish())
		assert.FileExists(t, filepath.Join(dir, "same.md.html"))
		assert.FileExists(t, filepath.Join(dir, "same.md-2.html"))
	})
	t.Run("file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "page.html")
		var stdout, stderr bytes.Buffer
		run(ctx, []string{"check", "--format", "html", "-o", file, a}, nil, &stdout, &stderr)
		assert.Empty(t, stdout.String())
		assert.FileExists(t, file)
	})
	t.Run("-o with another format", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, exitUsage, run(ctx, []string{"check", "--format", "json", "-o", "x", a}, nil, &stdout, &stderr))
	})
}

func TestHTMLPageName(t *testing.T) {
	for in, want := range map[string]string{
		"a.md":            "a.md.html",
		"drafts/a.md":     "drafts/a.md.html",
		"/abs/a.md":       "abs/a.md.html",
		"../../up/a.html": "up/a.html.html",
		"-":               "stdin.html",
		"..":              "stdin.html",
	} {
		assert.Equal(t, want, htmlPageName(in), in)
	}
}

// TestHTMLReportOddSpans renders spans that cross each other and line
// ends, are empty, or lie outside the input: no panic, every mark that
// fits keeps its exact text, and the others are left out.
func TestHTMLReportOddSpans(t *testing.T) {
	src := "one two three\nfour five six\r\nseven é eight\n"
	doc, err := sources.Read(strings.NewReader(src), sources.ReadOptions{Name: "odd.txt"})
	require.NoError(t, err)
	loc := func(start, end int) sources.Location {
		return sources.Location{Start: start, End: end, Line: 1, Column: 1}
	}
	r := &citecheck.Report{Input: "odd.txt", Document: doc,
		Claims:     []citecheck.Claim{{ID: "k1", Span: loc(0, 20)}, {ID: "k2", Span: loc(20, len(src))}},
		Citations:  []citecheck.Citation{{ID: "c1", Span: loc(8, 25)}, {ID: "c2", Span: loc(5, 5)}, {ID: "c3", Span: loc(-3, 2)}},
		References: []citecheck.Reference{{ID: "r1", Span: loc(38, 41)}, {ID: "r2", Span: loc(30, len(src)+9)}},
		Findings: []citecheck.Finding{{Code: "x", Severity: citecheck.SeverityError, Span: loc(4, 30), Citation: "c1"},
			{Code: "y", Severity: citecheck.SeverityInfo}},
	}
	tmpl, err := newHTMLTemplate()
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, writeHTMLReport(&b, tmpl, r))
	_, marks := parsePageMarks(t, b.Bytes())
	want := map[string][2]int{"q-k1": {0, 20}, "q-k2": {20, len(src)}, "c-c1": {8, 25}, "r-r1": {38, 41}, "f1": {4, 30}}
	got := map[string][2]int{}
	for key, m := range marks {
		start, _ := strconv.Atoi(m.attrs["data-start"])
		end, _ := strconv.Atoi(m.attrs["data-end"])
		got[key] = [2]int{start, end}
		assert.Equal(t, src[start:end], m.text.String(), key)
	}
	assert.Equal(t, want, got)
	assert.Contains(t, b.String(), `<code>y</code></a>:`, "the finding without a place is listed in the summary")
}

// TestHTMLMarkupRanges checks which bytes of an HTML input the page shows
// as markup: tags, comments, the doctype, script and style content; and
// that text, entities included, is not.
func TestHTMLMarkupRanges(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the markup runs
	}{
		{"tags around text", `<p>Hi <b>you</b></p>`, []string{"<p>", "<b>", "</b></p>"}},
		{"doctype and comment", "<!DOCTYPE html>\n<!-- note --><p>a&amp;b</p>", []string{"<!DOCTYPE html>", "<!-- note --><p>", "</p>"}},
		{"script and style content", `<script>var p = "<p>";</script>x<style>p{color:red}</style>`,
			[]string{`<script>var p = "<p>";</script>`, `<style>p{color:red}</style>`}},
		{"text only", "plain words", nil},
		{"an unfinished tag at the end is shown as it is", "text <p", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range htmlMarkupRanges([]byte(tt.src)) {
				got = append(got, tt.src[r[0]:r[1]])
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestHTMLReportShowsSupport checks an article checked with --resolve
// against a source (on loopback) that gives another figure: the claim's
// details on the page give the verdict, the source's passage, with a link
// to it in the source, and what the source does not back, and the claim's
// mark points at them.
func TestHTMLReportShowsSupport(t *testing.T) {
	srv := jobsSite(t)
	dir := t.TempDir()
	draft := filepath.Join(dir, "jobs.md")
	require.NoError(t, os.WriteFile(draft, []byte("# Jobs\n\nThe unemployment rate among young workers fell to 40% in March, according to the [statistics office]("+srv.URL+"/labour/2026/march-survey).\n"), 0o644))
	var out, errOut bytes.Buffer
	runCheck(context.Background(), []string{"--resolve", "--cache", filepath.Join(dir, "cache.sqlite"), "--format", "html", draft},
		nil, &out, &errOut, []resolve.Option{resolve.WithAllowLoopback()})
	page := out.String()
	require.Contains(t, page, "Claims checked against their sources", errOut.String())
	assert.Contains(t, page, "contradicted (the source supports the claim with probability")
	assert.Contains(t, page, "The unemployment rate among young workers fell to 14% in March")
	assert.Contains(t, page, `number &#34;40%&#34;: the source says &#34;14%&#34;`)
	assert.Contains(t, page, "#:~:text=", "a link to the passage in the source")
	_, marks := parsePageMarks(t, []byte(page))
	claim := marks["q-k1"]
	require.NotNil(t, claim, "the claim's mark")
	assert.Contains(t, claim.attrs["aria-describedby"], "d-q-k1")
}
