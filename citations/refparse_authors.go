package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules for the author list at the start of an entry:
// where it ends (scanAuthors, scanCorporate, repeatedAuthorsEnd) and the
// family names in it (splitNames).

// repeatedAuthorsEnd returns where a run of dashes or underscores that
// stands for the previous entry's authors ends ("———.", "---,", "______."),
// or 0.
func repeatedAuthorsEnd(s string) int {
	i, n := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '—' && r != '–' && r != '-' && r != '_' && r != '‒' && r != '―' {
			break
		}
		i += size
		n++
	}
	if n == 0 || n == 1 && s[0] == '-' || n == 1 && s[0] == '_' {
		return 0
	}
	if i < len(s) && s[i] != '.' && s[i] != ',' && s[i] != ' ' {
		return 0
	}
	return i
}

// scanCorporate recognises an organisation as author: the first segment of
// the entry, ended by ". " or a parenthesised year, with no comma, containing
// a word such as Institute or Organization. It returns the segment end and
// the name.
func scanCorporate(s string) (end int, name string) {
	limit := min(len(s), 120)
	end = -1
	byComma := false
	for i := 0; i < limit; i++ {
		c := s[i]
		if c == ',' {
			if r, _ := utf8.DecodeRuneInString(s[skipPunct(s, i):]); i > 0 && isQuote(r) {
				end = i // "CONVEX Computer Corporation, "Exemplar …""
				break
			}
			if y, _ := yearAt(s, skipPunct(s, i)); y != "" && i > 0 {
				end = i // "Ponemon Institute, 2019."
				break
			}
			if i > 0 {
				// "Brennan Center for Justice, Crime Trends, …": only
				// with a word that names an organisation
				end, byComma = i, true
				break
			}
		}
		if c == ',' || c == ';' || c == '"' || c == ':' {
			return 0, ""
		}
		if c == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			// an abbreviation such as "Inc." or "U.S." does not end it
			w := lastWord(s[:i])
			if len(w) <= 1 || w == "Inc" || w == "Ltd" || w == "Co" || w == "St" {
				continue
			}
			end = i
			break
		}
		if c == '(' {
			if y, _ := yearAt(s, i); y != "" {
				end = i
			}
			break
		}
	}
	if end <= 0 {
		return 0, ""
	}
	seg := strings.TrimSpace(s[:end])
	words := 0
	for range strings.FieldsSeq(seg) {
		words++
	}
	if words < 2 || words > 10 {
		return 0, ""
	}
	hit := false
	for w := range strings.FieldsSeq(seg) {
		w = strings.Trim(w, ".&")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !isConnective(w) && !unicode.IsDigit(r) {
			return 0, ""
		}
		if byComma && isInitial(w+".") {
			return 0, "" // "Robert J. Banks, Title"
		}
		for _, cw := range corporateWords {
			if w == cw || strings.HasPrefix(w, cw) && len(w) <= len(cw)+1 {
				hit = true
			}
		}
	}
	if !hit && (byComma || !(words >= 2 && words <= 4 && !hasLower(seg))) {
		return 0, ""
	}
	return end, seg
}

func allUpperWords(words []string) bool {
	for _, w := range words {
		if hasLower(w) {
			return false
		}
	}
	return len(words) <= 4
}

