package citecheck

import (
	"context"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/citecheck/citecheck/citations"
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
// citations resolve to: a link in or closing the sentence to a source (not
// a glossary, topic, home or profile page: citations.SourceURL, as for
// ClaimSupport.Links), a DOI written in it, or the DOI or URL of the entry
// a marker points to. A source with
// no text, that failed, or that is a paywall or login page gets no
// verdict: its silence says nothing about the claim. A source is read
// once for all the claims that cite it (see verifyQueue). The pairs are
// verified on up to GOMAXPROCS goroutines, each result written to its own
// slot, so the order is the claims' and their citations'; the context is
// checked between tasks.
func (p *Pass) verifyClaims(ctx context.Context) error {
	if len(p.Resolutions) == 0 {
		return nil
	}
	var q verifyQueue
	index := map[*resolve.Resolution]int{} // into q.sources
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
			if res == nil || seen[res] || cit.Kind == citations.KindLink && !citations.SourceURL(cit.URL) {
				continue // a glossary, topic, home or profile page is no source to verify against
			}
			if videoPage(citedURL(res)) {
				continue // what a video says is not in its page's text: no verdict
			}
			seen[res] = true
			k, known := index[res]
			if !known {
				k = -1
				if readable(res.Source) {
					k = len(q.sources)
					q.sources = append(q.sources, sourceTask{source: verify.Source{Text: res.Source.Text, URL: citedURL(res), Title: res.Source.Title}})
				}
				index[res] = k
			}
			if k < 0 {
				continue
			}
			if vc == nil {
				vc = &verify.Claim{Text: p.claimWithoutMarkers(s), Title: p.Doc.Meta.Title, Context: p.claimContext(s.Claim),
					Date: p.Doc.Meta.Published}
			}
			src := &q.sources[k]
			s.Support = append(s.Support, Support{Citation: cit.ID, Reference: ref, URL: src.source.URL})
			src.jobs = append(src.jobs, claimJob{claim: s, slot: len(s.Support) - 1, vc: vc})
		}
	}
	if len(q.sources) == 0 {
		return nil
	}
	q.run(ctx)
	// A paywall or login page is found when its source is read; the
	// slots of the claims that cite one go.
	drop := map[*ClaimSupport][]int{}
	for k := range q.sources {
		if src := &q.sources[k]; src.paywall {
			for _, j := range src.jobs {
				drop[j.claim] = append(drop[j.claim], j.slot)
			}
		}
	}
	for s, slots := range drop {
		kept := s.Support[:0]
		for i, sp := range s.Support {
			if !slices.Contains(slots, i) {
				kept = append(kept, sp)
			}
		}
		clear(s.Support[len(kept):])
		s.Support = kept
		if len(kept) == 0 {
			s.Support = nil
		}
	}
	return ctx.Err()
}

// verifyQueue verifies claims against their sources on up to GOMAXPROCS
// goroutines with no goroutine waiting on a source another is reading
// while there is other work. Its tasks are of two kinds: reading a source
// (verify.Prepare), after which its claims are ready, and verifying a
// claim against a source already read. A goroutine takes a ready claim
// first and reads the next source only when there is none, so that only
// about as many sources as goroutines are held at once; a source is let
// go when its last claim is verified, and its memory reused by the next
// read (verify.Prepared.Reset).
type verifyQueue struct {
	sources []sourceTask // in the order the claims first cite them

	mu      sync.Mutex
	changed sync.Cond          // signalled when ready grows or a read ends
	next    int                // the next source to read
	reading int                // sources being read
	ready   []readyJob         // claims whose source is read
	spare   []*verify.Prepared // let go, for the next read to reuse
}

// sourceTask is a source to read and the claims that cite it, in the
// claims' order.
type sourceTask struct {
	source  verify.Source
	jobs    []claimJob
	paywall bool // the source is a paywall or login page: no verdicts

	prepared *verify.Prepared
	left     atomic.Int64 // jobs still to run against prepared
}

// claimJob is verifying one claim against one source; the result goes to
// claim.Support[slot].
type claimJob struct {
	claim *ClaimSupport
	slot  int
	vc    *verify.Claim
}

// readyJob is a claimJob whose source is read.
type readyJob struct {
	src *sourceTask
	job *claimJob
}

// run does every task, or stops between tasks when ctx is done.
func (q *verifyQueue) run(ctx context.Context) {
	q.changed.L = &q.mu
	jobs := 0
	for k := range q.sources {
		jobs += len(q.sources[k].jobs)
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), jobs) - 1 {
		wg.Go(func() { q.work(ctx) })
	}
	q.work(ctx)
	wg.Wait()
}

