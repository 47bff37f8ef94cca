package sources

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// metaOfPage reads a page made of head and body and returns its metadata.
func metaOfPage(t *testing.T, head, body string) Meta {
	t.Helper()
	src := "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>"
	doc, err := Parse([]byte(src), ReadOptions{Format: FormatHTML})
	require.NoError(t, err)
	return doc.Meta
}

// metaArticle is enough text for the content extraction's first pass.
var metaArticle = "<p>" + strings.Repeat("The harbour report covers tides, boats and the weather in some detail. ", 12) + "</p>"

func TestHTMLMetaByline(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             []string
	}{
		{
			name: "rel author link",
			body: `<div class="meta"><a rel="author" href="/staff/ana">Ana Lee</a></div>` + metaArticle,
			want: []string{"Ana Lee"},
		},
		{
			name: "byline inside an unlikely candidate is passed over",
			body: `<div class="sidebar"><span class="author">Sidebar Sam</span></div>` +
				`<article><p class="byline">By Real Writer</p>` + metaArticle + `</article>`,
			want: []string{"Real Writer"},
		},
		{
			name: "itemprop name inside the byline",
			body: `<span itemprop="author">Reporter <span itemprop="name">Jean Dupont</span>, Paris</span>` + metaArticle,
			want: []string{"Jean Dupont"},
		},
		{
			name: "a date line is passed over",
			body: `<div class="dateline">April 28, 2019 at 6:01 am</div><span class="byline">By Kim Park</span>` + metaArticle,
			want: []string{"Kim Park"},
		},
		{
			name: "a byline's date line is dropped",
			body: "<div class=\"byline\">By Nathan Willis\n   March 25, 2015</div>" + metaArticle,
			want: []string{"Nathan Willis"},
		},
		{
			name: "100 characters or more is no byline",
			body: `<div class="author-box">` + strings.Repeat("Writes about boats. ", 6) + `</div>` +
				`<span class="byline">Lou Fair</span>` + metaArticle,
			want: []string{"Lou Fair"},
		},
		{
			name: "hidden bylines are passed over",
			body: `<span class="author" hidden>Ghost Writer</span><span class="author" style="display: none">Shy Writer</span>` +
				`<span class="author">Seen Writer</span>` + metaArticle,
			want: []string{"Seen Writer"},
		},
		{
			name: "article inside an unlikely candidate: searched again without passing over",
			body: `<div class="site_header"><div class="author_top">By Ana Sandoiu</div>` + metaArticle + `</div>`,
			want: []string{"Ana Sandoiu"},
		},
		{
			name: "meta author wins over the page",
			head: `<meta name="author" content="By Meta Person">`,
			body: `<p class="byline">By Page Person</p>` + metaArticle,
			want: []string{"Meta Person"},
		},
		{
			name: "og:article:author is article:author, a URL is not a name",
			head: `<meta property="article:author" content="https://example.com/staff/x"><meta property="og:article:author" content="Desk Staff">`,
			want: []string{"Desk Staff"},
		},
		{
			name: "JSON-LD authors, a repeated name once",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ld One"},{"name":"Ld One"},{"name":"Ld Two"}]}</script>`,
			want: []string{"Ld One", "Ld Two"},
		},
		{
			name: "article:author before JSON-LD, citation_author before both",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ld One"}}</script>
				<meta property="article:author" content="Og One">`,
			want: []string{"Og One"},
		},
		{
			name: "citation_author before everything",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ld One"}}</script>
				<meta property="article:author" content="Og One"><meta name="citation_author" content="Roe, Jane">`,
			want: []string{"Roe, Jane"},
		},
		{
			name: "no byline",
			body: metaArticle,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, metaOfPage(t, tt.head, tt.body).Authors)
		})
	}
}

func TestHTMLMetaTitle(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{
			name: "og:title",
			head: `<title>Rivers run dry | Valley Gazette</title><meta property="og:title" content="Rivers run dry">`,
			want: "Rivers run dry",
		},
		{
			name: "the title element settles a disagreement",
			head: `<title>Rivers run dry: a hands-on look - Valley Gazette</title>
				<meta property="og:site_name" content="Valley Gazette">
				<meta property="og:title" content="Rivers are running dry">
				<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rivers run dry: a hands-on look"}</script>`,
			want: "Rivers run dry: a hands-on look",
		},
		{
			name: "the first candidate stands when the title element holds it",
			head: `<title>Rivers run dry - 07.12.2017 - GAZETTE</title><meta property="og:title" content="Rivers run dry">
				<meta name="title" content="Rivers run dry - 07.12.2017">`,
			want: "Rivers run dry",
		},
		{
			name: "JSON-LD name over a descriptive headline",
			head: `<title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@context":"https://schema.org",
				"@type":"Article","name":"New Zealand","headline":"island country in the southwestern Pacific Ocean"}</script>`,
			want: "New Zealand",
		},
		{
			name: "JSON-LD headline when it matches the title element and the name does not",
			head: `<title>Rivers run dry</title><script type="application/ld+json">{"@type":"BlogPosting",
				"name":"Valley Gazette","headline":"Rivers run dry"}</script>`,
			want: "Rivers run dry",
		},
		{
			name: "site name cut from a meta title",
			head: `<meta property="og:site_name" content="Gazette"><meta property="og:title" content="Rivers run dry – Gazette">`,
			want: "Rivers run dry",
		},
		{
			name: "a short title element gives way to the only h1",
			head: `<title>Home</title>`,
			body: `<h1>Rivers run dry this summer</h1>` + metaArticle,
			want: "Rivers run dry this summer",
		},
		{
			name: "not with two h1",
			head: `<title>Home</title>`,
			body: `<h1>Rivers run dry</h1><h1>Other news</h1>` + metaArticle,
			want: "Home",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, metaOfPage(t, tt.head, tt.body).Title)
		})
	}
}

