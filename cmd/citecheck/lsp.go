package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"time"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/citecheck/internal/lsp"
)

// runLSP runs `citecheck lsp`: a language server on standard input and
// output, for editors (internal/lsp). Its exit status is 0 after the
// client's shutdown and exit, 1 when the client left without shutdown.
func runLSP(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("lsp", "citecheck lsp [flags]",
		"Speaks the Language Server Protocol on standard input and output, for\n"+
			"editors: diagnostics as Markdown, HTML and text documents are opened and\n"+
			"edited, the reference entry of a citation on hover, and a quick fix that\n"+
			"adds a citecheck-disable-next-line comment. Each document is checked with\n"+
			"the nearest "+configFileName+" (or --config), read afresh for every check, as\n"+
			"check reads it (--min-score wins over the file). It never touches the network.\n"+
			"Errors of the connection are logged on standard error.",
		stdout, stderr)
	debounce := c.Duration("debounce", 200*time.Millisecond, "wait this `long` after an edit for the next before checking")
	minScore := c.Float64("min-score", 0, "count a sentence as a claim from this check-worthiness `score` (0 means the model's default)")
	configFile := c.String("config", "", "read the configuration from this `file` instead of the nearest "+configFileName)
	limits := addLimitFlags(c.FlagSet)
	if code, ok := c.parseFlags(args); !ok {
		return code
	}
	var given commandLine // flags win over the configuration
	c.Visit(func(f *flag.Flag) {
		if f.Name == "min-score" {
			given.minScore = minScore
		}
	})
	if _, err := newConfigs(*configFile); err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	if err := checkLimits(limits()); err != nil {
		return c.usageError("%v", err)
	}
	if *minScore < 0 || *minScore > 1 {
		return c.usageError("--min-score must be between 0 and 1, not %g", *minScore)
	}
	if *debounce < 0 {
		return c.usageError("--debounce must not be negative, not %s", *debounce)
	}
	err := lsp.Serve(ctx, stdio{stdin, stdout}, lsp.Options{
		Check:    citecheck.Options{Limits: limits(), MinScore: *minScore},
		Debounce: *debounce,
		Configure: func(path string, opts citecheck.Options) (citecheck.Options, error) {
			// read afresh for every check: the file may have been edited
			cs, err := newConfigs(*configFile)
			if err != nil {
				return opts, err
			}
			cfg, err := cs.forInput(path, "")
			if err != nil {
				return opts, err
			}
			return settingsFor(cfg, path, given).options(opts), nil
		},
		Version: version(),
		Logger:  slog.New(slog.NewTextHandler(stderr, nil)),
	})
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, lsp.ErrNoShutdown):
		return exitFindings // the protocol's status 1
	}
	return c.fail(exitUsage, "%v", err)
}

// stdio joins standard input and output into the stream the server reads
// and writes; closing it closes neither, which main leaves to the process.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
