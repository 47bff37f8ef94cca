package resolve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeLookup answers host lookups from a table, so that no test asks a real
// DNS server; an unknown name is "not found".
func fakeLookup(table map[string][]string) func(context.Context, string, string) ([]netip.Addr, error) {
	return func(_ context.Context, _, host string) ([]netip.Addr, error) {
		addrs, ok := table[strings.ToLower(strings.TrimSuffix(host, "."))]
		if !ok {
			return nil, &net.DNSError{Err: "no such host (test lookup)", Name: host, IsNotFound: true}
		}
		out := make([]netip.Addr, 0, len(addrs))
		for _, a := range addrs {
			out = append(out, netip.MustParseAddr(a))
		}
		return out, nil
	}
}

// bypassLookup maps the host names of the bypass table to internal
// addresses, the way a hostile DNS zone would.
var bypassLookup = map[string][]string{
	"loopback.test":            {"127.0.0.1"},
	"loopback6.test":           {"::1"},
	"mapped.test":              {"::ffff:127.0.0.1"},
	"private.test":             {"10.1.2.3"},
	"metadata.test":            {"169.254.169.254"},
	"mixed.test":               {"10.0.0.1", "fd00::1"},
	"169.254.169.254.nip.test": {"169.254.169.254"},
	"cgnat.test":               {"100.100.100.200"},
	"zero.test":                {"0.0.0.0"},
}

// newGuardedResolver returns a default (production-strict) resolver whose
// lookups never leave the process.
func newGuardedResolver(t *testing.T, opts ...Option) *Fetcher {
	t.Helper()
	r, err := NewFetcher(opts...)
	require.NoError(t, err)
	r.lookup = fakeLookup(bypassLookup)
	t.Cleanup(func() { r.Close() })
	return r
}

