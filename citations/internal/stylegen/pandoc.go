package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// pandoc runs the pandoc program.
type pandoc struct {
	path    string
	version string
}

func newPandoc(ctx context.Context, path string) (*pandoc, error) {
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("pandoc: %w (install it: apt-get install -y pandoc citation-style-language-styles)", err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	version := strings.TrimSpace(strings.TrimPrefix(first, "pandoc"))
	return &pandoc{path: path, version: version}, nil
}

// run feeds input to pandoc with args and returns what it writes. A
// warning on standard error (a citation not found, say) is an error: the
// corpus must render cleanly.
func (p *pandoc) run(ctx context.Context, input []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, p.path, args...)
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("pandoc %s: %w: %s", strings.Join(args, " "), err, stderr.String())
	}
	if stderr.Len() > 0 {
		return nil, fmt.Errorf("pandoc %s: %s", strings.Join(args, " "), stderr.String())
	}
	return stdout.Bytes(), nil
}

// citeproc turns Markdown into pandoc's JSON AST after citeproc.
func (p *pandoc) citeproc(ctx context.Context, md, csl, bib string) ([]byte, error) {
	return p.run(ctx, []byte(md), "-f", "markdown", "-t", "json", "--citeproc", "--csl", csl, "--bibliography", bib)
}

// direct renders Markdown straight to format, citeproc included: what a
// user of pandoc would run.
func (p *pandoc) direct(ctx context.Context, md, csl, bib, format string) ([]byte, error) {
	return p.run(ctx, []byte(md), "-f", "markdown", "-t", format, "-s", "--citeproc", "--csl", csl, "--bibliography", bib)
}

// render writes a JSON AST as a standalone document in format.
func (p *pandoc) render(ctx context.Context, ast []byte, format string) ([]byte, error) {
	return p.run(ctx, ast, "-f", "json", "-t", format, "-s")
}
