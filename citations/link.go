package citations

import (
	"encoding/binary"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/citecheck/citecheck/sources"
)

// Status is the outcome of linking one citation.
type Status string

// The outcomes of linking.
const (
	// Resolved: exactly one entry matches.
	Resolved Status = "resolved"
	// Unresolved: no entry matches, and none comes close.
	Unresolved Status = "unresolved"
	// Ambiguous: more than one entry matches equally well.
	Ambiguous Status = "ambiguous"
	// Mismatched: an entry matches the authors but not the year, or the
	// year and all but a small spelling difference in the author.
	Mismatched Status = "mismatched"
	// Unlisted: a citation that carries its own source, whose source no
	// entry lists: a hyperlink or a DOI written out in the text, or an
	// author-year citation with its URL or DOI ("(Hughes et al., 2018,
	// https://doi.org/…)") that matches no entry by its authors and year
	// either. The citation is a source in itself, so this is not a
	// problem.
	Unlisted Status = "unlisted"
)

// LinkResult is what linking found for one citation.
type LinkResult struct {
	// Citation is the citation's ID.
	Citation string
	Status   Status
	// Reference is the ID of the matching entry when resolved, or of the
	// near entry when mismatched.
	Reference string
	// Candidates are the IDs of the entries that matched equally well when
	// ambiguous: the first MaxCandidates of them, in list order.
	Candidates []string
	// CandidateCount is how many entries matched equally well when
	// ambiguous, Candidates and those left out; zero otherwise.
	CandidateCount int
	// Reason says, for a mismatch, what differs.
	Reason string
}

// MaxCandidates is the most candidates a LinkResult lists: enough to
// show a reader the entries to tell apart, and a bound on what a citation
// that matches thousands of entries costs.
const MaxCandidates = 10

// Link links every citation to the entry it cites. It is a pure function of
// its inputs: the result for cits[i] is at index i. Citations that say the
// same (kind, authors, "et al.", year, number, target, URL) are linked once;
// linking one costs time linear in the entries that share its first
// author's name, or failing those its year, and the entries are indexed
// once.
//
// Footnote links match an entry's anchor (percent escapes decoded); one
// whose target no entry has is a missing note, linked by its number only
// to an entry labelled so, or by position when no entry has an anchor at
// all. Numbers match entry labels ("[03]" is 3), the place of an entry
// whose label the parser missed between two labelled ones, and failing
// those the position in an unlabelled list (not in a text that cites by
// author and year more often than by number: its list is in the authors'
// order).
// Author-year citations match on surnames (see NormalizeName; particles
// such as "van der" and "de la", spaces and hyphens, a leading "the" and a
// corporate name's acronym do not matter, and the first part of a compound
// name stands for the whole) and on the year (a year suffix is kept apart:
// 2019a is not 2019b, and 2019b against the author's one 2019 entry, with
// no letter, is a mismatch; "n.d." and "in press" in any spelling). "et al."
// prefers an entry with more authors than named, two names prefer an entry
// of exactly two, and an exact surname beats one that only matches without
// its particles. A citation whose year none of its authors' entries has
// is a mismatch with the entry of the nearest year that no other citation
// cites, failing that of the nearest year. Hyperlinks and written-out DOIs
// match an entry's URL or DOI, and are unlisted when none does. An
// author-year citation that carries its own URL or DOI is linked by its
// authors and year, and the source settles what those leave open: it
// picks among equal candidates, and where no entry matches it resolves to
// the entry listing the source, or is unlisted rather than unresolved.
func Link(cits []Citation, lists []ReferenceList) []LinkResult {
	return newEntryIndex(lists).linkAll(cits)
}

// linkAll links cits, each distinct citation once.
func (idx *entryIndex) linkAll(cits []Citation) []LinkResult {
	out := make([]LinkResult, len(cits))
	seen := make(map[string]LinkResult)
	var key []byte
	numeric, authorYear := 0, 0
	for i := range cits {
		switch cits[i].Kind {
		case KindNumeric:
			numeric++
		case KindAuthorYear, KindAuthorPage:
			authorYear++
		}
	}
	idx.byAuthorYear = authorYear > numeric
	for i := range cits {
		c := &cits[i]
		key = citationKey(key[:0], c)
		r, ok := seen[string(key)]
		if !ok {
			r = idx.link(*c)
			seen[string(key)] = r
		}
		r.Candidates = slices.Clone(r.Candidates) // each result its own
		r.Citation = c.ID
		out[i] = r
	}
	idx.relinkMismatches(cits, out)
	return out
}

// relinkMismatches links again the citations whose year no entry of
// their authors has, now that it is known which entries other citations
// cite: of the author's entries in other years, the near one nobody cites
// is the likelier ("Regional Transit Authority 2019" for its 2023 report,
// when the 2020 one is cited as such).
func (idx *entryIndex) relinkMismatches(cits []Citation, out []LinkResult) {
	for i := range out {
		if out[i].Status != Mismatched {
			continue
		}
		if idx.cited == nil {
			idx.cited = map[string]bool{}
			for _, r := range out {
				if r.Status == Resolved {
					idx.cited[r.Reference] = true
				}
			}
		}
		if idx.cited[out[i].Reference] {
			r := idx.link(cits[i])
			r.Citation = cits[i].ID
			out[i] = r
		}
	}
}

