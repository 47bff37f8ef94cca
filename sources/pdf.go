package sources

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Bounds on the work ReadPDF does for one document, whatever it holds.
const (
	// DefaultPDFPages is how many pages ReadPDF reads unless told
	// otherwise: a long report's findings are in its first two hundred
	// pages, and its annexes are tables.
	DefaultPDFPages = 200
	// DefaultPDFText bounds the text ReadPDF returns, in bytes, unless told
	// otherwise.
	DefaultPDFText = 1 << 20
	// DefaultPDFTimeout bounds the time ReadPDF takes unless the context
	// ends sooner.
	DefaultPDFTimeout = 20 * time.Second
	// maxPDFStreams bounds the decompressed bytes of the content streams
	// and character maps ReadPDF reads, over the whole document.
	maxPDFStreams = 256 << 20
	// maxPDFPageStream bounds the decompressed content of one page.
	maxPDFPageStream = 16 << 20
	// maxPDFOps bounds the content-stream operators ReadPDF interprets.
	maxPDFOps = 20_000_000
	// maxPDFObjects bounds the object numbers, counts and sizes a file may
	// declare (see screenPDF).
	maxPDFObjects = 1 << 21
)

// Errors ReadPDF returns; test for them with errors.Is.
var (
	// ErrNotPDF means the input does not start with "%PDF-".
	ErrNotPDF = errors.New("not a pdf")
	// ErrPDFEncrypted means the PDF is encrypted; its text is not read.
	ErrPDFEncrypted = errors.New("encrypted pdf")
	// ErrMalformedPDF means the PDF could not be read: a broken or
	// truncated file, a structure the reader does not support, or one
	// that declares sizes past ReadPDF's bounds.
	ErrMalformedPDF = errors.New("malformed pdf")
	// ErrPDFNoText means the PDF was read but holds no usable text: a scan
	// (images of pages), or fonts whose characters cannot be mapped to
	// Unicode.
	ErrPDFNoText = errors.New("pdf has no readable text")
)

// PDFOptions bound what ReadPDF reads. The zero value uses the defaults.
type PDFOptions struct {
	// MaxPages is how many pages are read, from the first; zero means
	// DefaultPDFPages.
	MaxPages int
	// MaxText bounds PDF.Text in bytes; zero means DefaultPDFText.
	MaxText int
	// Timeout bounds the time taken; zero means DefaultPDFTimeout.
	Timeout time.Duration
}

// PDF is the text of a PDF document, as ReadPDF extracts it.
type PDF struct {
	// Title is the title in the document's information dictionary, if any.
	Title string
	// Text is the text of the pages read, in page order: lines of one
	// paragraph joined by a space, paragraphs and pages separated by a
	// blank line.
	Text string
	// PageStarts holds, for each page read, the byte offset in Text where
	// its text starts: page n (1-based, counted in the file, not as
	// printed on the page) starts at PageStarts[n-1].
	PageStarts []int
	// PageCount is how many pages the document says it has.
	PageCount int
	// Truncated is true when pages or text were left out to stay within
	// MaxPages or MaxText.
	Truncated bool
}

// PageAt returns the 1-based page of the byte offset off of p.Text, 0 when
// p has no pages.
func (p *PDF) PageAt(off int) int {
	n := 0
	for i, start := range p.PageStarts {
		if start > off {
			break
		}
		n = i + 1
	}
	return n
}

