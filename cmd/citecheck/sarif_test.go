package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// sarifSchemaModule ships the official SARIF 2.1.0 schema (OASIS,
// errata 01), as the constant schema of its v210/sarif package.
const sarifSchemaModule = "github.com/owenrumney/go-sarif/v3"

// officialSARIFSchema compiles the official SARIF 2.1.0 JSON schema as
// sarifSchemaModule ships it. The module keeps the schema in an unexported
// constant, so the test reads it from the module's source, found by the go
// command in the module cache.
func officialSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", sarifSchemaModule).Output()
	require.NoError(t, err, "go list -m %s", sarifSchemaModule)
	file := filepath.Join(strings.TrimSpace(string(dir)), "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	var text string
	ast.Inspect(f, func(n ast.Node) bool {
		if v, ok := n.(*ast.ValueSpec); ok && len(v.Names) == 1 && v.Names[0].Name == "schema" && len(v.Values) == 1 {
			if lit, ok := v.Values[0].(*ast.BasicLit); ok {
				text, err = strconv.Unquote(lit.Value)
				require.NoError(t, err)
			}
		}
		return text == ""
	})
	require.Contains(t, text, `"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`, file)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference are checked too
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", doc))
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)
	return schema
}

// TestSARIFValidatesAgainstTheSchema checks the SARIF log of real test
// articles (every article of testdata/articles, a grouped finding with
// many related locations, standard input with characters beyond ASCII, a
// path that needs percent-encoding, an input that cannot be read) against
// the official schema, and reads it back with go-sarif.
func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	schema := officialSARIFSchema(t)
	odd := filepath.Join(t.TempDir(), "a draft: 100% [v2].md")
	require.NoError(t, os.WriteFile(odd, []byte("Café prices rose 🚀 40% (Dupont, 2020; Ng, 2021).\n\nSee also [2].\n"), 0o644))
	bad := filepath.Join(t.TempDir(), "binary.txt")
	require.NoError(t, os.WriteFile(bad, []byte("x\x00y"), 0o644))
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"the test articles, and one without a reference list", "", []string{articles, "../../testdata/check/nolist.md"}, exitFindings},
		{"an absolute path that needs escaping", "", []string{odd}, exitFindings},
		{"standard input, named", "Rents rose (Ma, 2020).\n\n## References\n", []string{"--stdin-filename", "drafts/rents.md", "-"}, exitFindings},
		{"standard input, unnamed", "Rents rose [1] and [2].\n", []string{"-"}, exitFindings},
		{"an unreadable input", "", []string{articles + "clean.md", bad, "no/such.md"}, exitUsage},
		{"nothing found", "", []string{articles + "clean.md"}, exitOK},
	}
	t.Run("the schema is not vacuous", func(t *testing.T) {
		_, out, _ := runTool(t, "", "check", "--format", "sarif", articles+"apa.txt")
		for _, broken := range []string{
			strings.Replace(out, `"level": "error"`, `"level": "info"`, 1),
			strings.Replace(out, `"startLine": 20`, `"startLine": 0`, 1),
			strings.Replace(out, `"ruleId"`, `"rule_id"`, 1),
		} {
			require.NotEqual(t, out, broken)
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(broken))
			require.NoError(t, err)
			assert.Error(t, schema.Validate(inst))
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runTool(t, tt.stdin, append([]string{"check", "--format", "sarif"}, tt.args...)...)
			require.Equal(t, tt.code, code, stderr)
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			require.NoError(t, err)
			assert.NoError(t, schema.Validate(inst))

			// a SARIF library reads it back (its Validate is of no use
			// here: it writes null for every list the log leaves out)
			var log gosarif.Report
			require.NoError(t, json.Unmarshal([]byte(out), &log))
			require.Len(t, log.Runs, 1)
			assert.Equal(t, tt.code != exitUsage, *log.Runs[0].Invocations[0].ExecutionSuccessful)
			for _, r := range log.Runs[0].Results {
				require.NotNil(t, r.RuleID)
				assert.Equal(t, *r.RuleID, *log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID)
				assert.NotEmpty(t, *r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			}
		})
	}
}

// sarifOut runs check --format sarif and decodes the log.
func sarifOut(t *testing.T, stdin string, args ...string) sarifLog {
	t.Helper()
	_, out, stderr := runTool(t, stdin, append([]string{"check", "--format", "sarif"}, args...)...)
	var log sarifLog
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&log), stderr)
	return log
}

