package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFindToken(t *testing.T) {
	assert.Equal(t, 1, findToken("(2019)", "2019"))
	assert.Equal(t, -1, findToken("(2019a)", "2019"), "a year with a suffix is another year")
	assert.Equal(t, 6, findToken("12019 2019", "2019"))
	assert.Equal(t, 3, findToken("da Silva,", "Silva"))
}