// citationKey appends to b what linking reads of a citation: two citations
// with the same key link alike. Each field is length-prefixed, so that no
// two citations share a key by the way their fields split.
func citationKey(b []byte, c *Citation) []byte {
	field := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	field(string(c.Kind))
	field(c.Number)
	field(c.Target)
	field(c.URL)
	field(c.Year)
	field(c.Title)
	if c.EtAl {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Authors)))
	for _, a := range c.Authors {
		field(a)
	}
	return b
}

type entryKey struct {
	ref     *Reference
	ordinal int      // 1-based position in a numbered list, 0 if none
	authors []string // normalised family names
	year    string   // normalised year with suffix
	url     string   // normalised URL
	doi     string
	// initial is the first letter of the first author's given name,
	// folded, or 0: what tells "(J. Park, 2021)" from "(S. Park, 2021)"
	initial rune
	// work identifies the work (see workOf), so that a duplicate entry is
	// no ambiguity; computed only when an entry ties with another
	work     string
	workDone bool
}

// entryIndex finds entries by label, anchor, URL, DOI, first author and
// year, so that linking stays linear in the number of citations however
// long the list.
type entryIndex struct {
	entries  []entryKey
	byLabel  map[string][]int // by label, given or inferred (inferLabels)
	byPlace  map[string][]int // by position in an unlabelled list
	byAnchor map[string]int
	byLink   map[string][]int // by normalised URL and by DOI
	byName   map[string][]int // by the keys of the first author's name (nameKeys)
	byYear   map[string][]int
	// byAuthors finds the entries by exactly these authors in this year
	// (authorsYearKey), for a citation whose first author has more
	// entries than a citation may be compared with (maxAuthorScan); made
	// by byExactAuthors when the first such citation asks, nil before.
	byAuthors map[string][]int
	// maxScan is maxAuthorScan; tests lower it to test the bound at small
	// sizes.
	maxScan int
	// examined counts the entries looked at to link author-year
	// citations, which tests hold to linear growth.
	examined int
	// cited holds the IDs of the entries a citation resolves to, once
	// every citation is linked (relinkMismatches); nil before.
	cited map[string]bool
	// byAuthorYear is set when the text cites by author and year more
	// often than by number: a number then names no entry of an unlabelled
	// list by its position, that list being in the authors' order.
	byAuthorYear bool
	// bestBuf and otherBuf back byAuthor's lists of matching entries from
	// one citation to the next: a first author with many entries would
	// otherwise cost each citation a list as long as maxScan.
	bestBuf, otherBuf []int
}

func newEntryIndex(lists []ReferenceList) *entryIndex {
	idx := &entryIndex{byLabel: map[string][]int{}, byPlace: map[string][]int{}, byAnchor: map[string]int{},
		byLink: map[string][]int{}, byName: map[string][]int{}, byYear: map[string][]int{}, maxScan: maxAuthorScan}
	var keys []string
	n, names := 0, 0
	for _, l := range lists {
		n += len(l.Entries)
		for _, e := range l.Entries {
			names += len(e.Authors)
		}
	}
	idx.entries = make([]entryKey, 0, n)
	folded := make([]string, 0, names) // backs every entry's authors
	for li := range lists {
		list := &lists[li]
		numbered := 0
		for _, e := range list.Entries {
			if e.Label != "" {
				numbered++
			}
		}
		first := len(idx.entries)
		for ei := range list.Entries {
			e := &list.Entries[ei]
			k := entryKey{ref: e, year: normYear(e.Year), url: sources.URLKey(e.URL), doi: sources.DOIKey(e.DOI)}
			if k.doi == "" {
				k.doi = sources.DOIFromURL(e.URL)
			}
			if numbered == 0 { // an unlabelled list is numbered by position
				k.ordinal = ei + 1
			}
			if len(e.Authors) > 0 {
				from := len(folded)
				for _, a := range e.Authors {
					folded = append(folded, NormalizeName(a))
				}
				k.authors = folded[from:len(folded):len(folded)]
				k.initial = givenInitial(e)
			}
			i := len(idx.entries)
			idx.entries = append(idx.entries, k)
			if k.url != "" {
				idx.byLink[k.url] = append(idx.byLink[k.url], i)
			}
			if k.doi != "" {
				dk := "doi:" + k.doi
				idx.byLink[dk] = append(idx.byLink[dk], i)
			}
			if len(k.authors) > 0 {
				keys = nameKeys(k.authors[0], keys[:0])
				for _, key := range keys {
					idx.byName[key] = append(idx.byName[key], i)
				}
			}
			idx.byYear[k.year] = append(idx.byYear[k.year], i)
			if e.Label != "" {
				l := labelKey(e.Label)
				idx.byLabel[l] = append(idx.byLabel[l], i)
			} else if k.ordinal > 0 {
				l := strconv.Itoa(k.ordinal)
				idx.byPlace[l] = append(idx.byPlace[l], i)
			}
			if e.Anchor != "" {
				a := anchorKey(e.Anchor)
				if _, dup := idx.byAnchor[a]; !dup {
					idx.byAnchor[a] = i
				}
			}
		}
		if numbered > 0 && numbered < len(list.Entries) {
			idx.inferLabels(list.Entries, first)
		}
	}
	return idx
}

