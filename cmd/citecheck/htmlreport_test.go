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
