package sources

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The evaluation pages are Mozilla Readability's test pages: each has the
// page as captured (source.html), the main content Readability extracts
// (expected.html) and its metadata (expected-metadata.json).
var evalPageDirs = []string{
	"../../shared/data/readability-news-pages",
	"../../shared/data/citation-docs/readability-refpages",
}

// evalBaseURL is the URL Readability's tests read the pages at.
const evalBaseURL = "http://fakehost/test/page.html"

type evalPage struct {
	name, dir string
	src       []byte
}

func loadEvalPages(tb testing.TB) []evalPage {
	tb.Helper()
	var pages []evalPage
	for _, root := range evalPageDirs {
		entries, err := os.ReadDir(root)
		if err != nil {
			continue
		}
		for _, e := range entries {
			dir := filepath.Join(root, e.Name())
			src, err := os.ReadFile(filepath.Join(dir, "source.html"))
			if err != nil {
				continue
			}
			pages = append(pages, evalPage{name: e.Name(), dir: dir, src: src})
		}
	}
	if len(pages) == 0 {
		tb.Skip("evaluation pages not found under ../../shared/data (readability-news-pages, citation-docs/readability-refpages)")
	}
	return pages
}

// evalWordBag counts the words of a text: runs of letters and digits, lower-cased.
func evalWordBag(s string) map[string]int {
	bag := make(map[string]int)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		bag[strings.ToLower(w)]++
	}
	return bag
}

// evalVisibleText returns the text of an HTML fragment without scripts and styles.
func evalVisibleText(tb testing.TB, src []byte) string {
	tb.Helper()
	root, err := html.Parse(bytes.NewReader(src))
	require.NoError(tb, err)
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript) {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return sb.String()
}

// evalOverlap returns the words two bags share (with multiplicity) and their sizes.
func evalOverlap(got, want map[string]int) (common, nGot, nWant int) {
	for w, n := range got {
		nGot += n
		common += min(n, want[w])
	}
	for _, n := range want {
		nWant += n
	}
	return common, nGot, nWant
}

type evalPRF struct{ p, r, f float64 }

func evalScore(common, nGot, nWant int) evalPRF {
	var s evalPRF
	if nGot > 0 {
		s.p = float64(common) / float64(nGot)
	}
	if nWant > 0 {
		s.r = float64(common) / float64(nWant)
	}
	if s.p+s.r > 0 {
		s.f = 2 * s.p * s.r / (s.p + s.r)
	}
	return s
}

// evalExtractor returns the main text of a page.
type evalExtractor func(tb testing.TB, src []byte) string

func evalCitecheckText(tb testing.TB, src []byte) string {
	doc, err := Parse(src, ReadOptions{Format: FormatHTML, BaseURL: evalBaseURL})
	require.NoError(tb, err)
	return doc.Text
}

func evalReadabilityText(tb testing.TB, src []byte) string {
	u, err := evalURLParse(evalBaseURL)
	require.NoError(tb, err)
	p := readability.NewParser()
	art, err := p.Parse(bytes.NewReader(src), u)
	if err != nil {
		return ""
	}
	var sb strings.Builder
	require.NoError(tb, art.RenderText(&sb))
	return sb.String()
}

// evalContent scores an evalExtractor on every page and returns the micro and
// macro F1.
func evalContent(t *testing.T, name string, pages []evalPage, extract evalExtractor) (micro, macro evalPRF) {
	var common, nGot, nWant int
	var sum evalPRF
	for _, pg := range pages {
		exp, err := os.ReadFile(filepath.Join(pg.dir, "expected.html"))
		require.NoError(t, err)
		want := evalWordBag(evalVisibleText(t, exp))
		got := evalWordBag(extract(t, pg.src))
		c, g, w := evalOverlap(got, want)
		s := evalScore(c, g, w)
		t.Logf("%-12s %-20s P %.3f R %.3f F1 %.3f", name, pg.name, s.p, s.r, s.f)
		common, nGot, nWant = common+c, nGot+g, nWant+w
		sum.p, sum.r, sum.f = sum.p+s.p, sum.r+s.r, sum.f+s.f
	}
	n := float64(len(pages))
	micro = evalScore(common, nGot, nWant)
	macro = evalPRF{sum.p / n, sum.r / n, sum.f / n}
	t.Logf("%-12s micro P %.3f R %.3f F1 %.3f | macro P %.3f R %.3f F1 %.3f (%d pages)",
		name, micro.p, micro.r, micro.f, macro.p, macro.r, macro.f, len(pages))
	return micro, macro
}

