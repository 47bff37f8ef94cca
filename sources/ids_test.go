package sources

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSequentialIDs(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 101, 1234} {
		got := make([]string, n)
		SequentialIDs("c", n, func(i int, id string) { got[i] = id })
		for i, id := range got {
			assert.Equal(t, "c"+strconv.Itoa(i+1), id, "SequentialIDs(%d)[%d]", n, i)
		}
	}
	assert.Equal(t, 1.0, testing.AllocsPerRun(10, func() { SequentialIDs("k", 500, func(int, string) {}) }), "one string for all the IDs")
}
