package citecheck

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ErrGroupBy means Store.Report was asked for a grouping it does not know.
var ErrGroupBy = errors.New("unknown grouping")

// GroupBy says how Store.Report groups the articles of a corpus.
type GroupBy string

// The groupings of Store.Report.
const (
	// GroupNone reports the corpus as a whole.
	GroupNone GroupBy = ""
	// GroupOutlet groups articles by their outlet column: the corpus's
	// outlet, else the registrable domain of the article's URL ("" when
	// there is neither).
	GroupOutlet GroupBy = "outlet"
	// GroupYear groups articles by the year of their published date (see
	// PublishedYear); articles without one form the group "".
	GroupYear GroupBy = "year"
	// GroupCode reports each finding code: how often it occurs, in how
	// many articles and in what share of them. The report's Groups are
	// empty; its Codes list every code.
	GroupCode GroupBy = "code"
)

// CorpusReportVersion is the version of the JSON shape of CorpusReport.
const CorpusReportVersion = 1

// CorpusReport holds the aggregates of a results database a researcher
// looks at first, for the whole corpus and per group.
type CorpusReport struct {
	// Version is CorpusReportVersion.
	Version int `json:"version"`
	// By is the grouping asked for.
	By GroupBy `json:"by"`
	// Total are the figures of the whole corpus.
	Total CorpusStats `json:"total"`
	// Groups are the groups of GroupOutlet (most articles first, then by
	// key) or GroupYear (by year, the unknown year last); empty otherwise.
	Groups []CorpusGroup `json:"groups"`
	// Codes are all finding codes of the corpus, commonest first.
	Codes []CodeStats `json:"codes"`
}

// CorpusStats are the figures of a set of articles. Shares and means are
// nil when their denominator is zero.
type CorpusStats struct {
	// Articles are all articles stored, Failed those that could not be
	// read or checked (status 'failed'), Checked the others.
	Articles int `json:"articles"`
	Failed   int `json:"failed"`
	Checked  int `json:"checked"`
	// Claims are the check-worthy claims, SupportedClaims those that carry
	// a citation, a link or a named source (claims − uncited_claims), and
	// SupportedShare is SupportedClaims / Claims.
	Claims          int      `json:"claims"`
	SupportedClaims int      `json:"supported_claims"`
	SupportedShare  *float64 `json:"supported_share"`
	// VerifiedClaims are the claims verified against at least one cited
	// source's text (citecheck batch --resolve), SourceSupportedClaims
	// those a cited source supports (verdict "supported"), and
	// SourceSupportShare is SourceSupportedClaims / VerifiedClaims: the
	// share of claims whose cited source says what they say.
	VerifiedClaims        int      `json:"verified_claims"`
	SourceSupportedClaims int      `json:"source_supported_claims"`
	SourceSupportShare    *float64 `json:"source_support_share"`
	// Citations are the in-text citations and links, Unresolved those that
	// match no reference entry, and UnresolvedRate is Unresolved / Citations.
	Citations      int      `json:"citations"`
	Unresolved     int      `json:"unresolved"`
	UnresolvedRate *float64 `json:"unresolved_rate"`
	// NoReferences are the checked articles without a single reference
	// entry; ReferenceListProblems those with a missing-reference-list or
	// empty-reference-list finding (they cite into a list that is absent
	// or has nothing under its heading).
	NoReferences          int `json:"no_references"`
	ReferenceListProblems int `json:"reference_list_problems"`
	// Scored are the articles with a quality score (see Quality) and
	// MeanQuality is the mean of their scores.
	Scored      int      `json:"scored"`
	MeanQuality *float64 `json:"mean_quality"`
	// Findings are all findings of the articles.
	Findings int `json:"findings"`
}

// CorpusGroup is one group of a CorpusReport.
type CorpusGroup struct {
	// Key is the outlet or the year; "" when unknown.
	Key string `json:"key"`
	CorpusStats
	// Codes are the group's finding codes, commonest first; their Share is
	// of the group's checked articles.
	Codes []CodeStats `json:"codes"`
}

// CodeStats are the figures of one finding code.
type CodeStats struct {
	Code string `json:"code"`
	// Findings is how many findings have the code, Articles how many
	// articles have at least one, and Share is Articles over the checked
	// articles (nil when there are none).
	Findings int      `json:"findings"`
	Articles int      `json:"articles"`
	Share    *float64 `json:"share"`
}

