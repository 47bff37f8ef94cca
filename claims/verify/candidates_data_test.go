package verify_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/claims/verify/internal/claimdata"
)

// TestCandidateSentencesData holds reading only the sentences that may
// hold a claim's words to reading them all (see candidatesDiff) on every
// claim and source the model is trained on and scored against: WiCE's
// claims with the pages they cite, Check-COVID's with their abstracts.
func TestCandidateSentencesData(t *testing.T) {
	dir := loadData(t)
	items, err := claimdata.Training(dir)
	require.NoError(t, err)
	dev, err := claimdata.CheckCovid(dir, "dev/covidCheck_dev_composed+extracted.json")
	require.NoError(t, err)
	items = append(items, dev...)
	if testing.Short() {
		items = items[:len(items)/10]
	}
	failed := 0
	for _, it := range items {
		if d := verify.CandidatesDiff(it.Claim, it.Source); d != "" {
			t.Errorf("claim %q (%s): %s", it.Claim.Text, it.Group, d)
			if failed++; failed == 5 {
				t.FailNow()
			}
		}
	}
	t.Logf("%d claims and their sources: the same analysis reading only the sentences that may hold a claim's words", len(items))
}
