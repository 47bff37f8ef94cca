package resolve

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestIsDead checks the dead-link rule on histories of checks.
func TestIsDead(t *testing.T) {
	const u = "https://example.com/a"
	day1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	at := func(days, hours int) time.Time {
		return day1.Add(time.Duration(days)*24*time.Hour + time.Duration(hours)*time.Hour)
	}
	ob := func(when time.Time, o Outcome, status int) LinkObservation {
		return LinkObservation{URL: u, At: when, Outcome: o, Status: status}
	}
	fail := func(when time.Time) LinkObservation { return ob(when, OutcomeFailed, 404) }
	tests := []struct {
		name     string
		obs      []LinkObservation
		rule     DeadRule
		dead     bool
		evidence string
	}{
		{name: "no observations"},
		{name: "only successes", obs: []LinkObservation{ob(at(0, 0), OutcomeOK, 200), ob(at(1, 0), OutcomeOK, 200)}},
		{
			name:     "one failure is never enough",
			obs:      []LinkObservation{fail(at(0, 0))},
			evidence: "1 failed check on 2026-11-20: HTTP 404 Not Found (dead after 3 failures on 2 days)",
		},
		{
			name:     "three failures on one day",
			obs:      []LinkObservation{fail(at(0, 0)), fail(at(0, 1)), fail(at(0, 2))},
			evidence: "3 failed checks on 2026-11-20, last: HTTP 404 Not Found (dead after 3 failures on 2 days)",
		},
		{
			name:     "two failures on two days",
			obs:      []LinkObservation{fail(at(0, 0)), fail(at(1, 0))},
			evidence: "2 failed checks on 2 days (2026-11-20 to 2026-11-21), last: HTTP 404 Not Found (dead after 3 failures on 2 days)",
		},
		{
			name:     "three failures on two days",
			obs:      []LinkObservation{fail(at(0, 0)), fail(at(0, 5)), fail(at(1, 0))},
			dead:     true,
			evidence: "3 failed checks on 2 days (2026-11-20 to 2026-11-21), last: HTTP 404 Not Found",
		},
		{
			name: "days are UTC days",
			obs: []LinkObservation{
				// 23:30 and 00:30 the next day in UTC, though the same day in New York.
				fail(time.Date(2026, 11, 20, 18, 30, 0, 0, time.FixedZone("EST", -5*3600))),
				fail(time.Date(2026, 11, 20, 19, 30, 0, 0, time.FixedZone("EST", -5*3600))),
				fail(time.Date(2026, 11, 20, 19, 45, 0, 0, time.FixedZone("EST", -5*3600))),
			},
			dead:     true,
			evidence: "3 failed checks on 2 days (2026-11-20 to 2026-11-21), last: HTTP 404 Not Found",
		},
		{
			name:     "in any order",
			obs:      []LinkObservation{fail(at(1, 0)), fail(at(0, 0)), fail(at(0, 5))},
			dead:     true,
			evidence: "3 failed checks on 2 days (2026-11-20 to 2026-11-21), last: HTTP 404 Not Found",
		},
		{
			name:     "a success starts the count again",
			obs:      []LinkObservation{fail(at(0, 0)), fail(at(1, 0)), ob(at(1, 1), OutcomeOK, 200), fail(at(2, 0)), fail(at(3, 0))},
			evidence: "2 failed checks on 2 days (2026-11-22 to 2026-11-23), last: HTTP 404 Not Found (dead after 3 failures on 2 days)",
		},
		{
			name: "unreachable never counts",
			obs: []LinkObservation{
				ob(at(0, 0), OutcomeUnreachable, 403), ob(at(1, 0), OutcomeUnreachable, 429),
				ob(at(2, 0), OutcomeUnreachable, 503), ob(at(3, 0), OutcomeUnreachable, 0),
			},
		},
		{
			name: "unreachable does not reset failures",
			obs: []LinkObservation{
				fail(at(0, 0)), ob(at(0, 1), OutcomeUnreachable, 503), fail(at(1, 0)),
				ob(at(2, 0), OutcomeUnreachable, 429), fail(at(2, 1)),
			},
			dead:     true,
			evidence: "3 failed checks on 3 days (2026-11-20 to 2026-11-22), last: HTTP 404 Not Found",
		},
		{
			name: "soft 404 counts, with its detail",
			obs: []LinkObservation{
				fail(at(0, 0)), ob(at(1, 0), OutcomeFailed, 410),
				{URL: u, At: at(2, 0), Outcome: OutcomeFailed, Status: 200, Detail: "soft 404: redirect to site root"},
			},
			dead:     true,
			evidence: "3 failed checks on 3 days (2026-11-20 to 2026-11-22), last: HTTP 200 OK, soft 404: redirect to site root",
		},
		{
			name:     "stricter rule",
			obs:      []LinkObservation{fail(at(0, 0)), fail(at(0, 5)), fail(at(1, 0))},
			rule:     DeadRule{MinFailures: 3, MinDays: 3},
			evidence: "3 failed checks on 2 days (2026-11-20 to 2026-11-21), last: HTTP 404 Not Found (dead after 3 failures on 3 days)",
		},
		{
			name:     "looser rule",
			obs:      []LinkObservation{fail(at(0, 0))},
			rule:     DeadRule{MinFailures: 1, MinDays: 1},
			dead:     true,
			evidence: "1 failed check on 2026-11-20: HTTP 404 Not Found",
		},
		{
			name:     "no status",
			obs:      []LinkObservation{{URL: u, At: at(0, 0), Outcome: OutcomeFailed}},
			evidence: "1 failed check on 2026-11-20 (dead after 3 failures on 2 days)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]LinkObservation(nil), tt.obs...)
			dead, evidence := IsDead(tt.obs, tt.rule)
			assert.Equal(t, tt.dead, dead)
			assert.Equal(t, tt.evidence, evidence)
			assert.Equal(t, in, tt.obs, "IsDead must not reorder its argument")
		})
	}
}

