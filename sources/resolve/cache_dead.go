package resolve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Defaults of DeadRule, used for its zero fields.
const (
	// DefaultDeadFailures is how many failed checks make a link dead.
	DefaultDeadFailures = 3
	// DefaultDeadDays is on how many separate UTC days those failures must
	// fall. Two days with three checks is the least that tells a page that
	// is gone from a site that broke for an afternoon, and still lets a
	// writer who checks a draft on two days learn the answer; set more for
	// the stricter habit of the Internet Archive's bot, which re-checks on
	// several days before it calls a link dead.
	DefaultDeadDays = 2
)

// DeadRule says when the observations of a link make it dead. The zero
// value is the default rule (DefaultDeadFailures on DefaultDeadDays).
type DeadRule struct {
	// MinFailures is the least number of failed checks; 0 means
	// DefaultDeadFailures.
	MinFailures int
	// MinDays is the least number of separate UTC days the failures fall
	// on; 0 means DefaultDeadDays.
	MinDays int
}

// IsDead decides, from the observations of one link, whether the link is
// dead, the way the Internet Archive's bot does: never on one failure; only
// after at least rule.MinFailures failed checks on at least rule.MinDays
// separate UTC days, with no successful check since the first of them.
// Unreachable outcomes (403, 429, 5xx, timeouts) say nothing about the page
// and are ignored; a success starts the count again. obs may be in any
// order.
//
// evidence describes the failures counted (how many, on how many days,
// since when, the last one), for the message of a finding, whether or not
// they are enough; it is empty when there is no failure since the last
// success.
func IsDead(obs []LinkObservation, rule DeadRule) (dead bool, evidence string) {
	needFailures := rule.MinFailures
	if needFailures <= 0 {
		needFailures = DefaultDeadFailures
	}
	needDays := rule.MinDays
	if needDays <= 0 {
		needDays = DefaultDeadDays
	}
	sorted := slices.Clone(obs)
	SortObservations(sorted)
	// Only what follows the last success counts.
	start := 0
	for i, o := range sorted {
		if o.Outcome == OutcomeOK {
			start = i + 1
		}
	}
	var (
		failures   int
		days       = make(map[string]bool)
		first, end LinkObservation
	)
	for _, o := range sorted[start:] {
		if o.Outcome != OutcomeFailed {
			continue
		}
		if failures == 0 {
			first = o
		}
		failures++
		end = o
		days[o.At.UTC().Format(time.DateOnly)] = true
	}
	if failures == 0 {
		return false, ""
	}
	dead = failures >= needFailures && len(days) >= needDays
	var b strings.Builder
	if failures == 1 {
		b.WriteString("1 failed check on ")
		b.WriteString(first.At.UTC().Format(time.DateOnly))
		if d := describeObservation(end); d != "" {
			b.WriteString(": ")
			b.WriteString(d)
		}
	} else {
		from, to := first.At.UTC().Format(time.DateOnly), end.At.UTC().Format(time.DateOnly)
		if len(days) == 1 {
			fmt.Fprintf(&b, "%d failed checks on %s", failures, to)
		} else {
			fmt.Fprintf(&b, "%d failed checks on %d days (%s to %s)", failures, len(days), from, to)
		}
		if d := describeObservation(end); d != "" {
			b.WriteString(", last: ")
			b.WriteString(d)
		}
	}
	if !dead {
		fmt.Fprintf(&b, " (dead after %s on %s)",
			plural(needFailures, "failure", "failures"), plural(needDays, "day", "days"))
	}
	return dead, b.String()
}

// plural writes n and the noun in the right number.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// describeObservation says what one check found, e.g. "HTTP 404 Not Found"
// or "HTTP 200 OK, soft 404: redirect to site root".
func describeObservation(o LinkObservation) string {
	var parts []string
	if o.Status != 0 {
		s := "HTTP " + strconv.Itoa(o.Status)
		if t := http.StatusText(o.Status); t != "" {
			s += " " + t
		}
		parts = append(parts, s)
	}
	if o.Detail != "" {
		parts = append(parts, o.Detail)
	}
	return strings.Join(parts, ", ")
}