func TestHTMLMetaPublisherAndDate(t *testing.T) {
	m := metaOfPage(t, `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
		{"@type":"WebPage","name":"Page","publisher":{"name":"Page Co"},"datePublished":"2020-01-01"},
		{"@type":"ReportageNewsArticle","headline":"Flood","publisher":{"name":"Daily Flood Ltd"},"datePublished":"2022-02-02"}]}</script>
		<meta property="og:site_name" content="Daily Flood">`, metaArticle)
	assert.Equal(t, "Flood", m.Title)
	assert.Equal(t, "Daily Flood", m.Publisher, "og:site_name is the site's own name")
	assert.Equal(t, "2022-02-02", m.Published, "the article object, not the page")

	m = metaOfPage(t, `<script type="application/ld+json">{"@type":"WebPage","name":"About us","publisher":{"name":"Page Co"},
		"datePublished":"2020-01-01","mainEntity":{"@type":"schema:Article","headline":"Inside","datePublished":"2021-03-04"}}</script>`, "")
	assert.Equal(t, "Inside", m.Title, "a page's mainEntity article")
	assert.Equal(t, "2021-03-04", m.Published)

	m = metaOfPage(t, `<script type="application/ld+json">{"@type":"WebPage","name":"About us","publisher":{"name":"Page Co"},
		"datePublished":"2020-01-01"}</script><meta property="article:published_time" content="2019-05-06">`, "")
	assert.Equal(t, "About us", m.Title, "a web page object when there is no article")
	assert.Equal(t, "Page Co", m.Publisher)
	assert.Equal(t, "2019-05-06", m.Published, "meta tags before a web page object")
}

func TestHTMLCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Roe", "Jane Roe"},
		{"BY: JANE ROE |", "JANE ROE"},
		{"Par Sébastien Farcis", "Sébastien Farcis"},
		{"Por  Ana  Souza", "Ana Souza"},
		{"Written by Rob Ewaschuk\n   Edited by Betsy Beyer", "Rob Ewaschuk Edited by Betsy Beyer"},
		{"By\n  Kim Park\n  Updated 12:03 GMT", "Kim Park"},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", ""},
		{"Byron Katie", "Byron Katie"},
		{"Parker Lee", "Parker Lee"},
		{"May Brown", "May Brown"},
		{"Tuesday 3rd March 2020", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, htmlCleanByline(tt.in), tt.in)
	}
}

func TestHTMLTextSimilarity(t *testing.T) {
	assert.InDelta(t, 1.0, htmlTextSimilarity("Rivers run dry", "rivers RUN dry"), 1e-9)
	assert.InDelta(t, 0.0, htmlTextSimilarity("Boats", "Rivers run dry"), 1e-9)
	// "wikipedia" (9 of 21 characters) is missing from the first
	assert.InDelta(t, 12.0/21, htmlTextSimilarity("New Zealand", "New Zealand - Wikipedia"), 1e-9)
	assert.InDelta(t, 0.0, htmlTextSimilarity("", "x"), 1e-9)
}

// FuzzHTMLMeta checks the metadata of any page: reading never panics, and
// every value is trimmed, on one line, and valid UTF-8 when the page is.
func FuzzHTMLMeta(f *testing.F) {
	for _, s := range []string{
		`<span class="byline">By <span itemprop="name">A</span></span><div class="dateline">May 1</div>`,
		`<div class="site_header"><a rel="author">X</a><div class="author"><div class="author">` + metaArticle + `</div></div></div>`,
		`<title>A | B</title><meta property="og:title" content="C"><meta name="title" content="A">`,
		`<script type="application/ld+json">[{"@type":["WebPage"],"mainEntity":{"@type":"NewsArticle","name":"n","headline":"h",
			"author":{"name":" By  Q "},"publisher":"P"}}]</script>`,
		`<title></title><h1>  </h1><span itemprop="author" role="navigation">` + "\n\n" + `</span>`,
		`<div role="menu"><span class="author">M</span></div><span class="p-author">By` + "\n" + `Updated 3 pm</span>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src, ReadOptions{Format: FormatHTML})
		if err != nil {
			return
		}
		m := doc.Meta
		for _, v := range append([]string{m.Title, m.Publisher}, m.Authors...) {
			if strings.TrimSpace(v) != v || strings.ContainsAny(v, "\n\r") {
				t.Fatalf("value %q is not trimmed to one line", v)
			}
		}
		for _, a := range m.Authors {
			if a == "" {
				t.Fatal("empty author")
			}
		}
	})
}