// TestClassifyOutcome checks the reading of one fetch.
func TestClassifyOutcome(t *testing.T) {
	const req = "https://news.example.com/2024/03/story"
	page := func(title, h1 string) []byte {
		return []byte("<!doctype html><html><head><meta charset=utf-8><title>" + title +
			"</title></head><body><header>Menu</header><h1 class=headline>" + h1 + "</h1><p>Text.</p></body></html>")
	}
	article := page("Council votes on budget | Example News", "Council votes on budget")
	tests := []struct {
		name   string
		status int
		final  string
		body   []byte
		want   Outcome
		why    string
	}{
		{"ok", 200, req, article, OutcomeOK, ""},
		{"ok 203", 203, req, article, OutcomeOK, ""},
		{"ok no body", 204, req, nil, OutcomeOK, ""},
		{"ok redirect to another article", 200, "https://news.example.com/story-renamed", article, OutcomeOK, ""},
		{"ok redirect to https and www", 200, "https://www.news.example.com/2024/03/story", article, OutcomeOK, ""},
		{"404", 404, req, nil, OutcomeFailed, ""},
		{"410", 410, req, nil, OutcomeFailed, ""},
		{"404 after redirect", 404, "https://news.example.com/404", nil, OutcomeFailed, ""},
		{"403", 403, req, nil, OutcomeUnreachable, ""},
		{"401", 401, req, nil, OutcomeUnreachable, ""},
		{"408", 408, req, nil, OutcomeUnreachable, ""},
		{"429", 429, req, nil, OutcomeUnreachable, ""},
		{"451", 451, req, nil, OutcomeUnreachable, ""},
		{"500", 500, req, nil, OutcomeUnreachable, ""},
		{"503", 503, req, nil, OutcomeUnreachable, ""},
		{"no response", 0, "", nil, OutcomeUnreachable, ""},
		{"unfollowed redirect", 301, req, nil, OutcomeUnreachable, ""},
		{"redirect to root", 200, "https://news.example.com/", article, OutcomeFailed, "soft 404: redirect to site root"},
		{"redirect to root without slash", 200, "https://news.example.com", article, OutcomeFailed, "soft 404: redirect to site root"},
		{"redirect to other site's root", 200, "https://parked.example.net/", article, OutcomeFailed, "soft 404: redirect to site root"},
		{"redirect to index.php", 200, "https://news.example.com/index.php", article, OutcomeFailed, "soft 404: redirect to site root"},
		{"redirect to /404", 200, "https://news.example.com/404", article, OutcomeFailed, "soft 404: redirect to /404"},
		{"redirect to /404.html", 200, "https://news.example.com/errors/404.html", article, OutcomeFailed, "soft 404: redirect to /errors/404.html"},
		{"redirect to /not-found", 200, "https://news.example.com/en/not-found", article, OutcomeFailed, "soft 404: redirect to /en/not-found"},
		{"redirect to ?error=404", 200, "https://news.example.com/search?error=404", article, OutcomeFailed, "soft 404: redirect to /search?error=404"},
		{"title page not found", 200, req, page("Page Not Found | Example News", "Sorry"), OutcomeFailed, `soft 404: title "Page Not Found | Example News"`},
		{"title 404", 200, req, page("404 - Example News", "Oh no"), OutcomeFailed, `soft 404: title "404 - Example News"`},
		{"title not found part", 200, req, page("Example News – Not Found", "x"), OutcomeFailed, `soft 404: title "Example News – Not Found"`},
		{"title error 404", 200, req, page("Error 404", ""), OutcomeFailed, `soft 404: title "Error 404"`},
		{"heading not found", 200, req, page("Example News", "<span>Page</span> not found"), OutcomeFailed, `soft 404: heading "Page not found"`},
		{"heading with entity", 200, req, page("Example News", "We can&rsquo;t find that page&hellip; page can&#39;t be found"), OutcomeFailed, `soft 404: heading "We can’t find that page… page can't be found"`},
		{"upper-case tags", 200, req, []byte("<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD></HTML>"), OutcomeFailed, `soft 404: title "404 Not Found"`},
		{"headline mentioning not found", 200, req, page("Missing hiker not found after storm | Example News", "Missing hiker not found after storm"), OutcomeOK, ""},
		{"headline mentioning 404", 200, req, page("Why 404 pages matter | Example News", "Why 404 pages matter"), OutcomeOK, ""},
		{"titles element is not title", 200, req, []byte("<titles>Not Found</titles><h1>Story</h1>"), OutcomeOK, ""},
		{"h10 is not h1", 200, req, []byte(`<title>Story</title><h10>x</h10><h1 data-x="1">Story</h1>`), OutcomeOK, ""},
		{"unclosed title", 200, req, []byte("<title>Page not found"), OutcomeFailed, `soft 404: title "Page not found"`},
		{"not found past the scan limit", 200, req,
			append(bytes.Repeat([]byte("x"), soft404ScanBytes), page("Page not found", "")...), OutcomeOK, ""},
		{"4xx page with soft title", 404, req, page("Page not found", ""), OutcomeFailed, ""},
		{"5xx page with not found title", 503, req, page("Page not found", ""), OutcomeUnreachable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ClassifyOutcome(tt.status, tt.final, req, tt.body))
			assert.Equal(t, tt.why, SoftNotFoundReason(tt.status, tt.final, req, tt.body))
		})
	}
}

