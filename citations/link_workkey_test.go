package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWorkKey(t *testing.T) {
	review := func(url string) *Reference {
		return &Reference{Authors: []string{"Debruge"}, Year: "2020", Title: "'Palm Springs': Film Review", URL: url}
	}
	tests := []struct {
		name string
		a, b *Reference
		same bool
	}{
		{"one work copied", review("https://variety.com/2020/film/reviews/palm-springs-review-1203480126/"),
			review("https://variety.com/2020/film/reviews/palm-springs-review-1203480126/"), true},
		{"the same title at two addresses", review("https://variety.com/2020/film/reviews/palm-springs-review-1203480126/"),
			review("https://variety.com/2020/film/reviews/palm-springs-review-hulu-1234700829/"), false},
		{"neither has an address", review(""), review(""), true},
		{"one DOI", &Reference{DOI: "10.1038/nature12373", Title: "A"}, &Reference{DOI: "https://doi.org/10.1038/NATURE12373", Title: "B"}, true},
		{"another year", review(""), &Reference{Authors: []string{"Debruge"}, Year: "2021", Title: "'Palm Springs': Film Review"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ka, kb := WorkKey(tt.a), WorkKey(tt.b)
			assert.NotEmpty(t, ka)
			assert.Equal(t, tt.same, ka == kb, "%q vs %q", ka, kb)
		})
	}
}
