package citecheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/citecheck/citecheck"
)

// The citation-style corpus: four articles of our own rendered by pandoc's
// citeproc in 13 CSL styles, as HTML and text, with faulted variants and a
// gold file. citations/internal/stylegen writes it (see its doc for how
// the gold is recovered); this test needs no pandoc.
const stylesDir = "testdata/styles"

var stylesMisses = flag.Bool("styles-misses", false, "TestEvalStyles logs every missed or spurious citation, wrong link, unplanted finding and unfound fault")

// styleCorpus is the part of testdata/styles/gold.json the evaluation reads.
type styleCorpus struct {
	Pandoc string `json:"pandoc"`
	Styles []struct {
		ID     string `json:"id"`
		Family string `json:"family"`
	} `json:"styles"`
	Files []styleFile `json:"files"`
}

type styleFile struct {
	Path        string `json:"path"`
	Style       string `json:"style"`
	Format      string `json:"format"`
	Variant     string `json:"variant"`
	HeadingLine int    `json:"heading_line"`
	Citations   []struct {
		styleSpan
		Text string   `json:"text"`
		Keys []string `json:"keys"`
		Note *struct {
			styleSpan
			Text string `json:"text"`
		} `json:"note"`
	} `json:"citations"`
	Entries []struct {
		styleSpan
		Key        string `json:"key"`
		Copy       bool   `json:"copy"`
		BlockStart int    `json:"block_start"`
		BlockLine  int    `json:"block_line"`
		Text       string `json:"text"`
	} `json:"entries"`
	Faults []struct {
		Kind   string `json:"kind"`
		Code   string `json:"code"`
		Key    string `json:"key"`
		Lines  []int  `json:"lines"`
		Detail string `json:"detail"`
	} `json:"faults"`
}

type styleSpan struct {
	Start   int `json:"start"`
	End     int `json:"end"`
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
}

// overlap is the number of bytes [s, e) shares with the span.
func (sp styleSpan) overlap(s, e int) int { return max(0, min(e, sp.End)-max(s, sp.Start)) }

// styleCodes are the findings a rendering by a citation processor should
// draw only where a fault was planted.
var styleCodes = []string{
	"unresolved-citation", "citation-mismatch", "orphan-reference", "duplicate-reference",
	"missing-reference-list", "empty-reference-list", "malformed-reference", "ambiguous-citation",
}

// The targets of issue 11, printed beside the figures.
const (
	targetDetP   = 0.98
	targetDetR   = 0.97
	targetLinks  = 0.97
	targetFaults = 0.95
)

func readStyleCorpus(t *testing.T) styleCorpus {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(stylesDir, "gold.json"))
	require.NoError(t, err)
	var c styleCorpus
	require.NoError(t, json.Unmarshal(b, &c))
	require.NotEmpty(t, c.Files)
	return c
}

// TestStyleCorpusGold holds the corpus to its gold: every span lies in its
// file, its lines are right, and it shows the text the gold says.
func TestStyleCorpusGold(t *testing.T) {
	c := readStyleCorpus(t)
	for _, f := range c.Files {
		src, err := os.ReadFile(filepath.Join(stylesDir, filepath.FromSlash(f.Path)))
		require.NoError(t, err)
		check := func(what string, sp styleSpan, text string) {
			require.True(t, 0 <= sp.Start && sp.Start < sp.End && sp.End <= len(src), "%s: %s span out of the file", f.Path, what)
			assert.Equal(t, sp.Line, 1+bytes.Count(src[:sp.Start], []byte("\n")), "%s: %s line", f.Path, what)
			assert.Equal(t, sp.EndLine, 1+bytes.Count(src[:sp.End-1], []byte("\n")), "%s: %s end line", f.Path, what)
			assert.Equal(t, text, shownText(src[sp.Start:sp.End], f.Format), "%s: %s text", f.Path, what)
		}
		for _, g := range f.Citations {
			check("citation", g.styleSpan, g.Text)
			if g.Note != nil {
				check("note", g.Note.styleSpan, g.Note.Text)
			}
		}
		for _, e := range f.Entries {
			check("entry "+e.Key, e.styleSpan, e.Text)
		}
	}
}

// shownText is what a reader sees of a piece of a rendering: for HTML its
// text without tags, entities decoded; spaces collapsed.
func shownText(b []byte, format string) string {
	s := string(b)
	if format == "html" {
		var sb strings.Builder
		z := html.NewTokenizerFragment(bytes.NewReader(b), "div")
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.TextToken {
				sb.Write(z.Text())
			}
		}
		s = sb.String()
	}
	return strings.Join(strings.Fields(s), " ")
}

