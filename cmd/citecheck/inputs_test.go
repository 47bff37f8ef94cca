package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeTree writes files (slash-separated paths under root, each with its
// content) and returns root.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return root
}

// draftTree is a folder of drafts with hidden, ignored and unreadable
// files beside the ones to check.
var draftTree = map[string]string{
	"a.md":                    "A draft.\n",
	"b.txt":                   "Another.\n",
	"c.html":                  "<p>Third.</p>\n",
	"notes.docx.bak":          "not read\n",
	"image.png":               "\x89PNG",
	".hidden.md":              "hidden\n",
	".git/HEAD.md":            "hidden folder\n",
	"sub/d.markdown":          "Deep.\n",
	"sub/deeper/e.htm":        "<p>Deeper.</p>\n",
	"sub/.cache/f.md":         "hidden folder below\n",
	"archive/old.md":          "ignored folder\n",
	"sub/archive/older.md":    "ignored folder at any depth\n",
	"drafts/old/g.md":         "ignored by path\n",
	"drafts/new/h.md":         "kept\n",
	"sub/skip.txt":            "ignored by name\n",
	"x/y/z.text":              "kept\n",
	"x/y/.z.md":               "hidden\n",
	"upper/READ.MD":           "an upper-case extension\n",
	"upper/deep/notes.mdown":  "kept\n",
	"upper/deep/notes.xhtml":  "<p>kept</p>\n",
	"upper/deep/data.json":    "{}\n",
	"upper/deep/draft.md.swp": "editor swap file\n",
}

func names(root string, ins []input) []string {
	var out []string
	for _, in := range ins {
		rel, err := filepath.Rel(root, in.name)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = in.name
		}
		if in.err != nil {
			rel = "ERR " + rel
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func TestExpandInputs(t *testing.T) {
	root := writeTree(t, draftTree)
	ignore := []string{"archive", "drafts/old/**", "skip.txt"}
	in := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	tests := []struct {
		name   string
		args   []string
		ignore []string
		want   []string
	}{
		{"a folder, recursively, in sorted order, without hidden or ignored paths", []string{root}, ignore, []string{
			"a.md", "b.txt", "c.html", "drafts/new/h.md", "sub/d.markdown", "sub/deeper/e.htm",
			"upper/READ.MD", "upper/deep/notes.mdown", "upper/deep/notes.xhtml", "x/y/z.text"}},
		{"without ignore globs the ignored paths come back", []string{in("sub")}, nil, []string{
			"sub/archive/older.md", "sub/d.markdown", "sub/deeper/e.htm", "sub/skip.txt"}},
		{"a glob with **", []string{in("**/*.md")}, ignore, []string{"a.md", "drafts/new/h.md"}},
		{"a glob of one folder", []string{in("sub/*")}, nil, []string{"sub/d.markdown", "sub/skip.txt"}},
		{"** at the end takes the folder's tree", []string{in("upper/**")}, nil, []string{
			"upper/READ.MD", "upper/deep/notes.mdown", "upper/deep/notes.xhtml"}},
		{"a file named on the command line is checked whatever its extension", []string{in("image.png"), in(".hidden.md")}, ignore, []string{
			"image.png", ".hidden.md"}},
		{"a hidden folder named on the command line is entered", []string{in(".git")}, nil, []string{".git/HEAD.md"}},
		{"a file met twice is checked once", []string{in("a.md"), root + "/./a.md", in("*.md")}, nil, []string{"a.md"}},
		{"standard input", []string{"-", in("b.txt")}, nil, []string{"-", "b.txt"}},
		{"a missing file and a pattern that matches nothing are errors, in place", []string{in("nope.md"), in("*.rst"), in("a.md")}, nil, []string{
			"ERR nope.md", "ERR *.rst", "a.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expandInputs(tt.args, inputFilter{Ignore: tt.ignore})
			assert.Equal(t, tt.want, names(root, got))
		})
	}
}

func TestExpandInputsRelativeGlob(t *testing.T) {
	root := writeTree(t, draftTree)
	t.Chdir(root)
	got := expandInputs([]string{"sub/**/*.htm", "*.txt", "./x"}, inputFilter{})
	assert.Equal(t, []string{"sub/deeper/e.htm", "b.txt", "x/y/z.text"}, names(root, got))
	got = expandInputs([]string{"."}, inputFilter{Ignore: []string{"sub", "upper/*/*.xhtml", "drafts"}})
	assert.Equal(t, []string{"a.md", "archive/old.md", "b.txt", "c.html", "upper/READ.MD", "upper/deep/notes.mdown", "x/y/z.text"}, names(root, got))
	got = expandInputs([]string{"."}, inputFilter{Include: []string{"*.json", "**/old/*"}})
	assert.Equal(t, []string{"drafts/old/g.md", "upper/deep/data.json"}, names(root, got), "include globs replace the extensions")
	got = expandInputs([]string{"drafts"}, inputFilter{Ignore: []string{"old/**"}})
	assert.Equal(t, []string{"drafts/new/h.md"}, names(root, got), "a glob with a slash matches within the folder walked")
}

func TestExpandInputsUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	root := writeTree(t, map[string]string{"a.md": "x", "locked/b.md": "y", "z.md": "z"})
	require.NoError(t, os.Chmod(filepath.Join(root, "locked"), 0))
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(root, "locked"), 0o755) })
	got := expandInputs([]string{root}, inputFilter{})
	assert.Equal(t, []string{"a.md", "ERR locked", "z.md"}, names(root, got))
}

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"*.md", "a.md", true},
		{"*.md", "sub/a.md", false},
		{"**/*.md", "a.md", true},
		{"**/*.md", "sub/deeper/a.md", true},
		{"sub/**", "sub", true},
		{"sub/**", "sub/a/b/c.md", true},
		{"sub/**/c.md", "sub/c.md", true},
		{"sub/**/c.md", "sub/a/b/c.md", true},
		{"sub/**/c.md", "other/a/c.md", false},
		{"a/**/b/**/c", "a/x/b/y/z/c", true},
		{"a/**/b/**/c", "a/x/y/z/c", false},
		{"[", "[", false}, // malformed: matches nothing
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, matchGlob(tt.pattern, tt.name))
		})
	}
}

