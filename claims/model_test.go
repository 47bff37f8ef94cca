package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSentenceFeatureGroups(t *testing.T) {
	s := "The Senate committee approved 12 new grants, officials said."
	toks := tokenize(s, nil)
	bits := analyzeWithAttribution(s, toks)
	base := features(toks, bits, 0, nil)
	assert.Equal(t, base, features(toks, bits, contextGroups, nil), "context groups leave a sentence's own features alone")

	skel := features(toks, bits, groupSkeleton, nil)
	assert.Len(t, skel, len(base)+len(toks)+1, "a skeleton trigram per token and one at the end")
	assert.Subset(t, skel, base)

	tri := features(toks, bits, groupWordTrigrams, nil)
	assert.Len(t, tri, len(base)+len(toks)-1, "a word trigram from the third token on")

	chars := features(toks, bits, groupCharNgrams, nil)
	var flagged int
	for _, f := range chars {
		if f&charFlag != 0 {
			flagged++
			assert.Less(t, f&^charFlag, uint32(numBuckets))
		}
	}
	assert.Equal(t, len(chars)-len(base), flagged, "every letter n-gram is flagged")
	// "<the>" gives <th, the, he>, <the, the>: five, the framed word left out.
	assert.Len(t, charNgrams(toks[:1], nil), 5)

	assert.Equal(t, uint64(className), wordClass(&toks[1], 0), "Senate")
	assert.Equal(t, uint64(classED), wordClass(&toks[3], 0), "approved")
	assert.Equal(t, uint64(1<<32|7), wordClass(&toks[0], 7), "a function word is itself")
}

func TestTrainLogCountRatio(t *testing.T) {
	docs := [][]Example{{
		{Text: "Unemployment fell to 3.9% in March.", Claim: true},
		{Text: "Exports rose by 12% last year.", Claim: true},
		{Text: "Click here to subscribe.", Claim: false},
		{Text: "What do you think?", Claim: false},
	}}
	cfg := TrainConfig{Epochs: 20, Seed: 1, LearningRate: 0.1, L2: 0.01, Skeleton: true}
	plain := Train(docs, cfg)
	cfg.LogCountRatio, cfg.NBBeta = 1, 0.75
	nb := Train(docs, cfg)
	assert.Equal(t, uint32(groupSkeleton), nb.groups)
	assert.NotEqual(t, plain.weights, nb.weights, "the ratios scale the weights")
	for _, m := range []*Model{plain, nb} {
		assert.Greater(t, m.Margin("Imports fell by 3% in May."), m.Margin("Click here to read more."))
	}
	data, err := nb.MarshalBinary()
	require.NoError(t, err)
	back, err := UnmarshalModel(data)
	require.NoError(t, err)
	assert.Equal(t, nb.groups, back.groups, "the model file records its feature groups")
}
