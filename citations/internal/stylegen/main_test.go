package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCitedKeys(t *testing.T) {
	body := "as @b2019 showed [@a2020, p. 3; see @b2019] and [-@c2021]; mail x@example.org"
	assert.Equal(t, []string{"b2019", "a2020", "c2021"}, citedKeys(body))
}
