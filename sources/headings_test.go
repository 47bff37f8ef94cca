package sources

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsReferenceHeading(t *testing.T) {
	tests := map[string]bool{
		"References": true, "7. Works  Cited:": true, "VII. Bibliography": true, "A. Sources": true,
		"Einzelnachweise": true, "Referências bibliográficas": true, "Notes\t": true, "NOTES": true,
		"Results": false, "Further reading": false, "Bibliography 92": false, "": false,
		"The references we used in this long heading that goes on": false,
	}
	for in, want := range tests {
		assert.Equal(t, want, IsReferenceHeading(in), "IsReferenceHeading(%q)", in)
	}
}

func TestHeadingKey(t *testing.T) {
	tests := []struct {
		in       string
		trailing bool
		want     string
	}{
		{"7. References", false, "references"},
		{"7.1 Works   Cited:", false, "works cited"},
		{"IV. Notes.", false, "notes"},
		{"a. Sources", false, "sources"},
		{"a Sources", false, "a sources"}, // a one-letter numbering needs its full stop
		{"BIBLIOGRAPHY 92", true, "bibliography"},
		{"BIBLIOGRAPHY 92", false, "bibliography 92"},
		{"Références", false, "références"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, HeadingKey(tt.in, tt.trailing), "HeadingKey(%q, %v)", tt.in, tt.trailing)
	}
}

// headingInputs reach AppendHeadingKey's edge cases: numbering, runs of
// separators, letters that lower to ASCII, invalid UTF-8.
var headingInputs = []string{
	"", ".", "References", "7. References", "VII. Bibliography", "  Works   Cited: ", "Notes\t", "A. Sources",
	"BIBLIOGRAPHY 92", "Referências bibliográficas", "Sources\u00a0", "Notes \v", "x\u0085y", "İv. Notes",
	"K. References", "ⅻ. Notes", "\xff. Notes", "1.2.3 Literature 7",
}

// TestAppendHeadingKey holds the allocation-free AppendHeadingKey to
// HeadingKey, the plain form it must agree with.
func TestAppendHeadingKey(t *testing.T) {
	for _, s := range headingInputs {
		for _, trailing := range []bool{false, true} {
			assert.Equal(t, HeadingKey(s, trailing), string(AppendHeadingKey(nil, s, trailing)), "%q %v", s, trailing)
			assert.Equal(t, "x"+HeadingKey(s, trailing), string(AppendHeadingKey([]byte("x"), s, trailing)), "%q %v", s, trailing)
		}
	}
	n := testing.AllocsPerRun(100, func() { IsReferenceHeading("7. Works  Cited:") })
	assert.Zero(t, n)
}

func FuzzAppendHeadingKey(f *testing.F) {
	for _, s := range headingInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, trailing := range []bool{false, true} {
			if got, want := string(AppendHeadingKey(nil, s, trailing)), HeadingKey(s, trailing); got != want {
				t.Fatalf("AppendHeadingKey(%q, %v) = %q, want %q", s, trailing, got, want)
			}
		}
	})
}
