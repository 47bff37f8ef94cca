package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// parseHTML reads an HTML test document.
func parseHTML(t testing.TB, src string) *sources.Document {
	t.Helper()
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Format: sources.FormatHTML})
	require.NoError(t, err)
	return doc
}

// An entry whose title links to the work takes the link as its URL (see
// outboundLinks.titleLink).
func TestEntryURLFromItsLinkedTitle(t *testing.T) {
	doc := parseHTML(t, `<html><head><link rel="canonical" href="https://en.wikipedia.org/wiki/New_Zealand"></head><body>
		<p>Text.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p><h2>References</h2><ol class="references">
		<li id="cite_note-1"><cite>McLintock, Alexander, ed. (2009) [1966]. <a class="external text" href="https://teara.govt.nz/en/1966/tattooing"><i>Tattooing</i></a>. An Encyclopaedia of New Zealand.</cite></li>
		<li id="cite_note-2"><cite>Sinclair, Keith (2000). <i>A History of New Zealand</i>. <a href="https://penguin.example/">Penguin</a>.</cite></li>
		<li id="cite_note-3"><cite>King, Michael (2003). <i><a href="https://en.wikipedia.org/wiki/The_Penguin_History_of_New_Zealand">The Penguin History of New Zealand</a></i>. Penguin.</cite></li>
		<li id="cite_note-4"><cite>Bain, C. (2006). <a href="https://lonely.example/nz">"New Zealand"</a>. https://lonelyplanet.example/nz.</cite></li>
		</ol></body></html>`)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	var urls []string
	for _, e := range lists[0].Entries {
		urls = append(urls, e.URL)
	}
	assert.Equal(t, []string{
		"https://teara.govt.nz/en/1966/tattooing",
		"",                                // the link is the publisher's
		"",                                // the page's own site, about the book
		"https://lonelyplanet.example/nz", // the address the entry prints comes first
	}, urls)
}
