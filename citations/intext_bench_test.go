package citations

import (
	"strings"
	"testing"
)

// benchParagraphs are typical article paragraphs: mostly prose, with the
// usual density of citations of every kind.
var benchParagraphs = []string{
	"Since his acquisition, substantial staff reductions, including vital personnel in cybersecurity, have left the platform particularly susceptible to external threats (Ma et al., 2020). To put this in perspective, a study by the Ponemon Institute indicates that organizations with insufficient cybersecurity staff are 50% more likely to experience a data breach (Ponemon Institute, 2021).",
	"Chen and Ortiz (2020) found that the effect held across samples (N = 2,400), although the difference was small (p < .05) and the confidence interval wide (95% CI 1.2–3.4). Earlier work reached similar conclusions [3], [4–6], and a meta-analysis confirmed them [1, 3–5, 8].",
	"The interconnected nature of these ventures adds layers of complexity to an already precarious situation (see Table 1). The decline in the stock market performance amidst the outages raises concerns about cascading effects on public confidence (Burki, 2019; Pedreira et al., 2021; Zhang & Lee, 2019, p. 12).",
	"Historically, we have seen how the reputation of influential figures in technology can dramatically affect their businesses; for example, after the 2013 data breach at Target, the company faced significant financial fallout and a loss of consumer trust that lasted for years (Figure 2).",
	"As Keller (2014, p. 212) argues, the literature has long treated the question as settled; Nakamura disagrees (Nakamura 45-47), and the film Groundhog Day (1993) is often invoked in this debate, as are the remarks of the World Health Organization (WHO, 2020) on resilience.",
	"Sustained outages could also catalyse dialogue on the ethical responsibilities of technology leaders, possibly inciting movements advocating for the decentralisation of social media platforms, with initiatives highlighting a trend toward data sovereignty² and user autonomy.",
}

// benchArticle returns an article of about n bytes.
func benchArticle(n int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(benchParagraphs[i%len(benchParagraphs)])
		sb.WriteByte('\n')
	}
	return sb.String()
}

func BenchmarkScanText(b *testing.B) {
	text := benchArticle(10 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ScanText(text)
	}
}

func BenchmarkScanTextProse(b *testing.B) {
	// text with brackets and parentheses that are not citations
	text := strings.Repeat("The value (as defined above) of x[3] and (n = 35) in [sic] Smith (see below). ", 130)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ScanText(text)
	}
}
