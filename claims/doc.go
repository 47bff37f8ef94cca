// Package claims finds the check-worthy claims of an article: it splits a
// sources.Document into sentences with exact spans, types each sentence's
// factual content (statistic, comparison, temporal, causal, quote,
// attribution, prediction), names the sources it attributes that content to,
// and scores it with a small calibrated model.
//
//	doc, _ := sources.Parse(src, sources.ReadOptions{Name: name})
//	for _, c := range claims.Extract(doc, claims.Options{}) {
//		fmt.Println(doc.Locate(c.Span), c.Score, c.Kinds, c.Text)
//	}
//
// # Sentences
//
// Sentences never cross a block boundary, and a block without a full stop
// (a heading, a list item) is one sentence. The splitter is a hand-written
// linear scanner that keeps abbreviations (et al., U.S., Dr., No., vs.),
// initials, decimals, ellipses followed by lowercase and quotations ending
// in ?" together, and gives a sentence the citation markers that close it:
// "… breach. (Ponemon Institute, 2021)", "…record.[3]", "…record.²".
//
// # Model
//
// The score is a logistic regression over hashed word unigrams, stems and
// bigrams (2^18 buckets, FNV-1a) plus the typed signals and the signals of
// non-claims (questions, hypotheticals, exhortations, opinions, first-person
// asides, missing full stops, navigation words), with Platt scaling. The
// written-text model also reads trigrams of word classes (function words,
// punctuation and number shapes as themselves; capitalised names; -ed,
// -ing, -ly and other words) and scales its hashed features by their
// log-count ratio in the training data (NBSVM). Questions are capped at
// 0.2. In a transcript scored with
// Model.ScoreSequence and speakers, a sentence also sees its neighbours'
// words and generic speaker features (turn position and length, the
// speaker's share of questions: a moderator asks); written text has no
// speaker and none of these features, so Extract, Score and ScoreSequence
// without speakers agree. The weights in model.bin are trained by
// `go run ./claims/train` from the CLEF CheckThat! 2020 task 5 training
// transcripts, testdata/claims/labelled.tsv, the sentences of the dev
// half of the real pages labelled in testdata/realpages and, for written
// text, 10,427 sentences of 155 web pages cited by Wikipedia labelled by hand
// (testdata/claims/web-labels.tsv, the pages read from ../shared); the training is
// deterministic, and every setting of it was chosen by cross-validation over
// the training data (see the train command), never on test data.
// `go test . -run TestEvalClaimsRealPages -v` in the repository root scores
// the held-out test pages.
// `go test ./claims -run TestEvalCheckworthiness -v` ranks the held-out CLEF
// test transcripts by ScoreSequence and reports the figures.
//
// Citation markers (parentheticals with a year, bracketed footnotes) are
// left out of the features: where a sentence's content comes from does not
// make it more or less worth checking, and their years are not dated events.
//
// # Concurrency and limits
//
// Everything is safe for concurrent use: the default model is decoded once,
// on first use, and never changes. Work is linear in the input; a sentence
// is scored on its first 400 tokens.
package claims
