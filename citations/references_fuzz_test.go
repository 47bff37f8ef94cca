package citations

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

var referenceSeeds = []string{
	"Ma, X., Smith, J., & Lee, K. (2020). Sleep. Journal of Sleep Research, 29(4), 112–128. https://doi.org/10.1111/jsr.13001",
	"3. Ma X, Smith J, Lee K. Audit. BMJ. 2019;365:l1234.",
	"[4] J. Smith, K. Lee, and M. Chen, “Fast parsing,” IEEE Trans., vol. 3, no. 2, pp. 45–67, 2019.",
	"^ a b Smith, John (2019). \"Title\". Publisher. Retrieved 3 May 2020.",
	"Smith, John, and Jane Doe. The Iron Road. Chicago: University of Chicago Press, 2015.",
	"https://example.com/a).",
	"(((( [[[ 10.1234/ “ ” n.d. (2019",
	"van der Berg, A. (2019a). In J. Smith (Ed.), Book (pp. 1-2). Press.",
	"\xff\xfe 10.12345/\xc3",
	"———. Dom Casmurro, trans. John Gledson (New York: Oxford University Press, 1997).",
	"Rosanvallon, Pierre, La Démocratie inachevée, Paris, Gallimard, 2000.",
	"J.-S. Pang, NE/SQP, Math. Programming, 60 (1993), pp. 295-337.",
	"Tagliamonte, S. (1999). “Be like” et al. beyond America? using it. Observer, 3 December 2006.",
	"Appriss Retail. 2023 Returns. Appriss, 2023. vanEngelsdorp D. (( , , 1999",
}

func FuzzParseReference(f *testing.F) {
	for _, s := range referenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ParseReference(s)
		if r.Text != strings.TrimSpace(s) {
			t.Fatalf("Text %q, want the trimmed input", r.Text)
		}
		if r.DOI != "" && !strings.HasPrefix(r.DOI, "10.") {
			t.Fatalf("DOI %q does not start with 10.", r.DOI)
		}
		if utf8.ValidString(s) {
			for _, f := range append([]string{r.Label, r.Year, r.Title, r.Container, r.Volume, r.Issue, r.Pages, r.Publisher, r.DOI, r.URL}, r.Authors...) {
				if !utf8.ValidString(f) {
					t.Fatalf("field %q is not valid UTF-8", f)
				}
			}
		}
	})
}

func FuzzFindReferences(f *testing.F) {
	f.Add("Intro text.\n\nReferences\n\nMa, X. (2019). Sleep. Nature, 1, 1–2. Smith, J. (2020). Diet. Science, 2, 3–4.\n\n← Prev Next →\n")
	f.Add("Bibliography\n[1] A. B. Title. 2019. [2] C. D. Other. 2020.\nAppendix A\nmore")
	f.Add("Notes\n\n1. Ma X. Sleep. BMJ. 2019;1:1-2. 2. Lee K. Diet. 2020.\n\nReferences 12\n\nhttps://x.org\n")
	for _, s := range referenceSeeds {
		f.Add("References\n\n" + s + "\n")
	}
	// the shapes of bounds_test.go, small
	f.Add(sourcesParagraph(3))
	f.Add(labelsParagraph(3))
	f.Add(numberedList(3))
	// citeproc's HTML, a label beside each entry; plain text wrapped
	// inside numbered entries
	f.Add(`<h2>References</h2><div class="csl-entry"><div class="csl-left-margin">[1] </div><div class="csl-right-inline">A. Okoye, “Marsh,” 2018.</div></div><div class="csl-left-margin">2.</div>`)
	f.Add("References\n\n1. Okoye A. Salt marsh retreat.\nEstuary Letters. 2018;4:1-9.\n2022. Available from:\n\n3. Lind B. Tides.\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"fuzz.txt", "fuzz.html"} {
			checkFoundReferences(t, s, name)
		}
	})
}

// checkFoundReferences checks what FindReferences makes of s read as the
// file name says: the limit counts the entries exactly, and every span
// lies in its section, in order, and maps inside the source.
func checkFoundReferences(t *testing.T, s, name string) {
	t.Helper()
	doc, err := sources.Parse([]byte(s), sources.ReadOptions{Name: name})
	if err != nil {
		return
	}
	lists := FindReferences(doc)
	// the limit counts the entries exactly
	n := 0
	for _, l := range lists {
		n += len(l.Entries)
	}
	if n > 1 {
		if _, err := FindReferencesWithOptions(doc, Options{MaxReferences: n - 1}); !errors.Is(err, ErrTooManyReferences) {
			t.Fatalf("%d entries with a limit of %d: error %v", n, n-1, err)
		}
		if again, err := FindReferencesWithOptions(doc, Options{MaxReferences: n}); err != nil || !reflect.DeepEqual(lists, again) {
			t.Fatalf("%d entries with a limit of %d: error %v, or other lists", n, n, err)
		}
	}
	prev := -1
	for _, l := range lists {
		if l.Span.Start < 0 || l.Span.End > len(doc.Text) || l.Span.Start > l.Span.End {
			t.Fatalf("section span %v outside text of %d bytes", l.Span, len(doc.Text))
		}
		if l.HeadingSpan.End > l.Span.Start && l.Heading != "" {
			t.Fatalf("heading %v overlaps body %v", l.HeadingSpan, l.Span)
		}
		for _, e := range l.Entries {
			if !l.Span.Contains(e.Span) {
				t.Fatalf("entry %v outside its section %v", e.Span, l.Span)
			}
			if e.Span.Start < prev {
				t.Fatalf("entry %v starts before the previous one ends (%d)", e.Span, prev)
			}
			prev = e.Span.End
			if e.Text != doc.Slice(e.Span) {
				t.Fatalf("entry text %q is not its span's text", e.Text)
			}
			if start, end := doc.SourceOffsets(e.Span); start < 0 || end > len(doc.Src) || start > end {
				t.Fatalf("entry %v maps to %d..%d outside the source", e.Span, start, end)
			}
		}
	}
}
