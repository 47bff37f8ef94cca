package sources

import (
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main-content extraction follows Mozilla Readability's scoring, which the
// evaluation pages' expected output comes from: paragraphs score their
// ancestors by length and commas, class and id names weigh elements up or
// down, link density scales the scores, the best-scoring element and its
// worthy siblings are kept, and lists, tables and divs that look like
// chrome are cleaned out of what is kept. It runs on the light tree, whose
// statistics are computed in one backward pass over the node array, and it
// never copies or mutates nodes: what it decides is a flag per node.

// Per-pass flags live apart from the tokenizer's flags.
const (
	htmlPassDead     uint8 = 1 << iota // removed from scoring: gone, chrome or unlikely, or inside one
	htmlPassUnlikely                   // unlikely candidate by class or id
	htmlPassKeep                       // root of the kept content
	htmlPassRemoved                    // cleaned out of the kept content
	htmlPassScored                     // has a content score
)

// htmlStats are the counts Readability's heuristics need, per element,
// over its live descendants.
type htmlStats struct {
	chars, commas            int32
	direct, directCommas     int32 // in phrasing children only
	links                    float32
	p, img, li, input, embed int32
	tr, td, th, tables       int32
	heading, list            int32
	block                    bool // has a block-level descendant (Readability's DIV_TO_P_ELEMS)
	score                    float32
}

// htmlClassWeights caches what an element's class and id say.
type htmlClassWeights struct {
	weight             int8
	unlikely, maybe    bool
	share, byline, set bool
}

type htmlContent struct {
	t     *htmlTree
	doc   *Document
	b     *builder
	base  *url.URL
	pass  []uint8
	st    []htmlStats
	cls   []htmlClassWeights // per attrs entry
	title string             // the page title, to drop a heading that repeats it

	byline     string
	bylineNode int32
	h1         string
	noUnlikely bool
	noWeights  bool
	noCleaning bool
	fresh      bool // the next text opens a new block
	want       htmlBlockCtx
	lists      []htmlListCtx
	sup        int
	cleaned    int // open elements cleaned out of the kept content around them
	caption    int // open captions whose footnote markers are written (captionMarkers)
	marker     int // open footnote markers of such a caption, written whatever the scoring said
	refList    int // open reference lists (htmlFlagRefList)
	// plain counts the open <pre> elements read as plain text
	// (html_pre.go); plainNL the line breaks since its last word, and
	// plainLines whether its open paragraph has more than one line.
	plain        int
	plainNL      int
	plainLines   bool
	plainParents map[int32]bool // plainPre's verdict on a parent's <pre> elements
	entry        int            // open elements that hold one reference entry: a <cite>, an item of a reference list
	backLink     int
	linkInfo     []htmlLinkInfo
	quoteDepth   int
	// afterFigure is true while walk starts on an element whose previous
	// sibling, past white space, is a <figure> (see figureCaptionList)
	afterFigure bool
}

type htmlBlockCtx struct {
	kind        BlockKind
	level, list int
	ordered     bool
	id          string
}

type htmlListCtx struct {
	num     int
	ordered bool
}

type htmlLinkInfo struct {
	node     int32
	sup      bool
	backLink bool
	footRef  bool
}

func newHTMLContent(t *htmlTree, doc *Document, base string) *htmlContent {
	c := &htmlContent{t: t, doc: doc, bylineNode: -1}
	var baseURL *url.URL
	if base != "" {
		if u, err := url.Parse(base); err == nil {
			baseURL = u
		}
	}
	if t.base != "" {
		if u, err := url.Parse(t.base); err == nil {
			if baseURL != nil {
				u = baseURL.ResolveReference(u)
			}
			baseURL = u
		}
	}
	if baseURL != nil && !baseURL.IsAbs() {
		baseURL = nil
	}
	c.base = baseURL
	c.title = htmlTitle(t)
	return c
}

// lastDesc returns the last node of n's subtree: a subtree is the range
// of node indexes [n, lastDesc(n)].
func (c *htmlContent) lastDesc(n int32) int32 {
	for c.t.nodes[n].last >= 0 {
		n = c.t.nodes[n].last
	}
	return n
}

func (c *htmlContent) info(n int32) htmlClassWeights {
	a := c.t.nodes[n].attr
	if a < 0 {
		return htmlClassWeights{}
	}
	if c.cls == nil {
		c.cls = make([]htmlClassWeights, len(c.t.attrs))
	}
	ci := &c.cls[a]
	if !ci.set {
		*ci = htmlClassInfo(&c.t.attrs[a])
	}
	return *ci
}

var (
	htmlUnlikelyWords = []string{"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
		"disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
		"shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
		"pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "share", "more-stories"}
	htmlMaybeWords    = []string{"and", "article", "body", "column", "content", "main", "mathjax", "shadow"}
	htmlPositiveWords = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
		"pagination", "post", "text", "blog", "story"}
	htmlNegativeWords = []string{"-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
		"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
		"skyscraper", "sponsor", "shopping", "tags", "widget"}
	htmlBylineWords = []string{"byline", "author", "dateline", "writtenby", "p-author"}
)

func htmlLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func htmlClassInfo(a *htmlAttrs) htmlClassWeights {
	ci := htmlClassWeights{set: true}
	cls, id := htmlLowerASCII(a.class), htmlLowerASCII(a.id)
	if cls == "" && id == "" {
		return ci
	}
	w := 0
	var all uint8
	for _, s := range [2]string{cls, id} {
		if s == "" {
			continue
		}
		m := htmlMatchWords(s)
		all |= m
		if m&wordNegative != 0 || htmlHasWord(s, "hid") || htmlHasWord(s, "hidden") {
			w -= 25
		}
		if m&wordPositive != 0 {
			w += 25
		}
		ci.share = ci.share || htmlShareWord(s)
	}
	ci.weight = int8(w)
	ci.unlikely = all&wordUnlikely != 0
	ci.maybe = all&wordMaybe != 0
	ci.byline = all&wordByline != 0
	return ci
}

// The word lists a class or id is matched against, as bits.
const (
	wordUnlikely uint8 = 1 << iota
	wordMaybe
	wordPositive
	wordNegative
	wordByline
)

// htmlWordIndex lists, for each first byte, the words of the lists above
// that start with it, so one scan of a class name checks every list.
var htmlWordIndex = func() (idx [256][]htmlWord) {
	for _, l := range []struct {
		words []string
		bit   uint8
	}{{htmlUnlikelyWords, wordUnlikely}, {htmlMaybeWords, wordMaybe}, {htmlPositiveWords, wordPositive},
		{htmlNegativeWords, wordNegative}, {htmlBylineWords, wordByline}} {
		for _, w := range l.words {
			idx[w[0]] = append(idx[w[0]], htmlWord{w, l.bit})
		}
	}
	return idx
}()

type htmlWord struct {
	word string
	bit  uint8
}

// htmlMatchWords returns the bits of the word lists s contains a word of.
func htmlMatchWords(s string) uint8 {
	var m uint8
	for i := 0; i < len(s); i++ {
		for _, w := range htmlWordIndex[s[i]] {
			if m&w.bit == 0 && strings.HasPrefix(s[i:], w.word) {
				m |= w.bit
			}
		}
	}
	return m
}

// htmlCaptionClass reports whether a class attribute names a caption or a
// credit line (the class in lower case): a word starting "caption" or "credit" ("caption-text",
// "thumbcaption", "c-lead-image__credit", but not "accredited").
func htmlCaptionClass(class string) bool {
	for _, w := range [...]string{"caption", "credit"} {
		for i := 0; ; {
			j := strings.Index(class[i:], w)
			if j < 0 {
				break
			}
			j += i
			if w == "caption" || j == 0 || class[j-1] < 'a' || class[j-1] > 'z' {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// htmlBylineClass reports whether a class or id (in lower case) names text
// about the article: a byline, a dateline or timestamp ("storytimestamp",
// "cnndatestamp"), an author's biography (a word "bio": "post-body-bio",
// "author-bio", but not "biology"), Wikipedia's tagline ("sitesub").
func htmlBylineClass(class string) bool {
	if class == "" {
		return false
	}
	for _, w := range [...]string{"byline", "dateline", "timestamp", "datestamp", "sitesub"} {
		if strings.Contains(class, w) {
			return true
		}
	}
	for i := 0; ; i += 3 {
		j := strings.Index(class[i:], "bio")
		if j < 0 {
			return false
		}
		i += j
		before := i == 0 || class[i-1] < 'a' || class[i-1] > 'z'
		after := i+3 == len(class) || class[i+3] < 'a' || class[i+3] > 'z'
		if before && after {
			return true
		}
	}
}

// htmlShareWord matches Readability's (\b|_)(share|sharedaddy)(\b|_).
func htmlShareWord(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "share")
		if j < 0 {
			return false
		}
		j += i
		end := j + 5
		if strings.HasPrefix(s[end:], "daddy") {
			end += 5
		}
		before := j == 0 || !htmlWordByte(s[j-1]) || s[j-1] == '_'
		after := end == len(s) || !htmlWordByte(s[end]) || s[end] == '_'
		if before && after {
			return true
		}
		i = j + 1
	}
}

func htmlWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// htmlIsBlockish reports elements that Readability does not treat as phrasing
// content.
func htmlIsBlockish(a atom.Atom) bool {
	switch a {
	case atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul, atom.Select,
		atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Figure,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Form, atom.Hr, atom.Address,
		atom.Fieldset, atom.Details, atom.Figcaption, atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Dd, atom.Dt:
		return true
	}
	return false
}

func htmlIsDivToP(a atom.Atom) bool {
	switch a {
	case atom.Blockquote, atom.Dl, atom.Div, atom.Img, atom.Ol, atom.P, atom.Pre, atom.Table, atom.Ul, atom.Select:
		return true
	}
	return false
}

// extract chooses the kept content, retrying with fewer heuristics when
// the first result is short, as Readability does.
func (c *htmlContent) extract() {
	t := c.t
	c.pass = make([]uint8, len(t.nodes))
	c.st = make([]htmlStats, len(t.nodes))
	type attempt struct {
		pass  []uint8
		chars int
		opts  [3]bool
	}
	var best attempt
	for i, opts := range [][3]bool{{false, false, false}, {true, false, false}, {true, true, false}, {true, true, true}} {
		c.noUnlikely, c.noWeights, c.noCleaning = opts[0], opts[1], opts[2]
		chars := c.grab()
		if chars >= 500 {
			return
		}
		if chars > best.chars || best.pass == nil {
			best = attempt{pass: slices.Clone(c.pass), chars: chars, opts: opts}
		}
		if i == 3 {
			break
		}
		clear(c.pass)
		clear(c.st)
	}
	c.pass = best.pass
	c.noUnlikely, c.noWeights, c.noCleaning = best.opts[0], best.opts[1], best.opts[2]
}

// grab runs one pass of the extraction and returns the length of the kept
// text in characters.
func (c *htmlContent) grab() int {
	t := c.t
	nodes := t.nodes
	root := t.body
	if root < 0 {
		root = 0
	}
	// forward: what is dead, unlikely, the byline, the title heading
	removedTitle := false
	c.bylineNode = -1
	for i := int32(1); i < int32(len(nodes)); i++ {
		n := &nodes[i]
		if n.kind != htmlElement {
			if c.pass[n.parent]&htmlPassDead != 0 {
				c.pass[i] |= htmlPassDead
			}
			continue
		}
		if c.pass[n.parent]&htmlPassDead != 0 || n.flags&(htmlFlagGone|htmlFlagChrome) != 0 {
			c.pass[i] |= htmlPassDead
			continue
		}
		ci := c.info(i)
		if !c.noUnlikely && ci.unlikely && !ci.maybe && n.tag != atom.Body && n.tag != atom.A &&
			n.flags&(htmlFlagRefList|htmlFlagArticle) == 0 && !c.hasAncestor(i, atom.Table, 3) && !c.hasAncestor(i, atom.Code, 3) {
			c.pass[i] |= htmlPassDead | htmlPassUnlikely
		}
	}
	c.stats(root)
	first, last := root, c.lastDesc(root)
	if root == 0 {
		first, last = 1, int32(len(nodes)-1)
	}
	for i := first; i <= last; i++ {
		n := &nodes[i]
		if n.kind != htmlElement || c.pass[i]&htmlPassDead != 0 {
			continue
		}
		// nothing inside a <pre> is a byline: "[<a id="ref-AUTHORING">AUTHORING</a>]"
		// labels an RFC's reference entry
		if c.bylineNode < 0 && (n.flags&htmlFlagByline != 0 || c.info(i).byline) && c.st[i].chars > 0 && c.st[i].chars < 100 &&
			!c.hasAncestor(i, atom.Pre, 0) {
			c.bylineNode = i
			c.byline = c.nodeText(i, 200)
			c.kill(i)
			continue
		}
		if !removedTitle && (n.tag == atom.H1 || n.tag == atom.H2) && c.title != "" {
			if htmlSimilar(c.nodeText(i, 400), c.title) {
				removedTitle = true
				if c.h1 == "" {
					c.h1 = c.nodeText(i, 400)
				}
				c.kill(i)
				continue
			}
		}
		if n.tag == atom.H1 && c.h1 == "" {
			c.h1 = c.nodeText(i, 400)
		}
	}
	c.score(root)
	return c.choose(root)
}

// kill marks an element dead after the statistics were computed, taking
// its counts out of its ancestors.
func (c *htmlContent) kill(n int32) {
	c.pass[n] |= htmlPassDead
	s := c.st[n]
	for p := c.t.nodes[n].parent; p >= 0; p = c.t.nodes[p].parent {
		ps := &c.st[p]
		ps.chars -= s.chars
		ps.commas -= s.commas
		ps.links -= s.links
		ps.p -= s.p
		ps.img -= s.img
		ps.li -= s.li
		ps.input -= s.input
		ps.embed -= s.embed
		ps.heading -= s.heading
		ps.list -= s.list
	}
	end := c.lastDesc(n)
	for i := n + 1; i <= end; i++ {
		c.pass[i] |= htmlPassDead
	}
}

func (c *htmlContent) hasAncestor(n int32, tag atom.Atom, depth int) bool {
	for p, d := c.t.nodes[n].parent, 0; p > 0 && (depth <= 0 || d < depth); p, d = c.t.nodes[p].parent, d+1 {
		if c.t.nodes[p].tag == tag {
			return true
		}
	}
	return false
}

// stats fills c.st bottom-up over the live nodes.
func (c *htmlContent) stats(root int32) {
	nodes := c.t.nodes
	for i := int32(len(nodes)) - 1; i > 0; i-- {
		if c.pass[i]&htmlPassDead != 0 {
			continue
		}
		n := &nodes[i]
		s := &c.st[i]
		if n.kind == htmlText {
			s.chars, s.commas = n.chars, n.commas
			s.direct, s.directCommas = n.chars, n.commas
		} else {
			switch n.tag {
			case atom.A:
				coef := float32(1)
				if a := c.t.attrOf(i); a != nil && len(a.href) > 1 && a.href[0] == '#' {
					coef = 0.3
				}
				s.links = float32(s.chars) * coef
			case atom.P:
				s.p++
			case atom.Img:
				s.img++
			case atom.Li:
				s.li++
			case atom.Input:
				s.input++
			case atom.Embed, atom.Object, atom.Iframe:
				s.embed++
			case atom.Tr:
				s.tr++
			case atom.Td:
				s.td++
			case atom.Th, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
				s.th++
			case atom.Table:
				s.tables++
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				s.heading = s.chars
			case atom.Ul, atom.Ol:
				s.list = s.chars
			}
		}
		p := n.parent
		if p < 0 {
			continue
		}
		ps := &c.st[p]
		ps.chars += s.chars
		ps.commas += s.commas
		ps.links += s.links
		ps.p += s.p
		ps.img += s.img
		ps.li += s.li
		ps.input += s.input
		ps.embed += s.embed
		ps.tr += s.tr
		ps.td += s.td
		ps.th += s.th
		ps.tables += s.tables
		ps.heading += s.heading
		ps.list += s.list
		if n.kind == htmlElement && (htmlIsDivToP(n.tag) || s.block) {
			ps.block = true
		}
		if n.kind == htmlText || !htmlIsBlockish(n.tag) && !s.block {
			ps.direct += s.chars
			ps.directCommas += s.commas
		}
	}
}

func (c *htmlContent) linkDensity(n int32) float32 {
	s := &c.st[n]
	if s.chars == 0 {
		return 0
	}
	return s.links / float32(s.chars)
}

func (c *htmlContent) weight(n int32) int {
	if c.noWeights {
		return 0
	}
	return int(c.info(n).weight)
}

func (c *htmlContent) initScore(n int32) {
	if c.pass[n]&htmlPassScored != 0 {
		return
	}
	c.pass[n] |= htmlPassScored
	w := float32(c.weight(n))
	switch c.t.nodes[n].tag {
	case atom.Div:
		w += 5
	case atom.Pre, atom.Td, atom.Blockquote:
		w += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		w -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		w -= 5
	}
	c.st[n].score = w
}

// score gives each paragraph-like element's score to its ancestors.
func (c *htmlContent) score(root int32) {
	nodes := c.t.nodes
	end := c.lastDesc(root)
	add := func(from int32, chars, commas int32) {
		if chars < 25 {
			return
		}
		score := float32(1 + commas + 1 + min(chars/100, 3))
		level := 0
		for p := from; p > 0 && level < 5; p, level = nodes[p].parent, level+1 {
			c.initScore(p)
			div := float32(1)
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float32(level * 3)
			}
			c.st[p].score += score / div
		}
	}
	for i := root; i <= end; i++ {
		n := &nodes[i]
		if n.kind != htmlElement || c.pass[i]&htmlPassDead != 0 || i == 0 {
			continue
		}
		s := &c.st[i]
		switch n.tag {
		case atom.Section, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Td, atom.Pre:
			if n.tag == atom.P && c.divParagraph(n.parent) {
				continue // scored as its div
			}
			add(n.parent, s.chars, s.commas)
		case atom.Div:
			switch {
			case c.divParagraph(i):
				add(n.parent, s.chars, s.commas)
			case !s.block:
				add(n.parent, s.chars, s.commas)
			case s.direct >= 25:
				add(i, s.direct, s.directCommas)
			}
		}
	}
}

// divParagraph reports a div whose only content is one paragraph, which
// Readability reads as that paragraph.
func (c *htmlContent) divParagraph(n int32) bool {
	nodes := c.t.nodes
	if n <= 0 || nodes[n].tag != atom.Div || c.pass[n]&htmlPassDead != 0 {
		return false
	}
	only := int32(-1)
	for ch := nodes[n].first; ch >= 0; ch = nodes[ch].next {
		if c.pass[ch]&htmlPassDead != 0 {
			continue
		}
		if nodes[ch].kind == htmlText {
			if nodes[ch].flags&htmlFlagSpace == 0 {
				return false
			}
			continue
		}
		if only >= 0 {
			return false
		}
		only = ch
	}
	return only >= 0 && nodes[only].tag == atom.P && c.linkDensity(n) < 0.25
}

// choose picks the top candidate and its siblings, cleans what is kept and
// returns its length.
func (c *htmlContent) choose(root int32) int {
	nodes := c.t.nodes
	end := c.lastDesc(root)
	var cands []int32
	for i := root; i <= end; i++ {
		if c.pass[i]&htmlPassScored != 0 && c.pass[i]&htmlPassDead == 0 {
			c.st[i].score *= 1 - c.linkDensity(i)
			cands = append(cands, i)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return c.st[cands[a]].score > c.st[cands[b]].score })
	top := int32(-1)
	if len(cands) > 0 {
		top = cands[0]
	}
	if top < 0 || top == root || nodes[top].tag == atom.Body {
		c.pass[root] |= htmlPassKeep
		return c.clean(root)
	}
	topScore := c.st[top].score
	var alts []int32
	for _, a := range cands[1:min(len(cands), 5)] {
		if c.st[a].score/topScore >= 0.75 {
			alts = append(alts, a)
		}
	}
	if len(alts) >= 3 {
		for p := nodes[top].parent; p > 0 && p != root; p = nodes[p].parent {
			k := 0
			for _, a := range alts {
				if a > p && a <= c.lastDesc(p) {
					k++
				}
			}
			if k >= 3 {
				top = p
				break
			}
		}
	}
	c.initScore(top)
	last := c.st[top].score
	threshold := last / 3
	for p := nodes[top].parent; p > 0 && p != root; p = nodes[p].parent {
		if c.pass[p]&htmlPassScored == 0 {
			continue
		}
		ps := c.st[p].score
		if ps < threshold {
			break
		}
		if ps > last {
			top = p
			break
		}
		last = ps
	}
	for p := nodes[top].parent; p > 0 && p != root && c.elementChildren(p) == 1; p = nodes[p].parent {
		top = p
	}
	c.initScore(top)
	topScore = c.st[top].score
	threshold = max(10, topScore*0.2)
	topClass := c.t.class(top)
	total := 0
	parent := nodes[top].parent
	for s := nodes[parent].first; s >= 0; s = nodes[s].next {
		if nodes[s].kind != htmlElement || c.pass[s]&htmlPassDead != 0 {
			continue
		}
		keep := s == top
		if !keep {
			bonus := float32(0)
			if topClass != "" && c.t.class(s) == topClass {
				bonus = topScore * 0.2
			}
			if c.pass[s]&htmlPassScored != 0 && c.st[s].score+bonus >= threshold {
				keep = true
			} else if nodes[s].tag == atom.P || c.divParagraph(s) {
				ld := c.linkDensity(s)
				chars := c.st[s].chars
				if chars > 80 && ld < 0.25 {
					keep = true
				} else if chars < 80 && chars > 0 && ld == 0 && htmlSentenceEnd(c.nodeText(s, 200)) {
					keep = true
				}
			}
		}
		if keep {
			c.pass[s] |= htmlPassKeep
			total += c.clean(s)
		}
	}
	total += c.keepReferences(root, parent)
	return total
}

func (c *htmlContent) elementChildren(n int32) int {
	k := 0
	for ch := c.t.nodes[n].first; ch >= 0; ch = c.t.nodes[ch].next {
		if c.t.nodes[ch].kind == htmlElement && c.pass[ch]&htmlPassDead == 0 {
			k++
		}
	}
	return k
}

func htmlSentenceEnd(s string) bool {
	return strings.Contains(s, ". ") || strings.HasSuffix(s, ".")
}

// keepReferences keeps reference lists and "References"/"Notes" sections
// that the scoring left out: citecheck needs them even where Readability
// would drop them.
func (c *htmlContent) keepReferences(root, parent int32) int {
	nodes := c.t.nodes
	end := c.lastDesc(root)
	total := 0
	for i := root; i <= end; i++ {
		n := &nodes[i]
		if n.kind != htmlElement || c.pass[i]&htmlPassDead != 0 {
			continue
		}
		if n.flags&htmlFlagRefList == 0 && !c.referenceHeading(i) {
			continue
		}
		if c.kept(i) {
			i = c.lastDesc(i)
			continue
		}
		c.pass[i] |= htmlPassKeep
		total += c.clean(i)
		if n.flags&htmlFlagRefList == 0 { // a heading: keep what follows it up to the next heading
			level := n.tag
			for s := n.next; s >= 0; s = nodes[s].next {
				if nodes[s].kind != htmlElement || c.pass[s]&htmlPassDead != 0 {
					continue
				}
				if htmlIsHeading(nodes[s].tag) && nodes[s].tag <= level || c.kept(s) {
					break
				}
				c.pass[s] |= htmlPassKeep
				total += c.clean(s)
			}
		}
		i = c.lastDesc(i)
	}
	return total
}

func htmlIsHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// kept reports whether n is inside (or is) kept content.
func (c *htmlContent) kept(n int32) bool {
	for p := n; p >= 0; p = c.t.nodes[p].parent {
		if c.pass[p]&htmlPassKeep != 0 {
			return true
		}
	}
	return false
}

// referenceHeading reports a heading that names a reference section (see
// IsReferenceHeading) or further reading, which is kept with the content.
func (c *htmlContent) referenceHeading(n int32) bool {
	if !htmlIsHeading(c.t.nodes[n].tag) || c.st[n].chars > 40 {
		return false
	}
	s := strings.ToLower(strings.Trim(c.nodeText(n, 60), " :[]"))
	s = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(s, "edit")), "[")
	s = strings.TrimSpace(s)
	return s == "further reading" || IsReferenceHeading(s)
}

