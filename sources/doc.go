// Package sources is citecheck's document model, the leaf every other
// package builds on: an input read once into a Document, with its readable
// text, its structure and the map from every byte of that text back to the
// line and column of the input it came from.
//
//	doc, err := sources.Read(file, sources.ReadOptions{Name: "draft.md"})
//	if err != nil {
//		return err // a *sources.InputError names the file and the position
//	}
//	for _, b := range doc.Blocks {
//		loc := doc.Locate(b.Span)
//		fmt.Printf("%s:%d:%d: %s %q\n", doc.Name, loc.Line, loc.Column, b.Kind, doc.Slice(b.Span))
//	}
//
// # Documents and positions
//
// A Document keeps the input exactly as given (Src) and its readable Text:
// for HTML the main content with navigation, footers and comments left out
// and entities decoded, for Markdown the rendered text, for plain text the
// text with hard-wrapped lines joined (an HTML <pre> that holds a
// plain-text document, an RFC say, rather than code, is split into blocks
// the same way, its headings apart). Detectors work on Text and report a
// Span of it; Document.Locate turns a Span into a Location, the byte
// offsets in Src and the 1-based line and column (in characters) of both
// ends, which is the one position type of every report. A Word document
// (DOCX), a zip archive, has no lines to point at: its Src is its text, one
// paragraph a line, so that a Location's line is a paragraph's number, its
// column the character within it, and its Page the page Word recorded
// (docx.go says how paragraphs and notes are counted). Blocks, Links,
// Anchors and Superscripts describe the text's structure; Meta is what the
// document says about itself.
//
// # Formats
//
// FormatTable lists the formats citecheck reads, each with its extensions,
// how to recognise it from its first bytes and its reader. Parse,
// DetectFormat, the corpus reader and the command-line tool all go through
// it, so adding an input format is adding one row and its reader in a file
// of its own (docx*.go, html*.go, markdown.go and text.go are the readers
// today).
//
// # PDF text
//
// ReadPDF extracts the text of a PDF, page by page, for checking what a
// cited report says; it is no Format, since articles are not read from
// PDFs, and its text has no map back to the file beyond each page's start
// (PDF.PageStarts). The PDF library it uses panics on malformed input:
// ReadPDF recovers, and bounds its time, the pages, the decompressed
// streams and the text (see its Security Considerations).
//
// # Identity
//
// URLKey, DOIKey, DOIFromURL and ParseDOI say when two URLs name one page
// and two DOIs one work, HeadingKey and IsReferenceHeading when a heading
// opens a reference section: one definition each, which the citations
// package links by and the resolver keys its cache by. The site a host
// belongs to (its registrable domain) is the sources/site package's, kept
// apart because the Public Suffix List package imports net/http.
//
// # Sub-packages
//
//   - sources/resolve fetches what an article cites, safely and politely,
//     and decides what to fetch and what its Cache answers;
//   - sources/resolve/sqlitecache keeps that cache in SQLite;
//   - sources/corpus streams the articles of a corpus (folders, JSON Lines,
//     WARC), for batch runs;
//   - sources/site tells which site a host belongs to;
//   - sources/sqlitedb opens citecheck's SQLite databases the one way.
//
// This package never touches the network, a database or a file it was not
// given: its readers take an io.Reader or bytes and never close them.
//
// # Errors
//
// Reading fails with an *InputError naming the input and, where it can,
// the line and column; test its cause with errors.Is against ErrTooLarge,
// ErrBinary, ErrUnsupportedFormat, ErrEncoding and ErrMalformed (a DOCX that
// is no zip archive or holds malformed XML, whose *PartError names the part
// and its line and column). Inputs larger than ReadOptions.MaxBytes
// (DefaultMaxBytes by default) are refused, not cut, and so is a DOCX whose
// parts decompress past four times that, or that holds more than 10,000
// parts (ErrLimit): a zip bomb never holds more memory than the limit.
package sources
