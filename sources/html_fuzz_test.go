package sources

import (
	"strings"
	"testing"
)

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "html")
	for _, s := range []string{
		`<p>a<sup class="reference"><a href="#n1">[1]</a></sup></p><ol><li id="n1"><a href="#r">^</a> note</li></ol>`,
		`<ul><li>a<li>b<ol><li>c</ul></ol><table><tr><td>x<td>y</table><p>p<p>q`,
		`<a href="x"><a href="y">nested</a></a><sup><sup>2</sup></sup><div id="d"><p id="e">t</div>`,
		"<meta charset=windows-1252><p>caf\xe9 \x93q\x94 &amp &notit; &#0; &#x110000; &#55296;",
		"\xef\xbb\xbf<title>t</title><svg><title>s</title><style>x</style></svg><p>after</p>",
		"<script>if (a<b) {}</script><textarea>&lt;p&gt;</textarea><pre>\n  code\n</pre>",
		`<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"h","author":[{"name":1}]}]}</script>`,
		"<p>\u00a0\u3000&nbsp;</p><p></p><br><p>x</p>",
		"<div", "</p></br><p>", "<!-- c --><!DOCTYPE x><p>&", "\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s))
	}
	// a plain-text document in <pre> pages, read as text (html_pre.go)
	f.Add([]byte("<pre>1. Intro\n\n" + strings.Repeat("   the server keeps the documents of every user it serves\n", 24) +
		"\n<span>Page 1</span></pre><pre>[<a id=\"r\">R</a>]\n  Doe, J., &quot;T&quot;, 2014.\n\n\n</pre><figure><figcaption>x<sup class=\"reference\"><a href=\"#r\">1</a></sup></figcaption></figure>"))
	f.Add(genSupLine(200)) // an adversarial shape of bounds_test.go
	f.Add(encodeWide("<p>a<sup><a href=\"#n\">1</a></sup></p>", unitUTF32BE, false))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := &Document{Format: FormatHTML, Src: src, Charset: "utf-8"}
		if err := parseHTML(doc, "https://example.com/a/b"); err != nil {
			return
		}
		checkInvariants(t, doc)
		for i := 1; i < len(doc.Links); i++ {
			if doc.Links[i-1].Span.Start > doc.Links[i].Span.Start {
				t.Fatalf("links %v and %v out of order", doc.Links[i-1].Span, doc.Links[i].Span)
			}
		}
		for i := 1; i < len(doc.Anchors); i++ {
			if doc.Anchors[i-1].Span.Start > doc.Anchors[i].Span.Start {
				t.Fatalf("anchors %v and %v out of order", doc.Anchors[i-1].Span, doc.Anchors[i].Span)
			}
		}
	})
}
