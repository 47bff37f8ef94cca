package sources

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors about DOIs. Callers test them with errors.Is.
var (
	// ErrInvalidDOI means a string is not a DOI: it does not read as
	// "10.<registrant>/<suffix>" once the usual prefixes ("doi:",
	// "https://doi.org/") are removed.
	ErrInvalidDOI = errors.New("invalid DOI")
)

// Bounds on DOI strings. Real DOIs are well under 300 bytes; the bounds
// keep hostile input cheap.
const (
	// maxDOIInput is the longest string ParseDOI looks at.
	maxDOIInput = 4096
	// maxDOILen is the longest DOI ParseDOI returns.
	maxDOILen = 1024
)

// doiPrefixes are the ways a DOI is commonly written before its "10.",
// lower-case, longest first where one is a prefix of another.
var doiPrefixes = [...]string{
	"https://dx.doi.org/", "http://dx.doi.org/", "https://doi.org/", "http://doi.org/",
	"https://www.doi.org/", "http://www.doi.org/", "dx.doi.org/", "www.doi.org/", "doi.org/",
	"info:doi/", "urn:doi:", "doi:", "doi ",
}

// ParseDOI validates s as a DOI and returns it in normal form: the bare
// "10.<registrant>/<suffix>" with ASCII letters lower-cased (DOIs are
// case-insensitive), percent-escapes decoded, and trailing punctuation that
// prose adds (".", ",", ";", ":", quotes, an unbalanced ")" or "]") removed.
//
// It accepts the bare form and the forms "doi:10.…", "doi: 10.…",
// "info:doi/10.…", "urn:doi:10.…" and the resolver URLs
// "https://doi.org/10.…" and "http://dx.doi.org/10.…" (whose query and
// fragment are dropped). The registrant is four or more digits, optionally
// with dot-separated sub-registrants ("10.1000.10"); the suffix is any
// non-empty run of printable characters without spaces, and none of its
// slash-separated segments is "." or "..".
//
// A string that still holds a percent-escape after one round of decoding is
// refused as ambiguous, so that ParseDOI(ParseDOI(s)) == ParseDOI(s).
// Errors wrap ErrInvalidDOI.
func ParseDOI(s string) (string, error) {
	if len(s) > maxDOIInput {
		return "", fmt.Errorf("parse doi: %w: longer than %d bytes", ErrInvalidDOI, maxDOIInput)
	}
	in := s
	s = strings.TrimSpace(s)
	isURL := false
	for _, p := range doiPrefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
			isURL = strings.Contains(p, "/") && !strings.HasPrefix(p, "info:")
			break
		}
	}
	if isURL {
		if i := strings.IndexAny(s, "?#"); i >= 0 {
			s = s[:i]
		}
	}
	s, ok := decodePercent(s)
	if !ok {
		return "", fmt.Errorf("parse doi %q: %w: percent-escape left after decoding", clip(in), ErrInvalidDOI)
	}
	s = trimDOIPunct(s)
	if err := checkDOI(s); err != nil {
		return "", fmt.Errorf("parse doi %q: %w: %s", clip(in), ErrInvalidDOI, err.Error())
	}
	return asciiLower(s), nil
}

// checkDOI checks the syntax of a bare DOI.
func checkDOI(s string) error {
	if len(s) > maxDOILen {
		return fmt.Errorf("longer than %d bytes", maxDOILen)
	}
	if !strings.HasPrefix(s, "10.") {
		return errors.New(`does not start with "10."`)
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		return errors.New("no suffix after the registrant")
	}
	reg := s[3:slash]
	digits := 0
	for i := range len(reg) {
		switch c := reg[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && digits > 0 && i+1 < len(reg):
			if i == 0 || reg[i-1] == '.' {
				return errors.New("empty sub-registrant")
			}
		default:
			return fmt.Errorf("registrant %q is not numeric", reg)
		}
	}
	if first, _, _ := strings.Cut(reg, "."); len(first) < 4 {
		return fmt.Errorf("registrant %q has fewer than four digits", reg)
	}
	suffix := s[slash+1:]
	if suffix == "" {
		return errors.New("empty suffix")
	}
	if !utf8.ValidString(suffix) {
		return errors.New("suffix is not valid UTF-8")
	}
	for seg := range strings.SplitSeq(suffix, "/") {
		if seg == "." || seg == ".." {
			// no real DOI has one, and in the path of a request to the DOI
			// services it would climb out of the DOI
			return fmt.Errorf("suffix holds the path segment %q", seg)
		}
	}
	for _, r := range suffix {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x85 || r == 0xa0 || r == 0x2028 || r == 0x2029 || r == utf8.RuneError {
			return fmt.Errorf("suffix holds the character %U", r)
		}
	}
	return nil
}

// decodePercent decodes %XX escapes once. It leaves a "%" that is not
// followed by two hex digits as it is, and reports false when the result
// still holds a %XX escape (a doubly encoded string, which is ambiguous).
func decodePercent(s string) (string, bool) {
	if !strings.Contains(s, "%") {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	out := b.String()
	for i := 0; i+2 < len(out); i++ {
		if out[i] == '%' && isHex(out[i+1]) && isHex(out[i+2]) {
			return out, false
		}
	}
	return out, true
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unhex returns the value of the hexadecimal digit c.
func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// trimDOIPunct removes the punctuation prose puts after a DOI: ".", ",",
// ";", ":", "!", "?", quotes, and a closing bracket with no opening one in
// the DOI.
func trimDOIPunct(s string) string {
	// bracket balances, kept up to date as characters are trimmed, so that
	// trimming stays linear
	parens := strings.Count(s, "(") - strings.Count(s, ")")
	squares := strings.Count(s, "[") - strings.Count(s, "]")
	angle := strings.Contains(s, "<")
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '\u201d', '\u2019', ' ', '\t', '\n', '\r':
		case '>':
			if angle {
				return s
			}
		case ')':
			if parens >= 0 {
				return s
			}
			parens++
		case ']':
			if squares >= 0 {
				return s
			}
			squares++
		default:
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// asciiLower lower-cases ASCII letters only: the handle system folds the
// case of ASCII letters and leaves other characters alone.
func asciiLower(s string) string {
	for i := range len(s) {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
