package sources

import (
	"encoding/json"
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
)

// Reference managers write a citation into a Word document as a field: its
// instruction holds the cited works, its result is the text the reader
// sees ("(Smith, 2020)", "[3]", a superscript "3"). The DOCX reader keeps
// the result as text, where the citations package finds it as it would in
// any draft, and when the field names exactly one work with a DOI or a URL
// it adds a link over the result, so that the citation carries its source:
//
//   - Word's own (CITATION Tag): the source of that tag in the document's
//     bibliography (customXml, b:Sources), by its DOI or URL;
//   - Zotero (ADDIN ZOTERO_ITEM CSL_CITATION {…}) and Mendeley (ADDIN
//     CSL_CITATION {…}): the CSL JSON's citationItems, each item's DOI or
//     URL;
//   - EndNote (ADDIN EN.CITE <EndNote>…): each Cite's record, its
//     electronic-resource-num when it is a DOI, else its first URL.
//
// A field naming several works gets no link: one link cannot say which
// part of "(Smith, 2020; Lee, 2021)" is which.

// nsBib is the namespace of Word's bibliography sources.
const nsBib = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"

// readBibliography reads the sources of Word's citation manager, kept in
// a customXml part, into tag → DOI URL or URL.
func (p *docxPackage) readBibliography() error {
	var names []string
	for name := range p.files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		f := p.files[name]
		if !strings.HasPrefix(name, "customxml/item") || strings.HasPrefix(name, "customxml/itemprops") ||
			!strings.HasSuffix(name, ".xml") {
			continue
		}
		var tag, url, doi, field string
		var text strings.Builder
		inSource := false
		err := p.decodePart(f.Name, false, func(_ *xml.Decoder, tok xml.Token) error {
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Space != nsBib {
					return nil
				}
				switch t.Name.Local {
				case "Source":
					inSource, tag, url, doi = true, "", "", ""
				case "Tag", "URL", "DOI":
					if inSource {
						field = t.Name.Local
						text.Reset()
					}
				}
			case xml.CharData:
				if field != "" && text.Len() < 4096 {
					text.Write(t)
				}
			case xml.EndElement:
				if t.Name.Space != nsBib {
					return nil
				}
				v := strings.TrimSpace(text.String())
				switch t.Name.Local {
				case "Tag":
					tag = v
				case "URL":
					url = v
				case "DOI":
					doi = v
				case "Source":
					if src := sourceOf(doi, url); tag != "" && src != "" && len(p.bib) < docxMaxParts*10 {
						if p.bib == nil {
							p.bib = map[string]string{}
						}
						p.bib[tag] = src
					}
					inSource = false
				}
				field = ""
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// bibURL returns the DOI URL or URL of a source of Word's bibliography.
func (p *docxPackage) bibURL(tag string) string { return p.bib[tag] }

// sourceOf returns a work's DOI as a doi.org URL, else its URL when it is
// absolute.
func sourceOf(doi, url string) string {
	if d, err := ParseDOI(doi); err == nil {
		return "https://doi.org/" + d
	}
	url = strings.TrimSpace(url)
	if strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://") {
		return url
	}
	return ""
}

// citationSources returns, for each work a reference manager's citation
// field names, its DOI URL or URL, "" for a work without either.
func citationSources(instr string) []string {
	var out []string
	if i := strings.IndexByte(instr, '{'); i >= 0 && !strings.Contains(instr[:i], "EN.CITE") {
		var csl struct {
			CitationItems []struct {
				ItemData struct {
					DOI string `json:"DOI"`
					URL string `json:"URL"`
				} `json:"itemData"`
			} `json:"citationItems"`
		}
		j := strings.LastIndexByte(instr, '}')
		if j > i && json.Unmarshal([]byte(instr[i:j+1]), &csl) == nil {
			for _, it := range csl.CitationItems {
				out = append(out, sourceOf(it.ItemData.DOI, it.ItemData.URL))
			}
			return out
		}
	}
	if strings.Contains(instr, "<EndNote>") {
		for _, c := range strings.Split(instr, "<Cite")[1:] {
			url := ""
			if m := endNoteURL.FindStringSubmatch(c); m != nil {
				url = unescapeXML(stripTags(m[1]))
			}
			out = append(out, sourceOf(endNoteValue(c, "electronic-resource-num"), url))
		}
	}
	return out
}

// endNoteURL finds the first URL of an EndNote record.
var endNoteURL = regexp.MustCompile(`(?s)<url>(.*?)</url>`)

// endNoteValue returns the text of an EndNote record's element, without
// the <style> tags EndNote wraps values in.
func endNoteValue(s, elem string) string {
	i := strings.Index(s, "<"+elem+">")
	if i < 0 {
		return ""
	}
	s = s[i+len(elem)+2:]
	j := strings.Index(s, "</"+elem+">")
	if j < 0 {
		return ""
	}
	return unescapeXML(stripTags(s[:j]))
}

// stripTags removes the tags from a piece of XML.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return strings.TrimSpace(b.String())
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return strings.TrimSpace(b.String())
		}
		s = s[i+j+1:]
	}
}

// unescapeXML decodes the five predefined entities EndNote's XML uses.
func unescapeXML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}
