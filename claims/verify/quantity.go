package verify

import (
	"math"
	"time"

	"github.com/citecheck/citecheck/sources"
)

// Kind says what a quantity measures. Quantities of different kinds never
// back each other, except that a bare number (KindNumber), of which nothing
// is known, may back a count, a percentage, money or a measure; see
// Quantity.Matches.
type Kind string

// The kinds of quantity Quantities finds.
const (
	// KindNumber is a bare number: nothing in the text says what it is
	// ("rose to 4.5", "ranked 3.2 on the scale").
	KindNumber Kind = "number"
	// KindCount is a number of things: "300 people", "three schools",
	// "a dozen", "thousands". Noun holds the word counted when there is one.
	KindCount Kind = "count"
	// KindPercent is a share: "40%", "40 per cent", "forty percent",
	// "two-thirds" (66.67), "a fifth" (20). Unit is "%", or "pp" for
	// percentage points, which never match percentages.
	KindPercent Kind = "percent"
	// KindCurrency is an amount of money. Unit is an ISO 4217 code ("USD",
	// "GBP", "EUR") or, where the text does not say which dollar or yen,
	// the bare symbol ("$", "¥").
	KindCurrency Kind = "currency"
	// KindMeasure is a physical measure, converted to a base unit: Unit is
	// "m", "kg", "°C", "m²", "L", "m/s", "W" or "J".
	KindMeasure Kind = "measure"
	// KindYear is a year ("in 2019") or a range of years ("2018–19").
	// Value is the year.
	KindYear Kind = "year"
	// KindDecade is a decade ("the 1990s", "the '80s"); Range covers its
	// ten years.
	KindDecade Kind = "decade"
	// KindDate is a day or a month ("3 March 2019", "March 2019",
	// "2019-03-03"). Value and Range are days since 1970-01-01. A day or
	// month written without its year ("3 March", "on April 9th", "in
	// June") has Unit PartialDate and the days of that date in 2000.
	KindDate Kind = "date"
)

// PartialDate is the Unit of a date written without its year. Pages often
// date events by day and month alone, the year being that of the page; such
// a date backs, and is backed by, a date of any year with the same day and
// month.
const PartialDate = "no-year"

// Hedge is how a text qualifies a figure: "nearly 70%", "more than 300".
// It widens the values the text asserts (Quantity.Bounds) beyond those the
// figure stands for (Quantity.Range).
type Hedge string

// The hedges. The words that make each are listed in the package
// documentation.
const (
	HedgeNone   Hedge = ""
	HedgeAbout  Hedge = "about"     // about, around, roughly, some, an estimated: ±10%
	HedgeNearly Hedge = "nearly"    // nearly, almost, close to, just under: up to 10% below, not above
	HedgeOver   Hedge = "more than" // more than, over, at least, upwards of, 300-plus: no upper bound
	HedgeUnder  Hedge = "less than" // less than, under, fewer than, up to, as many as: no lower bound
)

// hedgeWidth is the relative width of the about and nearly hedges.
const hedgeWidth = 0.10

// Open is the value of an open side of an Interval ("more than 300" has
// no upper bound). It is finite so that a Quantity always encodes as JSON.
const Open = math.MaxFloat64

// Interval is the closed range of values [Lo, Hi]; an open side is ±Open.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Contains reports whether v lies in the interval.
func (iv Interval) Contains(v float64) bool { return iv.Lo <= v && v <= iv.Hi }

// Quantity is a number found in a text, normalised: its kind, its unit,
// its value, and the interval of values the text asserts.
type Quantity struct {
	// Span is where the quantity is written, in bytes of the text given to
	// Quantities: the hedge, currency, figure, scale and unit, as in
	// "nearly $3.2bn" or "between 300 and 400 km".
	Span sources.Span `json:"span"`
	// Text is the text of Span.
	Text string `json:"text"`
	// Kind says what the quantity measures.
	Kind Kind `json:"kind"`
	// Unit is the unit of Value and of the intervals: "%" or "pp" for a
	// percentage, the currency for money, the base unit for a measure
	// ("m" for "5 miles"), empty otherwise.
	Unit string `json:"unit,omitempty"`
	// Value is the figure in Unit (the midpoint for a range, the lower end
	// for a vague amount such as "thousands"; days since 1970-01-01 for a
	// date). It is always finite.
	Value float64 `json:"value"`
	// Range is what the figure as written stands for: "1.2 million" stands
	// for [1,150,000, 1,250,000] (half a unit of its last digit either
	// side), a round "300" for [285, 315] (it may have been rounded: half
	// its last digit's place, at most 5%), "between 300 and 400" for [285,
	// 420], "the 1990s" for [1990, 1999], "thousands" for [2,000, 9,999].
	Range Interval `json:"range"`
	// Bounds is Range widened by Hedge: what the text asserts. "More than
	// 300" asserts [285, Open]. Hedges do not widen years, decades and
	// dates.
	Bounds Interval `json:"bounds"`
	// Hedge is how the text qualifies the figure.
	Hedge Hedge `json:"hedge,omitempty"`
	// Noun is the word that follows a count ("people" in "300 people"), as
	// written.
	Noun string `json:"noun,omitempty"`
	// ranged is true for a range written as one ("25 to 54", "10-15%").
	ranged bool
}

