package results

import (
	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/site"
)

// Article is a row of the articles table: one article, checked or failed.
type Article struct {
	ID            string   `parquet:"id" json:"id"`
	Input         string   `parquet:"input" json:"input"`
	URL           string   `parquet:"url" json:"url"`
	Outlet        string   `parquet:"outlet" json:"outlet"`
	Title         string   `parquet:"title" json:"title"`
	Published     string   `parquet:"published" json:"published"`
	Words         int64    `parquet:"words" json:"words"`
	Claims        int64    `parquet:"claims" json:"claims"`
	UncitedClaims int64    `parquet:"uncited_claims" json:"uncited_claims"`
	Citations     int64    `parquet:"citations" json:"citations"`
	Resolved      int64    `parquet:"resolved" json:"resolved"`
	Unresolved    int64    `parquet:"unresolved" json:"unresolved"`
	References    int64    `parquet:"references" json:"references"`
	Orphans       int64    `parquet:"orphans" json:"orphans"`
	Errors        int64    `parquet:"errors" json:"errors"`
	Warnings      int64    `parquet:"warnings" json:"warnings"`
	Infos         int64    `parquet:"infos" json:"infos"`
	Quality       *float64 `parquet:"quality,optional" json:"quality"` // NULL when the article has neither citations nor claims
	Status        string   `parquet:"status" json:"status"`            // "ok" or "failed"
	Reason        string   `parquet:"reason" json:"reason"`            // why a failed article has no report
	Hash          string   `parquet:"hash" json:"hash"`
	CheckedAt     string   `parquet:"checked_at" json:"checked_at"` // RFC 3339 UTC
}

// Finding is a row of the findings table.
type Finding struct {
	ArticleID string `parquet:"article_id" json:"article_id"`
	Code      string `parquet:"code" json:"code"`
	Severity  string `parquet:"severity" json:"severity"`
	Line      int64  `parquet:"line" json:"line"`
	Column    int64  `parquet:"column" json:"column"`
	Message   string `parquet:"message" json:"message"`
}

// Claim is a row of the claims table.
type Claim struct {
	ArticleID string  `parquet:"article_id" json:"article_id"`
	Idx       int64   `parquet:"idx" json:"idx"`
	Text      string  `parquet:"text" json:"text"`
	Score     float64 `parquet:"score" json:"score"`
	Cited     int64   `parquet:"cited" json:"cited"` // 1 when a citation or link supports it, as SQLite stores it
}

// Citation is a row of the citations table.
type Citation struct {
	ArticleID string `parquet:"article_id" json:"article_id"`
	Idx       int64  `parquet:"idx" json:"idx"`
	Kind      string `parquet:"kind" json:"kind"`
	Text      string `parquet:"text" json:"text"`
	Status    string `parquet:"status" json:"status"`
}

// Rows are the rows of one article in the four tables.
type Rows struct {
	Article   Article
	Findings  []Finding
	Claims    []Claim
	Citations []Citation
}

// Status values of Article.Status.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// FromResult returns the rows Store.Save writes for r, checked at
// checkedAt (RFC 3339 UTC). ok is false for a result without an
// Article.ID, which Save skips.
func FromResult(r citecheck.BatchResult, checkedAt string) (rows Rows, ok bool) {
	a := r.Article
	if a.ID == "" {
		return Rows{}, false
	}
	outlet := a.Outlet
	if outlet == "" {
		outlet = site.OfURL(a.URL) // the corpus names no outlet: the site
	}
	row := Article{ID: a.ID, Input: a.Input, URL: a.URL, Outlet: outlet, Published: a.Published,
		Status: StatusFailed, Hash: a.Hash, CheckedAt: checkedAt}
	if r.Err != nil || r.Report == nil {
		row.Reason = "no report"
		if r.Err != nil {
			row.Reason = r.Err.Error()
		}
		return Rows{Article: row}, true
	}
	rep := r.Report
	sum := rep.Summary
	row.Status, row.Title = StatusOK, rep.Title
	if row.Published == "" {
		row.Published = rep.Meta.Published
	}
	if rep.Document != nil {
		row.Words = int64(rep.Document.Words())
	}
	if q, ok := citecheck.Quality(sum); ok {
		row.Quality = &q
	}
	row.Claims, row.UncitedClaims = int64(sum.Claims), int64(sum.UncitedClaims)
	row.Citations, row.Resolved, row.Unresolved = int64(sum.Citations), int64(sum.Resolved), int64(sum.Unresolved)
	row.References, row.Orphans = int64(sum.References), int64(sum.Orphans)
	row.Errors, row.Warnings, row.Infos = int64(sum.Errors), int64(sum.Warnings), int64(sum.Infos)

	rows = Rows{Article: row,
		Findings:  make([]Finding, 0, len(rep.Findings)),
		Claims:    make([]Claim, 0, len(rep.Claims)),
		Citations: make([]Citation, 0, len(rep.Citations)),
	}
	for _, f := range rep.Findings {
		rows.Findings = append(rows.Findings, Finding{ArticleID: a.ID, Code: f.Code, Severity: string(f.Severity),
			Line: int64(f.Span.Line), Column: int64(f.Span.Column), Message: f.Message})
	}
	for i, c := range rep.Claims {
		var cited int64
		if len(c.Citations) > 0 || len(c.Links) > 0 {
			cited = 1
		}
		rows.Claims = append(rows.Claims, Claim{ArticleID: a.ID, Idx: int64(i), Text: c.Text, Score: c.Score, Cited: cited})
	}
	for i, c := range rep.Citations {
		rows.Citations = append(rows.Citations, Citation{ArticleID: a.ID, Idx: int64(i), Kind: string(c.Kind), Text: c.Text, Status: string(c.Status)})
	}
	return rows, true
}