// clean removes chrome from a kept subtree as Readability's prepArticle
// does, and returns the length of what is left.
func (c *htmlContent) clean(top int32) int {
	nodes := c.t.nodes
	end := c.lastDesc(top)
	// deepest first, so that a removal counts in its ancestors' checks
	for i := end; i > top; i-- {
		n := &nodes[i]
		if n.kind != htmlElement || c.pass[i]&htmlPassDead != 0 {
			continue
		}
		if c.noCleaning || c.protected(i, top) {
			continue
		}
		remove := false
		switch n.tag {
		case atom.H1, atom.H2:
			remove = c.weight(i) < 0
		case atom.Table, atom.Ul, atom.Div, atom.Form, atom.Fieldset:
			remove = c.cleanConditionally(i)
		}
		if !remove && c.info(i).share && c.st[i].chars < 500 {
			remove = true
		}
		if remove {
			c.pass[i] |= htmlPassRemoved
			c.kill(i)
		}
	}
	return int(c.st[top].chars)
}

// protected reports nodes the cleaning leaves alone: reference lists and
// everything in them, and content of data tables and code.
func (c *htmlContent) protected(n, top int32) bool {
	for p := n; p > 0; p = c.t.nodes[p].parent {
		node := &c.t.nodes[p]
		if node.flags&htmlFlagRefList != 0 || node.tag == atom.Code || node.tag == atom.Pre {
			return true
		}
		if node.tag == atom.Table && c.dataTable(p) && p != n {
			return true
		}
		if p == top {
			break
		}
	}
	return false
}

