package main

import (
	"encoding/json"
	"fmt"
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