// TestCheckFolder runs check on a folder with a file that cannot be read:
// every other file is checked, with its findings at file:line:col, the
// bad one is named on standard error, and the exit status says so.
func TestCheckFolder(t *testing.T) {
	apa, err := os.ReadFile(articles + "apa.txt")
	require.NoError(t, err)
	clean, err := os.ReadFile(articles + "clean.md")
	require.NoError(t, err)
	root := writeTree(t, map[string]string{
		"1-clean.md":         string(clean),
		"2-binary.txt":       "text\x00binary",
		"3/apa.txt":          string(apa),
		"archive/apa.txt":    string(apa),
		".drafts/apa.txt":    string(apa),
		"3/notes/ignored.md": "x",
	})
	code, out, stderr := runTool(t, "", "check", "--ignore", "archive", "--ignore", "notes", root)
	assert.Equal(t, exitUsage, code, "an unreadable input wins over findings")
	assert.Contains(t, stderr, filepath.Join(root, "2-binary.txt")+":1:5: ")
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	assert.Contains(t, out, filepath.Join(root, "1-clean.md")+": ")
	assert.Contains(t, out, filepath.Join(root, "3", "apa.txt")+":20:18: error: ")
	assert.NotContains(t, out, "archive")
	assert.NotContains(t, out, ".drafts")
	assert.Less(t, strings.Index(out, "1-clean.md"), strings.Index(out, "apa.txt"), "in sorted order")

	code, _, _ = runTool(t, "", "check", filepath.Join(root, "3"))
	assert.Equal(t, exitFindings, code, "the findings of a file in a folder fail the run")
	code, _, _ = runTool(t, "", "check", "--ignore", "3", "--ignore", "2-*", "--ignore", "archive", root)
	assert.Equal(t, exitOK, code)
	code, _, stderr = runTool(t, "", "check", "--ignore", "[", root)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `bad glob "["`)
}

