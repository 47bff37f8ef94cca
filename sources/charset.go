package sources

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf16"
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
				m.addChar(len(out), i, nDst, nSrc)
				out = append(out, buf[:nDst]...)
				i += nSrc
				done = true
				break
			}
		}
		if !done {
			m.addChar(len(out), i, 3, 1)
			out = append(out, "\uFFFD"...)
			i++
		}
	}
	doc.Charset = name
	doc.decodedMap = m
	return out, nil
}

// charset returns the name of a Unicode encoding wider than a byte, as
// Document.Charset gives it.
func (u charUnit) charset() string {
	switch u {
	case unitUTF16LE:
		return "utf-16le"
	case unitUTF16BE:
		return "utf-16be"
	case unitUTF32LE:
		return "utf-32le"
	case unitUTF32BE:
		return "utf-32be"
	}
	return "utf-8"
}

// wideBOM returns the UTF-16 or UTF-32 encoding a byte order mark at the
// start of src names and the mark's length, or unitUTF8 and 0. FF FE 00 00
// is read as UTF-32LE rather than UTF-16LE starting with a NUL character.
func wideBOM(src []byte) (charUnit, int) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}):
		return unitUTF32LE, 4
	case bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return unitUTF32BE, 4
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return unitUTF16LE, 2
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return unitUTF16BE, 2
	}
	return unitUTF8, 0
}

// wideSniffBytes is how much of an input without a byte order mark
// sniffWide looks at.
const wideSniffBytes = 64 << 10

// sniffWide reports whether src is UTF-16 or UTF-32, and in which byte
// order: by its byte order mark, or, without one, when its bytes clearly
// say so. They do when the length is a whole number of code units and, in
// the first wideSniffBytes, no code unit is NUL, a control character other
// than white space or an unpaired surrogate, at least half the characters
// are below U+0100 (NUL bytes in every other byte, or three of four), and
// few are U+xx00. Text with a stray NUL byte fails these and stays binary.
func sniffWide(src []byte) (unit charUnit, bom int, ok bool) {
	if u, n := wideBOM(src); n > 0 {
		return u, n, true
	}
	if bytes.IndexByte(src, 0) < 0 {
		return unitUTF8, 0, false
	}
	for _, u := range []charUnit{unitUTF32LE, unitUTF32BE, unitUTF16LE, unitUTF16BE} {
		if wideLooks(src, u) {
			return u, 0, true
		}
	}
	return unitUTF8, 0, false
}

// wideLooks reports whether src without a byte order mark reads clearly as
// the encoding u.
func wideLooks(src []byte, u charUnit) bool {
	size := u.size()
	if len(src) == 0 || len(src)%size != 0 {
		return false
	}
	sample := src[:min(len(src), wideSniffBytes/size*size)]
	chars, low, lowZero := 0, 0, 0
	for i := 0; i < len(sample); {
		n := u.next(sample, i)
		r := u.unitAt(sample, i)
		if n == 4 && size == 2 {
			r = utf16.DecodeRune(r, u.unitAt(sample, i+2))
		}
		switch {
		case r <= 0 || r > unicode.MaxRune || utf16.IsSurrogate(r),
			r < 0x20 && !asciiSpace[r] && r != '\v':
			return false
		case r < 0x100:
			low++
		case r&0xFF == 0:
			lowZero++
		}
		chars++
		i += n
	}
	return low*2 >= chars && lowZero*8 <= low
}

// decodeWide transcodes UTF-16 or UTF-32 src to UTF-8, records the map
// from the UTF-8 bytes back to Src, and sets doc.Charset. A byte order
// mark is left out, and a NUL character, an unpaired surrogate or a code
// unit cut short read as U+FFFD.
func decodeWide(doc *Document, u charUnit, bom int) []byte {
	var m offsetMap
	out := wideToUTF8(doc.Src, u, bom, &m)
	doc.Charset = u.charset()
	doc.decodedMap = m
	return out
}

// wideToUTF8 transcodes src from bom on, recording in m, if not nil, where
// each character came from.
func wideToUTF8(src []byte, u charUnit, bom int, m *offsetMap) []byte {
	size := u.size()
	out := make([]byte, 0, (len(src)-bom)/size*3/2+4)
	for i := bom; i < len(src); {
		n := u.next(src, i)
		r := utf8.RuneError
		if n >= size {
			r = u.unitAt(src, i)
			if n == 4 && size == 2 {
				r = utf16.DecodeRune(r, u.unitAt(src, i+2))
			}
		}
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		t := len(out)
		out = utf8.AppendRune(out, r)
		if m != nil {
			m.addChar(t, i, len(out)-t, n)
		}
		i += n
	}
	return out
}
