package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// Claim is a sentence worth checking.
type Claim struct {
	// Span covers the sentence in Document.Text, including any citation
	// marker that closes it.
	Span sources.Span `json:"span"`
	Text string       `json:"text"`
	// Kinds lists the kinds of factual content found, in the order of the
	// Kind constants.
	Kinds []Kind `json:"kinds"`
	// Score is the calibrated probability that the sentence is a claim.
	Score float64 `json:"score"`
	// Attributions lists the named sources the sentence cites in words,
	// with spans in Document.Text. For a sentence of a quotation whose
	// speaker is named in another of its sentences ("The cables are old.
	// Salt gets in," said Patrick McHugh.), they are that sentence's, and
	// the spans lie there.
	Attributions []Attribution `json:"attributions,omitempty"`
	// FirstHand is true when the writer is the claim's source: told as
	// their own experience, in the first person singular outside any
	// quotation ("I received an email from Facebook that lists…"), or
	// their own arithmetic worked out in the sentence ("10^5 * 300 =
	// 30,000,000"). A reader weighs it as testimony or checks the sum,
	// rather than looking for a citation.
	FirstHand bool `json:"firsthand,omitempty"`
}

// Options control Extract. The zero value uses the default model and its
// default threshold.
type Options struct {
	// MinScore is the score at which a sentence counts as a claim; zero
	// means the model's default threshold.
	MinScore float64
	// Model scores the sentences; nil means DefaultModel().
	Model *Model
	// Keep, when set, keeps a sentence scoring under MinScore for which
	// it returns true, given the sentence's span: a sentence its author
	// marked "citation needed" is a claim whatever its score. The claim
	// keeps its own score.
	Keep func(sentence sources.Span) bool
	// SentenceEnds are offsets into the document's text, in order, at
	// which a sentence ends whatever its words say: the ends of note
	// numbers that lost their superscript ("…between 1950 and 1970.1 Most
	// of…", where "1970.1" would read as a figure), which only the
	// citations found tell apart.
	SentenceEnds []int
}

// Extract returns the claims of doc in document order: the sentences whose
// score reaches opts.MinScore, of those Scored says are prose.
func Extract(doc *sources.Document, opts Options) []Claim {
	m := opts.Model
	if m == nil {
		m = DefaultModel()
	}
	min := opts.MinScore
	if min <= 0 {
		min = m.threshold
	}
	spans := Sentences(doc)
	if len(opts.SentenceEnds) > 0 {
		spans = splitAt(doc.Text, spans, opts.SentenceEnds)
	}
	sents := make([]Sentence, len(spans))
	for i, sp := range spans {
		sents[i] = Sentence{Text: doc.Text[sp.Start:sp.End]}
	}
	// Every sentence, headings included, is context for its neighbours.
	seq := analyseSequence(sents, m.groups)
	// score first, so that the claims are made in a slice of their size
	scores := make([]float64, len(spans))
	claims := 0
	fb := make([]uint32, 0, 256)
	block, blockScored := -2, false
	// the block so far is a journalist's bio (see staffBio) or a
	// copyright notice, whose sentences after the first are that too
	furniture := false
	for i, sp := range spans {
		scores[i] = -1
		// sentences come in order: each block is judged once, however
		// many sentences it holds
		if b := doc.BlockAt(sp.Start); b != block {
			block, blockScored, furniture = b, b < 0 || scoredBlock(doc, b), false
		}
		if !blockScored {
			continue
		}
		keep := opts.Keep != nil && opts.Keep(sp)
		if furniture = furniture && block >= 0 || staffBio(sents[i].Text) || copyrightNotice(sents[i].Text); furniture && !keep {
			// a bio goes on after its first line: "Jane Doe covers City
			// Hall for the Planet. She joined the paper in 2019 after
			// 10 years at the Gazette."; and a copyright notice:
			// "Copyright © 2024 Reuters. Republication … is expressly
			// prohibited."
			continue
		}
		fb = sequenceFeatures(seq, i, m.groups, fb[:0])
		score := capNonClaim(m.probability(m.margin(fb)), seq[i].bits, sents[i].Text)
		if score < min && !keep {
			continue
		}
		scores[i] = score
		claims++
	}
	if claims == 0 {
		return nil
	}
	// a sentence of a quotation whose speaker another sentence of it
	// names is attributed too: speaker[i] is that sentence, or -1
	speaker := quoteSpeakers(doc, spans, seq)
	out := make([]Claim, 0, claims)
	var kindBuf []Kind       // backs the claims' Kinds, a few at a time
	var attBuf []Attribution // and their Attributions
	var tb [64]token
	quote := quotation{block: -1, lead: -1} // the last quotation a claim lay in
	for i, sp := range spans {
		score := scores[i]
		if score < 0 {
			continue
		}
		bits := seq[i].bits
		s := sents[i].Text
		var atts []Attribution
		switch {
		case bits&sigAttribution != 0:
			// the bit says whether findAttributions found anyone: without
			// it there is nothing to name, and no need to tokenise again
			if cap(attBuf)-len(attBuf) < 4 {
				attBuf = make([]Attribution, 0, 32)
			}
			room := attBuf[len(attBuf):]
			atts, _ = findAttributions(s, tokenize(s, tb[:0]), true, room)
			if n := len(atts); n > 0 && n <= cap(room) && &atts[0] == &room[:1][0] {
				// written in attBuf's room: keep them there, with no room
				// to grow into the next claim's
				attBuf = attBuf[:len(attBuf)+n]
				atts = atts[:n:n]
			}
			for i := range atts {
				atts[i].Span.Start += sp.Start
				atts[i].Span.End += sp.Start
			}
		case speaker != nil && speaker[i] >= 0:
			j := speaker[i]
			bits |= sigAttribution
			atts = quotedBy(sents[j].Text, spans[j].Start)
		default:
			if b := doc.BlockAt(sp.Start); b >= 0 && doc.Blocks[b].Kind == sources.BlockQuote {
				// the article sets it out as a quotation: its claims are
				// the quoted source's, named when the sentence leading
				// into it does ("In a statement, the ministry said:")
				bits |= sigAttribution
				if b != quote.block {
					quote = quote.next(doc, spans, b)
				}
				if j := quote.lead; j >= 0 && seq[j].bits&sigAttribution != 0 {
					atts = quotedBy(sents[j].Text, spans[j].Start)
				}
			}
		}
		var kinds []Kind
		kinds, kindBuf = carveKinds(kindBuf, bits)
		firstHand := bits&sigFirstPerson != 0 && firstHandSentence(s, tokenize(s, tb[:0])) || showsArithmetic(s)
		out = append(out, Claim{Span: sp, Text: s, Kinds: kinds, Score: score, Attributions: atts, FirstHand: firstHand})
	}
	return out
}