func (c *htmlContent) dataTable(n int32) bool {
	s := &c.st[n]
	if s.tables > 1 {
		return false
	}
	if s.th > 0 {
		return true
	}
	rows := max(s.tr, 1)
	cols := s.td / rows
	return s.tr >= 10 || cols > 4 || s.tr*cols > 10
}

// cleanConditionally is Readability's test for a list, table or div that
// is more chrome than content.
func (c *htmlContent) cleanConditionally(n int32) bool {
	tag := c.t.nodes[n].tag
	if tag == atom.Table && c.dataTable(n) {
		return false
	}
	weight := c.weight(n)
	if weight < 0 {
		return true
	}
	s := &c.st[n]
	if s.commas >= 10 {
		return false
	}
	isList := tag == atom.Ul || tag == atom.Ol
	if !isList && s.chars > 0 && float32(s.list)/float32(s.chars) > 0.9 {
		isList = true
	}
	if s.chars > 0 && s.chars <= 20 && htmlIsAdWord(c.nodeText(n, 40)) {
		return true
	}
	var ld, hd float32
	if s.chars > 0 {
		ld = s.links / float32(s.chars)
		hd = float32(s.heading) / float32(s.chars)
	}
	inFigure := c.hasAncestor(n, atom.Figure, 3)
	switch {
	case s.img > 1 && float32(s.p)/float32(s.img) < 0.5 && !inFigure:
		return true
	case !isList && s.li-100 > s.p:
		return true
	case s.input > s.p/3:
		return true
	case !isList && hd < 0.9 && s.chars < 25 && (s.img == 0 || s.img > 2) && ld > 0 && !inFigure:
		return true
	case !isList && weight < 25 && ld > 0.2:
		return true
	case weight >= 25 && ld > 0.5:
		return true
	case s.embed == 1 && s.chars < 75 || s.embed > 1:
		return true
	case s.img == 0 && s.chars == 0:
		return true
	}
	return false
}

