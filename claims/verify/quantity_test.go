package verify

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantQ is what a test expects of a quantity; a zero Lo and Hi leave the
// range unchecked.
type wantQ struct {
	text   string
	kind   Kind
	unit   string
	value  float64
	lo, hi float64
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantQ
	}{
		{"percent sign", "rose 40%", []wantQ{{"40%", KindPercent, "%", 40, 38, 42}}},
		{"per cent", "rose 40 per cent", []wantQ{{"40 per cent", KindPercent, "%", 40, 38, 42}}},
		{"percent word", "rose 40 percent", []wantQ{{"40 percent", KindPercent, "%", 40, 38, 42}}},
		{"written percent", "forty per cent", []wantQ{{"forty per cent", KindPercent, "%", 40, 38, 42}}},
		{"decimal percent", "68.4% of them", []wantQ{{"68.4%", KindPercent, "%", 68.4, 68.35, 68.45}}},
		{"percentage points", "3 percentage points", []wantQ{{"3 percentage points", KindPercent, "pp", 3, 2.5, 3.5}}},
		{"scale word", "1.2 million people", []wantQ{{"1.2 million", KindCount, "", 1.2e6, 1.15e6, 1.25e6}}},
		{"digits", "1,200,000 people", []wantQ{{"1,200,000", KindCount, "", 1.2e6, 1.15e6, 1.25e6}}},
		{"dollars bn", "cost $3bn", []wantQ{{"$3bn", KindCurrency, "$", 3e9, 2.5e9, 3.5e9}}},
		{"pounds m", "a £4.5m deal", []wantQ{{"£4.5m", KindCurrency, "GBP", 4.5e6, 4.45e6, 4.55e6}}},
		{"euro trillion", "€2.3 trillion", []wantQ{{"€2.3 trillion", KindCurrency, "EUR", 2.3e12, 2.25e12, 2.35e12}}},
		{"US dollar", "US$1.2 million", []wantQ{{"US$1.2 million", KindCurrency, "USD", 1.2e6, 1.15e6, 1.25e6}}},
		{"code after", "3 million EUR", []wantQ{{"3 million EUR", KindCurrency, "EUR", 3e6, 2.5e6, 3.5e6}}},
		{"m without money is metres", "a 3m wall", []wantQ{{"3m", KindMeasure, "m", 3, 2.5, 3.5}}},
		{"m of a count is millions", "48m passengers", []wantQ{{"48m", KindCount, "", 48e6, 47.5e6, 48.5e6}}},
		{"m of tonnes is millions", "2.5m tonnes", []wantQ{{"2.5m tonnes", KindMeasure, "kg", 2.5e9, 2.45e9, 2.55e9}}},
		{"code before", "USD 300", []wantQ{{"USD 300", KindCurrency, "USD", 300, 285, 315}}},
		{"currency word", "1,200,000 dollars", []wantQ{{"1,200,000 dollars", KindCurrency, "$", 1.2e6, 1.15e6, 1.25e6}}},
		{"cents", "50 cents", []wantQ{{"50 cents", KindCurrency, "$", 0.5, 0, 0}}},
		{"two-thirds", "two-thirds of voters", []wantQ{{"two-thirds", KindPercent, "%", 200.0 / 3, 63.33, 70}}},
		{"a fifth", "a fifth of homes", []wantQ{{"a fifth", KindPercent, "%", 20, 19, 21}}},
		{"half of", "half of the staff", []wantQ{{"half", KindPercent, "%", 50, 47.5, 52.5}}},
		{"a quarter", "a quarter of firms", []wantQ{{"a quarter", KindPercent, "%", 25, 23.75, 26.25}}},
		{"cut by a third", "repairs were cut by a third.", []wantQ{{"a third", KindPercent, "%", 100.0 / 3, 31.67, 35}}},
		{"by half", "funding rose by half, officials said", []wantQ{{"half", KindPercent, "%", 50, 47.5, 52.5}}},
		{"a third alone", "a third time", nil},
		{"one in five", "one in five adults", []wantQ{{"one in five", KindPercent, "%", 20, 19, 21}}},
		{"1 in 5", "1 in 5 adults", []wantQ{{"1 in 5", KindPercent, "%", 20, 19, 21}}},
		{"nine out of 10", "nine out of 10 infections", []wantQ{{"nine out of 10", KindPercent, "%", 90, 85.5, 94.5}}},
		{"odds are no share", "one in five million", []wantQ{{"five million", KindCount, "", 5e6, 4.5e6, 5.5e6}}},
		{"odds in digits are no share", "1 in 5 million", []wantQ{{"1", KindNumber, "", 1, 0.5, 1.5}, {"5 million", KindNumber, "", 5e6, 4.5e6, 5.5e6}}},
		{"a year is no whole", "sales fell by one in 2020", []wantQ{{"2020", KindYear, "", 2020, 2020, 2020}}},
		{"a name's number is no share", "COVID-19 in 391 cases", []wantQ{{"391", KindCount, "", 391, 390.5, 391.5}}},
		{"two counts", "58 out of 591 swabs", []wantQ{{"58", KindNumber, "", 58, 57.5, 58.5}, {"591", KindCount, "", 591, 590.5, 591.5}}},
		{"half alone", "half the time, half measures", []wantQ{{"half", KindPercent, "%", 50, 47.5, 52.5}}},
		{"three quarters", "three quarters of them", []wantQ{{"three quarters", KindPercent, "%", 75, 0, 0}}},
		{"three", "three schools", []wantQ{{"three", KindCount, "", 3, 2.5, 3.5}}},
		{"twenty-five", "twenty-five cars", []wantQ{{"twenty-five", KindCount, "", 25, 24.5, 25.5}}},
		{"two hundred and fifty", "two hundred and fifty jobs", []wantQ{{"two hundred and fifty", KindCount, "", 250, 0, 0}}},
		{"a dozen", "a dozen eggs", []wantQ{{"a dozen", KindCount, "", 12, 11.5, 12.5}}},
		{"two million", "two million tonnes", []wantQ{{"two million tonnes", KindMeasure, "kg", 2e9, 1.5e9, 2.5e9}}},
		{"a million", "a million people", []wantQ{{"a million", KindCount, "", 1e6, 0.5e6, 1.5e6}}},
		{"half a million", "half a million people", []wantQ{{"half a million", KindCount, "", 5e5, 4.75e5, 5.25e5}}},
		{"thousands", "thousands of people", []wantQ{{"thousands", KindCount, "", 2000, 2000, 9999}}},
		{"tens of thousands", "tens of thousands marched", []wantQ{{"tens of thousands", KindCount, "", 2e4, 2e4, 99999}}},
		{"a few hundred", "a few hundred people", []wantQ{{"a few hundred", KindCount, "", 200, 200, 999}}},
		{"year range", "in 2018–19", []wantQ{{"2018–19", KindYear, "", 2018.5, 2018, 2019}}},
		{"year range full", "from 2018-2020", []wantQ{{"2018-2020", KindYear, "", 2019, 2018, 2020}}},
		{"percent range", "10-15% of people", []wantQ{{"10-15%", KindPercent, "%", 12.5, 9.5, 15.5}}},
		{"between", "between 300 and 400 residents", []wantQ{{"between 300 and 400", KindCount, "", 350, 285, 420}}},
		{"to million", "3 to 4 million", []wantQ{{"3 to 4 million", KindNumber, "", 3.5e6, 2.5e6, 4.5e6}}},
		{"from to is two values", "from 300 to 400", []wantQ{{"300", KindNumber, "", 300, 0, 0}, {"400", KindNumber, "", 400, 0, 0}}},
		{"decade", "in the 1990s", []wantQ{{"1990s", KindDecade, "", 1990, 1990, 1999}}},
		{"elided decade", "the '80s", []wantQ{{"'80s", KindDecade, "", 1980, 1980, 1989}}},
		{"curly elided decade", "the ’00s", []wantQ{{"’00s", KindDecade, "", 2000, 2000, 2009}}},
		{"decade no apostrophe", "the 80s", []wantQ{{"80s", KindDecade, "", 1980, 1980, 1989}}},
		{"age is no decade", "in their 80s", nil},
		{"mid decade", "the mid-1990s", []wantQ{{"1990s", KindDecade, "", 1990, 1990, 1999}}},
		{"year", "in 2019 the council", []wantQ{{"2019", KindYear, "", 2019, 2019, 2019}}},
		{"year before a noun", "the 2019 election", []wantQ{{"2019", KindYear, "", 2019, 2019, 2019}}},
		{"count not year", "2019 people", []wantQ{{"2019", KindCount, "", 2019, 2018.5, 2019.5}}},
		{"count with separator", "2,019 people", []wantQ{{"2,019", KindCount, "", 2019, 2018.5, 2019.5}}},
		{"date day month year", "on 3 March 2019", []wantQ{{"3 March 2019", KindDate, "", dayNumber(2019, 3, 3), 0, 0}}},
		{"date month day year", "on March 3, 2019", []wantQ{{"March 3, 2019", KindDate, "", dayNumber(2019, 3, 3), 0, 0}}},
		{"date iso", "on 2019-03-03", []wantQ{{"2019-03-03", KindDate, "", dayNumber(2019, 3, 3), 0, 0}}},
		{"month year", "in March 2019", []wantQ{{"March 2019", KindDate, "", (dayNumber(2019, 3, 1) + dayNumber(2019, 3, 31)) / 2, dayNumber(2019, 3, 1), dayNumber(2019, 3, 31)}}},
		{"no year", "on April 9th", []wantQ{{"April 9th", KindDate, PartialDate, dayNumber(2000, 4, 9), 0, 0}}},
		{"km", "5 km", []wantQ{{"5 km", KindMeasure, "m", 5000, 4500, 5500}}},
		{"miles", "5 miles", []wantQ{{"5 miles", KindMeasure, "m", 8046.72, 7242.048, 8851.392}}},
		{"kg attached", "40kg", []wantQ{{"40kg", KindMeasure, "kg", 40, 38, 42}}},
		{"tonnes", "3 tonnes", []wantQ{{"3 tonnes", KindMeasure, "kg", 3000, 2500, 3500}}},
		{"celsius", "-5°C", []wantQ{{"-5°C", KindMeasure, "°C", -5, -5.5, -4.5}}},
		{"fahrenheit", "23 °F", []wantQ{{"23 °F", KindMeasure, "°C", -5, 0, 0}}},
		{"attached C", "highs of 30C", []wantQ{{"30C", KindMeasure, "°C", 30, 28.5, 31.5}}},
		{"square miles", "12 square miles", []wantQ{{"12 square miles", KindMeasure, "m²", 12 * 2589988.110336, 0, 0}}},
		{"plus", "300-plus jobs", []wantQ{{"300-plus", KindCount, "", 300, 285, 315}}},
		{"ordinal", "the 21st century", nil},
		{"identifier", "COVID-19 and A320 and 5G", nil},
		{"unicode hyphen identifier", "COVID‑19", nil},
		{"time", "at 10:30", nil},
		{"version", "version 1.2.3", nil},
		{"slashes", "24/7 and 04/03/2019", nil},
		{"one of", "one of the best", nil},
		{"a word", "a third party", nil},
		{"score", "won 3-2", nil},
		{"day month no year kept", "on 3 March", []wantQ{{"3 March", KindDate, PartialDate, dayNumber(2000, 3, 3), 0, 0}}},
		{"month as verb", "March on", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quantities(tt.in)
			require.Len(t, got, len(tt.want), "%+v", got)
			for i, w := range tt.want {
				q := got[i]
				assert.Equal(t, w.text, q.Text)
				assert.Equal(t, w.text, tt.in[q.Span.Start:q.Span.End])
				assert.Equal(t, w.kind, q.Kind)
				assert.Equal(t, w.unit, q.Unit)
				assert.InDelta(t, w.value, q.Value, 1e-6*max(1, abs(w.value)))
				if w.lo != 0 || w.hi != 0 {
					assert.InDelta(t, w.lo, q.Range.Lo, 0.01*max(1, abs(w.lo)), "range lo")
					assert.InDelta(t, w.hi, q.Range.Hi, 0.01*max(1, abs(w.hi)), "range hi")
				}
			}
		})
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestHedges(t *testing.T) {
	tests := []struct {
		in     string
		hedge  Hedge
		text   string
		lo, hi float64
	}{
		{"nearly 70% of firms", HedgeNearly, "nearly 70%", 63, 70},
		{"almost 300 people", HedgeNearly, "almost 300", 270, 300},
		{"about 5,000 people", HedgeAbout, "about 5,000", 4500, 5500},
		{"roughly 20C", HedgeAbout, "roughly 20C", 18, 22},
		{"around 1.2 million", HedgeAbout, "around 1.2 million", 1.08e6, 1.32e6},
		{"some 300 people", HedgeAbout, "some 300", 270, 330},
		{"c. 1,500 people", HedgeAbout, "c. 1,500", 1350, 1650},
		{"more than 300 people", HedgeOver, "more than 300", 285, Open},
		{"over 5,000 jobs", HedgeOver, "over 5,000", 4750, Open},
		{"at least 12 people", HedgeOver, "at least 12", 11.5, Open},
		{"no fewer than 12 people", HedgeOver, "no fewer than 12", 11.5, Open},
		{"5,000+ jobs", HedgeOver, "5,000+", 4750, Open},
		{"up to 40kg", HedgeUnder, "up to 40kg", -Open, 42},
		{"under 10%", HedgeUnder, "under 10%", 0, 10.5},
		{"fewer than 200 jobs", HedgeUnder, "fewer than 200", 0, 210},
		{"as many as 300 people", HedgeUnder, "as many as 300", 0, 315},
		{"It was over. 300 people came", HedgeNone, "300", 285, 315},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Quantities(tt.in)
			require.Len(t, got, 1)
			assert.Equal(t, tt.hedge, got[0].Hedge)
			assert.Equal(t, tt.text, got[0].Text)
			assert.InDelta(t, tt.lo, got[0].Bounds.Lo, 0.01*max(1, abs(tt.lo)))
			assert.InDelta(t, tt.hi, got[0].Bounds.Hi, 0.01*max(1, abs(tt.hi)))
		})
	}
}

