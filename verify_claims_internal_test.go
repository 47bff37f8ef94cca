package citecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVideoPage(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", true},
		{"https://youtu.be/dQw4w9WgXcQ", true},
		{"https://m.youtube.com/shorts/abc123", true},
		{"https://vimeo.com/123456", true},
		{"https://www.tiktok.com/@someone/video/7123456789", true},
		{"https://www.facebook.com/watch/?v=123", true},
		{"https://www.facebook.com/someone/videos/123/", true},
		{"https://www.instagram.com/reel/abc/", true},
		{"https://www.youtube.com/@nasa", false},
		{"https://www.facebook.com/permalink.php?story_fbid=123&id=456", false},
		{"https://twitter.com/nasa/status/1234567890", false},
		{"https://www.bbc.com/news/world-europe-35654321", false},
		{"https://example.org/video-of-the-year", false},
		{"::not a url", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, videoPage(tt.url), "%s", tt.url)
	}
}
