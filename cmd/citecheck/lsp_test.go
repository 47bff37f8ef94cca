package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frame writes LSP messages with their Content-Length headers, as an editor
// writes them to the server's standard input.
func frame(t *testing.T, msgs ...map[string]any) string {
	t.Helper()
	var b strings.Builder
	for _, m := range msgs {
		m["jsonrpc"] = "2.0"
		data, err := json.Marshal(m)
		require.NoError(t, err)
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(data), data)
	}
	return b.String()
}

// TestLSPCommand runs `citecheck lsp` on a session read from standard
// input and checks its exit status and what it wrote.
func TestLSPCommand(t *testing.T) {
	open := map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": "file:///a.md", "languageId": "markdown", "version": 1,
		"text": "# Steel\n\nSteel output rose 4% in 2023 (Çelik, 2021).\n\n## References\n\n"}}}
	tests := []struct {
		name     string
		args     []string
		session  []map[string]any
		wantCode int
		wantOut  []string
	}{
		{"a whole session", []string{"--debounce", "0s"}, []map[string]any{
			{"id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}},
			{"method": "initialized", "params": map[string]any{}},
			open,
			{"id": 2, "method": "textDocument/hover", "params": map[string]any{
				"textDocument": map[string]any{"uri": "file:///a.md"}, "position": map[string]any{"line": 2, "character": 32}}},
			{"id": 3, "method": "shutdown"},
			{"method": "exit"},
		}, exitOK, []string{`"name":"citecheck"`, `"code":"empty-reference-list"`, "is unresolved", `"id":3,"result":null`}},
		{"exit without shutdown", nil, []map[string]any{
			{"id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}},
			{"method": "exit"},
		}, exitFindings, []string{`"capabilities"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runTool(t, frame(t, tt.session...), append([]string{"lsp"}, tt.args...)...)
			assert.Equal(t, tt.wantCode, code, errOut)
			for _, want := range tt.wantOut {
				assert.Contains(t, out, want)
			}
			assert.True(t, strings.HasPrefix(out, "Content-Length: "), out)
		})
	}
}

func TestLSPHelp(t *testing.T) {
	code, out, errOut := runTool(t, "", "lsp", "-h")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "Usage: citecheck lsp"), out)
	assert.Contains(t, out, "-debounce")
	assert.Empty(t, errOut)
	code, _, errOut = runTool(t, "", "lsp", "--debounce", "-1s")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--debounce must not be negative")
	code, _, errOut = runTool(t, "", "lsp", "--min-score", "5")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--min-score must be between 0 and 1")
}

// TestLSPConfiguration checks that the server checks a document with the
// configuration that applies to its file, as check does: the nearest
// .citecheck.yaml, or --config; a bad file is shown on the document.
func TestLSPConfiguration(t *testing.T) {
	dir := t.TempDir()
	draft := "# Bridges\n\nThe city spent $4.2 million on the bridge in 2021.\n"
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	write("strict/.citecheck.yaml", "rules:\n  uncited-claim: error\n")
	write("quiet/.citecheck.yaml", "rules:\n  uncited-claim: off\n")
	write("broken/.citecheck.yaml", "rules:\n  uncited-claims: error\n")
	explicit := write("other.yaml", "rules:\n  uncited-claim: info\n")
	tests := []struct {
		name, folder string
		args         []string
		want         string // in the published diagnostics
		notWant      string
	}{
		{"no configuration", "plain", nil, `"severity":2,"code":"uncited-claim"`, ""},
		{"raised to error", "strict", nil, `"severity":1,"code":"uncited-claim"`, `"severity":2,"code":"uncited-claim"`},
		{"turned off", "quiet", nil, `"diagnostics":[]`, `"code":"uncited-claim"`},
		{"a bad file", "broken", nil, `"code":"config-error"`, `"code":"uncited-claim"`},
		{"--config wins over discovery", "strict", []string{"--config", explicit}, `"severity":3,"code":"uncited-claim"`, `"severity":1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri := "file://" + filepath.ToSlash(write(tt.folder+"/draft.md", draft))
			session := frame(t,
				map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}},
				map[string]any{"method": "initialized", "params": map[string]any{}},
				map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
					"uri": uri, "languageId": "markdown", "version": 1, "text": draft}}},
				// a hover waits for the check, so its diagnostics come before shutdown
				map[string]any{"id": 3, "method": "textDocument/hover", "params": map[string]any{
					"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 2, "character": 1}}},
				map[string]any{"id": 2, "method": "shutdown"},
				map[string]any{"method": "exit"})
			code, out, errOut := runTool(t, session, append([]string{"lsp", "--debounce", "0s"}, tt.args...)...)
			require.Equal(t, exitOK, code, errOut)
			assert.Contains(t, out, tt.want)
			if tt.notWant != "" {
				assert.NotContains(t, out, tt.notWant)
			}
		})
	}
	code, _, errOut := runTool(t, "", "lsp", "--config", filepath.Join(dir, "broken/.citecheck.yaml"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "broken/.citecheck.yaml:2:3")
}
