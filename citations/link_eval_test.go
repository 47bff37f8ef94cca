package citations

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// linkEvalDir holds the evaluation articles; the test reads them in place.
const linkEvalDir = "../../shared/data/citation-docs"

// linkUnit is one cited work of a gold xref, with the reference it cites.
// A numeric xref "1–3" is three units; an author-year xref is one.
type linkUnit struct {
	start, end int    // in the text loadJATS built
	number     string // the number cited, for numeric xrefs
	rid        string // the id of the gold <ref>
	// doubtful marks an author-year xref whose text names neither an
	// author nor the year of the <ref> it points to: an error in the gold
	// ("Steppuhn and Baldwin, 2007" pointing at Price et al. 1980). Such
	// units are counted apart and left out of the figures.
	doubtful bool
}

// doubtfulXref reports whether an author-year xref's text shares neither
// its first word nor its year with the text of the reference it points to.
func doubtfulXref(xref, ref string) bool {
	words := strings.FieldsFunc(xref, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	ref = NormalizeName(ref)
	if strings.Contains(ref, NormalizeName(words[0])) {
		return false
	}
	for _, w := range words {
		if len(w) >= 4 && w[0] >= '1' && w[0] <= '2' && strings.Contains(ref, strings.TrimRight(w, "abcdefgh")) {
			return false
		}
	}
	return true
}

// linkGoldUnits expands the gold xrefs into units. The rid of a range names
// only its first reference, so the others are found by label, or by
// position in the list when the list has no labels. Two numeric xrefs
// joined by a dash ("[5]–[9]") are the range they write.
func linkGoldUnits(text string, gold []goldXref, refs []goldRef) []linkUnit {
	byID, byLabel := map[string]int{}, map[string]int{}
	for i, r := range refs {
		byID[r.ID] = i
		if r.Label != "" {
			byLabel[r.Label] = i
		}
	}
	// ridFor names the reference number n cites, given that first cites rid.
	ridFor := func(rid string, first, n int) string {
		if n == first {
			return rid
		}
		if i, ok := byLabel[strconv.Itoa(n)]; ok {
			return refs[i].ID
		}
		if i, ok := byID[rid]; ok && i+n-first >= 0 && i+n-first < len(refs) {
			return refs[i+n-first].ID
		}
		return ""
	}
	var units []linkUnit
	for i := 0; i < len(gold); i++ {
		x := gold[i]
		ranges, ok := linkEvalNumbers(x.Text)
		if !ok {
			u := linkUnit{start: x.Start, end: x.End, rid: x.RID}
			if ri, ok := byID[x.RID]; ok {
				u.doubtful = doubtfulXref(x.Text, refs[ri].Text)
			}
			units = append(units, u)
			continue
		}
		if len(ranges) == 1 && ranges[0][0] == ranges[0][1] && i+1 < len(gold) {
			between := text[x.End:gold[i+1].Start]
			r, n := utf8.DecodeRuneInString(between)
			next, nextOK := linkEvalNumbers(gold[i+1].Text)
			if n == len(between) && strings.ContainsRune("-–—‐‑−", r) && nextOK && len(next) == 1 && next[0][0] > ranges[0][0] {
				lo, hi := ranges[0][0], next[0][0]
				for v := lo; v <= hi; v++ {
					units = append(units, linkUnit{start: x.Start, end: gold[i+1].End, number: strconv.Itoa(v), rid: ridFor(x.RID, lo, v)})
				}
				i++
				continue
			}
		}
		first := ranges[0][0]
		for _, rg := range ranges {
			for v := rg[0]; v <= rg[1] && v-rg[0] < 200; v++ {
				units = append(units, linkUnit{start: x.Start, end: x.End, number: strconv.Itoa(v), rid: ridFor(x.RID, first, v)})
			}
		}
	}
	return units
}

// linkEvalNumbers reads an xref text made of numbers, commas and ranges
// ("1", "[2, 3]", "4–6") into ranges; ok is false for anything else.
func linkEvalNumbers(s string) (ranges [][2]int, ok bool) {
	s = strings.Trim(s, "[]() ")
	if s == "" {
		return nil, false
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi := part, part
		if i := strings.IndexAny(part, "-–—‐‑−"); i > 0 {
			_, w := utf8.DecodeRuneInString(part[i:])
			lo, hi = strings.TrimSpace(part[:i]), strings.TrimSpace(part[i+w:])
		}
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || b < a {
			return nil, false
		}
		ranges = append(ranges, [2]int{a, b})
	}
	return ranges, true
}

// goldRefSpans returns where each gold reference sits in the text loadJATS
// wrote: "References\n", then "\n" + label + ". " + text + "\n" per entry.
func goldRefSpans(t testing.TB, text string, refs []goldRef) []sources.Span {
	t.Helper()
	n := 0
	for _, r := range refs {
		n += 2 + len(r.Text)
		if r.Label != "" {
			n += len(r.Label) + 2
		}
	}
	pos := len(text) - n
	require.True(t, pos >= len("References\n") && text[pos-len("References\n"):pos] == "References\n", "reference section layout")
	spans := make([]sources.Span, len(refs))
	for i, r := range refs {
		pos++
		start := pos
		if r.Label != "" {
			pos += len(r.Label) + 2
		}
		pos += len(r.Text)
		spans[i] = sources.Span{Start: start, End: pos}
		pos++
	}
	return spans
}

// withoutLabels rewrites the reference list of a text loadJATS wrote
// without the entries' numbers, so that numbers in the text can only be
// linked by position. The body, and so the gold xrefs, stay where they were.
func withoutLabels(t testing.TB, text string, refs []goldRef) (string, []goldRef) {
	t.Helper()
	spans := goldRefSpans(t, text, refs)
	if len(spans) == 0 {
		return text, refs
	}
	var sb strings.Builder
	sb.WriteString(text[:spans[0].Start-1])
	listed := make([]goldRef, len(refs))
	for i, r := range refs {
		listed[i] = goldRef{ID: r.ID, Text: r.Text}
		sb.WriteString("\n" + r.Text + "\n")
	}
	return sb.String(), listed
}

// linkScore counts what detection and linking got right in one article or
// a set of them.
type linkScore struct {
	detected, detCorrect int // citations found outside the lists, and those matching a unit
	gold, goldFound      int // gold units, and those matched by a found citation
	resolved, correct    int // Resolved links made, and those to the right entry
	goldLinked           int // gold units linked right by a matching citation
	ambiguous            int // found citations by status
	mismatched           int
	unresolved           int
	doubtful             int // gold units left out as errors in the gold
	refs, refsOne        int // gold refs, and those found as exactly one entry
	entries, strayEntry  int // entries found, and those matching no gold ref
	failures             []string
}

func (s *linkScore) add(o linkScore) {
	s.detected += o.detected
	s.detCorrect += o.detCorrect
	s.gold += o.gold
	s.goldFound += o.goldFound
	s.resolved += o.resolved
	s.correct += o.correct
	s.goldLinked += o.goldLinked
	s.ambiguous += o.ambiguous
	s.mismatched += o.mismatched
	s.unresolved += o.unresolved
	s.doubtful += o.doubtful
	s.refs += o.refs
	s.refsOne += o.refsOne
	s.entries += o.entries
	s.strayEntry += o.strayEntry
}

func linkRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s linkScore) detP() float64  { return linkRatio(s.detCorrect, s.detected) }
func (s linkScore) detR() float64  { return linkRatio(s.goldFound, s.gold) }
func (s linkScore) linkP() float64 { return linkRatio(s.correct, s.resolved) }
func (s linkScore) linkR() float64 { return linkRatio(s.goldLinked, s.gold) }
func (s linkScore) linkF1() float64 {
	p, r := s.linkP(), s.linkR()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s linkScore) row(name string) string {
	return fmt.Sprintf("%-30s det P %.3f R %.3f (%d/%d, %d/%d) | link P %.3f (%d/%d) R %.3f (%d/%d) F1 %.3f | amb %d mism %d unres %d | refs %d/%d one entry, %d stray | %d gold errors left out",
		name, s.detP(), s.detR(), s.detCorrect, s.detected, s.goldFound, s.gold,
		s.linkP(), s.correct, s.resolved, s.linkR(), s.goldLinked, s.gold, s.linkF1(),
		s.ambiguous, s.mismatched, s.unresolved, s.refsOne, s.refs, s.strayEntry, s.doubtful)
}