// hasLower reports whether s has a lower-case letter: whether the words of
// a name are not all in capitals.
func hasLower(s string) bool {
	for _, c := range s {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// isConnective reports the small words an organisation's name may contain.
func isConnective(w string) bool {
	switch w {
	case "of", "for", "and", "the", "on", "in", "&", "de", "des", "du", "la", "le", "für", "der", "und", "y", "del":
		return true
	}
	return false
}

// particles are the lower-case words that belong to a family name.
func isParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten",
		"dos", "das", "do", "zu", "bin", "ibn", "al", "el", "vander", "dei", "degli", "af", "av", "op", "'t", "y":
		return true
	}
	return strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

// soleNameIsOrganisation reports whether an author list is one name of
// capitalised words with no initials, no comma and no "and", ended by a
// full stop: "Appriss Retail.", "Pew Research Center.". Styles that spell
// out a person's given name invert the first author ("Smith, John."), so
// such a name is an organisation.
func soleNameIsOrganisation(seg, entry string) bool {
	seg = strings.TrimSpace(seg)
	if !strings.HasSuffix(seg, ".") || strings.ContainsAny(seg, ",;&()") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(seg, "."))
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "and", "und", "et", "y":
			return false
		}
		if isInitial(w) || strings.Contains(w, ".") || !startsUpper(w) && !isConnective(w) {
			return false
		}
	}
	// a person's name spelt out, "Peter Brucker.", looks the same (BibTeX's
	// plain style), so it takes a word that names an organisation, or the
	// name's first word coming back as the publisher ("Appriss Retail. …
	// Appriss, 2023.")
	for _, w := range words {
		if isOrganisationWord(w) {
			return true
		}
	}
	return len(words[0]) >= 3 && strings.Contains(entry, words[0])
}

// isOrganisationWord reports a word that names an organisation.
func isOrganisationWord(w string) bool {
	for _, cw := range corporateWords {
		if w == cw || w == cw+"s" {
			return true
		}
	}
	for _, ow := range organisationWords {
		if w == ow {
			return true
		}
	}
	return false
}

// camelName reports a family name written with its particle joined and
// lower case first: "vanEngelsdorp", "deGrasse", "dePaula". It is a lower-case
// particle followed at once by an upper-case letter and more letters.
func camelName(w string) bool {
	for i := 1; i < len(w) && i <= 4; i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			if !isParticle(w[:i]) || i+2 > len(w) {
				return false
			}
			for _, r := range w[i:] {
				if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
					return false
				}
			}
			return true
		}
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return false
}

// isInitial reports whether w (with its punctuation) is one or more
// initials: "J.", "J.K.", "J.-P.", "JK", "Ch.".
func isInitial(w string) bool {
	w = strings.TrimRight(w, ",;:")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		// every letter run is at most two letters, the first upper case;
		// the runs are those strings.FieldsFunc would give, split at '.'
		// and '-' (bytes no multi-byte character contains)
		n := 0
		for i := 0; i < len(w); {
			if w[i] == '.' || w[i] == '-' {
				i++
				continue
			}
			j := i
			for j < len(w) && w[j] != '.' && w[j] != '-' {
				j++
			}
			part := w[i:j]
			i = j
			r0, n0 := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r0) {
				return false
			}
			if n0 < len(part) {
				r1, n1 := utf8.DecodeRuneInString(part[n0:])
				if n0+n1 < len(part) {
					return false // three characters or more
				}
				if !(unicode.IsLower(r1) || unicode.IsUpper(r1)) {
					return false
				}
				if unicode.IsLower(r1) && (!strings.HasSuffix(w, ".") || !digraphInitials[part]) {
					return false
				}
			}
			n++
		}
		return n > 0 && n <= 4
	}
	// "JK", "X": one to three capitals
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// isBareInitials reports upper-case initials written without periods ("JK").
func isBareInitials(w string) bool {
	w = strings.TrimRight(w, ",;:")
	return w != "" && !strings.Contains(w, ".") && isInitial(w)
}