// IsPDF reports whether data starts as a PDF file does, with "%PDF-".
func IsPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// ReadPDF extracts the text of a PDF file held in data, page by page, at
// most opts.MaxPages pages and opts.MaxText bytes, and the title from its
// information dictionary.
//
// Text comes from the pages' content streams and the forms they draw
// (up to four deep): text shown on one line is
// joined, with a space where the gap between runs is wide; a line close
// below the previous one in the same font size continues its paragraph,
// and a wider gap, a change of size or a jump upwards (a new column)
// starts a new one. Images are not read: a scanned report gives
// ErrPDFNoText, as does text in fonts with no mapping to Unicode.
//
// # Security Considerations
//
// PDFs come from untrusted sites. The PDF library panics on malformed
// input; ReadPDF recovers and returns ErrMalformedPDF, or skips the page
// that failed. It never hangs: the work runs on its own goroutine, which
// checks ctx (bounded by opts.Timeout) on every read of the file and
// between operators, and ReadPDF returns ctx's error when it ends even if
// the library is stuck in a loop of its own. It bounds the decompressed
// streams read, the operators interpreted and the pages walked, and
// refuses files declaring object counts or sizes that would make the
// library allocate beyond reason. Encrypted files are not read
// (ErrPDFEncrypted).
func ReadPDF(ctx context.Context, data []byte, opts PDFOptions) (*PDF, error) {
	if !IsPDF(data) {
		return nil, ErrNotPDF
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = DefaultPDFPages
	}
	if opts.MaxText <= 0 {
		opts.MaxText = DefaultPDFText
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultPDFTimeout
	}
	if err := screenPDF(data); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	type result struct {
		p   *PDF
		err error
	}
	done := make(chan result, 1)
	go func() {
		p, err := extractPDF(ctx, data, opts)
		done <- result{p, err}
	}()
	select {
	case r := <-done:
		return r.p, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("read pdf: %w", ctx.Err())
	}
}

// errPDFStop unwinds the PDF library's stack from inside a callback or a
// read of the file when the context ended or a bound was reached. It is a
// runtime.Error because the library swallows other panics in places
// (discarding an operand it cannot parse) and re-raises only those.
type errPDFStop struct{ err error }

// Error implements error.
func (e errPDFStop) Error() string { return fmt.Sprintf("pdf: stopped: %v", e.err) }

// RuntimeError marks errPDFStop as a runtime.Error (see errPDFStop).
func (errPDFStop) RuntimeError() {}

// ctxReaderAt is the file as the PDF library reads it: every read first
// checks the context, so that a loop in the library that reads the file
// stops when the context ends.
type ctxReaderAt struct {
	ctx context.Context
	r   *bytes.Reader
}

// ReadAt implements io.ReaderAt.
func (c ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		panic(errPDFStop{err})
	}
	return c.r.ReadAt(p, off)
}

// extractPDF is ReadPDF's work, run on its own goroutine.
func extractPDF(ctx context.Context, data []byte, opts PDFOptions) (p *PDF, err error) {
	defer func() {
		if x := recover(); x != nil {
			p = nil
			if stop, ok := x.(errPDFStop); ok && stop.err != nil {
				err = fmt.Errorf("read pdf: %w", stop.err)
				return
			}
			err = fmt.Errorf("read pdf: %w: %v", ErrMalformedPDF, x)
		}
	}()
	data = normalizePDF(data)
	r, err := pdf.NewReader(ctxReaderAt{ctx, bytes.NewReader(data)}, int64(len(data)))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("read pdf: %w", ctx.Err())
		}
		if bytes.Contains(data, []byte("/Encrypt")) {
			return nil, fmt.Errorf("read pdf: %w", ErrPDFEncrypted)
		}
		return nil, fmt.Errorf("read pdf: %w: %w", ErrMalformedPDF, err)
	}
	trailer := r.Trailer()
	if trailer.Key("Encrypt").Kind() != pdf.Null {
		return nil, fmt.Errorf("read pdf: %w", ErrPDFEncrypted)
	}
	e := &pdfExtractor{ctx: ctx, opts: opts, streams: maxPDFStreams}
	p = &PDF{Title: pdfTitle(trailer)}
	pages := trailer.Key("Root").Key("Pages")
	p.PageCount = int(min(max(pages.Key("Count").Int64(), 0), math.MaxInt32))
	failed := 0
	e.walkPages(pages, func(page, resources pdf.Value) bool {
		e.startPage()
		p.PageStarts = append(p.PageStarts, e.out.Len())
		if !e.page(page, resources) {
			failed++
		}
		return !e.full && len(p.PageStarts) < opts.MaxPages
	})
	if e.stopped != nil {
		return nil, fmt.Errorf("read pdf: %w", e.stopped)
	}
	p.Truncated = e.full || len(p.PageStarts) < p.PageCount
	p.Text = tidyPDFText(e.out.String(), p.PageStarts)
	switch {
	case len(p.PageStarts) == 0:
		return nil, fmt.Errorf("read pdf: %w: no pages", ErrMalformedPDF)
	case failed == len(p.PageStarts):
		return nil, fmt.Errorf("read pdf: %w: no page could be read", ErrMalformedPDF)
	case !readableText(p.Text):
		return nil, fmt.Errorf("read pdf: %w", ErrPDFNoText)
	}
	return p, nil
}

