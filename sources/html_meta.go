package sources

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Metadata comes from, in order of priority (the first that gives a value
// wins for single values; lists take the first source that has any):
//
//	Title:        citation_title, og:title, JSON-LD headline (or name),
//	              dc.title, twitter:title, <title> without its " | Site"
//	              suffix, the first <h1>.
//	Authors:      citation_author (all of them), JSON-LD author name(s),
//	              meta author, article:author when not a URL, dc.creator,
//	              the page's byline (rel=author, class "byline"/"author").
//	Published:    citation_publication_date, citation_date,
//	              article:published_time, JSON-LD datePublished,
//	              dc.date, the first <time datetime>.
//	Publisher:    og:site_name, citation_publisher, citation_journal_title,
//	              JSON-LD publisher.name, dc.publisher.
//	CanonicalURL: <link rel=canonical>, og:url (resolved against the base).
//	DOI:          citation_doi, prism.doi, dc.identifier holding a DOI.
//	Language:     <html lang>, content-language, dc.language, og:locale.
//	Description:  description, og:description, JSON-LD description,
//	              twitter:description.
//
// Scholarly citation_* tags come first because publishers fill them for
// indexers and they are the most exact; JSON-LD is machine-written and
// usually right; the <title> element carries site names and is last.

// htmlWantedMeta reports the meta names the reader keeps.
func htmlWantedMeta(k string) bool {
	for _, p := range []string{"citation_", "og:", "article:", "dc.", "dcterms.", "dc:", "dcterms:", "prism.", "twitter:"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	switch k {
	case "author", "description", "content-language", "parsely-author", "parsely-pub-date", "parsely-title", "title", "byl":
		return true
	}
	return false
}

// metaValues returns the values of the meta tags named k, in order.
func (t *htmlTree) metaValues(k string) []string {
	var out []string
	for _, m := range t.metas {
		if m.key == k && m.value != "" {
			out = append(out, m.value)
		}
	}
	return out
}

func (t *htmlTree) metaValue(keys ...string) string {
	for _, k := range keys {
		for _, m := range t.metas {
			if m.key == k && m.value != "" {
				return m.value
			}
		}
	}
	return ""
}

// htmlJSONLD is what the reader takes from a page's JSON-LD.
type htmlJSONLD struct {
	headline, name, published, description, publisher string
	authors                                           []string
}

var ldArticleTypes = []string{"Article", "NewsArticle", "ScholarlyArticle", "BlogPosting", "AnalysisNewsArticle",
	"OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle",
	"Report", "LiveBlogPosting", "MedicalScholarlyArticle", "SocialMediaPosting", "WebPage", "MedicalWebPage"}

// htmlReadJSONLD parses the page's JSON-LD scripts and returns the first
// article-like object. Invalid JSON is ignored.
func htmlReadJSONLD(t *htmlTree) htmlJSONLD {
	var best map[string]any
	bestRank := len(ldArticleTypes) + 1
	for _, r := range t.ldjson {
		raw := bytes.TrimSpace(t.src[r[0]:r[1]])
		raw = bytes.TrimPrefix(raw, []byte("<!--"))
		raw = bytes.TrimSuffix(raw, []byte("-->"))
		raw = bytes.TrimSpace(raw)
		raw = bytes.TrimPrefix(raw, []byte("//<![CDATA["))
		raw = bytes.TrimPrefix(raw, []byte("<![CDATA["))
		raw = bytes.TrimSuffix(raw, []byte("//]]>"))
		raw = bytes.TrimSuffix(raw, []byte("]]>"))
		var v any
		if json.Unmarshal(raw, &v) != nil {
			continue
		}
		ldWalk(v, 0, func(m map[string]any) {
			rank := ldTypeRank(m["@type"])
			if rank < bestRank {
				best, bestRank = m, rank
			}
		})
	}
	var ld htmlJSONLD
	if best == nil {
		return ld
	}
	ld.headline = ldString(best["headline"])
	ld.name = ldString(best["name"])
	ld.published = ldString(best["datePublished"])
	ld.description = ldString(best["description"])
	ld.publisher = ldName(best["publisher"])
	ld.authors = ldNames(best["author"])
	if len(ld.authors) == 0 {
		ld.authors = ldNames(best["creator"])
	}
	return ld
}

// ldWalk calls f for every object in v, through arrays and @graph.
func ldWalk(v any, depth int, f func(map[string]any)) {
	if depth > 4 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v[:min(len(v), 64)] {
			ldWalk(e, depth+1, f)
		}
	case map[string]any:
		f(v)
		if g, ok := v["@graph"]; ok {
			ldWalk(g, depth+1, f)
		}
	}
}

func ldTypeRank(t any) int {
	best := len(ldArticleTypes) + 1
	check := func(s string) {
		for i, a := range ldArticleTypes {
			if s == a && i < best {
				best = i
			}
		}
	}
	switch t := t.(type) {
	case string:
		check(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				check(s)
			}
		}
	}
	// every article type outranks a plain web page
	if best > 0 && best < len(ldArticleTypes)-2 {
		best = 1
	}
	return best
}