// styleScore adds up one group of renderings.
type styleScore struct {
	detTP, detFP, detUnits    int // citations: matched, spurious, gold
	linkOK, linkMade          int // links made: right, all
	linkHit, linkGold         int // gold (citation, key) pairs: linked, all
	faultHit, faultGold       int // planted faults found, planted
	faultFound, faultFindings int // findings on a planted fault, all such findings in faulted renderings
	cleanFindings             int // findings of styleCodes on unplanted renderings
	clean, faulted            int // renderings
}

func (s *styleScore) add(o styleScore) {
	s.detTP += o.detTP
	s.detFP += o.detFP
	s.detUnits += o.detUnits
	s.linkOK += o.linkOK
	s.linkMade += o.linkMade
	s.linkHit += o.linkHit
	s.linkGold += o.linkGold
	s.faultHit += o.faultHit
	s.faultGold += o.faultGold
	s.faultFound += o.faultFound
	s.faultFindings += o.faultFindings
	s.cleanFindings += o.cleanFindings
	s.clean += o.clean
	s.faulted += o.faulted
}

func (s styleScore) detP() float64   { return ratio(s.detTP, s.detTP+s.detFP) }
func (s styleScore) detR() float64   { return ratio(s.detTP, s.detUnits) }
func (s styleScore) linkP() float64  { return ratio(s.linkOK, s.linkMade) }
func (s styleScore) linkR() float64  { return ratio(s.linkHit, s.linkGold) }
func (s styleScore) faultP() float64 { return ratio(s.faultFound, s.faultFindings) }
func (s styleScore) faultR() float64 { return ratio(s.faultHit, s.faultGold) }

