package sources

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHTMLCountText checks the table-driven count against the rule it
// implements, byte by byte: white space runs count one, a continuation
// byte counts with its lead, and "," and "，" are commas.
func TestHTMLCountText(t *testing.T) {
	rule := func(raw []byte) (chars, commas int, space bool) {
		inSpace := true
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			switch {
			case htmlSpace(c):
				if !inSpace {
					chars++
					inSpace = true
				}
				continue
			case c == ',':
				commas++
			case c == 0xEF && i+2 < len(raw) && raw[i+1] == 0xBC && raw[i+2] == 0x8C:
				commas++
			case c >= 0x80 && c < 0xC0:
				continue
			}
			chars++
			inSpace = false
		}
		if inSpace && chars > 0 {
			chars--
		}
		return chars, commas, chars == 0
	}
	texts := []string{"", "  ", " a, b ，c\tdé ", "\uFF0C\uFF0C", "\xEF\xBC", "x\xEF", "\r\n\f"}
	for c := 0; c < 256; c++ {
		texts = append(texts, string([]byte{'a', byte(c), ' ', byte(c)}))
	}
	for _, s := range texts {
		wc, wm, ws := rule([]byte(s))
		c, m, sp := htmlCountText([]byte(s))
		assert.Equal(t, []any{wc, wm, ws}, []any{c, m, sp}, "%q", s)
	}
}

func TestHTMLBylineClass(t *testing.T) {
	for class, want := range map[string]bool{
		"post-body-bio": true, "bio": true, "author-bio card": true, "bio_box": true, "storytimestamp": true,
		"cnndatestamp": true, "sitesub": true, "c-byline__name": true, "biology": false, "symbiotic": false,
		"combio": false, "": false, "article-body": false,
	} {
		assert.Equal(t, want, htmlBylineClass(class), "%q", class)
	}
}