// soft404ScanBytes bounds how much of a page ClassifyOutcome searches for a
// title and a first heading.
const soft404ScanBytes = 256 << 10

// ClassifyOutcome says what one fetch of requestedURL found, from the final
// status code (0 when no response came: timeout, network error), the URL
// that answered after redirects, and the body (only the first 256 KB is
// read):
//
//   - 404 and 410 are OutcomeFailed.
//   - A soft 404 is OutcomeFailed: a redirect from a deeper path to the
//     site's root ("/", "/index.html", "/home"), or to a path that names
//     an error page ("/404", "/404.html", "/not-found", "/error/404",
//     "?error=404"); or a 2xx page whose <title> or first <h1> says
//     "not found", "page not found", "404" or the like.
//   - Other 2xx answers are OutcomeOK.
//   - Everything else is OutcomeUnreachable: no answer, 403, 429, 5xx and
//     also other 4xx (401, 400, 451…) and unfollowed 3xx, since sites
//     answer those to bots whose pages exist.
func ClassifyOutcome(statusCode int, finalURL, requestedURL string, body []byte) Outcome {
	outcome, _ := classifyOutcome(statusCode, finalURL, requestedURL, body)
	return outcome
}

// classifyOutcome is ClassifyOutcome, also saying why a failure is a soft
// 404 (empty for plain 404 and 410 and for other outcomes).
func classifyOutcome(statusCode int, finalURL, requestedURL string, body []byte) (Outcome, string) {
	switch {
	case statusCode == http.StatusNotFound || statusCode == http.StatusGone:
		return OutcomeFailed, ""
	case statusCode < 200 || statusCode > 299:
		return OutcomeUnreachable, ""
	}
	if why := softRedirect(finalURL, requestedURL); why != "" {
		return OutcomeFailed, why
	}
	if why := softPage(body); why != "" {
		return OutcomeFailed, why
	}
	return OutcomeOK, ""
}

// SoftNotFoundReason explains why ClassifyOutcome calls a 2xx answer a
// failure ("soft 404: redirect to site root"), or returns "" when it does
// not. Fetchers put it in LinkObservation.Detail.
func SoftNotFoundReason(statusCode int, finalURL, requestedURL string, body []byte) string {
	_, why := classifyOutcome(statusCode, finalURL, requestedURL, body)
	return why
}

// softRedirect reports why a redirect from requested to final is a soft 404,
// or "".
func softRedirect(final, requested string) string {
	if final == "" || final == requested {
		return ""
	}
	fu, err := url.Parse(final)
	if err != nil {
		return ""
	}
	ru, err := url.Parse(requested)
	if err != nil {
		return ""
	}
	if !strings.EqualFold(fu.Host, ru.Host) || fu.Path != ru.Path || fu.RawQuery != ru.RawQuery {
		if isRootPath(fu.Path) && !isRootPath(ru.Path) {
			return "soft 404: redirect to site root"
		}
		if isErrorPath(fu) && !isErrorPath(ru) {
			return "soft 404: redirect to " + fu.RequestURI()
		}
	}
	return ""
}

// isRootPath reports whether p is a site's home page.
func isRootPath(p string) bool {
	switch strings.ToLower(strings.TrimSuffix(p, "/")) {
	case "", "/index.html", "/index.htm", "/index.php", "/index.asp", "/index.aspx", "/default.aspx", "/home":
		return true
	}
	return false
}

// errorNames are path segments (without extension) and query values that
// name a not-found page.
var errorNames = []string{
	"404", "410", "notfound", "not-found", "not_found", "page-not-found", "pagenotfound",
	"page_not_found", "error404", "error-404", "error_404", "404error", "404-error", "404-page",
	"404page", "errors404", "gone",
}

