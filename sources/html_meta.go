package sources

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// The page's metadata comes from these sources, in this order of priority
// (for single values the first source that gives one wins; lists take the
// first source that has any):
//
//  1. Highwire Press citation_* tags, which publishers fill for scholarly
//     indexers and which are the most exact;
//  2. OpenGraph og:* and article:* tags (og:article:* read as article:*);
//  3. JSON-LD: the first schema.org object of an article type
//     (NewsArticle, ScholarlyArticle, BlogPosting, Report, …, see
//     htmlLDArticleType), at the top level of a script, in an array, in an
//     @graph or as a page's mainEntity;
//  4. Dublin Core dc.* and dcterms.*, then the plain meta tags (title,
//     author), twitter:* and Parse.ly's parsely-*;
//  5. JSON-LD of a page type (WebPage, ItemPage, …) when the page has no
//     article object;
//  6. the first <time datetime>;
//  7. page heuristics: the <title> element without the site's name, the
//     only <h1>, the byline element (htmlPageByline).
//
// Field by field:
//
//	Title:        citation_title, og:title, JSON-LD name or headline (see
//	              htmlLDTitle), dc.title, dcterms.title, meta title,
//	              twitter:title, parsely-title, JSON-LD page name, <title>
//	              (htmlPageTitle), the first <h1>. A " | Site" suffix
//	              naming the site is cut from each. When the <title>
//	              element does not hold the first of these but is another
//	              one, that one wins (htmlTitleFrom).
//	Authors:      citation_author (all), article:author when not a URL,
//	              JSON-LD author (or creator) names, dc.creator,
//	              dcterms.creator, meta author, parsely-author, byl,
//	              JSON-LD page author, the page's byline. A leading
//	              "By"/"Par"/"Por" is removed.
//	Published:    citation_publication_date, citation_date,
//	              article:published_time, JSON-LD datePublished, dc.date,
//	              dcterms.date, dc.date.issued, dcterms.issued,
//	              dcterms.created, parsely-pub-date, JSON-LD page
//	              datePublished, the first <time datetime>.
//	Publisher:    the site's name: og:site_name, JSON-LD publisher.name,
//	              citation_publisher, citation_journal_title, dc.publisher,
//	              JSON-LD page publisher.
//	CanonicalURL: <link rel=canonical>, og:url (resolved against the base).
//	DOI:          citation_doi, prism.doi, dc.identifier holding a DOI.
//	Language:     <html lang>, content-language, dc.language, og:locale.
//	Description:  description, og:description, JSON-LD description,
//	              twitter:description.
//
// Mozilla Readability, whose output the evaluation pages carry, reads
// JSON-LD before the meta tags. The reader keeps the meta tags first, as
// ResolveURL documents: they are what the publisher chose to show, while
// JSON-LD is often generated from another field of the CMS. Where the two
// disagree on the title, the <title> element decides (see above), which
// gives Readability's answer on the evaluation pages. The byline search
// follows Readability's rules (htmlPageByline).

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

// metaValue returns the value of the first meta tag named by the first key
// that has one.
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

// htmlLD is what the reader takes from one JSON-LD object.
type htmlLD struct {
	headline, name, published, description, publisher string
	authors                                           []string
}

// htmlLDArticleTypes are the schema.org types Readability reads as
// articles; any other type whose name ends in "Article" or "Posting"
// counts too.
var htmlLDArticleTypes = []string{"Article", "NewsArticle", "ScholarlyArticle", "BlogPosting", "AnalysisNewsArticle",
	"OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
	"AdvertiserContentArticle", "SatiricalArticle", "MedicalScholarlyArticle", "TechArticle", "APIReference", "Report",
	"LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting"}

// htmlLDKind says whether a JSON-LD @type names an article (1), a web page
// (2) or neither (0).
func htmlLDKind(v any) int {
	kind := 0
	check := func(s string) {
		if i := strings.LastIndexAny(s, "/:#"); i >= 0 { // "http://schema.org/NewsArticle", "schema:Article"
			s = s[i+1:]
		}
		switch {
		case htmlLDArticleType(s):
			kind = 1
		case kind == 0 && strings.HasSuffix(s, "Page"):
			kind = 2
		}
	}
	switch v := v.(type) {
	case string:
		check(v)
	case []any:
		for _, e := range v[:min(len(v), 16)] {
			if s, ok := e.(string); ok {
				check(s)
			}
		}
	}
	return kind
}

// htmlLDArticleType reports a schema.org type name of an article.
func htmlLDArticleType(s string) bool {
	for _, a := range htmlLDArticleTypes {
		if s == a {
			return true
		}
	}
	return strings.HasSuffix(s, "Article") || strings.HasSuffix(s, "Posting")
}

