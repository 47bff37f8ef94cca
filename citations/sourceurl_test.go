package citations

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSourceURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://www.stuff.co.nz/national/104249829/unprecedented-whale-strandings", true},
		{"https://www.sec.gov/Archives/edgar/data/1011006/000119312516656036/d178500dex22.htm", true},
		{"https://doi.org/10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2", true},
		{"http://eaps4.mit.edu/research/Lorenz/The_Statistical_Prediction_of_Solutions_1962.pdf", true},
		{"https://wiki.mozilla.org/Thirdparty", true},
		{"https://about.gitlab.com/developer-survey/", true},
		{"https://twitter.com/nasa/status/1234567890", true},
		{"https://www.google.com/search?q=x", false},
		{"https://example.org/report?id=7", true},
		{"https://www.instagram.com/", false},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", true},
		{"https://www.facebook.com/permalink.php?story_fbid=123&id=456", true},
		{"https://www.youtube.com/watch", false},
		{"https://www.youtube.com/@nasa", false},
		{"https://atlassolutions.com", false},
		{"https://en.wikipedia.org/wiki/Arduino", false},
		{"https://fr.wikipedia.org/wiki/Neon", false},
		{"http://www.nytimes.com/topic/company/yahoo-inc?inline=nyt-org", false},
		{"http://topics.nytimes.com/top/reference/timestopics/people/m/marissa_mayer/index.html", false},
		{"https://sts-program.mit.edu/people/sts-faculty/jennifer-s-light/", false},
		{"https://www.instagram.com/theneonqueen/", false},
		{"https://www.linkedin.com/in/someone", false},
		{"http://www.webmd.com/cold-and-flu/rm-quiz-antibiotics-myths-facts", false},
		{"http://www.webmd.com/a-to-z-guides/organ-donation-facts", false},
		{"https://www.example.com/about", false},
		{"https://www.example.com/about/report-2019.pdf", true},
		{"https://www.theguardian.com/world/newzealand", false},
		{"https://www.cdc.gov/flu", false},
		{"https://www.cdc.gov/flu/?page=2", true},
		{"https://www.bbc.com/news/world-europe-35654321", true},
		{"https://www.npr.org/sections/money/2016/07/22/487069271/episode-576-when-women-stopped-coding", true},
		{"https://www.npr.org/sections/money/", false},
		{"https://example.com/news/section/politics", false},
		{"https://example.com/category/health/vaccines", false},
		{"https://example.org/a/b/c", true},
		{"mailto:press@example.com", false},
		{"#cite_note-3", false},
		{"::not a url", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			assert.Equal(t, tt.want, SourceURL(tt.url))
		})
	}
}

func FuzzSourceURL(f *testing.F) {
	for _, s := range []string{"https://en.wikipedia.org/wiki/Arduino", "https://www.example.com/about", "http://x/%zz", "https://twitter.com/a/b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if SourceURL(s) && !strings.HasPrefix(strings.ToLower(s), "http") {
			t.Fatalf("SourceURL(%q): only http(s) URLs are sources", s)
		}
	})
}
