package resolve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// ErrDOINotFound means the DOI registry (the handle system behind doi.org)
// does not know the DOI.
var ErrDOINotFound = errors.New("DOI not found")

// Update is a notice recorded about a work: a retraction, a correction, an
// expression of concern and the like, from Crossref's metadata.
type Update struct {
	// Type is the kind of notice, lower-case with underscores, as Crossref
	// names it: "retraction", "partial_retraction", "withdrawal",
	// "removal", "correction", "erratum", "corrigendum",
	// "expression_of_concern", "addendum", "new_version"...
	Type string `json:"type"`
	// DOI is the other side of the update: the notice's DOI, or when Notice
	// is true, the DOI of the work the notice is about.
	DOI string `json:"doi,omitempty"`
	// Date is when the update was made, "YYYY", "YYYY-MM" or "YYYY-MM-DD".
	Date string `json:"date,omitempty"`
	// Label is Crossref's human-readable name of the type ("Retraction").
	Label string `json:"label,omitempty"`
	// Source says who asserted the update ("publisher",
	// "retraction-watch"), when Crossref says.
	Source string `json:"source,omitempty"`
	// Notice is true when the resolved work is itself the notice (Crossref
	// "update-to"): citing a retraction notice is not citing a retracted
	// work.
	Notice bool `json:"notice,omitempty"`
}

// Retracts reports whether u retracts, withdraws or removes the work it is
// recorded on (never for a Notice).
func (u Update) Retracts() bool {
	if u.Notice {
		return false
	}
	switch u.Type {
	case "retraction", "partial_retraction", "withdrawal", "removal":
		return true
	}
	return false
}

// Accept headers for the DOI services.
const (
	acceptCSL  = "application/vnd.citationstyles.csl+json"
	acceptJSON = "application/json"
)

// ResolveDOI resolves a DOI (in any form sources.ParseDOI accepts) and returns what
// the registries know about the work:
//
//  1. The handle API ({handle base}/api/handles/{doi}) says whether the DOI
//     exists: responseCode 1 means it does, 100 (or a 404) that it does not,
//     which fails with ErrDOINotFound.
//  2. Content negotiation at {DOI base}/{doi} with Accept
//     "application/vnd.citationstyles.csl+json" gives CSL-JSON metadata.
//     When the answer is not JSON (registration agencies without content
//     negotiation send the landing page), the HTML page's metadata is read
//     instead, as ResolveURL does.
//  3. Crossref's REST API ({Crossref base}/works/{doi}) gives the
//     updated-by, update-to and relation records, read into
//     Source.Updates, and fills metadata that step 2 did not give.
//
// Only step 1 decides the status: once the registry knows the DOI, the
// Source is StatusOK even if steps 2 and 3 fail; their failures are listed
// in Source.Notes, and UpdatesChecked stays false when Crossref gave no
// answer. Steps 1 and 3 are API calls and skip robots.txt; step 2 obeys
// it, since it may end on a publisher's page.
//
// The returned Source is never nil; on error its Status is StatusFor(err).
func (r *Fetcher) ResolveDOI(ctx context.Context, doi string) (*Source, error) {
	fr := r.shareFlight(ctx, "doi", doi, func(ctx context.Context) flightResult {
		s, err := r.resolveDOI(ctx, r.services(), doi)
		return flightResult{src: s, err: err}
	})
	return fr.src, fr.err
}

// resolveDOI is ResolveDOI against the services in svc.
func (r *Fetcher) resolveDOI(ctx context.Context, svc services, raw string) (*Source, error) {
	doi, err := sources.ParseDOI(raw)
	if err != nil {
		s := r.failed("", err)
		return s, fmt.Errorf("resolve doi: %w", err)
	}
	path := escapeDOIPath(doi)
	s := &Source{URL: DefaultDOIBase + "/" + path, DOI: doi}
	landing, err := r.handleExists(ctx, svc.handle+"/api/handles/"+path)
	s.CheckedAt = r.now().UTC()
	if err != nil {
		s.Status = StatusFor(err)
		var he *HTTPError
		if errors.As(err, &he) {
			s.HTTPStatus = he.StatusCode
		}
		return s, fmt.Errorf("resolve doi %s: %w", doi, err)
	}
	s.Status = StatusOK
	s.FinalURL = landing
	r.readCSLInto(ctx, s, svc.doi+"/"+path)
	r.readCrossrefInto(ctx, s, svc.crossref+"/works/"+path)
	return s, nil
}

// handleResponse is the part of a handle API answer the resolver reads.
type handleResponse struct {
	ResponseCode int `json:"responseCode"`
	Values       []struct {
		Type string `json:"type"`
		Data struct {
			Value json.RawMessage `json:"value"`
		} `json:"data"`
	} `json:"values"`
}

