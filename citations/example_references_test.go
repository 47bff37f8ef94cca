package citations_test

import (
	"fmt"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

func ExampleParseReference() {
	r := citations.ParseReference("Ma, X., Smith, J., & Lee, K. (2020). Sleep and memory. Journal of Sleep Research, 29(4), 112–128. https://doi.org/10.1111/jsr.13001")
	fmt.Println(r.Authors, r.Year)
	fmt.Println(r.Title)
	fmt.Println(r.Container, r.Volume, r.Issue, r.Pages)
	fmt.Println(r.DOI)
	// Output:
	// [Ma Smith Lee] 2020
	// Sleep and memory
	// Journal of Sleep Research 29 4 112–128
	// 10.1111/jsr.13001
}

func ExampleFindReferences() {
	src := []byte(`Sleep matters (Ma et al., 2020).

References

Ma, X., Smith, J., & Lee, K. (2020). Sleep and memory. Journal of Sleep Research, 29(4), 112–128.
Okafor, C. N. (2018). Circadian rhythms in children. Oxford University Press.
`)
	doc, err := sources.Parse(src, sources.ReadOptions{Name: "article.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, list := range citations.FindReferences(doc) {
		fmt.Printf("%s (line %d)\n", list.Heading, doc.Locate(list.HeadingSpan).Line)
		for _, e := range list.Entries {
			fmt.Printf("%s line %d: %v %s %q\n", e.ID, doc.Locate(e.Span).Line, e.Authors, e.Year, e.Title)
		}
	}
	// Output:
	// References (line 3)
	// r1 line 5: [Ma Smith Lee] 2020 "Sleep and memory"
	// r2 line 6: [Okafor] 2018 "Circadian rhythms in children"
}
