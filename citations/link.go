package citations

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
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
	// Unlisted: a hyperlink citation whose URL is not in the reference
	// list. A link is a source in itself, so this is not a problem.
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
	// ambiguous.
	Candidates []string
	// Reason says, for a mismatch, what differs.
	Reason string
}

// Link links every citation to the entry it cites. It is a pure function of
// its inputs: the result for cits[i] is at index i. Numbers and footnote
// labels match entry labels, anchors or positions in a numbered list;
// author-year citations match on surnames (ignoring case, diacritics,
// "et al." and "&"/"and") and year (a year suffix is kept apart: 2019a is
// not 2019b); hyperlinks match an entry's URL or DOI.
func Link(cits []Citation, lists []ReferenceList) []LinkResult {
	idx := newEntryIndex(lists)
	out := make([]LinkResult, len(cits))
	for i, c := range cits {
		out[i] = idx.link(c)
		out[i].Citation = c.ID
	}
	return out
}

type entryKey struct {
	ref     *Reference
	ordinal int      // 1-based position in a numbered list, 0 if none
	authors []string // normalised family names
	year    string   // normalised year with suffix
	url     string   // normalised URL
	doi     string
	work    string // identifies the work, so that a duplicate entry is no ambiguity
}

type entryIndex struct {
	entries  []entryKey
	byLabel  map[string][]int
	byAnchor map[string]int
}

func newEntryIndex(lists []ReferenceList) *entryIndex {
	idx := &entryIndex{byLabel: map[string][]int{}, byAnchor: map[string]int{}}
	for li := range lists {
		list := &lists[li]
		numbered := 0
		for _, e := range list.Entries {
			if e.Label != "" {
				numbered++
			}
		}
		for ei := range list.Entries {
			e := &list.Entries[ei]
			k := entryKey{ref: e, year: normYear(e.Year), url: NormalizeURL(e.URL), doi: strings.ToLower(e.DOI)}
			k.work = k.doi
			if k.work == "" {
				k.work = NormalizeName(strings.TrimPrefix(e.Text, e.Label))
			}
			if numbered == 0 { // an unlabelled list is numbered by position
				k.ordinal = ei + 1
			}
			for _, a := range e.Authors {
				k.authors = append(k.authors, NormalizeName(a))
			}
			i := len(idx.entries)
			idx.entries = append(idx.entries, k)
			if e.Label != "" {
				idx.byLabel[strings.ToLower(e.Label)] = append(idx.byLabel[strings.ToLower(e.Label)], i)
			} else if k.ordinal > 0 {
				l := strconv.Itoa(k.ordinal)
				idx.byLabel[l] = append(idx.byLabel[l], i)
			}
			if e.Anchor != "" {
				if _, dup := idx.byAnchor[e.Anchor]; !dup {
					idx.byAnchor[e.Anchor] = i
				}
			}
		}
	}
	return idx
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
		if w := idx.entries[m].work; w == "" || w != idx.entries[matches[0]].work {
			same = false
		}
	}
	if same { // the same work listed twice: cite the first copy
		return LinkResult{Status: status, Reference: idx.entries[matches[0]].ref.ID}
	}
	r := LinkResult{Status: Ambiguous}
	for _, m := range matches {
		r.Candidates = append(r.Candidates, idx.entries[m].ref.ID)
	}
	return r
}

func (idx *entryIndex) link(c Citation) LinkResult {
	switch c.Kind {
	case KindFootnote:
		if i, ok := idx.byAnchor[c.Target]; ok {
			return idx.result(Resolved, []int{i})
		}
		return idx.byNumber(c.Number)
	case KindNumeric:
		return idx.byNumber(c.Number)
	case KindLink:
		return idx.byURL(c.URL)
	case KindAuthorYear, KindAuthorPage:
		return idx.byAuthor(c)
	}
	return LinkResult{Status: Unresolved}
}

func (idx *entryIndex) byNumber(n string) LinkResult {
	m := idx.byLabel[strings.ToLower(strings.TrimSpace(n))]
	if len(m) == 0 {
		return LinkResult{Status: Unresolved}
	}
	return idx.result(Resolved, m)
}