// inferLabels numbers the unlabelled entries of a numbered list whose
// label the parser missed: an entry between "4" and "6" is 5. Only a run
// whose neighbours' numbers leave exactly room for it is numbered, and
// never with a number another entry has.
func (idx *entryIndex) inferLabels(entries []Reference, first int) {
	for i := 0; i < len(entries); {
		if entries[i].Label != "" {
			i++
			continue
		}
		j := i // entries[i:j] are unlabelled
		for j < len(entries) && entries[j].Label == "" {
			j++
		}
		prev, next := -1, -1
		if i > 0 {
			prev = labelNumber(entries[i-1].Label)
		}
		if j < len(entries) {
			next = labelNumber(entries[j].Label)
		}
		start := -1
		switch {
		case prev >= 0 && next >= 0 && next-prev == j-i+1:
			start = prev + 1
		case prev >= 0 && next < 0 && j == len(entries) && j-i <= 2:
			start = prev + 1 // the list's last entry or two
		case prev < 0 && i == 0 && next >= 0 && next-(j-i) >= 1:
			start = next - (j - i) // the list's head
		}
		for k := i; start > 0 && k < j; k++ {
			l := strconv.Itoa(start + k - i)
			if len(idx.byLabel[l]) == 0 {
				idx.byLabel[l] = []int{first + k}
			}
		}
		i = j
	}
}

// labelNumber returns a numeric label's value, or -1.
func labelNumber(label string) int {
	n, err := strconv.Atoi(labelKey(label))
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// labelKey folds a label or cited number for lookup: lower case, no
// brackets or trailing full stop, no leading zeros ("[03]" is "3").
func labelKey(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "[]().:"))
	if yearDigits(s) {
		t := strings.TrimLeft(s, "0")
		if t == "" {
			t = "0"
		}
		return t
	}
	return s
}

// anchorKey folds a footnote target or anchor id for lookup: no leading
// '#', percent escapes decoded ("cite_note-M%C3%BCller-3" is
// "cite_note-Müller-3").
func anchorKey(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if strings.IndexByte(s, '%') >= 0 {
		if u, err := url.PathUnescape(s); err == nil {
			return u
		}
	}
	return s
}

func (idx *entryIndex) result(status Status, matches []int) LinkResult {
	switch len(matches) {
	case 0:
		return LinkResult{Status: status}
	case 1:
		return LinkResult{Status: status, Reference: idx.entries[matches[0]].ref.ID}
	}
	same := true
	for _, m := range matches[1:] {
		if w := idx.workOf(m); w == "" || w != idx.workOf(matches[0]) {
			same = false
		}
	}
	if same { // the same work listed twice: cite the first copy
		return LinkResult{Status: status, Reference: idx.entries[matches[0]].ref.ID}
	}
	r := LinkResult{Status: Ambiguous, CandidateCount: len(matches)}
	for _, m := range matches[:min(len(matches), MaxCandidates)] {
		r.Candidates = append(r.Candidates, idx.entries[m].ref.ID)
	}
	return r
}

func (idx *entryIndex) link(c Citation) LinkResult {
	switch c.Kind {
	case KindFootnote:
		if i, ok := idx.byAnchor[anchorKey(c.Target)]; c.Target != "" && ok {
			return idx.result(Resolved, []int{i})
		}
		// a target no entry has, where entries have anchors, is a missing
		// note: its number may still be a label, but a position would
		// hide the error
		return idx.byNumber(c.Number, c.Target == "" || len(idx.byAnchor) == 0)
	case KindNumeric:
		r := idx.byNumber(c.Number, !idx.byAuthorYear)
		if r.Status == Unresolved && idx.byAuthorYear && len(idx.byPlace[labelKey(c.Number)]) > 0 {
			r.Reason = "the text cites by author and year, and its list is not numbered"
		}
		return r
	case KindLabel:
		return idx.byNumber(c.Number, false)
	case KindLink:
		return idx.byURL(c.URL)
	case KindAuthorYear, KindAuthorPage:
		r := idx.byAuthor(c)
		if c.URL != "" {
			r = idx.withOwnSource(c.URL, r)
		}
		return r
	}
	return LinkResult{Status: Unresolved}
}

