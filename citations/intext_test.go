package citations

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/site"
)

// want is the part of a Citation a table case checks.
type scanWant struct {
	Kind      Kind
	Text      string
	Authors   []string
	Year      string
	Number    string
	Locator   string
	EtAl      bool
	Narrative bool
}

func scanSummary(cs []Citation) []scanWant {
	out := []scanWant{}
	for _, c := range cs {
		out = append(out, scanWant{Kind: c.Kind, Text: c.Text, Authors: c.Authors, Year: c.Year, Number: c.Number,
			Locator: c.Locator, EtAl: c.EtAl, Narrative: c.Narrative})
	}
	return out
}

func wantAY(text string, year string, authors ...string) scanWant {
	return scanWant{Kind: KindAuthorYear, Text: text, Authors: authors, Year: year}
}

func wantEtAl(w scanWant) scanWant              { w.EtAl = true; return w }
func wantNarrative(w scanWant) scanWant         { w.Narrative = true; return w }
func wantLocator(w scanWant, l string) scanWant { w.Locator = l; return w }
func wantNum(text, n string) scanWant {
	return scanWant{Kind: KindNumeric, Text: text, Number: n}
}

func TestScanTextPositive(t *testing.T) {
	tests := []struct {
		text     string
		scanWant []scanWant
	}{
		{"risk (Ma et al., 2020).", []scanWant{wantEtAl(wantAY("Ma et al., 2020", "2020", "Ma"))}},
		{"(Metke & Ekl, 2010)", []scanWant{wantAY("Metke & Ekl, 2010", "2010", "Metke", "Ekl")}},
		{"(Keller 2014, 212)", []scanWant{wantLocator(wantAY("Keller 2014, 212", "2014", "Keller"), "212")}},
		{"(Lund 2011, 2013)", []scanWant{wantAY("Lund 2011", "2011", "Lund"), wantAY("2013", "2013", "Lund")}},
		{"(Pew Research Center, n.d.)", []scanWant{wantAY("Pew Research Center, n.d.", "n.d.", "Pew Research Center")}},
		{"(Brandt, 2019a)", []scanWant{wantAY("Brandt, 2019a", "2019a", "Brandt")}},
		{"(Ponemon Institute, 2021)", []scanWant{wantAY("Ponemon Institute, 2021", "2021", "Ponemon Institute")}},
		{"(National Academy of Engineering, 2004)", []scanWant{wantAY("National Academy of Engineering, 2004", "2004", "National Academy of Engineering")}},
		{"(Smith, 2019; Jones & Lee, 2020)", []scanWant{wantAY("Smith, 2019", "2019", "Smith"), wantAY("Jones & Lee, 2020", "2020", "Jones", "Lee")}},
		{"(see Smith, 2019)", []scanWant{wantAY("Smith, 2019", "2019", "Smith")}},
		{"(See also Smith, 2019)", []scanWant{wantAY("Smith, 2019", "2019", "Smith")}},
		{"(e.g., Smith 2019; cf. Lee 2020)", []scanWant{wantAY("Smith 2019", "2019", "Smith"), wantAY("Lee 2020", "2020", "Lee")}},
		{"(for a review, see Smith 2019)", []scanWant{wantAY("Smith 2019", "2019", "Smith")}},
		{"(Smith, 2019, p. 12)", []scanWant{wantLocator(wantAY("Smith, 2019, p. 12", "2019", "Smith"), "12")}},
		{"(Smith 2019: 12)", []scanWant{wantLocator(wantAY("Smith 2019: 12", "2019", "Smith"), "12")}},
		{"(Smith, 2019, pp. 12–14)", []scanWant{wantLocator(wantAY("Smith, 2019, pp. 12–14", "2019", "Smith"), "12–14")}},
		{"(Smith, 2019, chap. 3)", []scanWant{wantLocator(wantAY("Smith, 2019, chap. 3", "2019", "Smith"), "chap. 3")}},
		{"(World Health Organization [WHO], 2020)", []scanWant{wantAY("World Health Organization [WHO], 2020", "2020", "World Health Organization")}},
		{"(Centers for Disease Control and Prevention [CDC], 2020)", []scanWant{wantAY("Centers for Disease Control and Prevention [CDC], 2020", "2020", "Centers for Disease Control and Prevention")}},
		{"(Department of Health and Human Services, 2019)", []scanWant{wantAY("Department of Health and Human Services, 2019", "2019", "Department of Health and Human Services")}},
		{"(Smith, 2019, as cited in Jones, 2020)", []scanWant{wantAY("Smith, 2019", "2019", "Smith"), wantAY("Jones, 2020", "2020", "Jones")}},
		{"(U.S. Census Bureau, 2020)", []scanWant{wantAY("U.S. Census Bureau, 2020", "2020", "U.S. Census Bureau")}},
		{"(WHO, 2020)", []scanWant{wantAY("WHO, 2020", "2020", "WHO")}},
		{"(van der Berg, 2018)", []scanWant{wantAY("van der Berg, 2018", "2018", "van der Berg")}},
		{"(de la Cruz & Müller, 2017)", []scanWant{wantAY("de la Cruz & Müller, 2017", "2017", "de la Cruz", "Müller")}},
		{"(O'Neil, 2016)", []scanWant{wantAY("O'Neil, 2016", "2016", "O'Neil")}},
		{"(D’Angelo, 2016)", []scanWant{wantAY("D’Angelo, 2016", "2016", "D’Angelo")}},
		{"(Ngũgĩ 1986)", []scanWant{wantAY("Ngũgĩ 1986", "1986", "Ngũgĩ")}},
		{"(Smith-Jones, 2015)", []scanWant{wantAY("Smith-Jones, 2015", "2015", "Smith-Jones")}},
		{"(Ali, Brown, & Chen, 2018)", []scanWant{wantAY("Ali, Brown, & Chen, 2018", "2018", "Ali", "Brown", "Chen")}},
		{"(Ali, Brown and Chen 2018)", []scanWant{wantAY("Ali, Brown and Chen 2018", "2018", "Ali", "Brown", "Chen")}},
		{"(Smith and others, 2018)", []scanWant{wantEtAl(wantAY("Smith and others, 2018", "2018", "Smith"))}},
		{"(Smith et al 2018)", []scanWant{wantEtAl(wantAY("Smith et al 2018", "2018", "Smith"))}},
		{"(Smith, in press)", []scanWant{wantAY("Smith, in press", "in press", "Smith")}},
		{"(Smith, forthcoming)", []scanWant{wantAY("Smith, forthcoming", "forthcoming", "Smith")}},
		{"(Smith, 2019, 2020; Jones, 2018a, b)", []scanWant{wantAY("Smith, 2019", "2019", "Smith"), wantAY("2020", "2020", "Smith"),
			wantAY("Jones, 2018a", "2018a", "Jones"), wantAY("b", "2018b", "Jones")}},
		{"(Price et al., 1980)", []scanWant{wantEtAl(wantAY("Price et al., 1980", "1980", "Price"))}},
		{"(Horne and Page, 2008)", []scanWant{wantAY("Horne and Page, 2008", "2008", "Horne", "Page")}},
		{"(Delgado and Price 2016)", []scanWant{wantAY("Delgado and Price 2016", "2016", "Delgado", "Price")}},
		{"(May, 2019)", []scanWant{wantAY("May, 2019", "2019", "May")}},
		{"(Dryad: Schuman et al., 2012)", []scanWant{wantEtAl(wantAY("Schuman et al., 2012", "2012", "Schuman"))}},
		{"(as in the Cbx transposition, Peifer et al., 1987)", []scanWant{wantEtAl(wantAY("Peifer et al., 1987", "1987", "Peifer"))}},
		{"(tooth enamel [Spalding et al., 2005])", []scanWant{wantEtAl(wantAY("Spalding et al., 2005", "2005", "Spalding"))}},
		// a journal named between the authors and the year
		{"(Kwong et al., PLOS Genetics 2008)", []scanWant{wantEtAl(wantAY("Kwong et al., PLOS Genetics 2008", "2008", "Kwong"))}},
		{"(Papp and Müller, G&D 2006; Kwong et al, PLOS Genetics 2008)", []scanWant{wantAY("Papp and Müller, G&D 2006", "2006", "Papp", "Müller"),
			wantEtAl(wantAY("Kwong et al, PLOS Genetics 2008", "2008", "Kwong"))}},
		{"(Soshnikova and Duboule, Science 2009)", []scanWant{wantAY("Soshnikova and Duboule, Science 2009", "2009", "Soshnikova", "Duboule")}},
		// a label before the first author, a corporate author opening with a number
		{"(Table 1 Allmann and Baldwin, 2010)", []scanWant{wantAY("Allmann and Baldwin, 2010", "2010", "Allmann", "Baldwin")}},
		{"(Figure 2A Smith et al., 2010)", []scanWant{wantEtAl(wantAY("Smith et al., 2010", "2010", "Smith"))}},
		{"(14CHRONO Centre of the Queen's University of Belfast, 2014)", []scanWant{wantAY("14CHRONO Centre of the Queen's University of Belfast, 2014",
			"2014", "14CHRONO Centre of the Queen's University of Belfast")}},
		// narrative
		{"Chen and Ortiz (2020) found", []scanWant{wantNarrative(wantAY("Chen and Ortiz (2020)", "2020", "Chen", "Ortiz"))}},
		{"Chen & Ortiz (2020) found", []scanWant{wantNarrative(wantAY("Chen & Ortiz (2020)", "2020", "Chen", "Ortiz"))}},
		{"as Ma et al. (2020) showed", []scanWant{wantNarrative(wantEtAl(wantAY("Ma et al. (2020)", "2020", "Ma")))}},
		{"Keller (2014, p. 212) argues", []scanWant{wantNarrative(wantLocator(wantAY("Keller (2014, p. 212)", "2014", "Keller"), "212"))}},
		{"In Smith's (2019) view", []scanWant{wantNarrative(wantAY("Smith's (2019)", "2019", "Smith"))}},
		{"In Jones' (2019) view", []scanWant{wantNarrative(wantAY("Jones' (2019)", "2019", "Jones"))}},
		{"the Pew Research Center (2021) reported", []scanWant{wantNarrative(wantAY("Pew Research Center (2021)", "2021", "Pew Research Center"))}},
		{"Smith (2019, 2021) argued", []scanWant{wantNarrative(wantAY("Smith (2019", "2019", "Smith")), wantNarrative(wantAY("2021", "2021", "Smith"))}},
		{"Recently Chen (2020) showed", []scanWant{wantNarrative(wantAY("Chen (2020)", "2020", "Chen"))}},
		{"In 2019, Smith (2020) wrote", []scanWant{wantNarrative(wantAY("Smith (2020)", "2020", "Smith"))}},
		{"According to Jones et al. (2018), x", []scanWant{wantNarrative(wantEtAl(wantAY("Jones et al. (2018)", "2018", "Jones")))}},
		{"Brown, Smith and Lee (2017) agree", []scanWant{wantNarrative(wantAY("Brown, Smith and Lee (2017)", "2017", "Brown", "Smith", "Lee"))}},
		{"as van der Berg (2018) notes", []scanWant{wantNarrative(wantAY("van der Berg (2018)", "2018", "van der Berg"))}},
		{"Smith and colleagues (2019) found", []scanWant{wantNarrative(wantEtAl(wantAY("Smith and colleagues (2019)", "2019", "Smith")))}},
		{"by Chng et al., 2013 and Pauli et al., 2014.", []scanWant{wantNarrative(wantEtAl(wantAY("Chng et al., 2013", "2013", "Chng"))),
			wantNarrative(wantEtAl(wantAY("Pauli et al., 2014", "2014", "Pauli")))}},
		// MLA
		{"(Nakamura 45)", []scanWant{{Kind: KindAuthorPage, Text: "Nakamura 45", Authors: []string{"Nakamura"}, Locator: "45"}}},
		{"(Nakamura 45-47)", []scanWant{{Kind: KindAuthorPage, Text: "Nakamura 45-47", Authors: []string{"Nakamura"}, Locator: "45-47"}}},
		{"(Nakamura and Lee 112)", []scanWant{{Kind: KindAuthorPage, Text: "Nakamura and Lee 112", Authors: []string{"Nakamura", "Lee"}, Locator: "112"}}},
		// numeric
		{"shown [3].", []scanWant{wantNum("3", "3")}},
		{"shown [2, 3].", []scanWant{wantNum("2", "2"), wantNum("3", "3")}},
		{"shown [2,3].", []scanWant{wantNum("2", "2"), wantNum("3", "3")}},
		{"shown [4–6].", []scanWant{wantNum("4–6", "4"), wantNum("4–6", "5"), wantNum("4–6", "6")}},
		{"shown [4-6].", []scanWant{wantNum("4-6", "4"), wantNum("4-6", "5"), wantNum("4-6", "6")}},
		{"shown [4—6].", []scanWant{wantNum("4—6", "4"), wantNum("4—6", "5"), wantNum("4—6", "6")}},
		{"[1‐2] [1‑2] [1‒2] [1―2] [1−2]", []scanWant{wantNum("1‐2", "1"), wantNum("1‐2", "2"), wantNum("1‑2", "1"), wantNum("1‑2", "2"),
			wantNum("1‒2", "1"), wantNum("1‒2", "2"), wantNum("1―2", "1"), wantNum("1―2", "2"), wantNum("1−2", "1"), wantNum("1−2", "2")}},
		{"shown [1, 3–5, 8].", []scanWant{wantNum("1", "1"), wantNum("3–5", "3"), wantNum("3–5", "4"), wantNum("3–5", "5"), wantNum("8", "8")}},
		{"shown [12].", []scanWant{wantNum("12", "12")}},
		{"shown [ 7 ].", []scanWant{wantNum("7", "7")}},
		{"shown [5]–[7].", []scanWant{wantNum("[5]–[7]", "5"), wantNum("[5]–[7]", "6"), wantNum("[5]–[7]", "7")}},
		{"shown [3, p. 12].", []scanWant{{Kind: KindNumeric, Text: "3", Number: "3", Locator: "12"}}},
		{"as argued [7, Ch. 2], see also [3].", []scanWant{{Kind: KindNumeric, Text: "7", Number: "7", Locator: "Ch. 2"}, wantNum("3", "3")}},
		{"the method [4, Sec. 3.2]", []scanWant{{Kind: KindNumeric, Text: "4", Number: "4", Locator: "Sec. 3.2"}}},
		{"the model [12, Fig. 5a]", []scanWant{{Kind: KindNumeric, Text: "12", Number: "12", Locator: "Fig. 5a"}}},
		{"the rule [9, § 14]", []scanWant{{Kind: KindNumeric, Text: "9", Number: "9", Locator: "§ 14"}}},
		{"the preface [2, pp. xi–xiv]", []scanWant{{Kind: KindNumeric, Text: "2", Number: "2", Locator: "xi–xiv"}}},
		{"the history [6, chap. IV]", []scanWant{{Kind: KindNumeric, Text: "6", Number: "6", Locator: "chap. IV"}}},
		{"as shown [3, see also 4].", []scanWant{wantNum("3", "3"), wantNum("4", "4")}},
		{"as shown [see 8].", []scanWant{wantNum("8", "8")}},
		{"shown.[1],[2]", []scanWant{wantNum("1", "1"), wantNum("2", "2")}},
		{"shown¹² here", []scanWant{wantNum("¹²", "12")}},
		{"the study² found", []scanWant{wantNum("²", "2")}},
		{"trials¹⁻³ and data¹,²", []scanWant{wantNum("¹⁻³", "1"), wantNum("¹⁻³", "2"), wantNum("¹⁻³", "3"), wantNum("¹", "1"), wantNum("²", "2")}},
		{"as shown.⁴", []scanWant{wantNum("⁴", "4")}},
		{"as studied by⁴ in Delft", []scanWant{wantNum("⁴", "4")}},
		{"rising since 2019⁶.", []scanWant{wantNum("⁶", "6")}},
		{"will settle in³,⁷.", []scanWant{wantNum("³", "3"), wantNum("⁷", "7")}},
		{"as shown^(1,2).", []scanWant{wantNum("1", "1"), wantNum("2", "2")}},
		{"after dark^(5(chap6),see also 4).", []scanWant{{Kind: KindNumeric, Text: "5", Number: "5", Locator: "chap6"}, wantNum("4", "4")}},
		{"mangroves help^(see 13).", []scanWant{wantNum("13", "13")}},
		{"anticipated by^(3(p88)) from", []scanWant{{Kind: KindNumeric, Text: "3", Number: "3", Locator: "88"}}},
		{"since 2019^(2–4).", []scanWant{wantNum("2–4", "2"), wantNum("2–4", "3"), wantNum("2–4", "4")}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ScanText(tt.text)
			assert.Equal(t, tt.scanWant, scanSummary(got))
			checkScan(t, tt.text, got)
		})
	}
}

