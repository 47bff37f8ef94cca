package verify

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The word tables of Quantities. They are read, never written.

// unitDef converts a unit to its base: base value = value*factor + offset.
type unitDef struct {
	base           string
	factor, offset float64
}

// units maps a unit as written, lowercased, to its base unit. Units of one
// or two letters that are also words or symbols ("m", "g", "c") are
// recognised only when attached to the figure ("3m", "20C"); see
// attachedUnit.
var units = map[string]unitDef{
	"km": {"m", 1000, 0}, "kilometre": {"m", 1000, 0}, "kilometres": {"m", 1000, 0},
	"kilometer": {"m", 1000, 0}, "kilometers": {"m", 1000, 0},
	"metre": {"m", 1, 0}, "metres": {"m", 1, 0}, "meter": {"m", 1, 0}, "meters": {"m", 1, 0},
	"cm": {"m", 0.01, 0}, "centimetre": {"m", 0.01, 0}, "centimetres": {"m", 0.01, 0},
	"centimeter": {"m", 0.01, 0}, "centimeters": {"m", 0.01, 0},
	"mm": {"m", 0.001, 0}, "millimetre": {"m", 0.001, 0}, "millimetres": {"m", 0.001, 0},
	"millimeter": {"m", 0.001, 0}, "millimeters": {"m", 0.001, 0},
	"mile": {"m", 1609.344, 0}, "miles": {"m", 1609.344, 0}, "mi": {"m", 1609.344, 0},
	"ft": {"m", 0.3048, 0}, "foot": {"m", 0.3048, 0}, "feet": {"m", 0.3048, 0},
	"inch": {"m", 0.0254, 0}, "inches": {"m", 0.0254, 0},
	"yard": {"m", 0.9144, 0}, "yards": {"m", 0.9144, 0}, "yd": {"m", 0.9144, 0},
	"kg": {"kg", 1, 0}, "kilogram": {"kg", 1, 0}, "kilograms": {"kg", 1, 0}, "kilos": {"kg", 1, 0},
	"gram": {"kg", 0.001, 0}, "grams": {"kg", 0.001, 0},
	// A ton is taken as a tonne: news rarely says which ton it means.
	"tonne": {"kg", 1000, 0}, "tonnes": {"kg", 1000, 0}, "ton": {"kg", 1000, 0}, "tons": {"kg", 1000, 0},
	// "pounds" after a figure is weight; money in pounds is written "£".
	"lb": {"kg", 0.45359237, 0}, "lbs": {"kg", 0.45359237, 0}, "pound": {"kg", 0.45359237, 0},
	"pounds": {"kg", 0.45359237, 0},
	"oz":     {"kg", 0.028349523125, 0}, "ounce": {"kg", 0.028349523125, 0}, "ounces": {"kg", 0.028349523125, 0},
	"°c": {"°C", 1, 0}, "celsius": {"°C", 1, 0}, "centigrade": {"°C", 1, 0},
	"degrees celsius": {"°C", 1, 0}, "degrees centigrade": {"°C", 1, 0},
	"°f": {"°C", 5.0 / 9, -32 * 5.0 / 9}, "fahrenheit": {"°C", 5.0 / 9, -32 * 5.0 / 9},
	"degrees fahrenheit": {"°C", 5.0 / 9, -32 * 5.0 / 9},
	"km2":                {"m²", 1e6, 0}, "km²": {"m²", 1e6, 0}, "sq km": {"m²", 1e6, 0},
	"square kilometres": {"m²", 1e6, 0}, "square kilometers": {"m²", 1e6, 0},
	"m2": {"m²", 1, 0}, "m²": {"m²", 1, 0}, "square metres": {"m²", 1, 0}, "square meters": {"m²", 1, 0},
	"sq mi": {"m²", 2589988.110336, 0}, "square miles": {"m²", 2589988.110336, 0},
	"square mile": {"m²", 2589988.110336, 0},
	"sq ft":       {"m²", 0.09290304, 0}, "square feet": {"m²", 0.09290304, 0},
	"ha": {"m²", 1e4, 0}, "hectare": {"m²", 1e4, 0}, "hectares": {"m²", 1e4, 0},
	"acre": {"m²", 4046.8564224, 0}, "acres": {"m²", 4046.8564224, 0},
	"litre": {"L", 1, 0}, "litres": {"L", 1, 0}, "liter": {"L", 1, 0}, "liters": {"L", 1, 0},
	"ml": {"L", 0.001, 0}, "millilitres": {"L", 0.001, 0}, "milliliters": {"L", 0.001, 0},
	"gallon": {"L", 3.785411784, 0}, "gallons": {"L", 3.785411784, 0},
	"mph": {"m/s", 0.44704, 0}, "km/h": {"m/s", 1 / 3.6, 0}, "kph": {"m/s", 1 / 3.6, 0},
	"kmh": {"m/s", 1 / 3.6, 0}, "knots": {"m/s", 1852.0 / 3600, 0},
	"kw": {"W", 1e3, 0}, "mw": {"W", 1e6, 0}, "gw": {"W", 1e9, 0},
	"kilowatts": {"W", 1e3, 0}, "megawatts": {"W", 1e6, 0}, "gigawatts": {"W", 1e9, 0},
	"kwh": {"J", 3.6e6, 0}, "mwh": {"J", 3.6e9, 0}, "gwh": {"J", 3.6e12, 0}, "twh": {"J", 3.6e15, 0},
}