// handleExists asks the handle API whether the DOI exists and returns the
// URL the DOI points to, if the answer lists one.
func (r *Fetcher) handleExists(ctx context.Context, apiURL string) (string, error) {
	page, err := r.fetch(ctx, apiURL, acceptJSON, false)
	if err != nil {
		var he *HTTPError
		if errors.As(err, &he) && he.StatusCode == http.StatusNotFound {
			return "", fmt.Errorf("handle api: %w", ErrDOINotFound)
		}
		return "", fmt.Errorf("handle api: %w", err)
	}
	if !isJSONType(page.ContentType) {
		return "", fmt.Errorf("handle api: %w: %s, want JSON", ErrContentType, page.ContentType)
	}
	hr, err := parseHandleResponse(page.Body)
	if err != nil {
		return "", fmt.Errorf("handle api: %w", err)
	}
	switch hr.ResponseCode {
	case 1, 200: // 200: the handle exists but has no values of the type asked
	case 100:
		return "", fmt.Errorf("handle api: %w", ErrDOINotFound)
	default:
		return "", fmt.Errorf("handle api: unexpected responseCode %d", hr.ResponseCode)
	}
	for _, v := range hr.Values {
		if !strings.EqualFold(v.Type, "URL") {
			continue
		}
		var u string
		if json.Unmarshal(v.Data.Value, &u) == nil && (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
			return u, nil
		}
	}
	return "", nil
}

// parseHandleResponse decodes a handle API answer.
func parseHandleResponse(body []byte) (*handleResponse, error) {
	var hr handleResponse
	if err := json.Unmarshal(body, &hr); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return &hr, nil
}

// readCSLInto fetches CSL-JSON by content negotiation and fills s, or reads
// the HTML page sent instead. s.FinalURL keeps the landing page the handle
// API gave; a JSON answer usually comes from an API host, not the landing
// page, so it only fills FinalURL from the item's URL when the handle API
// gave none.
func (r *Fetcher) readCSLInto(ctx context.Context, s *Source, cnURL string) {
	page, err := r.fetch(ctx, cnURL, acceptCSL, true)
	if err != nil {
		s.note("content negotiation: %v", err)
		return
	}
	switch {
	case isJSONType(page.ContentType):
		m, err := parseCSL(page.Body)
		if err != nil {
			s.note("content negotiation: csl-json: %v", err)
			return
		}
		s.Title, s.Authors, s.Published, s.Publisher, s.Language = m.title, m.authors, m.published, m.publisher, m.language
		if s.Text == "" {
			s.Text = m.abstract
		}
		if s.FinalURL == "" && (strings.HasPrefix(m.url, "https://") || strings.HasPrefix(m.url, "http://")) {
			s.FinalURL = m.url
		}
	case isHTMLType(page.ContentType):
		s.note("content negotiation: got %s, read the page's metadata", page.ContentType)
		s.FinalURL = page.FinalURL
		doi := s.DOI
		s.readPage(ctx, page)
		s.DOI = doi
	default:
		s.note("content negotiation: got %s, no metadata", page.ContentType)
	}
}

// workMeta is bibliographic metadata read from CSL-JSON or Crossref.
type workMeta struct {
	title, published, publisher, language, url, doi string
	abstract                                        string // plain text, JATS markup removed
	authors                                         []string
	updates                                         []Update
}

// cslName is a CSL-JSON name (also Crossref's author object).
type cslName struct {
	Family  string `json:"family"`
	Given   string `json:"given"`
	Literal string `json:"literal"`
	Name    string `json:"name"`
}

// display returns the name as "Given Family", or its literal form.
func (n cslName) display() string {
	switch {
	case n.Family != "" && n.Given != "":
		return strings.TrimSpace(n.Given) + " " + strings.TrimSpace(n.Family)
	case n.Family != "":
		return strings.TrimSpace(n.Family)
	case n.Literal != "":
		return strings.TrimSpace(n.Literal)
	}
	return strings.TrimSpace(n.Name)
}

// cslDate is a CSL-JSON or Crossref date: {"date-parts": [[2020, 1, 31]]},
// whose parts may be numbers or strings, or a "raw"/"literal" string.
type cslDate struct {
	DateParts [][]json.RawMessage `json:"date-parts"`
	Raw       string              `json:"raw"`
	Literal   string              `json:"literal"`
}

