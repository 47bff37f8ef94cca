package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules for where a title ends: at its closing quote,
// at the end of its sentence, or at a comma before a container, a journal
// and its numbers, or a book's place and publisher.

// titleAt reads a title at s[i:]: a quoted title, or the text up to the
// first sentence end. It returns the title and where it ends.
func titleAt(s string, i int) (title string, end int) {
	if i >= len(s) {
		return "", len(s)
	}
	if strings.HasPrefix(s[i:], "``") {
		if j := strings.Index(s[i+2:], "''"); j >= 0 {
			return s[i+2 : i+2+j], i + 2 + j + 2
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isQuote(r) && r != '\'' {
		closeQ := closingQuote(r)
		for j := i + n; j < len(s); {
			c, m := utf8.DecodeRuneInString(s[j:])
			if c == closeQ || closeQ == '"' && c == '”' || c == '"' && r == '“' {
				// a quote that closes at a word end
				if k := j + m; k == len(s) || !refWordByte(s[k]) {
					if quoteContinues(s[k:]) {
						break // "“Be like” et al. beyond America: …": a quote opening a longer title
					}
					return s[i+n : j], j + m
				}
			}
			j += m
		}
	}
	end = sentenceEnd(s, i)
	if c := containerComma(s, i, end); c > 0 {
		end = c
		if c := commaBeforeJournal(s, i, end); c > 0 {
			end = c // "Title, The Architects’ Journal, vol. 21"
		}
	} else if c := commaBeforeJournal(s, i, end); c > 0 {
		end = c
	} else if c := commaBeforeImprint(s, i, end); c > 0 {
		end = c
	}
	if c := commaBeforePublisher(s, i, end); c > 0 {
		end = c
	}
	if c := commaBeforeEditorNote(s, i, end); c > 0 {
		end = c
	}
	return s[i:end], end
}

// quoteContinues reports whether the text after a closing quote goes on
// with the title: a lower-case word other than "in", or a dash.
func quoteContinues(s string) bool {
	if !strings.HasPrefix(s, " ") {
		return false
	}
	s = s[1:]
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "– ") {
		return true
	}
	w, _, _ := strings.Cut(s[:min(len(s), 40)], " ")
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch strings.TrimRight(w, ",.:") {
	case "in", "and", "und", "dans", "en", "em", "im", "pp", "p", "vol", "no", "trans", "ed", "eds", "edited", "translated", "by", "available", "retrieved", "accessed",
		"preprint", "submitted", "unpublished", "manuscript", "mimeo", "arxiv", "technical", "working":
		return false
	}
	return true
}

// stemWordOK reports whether rest, which starts with the container start
// c, starts with it as a word: c ends in punctuation or a space, the word
// is c itself, or the word is one c abbreviates.
func stemWordOK(rest, c string) bool {
	if last := c[len(c)-1]; last == '.' || last == ' ' || last == ':' {
		return true
	}
	if len(rest) == len(c) || !unicode.IsLetter(rune(rest[len(c)])) {
		return true
	}
	w := rest
	if i := strings.IndexAny(w, " ,.;:"); i >= 0 {
		w = w[:i]
	}
	return w == c || stemWords[w] || strings.HasPrefix(c, "Proceedings") || len(c) >= 7
}

// containerComma returns where a title in s[i:end] ends at a comma that
// is followed by a container, or 0.
func containerComma(s string, i, end int) int {
	depth := 0
	for j := i; j < end-1; j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 || s[j+1] != ' ' || j-i < 8 {
				continue
			}
			rest := s[j+2:]
			for _, c := range containerStarts {
				if strings.HasPrefix(rest, c) && stemWordOK(rest, c) {
					return j
				}
			}
			if startsDetails(rest) || rest != "" && rest[0] == '(' && pagesAfterParenYear(rest) {
				return j
			}
		}
	}
	return 0
}

// commaBeforeJournal returns where a title in s[i:end] ends at a comma
// followed by a journal name and its numbers, as comma-separated styles
// write it ("Title, Math. Programming, 60 (1993), pp. 295–337", "Titre,
// Le Moyen Âge, 69, 1963, 75-86"), or 0. The journal's segment may run past
// end when its name is abbreviated ("Math.").
func commaBeforeJournal(s string, i, end int) int {
	depth := 0
	for j := i; j < end-1 && j < i+400; j++ {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 || s[j+1] != ' ' || j-i < 8 {
				continue
			}
			if journalThenDetails(s[j+2:]) {
				return j
			}
		}
	}
	return 0
}

