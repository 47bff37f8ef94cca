package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/citecheck/citecheck"
)

// baselineVersion is the version of the baseline file's JSON form.
const baselineVersion = 1

// baselineFile is what `citecheck check --write-baseline FILE` writes: the
// findings of the day, each kind once with how many there are, so that
// `--baseline FILE` reports only new ones. A finding is keyed by its file,
// its code and the fingerprint SARIF's partialFingerprints use (the text
// it covers, not its line), so text added above it does not make it new.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	File        string `json:"file"`
	Code        string `json:"code"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	// Message is the first such finding's, for people reading the file;
	// it is not matched.
	Message string `json:"message"`
}

type baselineKey struct{ file, code, fingerprint string }

// findingKey is a finding's identity in a baseline: the input's path,
// cleaned and with forward slashes, its code and fingerprint (sarif.go).
func findingKey(r *citecheck.Report, f citecheck.Finding) baselineKey {
	file := path.Clean(filepath.ToSlash(r.Input))
	var src []byte
	if r.Document != nil {
		src = r.Document.Src
	}
	return baselineKey{file: file, code: f.Code, fingerprint: fingerprint(f, file, src)}
}

// baseline is a baseline file read back: how many findings of each key
// are still to be matched.
type baseline struct {
	left map[baselineKey]int
}

// maxBaselineBytes bounds a baseline file: about half a million findings.
const maxBaselineBytes = 128 << 20

// readBaseline reads a baseline file.
func readBaseline(name string) (*baseline, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBaselineBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	if len(data) > maxBaselineBytes {
		return nil, fmt.Errorf("read baseline %s: larger than %d bytes", name, maxBaselineBytes)
	}
	return parseBaseline(name, data)
}

// parseBaseline parses the baseline file name from data. A JSON mistake
// is named by its line and column.
func parseBaseline(name string, data []byte) (*baseline, error) {
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			line, col := lineCol(data, syntax.Offset)
			return nil, fmt.Errorf("read baseline %s:%d:%d: %w", name, line, col, err)
		case errors.As(err, &typ):
			line, col := lineCol(data, typ.Offset)
			return nil, fmt.Errorf("read baseline %s:%d:%d: %w", name, line, col, err)
		}
		return nil, fmt.Errorf("read baseline %s: %w", name, err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("read baseline %s: %w: version %d, want %d", name, errBaselineVersion, bf.Version, baselineVersion)
	}
	b := &baseline{left: map[baselineKey]int{}}
	for _, e := range bf.Findings {
		k, n := baselineKey{e.File, e.Code, e.Fingerprint}, max(0, e.Count)
		b.left[k] = min(b.left[k], math.MaxInt-n) + n // no overflow whatever the file says
	}
	return b, nil
}

// lineCol returns the 1-based line and column (in bytes) of offset in
// data, the offset a JSON error gives: the byte after the mistake.
func lineCol(data []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, max(col, 1)
}

// errBaselineVersion is a baseline file of another version.
var errBaselineVersion = errors.New("unknown baseline version")

// filter drops from r the findings the baseline holds, as many of each key
// as it counts, keeps the summary's counts of severities in step, and
// returns how many it dropped.
func (b *baseline) filter(r *citecheck.Report) int {
	kept := r.Findings[:0]
	dropped := 0
	for _, f := range r.Findings {
		k := findingKey(r, f)
		if b.left[k] == 0 {
			kept = append(kept, f)
			continue
		}
		b.left[k]--
		dropped++
		switch f.Severity {
		case citecheck.SeverityError:
			r.Summary.Errors--
		case citecheck.SeverityWarning:
			r.Summary.Warnings--
		case citecheck.SeverityInfo:
			r.Summary.Infos--
		}
		if f.Code == citecheck.CodeOrphanReference {
			r.Summary.Orphans--
		}
	}
	clear(r.Findings[len(kept):])
	r.Findings = kept
	return dropped
}

// baselineRecorder collects the findings of a run for --write-baseline.
type baselineRecorder struct {
	entries map[baselineKey]*baselineEntry
	total   int
}

func newBaselineRecorder() *baselineRecorder {
	return &baselineRecorder{entries: map[baselineKey]*baselineEntry{}}
}

// add records the findings of one report.
func (rec *baselineRecorder) add(r *citecheck.Report) {
	for _, f := range r.Findings {
		k := findingKey(r, f)
		e := rec.entries[k]
		if e == nil {
			e = &baselineEntry{File: k.file, Code: k.code, Fingerprint: k.fingerprint, Message: f.Message}
			rec.entries[k] = e
		}
		e.Count++
		rec.total++
	}
}

// write writes the baseline file, its entries sorted by file, code,
// message and fingerprint, so that a rewrite diffs cleanly.
func (rec *baselineRecorder) write(name string) error {
	bf := baselineFile{Version: baselineVersion, Findings: make([]baselineEntry, 0, len(rec.entries))}
	for _, e := range rec.entries {
		bf.Findings = append(bf.Findings, *e)
	}
	slices.SortFunc(bf.Findings, func(a, b baselineEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // messages quote the draft: keep its < and &
	enc.SetIndent("", "  ")
	if err := enc.Encode(bf); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}