// splitAt cuts the sentences spans of text at the offsets ends (in
// order) that fall inside them, the spaces after a cut left out.
func splitAt(text string, spans []sources.Span, ends []int) []sources.Span {
	out := make([]sources.Span, 0, len(spans)+len(ends))
	k := 0
	for _, sp := range spans {
		for k < len(ends) && ends[k] <= sp.Start {
			k++
		}
		for ; k < len(ends) && ends[k] < sp.End; k++ {
			if ends[k] > sp.Start {
				out = append(out, sources.Span{Start: sp.Start, End: ends[k]})
				sp.Start = ends[k]
			}
			for sp.Start < sp.End && (text[sp.Start] == ' ' || text[sp.Start] == '\n') {
				sp.Start++
			}
		}
		if sp.Start < sp.End {
			out = append(out, sp)
		}
	}
	return out
}

// quoteSpeakers returns, for each sentence with no attribution of its
// own, the sentence that names its speaker, or -1: for a sentence of a
// quotation run (see quoteRuns), the run's first sentence with an
// attribution; for a sentence that opens with a quotation or continues
// one, or opens on a continuation in the same paragraph ("Additionally,",
// "The report also"), right after a sentence attributed either way, that
// sentence's speaker ("…," said Ana Torres. “The rest is politics.”). It returns nil
// when no sentence has one, and is linear in the number of sentences.
func quoteSpeakers(doc *sources.Document, spans []sources.Span, seq []analysed) []int {
	runs := quoteRuns(doc, spans)
	var speaker []int
	set := func(i, j int) {
		if speaker == nil {
			speaker = make([]int, len(spans))
			for k := range speaker {
				speaker[k] = -1
			}
		}
		speaker[i] = j
	}
	own := func(i int) bool { return seq[i].bits&sigAttribution != 0 }
	if runs != nil {
		first := make([]int, len(spans)) // by run start: its first attributed sentence
		for i := range first {
			first[i] = -1
		}
		for i, r := range runs {
			if r >= 0 && first[r] < 0 && own(i) {
				first[r] = i
			}
		}
		for i, r := range runs {
			if r >= 0 && !own(i) && first[r] >= 0 {
				set(i, first[r])
			}
		}
	}
	for i := 1; i < len(spans); i++ {
		if own(i) || speaker != nil && speaker[i] >= 0 {
			continue
		}
		if !own(i-1) && (speaker == nil || speaker[i-1] < 0) {
			continue // nothing to carry on (most sentences: read no further)
		}
		continues := runs != nil && runs[i] >= 0 && runs[i] == runs[i-1]
		text := doc.Text[spans[i].Start:spans[i].End]
		if !continues && !opensWithQuote(text) &&
			!(opensWithContinuation(text) && doc.BlockAt(spans[i].Start) == doc.BlockAt(spans[i-1].Start)) {
			continue
		}
		switch {
		case own(i - 1):
			set(i, i-1)
		case speaker != nil && speaker[i-1] >= 0:
			set(i, speaker[i-1])
		}
	}
	return speaker
}