func TestScanTextNegative(t *testing.T) {
	for _, text := range []string{
		"(Table 1)", "(Figure 3)", "(Chapter 4)", "(Section 2)", "(Appendix B)", "(Page 3)", "(Route 66)",
		"(COVID 19)", "(Windows 10)", "(see Table 1)", "(Figure 2)", "(Fig. 3)", "(Eq. 2)", "(Supplementary Table 2)",
		"(N = 2,400)", "(n = 35)", "(p < .05)", "(p = 0.03)", "(95% CI 1.2–3.4)", "(SD = 4.2)", "(M = 4.2, SD = 1.1)",
		"(2020)", "in the year (2020)", "the film Groundhog Day (1993)", "classic films such as Casablanca (1942)",
		`Michael Jackson's "Thriller" (1982)`, "the novel Beloved (1987)",
		"(October 15, 2023)", "(October 2023)", "(2019–2020)", "(2013 data breach)", "(555-1234)", "(+1 555 123 4567)",
		"($2,400)", "(age 45)", "(aged 18–25)", "(ibid.)", "(Ibid., 45)", "(Reuters)", "(COVID-19)", "(In 2019)",
		"(since 2019)", "(Since 2019)", "(Summer 2020)", "in May (2019)", "COVID-19 (2020)", "(Vegfr2)",
		"(FSPTCA Section 102)", "(Apollo 11)", "(ISO 9001)", "(H1N1)", "(3)", "(see above)", "(Smith)",
		"[sic]", "[citation needed]", "[edit]", "[a]", "x[3]", "arr[12] = 4", "[2020]", "[1999]", "[1–500]", "[0]",
		"[6–4]", "[1, 2, x]", "[1,,2]", "[2, Ch.]", "[see]", "[3, see]", "[5(p)]", "[5(x12)]", "[5(p12]", "[5, Chapter Four]", "[1, Fig. 2, 3]", "[12345]", "[]", "[", "(", "(Smith, 2019", "Smith (2019",
		"5 m² and 3 km² and 2 cm³", "x² + y²", "10⁶ cells", "E = mc²", "the ² alone",
		"a tank of 40 in³", "1200² pixels", "12019⁶", "v2019⁶",
		"x^(2) + y^(2)", "2^(10) bytes", "a^(n+1)", "the word ^(3) alone", "e^(3(p))", "40 in^(3)", "text^(1,2",
		"text^(1\n2)", "text^(a,b)",
		"a (\nSmith, 2019)", "Smith\n(2019)",
		// a publisher, an identifier, lone words before a year in a text
		// that does not cite by author and year
		"By Ben Goldacre (Fourth Estate, 2012)", "(Oxford University Press, 2019)", "(SR 2007/185)",
		"Gini (2014) 0.349", "HDI (2017) 0.917 very high", "Sancton, Andrew (2000). Merger mania.",
		`^ a b Department of Economic and Social Affairs Population Division (2009). "World Population Prospects".`,
	} {
		t.Run(text, func(t *testing.T) {
			assert.Equal(t, []scanWant{}, scanSummary(ScanText(text)))
		})
	}
}

