package citecheck

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck/sources"
)

// The suppression comments a draft may hold, as the writer types them:
//
//	<!-- citecheck-disable-next-line uncited-claim -- quoted from the press release -->
//	<!-- citecheck-disable orphan-reference -->
//	…
//	<!-- citecheck-enable orphan-reference -->
//
// in HTML and Markdown, and in plain text the same words on a line of their
// own after a '#': "# citecheck-disable-next-line uncited-claim".
const (
	directivePrefix   = "citecheck-"
	directiveNextLine = "citecheck-disable-next-line"
	directiveDisable  = "citecheck-disable"
	directiveEnable   = "citecheck-enable"
)

// directiveKind says what a suppression comment does.
type directiveKind int

const (
	// directiveUnknown is a comment that starts "citecheck-" with a word
	// that is none of the others: a misspelling, reported.
	directiveUnknown directiveKind = iota
	directiveKindNextLine
	directiveKindDisable
	directiveKindEnable
)

// directive is one suppression comment, parsed.
type directive struct {
	kind directiveKind
	// name is the directive's word as written: "citecheck-disable".
	name string
	// codes are the codes named, as written; none means every code.
	codes []string
	// reason is what follows "--", trimmed.
	reason string
}

// parseDirective parses the text of a comment (without "<!--" and "-->",
// or a text line's '#'). ok is false when the comment is not meant for
// citecheck: it does not start, after white space, with "citecheck-".
// Codes are separated by white space or commas; "--" starts the reason.
func parseDirective(text string) (d directive, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, directivePrefix) {
		return directive{}, false
	}
	// "--" starts the reason, but not within the prefix itself
	if i := strings.Index(text[len(directivePrefix):], "--"); i >= 0 {
		i += len(directivePrefix)
		d.reason = strings.Join(strings.Fields(text[i+2:]), " ")
		text = text[:i]
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || isSpace(r) })
	// text starts with the prefix, so words is not empty
	d.name = words[0]
	switch d.name {
	case directiveNextLine:
		d.kind = directiveKindNextLine
	case directiveDisable:
		d.kind = directiveKindDisable
	case directiveEnable:
		d.kind = directiveKindEnable
	}
	if len(words) > 1 {
		d.codes = words[1:]
	}
	return d, true
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	return false
}

// rawDirective is a suppression comment and where it is in Src.
type rawDirective struct {
	directive
	start, end int // the comment's bytes, "<!--" to "-->" or the text line
}

// holdsDirective reports whether src holds directivePrefix anywhere, as
// bytes.Contains would; it looks for the prefix's "k", a rare letter in
// markup, rather than its "c", a common one, so that a long page with no
// directive, the usual case, is passed over in long strides.
func holdsDirective(src []byte) bool {
	const k = len(directivePrefix) - 2 // where the "k" of "citecheck-" is
	for i := k; i < len(src); {
		j := bytes.IndexByte(src[i:], 'k')
		if j < 0 {
			return false
		}
		i += j
		if i+2 <= len(src) && string(src[i-k:i+2]) == directivePrefix {
			return true
		}
		i++
	}
	return false
}

// findDirectives returns the suppression comments of a document in order:
// HTML comments in HTML and Markdown (not those in code: <pre>, <code>,
// <textarea>, <script> and <style> in HTML, fenced code blocks and code
// spans in Markdown), and '#' lines in plain text. A DOCX has no comments
// to hold them; a UTF-16 or UTF-32 input is not scanned (see
// directiveCharset).
func findDirectives(doc *sources.Document) []rawDirective {
	if !holdsDirective(doc.Src) || !directiveCharset(doc.Charset) {
		return nil
	}
	switch doc.Format {
	case sources.FormatHTML:
		return htmlDirectives(doc.Src)
	case sources.FormatMarkdown:
		return markdownDirectives(doc.Src)
	case sources.FormatText:
		return textDirectives(doc.Src)
	}
	return nil
}

// directiveCharset reports whether the input's bytes spell ASCII as ASCII,
// so that comments are found in Src itself, at the offsets findings carry.
func directiveCharset(charset string) bool {
	c := strings.ToLower(charset)
	return !strings.HasPrefix(c, "utf-16") && !strings.HasPrefix(c, "utf-32")
}

// htmlDirectives finds the suppression comments of an HTML page with the
// HTML5 tokenizer, which also knows where script and style text runs.
func htmlDirectives(src []byte) []rawDirective {
	var out []rawDirective
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(0)
	off, code := 0, 0 // code counts the open <pre>, <code> and <textarea>
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		n := len(z.Raw())
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "pre", "code", "textarea", "xmp", "listing":
				if tt == html.StartTagToken {
					code++
				} else {
					code = max(0, code-1)
				}
			}
		case html.CommentToken:
			if code == 0 {
				if d, ok := parseDirective(string(z.Text())); ok {
					out = append(out, rawDirective{directive: d, start: off, end: off + n})
				}
			}
		}
		off += n
	}
}