// linkInsideLists reports whether a span lies inside a found reference list.
func linkInsideLists(lists []ReferenceList, s sources.Span) bool {
	for _, l := range lists {
		if l.Span.Contains(s) || l.HeadingSpan.Len() > 0 && l.HeadingSpan.Contains(s) {
			return true
		}
		for _, e := range l.Entries {
			if e.Span.Contains(s) {
				return true
			}
		}
	}
	return false
}

func linkShort(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// evalLinkingJATS runs the whole text pipeline on one article and scores
// it against the article's xrefs.
func evalLinkingJATS(t *testing.T, path string, unlabelled bool) linkScore {
	text, gold, refs := loadJATS(t, path)
	listed := refs // the entries as the list in the text writes them
	if unlabelled {
		text, listed = withoutLabels(t, text, refs)
	}
	doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: "x.txt", Format: sources.FormatText})
	require.NoError(t, err)
	lists := FindReferences(doc)
	var cits []Citation
	var spans []sources.Span // in text
	for _, c := range Find(doc) {
		if linkInsideLists(lists, c.Span) {
			continue
		}
		start, end := doc.SourceOffsets(c.Span)
		cits = append(cits, c)
		spans = append(spans, sources.Span{Start: start, End: end})
	}
	links := Link(cits, lists)
	require.Len(t, links, len(cits))

	// each found entry stands for the gold ref it overlaps most
	refSpans := goldRefSpans(t, text, listed)
	entryRef := map[string]string{} // entry ID -> gold ref id
	entryText := map[string]*Reference{}
	perRef := make([]int, len(refs))
	var sc linkScore
	for li := range lists {
		for ei := range lists[li].Entries {
			e := &lists[li].Entries[ei]
			entryText[e.ID] = e
			sc.entries++
			start, end := doc.SourceOffsets(e.Span)
			es := sources.Span{Start: start, End: end}
			best, bestN := -1, 0
			for gi, gs := range refSpans {
				if n := min(es.End, gs.End) - max(es.Start, gs.Start); n > bestN {
					best, bestN = gi, n
				}
			}
			if best < 0 {
				sc.strayEntry++
				continue
			}
			entryRef[e.ID] = refs[best].ID
			perRef[best]++
		}
	}
	goldText := map[string]string{}
	for i, r := range refs {
		goldText[r.ID] = r.Text
		if perRef[i] == 1 {
			sc.refsOne++
		}
	}
	sc.refs = len(refs)

	all := linkGoldUnits(text, gold, refs)
	var units, doubtful []linkUnit
	for _, u := range all {
		if u.doubtful {
			doubtful = append(doubtful, u)
			sc.failures = append(sc.failures, fmt.Sprintf("gold error left out: %q points at %s %q", text[u.start:u.end], u.rid, linkShort(goldText[u.rid], 60)))
		} else {
			units = append(units, u)
		}
	}
	sc.doubtful, sc.gold = len(doubtful), len(units)
	matches := func(ci int, u linkUnit) bool {
		s := spans[ci]
		if s.Start >= u.end || u.start >= s.End {
			return false
		}
		return u.number == "" || cits[ci].Number == "" || cits[ci].Number == u.number
	}
	cited := func(ci int) string {
		c := cits[ci]
		if c.Number != "" {
			return fmt.Sprintf("%q #%s", c.Text, c.Number)
		}
		return fmt.Sprintf("%q %v etal=%v %q", c.Text, c.Authors, c.EtAl, c.Year)
	}
	entryDesc := func(id string) string {
		e := entryText[id]
		if e == nil {
			return id + " ?"
		}
		return fmt.Sprintf("%s label=%q %v %q %q", id, e.Label, e.Authors, e.Year, linkShort(e.Text, 90))
	}
	for ci, l := range links {
		onDoubtful, onGold := false, false
		for _, u := range all {
			if matches(ci, u) {
				onDoubtful = onDoubtful || u.doubtful
				onGold = onGold || !u.doubtful
			}
		}
		if onDoubtful && !onGold {
			continue
		}
		sc.detected++
		switch l.Status {
		case Resolved:
			sc.resolved++
		case Ambiguous:
			sc.ambiguous++
		case Mismatched:
			sc.mismatched++
		case Unresolved:
			sc.unresolved++
		}
		matched, right := false, false
		for _, u := range units {
			if matches(ci, u) {
				matched = true
				if l.Status == Resolved && entryRef[l.Reference] == u.rid {
					right = true
				}
			}
		}
		if matched {
			sc.detCorrect++
		} else {
			sc.failures = append(sc.failures, fmt.Sprintf("spurious %s %s (%s)", cited(ci), l.Status, excerptAround(text, spans[ci])))
		}
		if right {
			sc.correct++
		} else if matched && l.Status == Resolved {
			sc.failures = append(sc.failures, fmt.Sprintf("wrong link %s -> %s", cited(ci), entryDesc(l.Reference)))
		}
	}
	for _, u := range units {
		found, linked := false, false
		var how []string
		for ci := range cits {
			if !matches(ci, u) {
				continue
			}
			found = true
			l := links[ci]
			if l.Status == Resolved && entryRef[l.Reference] == u.rid {
				linked = true
				break
			}
			h := fmt.Sprintf("%s %s", cited(ci), l.Status)
			switch {
			case l.Status == Ambiguous:
				h += fmt.Sprintf(" %v", l.Candidates)
			case l.Reference != "":
				h += " -> " + entryDesc(l.Reference)
			}
			if l.Reason != "" {
				h += " (" + l.Reason + ")"
			}
			how = append(how, h)
		}
		if found {
			sc.goldFound++
		}
		if linked {
			sc.goldLinked++
			continue
		}
		var want []string
		for id, r := range entryRef {
			if r == u.rid {
				want = append(want, entryDesc(id))
			}
		}
		sort.Strings(want)
		if !found {
			how = []string{"not detected"}
		}
		if len(want) == 0 {
			want = []string{"no entry for gold " + u.rid + " " + linkShort(goldText[u.rid], 90)}
		}
		sc.failures = append(sc.failures, fmt.Sprintf("unlinked %q %s (%s): %s; want %s",
			text[u.start:u.end], u.number, excerptAround(text, sources.Span{Start: u.start, End: u.end}),
			strings.Join(how, "; "), strings.Join(want, " | ")))
	}
	return sc
}