// htmlReadJSONLD parses the page's JSON-LD scripts in order and returns the
// first article object and, when there is none, the first web page object.
// Invalid JSON is ignored.
func htmlReadJSONLD(t *htmlTree) (article, page htmlLD) {
	var art, pg map[string]any
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
			switch htmlLDKind(m["@type"]) {
			case 1:
				if art == nil {
					art = m
				}
			case 2:
				if pg == nil {
					pg = m
				}
			}
		})
		if art != nil {
			break
		}
	}
	if art != nil {
		return htmlLDFrom(art), htmlLD{}
	}
	if pg != nil {
		return htmlLD{}, htmlLDFrom(pg)
	}
	return htmlLD{}, htmlLD{}
}

func htmlLDFrom(m map[string]any) htmlLD {
	var ld htmlLD
	ld.headline = htmlCollapseSpace(ldString(m["headline"]))
	ld.name = htmlCollapseSpace(ldString(m["name"]))
	ld.published = ldString(m["datePublished"])
	ld.description = ldString(m["description"])
	ld.publisher = htmlCollapseSpace(ldName(m["publisher"]))
	ld.authors = ldNames(m["author"])
	if len(ld.authors) == 0 {
		ld.authors = ldNames(m["creator"])
	}
	return ld
}

// ldWalk calls f for every object in v, through arrays, @graph and a page's
// mainEntity, in document order.
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
		if e, ok := v["mainEntity"]; ok {
			ldWalk(e, depth+1, f)
		}
	}
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
	return htmlTitleFrom(t, &htmlLDOnce{t: t})
}

// htmlLDOnce parses the page's JSON-LD when first asked: the title often
// needs none of it.
type htmlLDOnce struct {
	t         *htmlTree
	done      bool
	art, page htmlLD
}

func (o *htmlLDOnce) get() (art, page htmlLD) {
	if !o.done {
		o.art, o.page = htmlReadJSONLD(o.t)
		o.done = true
	}
	return o.art, o.page
}

// htmlTitleFrom returns the page's title from its meta tags and JSON-LD,
// or else from its <title> element. The site's name cut from the end of a
// title is og:site_name or, without it, JSON-LD's publisher.
func htmlTitleFrom(t *htmlTree, ld *htmlLDOnce) string {
	site := t.metaValue("og:site_name")
	if site == "" {
		art, page := ld.get()
		site = art.publisher + page.publisher
	}
	raw := t.titleText()
	pageTitle := htmlTrimSiteName(raw, site)
	candidate := func(i int) string {
		var s string
		switch i {
		case 0:
			s = t.metaValue("citation_title")
		case 1:
			s = t.metaValue("og:title")
		case 2:
			art, _ := ld.get()
			s = htmlLDTitle(art, pageTitle)
		case 3:
			s = t.metaValue("dc.title", "dc:title", "dcterms.title", "dcterms:title", "title")
		case 4:
			s = t.metaValue("twitter:title", "parsely-title")
		case 5:
			_, page := ld.get()
			s = htmlLDTitle(page, pageTitle)
		}
		if s == "" {
			return ""
		}
		return htmlTrimSuffixSite(htmlCollapseSpace(s), site)
	}
	first := ""
	for i := range 6 {
		s := candidate(i)
		if s == "" {
			continue
		}
		if first == "" {
			first = s
			if pageTitle == "" || htmlHasWords(raw, s) {
				return s
			}
			continue
		}
		// the <title> element settles a disagreement: og:title and
		// twitter:title are often a headline rewritten for sharing, so
		// when the <title> does not hold the first candidate and is
		// another one, that one wins
		if htmlHasWords(pageTitle, s) && htmlHasWords(s, pageTitle) {
			return s
		}
	}
	if first != "" {
		return first
	}
	return pageTitle
}

// htmlHasMetaTitle reports whether the page names its title anywhere but
// in the <title> element (as htmlTitleFrom reads it).
func htmlHasMetaTitle(t *htmlTree, art, page htmlLD) bool {
	return art.name != "" || art.headline != "" || page.name != "" || page.headline != "" ||
		t.metaValue("citation_title", "og:title", "dc.title", "dc:title", "dcterms.title", "dcterms:title", "title",
			"twitter:title", "parsely-title") != ""
}

// htmlHasWords reports whether the words of b appear in a, in order and
// together, ignoring case, punctuation and white space.
func htmlHasWords(a, b string) bool {
	wa, wb := htmlWords(a), htmlWords(b)
	if len(wb) == 0 {
		return false
	}
	for i := 0; i+len(wb) <= len(wa); i++ {
		if slices.Equal(wa[i:i+len(wb)], wb) {
			return true
		}
	}
	return false
}