// quotation is a run of quotation blocks (a quotation of several
// paragraphs) that a claim of Extract lies in: block is the block of that
// claim, and lead the sentence that leads into the run (see leadIn).
type quotation struct {
	block, lead int
}

// next returns the quotation of block b, a quotation block after q's: q's
// own when every block between is a quotation block too, whose lead is
// known, else a new one. Claims come in order, so each block is walked
// over once, however long the quotation.
func (q quotation) next(doc *sources.Document, spans []sources.Span, b int) quotation {
	first := b
	for first > 0 && doc.Blocks[first-1].Kind == sources.BlockQuote {
		if first-1 == q.block {
			return quotation{block: b, lead: q.lead}
		}
		first--
	}
	return quotation{block: b, lead: leadIn(doc, spans, first)}
}

// leadIn returns the sentence of spans that leads into the quotation whose
// first block is first: the sentence just before it when it ends with a
// colon, or -1.
func leadIn(doc *sources.Document, spans []sources.Span, first int) int {
	start := doc.Blocks[first].Span.Start
	j := sort.Search(len(spans), func(k int) bool { return spans[k].Start >= start }) - 1
	if j < 0 || !strings.HasSuffix(strings.TrimRight(doc.Text[spans[j].Start:spans[j].End], " "), ":") {
		return -1
	}
	return j
}

// opensWithContinuation reports whether s opens on a word that carries on
// the sentence before it ("Additionally, the levels of assistance…" after
// "The report concluded that…"), or gives an example of it or says it again
// in other words ("For example, language packs…", "That includes…", "In
// other words, …" after "Microsoft says…"): in the same paragraph, what the
// sentence before was attributed to, this one is too.
func opensWithContinuation(s string) bool {
	if len(s) < 7 {
		return false
	}
	if c := s[0] | 0x20; s[0] < utf8.RuneSelf && (c < 'a' || c > 'z' || continuationFirst>>(c-'a')&1 == 0) {
		return false // no opener starts with this letter
	}
	for _, p := range [...]string{"additionally", "moreover", "furthermore", "in addition", "it also", "they also", "the report also", "the study also", "the survey also",
		"for example", "for instance", "in other words", "that includes", "this includes", "these include",
		// the same figures told on: "That's up from 35% in 2019.", "Of
		// those, 40% …", "In particular, …"
		"that's up", "that's down", "that’s up", "that’s down", "that is up", "that is down", "that was up", "that was down",
		"that compares", "this compares", "that figure", "this figure", "those figures", "these figures", "the figure",
		"of those", "of these", "of them", "among them", "among those", "in particular", "specifically", "similarly", "likewise"} {
		if len(s) > len(p) && (s[0]|0x20 == p[0] || s[0] >= utf8.RuneSelf) && prefixFold(s, p) && !isWordByte(s[len(p)]) {
			return true
		}
	}
	return false
}

// continuationFirst has a bit for each first letter of the openers
// opensWithContinuation looks for.
const continuationFirst = 1 /* a */ | 1<<('m'-'a') | 1<<('f'-'a') | 1<<('i'-'a') | 1<<('t'-'a') | 1<<('o'-'a') |
	1<<('s'-'a') | 1<<('l'-'a')

// opensWithQuote reports whether s starts with an opening quotation mark.
func opensWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '"' || r == '“' || r == '«' || r == '„'
}

// quotedBy returns the named attributions of the sentence s starting at
// offset start of the document, with spans in the document.
func quotedBy(s string, start int) []Attribution {
	var tb [64]token
	atts, _ := findAttributions(s, tokenize(s, tb[:0]), true, nil)
	for i := range atts {
		atts[i].Span.Start += start
		atts[i].Span.End += start
	}
	return atts
}