func TestStdinFilename(t *testing.T) {
	draft := "# Rents\n\nRents rose 4% in 2023 [1].\n\n## References\n\n1. Smith, J. (2023). *Rents*. Housing Press.\n"
	code, out, stderr := runTool(t, draft, "check", "--stdin-filename", "drafts/rents.md", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "drafts/rents.md: 1 citation (1 resolved", "named in messages, and read as Markdown for its extension")
	code, out, _ = runTool(t, draft, "check", "--format", "json", "--fail-on", "never", "--stdin-filename", "rents.txt", "-")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `"input":"rents.txt","format":"text"`)
}

// BenchmarkCheckFolder checks folders of 10 and 100 copies of the test
// articles, writing SARIF (the format that keeps every input's results
// until the end): ns/file stays that of one file whatever the folder's
// size, so walking and writing add nothing that grows faster than the
// number of files.
func BenchmarkCheckFolder(b *testing.B) {
	entries, err := os.ReadDir(articles)
	require.NoError(b, err)
	var files [][2]string
	for _, e := range entries {
		if !strings.Contains(e.Name(), ".golden.") {
			src, err := os.ReadFile(filepath.Join(articles, e.Name()))
			require.NoError(b, err)
			files = append(files, [2]string{e.Name(), string(src)})
		}
	}
	for _, n := range []int{10, 100} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			root := b.TempDir()
			for k := range n {
				f := files[k%len(files)]
				dir := filepath.Join(root, strconv.Itoa(k%7))
				require.NoError(b, os.MkdirAll(dir, 0o755))
				require.NoError(b, os.WriteFile(filepath.Join(dir, strconv.Itoa(k)+"-"+f[0]), []byte(f[1]), 0o644))
			}
			b.ReportAllocs()
			for b.Loop() {
				if code := run(context.Background(), []string{"check", "--format", "sarif", root}, strings.NewReader(""), io.Discard, io.Discard); code == exitUsage {
					b.Fatal("a copy could not be checked")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/file")
		})
	}
}

// BenchmarkCheckFolderRealPages checks the 37 real pages of ../shared (31
// news pages and 6 with reference lists) in one run over their folder and
// in one run per file: the folder costs no more than the sum of the files.
//
//	go test ./cmd/citecheck -run '^$' -bench CheckFolderRealPages -count 6
func BenchmarkCheckFolderRealPages(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/readability-news-pages/*/source.html")
	more, _ := filepath.Glob("../../../shared/data/citation-docs/readability-refpages/*/source.html")
	paths = append(paths, more...)
	if len(paths) == 0 {
		b.Skip("the real pages are not here; they live in ../shared beside the checkout")
	}
	root := b.TempDir()
	var files []string
	for i, p := range paths {
		src, err := os.ReadFile(p)
		require.NoError(b, err)
		name := filepath.Join(root, strconv.Itoa(i)+"-"+filepath.Base(filepath.Dir(p))+".html")
		require.NoError(b, os.WriteFile(name, src, 0o644))
		files = append(files, name)
	}
	check := func(b *testing.B, format string, args ...string) {
		args = append([]string{"check", "--fail-on", "never", "--format", format}, args...)
		if code := run(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit status %d", code)
		}
	}
	for _, format := range []string{"text", "sarif"} {
		b.Run(format+"/folder", func(b *testing.B) {
			for b.Loop() {
				check(b, format, root)
			}
		})
		b.Run(format+"/files", func(b *testing.B) {
			for b.Loop() {
				for _, f := range files {
					check(b, format, f)
				}
			}
		})
	}
}
