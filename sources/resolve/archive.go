package resolve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ErrNotArchived means the Wayback Machine holds no copy of the URL that
// answered 200.
var ErrNotArchived = errors.New("no archived copy")

// waybackTimestamp is the layout of Wayback timestamps (14 digits, UTC).
const waybackTimestamp = "20060102150405"

// Archived returns the address of the Wayback Machine's copy of rawURL
// closest to near that was captured with status 200, as
// "{Wayback base}/web/{timestamp}/{original}"; near's zero value means now.
//
// It asks the CDX API first ({Wayback base}/cdx/search/cdx with
// output=json, filter=statuscode:200, sort=closest, closest={near} and
// limit=1) and, when that gives nothing or fails, the availability API
// ({availability base}/wayback/available?url=…&timestamp=…). When neither
// knows a copy the error wraps ErrNotArchived; when a service failed, the
// error wraps its failure too. No request goes to rawURL itself, but it
// must be an absolute http or https URL (ErrInvalidURL, ErrScheme).
func (r *Fetcher) Archived(ctx context.Context, rawURL string, near time.Time) (string, error) {
	return r.archived(ctx, r.services(), rawURL, near)
}

// archived is Archived against the services in svc.
func (r *Fetcher) archived(ctx context.Context, svc services, rawURL string, near time.Time) (string, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return "", fmt.Errorf("archived %s: %w: %w", redact(rawURL), ErrInvalidURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("archived %s: %w: %q", redact(rawURL), ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return "", fmt.Errorf("archived %s: %w: no host", redact(rawURL), ErrInvalidURL)
	}
	if near.IsZero() {
		near = r.now()
	}
	ts := near.UTC().Format(waybackTimestamp)
	target := u.String()

	q := url.Values{}
	q.Set("url", target)
	q.Set("output", "json")
	q.Set("filter", "statuscode:200")
	q.Set("sort", "closest")
	q.Set("closest", ts)
	q.Set("limit", "1")
	snap, cdxErr := r.cdxClosest(ctx, svc.wayback+"/cdx/search/cdx?"+q.Encode())
	if cdxErr == nil && snap.timestamp != "" {
		return waybackURL(svc.wayback, snap), nil
	}

	q = url.Values{}
	q.Set("url", target)
	q.Set("timestamp", ts)
	snap, availErr := r.availableClosest(ctx, svc.availability+"/wayback/available?"+q.Encode())
	if availErr == nil && snap.timestamp != "" {
		if snap.original == "" {
			snap.original = target
		}
		return waybackURL(svc.wayback, snap), nil
	}
	if cdxErr == nil && availErr == nil {
		return "", fmt.Errorf("archived %s: %w", u.Redacted(), ErrNotArchived)
	}
	return "", fmt.Errorf("archived %s: %w", u.Redacted(), errors.Join(ErrNotArchived, cdxErr, availErr))
}

// snapshot is one archived capture.
type snapshot struct {
	timestamp, original string
}

// waybackURL is the address of a capture.
func waybackURL(base string, s snapshot) string {
	return base + "/web/" + s.timestamp + "/" + s.original
}

// cdxClosest asks the CDX API and returns its first capture, or a zero
// snapshot when it lists none.
func (r *Fetcher) cdxClosest(ctx context.Context, apiURL string) (snapshot, error) {
	page, err := r.fetch(ctx, apiURL, acceptJSON, false)
	if err != nil {
		return snapshot{}, fmt.Errorf("cdx: %w", err)
	}
	if !isJSONType(page.ContentType) && page.ContentType != "text/plain" {
		return snapshot{}, fmt.Errorf("cdx: %w: %s", ErrContentType, page.ContentType)
	}
	s, err := parseCDX(page.Body)
	if err != nil {
		return snapshot{}, fmt.Errorf("cdx: %w", err)
	}
	return s, nil
}

// parseCDX reads the CDX API's JSON output: a list of rows whose first row
// names the columns (["urlkey","timestamp","original","mimetype",
// "statuscode","digest","length"]); an empty body or list means no
// capture. It returns the first capture whose timestamp and original URL
// are well formed and whose status, when given, is 200.
func parseCDX(body []byte) (snapshot, error) {
	if len(strings.TrimSpace(string(body))) == 0 {
		return snapshot{}, nil
	}
	var rows [][]string
	if err := json.Unmarshal(body, &rows); err != nil {
		return snapshot{}, fmt.Errorf("decode: %w", err)
	}
	if len(rows) < 2 {
		return snapshot{}, nil
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	ti, ok1 := col["timestamp"]
	oi, ok2 := col["original"]
	if !ok1 || !ok2 {
		return snapshot{}, errors.New("no timestamp or original column")
	}
	si, hasStatus := col["statuscode"]
	for _, row := range rows[1:] {
		if ti >= len(row) || oi >= len(row) {
			continue
		}
		if hasStatus && si < len(row) && row[si] != "200" {
			continue
		}
		s := snapshot{timestamp: row[ti], original: row[oi]}
		if validSnapshot(s) {
			return s, nil
		}
	}
	return snapshot{}, nil
}

// availability is the part of an availability API answer the resolver
// reads.
type availability struct {
	ArchivedSnapshots struct {
		Closest *struct {
			Available bool   `json:"available"`
			URL       string `json:"url"`
			Timestamp string `json:"timestamp"`
			Status    string `json:"status"`
		} `json:"closest"`
	} `json:"archived_snapshots"`
}

// availableClosest asks the availability API and returns its closest
// capture, or a zero snapshot when there is none.
func (r *Fetcher) availableClosest(ctx context.Context, apiURL string) (snapshot, error) {
	page, err := r.fetch(ctx, apiURL, acceptJSON, false)
	if err != nil {
		return snapshot{}, fmt.Errorf("availability: %w", err)
	}
	if !isJSONType(page.ContentType) {
		return snapshot{}, fmt.Errorf("availability: %w: %s", ErrContentType, page.ContentType)
	}
	s, err := parseAvailability(page.Body)
	if err != nil {
		return snapshot{}, fmt.Errorf("availability: %w", err)
	}
	return s, nil
}

// parseAvailability reads an availability API answer. The original URL is
// taken from the capture's address ("…/web/{timestamp}/{original}") and
// left empty when it cannot be read from it.
func parseAvailability(body []byte) (snapshot, error) {
	var a availability
	if err := json.Unmarshal(body, &a); err != nil {
		return snapshot{}, fmt.Errorf("decode: %w", err)
	}
	c := a.ArchivedSnapshots.Closest
	if c == nil || !c.Available || (c.Status != "" && c.Status != "200") {
		return snapshot{}, nil
	}
	s := snapshot{timestamp: c.Timestamp}
	if _, after, ok := strings.Cut(c.URL, "/web/"+c.Timestamp+"/"); ok {
		s.original = after
	}
	if !validTimestamp(s.timestamp) {
		return snapshot{}, nil
	}
	if s.original != "" && !validSnapshot(s) {
		s.original = ""
	}
	return s, nil
}

// validSnapshot reports whether s has a Wayback timestamp and an http or
// https original URL without spaces or control characters, so that the
// link built from it is well formed.
func validSnapshot(s snapshot) bool {
	if !validTimestamp(s.timestamp) {
		return false
	}
	o := strings.ToLower(s.original)
	if !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") || len(s.original) > 8192 {
		return false
	}
	for i := range len(s.original) {
		if c := s.original[i]; c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

// validTimestamp reports whether ts is a Wayback timestamp: 4 to 14
// digits.
func validTimestamp(ts string) bool {
	if len(ts) < 4 || len(ts) > 14 {
		return false
	}
	for i := range len(ts) {
		if ts[i] < '0' || ts[i] > '9' {
			return false
		}
	}
	return true
}