// scanAuthors returns where the author list at the start of s ends, or 0
// when s does not start with one.
func scanAuthors(s string) int {
	var (
		lastGood    = 0     // end of the last complete name
		hasSurname  = false // the name being read has a family name
		pieceWords  = 0     // capitalised words in the current comma piece
		prevSurOnly = false // the previous piece was a lone family name
		pieceInit   = false // the current piece so far is initials only
		initFirst   = false // the current piece started with initials ("J. Smith")
		bareInits   = false // names are written "Smith J," (Vancouver)
		afterAnd    = false // the current name follows "and"
		firstForm   = 0     // 1: the first name starts with initials, 2: with a word
		names       = 0
		// invertedInits: a name was written "Smith, J."
		invertedInits = false
		// beforeAnd: lastGood before the last "and"; wordsBeforeAnd: the
		// piece before it was capitalised words with no initials
		beforeAnd      = 0
		wordsBeforeAnd = false
	)
	endName := func(end int) {
		lastGood = end
		names++
	}
	for i := 0; ; {
		t, ok := nextToken(s, i)
		if !ok {
			// the whole entry read as names: no structure to trust
			return 0
		}
		i = t.end
		w := t.s
		if t.start > 300 {
			return lastGood
		}
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(first) && names == 0 && !prevSurOnly && !strings.ContainsAny(s[:t.start], ",.") {
			if y, _ := yearAt(s, t.start); y == "" {
				return 0 // "Physics 125 Course Notes": a title, not a name
			}
		}
		if first == '(' || first == '[' || first == '{' || isQuote(first) || unicode.IsDigit(first) {
			// a year, a quoted title or a number ends the list
			if pieceWords > 0 || pieceInit || prevSurOnly || names > 0 {
				return t.start
			}
			return lastGood
		}
		core := strings.TrimRight(w, ",;:.")
		lw := strings.ToLower(core)
		if lw == "et" || lw == "u.a" || lw == "and" && strings.HasPrefix(s[i:], " others") {
			if nt, ok := nextToken(s, i); ok && (strings.HasPrefix(nt.s, "al") || nt.s == "others" || strings.HasPrefix(nt.s, "others")) {
				e := nt.end
				if !strings.HasSuffix(nt.s, ".") && e < len(s) && s[e] == '.' {
					e++
				}
				return e
			}
			if lw == "u.a" {
				return t.end
			}
		}
		if core == "And" {
			core, lw = "and", "and"
		}
		if core == lw || core == "&" {
			switch core {
			case "and", "&", "und", "y", "et", "e", "och", "og", "en", "i":
				if core != "&" && pieceWords == 1 && !pieceInit && !initFirst && !prevSurOnly && invertedInits && names > 0 {
					// "Crammond, J., Scheduling and Variable Assignment":
					// in a list of "Surname, I." a lone word is the title's
					return lastGood
				}
				// a piece of words with no initials after a name may be
				// the start of the title, "Barringer, D. M., Coon
				// Mountain and its crater": where the list would end then
				beforeAnd, wordsBeforeAnd = lastGood, pieceWords > 0 && !pieceInit && !initFirst && names > 0
				if pieceWords > 0 || pieceInit || prevSurOnly {
					endName(t.start)
				}
				pieceWords, pieceInit, hasSurname, prevSurOnly, initFirst = 0, false, false, false, false
				afterAnd = true
				continue
			case "editor", "editors", "ed", "eds", "hrsg", "hg", "dir", "coord":
				if names > 0 || pieceWords > 0 || pieceInit || prevSurOnly {
					return t.end // the editors of a book
				}
			}
		}
		if core == "" {
			continue
		}
		initial := isInitial(w)
		if c := strings.IndexByte(core, ','); !initial && c > 0 && c+1 < len(core) && isInitial(core[c+1:]+".") && unicode.IsUpper(first) {
			// "Schuraytz,B.C.,": a family name and initials with no space
			endName(t.end)
			if last := w[len(w)-1]; last != ',' && last != ';' {
				return t.end
			}
			pieceWords, pieceInit, hasSurname, prevSurOnly, initFirst, afterAnd = 0, false, false, false, false, false
			continue
		}
		if pieceWords == 0 && !pieceInit && names > 0 && (!initial && titleStarts[core] || w == "A" && firstForm != 1 && articleStartsTitle(s, i)) {
			return lastGood // "…, Lloyd, J. W., The Godel Programming Language"
		}
		if !initial && !unicode.IsUpper(first) && !camelName(core) {
			if isParticle(core) {
				pieceWords++
				continue
			}
			// running text: the title has begun
			if afterAnd && wordsBeforeAnd && pieceWords == 0 && !pieceInit {
				return beforeAnd // "… Coon Mountain and its crater"
			}
			return lastGood
		}
		if !initial && firstForm == 1 && pieceWords == 0 && !pieceInit && names > 0 && !afterAnd {
			// "H. Fischer, Centre Pompidou": names in this list start with initials
			return lastGood
		}
		if initial {
			if pieceWords == 0 && !pieceInit && prevSurOnly {
				hasSurname = true // "Smith, J."
				invertedInits = true
			}
			if pieceWords == 0 && !pieceInit && !prevSurOnly && firstForm == 0 {
				firstForm = 1
			}
			if pieceWords == 0 {
				if !pieceInit && !prevSurOnly {
					initFirst = true
				}
				pieceInit = true
			}
		} else {
			if firstForm == 0 {
				firstForm = 2
			}
			pieceWords++
			pieceInit = false
			if pieceWords > 4 {
				return lastGood
			}
		}
		last := w[len(w)-1]
		if initial && pieceWords > 0 && isBareInitials(w) {
			bareInits = true
		}
		switch last {
		case ',', ';':
			surOnly := !initial && pieceWords == 1 && !hasSurname && !initFirst
			if initial || pieceWords > 0 {
				hasSurname = hasSurname || !initial
			}
			if initial && hasSurname || !surOnly {
				endName(t.end)
				hasSurname = false
			}
			prevSurOnly = surOnly
			pieceWords, pieceInit, initFirst, afterAnd = 0, false, false, false
			continue
		case ':':
			if initial && (hasSurname || pieceWords > 0 || prevSurOnly) {
				return t.end // "Daugherty CK, Hlubocky FJ: Title"
			}
			if names > 0 && !initFirst {
				return lastGood // "…, Lorho, B., Attribute Grammars: Definitions"
			}
			if pieceWords > 0 || hasSurname {
				return t.end
			}
			return lastGood
		case '.':
			if initial {
				named := hasSurname || pieceWords > 0
				nt, ok := nextToken(s, i)
				if !ok {
					return t.end
				}
				if isInitial(nt.s) && !isTitleWord(nt.s) {
					continue // more initials of the same name
				}
				nl := strings.ToLower(strings.TrimRight(nt.s, ",."))
				if nl == "and" || nl == "&" || nl == "et" || nl == "und" {
					continue
				}
				if !named {
					continue // "J. Smith": the family name follows
				}
				// "Paul J. Besl": a family name follows before a separator,
				// unless this is the given name of an inverted one
				// ("Levine, Robert S. Conspiracy and Romance")
				if !bareInits && !(prevSurOnly && pieceWords > 0) && nameFollows(s, nt) {
					continue
				}
				return t.end
			}
			switch core {
			case "Jr", "Sr", "St", "Ste", "Mc", "Mac", "Hon", "Dr", "Prof":
				continue
			}
			return t.end
		}
		if !initial {
			hasSurname = true
		}
	}
}