func (idx *entryIndex) byURL(u string) LinkResult {
	nu := NormalizeURL(u)
	if nu == "" {
		return LinkResult{Status: Unlisted}
	}
	doi := DOIFromURL(u)
	var m []int
	for i, e := range idx.entries {
		if e.url == nu || doi != "" && e.doi == doi {
			m = append(m, i)
		}
	}
	if len(m) == 0 {
		return LinkResult{Status: Unlisted}
	}
	if len(m) > 1 { // the same URL listed twice is a duplicate entry, not an ambiguity
		m = m[:1]
	}
	return idx.result(Resolved, m)
}

// authorScore says how well the cited authors match an entry's: 0 no
// match, 1 the first author matches, 2 every cited author matches in order.
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
	case etAl && len(entry) < 2:
		return 1
	case !etAl && len(cited) < len(entry) && len(entry) <= 2:
		return 1 // "(Smith, 2019)" for Smith & Lee is a near miss
	}
	return 2
}

// sameName compares normalised names; a corporate name also matches its
// abbreviation in brackets ("World Health Organization [WHO]").
func sameName(a, b string) bool {
	if a == b {
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
	}
	return strings.HasPrefix(a, b+" ")
}

func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		switch w {
		case "of", "for", "and", "the", "on", "in", "de", "des", "la", "le":
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
	year := normYear(c.Year)
	var best, sameAuthor []int
	bestScore := 0
	for i, e := range idx.entries {
		a := authorScore(cited, c.EtAl, e.authors)
		if a == 0 {
			continue
		}
		y := yearMatch(e.year, year)
		if c.Kind == KindAuthorPage {
			y = 2 // MLA cites by author and page: any year will do
		}
		if y == 0 {
			sameAuthor = append(sameAuthor, i)
			continue
		}
		switch score := a*3 + y; {
		case score > bestScore:
			bestScore, best = score, append(best[:0], i)
		case score == bestScore:
			best = append(best, i)
		}
	}
	if len(best) > 0 {
		return idx.result(Resolved, best)
	}
	if c.Kind == KindAuthorPage {
		return LinkResult{Status: Unresolved}
	}
	if len(sameAuthor) > 0 {
		near := idx.nearestYear(sameAuthor, year)
		e := idx.entries[near].ref
		return LinkResult{Status: Mismatched, Reference: e.ID,
			Reason: fmt.Sprintf("the year differs: cited %s, listed %s", orNone(c.Year), orNone(e.Year))}
	}
	// the reverse: the year matches and the first author is a near spelling
	for i, e := range idx.entries {
		if e.year != year || len(e.authors) == 0 || len(cited) == 0 {
			continue
		}
		if closeName(cited[0], e.authors[0]) {
			r := idx.entries[i].ref
			return LinkResult{Status: Mismatched, Reference: r.ID,
				Reason: fmt.Sprintf("the author differs: cited %s, listed %s", c.Authors[0], r.Authors[0])}
		}
	}
	return LinkResult{Status: Unresolved}
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

func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// NormalizeName folds a surname or corporate name for comparison: lower
// case, diacritics removed, punctuation dropped, spaces collapsed.
// "Müller" and "Muller", "O'Neil" and "ONeil" compare equal.
func NormalizeName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(folded) {
		if r == '\'' || r == '’' || r == '.' { // O'Neil, St. John
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case 'ß':
			b.WriteString("ss")
		case 'ø':
			b.WriteByte('o')
		case 'æ':
			b.WriteString("ae")
		case 'ł':
			b.WriteByte('l')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func normYear(y string) string {
	y = strings.ToLower(strings.TrimSpace(y))
	switch y {
	case "n.d.", "n.d", "nd", "no date", "s.d.":
		return "n.d."
	}
	return strings.TrimRight(y, ".")
}

func yearOnly(y string) string {
	if len(y) > 4 && y[0] >= '0' && y[0] <= '9' {
		return y[:4]
	}
	return y
}

// NormalizeURL folds a URL for comparison: no scheme, no "www.", no
// fragment, no trailing slash, lower-case host. It returns "" for what is
// not an absolute http(s) URL.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := strings.TrimRight(u.EscapedPath(), "/")
	s := host + p
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s
}

// DOIFromURL returns the DOI a doi.org or dx.doi.org URL names, lower-cased,
// or "".
func DOIFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	switch strings.TrimPrefix(strings.ToLower(u.Host), "www.") {
	case "doi.org", "dx.doi.org":
		d, err := url.PathUnescape(strings.TrimPrefix(u.EscapedPath(), "/"))
		if err != nil || !strings.HasPrefix(d, "10.") {
			return ""
		}
		return strings.ToLower(d)
	}
	return ""
}