// TestEvalHTMLContent measures main-content extraction against the text
// Readability.js keeps (word-level precision, recall and F1 over bags of
// words). With CITECHECK_EVAL_READABILITY=1 it scores the go-readability
// port on the same pages too.
func TestEvalHTMLContent(t *testing.T) {
	pages := loadEvalPages(t)
	var news []evalPage // the 31 news pages, without the reference pages
	for _, pg := range pages {
		if strings.Contains(filepath.ToSlash(pg.dir), "readability-news-pages/") {
			news = append(news, pg)
		}
	}
	micro, macro := evalContent(t, "citecheck", pages, evalCitecheckText)
	newsMicro, newsMacro := evalContent(t, "news only", news, evalCitecheckText)
	if os.Getenv("CITECHECK_EVAL_READABILITY") != "" {
		evalContent(t, "readability", pages, evalReadabilityText)
		evalContent(t, "readability news only", news, evalReadabilityText)
	}
	assert.GreaterOrEqual(t, micro.f, 0.99, "micro F1")
	assert.GreaterOrEqual(t, macro.f, 0.98, "macro F1")
	assert.GreaterOrEqual(t, newsMicro.f, 0.99, "news micro F1")
	assert.GreaterOrEqual(t, newsMacro.f, 0.98, "news macro F1")
}

type evalExpectedMeta struct {
	Title         *string `json:"title"`
	Byline        *string `json:"byline"`
	Lang          *string `json:"lang"`
	PublishedTime *string `json:"publishedTime"`
}

func evalNormMeta(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s))), " ")
}

// TestEvalHTMLMeta measures how often the metadata agrees with Readability's
// expected metadata: title (same words), byline (one contains the other),
// date (same day), language (same primary tag). Pages whose expected value
// is null are not counted for that field.
func TestEvalHTMLMeta(t *testing.T) {
	pages := loadEvalPages(t)
	type tally struct{ agree, total int }
	fields := []string{"title", "byline", "published", "lang"}
	counts := map[string]*tally{}
	for _, f := range fields {
		counts[f] = &tally{}
	}
	for _, pg := range pages {
		raw, err := os.ReadFile(filepath.Join(pg.dir, "expected-metadata.json"))
		require.NoError(t, err)
		var exp evalExpectedMeta
		require.NoError(t, json.Unmarshal(raw, &exp))
		doc, err := Parse(pg.src, ReadOptions{Format: FormatHTML, BaseURL: evalBaseURL})
		require.NoError(t, err)
		m := doc.Meta
		check := func(field string, want *string, got string, same func(w, g string) bool) {
			if want == nil || *want == "" {
				return
			}
			counts[field].total++
			if same(*want, got) {
				counts[field].agree++
			} else {
				t.Logf("%-20s %-9s want %q got %q", pg.name, field, *want, got)
			}
		}
		check("title", exp.Title, m.Title, func(w, g string) bool { return evalNormMeta(w) == evalNormMeta(g) })
		check("byline", exp.Byline, strings.Join(m.Authors, ", "), func(w, g string) bool {
			w, g = evalNormMeta(w), evalNormMeta(g)
			return g != "" && (strings.Contains(w, g) || strings.Contains(g, w))
		})
		check("published", exp.PublishedTime, m.Published, func(w, g string) bool {
			return len(g) >= 10 && len(w) >= 10 && w[:10] == g[:10]
		})
		check("lang", exp.Lang, m.Language, func(w, g string) bool {
			primary := func(s string) string {
				return strings.ToLower(strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })[0])
			}
			return g != "" && primary(w) == primary(g)
		})
	}
	sort.Strings(fields)
	rates := map[string]float64{}
	for _, f := range fields {
		c := counts[f]
		if c.total > 0 {
			rates[f] = float64(c.agree) / float64(c.total)
		}
		t.Logf("meta %-9s agree %d/%d = %.2f", f, c.agree, c.total, rates[f])
	}
	floors := map[string]float64{"title": 0.9, "byline": 0.7, "published": 0.9, "lang": 0.95}
	for f, floor := range floors {
		assert.GreaterOrEqual(t, rates[f], floor, f)
	}
}

func evalURLParse(s string) (*url.URL, error) { return url.Parse(s) }
