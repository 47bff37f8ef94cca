package verify

import "unicode/utf8"

// Byte-level helpers shared by the scanners. Positions are byte offsets;
// every helper returns offsets on UTF-8 boundaries.

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }

// spaceLen returns the length of the space character at i (space, tab, one
// line break, no-break and thin spaces), or 0.
func spaceLen(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch c := text[i]; c {
	case ' ', '\t', '\n', '\r':
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0xA0 { // U+00A0
			return 2
		}
	case 0xE2:
		// U+2009 thin space, U+202F narrow no-break space, U+2006, U+2008
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x89, 0xAF, 0x86, 0x88:
				return 3
			}
		}
	}
	return 0
}

// skipSpace skips at most two space characters at i: figures, their units
// and hedges are written a space apart.
func skipSpace(text string, i int) int {
	if i < len(text) && text[i]-'!' < 0xC2-'!' {
		return i // a byte from '!' to 0xC1 starts no space character (see spaceLen)
	}
	return skipSpaces(text, i)
}

// skipSpaces is skipSpace at a byte that may start a space character.
func skipSpaces(text string, i int) int {
	if i+1 < len(text) && text[i] == ' ' && text[i+1]-'!' < 0xC2-'!' {
		return i + 1 // one space, the commonest case
	}
	for k := 0; k < 2; k++ {
		n := spaceLen(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// skipSpaceBack returns the offset after the last non-space character
// before i, crossing at most two space characters.
func skipSpaceBack(text string, i int) int {
	if i > 0 && text[i-1]-'!' < utf8.RuneSelf-'!' {
		return i // an ASCII byte from '!' ends no space character
	}
	return skipSpacesBack(text, i)
}

// skipSpacesBack is skipSpaceBack after a byte that may end a space
// character.
func skipSpacesBack(text string, i int) int {
	for k := 0; k < 2 && i > 0; k++ {
		switch {
		case text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n' || text[i-1] == '\r':
			i--
		case i >= 2 && text[i-2] == 0xC2 && text[i-1] == 0xA0:
			i -= 2
		case i >= 3 && spaceLen(text, i-3) == 3:
			i -= 3
		default:
			return i
		}
	}
	return i
}

// letterEnd returns the end of the ASCII letter run at i.
func letterEnd(text string, i int) int {
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	return i
}

// wordAt returns the ASCII word at i after at most two spaces: its start
// and end, equal when there is none.
func wordAt(text string, i int) (int, int) {
	i = skipSpace(text, i)
	return i, letterEnd(text, i)
}

// prevWord returns the ASCII word that ends before i, across at most two
// spaces and a full stop ("c. 1900"): start and end, equal when there is
// none.
func prevWord(text string, i int) (ws, we int) {
	j := skipSpaceBack(text, i)
	if j > 0 && text[j-1] == '.' {
		j--
	}
	we = j
	for j > 0 && isLetter(text[j-1]) && we-j < 32 {
		j--
	}
	if j > 0 && (isLetter(text[j-1]) || isDigit(text[j-1])) {
		return we, we
	}
	return j, we
}

// runeBefore returns the rune that ends at i and its size, or (0, 0).
func runeBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

// appendLower appends w lowercased (ASCII) to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