// nodeText returns the text of n's live subtree with white space
// collapsed, up to about limit bytes.
func (c *htmlContent) nodeText(n int32, limit int) string {
	var sb strings.Builder
	end := c.lastDesc(n)
	for i, steps := n, 0; i <= end && sb.Len() < limit && steps < 8*limit; i, steps = i+1, steps+1 {
		node := &c.t.nodes[i]
		if node.kind == htmlElement && (node.flags&htmlFlagGone != 0 || c.pass != nil && c.pass[i]&htmlPassDead != 0 && i != n) {
			i = c.lastDesc(i)
			continue
		}
		if node.kind != htmlText {
			if node.tag == atom.Br {
				sb.WriteByte(' ')
			}
			continue
		}
		raw := c.t.src[node.start:node.end]
		s := string(raw)
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		sb.WriteString(s)
	}
	return htmlCollapseSpace(sb.String())
}

func htmlCollapseSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// htmlSimilar reports whether a heading repeats the page title.
func htmlSimilar(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := make(map[string]bool, len(wa))
	for _, w := range wa {
		set[w] = true
	}
	miss := 0
	for _, w := range wb {
		if !set[w] {
			miss += len(w) + 1
		}
	}
	return 1-float64(miss)/float64(len(strings.Join(wb, " "))+1) >= 0.75
}