// Report computes the aggregates of the stored results, grouped as by
// says; see ReportResults.
func (s *Store) Report(ctx context.Context, by GroupBy) (*CorpusReport, error) {
	return ReportResults(ctx, s.db, by)
}

// ReportResults computes the aggregates of the results database db,
// grouped as by says, only reading it: db may be opened read-only, and need
// not be opened with OpenStore (use CheckStore to check its schema first).
// It works with SQL aggregates over the articles and findings tables, so
// its memory grows with the number of groups, not of articles. It may run
// while a batch writes: it reads in one transaction, so it sees the
// articles committed when it started.
func ReportResults(ctx context.Context, db *sql.DB, by GroupBy) (*CorpusReport, error) {
	switch by {
	case GroupNone, GroupOutlet, GroupYear, GroupCode:
	default:
		return nil, fmt.Errorf("store: report: %w %q (want outlet, year or code)", ErrGroupBy, string(by))
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}
	// Only read: rolling back ends the snapshot.
	defer func() { _ = tx.Rollback() }()
	return reportTx(ctx, tx, by)
}

func reportTx(ctx context.Context, tx *sql.Tx, by GroupBy) (*CorpusReport, error) {
	rep := &CorpusReport{Version: CorpusReportVersion, By: by, Groups: []CorpusGroup{}, Codes: []CodeStats{}}
	// keyCol is the column a group's key comes from; year keys are folded
	// in Go from the published dates, which have no common format.
	keyCol := "''"
	switch by {
	case GroupOutlet:
		keyCol = "a.outlet"
	case GroupYear:
		keyCol = "a.published"
	}
	key := func(raw string) string {
		if by == GroupYear {
			return PublishedYear(raw)
		}
		return raw
	}

	groups := map[string]*CorpusGroup{}
	group := func(k string) *CorpusGroup {
		g := groups[k]
		if g == nil {
			g = &CorpusGroup{Key: k}
			groups[k] = g
		}
		return g
	}
	var qualitySum float64
	qualitySums := map[string]float64{}
	err := queryRows(ctx, tx, func(rows *sql.Rows) error {
		var raw string
		var st CorpusStats
		var qsum float64
		if err := rows.Scan(&raw, &st.Articles, &st.Failed, &st.Claims, &st.SupportedClaims, &st.Citations,
			&st.Unresolved, &st.NoReferences, &st.ReferenceListProblems, &st.Scored, &qsum, &st.Findings); err != nil {
			return err
		}
		st.Checked = st.Articles - st.Failed
		k := key(raw)
		addStats(&group(k).CorpusStats, st)
		addStats(&rep.Total, st)
		qualitySums[k] += qsum
		qualitySum += qsum
		return nil
	}, `SELECT `+keyCol+`, count(*),
		coalesce(sum(a.status = 'failed'), 0),
		coalesce(sum(a.claims), 0),
		coalesce(sum(a.claims - a.uncited_claims), 0),
		coalesce(sum(a.citations), 0),
		coalesce(sum(a.unresolved), 0),
		coalesce(sum(a.status = 'ok' AND a."references" = 0), 0),
		coalesce(sum(EXISTS (SELECT 1 FROM findings f WHERE f.article_id = a.id
			AND f.code IN (?, ?))), 0),
		count(a.quality),
		coalesce(sum(a.quality), 0),
		coalesce(sum(a.errors + a.warnings + a.infos), 0)
		FROM articles a GROUP BY 1`, CodeMissingReferenceList, CodeEmptyReferenceList)
	if err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}

	codes := map[string]*CodeStats{}
	groupCodes := map[string]map[string]*CodeStats{}
	err = queryRows(ctx, tx, func(rows *sql.Rows) error {
		var raw, code string
		var findings, articles int
		if err := rows.Scan(&raw, &code, &findings, &articles); err != nil {
			return err
		}
		// An article has one key, so the articles of the raw keys folded
		// into one group are distinct and add up.
		add := func(m map[string]*CodeStats) {
			c := m[code]
			if c == nil {
				c = &CodeStats{Code: code}
				m[code] = c
			}
			c.Findings += findings
			c.Articles += articles
		}
		add(codes)
		k := key(raw)
		if groupCodes[k] == nil {
			groupCodes[k] = map[string]*CodeStats{}
		}
		add(groupCodes[k])
		return nil
	}, `SELECT `+keyCol+`, f.code, count(*), count(DISTINCT f.article_id)
		FROM findings f JOIN articles a ON a.id = f.article_id GROUP BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}

	// Claims verified, and supported by a source, per group: a claim counts
	// once however many sources it cites.
	err = queryRows(ctx, tx, func(rows *sql.Rows) error {
		var raw string
		var st CorpusStats
		if err := rows.Scan(&raw, &st.VerifiedClaims, &st.SourceSupportedClaims); err != nil {
			return err
		}
		addStats(&group(key(raw)).CorpusStats, st)
		addStats(&rep.Total, st)
		return nil
	}, `SELECT `+keyCol+`, count(*), coalesce(sum(v.supported), 0)
		FROM (SELECT article_id, claim_idx, max(verdict = 'supported') AS supported
			FROM support GROUP BY article_id, claim_idx) v
		JOIN articles a ON a.id = v.article_id GROUP BY 1`)
	if err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}

	finishStats(&rep.Total, qualitySum)
	rep.Codes = sortCodes(codes, rep.Total.Checked)
	if by == GroupOutlet || by == GroupYear {
		for k, g := range groups {
			finishStats(&g.CorpusStats, qualitySums[k])
			g.Codes = sortCodes(groupCodes[k], g.Checked)
			rep.Groups = append(rep.Groups, *g)
		}
		slices.SortFunc(rep.Groups, func(a, b CorpusGroup) int {
			if by == GroupYear {
				// The unknown year last.
				return cmp.Or(cmp.Compare(unknownLast(a.Key), unknownLast(b.Key)), cmp.Compare(a.Key, b.Key))
			}
			return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Key, b.Key))
		})
	}
	return rep, nil
}

// queryRows runs q in tx and calls scan for each row.
func queryRows(ctx context.Context, tx *sql.Tx, scan func(*sql.Rows) error, q string, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func addStats(s *CorpusStats, o CorpusStats) {
	s.Articles += o.Articles
	s.Failed += o.Failed
	s.Checked += o.Checked
	s.Claims += o.Claims
	s.SupportedClaims += o.SupportedClaims
	s.VerifiedClaims += o.VerifiedClaims
	s.SourceSupportedClaims += o.SourceSupportedClaims
	s.Citations += o.Citations
	s.Unresolved += o.Unresolved
	s.NoReferences += o.NoReferences
	s.ReferenceListProblems += o.ReferenceListProblems
	s.Scored += o.Scored
	s.Findings += o.Findings
}

// finishStats computes the shares and the mean from the counts.
func finishStats(s *CorpusStats, qualitySum float64) {
	s.SupportedShare = ratio(float64(s.SupportedClaims), s.Claims)
	s.SourceSupportShare = ratio(float64(s.SourceSupportedClaims), s.VerifiedClaims)
	s.UnresolvedRate = ratio(float64(s.Unresolved), s.Citations)
	s.MeanQuality = ratio(qualitySum, s.Scored)
}

func ratio(num float64, den int) *float64 {
	if den <= 0 {
		return nil
	}
	r := num / float64(den)
	return &r
}

// sortCodes lists codes commonest first (by findings, then articles, then
// code) with their share of checked articles.
func sortCodes(codes map[string]*CodeStats, checked int) []CodeStats {
	out := make([]CodeStats, 0, len(codes))
	for _, c := range codes {
		c.Share = ratio(float64(c.Articles), checked)
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b CodeStats) int {
		return cmp.Or(cmp.Compare(b.Findings, a.Findings), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// PublishedYear returns the year of a published date as corpora and pages
// give it ("2024-03-01", "2024-03-01T10:00:00Z", "1 March 2024",
// "03/01/2024", "20240301"): the first run of exactly four digits, or the
// first four digits of a leading run of eight or more (a compact date or
// timestamp), when they lie between 1000 and 2999. It returns "" when there
// is no such year.
func PublishedYear(published string) string {
	for i := 0; i < len(published); {
		if c := published[i]; c < '0' || c > '9' {
			i++
			continue
		}
		j := i
		for j < len(published) && '0' <= published[j] && published[j] <= '9' {
			j++
		}
		run := published[i:j]
		if len(run) == 4 || (i == 0 && len(run) >= 8) {
			if y := run[:4]; y >= "1000" && y <= "2999" {
				return y
			}
		}
		i = j
	}
	return ""
}

// unknownLast sorts the unknown key "" after the others.
func unknownLast(key string) int {
	if key == "" {
		return 1
	}
	return 0
}
