package sources

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// A Word document (.docx) is a zip archive of XML parts. The reader takes
// the main document, its footnotes and endnotes, the relationships that
// give hyperlinks their targets, the styles and numbering that say which
// paragraphs are headings and list items, the settings that number the
// notes and the core properties (title, author, date created). Everything
// else (headers, footers, comments, text boxes, images) is left out.
//
// # Positions
//
// A DOCX has no lines a person could go to, so its Document's Src is not
// the archive but its readable text, one paragraph a line: Src holds the
// same bytes as Text. A Location's Line is so the paragraph's number
// (1-based, counting the paragraphs that hold text in reading order: the
// body, table cells row by row, then the footnotes, then the endnotes,
// each note one line, its paragraphs joined as a Markdown footnote's are),
// its Column the character within the paragraph, and Start and End byte
// offsets into Text. Paragraphs without text, which Word shows as blank
// lines, are not counted. Where Word recorded page breaks
// (w:lastRenderedPageBreak, which Word writes at every page boundary when
// it saves; failing those, the hard breaks w:br w:type="page" and
// "page break before"), Location.Page is the page a span starts on; a
// footnote's page is the page of its mark, an endnote's the last.
//
// # Limits
//
// An archive of more than docxMaxParts entries is refused, and so is one
// whose parts read here decompress, together, to more than docxExpansion
// times the input limit (ReadOptions.MaxBytes): a zip bomb stops at the
// limit, and each part is decoded as a stream, never held whole.

// FormatDOCX is a Word document (Office Open XML, .docx). Its Document's
// Src is not the archive but its text, one paragraph a line, so that a
// Location's Line is a paragraph's number (counting the paragraphs that
// hold text: the body's, table cells row by row, then each footnote and
// each endnote as one line), its Column the character within the
// paragraph, its Start and End offsets into Text, and its Page the page
// Word recorded, when it did.
const FormatDOCX Format = "docx"

// ErrMalformed means an input is not well formed in its format: a DOCX
// that is no zip archive, lacks its main document or holds malformed XML.
var ErrMalformed = errors.New("malformed input")

// PartError is an error in one part of a container format, a DOCX's
// word/document.xml say, at a line and column of that part when there is
// one. Read returns it wrapped in an *InputError naming the file.
type PartError struct {
	// Part is the part's name inside the archive.
	Part string
	// Line and Column (1-based, Column in bytes) place the error inside
	// the part; zero when the problem is with the part as a whole.
	Line, Column int
	Err          error
}

// Error formats the error as part:line:col: cause.
func (e *PartError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.Part, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Part, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *PartError) Unwrap() error { return e.Err }

const (
	// docxMaxParts bounds the entries of a DOCX archive: a real document
	// has tens, a few hundred with many images.
	docxMaxParts = 10_000
	// docxExpansion is how many times the input limit the parts read may
	// decompress to, together: XML compresses about ten times, but most of
	// a large document's bytes are its images, which are never read.
	docxExpansion = 4
	// docxMaxInstr bounds the field instruction kept for one field (a
	// Zotero citation's CSL JSON); the rest is dropped.
	docxMaxInstr = 256 << 10
	// docxMaxDepth bounds how deep the XML of a part may nest: a table in
	// a table takes a few levels, and encoding/xml holds a record for each
	// open element, some twenty times the bytes of "<a>".
	docxMaxDepth = 1000
)

// Namespaces of WordprocessingML, transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }
func isM(n xml.Name) bool { return n.Space == nsM || n.Space == nsMStrict }

// attrW returns a WordprocessingML attribute (w:val, w:id), or an
// unqualified one of that name.
func attrW(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == nsW || a.Name.Space == nsWStrict) {
			return a.Value
		}
	}
	return ""
}

// attrR returns a relationship attribute (r:id).
func attrR(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == nsR || a.Name.Space == nsRStrict) {
			return a.Value
		}
	}
	return ""
}