// checkCitations asserts the invariants every scan result keeps.
func checkScan(t *testing.T, text string, cs []Citation) {
	t.Helper()
	for i, c := range cs {
		require.True(t, 0 <= c.Span.Start && c.Span.Start <= c.Span.End && c.Span.End <= len(text), "span %v of %q", c.Span, text)
		require.True(t, c.Group.Contains(c.Span), "group %v does not contain span %v", c.Group, c.Span)
		require.True(t, c.Group.End <= len(text))
		assert.Equal(t, text[c.Span.Start:c.Span.End], c.Text)
		assert.Equal(t, "c"+itoa(i+1), c.ID)
		if i > 0 {
			assert.LessOrEqual(t, cs[i-1].Span.Start, c.Span.Start, "citations out of order")
		}
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func TestScanTextGroupAndSpans(t *testing.T) {
	text := "as reported (Smith, 2019; Jones & Lee, 2020) and [2, 3]."
	cs := ScanText(text)
	require.Len(t, cs, 4)
	assert.Equal(t, "(Smith, 2019; Jones & Lee, 2020)", text[cs[0].Group.Start:cs[0].Group.End])
	assert.Equal(t, cs[0].Group, cs[1].Group)
	assert.Equal(t, sources.Span{Start: 13, End: 24}, cs[0].Span)
	assert.Equal(t, "[2, 3]", text[cs[2].Group.Start:cs[2].Group.End])
	assert.Equal(t, []string{"c1", "c2", "c3", "c4"}, []string{cs[0].ID, cs[1].ID, cs[2].ID, cs[3].ID})
}

func TestScanTextLongInputs(t *testing.T) {
	// unclosed and deeply repeated markers stay linear and find nothing odd
	// (each input is 256 KB; a quadratic scan would not finish)
	for _, unit := range []string{
		"(", "[", "(Smith ", "et al, ", "et al, 2019 ", "(2019)", "¹", "[1–", "[1,", "Smith (2019) ",
		"(a, 2019; ", "(Smith 2019; Jones, 2018a, b, c, d, e, f",
	} {
		text := strings.Repeat(unit, 256<<10/len(unit))
		cs := ScanText(text)
		checkScan(t, text, cs)
	}
	cs := ScanText(strings.Repeat("x (Smith, 2019) ", 5000))
	assert.Len(t, cs, 5000)
}

func TestFindSeedArticle(t *testing.T) {
	src, err := os.ReadFile("../../shared/seed/article.txt")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("seed article ../../shared/seed/article.txt not present")
	}
	require.NoError(t, err)
	doc, err := sources.Parse(src, sources.ReadOptions{Name: "article.txt"})
	require.NoError(t, err)
	type found struct {
		Text string
		Line int
	}
	var got []found
	works := map[string]bool{}
	for _, c := range Find(doc) {
		require.Equal(t, KindAuthorYear, c.Kind, c.Text)
		got = append(got, found{c.Text, doc.Locate(c.Span).Line})
		works[strings.Join(c.Authors, "&")+" "+c.Year] = true
	}
	assert.Equal(t, []found{
		{"Ma et al., 2020", 15}, {"Ponemon Institute, 2021", 15}, {"Ghafur et al., 2019", 17},
		{"Burki, 2019", 19}, {"Pedreira et al., 2021", 21}, {"Khurana et al., 2010", 31},
		{"Zhang et al., 2019", 33}, {"Unnikrishnan et al., 2021", 35}, {"Khurana et al., 2010", 45},
		{"Ghafur et al., 2019", 47}, {"Metke & Ekl, 2010", 57}, {"Takabi et al., 2010", 69},
		{"National Academy of Engineering, 2004", 85},
	}, got)
	assert.Len(t, works, 11)
}

// handDoc builds a document whose Src is its Text, with one paragraph per
// line.
func intextDoc(text string) *sources.Document {
	doc := &sources.Document{Name: "hand.html", Format: sources.FormatHTML, Src: []byte(text), Text: text}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			doc.Blocks = append(doc.Blocks, sources.Block{Kind: sources.BlockParagraph, Span: sources.Span{Start: start, End: i}})
			start = i + 1
		}
	}
	return doc
}

