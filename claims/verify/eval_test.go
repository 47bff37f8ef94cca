package verify

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wiceDev holds WiCE's development claims, each with the whole page it
// cites; see ../shared/data/claim-support/README.md. It is read at run
// time and never copied into the repository.
const wiceDev = "../../../shared/data/claim-support/wice/data/entailment_retrieval/claim/dev.jsonl"

type wiceClaim struct {
	Label    string   `json:"label"`
	Claim    string   `json:"claim"`
	Evidence []string `json:"evidence"`
}

// unbacked returns the quantities of claim that no quantity of source
// backs.
func unbacked(claim, source []Quantity) []Quantity {
	var out []Quantity
	for _, c := range claim {
		backed := false
		for _, s := range source {
			if c.Matches(s) {
				backed = true
				break
			}
		}
		if !backed {
			out = append(out, c)
		}
	}
	return out
}

// TestEvalNumberRule measures the number rule on WiCE dev: "some number
// of the claim is not backed by any quantity of the evidence" predicts
// that the claim is not fully supported (label partially_supported or
// not_supported). The issue asks for a precision of at least 0.95. Run
// with -v to see the figures. The dates without a year were added after
// reading this set's errors, so its figure is not a held-out one; the
// Check-COVID dev figure of TestEvalNumberRuleCheckCovid, never looked at
// before it was measured, is.
func TestEvalNumberRule(t *testing.T) {
	f, err := os.Open(wiceDev)
	if err != nil {
		t.Skipf("WiCE dev claims not found at %s (see ../shared/data/claim-support/README.md): %v", wiceDev, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var claims, withNumbers, fired, firedRight, notSupported int
	for sc.Scan() {
		var c wiceClaim
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
		claims++
		if c.Label != "supported" {
			notSupported++
		}
		cq := Quantities(c.Claim)
		if len(cq) == 0 {
			continue
		}
		withNumbers++
		missing := unbacked(cq, Quantities(strings.Join(c.Evidence, "\n")))
		if len(missing) == 0 {
			continue
		}
		fired++
		if c.Label != "supported" {
			firedRight++
		} else {
			var ms []string
			for _, q := range missing {
				ms = append(ms, q.Text+" ("+string(q.Kind)+")")
			}
			t.Logf("fired on a supported claim: %q: %v", c.Claim, ms)
		}
	}
	require.NoError(t, sc.Err())
	require.Positive(t, fired)
	precision := float64(firedRight) / float64(fired)
	t.Logf("WiCE dev: %d claims (%d not fully supported), %d with a quantity; the rule fires on %d (%.1f%% of all claims), %d of them rightly: precision %.3f, recall of not-fully-supported %.3f",
		claims, notSupported, withNumbers, fired, 100*float64(fired)/float64(claims), firedRight, precision,
		float64(firedRight)/float64(notSupported))
	assert.GreaterOrEqual(t, precision, 0.95)
	assert.GreaterOrEqual(t, fired, 60)
}

// checkCovidDir holds Check-COVID: news claims against the abstracts of
// the papers they cite.
const checkCovidDir = "../../../shared/data/claim-support/check-covid"

// TestEvalNumberRuleCheckCovid measures the same rule on Check-COVID dev
// (claims against the abstract they cite; not fully supported: REFUTE or
// NOTENOUGHINFO).
func TestEvalNumberRuleCheckCovid(t *testing.T) {
	corpus, err := os.Open(checkCovidDir + "/corpus.json")
	if err != nil {
		t.Skipf("Check-COVID not found at %s (see ../shared/data/claim-support/README.md): %v", checkCovidDir, err)
	}
	defer corpus.Close()
	abstracts := map[string]string{}
	sc := bufio.NewScanner(corpus)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var p struct {
			ID       string   `json:"cord_id"`
			Title    string   `json:"title"`
			Abstract []string `json:"abstract"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &p))
		abstracts[p.ID] = p.Title + "\n" + strings.Join(p.Abstract, "\n")
	}
	require.NoError(t, sc.Err())
	f, err := os.Open(checkCovidDir + "/dev/covidCheck_dev_composed+extracted.json")
	require.NoError(t, err)
	defer f.Close()
	sc = bufio.NewScanner(f)
	var claims, fired, firedRight, notSupported int
	for sc.Scan() {
		var c struct {
			Claim, Label string
			CordID       string `json:"cord_id"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
		claims++
		if c.Label != "SUPPORT" {
			notSupported++
		}
		if miss := unbacked(Quantities(c.Claim), Quantities(abstracts[c.CordID])); len(miss) > 0 {
			if c.Label == "SUPPORT" {
				t.Logf("fired on a supported claim: %q: %q (%s)", c.Claim, miss[0].Text, miss[0].Kind)
			}
			fired++
			if c.Label != "SUPPORT" {
				firedRight++
			}
		}
	}
	require.NoError(t, sc.Err())
	require.Positive(t, fired)
	precision := float64(firedRight) / float64(fired)
	t.Logf("Check-COVID dev: %d claims (%d not supported); the rule fires on %d, %d rightly: precision %.3f",
		claims, notSupported, fired, firedRight, precision)
	// Below the target: news claims compute figures the abstract gives
	// otherwise (85% of singers for 53 of 61), round ("about half"), or
	// date the report rather than the study ("On May 15").
	assert.GreaterOrEqual(t, precision, 0.60)
}

// TestEvalNumberRuleVerifier measures the same rule as Verify applies it:
// a claim whose Result lists a Missing number or date (which keeps it
// from being supported) is predicted not fully supported. WiCE dev; run
// with -v for the figures.
func TestEvalNumberRuleVerifier(t *testing.T) {
	f, err := os.Open(wiceDev)
	if err != nil {
		t.Skipf("WiCE dev claims not found at %s (see ../shared/data/claim-support/README.md): %v", wiceDev, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var fired, firedRight, conflicts, conflictsRight int
	for sc.Scan() {
		var c wiceClaim
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
		r := Verify(Claim{Text: c.Claim}, Source{Text: strings.Join(c.Evidence, "\n")})
		number, conflict := false, false
		for _, m := range r.Missing {
			if m.Kind == "number" || m.Kind == "date" {
				number = true
				conflict = conflict || m.SourceText != ""
			}
		}
		if number {
			fired++
			if c.Label != "supported" {
				firedRight++
			}
			assert.NotEqual(t, Supported, r.Verdict)
		}
		if conflict {
			conflicts++
			if c.Label != "supported" {
				conflictsRight++
			}
		}
	}
	require.NoError(t, sc.Err())
	require.Positive(t, fired)
	precision := float64(firedRight) / float64(fired)
	t.Logf("WiCE dev, Verify: a number or date missing on %d claims, %d of them not fully supported: precision %.3f; with another figure in the source's passage (SourceText) on %d, %d rightly",
		fired, firedRight, precision, conflicts, conflictsRight)
	assert.GreaterOrEqual(t, precision, 0.93)
}
