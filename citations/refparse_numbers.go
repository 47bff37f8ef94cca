package citations

import (
	"strings"
	"unicode"
)

// This file holds the rules for a container's volume, issue and pages.

// detailWords start the numeric details of a container.
var detailWords = []string{
	"vol.", "Vol.", "vol ", "Vol ", "Volume ", "volume ", "Bd.", "Jg.", "no.", "No.", "nr.", "Nr.", "issue ", "Issue ",
	"pp.", "pp ", "p.", "S.", "pages ", "page ", "Pp.", "n°", "N°", "núm.", "t.", "Heft ", "H. ", "v. ", "v.", "vols. ", "Vols. ",
}

// startsDetails reports whether s starts with a volume, issue or page marker.
func startsDetails(s string) bool {
	if s == "" || !detailStart[s[0]] {
		return false
	}
	for _, d := range detailWords {
		if strings.HasPrefix(s, d) {
			rest := strings.TrimLeft(s[len(d):], " ")
			if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || d[0] == 'v' || d[0] == 'V') {
				return true
			}
		}
	}
	return false
}

// scanNumbers reads volume, issue and pages from the details of a
// container: "vol. 3, no. 2, pp. 45–67", "12(3):45-67", "85, 768-776",
// "2019;12(3):45-67", "29(5), 2010".
func scanNumbers(r *Reference, s string) {
	for i := 0; i < len(s); {
		rest := s[i:]
		matched := false
		for _, d := range detailWords {
			if !detailStart[rest[0]] {
				break
			}
			if !strings.HasPrefix(rest, d) || i > 0 && refWordByte(s[i-1]) {
				continue
			}
			k := i + len(d)
			for k < len(s) && s[k] == ' ' {
				k++
			}
			num, e := numberAt(s, k, d[0] == 'p' || d[0] == 'P' || d[0] == 'S' || d[0] == 'H' && d != "H. ")
			if num == "" {
				continue
			}
			switch d[0] {
			case 'v', 'V', 'B', 'J', 't':
				if r.Volume == "" {
					r.Volume = num
				}
			case 'n', 'N', 'i', 'I', 'H':
				if d[0] == 'n' && d[1] == '°' || d[0] == 'N' && d != "Nr." && d != "No." {
					if r.Volume == "" {
						r.Volume = num
						break
					}
				}
				if r.Issue == "" {
					r.Issue = num
				}
			default:
				if r.Pages == "" {
					r.Pages = num
				}
			}
			i = e
			matched = true
			break
		}
		if matched {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' || i > 0 && (refWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == '.') {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n := s[i:j]
		next := byte(0)
		if j < len(s) {
			next = s[j]
		}
		switch {
		case j-i == 4 && plausibleYear(n) && (next == ';' || next == 0 || next == ',' || next == '.' || next == ')' || next == ' '):
			if r.Year == "" && next == ';' {
				r.Year = n
			}
			i = j
			continue
		case next == '(' || next == ' ' && j+1 < len(s) && s[j+1] == '(':
			// "12(3)" or "12 (3)"
			k := j
			if next == ' ' {
				k++
			}
			e := strings.IndexByte(s[k:], ')')
			if e > 0 && e < 15 {
				if r.Volume == "" {
					r.Volume = n
				}
				in := strings.TrimSpace(s[k+1 : k+e])
				if isYearText(in) && allDigits(in[:4]) {
					// "60 (1993)": the year, not an issue
					if r.Year == "" {
						r.Year = in
					}
				} else if r.Issue == "" {
					r.Issue = in
				}
				p := k + e + 1
				p = skipSep(s, p)
				if pg, pe := numberAt(s, p, true); pg != "" && r.Pages == "" && !isBareYear(s, p, pe) {
					r.Pages = pg
					p = pe
				}
				i = p
				continue
			}
		case next == ':' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			// "40:1477-81"
			if r.Volume == "" {
				r.Volume = n
			}
			if pg, pe := numberAt(s, j+1, true); pg != "" && r.Pages == "" {
				r.Pages = pg
				i = pe
				continue
			}
		case next == '-' || strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—"):
			if pg, pe := numberAt(s, i, true); pg != "" && r.Pages == "" && !dateRange(s, i, pe) && !reportNumber(s, i) {
				r.Pages = pg
				i = pe
				continue
			}
		case next == ',' || next == ':' || next == ' ' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			// "85, 768-776", "106, 4894", "8, 117–129"
			p := skipSep(s, j)
			if r.Volume == "" && r.Pages == "" && j-i <= 4 {
				if pg, pe := numberAt(s, p, true); pg != "" && !isBareYear(s, p, pe) {
					r.Volume = n
					if issueBeforeDate(s, pg, pe) {
						// "36, 3 (1988), 454-469": volume, issue, date, pages
						r.Issue = pg
						i = pe
						continue
					}
					r.Pages = pg
					i = pe
					continue
				}
			}
		}
		if next == '.' && r.Volume == "" && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			// "Film Comment 40.1 (January 2004)": MLA's volume.issue
			k := j + 1
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k-j <= 3 && j-i <= 3 && (strings.HasPrefix(s[k:], " (") || k < len(s) && s[k] == ',') {
				r.Volume = n
				if r.Issue == "" {
					r.Issue = s[j+1 : k]
				}
				i = k
				if c := strings.IndexByte(s[k:], ')'); c > 0 && c < 40 && r.Pages == "" {
					// "(January 2004): 17": the pages after the date
					p := skipSep(s, k+c+1)
					if pg, pe := numberAt(s, p, true); pg != "" && !isBareYear(s, p, pe) {
						r.Pages = pg
						i = pe
					}
				}
				continue
			}
		}
		if r.Pages == "" && pageCountAt(s, j) && (i == 0 || s[i-1] == ' ' || s[i-1] == ',') && !(j-i == 4 && plausibleYear(n)) {
			r.Pages = n // "368 pp.": the number of pages of a book
			i = j
			continue
		}
		if r.Volume == "" && r.Pages == "" && j-i <= 4 && !(j-i == 4 && plausibleYear(n)) && i == firstDigit(s) && !(next == ' ' && startsDate(s[j+1:])) &&
			(next == ',' || next == ';' || next == ' ' || next == 0) && (i == 0 || s[i-1] == ' ') && !dayOfMonth(s, i) && !pageCountAt(s, j) {
			r.Volume = n
		}
		i = j
	}
}