// TestFetchRefusesBypassAttempts is the SSRF table: every URL must be
// refused before any packet leaves the machine (IP literals before the
// dial, names in the dialer's Control, after the test lookup).
func TestFetchRefusesBypassAttempts(t *testing.T) {
	tests := []struct {
		url  string
		want error
	}{
		{"http://127.0.0.1/", ErrForbiddenAddress},
		{"https://127.0.0.1:443/", ErrForbiddenAddress},
		{"http://127.0.0.1:8080/admin", ErrForbiddenAddress},
		{"http://2130706433/", ErrForbiddenAddress},
		{"http://0177.0.0.1/", ErrForbiddenAddress},
		{"http://0x7f.0.0.1/", ErrForbiddenAddress},
		{"http://0x7f000001/", ErrForbiddenAddress},
		{"http://017700000001/", ErrForbiddenAddress},
		{"http://127.1/", ErrForbiddenAddress},
		{"http://127.0.1/", ErrForbiddenAddress},
		{"http://0x7f.1/", ErrForbiddenAddress},
		{"http://127.000.000.001/", ErrForbiddenAddress},
		{"http://1.2.3.4.5/", ErrForbiddenAddress},
		{"http://[::1]/", ErrForbiddenAddress},
		{"http://[0:0:0:0:0:0:0:1]/", ErrForbiddenAddress},
		{"http://[::ffff:127.0.0.1]/", ErrForbiddenAddress},
		{"http://[::ffff:7f00:1]/", ErrForbiddenAddress},
		{"http://[::ffff:169.254.169.254]/", ErrForbiddenAddress},
		{"http://[64:ff9b::7f00:1]/", ErrForbiddenAddress},
		{"http://[2002:7f00:1::]/", ErrForbiddenAddress},
		{"http://[::]/", ErrForbiddenAddress},
		{"http://0.0.0.0/", ErrForbiddenAddress},
		{"http://0/", ErrForbiddenAddress},
		{"http://10.0.0.1/", ErrForbiddenAddress},
		{"http://10.255.255.254/", ErrForbiddenAddress},
		{"http://172.16.0.1/", ErrForbiddenAddress},
		{"http://172.31.255.255/", ErrForbiddenAddress},
		{"http://192.168.0.1/", ErrForbiddenAddress},
		{"http://100.64.0.1/", ErrForbiddenAddress},
		{"http://169.254.169.254/latest/meta-data/", ErrForbiddenAddress},
		{"http://[fd00::1]/", ErrForbiddenAddress},
		{"http://[fd00:ec2::254]/latest/meta-data/", ErrForbiddenAddress},
		{"http://[fe80::1]/", ErrForbiddenAddress},
		{"http://[fe80::1%25eth0]/", ErrForbiddenAddress},
		{"http://224.0.0.1/", ErrForbiddenAddress},
		{"http://[ff02::1]/", ErrForbiddenAddress},
		{"http://255.255.255.255/", ErrForbiddenAddress},
		{"http://192.0.2.1/", ErrForbiddenAddress},
		{"http://198.18.0.1/", ErrForbiddenAddress},
		{"http://localhost/", ErrForbiddenAddress},
		{"http://LOCALHOST./", ErrForbiddenAddress},
		{"http://admin.localhost/", ErrForbiddenAddress},
		{"http://loopback.test/", ErrForbiddenAddress},
		{"http://loopback6.test/", ErrForbiddenAddress},
		{"http://mapped.test/", ErrForbiddenAddress},
		{"http://private.test/", ErrForbiddenAddress},
		{"http://metadata.test/latest/meta-data/", ErrForbiddenAddress},
		{"http://mixed.test/", ErrForbiddenAddress},
		{"http://169.254.169.254.nip.test/", ErrForbiddenAddress},
		{"http://cgnat.test/", ErrForbiddenAddress},
		{"https://zero.test/", ErrForbiddenAddress},
		{"file:///etc/passwd", ErrScheme},
		{"ftp://example.com/file", ErrScheme},
		{"gopher://127.0.0.1:70/_x", ErrScheme},
		{"javascript:alert(1)", ErrScheme},
		{"data:text/html,<h1>hi</h1>", ErrScheme},
		{"//example.com/no-scheme", ErrScheme},
		{"dict://127.0.0.1:11211/stat", ErrScheme},
		{"http://user:pass@example.com/", ErrCredentialsInURL},
		{"https://user@example.com/", ErrCredentialsInURL},
		{"http://example.com@127.0.0.1/", ErrCredentialsInURL},
	}
	require.GreaterOrEqual(t, len(tests), 40)
	r := newGuardedResolver(t)
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			page, err := r.Fetch(ctx, tt.url)
			assert.Nil(t, page)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

// TestLoopbackOptionOnlyAllowsLoopback checks that the test-only option
// opens loopback and nothing else.
func TestLoopbackOptionOnlyAllowsLoopback(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)

	strict := newGuardedResolver(t)
	_, err := strict.Fetch(t.Context(), srv.URL)
	require.ErrorIs(t, err, ErrForbiddenAddress, "loopback is refused by default")

	r := newGuardedResolver(t, WithAllowLoopback(), WithPerDomain(2, 0))
	page, err := r.Fetch(t.Context(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, "ok", string(page.Body))

	for _, u := range []string{
		"http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.5.4/", "http://100.64.0.1/",
		"http://169.254.169.254/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/",
		"http://private.test/", "http://metadata.test/", "http://[::ffff:127.0.0.1]/",
	} {
		_, err := r.Fetch(t.Context(), u)
		assert.ErrorIs(t, err, ErrForbiddenAddress, u)
	}
}

// TestRedirectToInternalAddressRefused follows a redirect from an allowed
// (loopback, test-only) server to internal addresses; each must be refused
// (names in the dialer's Control, before connecting).
func TestRedirectToInternalAddressRefused(t *testing.T) {
	targets := []string{
		"http://10.0.0.1/",
		"http://169.254.169.254/latest/meta-data/iam/",
		"http://[fd00::1]/",
		"http://rebind.test/",
		"http://metadata.test/",
		"http://0x7f.1/",
		"http://user:pw@example.com/",
		"ftp://example.com/",
		"file:///etc/passwd",
	}
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/go", func(w http.ResponseWriter, req *http.Request) {
		hits.Add(1)
		http.Redirect(w, req, req.URL.Query().Get("to"), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	r := newGuardedResolver(t, WithAllowLoopback(), WithPerDomain(4, 0))
	r.lookup = fakeLookup(map[string][]string{"rebind.test": {"10.0.0.7"}, "metadata.test": {"169.254.169.254"}})
	for _, to := range targets {
		t.Run(to, func(t *testing.T) {
			_, err := r.Fetch(t.Context(), srv.URL+"/go?to="+url.QueryEscape(to))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrForbiddenAddress) || errors.Is(err, ErrCredentialsInURL) || errors.Is(err, ErrScheme), "%v", err)
		})
	}
	assert.Equal(t, int32(len(targets)), hits.Load(), "each redirect was served once by the loopback server")
}

// TestDialControlRefusesBeforeConnecting calls the dialer directly, as a
// transport would after a hostile DNS answer.
func TestDialControlRefusesBeforeConnecting(t *testing.T) {
	r := newGuardedResolver(t)
	for _, addr := range []string{"10.0.0.1:80", "169.254.169.254:80", "[fd00::1]:443", "127.0.0.1:80", "private.test:80", "8.8.8.8:22"} {
		_, err := r.dialContext(t.Context(), "tcp", addr)
		assert.ErrorIs(t, err, ErrForbiddenAddress, addr)
	}
	assert.NoError(t, r.control("tcp4", "93.184.215.14:443", nil), "a public address on 443 passes")
	assert.ErrorIs(t, r.control("tcp4", "93.184.215.14:25", nil), ErrForbiddenAddress, "other ports are refused")
}

