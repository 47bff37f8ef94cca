package sources

import (
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds the files of a testdata folder to a fuzz corpus.
func addSeeds(f *testing.F, dir string) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, "markdown")
	for _, s := range []string{
		"# T\n\ntext[^1] more\n\n[^1]: note\n",
		"- a\n  - b\n\n> q\n\n| a | b |\n|---|---|\n| c | d |\n",
		"<sup>1</sup> <a href=\"x\">y</a>\n\n<div>\n<p>para <sup>2</p>\n",
		"---\ntitle: x\n---\ntext\n",
		"\xef\xbb\xbf# caf\xe9\n",
		"[^a]: x\n    [^b]: y\n\n[^a] [^b]\n",
		"a\\\nb &amp; &#x1F600; &bogus; `co\nde`\n",
	} {
		f.Add([]byte(s))
	}
	// the adversarial shapes of bounds_test.go, at the sizes TestBoundsLinear reads
	for _, gen := range []func(int) []byte{genFootnotes, genLinkOpen, genTable, genWideTable} {
		f.Add(gen(1_000))
	}
	f.Add(encodeWide("# T\n\nA claim.[^1]\n\n[^1]: Note.\n", unitUTF16LE, true))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := &Document{Format: FormatMarkdown, Src: src, Charset: "utf-8"}
		if err := parseMarkdown(doc); err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}