func textSpan(t *testing.T, text, sub string) sources.Span {
	t.Helper()
	i := strings.Index(text, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in text", sub)
	return sources.Span{Start: i, End: i + len(sub)}
}

func TestFindFootnotesAndSuperscripts(t *testing.T) {
	text := "Mozilla was founded[3] in 1998.[a] Trials were run2,3 and again4–6 over 5 m2.\nBack ^ to text."
	doc := intextDoc(text)
	doc.Links = []sources.Link{
		{Span: textSpan(t, text, "[3]"), Href: "#cite_note-3", URL: "#cite_note-3", InBody: true, Superscript: true, Footnote: true},
		{Span: textSpan(t, text, "[a]"), Href: "#cite_note-a", URL: "#cite_note-a", InBody: true, Superscript: true, Footnote: true},
		{Span: textSpan(t, text, "^"), Href: "#cite_ref-3", URL: "#cite_ref-3", InBody: true},
	}
	doc.Superscripts = []sources.Span{textSpan(t, text, "[3]"), textSpan(t, text, "[a]"), textSpan(t, text, "2,3"),
		textSpan(t, text, "4–6"), {Start: strings.Index(text, "m2.") + 1, End: strings.Index(text, "m2.") + 2}}
	got := Find(doc)
	assert.Equal(t, []scanWant{
		{Kind: KindFootnote, Text: "[3]", Number: "3"},
		{Kind: KindFootnote, Text: "[a]", Number: "a"},
		{Kind: KindNumeric, Text: "2", Number: "2"}, {Kind: KindNumeric, Text: "3", Number: "3"},
		{Kind: KindNumeric, Text: "4–6", Number: "4"}, {Kind: KindNumeric, Text: "4–6", Number: "5"},
		{Kind: KindNumeric, Text: "4–6", Number: "6"},
	}, scanSummary(got))
	assert.Equal(t, "cite_note-3", got[0].Target)
	assert.Equal(t, "cite_note-a", got[1].Target)
	assert.Equal(t, textSpan(t, text, "2,3"), got[2].Group)
	checkScan(t, text, got)
}

func TestFindMarkdownFootnoteWithBracketsOutside(t *testing.T) {
	text := "A claim [1] and another.[2]"
	doc := intextDoc(text)
	doc.Links = []sources.Link{{Span: sources.Span{Start: 9, End: 10}, Href: "#fn:1", URL: "#fn:1", InBody: true, Footnote: true}}
	got := Find(doc)
	require.Len(t, got, 2)
	assert.Equal(t, KindFootnote, got[0].Kind)
	assert.Equal(t, "fn:1", got[0].Target)
	assert.Equal(t, "[1]", text[got[0].Group.Start:got[0].Group.End])
	assert.Equal(t, KindNumeric, got[1].Kind)
}

func TestFindLinks(t *testing.T) {
	text := "A report by the agency and our own page and a note and (Smith, 2019) and a mail.\n" +
		"Footer link here."
	doc := intextDoc(text)
	doc.Meta.CanonicalURL = "https://www.example.co.uk/news/story"
	doc.Links = []sources.Link{
		{Span: textSpan(t, text, "A report"), URL: "https://data.gov.uk/report", InBody: true},
		{Span: textSpan(t, text, "our own page"), URL: "https://blog.example.co.uk/other", InBody: true},
		{Span: textSpan(t, text, "a note"), URL: "#note", Href: "#note", InBody: true},
		{Span: textSpan(t, text, "Smith, 2019"), URL: "https://doi.org/10.1/x", InBody: true},
		{Span: textSpan(t, text, "a mail"), URL: "mailto:a@b.c", InBody: true},
		{Span: textSpan(t, text, "Footer link"), URL: "https://other.org/", InBody: false},
		{Span: sources.Span{Start: 3, End: 3}, URL: "https://empty.org/", InBody: true},
	}
	got, err := FindWithOptions(doc, Options{SiteOf: site.Of})
	require.NoError(t, err)
	require.Len(t, got, 2, "blog.example.co.uk is the article's own site")
	assert.Equal(t, KindLink, got[0].Kind)
	assert.Equal(t, "A report", got[0].Text)
	assert.Equal(t, "https://data.gov.uk/report", got[0].URL)
	assert.Equal(t, KindAuthorYear, got[1].Kind)
	assert.Equal(t, "https://doi.org/10.1/x", got[1].URL)
	assert.Equal(t, []string{"c1", "c2"}, []string{got[0].ID, got[1].ID})

	// without a canonical URL, a document named by its URL knows its site
	doc.Meta.CanonicalURL = ""
	doc.Name = "https://news.example.co.uk/story"
	got, err = FindWithOptions(doc, Options{SiteOf: site.Of})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "A report", got[0].Text)

	// without SiteOf only the article's own host name, less "www.", is its
	// site: news.example.co.uk and blog.example.co.uk are two sites
	got = Find(doc)
	require.Len(t, got, 3)
	assert.Equal(t, "https://blog.example.co.uk/other", got[1].URL)
	doc.Name = "https://www.blog.example.co.uk/story"
	assert.Len(t, Find(doc), 2, "www. makes no other site")

	doc.Name = "story.html"
	got, err = FindWithOptions(doc, Options{SiteOf: site.Of})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, "our own page", got[1].Text)
}

