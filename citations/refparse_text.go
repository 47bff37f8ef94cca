package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the small tests on the characters and words of an entry
// that the field readers share.

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	i := strings.LastIndexAny(s, " (")
	return s[i+1:]
}

// token is one white-space separated word of the entry.
type token struct {
	s          string
	start, end int
}

// nextToken returns the token starting at or after i.
func nextToken(s string, i int) (token, bool) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) {
		return token{}, false
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' {
		j++
	}
	return token{s: s[i:j], start: i, end: j}, true
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '‘', '‹', '\'', '‚', '»':
		return true
	}
	return false
}

// firstField returns strings.Fields(s)[0], or "" when s has no field.
func firstField(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

func closingQuote(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '„':
		return '“'
	case '«':
		return '»'
	case '‘':
		return '’'
	case '‹':
		return '›'
	case '‚':
		return '‘'
	case '»':
		return '«'
	}
	return r
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// cleanField trims white space, surrounding quotes and trailing
// punctuation from a field.
func cleanField(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " ,;:.")
		t = strings.TrimLeft(t, " ,;:.")
		r, n := utf8.DecodeRuneInString(t)
		if n > 0 && isQuote(r) && r != '\'' {
			t = t[n:]
		}
		r, n = utf8.DecodeLastRuneInString(t)
		if n > 0 && isQuote(r) && r != '\'' {
			t = t[:len(t)-n]
		}
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	if strings.HasSuffix(s, ")") {
		// "Title (2nd ed.)"
		if i := strings.LastIndex(s, " ("); i > 0 && strings.Contains(s[i:], "ed") && len(s)-i < 20 {
			s = strings.TrimRight(s[:i], " ,.")
		}
	}
	return s
}

func skipPunct(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '.', ',', ';', ':', ')', ']':
			i++
			continue
		}
		break
	}
	return i
}

func refWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