// articleStartsTitle reports whether the token after a bare "A" ending at
// i is a capitalised word rather than another initial: "A Fleeting
// Empire", not "A V.".
func articleStartsTitle(s string, i int) bool {
	nt, ok := nextToken(s, i)
	return ok && startsUpper(nt.s) && !isInitial(nt.s) && !strings.HasSuffix(nt.s, ",")
}

// isTitleWord reports a capitalised word that starts titles often and can
// look like an initial ("A", "I").
func isTitleWord(w string) bool {
	return w == "A" || w == "I" || w == "A:"
}

// nameFollows reports whether the token t and what follows read as the rest
// of a name: one capitalised word followed by a comma, "and", a period that
// ends the list, or a year.
func nameFollows(s string, t token) bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	if !unicode.IsUpper(r) && !isParticle(t.s) {
		return false
	}
	w := t.s
	for k := 0; k < 3; k++ {
		switch w[len(w)-1] {
		case ',', ';':
			return true
		case '.':
			return !isInitial(w)
		}
		nt, ok := nextToken(s, t.end)
		if !ok {
			return true
		}
		nl := strings.ToLower(nt.s)
		if strings.HasPrefix(nt.s, "(") {
			return true
		}
		if nl == "and" || nl == "&" {
			nn, ok := nextToken(s, nt.end)
			return ok && (startsUpper(nn.s) || isParticle(nn.s))
		}
		r, _ := utf8.DecodeRuneInString(nt.s)
		if !unicode.IsUpper(r) && !isParticle(nt.s) {
			return false
		}
		t, w = nt, nt.s
	}
	return false
}

