// Package site tells which site a host or URL belongs to: its registrable
// domain, the public suffix plus one label, by the Public Suffix List
// ("bbc.co.uk" for news.bbc.co.uk). It is the one definition every part of
// citecheck uses: the resolver's politeness limits apply per site, the
// batch store groups articles by outlet, and the pipeline tells an
// article's links to its own site from links to others.
//
//	site.Of("News.BBC.co.uk.")                // "bbc.co.uk"
//	site.OfURL("https://edition.cnn.com/a")   // "cnn.com"
//
// It is a package of its own because golang.org/x/net/publicsuffix imports
// net/http (for net/http/cookiejar): the document model, citations and
// claims stay free of the network stack, and get the function passed where
// they need it (citations.Options.SiteOf).
package site

import (
	"net/netip"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Of returns the site a host belongs to, its registrable domain:
// "bbc.co.uk" for "www.bbc.co.uk" or "News.BBC.co.uk.". An IP address, a
// public suffix or a single label is returned as it is, in lower case.
func Of(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if _, err := netip.ParseAddr(host); err == nil {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// OfURL returns the site of a URL's host ("bbc.co.uk" for
// https://www.bbc.co.uk/news/x), or "" when raw has no host.
func OfURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return Of(u.Hostname())
}
