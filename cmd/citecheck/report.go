package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/citecheck/citecheck"
)

// reportTopCodes is how many finding codes the text report lists when it
// is not grouped by code.
const reportTopCodes = 10

// runReport runs `citecheck report`.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := newCommand("report", "citecheck report --db results.sqlite [--by outlet|year|code] [--format text|csv|json]",
		"Prints the corpus's aggregates: articles (and failed ones), the share of claims\n"+
			"with a citation, the unresolved-citation rate, articles without references or with a\n"+
			"missing or empty reference list, the mean citation-quality score and the commonest findings.\n"+
			"Exit status: 0 done, 1 the database could not be read, 2 usage error.",
		stdout, stderr)
	dbPath := c.String("db", "", "the results database (SQLite file written by citecheck batch or merge)")
	by := c.String("by", "", "group by `outlet`, year or code (default: the corpus as a whole)")
	format := c.String("format", "text", "output `format`: text, csv or json")
	if code, ok := c.parseFlags(args); !ok {
		return code
	}
	if *dbPath == "" {
		return c.usageError("missing --db")
	}
	if err := cmp.Or(
		emptyOrOneOf("by", *by, string(citecheck.GroupOutlet), string(citecheck.GroupYear), string(citecheck.GroupCode)),
		oneOf("format", *format, "text", "csv", "json"),
	); err != nil {
		return c.usageError("%v", err)
	}
	write := reportWriters[*format]

	db, err := openStoreReadOnly(ctx, *dbPath)
	if err != nil {
		return c.fail(exitDBError, "%v", err)
	}
	defer db.Close()
	rep, err := citecheck.ReportResults(ctx, db, citecheck.GroupBy(*by))
	if err != nil {
		return c.fail(exitDBError, "%s: %v", *dbPath, err)
	}
	out := bufio.NewWriter(stdout)
	err = write(out, rep)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return c.fail(exitDBError, "%v", err)
	}
	return exitOK
}

// reportWriters write a report in each --format.
var reportWriters = map[string]func(io.Writer, *citecheck.CorpusReport) error{
	"text": writeReportText,
	"csv":  writeReportCSV,
	"json": writeReportJSON,
}

// statsColumn is a column of a group's figures in the text and CSV
// reports: text shows shares as percentages, CSV as fractions.
type statsColumn struct {
	header string // in the text report; "" for a CSV-only column
	name   string // in the CSV report
	text   func(citecheck.CorpusStats) string
	csv    func(citecheck.CorpusStats) string
}

// statsColumns are the columns of the text and CSV reports, in order.
var statsColumns = []statsColumn{
	intColumn("ARTICLES", "articles", func(s citecheck.CorpusStats) int { return s.Articles }),
	intColumn("FAILED", "failed", func(s citecheck.CorpusStats) int { return s.Failed }),
	intColumn("CLAIMS", "claims", func(s citecheck.CorpusStats) int { return s.Claims }),
	intColumn("", "supported_claims", func(s citecheck.CorpusStats) int { return s.SupportedClaims }),
	shareColumn("SUPPORTED", "supported_share", func(s citecheck.CorpusStats) *float64 { return s.SupportedShare }),
	intColumn("CITATIONS", "citations", func(s citecheck.CorpusStats) int { return s.Citations }),
	intColumn("", "unresolved", func(s citecheck.CorpusStats) int { return s.Unresolved }),
	shareColumn("UNRESOLVED", "unresolved_rate", func(s citecheck.CorpusStats) *float64 { return s.UnresolvedRate }),
	intColumn("NO REFS", "no_references", func(s citecheck.CorpusStats) int { return s.NoReferences }),
	intColumn("LIST MISSING/EMPTY", "reference_list_problems", func(s citecheck.CorpusStats) int { return s.ReferenceListProblems }),
	intColumn("", "scored", func(s citecheck.CorpusStats) int { return s.Scored }),
	{header: "QUALITY", name: "mean_quality",
		text: func(s citecheck.CorpusStats) string { return decimal(s.MeanQuality, 3, "-") },
		csv:  func(s citecheck.CorpusStats) string { return decimal(s.MeanQuality, 4, "") }},
	intColumn("FINDINGS", "findings", func(s citecheck.CorpusStats) int { return s.Findings }),
}

func intColumn(header, name string, v func(citecheck.CorpusStats) int) statsColumn {
	f := func(s citecheck.CorpusStats) string { return strconv.Itoa(v(s)) }
	return statsColumn{header: header, name: name, text: f, csv: f}
}

func shareColumn(header, name string, v func(citecheck.CorpusStats) *float64) statsColumn {
	return statsColumn{header: header, name: name,
		text: func(s citecheck.CorpusStats) string { return percent(v(s)) },
		csv:  func(s citecheck.CorpusStats) string { return decimal(v(s), 4, "") }}
}

// percent writes a share as a percentage with one decimal, or "-" when it
// is undefined.
func percent(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(100**v, 'f', 1, 64) + "%"
}

// decimal writes v with prec decimals, or undefined when v is nil.
func decimal(v *float64, prec int, undefined string) string {
	if v == nil {
		return undefined
	}
	return strconv.FormatFloat(*v, 'f', prec, 64)
}

