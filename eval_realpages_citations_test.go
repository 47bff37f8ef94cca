package citecheck_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// This file measures the reference-list findings on real published pages
// against a gold read from each page's own HTML: on Wikipedia, which notes
// a marker in the page points at and which bibliography entries a short
// note links to, so which orphan-reference and duplicate-reference
// findings are false; on an IETF draft, which bracketed labels of the body
// cite an entry of its References.

// wikiGoldEntry is a note (<li id="cite_note-…">) or a bibliography entry
// (<cite id="CITEREF…"> outside the notes) of a Wikipedia page.
type wikiGoldEntry struct {
	id         string
	start, end int  // the element in the page source
	cited      bool // a marker points at the note, or a short note at the entry
	// work names the work the entry lists, so that two entries are one
	// work when their works are equal: the COinS metadata of its
	// citations without the pages, the text of a free-text note, or for
	// a short note the note itself (short notes are never duplicates)
	work string
	// url is the address the entry's title links to, if it does: two
	// entries of one page list one work, as the rule defines it
	url string
}

// sameWork reports whether the gold says two entries list one work.
func (g *wikiGoldEntry) sameWork(h *wikiGoldEntry) bool {
	return g.work == h.work || g.url != "" && g.url == h.url
}

// titleLink returns the address the first citation in s links its title
// to ("" for none).
func titleLink(s *goquery.Selection) string {
	href, _ := s.Find("cite a.external").First().Attr("href")
	return href
}

// wikiRefGold reads the notes and bibliography entries of a page.
func wikiRefGold(t *testing.T, src []byte) []wikiGoldEntry {
	t.Helper()
	dom, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
	require.NoError(t, err)
	markers := map[string]bool{} // notes a <sup class="reference"> points at
	dom.Find("sup.reference a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if i := strings.Index(href, "#cite_note-"); i >= 0 {
			markers[unescapeID(href[i:])] = true
		}
	})
	linked := map[string]bool{} // bibliography entries a note links to
	var entries []wikiGoldEntry
	dom.Find(`li[id^="cite_note-"]`).Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		e := wikiGoldEntry{id: id, cited: markers[unescapeID(id)]}
		e.start, e.end = elementExtent(src, id, "li")
		short := false
		s.Find(`a[href*="#CITEREF"]`).Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			linked[unescapeID(href[strings.Index(href, "#CITEREF"):])] = true
			short = true
		})
		switch {
		case s.Find("cite").Length() > 0:
			e.work, e.url = coinsWork(s), titleLink(s)
		case short:
			e.work = "short note " + id
		default:
			body := s.Find(".reference-text")
			if body.Length() == 0 {
				body = s
			}
			e.work = "text " + strings.Join(strings.Fields(body.Text()), " ")
		}
		entries = append(entries, e)
	})
	dom.Find(`cite[id^="CITEREF"]`).Each(func(_ int, s *goquery.Selection) {
		if s.Closest(`li[id^="cite_note-"]`).Length() > 0 {
			return // a full note: the note is the entry
		}
		id, _ := s.Attr("id")
		e := wikiGoldEntry{id: id}
		e.start, e.end = elementExtent(src, id, "cite")
		holder := s.Parent()
		if holder.Find("cite").Length() > 1 {
			holder = s
		}
		e.work, e.url = coinsWork(holder), titleLink(holder)
		entries = append(entries, e)
	})
	for i := range entries {
		if strings.HasPrefix(entries[i].id, "CITEREF") {
			entries[i].cited = linked[unescapeID(entries[i].id)]
		}
	}
	return entries
}

// coinsPages are the COinS keys of the place cited in a work, which two
// citations of one work may differ in.
var coinsPages = map[string]bool{"rft.pages": true, "rft.spage": true, "rft.epage": true, "rfr_id": true}