func (s styleScore) linkF1() float64 {
	p, r := s.linkP(), s.linkR()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TestEvalStyles measures citecheck on the citation-style corpus, per
// style and format: citation detection, links to the entry of the right
// key, planted faults found, and findings on renderings with nothing
// planted.
//
//   - Detection: a detected citation matches a gold citation when their
//     spans overlap. A gold citation of n works counts n (citecheck
//     reports "(A, 2019; B, 2020)" as two), a footnote marker counts one;
//     a detection inside a footnote's text is neither credited nor
//     counted against (the marker is the citation; what its note does is
//     measured by links).
//   - Links: a (gold citation, key) pair is linked when a detected
//     citation overlapping it (or its note) is linked to an entry of that
//     key, or, in a note style, to the footnote itself. Entries are mapped
//     to keys by where they lie: the gold entry (or note) a reference's
//     span overlaps most. Precision counts every detected citation linked
//     to an entry.
//   - Faults: a finding of the planted code on one of the fault's lines
//     finds it; precision is over all findings of styleCodes in the
//     faulted renderings.
//
// It fails only below floors a little under today's figures, so that a
// regression fails the suite while citecheck is below the targets.
func TestEvalStyles(t *testing.T) {
	c := readStyleCorpus(t)
	family := map[string]string{}
	for _, s := range c.Styles {
		family[s.ID] = s.Family
	}
	type group struct{ style, format string }
	scores := map[group]*styleScore{}
	for _, f := range c.Files {
		src, err := os.ReadFile(filepath.Join(stylesDir, filepath.FromSlash(f.Path)))
		require.NoError(t, err)
		rep, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: f.Path})
		require.NoError(t, err, f.Path)
		g := group{f.Style, f.Format}
		if scores[g] == nil {
			scores[g] = &styleScore{}
		}
		scores[g].add(scoreStyleFile(t, f, rep, src))
	}

	t.Logf("citation styles rendered by pandoc %s's citeproc, %d renderings; targets (issue 11): detection P ≥ %.2f R ≥ %.2f, links ≥ %.2f, faults P and R ≥ %.2f, no finding on unplanted renderings",
		c.Pandoc, len(c.Files), targetDetP, targetDetR, targetLinks, targetFaults)
	header := fmt.Sprintf("%-34s %-12s %-4s | %5s %5s | %5s %5s %5s | %5s %5s %5s | %s",
		"style", "family", "fmt", "detP", "detR", "linkP", "linkR", "F1", "fltP", "fltR", "of", "clean findings")
	t.Log(header)
	row := func(name, fam, format string, s styleScore) {
		t.Logf("%-34s %-12s %-4s | %5.3f %5.3f | %5.3f %5.3f %5.3f | %5.3f %5.3f %5d | %d in %d",
			name, fam, format, s.detP(), s.detR(), s.linkP(), s.linkR(), s.linkF1(), s.faultP(), s.faultR(), s.faultGold, s.cleanFindings, s.clean)
	}
	var overall styleScore
	byFamily := map[string]*styleScore{}
	var families []string
	for _, st := range c.Styles {
		for _, format := range []string{"html", "text"} {
			s := scores[group{st.ID, format}]
			if s == nil {
				continue
			}
			row(st.ID, st.Family, format, *s)
			overall.add(*s)
			if byFamily[st.Family] == nil {
				byFamily[st.Family] = &styleScore{}
				families = append(families, st.Family)
			}
			byFamily[st.Family].add(*s)
		}
	}
	t.Log(strings.Repeat("-", len(header)))
	for _, fam := range families {
		row("family "+fam, fam, "both", *byFamily[fam])
	}
	row("OVERALL", "", "both", overall)
	t.Logf("OVERALL: detection P %.3f R %.3f (targets %.2f, %.2f); links P %.3f R %.3f F1 %.3f (target %.2f); planted faults P %.3f R %.3f of %d (target %.2f); %d findings on %d unplanted renderings (target 0)",
		overall.detP(), overall.detR(), targetDetP, targetDetR, overall.linkP(), overall.linkR(), overall.linkF1(), targetLinks,
		overall.faultP(), overall.faultR(), overall.faultGold, targetFaults, overall.cleanFindings, overall.clean)

	// Every family meets the targets since the Chicago notes and the DIN
	// label styles were read (detection P 1.000 R 1.000, links F1 1.000,
	// faults P 1.000 R 1.000, no finding on the 104 unplanted renderings;
	// before them: detection R 0.927, link F1 0.963, faults P 0.264 R
	// 0.866, 322 findings; when the corpus was added: detection P 1.000 R
	// 0.714, link F1 0.799, faults P 0.094 R 0.697, 857 findings): the
	// whole corpus and every family are held to the targets.
	assert.GreaterOrEqual(t, overall.detP(), targetDetP, "detection precision")
	assert.GreaterOrEqual(t, overall.detR(), targetDetR, "detection recall")
	assert.GreaterOrEqual(t, overall.linkF1(), targetLinks, "link F1")
	assert.GreaterOrEqual(t, overall.faultP(), targetFaults, "planted-fault precision")
	assert.GreaterOrEqual(t, overall.faultR(), targetFaults, "planted-fault recall")
	assert.Zero(t, overall.cleanFindings, "findings on unplanted renderings")
	for _, fam := range []string{"author-date", "author-page", "numeric", "superscript", "note-full", "note-short", "label"} {
		s := byFamily[fam]
		require.NotNil(t, s, fam)
		assert.GreaterOrEqual(t, s.detP(), targetDetP, "%s detection precision", fam)
		assert.GreaterOrEqual(t, s.detR(), targetDetR, "%s detection recall", fam)
		assert.GreaterOrEqual(t, s.linkF1(), targetLinks, "%s link F1", fam)
		assert.GreaterOrEqual(t, s.faultP(), targetFaults, "%s planted-fault precision", fam)
		assert.GreaterOrEqual(t, s.faultR(), targetFaults, "%s planted-fault recall", fam)
		assert.Zero(t, s.cleanFindings, "%s findings on unplanted renderings", fam)
	}
}