// htmlLDTitle chooses between a JSON-LD object's name and headline as
// Readability does: when both are there and differ, the headline if it
// matches the <title> and the name does not, else the name. (Wikipedia's
// headline is a description, its name the title; some sites put their own
// name in "name".)
func htmlLDTitle(ld htmlLD, pageTitle string) string {
	if ld.name == "" || ld.headline == "" || ld.name == ld.headline {
		return ld.name + ld.headline
	}
	if htmlTextSimilarity(ld.headline, pageTitle) > 0.75 && htmlTextSimilarity(ld.name, pageTitle) <= 0.75 {
		return ld.headline
	}
	return ld.name
}

// htmlTextSimilarity is Readability's measure of how much of b a holds:
// one minus the share of b's text (its words joined by spaces) made of
// words a lacks.
func htmlTextSimilarity(a, b string) float64 {
	wa, wb := htmlWords(a), htmlWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	total, uniq, nUniq := len(wb)-1, 0, 0
	for _, w := range wb {
		total += len(w)
		found := false
		for _, x := range wa {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			uniq += len(w)
			nUniq++
		}
	}
	if nUniq > 0 {
		uniq += nUniq - 1
	}
	return 1 - float64(uniq)/float64(total)
}

// htmlWords returns the lower-cased runs of letters and digits of s, at most
// 256 of them.
func htmlWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return f[:min(len(f), 256)]
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

