package main

import (
	"github.com/citecheck/citecheck"
)

// sarifSuppression is SARIF's record of a result turned off: "inSource"
// for a suppression comment in the draft, with its reason as the
// justification. GitHub code scanning shows such results as dismissed.
type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// addSuppressed adds the findings a report's suppression comments turned
// off, each with its suppression; seen carries on the occurrences of
// fingerprints from add.
func (sw *sarifWriter) addSuppressed(r *citecheck.Report, artifact sarifArtifactLocation, src []byte, seen map[string]int) {
	run := &sw.log.Runs[0]
	for _, s := range r.Suppressed {
		f := s.Finding
		idx, ok := sw.ruleIndex[f.Code]
		if !ok {
			idx = len(run.Tool.Driver.Rules)
			sw.ruleIndex[f.Code] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(&citecheck.Rule{Code: f.Code, Severity: f.Severity, Summary: f.Code}))
		}
		base := fingerprint(f, r.Input, src)
		n := seen[base]
		seen[base] = n + 1
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Code, RuleIndex: idx, Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical(artifact, f.Span)}},
			PartialFingerprints: map[string]string{sarifFingerprint: occurrence(base, n)},
			Suppressions: []sarifSuppression{{Kind: "inSource", Justification: s.Reason,
				Location: &sarifLocation{PhysicalLocation: sarifPhysical(artifact, s.SuppressedBy)}}},
		})
	}
}
