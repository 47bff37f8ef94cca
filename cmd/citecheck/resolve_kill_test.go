package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

// helperEnv makes the test binary, run again by a test with the command's
// arguments after "--", act as a command: with "check", as `citecheck
// check` with loopback allowed (which the real command never allows), so
// that it can resolve against the test's server (TestCheckResolveKilled);
// with "citecheck", as the command itself (TestBatchProcesses).
const helperEnv = "CITECHECK_TEST_HELPER"

func TestHelperProcess(t *testing.T) {
	var code int
	switch os.Getenv(helperEnv) {
	case "check":
		opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(1, 0)}
		code = runCheck(context.Background(), helperArgs(), strings.NewReader(""), os.Stdout, os.Stderr, opts)
	case "citecheck":
		code = run(context.Background(), helperArgs(), strings.NewReader(""), os.Stdout, os.Stderr)
	default:
		t.Skip("run by other tests, as a process of its own")
	}
	os.Exit(code)
}

// helperCommand returns the command that runs the test binary as a helper
// process acting as command (see helperEnv) with args.
func helperCommand(ctx context.Context, command string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), helperEnv+"="+command)
	return cmd
}

// helperArgs returns the arguments a helper process was given after "--",
// those of the command it acts as.
func helperArgs() []string {
	for i, a := range os.Args {
		if a == "--" {
			return os.Args[i+1:]
		}
	}
	return nil
}

func TestCheckResolveKilled(t *testing.T) {
	var pages, conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r)
			return
		}
		pages.Add(1)                      // counted on arrival, so a request in flight at the kill counts
		time.Sleep(20 * time.Millisecond) // slow enough to kill the run midway
		rw.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(rw, `<html><head><meta name="citation_title" content="Report %s"></head><body><p>x</p></body></html>`, r.URL.Path[1:])
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		switch state {
		case http.StateNew:
			conns.Add(1)
		case http.StateClosed, http.StateHijacked:
			conns.Add(-1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)

	const n = 50
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("# Fifty\n\nA claim (Author1, 2020).\n\n## References\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d. Author%d, A. (2020). Report r%d. Reports. %s/r%d\n", i, i, i, srv.URL, i)
	}
	article := filepath.Join(dir, "fifty.md")
	require.NoError(t, os.WriteFile(article, []byte(b.String()), 0o644))
	cache := filepath.Join(dir, "cache.sqlite")

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := helperCommand(ctx, "check", "--resolve", "--cache", cache, "--format", "json", article)
	require.NoError(t, cmd.Start())
	for pages.Load() < 10 && ctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err := cmd.Wait()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the first run must be killed, not finish: %v", err)
	// Once the server has seen the dead process's connections close, it
	// has read every request that process sent.
	require.Eventually(t, func() bool { return conns.Load() == 0 }, 30*time.Second, time.Millisecond)
	served := pages.Load()
	require.Less(t, served, int64(n), "the first run finished before the kill")

	db := openResults(t, cache)
	var integrity string
	require.NoError(t, db.QueryRow("PRAGMA integrity_check").Scan(&integrity))
	assert.Equal(t, "ok", integrity)
	var kept int64
	require.NoError(t, db.QueryRow("SELECT count(*) FROM cache_sources").Scan(&kept))
	t.Logf("killed after %d pages were served; %d sources were in the cache", served, kept)
	assert.Positive(t, kept, "sources resolved before the kill were written")
	assert.GreaterOrEqual(t, served, kept)
	// One request to a site is in flight at a time, but a worker stores
	// what it fetched after letting the next request go: each of the
	// resolver's workers may hold one page, fetched or in flight, that a
	// kill loses.
	assert.LessOrEqual(t, served-kept, int64(resolve.DefaultWorkers), "at most one page per worker is lost")

	// The second run fetches only what the first did not keep.
	before := pages.Load()
	var out, errOut bytes.Buffer
	code := runCheck(context.Background(), []string{"--resolve", "--cache", cache, "--format", "json", article},
		strings.NewReader(""), &out, &errOut, []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0)})
	assert.Equal(t, exitOK, code, errOut.String())
	assert.Equal(t, int64(n)-kept, pages.Load()-before, "the second run refetched a source the first had kept")
	assert.Contains(t, errOut.String(), fmt.Sprintf("resolved %d sources", n))
	var ok int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM cache_sources WHERE status = 'ok'").Scan(&ok))
	assert.Equal(t, n, ok)
}
