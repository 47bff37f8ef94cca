package citations

import (
	"strings"
)

// This file holds the rules for the year of publication: next to the
// authors ("(2019)."), or later in the entry.

// originalDateEnd returns where the date of first publication that may
// follow the year of an edition ends, or i when there is none: "McLintock,
// Alexander, ed. (April 2009) [originally published in 1966]. Sir George
// Gipps.", "Darwin, C. (2009) [1859]. On the Origin of Species." A
// bracket without a year, "(2019) [Video]", is left to the title.
func originalDateEnd(s string, i int) int {
	if i >= len(s) || s[i] != '[' {
		return i
	}
	k := strings.IndexByte(s[i:min(len(s), i+48)], ']')
	if k < 0 || firstYear(s[i+1:i+k]) == "" {
		return i
	}
	return i + k + 1
}

// yearAt reads a year at s[i:]: "2019", "2019a", "(2019)", "(2019, May 3)",
// "(n.d.)", "n.d.". It returns the year and where it ends.
func yearAt(s string, i int) (year string, end int) {
	if i >= len(s) {
		return "", i
	}
	paren := false
	j := i
	if s[j] == '(' || s[j] == '[' {
		paren = true
		j++
	}
	if strings.HasPrefix(s[j:], "n.d.") || strings.HasPrefix(s[j:], "n. d.") || strings.HasPrefix(s[j:], "o.J.") || strings.HasPrefix(s[j:], "s.d.") {
		e := j + len("n.d.")
		if strings.HasPrefix(s[j:], "n. d.") {
			e = j + len("n. d.")
		}
		if paren {
			if k := strings.IndexAny(s[e:], ")]"); k >= 0 && k < 20 {
				e += k + 1
			}
		}
		return "n.d.", e
	}
	if paren {
		// "(2019, May 3)", "(May 3, 2019)", "(Spring 2019)"
		k := strings.IndexAny(s[j:], ")]")
		if k < 0 || k > 40 {
			return "", i
		}
		inner := s[j : j+k]
		if y := firstYear(inner); y != "" {
			return y, j + k + 1
		}
		return "", i
	}
	e := j
	for e < len(s) && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e-j != 4 || !plausibleYear(s[j:e]) {
		return "", i
	}
	y := e
	if y < len(s) && s[y] >= 'a' && s[y] <= 'h' && (y+1 == len(s) || !refWordByte(s[y+1])) {
		y++
	}
	if y < len(s) && refWordByte(s[y]) {
		return "", i
	}
	if y < len(s) && (s[y] == '/' || s[y] == '-' || s[y] == '(') {
		return "", i
	}
	return s[j:y], y
}

// firstYear returns the first plausible year (with suffix) in s.
func firstYear(s string) string {
	if i, e := yearSpan(s); i >= 0 {
		return s[i:e]
	}
	if strings.Contains(s, "n.d.") {
		return "n.d."
	}
	return ""
}

// yearSpan returns where the first plausible year (with suffix) in s
// starts and ends, or -1, -1.
func yearSpan(s string) (start, end int) {
	for i := 0; i+4 <= len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && refWordByte(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && plausibleYear(s[i:j]) {
			e := j
			if e < len(s) && s[e] >= 'a' && s[e] <= 'h' && (e+1 == len(s) || !refWordByte(s[e+1])) {
				e++
			}
			if e == len(s) || !refWordByte(s[e]) {
				return i, e
			}
		}
		i = j
	}
	return -1, -1
}

// findYear finds the publication year in the part of an entry after the
// title: the first plausible year that is not a page range or a volume.
func findYear(s string) string {
	best := ""
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 && (refWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == ':' || s[i-1] == '.' || s[i-1] == '/') {
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && plausibleYear(s[i:j]) {
			e := j
			if e < len(s) && s[e] >= 'a' && s[e] <= 'h' && (e+1 == len(s) || !refWordByte(s[e+1])) {
				e++
			}
			ok := e == len(s) || !refWordByte(s[e])
			if ok && e < len(s) && (s[e] == '(' || s[e] == ':') {
				ok = false // a volume: "2019(3)", "2019:45"
			}
			if ok && e+1 < len(s) && (s[e] == '-' || strings.HasPrefix(s[e:], "–")) && s[min(e+1, len(s)-1)] >= '0' {
				// "1988–1992" may be a span of years or pages: keep the first
				// only when it is followed by another plausible year
				k := e + 1
				if s[e] != '-' {
					k = e + len("–")
				}
				if k+4 > len(s) || !plausibleYear(s[k:min(k+4, len(s))]) {
					ok = false
				}
			}
			if ok {
				if i > 0 && s[i-1] == '(' {
					return s[i:e]
				}
				if best == "" {
					best = s[i:e]
				}
			}
		}
		i = j
	}
	if best == "" && strings.Contains(s, "n.d.") {
		return "n.d."
	}
	return best
}

func plausibleYear(y string) bool {
	if len(y) != 4 {
		return false
	}
	return y >= "1500" && y <= "2099"
}

func isYearText(s string) bool {
	return len(s) >= 4 && plausibleYear(s[:4]) && (len(s) == 4 || len(s) == 5 && s[4] >= 'a' && s[4] <= 'z')
}

// startsDate reports whether s starts with a month or a year.
func startsDate(s string) bool {
	if startsOneOf(s, months, &monthStart) {
		return true
	}
	y, _ := yearAt(s, 0)
	return y != ""
}