// Matches reports whether other, a quantity of a source, backs q, a
// quantity of a claim: they are of compatible kinds and units (after
// conversion to base units), and either the values q asserts (its Bounds,
// hedge included) contain other's value, or the values other's figure
// stands for (its Range, rounding and range included, hedge not) contain
// q's value: "nearly 70%" is backed by 68.4%, "68%" by "nearly 70%" (which
// stands for 66.5–73.5), "more than 300" by 312, "1.23 million" by "1.2
// million", but "$3bn" is not backed by "more than $1bn".
//
// Years, decades and dates compare as spans of days: one backs the other
// when either span holds the other ("2019" and "3 March 2019", "the 1990s"
// and "1994").
//
// Kinds: a year never matches a count or a bare number, whatever their
// values (2019 people is not the year 2019); a percentage never matches a
// count, money or a measure (40% is not 40 people); money matches money in
// the same currency (a bare "$" matches any dollar, "¥" the yen and the
// yuan); a measure matches a measure of the same dimension ("5 miles" and
// "8 km"); percentage points never match percentages. A bare number, of
// which the text says nothing, may match a count, a percentage, money or a
// measure with the same value: a source's table that says "40" backs the
// claim's "40%". Matches is lenient on purpose: a claim's number is only
// reported as unsupported when nothing in the source could back it.
func (q Quantity) Matches(other Quantity) bool {
	if !compatible(q, other) {
		return false
	}
	if q.temporal() {
		if q.Unit == PartialDate || other.Unit == PartialDate {
			return samePartial(q, other)
		}
		a, b := q.days(), other.days()
		return (a.Lo <= b.Lo && b.Hi <= a.Hi) || (b.Lo <= a.Lo && a.Hi <= b.Hi)
	}
	return q.Bounds.Contains(other.Value) || other.Range.Contains(q.Value)
}

// spans reports whether q, a figure of a source that Matches the claim's
// c, holds it only by spanning far more than c: a period of more than
// twenty times c's and over twenty years ("1882–2001" for "1917", not
// "the 1990s" for "1994"), or a range wider than c's value ("between 1
// and 100" for "50"). Such a figure does not back c.
func (q Quantity) spans(c Quantity) bool {
	if q.temporal() {
		a, b := q.days(), c.days()
		return a.Hi-a.Lo > max(20*(b.Hi-b.Lo), 20*366)
	}
	return q.ranged && q.Range.Hi-q.Range.Lo > math.Abs(c.Value)
}

// spread reports a bare number written as a range ("25 to 54", "between
// 300 and 400").
func (q Quantity) spread() bool { return q.Kind == KindNumber && q.ranged }

func (q Quantity) temporal() bool {
	return q.Kind == KindYear || q.Kind == KindDecade || q.Kind == KindDate
}

// days returns the span of days a temporal quantity covers.
func (q Quantity) days() Interval {
	if q.Kind == KindDate {
		return q.Range
	}
	return Interval{dayNumber(int(q.Range.Lo), 1, 1), dayNumber(int(q.Range.Hi)+1, 1, 1) - 1}
}

// dayNumber returns the days from 1970-01-01 to the given date. A month
// or day out of range counts on into the next, as time.Date normalises it.
func dayNumber(year, month, day int) float64 {
	if year < -1e6 || year > 1e6 || month < 1 || month > 13 || day < -1e6 || day > 1e6 {
		return float64(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	if month == 13 {
		year, month = year+1, 1
	}
	// Days from the civil date (H. Hinnant's algorithm), in the Gregorian
	// calendar as time.Date counts them, in 400-year eras from 1 March 0.
	y := year
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (month + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return float64(era*146097 + doe - 719468)
}

func compatible(a, b Quantity) bool {
	if a.temporal() || b.temporal() {
		return a.temporal() && b.temporal()
	}
	if a.Kind == KindNumber || b.Kind == KindNumber {
		// a bare number stands for anything, but not a bare range: "aged
		// 25 to 54" says nothing of a "40%" inside it
		return a.Kind == b.Kind || !a.spread() && !b.spread()
	}
	switch a.Kind {
	case KindCount:
		return b.Kind == KindCount
	case KindPercent, KindMeasure:
		return b.Kind == a.Kind && b.Unit == a.Unit
	case KindCurrency:
		return b.Kind == KindCurrency && sameCurrency(a.Unit, b.Unit)
	}
	return false
}

// sameCurrency reports whether two currency units may name the same money:
// equal codes, or a bare symbol and a currency written with it.
func sameCurrency(a, b string) bool {
	if a == b {
		return true
	}
	if a == "$" || a == "¥" {
		a, b = b, a
	}
	switch b {
	case "$":
		switch a {
		case "USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "MXN":
			return true
		}
	case "¥":
		return a == "JPY" || a == "CNY"
	}
	return false
}

// samePartial compares two dates at least one of which has no year: by
// their days in the year 2000 when the other is a day or a month.
func samePartial(a, b Quantity) bool {
	a2, okA := inPartialYear(a)
	b2, okB := inPartialYear(b)
	return okA && okB && ((a2.Lo <= b2.Lo && b2.Hi <= a2.Hi) || (b2.Lo <= a2.Lo && a2.Hi <= b2.Hi))
}

// inPartialYear returns the days of a date in the year 2000: a date without
// its year as it is, a day or month of another year moved there.
func inPartialYear(q Quantity) (Interval, bool) {
	if q.Kind != KindDate {
		return Interval{}, false
	}
	if q.Unit == PartialDate {
		return q.Range, true
	}
	if q.Range.Hi-q.Range.Lo > 31 {
		return Interval{}, false
	}
	move := func(day float64) float64 {
		d := time.Unix(int64(day)*86400, 0).UTC()
		return dayNumber(2000, int(d.Month()), d.Day())
	}
	return Interval{move(q.Range.Lo), move(q.Range.Hi)}, true
}