// isErrorPath reports whether u's path or query names a not-found page.
func isErrorPath(u *url.URL) bool {
	for seg := range strings.SplitSeq(strings.ToLower(u.Path), "/") {
		if i := strings.LastIndexByte(seg, '.'); i > 0 {
			seg = seg[:i]
		}
		if slices.Contains(errorNames, seg) {
			return true
		}
	}
	for _, vs := range u.Query() {
		for _, v := range vs {
			if slices.Contains(errorNames, strings.ToLower(v)) {
				return true
			}
		}
	}
	return false
}

// softPage reports why a 2xx body is a not-found page, or "".
func softPage(body []byte) string {
	if len(body) > soft404ScanBytes {
		body = body[:soft404ScanBytes]
	}
	if t, ok := elementText(body, "title"); ok && notFoundText(t) {
		return "soft 404: title " + strconv.Quote(t)
	}
	if h, ok := elementText(body, "h1"); ok && notFoundText(h) {
		return "soft 404: heading " + strconv.Quote(h)
	}
	return ""
}

// maxHeadingBytes bounds the text read from one element.
const maxHeadingBytes = 1024

// elementText returns the text of the first <name> element in body, with
// tags removed, entities decoded and spaces collapsed.
func elementText(body []byte, name string) (string, bool) {
	open := []byte("<" + name)
	for from := 0; from < len(body); {
		i := indexFold(body[from:], open)
		if i < 0 {
			return "", false
		}
		i += from + len(open)
		// The name must end here: "<title>" or "<title lang=…>", not "<titles".
		if i < len(body) && body[i] != '>' && !isHTMLSpace(body[i]) && body[i] != '/' {
			from = i
			continue
		}
		gt := bytes.IndexByte(body[i:], '>')
		if gt < 0 {
			return "", false
		}
		start := i + gt + 1
		end := indexFold(body[start:], []byte("</"+name))
		if end < 0 {
			end = len(body) - start
		}
		raw := body[start : start+min(end, maxHeadingBytes)]
		return cleanElementText(raw), true
	}
	return "", false
}

// cleanElementText strips tags from raw, decodes entities and collapses
// white space.
func cleanElementText(raw []byte) string {
	var b strings.Builder
	inTag := false
	for _, c := range raw {
		switch {
		case c == '<':
			inTag = true
			b.WriteByte(' ')
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// isHTMLSpace reports whether c is HTML white space.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// indexFold is bytes.Index ignoring ASCII case; sub must be lower case.
func indexFold(s, sub []byte) int {
	if len(sub) == 0 {
		return 0
	}
	first := sub[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] != first && s[i] != upper {
			continue
		}
		if bytes.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// notFoundPhrases anywhere in a title or heading mark a not-found page.
var notFoundPhrases = []string{
	"page not found", "file not found", "404 not found", "error 404", "404 error",
	"page cannot be found", "page could not be found", "page can't be found", "page can’t be found",
	"page does not exist", "page doesn't exist", "page doesn’t exist", "page no longer exists",
	"page is no longer available", "seite nicht gefunden", "página no encontrada", "page introuvable",
}

// notFoundParts are whole parts of a title (between separators such as
// " | " and " - ") that mark a not-found page. Matching whole parts keeps
// a headline like "Missing hiker not found after storm" from counting.
var notFoundParts = []string{
	"404", "not found", "page not available", "error 404 not found",
	"content not found", "article not found", "story not found", "nothing found",
}

// titleSeparators split a title into its parts ("Page not found | Site").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", ": ", " • "}

// notFoundText reports whether a title or heading announces a not-found
// page.
func notFoundText(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, p := range notFoundPhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	parts := []string{s}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for _, p := range parts {
		p = strings.Trim(p, " !.?:")
		if slices.Contains(notFoundParts, p) {
			return true
		}
	}
	return false
}
