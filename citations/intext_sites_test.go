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