// withOwnSource settles with the URL or DOI an author-year citation
// carries what its authors and year left open: among equal candidates,
// the entry that lists the source; where no entry matched, the entry that
// lists it, or else nothing, unlisted, since the citation names its source
// itself. A match by authors and year, or a near entry's mismatch, stands.
func (idx *entryIndex) withOwnSource(u string, r LinkResult) LinkResult {
	switch r.Status {
	case Ambiguous:
		for _, i := range idx.byURLMatches(u) {
			if id := idx.entries[i].ref.ID; slices.Contains(r.Candidates, id) {
				return LinkResult{Status: Resolved, Reference: id}
			}
		}
	case Unresolved:
		if m := idx.byURLMatches(u); len(m) > 0 {
			return idx.result(Resolved, m[:1])
		}
		return LinkResult{Status: Unlisted}
	}
	return r
}

// byNumber finds an entry by its label or, if places is set and no entry
// has that label, by its position in an unlabelled list.
func (idx *entryIndex) byNumber(n string, places bool) LinkResult {
	k := labelKey(n)
	m := idx.byLabel[k]
	if len(m) == 0 && places {
		m = idx.byPlace[k]
	}
	if len(m) == 0 {
		return LinkResult{Status: Unresolved}
	}
	return idx.result(Resolved, m)
}

func (idx *entryIndex) byURL(u string) LinkResult {
	m := idx.byURLMatches(u)
	if len(m) == 0 {
		return LinkResult{Status: Unlisted}
	}
	if len(m) > 1 { // the same URL listed twice is a duplicate entry, not an ambiguity
		m = m[:1]
	}
	return idx.result(Resolved, m)
}

// byURLMatches returns the entries that list u: by its URL, or failing
// that by the DOI a doi.org URL names.
func (idx *entryIndex) byURLMatches(u string) []int {
	nu := sources.URLKey(u)
	if nu == "" {
		return nil
	}
	m := idx.byLink[nu]
	if doi := sources.DOIFromURL(u); len(m) == 0 && doi != "" {
		m = idx.byLink["doi:"+doi]
	}
	return m
}

// authorScore says how well the cited authors match an entry's: 0 no
// match, 1 only the first author matches, 2 every cited author matches in
// order but the count does not agree, 3 the authors agree. "et al." stands
// for authors left out, so it agrees with an entry of three or more
// authors, and with two only when two are named: "(Allmann et al., 2010)"
// prefers Allmann, Halitschke & Baldwin to Allmann & Baldwin, and
// "(Kessler & Baldwin, 2001)" prefers Kessler & Baldwin to Kessler,
// Baldwin & Lee.
func authorScore(cited []string, etAl bool, entry []string) int {
	if len(cited) == 0 || len(entry) == 0 {
		return 0
	}
	if !sameName(cited[0], entry[0]) {
		return 0
	}
	if len(cited) > len(entry) {
		return 1
	}
	for i := 1; i < len(cited); i++ {
		if !sameName(cited[i], entry[i]) {
			return 1
		}
	}
	switch {
	case !etAl && len(cited) == len(entry):
		return 3
	case etAl && len(entry) > len(cited) && (len(entry) > 2 || len(cited) == 2):
		return 3
	}
	return 2
}

// isNameParticle reports whether a lower-case word is one that opens a
// surname and that some styles drop or sort by: "van der Berg", "de la
// Cruz", "von Neumann"; or a corporate name's "the".
func isNameParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "delle", "dei", "di", "da",
		"du", "des", "la", "le", "lo", "dos", "das", "do", "ter", "ten", "te", "vant", "zu", "zum", "zur",
		"af", "av", "al", "el", "bin", "ibn", "the":
		return true
	}
	return false
}

// stripParticles drops the particles (and a corporate "the") a normalised
// name opens with; a name made only of particles is kept whole.
func stripParticles(s string) string {
	rest := s
	for {
		i := strings.IndexByte(rest, ' ')
		if i < 0 || !isNameParticle(rest[:i]) {
			break
		}
		rest = rest[i+1:]
	}
	return rest
}