func TestMatches(t *testing.T) {
	tests := []struct {
		name          string
		claim, source string
		want          bool
	}{
		{"per cent forms", "40 per cent", "40%", true},
		{"written percent", "forty per cent", "40 percent", true},
		{"different percent", "40%", "14%", false},
		{"nearly", "nearly 70%", "68.4%", true},
		{"nearly is below", "nearly 70%", "71.2%", false},
		{"source nearly", "68%", "nearly 70%", true},
		{"more than", "more than 300 people", "312 people", true},
		{"more than is not less", "more than 300 people", "250 people", false},
		{"hedged source does not back more", "$3bn", "more than $1bn", false},
		{"rounding", "1.2 million", "1,234,567", true},
		{"rounding other way", "1.23 million", "1.2 million", true},
		{"rounding too far", "1.2 million", "1.3 million", false},
		{"scale words", "$3bn", "$3 billion", true},
		{"m of passengers", "48m passengers", "48 million passengers", true},
		{"pounds", "£4.5m", "£4,500,000", true},
		{"dollar kinds", "US$1.2 million", "$1.2m", true},
		{"currencies differ", "£4.5m", "€4.5m", false},
		{"two-thirds", "two-thirds of voters", "67% of voters", true},
		{"a fifth", "a fifth of them", "20.4%", true},
		{"half", "half of the staff", "48%", true},
		{"one in five", "one in five adults", "20% of adults", true},
		{"1 in 4", "1 in 4 adults", "a quarter of adults", true},
		{"one in three is not one in five", "one in three adults", "20% of adults", false},
		{"fraction too far", "half of the staff", "40%", false},
		{"a change as a share", "cut by a third", "cut by 33%", true},
		{"another share", "cut by a third", "cut by 8%", false},
		{"count words", "a dozen", "12", true},
		{"twenty-five", "twenty-five", "25", true},
		{"range contains", "between 300 and 400", "350", true},
		{"a bare range says nothing of a percentage", "fell to 40%", "women aged 25 to 54", false},
		{"nor of a count", "40 people", "between 25 and 54", false},
		{"a bare figure may be a percentage", "40%", "rose to 40 in March", true},
		{"bare ranges compare", "between 30 and 50", "40", true},
		{"inside range", "12%", "10-15%", true},
		{"year range", "2019", "2018–19", true},
		{"decade contains year", "the 1990s", "1994", true},
		{"year in decade", "1994", "the 1990s", true},
		{"decade apostrophe", "the '80s", "the 1980s", true},
		{"date in year", "2019", "3 March 2019", true},
		{"date forms", "3 March 2019", "March 3, 2019", true},
		{"iso date", "3 March 2019", "2019-03-03", true},
		{"dates differ", "3 March 2019", "4 March 2019", false},
		{"partial date", "April 9, 2011", "on April 9th", true},
		{"partial month", "June 2019", "in June", true},
		{"partial date differs", "April 9, 2011", "on April 10th", false},
		{"conversion", "5 miles", "8 km", true},
		{"temperature", "-5°C", "23°F", true},
		{"mass", "2 tonnes", "2,000kg", true},
		{"dimensions differ", "5 km", "5 kg", false},
		{"year is not a count", "in 2019", "2019 people", false},
		{"count is not a year", "2019 people", "in 2019", false},
		{"percent is not a count", "40%", "40 people", false},
		{"count is not a percent", "40 people", "40%", false},
		{"bare number backs a percent", "40%", "rose to 40", true},
		{"bare number backs money", "$3bn", "3 billion", true},
		{"points are not percent", "3 percentage points", "3%", false},
		{"vague", "thousands of people", "4,500 people", true},
		{"vague too few", "thousands of people", "500 people", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s := Quantities(tt.claim), Quantities(tt.source)
			require.Len(t, c, 1, "claim %q: %+v", tt.claim, c)
			require.Len(t, s, 1, "source %q: %+v", tt.source, s)
			assert.Equal(t, tt.want, c[0].Matches(s[0]))
		})
	}
}