func TestFindSkipsPreformatted(t *testing.T) {
	text := "See (Smith, 2019).\nvalue = table[3] (Jones, 2020)\nAnd [4]."
	doc := intextDoc(text)
	doc.Blocks[1].Kind = sources.BlockPreformatted
	got := Find(doc)
	assert.Equal(t, []scanWant{wantAY("Smith, 2019", "2019", "Smith"), wantNum("4", "4")}, scanSummary(got))
}

func TestFindPlainText(t *testing.T) {
	src := "Title\n\nEarlier work (Smith, 2019;\nJones & Lee, 2020) found this [4–6].\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "x.txt"})
	require.NoError(t, err)
	got := Find(doc)
	require.Len(t, got, 5)
	assert.Equal(t, "Jones & Lee, 2020", got[1].Text)
	r := doc.Locate(got[1].Span)
	assert.Equal(t, 4, r.Line)
	assert.Equal(t, 1, r.Column)
	assert.Nil(t, Find(nil))
}

func TestFindLargeDocument(t *testing.T) {
	// many citations, links and superscripts: Find must not compare every
	// pair of them
	doc := intextDoc(strings.Repeat("A study (Smith, 2019) shown [3] here.\n", 20000))
	for off := 0; ; {
		i := strings.Index(doc.Text[off:], "(Smith")
		if i < 0 {
			break
		}
		i += off
		j := i + strings.Index(doc.Text[i:], "[3]")
		doc.Links = append(doc.Links, sources.Link{Span: sources.Span{Start: i + 1, End: i + 12}, URL: "https://x.org/", InBody: true})
		doc.Superscripts = append(doc.Superscripts, sources.Span{Start: j + 1, End: j + 2})
		off = j
	}
	got := Find(doc)
	require.Equal(t, 40000, len(got))
	for _, c := range got {
		if c.Kind == KindAuthorYear && c.URL != "https://x.org/" {
			t.Fatalf("citation %s has no URL", c.ID)
		}
	}
	assert.Equal(t, "c40000", got[len(got)-1].ID)
}

