package citecheck

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// MaxMentions bounds the places in the body recorded for one entry of a
// source list (Pass.Mentions, Reference.Mentions): a few show that the
// body names the source; hundreds would only repeat it.
const MaxMentions = 20

// maxNameWords bounds the words of a name looked for in the body; a longer
// author, publisher or container name is not looked for.
const maxNameWords = 16

// findMentions links the entries of a source list that has no in-text
// markers to the places in the body that name them: "according to Reuters"
// for an entry by Reuters, "the Pew Research Center found" for one
// published by it. A name must be at least four letters long and appear as
// whole words outside the reference lists. An entry gets the places of its
// authors' names first, then of its publisher and container, each in text
// order, at most MaxMentions in all.
//
// It reads the text once, whatever the number of entries: the names are
// put in a trie of their words, and each word of the text walks it (at
// most maxNameWords deep), so the time is linear in the text and the names.
func (p *Pass) findMentions() {
	var names mentionNames
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			seen := map[string]bool{}
			order := 0
			for _, n := range append(append([]string{}, e.Authors...), e.Publisher, e.Container) {
				n = strings.TrimSpace(n)
				if utf8.RuneCountInString(n) < 4 || seen[n] {
					continue
				}
				seen[n] = true
				names.add(n, mentionRef{entry: e.ID, order: order})
				order++
			}
		}
	}
	if len(names.list) == 0 {
		return
	}
	inLists := newListIndex(p.Lists)
	text := p.Doc.Text
	found := map[string][]mention{} // by entry, at most MaxMentions per name
	words := textWords(text)
	for i, w := range words {
		node := names.trie.child(0, text[w.Start:w.End])
		for j := i + 1; node > 0; j++ {
			for _, ni := range names.trie.nodes[node].names {
				n := &names.list[ni]
				if n.full == len(n.refs) {
					continue // every entry with this name has its places
				}
				start := w.Start - n.lead
				end := start + len(n.name)
				if start < 0 || end > len(text) || text[start:end] != n.name || !wordBoundary(text, start, end) {
					continue
				}
				span := sources.Span{Start: start, End: end}
				if inLists.overlaps(span) {
					continue
				}
				for k := range n.refs {
					r := &n.refs[k]
					if r.count == MaxMentions {
						continue
					}
					r.count++
					if r.count == MaxMentions {
						n.full++
					}
					found[r.entry] = append(found[r.entry], mention{order: r.order, span: span})
				}
			}
			if j == len(words) || j-i >= maxNameWords {
				break
			}
			node = names.trie.child(node, text[words[j].Start:words[j].End])
		}
	}
	for id, ms := range found {
		// the order the names come in the entry, each in text order; a
		// place overlapping the one before of the same name is one place
		slices.SortFunc(ms, func(a, b mention) int {
			return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.span.Start, b.span.Start))
		})
		spans := make([]sources.Span, 0, min(len(ms), MaxMentions))
		for k, m := range ms {
			if k > 0 && ms[k-1].order == m.order && ms[k-1].span.End > m.span.Start {
				continue
			}
			if len(spans) == MaxMentions {
				break
			}
			spans = append(spans, m.span)
		}
		p.Mentions[id] = spans
	}
}

// mention is one place that names an entry, with the rank of the name
// among the entry's names.
type mention struct {
	order int
	span  sources.Span
}

// mentionRef is an entry that has a name, with the rank of the name among
// its names and how many places were found for it.
type mentionRef struct {
	entry        string
	order, count int
}

// mentionName is a distinct name looked for, with the entries that have
// it. lead is the length of what comes before its first word ("“" in
// "“Reuters”"); full counts the entries that have all their places.
type mentionName struct {
	name       string
	lead, full int
	refs       []mentionRef
}

// mentionNames holds the distinct names and the trie of their words.
type mentionNames struct {
	list  []mentionName
	index map[string]int
	trie  wordTrie
}

// add records that an entry has a name.
func (ns *mentionNames) add(name string, ref mentionRef) {
	if i, ok := ns.index[name]; ok {
		ns.list[i].refs = append(ns.list[i].refs, ref)
		return
	}
	words := textWords(name)
	if len(words) == 0 || len(words) > maxNameWords {
		return
	}
	if ns.index == nil {
		ns.index = map[string]int{}
		ns.trie.nodes = []trieNode{{}}
	}
	i := len(ns.list)
	ns.index[name] = i
	ns.list = append(ns.list, mentionName{name: name, lead: words[0].Start, refs: []mentionRef{ref}})
	node := 0
	for _, w := range words {
		node = ns.trie.add(node, name[w.Start:w.End])
	}
	ns.trie.nodes[node].names = append(ns.trie.nodes[node].names, i)
}

// wordTrie is a trie whose edges are words; node 0 is the root.
type wordTrie struct {
	nodes []trieNode
}

// trieNode is one node: its children by word, and the names ending here.
type trieNode struct {
	children map[string]int
	names    []int
}

// child returns the child of node along word, or 0 when there is none.
func (t *wordTrie) child(node int, word string) int {
	if node >= len(t.nodes) {
		return 0
	}
	return t.nodes[node].children[word]
}

// add returns the child of node along word, making it if needed.
func (t *wordTrie) add(node int, word string) int {
	if c := t.nodes[node].children[word]; c > 0 {
		return c
	}
	if t.nodes[node].children == nil {
		t.nodes[node].children = map[string]int{}
	}
	c := len(t.nodes)
	t.nodes = append(t.nodes, trieNode{})
	t.nodes[node].children[word] = c
	return c
}

// textWords returns the spans of the words of s: the runs of letters and
// digits.
func textWords(s string) []sources.Span {
	var out []sources.Span
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, sources.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, sources.Span{Start: start, End: len(s)})
	}
	return out
}

// wordBoundary reports whether text[start:end] is not part of a longer word.
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