func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		if len(v) > 0 {
			return ldString(v[0])
		}
	case map[string]any:
		return ldString(v["@value"])
	}
	return ""
}

func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return ldString(v["name"])
	case []any:
		if len(v) > 0 {
			return ldName(v[0])
		}
	}
	return ""
}

func ldNames(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, e := range v[:min(len(v), 64)] {
			if s := ldName(e); s != "" && !htmlIsURL(s) {
				out = append(out, s)
			}
		}
	default:
		if s := ldName(v); s != "" && !htmlIsURL(s) {
			out = append(out, s)
		}
	}
	return out
}

func htmlIsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// htmlTitle returns the page's title by the priority above, without the
// first-heading fallback.
func htmlTitle(t *htmlTree) string {
	site := t.metaValue("og:site_name")
	if s := t.metaValue("citation_title", "og:title"); s != "" {
		return htmlTrimSuffixSite(htmlCollapseSpace(s), site)
	}
	ld := htmlReadJSONLD(t)
	if ld.headline != "" {
		h := ld.headline
		// Wikipedia's headline is a description and its name the title:
		// take the one nearer the <title>.
		if ld.name != "" && ld.name != h {
			title := strings.ToLower(t.titleText())
			if htmlWordOverlap(title, strings.ToLower(ld.name)) > htmlWordOverlap(title, strings.ToLower(h)) {
				h = ld.name
			}
		}
		return htmlTrimSuffixSite(htmlCollapseSpace(h), site)
	}
	if s := t.metaValue("dc.title", "dc:title", "dcterms.title", "twitter:title", "parsely-title"); s != "" {
		return htmlTrimSuffixSite(htmlCollapseSpace(s), site)
	}
	return htmlTrimSiteName(t.titleText(), site)
}

// htmlWordOverlap returns the share of b's words that a has.
func htmlWordOverlap(a, b string) float64 {
	wb := strings.Fields(b)
	if len(wb) == 0 {
		return 0
	}
	k := 0
	for _, w := range wb {
		if strings.Contains(a, w) {
			k++
		}
	}
	return float64(k) / float64(len(wb))
}

// htmlTrimSuffixSite removes " - Site" when the site's name is known.
func htmlTrimSuffixSite(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "} {
		if s, ok := strings.CutSuffix(title, sep+site); ok && s != "" {
			return s
		}
	}
	return title
}

func (t *htmlTree) titleText() string {
	if t.title[0] < 0 {
		return ""
	}
	s := string(t.src[t.title[0]:t.title[1]])
	if strings.IndexByte(s, '&') >= 0 {
		s = htmlUnescape(s)
	}
	return htmlCollapseSpace(s)
}

// htmlTrimSiteName removes a " | Site" style suffix (or prefix) from a <title>.
func htmlTrimSiteName(title, site string) string {
	if site != "" {
		for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "} {
			if s, ok := strings.CutSuffix(title, sep+site); ok && s != "" {
				return s
			}
			if s, ok := strings.CutPrefix(title, site+sep); ok && s != "" {
				return s
			}
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		// "Title | Site": a short last part names the site
		if n := len(strings.Fields(title[i+len(sep):])); n <= 3 && n <= len(strings.Fields(title[:i])) {
			return strings.TrimSpace(title[:i])
		}
		return title
	}
	return title
}

