// Package verify says whether a source supports a claim, and holds the
// normalisers that verification rests on: the numbers and the quotations
// of a claim, read so that they can be looked for in the text of a source
// whatever the way each writes them. Every finding carries its exact byte
// span in the text given.
//
//	r := verify.Verify(verify.Claim{Text: sentence}, verify.Source{Text: page, URL: link})
//	fmt.Println(r.Verdict, r.Score)       // e.g. contradicted 0.02
//	for _, e := range r.Evidence {         // at most five passages, best first
//		fmt.Println(e.Span, e.URL)         // URL: link#:~:text=... to the passage
//	}
//	for _, m := range r.Missing {          // what the source does not back
//		fmt.Println(m.Kind, m.Text, m.SourceText, m.Passage)
//	}
//
// Verify answers for any text; a page that stands where the article
// should (a subscribe or sign-in page) says nothing of the article, and
// Paywall tells it, so that a caller gives no verdict for it:
//
//	if verify.Paywall(page) {
//		return // no verdict, rather than not-supported
//	}
//
// A source that several claims cite is read once:
//
//	p := verify.Prepare(verify.Source{Text: page, URL: link})
//	for _, c := range sentences {
//		r := verify.VerifyPrepared(verify.Claim{Text: c}, p) // what Verify would say
//		fmt.Println(r.Verdict)
//	}
//
// The normalisers on their own:
//
//	for _, q := range verify.Quantities(claim) {
//		backed := false
//		for _, s := range verify.Quantities(source) {
//			backed = backed || q.Matches(s)
//		}
//		fmt.Println(q.Text, q.Kind, q.Value, backed)
//	}
//	idx := verify.NewIndex(source)
//	for _, q := range verify.Quotes(claim) {
//		m := idx.FindQuote(q.Text)
//		fmt.Println(q.Text, m.Status, m.Span, m.Quoted, m.Source)
//	}
//
// # Quantities
//
// Quantities reads figures ("1,200", "68.4"), written numbers
// ("twenty-five", "a dozen", "two-thirds", "a fifth", "half of"), scales
// ("1.2 million", "$3bn", "£4.5m", "2.3 trillion"), vague amounts
// ("thousands", "tens of thousands", "a few hundred"), percentages ("40%",
// "40 per cent", "forty percent"; "percentage points" apart; "40 pour
// cent", "40 por ciento", "40 Prozent"), the scales of French, Spanish,
// Portuguese, Italian and German after a figure, with their currencies
// ("10 millones de dólares", "2 milliards d'euros", "1 milhão de reais"), with
// a decimal comma in a text whose figures only that style reads ("2,5 %",
// "1.234,5", "1.500.000": see Quantities), money
// ("$", "US$", "£", "€", ISO codes, "dollars", "euros"), units converted to
// a base unit (km and miles to metres, kg, tonnes and pounds to kilograms,
// °F to °C, areas, volumes, speeds, power and energy), ranges ("2018–19",
// "10-15%", "between 300 and 400", "3 to 4 million"), years, decades ("the
// 1990s", "the '80s") and dates ("3 March 2019", "March 2019",
// "2019-03-03", and as French, Spanish, Portuguese, Italian and German
// write them: "le 3 mars 2019", "12 de octubre de 2020", "noviembre de
// 1998", "am 3. März 2019").
//
// Each Quantity has two intervals. Range is what the figure as written
// stands for: "1.2 million" is [1.15M, 1.25M], half a unit of its last
// digit either side; a round "300" may have been rounded, so [285, 315]
// (half its last digit's place, at most 5%). Bounds widens Range by the
// hedge written before the figure:
//
//	about, around, roughly, approximately, some, circa, c., an estimated, ~   ±10%
//	nearly, almost, close to, just under, not quite                           down to 10% below, not above
//	more than, over, above, at least, upwards of, in excess of, 300-plus, 300+ no upper bound
//	less than, fewer than, under, below, up to, at most, as many as, no more than  no lower bound
//
// Quantity.Matches says whether a source's quantity backs a claim's: same
// kind and unit after conversion, and the claim's Bounds contain the
// source's value, or the source's Range contains the claim's value. A year
// never matches a count or a bare number; a percentage never matches a
// count; a bare number, of which nothing is known, may match a count, a
// percentage, money or a measure. The leniency is deliberate: the verifier
// reports a claim's number as not backed only when nothing in the source
// could back it.
//
// # Quotations
//
// Quotes finds the quoted passages of a text. FindQuote (or Index, built
// once per source) looks for a quotation in a source after normalising
// case, quotation marks and apostrophes, whitespace, hyphens and dashes
// ("front-line" is also "frontline"); an ellipsis stands for omitted words
// and a bracketed insertion ("[the council]") for a few replaced ones. It
// answers exact (with the span in the source), misquote (the closest
// passage differs by at most one word in four: the words that differ), or
// absent.
//
// # Verify
//
// Verify splits the source into sentences (a line break, or a full stop,
// question or exclamation mark before a capital, abbreviations and
// initials aside; at most 600 bytes) and ranks them against the claim's
// content words with BM25, the IDF taken over the source's own sentences
// and words stemmed crudely (inflections, possessives; a few irregular
// and synonymous forms made one, "children" and "child", "deaths" and
// "died", "COVID" and "coronavirus"; four-letter prefixes match as a
// fallback, "turned" and "turnout"). A sentence that backs one of the
// claim's figures or holds one of its quotations ranks higher. The best
// five grow into passages of up to three sentences while a neighbour adds
// to what they cover of the claim: the Evidence.
//
// The features — the share of the claim's content (IDF-weighted) in the
// best passage, in the five, in the whole source; its word pairs; its
// figures and dates not backed anywhere (Quantity.Matches), and another
// figure of the same kind and noun, among the same words, in a best
// passage; its names (capitalised words) the source never writes, in its
// text or its title; its quotations exact, misquoted or absent
// (Index.FindQuote); a negation in the claim, in the best passage's
// clauses about it, in one but not the other; words of increase
// ("higher", "rise") against words of decrease ("lower", "reduce"); a
// claim that admits no exception ("only", "all", "never") against a
// passage that does not say so; the least-backed clause of two content
// words or more; and, for long sources only, what the source lacks of the
// claim's specific words (names, figures and words of eight letters or
// more, length standing for rarity: a claim supported in other words
// lacks short common ones, "again", "began", one partly supported a
// name or a rare word) and what its best passage holds of them and backs
// of its figures and dates (a page may write them all, scattered, where
// no one passage says what the claim says), the sizes of the claim (its
// content words) and of the page (its sentences), and the share of the
// claim's content in five consecutive sentences, a paragraph — go to
// logistic models whose weights are embedded
// (model.json).
//
// A source of more than 20 sentences (a web page) is scored by models
// fitted on WiCE's labelled claims: P(supported), fitted with the
// unweighted log loss so that it stays calibrated, is Result.Score, and
// its threshold is the share of WiCE's claims that are supported;
// P(related) separates partially supported from not supported;
// P(refuted), fitted on Check-COVID's claims against their abstracts,
// flags a negation as a contradiction. A source of at most 20 sentences
// (an abstract, a paragraph, a quoted passage) is scored by models fitted
// on Check-COVID's news claims against the sentence of the abstract its
// annotators marked: P(supported), P(the source settles the claim, for or
// against) and P(refuted | it settles it), with thresholds that maximise
// balanced accuracy; it is not supported when unsettled, contradicted
// when refuted and the best passage says the opposite in so many words
// (negation, direction, an exception), supported or else partially
// supported. Which models score a source is a matter of its length, never
// of what it says. "go run ./claims/verify/train" refits them all on
// ../shared/data and reproduces model.json byte for byte; TestEvalWiCE
// and TestEvalCheckCovidCV measure them by grouped cross-validation,
// TestEvalCheckCovid on held-out claims.
//
// The verdict then follows rules that the model does not override:
// contradicted when a best passage gives another figure for the same
// thing, misquotes the claim, or disagrees on negation, provided it holds
// 40% of the claim's content; not supported when no passage of a long
// source holds 20%; never supported while a figure or date is Missing,
// nor, in a short source, anything else Missing or a clause of the claim
// absent (in a whole page, a name or a quotation not found and a clause
// hardly there are features that the calibrated models weigh; as rules
// besides, in WiCE's grouped cross-validation, they turned down supported
// claims that the model passed about as often as they caught partly
// supported ones, supported claims being a third: balanced accuracy 0.723
// with them, 0.735 without); supported when one passage holds 70% of the claim's
// words and nothing is missing; at least partially supported when one
// passage holds half of it.
//
// A Missing of kind "number" or "date" with SourceText set, or of kind
// "quote" with Passage set (a misquote: FindQuote's closest passage), is
// the conflict a report can show: the claim's 40% and the source's 14%.
//
// A multiple is checked against a change the source states with both its
// ends: "doubled", "tripled", "halved", "four times as many", "a
// threefold rise" against "rose from 1.2 million in 2019 to 1.35 million"
// in one of the three best passages, near the claim's words. A ratio of
// the two figures within a factor of 1.2 of the multiple bears it out
// ("more than doubled" asserts at least 1.9, "nearly doubled" 1.5 to
// 2.04); any other is a Missing of kind "number" whose Text is the
// multiple and whose SourceText is the change ("1.2 million in 2019 to
// 1.35 million"), and a conflict. The figure of the multiple ("four") is
// not itself looked for in the source. A percentage the claim gives as a
// change ("rose 25%", "fell by 20%", "a 5% increase", but not "40% of
// voters") is backed by such a change of the same thing, near the same
// words, anywhere in the source ("1.5 million cases in 2023, up from 1.2
// million"); with no other percentage for it in the best passages, a
// change there that does not bear it out is the source's value. A change
// is "from A to B" after a verb of change ("rose from", "went from", not
// "aged from 30 to 70"), "B, up (down) from A", or "B, compared with
// (against, versus) A" with an earlier time after A ("a year earlier",
// "in 2022"; without one it compares two things, "40% of women, compared
// with 30% of men"), or a multiple the source states ("more than twice
// its 2019 level", "doubled"), which backs a claim's multiple or
// percentage change whose ratios overlap its own.
//
// # Cost and concurrency
//
// Everything is linear in the length of its input: Quantities scans once,
// an Index hashes every word once, and FindQuote runs one Knuth–Morris–Pratt
// pass per piece of the quotation, one voting pass and a small alignment.
// Prepare reads every word of the source once, cheaply: where it ends,
// whether it is a function word, and its first four bytes. A claim then
// hashes and stems only the words of the sentences that may hold one of
// its own words, found by those four bytes (on the real pages of the
// shared data, 12% of the sentences and 21% of the words for the claims
// that cite them), with the same result as reading them all. Verify scans
// the source's quantities once when the claim has any, and indexes it
// only when the claim quotes. Nothing is
// global but read-only tables and the embedded model, decoded once;
// every function is safe for concurrent use.
package verify
