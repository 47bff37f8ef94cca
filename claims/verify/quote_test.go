package verify

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuotes(t *testing.T) {
	type q struct {
		text  string
		depth int
	}
	tests := []struct {
		name string
		in   string
		want []q
	}{
		{"curly", `He said “we will not back down” today.`, []q{{"we will not back down", 0}}},
		{"straight", `"Yes," she said. "No."`, []q{{"Yes,", 0}, {"No.", 0}}},
		{"nested single", `“She told me ‘never’ twice.”`, []q{{"She told me ‘never’ twice.", 0}, {"never", 1}}},
		{"guillemets", `« Nous allons gagner », dit-il.`, []q{{"Nous allons gagner", 0}}},
		{"german", `„Wir schaffen das“, sagte sie.`, []q{{"Wir schaffen das", 0}}},
		{"single alone", `It was the council’s ‘final offer’, she said.`, []q{{"final offer", 0}}},
		{"apostrophes are not quotes", `It’s the council’s plan, don’t ask.`, nil},
		{"elided decade", `in the ‘80s and ’90s`, nil},
		{"inches and feet", `He is 5'10" tall with a 12" screen.`, nil},
		{"unclosed", `An “unclosed quote and more`, nil},
		{"blank line ends a quote", "“first paragraph\n\nsecond” here", nil},
		{"empty", `“ ” and ""`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quotes(tt.in)
			require.Len(t, got, len(tt.want), "%+v", got)
			for i, w := range tt.want {
				assert.Equal(t, w.text, got[i].Text)
				assert.Equal(t, w.text, tt.in[got[i].Inner.Start:got[i].Inner.End])
				assert.Equal(t, w.depth, got[i].Depth)
				assert.True(t, got[i].Span.Contains(got[i].Inner))
			}
		})
	}
}

const quoteSource = "The council said on Tuesday that it would not raise taxes this year. " +
	"\"We have listened to residents,\" said the council’s leader, Jane Smith. " +
	"\"The budget is balanced and we will protect front-line services.\" Critics were unconvinced: " +
	"“It’s a fantasy,” said one."

func TestFindQuote(t *testing.T) {
	tests := []struct {
		name    string
		quote   string
		status  QuoteStatus
		passage string   // the source text of Span
		quoted  []string // the quotation's words that differ
		source  []string // the source's words in their place
	}{
		{"exact", "we have listened to residents", QuoteExact, "We have listened to residents", nil, nil},
		{"capital changed", "We have listened to Residents", QuoteExact, "We have listened to residents", nil, nil},
		{"curly apostrophe", "It's a fantasy", QuoteExact, "It’s a fantasy", nil, nil},
		{"whitespace and punctuation", "the budget   is balanced, and we will", QuoteExact, "The budget is balanced and we will", nil, nil},
		{"dash", "protect front—line services", QuoteExact, "protect front-line services", nil, nil},
		{"hyphen joined", "protect frontline services", QuoteExact, "protect front-line services", nil, nil},
		{"ellipsis", "The budget is balanced … we will protect front-line services", QuoteExact,
			"The budget is balanced and we will protect front-line services", nil, nil},
		{"three dots", "The budget is balanced... protect front-line services", QuoteExact,
			"The budget is balanced and we will protect front-line services", nil, nil},
		{"bracketed insertion", "[The council] will protect front-line services", QuoteExact, "will protect front-line services", nil, nil},
		{"bracket inside", "it would not raise [council] taxes this year", QuoteExact, "it would not raise taxes this year", nil, nil},
		{"words added around a bracket", "we have listened to [residents] and the budget is balanced", QuoteMisquote, "", []string{"and"}, []string{"Smith"}},
		{"bracketed capital", "[T]he budget is balanced", QuoteExact, "The budget is balanced", nil, nil},
		{"word changed", "We have listened to voters", QuoteMisquote, "We have listened to residents", []string{"voters"}, []string{"residents"}},
		{"word added", "the budget is not balanced", QuoteMisquote, "The budget is balanced", []string{"not"}, nil},
		{"word dropped", "it would raise taxes this year", QuoteMisquote, "it would not raise taxes this year", nil, []string{"not"}},
		{"absent", "nothing here at all matches", QuoteAbsent, "", nil, nil},
		{"too different", "we have never listened to anyone at all", QuoteAbsent, "", nil, nil},
		{"short quote is found or absent", "very reckless", QuoteAbsent, "", nil, nil},
		{"one word", "fantasy", QuoteExact, "fantasy", nil, nil},
		{"empty", "…", QuoteAbsent, "", nil, nil},
	}
	idx := NewIndex(quoteSource)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := idx.FindQuote(tt.quote)
			assert.Equal(t, tt.status, got.Status, "%+v", got)
			if tt.passage != "" {
				assert.Equal(t, tt.passage, quoteSource[got.Span.Start:got.Span.End])
			}
			if tt.status != QuoteExact {
				assert.Equal(t, tt.quoted, got.Quoted)
				assert.Equal(t, tt.source, got.Source)
			}
			assert.Equal(t, got, FindQuote(tt.quote, quoteSource))
		})
	}
}

func TestFindQuoteParts(t *testing.T) {
	got := FindQuote("The budget is balanced … protect front-line services", quoteSource)
	require.Equal(t, QuoteExact, got.Status)
	require.Len(t, got.Parts, 2)
	assert.Equal(t, "The budget is balanced", quoteSource[got.Parts[0].Start:got.Parts[0].End])
	assert.Equal(t, "protect front-line services", quoteSource[got.Parts[1].Start:got.Parts[1].End])
}

func TestFindQuoteLongSource(t *testing.T) {
	src := benchSource(5000) + " She said: “Nobody told us the bridge would close for a year.” " + benchSource(200)
	idx := NewIndex(src)
	exact := idx.FindQuote("nobody told us the bridge would close for a year")
	require.Equal(t, QuoteExact, exact.Status)
	assert.Equal(t, "Nobody told us the bridge would close for a year", src[exact.Span.Start:exact.Span.End])
	mis := idx.FindQuote("nobody told us the bridge would close for a month")
	require.Equal(t, QuoteMisquote, mis.Status)
	assert.Equal(t, []string{"month"}, mis.Quoted)
	assert.Equal(t, []string{"year"}, mis.Source)
}
