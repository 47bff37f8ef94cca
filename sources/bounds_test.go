package sources

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

// The adversarial shapes of issue 10: inputs whose cost once grew faster
// than their size. Each generator makes its shape at size n; the benchmarks
// read each at 1x, 4x and 16x of its benchmark size (16x is a size that
// once took minutes or gigabytes), and TestBoundsLinear checks by counts
// that the cost grows linearly. Rerun the figures with
//
//	go test ./sources -run '^$' -bench 'Bounds' -benchmem
type boundsShape struct {
	name   string
	format Format
	gen    func(n int) []byte
	test   int // n at 1x in TestBoundsLinear
	bench  int // n at 1x in BenchmarkBounds
}

var boundsShapes = []boundsShape{
	// one line of text, 1 MB at 4x: every position counted characters
	// from the start of the line
	{"long-line-text", FormatText, genLongLine, 400, 6_400},
	// 50,000 superscript footnote markers on one line of HTML at 16x
	{"sup-line-html", FormatHTML, genSupLine, 200, 3_125},
	// N footnote references and N definitions: each reference looked its
	// definition up by a scan of all of them (50,000 each at 16x)
	{"footnotes-md", FormatMarkdown, genFootnotes, 200, 3_125},
	// "[a](" repeated (200,000 times at 16x): each link destination was
	// scanned to the end of the line
	{"link-open-md", FormatMarkdown, genLinkOpen, 1_000, 12_500},
	// a Markdown table of 4.4 MB at 16x
	{"table-md", FormatMarkdown, genTable, 500, 12_500},
	// a table whose header has a column for every four rows, over rows of
	// one cell: each row was padded with an empty cell per column
	{"table-wide-md", FormatMarkdown, genWideTable, 1_000, 2_000},
	// UTF-16 text with a byte order mark, once read as nothing
	{"utf16-text", FormatText, genUTF16Text, 100, 4_000},
}

// genLongLine writes n sentences with citations on a single line.
func genLongLine(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "Claim %d about the café was shown (Smith, %d). ", i, 1900+i%100)
	}
	b.WriteString("\n")
	return b.Bytes()
}

// genSupLine writes a paragraph of n footnote markers on one line of HTML
// and the notes they point at.
func genSupLine(n int) []byte {
	var b bytes.Buffer
	b.WriteString("<html><body><article><p>")
	for i := range n {
		fmt.Fprintf(&b, "Claim %d<sup id=\"r%d\"><a href=\"#n%d\">[%d]</a></sup> ", i, i, i%100, i%100)
	}
	b.WriteString("</p><ol>")
	for i := range 100 {
		fmt.Fprintf(&b, "<li id=\"n%d\">Smith, J. (%d). Title %d.</li>", i, 1900+i, i)
	}
	b.WriteString("</ol></article></body></html>\n")
	return b.Bytes()
}

// genFootnotes writes n paragraphs with a footnote reference each, then
// the n definitions.
func genFootnotes(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "Claim %d was shown.[^n%d]\n\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "[^n%d]: Smith, J. (%d). Title %d.\n", i, 1900+i%100, i)
	}
	return b.Bytes()
}

// genLinkOpen writes "[a](" n times on one line.
func genLinkOpen(n int) []byte {
	return append(bytes.Repeat([]byte("[a]("), n), '\n')
}

// genTable writes a Markdown table of n rows.
func genTable(n int) []byte {
	var b bytes.Buffer
	b.WriteString("| Author | Year | Title | Pages |\n|---|---|---|---|\n")
	for i := range n {
		fmt.Fprintf(&b, "| A%d | %d | T%d | %d |\n", i, 1900+i%100, i, i%1000)
	}
	return b.Bytes()
}

// genWideTable writes a table of n/4 columns and n rows of one cell.
func genWideTable(n int) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Repeat("| h ", n/4) + "|\n" + strings.Repeat("|---", n/4) + "|\n")
	for i := range n {
		fmt.Fprintf(&b, "| %d |\n", i)
	}
	return b.Bytes()
}

