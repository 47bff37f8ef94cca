package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/citecheck/citecheck"
)

// writeSupportTable writes, when claims were verified against their
// sources (citecheck batch --resolve), how many of them a cited source
// supports, per group and in total; nothing otherwise, so that a corpus
// checked without --resolve reports as before.
func writeSupportTable(w io.Writer, rep *citecheck.CorpusReport) error {
	if rep.Total.VerifiedClaims == 0 {
		return nil
	}
	fmt.Fprintln(w)
	key := "GROUP"
	switch rep.By {
	case citecheck.GroupOutlet:
		key = "OUTLET"
	case citecheck.GroupYear:
		key = "YEAR"
	}
	table := [][]string{{key, "VERIFIED CLAIMS", "SOURCE SUPPORTS", "SHARE"}}
	row := func(k string, s citecheck.CorpusStats) {
		table = append(table, []string{k, strconv.Itoa(s.VerifiedClaims), strconv.Itoa(s.SourceSupportedClaims),
			percent(s.SourceSupportShare)})
	}
	if rep.By == citecheck.GroupOutlet || rep.By == citecheck.GroupYear {
		for _, g := range rep.Groups {
			row(textKey(g.Key), g.CorpusStats)
		}
		row("TOTAL", rep.Total)
	} else {
		row("all", rep.Total)
	}
	return writeTable(w, table, 0)
}
