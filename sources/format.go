package sources

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format names the markup an input was written in.
type Format string

// The formats citecheck reads.
const (
	FormatHTML     Format = "html"
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
	// FormatDOCX, a Word document, is declared with its reader in docx.go.
)

// FormatInfo describes one input format: its name, the file extensions
// that select it, and its reader. The table FormatTable returns is the one
// place that knows the formats: Parse reads through it, DetectFormat sniffs
// through it, and the command-line tool and the corpus reader take their
// extensions and names from it. Adding a format means adding one row.
type FormatInfo struct {
	// Format is the format's name, as --input-format takes it.
	Format Format
	// Extensions are the lower-case file extensions, with their dot, that
	// select the format.
	Extensions []string
	// sniff reports whether the start of an input (at most 1 KiB, leading
	// white space and byte-order mark removed, lower-cased) is in this
	// format; the whole input is src. Nil never matches.
	sniff func(head, src []byte) bool
	// parse reads doc.Src into doc.
	parse func(doc *Document, opts ReadOptions) error
}

// formatTable lists the formats in the order DetectFormat tries them; plain
// text, last, takes what no other format claims.
var formatTable = [...]FormatInfo{
	{
		// first: a zip archive is no text any other format could claim
		Format:     FormatDOCX,
		Extensions: []string{".docx", ".docm"},
		sniff:      sniffDOCX,
		parse:      parseDOCX,
	},
	{
		Format:     FormatHTML,
		Extensions: []string{".html", ".htm", ".xhtml"},
		sniff:      looksHTML,
		parse:      func(doc *Document, opts ReadOptions) error { return parseHTML(doc, opts.BaseURL) },
	},
	{
		Format:     FormatMarkdown,
		Extensions: []string{".md", ".markdown", ".mdown", ".mkd"},
		sniff:      func(_, src []byte) bool { return looksMarkdown(src) },
		parse:      func(doc *Document, _ ReadOptions) error { return parseMarkdown(doc) },
	},
	{
		Format:     FormatText,
		Extensions: []string{".txt", ".text"},
		sniff:      func(_, _ []byte) bool { return true },
		parse:      func(doc *Document, _ ReadOptions) error { return parseText(doc) },
	},
}

// FormatTable returns the formats citecheck reads, in the order
// DetectFormat tries them.
func FormatTable() []FormatInfo { return formatTable[:] }

// LookupFormat returns the format named name ("docx", "html", "markdown",
// "text").
func LookupFormat(name Format) (FormatInfo, bool) {
	for _, f := range formatTable {
		if f.Format == name {
			return f, true
		}
	}
	return FormatInfo{}, false
}

// FormatOfName returns the format a file name's extension selects, or
// false when no format claims the extension.
func FormatOfName(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return "", false
	}
	for _, f := range formatTable {
		for _, e := range f.Extensions {
			if e == ext {
				return f.Format, true
			}
		}
	}
	return "", false
}

// DetectFormat guesses an input's format from its file name and, failing
// that, from its first bytes.
func DetectFormat(name string, src []byte) Format {
	if f, ok := FormatOfName(name); ok {
		return f
	}
	if u, bom, ok := sniffWide(src); ok {
		// sniff UTF-16 and UTF-32 as the text they hold
		src = wideToUTF8(src[:min(len(src), 256<<10)], u, bom, nil)
	}
	head := src
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n"))
	for _, f := range formatTable {
		if f.sniff != nil && f.sniff(head, src) {
			return f.Format
		}
	}
	return FormatText
}

// looksHTML reports whether the lower-cased start of an input opens an
// HTML document or holds a common block element.
func looksHTML(head, _ []byte) bool {
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<p>")) || bytes.Contains(head, []byte("<div"))
}

// looksMarkdown reports whether text uses Markdown syntax that plain prose
// rarely has: ATX headings, links, footnotes, emphasis markers.
func looksMarkdown(src []byte) bool {
	if len(src) > 64<<10 {
		src = src[:64<<10]
	}
	if !utf8.Valid(src) {
		return false
	}
	score := 0
	for _, line := range bytes.Split(src, []byte{'\n'}) {
		t := bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(t, []byte("# ")), bytes.HasPrefix(t, []byte("## ")), bytes.HasPrefix(t, []byte("### ")):
			score += 2
		case bytes.HasPrefix(t, []byte("[^")) && bytes.Contains(t, []byte("]:")):
			score += 2
		case bytes.HasPrefix(t, []byte("```")):
			score += 2
		}
		if bytes.Contains(t, []byte("](http")) || bytes.Contains(t, []byte("[^")) {
			score++
		}
	}
	return score >= 2
}
