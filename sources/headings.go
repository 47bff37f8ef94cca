package sources

import (
	"strings"
	"unicode/utf8"
)

// referenceHeadings are the names of reference sections, as HeadingKey
// folds them: what the HTML reader keeps with the main content and what
// the citations package opens a reference list under.
var referenceHeadings = map[string]bool{
	"references": true, "reference": true, "reference list": true, "list of references": true,
	"bibliography": true, "select bibliography": true, "selected bibliography": true,
	"sources": true, "sources cited": true, "works cited": true, "work cited": true,
	"works consulted": true, "notes": true, "footnotes": true, "endnotes": true, "end notes": true,
	"literature": true, "literature cited": true, "cited literature": true, "references cited": true,
	"citations": true, "sources and further reading": true, "references and notes": true,
	"notes and references": true, "bibliography and notes": true, "notes and sources": true,
	"source notes": true, "bibliographic references": true, "cited works": true, "sources and notes": true,
	"referencias": true, "referencias bibliográficas": true, "bibliografía": true, "bibliografia": true,
	"literatur": true, "literaturverzeichnis": true, "quellen": true, "einzelnachweise": true,
	"références": true, "références bibliographiques": true, "bibliographie": true, "fontes": true,
	"referências": true, "referências bibliográficas": true, "riferimenti": true, "riferimenti bibliografici": true,
	"bronnen": true, "literatuur": true, "källor": true, "fuentes": true, "notas": true,
}

// IsReferenceHeading reports whether a heading names a reference section:
// "References", "7. Works Cited:", "Einzelnachweise".
func IsReferenceHeading(heading string) bool {
	var buf [80]byte
	return referenceHeadings[string(AppendHeadingKey(buf[:0], heading, false))]
}

// IsReferenceHeadingKey reports whether a key HeadingKey made names a
// reference section.
func IsReferenceHeadingKey(key string) bool { return referenceHeadings[key] }

// HeadingKey folds a heading for lookup: lower case, single spaces, and
// without leading numbering ("7.", "7.1", "VII.", "A.") or a trailing colon
// or full stop. With trailingNumber it also drops a trailing page number,
// as a running header has it ("Bibliography 92"); a table of contents line
// looks the same, so only when asked. A heading over 80 bytes gives "".
func HeadingKey(s string, trailingNumber bool) string {
	s = strings.TrimSpace(s)
	if len(s) > 80 {
		return ""
	}
	s = strings.ToLower(s)
	if i := strings.IndexByte(s, ' '); i > 0 {
		head := strings.TrimRight(s[:i], ".):")
		if isNumbering(head) || len(head) == 1 && head[0] >= 'a' && head[0] <= 'z' && s[i-1] == '.' {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	if i := strings.LastIndexByte(s, ' '); trailingNumber && i > 0 && allDigits(s[i+1:]) {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimRight(s, " :.")
	return strings.Join(strings.Fields(s), " ")
}

// AppendHeadingKey appends HeadingKey(s, trailingNumber) to dst. For an
// ASCII heading it builds the key in dst without allocating: lower-casing
// ASCII moves no byte, and no step of HeadingKey looks at the case of a
// letter but that of a one-letter numbering, so the steps run on s as
// written and the key is lowered last.
func AppendHeadingKey(dst []byte, s string, trailingNumber bool) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, HeadingKey(s, trailingNumber)...)
		}
	}
	s = strings.TrimSpace(s)
	if len(s) > 80 {
		return dst
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		head := strings.TrimRight(s[:i], ".):")
		if isNumbering(head) || len(head) == 1 && isASCIILetter(head[0]) && s[i-1] == '.' {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	if i := strings.LastIndexByte(s, ' '); trailingNumber && i > 0 && allDigits(s[i+1:]) {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimRight(s, " :.")
	from := len(dst)
	for w := range strings.FieldsSeq(s) { // what strings.Join(strings.Fields(s), " ") gives
		if len(dst) > from {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	for i := from; i < len(dst); i++ {
		if c := dst[i]; 'A' <= c && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isNumbering reports whether the first word of a heading, without its
// trailing ".):", numbers a section: "7", "7.1", or a Roman numeral of
// up to four letters ("VII", "iv"). HeadingKey lowers the heading first, and
// no other rune lowers to an ASCII letter, so the Roman letters are ASCII.
func isNumbering(head string) bool {
	return head != "" && (strings.Trim(head, "0123456789.") == "" ||
		len(head) <= 4 && strings.Trim(head, "ivxlcIVXLC") == "")
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