// onOff reads a toggle property (w:b, w:vanish): present and not "0",
// "false" or "off".
func onOff(se xml.StartElement) bool {
	switch attrW(se, "val") {
	case "0", "false", "off":
		return false
	}
	return true
}

// docxPackage is an opened DOCX: its parts by name and what the reader
// takes from the parts other than the text.
type docxPackage struct {
	files  map[string]*zip.File // by lower-cased part name
	budget int64                // decompressed bytes the parts may still take

	styles   map[string]*docxStyle
	numFmts  map[[2]string]string // (numId, ilvl) to the level's number format
	footFmt  docxNoteFormat
	endFmt   docxNoteFormat
	docPart  string // the main document's part name
	footPart string
	endPart  string
	corePart string
	docRels  map[string]docxRel
	bib      map[string]string // Word's bibliography: source tag to DOI URL or URL
	total    int64             // the decompressed bytes all parts may take
}

// docxRel is one relationship of a part: its target and whether that is
// outside the package (a hyperlink's URL).
type docxRel struct {
	Type     string
	Target   string
	External bool
}

// docxNoteFormat numbers the notes of one kind.
type docxNoteFormat struct {
	fmt   string
	start int
}

// sniffDOCX reports whether src is a zip archive whose content types name
// a WordprocessingML main document.
func sniffDOCX(_, src []byte) bool {
	if !bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil || len(zr.File) > docxMaxParts {
		return false
	}
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "[Content_Types].xml") || f.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		head, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		rc.Close()
		return bytes.Contains(head, []byte("wordprocessingml.document.main+xml")) ||
			bytes.Contains(head, []byte("ms-word.document.macroEnabled.main+xml")) ||
			bytes.Contains(head, []byte("wordprocessingml.template.main+xml"))
	}
	return false
}

// parseDOCX reads a Word document. doc.Src is the archive on entry and the
// text, one paragraph a line, on return.
func parseDOCX(doc *Document, opts ReadOptions) error {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if n, ok := zipEntries(doc.Src); ok && n > docxMaxParts {
		return fmt.Errorf("%w: a DOCX of more than %d parts", ErrLimit, docxMaxParts)
	}
	zr, err := zip.NewReader(bytes.NewReader(doc.Src), int64(len(doc.Src)))
	if err != nil {
		return fmt.Errorf("%w: not a DOCX (zip archive): %w", ErrMalformed, err)
	}
	if len(zr.File) > docxMaxParts {
		return fmt.Errorf("%w: a DOCX of more than %d parts", ErrLimit, docxMaxParts)
	}
	pkg := &docxPackage{files: make(map[string]*zip.File, len(zr.File)), budget: docxExpansion * limit, total: docxExpansion * limit}
	for _, f := range zr.File {
		key := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := pkg.files[key]; !dup {
			pkg.files[key] = f
		}
	}
	if err := pkg.locateParts(); err != nil {
		return err
	}
	if err := pkg.readAuxiliary(); err != nil {
		return err
	}
	w := newDOCXWriter(doc, pkg)
	if err := w.readDocument(); err != nil {
		return err
	}
	if err := pkg.readCore(&doc.Meta); err != nil {
		return err
	}
	if doc.Meta.Title == "" {
		doc.Meta.Title = w.title
	}
	return nil
}