// pdfTitle returns the title in the information dictionary of the file
// whose trailer is given, "" when it has none or it cannot be read.
func pdfTitle(trailer pdf.Value) (title string) {
	defer func() {
		if x := recover(); x != nil {
			if stop, ok := x.(errPDFStop); ok {
				panic(stop) // the context ended: stop everything
			}
			title = ""
		}
	}()
	title = strings.TrimSpace(cleanPDFText(trailer.Key("Info").Key("Title").Text()))
	if len(title) > maxPDFTitle {
		n := maxPDFTitle
		for n > 0 && !utf8.RuneStart(title[n]) {
			n--
		}
		title = title[:n]
	}
	return title
}

// maxPDFTitle bounds PDF.Title in bytes: a title is a line, not a page.
const maxPDFTitle = 500

// normalizePDF returns data as the library reads it: a PDF 2.0 header
// given as 1.7 (same length, so offsets hold), and trailing white space
// and NUL bytes after %%EOF dropped.
func normalizePDF(data []byte) []byte {
	end := len(data)
	for end > 0 && (data[end-1] == 0 || data[end-1] == ' ' || data[end-1] == '\r' || data[end-1] == '\n' || data[end-1] == '\t') {
		end--
	}
	data = data[:end]
	// The library knows no PDF 2.0 header; the structure it reads is the
	// same as 1.7's.
	if len(data) > 8 && bytes.HasPrefix(data, []byte("%PDF-2.")) && data[7] >= '0' && data[7] <= '9' && (data[8] == '\r' || data[8] == '\n') {
		fixed := make([]byte, len(data))
		copy(fixed, data)
		copy(fixed, "%PDF-1.7")
		return fixed
	}
	return data
}

// sizeKeys are the keys whose values the library allocates or loops by:
// an xref stream's /Size, /W widths and /Index, an object stream's /N, a
// predictor's /Columns.
var sizeKeys = [...]string{"/Size", "/N", "/Columns", "/W", "/Index"}

// screenPDF refuses files declaring object counts, stream sizes or table
// widths that would make the library allocate far more than the file's
// size or loop for a very long time: the values after sizeKeys, and the
// subsection headers of xref tables. Such values are never in a real
// document of the sizes citecheck reads, and the allocation would kill
// the process, past any recover. It is a scan of the bytes, not a parse:
// a value inside a compressed stream escapes it, which is why ReadPDF
// also runs the library on a goroutine it can walk away from.
func screenPDF(data []byte) error {
	tooLarge := func(tok []byte) error {
		return fmt.Errorf("read pdf: %w: declared size %.20s is past %d", ErrMalformedPDF, tok, maxPDFObjects)
	}
	for _, key := range sizeKeys {
		for i := 0; ; {
			j := bytes.Index(data[i:], []byte(key))
			if j < 0 {
				break
			}
			i += j + len(key)
			if i < len(data) && !pdfSpace(data[i]) && data[i] != '[' {
				continue // another key: /Name, /Widths
			}
			tok, next := pdfToken(data, i)
			if len(tok) == 1 && tok[0] == '[' {
				for range 64 {
					tok, next = pdfToken(data, next)
					if len(tok) == 0 || tok[0] == ']' {
						break
					}
					if !smallInt(tok) {
						return tooLarge(tok)
					}
				}
			} else if len(tok) > 0 && tok[0] >= '0' && tok[0] <= '9' && !smallInt(tok) {
				return tooLarge(tok)
			}
			i = next
		}
	}
	// xref table: subsections of a header (first object, count) and count
	// entries of three tokens, up to "trailer"
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("xref"))
		if j < 0 {
			break
		}
		i += j + len("xref")
		if i-len("startxref") >= 0 && bytes.Equal(data[i-len("startxref"):i], []byte("startxref")) {
			continue
		}
		for next := i; ; {
			first, n1 := pdfToken(data, next)
			count, n2 := pdfToken(data, n1)
			if !pdfDigits(first) || !pdfDigits(count) {
				break
			}
			if !smallInt(first) || !smallInt(count) {
				return tooLarge(first)
			}
			next = n2
			c, _ := strconv.Atoi(string(count))
			for range 3 * c {
				if _, next = pdfToken(data, next); next >= len(data) {
					break
				}
			}
			i = next
		}
	}
	return nil
}

