package sources_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/pdftest"
)

// font is a Helvetica font object body.
const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// onePage returns a document of one page whose content is content:
// objects 1 catalog, 2 pages, 3 page, 4 font, 5 content.
func onePage(content string, pageExtra string) []byte {
	return pdftest.Raw([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R" + pageExtra + " >>",
		font,
		content,
	}, "/Root 1 0 R")
}

// toUnicode maps the codes 1 and 2 to "T" and "h", and 16 to 18 to "abc".
const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <0054> <0002> <0068> endbfchar
1 beginbfrange <0010> <0012> <0061> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

// formDoc returns a document of one page whose content is page, drawing
// (with "/X1 Do") a form whose content is form and which can draw itself.
func formDoc(form, page string) []byte {
	return pdftest.Raw([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
		font,
		pdftest.Stream([]byte(page), false, ""),
		pdftest.Stream([]byte(form), false, " /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>"),
	}, "/Root 1 0 R")
}

// TestReadPDFHandMade reads hand-made files: a plain one, and ones no
// writer would make, which must end in an error or bounded text, never a
// panic or a hang.
func TestReadPDFHandMade(t *testing.T) {
	text := "BT /F1 12 Tf 72 700 Td (The rate fell to 14%.) Tj ET"
	bomb := bytes.Repeat([]byte("0 0 Td "), 30<<20/7)
	manyOps := "BT /F1 12 Tf " + strings.Repeat("0 0 Td ", 1<<18) + "(End.) Tj ET"
	tests := []struct {
		name     string
		data     []byte
		wantText string
		wantErr  error
	}{
		{"plain", onePage(pdftest.Stream([]byte(text), false, ""), ""), "The rate fell to 14%.", nil},
		{"flate", onePage(pdftest.Stream([]byte(text), true, ""), ""), "The rate fell to 14%.", nil},
		{"pdf 2.0 header", bytes.Replace(onePage(pdftest.Stream([]byte(text), false, ""), ""), []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1), "The rate fell to 14%.", nil},
		{"trailing nuls", append(onePage(pdftest.Stream([]byte(text), false, ""), ""), make([]byte, 300)...), "The rate fell to 14%.", nil},
		{"operands piled up", onePage(pdftest.Stream([]byte("BT /F1 12 Tf "+strings.Repeat("1 ", 5000)+"(Still read.) Tj ET"), false, ""), ""), "Still read.", nil},
		{"many operators", onePage(pdftest.Stream([]byte(manyOps), true, ""), ""), "End.", nil},
		{"lines of a paragraph", onePage(pdftest.Stream([]byte("BT /F1 12 Tf 72 700 Td (The rate) Tj 0 -14 Td (fell.) Tj ET"), false, ""), ""), "The rate fell.", nil},
		{"a word broken at a line end", onePage(pdftest.Stream([]byte("BT /F1 12 Tf 72 700 Td (labour-) Tj 0 -14 Td (market data.) Tj ET"), false, ""), ""), "labour-market data.", nil},
		{"paragraphs apart", onePage(pdftest.Stream([]byte("BT /F1 12 Tf 72 700 Td (One.) Tj 0 -40 Td (Two.) Tj ET"), false, ""), ""), "One.\n\nTwo.", nil},
		{"kerning and word gaps in TJ", onePage(pdftest.Stream([]byte("BT /F1 12 Tf 72 700 Td [(Th) 20 (e) -300 (rate)] TJ ET"), false, ""), ""), "The rate", nil},
		{"text in a form", formDoc("BT /F1 12 Tf 72 700 Td (In a form.) Tj ET", "BT /F1 12 Tf 72 720 Td (Page first.) Tj ET /X1 Do"), "Page first. In a form.", nil},
		{"a form drawing itself", formDoc("BT /F1 12 Tf 72 700 Td (Again.) Tj ET /X1 Do", "/X1 Do"), "Again.Again.Again.Again.", nil},
		{"composite font with a character map", pdftest.Raw([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Resources << /Font << /F2 4 0 R >> >> /Contents 5 0 R >>",
			"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [] /ToUnicode 6 0 R >>",
			pdftest.Stream([]byte("BT /F2 12 Tf 72 700 Td <00010002001000110012000100010002> Tj ET"), false, ""),
			pdftest.Stream([]byte(toUnicode), true, ""),
		}, "/Root 1 0 R"), "ThabcTTh", nil},
		{"decompression bomb", onePage(pdftest.Stream(bomb, true, ""), ""), "", sources.ErrMalformedPDF},
		{"unknown filter", onePage(pdftest.Stream([]byte(text), false, " /Filter /Nope"), ""), "", sources.ErrMalformedPDF},
		{"huge predictor columns", onePage(pdftest.Stream([]byte(text), true, " /DecodeParms << /Predictor 12 /Columns 99999999999 >>"), ""), "", sources.ErrMalformedPDF},
		{"font missing", onePage(pdftest.Stream([]byte("BT /F9 12 Tf (x) Tj ET"), false, ""), ""), "", sources.ErrPDFNoText},
		{"pages tree cycle", pdftest.Raw([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>",
		}, "/Root 1 0 R"), "", sources.ErrMalformedPDF},
		{"parent cycle", onePage(pdftest.Stream([]byte(text), false, ""), " /Parent 3 0 R"), "The rate fell to 14%.", nil},
		{"contents array", pdftest.Raw([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R] >>",
			font,
			pdftest.Stream([]byte("BT /F1 12 Tf 72 700 Td (First) Tj"), false, ""),
			pdftest.Stream([]byte(" ( half.) Tj ET"), false, ""),
		}, "/Root 1 0 R"), "First half.", nil},
		{"object stream with a huge N", pdftest.Raw([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /ObjStm /N 999999999 /First 4 /Length 4 >>\nstream\n1 0 \nendstream",
		}, "/Root 1 0 R"), "", sources.ErrMalformedPDF},
		{"xref stream with huge widths", []byte("%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 999999999 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n"), "", sources.ErrMalformedPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sources.ReadPDF(t.Context(), tt.data, sources.PDFOptions{Timeout: 10 * time.Second})
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantText, got.Text)
		})
	}
}