// zipEntries reads the number of entries from a zip archive's end of
// central directory record, before archive/zip allocates one File for
// each; false when there is no such record or it is a Zip64 one.
func zipEntries(src []byte) (int, bool) {
	const eocdLen = 22
	from := max(0, len(src)-eocdLen-0xffff)
	i := bytes.LastIndex(src[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+eocdLen > len(src) {
		return 0, false
	}
	n := binary.LittleEndian.Uint16(src[from+i+10:])
	if n == 0xffff {
		return 0, false
	}
	return int(n), true
}

// open returns a part's decompressed bytes as a stream that fails with
// ErrTooLarge once the package's budget is spent; nil when the part is
// missing.
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.budget) {
		return nil, p.tooLarge(name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &PartError{Part: name, Err: fmt.Errorf("%w: %w", ErrMalformed, err)}
	}
	return &docxPartReader{rc: rc, pkg: p, name: name}, nil
}

func (p *docxPackage) tooLarge(name string) error {
	return &PartError{Part: name, Err: fmt.Errorf("%w: the parts read decompress to more than %d bytes (%d times the input limit)",
		ErrTooLarge, p.total, docxExpansion)}
}

// docxPartReader counts what a part decompresses to against the
// package's budget.
type docxPartReader struct {
	rc   io.ReadCloser
	pkg  *docxPackage
	name string
}

func (r *docxPartReader) Read(b []byte) (int, error) {
	if r.pkg.budget <= 0 {
		// one byte more proves the part goes past the budget
		var one [1]byte
		if n, _ := r.rc.Read(one[:]); n > 0 {
			return 0, r.pkg.tooLarge(r.name)
		}
	}
	if int64(len(b)) > r.pkg.budget {
		b = b[:max(r.pkg.budget, 1)]
	}
	n, err := r.rc.Read(b)
	r.pkg.budget -= int64(n)
	if r.pkg.budget < 0 {
		return n, r.pkg.tooLarge(r.name)
	}
	return n, err
}

func (r *docxPartReader) Close() error { return r.rc.Close() }

// decodePart runs fn over the tokens of an XML part, turning a syntax or
// read error into a *PartError with the line and column of the part.
func (p *docxPackage) decodePart(name string, required bool, fn func(d *xml.Decoder, tok xml.Token) error) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	if rc == nil {
		if required {
			return &PartError{Part: name, Err: fmt.Errorf("%w: the DOCX has no %s", ErrMalformed, name)}
		}
		return nil
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.Strict = true
	depth := 0
	for {
		// a syntax error is reported where the token that holds it
		// starts, which is where the last one ended
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *PartError
			if errors.As(err, &pe) {
				return err
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &PartError{Part: name, Line: line, Column: col, Err: fmt.Errorf("%w: XML: %s", ErrMalformed, se.Msg)}
			}
			return &PartError{Part: name, Line: line, Column: col, Err: fmt.Errorf("%w: %w", ErrMalformed, err)}
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > docxMaxDepth {
				return &PartError{Part: name, Line: line, Column: col, Err: fmt.Errorf("%w: XML nested more than %d deep", ErrLimit, docxMaxDepth)}
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(d, tok); err != nil {
			var pe *PartError
			if errors.As(err, &pe) {
				return err
			}
			line, col = d.InputPos()
			return &PartError{Part: name, Line: line, Column: col, Err: err}
		}
	}
}

// relsPart returns the name of the relationships part of a part.
func relsPart(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// resolvePart resolves a relationship target against the part it belongs
// to.
func resolvePart(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target)[1:]
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/")
}

// readRels reads a relationships part; a missing one has none.
func (p *docxPackage) readRels(name string) (map[string]docxRel, error) {
	rels := map[string]docxRel{}
	err := p.decodePart(name, false, func(_ *xml.Decoder, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			return nil
		}
		var id string
		var r docxRel
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Type":
				r.Type = a.Value
			case "Target":
				r.Target = a.Value
			case "TargetMode":
				r.External = strings.EqualFold(a.Value, "External")
			}
		}
		if id != "" {
			rels[id] = r
		}
		return nil
	})
	return rels, err
}

