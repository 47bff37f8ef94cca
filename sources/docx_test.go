package sources

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/docx")

// docxGolden is what the golden file of a DOCX holds: every block, link
// and anchor with its text and position, as a person would check them.
type docxGolden struct {
	Meta         Meta          `json:"meta"`
	Blocks       []goldenBlock `json:"blocks"`
	Links        []goldenLink  `json:"links"`
	Anchors      []goldenMark  `json:"anchors"`
	Superscripts []goldenMark  `json:"superscripts"`
}

type goldenBlock struct {
	Line    int       `json:"line"`
	Page    int       `json:"page,omitempty"`
	Kind    BlockKind `json:"kind"`
	Level   int       `json:"level,omitempty"`
	List    int       `json:"list,omitempty"`
	Ordered bool      `json:"ordered,omitempty"`
	ID      string    `json:"id,omitempty"`
	Text    string    `json:"text"`
}

type goldenLink struct {
	Text        string   `json:"text"`
	Href        string   `json:"href"`
	URL         string   `json:"url"`
	Footnote    bool     `json:"footnote,omitempty"`
	Superscript bool     `json:"superscript,omitempty"`
	Span        Location `json:"span"`
}

type goldenMark struct {
	ID   string `json:"id,omitempty"`
	Text string `json:"text"`
	Line int    `json:"line"`
}

func goldenOf(doc *Document) docxGolden {
	g := docxGolden{Meta: doc.Meta}
	for _, b := range doc.Blocks {
		loc := doc.Locate(b.Span)
		g.Blocks = append(g.Blocks, goldenBlock{Line: loc.Line, Page: loc.Page, Kind: b.Kind, Level: b.Level, List: b.List,
			Ordered: b.Ordered, ID: b.ID, Text: doc.Slice(b.Span)})
	}
	for _, l := range doc.Links {
		g.Links = append(g.Links, goldenLink{Text: doc.Slice(l.Span), Href: l.Href, URL: l.URL, Footnote: l.Footnote,
			Superscript: l.Superscript, Span: doc.Locate(l.Span)})
	}
	for _, a := range doc.Anchors {
		g.Anchors = append(g.Anchors, goldenMark{ID: a.ID, Text: doc.Slice(a.Span), Line: doc.Locate(a.Span).Line})
	}
	for _, s := range doc.Superscripts {
		g.Superscripts = append(g.Superscripts, goldenMark{Text: doc.Slice(s), Line: doc.Locate(s).Line})
	}
	return g
}

// TestReadDOCXGolden compares the document read from the realistic DOCX
// with testdata/docx/realistic.golden.json; go test -run DOCXGolden
// -update rewrites it.
func TestReadDOCXGolden(t *testing.T) {
	doc, err := Read(bytes.NewReader(realisticDOCX()), ReadOptions{Name: "draft.docx"})
	require.NoError(t, err)
	checkInvariants(t, doc)
	assert.Equal(t, FormatDOCX, doc.Format)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(goldenOf(doc)))
	golden := filepath.Join("testdata", "docx", "realistic.golden.json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "no golden file; run go test ./sources -run DOCXGolden -update")
	assert.Equal(t, string(want), buf.String())
}

