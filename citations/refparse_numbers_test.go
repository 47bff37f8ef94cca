package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseReferenceNumbers covers volume, issue and pages in the forms
// the imprint rules added.
func TestParseReferenceNumbers(t *testing.T) {
	tests := []struct {
		name, in             string
		volume, issue, pages string
	}{
		{"MLA volume.issue", "Chang, C. “Sound.” Film Comment 40.1 (January 2004): 17.", "40", "1", "17"},
		{"ACM volume, issue (date), pages", "Ward, A. Simple typing. Lisp and Computation 8, 4 (Dec. 1995), 343-356.", "8", "4", "343-356"},
		{"book's page count", "James Gleick, Chaos: Making a New Science, New York: Penguin, 1988. 368 pp.", "", "", "368"},
		{"a day is not a volume", `Kim, J. "Care on the Frontier." New York Times, May 28, 2013.`, "", "", ""},
		{"days of a meeting are not pages", "Lee, K. Scheduling, Proc. Fourth Conf. on Systems, Santa Clara, CA, April 8-11, 1991, pp. 122-131.", "", "", "122-131"},
		{"report number is not pages", "Bell, A. Delegation. Technical Report 92-43, University of Colorado.", "", "", ""},
		{"volume written v.37", "Ohm, T., Studies of suevites, Meteoritics, v.37, no.7, pp.112. 2002.", "37", "7", "112"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseReference(tt.in)
			assert.Equal(t, tt.volume, r.Volume, "volume")
			assert.Equal(t, tt.issue, r.Issue, "issue")
			assert.Equal(t, tt.pages, r.Pages, "pages")
		})
	}
}

// TestDetailWords checks each row of detailWords: its number goes to its
// field, as a page range when the row reads pages, and a Roman numeral
// starts the details only after the rows that take anything.
func TestDetailWords(t *testing.T) {
	for _, d := range detailWords {
		t.Run(d.word, func(t *testing.T) {
			var r Reference
			scanNumbers(&r, d.word+"12-15")
			num := "12"
			if d.asPages {
				num = "12-15"
			}
			want := Reference{}
			switch d.field {
			case fieldVolume, fieldVolumeOrIssue:
				want.Volume = num
			case fieldIssue:
				want.Issue = num
			case fieldPages:
				want.Pages = num
			}
			assert.Equal(t, want, r)
			assert.True(t, startsDetails(d.word+"12"))
			assert.Equal(t, d.anyAfter, startsDetails(d.word+"ii"))
		})
	}
}

// TestDetailWordVolumeOrIssue checks that "N°" fills the issue once the
// volume is known.
func TestDetailWordVolumeOrIssue(t *testing.T) {
	var r Reference
	scanNumbers(&r, "vol. 3, N° 12, pp. 5-9")
	assert.Equal(t, Reference{Volume: "3", Issue: "12", Pages: "5-9"}, r)
}

// TestScanNumbers covers each rule for bare numbers with the example in
// its comment.
func TestScanNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want Reference
	}{
		{"2014;40:1477-81", Reference{Year: "2014", Volume: "40", Pages: "1477-81"}},
		{"12(3):45-67", Reference{Volume: "12", Issue: "3", Pages: "45-67"}},
		{"12 (3), 45-67", Reference{Volume: "12", Issue: "3", Pages: "45-67"}},
		{"60 (1993), pp. 295–337", Reference{Volume: "60", Year: "1993", Pages: "295–337"}},
		{"45–67", Reference{Pages: "45–67"}},
		{"April 8-11, 1991", Reference{}},
		{"Report 92-43", Reference{}},
		{"85, 768-776", Reference{Volume: "85", Pages: "768-776"}},
		{"36, 3 (1988), 454-469", Reference{Volume: "36", Issue: "3", Pages: "454-469"}},
		{"40.1 (January 2004): 17", Reference{Volume: "40", Issue: "1", Pages: "17"}},
		{"368 pp.", Reference{Pages: "368"}},
		{"12, 1959", Reference{Volume: "12"}},
		{"24", Reference{Volume: "24"}},
	}
	for _, tt := range tests {
		var r Reference
		scanNumbers(&r, tt.in)
		assert.Equal(t, tt.want, r, tt.in)
	}
}