// readHTMLMeta fills m from what the tokenizer pass and the extraction
// collected.
func readHTMLMeta(t *htmlTree, c *htmlContent, m *Meta) {
	ld := htmlReadJSONLD(t)
	m.Title = c.title
	if m.Title == "" {
		m.Title = c.h1
	}

	if a := t.metaValues("citation_author"); len(a) > 0 {
		m.Authors = a
	} else if len(ld.authors) > 0 {
		m.Authors = ld.authors
	} else {
		for _, k := range []string{"author", "article:author", "dc.creator", "dc:creator", "dcterms.creator", "parsely-author", "byl"} {
			var names []string
			for _, v := range t.metaValues(k) {
				if !htmlIsURL(v) {
					names = append(names, v)
				}
			}
			if len(names) > 0 {
				m.Authors = names
				break
			}
		}
	}
	if len(m.Authors) == 0 && c.byline != "" && !htmlLooksLikeDate(c.byline) {
		m.Authors = []string{c.byline}
	}
	for i, a := range m.Authors {
		a = htmlCollapseSpace(a)
		for _, by := range []string{"By ", "by ", "BY "} {
			a = strings.TrimPrefix(a, by)
		}
		m.Authors[i] = a
	}

	m.Published = t.metaValue("citation_publication_date", "citation_date", "article:published_time")
	if m.Published == "" {
		m.Published = ld.published
	}
	if m.Published == "" {
		m.Published = t.metaValue("dc.date", "dc:date", "dcterms.date", "dc.date.issued", "dcterms.created", "parsely-pub-date")
	}
	if m.Published == "" {
		m.Published = t.timeAttr
	}

	m.Publisher = t.metaValue("og:site_name", "citation_publisher", "citation_journal_title")
	if m.Publisher == "" {
		m.Publisher = ld.publisher
	}
	if m.Publisher == "" {
		m.Publisher = t.metaValue("dc.publisher", "dc:publisher")
	}

	canon := t.canonical
	if canon == "" {
		canon = t.metaValue("og:url")
	}
	if canon != "" {
		canon = htmlResolveURL(c.base, canon)
	}
	m.CanonicalURL = canon

	doi := t.metaValue("citation_doi", "prism.doi")
	if doi == "" {
		for _, k := range []string{"dc.identifier", "dc:identifier", "dcterms.identifier"} {
			for _, v := range t.metaValues(k) {
				if strings.Contains(strings.ToLower(v), "10.") && strings.Contains(strings.ToLower(v), "doi") ||
					strings.HasPrefix(v, "10.") {
					doi = v
					break
				}
			}
		}
	}
	m.DOI = htmlCleanDOI(doi)

	m.Language = t.lang
	if m.Language == "" {
		m.Language = t.metaValue("content-language", "dc.language", "dc:language")
	}
	if m.Language == "" {
		m.Language = strings.ReplaceAll(t.metaValue("og:locale"), "_", "-")
	}

	m.Description = t.metaValue("description", "og:description")
	if m.Description == "" {
		m.Description = ld.description
	}
	if m.Description == "" {
		m.Description = t.metaValue("twitter:description")
	}
	m.Description = htmlCollapseSpace(m.Description)
}

// htmlCleanDOI returns the bare DOI ("10.1000/xyz") from the ways pages write
// it: "doi:10.…", "https://doi.org/10.…".
func htmlCleanDOI(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "10."); i >= 0 {
		return s[i:]
	}
	return ""
}

// htmlUnescape decodes character references in text.
func htmlUnescape(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '&' {
			j := strings.IndexByte(s[i:], '&')
			if j < 0 {
				sb.WriteString(s[i:])
				break
			}
			sb.WriteString(s[i : i+j])
			i += j
			continue
		}
		text, n := htmlEntity([]byte(s[i:]))
		if n == 0 {
			sb.WriteByte('&')
			i++
			continue
		}
		sb.WriteString(text)
		i += n
	}
	return sb.String()
}

// htmlLooksLikeDate reports a byline that is a date line rather than names:
// it starts with a digit, a weekday or a month.
func htmlLooksLikeDate(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return true
	}
	w := strings.Trim(f[0], ",.")
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return true
	}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may",
		"jun", "jul", "aug", "sep", "oct", "nov", "dec", "updated", "published", "posted"} {
		if strings.HasPrefix(w, d) && len(w) <= 9 {
			return true
		}
	}
	return false
}