// compactEqual compares two normalised names ignoring spaces: "van der
// berg" and "vanderberg", "u s census bureau" and "us census bureau".
func compactEqual(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == ' ' {
			i++
		}
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

// sameName compares normalised names. Besides equal names it accepts the
// same name written with or without spaces ("van der Berg", "Vanderberg"),
// with or without its particles ("de la Cruz", "Cruz") or a leading "the",
// the first part of a compound name ("García" for "García Márquez",
// "Smith" for "Smith-Jones"), and a corporate name's acronym, alone or in
// brackets after it ("WHO" for "World Health Organization [WHO]").
func sameName(a, b string) bool {
	if a == "" || b == "" {
		return false // an empty name is no name
	}
	if a == b {
		return true
	}
	if compactEqual(a, b) {
		return true
	}
	if sa, sb := stripParticles(a), stripParticles(b); (sa != a || sb != b) && (sa == sb || compactEqual(sa, sb)) {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	// b is shorter: an acronym of a, or a's leading words
	if strings.Contains(a, " ") && !strings.Contains(b, " ") {
		if acronym(a) == b {
			return true
		}
		if rest, ok := strings.CutSuffix(a, b); ok && strings.HasSuffix(rest, " ") && acronym(rest) == b {
			return true // "world health organization who"
		}
	}
	return wordPrefix(a, b) || wordPrefix(stripParticles(a), stripParticles(b))
}

// wordPrefix reports whether b is a's leading words.
func wordPrefix(a, b string) bool {
	return len(a) > len(b) && a[len(b)] == ' ' && a[:len(b)] == b
}

// exactName reports whether two normalised names are the same but for
// spaces; it breaks ties between entries that sameName accepts alike.
func exactName(a, b string) bool { return a == b || compactEqual(a, b) }

func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		switch w {
		case "of", "for", "and", "the", "on", "in", "de", "des", "la", "le", "et", "und", "fur":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

func (idx *entryIndex) byAuthor(c Citation) LinkResult {
	cited := make([]string, len(c.Authors))
	for i, a := range c.Authors {
		cited[i] = NormalizeName(a)
	}
	// an initial a processor added to tell two authors of one surname
	// apart, "(J. Park, 2021)": the surname is matched, and the initial
	// tells the entries
	var initial rune
	if len(c.Authors) > 0 {
		if r, rest := cutInitials(c.Authors[0]); r != 0 {
			initial, cited[0] = r, NormalizeName(rest)
		}
	}
	year := normYear(c.Year)
	cands := idx.candidates(cited)
	if len(cands) > idx.maxScan {
		// a first author with thousands of entries: the entries by exactly
		// the cited authors in the cited year, when there are some, else
		// the first maxAuthorScan of the author's
		if !c.EtAl && c.Kind != KindAuthorPage {
			var exact []int // the best year match among them: "2001a" is not "2001b"
			bestY := 0
			for _, i := range idx.byExactAuthors(cited, year) {
				idx.examined++
				switch y := yearMatch(idx.entries[i].year, year); {
				case y > bestY:
					bestY, exact = y, append(exact[:0], i)
				case y == bestY && y > 0:
					exact = append(exact, i)
				}
			}
			if len(exact) > 0 {
				return idx.result(Resolved, exact)
			}
		}
		cands = cands[:idx.maxScan]
	}
	// entries of the cited year, and of another year; nothing keeps
	// either list past the call
	best, other := idx.bestBuf[:0], idx.otherBuf[:0]
	defer func() { idx.bestBuf, idx.otherBuf = best[:0], other[:0] }()
	bestScore, bestAuthor, otherAuthor := 0, 0, 0
	for _, i := range cands {
		idx.examined++
		e := &idx.entries[i]
		a := authorScore(cited, c.EtAl, e.authors)
		if a == 0 || initial != 0 && e.initial != 0 && e.initial != initial {
			continue
		}
		y := yearMatch(e.year, year)
		if c.Kind == KindAuthorPage {
			y = 2 // MLA cites by author and page: any year will do
		}
		if y == 0 {
			switch {
			case a > otherAuthor:
				otherAuthor, other = a, append(other[:0], i)
			case a == otherAuthor:
				other = append(other, i)
			}
			continue
		}
		switch score := a*3 + y; {
		case score > bestScore:
			bestScore, bestAuthor, best = score, a, append(best[:0], i)
		case score == bestScore:
			best = append(best, i)
		}
	}
	if bestAuthor == 1 && otherAuthor > 1 && c.Kind != KindAuthorPage {
		// only the first author matches in the cited year, while all of
		// them match in another: the year is what is wrong
		best = nil
	}
	if len(best) > 1 && c.Title != "" {
		best = idx.byTitle(best, c.Title)
	}
	if len(best) > 1 && len(cited) > 0 {
		// prefer the entries whose first author is the very name cited
		// ("de Souza" over "Souza"), when only some are
		exact := best[:0:0]
		for _, i := range best {
			if exactName(cited[0], idx.entries[i].authors[0]) {
				exact = append(exact, i)
			}
		}
		if len(exact) > 0 {
			best = exact
		}
	}
	if len(best) == 1 && c.Kind != KindAuthorPage {
		if k := &idx.entries[best[0]]; year != yearOnly(year) && k.year == yearOnly(year) {
			e := k.ref
			// "(Ballester et al., 2023b)" where the list has one 2023
			// work of theirs, with no letter: the letter says there was
			// another, and the entries no longer tell them apart
			return LinkResult{Status: Mismatched, Reference: e.ID,
				Reason: fmt.Sprintf("the year's letter differs: cited %s, listed %s with no letter", c.Year, e.Year)}
		}
	}
	if len(best) > 0 {
		return idx.result(Resolved, best)
	}
	if c.Kind == KindAuthorPage {
		// MLA cites no year: a near spelling among the first
		// maxAuthorScan entries
		for i := range min(len(idx.entries), idx.maxScan) {
			if r, ok := idx.nearSpelling(c, cited, i); ok {
				return r
			}
		}
		return LinkResult{Status: Unresolved}
	}
	if len(other) > 0 {
		near := idx.nearestYear(other, year)
		if idx.cited[idx.entries[near].ref.ID] {
			// an entry other citations cite as it is: the near one
			// nobody cites, if there is one
			uncited := other[:0:0]
			for _, i := range other {
				if !idx.cited[idx.entries[i].ref.ID] {
					uncited = append(uncited, i)
				}
			}
			if len(uncited) > 0 {
				near = idx.nearestYear(uncited, year)
			}
		}
		e := idx.entries[near].ref
		return LinkResult{Status: Mismatched, Reference: e.ID,
			Reason: fmt.Sprintf("the year differs: cited %s, listed %s", orNone(c.Year), orNone(e.Year))}
	}
	// the reverse: the year matches and the first author is a near
	// spelling (among the first maxAuthorScan entries of the year)
	sameYear := idx.byYear[year]
	for _, i := range sameYear[:min(len(sameYear), idx.maxScan)] {
		if r, ok := idx.nearSpelling(c, cited, i); ok {
			return r
		}
	}
	return LinkResult{Status: Unresolved}
}

// nearSpelling returns a mismatch with entry i when its first author is a
// near spelling of the cited one, "Jonson" for "Johnson".
func (idx *entryIndex) nearSpelling(c Citation, cited []string, i int) (LinkResult, bool) {
	idx.examined++
	e := &idx.entries[i]
	if len(e.authors) == 0 || len(cited) == 0 || !closeName(cited[0], e.authors[0]) {
		return LinkResult{}, false
	}
	return LinkResult{Status: Mismatched, Reference: e.ref.ID,
		Reason: fmt.Sprintf("the author differs: cited %s, listed %s", c.Authors[0], e.ref.Authors[0])}, true
}

// byTitle keeps the entries of cands whose title the cited short title
// names (MLA's "(Müller, Cities Below the Tide Line 88)"), when some do.
func (idx *entryIndex) byTitle(cands []int, title string) []int {
	t := NormalizeName(title)
	kept := cands[:0:0]
	for _, i := range cands {
		if titleMatch(t, NormalizeName(idx.entries[i].ref.Title)) {
			kept = append(kept, i)
		}
	}
	if len(kept) == 0 {
		return cands
	}
	return kept
}

// cutInitials splits the initials opening a cited name from the surname
// after them, "J. Park" or "J.-P. Martin": it returns the first initial,
// folded, and the surname, or 0 and the name when it opens with none.
func cutInitials(name string) (rune, string) {
	i := 0
	for i < len(name) {
		r, n := utf8.DecodeRuneInString(name[i:])
		if !unicode.IsUpper(r) || i+n >= len(name) || name[i+n] != '.' {
			break
		}
		i += n + 1
		for i < len(name) && (name[i] == ' ' || name[i] == '-') {
			i++
		}
	}
	if i == 0 || i >= len(name) {
		return 0, name
	}
	return foldInitial(name), name[i:]
}

// givenInitial returns the first letter of the given name of an entry's
// first author, folded, read from its text: "Park, Seo-yeon." and "Park,
// S." give 's', "S. Park" too; 0 when the text does not say.
func givenInitial(e *Reference) rune {
	if len(e.Authors) == 0 {
		return 0
	}
	_, text := cutLabel(e.Text)
	text = strings.TrimSpace(text)
	name := e.Authors[0]
	if strings.HasPrefix(text, name) {
		rest := strings.TrimLeft(text[len(name):], " ")
		if !strings.HasPrefix(rest, ",") {
			return 0
		}
		rest = strings.TrimLeft(rest[1:], " ")
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return foldInitial(rest)
		}
		return 0
	}
	if r, rest := cutInitials(text); r != 0 && strings.HasPrefix(rest, name) {
		return r
	}
	return 0
}

// foldInitial folds the first letter of s as NormalizeName would, without
// its accent: "É" is 'e'.
func foldInitial(s string) rune {
	r, n := utf8.DecodeRuneInString(s)
	if r >= utf8.RuneSelf {
		if d := norm.NFD.PropertiesString(s[:n]).Decomposition(); d != nil {
			r, _ = utf8.DecodeRune(d)
		}
	}
	return unicode.ToLower(r)
}

// maxAuthorScan bounds the entries one author-year citation is compared
// with, so that linking stays linear in the citations whatever the list: a
// first author with more entries is looked up by exactly the cited authors
// and year (byAuthors), and the near-spelling search of a year reads at
// most this many of its entries. No real list has a thousand entries by
// one first author; an adversarial one cannot make linking quadratic.
const maxAuthorScan = 1000

// byExactAuthors returns the entries by exactly the authors (normalised)
// in the year, in list order, indexing every entry by its authors and year
// the first time it is asked: only a first author with more than maxScan
// entries asks, and most lists have none.
func (idx *entryIndex) byExactAuthors(authors []string, year string) []int {
	if idx.byAuthors == nil {
		idx.byAuthors = map[string][]int{}
		for i, k := range idx.entries {
			if len(k.authors) > 0 {
				ak := authorsYearKey(k.authors, k.year)
				idx.byAuthors[ak] = append(idx.byAuthors[ak], i)
			}
		}
	}
	return idx.byAuthors[authorsYearKey(authors, year)]
}

// authorsYearKey is the key of byAuthors: the normalised authors and the
// year without its suffix.
func authorsYearKey(authors []string, year string) string {
	return strings.Join(authors, "\x00") + "\x01" + yearOnly(year)
}

// candidates returns, in list order, the entries whose first author may be
// the first cited author: those sharing one of its keys. Each key's entries
// are in list order already, so they are merged in one pass; with one key
// the index's own slice is returned, to be read only.
func (idx *entryIndex) candidates(cited []string) []int {
	if len(cited) == 0 {
		return nil
	}
	var keys [8]string
	var lists [8][]int
	heads := lists[:0]
	n := 0
	for _, k := range nameKeys(cited[0], keys[:0]) {
		if l := idx.byName[k]; len(l) > 0 {
			heads = append(heads, l)
			n += len(l)
		}
	}
	switch len(heads) {
	case 0:
		return nil
	case 1:
		return heads[0]
	}
	out := make([]int, 0, n)
	for {
		// the smallest entry at the head of a list, taken from every list
		// that starts with it
		least := -1
		for _, h := range heads {
			if len(h) > 0 && (least < 0 || h[0] < least) {
				least = h[0]
			}
		}
		if least < 0 {
			return out
		}
		out = append(out, least)
		for k, h := range heads {
			if len(h) > 0 && h[0] == least {
				heads[k] = h[1:]
			}
		}
	}
}

// nameKeys appends the lookup keys of a normalised name to keys: two names
// sameName accepts always share one. They are the name without spaces,
// the same without its particles, the first word of each, and the
// acronym of a name of several words (and of all but its last word, for
// "world health organization who").
func nameKeys(name string, keys []string) []string {
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	stripped := stripParticles(name)
	add(strings.ReplaceAll(name, " ", ""))
	add(strings.ReplaceAll(stripped, " ", ""))
	add(firstWord(name))
	add(firstWord(stripped))
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		add(acronym(name))
		add(acronym(name[:i]))
	}
	return keys
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// yearMatch says how well an entry's year matches the cited one: 2 the
// same, 1 the same year where only one side has a suffix ("2019" and
// "2019a"), 0 different.
func yearMatch(entry, cited string) int {
	switch {
	case entry == cited:
		return 2
	case yearOnly(entry) == cited || entry == yearOnly(cited):
		return 1
	}
	return 0
}

func (idx *entryIndex) nearestYear(cands []int, year string) int {
	y, _ := strconv.Atoi(yearOnly(year))
	best, bestD := cands[0], 1<<30
	for _, i := range cands {
		ey, _ := strconv.Atoi(yearOnly(idx.entries[i].year))
		d := ey - y
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

func orNone(s string) string {
	if s == "" {
		return "no year"
	}
	return s
}

// closeName reports whether two normalised surnames differ by at most one
// edit (or two for long names): a typo, not another person.
func closeName(a, b string) bool {
	if a == b || len(a) < 4 || len(b) < 4 {
		return false
	}
	limit := 1
	if len(a) >= 8 {
		limit = 2
	}
	return editDistance(a, b, limit) <= limit
}

// editDistance returns the Levenshtein distance of a and b, counted in
// characters, or limit+1 when it is more than limit. It stops as soon as
// every cell of a row is past the limit, and for names of up to 64
// characters it needs no allocation.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > 4*limit || -d > 4*limit {
		return limit + 1 // more characters apart than the limit, whatever the runes
	}
	var ba, bb [64]rune
	ra, rb := appendRunes(ba[:0], a), appendRunes(bb[:0], b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	var bp, bc [65]int
	prev, cur := bp[:0], bc[:0]
	if len(rb) >= len(bp) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1 // no later row can come back under the limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit+1)
}

// appendRunes appends the runes of s to dst.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// NormalizeName folds a surname or corporate name for comparison: lower
// case, diacritics removed, apostrophes and full stops dropped, other
// punctuation (hyphens too) turned into single spaces. "Müller" and
// "Muller", "O'Neil" and "ONeil", "Smith-Jones" and "Smith Jones" compare
// equal. Input already folded is returned as is; otherwise the result is
// built in one allocation, without a transform chain.
func NormalizeName(s string) string {
	folded := true
	prev := byte(' ')
	for i := 0; i < len(s) && folded; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && prev != ' ':
		default:
			folded = false
		}
		prev = c
	}
	if folded && prev != ' ' || s == "" {
		return s
	}
	f := nameFolder{}
	f.b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// a run of lower-case letters and digits is written as it is
			j := i
			for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9') {
				j++
			}
			if j > i {
				if f.space && f.b.Len() > 0 {
					f.b.WriteByte(' ')
				}
				f.space = false
				f.b.WriteString(s[i:j])
				i = j
				continue
			}
			f.addASCII(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 {
			// the canonical decomposition, whose combining accents fold away
			if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
				for _, dr := range string(d) {
					f.add(dr)
				}
				i += n
				continue
			}
		}
		f.add(r)
		i += n
	}
	return f.b.String()
}

