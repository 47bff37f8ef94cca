package citecheck

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/sources/resolve"
)

// Support is what verifying a claim against one of its cited sources gave
// (see Options.SkipVerification).
type Support struct {
	// Citation is the ID of the claim's citation that cites the source.
	Citation string
	// Reference is the ID of the entry the citation points to, when the
	// source is the entry's; empty for a link or a DOI in the sentence.
	Reference string
	// URL is the source as cited: the link, the entry's URL, or the DOI's
	// resolver URL.
	URL string
	// Result is verify.Verify's answer, its spans into the source's text.
	Result verify.Result
}

// maxContextBytes bounds the text before a claim searched for the two
// sentences that make its context.
const maxContextBytes = 800

// verifyClaims verifies each claim against the text of every source its
// citations resolve to: a link in or closing the sentence, a DOI written
// in it, or the DOI or URL of the entry a marker points to. A source with
// no text, that failed, or that is a paywall or login page gets no
// verdict: its silence says nothing about the claim. A source is read
// once for all the claims that cite it (see preparedSource). The pairs are
// verified on up to GOMAXPROCS goroutines, each result written to its own
// slot, so the order is the claims' and their citations'; the context is
// checked between pairs.
func (p *Pass) verifyClaims(ctx context.Context) error {
	if len(p.Resolutions) == 0 {
		return nil
	}
	type job struct {
		claim  *ClaimSupport
		slot   int
		vc     *verify.Claim
		source *preparedSource
	}
	var jobs []job
	readable := map[*resolve.Resolution]bool{} // verifiable, once per source
	prepared := map[*resolve.Resolution]*preparedSource{}
	for i := range p.Claims {
		s := &p.Claims[i]
		var vc *verify.Claim
		seen := map[*resolve.Resolution]bool{}
		for _, ci := range s.Citations {
			cit := &p.Citations[ci]
			res, ref := p.Resolutions[cit.ID], ""
			if res == nil && ci < len(p.Links) && p.Links[ci].Reference != "" {
				ref = p.Links[ci].Reference
				res = p.Resolutions[ref]
			}
			if res == nil || seen[res] {
				continue
			}
			seen[res] = true
			ok, known := readable[res]
			if !known {
				ok = verifiable(res.Source)
				readable[res] = ok
			}
			if !ok {
				continue
			}
			if vc == nil {
				vc = &verify.Claim{Text: s.Claim.Text, Title: p.Doc.Meta.Title, Context: p.claimContext(s.Claim),
					Date: p.Doc.Meta.Published}
			}
			url := citedURL(res)
			s.Support = append(s.Support, Support{Citation: cit.ID, Reference: ref, URL: url})
			ps := prepared[res]
			if ps == nil {
				ps = &preparedSource{source: verify.Source{Text: res.Source.Text, URL: url, Title: res.Source.Title}}
				prepared[res] = ps
			}
			ps.left.Add(1)
			jobs = append(jobs, job{claim: s, slot: len(s.Support) - 1, vc: vc, source: ps})
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				j.claim.Support[j.slot].Result = verify.VerifyPrepared(*j.vc, j.source.get())
				j.source.done()
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// preparedSource is a source read once for the claims that cite it
// (verify.Prepare), by the first of their jobs to run, and let go when
// the last is done, so that an article's sources are not all held at
// once.
type preparedSource struct {
	source   verify.Source
	once     sync.Once
	prepared *verify.Prepared
	left     atomic.Int64 // jobs still to run against it
}

func (ps *preparedSource) get() *verify.Prepared {
	ps.once.Do(func() { ps.prepared = verify.Prepare(ps.source) })
	return ps.prepared
}

// done marks a job against the source done.
func (ps *preparedSource) done() {
	if ps.left.Add(-1) == 0 {
		ps.prepared = nil
	}
}

// citedURL is the URL of a resolved target as a reader follows it.
func citedURL(res *resolve.Resolution) string {
	if res.Target.DOI {
		return "https://doi.org/" + res.Target.Raw
	}
	return res.Target.Raw
}

// claimContext is the text of the (at most) two sentences before the
// claim's, within maxContextBytes of it.
func (p *Pass) claimContext(c *claims.Claim) string {
	text := p.Doc.Text
	end := min(c.Span.Start, len(text))
	start := max(0, end-maxContextBytes)
	for start > 0 && start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	window := text[start:end]
	spans := claims.SplitSentences(window)
	if len(spans) > 2 {
		spans = spans[len(spans)-2:]
	}
	if len(spans) == 0 {
		return ""
	}
	return strings.TrimSpace(window[spans[0].Start:spans[len(spans)-1].End])
}

// verifiable reports whether a source has text to verify a claim against:
// it was read, has text, and is not a paywall or a login page.
func verifiable(s *resolve.Source) bool {
	if s == nil || s.Status != resolve.StatusOK || strings.TrimSpace(s.Text) == "" {
		return false
	}
	switch s.HTTPStatus {
	case http.StatusUnauthorized, http.StatusPaymentRequired, http.StatusForbidden:
		return false
	}
	return !paywallText(s.Text)
}

// paywallWords are the phrases ("subscri" for subscribe, subscriber,
// subscription) of a page that stands between a reader and
// the article: subscribe, sign in, log in.
var paywallWords = [...]string{
	"subscri", "sign in", "sign-in", "log in", "login", "log-in", "create an account", "create a free account",
	"register to continue", "paywall", "already a member", "continue reading", "free trial",
}

// paywallWordsAt returns how many of paywallWords s begins with, ASCII
// capitals taken as lower case: one switch on the first letter (see
// TestPaywallWordsAt).
func paywallWordsAt(s string) int {
	if len(s) < 5 {
		return 0
	}
	switch lowerASCII(s[0]) {
	case 's':
		return prefixesASCIIFold(s, "subscri", "sign in", "sign-in")
	case 'l':
		return prefixesASCIIFold(s, "log in", "login", "log-in")
	case 'c':
		return prefixesASCIIFold(s, "create an account", "create a free account", "continue reading")
	case 'r':
		return prefixesASCIIFold(s, "register to continue")
	case 'p':
		return prefixesASCIIFold(s, "paywall")
	case 'a':
		return prefixesASCIIFold(s, "already a member")
	case 'f':
		return prefixesASCIIFold(s, "free trial")
	}
	return 0
}

// prefixesASCIIFold returns how many of prefixes (lower case) s begins
// with, ASCII capitals in s taken as lower case.
func prefixesASCIIFold(s string, prefixes ...string) int {
	n := 0
	for _, p := range prefixes {
		if hasPrefixASCIIFold(s, p) {
			n++
		}
	}
	return n
}

// lowerASCII lowers an ASCII capital.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixASCIIFold reports whether s begins with prefix (lower case),
// ASCII capitals in s taken as lower case.
func hasPrefixASCIIFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if lowerASCII(s[k]) != prefix[k] {
			return false
		}
	}
	return true
}

// paywallPrefix is how much of a page paywallText reads, in bytes.
const paywallPrefix = 2048

// paywallText reports text dominated by subscribe and sign-in wording: a
// short page (under 300 words) with two such phrases or more, or any page
// where they make one word in twenty-five.
func paywallText(text string) bool {
	// Only the start of a long page is read: a paywall says so at once,
	// and a long article's footer has its own "subscribe".
	if len(text) > paywallPrefix {
		text = text[:paywallPrefix]
	}
	hits := 0
	for i := 0; i < len(text); i++ {
		hits += paywallWordsAt(text[i:])
	}
	if hits == 0 {
		return false
	}
	words := 0
	for i := 0; i < len(text); i++ {
		if text[i] > ' ' && (i == 0 || text[i-1] <= ' ') {
			words++
		}
	}
	return (words < 300 && hits >= 2) || hits*25 >= words
}