// TestEnvironmentProxyIgnored sets every proxy variable to a loopback
// listener that counts hits; the resolver must go direct.
func TestEnvironmentProxyIgnored(t *testing.T) {
	var proxyHits atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		proxyHits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "from proxy")
	}))
	t.Cleanup(proxy.Close)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "direct")
	}))
	t.Cleanup(target.Close)
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"} {
		t.Setenv(k, proxy.URL)
	}
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")

	r := newGuardedResolver(t, WithAllowLoopback(), WithPerDomain(2, 0))
	r.lookup = fakeLookup(map[string][]string{"proxied.test": {"127.0.0.1"}, "private.test": {"10.9.8.7"}})
	_, port, err := net.SplitHostPort(strings.TrimPrefix(target.URL, "http://"))
	require.NoError(t, err)

	page, err := r.Fetch(t.Context(), "http://proxied.test:"+port+"/")
	require.NoError(t, err)
	assert.Equal(t, "direct", string(page.Body))
	_, err = r.Fetch(t.Context(), "http://private.test/")
	assert.ErrorIs(t, err, ErrForbiddenAddress)
	assert.Equal(t, int32(0), proxyHits.Load())
}

func TestParseLaxIPv4(t *testing.T) {
	tests := []struct {
		host    string
		want    string
		numeric bool
		ok      bool
	}{
		{"2130706433", "127.0.0.1", true, true},
		{"0177.0.0.1", "127.0.0.1", true, true},
		{"0x7f.0.0.1", "127.0.0.1", true, true},
		{"0x7f000001", "127.0.0.1", true, true},
		{"127.1", "127.0.0.1", true, true},
		{"127.0.1", "127.0.0.1", true, true},
		{"0x", "0.0.0.0", true, true},
		{"8.8.8.8.", "8.8.8.8", true, true},
		{"256.0.0.1", "", true, false},
		{"1.2.3.4.5", "", true, false},
		{"4294967296", "", true, false},
		{"99999999999999999999999", "", true, false},
		{"08.0.0.1", "", true, false},
		{"example.com", "", false, false},
		{"1.2.3.com", "", false, false},
		{"0x7g", "", false, false},
	}
	for _, tt := range tests {
		ip, numeric, ok := parseLaxIPv4(tt.host)
		assert.Equal(t, tt.numeric, numeric, tt.host)
		assert.Equal(t, tt.ok, ok, tt.host)
		if tt.ok {
			assert.Equal(t, tt.want, ip.String(), tt.host)
		}
	}
}

func FuzzParseLaxIPv4(f *testing.F) {
	for _, s := range []string{"2130706433", "0x7f.1", "0177.0.0.01", "1.2.3.4", "a.b", "0x", ".", "1..2", "08"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, host string) {
		ip, numeric, ok := parseLaxIPv4(host)
		if ok && !numeric {
			t.Fatalf("%q: ok without numeric", host)
		}
		if !ok {
			return
		}
		if !ip.Is4() {
			t.Fatalf("%q: %v is not IPv4", host, ip)
		}
		// the canonical form reads back as the same address
		back, numeric, ok := parseLaxIPv4(ip.String())
		if !numeric || !ok || back != ip {
			t.Fatalf("%q: %v reads back as %v", host, ip, back)
		}
	})
}

func TestResolverOptions(t *testing.T) {
	bad := map[string]Option{
		"contact not an address":  WithContact("not an address"),
		"contact with name":       WithContact("Ed <ed@example.org>"),
		"contact with newline":    WithContact("ed@example.org\r\nX: y"),
		"empty user agent":        WithUserAgent(""),
		"user agent with newline": WithUserAgent("a\nb"),
		"zero timeout":            WithTimeout(0),
		"negative max body":       WithMaxBody(-1),
		"zero inflight":           WithPerDomain(0, time.Second),
		"negative interval":       WithPerDomain(1, -time.Second),
		"negative max wait":       WithMaxWait(-time.Second),
	}
	for name, opt := range bad {
		r, err := NewFetcher(opt)
		assert.Error(t, err, name)
		assert.Nil(t, r, name)
	}
	r, err := NewFetcher(WithContact("ed@example.org"))
	require.NoError(t, err)
	assert.Equal(t, "citecheck/0.1 (+https://github.com/citecheck/citecheck; mailto:ed@example.org)", r.UserAgent())
	r, err = NewFetcher()
	require.NoError(t, err)
	assert.Equal(t, "citecheck/0.1 (+https://github.com/citecheck/citecheck)", r.UserAgent())
}
