package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// configStory has an uncited claim and an orphan reference: a warning
// each by default.
const configStory = "# Floods\n\nRainfall in the valley was 300 mm above the long-term average in 2023 (Ngata, 2024).\n\n" +
	"Unemployment in the region fell to 4.1 percent in March, the lowest level since 1998.\n\n" +
	"## References\n\n- Ngata, T. (2024). Rainfall in the valley. Journal of Hydrology, 12, 1–9.\n" +
	"- Lee, K. (2019). River defences. Water Research, 3, 4–5.\n"

// writeConfigTree writes a repository with two configurations: the
// root's turns uncited-claim off, makes orphan-reference an error,
// ignores archive/ and has an override for investigations/** and one for
// feeds; desk/ has its own, which makes orphan-reference an info and
// takes only the .txt files of a walk from desk/. It returns the root and
// the path of each file.
func writeConfigTree(t *testing.T) (root string, files map[string]string) {
	t.Helper()
	root = t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	record, err := json.Marshal(map[string]string{"id": "wire-1", "markdown": configStory})
	require.NoError(t, err)
	files = map[string]string{
		configFileName: "rules: {uncited-claim: off, orphan-reference: error}\nignore: [archive]\noverrides:\n" +
			"  - paths: [\"investigations/**\"]\n    rules: {uncited-claim: error}\n" +
			"  - paths: [\"*.jsonl\"]\n    rules: {orphan-reference: warning}\n",
		"story.md":                       configStory,
		"archive/old.md":                 configStory,
		"investigations/leak.md":         configStory,
		"desk/" + configFileName:         "rules: {orphan-reference: info}\ninclude: [\"*.txt\"]\n",
		"desk/brief.md":                  configStory,
		"desk/notes.txt":                 configStory,
		"feeds/wire.jsonl":               string(record) + "\n",
		"other.yaml":                     "rules: {uncited-claim: error}\n",
		"empty/" + configFileName:        "rulez: {}\n", // configures no article: never read
		"archive/deep/" + configFileName: "rulez: {}\n", // ignored: never read
	}
	paths := map[string]string{}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		paths[name] = p
	}
	return root, paths
}

// storedCodes returns each article the batch database db holds, by id,
// with its findings as "code:severity" in the report's order.
func storedCodes(t *testing.T, db string) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	for _, id := range articleIDs(t, db) {
		got[id] = []string{}
	}
	rows, err := openResults(t, db).Query("SELECT article_id, code, severity FROM findings ORDER BY rowid")
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var id, code, severity string
		require.NoError(t, rows.Scan(&id, &code, &severity))
		got[id] = append(got[id], code+":"+severity)
	}
	require.NoError(t, rows.Err())
	return got
}

// TestBatchConfig runs batch and check over the same tree and flags and
// finds the same files with the same findings: each file with the
// nearest configuration and its overrides, a walk with the include and
// ignore globs of the folder walked, --config and --min-score as check
// takes them. The records of a JSON Lines file get that file's settings.
func TestBatchConfig(t *testing.T) {
	root, p := writeConfigTree(t)
	feed := p["feeds/wire.jsonl"]
	tests := []struct {
		name    string
		flags   []string
		inputs  []string
		records map[string][]string // what the JSON Lines records get, not checked by check
	}{
		{"two configurations and an override", nil, []string{root},
			nil},
		{"the include of the folder walked", nil, []string{filepath.Join(root, "desk")},
			nil},
		{"files named", nil, []string{p["story.md"], p["investigations/leak.md"], p["desk/brief.md"]},
			nil},
		{"--config for every input", []string{"--config", p["other.yaml"]}, []string{root},
			nil},
		{"--min-score wins over the files", []string{"--min-score", "0.9999"}, []string{root},
			nil},
		{"a JSON Lines file: its settings, its override", nil, []string{feed},
			map[string][]string{"wire-1": {"orphan-reference:warning"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "r.sqlite")
			code, _, errOut := runTool(t, "", append(append([]string{"batch", "--db", db}, tt.flags...), tt.inputs...)...)
			require.Equal(t, exitOK, code, errOut)
			want := tt.records
			if want == nil {
				var checkCode int
				want, checkCode = findingCodes(t, append(tt.flags, tt.inputs...)...)
				require.NotEqual(t, exitUsage, checkCode)
				require.NotEmpty(t, want)
			}
			assert.Equal(t, want, storedCodes(t, db))
		})
	}

	// What the table compares, spelt out for the tree.
	db := filepath.Join(t.TempDir(), "r.sqlite")
	code, _, errOut := runTool(t, "", "batch", "--db", db, root)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, map[string][]string{
		p["story.md"]:               {"orphan-reference:error"},
		p["investigations/leak.md"]: {"uncited-claim:error", "orphan-reference:error"},
		p["desk/brief.md"]:          {"uncited-claim:warning", "orphan-reference:info"},
		p["desk/notes.txt"]:         {"missing-reference-list:error", "uncited-claim:warning"}, // Markdown read as text
	}, storedCodes(t, db), "archive/ ignored; a walk takes no JSON Lines file")
}

