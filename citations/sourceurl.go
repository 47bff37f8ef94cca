package citations

import (
	"net/url"
	"strings"
)

// SourceURL reports whether a link's URL can be the source of what the
// sentence holding it says: a page or document of its own (an article, a
// report, a filing, a paper, a DOI), rather than a site's home page, a
// topic, tag, section, author or profile page, an encyclopedia or glossary
// article explaining a word, a search, a login, a quiz or a social media
// profile. A page three path segments or more below a section or category
// is an article filed under it ("/sections/money/2016/07/22/487069271/…").
// A path of one or two words of lower-case letters and nothing else
// ("/world/newzealand", "/flu") is a section or topic front: an article's
// path has a slug, an identifier or a file name. A sentence whose only
// links are of the second kind still rests on nothing the reader can
// check.
func SourceURL(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return false
	}
	host := strings.ToLower(u.Hostname())
	path := strings.Trim(u.EscapedPath(), "/")
	switch {
	case path == "" || path == "index.html" || path == "index.php":
		return u.RawQuery != "" && !strings.HasPrefix(host, "www.google.") // a home page, unless it serves a query
	case strings.HasPrefix(host, "topics.") || strings.HasPrefix(host, "tags."):
		return false
	case hostIs(host, "wikipedia.org", "wiktionary.org", "merriam-webster.com", "dictionary.com", "investopedia.com"):
		return false // an encyclopedia or dictionary article explains a word
	}
	segments := strings.Split(strings.ToLower(path), "/")
	if hostIs(host, "twitter.com", "x.com", "instagram.com", "facebook.com", "linkedin.com", "tiktok.com", "youtube.com", "github.com", "threads.net") &&
		(len(segments) == 1 || len(segments) == 2 && (segments[0] == "in" || segments[0] == "company" || segments[0] == "user" || segments[0] == "channel" || segments[0] == "c")) &&
		!(u.RawQuery != "" && (segments[0] == "watch" || segments[0] == "permalink.php" || segments[0] == "story.php")) {
		return false // a profile, not a video or a post ("/watch?v=…", "/permalink.php?story_fbid=…")
	}
	if len(segments) <= 2 && u.RawQuery == "" && lowerWords(strings.Split(path, "/")) {
		return false // a section or topic front ("/world/newzealand", "/flu"), not an article
	}
	for i, s := range segments {
		switch s {
		case "category", "categories", "section", "sections":
			if len(segments)-i > 3 {
				// a section's own article: "/sections/money/2016/07/22/487069271/episode-576"
				continue
			}
			return false
		case "topic", "topics", "tag", "tags", "people", "person", "author", "authors", "profile", "profiles",
			"glossary", "dictionary", "definition", "definitions",
			"search", "login", "signin", "sign-in", "signup", "sign-up", "subscribe", "newsletter", "newsletters",
			"staff", "faculty", "bio", "contributors", "a-to-z-guides":
			return false
		case "about", "contact", "home":
			if i == len(segments)-1 {
				return false
			}
		}
		if strings.Contains(s, "quiz") {
			return false
		}
	}
	return true
}

// lowerWords reports whether every segment is a word of lower-case ASCII
// letters: no digits, hyphens, dots or capitals, which an article's slug,
// identifier or file name has.
func lowerWords(segments []string) bool {
	for _, s := range segments {
		if s == "" {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
	}
	return true
}

// hostIs reports whether host is one of the domains or a subdomain of one.
func hostIs(host string, domains ...string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}