// pdfSpace reports PDF white space.
func pdfSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// pdfToken returns the token starting at or after i, skipping white space,
// and the offset after it: "[" and "]" alone, else a run up to white space
// or a delimiter. It is empty at the end of data.
func pdfToken(data []byte, i int) ([]byte, int) {
	for i < len(data) && pdfSpace(data[i]) {
		i++
	}
	if i >= len(data) {
		return nil, i
	}
	if data[i] == '[' || data[i] == ']' {
		return data[i : i+1], i + 1
	}
	j := i
	for j < len(data) && j-i < 32 && !pdfSpace(data[j]) && !bytes.ContainsRune([]byte("[]<>()/%{}"), rune(data[j])) {
		j++
	}
	if j == i {
		j++ // a delimiter of its own
	}
	return data[i:j], j
}

// pdfDigits reports whether tok is a non-empty run of ASCII digits.
func pdfDigits(tok []byte) bool {
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(tok) > 0
}

// smallInt reports whether tok is a number of at most maxPDFObjects, or no
// integer at all (which the library refuses on its own).
func smallInt(tok []byte) bool {
	if !pdfDigits(tok) {
		return true
	}
	n, err := strconv.ParseInt(string(tok), 10, 64)
	return err == nil && n <= maxPDFObjects
}

// pdfExtractor gathers the text of a document's pages.
type pdfExtractor struct {
	ctx     context.Context
	opts    PDFOptions
	out     strings.Builder
	streams int64 // decompressed bytes still allowed
	ops     int
	full    bool  // out reached MaxText
	stopped error // the context ended

	// text state of the page being read
	font     *pdfFont
	size     float64 // font size from Tf
	leading  float64
	tm, tlm  [6]float64
	shown    bool    // text was shown on this page
	lastX    float64 // where the last run ended, in user space
	lastY    float64
	lastSize float64
}

// pdfFont is a font of the page with its encoding and widths, read once:
// the library resolves a font's entries again on every look-up.
type pdfFont struct {
	enc pdf.TextEncoding
	// widths of the byte codes first, first+1…, in thousandths of an em,
	// for a simple font that gives them; nil otherwise
	widths []float64
	first  int
}

// walkPages calls each for the pages under the page tree node root in
// order, with the resources each inherits, until each returns false. It
// walks iteratively, at most 32 levels deep and over a bounded number of
// nodes, so that a tree with cycles ends.
func (e *pdfExtractor) walkPages(root pdf.Value, each func(page, resources pdf.Value) bool) {
	type node struct {
		v, res pdf.Value
		depth  int
	}
	stack := []node{{v: root, res: root.Key("Resources")}}
	budget := 4*e.opts.MaxPages + 1024
	for len(stack) > 0 && budget > 0 {
		budget--
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e.ctx.Err() != nil {
			e.stopped = e.ctx.Err()
			return
		}
		if n.v.Kind() != pdf.Dict {
			continue
		}
		res := n.res
		if r := n.v.Key("Resources"); r.Kind() == pdf.Dict {
			res = r
		}
		kids := n.v.Key("Kids")
		if n.v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if !each(n.v, res) || e.stopped != nil {
				return
			}
			continue
		}
		if n.depth >= 32 {
			continue
		}
		k := min(kids.Len(), 4096)
		for i := k - 1; i >= 0; i-- {
			stack = append(stack, node{v: kids.Index(i), res: res, depth: n.depth + 1})
		}
	}
}

// startPage separates a new page's text from the previous one's.
func (e *pdfExtractor) startPage() {
	if e.out.Len() > 0 {
		e.write("\n\n")
	}
	e.font, e.size, e.leading, e.shown = nil, 0, 0, false
	e.tm, e.tlm = identity, identity
}

// identity is the identity matrix [a b c d e f].
var identity = [6]float64{1, 0, 0, 1, 0, 0}

