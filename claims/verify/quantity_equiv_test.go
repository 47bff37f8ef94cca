package verify

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// sharedData is the data shared by the project's sessions, read at run
// time and never copied into the repository.
const sharedData = "../../../shared/data"

// realPageTexts returns the text of every real page of the shared data
// (news pages and reference pages), read as citecheck reads a cited page,
// or skips tb when the data is absent.
func realPageTexts(tb testing.TB) []string {
	tb.Helper()
	var paths []string
	for _, glob := range []string{"readability-news-pages/*/source.html", "citation-docs/readability-refpages/*/source.html"} {
		p, err := filepath.Glob(filepath.Join(sharedData, glob))
		require.NoError(tb, err)
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		tb.Skipf("no real pages under %s: the shared data is absent", sharedData)
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		require.NoError(tb, err)
		doc, err := sources.Read(bytes.NewReader(raw), sources.ReadOptions{Name: "page.html"})
		require.NoError(tb, err, p)
		texts = append(texts, doc.Text)
	}
	return texts
}

// claimSupportTexts returns the claims and the evidence of the
// claim-support data (WiCE and Check-COVID), or nil when it is absent.
func claimSupportTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	add := func(s string) {
		if s != "" {
			texts = append(texts, s)
		}
	}
	// jsonLines decodes each line of a JSON Lines file, if it exists.
	jsonLines := func(rel string, each func(line []byte)) {
		f, err := os.Open(filepath.Join(sharedData, "claim-support", rel))
		if err != nil {
			t.Logf("skipped %s: %v", rel, err)
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		for sc.Scan() {
			each(sc.Bytes())
		}
		require.NoError(t, sc.Err())
	}
	wice := func(line []byte) {
		var c struct {
			Claim    string   `json:"claim"`
			Evidence []string `json:"evidence"`
		}
		require.NoError(t, json.Unmarshal(line, &c))
		add(c.Claim)
		for _, e := range c.Evidence {
			add(e)
		}
		add(strings.Join(c.Evidence, "\n"))
	}
	jsonLines("wice/data/entailment_retrieval/claim/dev.jsonl", wice)
	jsonLines("wice/data/non_supported_tokens/dev.jsonl", wice)
	jsonLines("wice/data/non_supported_tokens/train.jsonl", wice)
	jsonLines("check-covid/corpus.json", func(line []byte) {
		var p struct {
			Title    string   `json:"title"`
			Abstract []string `json:"abstract"`
		}
		require.NoError(t, json.Unmarshal(line, &p))
		add(p.Title)
		for _, a := range p.Abstract {
			add(a)
		}
		add(p.Title + "\n" + strings.Join(p.Abstract, "\n"))
	})
	for _, rel := range []string{"check-covid/dev/covidCheck_dev_composed+extracted.json",
		"check-covid/train/covidCheck_train_composed+extracted.json"} {
		jsonLines(rel, func(line []byte) {
			var c struct{ Claim string }
			require.NoError(t, json.Unmarshal(line, &c))
			add(c.Claim)
		})
	}
	return texts
}

// quantityTestTexts returns the inputs of the quantity tests: every string
// literal of quantity_test.go, the fuzz seeds and the fuzz corpus.
func quantityTestTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), fuzzSeeds...)
	f, err := parser.ParseFile(gotoken.NewFileSet(), "quantity_test.go", nil, 0)
	require.NoError(t, err)
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
			s, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			texts = append(texts, s)
		}
		return true
	})
	corpus, err := filepath.Glob("testdata/fuzz/FuzzQuantities/*")
	require.NoError(t, err)
	for _, p := range corpus {
		raw, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, line := range strings.Split(string(raw), "\n") {
			if lit, ok := strings.CutPrefix(line, "string("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
				require.NoError(t, err)
				texts = append(texts, s)
			}
		}
	}
	return texts
}

// sameQuantities reports whether a and b are the same quantities, field
// for field and bit for bit (so that -0 is not 0).
func sameQuantities(a, b []Quantity) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	bits := func(q Quantity) [5]uint64 {
		return [5]uint64{math.Float64bits(q.Value), math.Float64bits(q.Range.Lo), math.Float64bits(q.Range.Hi),
			math.Float64bits(q.Bounds.Lo), math.Float64bits(q.Bounds.Hi)}
	}
	for i := range a {
		if a[i] != b[i] || bits(a[i]) != bits(b[i]) {
			return false
		}
	}
	return true
}

// checkAgainstReference fails t unless Quantities reads text exactly as
// refQuantities, the implementation it replaced, does.
func checkAgainstReference(t *testing.T, name, text string) {
	t.Helper()
	want, got := refQuantities(text), Quantities(text)
	if !sameQuantities(want, got) {
		assert.Equal(t, want, got, "%s: %.200q", name, text)
		if assert.ObjectsAreEqual(want, got) {
			t.Errorf("%s: the same but for the sign of a zero or nil against empty: %.200q", name, text)
		}
	}
}

// TestQuantitiesMatchReference checks that Quantities returns exactly
// what refQuantities does on the inputs of the quantity tests, on every
// real page (and the page upper- and lowercased, and each of its lines)
// and on the claims and evidence of the claim-support data.
func TestQuantitiesMatchReference(t *testing.T) {
	for _, s := range quantityTestTexts(t) {
		checkAgainstReference(t, "test input", s)
	}
	t.Run("real pages", func(t *testing.T) {
		texts := realPageTexts(t)
		for i, text := range texts {
			checkAgainstReference(t, "page "+strconv.Itoa(i), text)
			checkAgainstReference(t, "page upper "+strconv.Itoa(i), strings.ToUpper(text))
			checkAgainstReference(t, "page lower "+strconv.Itoa(i), strings.ToLower(text))
			for _, line := range strings.Split(text, "\n") {
				checkAgainstReference(t, "line of page "+strconv.Itoa(i), line)
			}
		}
		t.Logf("%d pages", len(texts))
	})
	t.Run("claim support", func(t *testing.T) {
		texts := claimSupportTexts(t)
		if len(texts) == 0 {
			t.Skipf("no claim-support data under %s", sharedData)
		}
		for _, text := range texts {
			checkAgainstReference(t, "claim support", text)
		}
		t.Logf("%d texts", len(texts))
	})
}