// Scored reports whether Extract scores a sentence of doc: whether it lies
// in the article's prose rather than in a heading, a preformatted block, a
// table cell, a caption, a list item not written as a sentence (see
// ListFragment) or a block that is all links (navigation, a related story,
// a table of contents). A headline or a bullet point restates the body,
// where the claim can be checked and cited; code is not prose; a table's
// cells are data, not sentences; a caption describes a picture and its
// credit names who took it; a byline, dateline or biography is about the
// article, not of it.
func Scored(doc *sources.Document, sentence sources.Span) bool {
	b := doc.BlockAt(sentence.Start)
	return b < 0 || scoredBlock(doc, b)
}

// hasLowerWord reports whether s has a word starting with a lower-case
// letter, or has no cased letter at all (a script without case, such as
// Chinese, has no such words and is prose all the same).
func hasLowerWord(s string) bool {
	cased, start := false, true
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			if start {
				return true
			}
			cased = true
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			cased = true
		}
		start = !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}
	return !cased
}

// scoredBlock reports whether the sentences of block b are scored.
func scoredBlock(doc *sources.Document, b int) bool {
	switch doc.Blocks[b].Kind {
	case sources.BlockHeading, sources.BlockPreformatted, sources.BlockTableCell, sources.BlockCaption, sources.BlockByline:
		return false
	case sources.BlockListItem:
		if !endsSentence(doc.Slice(doc.Blocks[b].Span)) {
			return false
		}
	}
	return !linkBlock(doc, doc.Blocks[b].Span)
}

// ListFragment reports whether a sentence of doc lies in a list item that
// is not written as a sentence, which Scored leaves out: a feature, a pro
// or a con, a headline ("Most powerful hardware ever in a home console"),
// with no closing full stop. A trainer can still learn from it as a
// sentence that is not a claim.
func ListFragment(doc *sources.Document, sentence sources.Span) bool {
	b := doc.BlockAt(sentence.Start)
	return b >= 0 && doc.Blocks[b].Kind == sources.BlockListItem &&
		!endsSentence(doc.Slice(doc.Blocks[b].Span)) && !linkBlock(doc, doc.Blocks[b].Span)
}

// endsSentence reports whether the text of a block ends as a sentence
// does, with a full stop, a question or exclamation mark, an ellipsis or a
// semicolon, maybe followed by closing quotes or brackets and note markers
// ("…in 2019.[3]", "…in 2019.12"). A list item that does not is a label:
// a feature, a pro or a con, a headline, a contents entry.
func endsSentence(s string) bool {
	for {
		s = strings.TrimRight(s, " \t\n\u00a0")
		if s == "" {
			return false
		}
		if s[len(s)-1] == ']' {
			// a note marker: "[3]", "[citation needed]"; looked for in the
			// last bytes only, so that a run of brackets costs no more
			// than its length
			tail := len(s) - min(len(s), 40)
			if open := strings.LastIndexByte(s[tail:], '['); open >= 0 && tail+open > 0 {
				s = s[:tail+open]
				continue
			}
		}
		// a note number run into the full stop: "…in 2019.12"
		end := len(s)
		for end > 0 && end > len(s)-3 && s[end-1] >= '0' && s[end-1] <= '9' {
			end--
		}
		if end < len(s) && end > 0 && s[end-1] == '.' {
			return true
		}
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', ';', '…', '。', '！', '？':
			return true
		case '"', '\'', '”', '’', '»', ')', ']', '*', '_':
			s = s[:len(s)-size]
			continue
		}
		return false
	}
}

// linkBlock reports whether the letters of a block lie in its links, all
// but a few: a block that is a link is navigation, a related story, a
// table of contents entry ("1 Etymology"), not the article's prose.
func linkBlock(doc *sources.Document, block sources.Span) bool {
	// links are in document order and do not nest, so their ends grow
	// with their starts
	links := doc.Links
	i := sort.Search(len(links), func(i int) bool { return links[i].Span.End > block.Start })
	if i == len(links) || links[i].Span.Start >= block.End {
		return false
	}
	letters, linked := 0, 0
	pos := block.Start
	for ; i < len(links) && links[i].Span.Start < block.End; i++ {
		l := links[i].Span
		if l.Start < pos || !links[i].InBody {
			continue // nested or out of the body
		}
		letters += countLetters(doc.Text[pos:min(l.Start, block.End)])
		n := countLetters(doc.Text[l.Start:min(l.End, block.End)])
		letters += n
		linked += n
		pos = min(l.End, block.End)
	}
	letters += countLetters(doc.Text[pos:block.End])
	return linked > 0 && letters-linked <= letters/10
}

