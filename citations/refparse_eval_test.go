package citations

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// anystyleDir holds AnyStyle's labelled reference strings; see
// shared/data/SOURCES.md. Tests read it at run time and skip when absent.
const anystyleDir = "../../shared/data/anystyle-reference-strings"

// labelledReference is one <sequence>: the reference string and its
// labelled segments (label -> texts, in order).
type labelledReference struct {
	text   string
	fields map[string][]string
}

// readLabelledReferences reads an AnyStyle parser data set.
func readLabelledReferences(path string) ([]labelledReference, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var (
		out   []labelledReference
		cur   *labelledReference
		parts []string
		label string
		buf   strings.Builder
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "sequence":
				cur = &labelledReference{fields: map[string][]string{}}
				parts = parts[:0]
			case cur != nil:
				label = t.Name.Local
				buf.Reset()
			}
		case xml.CharData:
			if label != "" {
				buf.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "sequence" && cur != nil:
				cur.text = strings.Join(parts, " ")
				out = append(out, *cur)
				cur = nil
			case label != "" && t.Name.Local == label:
				seg := strings.Join(strings.Fields(buf.String()), " ")
				if seg != "" {
					parts = append(parts, seg)
					cur.fields[label] = append(cur.fields[label], seg)
				}
				label = ""
			}
		}
	}
}

// fieldScore counts matches for one field.
type fieldScore struct{ tp, fp, fn int }

func (s *fieldScore) add(gold, got string, match bool) {
	switch {
	case gold == "" && got == "":
	case gold == "":
		s.fp++
	case got == "":
		s.fn++
	case match:
		s.tp++
	default:
		s.fp++
		s.fn++
	}
}

func (s fieldScore) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// evalFields are the fields TestEvalReferenceParsing scores, in print order.
var evalFields = []string{"author", "year", "title", "title~", "container", "container~", "volume", "pages", "doi", "url"}

// foldText lower-cases s, drops diacritics and turns every run of
// punctuation and white space into one space.
func foldText(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// tokenF1 is the F1 of the word multisets of two folded strings.
func tokenF1(a, b string) float64 {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) == 0 || len(bw) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range aw {
		count[w]++
	}
	common := 0
	for _, w := range bw {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(bw)), float64(common)/float64(len(aw))
	return 2 * p * r / (p + r)
}

// goldYear is the first 4-digit year (with a letter suffix) in the gold
// date, or "n.d.".
func goldYear(date string) string {
	if y := firstYear(date); y != "" {
		return y
	}
	if strings.Contains(strings.ToLower(date), "n.d") {
		return "n.d."
	}
	return ""
}

// firstNumber returns the first run of digits (or a Roman numeral after a
// volume word) in s, lower-cased.
func firstNumber(s string) string {
	s = strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			return strings.TrimLeft(s[i:j], "0")
		}
	}
	for _, w := range strings.Fields(strings.NewReplacer(".", " ", ",", " ", "(", " ", ")", " ").Replace(s)) {
		if isRoman(w) {
			return w
		}
	}
	return ""
}

// pageRange normalises pages: from the first digit (or e/S prefix), digits,
// letters and colons with every dash written "-".
func pageRange(s string) string {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return ""
	}
	if i > 0 && (s[i-1] == 'e' || s[i-1] == 'S') {
		i--
	}
	var b strings.Builder
	for _, r := range s[i:] {
		switch {
		case r >= '0' && r <= '9' || r == ':' || unicode.IsLetter(r):
			b.WriteRune(r)
		case r == '-' || r == '–' || r == '—' || r == '‐':
			b.WriteByte('-')
		default:
			return strings.TrimRight(b.String(), "-:")
		}
	}
	return strings.TrimRight(b.String(), "-:")
}

