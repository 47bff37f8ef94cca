package citecheck_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// Two uncited claims, one a paragraph.
const (
	claimA = "Unemployment rose to 7.4 percent in 2023, the highest level since 1998."
	claimB = "The city spent $4.2 million on the new bridge in 2021."
)

// lineCodes lists findings as "line:code".
func lineCodes[T any](items []T, f func(T) citecheck.Finding) []string {
	out := []string{}
	for _, it := range items {
		fd := f(it)
		out = append(out, fmt.Sprintf("%d:%s", fd.Span.Line, fd.Code))
	}
	return out
}

func TestSuppressions(t *testing.T) {
	tests := []struct {
		name, input string
		findings    []string // "line:code" of what is reported
		suppressed  []string // "line:code" of what is suppressed
	}{
		{"markdown next line", "<!-- citecheck-disable-next-line uncited-claim -- from the press release -->\n\n" + claimA + "\n\n" + claimB + "\n",
			[]string{"5:uncited-claim"}, []string{"3:uncited-claim"}},
		{"markdown all codes", "<!-- citecheck-disable-next-line -->\n" + claimA + "\n\n" + claimB + "\n",
			[]string{"4:uncited-claim"}, []string{"2:uncited-claim"}},
		{"markdown stacked comments", "<!-- citecheck-disable-next-line uncited-claim -->\n<!-- citecheck-disable-next-line anachronistic-citation -->\n" + claimA + "\n",
			[]string{"2:unused-suppression"}, []string{"3:uncited-claim"}},
		{"markdown in a code block", "```\n<!-- citecheck-disable-next-line -->\n```\n\n" + claimA + "\n",
			[]string{"5:uncited-claim"}, []string{}},
		{"html next line", "<html><body><article>\n<!-- citecheck-disable-next-line uncited-claim -->\n<p>" + claimA + "</p>\n<p>" + claimB + "</p>\n</article></body></html>\n",
			[]string{"4:uncited-claim"}, []string{"3:uncited-claim"}},
		{"html in pre", "<html><body><article>\n<pre><!-- citecheck-disable --></pre>\n<p>" + claimA + "</p>\n</article></body></html>\n",
			[]string{"3:uncited-claim"}, []string{}},
		{"text next line", "# citecheck-disable-next-line uncited-claim\n" + claimA + "\n\n" + claimB + "\n",
			[]string{"4:uncited-claim"}, []string{"2:uncited-claim"}},
		{"markdown range", "<!-- citecheck-disable uncited-claim -->\n" + claimA + "\n\n" + claimB + "\n<!-- citecheck-enable uncited-claim -->\n\n" + claimA + "\n",
			[]string{"7:uncited-claim"}, []string{"2:uncited-claim", "4:uncited-claim"}},
		{"text range to the end", "# citecheck-disable\n\n" + claimA + "\n\n" + claimB + "\n",
			[]string{}, []string{"3:uncited-claim", "5:uncited-claim"}},
		{"html range with enable of all", "<html><body><article>\n<!-- citecheck-disable uncited-claim -->\n<p>" + claimA + "</p>\n<!-- citecheck-enable -->\n<p>" + claimB + "</p>\n</article></body></html>\n",
			[]string{"5:uncited-claim"}, []string{"3:uncited-claim"}},
		{"unused", "<!-- citecheck-disable-next-line orphan-reference -->\n" + claimA + "\n",
			[]string{"1:unused-suppression", "2:uncited-claim"}, []string{}},
		{"unused enable", claimA + "\n\n<!-- citecheck-enable -->\n",
			[]string{"1:uncited-claim", "3:unused-suppression"}, []string{}},
		{"unknown code", "# citecheck-disable-next-line uncited-claims\n" + claimA + "\n",
			[]string{"1:invalid-suppression", "2:uncited-claim"}, []string{}},
		{"unknown directive", "<!-- citecheck-disable-nextline uncited-claim -->\n" + claimA + "\n",
			[]string{"1:invalid-suppression", "2:uncited-claim"}, []string{}},
		{"suppressing the finding about a suppression", "<!-- citecheck-disable unused-suppression -->\n<!-- citecheck-disable-next-line orphan-reference -->\n" + claimA + "\n",
			[]string{"3:uncited-claim"}, []string{"2:unused-suppression"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "draft.md"
			switch {
			case strings.HasPrefix(tt.name, "html"):
				name = "draft.html"
			case strings.HasPrefix(tt.name, "text"), strings.HasPrefix(tt.name, "unknown code"):
				name = "draft.txt"
			}
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.input), citecheck.Options{Name: name})
			require.NoError(t, err)
			assert.Equal(t, tt.findings, lineCodes(r.Findings, func(f citecheck.Finding) citecheck.Finding { return f }))
			assert.Equal(t, tt.suppressed, lineCodes(r.Suppressed, func(s citecheck.SuppressedFinding) citecheck.Finding { return s.Finding }))
			assert.Equal(t, len(tt.suppressed), r.Summary.Suppressed)
			for _, c := range r.Claims {
				assert.NotContains(t, c.Text, "citecheck-", "a suppression comment is not content")
			}
		})
	}
}

func TestSuppressionKeepsCommentAndReason(t *testing.T) {
	in := "Intro.\n\n<!-- citecheck-disable-next-line uncited-claim -- quoted from the press release -->\n" + claimA + "\n"
	r, err := citecheck.Check(context.Background(), strings.NewReader(in), citecheck.Options{Name: "draft.md"})
	require.NoError(t, err)
	require.Len(t, r.Suppressed, 1)
	s := r.Suppressed[0]
	assert.Equal(t, "quoted from the press release", s.Reason)
	assert.Equal(t, 3, s.SuppressedBy.Line)
	assert.Equal(t, 1, s.SuppressedBy.Column)
	assert.Equal(t, strings.Index(in, "<!--"), s.SuppressedBy.Start)
	assert.Equal(t, strings.Index(in, "-->")+3, s.SuppressedBy.End)
	assert.Empty(t, r.Findings)
	assert.Zero(t, r.Summary.Warnings)
}

func TestSuppressionMessages(t *testing.T) {
	in := "<!-- citecheck-disable-next-line uncited-claims -->\n<!-- citecheck-disabel -->\n" + claimA + "\n"
	r, err := citecheck.Check(context.Background(), strings.NewReader(in), citecheck.Options{Name: "draft.md"})
	require.NoError(t, err)
	var msgs []string
	for _, f := range r.Findings {
		if f.Code == citecheck.CodeInvalidSuppression {
			msgs = append(msgs, f.Message)
		}
	}
	assert.Equal(t, []string{
		`citecheck-disable-next-line names unknown code "uncited-claims"; did you mean uncited-claim?`,
		`unknown suppression "citecheck-disabel"; did you mean citecheck-disable?`,
	}, msgs)
}

func TestSuppressionsInUTF16AreReported(t *testing.T) {
	text := "# citecheck-disable-next-line uncited-claim\n" + claimA + "\n"
	src := []byte{0xff, 0xfe} // UTF-16LE with its byte order mark
	for _, r := range text {
		src = append(src, byte(r), byte(r>>8))
	}
	r, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: "draft.txt"})
	require.NoError(t, err)
	assert.Equal(t, []string{"1:invalid-suppression", "2:uncited-claim"}, lineCodes(r.Findings, func(f citecheck.Finding) citecheck.Finding { return f }))
	assert.Equal(t, 3, r.Findings[0].Span.Column)
}