// TestDayNumberMatchesTime compares dayNumber and validDate with the time
// package over years, months (one past December) and days (past the end
// of a month).
func TestDayNumberMatchesTime(t *testing.T) {
	for y := -1200; y <= 10000; y += 7 {
		for _, y := range []int{y, y - y%400, y - y%100, y - y%4} {
			for m := 1; m <= 13; m++ {
				for d := -1; d <= 33; d++ {
					tm := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
					require.Equal(t, float64(tm.Unix()/86400), dayNumber(y, m, d), "%d-%d-%d", y, m, d)
					want := m <= 12 && d >= 1 && tm.Day() == d
					require.Equal(t, want, validDate(y, m, d), "%d-%d-%d", y, m, d)
				}
			}
		}
	}
}

// TestQuantityTableWordsFitKeys checks that the words the quantity table
// finds by key fit in a letterKey: a longer word would share the key of
// every word with the same first letters.
func TestQuantityTableWordsFitKeys(t *testing.T) {
	var words []string
	for _, m := range []map[string]bool{yearWords, notNouns, countNouns} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range scales {
		words = append(words, w)
	}
	for w := range fractions {
		words = append(words, w)
	}
	words = append(words, "a", "an", "dozen", "few", "hundred")
	for _, w := range words {
		assert.LessOrEqual(t, len(w), maxKeyLetters, w)
		end, _ := letterRun(w, 0)
		assert.Equal(t, len(w), end, "%q is not all letters", w)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		source, claim string
		want          bool
	}{
		{"1882–2001", "in 1917", true},
		{"in the 1990s", "in 1994", false},
		{"2018–19", "in 2018", false},
		{"between 1 and 100 people", "50 people", true},
		{"between 400 and 600 breaks", "about 500 breaks", false},
		{"in 1917", "in 1917", false},
	}
	for _, tt := range tests {
		s, c := Quantities(tt.source), Quantities(tt.claim)
		require.Len(t, s, 1, tt.source)
		require.Len(t, c, 1, tt.claim)
		require.True(t, c[0].Matches(s[0]), "%q backs %q", tt.source, tt.claim)
		assert.Equal(t, tt.want, s[0].spans(c[0]), "%q spans %q", tt.source, tt.claim)
	}
}