// commaBeforeImprint returns where a title in s[i:end] ends at a comma
// followed by the book's place and publisher and its year at the end of
// the entry, as French and other European styles write it ("Titre,
// Paris, Gallimard, 2000."), or 0.
func commaBeforeImprint(s string, i, end int) int {
	for j := i + 8; j < end-1 && j < i+400; j++ {
		if s[j] == ',' && s[j+1] == ' ' && imprintTail(s[j+2:]) {
			return j
		}
	}
	return 0
}

// imprintTail reports whether s is one to three capitalised segments
// separated by commas, then a year and little more: "Paris, Seuil, 2001.",
// "Editions Tchou, 1969".
func imprintTail(s string) bool {
	if len(s) > 200 {
		return false // too long for a place, a publisher and a year
	}
	segs := 0
	for segs < 4 {
		if len(s) >= 4 && allDigits(s[:4]) && plausibleYear(s[:4]) {
			rest := strings.TrimSpace(s[4:])
			return segs >= 1 && len(rest) <= 20 && !strings.ContainsAny(rest, ":;")
		}
		seg, rest, ok := strings.Cut(s, ", ")
		if !ok {
			return segs >= 1 && imprintEnd(seg)
		}
		if !imprintSegment(seg) {
			return false
		}
		segs++
		s = rest
	}
	return false
}

// pagesAfterYear reports whether s, the text after a year, goes on with a
// page range: ", 5-23".
func pagesAfterYear(s string) bool {
	s = strings.TrimLeft(s, ", ")
	pg, _ := numberAt(s, 0, true)
	return pg != "" && strings.ContainsAny(pg, "-–—")
}

// journalThenDetails reports whether s starts with a capitalised name,
// periods only after abbreviated words, followed by ", " or " " and a
// volume, issue, page or year.
func journalThenDetails(s string) bool {
	if !startsUpper(s) {
		return false
	}
	words := 0
	for j := 0; j < len(s) && j < 100; j++ {
		switch c := s[j]; c {
		case ',', ';':
			rest := strings.TrimLeft(s[j+1:], " ")
			if len(rest) >= 4 && allDigits(rest[:4]) && plausibleYear(rest[:4]) && !pagesAfterYear(rest[4:]) {
				return false // "Paris, Gallimard, 2000": a publisher and its year
			}
			return words <= 8 && rest != "" && (rest[0] >= '0' && rest[0] <= '9' && !numberInName(rest, 0) || startsDetails(rest) || startsRomanVolume(rest))
		case '.':
			if w := lastWord(s[:j]); j+1 < len(s) && s[j+1] == ' ' && !(isAbbrevWord(w) && len(w) <= 5) {
				return false
			}
		case ' ':
			words++
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' && words >= 1 {
				// "Rev Med Suisse 2009;5: 1882-1889", "Geology 24, 963"
				k := j + 1
				for k < len(s) && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				return k < len(s) && (s[k] == ';' || s[k] == ',' || s[k] == ':' || s[k] == '(') && words <= 8
			}
		case ':', '?', '!', '"':
			return false
		}
	}
	return false
}