func TestFindSkipsBackLinksAndNoteLabels(t *testing.T) {
	text := "Configuration management22 helps.\n22 Sometimes known as drift.\n^ Back to text."
	doc := intextDoc(text)
	marker := sources.Span{Start: strings.Index(text, "22"), End: strings.Index(text, "22") + 2}
	label := sources.Span{Start: strings.Index(text, "\n22") + 1, End: strings.Index(text, "\n22") + 3}
	doc.Links = []sources.Link{
		{Span: marker, Href: "#note-22", URL: "#note-22", InBody: true, Superscript: true, Footnote: true},
		{Span: label, Href: "#note-22-marker", URL: "#note-22-marker", InBody: true, Superscript: true},
		{Span: textSpan(t, text, "^"), Href: "#cite_ref-1", URL: "#cite_ref-1", InBody: true},
	}
	doc.Superscripts = []sources.Span{marker, label}
	got := Find(doc)
	require.Len(t, got, 1)
	assert.Equal(t, KindFootnote, got[0].Kind)
	assert.Equal(t, "note-22", got[0].Target)
	assert.Equal(t, marker, got[0].Span)

	// a superscript number opening a note, without a link, is its label
	doc.Links = doc.Links[:1]
	doc.Superscripts = []sources.Span{marker, label}
	got = Find(doc)
	require.Len(t, got, 1)
}

