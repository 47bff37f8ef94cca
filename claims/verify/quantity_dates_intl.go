package verify

import (
	"unicode"
	"unicode/utf8"
)

// Dates written in French, Spanish, Portuguese, Italian and German, whose
// month names are lower case but in German ("le 3 mars 2019", "el 12 de
// octubre de 2020", "em novembro de 1998", "il 3 marzo 2019", "am
// 3. März 2019"): a month name counts only next to a day or a year.

// intlMonths maps a month name of those languages, lower case, to its
// number. Names spelt as in English ("november", "september") are there
// too, for the lower-case forms of the languages that share them.
var intlMonths = map[string]int{
	// French
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	// Spanish
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	// Portuguese
	"janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
	// Italian
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
	"ottobre": 10, "dicembre": 12,
	// German
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "juni": 6, "juli": 7, "august": 8,
	"september": 9, "oktober": 10, "november": 11, "dezember": 12,
}

// intlMonthStart reports whether c0 and c1, the first letter in either
// case, can be the first two bytes of a name of intlMonths (see
// TestIntlMonthStart).
func intlMonthStart(c0, c1 byte) bool {
	switch uint16(c0|0x20)<<8 | uint16(c1) {
	case 'j'<<8 | 'a', 'j'<<8 | 'u', 'j'<<8 | 0xc3, 'f'<<8 | 'e', 'f'<<8 | 0xc3, 'm'<<8 | 'a', 'm'<<8 | 0xc3,
		'a'<<8 | 'v', 'a'<<8 | 'o', 'a'<<8 | 'b', 'a'<<8 | 'g', 'a'<<8 | 'p', 'a'<<8 | 'u',
		's'<<8 | 'e', 'o'<<8 | 'c', 'o'<<8 | 'k', 'o'<<8 | 'u', 'o'<<8 | 't', 'n'<<8 | 'o',
		'd'<<8 | 'e', 'd'<<8 | 'i', 'd'<<8 | 0xc3, 'e'<<8 | 'n', 'g'<<8 | 'e', 'g'<<8 | 'i', 'l'<<8 | 'u':
		return true
	}
	return false
}

// maxIntlMonth is the longest name of intlMonths in bytes.
const maxIntlMonth = len("septiembre")

// intlMonthAt reads a month name of intlMonths at i, written in lower
// case or with a capital initial, and returns its number and end; 0 and i
// when there is none.
func intlMonthAt(t string, i int) (int, int) {
	var buf [maxIntlMonth]byte
	n, j := 0, i
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsLetter(r) {
			break
		}
		if n+size > len(buf) {
			return 0, i
		}
		if j == i && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if unicode.IsUpper(r) {
			return 0, i // "MARS", "MayDay"
		}
		n += utf8.EncodeRune(buf[n:], r)
		j += size
	}
	m, ok := intlMonths[string(buf[:n])]
	if !ok || n < 3 {
		return 0, i
	}
	if isUpper(t[i]) {
		switch string(buf[:n]) {
		case "mars", "mayo", "marco", "julio":
			return 0, i // the planet, the clinic, names: "Mars 2020 rover"
		}
	}
	return m, j
}

// skipLinkWord skips a "de" or "del" (Spanish, Portuguese) and the space
// after it at i: "12 de octubre de 2020".
func skipLinkWord(t string, i int) int {
	for _, w := range [...]string{"de ", "del "} {
		if len(t) >= i+len(w) && t[i:i+len(w)] == w {
			return skipSpace(t, i+len(w))
		}
	}
	return i
}

// intlDayFirst reads a date whose day comes first, "3 mars 2019", "1er
// mai 2020", "12 de octubre de 2020", "3. März 2019", with or without its
// year, at i, the day's first digit; it returns i when there is none.
func (s *scanner) intlDayFirst(i int) int {
	t := s.text
	d, k, ok := digitsAt(t, i, 2)
	if !ok || d < 1 || d > 31 || k >= len(t) {
		return i
	}
	switch {
	case t[k] == '.': // German: "3. März"
		k++
	case k+2 <= len(t) && t[k:k+2] == "er": // French: "1er mai"
		k += 2
	}
	ms := skipSpace(t, k)
	if ms == k {
		return i
	}
	ms = skipLinkWord(t, ms)
	if ms+1 >= len(t) || !intlMonthStart(t[ms], t[ms+1]) {
		return i // most numbers are followed by a word that names no month
	}
	m, me := intlMonthAt(t, ms)
	if m == 0 {
		return i
	}
	ys := skipLinkWord(t, skipSpace(t, me))
	return s.emitDay(i, ys, me, m, d)
}

// intlMonthYear reads the year at i, the first of its four digits, as the
// month of a year when the name of a month of intlMonths comes before it,
// "novembre 1998", "noviembre de 1998", "März 2019", and returns the end;
// it returns i when there is none.
func (s *scanner) intlMonthYear(i int) int {
	t := s.text
	y, ye, ok := yearAt(t, i)
	if !ok {
		return i
	}
	j := skipSpaceBack(t, i)
	if j == i {
		return i
	}
	if j >= 3 && t[j-3:j] == " de" {
		j = skipSpaceBack(t, j-2)
	} else if j >= 4 && t[j-4:j] == " del" {
		j = skipSpaceBack(t, j-3)
	}
	ws := j
	for ws > 0 && j-ws <= maxIntlMonth {
		if c := t[ws-1]; c < utf8.RuneSelf {
			if !isLetter(c) {
				break
			}
			ws--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(t[:ws])
		if !unicode.IsLetter(r) {
			break
		}
		ws -= size
	}
	if ws+1 >= j || ws > 0 && s.text[ws-1] != ' ' && s.text[ws-1] != '(' && s.text[ws-1] != '\n' || !intlMonthStart(t[ws], t[ws+1]) {
		return i
	}
	m, me := intlMonthAt(t, ws)
	if m == 0 || me != j || len(s.out) > 0 && s.out[len(s.out)-1].Span.End > ws {
		return i
	}
	return s.emitDate(ws, ye, dayNumber(y, m, 1), dayNumber(y, m+1, 1)-1)
}