// attachedUnit returns the unit written right after a figure with no space
// ("3m", "20C", "5g"), where a one-letter unit cannot be a word.
func attachedUnit(w string) (unitDef, bool) {
	switch w {
	case "m":
		return units["metres"], true
	case "g":
		return units["grams"], true
	case "C":
		return units["°c"], true
	case "F":
		return units["°f"], true
	}
	u, ok := units[lowerKey(w)]
	return u, ok
}

// scales are the words that multiply a figure. "m", "b" and "k" are
// scales only when attached to money ("£4.5m", "$3b") or, for "k", to any
// figure ("10k"); elsewhere "m" is metres.
var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
	// French, Spanish, Italian and German, after a figure: "10 millions
	// d'euros", "10 millones", "2 milliards", "3 Millionen", "5 Mrd."
	"milliard": 1e9, "milliards": 1e9, "millones": 1e6, "milioni": 1e6, "miliardi": 1e9,
	"millionen": 1e6, "milliarden": 1e9, "mio": 1e6, "mrd": 1e9,
}

// pluralScales are the scales in the plural that multiply a figure they
// follow as their singular does: in English "millions" is a vague amount
// ("millions of people"), in French, Spanish and German "10 millions",
// "10 millones" and "10 Millionen" are ten million.
var pluralScales = map[string]bool{
	"millions": true, "milliards": true, "millones": true, "millionen": true, "milliarden": true,
}

// currencySymbols are the signs written before an amount, longest first
// in the scan (see currencyPrefix).
var currencySymbols = map[string]string{
	"$": "$", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
	"HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "¥", "₹": "INR",
	"₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP", "Rs": "INR", "Rs.": "INR",
}

// currencyCodes are the ISO 4217 codes recognised before or after a figure
// ("USD 3m", "3m EUR").
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "RMB": true, "INR": true,
	"AUD": true, "CAD": true, "CHF": true, "NZD": true, "HKD": true, "SGD": true, "SEK": true,
	"NOK": true, "DKK": true, "ZAR": true, "BRL": true, "MXN": true, "KRW": true, "RUB": true,
	"TRY": true, "NGN": true, "KES": true, "PLN": true,
}

// currencyWords are currency names written after a figure, lowercased;
// the value is the unit and the factor ("50 cents" is 0.5 dollars).
var currencyWords = map[string]struct {
	unit   string
	factor float64
}{
	"dollar": {"$", 1}, "dollars": {"$", 1}, "us dollars": {"USD", 1}, "euro": {"EUR", 1},
	"euros": {"EUR", 1}, "sterling": {"GBP", 1}, "pounds sterling": {"GBP", 1}, "yen": {"JPY", 1},
	"yuan": {"CNY", 1}, "renminbi": {"CNY", 1}, "rupees": {"INR", 1}, "rupee": {"INR", 1},
	"cents": {"$", 0.01}, "pence": {"GBP", 0.01}, "francs": {"CHF", 1},
}