func TestFindDanglingMarkdownFootnote(t *testing.T) {
	src := []byte("Shipping cost $100 billion.[^1] Returns are rising.[^gone]\n\n[^1]: NRF. Returns. 2023.\n")
	doc, err := sources.Parse(src, sources.ReadOptions{Name: "draft.md"})
	require.NoError(t, err)
	var got []string
	for _, c := range Find(doc) {
		got = append(got, string(c.Kind)+" "+c.Text+" -> "+c.Target)
	}
	assert.Equal(t, []string{"footnote [1] -> fn:1", "footnote [^gone] -> fn:gone"}, got)
}

// TestScanTextLoneNames checks that a single word before a lone year is
// read as a narrative citation only when the text cites by author and year
// elsewhere or a reporting verb follows it.
func TestScanTextLoneNames(t *testing.T) {
	tests := []struct {
		text string
		want []string // the texts of the citations found, "?" after a tentative one
	}{
		{"Gini (2014) 0.349", nil},
		{"Smith (2019) found an effect.", []string{"Smith (2019)"}},
		{"Smith (2019) also argued so.", []string{"Smith (2019)"}},
		{"Smith (2019) and others.", nil},
		{"Gini (2014) rose; inequality grew (Smith, 2019).", []string{"Gini (2014)?", "Smith, 2019"}},
		{"Gini (2014) rose, as Ma et al. (2020) note.", []string{"Gini (2014)?", "Ma et al. (2020)"}},
		{"Gini (2014) argued so; inequality grew (Smith, 2019).", []string{"Gini (2014)", "Smith, 2019"}},
		{"In Smith's (2019) view", []string{"Smith's (2019)"}},
		{"However, Smith (2019) found it.", []string{"Smith (2019)"}},
		// entries of a reference list do not make a text cite by author and year
		{"Sancton, Andrew (2000). Merger mania.\nWall, Melanie M. (2015). Title.\nGini (2014) 0.349", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			cs := ScanText(tt.text)
			for _, c := range cs {
				if c.Tentative {
					c.Text += "?"
				}
				got = append(got, c.Text)
			}
			assert.Equal(t, tt.want, got)
			checkScan(t, tt.text, cs)
		})
	}
}

