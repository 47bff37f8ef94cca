package verify

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRatioClaims(t *testing.T) {
	tests := []struct {
		claim  string
		want   string // the text of the multiple, or "" for none
		lo, hi float64
	}{
		{"Ridership doubled in four years.", "doubled", 2 / ratioTolerance, 2 * ratioTolerance},
		{"Costs more than tripled after 2010.", "tripled", 2.85, Open},
		{"The deficit nearly halved.", "nearly halved", 0.375, 0.51},
		{"Clinics see four times as many patients.", "four times", 4 / ratioTolerance, 4 * ratioTolerance},
		{"Prices are 3 times higher than in 2019.", "3 times", 3 / ratioTolerance, 3 * ratioTolerance},
		{"Women were twice as likely to quit.", "twice", 2 / ratioTolerance, 2 * ratioTolerance},
		{"The plan aims to double the fleet by 2030.", "double", 2 / ratioTolerance, 2 * ratioTolerance},
		{"A tenfold rise in cases was recorded.", "tenfold", 10 / ratioTolerance, 10 * ratioTolerance},
		{"Clinics see nearly four times as many patients.", "nearly four times", 3, 4.08},
		{"Rents are three times more than in 2010.", "three times", 3 / ratioTolerance, 4 * ratioTolerance},
		{"Police are investigating a double murder.", "", 0, 0},
		{"She won it twice in 2019.", "", 0, 0},
		{"Ridership in 2023 was more than twice its 2019 level.", "twice", 1.9, Open},
		{"The new hall is twice the size of the old one.", "twice", 2 / ratioTolerance, 2 * ratioTolerance},
		{"The board meets twice a year.", "", 0, 0},
		{"He was arrested three times.", "", 0, 0},
		{"He did it many times more.", "", 0, 0},
	}
	for _, tt := range tests {
		got := ratioClaims(tt.claim)
		if tt.want == "" {
			assert.Empty(t, got, "%q", tt.claim)
			continue
		}
		if assert.Len(t, got, 1, "%q", tt.claim) {
			assert.Equal(t, tt.want, tt.claim[got[0].span.Start:got[0].span.End], "%q", tt.claim)
			assert.InDelta(t, tt.lo, got[0].bounds.Lo, 1e-9, "%q", tt.claim)
			if tt.hi == Open {
				assert.Equal(t, Open, got[0].bounds.Hi, "%q", tt.claim)
			} else {
				assert.InDelta(t, tt.hi, got[0].bounds.Hi, 1e-9, "%q", tt.claim)
			}
		}
	}
}

func TestSourceChanges(t *testing.T) {
	tests := []struct {
		source string
		want   []string // the changes' texts
		ratios []float64
	}{
		{"Ridership rose from 1.2 million in 2019 to 2.5 million in 2023.", []string{"1.2 million in 2019 to 2.5 million"}, []float64{2.5 / 1.2}},
		{"Exports reached $4bn in 2023, up from $3.2bn a year earlier.", []string{"$4bn in 2023, up from $3.2bn"}, []float64{4 / 3.2}},
		{"Road deaths went from 50 in 2018 to 40 in 2022.", []string{"50 in 2018 to 40"}, []float64{0.8}},
		{"The staff has grown steadily from 12 to 30.", []string{"12 to 30"}, []float64{2.5}},
		{"Exports reached 1.5 million cases in 2023, up from 1.2 million.", []string{"1.5 million cases in 2023, up from 1.2 million"}, []float64{1.25}},
		{"Exports reached $4bn in 2023, compared with $3.2bn a year earlier.", []string{"$4bn in 2023, compared with $3.2bn"}, []float64{4 / 3.2}},
		{"The port handled 1.5 million containers, against 1.2 million in 2022.", []string{"1.5 million containers, against 1.2 million"}, []float64{1.25}},
		{"Turnout was 64% versus 58% the previous year.", []string{"64% versus 58%"}, []float64{64.0 / 58}},
		{"Of the women, 40% voted, compared with 30% of the men.", nil, nil},
		{"The motion passed by 52 votes against 48.", nil, nil},
		{"Volunteers aged from 30 to 70 took part.", nil, nil},
		{"Tickets cost from $45 to $85.", nil, nil},
		{"Sales rose from 0 to 5 units.", nil, nil},
		{"Rates fell from 11.8% to $10.", nil, nil},
		// a multiple is a change too, with the ratios it asserts (the
		// lower end here)
		{"By 2023 ridership was more than twice its 2019 level.", []string{"twice"}, []float64{1.9}},
		{"Visits to the clinic doubled in 2023, to 1,500.", []string{"doubled"}, []float64{2 / ratioTolerance}},
	}
	for _, tt := range tests {
		a := analyse(Claim{Text: "x"}, Source{Text: tt.source})
		var got []string
		var ratios []float64
		for _, ch := range a.sourceChanges(0, len(a.sents)-1) {
			got = append(got, tt.source[ch.span.Start:ch.span.End])
			ratios = append(ratios, ch.bounds.Lo)
		}
		assert.Equal(t, tt.want, got, "%q", tt.source)
		assert.InDeltaSlice(t, tt.ratios, ratios, 1e-9, "%q", tt.source)
	}
}

func TestPercentChange(t *testing.T) {
	tests := []struct {
		claim string
		want  int
	}{
		{"Exports rose 25% in 2023.", 1},
		{"Road deaths fell by 20% in four years.", -1},
		{"Sales were up 12 per cent.", 1},
		{"The council approved a 5% increase in fares.", 1},
		{"A 10% drop in visitors hit the town.", -1},
		{"Some 40% of voters backed it.", 0},
		{"Turnout rose to 40% of voters.", 0},
		{"Turnout was 40% in 2020.", 0},
	}
	for _, tt := range tests {
		qs := Quantities(tt.claim)
		dir := 0
		for _, q := range qs {
			if d := percentChange(tt.claim, q); d != 0 {
				dir = d
			}
		}
		assert.Equal(t, tt.want, dir, "%q", tt.claim)
	}
}
