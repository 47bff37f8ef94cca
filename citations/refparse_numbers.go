package citations

import (
	"strings"
	"unicode"
)

// This file holds the rules for a container's volume, issue and pages.

// detailField is the field a detail word's number fills.
type detailField uint8

const (
	fieldVolume detailField = iota
	fieldIssue
	fieldPages
	// fieldVolumeOrIssue fills the volume, or the issue once the volume
	// is known.
	fieldVolumeOrIssue
)

// detailWord is a word that starts a volume, issue or page number in the
// details of a container, and how to read the number after it.
type detailWord struct {
	word  string
	field detailField
	// asPages reads the number as pages are written: a range or a
	// prefixed number ("45–67", "S12", "e1002"), never a Roman numeral.
	asPages bool
	// anyAfter lets the word start the details before anything, a Roman
	// numeral or a word ("vol. ii"); the other words need a digit.
	anyAfter bool
}

// detailWords are the words that start the numeric details of a
// container. A style's word for a volume, issue or page is one row; the
// first row that matches and has a number after it wins, so a longer word
// goes before a shorter one that starts it ("v. " before "v.").
var detailWords = []detailWord{
	{word: "vol.", field: fieldVolume, anyAfter: true}, // "vol. 3", "vol. ii"
	{word: "Vol.", field: fieldVolume, anyAfter: true},
	{word: "vol ", field: fieldVolume, anyAfter: true},
	{word: "Vol ", field: fieldVolume, anyAfter: true},
	{word: "Volume ", field: fieldVolume, anyAfter: true}, // "Volume 12"
	{word: "volume ", field: fieldVolume, anyAfter: true},
	{word: "Bd.", field: fieldVolume},   // German Band: "Bd. IV", "Bd. 12"
	{word: "Jg.", field: fieldVolume},   // German Jahrgang: "Jg. 45"
	{word: "no.", field: fieldIssue},    // "no. 2"
	{word: "No.", field: fieldIssue},    // "No. 2"
	{word: "nr.", field: fieldIssue},    // "nr. 4"
	{word: "Nr.", field: fieldIssue},    // German and Dutch Nummer: "Nr. 4"
	{word: "issue ", field: fieldIssue}, // "issue 3"
	{word: "Issue ", field: fieldIssue},
	{word: "pp.", field: fieldPages, asPages: true},    // "pp. 45–67"
	{word: "pp ", field: fieldPages, asPages: true},    // "pp 45-67"
	{word: "p.", field: fieldPages, asPages: true},     // "p. 12", "p.112"
	{word: "S.", field: fieldPages, asPages: true},     // German Seite: "S. 45–67"
	{word: "pages ", field: fieldPages, asPages: true}, // "pages 1-26"
	{word: "page ", field: fieldPages, asPages: true},  // "page 7"
	{word: "Pp.", field: fieldPages, asPages: true},
	{word: "n°", field: fieldIssue},                      // French numéro: "n° 4"
	{word: "N°", field: fieldVolumeOrIssue},              // "Revue, N° 12": the volume when none came before
	{word: "núm.", field: fieldIssue},                    // Spanish número: "núm. 3"
	{word: "t.", field: fieldVolume},                     // French tome: "t. 2"
	{word: "Heft ", field: fieldIssue, asPages: true},    // German Heft: "Heft 3-4"
	{word: "H. ", field: fieldIssue},                     // German Heft abbreviated: "H. 2"
	{word: "v. ", field: fieldVolume, anyAfter: true},    // "v. 37"
	{word: "v.", field: fieldVolume, anyAfter: true},     // "v.37, no.7"
	{word: "vols. ", field: fieldVolume, anyAfter: true}, // "vols. 3"
	{word: "Vols. ", field: fieldVolume, anyAfter: true},
}

// detailStart marks the first bytes of detailWords: a text starting with
// any other byte starts with none of them.
var detailStart = func() (set [256]bool) {
	for _, d := range detailWords {
		set[d.word[0]] = true
	}
	return set
}()