// locateParts finds the main document through the package relationships,
// and its notes through its own.
func (p *docxPackage) locateParts() error {
	root, err := p.readRels("_rels/.rels")
	if err != nil {
		return err
	}
	p.docPart, p.corePart = "word/document.xml", "docProps/core.xml"
	for _, r := range root {
		switch {
		case strings.HasSuffix(r.Type, "/officeDocument") && !r.External:
			p.docPart = resolvePart("", r.Target)
		case strings.HasSuffix(r.Type, "/core-properties") && !r.External:
			p.corePart = resolvePart("", r.Target)
		}
	}
	if p.files[strings.ToLower(p.docPart)] == nil {
		return &PartError{Part: p.docPart, Err: fmt.Errorf("%w: the DOCX has no main document", ErrMalformed)}
	}
	if p.docRels, err = p.readRels(relsPart(p.docPart)); err != nil {
		return err
	}
	dir := path.Dir(p.docPart)
	p.footPart, p.endPart = path.Join(dir, "footnotes.xml"), path.Join(dir, "endnotes.xml")
	for _, r := range p.docRels {
		if r.External {
			continue
		}
		switch {
		case strings.HasSuffix(r.Type, "/footnotes"):
			p.footPart = resolvePart(p.docPart, r.Target)
		case strings.HasSuffix(r.Type, "/endnotes"):
			p.endPart = resolvePart(p.docPart, r.Target)
		}
	}
	return nil
}

// docxStyle is what the reader takes from a style: its name, the style it
// is based on, and the properties that make a heading, a list item, a
// superscript or hidden text.
type docxStyle struct {
	name, basedOn string
	outline       int // outline level + 1; 0 unset, 10 body text
	numID, ilvl   string
	super, hidden int8 // 0 unset, 1 on, -1 off
}

// readAuxiliary reads the styles, numbering and settings parts.
func (p *docxPackage) readAuxiliary() error {
	dir := path.Dir(p.docPart)
	stylesPart, numPart, settingsPart := path.Join(dir, "styles.xml"), path.Join(dir, "numbering.xml"), path.Join(dir, "settings.xml")
	for _, r := range p.docRels {
		if r.External {
			continue
		}
		switch {
		case strings.HasSuffix(r.Type, "/styles"):
			stylesPart = resolvePart(p.docPart, r.Target)
		case strings.HasSuffix(r.Type, "/numbering"):
			numPart = resolvePart(p.docPart, r.Target)
		case strings.HasSuffix(r.Type, "/settings"):
			settingsPart = resolvePart(p.docPart, r.Target)
		}
	}
	if err := p.readStyles(stylesPart); err != nil {
		return err
	}
	if err := p.readNumbering(numPart); err != nil {
		return err
	}
	p.footFmt, p.endFmt = docxNoteFormat{"decimal", 1}, docxNoteFormat{"lowerRoman", 1}
	if err := p.readSettings(settingsPart); err != nil {
		return err
	}
	return p.readBibliography()
}

func (p *docxPackage) readStyles(name string) error {
	p.styles = map[string]*docxStyle{}
	var cur *docxStyle
	inRPr := false
	return p.decodePart(name, false, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				return nil
			}
			switch t.Name.Local {
			case "style":
				cur = &docxStyle{}
				if id := attrW(t, "styleId"); id != "" && len(p.styles) < docxMaxParts {
					p.styles[id] = cur
				}
			case "name":
				if cur != nil {
					cur.name = attrW(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attrW(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attrW(t, "val")); err == nil && n >= 0 && n <= 9 {
						cur.outline = n + 1
					}
				}
			case "numId":
				if cur != nil {
					cur.numID = attrW(t, "val")
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl = attrW(t, "val")
				}
			case "rPr":
				inRPr = true
			case "vertAlign":
				if cur != nil && inRPr {
					cur.super = -1
					if attrW(t, "val") == "superscript" {
						cur.super = 1
					}
				}
			case "vanish":
				if cur != nil && inRPr {
					cur.hidden = -1
					if onOff(t) {
						cur.hidden = 1
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				cur = nil
			case "rPr":
				inRPr = false
			}
		}
		return nil
	})
}

// styleChain calls fn for a style and those it is based on, nearest
// first, until fn returns true; a loop of basedOn ends it.
func (p *docxPackage) styleChain(id string, fn func(s *docxStyle) bool) {
	for range 16 {
		s := p.styles[id]
		if s == nil || fn(s) {
			return
		}
		id = s.basedOn
	}
}

