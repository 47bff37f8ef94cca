// Command stylegen writes the citation-style corpus in testdata/styles: four
// short articles of our own, each rendered by a real citation processor
// (pandoc's citeproc) in a dozen CSL styles, as HTML and as plain text,
// with faulted variants and a gold file that says where every in-text
// citation, note and reference entry is and which bibliography keys it
// stands for. The evaluation in eval_styles_test.go reads it; CI never runs
// this program, so it needs no pandoc.
//
// Regenerate, from the repository root:
//
//	apt-get install -y pandoc citation-style-language-styles
//	go run ./citations/internal/stylegen -out testdata/styles
//
// The output depends only on the corpus (corpus/articles: the articles in
// Markdown with [@key] citations; corpus/bibliography.json: the works they
// cite, in CSL JSON), the
// pandoc version (2.17 on Debian bookworm; gold.json records it) and the
// CSL files, so two runs on one machine write the same bytes.
//
// # How the gold is recovered
//
// The generator never reads the rendered text to guess where citations
// are. For each article and style it asks pandoc for the document after
// citeproc as a JSON AST (-t json --citeproc): there every in-text
// citation is a Cite node that carries the keys it cites and holds its
// rendered inlines (for a note style, a Note inline holding the note), and
// the bibliography is a Div "refs" of Divs "ref-KEY". It then renders that
// AST twice: as is, which is the file written (and, for the unfaulted
// renderings, checked byte for byte against a direct Markdown rendering),
// and with sentinel strings from the Private Use Area inserted at the
// start and end of each Cite's inlines, of each note's text and of each
// entry's text. Pandoc writes the two alike but for the sentinels and the
// line breaks that the sentinels' width moves, so after the sentinels are
// taken out the two agree character for character outside ASCII white
// space; each sentinel's offset is carried across by that agreement (the
// k-th non-space character of one is the k-th of the other). That gives
// byte spans in the file as written, for HTML in the HTML source, from
// which lines follow.
//
// # Planted faults
//
// For each style one article (in turn) is also written with one fault at a
// time, applied to the citeproc AST so that the faulted file is still
// pandoc's own rendering: a deleted entry (each citation of it should be
// reported unresolved), an added entry no one cites (through nocite, so
// citeproc formats and places it), a verbatim copy of an entry just below
// it, and, where the style's citation shows it, a changed year or a
// misspelt author in one citation (citation-mismatch), or for numeric and
// label styles a citation's number or label changed to one the list does
// not have (unresolved). The gold lists each planted fault with its code
// and the lines it may be reported on.
package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

//go:embed corpus
var corpusFS embed.FS

func main() {
	out := flag.String("out", "testdata/styles", "folder to write the renderings and gold.json into")
	styles := flag.String("styles", "/usr/share/citation-style-language/styles", "folder of the CSL files (Debian's citation-style-language-styles)")
	pandoc := flag.String("pandoc", "pandoc", "the pandoc program")
	flag.Parse()
	if err := run(context.Background(), *out, *styles, *pandoc); err != nil {
		fmt.Fprintln(os.Stderr, "stylegen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, stylesDir, pandocPath string) error {
	p, err := newPandoc(ctx, pandocPath)
	if err != nil {
		return err
	}
	bib, err := corpusFS.ReadFile("corpus/bibliography.json")
	if err != nil {
		return err
	}
	works, err := parseWorks(bib)
	if err != nil {
		return err
	}
	articles, err := loadArticles()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "stylegen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bibPath := filepath.Join(tmp, "bibliography.json")
	if err := os.WriteFile(bibPath, bib, 0o644); err != nil {
		return err
	}
	g := &generator{p: p, bibPath: bibPath, stylesDir: stylesDir, out: out, works: works, articles: articles}
	gold := Gold{
		Generator: "go run ./citations/internal/stylegen -out testdata/styles",
		Pandoc:    p.version,
		CSLStyles: debVersion(ctx, "citation-style-language-styles"),
	}
	for _, a := range articles {
		gold.Articles = append(gold.Articles, ArticleInfo{ID: a.id, Title: a.title, Words: a.words, Works: a.keys})
	}
	for i, st := range styleTable {
		if err := os.RemoveAll(filepath.Join(out, st.ID)); err != nil {
			return err
		}
		info, err := readStyleInfo(filepath.Join(stylesDir, st.CSL))
		if err != nil {
			return err
		}
		info.ID, info.CSL, info.Family, info.Heading = st.ID, st.CSL, st.Family, st.Heading
		info.FaultArticle = articles[i%len(articles)].id
		gold.Styles = append(gold.Styles, info)
		for _, a := range articles {
			files, err := g.renderArticle(ctx, st, a, a.id == info.FaultArticle)
			if err != nil {
				return fmt.Errorf("%s, %s: %w", st.ID, a.id, err)
			}
			gold.Files = append(gold.Files, files...)
		}
		fmt.Fprintf(os.Stderr, "stylegen: %s done\n", st.ID)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(gold); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "gold.json"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	readme, err := corpusFS.ReadFile("corpus/README.md")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "README.md"), readme, 0o644)
}

// article is one Markdown article of the corpus.
type article struct {
	id, title string
	md        string // with its YAML front matter
	words     int    // of the prose
	keys      []string
}

func loadArticles() ([]article, error) {
	var as []article
	err := fs.WalkDir(corpusFS, "corpus/articles", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := corpusFS.ReadFile(path)
		if err != nil {
			return err
		}
		a := article{id: strings.TrimSuffix(filepath.Base(path), ".md"), md: string(b)}
		front, body, ok := splitFrontMatter(a.md)
		if !ok {
			return fmt.Errorf("%s: no YAML front matter", path)
		}
		for _, line := range strings.Split(front, "\n") {
			if t, ok := strings.CutPrefix(line, "title: "); ok {
				a.title = t
			}
		}
		a.words = len(strings.Fields(body))
		a.keys = citedKeys(body)
		as = append(as, a)
		return nil
	})
	if len(as) == 0 && err == nil {
		err = errors.New("no articles in corpus/articles")
	}
	return as, err
}

// splitFrontMatter splits "---\nYAML\n---\nbody".
func splitFrontMatter(md string) (front, body string, ok bool) {
	rest, ok := strings.CutPrefix(md, "---\n")
	if !ok {
		return "", "", false
	}
	front, body, ok = strings.Cut(rest, "\n---\n")
	return front, body, ok
}

// citedKeys lists the keys a Markdown body cites, in order of first use.
func citedKeys(body string) []string {
	var keys []string
	seen := map[string]bool{}
	for i := 0; i < len(body); i++ {
		if body[i] != '@' || (i > 0 && isKeyByte(body[i-1])) {
			continue
		}
		j := i + 1
		for j < len(body) && isKeyByte(body[j]) {
			j++
		}
		if k := body[i+1 : j]; k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// debVersion is the installed version of a Debian package, or "unknown".
func debVersion(ctx context.Context, pkg string) string {
	out, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil || len(out) == 0 {
		return "unknown"
	}
	return string(out)
}