// set puts num in the field d names, unless the field is already filled.
func (d detailWord) set(r *Reference, num string) {
	switch d.field {
	case fieldVolume:
		fillEmpty(&r.Volume, num)
	case fieldIssue:
		fillEmpty(&r.Issue, num)
	case fieldPages:
		fillEmpty(&r.Pages, num)
	case fieldVolumeOrIssue:
		if r.Volume == "" {
			r.Volume = num
		} else {
			fillEmpty(&r.Issue, num)
		}
	}
}

// fillEmpty sets *field to v when it is empty: the first number found for
// a field wins.
func fillEmpty(field *string, v string) {
	if *field == "" {
		*field = v
	}
}

// startsDetails reports whether s starts with a volume, issue or page marker.
func startsDetails(s string) bool {
	if s == "" || !detailStart[s[0]] {
		return false
	}
	for _, d := range detailWords {
		if strings.HasPrefix(s, d.word) {
			rest := strings.TrimLeft(s[len(d.word):], " ")
			if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || d.anyAfter) {
				return true
			}
		}
	}
	return false
}

// detailAt reads a detail word and the number after it at s[i:] ("vol.
// 3", "pp. 45–67") into r, and returns where the number ends. It reports
// false when no detail word with a number starts at i.
func detailAt(r *Reference, s string, i int) (end int, ok bool) {
	if !detailStart[s[i]] || i > 0 && refWordByte(s[i-1]) {
		return i, false
	}
	rest := s[i:]
	for _, d := range detailWords {
		if !strings.HasPrefix(rest, d.word) {
			continue
		}
		k := i + len(d.word)
		for k < len(s) && s[k] == ' ' {
			k++
		}
		num, e := numberAt(s, k, d.asPages)
		if num == "" {
			continue
		}
		d.set(r, num)
		return e, true
	}
	return i, false
}

// scanNumbers reads volume, issue and pages from the details of a
// container: "vol. 3, no. 2, pp. 45–67", "12(3):45-67", "85, 768-776",
// "2019;12(3):45-67", "29(5), 2010". A detail word says what its number
// is; a bare number is read by the byte after it.
func scanNumbers(r *Reference, s string) {
	for i := 0; i < len(s); {
		if e, ok := detailAt(r, s, i); ok {
			i = e
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
				r.Year = n // "BMJ. 2019;365": Vancouver's year before the volume
			}
			i = j
			continue
		case next == '(' || next == ' ' && j+1 < len(s) && s[j+1] == '(':
			if e, ok := volumeParen(r, s, j, n); ok {
				i = e
				continue
			}
		case next == ':' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			if e, ok := volumeColonPages(r, s, j, n); ok {
				i = e
				continue
			}
		case next == '-' || strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—"):
			if e, ok := pageRangeAt(r, s, i); ok {
				i = e
				continue
			}
		case next == ',' || next == ':' || next == ' ' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			if e, ok := volumeCommaPages(r, s, i, j); ok {
				i = e
				continue
			}
		}
		if e, ok := volumeDotIssue(r, s, i, j); ok {
			i = e
			continue
		}
		if r.Pages == "" && pageCountAt(s, j) && (i == 0 || s[i-1] == ' ' || s[i-1] == ',') && !(j-i == 4 && plausibleYear(n)) {
			r.Pages = n // "368 pp.": the number of pages of a book
		} else if loneVolume(r, s, i, j) {
			r.Volume = n
		}
		i = j
	}
}

// volumeParen reads a volume n followed at s[j:] by its issue or year in
// parentheses, and the pages after them: "12(3):45-67", "12 (3), 45-67",
// "60 (1993), pp. 295–337". It reports false when no short parenthesis
// follows.
func volumeParen(r *Reference, s string, j int, n string) (end int, ok bool) {
	k := j
	if s[j] == ' ' {
		k++
	}
	e := strings.IndexByte(s[k:], ')')
	if e <= 0 || e >= 15 {
		return j, false
	}
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
	p := skipSep(s, k+e+1)
	if pg, pe := numberAt(s, p, true); pg != "" && r.Pages == "" && !isBareYear(s, p, pe) {
		r.Pages = pg
		p = pe
	}
	return p, true
}