// coinsWork returns the COinS metadata (span.Z3988) of the citations in s,
// without their pages, one citation per line.
func coinsWork(s *goquery.Selection) string {
	var works []string
	s.Find("span.Z3988").Each(func(_ int, c *goquery.Selection) {
		title, _ := c.Attr("title")
		q, err := url.ParseQuery(title)
		if err != nil {
			works = append(works, title)
			return
		}
		var kv []string
		for _, k := range slices.Sorted(maps.Keys(q)) {
			if !coinsPages[k] {
				kv = append(kv, k+"="+strings.Join(q[k], "|"))
			}
		}
		works = append(works, strings.Join(kv, "&"))
	})
	if len(works) > 0 {
		return "coins " + strings.Join(works, "\n")
	}
	// older pages have no COinS: the text of the citations, without the
	// pages cited and the date of access
	s.Find("cite").Each(func(_ int, c *goquery.Selection) {
		text := strings.Join(strings.Fields(c.Text()), " ")
		works = append(works, citedPlace.ReplaceAllString(text, ""))
	})
	return "text " + strings.Join(works, "\n")
}

// citedPlace matches what two citations of one work may differ in: the
// pages cited and when the source was read or archived.
var citedPlace = regexp.MustCompile(`\bpp?\. ?[0-9ivxlc]+(?:[–-][0-9ivxlc]+)?|(?:Retrieved|Archived from the original on|Accessed) [^.]*\.`)

// elementExtent returns where the element of the given tag carrying the id
// starts and ends in the source, counting nested elements of that tag
// ("<li" but not "<link").
func elementExtent(src []byte, id, tag string) (start, end int) {
	i := bytes.Index(src, []byte(`id="`+id+`"`))
	if i < 0 {
		return -1, -1
	}
	open, closing := []byte("<"+tag), []byte("</"+tag+">")
	isOpen := func(j int) bool {
		k := j + len(open)
		return k < len(src) && (src[k] == ' ' || src[k] == '>' || src[k] == '\n' || src[k] == '\t')
	}
	start = i
	for start >= 0 && !(bytes.HasPrefix(src[start:], open) && isOpen(start)) {
		start = bytes.LastIndex(src[:start], open)
	}
	if start < 0 {
		return -1, -1
	}
	depth := 0
	for j := start; j < len(src); {
		o := bytes.Index(src[j:], open)
		c := bytes.Index(src[j:], closing)
		if c < 0 {
			return start, len(src)
		}
		if o >= 0 && o < c {
			if isOpen(j + o) {
				depth++
			}
			j += o + len(open)
			continue
		}
		depth--
		j += c + len(closing)
		if depth == 0 {
			return start, j
		}
	}
	return start, len(src)
}

// goldEntryAt returns the gold entry a reference's source span falls in:
// the one it overlaps most, a note before the bibliography entry inside
// it; nil for an entry of neither kind.
func goldEntryAt(gold []wikiGoldEntry, span sources.Location) *wikiGoldEntry {
	var best *wikiGoldEntry
	most := 0
	for i := range gold {
		g := &gold[i]
		if n := min(span.End, g.end) - max(span.Start, g.start); n > most ||
			n == most && n > 0 && best != nil && strings.HasPrefix(best.id, "CITEREF") && !strings.HasPrefix(g.id, "CITEREF") {
			best, most = g, n
		}
	}
	return best
}

// refFindings is what the reference-list rules said about one page and
// how many of their findings the gold says are false.
type refFindings struct {
	codes                         map[string]int
	orphans, falseOrphans         int
	duplicates, falseDuplicates   int
	unjudgedOrphans, unjudgedDups int // about entries that are neither a note nor a bibliography entry
	failures                      []string
}

func (r refFindings) row(name string) string {
	codes := make([]string, 0, len(r.codes))
	for _, c := range slices.Sorted(maps.Keys(r.codes)) {
		codes = append(codes, fmt.Sprintf("%s %d", c, r.codes[c]))
	}
	return fmt.Sprintf("%-12s false orphan-reference %d of %d (%d unjudged) | false duplicate-reference %d of %d (%d unjudged) | findings: %s",
		name, r.falseOrphans, r.orphans, r.unjudgedOrphans, r.falseDuplicates, r.duplicates, r.unjudgedDups, strings.Join(codes, ", "))
}

func checkPage(t *testing.T, path string) (*sources.Document, *citecheck.Report) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := sources.Parse(src, sources.ReadOptions{Name: path, Format: sources.FormatHTML})
	require.NoError(t, err)
	rep, err := citecheck.CheckDocument(context.Background(), doc, citecheck.Options{})
	require.NoError(t, err)
	return doc, rep
}

