package sources

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDocumentWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"One two, three.", 3},
		{"It rose 4.5% in 2023 — café staff", 8},
		{"  \n\t", 0},
		{"naïve co-op", 3},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, (&Document{Text: tt.text}).Words())
		})
	}
}