// nameFolder writes the runes of a name as NormalizeName folds them.
type nameFolder struct {
	b     strings.Builder
	space bool // a separator seen and not yet written
}

// addASCII is add for an ASCII byte, without the Unicode tables.
func (f *nameFolder) addASCII(c byte) {
	switch {
	case c == '\'' || c == '.':
		return
	case c >= 'A' && c <= 'Z':
		c += 'a' - 'A'
	case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
	default:
		f.space = true
		return
	}
	if f.space && f.b.Len() > 0 {
		f.b.WriteByte(' ')
	}
	f.space = false
	f.b.WriteByte(c)
}

func (f *nameFolder) add(r rune) {
	switch {
	case r == '\'' || r == '’' || r == '.': // O'Neil, St. John
		return
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r < 'a' || r > 'z' {
			if r < '0' || r > '9' {
				f.space = true
				return
			}
		}
	case unicode.Is(unicode.Mn, r):
		return // an accent
	case unicode.IsMark(r):
		// a spacing vowel sign (Devanagari and the like) is part of the word
	default:
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			f.space = true
			return
		}
	}
	if f.space && f.b.Len() > 0 {
		f.b.WriteByte(' ')
	}
	f.space = false
	switch r {
	case 'ß':
		f.b.WriteString("ss")
	case 'ø':
		f.b.WriteByte('o')
	case 'æ':
		f.b.WriteString("ae")
	case 'œ':
		f.b.WriteString("oe")
	case 'ł':
		f.b.WriteByte('l')
	case 'đ':
		f.b.WriteByte('d')
	case 'ı':
		f.b.WriteByte('i')
	default:
		f.b.WriteRune(r)
	}
}