func evalRefFindings(t *testing.T, path string) refFindings {
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	gold := wikiRefGold(t, src)
	_, rep := checkPage(t, path)
	bySpan := map[sources.Location]citecheck.Reference{}
	byID := map[string]citecheck.Reference{}
	for _, r := range rep.References {
		bySpan[r.Span], byID[r.ID] = r, r
	}
	r := refFindings{codes: map[string]int{}}
	for _, f := range rep.Findings {
		r.codes[f.Code]++
		switch f.Code {
		case citecheck.CodeOrphanReference:
			r.orphans++
			e := byID[f.Reference]
			g := goldEntryAt(gold, e.Span)
			switch {
			case g == nil:
				r.unjudgedOrphans++
			case g.cited:
				r.falseOrphans++
				r.failures = append(r.failures, fmt.Sprintf("false orphan %s (%s, line %d): %.70q", e.ID, g.id, e.Span.Line, e.Text))
			}
		case citecheck.CodeDuplicateReference:
			r.duplicates++
			e := byID[f.Reference]
			require.NotEmpty(t, f.Related)
			first := bySpan[f.Related[0].Span]
			g, h := goldEntryAt(gold, e.Span), goldEntryAt(gold, first.Span)
			switch {
			case g == nil || h == nil:
				r.unjudgedDups++
			case g == h || !g.sameWork(h):
				r.falseDuplicates++
				r.failures = append(r.failures, fmt.Sprintf("false duplicate %s (%s, line %d) of %s (%s): %.60q / %.60q", e.ID, g.id, e.Span.Line, first.ID, h.id, e.Text, first.Text))
			}
		}
	}
	return r
}

// wikiFloors are the most false findings each page may have: what the
// pipeline reaches, for the tests to hold.
var wikiFloors = map[string][2]int{ // false orphans, false duplicates
	"wikipedia": {0, 0}, "wikipedia-2": {0, 0}, "wikipedia-3": {0, 0}, "wikipedia-4": {0, 1},
}

// TestEvalRealPagesWikipedia counts the false orphan-reference and
// duplicate-reference findings on the Wikipedia pages. The gold is read
// from the page itself: a note is cited when a <sup class="reference">
// anywhere in the page points at it (a caption's too), a bibliography
// entry (<cite id="CITEREF…">) when a short note links to it; two entries
// list one work when their citations' COinS metadata (or, on a page
// without, their text) agree but for the pages, or their titles link to
// one address, and a short note lists no work of its own. A finding about an
// entry that is neither a note nor a bibliography entry is not judged.
func TestEvalRealPagesWikipedia(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(wikiEvalDir, "wikipedia*"))
	require.NoError(t, err)
	if len(dirs) == 0 {
		t.Skipf("evaluation data %s not present", wikiEvalDir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		path := filepath.Join(dir, "source.html")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			continue
		}
		name := filepath.Base(dir)
		r := evalRefFindings(t, path)
		t.Log(r.row(name))
		if testing.Verbose() {
			for _, f := range r.failures {
				t.Logf("    %s", f)
			}
		}
		if floor, ok := wikiFloors[name]; ok {
			assert.LessOrEqual(t, r.falseOrphans, floor[0], "%s: false orphan-reference findings", name)
			assert.LessOrEqual(t, r.falseDuplicates, floor[1], "%s: false duplicate-reference findings", name)
		}
	}
}

// ietfLabelMarker is a gold label citation of an IETF page: a link to an
// entry of its References ("[<a href="#ref-HTTP">HTTP</a>]").
type ietfLabelMarker struct {
	start, end int
	label      string
}

// ietfEntryAnchor matches the anchor of an entry of an rfcmarkup
// References section ("[<a name="ref-HTTP" id="ref-HTTP">HTTP</a>]"), and
// ietfLabel a bracketed label in the body, linked to its entry or not:
// "[<a href="#ref-HTTP">HTTP</a>]", "[HTTP, <a href="#section-6">section 6</a>]".
var (
	ietfEntryAnchor = regexp.MustCompile(`id="ref-([^"]+)"`)
	ietfLabel       = regexp.MustCompile(`\[(?:<a href="#ref-([^"]+)">)?([A-Za-z][A-Za-z0-9._-]*)(?:</a>)?[\],]`)
)

