package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// The faults planted, each with the finding code it should draw.
const (
	faultDeleted   = "deleted-entry"   // unresolved-citation at each citation of the work
	faultYear      = "changed-year"    // citation-mismatch at the citation
	faultAuthor    = "misspelt-author" // citation-mismatch at the citation
	faultNumber    = "changed-number"  // unresolved-citation: a number past the list
	faultLabel     = "changed-label"   // unresolved-citation: a label no entry has
	faultOrphan    = "orphan-entry"    // orphan-reference at the entry
	faultDuplicate = "duplicate-entry" // duplicate-reference at the copy
)

var faultCode = map[string]string{
	faultDeleted:   "unresolved-citation",
	faultYear:      "citation-mismatch",
	faultAuthor:    "citation-mismatch",
	faultNumber:    "unresolved-citation",
	faultLabel:     "unresolved-citation",
	faultOrphan:    "orphan-reference",
	faultDuplicate: "duplicate-reference",
}

// planted is a fault applied to an AST: the work it concerns and, for a
// changed citation, which one (its index among the Cites).
type planted struct {
	kind, key, detail string
	cite              int
}

// citedInOrder lists the works a document cites, by first citation.
func citedInOrder(doc node) []string {
	var keys []string
	for _, c := range cites(doc) {
		for _, k := range c.keys {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// citations counts the citations of each work in doc.
func citations(doc node) map[string]int {
	n := map[string]int{}
	for _, c := range cites(doc) {
		for _, k := range c.keys {
			n[k]++
		}
	}
	return n
}

// plant applies a fault of kind to doc, choosing its target by a fixed
// rule so that every run plants the same one.
func (g *generator) plant(kind string, doc node, a article) (planted, error) {
	pl := planted{kind: kind, cite: -1}
	keys := citedInOrder(doc)
	refs, err := refsDiv(doc)
	if err != nil {
		return pl, err
	}
	list := refs["c"].([]any)[1].([]any)
	switch kind {
	case faultDeleted: // the first work cited twice whose first author has no other work here
		count := map[string]int{}
		for _, c := range cites(doc) {
			for _, k := range c.keys {
				count[k]++
			}
		}
		for _, k := range keys {
			if count[k] > 1 && g.soleWorkOfAuthor(k, keys) {
				pl.key = k
				break
			}
		}
		if pl.key == "" {
			return pl, fmt.Errorf("no work cited twice by an author of one work")
		}
		for i, b := range list {
			if divID(b.(node)) == "ref-"+pl.key {
				refs["c"].([]any)[1] = slices.Delete(slices.Clone(list), i, i+1)
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no entry for %s", pl.key)
	case faultDuplicate: // the last work cited whose first author has no other work here
		for _, k := range slices.Backward(keys) {
			if g.soleWorkOfAuthor(k, keys) {
				pl.key = k
				break
			}
		}
		for i, b := range list {
			if divID(b.(node)) == "ref-"+pl.key {
				refs["c"].([]any)[1] = slices.Insert(slices.Clone(list), i+1, deepCopy(b))
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no entry to copy")
	case faultYear: // the first citation of one work that shows a plain year
		for i, c := range cites(doc) {
			if len(c.keys) != 1 {
				continue
			}
			w := g.works[c.keys[0]]
			if y := w.year(); hasToken(c.content(), y) {
				to := g.freeYear(w, keys)
				replaceToken(c.content(), y, to)
				pl.key, pl.cite, pl.detail = c.keys[0], i, y+" → "+to
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no citation shows a plain year")
	case faultAuthor: // the last citation of one work by a person that names them
		cs := cites(doc)
		for i := len(cs) - 1; i >= 0; i-- {
			c := cs[i]
			if len(c.keys) != 1 || !g.works[c.keys[0]].personal() {
				continue
			}
			name := lastWord(g.works[c.keys[0]].firstName())
			if hasToken(c.content(), name) {
				to := misspell(name)
				replaceToken(c.content(), name, to)
				pl.key, pl.cite, pl.detail = c.keys[0], i, name+" → "+to
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no citation names its author")
	case faultNumber: // the first citation by its number alone of a work cited again elsewhere
		entries, _ := entryDivs(refs)
		times := citations(doc)
		for i, c := range cites(doc) {
			nums := digitRuns.FindAllString(inlineText(c.content()), -1)
			if len(c.keys) != 1 || len(nums) != 1 || times[c.keys[0]] < 2 {
				// a work cited once would be left uncited, and its entry
				// an orphan too: one fault, one finding
				continue
			}
			to := strconv.Itoa(len(entries) + 10)
			if replaceToken(c.content(), nums[0], to) {
				pl.key, pl.cite, pl.detail = c.keys[0], i, nums[0]+" → "+to
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no citation by number alone")
	case faultLabel: // the first citation by a label of letters and a year of a work cited again elsewhere
		times := citations(doc)
		for i, c := range cites(doc) {
			if len(c.keys) != 1 || times[c.keys[0]] < 2 {
				continue
			}
			for _, s := range strs(c.content()) {
				text := s["c"].(string)
				m := labelYear.FindStringSubmatchIndex(text)
				if m == nil {
					continue
				}
				yy, _ := strconv.Atoi(text[m[2]:m[3]])
				to := fmt.Sprintf("%02d", (yy+97)%100)
				s["c"] = text[:m[2]] + to + text[m[3]:]
				pl.key, pl.cite, pl.detail = c.keys[0], i, text+" → "+s["c"].(string)
				return pl, nil
			}
		}
		return pl, fmt.Errorf("no citation by label")
	}
	return pl, fmt.Errorf("unknown fault %q", kind)
}

var (
	digitRuns = regexp.MustCompile(`[0-9]+`)
	// labelYear finds the two digits of the year in a label such as
	// "[Müll19a]".
	labelYear = regexp.MustCompile(`\p{L}([0-9]{2})[a-z]?(?:\]|,|$)`)
)

// soleWorkOfAuthor reports whether k's first author writes no other work
// among keys, first or not, so that no other entry comes near a citation
// of k.
func (g *generator) soleWorkOfAuthor(k string, keys []string) bool {
	first := g.works[k].firstName()
	for _, o := range keys {
		if o != k && slices.Contains(g.works[o].names(), first) {
			return false
		}
	}
	return true
}

// freeYear is a year three or more before w's in which none of its
// authors has a work among keys, so the changed citation matches no
// entry exactly.
func (g *generator) freeYear(w work, keys []string) string {
	y, _ := strconv.Atoi(w.year())
	for y -= 3; ; y-- {
		taken := false
		for _, k := range keys {
			o := g.works[k]
			if o.year() != strconv.Itoa(y) {
				continue
			}
			for _, n := range o.names() {
				taken = taken || slices.Contains(w.names(), n)
			}
		}
		if !taken {
			return strconv.Itoa(y)
		}
	}
}

// orphanFor picks the work to add uncited: the first work of the next
// article none of whose authors writes any work of this one, so citeproc's
// disambiguation leaves the rest of the rendering alone.
func (g *generator) orphanFor(a article) planted {
	i := slices.IndexFunc(g.articles, func(b article) bool { return b.id == a.id })
	next := g.articles[(i+1)%len(g.articles)]
	authors := map[string]bool{}
	for _, k := range a.keys {
		for _, n := range g.works[k].names() {
			authors[n] = true
		}
	}
	for _, k := range next.keys {
		clash := false
		for _, n := range g.works[k].names() {
			clash = clash || authors[n]
		}
		if !clash && !slices.Contains(a.keys, k) {
			return planted{kind: faultOrphan, key: k, cite: -1}
		}
	}
	return planted{kind: faultOrphan, cite: -1}
}

// expect turns a planted fault into the findings expected of the
// rendering's gold, each with the lines it may be reported on.
func (pl planted) expect(fg FileGold) ([]FaultGold, error) {
	code := faultCode[pl.kind]
	one := func(lines []int) []FaultGold {
		return []FaultGold{{Kind: pl.kind, Code: code, Key: pl.key, Lines: lines, Detail: pl.detail}}
	}
	switch pl.kind {
	case faultDeleted:
		var fs []FaultGold
		for _, c := range fg.Citations {
			if slices.Contains(c.Keys, pl.key) {
				fs = append(fs, FaultGold{Kind: pl.kind, Code: code, Key: pl.key, Lines: citationLines(c)})
			}
		}
		if len(fs) == 0 {
			return nil, fmt.Errorf("no citation of %s", pl.key)
		}
		return fs, nil
	case faultOrphan, faultDuplicate:
		for _, e := range fg.Entries {
			if e.Key == pl.key && e.Copy == (pl.kind == faultDuplicate) {
				return one(lineRange(e.BlockLine, e.EndLine)), nil
			}
		}
		return nil, fmt.Errorf("no entry %s", pl.key)
	}
	if pl.cite < 0 || pl.cite >= len(fg.Citations) {
		return nil, fmt.Errorf("citation %d not in the gold", pl.cite)
	}
	return one(citationLines(fg.Citations[pl.cite])), nil
}

// citationLines are the lines a citation's finding may be on: those of
// its marker and, in a note style, of its note.
func citationLines(c CitationGold) []int {
	lines := lineRange(c.Line, c.EndLine)
	if c.Note != nil {
		for _, l := range lineRange(c.Note.Line, c.Note.EndLine) {
			if !slices.Contains(lines, l) {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

func lineRange(from, to int) []int {
	var ls []int
	for l := from; l <= to; l++ {
		ls = append(ls, l)
	}
	return ls
}