// normYear folds a year for comparison: "2019a" stays, "(2019a)" and
// "c. 2019" lose what surrounds the year, every spelling of "no date"
// becomes "n.d." and of "in press" becomes "in press".
func normYear(y string) string {
	y = strings.ToLower(strings.TrimSpace(y))
	if y == "" {
		return ""
	}
	// the first run of four digits, with a one-letter suffix
	for i := 0; i+4 <= len(y); i++ {
		if !yearDigits(y[i:i+4]) || i > 0 && yearDigit(y[i-1]) || i+4 < len(y) && yearDigit(y[i+4]) {
			continue
		}
		end := i + 4
		if end < len(y) && y[end] >= 'a' && y[end] <= 'z' && (end+1 == len(y) || !yearLetter(y[end+1])) {
			end++
		}
		return y[i:end]
	}
	var b strings.Builder
	for i := 0; i < len(y); i++ {
		if c := y[i]; c != '.' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '[' && c != ']' {
			b.WriteByte(c)
		}
	}
	switch k := b.String(); k {
	case "nd", "sd", "sf", "oj", "sa", "undated", "nodate":
		return "n.d."
	case "inpress", "forthcoming", "imdruck", "souspresse", "enprensa", "inprep", "inpreparation", "accepted":
		return "in press"
	}
	return strings.TrimRight(y, ".")
}