// TestFindSuperscriptForms checks the superscripts of AMA and Nature
// styles: pinpoints in parentheses after a number, "see" and "see also",
// and markers after a year or a short word, while exponents and units
// stay out.
func TestFindSuperscriptForms(t *testing.T) {
	num := func(text, n, loc string) scanWant {
		return scanWant{Kind: KindNumeric, Text: text, Number: n, Locator: loc}
	}
	tests := []struct {
		html string
		want []scanWant
	}{
		{"<p>as the survey showed<sup>4(p17)</sup>.</p>", []scanWant{num("4", "4", "17")}},
		{"<p>as the survey showed<sup>12(pp140-142)</sup>.</p>", []scanWant{num("12", "12", "140-142")}},
		{"<p>dikes fail<sup>6(chap2),see also 3</sup>.</p>", []scanWant{num("6", "6", "chap2"), num("3", "3", "")}},
		{"<p>dikes fail<sup>2(p9),7</sup>.</p>", []scanWant{num("2", "2", "9"), num("7", "7", "")}},
		{"<p>mangroves help<sup>see 11</sup>.</p>", []scanWant{num("11", "11", "")}},
		{"<p>rising since 2018<sup>5</sup>.</p>", []scanWant{num("5", "5", "")}},
		{"<p>as measured by<sup>9</sup> in Delft.</p>", []scanWant{num("9", "9", "")}},
		{"<p>will settle in<sup>3,8</sup>.</p>", []scanWant{num("3", "3", ""), num("8", "8", "")}},
		{"<p>a tank of 40 in<sup>3</sup> holds it, a beam of 300 mm<sup>4</sup>.</p>", []scanWant{}},
		{"<p>a density of 10<sup>6</sup> cells and 1200<sup>2</sup> pixels.</p>", []scanWant{}},
		{"<p>an area of 5 m<sup>2</sup> and x<sup>4</sup>.</p>", []scanWant{}},
		{"<p>the 2019<sup>th</sup> entry and 20 km<sup>2(p3)</sup>.</p>", []scanWant{}},
	}
	for _, tt := range tests {
		t.Run(tt.html, func(t *testing.T) {
			doc, err := sources.Parse([]byte(tt.html), sources.ReadOptions{Name: "a.html"})
			require.NoError(t, err)
			got := Find(doc)
			assert.Equal(t, tt.want, scanSummary(got))
			checkScan(t, doc.Text, got)
		})
	}
}

// TestFindParenNumbers checks Vancouver's numbers in parentheses: read
// with Options.ParenNumbers only, never as statistics, enumerators,
// equation numbers or a quantity, and dropped where the document cites by
// number another way.
func TestFindParenNumbers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the numbers cited, in order
	}{
		{"one", "Night buses held their riders (5).", []string{"5"}},
		{"a list and a range", "Peaks recovered slowly (1,2) and later (3–5).", []string{"1", "2", "3", "4", "5"}},
		{"with see", "Mangroves help too (see 13).", []string{"13"}},
		{"see also", "Trees cool streets (5,see also 4).", []string{"5", "4"}},
		{"wrapped", "Mangroves help too (see\n13), and dykes (5,see\nalso 4).", []string{"13", "5", "4"}},
		{"opening a sentence", "Offices empty. (3) called it the short week.", []string{"3"}},
		{"a statistic", "The difference was small, t-test (31) = 0.75, p = 0.46.", nil},
		{"a quantity", "Most riders (5%) travel at night (12 %).", nil},
		{"enumerators", "The plan has three parts: (1) fewer buses, (2) longer routes and (3) new fares.", nil},
		{"enumerators after a word", "We ask whether agencies that (1) cut peaks and (2) add midday buses gain riders.", nil},
		{"labels of other things", "As Eq. (3) and step (2) show, and Figure (4).", nil},
		{"glued", "The value f(1) and the issue 2005;(1):12-19.", nil},
		{"years and zero", "In (2019) nothing, (0) nothing.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := intextDoc(tt.text)
			got, err := FindWithOptions(doc, Options{ParenNumbers: true})
			require.NoError(t, err)
			var nums []string
			for _, c := range got {
				require.Equal(t, KindNumeric, c.Kind)
				nums = append(nums, c.Number)
			}
			assert.Equal(t, tt.want, nums)
			checkScan(t, tt.text, got)
			off, err := FindWithOptions(doc, Options{})
			require.NoError(t, err)
			assert.Empty(t, off, "without ParenNumbers")
		})
	}
	t.Run("another way of citing by number", func(t *testing.T) {
		text := "Peaks recovered slowly [1], as in Eq. 2 with (3) terms [2]."
		got, err := FindWithOptions(intextDoc(text), Options{ParenNumbers: true})
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.Equal(t, "1", got[0].Number)
		assert.Equal(t, "2", got[1].Number)
	})
}

// TestNumbered checks which reference lists count as numbered for
// Options.ParenNumbers.
func TestNumbered(t *testing.T) {
	list := func(labels ...string) []ReferenceList {
		var l ReferenceList
		for _, lb := range labels {
			l.Entries = append(l.Entries, Reference{Label: lb})
		}
		return []ReferenceList{l}
	}
	assert.True(t, Numbered(list("1", "2", "3", "4")))
	assert.True(t, Numbered(list("2", "3", "5")), "a list whose first entry was deleted")
	assert.True(t, Numbered(list("1", "2", "3", "")), "an entry whose label the parser missed")
	assert.False(t, Numbered(list("1")), "one entry")
	assert.False(t, Numbered(list("1", "", "", "")), "a label here and there")
	assert.False(t, Numbered(list("7", "8", "9")), "not from the start")
	assert.False(t, Numbered(list("2015", "2016", "2019")), "years opening author-date entries")
	assert.False(t, Numbered(list("BAD10", "Smi19")), "labels that are not numbers")
	assert.False(t, Numbered(nil))
}
