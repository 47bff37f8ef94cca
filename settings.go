package citecheck

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// SettingsKey identifies the settings of o that change what a check of
// the same article finds: MinScore, the codes of Rules, Severities and
// ReferenceHeadings, the settings a configuration file gives, and whether
// sources are resolved (a Resolver is set) and then verified
// (SkipVerification). It is "" for the defaults (the zero Options, or
// Rules listing DefaultRules' codes in their order), else 16 hex digits
// of a SHA-256 of the settings written out in a fixed order. Rules are
// told apart by their codes only.
//
// A Store keeps the key of the options each article was checked with
// (BatchResult.Settings), so that a resumed run can tell a result checked
// under other settings from its own (Store.Has): a run with a resolver
// checks again the articles a run without one stored, and so gives them
// the sources' findings and verdicts. Which resolver (online or offline,
// its cache) is not part of the key, nor are the limits.
func (o Options) SettingsKey() string {
	var b strings.Builder
	if o.MinScore != 0 {
		b.WriteString("min-score " + strconv.FormatFloat(o.MinScore, 'g', -1, 64) + "\n")
	}
	if o.Rules != nil {
		codes := make([]string, len(o.Rules))
		for i, r := range o.Rules {
			codes[i] = r.Code
		}
		if !slices.Equal(codes, defaultRuleCodes()) {
			b.WriteString("rules " + strconv.Quote(strings.Join(codes, " ")) + "\n")
		}
	}
	for _, code := range slices.Sorted(maps.Keys(o.Severities)) {
		b.WriteString("severity " + strconv.Quote(code) + " " + string(o.Severities[code]) + "\n")
	}
	for _, h := range o.ReferenceHeadings {
		b.WriteString("reference-heading " + strconv.Quote(h) + "\n")
	}
	if o.Resolver != nil {
		b.WriteString("resolve\n")
		if o.SkipVerification {
			b.WriteString("no-verify\n")
		}
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// defaultRuleCodes are the codes of DefaultRules, in order.
func defaultRuleCodes() []string {
	rules := defaultRules()
	codes := make([]string, len(rules))
	for i, r := range rules {
		codes[i] = r.Code
	}
	return codes
}
