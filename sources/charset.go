package sources

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// decodeLegacy transcodes doc.Src from the named charset to UTF-8, records
// the map from the UTF-8 bytes back to Src, and sets doc.Charset.
func decodeLegacy(doc *Document, charset string) ([]byte, error) {
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, fmt.Errorf("%w: %q", ErrEncoding, charset)
	}
	name, _ := htmlindex.Name(enc)
	dec := enc.NewDecoder()
	src := doc.Src
	out := make([]byte, 0, len(src)+len(src)/4)
	var m offsetMap
	var buf [4 * utf8.UTFMax]byte
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf && name != "utf-16le" && name != "utf-16be" {
			m.add(len(out), i, 1, 1)
			out = append(out, src[i])
			i++
			continue
		}
		// decode one character at a time so that every character keeps
		// its own place in Src
		dec.Reset()
		done := false
		for k := 1; k <= 4 && i+k <= len(src); k++ {
			nDst, nSrc, err := dec.Transform(buf[:utf8.UTFMax], src[i:i+k], i+k == len(src))
			if nSrc > 0 && nDst > 0 && (err == nil || errors.Is(err, transform.ErrShortSrc) && nSrc == k) {
				m.add(len(out), i, nDst, nSrc)
				out = append(out, buf[:nDst]...)
				i += nSrc
				done = true
				break
			}
		}
		if !done {
			m.add(len(out), i, 3, 1)
			out = append(out, "\uFFFD"...)
			i++
		}
	}
	doc.Charset = name
	doc.decodedMap = m
	return out, nil
}