// TestEvalRealPagesIETF measures label citations on an IETF draft: the
// gold is every bracketed label of the body that is the label of an entry
// of its References, linked to it or not, read from the HTML; a citation
// found on one is linked right when it resolves to the entry with that
// label.
func TestEvalRealPagesIETF(t *testing.T) {
	path := filepath.Join(wikiEvalDir, "ietf-1", "source.html")
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("evaluation data %s not present", path)
	}
	require.NoError(t, err)
	labels := map[string]bool{}
	for _, m := range ietfEntryAnchor.FindAllSubmatch(src, -1) {
		labels[string(m[1])] = true
	}
	var gold []ietfLabelMarker
	for _, m := range ietfLabel.FindAllSubmatchIndex(src, -1) {
		label := string(src[m[4]:m[5]])
		if labels[label] && (m[2] < 0 || string(src[m[2]:m[3]]) == label) {
			gold = append(gold, ietfLabelMarker{start: m[0], end: m[1], label: label})
		}
	}
	require.NotEmpty(t, gold)
	_, rep := checkPage(t, path)
	label := map[string]string{} // entry ID -> label
	for _, r := range rep.References {
		label[r.ID] = r.Label
	}
	entries := 0
	for _, r := range rep.References {
		if labels[r.Label] {
			entries++
		}
	}
	detected, detCorrect, resolved, linkCorrect := 0, 0, 0, 0
	found := make([]bool, len(gold))
	linked := make([]bool, len(gold))
	var failures []string
	for _, c := range rep.Citations {
		if c.Kind == citations.KindLink {
			continue
		}
		detected++
		if c.Status == citations.Resolved {
			resolved++
		}
		on := -1
		for i, g := range gold {
			if c.Span.Start < g.end && g.start < c.Span.End {
				on = i
			}
		}
		if on < 0 {
			failures = append(failures, fmt.Sprintf("spurious %s %q at %d:%d %s", c.Kind, c.Text, c.Span.Line, c.Span.Column, c.Status))
			continue
		}
		detCorrect++
		found[on] = true
		if c.Status == citations.Resolved && label[c.Reference] == gold[on].label {
			linkCorrect++
			linked[on] = true
		} else {
			failures = append(failures, fmt.Sprintf("unlinked %q at %d:%d: %s -> %s", c.Text, c.Span.Line, c.Span.Column, c.Status, c.Reference))
		}
	}
	goldFound, goldLinked := 0, 0
	for i := range gold {
		if found[i] {
			goldFound++
		} else {
			failures = append(failures, fmt.Sprintf("missed [%s] at byte %d", gold[i].label, gold[i].start))
		}
		if linked[i] {
			goldLinked++
		}
	}
	t.Logf("ietf-1  gold %d label citations of %d entries (%d of them found in its References) | det P %.3f (%d/%d) R %.3f (%d/%d) | link P %.3f (%d/%d) R %.3f (%d/%d)",
		len(gold), len(labels), entries, wikiRatio(detCorrect, detected), detCorrect, detected, wikiRatio(goldFound, len(gold)), goldFound, len(gold),
		wikiRatio(linkCorrect, resolved), linkCorrect, resolved, wikiRatio(goldLinked, len(gold)), goldLinked, len(gold))
	codes := map[string]int{}
	for _, f := range rep.Findings {
		codes[f.Code]++
	}
	t.Logf("ietf-1  findings: %v", codes)
	if testing.Verbose() {
		for _, f := range failures {
			t.Logf("    %s", f)
		}
	}
	// measured: every label citation found and linked, nothing else found
	assert.Equal(t, len(labels), entries, "entries of the References found")
	assert.GreaterOrEqual(t, wikiRatio(detCorrect, detected), 1.0, "detection precision")
	assert.GreaterOrEqual(t, wikiRatio(goldFound, len(gold)), 1.0, "detection recall")
	assert.GreaterOrEqual(t, wikiRatio(linkCorrect, resolved), 1.0, "linking precision")
	assert.GreaterOrEqual(t, wikiRatio(goldLinked, len(gold)), 1.0, "linking recall")
}