// TestReadDOCX states, piece by piece, how the DOCX reader reads the
// WordprocessingML a draft holds: "kind:text" for each block, and the
// links as "text->href" (footnote links with a leading "^").
func TestReadDOCX(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		parts  map[string]string
		blocks []string
		links  []string
	}{
		{
			name:   "runs, tabs, breaks and smart quotes",
			body:   `<w:p><w:r><w:t>“Quoted”</w:t><w:tab/><w:t>text</w:t><w:br/><w:t>on</w:t><w:cr/><w:t xml:space="preserve">  lines </w:t></w:r><w:r><w:t>and ‘more’ — here</w:t><w:noBreakHyphen/><w:t>there</w:t><w:softHyphen/></w:r></w:p>`,
			blocks: []string{"paragraph:“Quoted” text on lines and ‘more’ — here-there"},
		},
		{
			name: "deleted and moved-away text left out, inserted and moved-to kept",
			body: `<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1"><w:r><w:delText>gone </w:delText></w:r></w:del>` +
				`<w:ins w:id="2"><w:r><w:t xml:space="preserve">added </w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>moved </w:t></w:r></w:moveFrom>` +
				`<w:moveTo w:id="4"><w:r><w:t>arrived</w:t></w:r></w:moveTo></w:p>`,
			blocks: []string{"paragraph:Kept added arrived"},
		},
		{
			name: "field instructions never shown, results shown, nested fields too",
			body: `<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:t xml:space="preserve"> of </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>HIDDEN</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:instrText xml:space="preserve"> &gt; 1 "many" "one" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>many</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NO RESULT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			blocks: []string{"paragraph:Page 3 of many"},
		},
		{
			name: "headings by style id, style name and outline level; Title",
			body: wpara("Title", "A title") + wpara("Heading2", "By id") + wpara("Kop3", "By name") +
				`<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr>` + wrun("By outline level") + `</w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/></w:pPr>` + wrun("Body text after all") + `</w:p>` +
				wpara("Heading8", "Deep"),
			parts: map[string]string{"word/styles.xml": `<w:styles ` + docxNS + `><w:style w:type="paragraph" w:styleId="Kop3"><w:name w:val="heading 3"/></w:style></w:styles>`,
				"word/_rels/document.xml.rels": relsXML("rId1 styles styles.xml")},
			blocks: []string{"heading1:A title", "heading2:By id", "heading3:By name", "heading4:By outline level", "paragraph:Body text after all", "heading6:Deep"},
		},
		{
			name: "lists: bullets, numbers, levels, one list until something else comes",
			body: `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>` + wrun("one") + `</w:p>` +
				`<w:p/>` +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr>` + wrun("one.a") + `</w:p>` +
				wpara("", "between") +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wrun("bullet") + `</w:p>` +
				`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>` + wrun("numbering removed") + `</w:p>`,
			parts: map[string]string{"word/numbering.xml": docxNumberingXML,
				"word/_rels/document.xml.rels": relsXML("rId1 numbering numbering.xml")},
			blocks: []string{"list-item1/1#:one", "list-item2/1:one.a", "paragraph:between", "list-item1/2:bullet", "paragraph:numbering removed"},
		},
		{
			name: "tables: a block per cell paragraph, nested tables too",
			body: `<w:tbl><w:tr><w:tc>` + wpara("", "a") + wpara("", "a2") + `</w:tc><w:tc><w:tbl><w:tr><w:tc>` + wpara("", "inner") +
				`</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>` + wpara("", "after"),
			blocks: []string{"table-cell:a", "table-cell:a2", "table-cell:inner", "paragraph:after"},
		},
		{
			name: "comments, drawings, text boxes and hidden text left out",
			body: `<w:p><w:commentRangeStart w:id="1"/>` + wrun("Seen") + `<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>` +
				`<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:t xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">alt</a:t></wp:inline></w:drawing></w:r>` +
				`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
				`<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> shown</w:t></w:r></w:p>`,
			blocks: []string{"paragraph:Seen shown"},
		},
		{
			name: "content controls, smart tags and custom XML read through",
			body: `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:docPartObj><w:docPartGallery w:val="Bibliographies"/></w:docPartObj></w:sdtPr><w:sdtContent>` +
				wpara("", "In a control") + `</w:sdtContent></w:sdt><w:p><w:smartTag w:element="place"><w:r><w:t>Wellington</w:t></w:r></w:smartTag>` +
				`<w:customXml w:element="x"><w:r><w:t xml:space="preserve"> region</w:t></w:r></w:customXml></w:p>`,
			blocks: []string{"paragraph:In a control", "paragraph:Wellington region"},
		},
		{
			name: "hyperlinks: external, internal, both, a field, a REF with \\h",
			body: `<w:p><w:bookmarkStart w:id="1" w:name="sec"/>` + wrun("Target") + `<w:bookmarkEnd w:id="1"/></w:p>` +
				`<w:p><w:hyperlink r:id="rId5"><w:r><w:t>ext</w:t></w:r></w:hyperlink>` + wrun(" ") +
				`<w:hyperlink w:anchor="sec"><w:r><w:t>int</w:t></w:r></w:hyperlink>` + wrun(" ") +
				`<w:hyperlink r:id="rId5" w:anchor="part"><w:r><w:t>both</w:t></w:r></w:hyperlink>` + wrun(" ") +
				`<w:hyperlink r:id="rIdMissing"><w:r><w:t>dangling</w:t></w:r></w:hyperlink>` + wrun(" ") +
				`<w:fldSimple w:instr=" HYPERLINK \l &quot;sec&quot; "><w:r><w:t>field</w:t></w:r></w:fldSimple>` + wrun(" ") +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF sec \r \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[1]</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				wrun(" ") + `<w:fldSimple w:instr=" REF sec \r "><w:r><w:t>plain</w:t></w:r></w:fldSimple></w:p>`,
			parts:  map[string]string{"word/_rels/document.xml.rels": relsXML("rId5 hyperlink https://example.com/a")},
			blocks: []string{"paragraph#sec:Target", "paragraph:ext int both dangling field [1] plain"},
			links:  []string{"ext->https://example.com/a", "int->#sec", "both->https://example.com/a#part", "field->#sec", "^[1]->#sec"},
		},
		{
			name: "citation fields: Mendeley with one DOI, Zotero with two works, EndNote with a DOI",
			body: `<w:p><w:fldSimple w:instr="ADDIN CSL_CITATION {&quot;citationItems&quot;:[{&quot;itemData&quot;:{&quot;DOI&quot;:&quot;10.5555/ABC.1&quot;}}]}"><w:r><w:t>(Lee, 2020)</w:t></w:r></w:fldSimple>` +
				wrun(" ") + `<w:fldSimple w:instr="ADDIN ZOTERO_ITEM CSL_CITATION {&quot;citationItems&quot;:[{&quot;itemData&quot;:{&quot;DOI&quot;:&quot;10.5555/a&quot;}},{&quot;itemData&quot;:{&quot;URL&quot;:&quot;https://b.example&quot;}}]}"><w:r><w:t>(A, 2020; B, 2021)</w:t></w:r></w:fldSimple>` +
				wrun(" ") + `<w:fldSimple w:instr="ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;&lt;Author&gt;Ito&lt;/Author&gt;&lt;record&gt;&lt;electronic-resource-num&gt;&lt;style face=&quot;normal&quot;&gt;10.5555/en.7&lt;/style&gt;&lt;/electronic-resource-num&gt;&lt;/record&gt;&lt;/Cite&gt;&lt;/EndNote&gt;"><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r></w:fldSimple>` +
				wrun(" ") + `<w:fldSimple w:instr="ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;&lt;record&gt;&lt;urls&gt;&lt;related-urls&gt;&lt;url&gt;https://x.example/?a=1&amp;amp;b=2&lt;/url&gt;&lt;/related-urls&gt;&lt;/urls&gt;&lt;/record&gt;&lt;/Cite&gt;&lt;/EndNote&gt;"><w:r><w:t>(X)</w:t></w:r></w:fldSimple></w:p>`,
			blocks: []string{"paragraph:(Lee, 2020) (A, 2020; B, 2021) 3 (X)"},
			links:  []string{"(Lee, 2020)->https://doi.org/10.5555/abc.1", "3->https://doi.org/10.5555/en.7", "(X)->https://x.example/?a=1&b=2"},
		},
		{
			name: "footnotes and endnotes: marks in order of reference, custom marks, numbering formats",
			body: `<w:p>` + wrun("One") + `<w:r><w:footnoteReference w:id="7"/></w:r>` + wrun(" two") + `<w:r><w:footnoteReference w:id="2"/></w:r>` +
				wrun(" again") + `<w:r><w:footnoteReference w:id="7"/></w:r>` + wrun(" custom") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="9"/><w:t>*</w:t></w:r>` +
				wrun(" end") + `<w:r><w:endnoteReference w:id="1"/></w:r><w:del w:id="5"><w:r><w:footnoteReference w:id="8"/></w:r></w:del></w:p>`,
			parts: map[string]string{
				"word/_rels/document.xml.rels": relsXML("rId1 footnotes footnotes.xml", "rId2 endnotes endnotes.xml", "rId3 settings settings.xml"),
				"word/settings.xml":            `<w:settings ` + docxNS + `><w:footnotePr><w:numFmt w:val="lowerLetter"/><w:footnote w:id="-1"/></w:footnotePr><w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="4"/></w:endnotePr></w:settings>`,
				"word/footnotes.xml": notesXML("footnote", `<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>`+wrun(" Second.")+`</w:p></w:footnote>`+
					`<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>`+wrun(" First.")+`</w:p><w:p>`+wrun("More.")+`</w:p></w:footnote>`+
					`<w:footnote w:id="8"><w:p>`+wrun("Deleted.")+`</w:p></w:footnote>`+
					`<w:footnote w:id="9"><w:p>`+wrun("Starred.")+`</w:p></w:footnote>`),
				"word/endnotes.xml": notesXML("endnote", `<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>`+wrun(" Endnote.")+`</w:p></w:endnote>`),
			},
			blocks: []string{"paragraph:One[a] two[b] again[a] custom* end[4]", "list-item1/1#footnote-b:Second.",
				"list-item1/1#footnote-a:First. More.", "list-item1/1#footnote-*:Starred.", "list-item1/2#endnote-4:Endnote."},
			links: []string{"^[a]->#footnote-a", "^[b]->#footnote-b", "^[a]->#footnote-a", "^*->#footnote-*", "^[4]->#endnote-4"},
		},
		{
			name:   "strict OOXML namespaces",
			body:   "",
			parts:  map[string]string{"word/document.xml": `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>`},
			blocks: []string{"heading1:Strict"},
		},
		{
			name:   "math text kept",
			body:   `<w:p>` + wrun("Area ") + `<m:oMath><m:r><m:t>πr</m:t></m:r><m:sSup><m:e><m:r><m:t>2</m:t></m:r></m:e></m:sSup></m:oMath></w:p>`,
			blocks: []string{"paragraph:Area πr2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := map[string]string{"word/document.xml": wordXML(tt.body)}
			for k, v := range tt.parts {
				parts[k] = v
			}
			doc, err := Parse(docxFile(parts), ReadOptions{Name: "t.docx"})
			require.NoError(t, err)
			checkInvariants(t, doc)
			var blocks, links []string
			for _, b := range doc.Blocks {
				kind := string(b.Kind)
				if b.Kind == BlockHeading {
					kind += fmt.Sprint(b.Level)
				}
				if b.Kind == BlockListItem {
					kind += fmt.Sprintf("%d/%d", b.Level, b.List)
					if b.Ordered && b.ID == "" {
						kind += "#"
					}
				}
				if b.ID != "" {
					kind += "#" + b.ID
				}
				blocks = append(blocks, kind+":"+doc.Slice(b.Span))
			}
			for _, l := range doc.Links {
				mark := ""
				if l.Footnote {
					mark = "^"
				}
				links = append(links, mark+doc.Slice(l.Span)+"->"+l.URL)
			}
			assert.Equal(t, tt.blocks, blocks)
			assert.Equal(t, tt.links, links)
		})
	}
}

