package results

import (
	"cmp"
	"slices"

	"github.com/citecheck/citecheck"
)

// Stats are the counts of a set of articles that citecheck.ReportResults
// adds up: of one article (StatsOf), or of a group, made by adding the
// stats of its articles in any order (Add). Key is the group's key.
type Stats struct {
	Key                   string
	Articles              int64
	Failed                int64
	Claims                int64
	SupportedClaims       int64
	Citations             int64
	Unresolved            int64
	NoReferences          int64
	ReferenceListProblems int64
	Scored                int64
	QualitySum            float64
	Findings              int64
	// Codes counts the findings of each code and the articles with at
	// least one.
	Codes map[string]CodeCount
}

// CodeCount counts the findings of one code and the articles with at
// least one of them.
type CodeCount struct {
	Findings int64
	Articles int64
}

// KeyOf returns the group that the article a belongs to when a report
// is grouped by by: its outlet, the year of its published date
// (citecheck.PublishedYear), or "" for the corpus as a whole and by code.
func KeyOf(by citecheck.GroupBy, a Article) string {
	switch by {
	case citecheck.GroupOutlet:
		return a.Outlet
	case citecheck.GroupYear:
		return citecheck.PublishedYear(a.Published)
	}
	return ""
}

// StatsOf returns the stats of one article with the given findings, under
// the group key.
func StatsOf(key string, a Article, findings []Finding) Stats {
	s := Stats{Key: key, Articles: 1, Claims: a.Claims, SupportedClaims: a.Claims - a.UncitedClaims,
		Citations: a.Citations, Unresolved: a.Unresolved, Findings: a.Errors + a.Warnings + a.Infos}
	if a.Status == StatusFailed {
		s.Failed = 1
	}
	if a.Status == StatusOK && a.References == 0 {
		s.NoReferences = 1
	}
	if a.Quality != nil {
		s.Scored, s.QualitySum = 1, *a.Quality
	}
	for _, f := range findings {
		if s.Codes == nil {
			s.Codes = map[string]CodeCount{}
		}
		c, seen := s.Codes[f.Code]
		c.Findings++
		if !seen {
			c.Articles = 1
		}
		s.Codes[f.Code] = c
		if f.Code == citecheck.CodeMissingReferenceList || f.Code == citecheck.CodeEmptyReferenceList {
			s.ReferenceListProblems = 1
		}
	}
	return s
}

// Add adds the counts of o to s, changing s.Codes in place (never o's).
// The articles of s and o must be distinct,
// as those of two groups or of two parts of one group are.
func (s *Stats) Add(o Stats) {
	s.Articles += o.Articles
	s.Failed += o.Failed
	s.Claims += o.Claims
	s.SupportedClaims += o.SupportedClaims
	s.Citations += o.Citations
	s.Unresolved += o.Unresolved
	s.NoReferences += o.NoReferences
	s.ReferenceListProblems += o.ReferenceListProblems
	s.Scored += o.Scored
	s.QualitySum += o.QualitySum
	s.Findings += o.Findings
	for code, c := range o.Codes {
		if s.Codes == nil {
			s.Codes = make(map[string]CodeCount, len(o.Codes))
		}
		t := s.Codes[code]
		t.Findings += c.Findings
		t.Articles += c.Articles
		s.Codes[code] = t
	}
}

// Report builds the report grouped by by from the stats of its groups,
// one per key (groups of one key are added up), as
// citecheck.ReportResults returns it for the same articles: the shares,
// means and orders are computed the same way. Sums of quality scores may
// differ from SQLite's in the last bits, as floating-point sums taken in
// another order do.
func Report(by citecheck.GroupBy, groups []Stats) *citecheck.CorpusReport {
	rep := &citecheck.CorpusReport{Version: citecheck.CorpusReportVersion, By: by,
		Groups: []citecheck.CorpusGroup{}, Codes: []citecheck.CodeStats{}}
	byKey := map[string]*Stats{}
	var total Stats
	for _, g := range groups {
		if byKey[g.Key] == nil {
			byKey[g.Key] = &Stats{Key: g.Key}
		}
		byKey[g.Key].Add(g)
		total.Add(g)
	}
	rep.Total = corpusStats(total)
	rep.Codes = codeStats(total.Codes, rep.Total.Checked)
	if by != citecheck.GroupOutlet && by != citecheck.GroupYear {
		return rep
	}
	for _, g := range byKey {
		cs := corpusStats(*g)
		rep.Groups = append(rep.Groups, citecheck.CorpusGroup{Key: g.Key, CorpusStats: cs, Codes: codeStats(g.Codes, cs.Checked)})
	}
	slices.SortFunc(rep.Groups, func(a, b citecheck.CorpusGroup) int {
		if by == citecheck.GroupYear {
			// The unknown year last.
			return cmp.Or(cmp.Compare(unknownLast(a.Key), unknownLast(b.Key)), cmp.Compare(a.Key, b.Key))
		}
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Key, b.Key))
	})
	return rep
}

// corpusStats turns counts into a report's figures.
func corpusStats(s Stats) citecheck.CorpusStats {
	cs := citecheck.CorpusStats{Articles: int(s.Articles), Failed: int(s.Failed), Checked: int(s.Articles - s.Failed),
		Claims: int(s.Claims), SupportedClaims: int(s.SupportedClaims), Citations: int(s.Citations),
		Unresolved: int(s.Unresolved), NoReferences: int(s.NoReferences),
		ReferenceListProblems: int(s.ReferenceListProblems), Scored: int(s.Scored), Findings: int(s.Findings)}
	cs.SupportedShare = ratio(float64(s.SupportedClaims), s.Claims)
	cs.UnresolvedRate = ratio(float64(s.Unresolved), s.Citations)
	cs.MeanQuality = ratio(s.QualitySum, s.Scored)
	return cs
}

// codeStats lists codes commonest first (by findings, then articles, then
// code) with their share of checked articles.
func codeStats(codes map[string]CodeCount, checked int) []citecheck.CodeStats {
	out := make([]citecheck.CodeStats, 0, len(codes))
	for code, c := range codes {
		out = append(out, citecheck.CodeStats{Code: code, Findings: int(c.Findings), Articles: int(c.Articles),
			Share: ratio(float64(c.Articles), int64(checked))})
	}
	slices.SortFunc(out, func(a, b citecheck.CodeStats) int {
		return cmp.Or(cmp.Compare(b.Findings, a.Findings), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Code, b.Code))
	})
	return out
}

func ratio(num float64, den int64) *float64 {
	if den <= 0 {
		return nil
	}
	r := num / float64(den)
	return &r
}

// unknownLast sorts the unknown key "" after the others.
func unknownLast(key string) int {
	if key == "" {
		return 1
	}
	return 0
}
