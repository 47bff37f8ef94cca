package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// formats are the renderings of every article: pandoc's writer and the
// file extension.
var formats = []struct{ name, writer, ext string }{
	{"html", "html", ".html"},
	{"text", "plain", ".txt"},
}

// generator renders the corpus.
type generator struct {
	p         *pandoc
	bibPath   string
	stylesDir string
	out       string
	works     map[string]work
	articles  []article
}

// source is the Markdown pandoc reads: the article, the style's locale,
// any nocite key, and the reference-list heading over citeproc's Div.
func source(a article, st corpusStyle, nocite string) string {
	front, body, _ := splitFrontMatter(a.md)
	if st.Lang != "" {
		front += "\nlang: " + st.Lang
	}
	if nocite != "" {
		front += "\nnocite: |\n  @" + nocite
	}
	return "---\n" + front + "\n---\n" + strings.TrimRight(body, "\n") +
		"\n\n# " + st.Heading + "\n\n::: {#refs}\n:::\n"
}

// renderArticle writes the article in the style, both formats, and when
// faulted its faulted variants too.
func (g *generator) renderArticle(ctx context.Context, st corpusStyle, a article, faulted bool) ([]FileGold, error) {
	csl := filepath.Join(g.stylesDir, st.CSL)
	md := source(a, st, "")
	clean, err := g.p.citeproc(ctx, md, csl, g.bibPath)
	if err != nil {
		return nil, err
	}
	var files []FileGold
	for _, f := range formats {
		doc, err := decodeAST(clean)
		if err != nil {
			return nil, err
		}
		fg, err := g.emit(ctx, st, a, "clean", doc, f.name, md)
		if err != nil {
			return nil, err
		}
		files = append(files, fg)
	}
	if !faulted {
		return files, nil
	}
	for _, kind := range faultKinds(st.Family) {
		for _, f := range formats {
			ast := clean
			var pl planted
			if kind == faultOrphan {
				pl = g.orphanFor(a)
				if ast, err = g.p.citeproc(ctx, source(a, st, pl.key), csl, g.bibPath); err != nil {
					return nil, err
				}
			}
			doc, err := decodeAST(ast)
			if err != nil {
				return nil, err
			}
			if kind != faultOrphan {
				if pl, err = g.plant(kind, doc, a); err != nil {
					return nil, fmt.Errorf("%s: %w", kind, err)
				}
			}
			fg, err := g.emit(ctx, st, a, kind, doc, f.name, "")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", kind, err)
			}
			if fg.Faults, err = pl.expect(fg); err != nil {
				return nil, fmt.Errorf("%s: %w", kind, err)
			}
			files = append(files, fg)
		}
	}
	return files, nil
}

// emit renders doc in format, writes it, and recovers its gold from a
// marked twin. When md is given, the rendering must be byte for byte what
// pandoc writes from that Markdown directly.
func (g *generator) emit(ctx context.Context, st corpusStyle, a article, variant string, doc node, format, md string) (FileGold, error) {
	var writer, ext string
	for _, f := range formats {
		if f.name == format {
			writer, ext = f.writer, f.ext
		}
	}
	ast, err := encodeAST(doc)
	if err != nil {
		return FileGold{}, err
	}
	real, err := g.p.render(ctx, ast, writer)
	if err != nil {
		return FileGold{}, err
	}
	if md != "" {
		direct, err := g.p.direct(ctx, md, filepath.Join(g.stylesDir, st.CSL), g.bibPath, writer)
		if err != nil {
			return FileGold{}, err
		}
		if !bytes.Equal(direct, real) {
			return FileGold{}, fmt.Errorf("%s: rendering the citeproc AST differs from rendering the Markdown", format)
		}
	}
	if err := mark(doc); err != nil {
		return FileGold{}, err
	}
	markedAST, err := encodeAST(doc)
	if err != nil {
		return FileGold{}, err
	}
	marked, err := g.p.render(ctx, markedAST, writer)
	if err != nil {
		return FileGold{}, err
	}
	fg, err := locate(string(real), string(marked), doc, format)
	if err != nil {
		return FileGold{}, fmt.Errorf("%s: %w", format, err)
	}
	name := a.id
	if variant != "clean" {
		name += "." + variant
	}
	fg.Path = st.ID + "/" + name + ext
	fg.Style, fg.Article, fg.Format, fg.Variant = st.ID, a.id, format, variant
	if len(fg.Entries) > 0 {
		if h := strings.LastIndex(string(real[:fg.Entries[0].BlockStart]), st.Heading); h >= 0 {
			fg.HeadingLine = newLineTable(string(real)).line(h)
		}
	}
	if fg.HeadingLine == 0 {
		return FileGold{}, fmt.Errorf("%s: heading %q not found", format, st.Heading)
	}
	path := filepath.Join(g.out, filepath.FromSlash(fg.Path))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return FileGold{}, err
	}
	return fg, os.WriteFile(path, real, 0o644)
}
