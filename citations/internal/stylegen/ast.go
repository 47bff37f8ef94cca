package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is one element of pandoc's JSON AST: {"t": type, "c": contents}.
type node = map[string]any

func decodeAST(b []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc node
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decoding pandoc's JSON: %w", err)
	}
	return doc, nil
}

func encodeAST(doc node) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(doc)
	return buf.Bytes(), err
}

func typeOf(v any) string {
	m, ok := v.(node)
	if !ok {
		return ""
	}
	t, _ := m["t"].(string)
	return t
}

// walk visits the elements under v in document order; f returning false
// skips an element's contents. The document's metadata (where nocite's
// Cite nodes live) is not visited.
func walk(v any, f func(node) bool) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			walk(x, f)
		}
	case node:
		if _, ok := v["pandoc-api-version"]; ok {
			walk(v["blocks"], f)
			return
		}
		if _, ok := v["t"]; ok && f(v) {
			walk(v["c"], f)
		}
	}
}

// cite is one Cite node of the body.
type cite struct {
	n    node
	keys []string
}

// content is the Cite's rendered inlines.
func (c cite) content() []any { return c.n["c"].([]any)[1].([]any) }

func (c cite) setContent(in []any) { c.n["c"].([]any)[1] = in }

// cites lists the body's Cite nodes in document order.
func cites(doc node) []cite {
	var cs []cite
	walk(doc, func(n node) bool {
		if typeOf(n) != "Cite" {
			return true
		}
		c := cite{n: n}
		for _, x := range n["c"].([]any)[0].([]any) {
			c.keys = append(c.keys, x.(node)["citationId"].(string))
		}
		cs = append(cs, c)
		return false // a Cite inside a note would be another citation; the corpus has none
	})
	return cs
}

// divID is a Div's identifier.
func divID(n node) string {
	if typeOf(n) != "Div" {
		return ""
	}
	attr := n["c"].([]any)[0].([]any)
	id, _ := attr[0].(string)
	return id
}

// refsDiv is the bibliography: the Div "refs" citeproc filled.
func refsDiv(doc node) (node, error) {
	var refs node
	walk(doc, func(n node) bool {
		if divID(n) == "refs" {
			refs = n
			return false
		}
		return refs == nil
	})
	if refs == nil {
		return nil, fmt.Errorf("no bibliography (Div refs) in the document")
	}
	return refs, nil
}

// entryDivs are the bibliography's entries, in order, with the key each
// is for (the Div id less "ref-").
func entryDivs(refs node) ([]node, []string) {
	var divs []node
	var keys []string
	for _, b := range refs["c"].([]any)[1].([]any) {
		id := divID(b.(node))
		if len(id) > 4 && id[:4] == "ref-" {
			divs = append(divs, b.(node))
			keys = append(keys, id[4:])
		}
	}
	return divs, keys
}

func str(s string) node { return node{"t": "Str", "c": s} }

// Sentinels are written into a copy of the AST to find spans in the
// rendered output: U+E000, a tag, U+E001. The tag is "c3" for the start of
// the fourth Cite's inlines and "/c3" for their end; "n3" for its note's
// text; "e5" for the sixth entry's text.
const (
	sentinelOpen  = '\uE000'
	sentinelClose = '\uE001'
)

func sentinel(tag string) string {
	return string(sentinelOpen) + tag + string(sentinelClose)
}

// bracketBlocks puts the sentinels of tag around the inline text of
// blocks: at the start of the first Para or Plain and the end of the last.
func bracketBlocks(blocks any, tag string) bool {
	var first, last node
	walk(blocks, func(n node) bool {
		switch typeOf(n) {
		case "Para", "Plain":
			if first == nil {
				first = n
			}
			last = n
			return false
		}
		return true
	})
	if first == nil {
		return false
	}
	first["c"] = append([]any{str(sentinel(tag))}, first["c"].([]any)...)
	last["c"] = append(last["c"].([]any), str(sentinel("/"+tag)))
	return true
}

// mark writes the sentinels into doc: around each Cite's inlines, each
// note's text inside a Cite, and each bibliography entry's text.
func mark(doc node) error {
	for i, c := range cites(doc) {
		tag := "c" + strconv.Itoa(i)
		in := c.content()
		for _, x := range in {
			if typeOf(x) == "Note" {
				if !bracketBlocks(x.(node)["c"], "n"+strconv.Itoa(i)) {
					return fmt.Errorf("citation %d: an empty note", i)
				}
			}
		}
		marked := append([]any{str(sentinel(tag))}, in...)
		c.setContent(append(marked, str(sentinel("/"+tag))))
	}
	refs, err := refsDiv(doc)
	if err != nil {
		return err
	}
	divs, _ := entryDivs(refs)
	for j, d := range divs {
		if !bracketBlocks(d["c"].([]any)[1], "e"+strconv.Itoa(j)) {
			return fmt.Errorf("entry %d has no text", j)
		}
	}
	return nil
}

// strs lists the Str nodes under v in document order, notes included.
func strs(v any) []node {
	var out []node
	walk(v, func(n node) bool {
		if typeOf(n) == "Str" {
			out = append(out, n)
		}
		return true
	})
	return out
}

// inlineText is the text of inlines: Str as is, spaces as one space.
func inlineText(v any) string {
	var b bytes.Buffer
	walk(v, func(n node) bool {
		switch typeOf(n) {
		case "Str":
			b.WriteString(n["c"].(string))
		case "Space", "SoftBreak", "LineBreak":
			b.WriteByte(' ')
		case "Note":
			return false
		}
		return true
	})
	return b.String()
}

// findToken finds tok in s where it stands alone: no letter or digit
// touches it on either side (so "2019" is not found in "2019a").
func findToken(s, tok string) int {
	for from := 0; from <= len(s)-len(tok); {
		i := indexFrom(s, tok, from)
		if i < 0 {
			return -1
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(tok):])
		if !isAlnum(before) && !isAlnum(after) {
			return i
		}
		from = i + 1
	}
	return -1
}

func indexFrom(s, sub string, from int) int {
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}

func isAlnum(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// replaceToken replaces the first standalone tok in the Strs under v.
func replaceToken(v any, tok, with string) bool {
	for _, s := range strs(v) {
		text := s["c"].(string)
		if i := findToken(text, tok); i >= 0 {
			s["c"] = text[:i] + with + text[i+len(tok):]
			return true
		}
	}
	return false
}

// hasToken reports whether a Str under v holds tok standing alone.
func hasToken(v any, tok string) bool {
	for _, s := range strs(v) {
		if findToken(s["c"].(string), tok) >= 0 {
			return true
		}
	}
	return false
}

// deepCopy copies a JSON value.
func deepCopy(v any) any {
	switch v := v.(type) {
	case node:
		m := make(node, len(v))
		for k, x := range v {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = deepCopy(x)
		}
		return s
	}
	return v
}
