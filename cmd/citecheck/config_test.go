package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// configSite is a folder with a .citecheck.yaml that turns uncited-claim
// off, raises orphan-reference to error, ignores archive/ and is stricter
// under investigations/.
const configSite = "testdata/config/site/"

// findingCodes runs check --format json and returns each input's findings
// as "code:severity", and the exit status.
func findingCodes(t *testing.T, args ...string) (map[string][]string, int) {
	t.Helper()
	code, out, errOut := runTool(t, "", append([]string{"check", "--format", "json"}, args...)...)
	got := map[string][]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r struct {
			Input    string
			Findings []struct{ Code, Severity string }
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r), errOut)
		got[r.Input] = []string{}
		for _, f := range r.Findings {
			got[r.Input] = append(got[r.Input], f.Code+":"+f.Severity)
		}
	}
	return got, code
}

func TestConfigCheck(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	story, leak := configSite+"story.md", configSite+"investigations/leak.md"
	tests := []struct {
		name string
		args []string
		want map[string][]string
		code int
	}{
		{"discovered: uncited-claim off, orphan-reference an error", []string{story},
			map[string][]string{story: {"orphan-reference:error"}}, exitFindings},
		{"the override applies under its path", []string{leak},
			map[string][]string{leak: {"uncited-claim:error", "orphan-reference:error"}}, exitFindings},
		{"a folder walk skips the ignored folder", []string{configSite},
			map[string][]string{leak: {"uncited-claim:error", "orphan-reference:error"}, story: {"orphan-reference:error"}}, exitFindings},
		{"--ignore adds to the file's ignore", []string{"--ignore", "investigations", configSite},
			map[string][]string{story: {"orphan-reference:error"}}, exitFindings},
		{"--fail-on wins over the file", []string{"--fail-on", "never", story, leak},
			map[string][]string{story: {"orphan-reference:error"}, leak: {"uncited-claim:error", "orphan-reference:error"}}, exitOK},
		{"--min-score wins over the file", []string{"--min-score", "0.9999", leak},
			map[string][]string{leak: {"orphan-reference:error"}}, exitFindings},
		{"--config names another file", []string{"--config", empty, story},
			map[string][]string{story: {"uncited-claim:warning", "orphan-reference:warning"}}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := findingCodes(t, tt.args...)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.code, code)
		})
	}
}

// TestConfigStdin checks that standard input named by --stdin-filename
// gets the configuration of that name's folder, overrides included.
func TestConfigStdin(t *testing.T) {
	leak := configSite + "investigations/leak.md"
	draft, err := os.ReadFile(leak)
	require.NoError(t, err)
	code, out, errOut := runTool(t, string(draft), "check", "--format", "json", "--stdin-filename", leak, "-")
	assert.Equal(t, exitFindings, code, errOut)
	var r struct {
		Input    string
		Findings []struct{ Code, Severity string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r), errOut)
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Code+":"+f.Severity)
	}
	assert.Equal(t, leak, r.Input)
	assert.Equal(t, []string{"uncited-claim:error", "orphan-reference:error"}, got, "the override for investigations/**")
}

