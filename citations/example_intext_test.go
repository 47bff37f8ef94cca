package citations_test

import (
	"fmt"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

func ExampleScanText() {
	text := "Chen and Ortiz (2020) confirmed it (Smith, 2019; Jones & Lee, 2020, p. 4) [4–6]."
	for _, c := range citations.ScanText(text) {
		fmt.Printf("%s %-11s %-22q authors=%q year=%q number=%q locator=%q\n",
			c.ID, c.Kind, c.Text, c.Authors, c.Year, c.Number, c.Locator)
	}
	// Output:
	// c1 author-year "Chen and Ortiz (2020)" authors=["Chen" "Ortiz"] year="2020" number="" locator=""
	// c2 author-year "Smith, 2019"          authors=["Smith"] year="2019" number="" locator=""
	// c3 author-year "Jones & Lee, 2020, p. 4" authors=["Jones" "Lee"] year="2020" number="" locator="4"
	// c4 numeric     "4–6"                  authors=[] year="" number="4" locator=""
	// c5 numeric     "4–6"                  authors=[] year="" number="5" locator=""
	// c6 numeric     "4–6"                  authors=[] year="" number="6" locator=""
}

func ExampleFind() {
	src := []byte("Results\n\nThe effect was large (Ma et al., 2020),\nas Burki (2019) predicted.\n")
	doc, err := sources.Parse(src, sources.ReadOptions{Name: "article.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range citations.Find(doc) {
		pos := doc.Locate(c.Span)
		fmt.Printf("%s:%d:%d: %s %q\n", doc.Name, pos.Line, pos.Column, c.Kind, c.Text)
	}
	// Output:
	// article.txt:3:23: author-year "Ma et al., 2020"
	// article.txt:4:4: author-year "Burki (2019)"
}