// page appends the text of one page and reports whether it could be read.
// A panic in the library fails only this page; the context ending or the
// text reaching its bound stops the walk.
func (e *pdfExtractor) page(page, resources pdf.Value) (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			ok = false
			if stop, isStop := x.(errPDFStop); isStop {
				if stop.err != nil {
					e.stopped = stop.err
				}
				ok = true
			}
		}
	}()
	contents := page.Key("Contents")
	if contents.Kind() != pdf.Stream && contents.Kind() != pdf.Array {
		return true // a blank page
	}
	return e.interpret(contents, &pdfContent{resources: resources, fonts: map[string]*pdfFont{}})
}

// pdfContent is a content stream being read: a page's, or a form's drawn
// on it, with the resources its names refer to.
type pdfContent struct {
	resources pdf.Value
	fonts     map[string]*pdfFont // by name in resources, read on first use
	depth     int                 // forms within forms
}

// maxPDFFormDepth bounds the nesting of forms read.
const maxPDFFormDepth = 4

// interpret reads the text of the content stream (or array of streams)
// contents and reports whether it could be read. It panics with
// errPDFStop when the context ends or a bound is reached.
func (e *pdfExtractor) interpret(contents pdf.Value, c *pdfContent) bool {
	if !e.measure(contents, maxPDFPageStream) {
		return false
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		e.ops++
		if e.ops%512 == 0 {
			if err := e.ctx.Err(); err != nil {
				panic(errPDFStop{err})
			}
		}
		if e.ops > maxPDFOps {
			e.full = true
			panic(errPDFStop{})
		}
		e.operator(stk, op, c)
		if e.full {
			panic(errPDFStop{})
		}
	})
	return true
}

// form reads the text of the form XObject called name, drawn by the Do
// operator: reports often hold their text in forms (templates, imported
// pages). Images and nesting past maxPDFFormDepth are skipped; the text
// state is the caller's again afterwards, as the graphics state is.
func (e *pdfExtractor) form(name string, c *pdfContent) {
	if c.depth >= maxPDFFormDepth {
		return
	}
	xo := c.resources.Key("XObject").Key(name)
	if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" {
		return
	}
	res := xo.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = c.resources
	}
	font, size, leading, tm, tlm := e.font, e.size, e.leading, e.tm, e.tlm
	e.interpret(xo, &pdfContent{resources: res, fonts: map[string]*pdfFont{}, depth: c.depth + 1})
	e.font, e.size, e.leading, e.tm, e.tlm = font, size, leading, tm, tlm
}

// measure reports whether the stream (or array of streams) v decompresses
// to at most limit bytes and within what is left of the document's budget,
// which it charges. Reading a stream twice costs less than letting a
// decompression bomb reach the library's interpreter, which buffers what
// it reads.
func (e *pdfExtractor) measure(v pdf.Value, limit int64) bool {
	var total int64
	read := func(s pdf.Value) bool {
		if s.Kind() != pdf.Stream {
			return true
		}
		rc := s.Reader()
		defer rc.Close()
		n, err := io.Copy(io.Discard, io.LimitReader(rc, limit-total+1))
		total += n
		return err == nil && total <= limit && total <= e.streams
	}
	ok := true
	if v.Kind() == pdf.Array {
		for i := 0; i < min(v.Len(), 1024) && ok; i++ {
			ok = read(v.Index(i))
		}
	} else {
		ok = read(v)
	}
	e.streams -= total
	return ok
}