func yearDigit(c byte) bool  { return c >= '0' && c <= '9' }
func yearLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

func yearDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !yearDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func yearOnly(y string) string {
	if len(y) > 4 && y[0] >= '0' && y[0] <= '9' {
		return y[:4]
	}
	return y
}

// workOf returns the work entry i lists: its WorkKey, or for an entry that
// says too little, its whole text folded, so that only word-for-word copies
// are the same work. It is computed once, when first asked.
func (idx *entryIndex) workOf(i int) string {
	k := &idx.entries[i]
	if !k.workDone {
		k.work, k.workDone = WorkKey(k.ref), true
		if k.work == "" {
			if t := NormalizeName(strings.TrimPrefix(k.ref.Text, k.ref.Label)); t != "" {
				k.work = "text:" + t
			}
		}
	}
	return k.work
}

// WorkKey identifies the work an entry lists, so that two entries of the
// same work compare equal: "doi:" and its DOI (sources.DOIKey); else, when
// it has no title, "url:" and its URL (sources.URLKey); else "work:" and
// its first author, year and title, folded (NormalizeName), and its URL
// if it has one; else its URL.
// It returns "" when the entry says too little to tell. Linking uses it so
// that a work listed twice is no ambiguity, and the duplicate-reference
// rule to find the second copy.
func WorkKey(e *Reference) string {
	if e.DOI != "" {
		return "doi:" + sources.DOIKey(e.DOI)
	}
	u := sources.URLKey(e.URL)
	if u != "" && e.Title == "" {
		return "url:" + u
	}
	if e.Title != "" && len(e.Authors) > 0 {
		k := "work:" + NormalizeName(e.Authors[0]) + "|" + e.Year + "|" + NormalizeName(e.Title)
		if u != "" {
			// one title at two addresses is two works: a critic's two
			// reviews of a film, the parts of a series
			k += "|" + u
		}
		return k
	}
	if u != "" {
		return "url:" + u
	}
	return ""
}
