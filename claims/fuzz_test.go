package claims

import (
	"math"
	"testing"

	"github.com/citecheck/citecheck/sources"
)

var fuzzSeeds = []string{
	"It rained. Then it stopped.",
	"Smith et al. found a link (Smith et al., 2020). It was weak.[3] Next.² Done…",
	`"Are you sure?" she asked. “Yes.” (Ponemon Institute, 2021) U.S. No. 10 J. R. Smith 4.5 1,900`,
	"(((((( [[[[ ]]]] )))) . . . ? ! … “ ” ‘ ’",
	"\xff\xfe. \xe2\x80. A.",
	"Sales rose 14%, the retailer said in an email on Tuesday. Per the Census Bureau, it fell.",
	"Comme l'a révélé Mediapart, 2 %. Wie das Amt am Montag mitteilte, 3. Costs rose, a poll released Tuesday found.",
	"The study, published in The Lancet, found it, a indiqué le ministère. Claim: it rose. Copyright © 2024 X.",
	"Reporting by Jane Doe; Editing by Mark Potter. Jane Doe is a staff writer for the Courier.",
	"According to the Bureau of Labor Statistics, wages rose 4.1% in 2023, Priya Raman said.",
	"What if we tried? If we could, we would. Let's go!",
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, sp := range SplitSentences(text) {
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, text)
			}
			for i := sp.Start; i < sp.End; i++ {
				if text[i] == '\n' {
					t.Fatalf("span %v crosses a line in %q", sp, text)
				}
			}
			prev = sp.End
		}
		// The same text read as a document: every sentence lies inside
		// one block and maps inside Src.
		doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: "f.txt", Format: sources.FormatText})
		if err != nil {
			return
		}
		prev = 0
		for _, sp := range Sentences(doc) {
			b := doc.BlockAt(sp.Start)
			if sp.Start < prev || b < 0 || !doc.Blocks[b].Span.Contains(sp) {
				t.Fatalf("sentence %v outside its block in %q", sp, doc.Text)
			}
			if r := doc.Locate(sp); r.Start < 0 || r.End > len(doc.Src) || r.Start > r.End {
				t.Fatalf("sentence %v maps to %+v outside Src", sp, r)
			}
			prev = sp.End
		}
		for _, c := range Extract(doc, Options{MinScore: 1e-12}) {
			if doc.Slice(c.Span) != c.Text || c.Score < 0 || c.Score > 1 {
				t.Fatalf("bad claim %+v", c)
			}
		}
	})
}

func FuzzScore(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"Labour MP Tom Watson, who sits on the committee, said the money was a donation.",
		"The prosecutor, François Molins, said in a separate statement that",
		"NCIS has recruited him, TVLine has learned",
		"the C.D.C.'s response team for Covid-19 estimated that",
		"A review of cases found, said",
		"Clients MUST NOT retry; Avoid it.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sentence string) {
		score, kinds := Score(sentence)
		if math.IsNaN(score) || score < 0 || score > 1 {
			t.Fatalf("score %v for %q", score, sentence)
		}
		if len(kinds) > len(allKinds) {
			t.Fatalf("kinds %v", kinds)
		}
		for _, a := range FindAttributions(sentence) {
			if a.Span.Start < 0 || a.Span.Start >= a.Span.End || a.Span.End > len(sentence) || sentence[a.Span.Start:a.Span.End] != a.Name {
				t.Fatalf("bad attribution %+v in %q", a, sentence)
			}
		}
	})
}

func FuzzScoreSequence(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)], "A")
	}
	f.Fuzz(func(t *testing.T, a, b, speaker string) {
		sents := []Sentence{{Text: a, Speaker: speaker}, {Text: b}, {Text: a + " " + b, Speaker: speaker}}
		scores := DefaultModel().ScoreSequence(sents)
		margins := DefaultModel().MarginSequence(sents)
		if len(scores) != len(sents) || len(margins) != len(sents) {
			t.Fatalf("%d scores, %d margins for %d sentences", len(scores), len(margins), len(sents))
		}
		for _, s := range scores {
			if math.IsNaN(s) || s < 0 || s > 1 {
				t.Fatalf("score %v in %q", s, sents)
			}
		}
		// A sentence without a speaker has no context features: its
		// score in sequence is its score alone, by the model that scores
		// the sequence (the spoken one for a transcript).
		alone, _ := DefaultModel().forSequence(sents).Score(b)
		if math.Abs(alone-scores[1]) > 1e-9 {
			t.Fatalf("score %v in sequence, %v alone for %q", scores[1], alone, b)
		}
	})
}