func TestIntlDates(t *testing.T) {
	day := func(y, m, d int) Interval { v := dayNumber(y, m, d); return Interval{v, v} }
	month := func(y, m int) Interval { return Interval{dayNumber(y, m, 1), dayNumber(y, m+1, 1) - 1} }
	tests := []struct {
		text, want string
		days       Interval
	}{
		{"le 3 mars 2019 à Paris", "3 mars 2019", day(2019, 3, 3)},
		{"le 1er mai 2020", "1er mai 2020", day(2020, 5, 1)},
		{"el 12 de octubre de 2020", "12 de octubre de 2020", day(2020, 10, 12)},
		{"am 3. März 2019", "3. März 2019", day(2019, 3, 3)},
		{"il 3 marzo 2019", "3 marzo 2019", day(2019, 3, 3)},
		{"en noviembre de 1998", "noviembre de 1998", month(1998, 11)},
		{"em novembro de 1998", "novembro de 1998", month(1998, 11)},
		{"en février 2021", "février 2021", month(2021, 2)},
		{"seit Oktober 2019", "Oktober 2019", month(2019, 10)},
		{"mayo del 2020", "mayo del 2020", month(2020, 5)},
	}
	for _, tt := range tests {
		qs := Quantities(tt.text)
		require.Len(t, qs, 1, tt.text)
		assert.Equal(t, tt.want, qs[0].Text, tt.text)
		assert.Equal(t, KindDate, qs[0].Kind, tt.text)
		assert.Equal(t, tt.days, qs[0].Range, tt.text)
	}
	// a word that is not a month, or an English one's namesake, stays a year
	for _, text := range []string{"3 people in 2019", "the Mars 2020 rover", "Mayo 2019 guidance"} {
		for _, q := range Quantities(text) {
			assert.NotEqual(t, KindDate, q.Kind, "%s: %q", text, q.Text)
		}
	}
}