// write emits the kept content through the builder and fills the
// document.
func (c *htmlContent) write() {
	// the kept text is a small part of a page (newBuilder sizes for text
	// input) and at most about as long as the page's visible text nodes
	size, texts := 64, 0
	for i := range c.t.nodes {
		if n := &c.t.nodes[i]; n.kind == htmlText && n.flags&htmlFlagSpace == 0 {
			size += int(n.end-n.start) + 1
			texts++
		}
	}
	c.b = &builder{doc: c.doc, text: make([]byte, 0, min(size, len(c.t.src)+64))}
	c.b.reserve(2*texts+16, 0)
	c.fresh = true
	c.want = htmlBlockCtx{kind: BlockParagraph}
	c.walk(0, false, 0)
	c.b.finish()
	c.finishLinks()
}

// ensure opens the block text is about to go into.
func (c *htmlContent) ensure(src int) {
	if c.b.open && !c.fresh {
		return
	}
	w := c.want
	c.b.openBlock(w.kind, w.level, src)
	if w.list > 0 {
		c.b.setList(w.list, w.ordered)
	}
	if w.id != "" {
		c.b.setBlockID(w.id)
	}
	c.fresh = false
	c.want.id = "" // a block reopened after a nested one is not the element
}

// writeText writes raw text, decoding character references, opening a
// block only for text that is not white space.
func (c *htmlContent) writeText(start, end int) {
	src := c.t.src
	b := c.b
	for i := start; i < end; {
		ch := src[i]
		switch {
		case htmlSpace(ch):
			j := i + 1
			for j < end && htmlSpace(src[j]) {
				j++
			}
			if c.plain > 0 {
				c.plainSpace(i, j)
			} else {
				c.space(i, j)
			}
			i = j
		case ch == '&':
			if c.plain > 0 {
				c.plainWord()
			}
			text, n := htmlEntity(src[i:end])
			if n == 0 {
				c.ensure(i)
				b.writeMapped("&", i, i+1)
				i++
				continue
			}
			if r, size := utf8.DecodeRuneInString(text); size == len(text) && b.isSpace(r) {
				c.space(i, i+n)
			} else {
				c.ensure(i)
				b.writeMapped(text, i, i+n)
			}
			i += n
		default:
			j := i
			for j < end {
				cj := src[j]
				if htmlSpace(cj) || cj == '&' {
					break
				}
				if cj >= utf8.RuneSelf {
					r, size := utf8.DecodeRune(src[j:end])
					if r != utf8.RuneError && b.isSpace(r) {
						break
					}
					j += size
					continue
				}
				j++
			}
			if j == i { // a non-ASCII space
				_, size := utf8.DecodeRune(src[i:end])
				c.space(i, i+size)
				i += size
				continue
			}
			if c.plain > 0 {
				c.plainWord()
			}
			c.ensure(i)
			b.writeSource(src, i, j)
			i = j
		}
	}
}