// TestEvalLinkingJATS measures detection and linking end to end on the
// eLife (author-year) and PLOS (numeric) JATS articles: each is written out
// as plain text by loadJATS, read by the text reader, scanned by Find and
// FindReferences, and linked by Link. A link is right when the citation
// overlaps a gold xref (with the same number, for numeric ones) and the
// entry it resolves to sits where the xref's <ref> was written.
func TestEvalLinkingJATS(t *testing.T) {
	for _, set := range []struct {
		dir                 string
		unlabelled          bool // the list written without its numbers
		detFloor, linkFloor float64
	}{
		// measured: eLife detection P 0.984 R 1.000, linking F1 0.992;
		// PLOS 1.000 throughout, and 1.000 too when the list is written
		// without its numbers and citations link by position.
		{"elife-jats-author-year", false, 0.96, 0.97},
		{"plos-jats-numeric", false, 0.98, 0.98},
		{"plos-jats-numeric", true, 0.98, 0.95},
	} {
		name := set.dir
		if set.unlabelled {
			name += "/unlabelled-list"
		}
		t.Run(name, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(linkEvalDir, set.dir, "*.xml"))
			require.NoError(t, err)
			if len(files) == 0 {
				t.Skipf("evaluation data %s not present", filepath.Join(linkEvalDir, set.dir))
			}
			sort.Strings(files)
			var total linkScore
			for _, path := range files {
				sc := evalLinkingJATS(t, path, set.unlabelled)
				t.Log(sc.row(filepath.Base(path)))
				if testing.Verbose() {
					for _, f := range sc.failures {
						t.Logf("    %s", f)
					}
				}
				total.add(sc)
			}
			t.Log(total.row("OVERALL " + name))
			assert.GreaterOrEqual(t, total.detP(), set.detFloor, "detection precision")
			assert.GreaterOrEqual(t, total.detR(), set.detFloor, "detection recall")
			assert.GreaterOrEqual(t, total.linkF1(), set.linkFloor, "linking F1")
		})
	}
}