// String returns the date as "YYYY", "YYYY-MM" or "YYYY-MM-DD", or "".
func (d *cslDate) String() string {
	if d == nil {
		return ""
	}
	if len(d.DateParts) > 0 {
		var parts []string
		for i, p := range d.DateParts[0] {
			if i == 3 {
				break
			}
			n, ok := jsonInt(p)
			if !ok || n < 0 || (i == 0 && (n < 1 || n > 9999)) || (i == 1 && (n < 1 || n > 12)) || (i == 2 && (n < 1 || n > 31)) {
				break
			}
			if i == 0 {
				parts = append(parts, fmt.Sprintf("%04d", n))
			} else {
				parts = append(parts, fmt.Sprintf("%02d", n))
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, "-")
		}
	}
	if d.Raw != "" {
		return strings.TrimSpace(d.Raw)
	}
	return strings.TrimSpace(d.Literal)
}

// jsonInt reads a JSON number or a string holding an integer.
func jsonInt(raw json.RawMessage) (int, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, false
		}
		raw = []byte(strings.TrimSpace(s))
	}
	n, err := strconv.Atoi(string(raw))
	return n, err == nil
}

// stringOrList is a JSON value that may be a string or a list of strings
// (CSL-JSON titles are strings, Crossref's are lists); it keeps the first.
type stringOrList string

// UnmarshalJSON implements json.Unmarshaler.
func (s *stringOrList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var l []json.RawMessage
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		for _, e := range l {
			var v string
			if json.Unmarshal(e, &v) == nil && strings.TrimSpace(v) != "" {
				*s = stringOrList(strings.TrimSpace(v))
				return nil
			}
		}
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return nil // a number or object where a title should be: ignore it
	}
	*s = stringOrList(strings.TrimSpace(v))
	return nil
}

// cslItem is the part of a CSL-JSON item the resolver reads.
type cslItem struct {
	Title          stringOrList `json:"title"`
	Author         []cslName    `json:"author"`
	Editor         []cslName    `json:"editor"`
	Issued         *cslDate     `json:"issued"`
	Published      *cslDate     `json:"published"`
	Publisher      stringOrList `json:"publisher"`
	ContainerTitle stringOrList `json:"container-title"`
	Language       stringOrList `json:"language"`
	URL            stringOrList `json:"URL"`
	DOI            stringOrList `json:"DOI"`
	// Abstract is the work's abstract where the publisher deposited one,
	// as JATS XML.
	Abstract string `json:"abstract"`
}

// meta converts the item to workMeta.
func (c *cslItem) meta() workMeta {
	m := workMeta{
		title: string(c.Title), publisher: string(c.ContainerTitle), language: string(c.Language),
		url: string(c.URL), published: c.Issued.String(), abstract: abstractText(c.Abstract),
	}
	if m.published == "" {
		m.published = c.Published.String()
	}
	if m.publisher == "" {
		m.publisher = string(c.Publisher)
	}
	names := c.Author
	if len(names) == 0 {
		names = c.Editor
	}
	for _, n := range names {
		if d := n.display(); d != "" && len(m.authors) < 500 {
			m.authors = append(m.authors, d)
		}
	}
	if d, err := sources.ParseDOI(string(c.DOI)); err == nil {
		m.doi = d
	}
	return m
}

// parseCSL reads a CSL-JSON item (an object, or a list whose first element
// is one). The publisher is the container (journal, site) when there is
// one, as a fact-checker names a source, else the publishing house.
func parseCSL(body []byte) (workMeta, error) {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		var items []cslItem
		if err := json.Unmarshal(body, &items); err != nil {
			return workMeta{}, fmt.Errorf("decode: %w", err)
		}
		if len(items) == 0 {
			return workMeta{}, errors.New("empty list")
		}
		return items[0].meta(), nil
	}
	var it cslItem
	if err := json.Unmarshal(body, &it); err != nil {
		return workMeta{}, fmt.Errorf("decode: %w", err)
	}
	return it.meta(), nil
}

// crossrefUpdate is one entry of Crossref's updated-by or update-to.
type crossrefUpdate struct {
	DOI     string   `json:"DOI"`
	Type    string   `json:"type"`
	Label   string   `json:"label"`
	Source  string   `json:"source"`
	Updated *cslDate `json:"updated"`
}

// crossrefRelation is one entry of a Crossref relation list.
type crossrefRelation struct {
	IDType string `json:"id-type"`
	ID     string `json:"id"`
}

// crossrefWork is the part of a Crossref /works/{doi} answer the resolver
// reads.
type crossrefWork struct {
	Status  string `json:"status"`
	Message struct {
		cslItem
		UpdatedBy []crossrefUpdate           `json:"updated-by"`
		UpdateTo  []crossrefUpdate           `json:"update-to"`
		Relation  map[string]json.RawMessage `json:"relation"`
		Print     *cslDate                   `json:"published-print"`
		Online    *cslDate                   `json:"published-online"`
	} `json:"message"`
}

// maxUpdates bounds the updates read from one Crossref record.
const maxUpdates = 64