// markdownDirectives finds the HTML comments of a Markdown draft that are
// suppressions, outside fenced code blocks and code spans.
func markdownDirectives(src []byte) []rawDirective {
	var out []rawDirective
	var fence []byte // the open fence's marker run, or nil
	for start := 0; start < len(src); {
		end, next := lineAt(src, start)
		line := src[start:end]
		trimmed := bytes.TrimLeft(line, " ")
		if len(line)-len(trimmed) <= 3 {
			if marker := fenceMarker(trimmed); marker != nil {
				switch {
				case fence == nil:
					fence = marker
				case marker[0] == fence[0] && len(marker) >= len(fence) && len(bytes.TrimSpace(trimmed[len(marker):])) == 0:
					fence = nil
				}
				start = next
				continue
			}
		}
		if fence != nil {
			start = next
			continue
		}
		// a comment may run over lines: look from this line on
		i := bytes.Index(line, []byte("<!--"))
		if i < 0 || inCodeSpan(line[:i]) {
			start = next
			continue
		}
		open := start + i
		k := bytes.Index(src[open+4:], []byte("-->"))
		if k < 0 {
			return out // an unclosed comment hides the rest of the draft
		}
		closeEnd := open + 4 + k + 3
		if d, ok := parseDirective(string(src[open+4 : closeEnd-3])); ok {
			out = append(out, rawDirective{directive: d, start: open, end: closeEnd})
		}
		// go on after the comment, on its own line
		rest := bytes.IndexByte(src[closeEnd:], '\n')
		if j := bytes.Index(src[closeEnd:], []byte("<!--")); j >= 0 && (rest < 0 || j < rest) {
			// another comment on the same line: rescan from the comment's end
			// as if it started a line (it cannot open a fence)
			start = closeEnd
			continue
		}
		if rest < 0 {
			break
		}
		start = closeEnd + rest + 1
	}
	return out
}

// lineAt returns the end of the line of src that starts at start (its
// '\n' excluded) and where the next line starts (len(src) after the last).
func lineAt(src []byte, start int) (end, next int) {
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		return start + i, start + i + 1
	}
	return len(src), len(src)
}

// fenceMarker returns the run of three or more backticks or tildes a line
// starts with, or nil.
func fenceMarker(line []byte) []byte {
	if len(line) < 3 || line[0] != '`' && line[0] != '~' {
		return nil
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return line[:n]
}

// inCodeSpan reports whether the end of a line's prefix lies inside a code
// span: an odd number of backticks before it.
func inCodeSpan(prefix []byte) bool {
	return bytes.Count(prefix, []byte("`"))%2 == 1
}

// textDirectives finds the suppression lines of a plain-text draft: a line
// that holds, after white space, '#', optional blanks and "citecheck-".
// The text reader reads those lines as blank (sources.isDirectiveLine).
func textDirectives(src []byte) []rawDirective {
	var out []rawDirective
	for start := 0; start < len(src); {
		end, next := lineAt(src, start)
		line := bytes.TrimRight(src[start:end], "\r")
		if body, ok := textDirectiveBody(line); ok {
			if d, ok := parseDirective(string(body)); ok {
				ind := len(line) - len(bytes.TrimLeft(line, " \t\ufeff"))
				out = append(out, rawDirective{directive: d, start: start + ind, end: start + len(line)})
			}
		}
		start = next
	}
	return out
}

// textDirectiveBody returns what follows the '#' of a suppression line.
func textDirectiveBody(line []byte) ([]byte, bool) {
	s := bytes.TrimLeft(line, " \t\ufeff")
	if len(s) == 0 || s[0] != '#' {
		return nil, false
	}
	body := bytes.TrimLeft(s[1:], " \t")
	return body, bytes.HasPrefix(body, []byte(directivePrefix))
}

// wideDirective returns the offset in Src of the first "citecheck-" of a
// UTF-16 or UTF-32 input, whose comments findDirectives does not read, or
// -1.
func wideDirective(doc *sources.Document) int {
	size := wideSize(doc.Charset)
	if size == 1 {
		return -1
	}
	big := strings.HasSuffix(strings.ToLower(doc.Charset), "be")
	pattern := make([]byte, 0, len(directivePrefix)*size)
	for i := range len(directivePrefix) {
		unit := make([]byte, size)
		if big {
			unit[size-1] = directivePrefix[i]
		} else {
			unit[0] = directivePrefix[i]
		}
		pattern = append(pattern, unit...)
	}
	for from := 0; ; {
		i := bytes.Index(doc.Src[from:], pattern)
		if i < 0 {
			return -1
		}
		if (from+i)%size == 0 { // on a code unit, not across two
			return from + i
		}
		from += i + 1
	}
}

// wideSize is the bytes of one code unit of a charset: 2 for UTF-16, 4 for
// UTF-32, else 1.
func wideSize(charset string) int {
	c := strings.ToLower(charset)
	switch {
	case strings.HasPrefix(c, "utf-16"):
		return 2
	case strings.HasPrefix(c, "utf-32"):
		return 4
	}
	return 1
}