// space records white space, unless a span mark has just written one.
func (c *htmlContent) space(start, end int) {
	b := c.b
	if b.open && !c.fresh && !b.pending && len(b.text) > b.blockText && b.text[len(b.text)-1] == ' ' {
		return
	}
	b.space(start, end)
}

// startSpan returns where a span opened now starts, past any separator or
// space the builder writes before the next text.
func (c *htmlContent) startSpan(src int) int { return c.b.mark(src) }

func (c *htmlContent) trimStart(start, end int) int {
	for start < end && (c.b.text[start] == '\n' || c.b.text[start] == ' ') {
		start++
	}
	return start
}

// openBlockElement starts a block element; the block itself opens with
// its first text.
func (c *htmlContent) openBlockElement(ctx htmlBlockCtx) htmlBlockCtx {
	saved := c.want
	c.b.closeBlock()
	c.want = ctx
	c.fresh = true
	return saved
}

func (c *htmlContent) closeBlockElement(saved htmlBlockCtx) {
	c.b.closeBlock()
	saved.id = ""
	c.want = saved
	c.fresh = true
}

// walk writes node n. inBody is true inside the kept content; outside it
// only links are recorded.
func (c *htmlContent) walk(n int32, inBody bool, depth int) {
	t := c.t
	node := &t.nodes[n]
	afterFigure := c.afterFigure
	c.afterFigure = false
	if node.kind == htmlText {
		if inBody {
			c.writeText(int(node.start), int(node.end))
		}
		return
	}
	if node.flags&htmlFlagGone != 0 {
		return
	}
	if c.marker == 0 {
		p := c.pass[n]
		if p&htmlPassKeep != 0 {
			inBody = true
		}
		if p&(htmlPassDead|htmlPassRemoved) != 0 && !(p&htmlPassKeep != 0 && p&htmlPassDead == 0) {
			if inBody {
				c.cleaned++ // left out of the kept content it sits in
				defer func() { c.cleaned-- }()
			}
			inBody = false
		}
	}
	if depth > htmlMaxDepth+8 {
		return
	}
	if !inBody && c.cleaned > 0 && c.caption == 0 && c.isCaption(n) {
		c.captionMarkers(n, depth)
		return
	}
	if !inBody && c.caption > 0 && c.isNoteMarker(n) {
		c.marker++
		c.walk(n, true, depth)
		c.marker--
		return
	}
	if !inBody {
		if node.tag == atom.A {
			if a := t.attrOf(n); a != nil && a.href != "" {
				pos := c.b.len()
				c.doc.Links = append(c.doc.Links, Link{Span: Span{pos, pos}, Href: a.href, URL: htmlResolveURL(c.base, a.href)})
				c.linkInfo = append(c.linkInfo, htmlLinkInfo{node: n})
			}
		}
		c.walkChildren(n, false, depth)
		return
	}
	id := t.id(n)
	isBlock, explicit := true, true
	var ctx htmlBlockCtx
	switch node.tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		ctx = htmlBlockCtx{kind: BlockHeading, level: int(node.tag.String()[1] - '0')}
	case atom.Figcaption, atom.Caption:
		ctx = htmlBlockCtx{kind: BlockCaption}
	case atom.P, atom.Dd, atom.Dt, atom.Address, atom.Summary, atom.Legend:
		ctx = htmlBlockCtx{kind: BlockParagraph}
		switch {
		case c.want.kind == BlockCaption || c.want.kind == BlockByline:
			ctx.kind = c.want.kind // a caption's paragraphs are the caption
		case c.want.kind == BlockListItem:
			// <li><p>…</p></li>, as Markdown footnotes are written: the
			// paragraphs are the item
			ctx = c.want
			explicit = false
			if !c.fresh {
				ctx.id = ""
			}
		case c.quoteDepth > 0:
			ctx.kind = BlockQuote
		}
	case atom.Li:
		if c.want.kind == BlockCaption {
			ctx = c.want // the item of a list that is a caption
			break
		}
		ctx = htmlBlockCtx{kind: BlockListItem, level: max(len(c.lists), 1)}
		if len(c.lists) == 0 {
			c.lists = append(c.lists, htmlListCtx{num: c.b.newList()})
			defer func() { c.lists = c.lists[:len(c.lists)-1] }()
		}
		l := c.lists[len(c.lists)-1]
		ctx.list, ctx.ordered = l.num, l.ordered
	case atom.Blockquote:
		ctx = htmlBlockCtx{kind: BlockQuote}
		c.quoteDepth++
		defer func() { c.quoteDepth-- }()
	case atom.Pre:
		ctx = htmlBlockCtx{kind: BlockPreformatted}
		if c.plain == 0 && c.plainPre(n) {
			c.plain++ // a plain-text document, split as such (html_pre.go)
			defer func() { c.plain-- }()
		}
	case atom.Td, atom.Th:
		ctx = htmlBlockCtx{kind: BlockTableCell}
	case atom.Br:
		c.b.breakLine(int(node.start), int(node.end))
		return
	case atom.Img, atom.Hr, atom.Input, atom.Wbr:
		return
	default:
		explicit = false
		// a container inside a reference entry (a badge <div> a browser
		// extension put in a <cite>) is part of the entry's line: an entry
		// stays one block whatever elements it holds
		isBlock = c.entry == 0 && (htmlIsBlockish(node.tag) || node.tag == atom.Body || node.tag == atom.Tr || node.tag == atom.Menu ||
			node.tag == atom.Table || node.tag == atom.Center || node.tag == atom.Dl)
		if node.tag == atom.Ul || node.tag == atom.Ol || node.tag == atom.Menu {
			c.lists = append(c.lists, htmlListCtx{num: c.b.newList(), ordered: node.tag == atom.Ol})
			defer func() { c.lists = c.lists[:len(c.lists)-1] }()
		}
		// a container takes the block it sits in, and that block's id
		// while no text has gone into it yet
		ctx = c.want
		if !c.fresh {
			ctx.id = ""
		}
		if ctx.kind == "" {
			ctx.kind = BlockParagraph
		}
		if afterFigure && c.figureCaptionList(n) {
			ctx, isBlock = htmlBlockCtx{kind: BlockCaption}, true
		}
	}
	if c.entry == 0 {
		// an element classed as a caption, a credit or a byline is a block
		// of that kind, even an inline one (<span class="pb-caption"> after
		// an image): its text is about the article, not of it
		switch ctx.kind {
		case BlockParagraph, BlockListItem, BlockQuote:
			if a := t.attrOf(n); a != nil {
				switch {
				case htmlCaptionClass(htmlLowerASCII(a.class)):
					ctx.kind, isBlock = BlockCaption, true
				case htmlBylineClass(htmlLowerASCII(a.class)) || htmlBylineClass(htmlLowerASCII(a.id)):
					ctx.kind, isBlock = BlockByline, true
				}
			}
		}
	}
	if explicit || id != "" {
		ctx.id = id
	}
	var saved htmlBlockCtx
	if isBlock {
		saved = c.openBlockElement(ctx)
	}
	start := c.startSpan(int(node.start))
	nLinks := len(c.doc.Links)
	if node.tag == atom.Sup {
		c.sup++
	}
	if node.flags&htmlFlagRefList != 0 {
		c.refList++
		defer func() { c.refList-- }()
	}
	if node.tag == atom.Cite || c.refList > 0 && (node.tag == atom.Li || t.nodes[node.parent].flags&htmlFlagRefList != 0) {
		// a <cite>, an item of a reference list, or any child of one
		// (pandoc's <div class="csl-entry">)
		c.entry++
		defer func() { c.entry-- }()
	}
	back := node.flags&htmlFlagBackLink != 0
	if back {
		c.backLink++
	}
	var isLink bool
	if node.tag == atom.A {
		if a := t.attrOf(n); a != nil && a.href != "" {
			isLink = true
			c.doc.Links = append(c.doc.Links, Link{Href: a.href, URL: htmlResolveURL(c.base, a.href), InBody: true, Superscript: c.sup > 0})
			c.linkInfo = append(c.linkInfo, htmlLinkInfo{node: n, sup: c.sup > 0, backLink: c.backLink > 0,
				footRef: node.flags&htmlFlagFootRef != 0 || t.nodes[node.parent].flags&htmlFlagFootRef != 0})
		}
	}
	c.walkChildren(n, true, depth)
	end := c.b.len()
	start = c.trimStart(min(start, end), end)
	if isLink {
		c.doc.Links[nLinks].Span = Span{start, end}
	}
	if node.tag == atom.Sup {
		c.sup--
		if end > start && c.sup == 0 { // the outermost of nested superscripts
			c.doc.Superscripts = append(c.doc.Superscripts, Span{start, end})
		}
	}
	if back {
		c.backLink--
	}
	if id != "" && end > start {
		c.doc.Anchors = append(c.doc.Anchors, Anchor{ID: id, Span: Span{start, end}})
	}
	if isBlock && node.tag == atom.Pre && c.plain > 0 {
		c.endPlainParagraph()
	}
	if isBlock {
		c.closeBlockElement(saved)
	}
}