// volumeColonPages reads a volume n followed at s[j:] by a colon and its
// pages, as Vancouver writes them: "J Endod. 2014;40:1477-81". The volume
// is kept even when the pages are already known; it reports false then.
func volumeColonPages(r *Reference, s string, j int, n string) (end int, ok bool) {
	if r.Volume == "" {
		r.Volume = n
	}
	if pg, pe := numberAt(s, j+1, true); pg != "" && r.Pages == "" {
		r.Pages = pg
		return pe, true
	}
	return j, false
}

// pageRangeAt reads a page range at s[i:], "45–67", unless it is a range of
// dates or a report number ("April 8-11, 1991", "Report 92-43").
func pageRangeAt(r *Reference, s string, i int) (end int, ok bool) {
	if pg, pe := numberAt(s, i, true); pg != "" && r.Pages == "" && !dateRange(s, i, pe) && !reportNumber(s, i) {
		r.Pages = pg
		return pe, true
	}
	return i, false
}

// volumeCommaPages reads the number s[i:j] as a volume followed by its
// pages after a comma or a colon, as physics and chemistry styles write
// them: "85, 768-776", "106, 4894", "8, 117–129"; or by its issue before a
// date, as ACM writes it: "36, 3 (1988), 454-469".
func volumeCommaPages(r *Reference, s string, i, j int) (end int, ok bool) {
	if r.Volume != "" || r.Pages != "" || j-i > 4 {
		return i, false
	}
	p := skipSep(s, j)
	pg, pe := numberAt(s, p, true)
	if pg == "" || isBareYear(s, p, pe) {
		return i, false
	}
	r.Volume = s[i:j]
	if issueBeforeDate(s, pg, pe) {
		r.Issue = pg
	} else {
		r.Pages = pg
	}
	return pe, true
}

// volumeDotIssue reads MLA's volume.issue, "Film Comment 40.1 (January
// 2004): 17", with the pages after the date, from the number s[i:j].
func volumeDotIssue(r *Reference, s string, i, j int) (end int, ok bool) {
	if j >= len(s) || s[j] != '.' || r.Volume != "" || j+1 >= len(s) || s[j+1] < '0' || s[j+1] > '9' {
		return i, false
	}
	k := j + 1
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k-j > 3 || j-i > 3 || !(strings.HasPrefix(s[k:], " (") || k < len(s) && s[k] == ',') {
		return i, false
	}
	r.Volume = s[i:j]
	if r.Issue == "" {
		r.Issue = s[j+1 : k]
	}
	end = k
	if c := strings.IndexByte(s[k:], ')'); c > 0 && c < 40 && r.Pages == "" {
		// "(January 2004): 17": the pages after the date
		p := skipSep(s, k+c+1)
		if pg, pe := numberAt(s, p, true); pg != "" && !isBareYear(s, p, pe) {
			r.Pages = pg
			end = pe
		}
	}
	return end, true
}

// loneVolume reports whether the number s[i:j] is a volume standing alone
// as the first number of the details: "Physics Today 12, 1959", "Geology
// 24". A year, a day of a month or a page count is not.
func loneVolume(r *Reference, s string, i, j int) bool {
	next := byte(0)
	if j < len(s) {
		next = s[j]
	}
	return r.Volume == "" && r.Pages == "" && j-i <= 4 && !(j-i == 4 && plausibleYear(s[i:j])) && i == firstDigit(s) && !(next == ' ' && startsDate(s[j+1:])) &&
		(next == ',' || next == ';' || next == ' ' || next == 0) && (i == 0 || s[i-1] == ' ') && !dayOfMonth(s, i) && !pageCountAt(s, j)
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
