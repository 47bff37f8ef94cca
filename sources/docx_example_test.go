package sources_test

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/citecheck/citecheck/sources"
)

// wordFile zips the parts of a minimal Word document.
func wordFile(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"word/document.xml", "word/_rels/document.xml.rels", "word/footnotes.xml"} {
		f, _ := zw.Create(name)
		f.Write([]byte(parts[name]))
	}
	zw.Close()
	return buf.Bytes()
}

// A Word document's positions are paragraphs: Line is the paragraph's
// number, Column the character within it, and Page the page Word recorded.
// A footnote mark reads "[1]" and links to its note, written after the
// body, as a Markdown footnote does.
func ExampleRead_docx() {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	docx := wordFile(map[string]string{
		"word/document.xml": `<w:document ` + w + `><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Outages and trust</w:t></w:r></w:p>
<w:p><w:r><w:lastRenderedPageBreak/><w:t>Users leave after repeated outages.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>`,
		"word/footnotes.xml": `<w:footnotes ` + w + `><w:footnote w:id="1"><w:p><w:r><w:t>Ma et al., 2020.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	})
	doc, err := sources.Read(bytes.NewReader(docx), sources.ReadOptions{Name: "draft.docx"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		fmt.Printf("%s %q: %s\n", b.Kind, b.ID, doc.Slice(b.Span))
	}
	for _, l := range doc.Links {
		loc := doc.Locate(l.Span)
		fmt.Printf("%s at %s:%d:%d, page %d, links to %s\n", doc.Slice(l.Span), doc.Name, loc.Line, loc.Column, loc.Page, l.URL)
	}
	// Output:
	// heading "": Outages and trust
	// paragraph "": Users leave after repeated outages.[1]
	// list-item "footnote-1": Ma et al., 2020.
	// [1] at draft.docx:2:36, page 2, links to #footnote-1
}