// walkChildren walks the children of node n, telling each whether it
// follows a <figure> (see figureCaptionList).
func (c *htmlContent) walkChildren(n int32, inBody bool, depth int) {
	t := c.t
	prevFigure := false
	for ch := t.nodes[n].first; ch >= 0; ch = t.nodes[ch].next {
		c.afterFigure = prevFigure
		c.walk(ch, inBody, depth+1)
		if cn := &t.nodes[ch]; cn.kind != htmlText || cn.chars > 0 {
			prevFigure = cn.kind == htmlElement && cn.tag == atom.Figure
		}
	}
	c.afterFigure = false
}

// figureCaptionList reports whether the list element n, which follows a
// <figure>, is the figure's caption written as a list of one item
// (<figure><img …></figure><ul><li><p>The farm where he was born</p></li></ul>,
// as some publishing systems lay a caption out): a list of points has more
// items than one, and a single point right under a picture speaks of it.
func (c *htmlContent) figureCaptionList(n int32) bool {
	t := c.t
	if tag := t.nodes[n].tag; tag != atom.Ul && tag != atom.Ol {
		return false
	}
	items := 0
	for ch := t.nodes[n].first; ch >= 0; ch = t.nodes[ch].next {
		switch cn := &t.nodes[ch]; {
		case cn.kind == htmlText:
			if cn.chars > 0 {
				return false
			}
		case cn.tag == atom.Li:
			items++
		default:
			return false
		}
	}
	return items == 1
}

// captionMarkers writes the footnote markers of a caption the kept content
// left out (a figure's figcaption, Wikipedia's thumbcaption) as a caption
// block of their own, without the caption's text: the notes they point at
// are cited all the same.
func (c *htmlContent) captionMarkers(n int32, depth int) {
	c.caption++
	saved := c.openBlockElement(htmlBlockCtx{kind: BlockCaption})
	for ch := c.t.nodes[n].first; ch >= 0; ch = c.t.nodes[ch].next {
		c.walk(ch, false, depth+1)
	}
	c.closeBlockElement(saved)
	c.caption--
}

// isCaption reports a caption: a figcaption or caption element, or an
// element whose class says it is one ("thumbcaption", "wp-caption-text";
// see htmlCaptionClass).
func (c *htmlContent) isCaption(n int32) bool {
	node := &c.t.nodes[n]
	if node.kind != htmlElement {
		return false
	}
	return node.tag == atom.Figcaption || node.tag == atom.Caption || htmlCaptionClass(htmlLowerASCII(c.t.class(n)))
}

// isNoteMarker reports a footnote marker: a superscript classed as a
// footnote reference, or holding a link to a place in the page.
func (c *htmlContent) isNoteMarker(n int32) bool {
	t := c.t
	if t.nodes[n].kind != htmlElement || t.nodes[n].tag != atom.Sup {
		return false
	}
	if t.nodes[n].flags&htmlFlagFootRef != 0 {
		return true
	}
	for ch := t.nodes[n].first; ch >= 0; ch = t.nodes[ch].next {
		if t.nodes[ch].tag == atom.A {
			if a := t.attrOf(ch); a != nil && strings.Contains(a.href, "#") {
				return true
			}
		}
	}
	return false
}

