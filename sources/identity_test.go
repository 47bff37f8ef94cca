package sources

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestURLKey(t *testing.T) {
	tests := map[string]string{
		"https://www.Example.org/a/#frag":                         "example.org/a",
		"http://example.org/a?x=1":                                "example.org/a?x=1",
		"https://example.org:443/a/?utm_source=tw&x=1&fbclid=abc": "example.org/a?x=1",
		"http://example.org/a?utm_medium=email":                   "example.org/a",
		"http://example.org:80/":                                  "example.org",
		"  https://example.org/b  ":                               "example.org/b",
		"https://example.org:8080/a":                              "example.org:8080/a",
		"/relative":                                               "",
		"mailto:a@b.c":                                            "",
		"ftp://example.org/a":                                     "",
		"":                                                        "",
		"https://example.org/a%20b":                               "example.org/a%20b",
		"https://example.org/path?gclid=1&utm_campaign=z&keep=yes": "example.org/path?keep=yes",
	}
	for in, want := range tests {
		assert.Equal(t, want, URLKey(in), "URLKey(%q)", in)
	}
}

func TestDOIKey(t *testing.T) {
	tests := map[string]string{
		"10.1000/ABC":                    "10.1000/abc",
		"doi:10.1000/abc.":               "10.1000/abc",
		"https://doi.org/10.1000/abc":    "10.1000/abc",
		"https://dx.doi.org/10.1000/ABC": "10.1000/abc",
		"10.123/short-registrant.":       "10.123/short-registrant", // malformed, still comparable
		"DOI:10.12/x":                    "10.12/x",
		"":                               "",
	}
	for in, want := range tests {
		assert.Equal(t, want, DOIKey(in), "DOIKey(%q)", in)
	}
}

func TestDOIFromURL(t *testing.T) {
	tests := map[string]string{
		"https://dx.doi.org/10.1000/ABC":  "10.1000/abc",
		"https://www.doi.org/10.1000/x.y": "10.1000/x.y",
		"http://doi.org/10.1000/a%2Fb":    "10.1000/a/b",
		"https://example.org/10.1000/abc": "",
		"https://doi.org/about":           "",
		"doi.org/10.1000/abc":             "", // not a URL with a host
		"":                                "",
	}
	for in, want := range tests {
		assert.Equal(t, want, DOIFromURL(in), "DOIFromURL(%q)", in)
	}
}

// doiHostUnfiltered is DOIFromURL's host test without its quick filter.
func doiHostUnfiltered(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return false
	}
	h := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return h == "doi.org" || h == "dx.doi.org"
}

func FuzzDOIFromURLFilter(f *testing.F) {
	for _, s := range []string{"https://doi.org/10.1/a", "https://DOI.ORG/10.1/A", "http://d%6Fi.org/10.1/a",
		"https://doİ.org/10.1/c", "https://example.org/doi.org", "https://www.doi.org/10.1/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayNameDOIHost(s) && doiHostUnfiltered(s) {
			t.Fatalf("the quick filter skipped the doi.org URL %q", s)
		}
	})
}

// FuzzDOIKeyShortcut holds DOIKey's shortcut to the long way: a string it
// takes as already a key is one.
func FuzzDOIKeyShortcut(f *testing.F) {
	for _, s := range []string{"10.1000/abc", "10.1000/abc.", "10.1000/ABC", "10.1/x", "10.1000/a%2fb", "10.1000/(x)", "10.1000/a)",
		"10.1000/doi.org", "10.1000/é", "10.1000/a b", "10.1000/a>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isDOIKey(s) && doiKey(s) != s {
			t.Fatalf("isDOIKey(%q) but the long way gives %q", s, doiKey(s))
		}
	})
}
