package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpeakerFeatures(t *testing.T) {
	sents := []Sentence{
		{Speaker: "M", Text: "What is your plan?"},
		{Speaker: "C", Text: "We cut taxes by 10%."},
		{Speaker: "C", Text: "Jobs grew."},
		{Speaker: "M", Text: "Why?"},
		{Text: "An article sentence."},
	}
	seq := analyseSequence(sents, contextGroups)
	tests := []struct {
		i    int
		want uint32
	}{
		{0, 1<<spkTurnStart | 1<<spkTurnEnd | 1<<spkTurnOne | 1<<spkAsks3 | 1<<spkShare3},
		{1, 1<<spkTurnStart | 1<<spkTurnShort | 1<<spkAsks0 | 1<<spkShare3},
		{2, 1<<spkTurnEnd | 1<<spkTurnShort | 1<<spkAsks0 | 1<<spkShare3},
		{4, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, seq[tt.i].speaker, "sentence %d", tt.i)
		assert.Equal(t, sents[tt.i].Speaker != "", seq[tt.i].hasSpeaker, "sentence %d", tt.i)
	}
	// Without a speaker, a sentence has no context features at all.
	assert.Equal(t, seq[4].feats, sequenceFeatures(seq, 4, contextGroups, nil))
	// With one, it sees its neighbours' words and its speaker features.
	assert.Greater(t, len(sequenceFeatures(seq, 1, contextGroups, nil)), len(seq[1].feats))
}
