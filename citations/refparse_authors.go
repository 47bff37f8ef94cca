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
// the entry, ended by ". ", a parenthesised year or an editor's mark
// ("(ed.)"), with no comma, containing a word such as Institute or
// Organization. It returns the segment end and the name.
func scanCorporate(s string) (end int, name string) {
	limit := min(len(s), 120)
	end = -1
	byComma := false
	dated := false // the year follows the name at once: "Name (2019)", "Name, 2019."
	for i := 0; i < limit; i++ {
		c := s[i]
		if c == ',' {
			if r, _ := utf8.DecodeRuneInString(s[skipPunct(s, i):]); i > 0 && isQuote(r) {
				end = i // "CONVEX Computer Corporation, "Exemplar …""
				break
			}
			if y, _ := yearAt(s, skipPunct(s, i)); y != "" && i > 0 {
				end, dated = i, true // "Ponemon Institute, 2019."
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
				end, dated = i, true
			} else if editorMark(s[i:]) {
				end = i // "Mozilla Developer Network (ed), …"
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
		if dated && isOrganisationWord(w) {
			hit = true // "Eastfield Health Observatory (2018b)"
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

// isSurnamePrefix reports the capitalised words that open an Irish family
// name as a word of their own: "Ó Briain", "Ní Dhomhnaill", "Mac Giolla".
// "Ó" is never a bare initial in a name.
func isSurnamePrefix(w string) bool {
	switch w {
	case "Ó", "Ní", "Nic", "Ua", "Uí", "Mac":
		return true
	}
	return false
}

// opensSurname reports a word that belongs to the family name after it: a
// particle ("van der Berg") or an Irish prefix ("Ó Briain").
func opensSurname(w string) bool { return isParticle(w) || isSurnamePrefix(w) }

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
	if isSurnamePrefix(w) {
		return false // "Ó Briain"
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
// when s does not start with one. It reads the entry token by token; each
// rule of authorScan.token either takes the token into the list or ends the
// list, and says where.
func scanAuthors(s string) int {
	a := authorScan{s: s}
	for i := 0; ; {
		t, ok := nextToken(s, i)
		if !ok {
			// the whole entry read as names: no structure to trust
			return 0
		}
		i = t.end
		if t.start > 300 {
			return a.lastGood
		}
		if end, v := a.token(t); v == listEnds {
			return end
		}
	}
}

// verdict is what a rule of authorScan makes of a token.
type verdict uint8

const (
	// undecided: the rule does not apply, and the next rule decides.
	undecided verdict = iota
	// inList: the token is part of the list; read the next one.
	inList
	// listEnds: the list ends where the rule says.
	listEnds
)

// nameForm is how the first name of an author list starts.
type nameForm uint8

const (
	formUnknown  nameForm = iota
	formInitials          // "J. Smith, …"
	formWord              // "Smith, J., …", "John Smith, …"
)

// authorScan is what scanAuthors knows while it reads an author list. The
// list is a run of names separated by commas, semicolons and "and"; a
// comma piece is a family name ("Smith,"), initials ("J.,"), or both in
// either order ("Smith J,", "J. Smith,", "John Smith,").
type authorScan struct {
	s string

	// The list so far.
	lastGood  int      // end of the last complete name
	names     int      // complete names read
	firstForm nameForm // how the first name starts
	bareInits bool     // names are written "Smith J," (Vancouver)
	// invertedInits: a name was written "Smith, J."
	invertedInits bool
	afterAnd      bool // the current name follows "and"
	// beforeAnd: lastGood before the last "and"; wordsBeforeAnd: the
	// piece before it was capitalised words with no initials
	beforeAnd      int
	wordsBeforeAnd bool

	// The current comma piece.
	pieceWords  int  // capitalised words in it
	pieceInit   bool // it is so far initials only
	initFirst   bool // it started with initials ("J. Smith")
	hasSurname  bool // the name being read has a family name
	prevSurOnly bool // the previous piece was a lone family name
}

// token reads the token t of the list by the rules in turn.
func (a *authorScan) token(t token) (int, verdict) {
	first, _ := utf8.DecodeRuneInString(t.s)
	if end, v := a.notAName(t, first); v != undecided {
		return end, v
	}
	core := strings.TrimRight(t.s, ",;:.")
	if end, v := a.etAl(t, strings.ToLower(core)); v != undecided {
		return end, v
	}
	if core == "And" {
		core = "and"
	}
	if end, v := a.connective(t, core); v != undecided {
		return end, v
	}
	if t.s == ":" && (a.names > 0 || a.nameStarted()) {
		// a colon standing alone ends the list: it parts a place from
		// its publisher in DIN and ISBD imprints, "Northmere : Northmere
		// Health Observatory, 2021", and French sets one before a title
		return len(strings.TrimRight(a.s[:t.start], " \t")), listEnds
	}
	if core == "" {
		return 0, inList
	}
	initial := isInitial(t.s)
	if end, v := a.gluedName(t, core, first, initial); v != undecided {
		return end, v
	}
	if a.titleAfterName(t, core, initial) {
		return a.lastGood, listEnds
	}
	if !initial && !unicode.IsUpper(first) && !camelName(core) {
		end, v := a.lowerWord(core)
		if v != inList {
			return end, v
		}
		// a particle ending an inverted name: "Berg, Pieter van der,",
		// "Franz, Marie-Luise von. Title"
		switch t.s[len(t.s)-1] {
		case ',', ';':
			a.endPiece(t, false)
		case '.':
			if a.prevSurOnly {
				return t.end, listEnds
			}
		}
		return end, v
	}
	if !initial && a.wordAfterInitialsFirst() {
		return a.lastGood, listEnds
	}
	if initial {
		a.readInitials(t.s)
	} else if !a.readWord() {
		return a.lastGood, listEnds
	}
	switch t.s[len(t.s)-1] {
	case ',', ';':
		a.endPiece(t, initial)
		return 0, inList
	case ':':
		return a.colon(t, initial)
	case '.':
		if initial {
			return a.periodAfterInitials(t)
		}
		return periodAfterWord(t, core)
	}
	if !initial {
		a.hasSurname = true
	}
	return 0, inList
}

// nameStarted reports whether the current name has begun: its piece has
// words or initials, or the piece before it was a lone family name.
func (a *authorScan) nameStarted() bool {
	return a.pieceWords > 0 || a.pieceInit || a.prevSurOnly
}

// endName records a complete name ending at end.
func (a *authorScan) endName(end int) {
	a.lastGood = end
	a.names++
}

// notAName ends the list at a token that no name starts with: a year, a
// quoted title or a number, as in APA "Smith, J. (2019).", IEEE "J. Smith
// and K. Lee, “Fast parsing,”" or Harvard "Smith, J 2019, Title". An entry
// whose first word is followed by a number that is no year has no author
// list: "Physics 125 Course Notes".
func (a *authorScan) notAName(t token, first rune) (int, verdict) {
	if unicode.IsDigit(first) && a.names == 0 && !a.prevSurOnly && !strings.ContainsAny(a.s[:t.start], ",.") {
		if y, _ := yearAt(a.s, t.start); y == "" {
			return 0, listEnds
		}
	}
	if first == '(' || first == '[' || first == '{' || isQuote(first) || unicode.IsDigit(first) {
		if a.nameStarted() || a.names > 0 {
			return t.start, listEnds
		}
		return a.lastGood, listEnds
	}
	return 0, undecided
}

// etAl ends the list after "et al.", German "u.a." or "and others":
// "Smith, J., et al. (2019)", "Müller, H., u.a. Titel", "Smith, J., and
// others. Title". lw is the token in lower case.
func (a *authorScan) etAl(t token, lw string) (int, verdict) {
	if lw != "et" && lw != "u.a" && !(lw == "and" && strings.HasPrefix(a.s[t.end:], " others")) {
		return 0, undecided
	}
	if nt, ok := nextToken(a.s, t.end); ok && (strings.HasPrefix(nt.s, "al") || strings.HasPrefix(nt.s, "others")) {
		e := nt.end
		if !strings.HasSuffix(nt.s, ".") && e < len(a.s) && a.s[e] == '.' {
			e++
		}
		return e, listEnds
	}
	if lw == "u.a" {
		return t.end, listEnds
	}
	return 0, undecided
}

// connective reads a lower-case word between names: "and" in the
// languages of the entries ("&", "und", "y", "et", "e", "och", "og", "en",
// "i"), or the word that says the names are editors, which ends the list:
// "Smith J, Lee K, editors.", "Smith, J., ed."
func (a *authorScan) connective(t token, core string) (int, verdict) {
	switch core {
	case "and", "&", "und", "y", "et", "e", "och", "og", "en", "i":
		return a.acceptAnd(t, core)
	case "editor", "editors", "ed", "eds", "hrsg", "hg", "dir", "coord":
		if a.names > 0 || a.nameStarted() {
			return t.end, listEnds
		}
	}
	return 0, undecided
}

// acceptAnd reads "and" (or "&", "und" …) between two names.
func (a *authorScan) acceptAnd(t token, core string) (int, verdict) {
	if core != "&" && a.pieceWords == 1 && !a.pieceInit && !a.initFirst && !a.prevSurOnly && a.invertedInits && a.names > 0 {
		// "Crammond, J., Scheduling and Variable Assignment": in a list
		// of "Surname, I." a lone word is the title's
		return a.lastGood, listEnds
	}
	// a piece of words with no initials after a name may be the start of
	// the title, "Barringer, D. M., Coon Mountain and its crater": where
	// the list would end then
	a.beforeAnd, a.wordsBeforeAnd = a.lastGood, a.pieceWords > 0 && !a.pieceInit && !a.initFirst && a.names > 0
	if a.nameStarted() {
		a.endName(t.start)
	}
	a.pieceWords, a.pieceInit, a.hasSurname, a.prevSurOnly, a.initFirst = 0, false, false, false, false
	a.afterAnd = true
	return 0, inList
}

// gluedName reads a family name and initials written with no space,
// "Schuraytz,B.C.,", as a complete name; the list ends after it unless a
// comma or semicolon follows.
func (a *authorScan) gluedName(t token, core string, first rune, initial bool) (int, verdict) {
	c := strings.IndexByte(core, ',')
	if initial || c <= 0 || c+1 >= len(core) || !isInitial(core[c+1:]+".") || !unicode.IsUpper(first) {
		return 0, undecided
	}
	a.endName(t.end)
	if last := t.s[len(t.s)-1]; last != ',' && last != ';' {
		return t.end, listEnds
	}
	a.pieceWords, a.pieceInit, a.hasSurname, a.prevSurOnly, a.initFirst, a.afterAnd = 0, false, false, false, false, false
	return 0, inList
}

// titleAfterName reports whether the token t, at the start of a piece
// after a complete name, starts the title: a word that starts titles,
// "…, Lloyd, J. W., The Godel Programming Language", or the article "A"
// before a capitalised word, "Smith, J., A Fleeting Empire", unless the
// names in this list start with initials, where "A" is one: "J. Smith, A
// Jones".
func (a *authorScan) titleAfterName(t token, core string, initial bool) bool {
	return a.pieceWords == 0 && !a.pieceInit && a.names > 0 &&
		(!initial && titleStarts[core] || t.s == "A" && a.firstForm != formInitials && articleStartsTitle(a.s, t.end))
}

// wordAfterInitialsFirst reports whether a capitalised word at the start
// of a piece, after a complete name and not after "and", ends a list whose
// names start with initials: "H. Fischer, Centre Pompidou".
func (a *authorScan) wordAfterInitialsFirst() bool {
	return a.firstForm == formInitials && a.pieceWords == 0 && !a.pieceInit && a.names > 0 && !a.afterAnd
}

// lowerWord reads a word in lower case: a particle of a family name ("van
// der Berg", "de la Cruz") is part of the list; any other word is running
// text, and the title has begun. After "and", a title that started with
// capitalised words began before it: "Barringer, D. M., Coon Mountain and
// its crater".
func (a *authorScan) lowerWord(core string) (int, verdict) {
	if isParticle(core) {
		a.pieceWords++
		return 0, inList
	}
	if a.afterAnd && a.wordsBeforeAnd && a.pieceWords == 0 && !a.pieceInit {
		return a.beforeAnd, listEnds
	}
	return a.lastGood, listEnds
}

// readInitials takes the initials w into the current piece: after a lone
// family name they complete an inverted name, "Smith, J."; at the start of
// a piece they start one, "J. Smith"; after a family name written without
// periods they are Vancouver's, "Smith JK,".
func (a *authorScan) readInitials(w string) {
	if a.pieceWords == 0 && !a.pieceInit && a.prevSurOnly {
		a.hasSurname = true // "Smith, J."
		a.invertedInits = true
	}
	if a.pieceWords == 0 && !a.pieceInit && !a.prevSurOnly && a.firstForm == formUnknown {
		a.firstForm = formInitials
	}
	if a.pieceWords == 0 {
		if !a.pieceInit && !a.prevSurOnly {
			a.initFirst = true
		}
		a.pieceInit = true
	}
	if a.pieceWords > 0 && isBareInitials(w) {
		a.bareInits = true
	}
}

// readWord takes a capitalised word into the current piece, and reports
// false when the piece has grown too long for a name (more than four
// words): the title has begun.
func (a *authorScan) readWord() bool {
	if a.firstForm == formUnknown {
		a.firstForm = formWord
	}
	a.pieceWords++
	a.pieceInit = false
	return a.pieceWords <= 4
}

// endPiece ends the comma piece at the token t, which ends with a comma or
// a semicolon. A lone family name, "Smith,", waits for its initials; any
// other piece completes a name.
func (a *authorScan) endPiece(t token, initial bool) {
	surOnly := !initial && a.pieceWords == 1 && !a.hasSurname && !a.initFirst
	if initial || a.pieceWords > 0 {
		a.hasSurname = a.hasSurname || !initial
	}
	if initial && a.hasSurname || !surOnly {
		a.endName(t.end)
		a.hasSurname = false
	}
	a.prevSurOnly = surOnly
	a.pieceWords, a.pieceInit, a.initFirst, a.afterAnd = 0, false, false, false
}

// colon ends the list at a token ending with a colon. After a name's
// initials the colon ends the names, "Daugherty CK, Hlubocky FJ: Title";
// after words in a list of "Surname, I." names the words are the title's,
// "…, Lorho, B., Attribute Grammars: Definitions".
func (a *authorScan) colon(t token, initial bool) (int, verdict) {
	if initial && (a.hasSurname || a.pieceWords > 0 || a.prevSurOnly) {
		return t.end, listEnds
	}
	if a.names > 0 && !a.initFirst {
		return a.lastGood, listEnds
	}
	if a.pieceWords > 0 || a.hasSurname {
		return t.end, listEnds
	}
	return a.lastGood, listEnds
}

// periodAfterWord reads a word ending with a period, core without it: a
// full stop ends the list, "Smith, John. Title", but not after an
// abbreviation that is part of a name, "Smith Jr., John", "St. John".
func periodAfterWord(t token, core string) (int, verdict) {
	switch core {
	case "Jr", "Sr", "St", "Ste", "Mc", "Mac", "Hon", "Dr", "Prof":
		return 0, inList
	}
	return t.end, listEnds
}

// periodAfterInitials reads initials ending with a period, "J.": the list
// goes on when more initials, "and" or the family name follow ("J. K.
// Smith", "Paul J. Besl"), and ends after the initials that complete a
// name ("Smith, J. Title", "Levine, Robert S. Conspiracy and Romance").
func (a *authorScan) periodAfterInitials(t token) (int, verdict) {
	named := a.hasSurname || a.pieceWords > 0
	nt, ok := nextToken(a.s, t.end)
	if !ok {
		return t.end, listEnds
	}
	if isInitial(nt.s) && !isTitleWord(nt.s) {
		return 0, inList // more initials of the same name
	}
	nl := strings.ToLower(strings.TrimRight(nt.s, ",."))
	if nl == "and" || nl == "&" || nl == "et" || nl == "und" {
		return 0, inList
	}
	if !named {
		return 0, inList // "J. Smith": the family name follows
	}
	// "Paul J. Besl": a family name follows before a separator, unless
	// this is the given name of an inverted one ("Levine, Robert S.
	// Conspiracy and Romance") or the initials are Vancouver's
	if !a.bareInits && !(a.prevSurOnly && a.pieceWords > 0) && nameFollows(a.s, nt) {
		return 0, inList
	}
	return t.end, listEnds
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
				// "Smith, John", "Burton, Robert P.": given names; the
				// particles after them open the family name, "Berg,
				// Pieter van der" is van der Berg
				pending = false
				if p := trailingParticles(words[:j]); p != "" {
					names[len(names)-1] = p + " " + names[len(names)-1]
				}
				continue
			}
			if j < len(words) {
				names = append(names, joinName(words[:j]))
				pending = false
				continue
			}
			if len(words) == 1 || opensSurname(words[0]) {
				names = append(names, joinName(words))
				pending = true
				continue
			}
			// "Jane Doe", "Ludwig van Beethoven", "Siobhán Ó Briain": the
			// last word with its particles
			i := len(words) - 1
			for i > 0 && opensSurname(words[i-1]) {
				i--
			}
			if i == 1 && i < len(words)-1 && isParticle(strings.ToLower(words[0])) {
				i = 0 // a particle capitalised to open the entry: "Van der Berg"
			}
			names = append(names, joinName(words[i:]))
			pending = false
		}
	}
	return names
}

// trailingParticles returns the particles that end a run of given names,
// "van der" in "Pieter van der", or "".
func trailingParticles(words []string) string {
	i := len(words)
	for i > 1 && isParticle(words[i-1]) {
		i--
	}
	return strings.Join(words[i:], " ")
}

// joinName joins the words of a family name, trimming punctuation.
func joinName(words []string) string {
	n := strings.Join(words, " ")
	return strings.Trim(n, " ,;:.()[]")
}

// editorMark reports whether s opens with an editor's mark in brackets:
// "(ed)", "(ed.)", "(eds)", "(eds.)", in either case.
func editorMark(s string) bool {
	for _, m := range [...]string{"(ed)", "(ed.)", "(eds)", "(eds.)"} {
		if len(s) >= len(m) && strings.EqualFold(s[:len(m)], m) {
			return true
		}
	}
	return false
}
