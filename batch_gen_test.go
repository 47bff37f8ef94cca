package citecheck_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

// The corpus generator writes realistic articles in the citation styles the
// tool supports: APA author–date in plain text, numeric [n] in HTML and
// footnotes in Markdown. It is deterministic: article i is always the same.

var (
	genSurnames = []string{"Okafor", "Lindqvist", "Brandt", "Chen", "Ortiz", "Haddad", "Ma", "Smith", "Lee", "Nakamura", "Fischer", "Adeyemi", "Rossi", "Kowalski", "Novak", "Dubois"}
	genTopics   = []string{"transit ridership", "housing supply", "school attendance", "air quality", "wage growth", "hospital wait times", "crop yields", "broadband access"}
	genVerbs    = []string{"found", "reported", "estimated", "showed", "concluded"}
	genFiller   = []string{
		"Local officials said the figures would shape next year's budget.",
		"The debate has moved from whether the change happened to why.",
		"Residents interviewed for this article described a mixed picture.",
		"Several agencies declined to comment on the preliminary numbers.",
		"Critics argue that the data collection itself has changed over time.",
	}
)

type genRef struct {
	author, author2 string
	year            int
	title           string
}

// genArticle returns article i of the generated corpus: a file name whose
// extension gives the format, and a body of about size bytes (at least).
func genArticle(i, size int) (name string, body []byte) {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	topic := genTopics[r.IntN(len(genTopics))]
	nrefs := 4 + r.IntN(8)
	refs := make([]genRef, nrefs)
	for k := range refs {
		refs[k] = genRef{
			author:  genSurnames[r.IntN(len(genSurnames))],
			author2: genSurnames[r.IntN(len(genSurnames))],
			year:    2000 + r.IntN(24),
			title:   fmt.Sprintf("Evidence on %s from study %d", topic, k+1),
		}
	}
	var b strings.Builder
	style := i % 3
	title := fmt.Sprintf("What the numbers say about %s (%d)", topic, i)
	switch style {
	case 0:
		b.WriteString(title + "\n\nBy Staff Writer\n\n")
	case 1:
		fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title><meta property=\"article:published_time\" content=\"2024-0%d-1%dT08:00:00Z\"></head><body><article><h1>%s</h1>\n", title, 1+i%9, i%10, title)
	case 2:
		b.WriteString("# " + title + "\n\n")
	}
	note := 0
	// tail estimates the bytes of the reference list still to come.
	tail := func() int {
		if style == 2 {
			return 110 * note
		}
		return 110 * nrefs
	}
	for b.Len()+tail() < size {
		var para strings.Builder
		for s := 0; s < 4; s++ {
			k := r.IntN(nrefs)
			ref := refs[k]
			pct := 5 + r.IntN(60)
			switch {
			case r.IntN(4) == 0:
				para.WriteString(genFiller[r.IntN(len(genFiller))] + " ")
			case style == 0:
				fmt.Fprintf(&para, "%s and %s (%d) %s that %s changed by %d percent in the areas studied. ", ref.author, ref.author2, ref.year, genVerbs[r.IntN(len(genVerbs))], topic, pct)
			case style == 1:
				fmt.Fprintf(&para, "A %d study %s that %s rose by %d percent [%d]. ", ref.year, genVerbs[r.IntN(len(genVerbs))], topic, pct, k+1)
			default:
				note++
				fmt.Fprintf(&para, "Researchers %s that %s fell by %d percent.[^%d] ", genVerbs[r.IntN(len(genVerbs))], topic, pct, note)
			}
		}
		if r.IntN(10) == 0 {
			para.WriteString("Officials said the rate doubled to 42 percent in 2021, the highest on record. ")
		}
		switch style {
		case 1:
			b.WriteString("<p>" + strings.TrimSpace(para.String()) + "</p>\n")
		default:
			b.WriteString(strings.TrimSpace(para.String()) + "\n\n")
		}
	}
	switch style {
	case 0:
		b.WriteString("References\n\n")
		for _, ref := range refs {
			fmt.Fprintf(&b, "%s, A., & %s, B. (%d). %s. Journal of Applied Studies, %d, 1–20.\n", ref.author, ref.author2, ref.year, ref.title, ref.year-1990)
		}
		return fmt.Sprintf("a%05d.txt", i), []byte(b.String())
	case 1:
		b.WriteString("<h2>References</h2>\n<ol>\n")
		for _, ref := range refs {
			fmt.Fprintf(&b, "<li>%s A, %s B. %s. J Appl Stud. %d;%d:1-20.</li>\n", ref.author, ref.author2, ref.title, ref.year, ref.year-1990)
		}
		b.WriteString("</ol></article></body></html>\n")
		return fmt.Sprintf("a%05d.html", i), []byte(b.String())
	default:
		b.WriteString("\n")
		for n := 1; n <= note; n++ {
			ref := refs[n%nrefs]
			fmt.Fprintf(&b, "[^%d]: %s, A. (%d). \"%s.\" *Journal of Applied Studies*, %d, 1–20.\n", n, ref.author, ref.year, ref.title, ref.year-1990)
		}
		return fmt.Sprintf("a%05d.md", i), []byte(b.String())
	}
}

// genCorpus yields n generated articles of 5–20 KB as a corpus reader would,
// with a content hash. Every broken-th article (when broken > 0) is yielded
// as a reader error instead.
func genCorpus(n, broken int) iter.Seq2[corpus.Article, error] {
	return func(yield func(corpus.Article, error) bool) {
		for i := range n {
			if broken > 0 && i%broken == broken-1 {
				err := &corpus.ReadError{Input: "gen.jsonl", Pos: int64(i + 1), Err: corpus.ErrMalformed}
				if !yield(corpus.Article{}, err) {
					return
				}
				continue
			}
			name, body := genArticle(i, 5000+(i*7919)%15000)
			sum := sha256.Sum256(body)
			a := corpus.Article{
				ID:     "gen/" + name,
				Input:  "gen/" + name,
				URL:    fmt.Sprintf("https://www.outlet%d.co.uk/news/%d", i%4, i),
				Format: sources.DetectFormat(name, body),
				Body:   body,
				Hash:   hex.EncodeToString(sum[:]),
			}
			if !yield(a, nil) {
				return
			}
		}
	}
}
