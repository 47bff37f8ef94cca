// Package citecheck checks the citations of a news article, a draft or a
// paper: it finds the in-text citations and the reference list, links every
// citation to its entry, and reports what a careful editor would flag, each
// finding with the line and column where it is in the input file.
//
//	report, err := citecheck.Check(ctx, file, citecheck.Options{Name: "draft.md"})
//	if err != nil {
//		return err // a *sources.InputError names the file and position
//	}
//	for _, f := range report.Findings {
//		fmt.Printf("%s:%d:%d: %s: %s [%s]\n", report.Input, f.Span.Line, f.Span.Column, f.Severity, f.Message, f.Code)
//	}
//
// # Pipeline
//
// Every input is read once into a [sources.Document]: the bytes as given,
// the readable text (for HTML the main content only, with navigation,
// footers, share bars and comments left out), its blocks, links, anchors
// and metadata. Every later stage works on that document and returns plain
// data:
//
//	bytes ─► sources.Read ─► Document ─┬─► citations.Find ──────────┐
//	                                   ├─► citations.FindReferences ┼─► citations.Link ─┐
//	                                   └─► claims.Extract ──────────┴───────────────────┴─► rules ─► Report
//
// Claims are sentences the claims package scores as check-worthy; each is
// linked to the citations inside or closing it, its links and the sources it
// names ([ClaimSupport]), which is what the uncited-claim and
// anachronistic-citation rules read.
//
// Linking is a pure function from citations and entries to one result per
// citation (resolved, unresolved, ambiguous, mismatched, or unlisted for a
// hyperlink), so it is tested without any document. Each check is a [Rule]:
// a code, its default severity, its documentation and a function over the
// [Pass], which exports everything the pipeline produced, as go/analysis
// does for an Analyzer; a rule reports with [Pass.Reportf] (or Report,
// ReportClaim, ReportSource), and may live in any package. [DefaultRules]
// returns a fresh list, the rules grouped by family in rules_citations.go,
// rules_claims.go and rules_sources.go; adding a check means adding one Rule
// value there and a row to the README's table of codes.
//
// # The report
//
// A [Report] is what the JSON encodes; everything in it points at
// everything else by ID ("c3", "r2", "k1"), and its methods walk it, on a
// report Check returned or one decoded from JSON: a claim's citations
// ([Report.ClaimCitations]), a citation's entry and claim, an entry's
// citations, a finding's claim, citation and entry. Every span in it is a
// [sources.Location].
//
// # Layout
//
// The folders show the pipeline. sources/ is the document model and its
// readers (add an input format as a row of sources.FormatTable and a reader
// beside the others); sources/site, the site of a host; sources/resolve,
// fetching and the policy of what to fetch (add a fetcher there), with its
// SQLite cache in sources/resolve/sqlitecache; sources/corpus, the corpora
// of batch runs; sources/sqlitedb, the migrations of both databases.
// citations/ finds citations and reference lists, parses entries (add a
// citation style in the refparse_*.go file of the field it reads) and links
// them; claims/ finds and scores claims. This package runs the pipeline and
// the rules, and holds Batch and Store.
//
// # Positions
//
// Detectors work on Document.Text. The document keeps a map from every byte
// of Text back to the bytes of the input it came from (a decoded entity maps
// to the whole entity, a joined line break to the break and the indentation
// after it), and a line table over the input. So every citation, reference
// and finding carries byte offsets into the input file as given, and 1-based
// lines and columns counted in characters; for HTML they point into the
// HTML source, for a file in a legacy encoding into the original bytes. A
// Word document (DOCX) has no lines: its positions are paragraphs and
// characters of its text, and the page where Word recorded it
// (Location.Page).
//
// # Errors
//
// Bad input never panics. Reading fails with a [*sources.InputError] that
// names the input and, where it can, the line and column; test its cause
// with errors.Is against [sources.ErrTooLarge], [sources.ErrBinary],
// [sources.ErrUnsupportedFormat], [sources.ErrEncoding] and
// [sources.ErrMalformed] (a broken DOCX, whose [*sources.PartError] names
// the part, line and column).
//
// # Suppressions
//
// A draft may turn findings off where they stand: in HTML and Markdown the
// comments <!-- citecheck-disable-next-line CODE... --> (the next line
// that is not blank) and <!-- citecheck-disable CODE... --> up to
// <!-- citecheck-enable [CODE...] --> (or the end), no code meaning every
// code and "-- reason" after the codes kept; in plain text the same words
// on a line of their own after '#', which the text reader reads as blank.
// Check applies them after every rule has run: a finding whose span
// starts where one applies moves to [Report.Suppressed], with the
// comment's place and reason. A comment that turns nothing off is an
// unused-suppression finding, a misspelt one or an unknown code an
// invalid-suppression one, as golangci-lint's nolintlint reports.
//
// # Limits
//
// Every stage takes time linear in its input, and [Limits] bound what one
// document may make a check hold: its bytes (16 MiB by default), in-text
// citations, reference entries and findings. A document past one is
// refused, never cut: the error is a [*LimitError] naming the limit and the
// command-line flag that raises it, and wraps [sources.ErrLimit]. [Batch]
// also gives each article a deadline (BatchOptions.Timeout), past which it
// is recorded as failed and the run goes on.
//
// # Network
//
// By default checking never touches the network: links and DOIs are
// reported as written. Resolving what an article cites is an opt-in step
// (Options.Resolver, a [resolve.Resolver]): its Fetcher dials only public
// addresses (checked after DNS resolution, on every redirect, with no proxy
// from the environment), caps time and body size, and keeps to per-site
// rate limits and robots.txt. With a resolver, after linking, each entry's
// DOI (else its URL) and each URL or DOI a citation carries (a link, a
// DOI written out, an author-year citation's own) is resolved once, by a
// small pool of goroutines, and the source rules (broken-link,
// unreachable-source, unresolvable-doi, reference-mismatch,
// retracted-source) read the results ([Pass.Sources]). The resolver's cache
// answers for fresh sources without a request and keeps every link
// observation, so a link is called dead only after failures on separate
// days ([resolve.IsDead]); an offline resolver answers from the cache
// alone.
//
// # Verification
//
// With a resolver, each claim is then verified against the readable text
// of the sources its citations resolve to (a link in or closing its
// sentence to a source, not a glossary, topic, home or profile page; a DOI
// written in it; the DOI or URL of the entry its marker points to) with
// claims/verify: [ClaimSupport.Support] and the report's
// claims[].support hold the verdict, score, evidence passages (byte spans
// into the source's text) and what the source lacks, and the rules
// unsupported-claim, number-mismatch and misquote report on them. A source
// that failed, answered 401, 402 or 403, or reads as a subscribe or sign-in
// page, and a video's page, get no verdict. The cache keeps each source's text compressed (at
// most [resolve.MaxSourceText] bytes), so an offline run verifies too.
// Options.SkipVerification turns it off.
//
// # Corpora
//
// [Batch] checks the articles of a corpus (an iterator, typically
// [corpus.Read] over folders, JSON Lines and WARC files) on a
// bounded pool of goroutines and yields one [BatchResult] per article as it
// finishes, holding only a few articles in memory whatever the corpus
// size; cancelling the context stops it. [OpenStore] keeps the results in
// SQLite tables (articles, findings, claims, citations), [Store.Has] lets a
// resumed run skip what is stored with the same content hash and settings
// ([Options.SettingsKey]; BatchOptions.ArticleOptions gives each article
// its own), [Store.Merge] combines the databases of shards and
// [Store.Report] aggregates them by outlet, year or finding code.
//
// # Concurrency
//
// The package has no global state. Check and Batch may be called from many
// goroutines at once; a Report and its Document belong to the caller. A
// Store has one writer: Save and Merge must not run at the same time.
package citecheck