// parseCrossref reads a Crossref /works/{doi} answer: the work's metadata
// and its updates. Relation types are matched by name: those naming a
// retraction, correction, expression of concern or withdrawal become
// updates; the others (preprints, reviews, versions) are ignored.
func parseCrossref(body []byte) (workMeta, error) {
	var w crossrefWork
	if err := json.Unmarshal(body, &w); err != nil {
		return workMeta{}, fmt.Errorf("decode: %w", err)
	}
	if w.Status != "" && w.Status != "ok" {
		return workMeta{}, fmt.Errorf("status %q", w.Status)
	}
	msg := &w.Message
	m := msg.cslItem.meta()
	if m.published == "" {
		m.published = msg.Print.String()
	}
	if m.published == "" {
		m.published = msg.Online.String()
	}
	add := func(u Update) {
		if len(m.updates) >= maxUpdates {
			return
		}
		for _, o := range m.updates {
			if o.Type == u.Type && o.DOI == u.DOI && o.Notice == u.Notice {
				return
			}
		}
		m.updates = append(m.updates, u)
	}
	for i, list := range [][]crossrefUpdate{msg.UpdatedBy, msg.UpdateTo} {
		for _, cu := range list {
			t := normalUpdateType(cu.Type)
			if t == "" {
				continue
			}
			u := Update{Type: t, Label: strings.TrimSpace(cu.Label), Source: strings.TrimSpace(cu.Source), Date: cu.Updated.String(), Notice: i == 1}
			if d, err := sources.ParseDOI(cu.DOI); err == nil {
				u.DOI = d
			}
			add(u)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(msg.Relation)) {
		raw := msg.Relation[name]
		t := relationUpdateType(name)
		if t == "" {
			continue
		}
		var rels []crossrefRelation
		if json.Unmarshal(raw, &rels) != nil {
			var one crossrefRelation
			if json.Unmarshal(raw, &one) != nil {
				continue
			}
			rels = []crossrefRelation{one}
		}
		for _, rel := range rels {
			u := Update{Type: t, Label: name, Source: "relation"}
			if strings.EqualFold(rel.IDType, "doi") {
				if d, err := sources.ParseDOI(rel.ID); err == nil {
					u.DOI = d
				}
			}
			add(u)
		}
	}
	return m, nil
}

// normalUpdateType lower-cases an update type and writes it with
// underscores ("Expression of Concern" → "expression_of_concern").
func normalUpdateType(t string) string {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 64 {
		return ""
	}
	t = strings.ToLower(t)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, t)
}

// relationUpdateType maps a Crossref relation name that records a notice
// about the work ("is-retracted-by", "has-correction"...) to an update type,
// or "" for relations that are not notices.
func relationUpdateType(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasPrefix(n, "is-") && !strings.HasSuffix(n, "-by"):
		return "" // the work is the notice or another kind of relation
	case strings.Contains(n, "retract"):
		return "retraction"
	case strings.Contains(n, "withdraw"):
		return "withdrawal"
	case strings.Contains(n, "concern"):
		return "expression_of_concern"
	case strings.Contains(n, "correct"), strings.Contains(n, "errat"), strings.Contains(n, "corrigend"):
		return "correction"
	}
	return ""
}

// readCrossrefInto asks Crossref about the DOI and adds its updates and any
// metadata s lacks.
func (r *Fetcher) readCrossrefInto(ctx context.Context, s *Source, apiURL string) {
	page, err := r.fetch(ctx, apiURL, acceptJSON, false)
	if err != nil {
		var he *HTTPError
		if errors.As(err, &he) && he.StatusCode == http.StatusNotFound {
			s.note("crossref: no record (not a Crossref DOI)")
			return
		}
		s.note("crossref: %v", err)
		return
	}
	if !isJSONType(page.ContentType) {
		s.note("crossref: %v: %s", ErrContentType, page.ContentType)
		return
	}
	m, err := parseCrossref(page.Body)
	if err != nil {
		s.note("crossref: %v", err)
		return
	}
	s.UpdatesChecked = true
	s.Updates = m.updates
	if s.Title == "" {
		s.Title = m.title
	}
	if len(s.Authors) == 0 {
		s.Authors = m.authors
	}
	if s.Published == "" {
		s.Published = m.published
	}
	if s.Publisher == "" {
		s.Publisher = m.publisher
	}
	if s.Language == "" {
		s.Language = m.language
	}
	if s.Text == "" {
		s.Text = m.abstract
	}
}

// escapeDOIPath escapes a DOI for use as a URL path, keeping its slashes:
// each slash-separated segment is path-escaped.
func escapeDOIPath(doi string) string {
	segs := strings.Split(doi, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