func (p *docxPackage) readNumbering(name string) error {
	p.numFmts = map[[2]string]string{}
	abstract := map[string]map[string]string{} // abstractNumId to ilvl to numFmt
	nums := map[string]string{}                // numId to abstractNumId
	var absID, lvl, numID string
	err := p.decodePart(name, false, func(_ *xml.Decoder, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			return nil
		}
		switch se.Name.Local {
		case "abstractNum":
			absID, numID = attrW(se, "abstractNumId"), ""
			if abstract[absID] == nil && len(abstract) < docxMaxParts {
				abstract[absID] = map[string]string{}
			}
		case "lvl":
			lvl = attrW(se, "ilvl")
		case "numFmt":
			if m := abstract[absID]; m != nil && numID == "" {
				if _, seen := m[lvl]; !seen {
					m[lvl] = attrW(se, "val")
				}
			}
		case "num":
			numID, absID = attrW(se, "numId"), ""
		case "abstractNumId":
			if numID != "" && len(nums) < docxMaxParts {
				nums[numID] = attrW(se, "val")
			}
		}
		return nil
	})
	for n, a := range nums {
		for l, f := range abstract[a] {
			p.numFmts[[2]string{n, l}] = f
		}
	}
	return err
}

func (p *docxPackage) readSettings(name string) error {
	var cur *docxNoteFormat
	return p.decodePart(name, false, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				return nil
			}
			switch t.Name.Local {
			case "footnotePr":
				cur = &p.footFmt
			case "endnotePr":
				cur = &p.endFmt
			case "numFmt":
				if cur != nil {
					cur.fmt = attrW(t, "val")
				}
			case "numStart":
				if n, err := strconv.Atoi(attrW(t, "val")); cur != nil && err == nil && n >= 0 && n < 1<<20 {
					cur.start = n
				}
			}
		case xml.EndElement:
			if t.Name.Local == "footnotePr" || t.Name.Local == "endnotePr" {
				cur = nil
			}
		}
		return nil
	})
}

// readCore reads the core properties: title, creator (authors separated
// by ";"), date created, language and description.
func (p *docxPackage) readCore(m *Meta) error {
	var field *string
	var text strings.Builder
	return p.decodePart(p.corePart, false, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			var creator string
			field = nil
			switch t.Name.Local {
			case "title":
				field = &m.Title
			case "creator":
				field = &creator
			case "created":
				field = &m.Published
			case "language":
				field = &m.Language
			case "description":
				field = &m.Description
			}
			text.Reset()
		case xml.CharData:
			if field != nil && text.Len() < 4096 {
				text.Write(t)
			}
		case xml.EndElement:
			if field == nil {
				return nil
			}
			v := strings.Join(strings.Fields(text.String()), " ")
			if t.Name.Local == "creator" {
				for a := range strings.SplitSeq(v, ";") {
					if a = strings.TrimSpace(a); a != "" {
						m.Authors = append(m.Authors, a)
					}
				}
			} else {
				*field = v
			}
			field = nil
		}
		return nil
	})
}

// noteLabel writes the n-th note's mark in a note format.
func noteLabel(f docxNoteFormat, n int) string {
	n += f.start - 1
	switch f.fmt {
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := romanNumeral(n)
			if f.fmt == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "lowerLetter", "upperLetter":
		if n >= 1 {
			// a, b, …, z, aa, bb, … as Word counts
			c := byte('a' + (n-1)%26)
			if f.fmt == "upperLetter" {
				c -= 'a' - 'A'
			}
			return strings.Repeat(string(c), min((n-1)/26+1, 64))
		}
	case "chicago":
		if n >= 1 {
			return strings.Repeat([]string{"*", "†", "‡", "§"}[(n-1)%4], min((n-1)/4+1, 64))
		}
	}
	return strconv.Itoa(n)
}

func romanNumeral(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
