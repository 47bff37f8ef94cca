package sources

import (
	"archive/zip"
	"bytes"
	"maps"
	"slices"
	"strings"
)

// The DOCX files of the tests are written by the tests: XML parts zipped
// by docxFile, the main document's body wrapped by wordXML.

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
	docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
	docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`
)

// wordXML wraps the body of a main document.
func wordXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + docxNS + "><w:body>" + body +
		`<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`
}

// notesXML wraps footnotes or endnotes ("footnote", "endnote") with the
// separators Word writes first.
func notesXML(kind, notes string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:" + kind + "s " + docxNS + ">" +
		`<w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>` +
		`<w:` + kind + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:` + kind + `>` +
		notes + "</w:" + kind + "s>"
}

// relsXML writes a relationships part; each rel is "Id Type Target", an
// external target starting with http.
func relsXML(rels ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		f := strings.Fields(r)
		mode := ""
		if strings.HasPrefix(f[2], "http") {
			mode = ` TargetMode="External"`
		}
		b.WriteString(`<Relationship Id="` + f[0] + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` +
			f[1] + `" Target="` + strings.ReplaceAll(f[2], "&", "&amp;") + `"` + mode + `/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// docxFile zips parts into a DOCX, adding the content types and the
// package relationships unless parts has them. A nil value leaves a
// default part out.
func docxFile(parts map[string]string) []byte {
	all := map[string]string{"[Content_Types].xml": docxContentTypes, "_rels/.rels": docxRootRels}
	maps.Copy(all, parts)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// [Content_Types].xml first, as Word writes it; the rest in order
	names := slices.Sorted(maps.Keys(all))
	for _, name := range names {
		if all[name] == "" {
			continue
		}
		f, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := f.Write([]byte(all[name])); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// wpara writes a paragraph of one run of text, with a style when style is
// not "".
func wpara(style, text string) string {
	p := "<w:p>"
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// wrun writes a run of text.
func wrun(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// docxStylesXML declares the styles of the realistic document, as Word
// names them.
const docxStylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + docxNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="berschrift1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>`

// docxNumberingXML numbers list 1 with bullets and list 2 with "[1]".
const docxNumberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + docxNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="[%1]"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`

// docxCoreXML is the core properties of the realistic document.
const docxCoreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Floods and Insurance</dc:title><dc:creator>Ana Ngata; Tom Reyes</dc:creator><dc:language>en-NZ</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:30:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-06T10:00:00Z</dcterms:modified></cp:coreProperties>`

// realisticDOCX is a news draft as Word and a reference manager leave
// it: a title, headings, footnotes and an endnote, hyperlinks (external,
// as a field, and to a bookmark), a Zotero citation with a DOI, Word's own
// citation field, tracked changes, a comment, a table, a bulleted list, a
// page break Word recorded, and a numbered reference list under
// "References".
func realisticDOCX() []byte {
	zotero := `ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a1","properties":{"formattedCitation":"(Ngata, 2022)"},"citationItems":[{"id":7,"uris":["http://zotero.org/users/1/items/ABC"],"itemData":{"id":7,"type":"article-journal","title":"Flood risk","DOI":"10.1234/frs.2022.15","author":[{"family":"Ngata","given":"Ana"}],"issued":{"date-parts":[["2022"]]}}}],"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}`
	body := wpara("Title", "Floods and Insurance") +
		wpara("TOCHeading", "Contents") +
		wpara("berschrift1", "Introduction") +
		// a footnote mark, a hyperlink, a Zotero citation with a DOI
		`<w:p><w:r><w:t xml:space="preserve">Insurers raised premiums by 40% after the floods</w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
		wrun(", according to ") +
		`<w:hyperlink r:id="rId10" w:history="1"><w:r><w:t>the regulator</w:t></w:r></w:hyperlink>` +
		wrun(" ") +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + strings.ReplaceAll(zotero, `"`, "&quot;") + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(Ngata, 2022)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		wrun(".") + `</w:p>` +
		// tracked changes, a comment, smart quotes, a tab, hidden text
		`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">The council said it was “not aware” of </w:t></w:r>` +
		`<w:del w:id="1" w:author="Ed"><w:r><w:delText>any </w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="Ed"><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins>` +
		`<w:r><w:t>claims</w:t><w:tab/><w:t>in 2023</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
		`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve"> (Reyes, 2021)</w:t></w:r>` +
		`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="2"/></w:r>` +
		wrun(".") + `</w:p>` +
		// a page break Word recorded, Word's own citation field, a
		// hyperlink as a field, a link to a bookmark
		`<w:p><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">Claims doubled </w:t></w:r>` +
		`<w:fldSimple w:instr=" CITATION Min23 \l 5129 "><w:r><w:t>(Ministry, 2023)</w:t></w:r></w:fldSimple>` +
		wrun("; see ") +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/report?id=1&amp;x=2" \o "tip" </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the report</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		wrun(" and ") + `<w:hyperlink w:anchor="_Ref1"><w:r><w:t>[2]</w:t></w:r></w:hyperlink>` + wrun(".") + `</w:p>` +
		// a table and a list
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:tcW w:w="4000"/></w:tcPr>` + wpara("", "Year") + `</w:tc><w:tc>` + wpara("", "Claims") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + wpara("", "2023") + `</w:tc><w:tc>` + wpara("", "1,204") + `</w:tc></w:tr></w:tbl>` +
		wpara("ListBullet", "Premiums rose.") +
		`<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>` + wrun("Cover fell.") + `</w:p>` +
		`<w:p/>` +
		`<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:lastRenderedPageBreak/><w:t>References</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>` + wrun("Ngata, A. (2022). Flood risk. ") + `<w:r><w:rPr><w:i/></w:rPr><w:t>Journal of Flood Risk Studies</w:t></w:r>` + wrun(", 15(4), 1–14. https://doi.org/10.1234/frs.2022.15") + `</w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:bookmarkStart w:id="5" w:name="_Ref1"/>` + wrun("Reyes, T. (2021). Premiums after disasters. Insurance Review.") + `<w:bookmarkEnd w:id="5"/></w:p>`
	footnotes := notesXML("footnote",
		`<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`+
			wrun(" Insurance Council, ")+`<w:hyperlink r:id="rId1"><w:r><w:t>Premium survey 2023</w:t></w:r></w:hyperlink>`+wrun(".")+`</w:p></w:footnote>`+
			`<w:footnote w:id="3"><w:p>`+wrun("A note no mark refers to.")+`</w:p></w:footnote>`)
	endnotes := notesXML("endnote",
		`<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r>`+wrun(" Interview with the author, 4 March 2024.")+`</w:p>`+
			`<w:p>`+wrun("Notes taken by hand.")+`</w:p></w:endnote>`)
	bib := `<?xml version="1.0" encoding="UTF-8" standalone="no"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" xmlns="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\APASixthEditionOfficeOnline.xsl"><b:Source><b:Tag>Min23</b:Tag><b:SourceType>Report</b:SourceType><b:Title>Claims review</b:Title><b:URL>https://example.govt.nz/claims-review</b:URL></b:Source></b:Sources>`
	return docxFile(map[string]string{
		"word/document.xml": wordXML(body),
		"word/_rels/document.xml.rels": relsXML("rId1 styles styles.xml", "rId2 numbering numbering.xml",
			"rId3 footnotes footnotes.xml", "rId4 endnotes endnotes.xml", "rId10 hyperlink https://www.fma.govt.nz/news/?a=1&b=2"),
		"word/_rels/footnotes.xml.rels": relsXML("rId1 hyperlink https://insurance.org.nz/survey"),
		"word/styles.xml":               docxStylesXML,
		"word/numbering.xml":            docxNumberingXML,
		"word/footnotes.xml":            footnotes,
		"word/endnotes.xml":             endnotes,
		"docProps/core.xml":             docxCoreXML,
		"customXml/item1.xml":           bib,
	})
}
