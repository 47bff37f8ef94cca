// Command citecheck checks the citations of articles and drafts.
//
// Usage:
//
//	citecheck check [--format text|json] [--fail-on error|warning|never] FILE...
//	citecheck codes
//
// FILE may be - for standard input. Exit status: 0 when no finding reaches
// --fail-on, 1 when one does, 2 for usage errors or unreadable input.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
