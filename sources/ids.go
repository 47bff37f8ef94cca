package sources

import (
	"strconv"
	"strings"
)

// SequentialIDs calls set(i, prefix+strconv.Itoa(i+1)) for i from 0 to n-1:
// the IDs the packages give what they find in a document ("c1", "c2", … for
// citations, "r1", … for reference entries, "k1", … for claims). The IDs are
// cut from one string rather than built one by one, so that numbering a
// long document allocates once.
func SequentialIDs(prefix string, n int, set func(i int, id string)) {
	size := 0
	for i := 1; i <= n; i++ {
		size += len(prefix) + decimalLen(i)
	}
	var b strings.Builder
	b.Grow(size)
	var digits [20]byte
	for i := 1; i <= n; i++ {
		b.WriteString(prefix)
		b.Write(strconv.AppendInt(digits[:0], int64(i), 10))
	}
	all := b.String()
	for i, at := 1, 0; i <= n; i++ {
		end := at + len(prefix) + decimalLen(i)
		set(i-1, all[at:end])
		at = end
	}
}

// decimalLen returns the number of digits of n > 0.
func decimalLen(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}
