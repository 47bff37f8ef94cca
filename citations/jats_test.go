package citations

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// goldXref is an in-text citation marked up in a JATS article: the text of
// an <xref ref-type="bibr">, at [Start, End) in the text loadJATS builds.
type goldXref struct {
	Start, End int
	RID        string // the id of the <ref> it points to
	Text       string
}

// goldRef is one <ref> of a JATS article's reference list.
type goldRef struct {
	ID string
	// Text is the entry as it reads in the reference list loadJATS writes,
	// without its label.
	Text string
	// Label is the entry's number ("1") when the article numbers its list.
	Label string
}

// jatsBlocks are the elements whose text is a paragraph of its own.
var jatsBlocks = wordSet("p", "title", "caption", "td", "th", "label", "list-item", "disp-quote",
	"def", "term", "fn", "boxed-text", "fig", "table-wrap", "sec", "attrib", "speech", "verse-line")

// jatsSkipped are elements whose text is not part of the readable body.
var jatsSkipped = wordSet("object-id", "inline-formula", "disp-formula", "math", "alternatives",
	"tex-math", "graphic", "inline-graphic", "media", "ext-link-skip")

// loadJATS reads a JATS XML article into plain text: the paragraphs of its
// <body> separated by blank lines, then a "References" heading and one
// paragraph per <ref>. It returns the text, the bibr xrefs of the body with
// their offsets in the text, and the reference entries. It skips the test
// when the file is absent.
func loadJATS(t testing.TB, path string) (text string, gold []goldXref, refs []goldRef) {
	t.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("evaluation data %s not present", path)
	}
	require.NoError(t, err)
	defer f.Close()
	b := &jatsText{}
	dec := xml.NewDecoder(f)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		inBody, inRefs, skip int
		xrefStart            = -1
		xrefRID              string
		ref                  *jatsRef
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, path)
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			switch {
			case name == "body":
				inBody++
			case name == "ref-list":
				inRefs++
			case inRefs > 0 && name == "ref":
				ref = &jatsRef{id: attr(tok, "id")}
			case ref != nil:
				ref.start(tok)
			case inBody > 0 && jatsSkipped[name]:
				skip++
			case inBody > 0 && skip == 0 && jatsBlocks[name]:
				b.flush()
			case inBody > 0 && skip == 0 && name == "xref" && attr(tok, "ref-type") == "bibr":
				xrefStart, xrefRID = b.offset(), attr(tok, "rid")
			}
		case xml.EndElement:
			name := tok.Name.Local
			switch {
			case name == "body":
				b.flush()
				inBody--
			case name == "ref-list":
				inRefs--
			case ref != nil && name == "ref":
				refs = append(refs, ref.finish())
				ref = nil
			case ref != nil:
				ref.end(name)
			case inBody > 0 && jatsSkipped[name]:
				skip--
			case inBody > 0 && skip == 0 && jatsBlocks[name]:
				b.flush()
			case inBody > 0 && name == "xref" && xrefStart >= 0:
				b.xrefs = append(b.xrefs, goldXref{Start: xrefStart, End: b.out.Len() + b.para.Len(), RID: xrefRID})
				xrefStart = -1
			}
		case xml.CharData:
			switch {
			case ref != nil:
				ref.text(string(tok))
			case inBody > 0 && skip == 0:
				b.write(string(tok))
			}
		}
	}
	b.flush()
	var sb strings.Builder
	sb.WriteString(b.out.String())
	sb.WriteString("References\n")
	for _, r := range refs {
		sb.WriteString("\n")
		if r.Label != "" {
			sb.WriteString(r.Label + ". ")
		}
		sb.WriteString(r.Text + "\n")
	}
	text = sb.String()
	for i := range b.xrefs {
		x := &b.xrefs[i]
		x.Text = text[x.Start:x.End]
	}
	return text, b.xrefs, refs
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// jatsText builds the body text one paragraph at a time, collapsing white
// space and keeping the offsets of xrefs.
type jatsText struct {
	out   strings.Builder
	para  strings.Builder
	space bool // white space seen and not yet written
	xrefs []goldXref
	open  int // xrefs of the open paragraph start here
}

// offset returns the offset in the final text where the next character
// goes.
func (b *jatsText) offset() int {
	n := b.out.Len() + b.para.Len()
	if b.space && b.para.Len() > 0 {
		n++
	}
	return n
}

func (b *jatsText) write(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			b.space = true
			continue
		}
		if b.space && b.para.Len() > 0 {
			b.para.WriteByte(' ')
		}
		b.space = false
		b.para.WriteRune(r)
	}
}

