// Package claimdata reads the claim-support sets of ../shared/data (WiCE
// and Check-COVID) into claims and sources for training and evaluating the
// verifier. The data is read at run time and never copied into the
// repository; see ../shared/data/claim-support/README.md.
package claimdata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/citecheck/citecheck/claims/verify"
)

// Item is a claim, the source it cites and the label people gave.
type Item struct {
	Claim  verify.Claim
	Source verify.Source
	// Label is "supported", "partially_supported" or "not_supported"
	// (WiCE), or "SUPPORT", "REFUTE" or "NOTENOUGHINFO" (Check-COVID).
	Label string
	// Group keeps items that share a claim's article or a source together
	// in cross-validation.
	Group string
	// Gold holds the spans in Source.Text of the sentences people marked
	// as evidence (any of WiCE's alternative sets), if any.
	Gold []verify.Span
	// Rationale is, for Check-COVID, the sentences of the abstract its
	// annotators marked PRIMARY for the claim, one a line: the dataset's
	// own label-prediction input. A NOTENOUGHINFO pair repeats the claim
	// and paper of a SUPPORT or REFUTE pair and marks a sentence that does
	// not settle it, so only against its rationale does NOTENOUGHINFO
	// differ from the other labels. Empty for WiCE.
	Rationale verify.Source
	// PartialOnly marks a claim of a set that holds only partially
	// supported claims: it trains the related model but not the support
	// model, whose probabilities would otherwise learn that set's prior.
	PartialOnly bool
}

// Supported reports whether the label says the source fully supports
// the claim.
func (it Item) Supported() bool { return it.Label == "supported" || it.Label == "SUPPORT" }

// Related reports whether the source bears on the claim: supported,
// partially supported or refuted.
func (it Item) Related() bool {
	return it.Label != "not_supported" && it.Label != "NOTENOUGHINFO"
}

// Refuted reports Check-COVID's REFUTE.
func (it Item) Refuted() bool { return it.Label == "REFUTE" }

// WiCE returns the claims of a WiCE JSON Lines file (path relative to the
// claim-support directory dir).
func WiCE(dir, file string) ([]Item, error) {
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		return nil, fmt.Errorf("claimdata: %w", err)
	}
	defer f.Close()
	var out []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var c struct {
			Label      string   `json:"label"`
			Claim      string   `json:"claim"`
			Evidence   []string `json:"evidence"`
			Supporting [][]int  `json:"supporting_sentences"`
			Meta       struct {
				ID      string `json:"id"`
				Title   string `json:"claim_title"`
				Context string `json:"claim_context"`
			} `json:"meta"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("claimdata: %s: %w", file, err)
		}
		var b strings.Builder
		spans := make([]verify.Span, len(c.Evidence))
		for i, e := range c.Evidence {
			if i > 0 {
				b.WriteByte('\n')
			}
			spans[i].Start = b.Len()
			b.WriteString(e)
			spans[i].End = b.Len()
		}
		seen := map[int]bool{}
		var gold []verify.Span
		for _, set := range c.Supporting {
			for _, k := range set {
				if k >= 0 && k < len(spans) && !seen[k] {
					seen[k] = true
					gold = append(gold, spans[k])
				}
			}
		}
		out = append(out, Item{
			Claim:  verify.Claim{Text: c.Claim, Title: c.Meta.Title, Context: c.Meta.Context},
			Source: verify.Source{Text: b.String()},
			Label:  c.Label, Group: "wice:" + c.Meta.Title, Gold: gold,
		})
	}
	return out, sc.Err()
}

// CheckCovid returns the claims of a Check-COVID JSON Lines file (path
// relative to dir/check-covid) with the abstracts they cite.
func CheckCovid(dir, file string) ([]Item, error) {
	corpus, err := os.Open(filepath.Join(dir, "check-covid", "corpus.json"))
	if err != nil {
		return nil, fmt.Errorf("claimdata: %w", err)
	}
	defer corpus.Close()
	type paper struct {
		ID       string   `json:"cord_id"`
		Title    string   `json:"title"`
		Abstract []string `json:"abstract"`
	}
	papers := map[string]paper{}
	sc := bufio.NewScanner(corpus)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var p paper
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("claimdata: corpus.json: %w", err)
		}
		papers[p.ID] = p
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("claimdata: corpus.json: %w", err)
	}
	f, err := os.Open(filepath.Join(dir, "check-covid", file))
	if err != nil {
		return nil, fmt.Errorf("claimdata: %w", err)
	}
	defer f.Close()
	var out []Item
	sc = bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var c struct {
			Claim    string `json:"claim"`
			CordID   string `json:"cord_id"`
			Label    string `json:"label"`
			Evidence []struct {
				Index int    `json:"sent_index"`
				Type  string `json:"type"`
			} `json:"evidence_set"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("claimdata: %s: %w", file, err)
		}
		p := papers[c.CordID]
		// Only the PRIMARY sentences: a NOTENOUGHINFO pair has one
		// sentence, a SUPPORT or REFUTE pair one and sometimes
		// SUPPLEMENTARY ones, so their number would give the label away.
		var idx []int
		for _, e := range c.Evidence {
			if e.Type == "PRIMARY" && e.Index >= 0 && e.Index < len(p.Abstract) {
				idx = append(idx, e.Index)
			}
		}
		slices.Sort(idx)
		var rationale []string
		for _, i := range slices.Compact(idx) {
			rationale = append(rationale, p.Abstract[i])
		}
		out = append(out, Item{
			Claim:     verify.Claim{Text: strings.TrimSpace(c.Claim)},
			Source:    verify.Source{Text: strings.Join(p.Abstract, "\n"), Title: p.Title},
			Rationale: verify.Source{Text: strings.Join(rationale, "\n"), Title: p.Title},
			Label:     c.Label, Group: "covid:" + c.CordID,
		})
	}
	return out, sc.Err()
}

