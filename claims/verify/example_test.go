package verify_test

import (
	"fmt"

	"github.com/citecheck/citecheck/claims/verify"
)

func ExampleQuantities() {
	text := "Nearly 70% of the 1.2 million residents, about £4.5m, voted in the 2018–19 poll."
	for _, q := range verify.Quantities(text) {
		fmt.Printf("%d-%d %q %s %s %g\n", q.Span.Start, q.Span.End, q.Text, q.Kind, q.Unit, q.Value)
	}
	// Output:
	// 0-10 "Nearly 70%" percent % 70
	// 18-29 "1.2 million" count  1.2e+06
	// 41-53 "about £4.5m" currency GBP 4.5e+06
	// 68-77 "2018–19" year  2018.5
}

func ExampleQuantity_Matches() {
	first := func(s string) verify.Quantity { return verify.Quantities(s)[0] }
	fmt.Println(first("nearly 70%").Matches(first("68.4%")))
	fmt.Println(first("40 per cent").Matches(first("forty percent")))
	fmt.Println(first("more than 300 people").Matches(first("312 people")))
	fmt.Println(first("5 miles").Matches(first("8 km")))
	fmt.Println(first("40%").Matches(first("14%")))
	fmt.Println(first("in 2019").Matches(first("2019 people")))
	// Output:
	// true
	// true
	// true
	// true
	// false
	// false
}

func ExampleQuotes() {
	text := `“We will not back down,” she said, calling it ‘a fantasy’.`
	for _, q := range verify.Quotes(text) {
		fmt.Printf("%d %q\n", q.Depth, q.Text)
	}
	// Output:
	// 0 "We will not back down,"
	// 0 "a fantasy"
}

func ExampleFindQuote() {
	source := `"The budget is balanced and we will protect front-line services," the leader said.`
	for _, quote := range []string{
		"the budget is balanced … we will protect frontline services",
		"the budget is balanced and we will cut front-line services",
		"we will raise taxes",
	} {
		// An absent quotation's Span is the closest passage when it shares
		// half the words ("we will"), else empty.
		m := verify.FindQuote(quote, source)
		fmt.Println(m.Status, source[m.Span.Start:m.Span.End], m.Quoted, m.Source)
	}
	// Output:
	// exact The budget is balanced and we will protect front-line services [] []
	// misquote The budget is balanced and we will protect front-line services [cut] [protect]
	// absent we will protect front [] []
}

func ExampleIndex_FindQuote() {
	idx := verify.NewIndex("He said it would not raise taxes this year.")
	m := idx.FindQuote("it would raise taxes this year")
	fmt.Println(m.Status, m.Source)
	// Output:
	// misquote [not]
}

// A sign-in page that stands where the article should be says nothing of
// whether the article backs a claim: no verdict is given for it.
func ExamplePaywall() {
	fmt.Println(verify.Paywall("Subscribe to continue reading. Already a subscriber? Sign in."))
	fmt.Println(verify.Paywall("The unemployment rate among young workers fell to 14% in March."))
	// Output:
	// true
	// false
}
