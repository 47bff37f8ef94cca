package citations

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// FuzzScanText checks that scanning never panics and that every citation's
// span lies inside the text, inside its group, on one line, with its text,
// in order.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{
		"(Ma et al., 2020)", "Chen and Ortiz (2020) found", "(Smith, 2019; Jones & Lee, 2020)",
		"[1, 3–5, 8]", "[5]–[9]", "shown¹⁻³", "(Nakamura 45-47)", "(Lund 2011, 2013)",
		"by Pauli et al., 2014 and", "(World Health Organization [WHO], 2020)", "x[3] [2020] (n = 35)",
		"Smith's (2019, p. 4)", "(Smith, 2018a, b)", "[3, p. 12]", "\xff(\xfe 2019)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cs := ScanText(text)
		prev := 0
		for i, c := range cs {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(text) {
				t.Fatalf("citation %d span %v outside text of %d bytes", i, c.Span, len(text))
			}
			if !c.Group.Contains(c.Span) || c.Group.End > len(text) {
				t.Fatalf("citation %d group %v does not contain span %v", i, c.Group, c.Span)
			}
			if c.Text != text[c.Span.Start:c.Span.End] {
				t.Fatalf("citation %d text %q, span covers %q", i, c.Text, text[c.Span.Start:c.Span.End])
			}
			for j := c.Group.Start; j < c.Group.End; j++ {
				if text[j] == '\n' {
					t.Fatalf("citation %d group %q spans a line break", i, text[c.Group.Start:c.Group.End])
				}
			}
			if c.Span.Start < prev {
				t.Fatalf("citation %d out of order", i)
			}
			prev = c.Span.Start
			if utf8.ValidString(text) && !utf8.ValidString(c.Text) {
				t.Fatalf("citation %d text %q splits a character", i, c.Text)
			}
		}
	})
}

// FuzzFind checks Find on plain-text documents: every span lies inside
// Text and maps inside Src, and with Options.ParenNumbers too, inside its
// group; and the limit: one citation fewer than Find
// returns is an error, and as many is either the same citations or an
// error (a lone name's year that Find drops at the end counts as found).
func FuzzFind(f *testing.F) {
	f.Add("Title\n\nEarlier work (Smith, 2019;\nJones & Lee, 2020) found this [4–6].\n")
	f.Add("A (Ma et al., 2020) and Chen (2021).\n\nReferences\n\n1. Ma X (2020) Title.\n")
	// the shapes of bounds_test.go, small
	f.Add(numericRanges(3))
	f.Add(ambiguousDoc(3))
	f.Add(strings.Replace(numberedList(3), "[1]", "[1000]", 1))
	f.Add("Gini (2014) and HDI (2017) [1].\n")
	f.Add("Ice (Hughes et al., 2018, https://doi.org/10.1038/nature25746; Ma, 2020, doi:10.1000/x), as in DOI 10.1000/y.\n")
	// the numeric styles: Vancouver's parentheses, AMA's pinpoints,
	// pandoc's plain-text superscripts
	f.Add("Riders left (1,2), then (see\n13) and (5,see also 4): (1) one, (2) two.\n")
	f.Add("Shown^(3(p88)) by⁴ since 2019⁶ [11, Ch. 4] dark^(5(chap6),see also 4).\n")
	// note numbers that lost their superscript
	f.Add("It shrank in 1970.1 Most closed,2 as “noted”.3\n\nNotes\n1. Davies, Wales, 612.\n2. Ibid.\n3. Ibid., 9.\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "fuzz.txt"})
		if err != nil {
			return
		}
		found := Find(doc)
		if n := len(found); n > 1 {
			if _, err := FindWithOptions(doc, Options{MaxCitations: n - 1}); !errors.Is(err, ErrTooManyCitations) {
				t.Fatalf("%d citations with a limit of %d: error %v", n, n-1, err)
			}
			again, err := FindWithOptions(doc, Options{MaxCitations: n})
			if err == nil && !reflect.DeepEqual(found, again) {
				t.Fatalf("within the limit, other citations")
			}
			if err != nil && !errors.Is(err, ErrTooManyCitations) {
				t.Fatalf("error %v", err)
			}
		}
		withLists, err := FindWithOptions(doc, Options{Lists: FindReferences(doc)})
		if err != nil && !errors.Is(err, ErrTooManyCitations) {
			t.Fatalf("with the lists: error %v", err)
		}
		for i, c := range withLists {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(doc.Text) || !c.Group.Contains(c.Span) {
				t.Fatalf("with the lists, citation %d span %v (group %v) outside text or group", i, c.Span, c.Group)
			}
		}
		parens, err := FindWithOptions(doc, Options{ParenNumbers: true})
		if err != nil && !errors.Is(err, ErrTooManyCitations) {
			t.Fatalf("with ParenNumbers: error %v", err)
		}
		for i, c := range parens {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(doc.Text) || !c.Group.Contains(c.Span) {
				t.Fatalf("with ParenNumbers, citation %d span %v (group %v) outside text or group", i, c.Span, c.Group)
			}
		}
		for i, c := range found {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(doc.Text) {
				t.Fatalf("citation %d span %v outside text", i, c.Span)
			}
			start, end := doc.SourceOffsets(c.Span)
			if start < 0 || start > end || end > len(doc.Src) {
				t.Fatalf("citation %d maps to %d:%d outside source of %d bytes", i, start, end, len(doc.Src))
			}
		}
	})
}
