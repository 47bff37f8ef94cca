package citations

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// externalParsed is linkSites.external as url.Parse answers it: the
// reference plainHTTPHost's shortcut must agree with.
func externalParsed(s linkSites, raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" {
		return false
	}
	return s.own == "" || s.siteOf(u.Hostname()) != s.own
}

func TestLinkSitesExternal(t *testing.T) {
	own := linkSites{siteOf: hostSite, own: "example.org"}
	tests := []struct {
		raw  string
		want bool
	}{
		{"https://www.reuters.com/world/a-1", true},
		{"HTTPS://WWW.Example.ORG/about", false},
		{"http://example.org:8080/x?y#z", false},
		{"https://data.census.gov", true},
		{"https://user:pw@census.gov/", true},
		{"http://[::1]:80/", true},
		{"mailto:desk@example.org", false},
		{"/relative/path", false},
		{"https://", false},
		{"https://a b.org/", false},
		{"http://ex%41mple.org/", false},
		{"ftp://files.census.gov/", false},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			assert.Equal(t, tt.want, own.external(tt.raw))
			assert.Equal(t, externalParsed(own, tt.raw), own.external(tt.raw))
		})
	}
}

func FuzzLinkSitesExternal(f *testing.F) {
	for _, s := range []string{"https://www.reuters.com/a", "http://example.org:80", "https://u@h/", "http://[::1]/", "HTTP://X.ORG", "javascript:x", "https://a:b/"} {
		f.Add(s)
	}
	own := linkSites{siteOf: hostSite, own: "example.org"}
	none := linkSites{siteOf: hostSite}
	f.Fuzz(func(t *testing.T, raw string) {
		assert.Equal(t, externalParsed(own, raw), own.external(raw), "own site")
		assert.Equal(t, externalParsed(none, raw), none.external(raw), "no own site")
	})
}

func FuzzAbsoluteHref(f *testing.F) {
	for _, s := range []string{"https://www.reuters.com/a%20b", "//cdn.example.org/x", "#cite_note-3", "/wiki/Page", "page.html", " http://x.org ", "https://%41.org/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, href string) {
		u, err := url.Parse(strings.TrimSpace(href))
		assert.Equal(t, err == nil && u.Host != "", absoluteHref(href))
	})
}

// nextLinkPlain is nextLink as first written, one byte at a time: the
// reference the faster one must agree with.
func nextLinkPlain(s string, i int) (start, end int, kind byte) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == 'h' && (strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://")),
			c == 'w' && strings.HasPrefix(s[i:], "www.") && (i == 0 || !refWordByte(s[i-1])) && i+4 < len(s) && refWordByte(s[i+4]):
			return i, urlEnd(s, i), 'u'
		case c == '1' && strings.HasPrefix(s[i:], "10.") && (i == 0 || !refWordByte(s[i-1]) && s[i-1] != '.'):
			j := i + 3
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-(i+3) >= 4 && j < len(s) && s[j] == '/' {
				return i, tokenEnd(s, i), 'd'
			}
		}
		i++
	}
	return 0, 0, 0
}

func FuzzNextLink(f *testing.F) {
	for _, s := range []string{"see https://doi.org/10.1038/nature12373 and www.example.org/x", "10.1234/abc 110.1234/x http:/x https://y",
		"wwww.x.org www. www.a", "x10.12345/y.10.1234/z", "httpshttps://a"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		a, b, c := nextLinkPlain(s, i)
		x, y, z := nextLink(s, i)
		assert.Equal(t, [3]int{a, b, int(c)}, [3]int{x, y, int(z)}, "%q from %d", s, i)
	})
}
