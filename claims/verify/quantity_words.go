package verify

import "strings"

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

// triggers are the words that may start a quantity, lowercased: written
// numbers, the words of vague amounts, months, currency codes and the
// letters before "$".
func triggers() []string {
	t := []string{"a", "an", "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens",
		"several", "rs", "us", "au", "ca", "nz", "hk", "s", "r", "c"}
	for w := range smallNumbers {
		t = append(t, w)
	}
	for w := range months {
		t = append(t, strings.ToLower(w))
	}
	for w := range currencyCodes {
		t = append(t, strings.ToLower(w))
	}
	return t
}

// triggerKey hashes a word's first, middle and last letters and length,
// case folded, into 1024 buckets.
func triggerKey(w string) uint {
	return (uint(w[0]|0x20)*31 + uint(w[len(w)/2]|0x20)*17 + uint(w[len(w)-1]|0x20)*7 + uint(len(w))*131) & 1023
}

// triggerSet holds the buckets of the triggers: a word whose bucket is
// empty starts no quantity. It is computed once and only read.
var triggerSet = func() (set [16]uint64) {
	for _, w := range triggers() {
		k := triggerKey(w)
		set[k>>6] |= 1 << (k & 63)
	}
	return set
}()

// maybeTrigger reports whether w may start a quantity; most words are
// turned away here without a map lookup.
func maybeTrigger(w string) bool {
	k := triggerKey(w)
	return triggerSet[k>>6]&(1<<(k&63)) != 0
}

// hedgeEnd reports whether w, lowercased, can end a hedge; most words
// before a figure cannot, and are turned away before any lookup.
func hedgeEnd(w []byte) bool {
	switch string(w) {
	case "about", "around", "roughly", "approximately", "approx", "some", "circa", "estimated",
		"c", "ca", "nearly", "almost", "to", "under", "below", "quite", "of", "than", "over",
		"above", "least", "most", "as", "many", "much", "high", "exceeding":
		return true
	}
	return false
}