// TestIntlMonthStart checks that intlMonthStart lets through the first two
// bytes of every name of intlMonths.
func TestIntlMonthStart(t *testing.T) {
	for name := range intlMonths {
		assert.True(t, intlMonthStart(name[0], name[1]), name)
		assert.True(t, intlMonthStart(name[0]-('a'-'A'), name[1]), name)
	}
	assert.False(t, intlMonthStart('p', 'e'))
	assert.False(t, intlMonthStart('m', 'i'))
}

func TestIntlScalesAndPercents(t *testing.T) {
	tests := []struct {
		text, want string
		kind       Kind
		value      float64
	}{
		{"10 millones de personas", "10 millones", KindCount, 1e7},
		{"2 milliards", "2 milliards", KindNumber, 2e9},
		{"10 millions d'habitants", "10 millions", KindNumber, 1e7},
		{"3 Millionen Euro", "3 Millionen Euro", KindCurrency, 3e6},
		{"40 pour cent", "40 pour cent", KindPercent, 40},
		{"40 por ciento", "40 por ciento", KindPercent, 40},
		{"40 por cento", "40 por cento", KindPercent, 40},
		{"40 per cento", "40 per cento", KindPercent, 40},
		{"40 Prozent", "40 Prozent", KindPercent, 40},
		{"10 millones de dólares", "10 millones de dólares", KindCurrency, 1e7},
		{"500 millions d’euros", "500 millions d’euros", KindCurrency, 5e8},
		{"1 milhão de reais", "1 milhão de reais", KindCurrency, 1e6},
		{"3 milhões de pessoas", "3 milhões", KindCount, 3e6},
		{"1 millón de personas", "1 millón", KindCount, 1e6},
		{"40 de ellos", "40", KindCount, 40},
	}
	for _, tt := range tests {
		qs := Quantities(tt.text)
		require.Len(t, qs, 1, tt.text)
		assert.Equal(t, tt.want, qs[0].Text, tt.text)
		assert.Equal(t, tt.kind, qs[0].Kind, tt.text)
		assert.InDelta(t, tt.value, qs[0].Value, 1e-6*tt.value, tt.text)
	}
	// in English "millions" alone stays a vague amount
	qs := Quantities("millions of people")
	require.Len(t, qs, 1)
	assert.Equal(t, KindCount, qs[0].Kind)
	assert.NotEqual(t, 1e6, qs[0].Value)
}