// genUTF16Text writes n paragraphs of text as UTF-16LE with a byte order
// mark.
func genUTF16Text(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "Claim %d about the café was shown (Smith, %d).\nIt goes on – on a second line.\n\n", i, 1900+i%100)
	}
	return utf16LE(b.String(), true)
}

// utf16LE encodes s as UTF-16LE, with a byte order mark if bom.
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// boundsRead reads src as a caller does: the document, then the place of
// every block, link, anchor and superscript and of a span every 64 bytes
// of text, as claims and citations are placed. It returns how many bytes
// the positions counted characters over.
func boundsRead(tb testing.TB, src []byte, format Format) (*Document, int, mdWork) {
	var work mdWork
	var doc *Document
	var err error
	if format == FormatMarkdown { // Parse, counting goldmark's work
		doc = &Document{Name: "in", Format: format, Src: src, Charset: "utf-8"}
		err = parseMarkdownCounting(doc, &work)
	} else {
		doc, err = Parse(src, ReadOptions{Name: "in", Format: format})
	}
	if err != nil {
		tb.Fatal(err)
	}
	scanned := 0
	locate := func(s Span) {
		_, n := doc.locate(s)
		scanned += n
	}
	for _, b := range doc.Blocks {
		locate(b.Span)
	}
	for _, l := range doc.Links {
		locate(l.Span)
	}
	for _, a := range doc.Anchors {
		locate(a.Span)
	}
	for _, s := range doc.Superscripts {
		locate(s)
	}
	for i := 0; i+40 <= len(doc.Text); i += 64 {
		locate(Span{i, i + 40})
	}
	return doc, scanned, work
}

// boundsCost is what reading one input costs, in counts that do not
// depend on the machine.
type boundsCost struct {
	allocs, bytes uint64 // heap allocations and bytes allocated
	scanned       int    // bytes positions counted characters over
	destinations  int    // bytes goldmark's link destinations may scan
	footnotes     int    // footnote references looked up
}

func measureBounds(tb testing.TB, src []byte, format Format) boundsCost {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, scanned, work := boundsRead(tb, src, format)
	runtime.ReadMemStats(&after)
	return boundsCost{after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, scanned,
		work.destinations, work.footnotes}
}

// TestBoundsLinear reads each adversarial shape at 1x, 4x and 16x and
// checks that every count grows at most 1.5 times as fast as the input.
func TestBoundsLinear(t *testing.T) {
	for _, sh := range boundsShapes {
		t.Run(sh.name, func(t *testing.T) {
			base := measureBounds(t, sh.gen(sh.test), sh.format)
			for _, k := range []int{4, 16} {
				c := measureBounds(t, sh.gen(sh.test*k), sh.format)
				limit := 1.5 * float64(k)
				t.Logf("%dx: %+v against %+v at 1x", k, c, base)
				assert.LessOrEqual(t, float64(c.allocs), limit*float64(base.allocs), "allocations at %dx", k)
				assert.LessOrEqual(t, float64(c.bytes), limit*float64(base.bytes), "bytes allocated at %dx", k)
				assert.LessOrEqual(t, float64(c.scanned), limit*float64(max(base.scanned, 1)), "bytes counted for positions at %dx", k)
				assert.LessOrEqual(t, float64(c.destinations), limit*float64(max(base.destinations, 1)), "link destination bytes at %dx", k)
				assert.LessOrEqual(t, float64(c.footnotes), limit*float64(max(base.footnotes, 1)), "footnote look-ups at %dx", k)
			}
		})
	}
}

// BenchmarkBounds reads each adversarial shape at 1x, 4x and 16x; its
// time and bytes per operation grow linearly with the size.
func BenchmarkBounds(b *testing.B) {
	for _, sh := range boundsShapes {
		for _, k := range []int{1, 4, 16} {
			b.Run(sh.name+"/"+strconv.Itoa(k)+"x", func(b *testing.B) {
				src := sh.gen(sh.bench * k)
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					boundsRead(b, src, sh.format)
				}
			})
		}
	}
}