func TestConfigReferenceHeadings(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	article := filepath.Join(dir, "sleep.md")
	require.NoError(t, os.WriteFile(article, []byte("# Sleep\n\nSleep consolidates memory (Ma, 2020).\n\n"+
		"## Further reading\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n"), 0o644))
	got, _ := findingCodes(t, "--min-score", "0.9999", article)
	assert.Contains(t, got[article], "missing-reference-list:error", "without the setting")
	require.NoError(t, os.WriteFile(filepath.Join(dir, configFileName), []byte("reference-headings: [Further reading]\n"), 0o644))
	got, code := findingCodes(t, "--min-score", "0.9999", article)
	assert.Equal(t, map[string][]string{article: {}}, got)
	assert.Equal(t, exitOK, code)
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name      string
		yaml      string
		line, col int
		hint      string // a part of the message the writer needs
	}{
		{"unknown key", "min-score: 0.5\nrulez:\n  uncited-claim: off\n", 2, 1, `did you mean "rules"?`},
		{"unknown code", "rules:\n  orphan-refrence: error\n", 2, 3, `did you mean "orphan-reference"?`},
		{"bad level", "rules:\n  uncited-claim: loud\n", 2, 18, `"loud"`},
		{"level as a list", "rules:\n  uncited-claim: [off]\n", 2, 18, "a list"},
		{"score out of range", "min-score: 1.5\n", 1, 12, `"1.5"`},
		{"score not a number", "min-score: high\n", 1, 12, `"high"`},
		{"bad fail-on", "fail-on: sometimes\n", 1, 10, `"sometimes"`},
		{"bad glob", "ignore: ['[']\n", 1, 10, "bad glob"},
		{"heading not a word", "reference-headings: [{a: b}]\n", 1, 22, "a mapping"},
		{"not a mapping", "- rules\n", 1, 1, "mapping"},
		{"key twice", "fail-on: error\nfail-on: never\n", 2, 1, "twice"},
		{"override without paths", "overrides:\n  - fail-on: never\n", 2, 5, "paths"},
		{"unknown override key", "overrides:\n  - path: [a]\n", 2, 5, `did you mean "paths"?`},
		{"override code", "overrides:\n  - paths: [a]\n    rules: {uncited: off}\n", 3, 13, `"uncited-claim"`},
		{"bad YAML", "rules: [\n", 1, 0, "YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("site/.citecheck.yaml", []byte(tt.yaml))
			require.ErrorIs(t, err, ErrConfig)
			var ce *configError
			require.True(t, errors.As(err, &ce))
			assert.Equal(t, "site/.citecheck.yaml", ce.file)
			assert.Equal(t, tt.line, ce.line, err.Error())
			assert.Equal(t, tt.col, ce.col, err.Error())
			assert.Contains(t, ce.msg, tt.hint)
		})
	}
}

func TestConfigErrorInCheck(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, configFileName), []byte("rulez: {}\n"), 0o644))
	article := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(article, []byte("# A\n\nText.\n"), 0o644))
	code, _, errOut := runTool(t, "", "check", article)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, filepath.Join(dir, configFileName)+":1:1:")
	code, _, errOut = runTool(t, "", "check", "--config", filepath.Join(dir, configFileName), article)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, ":1:1:")
}

// TestConfigTooLarge checks that a configuration file past the bound is
// refused, named, before it is parsed.
func TestConfigTooLarge(t *testing.T) {
	name := filepath.Join(t.TempDir(), configFileName)
	require.NoError(t, os.WriteFile(name, []byte("# "+strings.Repeat("x", maxConfigBytes)+"\n"), 0o644))
	_, err := readConfig(name)
	require.ErrorIs(t, err, ErrConfig)
	assert.Contains(t, err.Error(), name+": larger than")
}