func TestSARIFContent(t *testing.T) {
	log := sarifOut(t, "", articles+"apa.txt", articles+"chicago.txt")
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "2.1.0", log.Version)
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	d := run.Tool.Driver
	assert.Equal(t, "citecheck", d.Name)
	assert.Equal(t, version(), d.Version)
	assert.Equal(t, "https://github.com/citecheck/citecheck", d.InformationURI)
	rules := citecheck.DefaultRules()
	require.Len(t, d.Rules, len(rules), "every code, found or not")
	for i, r := range rules {
		assert.Equal(t, r.Code, d.Rules[i].ID)
		assert.Equal(t, citecheck.DocsURL(r.Code), d.Rules[i].HelpURI, "the README section the JSON report's url points at")
		assert.NotEmpty(t, d.Rules[i].ShortDescription.Text)
		assert.Equal(t, wrap(r.Summary), d.Rules[i].FullDescription.Text)
		assert.Contains(t, d.Rules[i].Help.Text, wrap(r.Fix))
		assert.Equal(t, sarifLevel(r.Severity), d.Rules[i].DefaultConfiguration.Level)
	}
	require.GreaterOrEqual(t, len(run.Results), 3)
	assert.Equal(t, "uncited-claim", run.Results[0].RuleID, "apa.txt's lead sentence")
	first := run.Results[1]
	assert.Equal(t, "citation-mismatch", first.RuleID)
	assert.Equal(t, "citation-mismatch", d.Rules[first.RuleIndex].ID)
	assert.Equal(t, "error", first.Level)
	assert.Equal(t, sarifArtifactLocation{URI: "../../testdata/articles/apa.txt", URIBaseID: "%SRCROOT%"}, first.Locations[0].PhysicalLocation.ArtifactLocation)
	assert.Equal(t, &sarifRegion{StartLine: 20, StartColumn: 18, EndLine: 20, EndColumn: 42}, first.Locations[0].PhysicalLocation.Region)
	require.Len(t, first.RelatedLocations, 1)
	assert.Equal(t, "nearest entry", first.RelatedLocations[0].Message.Text)
	assert.Equal(t, 32, first.RelatedLocations[0].PhysicalLocation.Region.StartLine)
	levels := map[string]bool{}
	fingerprints := map[string]bool{}
	for _, r := range run.Results {
		levels[r.Level] = true
		fp := r.PartialFingerprints[sarifFingerprint]
		assert.False(t, fingerprints[fp], "fingerprints are unique: %s", fp)
		fingerprints[fp] = true
	}
	assert.Equal(t, map[string]bool{"error": true, "warning": true}, levels)
}

// TestSARIFColumnsCountCodePoints checks the unit of columns: characters
// beyond the Basic Multilingual Plane count one, as run.columnKind says.
func TestSARIFColumnsCountCodePoints(t *testing.T) {
	log := sarifOut(t, "🚀🚀 Rents rose (Ma, 2020).\n\nReferences\n\nSmith, J. (2019). Rents. Press.\n", "--stdin-filename", "x.txt", "-")
	var found bool
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "unresolved-citation" {
			found = true
			// "🚀🚀 Rents rose (" is 15 characters (17 UTF-16 code units)
			assert.Equal(t, 16, r.Locations[0].PhysicalLocation.Region.StartColumn)
		}
	}
	assert.True(t, found)
}

// TestSARIFFingerprintsSurviveAnEditAbove checks that a result keeps its
// partial fingerprint when lines are added above it, so code scanning
// keeps tracking the same alert, while its region moves.
func TestSARIFFingerprintsSurviveAnEditAbove(t *testing.T) {
	apa, err := os.ReadFile(articles + "apa.txt")
	require.NoError(t, err)
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("a.txt", apa, 0o644))
	before := sarifOut(t, "", "a.txt").Runs[0].Results
	require.NoError(t, os.WriteFile("a.txt", append([]byte("An added paragraph.\n\nAnother one.\n\n"), apa...), 0o644))
	after := sarifOut(t, "", "a.txt").Runs[0].Results
	require.Len(t, after, len(before))
	for i := range before {
		assert.Equal(t, before[i].PartialFingerprints, after[i].PartialFingerprints)
		assert.Equal(t, before[i].Locations[0].PhysicalLocation.Region.StartLine+4, after[i].Locations[0].PhysicalLocation.Region.StartLine)
	}
}

func TestSARIFArtifact(t *testing.T) {
	tests := []struct {
		name string
		want sarifArtifactLocation
	}{
		{"drafts/a.md", sarifArtifactLocation{URI: "drafts/a.md", URIBaseID: "%SRCROOT%"}},
		{"a draft #2.md", sarifArtifactLocation{URI: "a%20draft%20%232.md", URIBaseID: "%SRCROOT%"}},
		{"a:b.md", sarifArtifactLocation{URI: "./a:b.md", URIBaseID: "%SRCROOT%"}},
		{"-", sarifArtifactLocation{URI: "-", URIBaseID: "%SRCROOT%"}},
		{"/srv/drafts/été.md", sarifArtifactLocation{URI: "file:///srv/drafts/%C3%A9t%C3%A9.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sarifArtifact(tt.name))
		})
	}
}

func TestSARIFOneLogForAllInputs(t *testing.T) {
	code, out, _ := runTool(t, "", "check", "--format", "sarif", articles+"apa.txt", articles+"mla.txt")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, 1, bytes.Count([]byte(out), []byte(`"$schema"`)))
	var uris []string
	for _, r := range sarifOut(t, "", articles+"apa.txt", articles+"mla.txt").Runs[0].Results {
		uris = append(uris, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	assert.Contains(t, uris, "../../testdata/articles/apa.txt")
	assert.Contains(t, uris, "../../testdata/articles/mla.txt")
}
