package verify

import (
	"strings"
	"sync"
)

// flaggedWords are the words tokenize flags (lowercased), with their flags.
var flaggedWords = [...]struct {
	flags wordFlags
	words string // separated by spaces
}{
	// function words
	{flagStop, "a an the or of in on at to for from by with as is was are were be been being has have had do " +
		"does did it its this that these those he she they them his her their we our you your i me my " +
		"which who whom what when where also than then there into about after before over under such so " +
		"can could would should will may might must shall if both each other some most any up out one " +
		"same through during between until since upon him us well very just own whose because it's s " +
		"said says say new first later including according became become"},
	// function words and conjunctions that start a clause
	{flagStop | flagConj, "and but while"},
	// function words and words of increase
	{flagStop | flagUp, "more"},
	// function words and words that admit no exception
	{flagStop | flagAbsolute, "all only"},
	// negations
	{flagNeg, "not no nor neither nobody nothing without cannot isn't wasn't aren't weren't don't doesn't " +
		"didn't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't fail fails failed denied " +
		"denies deny refused rejected false unable lack lacks"},
	// negations and words that admit no exception
	{flagNeg | flagAbsolute, "never none"},
	// conjunctions that start a clause
	{flagConj, "whereas"},
	// words of increase
	{flagUp, "increase increases increased increasing rise rises rose risen rising higher highest greater " +
		"greatest larger largest raise raises raised boost boosts boosted grow grows grew growing " +
		"elevated exceed exceeds improve improves improved worsen worsens worsened worse enhance " +
		"enhanced enhances double doubled triple tripled faster longer stronger accelerate accelerated " +
		"surge surged"},
	// words of decrease
	{flagDown, "decrease decreases decreased decreasing reduce reduces reduced reducing reduction lower lowers " +
		"lowered lowest less least fewer smaller smallest decline declines declined fall falls fell " +
		"fallen drop drops dropped diminish diminished cut cuts shrink shrank slower shorter weaker " +
		"prevent prevents prevented protect protects protective inhibit inhibits inhibited block blocks " +
		"blocked slow slows slowed"},
	// words that admit no exception
	{flagAbsolute, "always every everyone completely entirely totally perfectly fully 100 guaranteed certainly " +
		"definitely proven proves prove cure cures cured eliminate eliminates impossible immune solely " +
		"exclusively"},
}

// canonicalWords are the stemmed words that have another form, irregular
// or synonymous, with that form: "children" is "child", "died" and
// "deaths" are "die", "COVID" and "SARS-CoV" are "coronavirus".
var canonicalWords = [...]struct {
	canonical string
	words     string // stemmed, separated by spaces
}{
	{"child", "children kid"},
	{"peopl", "peopl person"},
	{"woman", "women"},
	{"man", "men"},
	{"die", "died die death dead deadly"},
	{"coronavi", "covid cov coronavi ncov"},
	{"mous", "mic"},
}

// wordTableSize is the number of slots of a wordTable: a power of two,
// more than twice the words it holds, so that a lookup probes one slot or
// two.
const wordTableSize = 1024

// wordEntry is a word of a wordTable with what is known of it.
type wordEntry struct {
	h         uint64 // the word's hashBytes
	word      string // empty: a free slot
	flags     wordFlags
	canonical string // the word's other form, for the canonical table
	canonH    uint64 // hashBytes of canonical
	canonH4   uint64 // hashBytes of its first four bytes, 0 when shorter
}

// wordTable finds a word by its hash in open addressing over the hashes
// alone (8 KB, which stay in the cache): a lookup of a word not in the
// table (most words of a text) stops at the first free slot, and only a
// word whose hash matches is compared.
type wordTable struct {
	hashes  [wordTableSize]uint64 // 0: a free slot
	entries [wordTableSize]wordEntry
}

func (t *wordTable) add(e wordEntry) {
	i := slotOf(e.h)
	for t.hashes[i] != 0 {
		if t.entries[i].word == e.word {
			t.entries[i].flags |= e.flags
			return
		}
		i = (i + 1) % wordTableSize
	}
	t.hashes[i], t.entries[i] = e.h, e
}

// find returns the entry of w, whose hashBytes is h, or nil.
func (t *wordTable) find(w []byte, h uint64) *wordEntry {
	for i := slotOf(h); t.hashes[i] != 0; i = (i + 1) % wordTableSize {
		if t.hashes[i] == h && t.entries[i].word == string(w) {
			return &t.entries[i]
		}
	}
	return nil
}

// slotOf is where a word whose hash is h is first looked for (FNV's low
// bits alone mix poorly).
func slotOf(h uint64) uint64 { return (h ^ h>>29 ^ h>>47) % wordTableSize }

// wordTables are the tables tokenize looks words up in: flags by the
// lowered word, the other form by the stemmed word.
type wordTables struct {
	flags, canonical wordTable
}

// tables builds the word tables once.
var tables = sync.OnceValue(func() *wordTables {
	t := &wordTables{}
	for _, l := range flaggedWords {
		for _, w := range strings.Fields(l.words) {
			t.flags.add(wordEntry{h: hashBytes([]byte(w)), word: w, flags: l.flags})
		}
	}
	for _, l := range canonicalWords {
		e := wordEntry{canonical: l.canonical, canonH: hashBytes([]byte(l.canonical))}
		if len(l.canonical) >= 4 {
			e.canonH4 = hashBytes([]byte(l.canonical[:4]))
		}
		for _, w := range strings.Fields(l.words) {
			e.h, e.word = hashBytes([]byte(w)), w
			t.canonical.add(e)
		}
	}
	return t
})
