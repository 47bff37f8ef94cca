package sources

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// oracleFootnoteRefs is goldmark's footnote reference parser, recording
// where each reference sits, as parseMarkdown used it before it looked
// references up in an index.
type oracleFootnoteRefs struct {
	inner parser.InlineParser
	spans map[*east.FootnoteLink][2]int
}

func (p *oracleFootnoteRefs) Trigger() []byte { return p.inner.Trigger() }

func (p *oracleFootnoteRefs) Parse(parent ast.Node, block gtext.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	l0, _ := block.Position()
	node := p.inner.Parse(parent, block, pc)
	link, ok := node.(*east.FootnoteLink)
	if !ok || len(line) == 0 {
		return node
	}
	if span, ok := mdRefSpan(block, line, seg, l0); ok {
		p.spans[link] = span
	}
	return node
}

// parseMarkdownOracle reads Markdown with goldmark as it is: its GFM
// tables, its footnote parsers and its source unshaped. On input that is
// not adversarial, parseMarkdown must give the same document.
func parseMarkdownOracle(doc *Document) {
	src, _ := decodeText(doc)
	if fs, fe, ok := mdFrontMatter(src); ok {
		front := src[fs:fe]
		blanked := bytes.Clone(src)
		for i := fs; i < fe; i++ {
			if blanked[i] != '\n' {
				blanked[i] = ' '
			}
		}
		src = blanked
		defer mdParseFrontMatter(front, &doc.Meta)
	}
	src = mdLimitNesting(src)
	refs := &oracleFootnoteRefs{inner: extension.NewFootnoteParser(), spans: map[*east.FootnoteLink][2]int{}}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	md.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(extension.NewFootnoteBlockParser(), 999)),
		parser.WithInlineParsers(util.Prioritized(refs, 101)),
	)
	root := md.Parser().Parse(gtext.NewReader(src))
	w := &mdWriter{b: newBuilder(doc), doc: doc, src: src, gsrc: src, refs: refs.spans}
	lines := bytes.Count(src, []byte{'\n'})
	w.b.reserve(4*lines+16, lines+8)
	w.block(root, mdContainer{})
	w.footnoteDefinitions()
	w.b.finish()
	doc.Meta.Title = markdownTitle(doc)
}

// checkMarkdownMatchesOracle compares parseMarkdown with goldmark as it is.
func checkMarkdownMatchesOracle(t *testing.T, src []byte) {
	want := &Document{Format: FormatMarkdown, Src: src, Charset: "utf-8"}
	parseMarkdownOracle(want)
	got := &Document{Format: FormatMarkdown, Src: src, Charset: "utf-8"}
	require.NoError(t, parseMarkdown(got))
	require.Equal(t, want.Text, got.Text, "%q", src)
	require.Equal(t, want.Blocks, got.Blocks, "%q", src)
	require.Equal(t, want.Links, got.Links, "%q", src)
	require.Equal(t, want.Anchors, got.Anchors, "%q", src)
	require.Equal(t, want.Superscripts, got.Superscripts, "%q", src)
	require.Equal(t, want.Meta, got.Meta, "%q", src)
	require.Equal(t, want.textMap, got.textMap, "%q", src)
}

var markdownOracleInputs = []string{
	"| a | b |\n|---|---|\n| c | d |\n| e |\n| f | g | h |\n",
	"text before\n| a | b |\n| :-- | --: |\n| `x\\|y` | `p\\|q\\|r` z\\|w |\n",
	"| a |\n|:-:|\n| `code \\| pipe` |\n\n`not \\| a table`\n",
	"| a | b |\n|---|\n| c | d |\n",                // a header that does not match
	"|\n-|\n", "| a |\n|---|---|\n| b | c | d |\n", // headers short of the delimiter row
	"a | b\n--|--\nc | d\n\n    | indented |\n    |---|\n",
	"|a|\n|-|\n|b|\n\n| x |\n| - - |\n\n| x |\n|:|\n\n|x|\n|::|\n",
	"> | q | r |\n> |---|---|\n> | s |\n\n- | l |\n  |---|\n  | m |\n",
	"Text[^1] and[^2] and[^missing] and ![^1] and [^1][x].\n\n[^1]: One.\n[^2]: Two.\n[^1]: Again.\n\n[x]: https://example.com\n",
	"[^a]: x\n    [^b]: y\n\n[^a] [^b] !x^a] [^ a] [^]\n",
	"A [link](https://example.com/a_(b)) and [another](<https://example.com/c d> \"t\") and [ref][x].\n\n[x]: /u\n",
	"[a](b c) [a](b\n\"t\") [a](x[b](y z)) [a](<x\n[a]([b](c)",
	"# T\n\ntext[^1] more\n\n[^1]: note\n",
}

// TestMarkdownMatchesGoldmark checks that what keeps goldmark linear
// changes nothing on ordinary input: the repository's Markdown articles
// and cases of tables, footnotes and links.
func TestMarkdownMatchesGoldmark(t *testing.T) {
	inputs := markdownOracleInputs
	for _, dir := range []string{"markdown", "articles"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.md"))
		for _, name := range files {
			src, err := os.ReadFile(name)
			require.NoError(t, err)
			inputs = append(inputs, string(src))
		}
	}
	for _, in := range inputs {
		checkMarkdownMatchesOracle(t, []byte(in))
	}
}

func FuzzMarkdownMatchesGoldmark(f *testing.F) {
	for _, in := range markdownOracleInputs {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 || bytes.IndexByte(src, 0) >= 0 {
			return
		}
		checkMarkdownMatchesOracle(t, src)
	})
}

// TestShapeLinksKeepsOtherLinks reads "[a](" repeated past the budget
// beside ordinary links: those read as they do alone.
func TestShapeLinksKeepsOtherLinks(t *testing.T) {
	normal := "A [link](https://example.com/a_(b)) and [x](<y z>) and [a](b (t)).\n"
	alone, err := Parse([]byte(normal), ReadOptions{Format: FormatMarkdown})
	require.NoError(t, err)
	src := normal + "\n" + strings.Repeat("[a](", 50_000) + "\n\n" + normal
	require.NotEqual(t, []byte(src), mdShapeLinks([]byte(src)), "the input is past the budget")
	doc, err := Parse([]byte(src), ReadOptions{Format: FormatMarkdown})
	require.NoError(t, err)
	require.Len(t, doc.Links, 2*len(alone.Links))
	for i, l := range alone.Links {
		assert.Equal(t, l.Href, doc.Links[i].Href)
		assert.Equal(t, l.Href, doc.Links[len(alone.Links)+i].Href)
	}
	assert.Equal(t, strings.Repeat("[a](", 50_000), doc.Slice(doc.Blocks[1].Span), "the text keeps its parentheses")
}