// operator carries out one content-stream operator that bears on text.
func (e *pdfExtractor) operator(stk *pdf.Stack, op string, c *pdfContent) {
	// no text operator takes more than six operands: keep the top ones
	n := min(stk.Len(), 8)
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	for stk.Len() > 0 {
		stk.Pop()
	}
	// Each operator takes its operands from the top of the stack; extra
	// ones below, left by a broken stream, are ignored.
	last := func(k int) []pdf.Value {
		if len(args) < k {
			return nil
		}
		return args[len(args)-k:]
	}
	num := func(v pdf.Value) float64 { return finite(v.Float64()) }
	switch op {
	case "BT":
		e.tm, e.tlm = identity, identity
	case "Tf":
		if a := last(2); a != nil {
			e.font = e.fontNamed(a[0].Name(), c)
			e.size = num(a[1])
		}
	case "TL":
		if a := last(1); a != nil {
			e.leading = num(a[0])
		}
	case "Td", "TD":
		if a := last(2); a != nil {
			if op == "TD" {
				e.leading = -num(a[1])
			}
			e.moveText(num(a[0]), num(a[1]))
		}
	case "Tm":
		if a := last(6); a != nil {
			for i := range 6 {
				e.tlm[i] = num(a[i])
			}
			e.tm = e.tlm
		}
	case "T*":
		e.moveText(0, -e.leading)
	case "Tj":
		if a := last(1); a != nil {
			e.show(a[0].RawString())
		}
	case "'", "\"":
		e.moveText(0, -e.leading)
		if a := last(1); a != nil {
			e.show(a[0].RawString())
		}
	case "Do":
		if a := last(1); a != nil {
			e.form(a[0].Name(), c)
		}
	case "TJ":
		a := last(1)
		if a == nil {
			return
		}
		for i := 0; i < min(a[0].Len(), 1<<16); i++ {
			x := a[0].Index(i)
			if x.Kind() == pdf.String {
				e.show(x.RawString())
			} else {
				// thousandths of a unit of text space, against the direction of writing
				e.tm[4] -= num(x) / 1000 * e.size * e.tm[0]
			}
		}
	}
}

// finite returns f, or 0 for NaN and infinities.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// moveText moves to the start of the next line, offset by (tx, ty) from
// the start of the current one (Td).
func (e *pdfExtractor) moveText(tx, ty float64) {
	m := &e.tlm
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
	e.tm = *m
}

// fontNamed returns the font called name in c's resources, its encoding
// and widths read once; nil when there is no such font.
func (e *pdfExtractor) fontNamed(name string, c *pdfContent) *pdfFont {
	if f, ok := c.fonts[name]; ok {
		return f
	}
	var f *pdfFont
	if v := c.resources.Key("Font").Key(name); v.Kind() == pdf.Dict {
		f = &pdfFont{}
		if cmap := v.Key("ToUnicode"); cmap.Kind() != pdf.Stream || e.measure(cmap, 1<<20) {
			font := pdf.Font{V: v}
			f.enc = font.Encoder()
			if v.Key("Subtype").Name() == "Type0" && v.Key("Encoding").Name() == "Identity-H" {
				f.enc = &cidCodes{enc: f.enc, memo: map[uint16]string{}}
			}
		} // else a character map too large to be one: no text from this font
		if w := v.Key("Widths"); w.Kind() == pdf.Array && v.Key("Subtype").Name() != "Type0" {
			f.first = int(min(max(v.Key("FirstChar").Int64(), 0), 255))
			for i := 0; i < min(w.Len(), 256); i++ {
				f.widths = append(f.widths, finite(w.Index(i).Float64()))
			}
		}
	}
	c.fonts[name] = f
	return f
}

// cidCodes decodes the two-byte codes of a composite font (Identity-H)
// one at a time, remembering each: the library looks a code up by a scan
// of the font's whole character map, which for a font of thousands of
// glyphs costs more than the rest of the reading.
type cidCodes struct {
	enc  pdf.TextEncoding
	memo map[uint16]string
}

// Decode implements pdf.TextEncoding.
func (c *cidCodes) Decode(raw string) string {
	var b strings.Builder
	for i := 0; i+1 < len(raw); i += 2 {
		code := uint16(raw[i])<<8 | uint16(raw[i+1])
		s, ok := c.memo[code]
		if !ok {
			s = c.enc.Decode(raw[i : i+2])
			c.memo[code] = s
		}
		b.WriteString(s)
	}
	return b.String()
}

