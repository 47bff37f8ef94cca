package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMisspell(t *testing.T) {
	assert.Equal(t, "Müllar", misspell("Müller"))
	assert.Equal(t, "Nakamure", misspell("Nakamura"))
	assert.Equal(t, "Briaen", misspell("Briain"))
}