// TestClassifyOutcomeRedirects checks redirects that are not soft 404s
// because the requested URL was already a root or an error page.
func TestClassifyOutcomeRedirects(t *testing.T) {
	body := []byte("<title>Example News</title><h1>Welcome</h1>")
	tests := []struct {
		name, requested, final string
	}{
		{"root asked for root", "https://news.example.com/", "https://news.example.com/"},
		{"root redirects to root", "http://news.example.com", "https://www.news.example.com/"},
		{"a page about 404 asked for itself", "https://example.com/404", "https://example.com/404"},
		{"error page redirects to error page", "https://example.com/404", "https://example.com/404.html"},
		{"unparsable final URL", "https://example.com/a", "https://[::1"},
		{"no final URL", "https://example.com/a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, OutcomeOK, ClassifyOutcome(200, tt.final, tt.requested, body))
		})
	}
}

// TestNotFoundText checks the phrases that mark a not-found title.
func TestNotFoundText(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Page not found", true},
		{"404", true},
		{"404 Not Found", true},
		{"Not Found", true},
		{"Oops! Page Not Found.", true},
		{"Example | 404", true},
		{"Seite nicht gefunden", true},
		{"The page you requested does not exist; this page does not exist", true},
		{"", false},
		{"Election results 2024", false},
		{"Body not found in lake", false},
		{"Error in the vote count", false},
		{"Flight 404 lands safely", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, notFoundText(tt.in))
		})
	}
}

// FuzzClassifyOutcome checks that ClassifyOutcome never panics, always
// returns a valid outcome, and follows the status code rules whatever the
// body and URLs.
func FuzzClassifyOutcome(f *testing.F) {
	f.Add(200, "https://example.com/", "https://example.com/a", []byte("<title>Page not found</title>"))
	f.Add(404, "", "", []byte(nil))
	f.Add(200, "http://[::1", "%zz", []byte("<h1><title<h1 <TITLE>"))
	f.Add(503, "https://example.com/404", "https://example.com/a", []byte("<h1>404</h1>"))
	f.Fuzz(func(t *testing.T, status int, final, requested string, body []byte) {
		got := ClassifyOutcome(status, final, requested, body)
		if !got.valid() {
			t.Fatalf("invalid outcome %q", got)
		}
		switch {
		case status == 404 || status == 410:
			if got != OutcomeFailed {
				t.Fatalf("status %d: got %q", status, got)
			}
		case status < 200 || status > 299:
			if got != OutcomeUnreachable {
				t.Fatalf("status %d: got %q", status, got)
			}
		}
		why := SoftNotFoundReason(status, final, requested, body)
		if (why != "") != (got == OutcomeFailed && status >= 200 && status <= 299) {
			t.Fatalf("reason %q for outcome %q status %d", why, got, status)
		}
		if why != "" && !strings.HasPrefix(why, "soft 404: ") {
			t.Fatalf("reason %q", why)
		}
	})
}

// BenchmarkClassifyOutcome measures the soft-404 scan of a large page whose
// title is ordinary and which has no <h1>.
func BenchmarkClassifyOutcome(b *testing.B) {
	body := append([]byte("<html><head><title>Council votes on budget | Example News</title></head><body>"),
		bytes.Repeat([]byte("<p>Some text with <b>tags</b> and no heading.</p>\n"), 20000)...)
	b.ReportAllocs()
	for b.Loop() {
		ClassifyOutcome(200, "https://example.com/a", "https://example.com/a", body)
	}
}