// countLetters counts the letters of s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// Score returns the default model's calibrated claim probability for one
// sentence and the kinds of factual content it carries.
func Score(sentence string) (score float64, kinds []Kind) {
	return DefaultModel().Score(sentence)
}

// Score returns the model's calibrated claim probability for one sentence
// and the kinds of factual content it carries.
func (m *Model) Score(sentence string) (score float64, kinds []Kind) {
	var tb [64]token
	var fb [256]uint32
	toks := tokenize(sentence, tb[:0])
	bits := analyzeWithAttribution(sentence, toks)
	return capNonClaim(m.probability(m.margin(features(toks, bits, m.groups, fb[:0]))), bits, sentence), kindsOf(bits)
}

// analyzeWithAttribution is analyze plus the attribution signal.
func analyzeWithAttribution(s string, toks []token) uint32 {
	bits := analyze(s, toks)
	if _, any := findAttributions(s, toks, false, nil); any {
		bits |= sigAttribution
	}
	return bits
}

// questionCap is the highest score a question gets, whatever figures it
// holds: a question asks, it does not assert, so there is nothing to check.
// A desk line gets no more: a press release's contact line ("Media
// contact: … (303) 555-0142") or a fact-check's verdict ("We rate this
// claim False.") is the publication's own business, not a claim. Nor is a
// sentence without a word in lower case ("France 7.", "LAURIE OAKES IS THE
// NINE NETWORK POLITICAL EDITOR"): a label, a list of names or a shout
// line, not prose.
const questionCap = 0.2

// capNonClaim caps the score of a question, a desk line or a sentence
// without a word in lower case (see questionCap).
func capNonClaim(score float64, bits uint32, s string) float64 {
	if score <= questionCap {
		return score // under the cap already: nothing to read
	}
	if bits&sigQuestion != 0 || deskLine(s) || signpost(s) || noComment(s) || publicationNote(s) || staffBio(s) || !hasLowerWord(s) ||
		bits&flagNormative != 0 || instruction(s) || instruction(afterDateline(s)) {
		return min(score, questionCap)
	}
	return score
}

