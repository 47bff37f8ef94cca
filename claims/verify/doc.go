// Package verify holds the normalisers that claim-support verification
// rests on: the numbers and the quotations of a claim, read so that they
// can be looked for in the text of a source whatever the way each writes
// them. Every finding carries its exact byte span in the text given.
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
// "40 per cent", "forty percent"; "percentage points" apart), money
// ("$", "US$", "£", "€", ISO codes, "dollars", "euros"), units converted to
// a base unit (km and miles to metres, kg, tonnes and pounds to kilograms,
// °F to °C, areas, volumes, speeds, power and energy), ranges ("2018–19",
// "10-15%", "between 300 and 400", "3 to 4 million"), years, decades ("the
// 1990s", "the '80s") and dates ("3 March 2019", "March 2019",
// "2019-03-03").
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
// # Cost and concurrency
//
// Everything is linear in the length of its input: Quantities scans once,
// an Index hashes every word once, and FindQuote runs one Knuth–Morris–Pratt
// pass per piece of the quotation, one voting pass and a small alignment.
// Nothing is global but read-only tables; every function is safe for
// concurrent use.
package verify
