package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citecheck/citecheck/sources"
)

func sentenceTexts(text string, spans []sources.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"et al", "Smith et al. found a link. It was weak.", []string{"Smith et al. found a link.", "It was weak."}},
		{"et al capital", "As shown by Smith et al. Their data agree.", []string{"As shown by Smith et al. Their data agree."}},
		{"US", "Sales in the U.S. fell by 4.5% last year. Exports rose.", []string{"Sales in the U.S. fell by 4.5% last year.", "Exports rose."}},
		{"US senate", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"US end", "He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"titles", "Dr. Jane Smith and Mr. Lee met No. 10 officials. They agreed.", []string{"Dr. Jane Smith and Mr. Lee met No. 10 officials.", "They agreed."}},
		{"vs", "It was Roe vs. Wade. Then came more.", []string{"It was Roe vs. Wade.", "Then came more."}},
		{"initials", "J. R. Smith wrote it. K. Jones read it.", []string{"J. R. Smith wrote it.", "K. Jones read it."}},
		{"numbers", "About 1,900 people paid $4.50 each. Most left.", []string{"About 1,900 people paid $4.50 each.", "Most left."}},
		{"ellipsis lower", "He paused... and then went on. Done.", []string{"He paused... and then went on.", "Done."}},
		{"ellipsis upper", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		{"question quote", `"Are you sure?" she asked. He was.`, []string{`"Are you sure?" she asked.`, "He was."}},
		{"full stop quote", `He said, "It is over." Then he left.`, []string{`He said, "It is over."`, "Then he left."}},
		{"curly quote", "She said, “It is over.” Then she left.", []string{"She said, “It is over.”", "Then she left."}},
		{"paren after stop", "Staff cuts raise the risk of a breach. (Ponemon Institute, 2021) Others disagree.", []string{"Staff cuts raise the risk of a breach. (Ponemon Institute, 2021)", "Others disagree."}},
		{"paren before stop", "Staff cuts raise the risk of a breach (Ponemon, 2021). Others disagree.", []string{"Staff cuts raise the risk of a breach (Ponemon, 2021).", "Others disagree."}},
		{"paren aside", "It ended. (Nobody was surprised.) Then we left.", []string{"It ended.", "(Nobody was surprised.)", "Then we left."}},
		{"footnote bracket", "The record fell.[3] A new one was set.", []string{"The record fell.[3]", "A new one was set."}},
		{"footnote superscript", "The record fell.² A new one was set.", []string{"The record fell.²", "A new one was set."}},
		{"citation needed", "The record fell.[citation needed] A new one was set.", []string{"The record fell.[citation needed]", "A new one was set."}},
		{"heading", "The Situation\nOn Monday it rained.", []string{"The Situation", "On Monday it rained."}},
		{"list item", "• Staff cuts: fewer people\n• More outages", []string{"• Staff cuts: fewer people", "• More outages"}},
		{"no stop", "Unfinished sentence", []string{"Unfinished sentence"}},
		{"exclamation", "Stop! Wait for me.", []string{"Stop!", "Wait for me."}},
		{"interrobang", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"lowercase after", "See fig. 3 for details. It helps.", []string{"See fig. 3 for details.", "It helps."}},
		{"decimal no space", "Version 2.0.1 shipped. It works.", []string{"Version 2.0.1 shipped.", "It works."}},
		{"url", "Visit example.com today. Thanks.", []string{"Visit example.com today.", "Thanks."}},
		{"inc", "He works at Acme Inc. in Ohio. She does not.", []string{"He works at Acme Inc. in Ohio.", "She does not."}},
		{"spaces", "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", "", []string{}},
		{"blank lines", "\n\n", []string{}},
		{"non-latin", "Это факт. 这是事实。", []string{"Это факт.", "这是事实。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.in, SplitSentences(tt.in)))
		})
	}
}

func TestSentencesUsesBlocks(t *testing.T) {
	doc, err := sources.Parse([]byte("# Title\n\nFirst one. Second one.\n\n- item one\n- item two\n"), sources.ReadOptions{Name: "a.md"})
	if err != nil {
		t.Fatal(err)
	}
	assert.Equal(t, []string{"Title", "First one.", "Second one.", "item one", "item two"}, sentenceTexts(doc.Text, Sentences(doc)))
	assert.Nil(t, Sentences(nil))

	doc, err = sources.Parse([]byte("<html><body><article><p>The record fell.<sup>3</sup> A new one was set.</p></article></body></html>"), sources.ReadOptions{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	assert.Equal(t, []string{"The record fell.3", "A new one was set."}, sentenceTexts(doc.Text, Sentences(doc)))
}
