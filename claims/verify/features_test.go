package verify

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpecificity(t *testing.T) {
	for _, tc := range []struct {
		name, claim, source string
		missSpecific        int
		long, longMissing   int
		coverLen            float64 // -1: only between 0 and 1 exclusive
	}{
		{name: "all there", claim: "The greenhouses were built in Belgium.",
			source: "The greenhouses were built in Belgium.", long: 1, coverLen: 1},
		{name: "short words absent", claim: "The greenhouses were built again.",
			source: "They made greenhouses.", missSpecific: 0, long: 1, coverLen: -1},
		{name: "long word absent", claim: "The greenhouses were built again.",
			source: "It was built again.", missSpecific: 1, long: 1, longMissing: 1, coverLen: -1},
		{name: "name and figure absent", claim: "Smith opened 12 greenhouses in Belgium.",
			source: "Smith opened greenhouses.", missSpecific: 2, long: 1, coverLen: -1},
		{name: "nothing there", claim: "Greenhouses flourished.",
			source: "Unrelated text.", missSpecific: 2, long: 2, longMissing: 2, coverLen: 0},
		{name: "empty claim", claim: "", source: "Some text.", coverLen: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := analyse(Claim{Text: tc.claim}, Source{Text: tc.source}).specificity()
			assert.Equal(t, tc.missSpecific, s.missSpecific, "missSpecific")
			assert.Equal(t, tc.long, s.long, "long")
			assert.Equal(t, tc.longMissing, s.longMissing, "longMissing")
			if tc.coverLen < 0 {
				assert.Greater(t, s.coverLen, 0.0)
				assert.Less(t, s.coverLen, 1.0)
			} else {
				assert.InDelta(t, tc.coverLen, s.coverLen, 1e-9)
			}
		})
	}
}

// TestSpecificityWeighsLength checks that an absent long word costs
// cover_all_len more than an absent short one of the same IDF.
func TestSpecificityWeighsLength(t *testing.T) {
	src := "The council built greenhouses in town."
	shortAbsent := analyse(Claim{Text: "The council built greenhouses again."}, Source{Text: src}).specificity()
	longAbsent := analyse(Claim{Text: "The council built greenhouses regionally."}, Source{Text: src}).specificity()
	assert.Greater(t, shortAbsent.coverLen, longAbsent.coverLen)
	assert.Equal(t, 0, shortAbsent.missSpecific)
	assert.Equal(t, 1, longAbsent.missSpecific)
}

// TestShortModelsIgnoreLongOnly checks that the shipped models for short
// sources give the long-only features no weight, and those for long
// sources do.
func TestShortModelsIgnoreLongOnly(t *testing.T) {
	m := shippedModel()
	n := len(featureNames)
	for _, w := range [][]float64{m.Short.Supported, m.Short.Any, m.Short.Contradicted} {
		assert.Equal(t, make([]float64, longOnly), w[n-longOnly:n])
	}
	assert.NotEqual(t, make([]float64, longOnly), m.Supported[n-longOnly:n])
}

// TestBestPassageShares checks the features of what the best passage
// holds: specific_best (names, figures, long words), numbers_best
// (figures and dates backed as quantities) and names_best.
func TestBestPassageShares(t *testing.T) {
	specific := (*analysis).specificBest
	numbers := (*analysis).numbersBest
	names := (*analysis).namesBest
	for _, tc := range []struct {
		name, claim, source string
		share               func(*analysis) float64
		want                float64
	}{
		{name: "specific: all in one passage", claim: "Smith opened 12 greenhouses in Belgium.",
			source: "Smith opened 12 greenhouses in Belgium.", share: specific, want: 1},
		{name: "specific: none specific", claim: "The council built them again.",
			source: "The council built them again.", share: specific, want: 1},
		{name: "specific: scattered over the page", claim: "Smith opened greenhouses in Belgium.",
			source: "Smith opened greenhouses in town.\nThe weather was fine.\nThe roads were busy.\nThe shops were shut.\nBelgium is far away.",
			share:  specific, want: 0.5},
		{name: "specific: no passage", claim: "Greenhouses flourished.", source: "", share: specific, want: 0},
		{name: "numbers: no figures", claim: "The council built greenhouses.", source: "The council built greenhouses.",
			share: numbers, want: 1},
		{name: "numbers: backed in the passage", claim: "The council built 40 greenhouses in 2019.",
			source: "In 2019 the council built forty greenhouses.", share: numbers, want: 1},
		{name: "numbers: backed elsewhere only", claim: "The council built 40 greenhouses in 2019.",
			source: "The council built forty greenhouses.\nThe weather was fine.\nThe roads were busy.\nThe shops were shut.\nPublished in 2019.",
			share:  numbers, want: 0.5},
		{name: "numbers: no passage", claim: "It cost $40.", source: "", share: numbers, want: 0},
		{name: "names: in the passage", claim: "Smith opened greenhouses in Belgium.",
			source: "Smith opened greenhouses in Belgium.", share: names, want: 1},
		{name: "names: none", claim: "The council built greenhouses.", source: "The council built greenhouses.",
			share: names, want: 1},
		{name: "names: one elsewhere on the page", claim: "Then Smith opened greenhouses in Belgium.",
			source: "Then Smith opened greenhouses in town.\nThe weather was fine.\nThe roads were busy.\nThe shops were shut.\nBelgium is far away.",
			share:  names, want: 0.5},
		{name: "names: no passage", claim: "Smith opened greenhouses.", source: "", share: names, want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.share(analyse(Claim{Text: tc.claim}, Source{Text: tc.source}))
			assert.InDelta(t, tc.want, got, 1e-9)
		})
	}
}