// Dir returns the claim-support directory found from the working
// directory upwards as shared/data/claim-support beside the repository
// (../shared from the repository's root), or "" when it is absent.
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(d, "..", "shared", "data", "claim-support")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Training returns the items the shipped model is trained on: WiCE's dev
// claims and its non-supported-tokens train claims (all partially
// supported), and Check-COVID's train claims. Check-COVID's dev claims are
// kept for evaluation.
func Training(dir string) ([]Item, error) {
	var all []Item
	for _, f := range []string{"data/entailment_retrieval/claim/dev.jsonl", "data/non_supported_tokens/train.jsonl"} {
		items, err := WiCE(filepath.Join(dir, "wice"), f)
		if err != nil {
			return nil, err
		}
		if strings.Contains(f, "non_supported") {
			for i := range items {
				items[i].PartialOnly = true
			}
		}
		all = append(all, items...)
	}
	items, err := CheckCovid(dir, "train/covidCheck_train_composed+extracted.json")
	if err != nil {
		return nil, err
	}
	return append(all, items...), nil
}

// Examples returns the training examples of the models for long sources,
// one for each item, features computed in parallel but returned in the
// items' order. WiCE's claims (Wikipedia against the web pages it cites,
// the closest to what citecheck checks) train the support models;
// Check-COVID's SUPPORT and REFUTE claims, against the whole abstract,
// train the contradiction model, WiCE having no contradictions. Mixing
// Check-COVID's abstracts into the support models taught them that a
// short source is a supporting one (and its NOTENOUGHINFO pairs, against
// the whole abstract, are the very inputs of other pairs).
func Examples(items []Item) []verify.TrainingExample {
	return parallel(items, func(it Item) verify.TrainingExample {
		e := verify.TrainingExample{Features: verify.Features(it.Claim, it.Source), Supported: -1, Related: -1, Refuted: -1}
		switch it.Label {
		case "REFUTE":
			e.Refuted = 1
		case "SUPPORT":
			e.Refuted = 0
		case "supported":
			e.Supported, e.Related = 1, 1
		case "partially_supported":
			e.Supported, e.Related = 0, 1
			if it.PartialOnly {
				e.Supported = -1
			}
		case "not_supported":
			e.Supported, e.Related = 0, 0
		}
		return e
	})
}

// ShortExamples returns the training examples of the models for short
// sources, one for each item: Check-COVID's claims against their
// rationale (Item.Rationale), all three labels; WiCE's items are left
// out (every label -1).
func ShortExamples(items []Item) []verify.TrainingExample {
	return parallel(items, func(it Item) verify.TrainingExample {
		e := verify.TrainingExample{Short: true, Supported: -1, Related: -1, Refuted: -1}
		if it.Rationale.Text == "" {
			return e
		}
		e.Features = verify.Features(it.Claim, it.Rationale)
		switch it.Label {
		case "SUPPORT":
			e.Supported, e.Related, e.Refuted = 1, 1, 0
		case "REFUTE":
			e.Supported, e.Related, e.Refuted = 0, 1, 1
		case "NOTENOUGHINFO":
			e.Supported, e.Related = 0, 0
		}
		return e
	})
}

// parallel returns f of each item, computed on two goroutines, in the
// items' order.
func parallel(items []Item, f func(Item) verify.TrainingExample) []verify.TrainingExample {
	out := make([]verify.TrainingExample, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Go(func() {
			for k := range next {
				out[k] = f(items[k])
			}
		})
	}
	for k := range items {
		next <- k
	}
	close(next)
	wg.Wait()
	return out
}
