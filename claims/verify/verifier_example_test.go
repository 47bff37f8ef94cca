package verify_test

import (
	"fmt"

	"github.com/citecheck/citecheck/claims/verify"
)

func ExampleVerify() {
	src := verify.Source{
		URL:  "https://example.org/poll",
		Text: "The survey of 2,000 adults was carried out in March. It found that 14 per cent of voters backed the levy. The rest opposed it or were undecided.",
	}
	r := verify.Verify(verify.Claim{Text: "A survey found that 40% of voters backed the levy."}, src)
	fmt.Println(r.Verdict)
	for _, m := range r.Missing {
		fmt.Printf("%s %q: the source says %q in %q\n", m.Kind, m.Text, m.SourceText, m.Passage)
	}
	fmt.Println(r.Evidence[0].URL)
	// Output:
	// contradicted
	// number "40%": the source says "14 per cent" in "It found that 14 per cent of voters backed the levy."
	// https://example.org/poll#:~:text=The%20survey%20of%202%2C000%20adults,of%20voters%20backed%20the%20levy.
}

// A source that several claims cite is read once by Prepare, and each
// claim verified against what it read.
func ExamplePrepare() {
	p := verify.Prepare(verify.Source{
		Text: "The council approved the budget on Tuesday. It raises the library's funding by 12% and cuts road repairs by 8%. Councillor Ann Reed said: \"We chose books over potholes.\"",
	})
	for _, claim := range []string{
		"The council raised library funding by 12%.",
		"Road repairs were cut by 30%.",
		`Reed said: "We chose books over roads."`,
	} {
		r := verify.VerifyPrepared(verify.Claim{Text: claim}, p)
		fmt.Printf("%s: %s\n", r.Verdict, claim)
	}
	// Output:
	// supported: The council raised library funding by 12%.
	// contradicted: Road repairs were cut by 30%.
	// contradicted: Reed said: "We chose books over roads."
}
