package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

// The SARIF 2.1.0 log `citecheck check --format sarif` writes: one run of
// one tool, its rules, and a result per finding. Only the properties
// citecheck fills are declared, all within the subset GitHub code
// scanning reads (https://docs.github.com/en/code-security/code-scanning/
// integrating-with-code-scanning/sarif-support-for-code-scanning).
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// sarifInformationURI is the tool's home page.
	sarifInformationURI = "https://github.com/citecheck/citecheck"
	// sarifSourceRoot is the uriBaseId of relative paths: the folder the
	// check ran in, which in CI is the checkout.
	sarifSourceRoot = "%SRCROOT%"
	// sarifFingerprint is the partialFingerprints key of a result's
	// identity (see fingerprint).
	sarifFingerprint = "citecheckFinding/v1"
	// sarifMaxRelated is how many related locations a result carries:
	// GitHub refuses an upload with more than 1,000 locations per result.
	// The message says how many there are in all.
	sarifMaxRelated = 1000
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	// ColumnKind says how columns are counted. citecheck counts characters
	// (Unicode code points), not SARIF's default UTF-16 code units, so
	// the run says so: a column after an emoji is then exact.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name,omitempty"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifHelp        `json:"help"`
	HelpURI              string           `json:"helpUri"`
	DefaultConfiguration sarifRuleDefault `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleDefault struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

// sarifNotification is an input that could not be checked.
type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Suppressions mark a finding a comment in the draft turned off
	// (see sarif_suppress.go).
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion is a finding's span: lines and columns 1-based, and the end
// column, as SARIF's, that of the character after the span; both are
// counted in Unicode code points (sarifRun.ColumnKind).
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifWriter collects the results of every input and writes one log at
// the end: SARIF has one document for the whole run.
type sarifWriter struct {
	w         io.Writer
	log       sarifLog
	ruleIndex map[string]int
}

func newSARIFWriter(w io.Writer, version string) *sarifWriter {
	sw := &sarifWriter{w: w, ruleIndex: map[string]int{}}
	driver := sarifDriver{Name: "citecheck", Version: version, InformationURI: sarifInformationURI, Rules: []sarifRule{}}
	for _, r := range citecheck.DefaultRules() {
		sw.ruleIndex[r.Code] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	sw.log = sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
	}}}
	return sw
}

// sarifRuleOf describes a rule: its summary, how to fix it and where it
// is documented.
func sarifRuleOf(r *citecheck.Rule) sarifRule {
	summary := wrap(r.Summary)
	help := summary
	if r.Fix != "" {
		help += "\n\nFix: " + wrap(r.Fix)
	}
	url := citecheck.DocsURL(r.Code)
	return sarifRule{
		ID: r.Code, Name: ruleName(r.Code),
		ShortDescription:     sarifText{Text: firstSentence(summary)},
		FullDescription:      sarifText{Text: summary},
		Help:                 sarifHelp{Text: help + "\n\n" + url, Markdown: help + "\n\n[" + r.Code + "](" + url + ")"},
		HelpURI:              url,
		DefaultConfiguration: sarifRuleDefault{Level: sarifLevel(r.Severity)},
	}
}

// ruleName is a code in the upper camel case SARIF suggests for a rule's
// name: "unresolved-citation" is "UnresolvedCitation".
func ruleName(code string) string {
	var b strings.Builder
	for w := range strings.SplitSeq(code, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// firstSentence is s up to its first full stop followed by a space.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// sarifLevel maps a severity to a result level: information is a note.
func sarifLevel(s citecheck.Severity) string {
	switch s {
	case citecheck.SeverityError:
		return "error"
	case citecheck.SeverityWarning:
		return "warning"
	}
	return "note"
}

// add adds the findings of one report.
func (sw *sarifWriter) add(r *citecheck.Report) {
	run := &sw.log.Runs[0]
	artifact := sarifArtifact(r.Input)
	var src []byte
	if r.Document != nil {
		src = r.Document.Src
	}
	seen := map[string]int{} // fingerprint base -> occurrences so far
	for _, f := range r.Findings {
		idx, ok := sw.ruleIndex[f.Code]
		if !ok { // a rule of the caller's own
			idx = len(run.Tool.Driver.Rules)
			sw.ruleIndex[f.Code] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(&citecheck.Rule{Code: f.Code, Severity: f.Severity, Summary: f.Code}))
		}
		res := sarifResult{
			RuleID: f.Code, RuleIndex: idx, Level: sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical(artifact, f.Span)}},
		}
		related := f.Related
		if len(related) > sarifMaxRelated {
			related = related[:sarifMaxRelated]
		}
		for i, rel := range related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: sarifPhysical(artifact, rel.Span), Message: &sarifText{Text: rel.Message}})
		}
		base := fingerprint(f, r.Input, src)
		n := seen[base]
		seen[base] = n + 1
		res.PartialFingerprints = map[string]string{sarifFingerprint: occurrence(base, n)}
		run.Results = append(run.Results, res)
	}
	sw.addSuppressed(r, artifact, src, seen)
}

// fail records an input that could not be checked, so the log shows the
// run as failed rather than clean.
func (sw *sarifWriter) fail(name string, err error) {
	inv := &sw.log.Runs[0].Invocations[0]
	inv.ExecutionSuccessful = false
	n := sarifNotification{Level: "error", Message: sarifText{Text: err.Error()}}
	if name != "" {
		n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifact(name)}}}
	}
	inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
}

// finish writes the log.
func (sw *sarifWriter) finish() error {
	enc := json.NewEncoder(sw.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sw.log)
}

// sarifArtifact locates an input: a relative path as given, percent-encoded
// as a URI reference and relative to the source root; an absolute path as a
// file: URI.
func sarifArtifact(name string) sarifArtifactLocation {
	slashed := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive: file:///C:/…
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	// url.URL writes "./a:b.md" for a first segment with a colon, which
	// would read as a scheme
	return sarifArtifactLocation{URI: (&url.URL{Path: slashed}).String(), URIBaseID: sarifSourceRoot}
}

func sarifPhysical(a sarifArtifactLocation, s sources.Location) sarifPhysicalLocation {
	p := sarifPhysicalLocation{ArtifactLocation: a}
	if s.Line > 0 {
		p.Region = &sarifRegion{StartLine: s.Line, StartColumn: s.Column}
		if s.EndLine > 0 && s.EndColumn > 0 {
			p.Region.EndLine, p.Region.EndColumn = s.EndLine, s.EndColumn
		}
	}
	return p
}

// fingerprint is the identity of a finding that does not move when the
// text around it changes: its code, its input and the bytes it covers
// (white space folded), not its line or its message, which may quote a
// line number. Findings alike in all three are told apart by their
// order (occurrence).
func fingerprint(f citecheck.Finding, input string, src []byte) string {
	h := sha256.New()
	io.WriteString(h, f.Code)
	h.Write([]byte{0})
	io.WriteString(h, filepath.ToSlash(input))
	h.Write([]byte{0})
	if s := f.Span; s.Start >= 0 && s.Start <= s.End && s.End <= len(src) {
		io.WriteString(h, strings.Join(strings.Fields(string(src[s.Start:s.End])), " "))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// occurrence appends the n-th occurrence's number to a fingerprint.
func occurrence(base string, n int) string {
	return base + ":" + strconv.Itoa(n+1)
}
