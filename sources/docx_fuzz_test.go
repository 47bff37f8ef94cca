package sources

import (
	"testing"
)

// FuzzReadDOCX reads arbitrary archives as DOCX: it never panics, and
// what it reads keeps every promise of a Document (spans inside the text,
// positions inside Src, which is the text).
func FuzzReadDOCX(f *testing.F) {
	f.Add(realisticDOCX())
	for _, body := range []string{
		wpara("Title", "T") + `<w:p><w:r><w:footnoteReference w:id="1"/></w:r><w:hyperlink w:anchor="x"><w:r><w:t>[1]</w:t></w:r></w:hyperlink></w:p>`,
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "u"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		`<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:p><w:r><w:t>nested</w:t></w:r></w:p><w:bookmarkEnd w:id="1"/></w:p><w:r><w:t>stray</w:t></w:r>`,
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t> 1 </w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>`,
		`<w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>  </w:t></w:r><w:r><w:lastRenderedPageBreak/><w:br w:type="page"/></w:r></w:p>`,
	} {
		f.Add(docxFile(map[string]string{
			"word/document.xml":            wordXML(body),
			"word/_rels/document.xml.rels": relsXML("rId1 footnotes footnotes.xml"),
			"word/footnotes.xml":           notesXML("footnote", `<w:footnote w:id="1"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:footnote>`),
		}))
	}
	f.Add([]byte("PK\x03\x04 not really"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src, ReadOptions{Name: "f.docx", Format: FormatDOCX, MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		checkInvariants(t, doc)
		if doc.Text != string(doc.Src) {
			t.Fatalf("Src is not the text")
		}
		for _, l := range doc.Links {
			if loc := doc.Locate(l.Span); loc.Start != l.Span.Start || loc.End != l.Span.End {
				t.Fatalf("link %v located at %+v", l.Span, loc)
			}
		}
	})
}

// FuzzDOCXParts fuzzes the XML of a DOCX rather than its archive,
// whose compressed bytes a mutation rarely leaves readable: the main
// document and the footnotes, zipped with styles and numbering.
func FuzzDOCXParts(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`, `<w:p><w:r><w:t>note</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN CSL_CITATION {"citationItems":[{"itemData":{"DOI":"10.1234/x"}}]}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(A, 2020)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, "")
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:hyperlink w:anchor="a"><w:r><w:t>[1]</w:t></w:r></w:hyperlink></w:p></w:tc></w:tr></w:tbl>`, `<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body, note string) {
		src := docxFile(map[string]string{
			"word/document.xml":            wordXML(body),
			"word/_rels/document.xml.rels": relsXML("rId1 footnotes footnotes.xml", "rId2 styles styles.xml", "rId3 numbering numbering.xml"),
			"word/footnotes.xml":           notesXML("footnote", `<w:footnote w:id="1">`+note+`</w:footnote>`),
			"word/styles.xml":              docxStylesXML,
			"word/numbering.xml":           docxNumberingXML,
		})
		doc, err := Parse(src, ReadOptions{Name: "f.docx"})
		if err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}
