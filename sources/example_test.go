package sources_test

import (
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

func ExampleRead() {
	const article = `Outages and Trust

Users leave a platform after repeated outages
(Ma et al., 2020).

  • Trust falls.
  • Advertisers follow.
`
	doc, err := sources.Read(strings.NewReader(article), sources.ReadOptions{Name: "article.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		fmt.Printf("%s: %s\n", b.Kind, doc.Slice(b.Span))
	}
	i := strings.Index(doc.Text, "(Ma et al., 2020)")
	r := doc.Locate(sources.Span{Start: i, End: i + len("(Ma et al., 2020)")})
	fmt.Printf("citation at %s:%d:%d\n", doc.Name, r.Line, r.Column)
	// Output:
	// heading: Outages and Trust
	// paragraph: Users leave a platform after repeated outages (Ma et al., 2020).
	// list-item: Trust falls.
	// list-item: Advertisers follow.
	// citation at article.txt:4:1
}
