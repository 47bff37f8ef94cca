package sources

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// This file and headings.go hold the one definition of each identity
// citecheck compares by: when two URLs name the same page, two DOIs the
// same work, and a heading a reference section. The citations package
// links by them and the resolver keys its cache by them, so that they
// always agree. The site a host belongs to is the package site's.

// URLKey returns the form under which two URLs name the same page: without
// scheme, "www.", fragment, trailing slash, default port and tracking
// parameters (utm_*, fbclid, gclid), with the host in lower case:
// "https://www.Example.org:443/a/?utm_source=x&id=1#top" gives
// "example.org/a?id=1". It returns "" for anything but an absolute http or
// https URL.
func URLKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":80"), ":443")
	p := strings.TrimRight(u.EscapedPath(), "/")
	s := host + p
	if q := trimTracking(u.RawQuery); q != "" {
		s += "?" + q
	}
	return s
}

// trimTracking drops the parameters of a raw query that only track where
// a reader came from.
func trimTracking(q string) string {
	if !strings.Contains(q, "utm_") && !strings.Contains(q, "fbclid") && !strings.Contains(q, "gclid") {
		return q
	}
	var kept []string
	for _, p := range strings.Split(q, "&") {
		name, _, _ := strings.Cut(p, "=")
		if strings.HasPrefix(name, "utm_") || name == "fbclid" || name == "gclid" || p == "" {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// DOIKey returns the form under which two DOIs name the same work: the
// normal form ParseDOI gives, or, for a string ParseDOI refuses (a
// malformed DOI as an entry wrote it), the string lower-cased without
// "doi:", a resolver's URL and a trailing full stop, so that two entries
// with the same malformed DOI still compare equal. "" for an empty string.
func DOIKey(s string) string {
	if s == "" || isDOIKey(s) {
		return s // already in the form doiKey gives
	}
	return doiKey(s)
}

// doiKey is DOIKey without its shortcut for a key already in normal form.
func doiKey(s string) string {
	if d, err := ParseDOI(s); err == nil {
		return d
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if d := DOIFromURL(s); d != "" {
		return d
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "doi:"))
	return strings.TrimRight(s, ".")
}

// isDOIKey reports whether s is already what DOIKey returns for it, as an
// entry's DOI that the citations package parsed is: it starts with "10.",
// is ASCII without upper-case letters, escapes or white space, and ends in
// no punctuation ParseDOI would trim. Both ParseDOI's normal form and the
// fallback for a DOI it refuses are then s itself.
func isDOIKey(s string) bool {
	if !strings.HasPrefix(s, "10.") || len(s) > maxDOILen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= utf8.RuneSelf || c == '%' || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return !strings.ContainsRune(".,;:!?\"')]>", rune(s[len(s)-1]))
}

// DOIFromURL returns the DOI that a doi.org, dx.doi.org or www.doi.org URL
// names, as DOIKey gives it, or "" when raw is not such a URL.
func DOIFromURL(raw string) string {
	if !mayNameDOIHost(raw) {
		return "" // not worth parsing: no host can be doi.org
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	switch strings.TrimPrefix(strings.ToLower(u.Host), "www.") {
	case "doi.org", "dx.doi.org":
		d, err := url.PathUnescape(strings.TrimPrefix(u.EscapedPath(), "/"))
		if err != nil || !strings.HasPrefix(d, "10.") {
			return ""
		}
		return DOIKey(d)
	}
	return ""
}

// mayNameDOIHost reports whether raw may be a URL on doi.org: it holds
// "doi.org" in any case, or a byte that parsing and lowering could turn
// into part of it (an escape, a non-ASCII letter).
func mayNameDOIHost(raw string) bool {
	const host = "doi.org"
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '%' || c >= utf8.RuneSelf {
			return true
		}
		if c|0x20 == 'd' && i+len(host) <= len(raw) && strings.EqualFold(raw[i:i+len(host)], host) {
			return true
		}
	}
	return false
}