// htmlPageTitle returns the <title> element's text without the site's name
// (title, from htmlTrimSiteName) or, when that is shorter than 15 or longer
// than 150 characters, the text of the page's <h1> if it has exactly one,
// as Readability does. It gives only Meta.Title: the content stage, which
// drops a heading that repeats the title, sees the <title> text.
func htmlPageTitle(t *htmlTree, title string) string {
	if n := utf8.RuneCountInString(title); n >= 15 && n <= 150 {
		return title
	}
	h1 := int32(-1)
	for i := range t.nodes {
		if t.nodes[i].tag == atom.H1 && t.nodes[i].kind == htmlElement {
			if h1 >= 0 {
				return title
			}
			h1 = int32(i)
		}
	}
	if h1 < 0 {
		return title
	}
	if s := htmlCollapseSpace(htmlSubtreeText(t, h1, 400)); s != "" {
		return s
	}
	return title
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

// htmlSubtreeTextOK returns the text of node n and its descendants as
// written (white space kept, character references decoded, hidden
// elements left out), or "" with ok false when it is longer than limit
// bytes or its subtree holds more than 4·limit nodes.
func htmlSubtreeTextOK(t *htmlTree, n int32, limit int) (string, bool) {
	var sb strings.Builder
	end := htmlLastDesc(t, n)
	if int(end-n) > 4*limit {
		return "", false
	}
	for i := n; i <= end; i++ {
		node := &t.nodes[i]
		if node.kind == htmlElement {
			if node.flags&htmlFlagGone != 0 {
				i = htmlLastDesc(t, i)
			}
			continue
		}
		raw := t.src[node.start:node.end]
		if sb.Len()+len(raw) > limit {
			return "", false
		}
		if bytes.IndexByte(raw, '&') >= 0 {
			sb.WriteString(htmlUnescape(string(raw)))
		} else {
			sb.Write(raw)
		}
	}
	return sb.String(), true
}

// htmlSubtreeText is htmlSubtreeTextOK without the flag.
func htmlSubtreeText(t *htmlTree, n int32, limit int) string {
	s, _ := htmlSubtreeTextOK(t, n, limit)
	return s
}

// htmlLastDesc returns the last node of n's subtree: a subtree is the
// range of node indexes [n, htmlLastDesc(n)].
func htmlLastDesc(t *htmlTree, n int32) int32 {
	for t.nodes[n].last >= 0 {
		n = t.nodes[n].last
	}
	return n
}

// htmlPageByline finds the page's byline element the way Readability does:
// the first element in document order whose rel is "author", whose
// itemprop holds "author", or whose class or id holds "byline", "author",
// "dateline", "writtenby" or "p-author", and whose text, trimmed, is 1 to
// 99 characters long. Hidden elements and unlikely candidates (class or id
// of page chrome such as "banner" or "sidebar", ARIA roles such as
// navigation) are passed over with everything inside them, as Readability
// removes them before it gets there. When the element holds an element
// with itemprop "name", that element's text is the byline. Unlike
// Readability, an element whose text names nobody (a date line, see
// htmlNamesNobody) is passed over and the search goes on.
//
// Readability looks for the byline again, without passing over unlikely
// candidates, when stripping them left too little of the article: a
// page whose article sits inside an element with a class like "header".
// The reader does the same when the content extraction had to keep
// unlikely candidates (c.noUnlikely) and the first search found nothing.
func htmlPageByline(t *htmlTree, c *htmlContent) string {
	if b := htmlFindByline(t, c, true); b != "" || !c.noUnlikely {
		return b
	}
	return htmlFindByline(t, c, false)
}

// htmlFindByline is one search of htmlPageByline; stripUnlikely says
// whether unlikely candidates are passed over.
func htmlFindByline(t *htmlTree, c *htmlContent, stripUnlikely bool) string {
	nodes := t.nodes
	tried := 0
	for i := int32(1); i < int32(len(nodes)); i++ {
		n := &nodes[i]
		if n.kind != htmlElement {
			continue
		}
		if n.flags&htmlFlagGone != 0 {
			i = htmlLastDesc(t, i)
			continue
		}
		ci := c.info(i)
		if (n.flags&htmlFlagByline != 0 || ci.byline) && tried < 256 {
			tried++
			if s, ok := htmlBylineText(t, i); ok {
				if b := htmlCleanByline(s); b != "" {
					return b
				}
				i = htmlLastDesc(t, i) // Readability removes it
				continue
			}
		}
		if !stripUnlikely {
			continue
		}
		if ci.unlikely && !ci.maybe && n.tag != atom.Body && n.tag != atom.A &&
			!c.hasAncestor(i, atom.Table, 3) && !c.hasAncestor(i, atom.Code, 3) ||
			n.flags&htmlFlagChrome != 0 && htmlUnlikelyRole(t, i) {
			i = htmlLastDesc(t, i)
		}
	}
	return ""
}

// htmlBylineText returns the text of a byline candidate, or of its
// itemprop="name" descendant; ok is false when the candidate's text is
// empty or 100 characters or longer.
func htmlBylineText(t *htmlTree, n int32) (string, bool) {
	s, ok := htmlSubtreeTextOK(t, n, 1024)
	if !ok {
		return "", false
	}
	s = strings.TrimSpace(s)
	if l := htmlUTF16Len(s); l == 0 || l >= 100 {
		return "", false
	}
	end := htmlLastDesc(t, n)
	for i := n + 1; i <= end; i++ {
		if t.nodes[i].kind == htmlElement && t.nodes[i].flags&htmlFlagGone == 0 &&
			strings.Contains(htmlRawAttrValue(t, i, "itemprop"), "name") {
			if name := strings.TrimSpace(htmlSubtreeText(t, i, 1024)); name != "" {
				return name, true
			}
		}
	}
	return s, true
}

// htmlUTF16Len is the length of s in UTF-16 code units, as JavaScript
// counts it.
func htmlUTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// htmlRawAttrValue reads one attribute of element n from its start tag.
func htmlRawAttrValue(t *htmlTree, n int32, key string) string {
	raw := t.src[t.nodes[n].start:t.nodes[n].end]
	first := true
	for i := 1; ; {
		a, next, ok := htmlNextAttr(raw, i)
		if !ok {
			return ""
		}
		i = next
		if first { // the tag name reads as the first "attribute"
			first = false
			continue
		}
		if htmlKeyIs(a.key, key) {
			return htmlAttrString(a.val)
		}
	}
}

// htmlUnlikelyRole reports the ARIA roles whose elements Readability drops
// before looking for the byline.
func htmlUnlikelyRole(t *htmlTree, n int32) bool {
	switch strings.ToLower(strings.TrimSpace(htmlRawAttrValue(t, n, "role"))) {
	case "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog":
		return true
	}
	return false
}

// htmlCleanByline turns a byline's text into a name: each line with its
// white space collapsed and stray separators trimmed, lines that name
// nobody (dates, a lone "By") dropped, a leading "By", "Par", "Por" or
// "Written by" removed.
func htmlCleanByline(s string) string {
	var kept []string
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Trim(htmlCollapseSpace(line), " |•·,;:-–—/")
		if line == "" || htmlNamesNobody(line) {
			continue
		}
		if len(kept) == 0 {
			line = htmlTrimBy(line)
		}
		if line != "" {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, " ")
}

// htmlTrimBy removes a leading "By" (in English, French, Spanish or
// Portuguese) from a byline.
func htmlTrimBy(s string) string {
	for _, by := range []string{"written by", "by", "par", "por"} {
		if len(s) >= len(by) && strings.EqualFold(s[:len(by)], by) {
			rest := s[len(by):]
			if rest == "" {
				return ""
			}
			if rest[0] == ' ' || rest[0] == ':' {
				return strings.TrimLeft(rest, " :")
			}
		}
	}
	return s
}

// htmlDateWords are the words a date line is written with: month and day
// names and their abbreviations, clock and time-zone words, ordinal
// suffixes and the words sites put before a date.
var htmlDateWords = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
	"thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "a", "m", "p", "at", "on", "st", "nd", "rd", "th",
	"updated", "published", "posted", "modified", "last", "utc", "gmt", "et", "pt", "ct", "est", "edt", "pst", "pdt",
	"cst", "cdt", "bst", "cet", "cest", "by", "par", "por", "written"}