// deskLine reports whether s is a line of the publication's own: a contact
// line or a fact-check's verdict.
func deskLine(s string) bool {
	if len(s) > 300 {
		return false
	}
	for _, p := range [...]string{"media contact", "press contact", "contact:", "media inquiries", "press inquiries",
		"for more information", "we rate this", "we rate the", "we rate that", "we rated this", "our ruling", "our rating:", "verdict:"} {
		if len(s) >= len(p) && firstFolds(s, p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return phoneNumber(s)
}

// publicationNote reports whether s is a note of the publication about
// the article itself, or a credit: a correction or an editor's note ("An
// earlier version of this article misstated…"), where and when it was
// first published or updated ("This article originally appeared on…",
// "Updated at 4:35 p.m."), who reported, edited or photographed it
// ("Reporting by …; Editing by …", "Photo by …", "… contributed to this
// report."), and the notes under a chart or table ("Source: Bureau of
// Labor Statistics, 2023.", "Note: Figures may not add up to 100%…",
// "Data as of March 3."). The publication vouches for these itself, or
// they name a source; they are not claims about the world that need one.
func publicationNote(s string) bool {
	if len(s) > 300 || len(s) < 8 {
		return false
	}
	var prefixes []string
	switch s[0] | 0x20 {
	case 'c':
		prefixes = []string{"correction:", "corrections:", "correction appended", "clarification:", "chart:", "credit:", "credits:"}
	case 'e':
		prefixes = []string{"editor's note", "editor’s note", "editors' note", "editors’ note"}
	case 't':
		// "This article …" or "This story …", then what befell it
		rest := ""
		switch {
		case len(s) > 13 && prefixFold(s, "this article "):
			rest = s[13:]
		case len(s) > 11 && prefixFold(s, "this story "):
			rest = s[11:]
		default:
			return len(s) > 6 && prefixFold(s, "table:")
		}
		for _, p := range [...]string{"was originally", "originally", "first appeared", "was first", "has been updated",
			"was updated", "has been amended", "was amended", "has been corrected", "was corrected", "was reprinted"} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		return false
	case 'o':
		prefixes = []string{"originally published"}
	case 'n':
		prefixes = []string{"note:", "notes:"}
	case 's':
		prefixes = []string{"source:", "sources:"}
	case 'd':
		prefixes = []string{"data as of ", "data: "}
	case 'm':
		prefixes = []string{"map:"}
	case 'a':
		prefixes = []string{"a version of this article", "a version of this story", "an earlier version of this",
			"additional reporting by"}
	case 'r':
		prefixes = []string{"reporting by "}
	case 'p':
		prefixes = []string{"photo by ", "photos by ", "photograph by ", "photographs by ", "photography by "}
	case 'i':
		prefixes = []string{"illustration by ", "illustrations by "}
	case 'v':
		prefixes = []string{"video by "}
	case 'g':
		prefixes = []string{"graphic by ", "graphics by ", "graphic:"}
	case 'u':
		prefixes = []string{"updated at ", "updated on ", "update:"}
	case 'l':
		prefixes = []string{"last updated"}
	case 'f':
		prefixes = []string{"first published"}
	}
	for _, p := range prefixes {
		if len(s) >= len(p) && prefixFold(s, p) {
			return true
		}
	}
	// "… contributed to this report.", "… contributed reporting."
	end := len(s)
	for end > 0 && (s[end-1] == '.' || s[end-1] == ' ') {
		end--
	}
	if end == 0 || s[end-1] != 't' && s[end-1] != 'g' && s[end-1] != 'e' && s[end-1] != 'y' {
		return false // (most sentences)
	}
	for _, p := range [...]string{"contributed to this report", "contributed reporting", "contributed to this article",
		"contributed to this story"} {
		if strings.HasSuffix(s[:end], p) {
			return true
		}
	}
	return false
}

// staffBio reports whether s is a line about a journalist of the
// publication: a name of two to four capitalised words and "is a (senior,
// staff…) reporter (writer, correspondent…)", or "covers" a beat for a
// publication in a sentence without a figure ("Maria Cruz covers energy
// policy for the Daily Courier.").
// It says who wrote the article, not what the article claims.
func staffBio(s string) bool {
	if len(s) > 300 {
		return false
	}
	if !isCapitalised(s) {
		return false
	}
	// the name: two to four capitalised words (most sentences stop at
	// their first or second word)
	pos, n := 0, 0
	for n < 5 {
		w, next := nextWord(s, pos)
		if !isCapitalised(w) {
			break
		}
		pos, n = next, n+1
	}
	if n < 2 || n > 4 {
		return false
	}
	verb, pos := nextWord(s, pos)
	switch verb {
	case "covers":
		// for a publication: "covers energy policy for the Daily Courier"
		if strings.ContainsAny(s, "0123456789") {
			return false
		}
		for k := 0; k < 10; k++ {
			w, next := nextWord(s, pos)
			if w == "" {
				return false
			}
			if k > 0 && w == "for" {
				after, rest := nextWord(s, next)
				if after == "the" {
					after, _ = nextWord(s, rest)
				}
				return isCapitalised(after)
			}
			pos = next
		}
	case "is":
		article, pos := nextWord(s, pos)
		if article != "a" && article != "an" && article != "the" {
			return false
		}
		if strings.Contains(s, " who ") || strings.Contains(s, " was ") {
			// news about a journalist, not a bio: "… is a reporter for
			// the Journal who was detained in 2023."
			return false
		}
		for k := 0; k < 4; k++ {
			w, next := nextWord(s, pos)
			if journalismRole(strings.TrimRight(w, ".,;")) {
				return true
			}
			pos = next
		}
	}
	return false
}

// copyrightNotice reports whether s opens a copyright notice: "Copyright
// 2024 …", "Copyright © …", "© 2024 …", "(c) 2024 …", "All rights
// reserved." ("Copyright claims rose 40% in 2023" is news about
// copyright.)
func copyrightNotice(s string) bool {
	if len(s) >= 9 && strings.EqualFold(s[:9], "copyright") {
		s = strings.TrimLeft(s[9:], " ")
		return s != "" && (s[0] >= '0' && s[0] <= '9' || strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c)") || strings.HasPrefix(s, "(C)"))
	}
	for _, p := range [...]string{"©", "(c) ", "all rights reserved"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// nextWord returns the word of s from pos on, past spaces, and where the
// one after it starts to be looked for; "" at the end.
func nextWord(s string, pos int) (word string, next int) {
	for pos < len(s) && s[pos] == ' ' {
		pos++
	}
	end := strings.IndexByte(s[pos:], ' ')
	if end < 0 {
		return s[pos:], len(s)
	}
	return s[pos : pos+end], pos + end
}

// isCapitalised reports whether w starts with an ASCII capital letter.
func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// journalismRole reports whether w names a journalist's job.
func journalismRole(w string) bool {
	switch w {
	case "reporter", "correspondent", "writer", "journalist", "columnist", "editor", "contributor", "photographer",
		"photojournalist", "producer", "reporters", "writers", "editors", "bureau", "staffer", "freelancer":
		return true
	}
	return false
}

// prefixFold reports whether s, of p's length at least, begins with p (in
// lower case, its second byte one with the 0x20 bit set, as letters,
// digits, spaces and most punctuation have) in any case, as
// strings.EqualFold says. Its second byte is compared first: most
// sentences differ from p there, and an ASCII byte can only fold to
// itself or to its other case.
func prefixFold(s, p string) bool {
	if c := s[1]; c < utf8.RuneSelf && c|0x20 != p[1] {
		return false
	}
	return strings.EqualFold(s[:len(p)], p)
}

// firstFolds reports whether s, of a phrase's length at least, may begin
// with the phrase p (lower case, its first byte an ASCII letter) in any
// case, as far as its first byte tells: a quick test before
// strings.EqualFold, which also folds a first character past ASCII ("ſ"
// for "s", the Kelvin sign for "k").
func firstFolds(s, p string) bool { return s[0]|0x20 == p[0] || s[0] >= utf8.RuneSelf }

// signpost reports whether s points the reader at what follows or at
// another page rather than saying anything of its own: "Here are the
// threats the report names.", "Here's a look at three results…", "For a
// list of films about time travel, see …", "See also …".
func signpost(s string) bool {
	for _, p := range [...]string{"here are ", "here is ", "here's ", "here’s ", "for a list of ", "for a full list ",
		"for a complete list ", "see also ", "for more on ", "for more about ", "the following is ", "the following are ",
		"below are ", "below is "} {
		if len(s) >= len(p) && firstFolds(s, p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// instruction reports whether s tells the reader what to do, opening with
// a verb in the imperative that is seldom anything else at the start of a
// sentence: "Avoid retries without backoff.", "Make sure the cache is
// warm.", "Don't run it as root." An instruction or a recommendation is
// not a claim about the world (testdata/realpages/README.md), whatever
// figures it holds ("Keep dashboards to a dozen graphs."). "Use of force
// rose 20%" opens with a noun, and so does not count.
func instruction(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch string([]byte{s[0] | 0x20, s[1] | 0x20}) {
	case "av", "en", "co", "pr", "re", "in", "di", "cl", "do", "ke", "ch", "su", "im", "as", "le", "ma", "us", "tr":
	default:
		return false // most sentences, at the cost of two bytes
	}
	w, next := nextWord(s, 0)
	switch strings.ToLower(w) {
	case "avoid", "ensure", "consider", "prefer", "remember", "install", "configure", "enable", "disable", "click",
		"don't", "don’t", "keep", "choose", "provision", "suppose", "imagine", "assume", "let's", "let’s":
	case "make":
		n, _ := nextWord(s, next)
		return n == "sure" || n == "certain"
	case "use", "try":
		n, _ := nextWord(s, next)
		return n != "of" && n != "to" && n != "and" && n != "is" && n != "was" && n != "has"
	case "do":
		n, _ := nextWord(s, next)
		return n == "not"
	default:
		return false
	}
	return true
}

// afterDateline returns s after a dateline that opens it, a date or a
// place in capitals and a dash ("April 17, 2015 -- Imagine…",
// "WASHINGTON (Reuters) - …"), or "" when none does.
func afterDateline(s string) string {
	head := s[:min(len(s), 48)]
	if strings.IndexByte(head, '-') < 0 && strings.IndexByte(head, 0xE2) < 0 { // '—' and '–' open with 0xE2
		return "" // most sentences
	}
	for _, dash := range [...]string{" -- ", " — ", " – ", " - "} {
		i := strings.Index(head, dash)
		if i > 0 && !hasLowerWord(s[:i]) {
			return s[i+len(dash):]
		}
	}
	return ""
}

// noComment reports whether s is the reporter's note that someone would
// not speak: "A spokeswoman declined to comment.", "The company did not
// respond to a request for comment." It reports the reporting, not the
// story, and there is nothing in it to source.
func noComment(s string) bool {
	if len(s) > 200 || !strings.Contains(s, "comment") {
		return false
	}
	for _, p := range [...]string{"declined to comment", "declined to immediately comment", "request for comment",
		"requests for comment", "reached for comment"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// phoneNumber reports whether s holds a North American telephone number as
// written, "(303) 555-0142" or "303-555-0142". Each form has a hyphen
// before its last four digits, so only the places before a hyphen are
// looked at.
func phoneNumber(s string) bool {
	for k := 0; ; {
		d := strings.IndexByte(s[k:], '-')
		if d < 0 {
			return false
		}
		h := k + d // the hyphen
		k = h + 1
		if parenPhoneAt(s, h-9) || dashPhoneAt(s, h-3) {
			return true
		}
	}
}

// parenPhoneAt reports whether "(303) 555-0142" starts at s[i].
func parenPhoneAt(s string, i int) bool {
	return i >= 0 && i+14 <= len(s) && s[i] == '(' && digitsAt(s, i+1, 3) && s[i+4] == ')' && s[i+5] == ' ' &&
		digitsAt(s, i+6, 3) && s[i+9] == '-' && digitsAt(s, i+10, 4)
}

// dashPhoneAt reports whether "303-555-0142", standing alone, starts at
// s[i].
func dashPhoneAt(s string, i int) bool {
	return i >= 0 && i+12 <= len(s) && (i == 0 || !isDigitByte(s[i-1])) && digitsAt(s, i, 3) && s[i+3] == '-' &&
		digitsAt(s, i+4, 3) && s[i+7] == '-' && digitsAt(s, i+8, 4) && (i+12 == len(s) || !isDigitByte(s[i+12]))
}

// digitsAt reports whether s[i:i+n] are n digits.
func digitsAt(s string, i, n int) bool {
	if i < 0 || i+n > len(s) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigitByte(s[k]) {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// showsArithmetic reports whether s works a sum out in the open, an
// operator between figures and then an equals sign and a figure: "10^5 *
// 300 = 30,000,000". The writer is the source of their own arithmetic.
func showsArithmetic(s string) bool {
	eq := strings.IndexByte(s, '=')
	if eq <= 0 || eq+1 >= len(s) {
		return false
	}
	after := strings.TrimLeft(s[eq+1:], " ")
	if after == "" || after[0] < '0' || after[0] > '9' {
		return false
	}
	before := s[max(0, eq-40):eq]
	op := strings.IndexAny(before, "*×^+/÷")
	return op > 0 && strings.ContainsAny(before[:op], "0123456789") && strings.ContainsAny(before[op:], "0123456789")
}

// firstHandSentence reports whether the writer speaks in the sentence s of
// tokens toks in the first person: "I", "me", "my", or "we", "our", "us"
// (a company's blog, a newsroom's own reporting), outside a quotation (a
// speaker's "I" is theirs, not the writer's), but not only in a
// comparison ("for people like me, …"). A capital I after a
// capitalised word is a numeral ("World War I", "Elizabeth I"), and "US"
// is the United States.
func firstHandSentence(s string, toks []token) bool {
	quoted := false
	for i, t := range toks {
		if t.kind == tokPunct {
			if t.norm == `"` {
				quoted = !quoted
			}
			continue
		}
		if quoted || t.kind != tokWord {
			continue
		}
		switch t.norm {
		case "my", "myself", "mine", "i'm", "i've", "i'd", "i'll",
			"we", "our", "we're", "we've", "we'd", "we'll", "ourselves":
			return true
		case "me", "us":
			if i > 0 && comparesTo(toks[i-1].norm) {
				continue // "non-participants like me" names a kind, not a witness
			}
			if t.norm == "me" || !isUS(s, t) {
				return true
			}
		case "i":
			if t.upper && (i == 0 || !toks[i-1].upper || i == 1 && opensClause(toks[0].norm)) {
				return true
			}
		}
	}
	return false
}

// comparesTo reports whether w compares what follows it with something:
// "like me", "than us", "as me".
func comparesTo(w string) bool { return w == "like" || w == "than" || w == "as" || w == "unlike" }

// opensClause reports whether w, capitalised at the start of a sentence, is
// a word that opens a clause ("Then I saw"), not a name ("Elizabeth I").
func opensClause(w string) bool {
	switch w {
	case "then", "and", "but", "so", "yet", "now", "today", "yesterday", "here", "there", "when", "since",
		"as", "if", "because", "while", "once", "still", "also", "later", "recently", "sometimes", "after",
		"before", "this", "what", "where", "until", "though", "although":
		return true
	}
	return false
}