// TestBatchConfigErrors checks that a mistake in a configuration that
// some input would use stops batch before anything is stored, naming the
// file, line and column, with exit status 2, and that one no input uses
// (in an ignored folder, in a folder of no article) is never read.
func TestBatchConfigErrors(t *testing.T) {
	tests := []struct {
		name    string
		bad     string // the configuration made wrong, under the tree's root
		flags   func(bad string) []string
		input   string
		wantErr bool
	}{
		{"the root's", configFileName, nil, "", true},
		{"a nested folder's", "desk/" + configFileName, nil, "", true},
		{"the folder of a file named", "desk/" + configFileName, nil, "desk/brief.md", true},
		{"the folder walked", "desk/" + configFileName, nil, "desk", true},
		{"--config", "other.yaml", func(bad string) []string { return []string{"--config", bad} }, "", true},
		{"a folder of no article", "empty/" + configFileName, nil, "", false},
		{"an ignored folder", "archive/deep/" + configFileName, nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, p := writeConfigTree(t)
			bad, ok := p[tt.bad]
			require.True(t, ok)
			require.NoError(t, os.WriteFile(bad, []byte("rules:\n  uncited-claims: off\n"), 0o644))
			db := filepath.Join(t.TempDir(), "r.sqlite")
			args := []string{"batch", "--db", db}
			if tt.flags != nil {
				args = append(args, tt.flags(bad)...)
			}
			args = append(args, filepath.Join(root, filepath.FromSlash(tt.input)))
			code, out, errOut := runTool(t, "", args...)
			if !tt.wantErr {
				assert.Equal(t, exitOK, code, errOut)
				return
			}
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, bad+":2:3: unknown key \"uncited-claims\" (did you mean \"uncited-claim\"?)")
			assert.Empty(t, out, "no run")
			_, err := os.Stat(db)
			assert.ErrorIs(t, err, os.ErrNotExist, "nothing stored: the database is not even created")
		})
	}
}

// TestBatchConfigResume changes the configuration between runs over one
// database: a resumed run checks again exactly the articles whose
// settings changed, and their new results replace the old, as check now
// reports them.
func TestBatchConfigResume(t *testing.T) {
	root, p := writeConfigTree(t)
	db := filepath.Join(t.TempDir(), "r.sqlite")
	batch := func(flags ...string) string {
		t.Helper()
		code, out, errOut := runTool(t, "", append(append([]string{"batch", "--db", db}, flags...), root)...)
		require.Equal(t, exitOK, code, errOut)
		return out
	}
	tests := []struct {
		name   string
		change func()
		flags  []string
		want   string // the counts batch prints
	}{
		{"first run", func() {}, nil, "4 checked, 0 skipped, 0 failed"},
		{"resumed, nothing changed", func() {}, nil, "0 checked, 4 skipped, 0 failed"},
		{"desk's configuration changed", func() {
			require.NoError(t, os.WriteFile(p["desk/"+configFileName], []byte("rules: {orphan-reference: error}\n"), 0o644))
		}, nil, "2 checked, 2 skipped, 0 failed"},
		{"an override added for investigations", func() {
			require.NoError(t, os.WriteFile(p[configFileName], []byte("rules: {uncited-claim: off, orphan-reference: error}\n"+
				"ignore: [archive]\noverrides:\n  - paths: [\"investigations/**\"]\n    rules: {uncited-claim: error}\n"+
				"  - paths: [leak.md]\n    rules: {orphan-reference: warning}\n"), 0o644))
		}, nil, "1 checked, 3 skipped, 0 failed"},
		{"--min-score given", func() {}, []string{"--min-score", "0.9999"}, "4 checked, 0 skipped, 0 failed"},
		{"the same --min-score again", func() {}, []string{"--min-score", "0.9999"}, "0 checked, 4 skipped, 0 failed"},
	}
	for _, tt := range tests {
		tt.change()
		out := batch(tt.flags...)
		assert.Contains(t, out, tt.want, tt.name)
		want, _ := findingCodes(t, append(tt.flags, root)...)
		assert.Equal(t, want, storedCodes(t, db), tt.name)
	}
}

// BenchmarkBatchSettings finds the configuration of every folder of a
// walk, as batch does before its run, over 100 folders of 1,000 files
// each with a configuration at the root and in every tenth folder:
//
//	go test ./cmd/citecheck -run '^$' -bench BatchSettings
func BenchmarkBatchSettings(b *testing.B) {
	root := b.TempDir()
	require.NoError(b, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	require.NoError(b, os.WriteFile(filepath.Join(root, configFileName), []byte("ignore: [archive]\n"), 0o644))
	for d := range 100 {
		dir := filepath.Join(root, fmt.Sprintf("desk%02d", d))
		require.NoError(b, os.Mkdir(dir, 0o755))
		if d%10 == 0 {
			require.NoError(b, os.WriteFile(filepath.Join(dir, configFileName), []byte("rules: {orphan-reference: info}\n"), 0o644))
		}
		for f := range 1000 {
			require.NoError(b, os.WriteFile(filepath.Join(dir, fmt.Sprintf("story%04d.md", f)), nil, 0o644))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		_, errs := newBatchSettings("", []string{root}, commandLine{})
		require.Empty(b, errs)
	}
}
