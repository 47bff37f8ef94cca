package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodeLike(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Run `go test` before you push.", true},
		{"The handler returns {ok: true}.", true},
		{"Set max_retries to 3.", true},
		{"Call flush() when done.", true},
		{"Then x = y + 1 holds.", true},
		{"Use std::vector for this.", true},
		{"Pass it --verbose to see more.", true},
		{"$ make install", true},
		{"Unemployment fell to 4.1% in March.", false},
		{"The deal was worth $500 million.", false},
		{"The snake_ case is rare.", false},
		{"A well-known figure (the mayor) spoke.", false},
		{"It was a long -- and costly -- fight.", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, codeLike(tt.sentence), "%q", tt.sentence)
	}
}

func TestShareBucket(t *testing.T) {
	tests := []struct {
		k, n int
		want byte
	}{
		{0, 20, 0},
		{1, 21, 0},
		{1, 20, 1},
		{2, 20, 1},
		{3, 20, 2},
		{5, 20, 2},
		{6, 20, 3},
		{20, 20, 3},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, shareBucket(tt.k, tt.n), "%d of %d", tt.k, tt.n)
	}
}

func TestLengthBucket(t *testing.T) {
	tests := []struct {
		n    int
		want byte
	}{
		{5, 0}, {19, 0}, {20, 1}, {49, 1}, {50, 2}, {99, 2}, {100, 3}, {199, 3}, {200, 4}, {5000, 4},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, lengthBucket(tt.n), "%d sentences", tt.n)
	}
}

func TestSentenceTraits(t *testing.T) {
	tests := []struct {
		sentence string
		want     uint16
	}{
		{"We rewrote the scheduler.", 1 << traitWe},
		{"I tried it at home.", 1 << traitI},
		{"You can change your settings.", 1 << traitYou},
		{"Set max_retries in the config.", 1 << traitCode},
		{"The sky is blue.", 0},
	}
	for _, tt := range tests {
		var tb [64]token
		toks := tokenize(tt.sentence, tb[:0])
		got := sentenceTraits(tt.sentence, toks, analyzeWithAttribution(tt.sentence, toks))
		assert.Equal(t, tt.want, got, "%q", tt.sentence)
	}
}

func TestPageProfile(t *testing.T) {
	we := uint16(1 << traitWe)
	tests := []struct {
		name    string
		traits  []uint16
		counted func(i int) bool
		want    []uint32 // nil: no page
	}{
		{"too short", []uint16{we, we, 0, 0}, nil, nil},
		{"too few counted", []uint16{we, we, 0, 0, 0, 0}, func(i int) bool { return i < 4 }, nil},
		{"half in the first person plural", []uint16{we, we, we, 0, 0, 0}, nil, profile(map[int]byte{traitWe: 3}, 0)},
		{"the counted sentences only", []uint16{we, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, we, we},
			func(i int) bool { return i < 21 }, profile(map[int]byte{traitWe: 0}, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, pageProfile(tt.traits, tt.counted))
		})
	}
}

// profile is the page profile with the given share buckets, 0 for the
// traits not given, and length bucket n.
func profile(buckets map[int]byte, n byte) []uint32 {
	var out []uint32
	for k := range numTraits {
		out = append(out, pageKey(byte(k), buckets[k]))
	}
	return append(out, pageKey(numTraits, n))
}

func TestAppendPage(t *testing.T) {
	page := profile(nil, 0)
	plain := appendPage(nil, page, sigFirstPerson|sigStatistic, false)
	require.Len(t, plain, len(page))
	for _, f := range plain {
		assert.NotZero(t, f&pageFlag)
	}
	tests := []struct {
		name string
		bits uint32
		want int
	}{
		{"no crossed signal", sigTemporal, len(page)},
		{"first person", sigFirstPerson, 2 * len(page)},
		{"first person and a figure", sigFirstPerson | sigManyNumbers, 3 * len(page)},
	}
	for _, tt := range tests {
		assert.Len(t, appendPage(nil, page, tt.bits, true), tt.want, tt.name)
	}
}

func TestPageFeaturesWrittenOnly(t *testing.T) {
	sents := make([]Sentence, 8)
	for i := range sents {
		sents[i] = Sentence{Text: "We shipped the new build to 40 customers."}
	}
	seq := analyseSequence(sents, groupPage)
	require.NotEmpty(t, seq[0].page)
	assert.Len(t, sequenceFeatures(seq, 0, groupPage, nil), len(seq[0].feats)+numTraits+1)
	for i := range sents {
		sents[i].Speaker = "A"
	}
	seq = analyseSequence(sents, groupPage|groupSpeaker)
	assert.Empty(t, seq[0].page, "a transcript is no page")
}

func TestPageModelRoundTrip(t *testing.T) {
	page := []Example{
		{Text: "We moved the build to a new runner.", Claim: false},
		{Text: "Unemployment fell to 4.1% in March, the bureau said.", Claim: true},
		{Text: "You can try it yourself.", Claim: false},
		{Text: "The city spent $12 million on the bridge in 2019.", Claim: true},
		{Text: "Set max_retries to 3 in the config.", Claim: false},
		{Text: "Prices rose 8% last year.", Claim: true},
	}
	m := Train([][]Example{page, page[:2]}, TrainConfig{Epochs: 2, Page: true, PageCross: true})
	data, err := m.MarshalBinary()
	require.NoError(t, err)
	got, err := UnmarshalModel(data)
	require.NoError(t, err)
	assert.Equal(t, uint32(groupPage|groupPageCross), got.groups)
	sents := make([]Sentence, len(page))
	for i, ex := range page {
		sents[i] = Sentence{Text: ex.Text}
	}
	assert.InDeltaSlice(t, m.MarginSequence(sents), got.MarginSequence(sents), 0.05)
	// the page features move the margins of a page's sentences
	assert.NotEqual(t, m.Margin(page[1].Text), m.MarginSequence(sents)[1])
}