// TestDOCXPositions checks the position scheme: the line is the
// paragraph, the column the character within it, the offsets index the
// text, and the page is the one Word recorded.
func TestDOCXPositions(t *testing.T) {
	body := wpara("", "First paragraph.") + `<w:p/>` +
		`<w:p><w:r><w:t xml:space="preserve">Second “with” a citation </w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:r><w:lastRenderedPageBreak/><w:t>Third on page two (Smith, 2020).</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Fourth, </w:t><w:lastRenderedPageBreak/><w:t>split over pages</w:t></w:r></w:p>`
	doc, err := Parse(docxFile(map[string]string{
		"word/document.xml":            wordXML(body),
		"word/_rels/document.xml.rels": relsXML("rId1 footnotes footnotes.xml"),
		"word/footnotes.xml":           notesXML("footnote", `<w:footnote w:id="1"><w:p>`+wrun("The note.")+`</w:p></w:footnote>`),
	}), ReadOptions{Name: "p.docx"})
	require.NoError(t, err)
	checkInvariants(t, doc)
	assert.Equal(t, doc.Text, string(doc.Src), "a DOCX's Src is its text")
	find := func(s string) Span {
		i := strings.Index(doc.Text, s)
		require.GreaterOrEqual(t, i, 0, s)
		return Span{i, i + len(s)}
	}
	tests := []struct {
		text               string
		line, column, page int
	}{
		{"First", 1, 1, 1},
		{"“with”", 2, 8, 1}, // columns count characters, not bytes
		{"[1]", 2, 26, 1},
		{"(Smith, 2020)", 3, 19, 2},
		{"split", 4, 9, 3},
		{"The note.", 5, 1, 1}, // a footnote is on the page of its mark
	}
	for _, tt := range tests {
		sp := find(tt.text)
		loc := doc.Locate(sp)
		assert.Equal(t, Location{Start: sp.Start, End: sp.End, Line: tt.line, Column: tt.column, EndLine: tt.line,
			EndColumn: tt.column + len([]rune(tt.text)), Page: tt.page}, loc, tt.text)
	}

	// without a recorded break, hard page breaks count; without either,
	// there is no page
	hard, err := Parse(docxFile(map[string]string{"word/document.xml": wordXML(wpara("", "one") +
		`<w:p><w:r><w:br w:type="page"/><w:t>two</w:t></w:r></w:p><w:p><w:pPr><w:pageBreakBefore/></w:pPr>` + wrun("three") + `</w:p>`)}), ReadOptions{Name: "h.docx"})
	require.NoError(t, err)
	for i, want := range []int{1, 2, 3} {
		assert.Equal(t, want, hard.Locate(hard.Blocks[i].Span).Page)
	}
	none, err := Parse(docxFile(map[string]string{"word/document.xml": wordXML(wpara("", "one"))}), ReadOptions{Name: "n.docx"})
	require.NoError(t, err)
	assert.Equal(t, 0, none.Locate(none.Blocks[0].Span).Page)
}

