package claims_test

import (
	"fmt"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

func ExampleSplitSentences() {
	text := "Smith et al. found that 4.5% of U.S. firms failed. (Smith et al., 2020) Why?"
	for _, s := range claims.SplitSentences(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0-71 Smith et al. found that 4.5% of U.S. firms failed. (Smith et al., 2020)
	// 72-76 Why?
}

func ExampleSentences() {
	doc, _ := sources.Parse([]byte("Results\n\nSales rose. Costs fell.\n"), sources.ReadOptions{Name: "a.txt"})
	for _, s := range claims.Sentences(doc) {
		fmt.Println(doc.Slice(s))
	}
	// Output:
	// Results
	// Sales rose.
	// Costs fell.
}

func ExampleScore() {
	for _, s := range []string{
		"Unemployment fell to 3.9% in March, the Labor Department said.",
		"Are we prepared for what comes next?",
	} {
		score, kinds := claims.Score(s)
		fmt.Println(score >= claims.DefaultModel().Threshold(), kinds)
	}
	// Output:
	// true [statistic comparison temporal attribution]
	// false []
}

func ExampleExtract() {
	src := []byte("Are we ready? According to Reuters, the deal was worth $2 billion in 2023. I think it was too much.\n")
	doc, _ := sources.Parse(src, sources.ReadOptions{Name: "a.txt"})
	for _, c := range claims.Extract(doc, claims.Options{}) {
		fmt.Println(c.Text)
		fmt.Println(c.Kinds)
		for _, a := range c.Attributions {
			fmt.Println(a.Name, doc.Slice(a.Span))
		}
	}
	// Output:
	// According to Reuters, the deal was worth $2 billion in 2023.
	// [statistic temporal attribution]
	// Reuters Reuters
}

func ExampleFindAttributions() {
	fmt.Println(claims.FindAttributions("Data from the Census Bureau show a rise, Priya Raman said."))
	// Output:
	// [{Census Bureau {14 27}} {Priya Raman {41 52}}]
}

func ExampleModel_ScoreSequence() {
	m := claims.DefaultModel()
	scores := m.ScoreSequence([]claims.Sentence{
		{Speaker: "MODERATOR", Text: "Senator, what would you do about jobs?"},
		{Speaker: "CANDIDATE", Text: "We lost 70,000 factories since 2001."},
		{Speaker: "CANDIDATE", Text: "Thank you."},
	})
	// Transcripts are ranked: the claim comes first.
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	fmt.Println(best)
	// Output:
	// 1
}