// finishLinks keeps every span inside the final text and in order, and
// decides which fragment links are footnote references.
func (c *htmlContent) finishLinks() {
	doc := c.doc
	n := len(doc.Text)
	clamp := func(s *Span) {
		s.End = min(s.End, n)
		s.Start = min(s.Start, s.End)
	}
	for i := range doc.Links {
		clamp(&doc.Links[i].Span)
	}
	for i := range doc.Anchors {
		clamp(&doc.Anchors[i].Span)
	}
	for i := range doc.Superscripts {
		clamp(&doc.Superscripts[i])
	}
	sort.SliceStable(doc.Anchors, func(i, j int) bool { return doc.Anchors[i].Span.Start < doc.Anchors[j].Span.Start })
	sort.SliceStable(doc.Superscripts, func(i, j int) bool { return doc.Superscripts[i].Start < doc.Superscripts[j].Start })
	// Links were appended at their start; nested links can disorder them.
	if !sort.SliceIsSorted(doc.Links, func(i, j int) bool { return doc.Links[i].Span.Start < doc.Links[j].Span.Start }) {
		idx := make([]int, len(doc.Links))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(i, j int) bool { return doc.Links[idx[i]].Span.Start < doc.Links[idx[j]].Span.Start })
		links := make([]Link, len(idx))
		infos := make([]htmlLinkInfo, len(idx))
		for k, i := range idx {
			links[k], infos[k] = doc.Links[i], c.linkInfo[i]
		}
		doc.Links, c.linkInfo = links, infos
	}
	var ids map[string]int32
	pages := c.pageURLs()
	for i := range doc.Links {
		l := &doc.Links[i]
		if j := strings.IndexByte(l.URL, '#'); j > 0 && j+1 < len(l.URL) {
			// a link to this page, or a footnote marker whose target is
			// here (saved pages often spell out their own address)
			if htmlSamePage(pages, l.URL[:j]) {
				l.URL = l.URL[j:]
			} else if info := c.linkInfo[i]; l.InBody && (info.sup || info.footRef) {
				if ids == nil {
					ids = c.pageIDs()
				}
				if _, ok := ids[l.URL[j+1:]]; ok {
					l.URL = l.URL[j:]
				}
			}
		}
		if !l.InBody || len(l.URL) < 2 || l.URL[0] != '#' {
			continue
		}
		if ids == nil {
			ids = c.pageIDs()
		}
		info := c.linkInfo[i]
		target, ok := ids[l.URL[1:]]
		if !ok {
			// a marker styled as a footnote whose note is missing is still a
			// footnote reference: the missing note is what an editor must see
			l.Footnote = info.footRef && !info.backLink && !htmlBackRefID(l.URL[1:])
			continue
		}
		text := doc.Slice(l.Span)
		if info.backLink || htmlBackLinkText(text) || c.isMarker(target) || htmlBackRefID(l.URL[1:]) {
			continue
		}
		// a bare "3" is a marker only when it points at a note, not at a
		// heading or an empty named anchor such as a page break
		tag := c.t.nodes[target].tag
		l.Footnote = info.sup || info.footRef || htmlMarkerText(text) && tag != atom.A && !htmlIsHeading(tag)
	}
}

// pageURLs returns the URLs the page is known by, without scheme and
// fragment: the base it was read with, its <base>, its canonical URL.
func (c *htmlContent) pageURLs() []string {
	var out []string
	add := func(u string) {
		if u == "" {
			return
		}
		if c.base != nil {
			u = htmlResolveURL(c.base, u)
		}
		if k := strings.Index(u, "://"); k >= 0 {
			out = append(out, strings.TrimSuffix(strings.SplitN(u[k+3:], "#", 2)[0], "/"))
		}
	}
	if c.base != nil {
		add(c.base.String())
	}
	add(c.t.canonical)
	add(c.t.metaValue("og:url"))
	return out
}

// htmlSamePage reports whether an absolute URL (without fragment) is the page
// itself.
func htmlSamePage(pages []string, u string) bool {
	k := strings.Index(u, "://")
	if k < 0 {
		return false
	}
	u = strings.TrimSuffix(u[k+3:], "/")
	return slices.Contains(pages, u)
}

// pageIDs maps every id of the page's visible elements to its node.
func (c *htmlContent) pageIDs() map[string]int32 {
	ids := make(map[string]int32)
	for i := range c.t.nodes {
		n := &c.t.nodes[i]
		if n.kind == htmlElement && n.attr >= 0 && n.flags&htmlFlagGone == 0 {
			if id := c.t.attrs[n.attr].id; id != "" {
				if _, dup := ids[id]; !dup {
					ids[id] = int32(i)
				}
			}
		}
	}
	return ids
}

// isMarker reports whether an element is itself a footnote marker (a sup,
// or inside one): a link to it is a back-link from the note.
func (c *htmlContent) isMarker(n int32) bool {
	for p, d := n, 0; p > 0 && d < 3; p, d = c.t.nodes[p].parent, d+1 {
		if c.t.nodes[p].tag == atom.Sup {
			return true
		}
	}
	return false
}

func htmlBackRefID(id string) bool {
	for _, p := range []string{"cite_ref", "fnref", "footnote-ref", "ref-", "noteref", "_ftnref", "_ednref"} {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func htmlBackLinkText(s string) bool {
	switch strings.TrimSpace(s) {
	case "^", "↑", "↩", "↩\ufe0e", "↩\ufe0f", "⤴", "⮐", "back", "Back", "return", "Return":
		return true
	}
	return false
}

// htmlMarkerText reports text a footnote marker reads as: "3", "[3]", "(3)",
// "a", "*", "†".
func htmlMarkerText(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '[' && s[len(s)-1] == ']' || s[0] == '(' && s[len(s)-1] == ')') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" {
		return false
	}
	if len(s) <= 4 && strings.Trim(s, "0123456789") == "" {
		return true
	}
	if len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' {
		return true
	}
	switch s {
	case "*", "†", "‡", "§":
		return true
	}
	return false
}

// htmlIsAdWord reports the text of an advertising slot or a loading notice.
func htmlIsAdWord(s string) bool {
	switch strings.ToLower(strings.TrimRight(s, ".…")) {
	case "ad", "ads", "advertising", "advertisement", "sponsored", "publicité", "pub", "werbung", "anuncio",
		"anúncio", "publicidad", "loading", "chargement", "cargando", "carregando":
		return true
	}
	return false
}