// scoreStyleFile scores one rendering against its gold.
func scoreStyleFile(t *testing.T, f styleFile, rep *citecheck.Report, src []byte) styleScore {
	var s styleScore
	miss := func(line int, format string, args ...any) {
		if *stylesMisses {
			t.Logf("%s:%d: %s", f.Path, line, fmt.Sprintf(format, args...))
		}
	}
	if f.Variant != "clean" {
		s.faulted++
		s.scoreFaults(f, rep, miss)
		return s
	}
	s.clean++
	for _, fd := range rep.Findings {
		if slices.Contains(styleCodes, fd.Code) {
			s.cleanFindings++
			miss(fd.Span.Line, "unplanted %s: %s", fd.Code, fd.Message)
		}
	}

	// Which gold entry or note each reference is.
	refKey := map[string]string{}
	refNote := map[string]int{}
	for _, r := range rep.References {
		best, bestKey, bestNote := 0, "", -1
		for _, e := range f.Entries {
			block := styleSpan{Start: e.BlockStart, End: e.End}
			if o := block.overlap(r.Span.Start, r.Span.End); o > best {
				best, bestKey, bestNote = o, e.Key, -1
			}
		}
		for i, g := range f.Citations {
			if g.Note != nil {
				if o := g.Note.overlap(r.Span.Start, r.Span.End); o > best {
					best, bestKey, bestNote = o, "", i
				}
			}
		}
		if bestNote >= 0 {
			refNote[r.ID] = bestNote
		} else if bestKey != "" {
			refKey[r.ID] = bestKey
		}
	}

	noteStyle := false
	units := make([]int, len(f.Citations))
	for i, g := range f.Citations {
		units[i] = len(g.Keys)
		if g.Note != nil {
			noteStyle, units[i] = true, 1
		}
		s.detUnits += units[i]
		s.linkGold += len(g.Keys)
	}
	matched := make([]int, len(f.Citations))
	linked := map[[2]int]bool{} // (gold citation, index of key)
	for _, d := range rep.Citations {
		bestMarker, bestNote, oMarker, oNote := -1, -1, 0, 0
		for i, g := range f.Citations {
			if o := g.overlap(d.Span.Start, d.Span.End); o > oMarker {
				bestMarker, oMarker = i, o
			}
			if g.Note != nil {
				if o := g.Note.overlap(d.Span.Start, d.Span.End); o > oNote {
					bestNote, oNote = i, o
				}
			}
		}
		text := string(src[d.Span.Start:d.Span.End])
		switch {
		case bestMarker >= 0:
			if matched[bestMarker] < units[bestMarker] {
				s.detTP++
			} else {
				s.detFP++
				miss(d.Span.Line, "one citation too many in %q: %q", f.Citations[bestMarker].Text, text)
			}
			matched[bestMarker]++
		case bestNote >= 0: // inside a note: neither credited nor counted against
		default:
			s.detFP++
			miss(d.Span.Line, "spurious %s citation %q", d.Kind, text)
		}
		if d.Reference == "" {
			continue
		}
		s.linkMade++
		i := bestMarker
		if i < 0 {
			i = bestNote
		}
		if i < 0 {
			miss(d.Span.Line, "spurious citation %q linked to %s", text, d.Reference)
			continue
		}
		g := f.Citations[i]
		if n, ok := refNote[d.Reference]; ok && n == i {
			s.linkOK++
			for k := range g.Keys {
				linked[[2]int{i, k}] = true
			}
			continue
		}
		if k := slices.Index(g.Keys, refKey[d.Reference]); k >= 0 {
			s.linkOK++
			linked[[2]int{i, k}] = true
			continue
		}
		miss(d.Span.Line, "citation %q of %v linked to %s (%s), not to its entry", text, g.Keys, d.Reference, describeRef(rep, d.Reference, refKey))
	}
	for i, g := range f.Citations {
		if matched[i] < units[i] && !(noteStyle && matched[i] > 0) {
			miss(g.Line, "missed citation %q (%d of %d found)", g.Text, matched[i], units[i])
		}
		for k, key := range g.Keys {
			if linked[[2]int{i, k}] {
				s.linkHit++
			} else {
				miss(g.Line, "citation %q not linked to %s", g.Text, key)
			}
		}
	}
	return s
}

func describeRef(rep *citecheck.Report, id string, refKey map[string]string) string {
	if r, ok := rep.Reference(id); ok {
		text := r.Text
		if len([]rune(text)) > 50 {
			text = string([]rune(text)[:50]) + "…"
		}
		return fmt.Sprintf("key %q: %s", refKey[id], text)
	}
	return "unknown entry"
}

// scoreFaults matches the findings of a faulted rendering to its planted
// faults: same code, on one of the fault's lines, each used once.
func (s *styleScore) scoreFaults(f styleFile, rep *citecheck.Report, miss func(int, string, ...any)) {
	used := make([]bool, len(rep.Findings))
	for _, fault := range f.Faults {
		s.faultGold++
		found := false
		for j, fd := range rep.Findings {
			if !used[j] && fd.Code == fault.Code && slices.Contains(fault.Lines, fd.Span.Line) {
				used[j], found = true, true
				break
			}
		}
		if found {
			s.faultHit++
		} else {
			miss(fault.Lines[0], "planted %s (%s %s) not reported as %s", fault.Kind, fault.Key, fault.Detail, fault.Code)
		}
	}
	for j, fd := range rep.Findings {
		if !slices.Contains(styleCodes, fd.Code) {
			continue
		}
		s.faultFindings++
		if used[j] {
			s.faultFound++
		} else {
			miss(fd.Span.Line, "finding on no planted fault: %s: %s", fd.Code, fd.Message)
		}
	}
}