// TestDetectDOCX checks that a DOCX is recognised by its extension and,
// without one, by its content, and that other zip archives are not.
func TestDetectDOCX(t *testing.T) {
	docx := docxFile(map[string]string{"word/document.xml": wordXML(wpara("", "x"))})
	var other bytes.Buffer
	zw := zip.NewWriter(&other)
	f, err := zw.Create("a.txt")
	require.NoError(t, err)
	_, err = f.Write([]byte("text"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	tests := []struct {
		name string
		src  []byte
		want Format
	}{
		{"draft.docx", []byte("anything"), FormatDOCX},
		{"DRAFT.DOCX", nil, FormatDOCX},
		{"draft.docm", nil, FormatDOCX},
		{"", docx, FormatDOCX},
		{"upload.bin", docx, FormatDOCX},
		{"", other.Bytes(), FormatText},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DetectFormat(tt.name, tt.src), tt.name)
	}
	doc, err := Parse(docx, ReadOptions{Name: "-"})
	require.NoError(t, err)
	assert.Equal(t, FormatDOCX, doc.Format)
	assert.Equal(t, "x", doc.Text)
	require.NoError(t, CheckEncoding(docx, FormatDOCX))
	info, ok := LookupFormat(FormatDOCX)
	require.True(t, ok)
	assert.Equal(t, []string{".docx", ".docm"}, info.Extensions)
}

// TestDOCXErrors checks that bad DOCX input fails with an error naming
// the file, the part and, for XML, the line and column, never a panic.
func TestDOCXErrors(t *testing.T) {
	bomb := func(n int) string { // a part that compresses to almost nothing
		return wordXML(`<w:p><w:r><w:t>` + strings.Repeat(" ", n) + `</w:t></w:r></w:p>`)
	}
	manyParts := func(n int) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range n {
			if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("p%d", i), Method: zip.Store}); err != nil {
				panic(err)
			}
		}
		if err := zw.Close(); err != nil {
			panic(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name      string
		src       []byte
		opts      ReadOptions
		want      []error
		part      string
		line, col int
	}{
		{
			name: "not a zip archive",
			src:  []byte("just some text, not a Word document"),
			want: []error{ErrMalformed},
		},
		{
			name: "no main document",
			src:  docxFile(map[string]string{"word/other.xml": "<x/>"}),
			want: []error{ErrMalformed}, part: "word/document.xml",
		},
		{
			name: "malformed XML, with its position",
			src:  docxFile(map[string]string{"word/document.xml": "<?xml version=\"1.0\"?>\n<w:document " + docxNS + ">\n<w:body><w:p><w:r><w:t>x</w:p>\n</w:body></w:document>"}),
			want: []error{ErrMalformed}, part: "word/document.xml", line: 3, col: 25,
		},
		{
			name: "malformed footnotes",
			src: docxFile(map[string]string{"word/document.xml": wordXML(`<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`),
				"word/footnotes.xml": "<w:footnotes " + docxNS + "><w:footnote w:id=\"1\">&bogus;</w:footnote></w:footnotes>"}),
			want: []error{ErrMalformed}, part: "word/footnotes.xml", line: 1,
		},
		{
			name: "a part past the decompressed limit: a zip bomb",
			src:  docxFile(map[string]string{"word/document.xml": bomb(1 << 20)}),
			opts: ReadOptions{MaxBytes: 64 << 10},
			want: []error{ErrLimit, ErrTooLarge}, part: "word/document.xml",
		},
		{
			name: "parts past the limit together",
			src: docxFile(map[string]string{"word/document.xml": bomb(100 << 10), "word/styles.xml": "<w:styles " + docxNS + ">" + strings.Repeat(" ", 200<<10) + "</w:styles>",
				"word/_rels/document.xml.rels": relsXML("rId1 styles styles.xml")}),
			opts: ReadOptions{MaxBytes: 64 << 10},
			want: []error{ErrLimit, ErrTooLarge},
		},
		{
			name: "XML nested too deep",
			src:  docxFile(map[string]string{"word/document.xml": wordXML(strings.Repeat("<w:sdt><w:sdtContent>", 600) + "<w:p/>" + strings.Repeat("</w:sdtContent></w:sdt>", 600))}),
			want: []error{ErrLimit}, part: "word/document.xml", line: 2,
		},
		{
			name: "too many parts",
			src:  manyParts(docxMaxParts + 1),
			want: []error{ErrLimit},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Name = "bad.docx"
			doc, err := Read(bytes.NewReader(tt.src), tt.opts)
			require.Error(t, err)
			assert.Nil(t, doc)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "bad.docx", ie.Name)
			for _, want := range tt.want {
				assert.ErrorIs(t, err, want)
			}
			if tt.part != "" {
				var pe *PartError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, tt.part, pe.Part)
				if tt.line > 0 {
					assert.Equal(t, tt.line, pe.Line)
				}
				if tt.col > 0 {
					assert.Equal(t, tt.col, pe.Column)
				}
			}
		})
	}
}