// work does tasks until there are none left or ctx is done.
func (q *verifyQueue) work(ctx context.Context) {
	q.mu.Lock()
	for ctx.Err() == nil {
		switch {
		case len(q.ready) > 0:
			r := q.ready[len(q.ready)-1]
			q.ready = q.ready[:len(q.ready)-1]
			q.mu.Unlock()
			done := r.src.verify(r.job)
			q.mu.Lock()
			q.letGo(done)
		case q.next < len(q.sources):
			src := &q.sources[q.next]
			q.next++
			q.reading++
			var spare *verify.Prepared
			if n := len(q.spare); n > 0 {
				spare, q.spare = q.spare[n-1], q.spare[:n-1]
			}
			q.mu.Unlock()
			src.read(spare)
			q.mu.Lock()
			q.reading--
			q.changed.Broadcast()
			if !src.paywall {
				// This goroutine verifies the first claim itself, the
				// source still in its cache; the others are anyone's.
				for i := len(src.jobs) - 1; i > 0; i-- {
					q.ready = append(q.ready, readyJob{src, &src.jobs[i]})
				}
				q.mu.Unlock()
				done := src.verify(&src.jobs[0])
				q.mu.Lock()
				q.letGo(done)
			} else if spare != nil {
				q.spare = append(q.spare, spare)
			}
		case q.reading > 0:
			// Nothing to do until a read ends and may bring claims.
			q.changed.Wait()
		default:
			q.mu.Unlock()
			return
		}
	}
	q.mu.Unlock()
}

// letGo keeps a source's memory for the next read; done may be nil.
func (q *verifyQueue) letGo(done *verify.Prepared) {
	if done != nil {
		q.spare = append(q.spare, done)
	}
}

// read prepares the source for its claims in spare (when not nil), unless
// it is a paywall.
func (t *sourceTask) read(spare *verify.Prepared) {
	if verify.Paywall(t.source.Text) {
		t.paywall = true
		return
	}
	t.left.Store(int64(len(t.jobs)))
	if spare == nil {
		spare = new(verify.Prepared)
	}
	spare.Reset(t.source)
	t.prepared = spare
}

// verify verifies one claim against the source read; after its last claim
// it lets the source go and returns what it was read into.
func (t *sourceTask) verify(j *claimJob) *verify.Prepared {
	j.claim.Support[j.slot].Result = verify.VerifyPrepared(*j.vc, t.prepared)
	if t.left.Add(-1) > 0 {
		return nil
	}
	done := t.prepared
	t.prepared = nil
	return done
}

// citedURL is the URL of a resolved target as a reader follows it.
func citedURL(res *resolve.Resolution) string {
	if res.Target.DOI {
		return "https://doi.org/" + res.Target.Raw
	}
	return res.Target.Raw
}

// claimWithoutMarkers returns the claim's sentence with its citation
// markers blanked out, byte for byte, so that a claim's spans stay
// valid: "[3]", "²", "(Ma et al., 2019)", "Chen and Ortiz (2020)". They
// name the source, not what the claim says of the world: the source need
// not write its own year, nor its authors' names (an abstract does not).
// A link's text is the claim's own words and stays.
func (p *Pass) claimWithoutMarkers(s *ClaimSupport) string {
	text, sp := s.Claim.Text, s.Claim.Span
	if sp.End > len(p.Doc.Text) || p.Doc.Text[sp.Start:sp.End] != text {
		return text // (the claim is its sentence in the text: not reached)
	}
	var b []byte
	for _, ci := range s.Citations {
		c := &p.Citations[ci]
		if c.Kind == citations.KindLink {
			continue
		}
		g := c.Group
		if g.Start < sp.Start || g.End > sp.End || g.Start >= g.End {
			continue // a marker closing the sentence, outside its span
		}
		if b == nil {
			b = []byte(text)
		}
		for i := g.Start - sp.Start; i < g.End-sp.Start; i++ {
			b[i] = ' '
		}
	}
	if b == nil {
		return text
	}
	return string(b)
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

// videoPage reports whether rawURL is a video's page (YouTube, Vimeo,
// TikTok, Dailymotion, Twitch, a Facebook or Instagram video): a source
// for a claim, but one whose words are in the video, not in the page's
// text, so that verifying against the page would report a supported claim
// as unsupported.
func videoPage(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	path := strings.ToLower(u.Path)
	switch host {
	case "youtu.be", "vimeo.com", "player.vimeo.com", "dailymotion.com", "dai.ly":
		return true
	case "youtube.com", "music.youtube.com":
		return path == "/watch" || strings.HasPrefix(path, "/shorts/") || strings.HasPrefix(path, "/live/") || strings.HasPrefix(path, "/embed/")
	case "tiktok.com":
		return strings.Contains(path, "/video/")
	case "twitch.tv":
		return strings.HasPrefix(path, "/videos/")
	case "facebook.com":
		return strings.HasPrefix(path, "/watch") || strings.Contains(path, "/videos/")
	case "instagram.com":
		return strings.HasPrefix(path, "/reel/") || strings.HasPrefix(path, "/reels/") || strings.HasPrefix(path, "/tv/")
	}
	return false
}

// readable reports whether a source was read and has text; whether it is
// a paywall or a login page (verify.Paywall) is left to reading it.
func readable(s *resolve.Source) bool {
	if s == nil || s.Status != resolve.StatusOK || strings.TrimSpace(s.Text) == "" {
		return false
	}
	switch s.HTTPStatus {
	case http.StatusUnauthorized, http.StatusPaymentRequired, http.StatusForbidden:
		return false
	}
	return true
}
