package citecheck_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources/resolve"
)

// checkSource checks a small article given as a string; its name says its
// format.
func checkSource(t *testing.T, name, src string) *citecheck.Report {
	t.Helper()
	r, err := citecheck.Check(context.Background(), strings.NewReader(src), citecheck.Options{Name: name})
	require.NoError(t, err)
	return r
}

// citationFindings returns "severity code: message" for each finding of
// the citation rules, in order.
func citationFindings(r *citecheck.Report) []string {
	var out []string
	for _, f := range r.Findings {
		switch f.Code {
		case citecheck.CodeUncitedClaim, citecheck.CodeAnachronisticCite:
			continue
		}
		out = append(out, string(f.Severity)+" "+f.Code+": "+f.Message)
	}
	return out
}

func TestUnresolvedCitationMessages(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{
			name: "an undefined Markdown footnote is named as written",
			file: "notes.md",
			src:  "# Notes\n\nUnemployment fell in 2019.[^1] It rose again in 2020.[^3]\n\n[^1]: Bureau of Labor Statistics (2020). Employment Situation.\n",
			want: []string{`error unresolved-citation: citation [^3] has no reference entry: no footnote definition "[^3]: …" in the text`},
		},
		{
			name: "a superscript is named as written, and the list's numbers are given",
			file: "railways.txt",
			src: "The line closed in 1965.¹ It carried 200,000 passengers a year.² Reopening it would cost £775 million.³ " +
				"About 97% of the trackbed is free of buildings.⁴\n\nNotes\n\n" +
				"1. John Davies, A History of Wales (London: Penguin, 2007), 612.\n2. Davies, History of Wales, 615.\n" +
				"3. Traws Link Cymru, Reopening the Line (Aberystwyth: TLC, 2016), 14.\n5. Welsh Government, Feasibility Study (Cardiff: Welsh Government, 2018), 22.\n",
			want: []string{`error unresolved-citation: citation "⁴" has no reference entry: no entry is numbered 4 (the list has 4 entries, numbered 1–3, 5)`,
				"warning orphan-reference: reference r4 (5. Welsh Government, Feasibility Study (Cardiff: Welsh…) is not cited in the text"},
		},
		{
			name: "a number in a text that cites by author and year",
			file: "heat.md",
			src: "# Heat\n\nHeat deaths rose 30% (Ballester et al., 2023). Tree cover cools streets by 2 °C [2]. " +
				"Cities are 7 °C warmer at night (Oke, 1982).\n\n## References\n\n" +
				"Ballester, J., Quijal-Zamorano, M., & Achebe, R. (2023). Heat-related mortality in Europe. Nature Medicine, 29, 1857–1866.\n\n" +
				"Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal of the Royal Meteorological Society, 108, 1–24.\n",
			want: []string{"error unresolved-citation: citation [2] has no reference entry: the text cites by author and year, and its list is not numbered"},
		},
		{
			name: "footnote definitions are notes apart from the numbered list after them",
			file: "pumps.md",
			src: "# Heat pumps\n\nSales rose 38% in 2022.[^1] Germany aims to install 500,000 a year [3].\n\n" +
				"[^1]: EHPA, \"European Heat Pump Market Report 2023\", https://www.ehpa.org/market-report-2023\n\n" +
				"## Sources\n\n1. EHPA (2023). European Heat Pump Market Report 2023.\n2. Bundesregierung (2022). Heat pump summit statement.\n",
			want: []string{"error unresolved-citation: citation [3] has no reference entry: no entry is numbered 3 (the Sources list has 2 entries)",
				"warning orphan-reference: reference r2 (Bundesregierung (2022). Heat pump summit statement.) is not cited in the text"},
		},
		{
			name: "a named Markdown footnote keeps its name",
			file: "notes.md",
			src:  "# Notes\n\nUnemployment fell in 2019.[^bls] It rose again in 2020.[^fed-2021]\n\n[^bls]: Bureau of Labor Statistics (2020). Employment Situation.\n",
			want: []string{`error unresolved-citation: citation [^fed-2021] has no reference entry: no footnote definition "[^fed-2021]: …" in the text`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, citationFindings(checkSource(t, tt.file, tt.src)))
		})
	}
}