// htmlNamesNobody reports a byline line with no word outside
// htmlDateWords: a date or time ("April 28, 2019 at 6:01 am", "Updated
// 12:03 GMT"), or a lone "By".
func htmlNamesNobody(s string) bool {
	for _, w := range htmlWords(s) {
		w = strings.TrimLeftFunc(w, unicode.IsDigit) // "28th" is "th"
		if w == "" {
			continue
		}
		found := false
		for _, d := range htmlDateWords {
			if w == d {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// htmlAuthorKeys are the meta tags that name authors after JSON-LD, in
// priority order.
var htmlAuthorKeys = []string{"dc.creator", "dc:creator", "dcterms.creator", "dcterms:creator", "author",
	"parsely-author", "byl"}

// htmlMetaNames returns the values of the first of the meta tags named by
// keys that has values other than URLs (article:author often holds the
// author's page), without the URLs.
func htmlMetaNames(t *htmlTree, keys ...string) []string {
	for _, k := range keys {
		var names []string
		for _, v := range t.metaValues(k) {
			if !htmlIsURL(v) {
				names = append(names, v)
			}
		}
		if len(names) > 0 {
			return names
		}
	}
	return nil
}

// readHTMLMeta fills m from what the tokenizer pass and the extraction
// collected.
func readHTMLMeta(t *htmlTree, c *htmlContent, m *Meta) {
	art, page := htmlReadJSONLD(t)
	m.Title = c.title
	if !htmlHasMetaTitle(t, art, page) {
		m.Title = htmlPageTitle(t, c.title)
	}
	if m.Title == "" {
		m.Title = c.h1
	}

	m.Authors = t.metaValues("citation_author")
	if len(m.Authors) == 0 {
		m.Authors = htmlMetaNames(t, "article:author", "og:article:author")
	}
	if len(m.Authors) == 0 {
		m.Authors = art.authors
	}
	if len(m.Authors) == 0 {
		m.Authors = htmlMetaNames(t, htmlAuthorKeys...)
	}
	if len(m.Authors) == 0 {
		m.Authors = page.authors
	}
	if len(m.Authors) == 0 {
		if b := htmlPageByline(t, c); b != "" {
			m.Authors = []string{b}
		}
	}
	m.Authors = htmlCleanAuthors(m.Authors)

	m.Published = t.metaValue("citation_publication_date", "citation_date", "article:published_time",
		"og:article:published_time")
	if m.Published == "" {
		m.Published = art.published
	}
	if m.Published == "" {
		m.Published = t.metaValue("dc.date", "dc:date", "dcterms.date", "dcterms:date", "dc.date.issued",
			"dcterms.issued", "dcterms.created", "parsely-pub-date")
	}
	if m.Published == "" {
		m.Published = page.published
	}
	if m.Published == "" {
		m.Published = t.timeAttr
	}

	m.Publisher = t.metaValue("og:site_name")
	if m.Publisher == "" {
		m.Publisher = art.publisher
	}
	if m.Publisher == "" {
		m.Publisher = t.metaValue("citation_publisher", "citation_journal_title", "dc.publisher", "dc:publisher",
			"dcterms.publisher")
	}
	if m.Publisher == "" {
		m.Publisher = page.publisher
	}
	m.Publisher = htmlCollapseSpace(m.Publisher)

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
		m.Description = art.description
	}
	if m.Description == "" {
		m.Description = t.metaValue("twitter:description")
	}
	if m.Description == "" {
		m.Description = page.description
	}
	m.Description = htmlCollapseSpace(m.Description)
}

// htmlCleanAuthors collapses white space in author names, removes a
// leading "By" and drops empty and repeated names.
func htmlCleanAuthors(in []string) []string {
	var out []string
	for _, a := range in {
		a = htmlTrimBy(htmlCollapseSpace(a))
		if a == "" {
			continue
		}
		dup := false
		for _, b := range out {
			if strings.EqualFold(a, b) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
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