// accentedScale reads at i a scale spelt with an accent, in Portuguese or
// Spanish ("milhão", "milhões", "bilhão", "bilhões", "millón"), and
// returns its factor and end; 0 and i when there is none.
func accentedScale(t string, i int) (float64, int) {
	for _, sc := range [...]struct {
		word   string
		factor float64
	}{{"milhão", 1e6}, {"milhões", 1e6}, {"bilhão", 1e9}, {"bilhões", 1e9}, {"millón", 1e6}} {
		if end := i + len(sc.word); strings.HasPrefix(t[i:], sc.word) && (end == len(t) || !isLetter(t[end]) && t[end] < utf8.RuneSelf) {
			return sc.factor, end
		}
	}
	return 0, i
}

// ofCurrencies are the currencies French, Spanish, Portuguese and Italian
// write after a figure and "de" or "d'", lower case: "10 millones de
// dólares", "2 milliards d'euros", "1 milhão de reais".
var ofCurrencies = map[string]string{
	"dólares": "$", "dolares": "$", "dollars": "$", "euros": "EUR", "euro": "EUR", "reais": "BRL",
	"libras": "GBP", "livres": "GBP", "yenes": "JPY", "yens": "JPY", "francos": "CHF", "francs": "CHF",
}

// ofCurrency reads "de" or "d'" (or "d’") and a currency of ofCurrencies
// at i, and returns the currency's unit and the end; "" and i when there
// is none.
func ofCurrency(t string, i int) (string, int) {
	var j int
	switch {
	case strings.HasPrefix(t[i:], "de "):
		j = skipSpace(t, i+2)
	case strings.HasPrefix(t[i:], "d'"):
		j = i + 2
	case strings.HasPrefix(t[i:], "d’"):
		j = i + len("d’")
	default:
		return "", i
	}
	e := j
	for e < len(t) && e-j <= len("dólares") {
		r, size := utf8.DecodeRuneInString(t[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	if e == j || e < len(t) && isLetter(t[e]) {
		return "", i
	}
	w := t[j:e]
	if unit, ok := ofCurrencies[w]; ok {
		return unit, e
	}
	if isUpper(w[0]) {
		if unit, ok := ofCurrencies[string(w[0]+'a'-'A')+w[1:]]; ok {
			return unit, e
		}
	}
	return "", i
}

// vagueBase are the plural words of vague amounts: "dozens" is 24 to
// 119, "thousands" 2,000 to 9,999, "tens of thousands" 20,000 to 99,999.
var vagueBase = map[string]float64{
	"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "tens": 10,
}

// smallNumbers are the written cardinals below a hundred that combine.
var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// fractions are the written fractions, as shares of one.
var fractions = map[string]float64{
	"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25,
	"quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
	"sixth": 1.0 / 6, "sixths": 1.0 / 6, "seventh": 1.0 / 7, "sevenths": 1.0 / 7,
	"eighth": 0.125, "eighths": 0.125, "ninth": 1.0 / 9, "ninths": 1.0 / 9,
	"tenth": 0.1, "tenths": 0.1,
}

// fractionWidth is the relative width of a written fraction: "two-thirds"
// stands for 63.3–70%, "a fifth" for 19–21%.
const fractionWidth = 0.05

// hedges maps the words before a figure, lowercased and joined by one
// space, to the hedge they make.
var hedges = map[string]Hedge{
	"about": HedgeAbout, "around": HedgeAbout, "roughly": HedgeAbout, "approximately": HedgeAbout,
	"approx": HedgeAbout, "some": HedgeAbout, "circa": HedgeAbout, "estimated": HedgeAbout,
	"an estimated": HedgeAbout, "ca": HedgeAbout, "c": HedgeAbout, "~": HedgeAbout, "≈": HedgeAbout,
	"nearly": HedgeNearly, "almost": HedgeNearly, "close to": HedgeNearly, "just under": HedgeNearly,
	"just below": HedgeNearly, "not quite": HedgeNearly, "just shy of": HedgeNearly,
	"more than": HedgeOver, "over": HedgeOver, "above": HedgeOver, "greater than": HedgeOver,
	"higher than": HedgeOver, "in excess of": HedgeOver, "upwards of": HedgeOver,
	"at least": HedgeOver, "no fewer than": HedgeOver, "no less than": HedgeOver,
	"just over": HedgeOver, "just above": HedgeOver, "well over": HedgeOver, "well above": HedgeOver,
	"a minimum of": HedgeOver, "exceeding": HedgeOver, ">": HedgeOver, "≥": HedgeOver,
	"less than": HedgeUnder, "fewer than": HedgeUnder, "under": HedgeUnder, "below": HedgeUnder,
	"lower than": HedgeUnder, "up to": HedgeUnder, "at most": HedgeUnder, "no more than": HedgeUnder,
	"as many as": HedgeUnder, "as much as": HedgeUnder, "as high as": HedgeUnder,
	"a maximum of": HedgeUnder, "well under": HedgeUnder, "well below": HedgeUnder,
	"<": HedgeUnder, "≤": HedgeUnder,
}

// months maps a capitalised month name or abbreviation to its number.
var months = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
	"Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

// yearWords are the words after which a four-digit figure is a year even
// when a noun follows ("in 2019 unemployment fell").
var yearWords = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "to": true,
	"during": true, "before": true, "after": true, "early": true, "late": true, "mid": true,
	"circa": true, "year": true, "summer": true, "winter": true, "spring": true, "autumn": true,
	"fall": true, "of": true, "between": true, "and": true, "through": true,
}

// countNouns are the nouns after which a four-digit figure with no
// thousands separator is a count rather than a year ("1500 people"); any
// other word leaves it a year ("the 2019 election").
var countNouns = map[string]bool{
	"people": true, "persons": true, "residents": true, "students": true, "children": true,
	"deaths": true, "cases": true, "jobs": true, "homes": true, "houses": true, "votes": true,
	"voters": true, "patients": true, "workers": true, "members": true, "soldiers": true,
	"troops": true, "employees": true, "staff": true, "users": true, "visitors": true,
	"households": true, "families": true, "companies": true, "firms": true, "schools": true,
	"beds": true, "cars": true, "vehicles": true, "units": true, "copies": true, "pages": true,
	"words": true, "acres": true, "hectares": true, "miles": true, "km": true, "times": true,
	"incidents": true, "arrests": true, "complaints": true, "signatures": true, "items": true,
	"animals": true, "birds": true, "trees": true, "species": true, "games": true, "goals": true,
	"points": true, "runs": true, "yards": true, "hours": true, "days": true, "weeks": true,
	"months": true, "years": true, "seats": true, "delegates": true, "participants": true,
	"respondents": true, "adults": true, "women": true, "men": true, "officers": true,
	"teachers": true, "nurses": true, "doctors": true, "refugees": true, "migrants": true,
	"victims": true, "injuries": true, "infections": true, "tests": true, "doses": true,
	"sites": true, "stores": true, "shops": true, "branches": true, "buildings": true,
	"apartments": true, "flats": true, "properties": true, "flights": true, "passengers": true,
}

// notNouns are words that follow a figure without being what it counts.
var notNouns = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true,
	"from": true, "as": true, "is": true, "was": true, "were": true, "are": true, "be": true,
	"been": true, "has": true, "had": true, "have": true, "that": true, "which": true,
	"who": true, "when": true, "than": true, "per": true, "each": true, "more": true,
	"less": true, "fewer": true, "over": true, "under": true, "after": true, "before": true,
	"it": true, "this": true, "those": true, "these": true, "their": true, "its": true,
	"his": true, "her": true, "they": true, "he": true, "she": true, "we": true, "there": true,
	"into": true, "out": true, "up": true, "down": true, "about": true, "while": true,
	"where": true, "since": true, "until": true, "will": true, "would": true, "can": true,
	"could": true, "may": true, "might": true, "said": true, "says": true, "not": true,
	"also": true, "only": true, "so": true, "if": true, "all": true, "both": true,
}

// lowerKey returns w lowercased (ASCII), without allocating when w is
// already lowercase.
func lowerKey(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// letterKey is a word of ASCII letters packed into a number, case folded:
// five bits a letter (c&0x1f is 1 for "a" and "A", 26 for "z" and "Z"),
// the first letter lowest. It holds the first maxKeyLetters letters of a
// word: words of at most that many letters that are equal but for case
// have the same key, and different words different keys. The scanner packs
// each word as it looks for its end, so that a word is looked up without
// being lowered or hashed again.
type letterKey uint64

// maxKeyLetters is the length of the longest word a letterKey holds
// whole.
const maxKeyLetters = 12

// letterRun returns the end of the ASCII letter run at i and its key.
func letterRun(t string, i int) (int, letterKey) {
	if i+8 > len(t) {
		return letterRunFrom(t, i, 0, 0)
	}
	// Eight bytes at once: most words end within them.
	v := eightBytes(t, i)
	n := leadingLetters(v)
	if n < 8 {
		return i + n, packLetters(v & (1<<(8*uint(n)&63) - 1))
	}
	return letterRunFrom(t, i+8, 8, packLetters(v))
}

// letterRunFrom returns the end of the ASCII letter run that goes on at i
// and its key, given the key k of its first n letters.
func letterRunFrom(t string, i, n int, k letterKey) (int, letterKey) {
	for ; i < len(t) && isLetter(t[i]); i, n = i+1, n+1 {
		if n < maxKeyLetters {
			k |= letterKey(t[i]&0x1f) << (5 * uint(n))
		}
	}
	return i, k
}

// eightBytes returns the eight bytes of t from i, the first lowest; t
// must hold them.
func eightBytes(t string, i int) uint64 {
	b := t[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// leadingLetters returns how many of the eight bytes of v, first byte
// lowest, are ASCII letters before the first one that is not.
func leadingLetters(v uint64) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := v | 0x20*ones // lowercase; other bytes stay other
	low := x &^ highs
	// A byte below 0x80 is a letter when it is at least 'a' and below
	// '{': adding 0x80-'a' and 0x80-'{' sets its high bit when it is at
	// least each, and no sum carries into the next byte.
	letters := (low + (0x80-'a')*ones) &^ (low + (0x80-'{')*ones) &^ x & highs
	return bits.TrailingZeros64(^letters&highs) >> 3
}

// packLetters packs the eight letters of v, one a byte, first lowest, as
// a letterKey; a zero byte (after the last letter) packs as nothing.
func packLetters(v uint64) letterKey {
	x := v & 0x1f1f1f1f1f1f1f1f
	x = x&0x001f001f001f001f | x>>8&0x001f001f001f001f<<5
	x = x&0x000003ff000003ff | x>>16&0x000003ff000003ff<<10
	x = x&0xfffff | x>>32&0xfffff<<20
	return letterKey(x)
}

// keyOf returns the key of a word of ASCII letters.
func keyOf(w string) letterKey {
	_, k := letterRun(w, 0)
	return k
}

// wordRoles are what a word of the quantity table may do.
type wordRoles uint16

const (
	// roleNumber: it may start a written number or a vague amount ("two",
	// "a", "half", "thousands").
	roleNumber wordRoles = 1 << iota
	// roleCode: it is a currency code, when written in capitals.
	roleCode
	// roleStart: it may start a quantity (roleNumber, roleCode, a month,
	// the letters before "$" as in "US$", "Rs").
	roleStart
	// roleSuffix: it may be the word after a figure that suffix reads: a
	// unit, a currency, "percent", or the first word of a two-word unit
	// or currency ("square", "us").
	roleSuffix
	// roleArticle: it is "a" or "an", which start a number only before
	// a word with roleAfterArticle.
	roleArticle
	// roleAfterArticle: after "a" or "an" it makes a number: "dozen",
	// "few", "hundred", a fraction, a scale that is not plural.
	roleAfterArticle
	// roleYearWord: a word of yearWords.
	roleYearWord
	// roleNotNoun: a word of notNouns, when written in lowercase.
	roleNotNoun
	// roleCountNoun: a word of countNouns, when written in lowercase.
	roleCountNoun
	// roleHundred: it is "hundred".
	roleHundred
	// roleHedgeEnd: it may end a hedge (see hedgeEnd).
	roleHedgeEnd
)

// quantityWord is a word of the quantity table.
type quantityWord struct {
	key   letterKey // 0: a free slot
	scale float64   // its factor when it is a word of scales, 0 otherwise
	month int       // the month it names when capitalised (see monthName)
	roles wordRoles
}

// maxStartLetters is the length of the longest word with roleStart.
const maxStartLetters = 9

// quantityTableSize is the number of slots of a quantityTable: a power of
// two, more than twice the words it holds.
const quantityTableSize = 1024

// quantityTable finds the words Quantities looks for by their keys. Most
// words of a text start no quantity, and the scan turns them away by one
// bit of a filter: a set of 4,096 bits, one of which each word with
// roleStart sets. The words are looked for in open addressing.
type quantityTable struct {
	filter [64]uint64
	// short is the filter of the words with roleStart of fewer than
	// eight letters by their bytes, lowercased, the first lowest (see
	// shortHash): the scan reads a short word that way and need not
	// pack its key to turn it away.
	short [64]uint64
	slots [quantityTableSize]quantityWord
	// passOver holds the bytes at which no quantity starts: the ASCII
	// bytes other than letters, digits, "$", "-" and "'".
	passOver [256]bool
}

// shortHash mixes the bytes of a word of fewer than eight letters, the
// first lowest, in any case: its top bits choose the short filter's bit.
func shortHash(v uint64) uint64 { return (v | 0x2020202020202020) * 0x9e3779b97f4a7c15 }

// mayStartShort reports whether the word of fewer than eight letters
// whose bytes are v, first lowest, may have roleStart: false for most
// words that do not.
func (t *quantityTable) mayStartShort(v uint64) bool {
	h := shortHash(v)
	return t.short[h>>58]&(1<<(h>>52&63)) != 0
}

// keyHash mixes a key: its top bits choose the filter bit and the slot.
func keyHash(k letterKey) uint64 { return uint64(k) * 0x9e3779b97f4a7c15 }

// startWord returns the word whose key is k when it has roleStart, or nil.
func (t *quantityTable) startWord(k letterKey) *quantityWord {
	h := keyHash(k)
	if t.filter[h>>58]&(1<<(h>>52&63)) == 0 {
		return nil
	}
	if e := t.find(k); e != nil && e.roles&roleStart != 0 {
		return e
	}
	return nil
}

// find returns the word whose key is k, or nil.
func (t *quantityTable) find(k letterKey) *quantityWord {
	for i := keyHash(k) >> 54 % quantityTableSize; t.slots[i].key != 0; i = (i + 1) % quantityTableSize {
		if t.slots[i].key == k {
			return &t.slots[i]
		}
	}
	return nil
}

// has reports whether the word whose key is k has one of the roles.
func (t *quantityTable) has(k letterKey, roles wordRoles) bool {
	e := t.find(k)
	return e != nil && e.roles&roles != 0
}

// add gives w the roles, and the month when m is not 0.
func (t *quantityTable) add(w string, roles wordRoles, m int) *quantityWord {
	k := keyOf(w)
	h := keyHash(k)
	if roles&roleStart != 0 {
		t.filter[h>>58] |= 1 << (h >> 52 & 63)
		if len(w) < 8 {
			var v uint64
			for i := len(w) - 1; i >= 0; i-- {
				v = v<<8 | uint64(w[i])
			}
			hs := shortHash(v)
			t.short[hs>>58] |= 1 << (hs >> 52 & 63)
		}
	}
	i := h >> 54 % quantityTableSize
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) % quantityTableSize
	}
	e := &t.slots[i]
	e.key, e.roles = k, e.roles|roles
	if m != 0 {
		e.month = m
	}
	return e
}

// quantityWords builds the quantity table once from the word tables.
var quantityWords = sync.OnceValue(func() *quantityTable {
	t := &quantityTable{}
	for c := range utf8.RuneSelf {
		t.passOver[c] = !isLetter(byte(c)) && !isDigit(byte(c)) && c != '$' && c != '-' && c != '\''
	}
	for w := range smallNumbers {
		t.add(w, roleStart|roleNumber, 0)
	}
	for _, w := range []string{"a", "an", "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens", "several"} {
		t.add(w, roleStart|roleNumber, 0)
	}
	for w, m := range months {
		t.add(w, roleStart, m)
	}
	for w := range currencyCodes {
		t.add(w, roleStart|roleCode|roleSuffix, 0)
	}
	for w := range currencySymbols {
		if w, ok := strings.CutSuffix(w, "$"); ok && w != "" {
			t.add(w, roleStart, 0) // "US$": "US" starts a quantity only before "$"
		}
	}
	t.add("Rs", roleStart, 0)
	// The words suffix looks up: each word of units and currencyWords made
	// of letters, the first word of those of two words.
	for w := range units {
		addSuffix(t, w)
	}
	for w := range currencyWords {
		addSuffix(t, w)
	}
	for _, w := range []string{"percent", "pct", "per", "percentage", "pour", "por", "prozent"} {
		addSuffix(t, w)
	}
	t.add("a", roleArticle, 0)
	t.add("an", roleArticle, 0)
	for w, x := range scales {
		e := t.add(w, 0, 0)
		e.scale = x
		if w[len(w)-1] != 's' {
			e.roles |= roleAfterArticle
		}
	}
	for w := range fractions {
		t.add(w, roleAfterArticle, 0)
	}
	for _, w := range []string{"dozen", "few"} {
		t.add(w, roleAfterArticle, 0)
	}
	t.add("hundred", roleAfterArticle|roleHundred, 0)
	for w := range yearWords {
		t.add(w, roleYearWord, 0)
	}
	for w := range notNouns {
		t.add(w, roleNotNoun, 0)
	}
	for w := range countNouns {
		t.add(w, roleCountNoun, 0)
	}
	for _, w := range hedgeEnds {
		if len(w) <= maxKeyLetters {
			t.add(w, roleHedgeEnd, 0)
		}
	}
	return t
})

// addSuffix gives the first word of w, when it is made of letters,
// roleSuffix.
func addSuffix(t *quantityTable, w string) {
	first, _, _ := strings.Cut(w, " ")
	if end, _ := letterRun(first, 0); end == len(first) && end <= maxKeyLetters {
		t.add(first, roleSuffix, 0)
	}
}

// monthName returns the month w names when it is written as in the months
// table ("March", "Sept"), or 0. w is a word of letters, found in the
// quantity table as e (nil when it is not there).
func monthName(w string, e *quantityWord) int {
	if e == nil || e.month == 0 || !isUpper(w[0]) {
		return 0
	}
	for i := 1; i < len(w); i++ {
		if !isLower(w[i]) {
			return 0
		}
	}
	return e.month
}

// hedgeEnd reports whether w, lowercased, can end a hedge; most words
// before a figure cannot, and are turned away before any lookup.
func hedgeEnd(w []byte) bool {
	for _, e := range hedgeEnds {
		if string(w) == e {
			return true
		}
	}
	return false
}

// hedgeEnds are the last words of the hedges.
var hedgeEnds = [...]string{
	"about", "around", "roughly", "approximately", "approx", "some", "circa", "estimated",
	"c", "ca", "nearly", "almost", "to", "under", "below", "quite", "of", "than", "over",
	"above", "least", "most", "as", "many", "much", "high", "exceeding",
}