func TestDuplicateReferenceOfAnotherDocument(t *testing.T) {
	const body = "Servers MUST honour conditional requests [COND] and range requests [RANGE].\n\nReferences\n\n" +
		"[COND] Fielding et al., \"Hypertext Transfer Protocol (HTTP/1.1): Conditional Requests\", RFC7232, June 2014.\n\n"
	tests := []struct {
		name, second string
		want         []string
	}{
		{"one title copied onto another RFC",
			"[RANGE] Fielding et al., \"Hypertext Transfer Protocol (HTTP/1.1): Conditional Requests\", RFC 7233, June 2014.\n",
			[]string{"warning duplicate-reference: reference r2 gives the author, year and title of r1 (line 5) to another document (RFC 7233, not RFC 7232): one of them misdescribes its work"}},
		{"the same RFC listed twice",
			"[RANGE] Fielding et al., \"Hypertext Transfer Protocol (HTTP/1.1): Conditional Requests\", RFC 7232, June 2014.\n",
			[]string{"warning duplicate-reference: reference r2 lists the same work as r1 (line 5)"}},
		{"another RFC with its own title",
			"[RANGE] Fielding et al., \"Hypertext Transfer Protocol (HTTP/1.1): Range Requests\", RFC7233, June 2014.\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, citationFindings(checkSource(t, "draft.txt", body+tt.second)))
		})
	}
}

// citationStatuses returns "text status reference" for each citation.
func citationStatuses(r *citecheck.Report) []string {
	var out []string
	for _, c := range r.Citations {
		ref := c.Reference
		if ref == "" {
			ref = "-"
		}
		out = append(out, c.Text+" "+string(c.Status)+" "+ref)
	}
	return out
}

