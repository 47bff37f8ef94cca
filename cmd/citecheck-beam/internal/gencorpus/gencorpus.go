// Package gencorpus writes a synthetic corpus in every kind of input
// citecheck batch reads (a folder of articles, JSON Lines files, a WARC
// file), with corrupt records among them, for the pipeline's tests and
// its throughput figures. The corpus depends on n alone.
package gencorpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// feeds is the number of JSON Lines files.
const feeds = 4

// Corrupt is the number of corrupt records Write writes whatever n: a
// binary file in the folder; in each JSON Lines file a malformed line, a
// record without a body, a record with a NUL byte and, when the file has
// records, a repeated id; and a WARC record cut short at the end of the
// WARC file.
const Corrupt = 1 + 4*feeds + 1

// Write writes a corpus of about n articles under dir and returns its
// inputs: the folder, the JSON Lines files and the WARC file. A fifth of
// the articles are files in the folder, a tenth WARC records, the rest
// JSON Lines records.
func Write(dir string, n int) ([]string, error) {
	folder := filepath.Join(dir, "articles")
	inputs := []string{folder}
	nFiles, nWARC := n/5, n/10
	for i := range nFiles {
		name, body := article(i)
		sub := filepath.Join(folder, fmt.Sprintf("d%02d", i/500))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(body), 0o644); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(folder, "binary.txt"), []byte("Title\n\ntext\x00binary"), 0o644); err != nil {
		return nil, err
	}

	var lines [feeds][]string
	for i := nFiles; i < n-nWARC; i++ {
		rec, err := jsonRecord(i)
		if err != nil {
			return nil, err
		}
		lines[i%feeds] = append(lines[i%feeds], rec)
	}
	for f := range feeds {
		ls := lines[f]
		ls = append(ls, `{"id": broken json`, fmt.Sprintf(`{"id": "no-body-%d", "outlet": "Reuters"}`, f),
			fmt.Sprintf(`{"id": "nul-%d", "text": "Title\n\nA NUL \u0000 byte."}`, f))
		if len(lines[f]) > 0 {
			ls = append(ls, lines[f][0]) // the same id again
		}
		path := filepath.Join(dir, fmt.Sprintf("feed-%d.jsonl", f))
		if err := os.WriteFile(path, []byte(strings.Join(ls, "\n")+"\n"), 0o644); err != nil {
			return nil, err
		}
		inputs = append(inputs, path)
	}

	var warc bytes.Buffer
	for i := n - nWARC; i < n; i++ {
		_, body := article(i*3 + 1) // the HTML kind
		warc.WriteString(warcRecord(fmt.Sprintf("https://news%d.example.org/story/%d", i%5, i), httpResponse(body)))
	}
	cut := warcRecord("https://news0.example.org/cut", httpResponse(strings.Repeat("<p>cut short</p>", 20)))
	warc.WriteString(cut[:len(cut)/2])
	path := filepath.Join(dir, "crawl.warc")
	if err := os.WriteFile(path, warc.Bytes(), 0o644); err != nil {
		return nil, err
	}
	return append(inputs, path), nil
}

// jsonRecord is the JSON Lines record of article i, with an outlet, a
// URL or neither, and a date in one of several forms or none.
func jsonRecord(i int) (string, error) {
	name, body := article(i)
	rec := map[string]string{"id": fmt.Sprintf("rec-%06d", i)}
	switch i % 4 {
	case 0:
		rec["outlet"] = []string{"Reuters", "BBC", "Le Monde"}[i%3]
	case 1:
		rec["url"] = fmt.Sprintf("https://www.site%d.co.uk/news/%d", i%7, i)
	case 2:
		rec["outlet"] = "AP"
		rec["url"] = fmt.Sprintf("https://apnews.com/%d", i)
	}
	if d := []string{"2021-03-04", "7 May 2022", "20230102", "", "2024-11-30T10:00:00Z"}[i%5]; d != "" {
		rec["published"] = d
	}
	switch filepath.Ext(name) {
	case ".html":
		rec["html"] = body
	case ".md":
		rec["markdown"] = body
	default:
		rec["text"] = body
	}
	b, err := json.Marshal(rec)
	return string(b), err
}

// article returns the name and body of article i, in one of several
// citation styles and with one of several problems.
func article(i int) (name, body string) {
	year := 2000 + i%24
	switch i % 6 {
	case 0:
		return fmt.Sprintf("a%05d.txt", i), fmt.Sprintf("Article %d\n\nRidership fell by %d percent (Okafor, %d). Brandt (2021) found the same.\n\nReferences\n\nBrandt, L. (2021). Commuter rail. Transport, 9, 1-2.\nOkafor, C. (%d). Transit demand. Urban Studies, 4, 5-6.\n", i, i%50, year, year)
	case 1:
		return fmt.Sprintf("a%05d.html", i), fmt.Sprintf("<html><head><title>Article %d</title></head><body><article><p>Prices rose by %d percent [1]. A survey agreed [2]. Rents rose by %d percent [3].</p><h2>References</h2><ol><li>Lee K. Prices. J Econ. %d;3:1-9.</li><li>Ma X. Surveys. Policy. 2020;1:2-3.</li></ol></article></body></html>\n", i, i%50, i%30, year)
	case 2:
		return fmt.Sprintf("a%05d.md", i), fmt.Sprintf("# Article %d\n\nShipping costs reached $%d billion.[^1] Most are passed on.[^2]\n\n[^1]: Lewis, M. (%d). \"Free shipping.\" *Journal of Retailing*, 97, 210-224.\n[^2]: Tian, X. (2022). \"Returns.\" *Nature*, 12, 2-3.\n", i, i%90, year)
	case 3:
		return fmt.Sprintf("a%05d.txt", i), fmt.Sprintf("Article %d\n\nUnemployment reached %d percent in %d (Nobody, 1999). Wages rose 3 percent (Okafor, 2001).\n\nReferences\n\nOkafor, C. (2001). Transit demand. Urban Studies, 4, 5-6.\nUnused, A. (2010). Never cited. Journal, 1, 1-2.\n", i, i%20, year)
	case 4:
		return fmt.Sprintf("a%05d.txt", i), fmt.Sprintf("Article %d\n\nThe city spent $%d million on roads in %d, and 40 percent of it went to repairs (Smith, 2020).\n", i, i%400, year)
	}
	return fmt.Sprintf("a%05d.md", i), fmt.Sprintf("# Article %d\n\nA quiet story about the weather, with nothing in particular to check.\n\nSee [the forecast](https://weather.example.org/%d) for more.\n", i, i)
}

// warcRecord builds one WARC/1.0 response record for uri.
func warcRecord(uri, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\nWARC-Type: response\r\n")
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-%012x>\r\n", len(block), len(uri))
	b.WriteString("WARC-Date: 2024-05-06T07:08:09Z\r\n")
	fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	b.WriteString("Content-Type: application/http; msgtype=response\r\n")
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

// httpResponse is a 200 HTML response as a WARC response block holds it.
func httpResponse(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
}
