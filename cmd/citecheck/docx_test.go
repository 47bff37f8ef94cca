package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckDOCX runs check on a Word draft: the finding points at the
// paragraph and the character of the citation.
func TestCheckDOCX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "draft.docx")
	f, err := os.Create(path)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	w, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	_, err = w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>What we know so far.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Premiums rose by 40% after the floods (Ngata, 2022).</w:t></w:r></w:p></w:body></w:document>`))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())

	code, out, stderr := runTool(t, "", "check", path)
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, out, path+":2:40: error: ")
	assert.Contains(t, out, "[missing-reference-list]")
}