func TestSourcesListOfLinks(t *testing.T) {
	tests := []struct{ name, file, src string }{
		{"Markdown", "housing.md", "# Housing\n\nRents rose 12% last year, according to [the census](https://www.census.gov/rents-2023) and a [Fed study](https://fed.gov/study).\n\n" +
			"## Sources\n\n- [Rents in 2023](https://www.census.gov/rents-2023)\n- [A Fed study of housing](https://fed.gov/study)\n"},
		{"HTML", "housing.html", `<html><body><article><h1>Housing</h1>
<p>Rents rose 12% last year, according to <a href="https://www.census.gov/rents-2023">the census</a> and a <a href="https://fed.gov/study">Fed study</a>.</p>
<h2>Sources</h2><ul><li><a href="https://www.census.gov/rents-2023">Rents in 2023</a></li><li><a href="https://fed.gov/study">A Fed study of housing</a></li></ul>
</article></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSource(t, tt.file, tt.src)
			assert.Equal(t, []string{"the census resolved r1", "Fed study resolved r2"}, citationStatuses(r))
			require.Len(t, r.References, 2)
			assert.Equal(t, "https://www.census.gov/rents-2023", r.References[0].URL)
			assert.Equal(t, "https://fed.gov/study", r.References[1].URL)
			assert.Empty(t, citationFindings(r))
		})
	}
}

func TestCitationsWithTheirOwnSource(t *testing.T) {
	const hughes = "Glaciers are retreating faster than predicted (Hughes et al., 2018, https://doi.org/10.1038/nature25746)."
	tests := []struct {
		name, file, src string
		statuses        []string
		findings        []string
	}{
		{
			name:     "a citation with its DOI needs no reference list",
			file:     "glaciers.txt",
			src:      hughes + "\n",
			statuses: []string{"Hughes et al., 2018 unlisted -"},
		},
		{
			name:     "nor does a DOI written in the text",
			file:     "ocean.md",
			src:      "# Ocean heat\n\nThe ocean absorbed 90% of the excess heat, as shown in doi:10.1038/nature12373 by a team in 2013.\n",
			statuses: []string{"doi:10.1038/nature12373 unlisted -"},
		},
		{
			name:     "a list lacking the work: unlisted, not unresolved",
			file:     "glaciers.txt",
			src:      hughes + " Seas rose too (Smith, 2019).\n\nReferences\n\nSmith, J. (2019). Sea level. Oceans, 2, 3–4.\n",
			statuses: []string{"Hughes et al., 2018 unlisted -", "Smith, 2019 resolved r1"},
		},
		{
			name: "an entry with the DOI resolves it, whatever the name cited",
			file: "glaciers.txt",
			src: "Glaciers are retreating faster than predicted (NSIDC, 2018, https://doi.org/10.1038/nature25746).\n\nReferences\n\n" +
				"Hughes, A., & Lee, B. (2018). Glacier retreat. Nature, 5, 1–2. https://doi.org/10.1038/nature25746\n",
			statuses: []string{"NSIDC, 2018 resolved r1"},
		},
		{
			name: "a DOI in the body is a citation, a DOI in an entry is the entry's",
			file: "ocean.md",
			src: "# Ocean heat\n\nThe ocean absorbed 90% of the excess heat, as shown in doi:10.1038/nature12373 and later (Smith, 2019).\n\n" +
				"## References\n\n1. Smith, J. (2019). Ocean heat. *Nature*, 5, 1–2. doi:10.1038/nature99999\n",
			statuses: []string{"doi:10.1038/nature12373 unlisted -", "Smith, 2019 resolved r1"},
		},
		{
			name:     "the same DOI in the body and in an entry",
			file:     "ocean.md",
			src:      "# Ocean heat\n\nThe ocean absorbed 90% of the excess heat, as shown in doi:10.1038/nature99999.\n\n## References\n\n1. Smith, J. (2019). Ocean heat. *Nature*, 5, 1–2. doi:10.1038/nature99999\n",
			statuses: []string{"doi:10.1038/nature99999 resolved r1"},
		},
		{
			name:     "only the citations without a source count towards a missing list",
			file:     "glaciers.txt",
			src:      hughes + " Seas rose too (Smith, 2019).\n",
			statuses: []string{"Hughes et al., 2018 unlisted -", "Smith, 2019 unresolved -"},
			findings: []string{
				"error missing-reference-list: the text has 1 citation but no reference list (no References, Bibliography, Sources or Notes section)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSource(t, tt.file, tt.src)
			assert.Equal(t, tt.statuses, citationStatuses(r))
			assert.Equal(t, tt.findings, citationFindings(r))
		})
	}
}

func TestResolveCitationsWithTheirOwnSource(t *testing.T) {
	web := newFakeWeb(t)
	opts := citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: resolve.NewMemoryCache()})}
	r := checkResolve(t, "# Sleep\n\nTeenagers remember more after sleep (Smith, 2019, doi:10.5555/good), "+
		"as doi:10.5555/missing did not show.\n", opts)
	require.Len(t, r.Citations, 2)
	for _, c := range r.Citations {
		assert.Equal(t, citations.Unlisted, c.Status, c.Text)
		require.NotNil(t, c.Source, "%s is resolved", c.Text)
	}
	assert.Equal(t, resolve.StatusOK, r.Citations[0].Source.Status)
	assert.Equal(t, "Sleep and memory consolidation in adolescents", r.Citations[0].Source.Title)
	assert.Equal(t, resolve.StatusNotFound, r.Citations[1].Source.Status)
	assert.Equal(t, []string{"error unresolvable-doi: the DOI registry does not know the DOI 10.5555/missing"}, citationFindings(r))
	for _, f := range r.Findings {
		if f.Code == citecheck.CodeUnresolvableDOI {
			assert.Equal(t, "c2", f.Citation, "reported on the citation")
		}
	}
}

func TestUnresolvedCitationSeverity(t *testing.T) {
	const list = "\n\nReferences\n\nSmith, J. (2019). Rates. Journal, 1, 2-3.\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "a sure citation a list lacks is an error",
			src:  "Rates rose (Smith, 2019; Jones, 2018)." + list,
			want: []string{`error unresolved-citation: citation "Jones, 2018" has no reference entry: no entry by Jones`},
		},
		{
			name: "a lone name before a year, kept for the text's other citations, is a warning",
			src:  "Inequality rose in the decade Gini (2014) covers, and rates rose (Smith, 2019)." + list,
			want: []string{`warning unresolved-citation: citation "Gini (2014)" has no reference entry: no entry by Gini; ` +
				`it may not be a citation: a single name before a year, read as one because the text cites by author and year elsewhere`},
		},
		{
			name: "a lone name a reporting verb follows is sure",
			src:  "Inequality rose, as Gini (2014) argued, and rates rose (Smith, 2019)." + list,
			want: []string{`error unresolved-citation: citation "Gini (2014)" has no reference entry: no entry by Gini`},
		},
		{
			name: "a missing list is one error, which carries the citations it leaves unresolved",
			src:  "Rates rose (Smith, 2019; Jones, 2018).\n",
			want: []string{
				"error missing-reference-list: the text has 2 citations but no reference list (no References, Bibliography, Sources or Notes section)",
			},
		},
		{
			name: "so is an empty list",
			src:  "Rates rose (Smith, 2019) [4].\n\nReferences\n",
			want: []string{
				`error empty-reference-list: reference list "References" has no entries but the text has 2 citations`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSource(t, "rates.txt", tt.src)
			assert.Equal(t, tt.want, citationFindings(r))
		})
	}
}

func TestClaimsRestOnWrittenSources(t *testing.T) {
	tests := []struct{ name, src, link string }{
		{"a DOI written in the sentence", "The ocean absorbed 90% of the excess heat between 1971 and 2010, as shown in doi:10.1038/nature12373.",
			"https://doi.org/10.1038/nature12373"},
		{"a DOI in an author-year group", "The ocean absorbed 90% of the excess heat between 1971 and 2010 (Hughes et al., 2018, https://doi.org/10.1038/nature25746).",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSource(t, "ocean.txt", tt.src+"\n")
			require.Len(t, r.Claims, 1)
			assert.True(t, r.Claims[0].Cited)
			assert.Len(t, r.Claims[0].Citations, 1)
			if tt.link != "" {
				assert.Equal(t, []string{tt.link}, r.Claims[0].Links)
			}
			assert.Empty(t, r.Findings)
		})
	}
}

func TestMalformedReferenceBesideOwnSources(t *testing.T) {
	const sources = "\n\n## Sources\n\n- [Rents in 2023](https://www.census.gov/rents-2023)\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "a citation with its own DOI says nothing of the list's style",
			src:  "# Rents\n\nRents rose 12% (Hughes et al., 2018, https://doi.org/10.1038/nature25746), said [the census](https://www.census.gov/rents-2023)." + sources,
		},
		{
			name: "a citation into the list asks its entries for an author and a year",
			src:  "# Rents\n\nRents rose 12% (Hughes et al., 2018), said [the census](https://www.census.gov/rents-2023)." + sources,
			want: []string{
				`error unresolved-citation: citation "Hughes et al., 2018" has no reference entry: no entry by Hughes`,
				"warning malformed-reference: reference r1 has no recognisable author: Rents in 2023",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, citationFindings(checkSource(t, "rents.md", tt.src)))
		})
	}
}

// A Chicago notes-and-bibliography text: every note names a work of the
// bibliography by its author and title, so neither the notes nor the
// entries are orphans or copies; a note whose work the bibliography does
// not list, or lists by another year or author, is reported.
func TestNotesAndBibliography(t *testing.T) {
	const body = "Drains\n\nMüller[1] measured backflow.[2] Pumps fail.[3][4][5]\n\nBibliography\n\n" +
		"Berg, Pieter van der, and Emre Çelik. “Pumping Stations and the Limits of Gravity Drainage.” In Urban Water Futures, 45–67. London: Routledge, 2021.\n\n" +
		"Müller, Anna. Cities Below the Tide Line. Bristol: Harbour Press, 2019.\n\n" +
		"———. “Tidal Drains Under Pressure.” Journal of Coastal Engineering 41, no. 2 (2019): 101–18.\n\n"
	const notes = "[1] “Tidal Drains Under Pressure.”\n\n" +
		"[2] Anna Müller, Cities Below the Tide Line (Bristol: Harbour Press, 2019), 88.\n\n" +
		"[3] Pieter van der Berg and Emre Çelik, “Pumping Stations and the Limits of Gravity Drainage,” in Urban Water Futures (London: Routledge, 2021), 45–67.\n\n" +
		"[4] Van der Berg and Çelik, “Pumping Stations,” 50.\n\n" +
		"[5] Ibid., 52.\n\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"every note names an entry", body + notes, nil},
		{"a note of another year", body + strings.Replace(notes, "Harbour Press, 2019), 88", "Harbour Press, 2017), 88", 1), []string{
			"error citation-mismatch: note r5 names the title of entry r2 (Müller, Anna. Cities Below the Tide Line. Bristol: Harbour…) but does not match it: the year differs: cited 2017, listed 2019"}},
		{"a note of a work the bibliography does not list", strings.Replace(body, "[5]", "[5] Fungi help.[6]", 1) + notes + "[6] Mette Hansen, “Fungal Partners and Drought Tolerance,” Plant and Soil Letters 402 (2016): 311–24.\n\n", []string{
			"error unresolved-citation: note r9 names a work no bibliography entry lists: Mette Hansen, “Fungal Partners and Drought Tolerance,”…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, citationFindings(checkSource(t, "notes.txt", tt.src)))
		})
	}
}

// TestRootCauseFirst checks that a missing or empty reference list is
// reported once, with the citations it leaves unresolved as related
// locations, and that those citations come back one by one, as
// information, when the list's rule does not run.
func TestRootCauseFirst(t *testing.T) {
	without := func(code string) []*citecheck.Rule {
		var rules []*citecheck.Rule
		for _, r := range citecheck.DefaultRules() {
			if r.Code != code {
				rules = append(rules, r)
			}
		}
		return rules
	}
	type related struct {
		Message   string
		Line, Col int
	}
	tests := []struct {
		name, src string
		rules     []*citecheck.Rule
		want      []string
		related   []related // of the first finding
	}{
		{
			name: "no list",
			src:  "Rates rose (Smith, 2019; Jones, 2018).\nThen fell [2], as https://example.org/x shows.\n",
			want: []string{"error missing-reference-list: the text has 3 citations but no reference list (no References, Bibliography, Sources or Notes section)"},
			related: []related{
				{`citation "Smith, 2019" is left unresolved`, 1, 13},
				{`citation "Jones, 2018" is left unresolved`, 1, 26},
				{`citation [2] is left unresolved`, 2, 12},
			},
		},
		{
			name: "an empty list",
			src:  "Rates rose (Smith, 2019) [4].\n\nReferences\n",
			want: []string{
				`error empty-reference-list: reference list "References" has no entries but the text has 2 citations`,
			},
			related: []related{
				{`citation "Smith, 2019" is left unresolved`, 1, 13},
				{`citation [4] is left unresolved`, 1, 27},
			},
		},
		{
			name:  "no list, its rule off: each citation is reported",
			src:   "Rates rose (Smith, 2019; Jones, 2018).\n",
			rules: without(citecheck.CodeMissingReferenceList),
			want: []string{
				`info unresolved-citation: citation "Smith, 2019" has no reference entry: there is no reference list`,
				`info unresolved-citation: citation "Jones, 2018" has no reference entry: there is no reference list`,
			},
		},
		{
			name:  "an empty list, its rule off: each citation is reported",
			src:   "Rates rose (Smith, 2019) [4].\n\nReferences\n",
			rules: without(citecheck.CodeEmptyReferenceList),
			want: []string{
				`info unresolved-citation: citation "Smith, 2019" has no reference entry: the reference list "References" at line 3 is empty`,
				`info unresolved-citation: citation [4] has no reference entry: the reference list "References" at line 3 is empty`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.src), citecheck.Options{Name: "rates.txt", Rules: tt.rules})
			require.NoError(t, err)
			assert.Equal(t, tt.want, citationFindings(r))
			var got []related
			for _, rel := range r.Findings[0].Related {
				got = append(got, related{rel.Message, rel.Span.Line, rel.Span.Column})
			}
			assert.Equal(t, tt.related, got)
		})
	}
}

// TestFlatNoteNumbersEndSentences checks that a note number that lost its
// superscript after a full stop ends its sentence, so that each sentence
// is a claim citing its own note.
func TestFlatNoteNumbersEndSentences(t *testing.T) {
	r := checkSource(t, "railways.txt", "The Welsh railway network shrank by half between 1950 and 1970.1 "+
		"Most of the closures followed the Beeching report of 1963.2 By 1975 the network had lost 40% of its stations.3\n\n"+
		"Notes\n1. John Davies, A History of Wales (London: Penguin, 2007), 612.\n2. Ibid., 615.\n3. Davies, History of Wales, 618.\n")
	assert.Empty(t, citationFindings(r))
	var got [][2]string
	for _, c := range r.Claims {
		got = append(got, [2]string{c.Text, strings.Join(c.Citations, ",")})
	}
	assert.Equal(t, [][2]string{
		{"The Welsh railway network shrank by half between 1950 and 1970.1", "c1"},
		{"Most of the closures followed the Beeching report of 1963.2", "c2"},
		{"By 1975 the network had lost 40% of its stations.3", "c3"},
	}, got)
}