// TestDOCXZipBombDefault reads a zip bomb under the default limit: a
// megabyte that decompresses past four times 16 MiB is refused without
// holding what it decompresses to.
func TestDOCXZipBombDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("compresses 65 MB")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	chunk := bytes.Repeat([]byte("<w:p/>"), 1<<16)
	_, err = f.Write([]byte("<w:document " + docxNS + "><w:body>"))
	require.NoError(t, err)
	for n := 0; n <= docxExpansion*DefaultMaxBytes; n += len(chunk) {
		_, err = f.Write(chunk)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.Less(t, buf.Len(), 1<<20)
	_, err = Read(&buf, ReadOptions{Name: "bomb.docx"})
	assert.ErrorIs(t, err, ErrLimit)
}

// BenchmarkReadDOCX reads a draft of 2,000 paragraphs, each with a
// footnote, a hyperlink and a citation field.
func BenchmarkReadDOCX(b *testing.B) {
	var body, notes strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Claim %d about the café was shown </w:t></w:r>`+
			`<w:fldSimple w:instr=" CITATION Smi%d \l 1033 "><w:r><w:t>(Smith, %d)</w:t></w:r></w:fldSimple>`+
			`<w:r><w:footnoteReference w:id="%d"/></w:r><w:hyperlink r:id="rId9"><w:r><w:t>source</w:t></w:r></w:hyperlink></w:p>`, i, i, 1900+i%100, i+1)
		fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:r><w:t>Smith, J. (%d). Title %d.</w:t></w:r></w:p></w:footnote>`, i+1, 1900+i%100, i)
	}
	src := docxFile(map[string]string{
		"word/document.xml":            wordXML(body.String()),
		"word/footnotes.xml":           notesXML("footnote", notes.String()),
		"word/styles.xml":              docxStylesXML,
		"word/_rels/document.xml.rels": relsXML("rId1 footnotes footnotes.xml", "rId2 styles styles.xml", "rId9 hyperlink https://example.com/"),
	})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, ReadOptions{Name: "b.docx"}); err != nil {
			b.Fatal(err)
		}
	}
}
