package citations

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// evalDir holds the evaluation articles; tests read them in place.
const jatsEvalDir = "../../shared/data/citation-docs"

// goldUnit is one cited work of a gold xref: an author-year xref is one
// unit; a numeric xref "1–3" is three, one per number.
type goldUnit struct {
	start, end int
	number     string
}

// goldUnits expands the gold xrefs of a text. Two numeric xrefs joined by a
// dash ("[5]–[9]") are read as the range they write.
func goldUnits(text string, gold []goldXref) []goldUnit {
	var units []goldUnit
	for i := 0; i < len(gold); i++ {
		x := gold[i]
		nums := strings.Trim(x.Text, "[] ")
		var buf [4]numRange
		items, _, ok := parseNumberList(nums, 0, len(nums), buf[:], DefaultMaxNumber)
		if !ok {
			units = append(units, goldUnit{start: x.Start, end: x.End})
			continue
		}
		if len(items) == 1 && items[0].lo == items[0].hi && i+1 < len(gold) {
			between := text[x.End:gold[i+1].Start]
			r, n := utf8.DecodeRuneInString(between)
			next := strings.Trim(gold[i+1].Text, "[] ")
			if hi, err := strconv.Atoi(next); err == nil && n == len(between) && isRangeDash(r) && hi > items[0].lo {
				for v := items[0].lo; v <= hi; v++ {
					units = append(units, goldUnit{start: x.Start, end: gold[i+1].End, number: strconv.Itoa(v)})
				}
				i++
				continue
			}
		}
		for _, it := range items {
			for v := it.lo; v <= it.hi; v++ {
				units = append(units, goldUnit{start: x.Start, end: x.End, number: strconv.Itoa(v)})
			}
		}
	}
	return units
}

// detectionScore compares detected citations, with spans in the text, to
// gold units: a detection matches a unit when their spans overlap and, for
// numbers, the numbers agree.
type detectionScore struct {
	detected, correct int // detections, and those matching a unit
	gold, found       int // gold units, and those matched by a detection
	misses, wrong     []string
}

func scoreDetection(text string, spans []sources.Span, cits []Citation, units []goldUnit) detectionScore {
	var sc detectionScore
	sc.detected, sc.gold = len(cits), len(units)
	matches := func(i int, u goldUnit) bool {
		s := spans[i]
		if s.Start >= u.end || u.start >= s.End {
			return false
		}
		return u.number == "" || cits[i].Number == "" || cits[i].Number == u.number
	}
	for i := range cits {
		ok := false
		for _, u := range units {
			if matches(i, u) {
				ok = true
				break
			}
		}
		if ok {
			sc.correct++
		} else {
			sc.wrong = append(sc.wrong, fmt.Sprintf("%q (%s)", cits[i].Text, excerptAround(text, spans[i])))
		}
	}
	for _, u := range units {
		ok := false
		for i := range cits {
			if matches(i, u) {
				ok = true
				break
			}
		}
		if ok {
			sc.found++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("%q %s (%s)", text[u.start:u.end], u.number, excerptAround(text, sources.Span{Start: u.start, End: u.end})))
		}
	}
	return sc
}

func excerptAround(text string, s sources.Span) string {
	a, b := max(s.Start-50, 0), min(s.End+20, len(text))
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.ReplaceAll(text[a:b], "\n", " ")
}

func detectionRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestEvalDetection measures in-text citation detection on the eLife
// (author-year) and PLOS (numeric) JATS articles: each is turned into plain
// text, read by the text reader and scanned by Find; the body's bibr xrefs
// are the gold. Citations in the reference list are left out, as the
// linker will leave them out.
func TestEvalDetection(t *testing.T) {
	for _, set := range []struct {
		dir   string
		floor float64
	}{
		{"elife-jats-author-year", 0.95},
		{"plos-jats-numeric", 0.97},
	} {
		t.Run(set.dir, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(jatsEvalDir, set.dir, "*.xml"))
			require.NoError(t, err)
			if len(files) == 0 {
				t.Skipf("evaluation data %s not present", filepath.Join(jatsEvalDir, set.dir))
			}
			sort.Strings(files)
			var total detectionScore
			for _, path := range files {
				text, gold, _ := loadJATS(t, path)
				doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: filepath.Base(path) + ".txt"})
				require.NoError(t, err)
				refStart := strings.LastIndex(text, "References\n")
				var cits []Citation
				var spans []sources.Span
				for _, c := range Find(doc) {
					start, end := doc.SourceOffsets(c.Span)
					if start >= refStart {
						continue
					}
					cits = append(cits, c)
					spans = append(spans, sources.Span{Start: start, End: end})
				}
				sc := scoreDetection(text, spans, cits, goldUnits(text, gold))
				t.Logf("%-28s precision %.3f (%d/%d)  recall %.3f (%d/%d)", filepath.Base(path),
					detectionRatio(sc.correct, sc.detected), sc.correct, sc.detected, detectionRatio(sc.found, sc.gold), sc.found, sc.gold)
				if testing.Verbose() {
					for _, m := range sc.misses {
						t.Logf("    missed %s", m)
					}
					for _, w := range sc.wrong {
						t.Logf("    spurious %s", w)
					}
				}
				total.detected += sc.detected
				total.correct += sc.correct
				total.gold += sc.gold
				total.found += sc.found
			}
			p, r := detectionRatio(total.correct, total.detected), detectionRatio(total.found, total.gold)
			t.Logf("OVERALL %s: precision %.3f (%d/%d)  recall %.3f (%d/%d)", set.dir, p, total.correct, total.detected, r, total.found, total.gold)
			assert.GreaterOrEqual(t, p, set.floor, "precision")
			assert.GreaterOrEqual(t, r, set.floor, "recall")
		})
	}
}