func (b *jatsText) flush() {
	p := b.para.String()
	end := b.out.Len() + len(p)
	for i := b.open; i < len(b.xrefs); i++ {
		b.xrefs[i].End = min(b.xrefs[i].End, end)
		b.xrefs[i].Start = min(b.xrefs[i].Start, b.xrefs[i].End)
	}
	b.open = len(b.xrefs)
	b.para.Reset()
	b.space = false
	if p == "" {
		return
	}
	b.out.WriteString(p)
	b.out.WriteString("\n\n")
}

// jatsRef collects one <ref>: its label, and either the text of a
// <mixed-citation> as written or the fields of an <element-citation>.
type jatsRef struct {
	id, label string
	mixed     bool
	mixedText strings.Builder
	field     string // the field being read
	buf       strings.Builder
	names     []string
	surname   string
	fields    map[string]string
}

func (r *jatsRef) start(e xml.StartElement) {
	name := e.Name.Local
	switch name {
	case "mixed-citation":
		r.mixed = true
		return
	case "element-citation", "nlm-citation", "citation":
		r.fields = map[string]string{}
		return
	case "label":
		r.field = "label"
		r.buf.Reset()
		return
	}
	if r.mixed {
		if name == "etal" {
			r.mixedText.WriteString(" et al.")
		}
		return
	}
	switch name {
	case "etal":
		r.names = append(r.names, "et al.")
	case "surname", "given-names", "collab", "year", "article-title", "source", "volume", "issue",
		"fpage", "lpage", "elocation-id", "publisher-loc", "publisher-name", "pub-id", "ext-link", "comment":
		if r.field == "" {
			r.field = name
			if name == "pub-id" && attr(e, "pub-id-type") != "doi" {
				r.field = "skip"
			}
			r.buf.Reset()
		}
	}
}

func (r *jatsRef) text(s string) {
	switch {
	case r.field == "label":
		r.buf.WriteString(s)
	case r.mixed:
		r.mixedText.WriteString(s)
	case r.field != "":
		r.buf.WriteString(s)
	}
}

func (r *jatsRef) end(name string) {
	if name != r.field {
		return
	}
	v := strings.Join(strings.Fields(r.buf.String()), " ")
	r.field = ""
	switch name {
	case "label":
		r.label = strings.TrimSuffix(strings.Trim(v, "[]"), ".")
	case "surname":
		r.surname = v
	case "given-names":
		r.names = append(r.names, strings.TrimSpace(r.surname+" "+v))
		r.surname = ""
	case "collab":
		r.names = append(r.names, v)
	default:
		if r.fields != nil && r.fields[name] == "" {
			r.fields[name] = v
		}
	}
	if r.surname != "" && name != "surname" {
		r.names = append(r.names, r.surname)
		r.surname = ""
	}
}

// finish formats the reference the way reference lists usually read:
// "Surname GN, Surname GN (2001) Title. Source 12(3): 45–67. doi".
func (r *jatsRef) finish() goldRef {
	if r.surname != "" {
		r.names = append(r.names, r.surname)
	}
	if r.mixed {
		return goldRef{ID: r.id, Label: r.label, Text: strings.Join(strings.Fields(r.mixedText.String()), " ")}
	}
	f := r.fields
	if f == nil {
		f = map[string]string{}
	}
	var sb strings.Builder
	sb.WriteString(strings.Join(r.names, ", "))
	if y := f["year"]; y != "" {
		sb.WriteString(" (" + y + ")")
	}
	sb.WriteString(".")
	if t := f["article-title"]; t != "" {
		sb.WriteString(" " + strings.TrimSuffix(t, ".") + ".")
	}
	if s := f["source"]; s != "" {
		sb.WriteString(" " + strings.TrimSuffix(s, "."))
		if v := f["volume"]; v != "" {
			sb.WriteString(" " + v)
		}
		if is := f["issue"]; is != "" {
			sb.WriteString("(" + is + ")")
		}
		switch {
		case f["fpage"] != "" && f["lpage"] != "":
			sb.WriteString(": " + f["fpage"] + "–" + f["lpage"])
		case f["fpage"] != "":
			sb.WriteString(": " + f["fpage"])
		case f["elocation-id"] != "":
			sb.WriteString(": " + f["elocation-id"])
		}
		sb.WriteString(".")
	}
	if p := f["publisher-name"]; p != "" {
		if l := f["publisher-loc"]; l != "" {
			sb.WriteString(" " + l + ":")
		}
		sb.WriteString(" " + p + ".")
	}
	if d := f["pub-id"]; d != "" {
		sb.WriteString(" doi:" + d)
	} else if u := f["ext-link"]; strings.HasPrefix(u, "10.") {
		sb.WriteString(" doi:" + u)
	} else if u != "" {
		sb.WriteString(" " + u)
	}
	return goldRef{ID: r.id, Label: r.label, Text: strings.TrimSpace(sb.String())}
}
