package site

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOf(t *testing.T) {
	tests := map[string]string{
		"www.example.co.uk":  "example.co.uk",
		"news.bbc.co.uk":     "bbc.co.uk",
		"a.b.example.com.":   "example.com",
		"Example.COM":        "example.com",
		"127.0.0.1":          "127.0.0.1",
		"::1":                "::1",
		"user.github.io":     "user.github.io",
		"co.uk":              "co.uk",
		"localhost":          "localhost",
		"xn--bcher-kva.test": "xn--bcher-kva.test",
	}
	for host, want := range tests {
		assert.Equal(t, want, Of(host), host)
	}
}

func TestOfURL(t *testing.T) {
	tests := map[string]string{
		"https://www.bbc.co.uk/news/x": "bbc.co.uk",
		"https://edition.cnn.com/a":    "cnn.com",
		"http://example.org.:8080/":    "example.org",
		"http://[::1]:8080/x":          "::1",
		"":                             "",
		"not a url":                    "",
		"https://localhost/x":          "localhost",
	}
	for in, want := range tests {
		assert.Equal(t, want, OfURL(in), in)
	}
}