func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		name, claim, source  string
		claimWords, sentsLog float64
	}{
		{name: "three words, two sentences", claim: "The council built greenhouses.",
			source: "The council met.\nIt built greenhouses.", claimWords: math.Log1p(3), sentsLog: math.Log1p(2)},
		{name: "function words only", claim: "It was the one.", source: "Some text.", claimWords: 0, sentsLog: math.Log1p(1)},
		{name: "empty source", claim: "Greenhouses flourished.", source: "", claimWords: math.Log1p(2), sentsLog: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, s := analyse(Claim{Text: tc.claim}, Source{Text: tc.source}).sizes()
			assert.InDelta(t, tc.claimWords, w, 1e-9, "claim words")
			assert.InDelta(t, tc.sentsLog, s, 1e-9, "source sentences")
		})
	}
}

func TestCoverNear(t *testing.T) {
	filler := "\nThe weather was fine.\nThe roads were busy.\nThe shops were shut.\n"
	for _, tc := range []struct {
		name, claim, source string
		want                float64 // -1: only between 0 and 1 exclusive
	}{
		{name: "in one sentence", claim: "Smith opened greenhouses in Belgium.",
			source: "Smith opened greenhouses in Belgium.", want: 1},
		{name: "in one paragraph", claim: "Smith opened greenhouses in Belgium.",
			source: "Smith opened greenhouses.\nThe weather was fine.\nThey are in Belgium.", want: 1},
		{name: "farther apart than a paragraph", claim: "Smith opened greenhouses in Belgium.",
			source: "Smith opened greenhouses." + filler + filler + "They are in Belgium.", want: -1},
		{name: "nothing there", claim: "Greenhouses flourished.", source: "Unrelated text.", want: 0},
		{name: "no source", claim: "Greenhouses flourished.", source: "", want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := analyse(Claim{Text: tc.claim}, Source{Text: tc.source}).coverNear()
			if tc.want < 0 {
				assert.Greater(t, got, 0.0)
				assert.Less(t, got, 1.0)
			} else {
				assert.InDelta(t, tc.want, got, 1e-9)
			}
		})
	}
}

func TestClauseBreak(t *testing.T) {
	tests := []struct {
		between string
		want    bool
	}{
		{" ", false},
		{", ", true},
		{" (", true},
		{"” – ", true},    // a spaced en dash between clauses
		{" — ", true},     // an em dash
		{"—", true},       // unspaced, as American style sets it
		{" - ", true},     // a hyphen standing for a dash
		{"--", true},      // two hyphens for an em dash
		{"-", false},      // a hyphen joining two words
		{"–", false},      // an en dash joining two numbers: 2018–19
		{" ‘", false},     // an opening quote
		{"\u2019", false}, // an apostrophe
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, clauseBreak(tt.between), "clauseBreak(%q)", tt.between)
	}
}

func TestWordAmong(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{" gas leaks in a month", "leaks", true},
		{" Gas Leaks", "leaks", true},
		{" water main breaks", "breaks", true},
		{" of the water main breaks", "breaks", false}, // past the first three words
		{", leaks", "leaks", false},                    // punctuation ends the phrase
		{"", "leaks", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wordAmong(tt.text, tt.word, nounWords), "wordAmong(%q, %q)", tt.text, tt.word)
	}
}