// splitNames returns the family names in an author list.
func splitNames(seg string) []string {
	seg = strings.TrimSpace(seg)
	seg = strings.TrimRight(seg, ",;:. ")
	var pieces []string
	start := 0
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch {
		case c == ',' || c == ';' || c == '&':
			pieces = append(pieces, seg[start:i])
			start = i + 1
		case c == ' ':
			rest := seg[i+1:]
			for _, sep := range []string{"and ", "und ", "et ", "y ", "e "} {
				if strings.HasPrefix(rest, sep) && !strings.HasPrefix(rest, "et al") {
					pieces = append(pieces, seg[start:i])
					start = i + 1 + len(sep)
					i = start - 1
					break
				}
			}
		}
	}
	pieces = append(pieces, seg[start:])
	var names []string
	pending := false // the last name was a lone family name awaiting initials
	for _, p := range pieces {
		p = strings.TrimSpace(p)
		p = strings.TrimSuffix(strings.TrimSuffix(p, "et al."), "et al")
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsLower(r) && !isParticle(firstField(p)) && !camelName(firstField(p)) {
			continue // "editors", "ed."
		}
		switch strings.TrimRight(p, ".") {
		case "Jr", "Sr", "II", "III", "IV", "Ed", "Eds", "ed", "eds", "Hrsg", "Hg":
			continue
		}
		words := strings.Fields(p)
		firstInit := isInitial(words[0]) && !isParticle(words[0])
		allInit := true
		for _, w := range words {
			if !isInitial(w) {
				allInit = false
			}
		}
		switch {
		case allInit:
			if !pending && len(words) == 1 && len([]rune(strings.Trim(words[0], "."))) >= 2 && isBareInitials(words[0]) && len(names) == 0 {
				names = append(names, words[0]) // a short all-caps name such as "OECD"
			}
			pending = false
			continue
		case firstInit:
			// "J. Smith", "M. van der Berg"
			i := 0
			for i < len(words) && isInitial(words[i]) && !isParticle(words[i]) {
				i++
			}
			names = append(names, joinName(words[i:]))
			pending = false
		default:
			// "Smith", "Smith J", "van der Berg", "Jane Doe", "Pérez-Higueras JJ"
			j := len(words)
			for j > 1 && isInitial(words[j-1]) {
				j--
			}
			if pending && j <= 3 && !isParticle(words[0]) {
				pending = false // "Smith, John", "Burton, Robert P.": given names
				continue
			}
			if j < len(words) {
				names = append(names, joinName(words[:j]))
				pending = false
				continue
			}
			if len(words) == 1 || isParticle(words[0]) {
				names = append(names, joinName(words))
				pending = true
				continue
			}
			// "Jane Doe", "Ludwig van Beethoven": the last word with its particles
			i := len(words) - 1
			for i > 0 && isParticle(words[i-1]) {
				i--
			}
			names = append(names, joinName(words[i:]))
			pending = false
		}
	}
	return names
}

// joinName joins the words of a family name, trimming punctuation.
func joinName(words []string) string {
	n := strings.Join(words, " ")
	return strings.Trim(n, " ,;:.()[]")
}