func TestFindConfig(t *testing.T) {
	outside := t.TempDir()
	repo := filepath.Join(outside, "repo")
	deep := filepath.Join(repo, "a", "b", "c")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	write := func(dir string) string {
		name := filepath.Join(dir, configFileName)
		require.NoError(t, os.WriteFile(name, []byte("fail-on: never\n"), 0o644))
		return name
	}
	write(outside) // above the repository: never found from inside it

	tests := []struct {
		name  string
		setup func() string // writes the files, returns the one to find
		from  string
	}{
		{"none up to the repository root", func() string { return "" }, deep},
		{"the repository root's", func() string { return write(repo) }, deep},
		{"the nearest wins", func() string { return write(filepath.Join(repo, "a")) }, deep},
		{"in the folder itself", func() string { return write(deep) }, deep},
		{"a sibling's is not seen", func() string { return filepath.Join(repo, "a", configFileName) }, filepath.Join(repo, "a", "x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.setup()
			got, err := findConfig(tt.from)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// TestConfigsPerFolder checks that discovery answers each folder once,
// from its parent's answer, and reads each configuration file once: the
// folders of a deep tree share one parsed file, named from each folder as
// given.
func TestConfigsPerFolder(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(repo, configFileName), []byte("fail-on: never\n"), 0o644))
	deep := filepath.Join(repo, "a", "b", "c")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	t.Chdir(repo)

	cs, err := newConfigs("")
	require.NoError(t, err)
	tests := []struct{ dir, want string }{
		{filepath.Join("a", "b", "c"), filepath.Join("a", "b", "c", "..", "..", "..", configFileName)},
		{"a", configFileName},
		{deep, filepath.Join(repo, configFileName)},
		{".", configFileName},
	}
	var first *config
	for _, tt := range tests {
		name, err := cs.locate(tt.dir)
		require.NoError(t, err)
		assert.Equal(t, filepath.Clean(tt.want), name, tt.dir)
		c, err := cs.forDir(tt.dir)
		require.NoError(t, err)
		if first == nil {
			first = c
		}
		assert.Same(t, first, c, "read once: %s", tt.dir)
	}
	assert.Len(t, cs.byAbs, 4, "repo, a, a/b and a/b/c, each found once")
	assert.Len(t, cs.byFile, 1)
}

// TestConfigGolden compares the output of citecheck config with its
// golden file; go test ./cmd/citecheck -run ConfigGolden -update
// rewrites them. The output is itself a configuration that gives the
// same settings.
func TestConfigGolden(t *testing.T) {
	for _, tt := range []struct{ input, golden string }{
		{configSite + "story.md", "testdata/config/story.golden.yaml"},
		{configSite + "investigations/leak.md", "testdata/config/leak.golden.yaml"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := runTool(t, "", "config", tt.input)
			require.Equal(t, exitOK, code, errOut)
			if *update {
				require.NoError(t, os.WriteFile(tt.golden, []byte(out), 0o644))
				return
			}
			want, err := os.ReadFile(tt.golden)
			require.NoError(t, err, "no golden output; run go test ./cmd/citecheck -run ConfigGolden -update")
			assert.Equal(t, string(want), out)

			again, err := parseConfig(tt.golden, []byte(out))
			require.NoError(t, err)
			cfg, err := readConfig(configSite + configFileName)
			require.NoError(t, err)
			s := settingsFor(cfg, tt.input, commandLine{})
			r := settingsFor(again, "x.md", commandLine{})
			assert.Equal(t, s.failOn, r.failOn)
			assert.Equal(t, s.minScore, r.minScore)
			for code, lv := range s.rules {
				if lv != "off" && lv != "on" {
					assert.Equal(t, lv, r.rules[code], code)
				}
			}
		})
	}
}

func TestConfigCommandFolder(t *testing.T) {
	code, out, errOut := runTool(t, "", "config", configSite+"investigations")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "# from "+configSite+configFileName+"\n")
}

func TestConfigCommandUsage(t *testing.T) {
	code, _, _ := runTool(t, "", "config")
	assert.Equal(t, exitUsage, code)
	code, _, _ = runTool(t, "", "config", "--config", "no/such.yaml", "a.md")
	assert.Equal(t, exitUsage, code)
}

func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"", "rules:\n  uncited-claim: off\n", "min-score: 0.5\nfail-on: warning\n",
		"overrides:\n  - paths: ['a/**']\n    rules: {orphan-reference: error}\n",
		"a: &x [1]\nb: *x\n", "rules: &r {uncited-claim: *r}\n", "reference-headings: x\n", "- [\n", "min-score: .nan\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseConfig("f.yaml", data)
		if err != nil {
			require.ErrorIs(t, err, ErrConfig)
			return
		}
		s := settingsFor(c, "a/b.md", commandLine{})
		require.GreaterOrEqual(t, s.minScore, 0.0)
		require.LessOrEqual(t, s.minScore, 1.0)
		require.NoError(t, writeSettings(new(strings.Builder), "a/b.md", c, s))
	})
}
