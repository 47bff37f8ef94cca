// Package pdftest writes small PDF documents for tests: a report of
// several pages with a figure in its text, an encrypted one, a truncated
// one. It is imported by tests only, so its PDF writer (fpdf) is a test
// dependency of citecheck.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Figure is the sentence Report puts on its second page.
const Figure = "The unemployment rate fell to 14% in March."

// ReportTitle is the title in Report's information dictionary.
const ReportTitle = "Labour Market Review 2026"

// Doc describes a PDF to write: its title and the paragraphs of each page.
type Doc struct {
	Title string
	Pages [][]string
	// Password, when set, encrypts the document with this user password.
	Password string
	// Protect encrypts the document with an empty user password (only the
	// permissions are restricted), as many published reports are.
	Protect bool
}

// Write returns d as a PDF file. Pages are A4, in Helvetica 11 pt, each
// paragraph wrapped to the page's width with a blank line after it.
func Write(d Doc) ([]byte, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	f.SetModificationDate(time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if d.Title != "" {
		f.SetTitle(d.Title, true)
	}
	if d.Password != "" || d.Protect {
		f.SetProtection(fpdf.CnProtectPrint, d.Password, "owner")
	}
	for _, page := range d.Pages {
		f.AddPage()
		f.SetFont("Helvetica", "", 11)
		for _, para := range page {
			f.MultiCell(0, 5, para, "", "L", false)
			f.Ln(5)
		}
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("pdftest: %w", err)
	}
	return b.Bytes(), nil
}

// ReportDoc is the document Report writes: three pages, Figure in the
// second paragraph of page 2, long enough to wrap over several lines.
func ReportDoc() Doc {
	return Doc{
		Title: ReportTitle,
		Pages: [][]string{
			{"Labour Market Review", "This report describes the labour market in the first quarter of 2026, drawing on the monthly household survey of about forty thousand homes across every region of the country."},
			{"Unemployment", "Joblessness eased over the quarter as hiring picked up in construction, retail and public services. " + Figure + " Youth unemployment remained higher, at 22%.", "Participation rose slightly among women of working age."},
			{"Methods", "Figures are seasonally adjusted. The survey's margin of error is about half a percentage point."},
		},
	}
}

// Report returns ReportDoc written as a PDF.
func Report() ([]byte, error) { return Write(ReportDoc()) }

// Raw lays out a PDF file by hand from the bodies of its objects (object
// n+1 is objects[n]) and the entries of its trailer dictionary, with a
// correct xref table: for files no writer would make (cycles, bombs,
// absurd sizes). A body holding a stream gives its dictionary and the
// stream, "<< /Length 5 >>\nstream\nhello\nendstream".
func Raw(objects []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, body := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, trailer, xref)
	return b.Bytes()
}

// Stream returns the body of a stream object holding data, compressed
// with FlateDecode when flate is true, with extra entries in its
// dictionary.
func Stream(data []byte, flate bool, extra string) string {
	if flate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		_, _ = w.Write(data)
		_ = w.Close()
		data = z.Bytes()
		extra += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(data), extra, data)
}