// firstDigit returns the index of the first digit in s.
func firstDigit(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// isBareYear reports whether s[i:e] is a lone plausible year.
func isBareYear(s string, i, e int) bool {
	return e-i == 4 && plausibleYear(s[i:e])
}

func skipSep(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == ',' || s[i] == ':' || s[i] == '.') {
		i++
	}
	return i
}

// numberAt reads a number, or with pages a range ("45–67", "e1002",
// "26:1–26:15", "S12-S19"), at s[i:].
func numberAt(s string, i int, pages bool) (num string, end int) {
	j := i
	ok := false
	for j < len(s) {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			ok = true
			j++
			continue
		case pages && (c == 'e' || c == 'S' || c == 'A' || c == 'R') && j == i && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			j++
			continue
		case pages && ok && (c == '-' || c == ':'):
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				continue
			}
			if j+2 < len(s) && (s[j+1] == 'S' || s[j+1] == 'e') && s[j+2] >= '0' && s[j+2] <= '9' {
				j += 2
				continue
			}
		case pages && ok && c == 0xe2: // "–" or "—"
			if strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—") {
				if k := j + 3; k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == 'S' || s[k] == 'e') {
					j = k
					continue
				}
			}
		case !pages && !ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && j < i+6:
			// roman volume numbers: "vol. ii", "Bd. IV"
			j++
			continue
		}
		break
	}
	if !ok && !(j > i && !pages && isRoman(s[i:j])) {
		return "", i
	}
	if !pages && j > i && !ok && !isRoman(s[i:j]) {
		return "", i
	}
	if j > i && ok && !pages && (s[i] < '0' || s[i] > '9') {
		return "", i
	}
	return s[i:j], j
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	// rune by rune, as strings.ToLower(s) would lower it
	for _, c := range s {
		switch unicode.ToLower(c) {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			return false
		}
	}
	return true
}

// hasDetailDigits reports whether s holds a number other than a year.
func hasDetailDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j+1 < len(s) && (s[j:j+2] == "th" || s[j:j+2] == "nd" || s[j:j+2] == "rd" || s[j:j+2] == "st") && strings.Contains(s[j:min(len(s), j+14)], "ed") {
			i = j
			continue // "5th edition", "2nd ed."
		}
		if !(j-i == 4 && plausibleYear(s[i:j])) {
			return true
		}
		i = j
	}
	return false
}
