package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// command is the command line of a subcommand: its flags (the embedded
// FlagSet), its usage line ("citecheck prune-cache [--cache PATH]"), the
// description -h prints below it, and where it writes.
type command struct {
	*flag.FlagSet
	name, usage, about string
	stdout, stderr     io.Writer
}

// newCommand returns the command line of subcommand name; the subcommand
// defines its flags on it, then calls parse.
func newCommand(name, usage, about string, stdout, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// parse writes the flag package's errors and help where each belongs.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &command{FlagSet: fs, name: name, usage: usage, about: about, stdout: stdout, stderr: stderr}
}

// parse parses args, whose flags may come before, between or after the
// other arguments, and returns the other arguments. When ok is false the
// subcommand returns code at once: exitOK after -h or --help, which prints
// the help on standard output, or exitUsage after a bad flag, reported on
// standard error.
func (c *command) parse(args []string) (rest []string, code int, ok bool) {
	rest, err := parseInterleaved(c.FlagSet, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.help()
		return nil, exitOK, false
	case err != nil:
		if name, ok := unknownFlag(err); ok {
			if near := closestFlag(c.FlagSet, name); near != "" {
				return nil, c.fail(exitUsage, "unknown flag --%s; did you mean --%s? Usage: %s", name, near, c.usage), false
			}
			return nil, c.usageError("unknown flag --%s", name), false
		}
		return nil, c.usageError("%v", err), false
	}
	return rest, exitOK, true
}

// parseFlags is parse for a subcommand that takes flags only: any other
// argument is a usage error.
func (c *command) parseFlags(args []string) (code int, ok bool) {
	rest, code, ok := c.parse(args)
	if ok && len(rest) > 0 {
		return c.usageError("unexpected argument %q", rest[0]), false
	}
	return code, ok
}

// help writes the usage line, the description and the flags to standard
// output, where editors and pagers expect them.
func (c *command) help() {
	fmt.Fprintf(c.stdout, "Usage: %s\n\n%s\n\nFlags:\n", c.usage, c.about)
	c.SetOutput(c.stdout)
	c.PrintDefaults()
}

// usageError reports a mistake in the command line as one line on
// standard error, with the usage line, and returns exitUsage.
func (c *command) usageError(format string, args ...any) int {
	return c.fail(exitUsage, "%s. Usage: %s", fmt.Sprintf(format, args...), c.usage)
}

// fail reports an error as one line on standard error and returns code.
func (c *command) fail(code int, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "citecheck %s: %s\n", c.name, fmt.Sprintf(format, args...))
	return code
}

// parseInterleaved parses flags that may come before, between or after the
// other arguments, as editors type them, and returns the other arguments;
// after "--" every argument is one of them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// oneOf checks that the value of flag --name is one of allowed.
func oneOf(name, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return fmt.Errorf("--%s must be %s, not %q", name, orList(allowed), value)
}

// emptyOrOneOf is oneOf for a flag whose empty default means "not set".
func emptyOrOneOf(name, value string, allowed ...string) error {
	if value == "" {
		return nil
	}
	return oneOf(name, value, allowed...)
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// addLimitFlags defines the flags of citecheck.Limits on fs, with the
// defaults as their values, and returns what they were set to.
func addLimitFlags(fs *flag.FlagSet) func() citecheck.Limits {
	maxBytes := fs.Int64("max-bytes", sources.DefaultMaxBytes, "refuse an input larger than this many `bytes`")
	maxCitations := fs.Int("max-citations", citations.DefaultMaxCitations, "refuse an input with more than this many in-text `citations` (a range such as [4-6] counts each number)")
	maxReferences := fs.Int("max-references", citations.DefaultMaxReferences, "refuse an input with more than this many reference-list `entries`")
	maxFindings := fs.Int("max-findings", citecheck.DefaultMaxFindings, "refuse an input with more than this many `findings`")
	return func() citecheck.Limits {
		return citecheck.Limits{MaxBytes: *maxBytes, MaxCitations: *maxCitations, MaxReferences: *maxReferences, MaxFindings: *maxFindings}
	}
}

// checkLimits reports the first limit flag that is not positive.
func checkLimits(l citecheck.Limits) error {
	for _, f := range []struct {
		name string
		v    int64
	}{{"max-bytes", l.MaxBytes}, {"max-citations", int64(l.MaxCitations)}, {"max-references", int64(l.MaxReferences)}, {"max-findings", int64(l.MaxFindings)}} {
		if f.v <= 0 {
			return fmt.Errorf("--%s must be positive, not %d", f.name, f.v)
		}
	}
	return nil
}