// show appends the text of a string shown at the current text position,
// preceded by what separates it from the last text shown (nothing, a
// space, or a paragraph break), and advances the position past it.
func (e *pdfExtractor) show(raw string) {
	if e.font == nil || e.font.enc == nil || raw == "" {
		return
	}
	text := cleanPDFText(e.font.enc.Decode(raw))
	size := math.Abs(e.size * math.Hypot(e.tm[2], e.tm[3]))
	if size == 0 {
		size = 1
	}
	x, y := e.tm[4], e.tm[5]
	if e.shown && text != "" {
		sep := ""
		switch dy := y - e.lastY; {
		case math.Abs(dy) <= 0.5*max(size, e.lastSize): // the same line
			if x-e.lastX > 0.15*size {
				sep = " "
			}
		case dy > 0, -dy > 2*max(size, e.lastSize), math.Abs(size-e.lastSize) > 0.15*e.lastSize:
			sep = "\n\n" // up (a new column), a wide gap, another size
		default:
			sep = " " // the next line of a paragraph
		}
		out := e.out.String()
		if sep == " " && math.Abs(y-e.lastY) > 0.5*size && strings.HasSuffix(out, "-") && !strings.HasSuffix(out, " -") {
			sep = "" // a word broken at the end of a line: "labour-" "market"
		}
		if sep != "" && !strings.HasSuffix(out, sep) {
			if sep == " " && (strings.HasPrefix(text, " ") || strings.HasSuffix(out, " ")) {
				sep = ""
			}
			e.write(sep)
		}
	}
	if text != "" {
		e.write(text)
		e.shown = true
		e.lastY, e.lastSize = y, size
	}
	// advance by the glyphs' widths when the font gives them, else by half
	// an em a character
	w := 0.0
	if e.font.widths != nil {
		for i := 0; i < len(raw); i++ {
			if c := int(raw[i]) - e.font.first; c >= 0 && c < len(e.font.widths) {
				w += e.font.widths[c] / 1000
			}
		}
	} else {
		w = 0.5 * float64(utf8.RuneCountInString(text))
	}
	e.tm[4] += w * e.size * e.tm[0]
	e.lastX = e.tm[4]
}

// write appends s to the text, up to MaxText bytes, and marks the text
// full when it reaches the bound.
func (e *pdfExtractor) write(s string) {
	room := e.opts.MaxText - e.out.Len()
	if len(s) > room {
		n := room
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
		e.full = true
	}
	e.out.WriteString(s)
	if e.out.Len() >= e.opts.MaxText {
		e.full = true
	}
}

// tidyPDFText returns text without spaces at the ends of its lines, at
// most one blank line in a row, and no white space at its ends; marks,
// ascending offsets into text, are moved to the same places in the result.
func tidyPDFText(text string, marks []int) string {
	var b strings.Builder
	b.Grow(len(text))
	m := 0
	pendingSpace, newlines := false, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case ' ':
			pendingSpace = true
			continue
		case '\n':
			newlines++
			pendingSpace = false
			continue
		}
		for m < len(marks) && marks[m] <= i {
			marks[m] = b.Len()
			if b.Len() > 0 && (newlines > 0 || pendingSpace) {
				// the mark points at the text after the separator
				marks[m] += min(newlines, 2)
				if newlines == 0 {
					marks[m]++
				}
			}
			m++
		}
		if b.Len() > 0 {
			switch {
			case newlines > 0:
				b.WriteString("\n\n"[:min(newlines, 2)])
			case pendingSpace:
				b.WriteByte(' ')
			}
		}
		pendingSpace, newlines = false, 0
		b.WriteByte(c)
	}
	for ; m < len(marks); m++ {
		marks[m] = b.Len()
	}
	return b.String()
}

// cleanPDFText returns decoded text as valid UTF-8, with control
// characters turned into spaces and runs of spaces made one.
func cleanPDFText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		if r == '\uFEFF' {
			continue
		}
		space = false
		if l, ok := ligature(r); ok {
			b.WriteString(l) // "speciﬁcation" is written "specification" in a claim
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ligature returns the letters of a Latin ligature typesetters use.
func ligature(r rune) (string, bool) {
	switch r {
	case '\uFB00':
		return "ff", true
	case '\uFB01':
		return "fi", true
	case '\uFB02':
		return "fl", true
	case '\uFB03':
		return "ffi", true
	case '\uFB04':
		return "ffl", true
	case '\uFB05', '\uFB06':
		return "st", true
	}
	return "", false
}

// readableText reports whether text is mostly letters, digits, spaces and
// punctuation: a font without a Unicode mapping gives codes that are
// neither, and such text would only mislead a reader of the claims.
func readableText(text string) bool {
	good, all := 0, 0
	for _, r := range text {
		all++
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			if r != '\uFFFD' {
				good++
			}
		}
	}
	return strings.TrimSpace(text) != "" && good*10 >= all*9
}
