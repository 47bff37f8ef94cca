package sources

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCleanPDFText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"speci\uFB01cation", "specification"},
		{"a\x00b\tc  d\r\ne", "a b c d e"},
		{"\uFEFFword", "word"},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cleanPDFText(tt.in), tt.in)
	}
}

func TestTidyPDFText(t *testing.T) {
	tests := []struct {
		in        string
		marks     []int
		want      string
		wantMarks []int
	}{
		{"a  \n\n\n\n b", []int{0, 3}, "a\n\nb", []int{0, 3}},
		{"  x", []int{0}, "x", []int{0}},
		{"one\n\ntwo \n\n", []int{0, 5, 12}, "one\n\ntwo", []int{0, 5, 8}},
		{"p1\n\n\n\np2", []int{0, 4}, "p1\n\np2", []int{0, 4}},
	}
	for _, tt := range tests {
		marks := append([]int(nil), tt.marks...)
		assert.Equal(t, tt.want, tidyPDFText(tt.in, marks), tt.in)
		assert.Equal(t, tt.wantMarks, marks, tt.in)
	}
}

func TestScreenPDF(t *testing.T) {
	tests := []struct {
		in   string
		fail bool
	}{
		{"<< /Size 12 /N 3 /W [1 2 1] /Index [0 12] >>", false},
		{"<< /Size 99999999 >>", true},
		{"<< /Type /ObjStm /N 4000000 >>", true},
		{"<< /W [1 4000000 1] >>", true},
		{"<< /Index [4000000 1] >>", true},
		{"<< /DecodeParms << /Columns 99999999999999999999999 >> >>", true},
		{"<< /Name 99999999 /Widths [99999999] >>", false},
		{"xref\n0 3\n0000000000 65535 f\r\n", false},
		{"xref\n0 1\n0000000000 65535 f\r\n99999999 1\n0000000010 00000 n\r\n", true},
		{"startxref\n99999999\n%%EOF", false},
	}
	for _, tt := range tests {
		err := screenPDF([]byte(tt.in))
		if tt.fail {
			assert.ErrorIs(t, err, ErrMalformedPDF, tt.in)
		} else {
			assert.NoError(t, err, tt.in)
		}
	}
}