func groupName(by citecheck.GroupBy) string {
	if by == citecheck.GroupNone || by == citecheck.GroupCode {
		return "corpus"
	}
	return string(by)
}

// writeReportText writes the groups (or the corpus) as an aligned table,
// then the commonest finding codes (all of them with --by code).
func writeReportText(w io.Writer, rep *citecheck.CorpusReport) error {
	grouped := rep.By == citecheck.GroupOutlet || rep.By == citecheck.GroupYear
	header := []string{strings.ToUpper(groupName(rep.By))}
	for _, c := range statsColumns {
		if c.header != "" {
			header = append(header, c.header)
		}
	}
	if grouped {
		header = append(header, "TOP FINDING")
	}
	table := [][]string{header}
	statsRow := func(key string, s citecheck.CorpusStats, codes []citecheck.CodeStats) {
		cells := []string{key}
		for _, c := range statsColumns {
			if c.header != "" {
				cells = append(cells, c.text(s))
			}
		}
		if grouped {
			cells = append(cells, topCode(codes))
		}
		table = append(table, cells)
	}
	for _, g := range rep.Groups {
		statsRow(textKey(g.Key), g.CorpusStats, g.Codes)
	}
	if grouped {
		statsRow("TOTAL", rep.Total, rep.Codes)
	} else {
		statsRow("all", rep.Total, nil)
	}
	left := []int{0}
	if grouped {
		left = append(left, len(header)-1)
	}
	if err := writeTable(w, table, left...); err != nil {
		return err
	}
	if err := writeSupportTable(w, rep); err != nil {
		return err
	}

	codes := rep.Codes
	if rep.By != citecheck.GroupCode && len(codes) > reportTopCodes {
		codes = codes[:reportTopCodes]
	}
	fmt.Fprintln(w)
	if len(codes) == 0 {
		_, err := fmt.Fprintln(w, "no findings")
		return err
	}
	table = [][]string{{"FINDING", "COUNT", "ARTICLES", "SHARE"}}
	for _, c := range codes {
		table = append(table, []string{c.Code, strconv.Itoa(c.Findings), strconv.Itoa(c.Articles), percent(c.Share)})
	}
	return writeTable(w, table, 0)
}

// writeTable writes rows as a table with columns two spaces apart: numbers
// aligned right, the columns named in left (text) aligned left.
func writeTable(w io.Writer, rows [][]string, left ...int) error {
	for _, col := range left {
		width := 0
		for _, r := range rows {
			if col < len(r) {
				width = max(width, utf8.RuneCountInString(r[col]))
			}
		}
		for _, r := range rows {
			if col < len(r) {
				// Padded to the column's width, a cell aligned right is
				// aligned left.
				r[col] += strings.Repeat(" ", width-utf8.RuneCountInString(r[col]))
			}
		}
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Drop the padding before the first column and after the last.
	for line := range strings.Lines(buf.String()) {
		line = strings.TrimPrefix(strings.TrimRight(line, " \n"), "  ")
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// textKey shows the unknown group as "(unknown)".
func textKey(k string) string {
	if k == "" {
		return "(unknown)"
	}
	return k
}

func topCode(codes []citecheck.CodeStats) string {
	if len(codes) == 0 {
		return ""
	}
	return fmt.Sprintf("%s (%d)", codes[0].Code, codes[0].Findings)
}

// writeReportCSV writes one row per group (outlet or year, the unknown one
// with an empty key), one row for the corpus when not grouped, or one row
// per finding code with --by code. Shares are fractions with four decimals;
// an undefined share is an empty cell.
func writeReportCSV(w io.Writer, rep *citecheck.CorpusReport) error {
	cw := csv.NewWriter(w)
	if rep.By == citecheck.GroupCode {
		_ = cw.Write([]string{"code", "findings", "articles", "share"})
		for _, c := range rep.Codes {
			_ = cw.Write([]string{c.Code, strconv.Itoa(c.Findings), strconv.Itoa(c.Articles), decimal(c.Share, 4, "")})
		}
		cw.Flush()
		return cw.Error()
	}
	header := []string{groupName(rep.By)}
	for _, c := range statsColumns {
		header = append(header, c.name)
	}
	header = append(header, "top_finding", "top_finding_count")
	_ = cw.Write(header)
	record := func(key string, s citecheck.CorpusStats, codes []citecheck.CodeStats) {
		rec := []string{key}
		for _, c := range statsColumns {
			rec = append(rec, c.csv(s))
		}
		if len(codes) > 0 {
			rec = append(rec, codes[0].Code, strconv.Itoa(codes[0].Findings))
		} else {
			rec = append(rec, "", "0")
		}
		_ = cw.Write(rec)
	}
	if rep.By == citecheck.GroupNone {
		record("all", rep.Total, rep.Codes)
	}
	for _, g := range rep.Groups {
		record(g.Key, g.CorpusStats, g.Codes)
	}
	cw.Flush()
	return cw.Error()
}

// writeReportJSON writes the report as one indented JSON document, in the
// shape of citecheck.CorpusReport.
func writeReportJSON(w io.Writer, rep *citecheck.CorpusReport) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
