package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSARIFSuppressed(t *testing.T) {
	log := sarifOut(t, "", articles+"suppressed.md")
	require.Len(t, log.Runs, 1)
	var suppressed []sarifResult
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) > 0 {
			suppressed = append(suppressed, r)
		}
	}
	require.Len(t, suppressed, 1)
	r := suppressed[0]
	assert.Equal(t, "uncited-claim", r.RuleID)
	assert.Equal(t, 4, r.Locations[0].PhysicalLocation.Region.StartLine)
	s := r.Suppressions[0]
	assert.Equal(t, "inSource", s.Kind)
	assert.Equal(t, "the council's own figure, quoted in the lead", s.Justification)
	require.NotNil(t, s.Location)
	assert.Equal(t, 3, s.Location.PhysicalLocation.Region.StartLine)
}
