package citecheck_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

var shapesOut = flag.String("shapes-out", "", "TestWriteShapes writes each adversarial shape at 1x, 4x and 16x to this `folder`")

// TestWriteShapes writes the adversarial shapes as files, for measuring
// the command on them (time and peak memory):
//
//	go test . -run TestWriteShapes -shapes-out /tmp/shapes
//	/usr/bin/time -v citecheck check --fail-on never /tmp/shapes/ambiguous-candidates-16x.txt
func TestWriteShapes(t *testing.T) {
	if *shapesOut == "" {
		t.Skip("-shapes-out not set")
	}
	require.NoError(t, os.MkdirAll(*shapesOut, 0o755))
	ext := map[string]string{"text": ".txt", "markdown": ".md", "html": ".html"}
	for _, sh := range shapes {
		for _, x := range []int{1, 4, 16} {
			name := sh.name + "-" + strconv.Itoa(x) + "x" + ext[string(sh.format)]
			require.NoError(t, os.WriteFile(filepath.Join(*shapesOut, name), sh.gen(x*sh.unit), 0o644))
		}
	}
}