func TestNumberStyle(t *testing.T) {
	tests := []struct {
		text string
		want numberStyle
	}{
		{"It rose 2.5% to 1,500,000 people.", styleEnglish},
		{"Le chômage a baissé de 0,3 point, à 7,1 %.", styleComma},
		{"1.500.000 personas y 40.000 vidas", styleComma},
		{"1.234,5 millones", styleComma},
		{"40.000 vidas", styleUndecided}, // either style reads it
		{"1,500 people", styleUndecided},
		{"see [1,2] and [3,4]", styleUndecided}, // a list of notes
		{"version 2.5 of the A1.2 standard", styleEnglish},
		{"no figures at all", styleUndecided},
	}
	for _, tt := range tests {
		_, got := scanQuantities(nil, tt.text, styleUndecided)
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestQuantitiesWithADecimalComma(t *testing.T) {
	tests := []struct {
		text, want string
		kind       Kind
		value      float64
	}{
		{"un 2,5 % más, y 1.500.000 personas", "2,5 %", KindPercent, 2.5},
		{"un 2,5 % más, y 1.500.000 personas", "1.500.000", KindCount, 1.5e6},
		{"2,5 milliards d'euros, 7,1 %", "2,5 milliards d'euros", KindCurrency, 2.5e9},
		{"3,2 Millionen Euro, 1,5 Prozent", "3,2 Millionen Euro", KindCurrency, 3.2e6},
	}
	for _, tt := range tests {
		var got *Quantity
		qs := Quantities(tt.text)
		for i := range qs {
			if qs[i].Text == tt.want {
				got = &qs[i]
			}
		}
		require.NotNil(t, got, "%s: %v", tt.text, qs)
		assert.Equal(t, tt.kind, got.Kind, tt.text)
		assert.InDelta(t, tt.value, got.Value, 1e-9*tt.value, tt.text)
	}
}
