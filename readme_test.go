package citecheck_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// TestReadmeDocumentsEveryCode keeps the README's table of codes in step
// with DefaultRules, and checks that each code has its own section for the
// documentation URL to point at.
func TestReadmeDocumentsEveryCode(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	text := string(readme)
	for _, r := range citecheck.DefaultRules() {
		row := fmt.Sprintf("| [`%s`](#%s) | %s | %s |", r.Code, r.Code, r.Severity, r.Summary)
		assert.Contains(t, text, row, "README table row for %s", r.Code)
		assert.Contains(t, text, "\n### "+r.Code+"\n", "README section for %s", r.Code)
		assert.True(t, strings.HasSuffix(citecheck.DocsURL(r.Code), "#"+r.Code))
	}
}