// scoreReference compares a parsed reference with the gold segments and adds
// to the per-field scores.
//
// The comparison:
//   - author: the family names extracted from the gold <author> segments (by
//     splitNames, the parser's own name splitter, so this scores finding the
//     author list and its boundary; name splitting itself is covered by the
//     unit tests) against ours, per name, as multisets of folded names
//     (case- and diacritics-insensitive). Every name we give that is not in
//     gold counts against precision, every gold name we miss against recall.
//   - year: the first 4-digit year with its letter suffix in the gold <date>
//     (or "n.d.") against Reference.Year.
//   - title: the first gold <title> against ours, equal after foldText;
//     "title~" counts a match when their token F1 is at least 0.9.
//   - container: the first <container-title> or <journal> (a leading "In",
//     "in" or "In:" dropped) against Reference.Container, as title;
//     "container~" too.
//   - volume: the first number in the gold <volume> against ours.
//   - pages: the page range from the first digit, dashes unified.
//   - doi: normalizeDOI of the gold <doi>; url: the gold <url> without
//     brackets, trailing punctuation and the spaces PDF extraction put
//     inside it. A gold <url> that is a doi.org
//     link counts as the DOI, since ParseReference reports such links in
//     DOI and keeps URL for other links.
//
// A field we fill when gold has none counts against precision, a gold field
// we leave empty against recall, and a wrong value against both.
func scoreReference(scores map[string]*fieldScore, g labelledReference, r Reference) {
	first := func(labels ...string) string {
		for _, l := range labels {
			if v := g.fields[l]; len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	// authors
	gold := map[string]int{}
	for _, a := range g.fields["author"] {
		for _, n := range splitNames(a) {
			gold[foldText(n)]++
		}
	}
	as := scores["author"]
	for _, n := range r.Authors {
		k := foldText(n)
		if gold[k] > 0 {
			gold[k]--
			as.tp++
		} else {
			as.fp++
		}
	}
	for _, c := range gold {
		as.fn += c
	}
	gy := goldYear(first("date"))
	scores["year"].add(gy, r.Year, strings.EqualFold(gy, r.Year))

	gt, ot := foldText(first("title")), foldText(r.Title)
	scores["title"].add(gt, ot, gt == ot)
	scores["title~"].add(gt, ot, tokenF1(gt, ot) >= 0.9)

	gc := first("container-title", "journal")
	for _, in := range []string{"In: ", "in: ", "In ", "in "} {
		gc = strings.TrimPrefix(gc, in)
	}
	gcf, oc := foldText(gc), foldText(r.Container)
	scores["container"].add(gcf, oc, gcf == oc)
	scores["container~"].add(gcf, oc, tokenF1(gcf, oc) >= 0.9)

	gv, ov := firstNumber(first("volume")), firstNumber(r.Volume)
	scores["volume"].add(gv, ov, gv == ov)
	gp, op := pageRange(first("pages")), pageRange(r.Pages)
	scores["pages"].add(gp, op, gp == op)
	gd := normalizeDOI(first("doi"))
	// a URL that PDF extraction broke with a space is reported whole
	gu := strings.ReplaceAll(trimURL(strings.Trim(first("url"), "()<>")), " ", "")
	if d := doiFromURL(gu); d != "" {
		// a doi.org link is the DOI, and ParseReference reports it as one
		if gd == "" {
			gd = d
		}
		gu = ""
	}
	scores["doi"].add(gd, r.DOI, gd == r.DOI)
	scores["url"].add(gu, r.URL, gu == r.URL)
}

// evalReferenceFile parses every labelled string of one file and returns
// the scores.
func evalReferenceFile(t *testing.T, path string) map[string]*fieldScore {
	refs, err := readLabelledReferences(path)
	require.NoError(t, err)
	require.NotEmpty(t, refs)
	scores := map[string]*fieldScore{}
	for _, f := range evalFields {
		scores[f] = &fieldScore{}
	}
	dump := os.Getenv("REFEVAL_DUMP") // a field name: print its misses
	verbose := os.Getenv("REFEVAL_VERBOSE") != ""
	type miss struct {
		style, field, text, gold, got string
		f1                            float64
	}
	var misses []miss
	for _, g := range refs {
		r := ParseReference(g.text)
		scoreReference(scores, g, r)
		if verbose {
			gt, gc := "", ""
			if v := g.fields["title"]; len(v) > 0 {
				gt = v[0]
			}
			for _, l := range []string{"container-title", "journal"} {
				if v := g.fields[l]; len(v) > 0 && gc == "" {
					gc = v[0]
					for _, in := range []string{"In: ", "in: ", "In ", "in "} {
						gc = strings.TrimPrefix(gc, in)
					}
				}
			}
			for _, fv := range [][3]string{{"title", gt, r.Title}, {"container", gc, r.Container}} {
				a, b := foldText(fv[1]), foldText(fv[2])
				if a != b {
					misses = append(misses, miss{referenceStyle(g.text), fv[0], g.text, fv[1], fv[2], tokenF1(a, b)})
				}
			}
		}
		if dump != "" {
			one := map[string]*fieldScore{}
			for _, f := range evalFields {
				one[f] = &fieldScore{}
			}
			scoreReference(one, g, r)
			if s := one[dump]; s.fp+s.fn > 0 {
				fmt.Printf("MISS %s\n  text: %s\n  gold: %q\n  got:  %+v\n", dump, g.text, g.fields, r)
			}
		}
	}
	if verbose {
		// the misses grouped by style, worst (lowest token F1) first
		sort.SliceStable(misses, func(a, b int) bool {
			if misses[a].style != misses[b].style {
				return misses[a].style < misses[b].style
			}
			return misses[a].f1 < misses[b].f1
		})
		counts := map[string]int{}
		for _, m := range misses {
			counts[m.style+" "+m.field]++
		}
		for k, n := range counts {
			fmt.Printf("%s: %d misses\n", k, n)
		}
		shown := map[string]int{}
		limit, err := strconv.Atoi(os.Getenv("REFEVAL_VERBOSE"))
		if err != nil || limit <= 0 {
			limit = 8
		}
		for _, m := range misses {
			if k := m.style + " " + m.field; shown[k] < limit {
				shown[k]++
				fmt.Printf("[%s] %s F1 %.2f\n  text: %s\n  gold: %q\n  got:  %q\n", m.style, m.field, m.f1, m.text, m.gold, m.got)
			}
		}
	}
	t.Logf("%s: %d references", filepath.Base(path), len(refs))
	t.Logf("%-11s %6s %6s %6s %6s %6s %6s", "field", "P", "R", "F1", "tp", "fp", "fn")
	for _, f := range evalFields {
		s := scores[f]
		p, r, f1 := s.prf()
		t.Logf("%-11s %6.3f %6.3f %6.3f %6d %6d %6d", f, p, r, f1, s.tp, s.fp, s.fn)
	}
	return scores
}

// referenceStyle guesses the family of style an entry is written in, to
// group the misses REFEVAL_VERBOSE prints: numbered (Vancouver, IEEE),
// author-year in parentheses (APA, Harvard), author-date without them
// (Chicago author-date, Elsevier Harvard), a quoted title (MLA, Chicago
// notes), a repeated-author dash, inverted names followed by neither
// (humanities, comma-separated styles), or other. Labelled entries are
// "numbered" or "keyed" whatever follows the label.
func referenceStyle(text string) string {
	s := strings.TrimSpace(text)
	if l, _ := cutLabel(s); l != "" {
		if _, err := strconv.Atoi(l); err == nil {
			return "numbered"
		}
		return "keyed"
	}
	if repeatedAuthorsEnd(s) > 0 {
		return "dash"
	}
	end := scanAuthors(s)
	p := skipPunct(s, end)
	if end > 0 && p < len(s) {
		if y, _ := yearAt(s, p); y != "" {
			if s[p] == '(' {
				return "author-(year)"
			}
			return "author-year"
		}
		if r, _ := utf8.DecodeRuneInString(s[p:]); isQuote(r) {
			return "quoted-title"
		}
		if strings.Contains(s[:end], ",") {
			return "inverted-names"
		}
	}
	return "other"
}

// TestEvalReferenceParsing scores ParseReference on AnyStyle's labelled
// reference strings (core.xml and gold.xml) field by field; run it with
// -v to see the tables. REFEVAL_VERBOSE=N also prints the title and
// container misses grouped by style, the N worst of each (8 when N is not a
// number), and REFEVAL_DUMP=field prints every miss of one field. The
// floors sit a little below the measured figures.
func TestEvalReferenceParsing(t *testing.T) {
	if _, err := os.Stat(anystyleDir); err != nil {
		t.Skipf("evaluation data not found at %s (see shared/data/SOURCES.md)", anystyleDir)
	}
	// F1 floors, a little below the figures measured when they were set
	// (core: author 0.947, year 0.986, title 0.887, container 0.795,
	// volume 0.866, pages 0.911, doi 1.000, url 0.909; gold: author 0.972,
	// year 0.991, title 0.939, container 0.921, volume 0.916, pages 0.932,
	// doi 1.000, url 1.000).
	floors := map[string]map[string]float64{
		"core.xml": {"author": 0.935, "year": 0.975, "title": 0.87, "container": 0.78, "volume": 0.85, "pages": 0.895, "doi": 0.97, "url": 0.88},
		"gold.xml": {"author": 0.96, "year": 0.98, "title": 0.925, "container": 0.905, "volume": 0.90, "pages": 0.92, "doi": 0.97, "url": 0.95},
	}
	for _, name := range []string{"core.xml", "gold.xml"} {
		t.Run(name, func(t *testing.T) {
			scores := evalReferenceFile(t, filepath.Join(anystyleDir, name))
			for field, floor := range floors[name] {
				_, _, f1 := scores[field].prf()
				assert.GreaterOrEqual(t, f1, floor, "%s F1 of %s", field, name)
			}
		})
	}
}

// finderDir holds AnyStyle's line-labelled dissertations; see
// shared/data/SOURCES.md.
const finderDir = "../../shared/data/citation-docs/anystyle-finder-ttx"

// ttxLine is one line of a .ttx file: its label and text, and where the
// text starts in the document built from the file.
type ttxLine struct {
	label, text string
	offset      int
}

// readTTX reads a .ttx file into its lines and the plain text they make,
// one line per line. Every line is kept, running headers and page numbers
// ("meta") included, since they are part of real input.
func readTTX(path string) ([]ttxLine, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var (
		lines []ttxLine
		src   []byte
		label string
	)
	for _, raw := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		l, text, ok := strings.Cut(raw, "|")
		if !ok {
			continue
		}
		if l = strings.TrimSpace(l); l != "" {
			label = l
		}
		text = strings.TrimPrefix(text, " ")
		lines = append(lines, ttxLine{label: label, text: text, offset: len(src)})
		src = append(src, text...)
		src = append(src, '\n')
	}
	return lines, src, nil
}

// ttxIndent counts the spaces a line starts with; a form feed (a page
// break in the extracted text) does not count.
func ttxIndent(s string) int {
	s = strings.TrimLeft(s, "\f")
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// TestEvalReferenceSections scores FindReferences on AnyStyle's labelled
// dissertations: each is read as plain text, and every non-blank line counts
// as found when it starts inside a found entry. Precision and recall are
// against the lines labelled "ref". Gold entries start at "ref" lines with
// the smallest indent of the file's ref lines and no lower-case first
// letter (continuations of hanging indents are indented); the test reports
// the entry counts and how many found entries start on a gold start line.
func TestEvalReferenceSections(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(finderDir, "*.ttx"))
	if len(files) == 0 {
		t.Skipf("evaluation data not found at %s (see shared/data/SOURCES.md)", finderDir)
	}
	var tot struct{ tp, fp, fn, gold, found, startHit int }
	for _, path := range files {
		lines, src, err := readTTX(path)
		require.NoError(t, err)
		doc, err := sources.Parse(src, sources.ReadOptions{Name: "x.txt"})
		require.NoError(t, err)
		lists := FindReferences(doc)
		var entries [][2]int
		starts := map[int]bool{} // source offsets where found entries start
		for _, l := range lists {
			for _, e := range l.Entries {
				s, en := doc.SourceOffsets(e.Span)
				entries = append(entries, [2]int{s, en})
				starts[s] = true
			}
		}
		covered := make([]bool, len(src)+1)
		for _, e := range entries {
			for k := e[0]; k < e[1]; k++ {
				covered[k] = true
			}
		}
		inside := func(off int) bool { return covered[off] }
		minIndent := -1
		for _, l := range lines {
			if l.label == "ref" && strings.TrimSpace(l.text) != "" {
				ind := ttxIndent(l.text)
				if minIndent < 0 || ind < minIndent {
					minIndent = ind
				}
			}
		}
		var s struct{ tp, fp, fn, gold, found, startHit int }
		s.found = len(entries)
		for _, l := range lines {
			body := strings.TrimLeft(l.text, " \f\t")
			if strings.TrimSpace(body) == "" {
				continue
			}
			off := l.offset + len(l.text) - len(body)
			gold := l.label == "ref"
			got := inside(off)
			switch {
			case gold && got:
				s.tp++
			case got:
				s.fp++
			case gold:
				s.fn++
				if os.Getenv("REFEVAL_DUMP") == "lines" {
					fmt.Printf("FN %s: %s\n", filepath.Base(path), l.text)
				}
			}
			r, _ := utf8.DecodeRuneInString(body)
			if gold && ttxIndent(l.text) == minIndent && !unicode.IsLower(r) {
				s.gold++
				if starts[off] {
					s.startHit++
				}
			}
		}
		p := float64(s.tp) / float64(max(1, s.tp+s.fp))
		r := float64(s.tp) / float64(max(1, s.tp+s.fn))
		t.Logf("%s: lines P %.3f R %.3f (tp %d fp %d fn %d); entries found %d, gold %d, starting on a gold start %d",
			filepath.Base(path), p, r, s.tp, s.fp, s.fn, s.found, s.gold, s.startHit)
		tot.tp += s.tp
		tot.fp += s.fp
		tot.fn += s.fn
		tot.gold += s.gold
		tot.found += s.found
		tot.startHit += s.startHit
	}
	p := float64(tot.tp) / float64(max(1, tot.tp+tot.fp))
	r := float64(tot.tp) / float64(max(1, tot.tp+tot.fn))
	sp := float64(tot.startHit) / float64(max(1, tot.found))
	sr := float64(tot.startHit) / float64(max(1, tot.gold))
	t.Logf("all: lines P %.3f R %.3f; entries found %d, gold %d; entry starts P %.3f R %.3f", p, r, tot.found, tot.gold, sp, sr)
	// floors a little below the figures measured when they were set
	// (lines P 0.967 R 0.984, entry starts P 0.895 R 0.951)
	assert.GreaterOrEqual(t, p, 0.95, "line precision")
	assert.GreaterOrEqual(t, r, 0.96, "line recall")
	assert.GreaterOrEqual(t, sp, 0.87, "entry start precision")
	assert.GreaterOrEqual(t, sr, 0.93, "entry start recall")
}