// sentenceEnd returns the index just past the end of the sentence (title or
// segment) starting at i: a period, question or exclamation mark followed by
// a space, not after an abbreviation or an initial.
func sentenceEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		c := s[j]
		switch c {
		case '(', '[':
			if c == '(' && depth == 0 && j > i && s[j-1] == ' ' && publicationParen(s[j:]) {
				return j - 1 // "Title (New York: Norton, 1990)"
			}
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '?', '!':
			if j+2 < len(s) && s[j+1] == ' ' && s[j+2] >= 'a' && s[j+2] <= 'z' && !strings.HasPrefix(s[j+2:], "in ") {
				continue // "It’s not or isn’t it? using large corpora …"
			}
			if j+1 == len(s) || s[j+1] == ' ' {
				return j + 1
			}
		case '.':
			if j+1 < len(s) && s[j+1] != ' ' {
				continue
			}
			if j+1 == len(s) {
				return j
			}
			if depth > 0 && j-i < 200 {
				continue
			}
			if romanPartAt(s, j+2) {
				continue // "Fourier integral operators. II."
			}
			w := lastWord(s[i:j])
			if isAbbreviation(w) {
				continue
			}
			return j
		case ',':
			// German and French chapter titles: "Titel, in: Buch"
			if strings.HasPrefix(s[j:], ", in:") || strings.HasPrefix(s[j:], ", In:") || strings.HasPrefix(s[j:], ", in ") && j+5 < len(s) && s[j+5] >= 'A' && s[j+5] <= 'Z' {
				return j
			}
			// "Title, trans. John Smith", "Title, ed. Jane Doe", "Title, 2 vols."
			if j > i && afterTitleNote(s[j+1:]) {
				return j
			}
		}
	}
	return len(s)
}

// afterTitleNote reports whether s, the text after a comma, starts a note
// on a title: "trans. …", "ed. …", "2 vols.".
func afterTitleNote(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, n := range titleNotes {
		if len(s) >= len(n) && strings.EqualFold(s[:len(n)], n) && s[0] >= 'a' && s[0] <= 'z' {
			return true
		}
	}
	if strings.HasPrefix(s, "Rev. ed") || strings.HasPrefix(s, "rev. ed") || isSideNote(s) && s[0] >= '0' && s[0] <= '9' {
		return true // "Rev. ed.", "2nd ed."
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i <= 2 && (strings.HasPrefix(s[i:], " vols") || strings.HasPrefix(s[i:], " Bde") || strings.HasPrefix(s[i:], " tomes"))
}

// publicationParen reports whether s starts with a parenthesis holding a
// book's facts of publication: a place, a colon, a publisher and a year,
// "(London: Hurst and Blackett, 1938)", or a translator or editor,
// "(trans.)", "(ed.)".
func publicationParen(s string) bool {
	k := strings.IndexByte(s[:min(len(s), 162)], ')')
	if k < 0 || k > 160 {
		return false
	}
	in := s[1:k]
	switch strings.ToLower(strings.TrimRight(in, ".")) {
	case "trans", "tr", "ed", "eds", "transl", "hrsg", "hg":
		return true
	}
	if !startsUpper(in) || strings.Contains(in, "(") {
		return false
	}
	if c := strings.Index(in, ": "); c > 0 && c < 60 && startsUpper(in[c+2:]) && (firstYear(in[c:]) != "" || looksPublisher(in[c:])) {
		return true // "(London: Hurst and Blackett, 1938)", "(New York: Plenum)"
	}
	l := strings.ToLower(in)
	if strings.HasSuffix(l, ", trans.") || strings.HasSuffix(l, ", eds.") || strings.HasSuffix(l, ", ed.") || strings.HasSuffix(l, ", trans") {
		return true // "(H. J. Silverman, Trans.)"
	}
	// "(Oxford University Press, 2000)", "(Berlin, 1996)", and any
	// "(…, 2005)" that ends the entry
	k = strings.LastIndex(in, ", ")
	if k <= 0 || !isYearText(strings.TrimRight(in[k+2:], ".")) {
		return false
	}
	return looksPublisher(in[:k]) || strings.Trim(s[len(in)+2:], " .,;") == ""
}

// romanPartAt reports whether s[i:] starts with the Roman number of a
// part of a title, "I." to "X.", followed by a space or the end.
func romanPartAt(s string, i int) bool {
	j := i
	for j < len(s) && j-i < 4 && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X') {
		j++
	}
	return j > i && j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] == ' ')
}

// isAbbreviation reports a word after which a period does not end a title.
func isAbbreviation(w string) bool {
	switch w {
	case "vs", "v", "e.g", "i.e", "etc", "St", "Dr", "Mr", "Mrs", "Ms", "U.S", "U.K", "U.S.A", "Jr", "Sr", "cf", "al", "ca", "approx", "Inc", "Ltd", "Co", "No", "no", "Vol", "vol", "Fig", "Nos", "Mt", "Ft":
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
}
