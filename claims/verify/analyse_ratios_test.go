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
		{"Police are investigating a double murder.", "", 0, 0},
		{"She won it twice in 2019.", "", 0, 0},
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
