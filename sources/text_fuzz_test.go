package sources

import "testing"

func FuzzParseText(f *testing.F) {
	addSeeds(f, "text")
	for _, s := range []string{
		"Title\n\nA para\nwrapped (Ma et\nal., 2020).\n",
		"  • one\n\n  • two\n    • nested\n1. x\n2) y\n",
		"Ref A. (2020). T.\n    J. https://doi.org/10.1/\n    x\nRef B.\n",
		"\xef\xbb\xbfBOM\r\n\r\nline\r\n",
		"caf\xe9 \x93q\x94\n",
		"Heading\n=======\n\n- \n",
	} {
		f.Add([]byte(s))
	}
	// adversarial shapes of bounds_test.go
	f.Add(genLongLine(400))
	f.Add(genUTF16Text(100))
	f.Add(encodeWide("Title\n\nText (Smith, 2020).\n", unitUTF16BE, false))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := &Document{Format: FormatText, Src: src, Charset: "utf-8"}
		if err := parseText(doc); err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}
