package citecheck

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/sources"
)

// FuzzSuppressions checks the suppression-comment parser and scanners:
// they never panic, every comment lies inside the input, and every code
// and the name are words of the comment.
func FuzzSuppressions(f *testing.F) {
	for _, s := range []string{
		"<!-- citecheck-disable-next-line uncited-claim -- a reason -->\ntext",
		"<!-- citecheck-disable a, b --> x <!-- citecheck-enable -->",
		"```\n<!-- citecheck-disable -->\n```\n`<!-- citecheck-enable -->`",
		"# citecheck-disable-next-line\n#citecheck-enable x\n",
		"<pre><!-- citecheck-disable --></pre><script><!-- citecheck-x --></script>",
		"<!-- citecheck-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseDirective(s); ok {
			if !strings.HasPrefix(d.name, directivePrefix) || !strings.Contains(s, d.name) {
				t.Fatalf("name %q not from %q", d.name, s)
			}
			for _, c := range d.codes {
				if c == "" || !strings.Contains(s, c) {
					t.Fatalf("code %q not from %q", c, s)
				}
			}
		}
		for _, cs := range []string{"utf-16le", "utf-16be", "utf-32le", "utf-32be"} {
			doc := &sources.Document{Format: sources.FormatText, Src: []byte(s), Charset: cs}
			if i := wideDirective(doc); i < -1 || i >= 0 && (i+len(directivePrefix)*wideSize(cs) > len(s) || i%wideSize(cs) != 0) {
				t.Fatalf("%s: wide comment at %d out of place in %d bytes", cs, i, len(s))
			}
		}
		for _, format := range []sources.Format{sources.FormatHTML, sources.FormatMarkdown, sources.FormatText} {
			doc := &sources.Document{Format: format, Src: []byte(s), Charset: "utf-8"}
			prev := -1
			for _, r := range findDirectives(doc) {
				if r.start < 0 || r.end > len(s) || r.start >= r.end || r.start < prev {
					t.Fatalf("%s: comment [%d,%d) out of place in %d bytes", format, r.start, r.end, len(s))
				}
				prev = r.end
			}
		}
	})
}

// FuzzHoldsDirective holds holdsDirective to bytes.Contains.
func FuzzHoldsDirective(f *testing.F) {
	for _, s := range []string{"", "citecheck-", "xcitecheck-ignore", "citecheck", "kkk citecheck citecheck-", "<!-- citecheck-disable -->", "citecheckk-"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := holdsDirective(src), bytes.Contains(src, []byte(directivePrefix)); got != want {
			t.Fatalf("holdsDirective(%q) = %v, want %v", src, got, want)
		}
	})
}
