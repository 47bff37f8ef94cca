package claims

import (
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// FindAttributions returns the named sources sentence attributes its content
// to, with spans relative to sentence: "according to X", "X said", "a study by
// X found", "data from X show", and the speaker of a quotation.
func FindAttributions(sentence string) []Attribution {
	var buf [64]token
	toks := tokenize(sentence, buf[:0])
	atts, _ := findAttributions(sentence, toks, true, nil)
	return atts
}

// findAttributions returns the named attributions of s and whether s
// attributes its content to anyone at all (a pronoun counts: "she said").
// Without collect it only answers the second question, which does not
// depend on the first, and allocates nothing. The attributions are appended
// to into[:0] (so into's room is used first); nil when there are none.
func findAttributions(s string, toks []token, collect bool, into []Attribution) (atts []Attribution, any bool) {
	atts = into[:0]
	add := func(from, to int) {
		if from >= to || !collect {
			return
		}
		sp := sources.Span{Start: toks[from].start, End: toks[to-1].end}
		for _, a := range atts {
			if a.Span.Overlaps(sp) {
				return
			}
		}
		atts = append(atts, Attribution{Name: s[sp.Start:sp.End], Span: sp})
	}
	for i := range toks {
		t := &toks[i]
		if t.kind != tokWord {
			continue
		}
		switch t.norm {
		case "according":
			if i+1 < len(toks) && toks[i+1].norm == "to" {
				if from, to := nameAfter(toks, i+2); to > from {
					add(from, to)
					any = true
				} else if i+2 < len(toks) && toks[i+2].kind == tokWord && !isPronoun(toks[i+2].norm) {
					any = true
				}
			}
		case "claim":
			// a fact-check's claim under review, whose claimant the
			// article names around it: "Claim: The storm was the
			// strongest since 1987.", "The claim: …"
			if i+1 < len(toks) && toks[i+1].norm == ":" && (i == 0 || i == 1 && isArticle(toks[0].norm)) {
				any = true
			}
		case "source", "sources", "via", "quelle", "fuente", "fuentes", "fonte", "fontes":
			// a source named in brackets: "(source: Freddie Mac)", "(via
			// Reuters)", "(Quelle: Destatis)"
			if i > 0 && toks[i-1].norm == "(" {
				j := i + 1
				if j < len(toks) && toks[j].norm == ":" {
					j++
				}
				if from, to := nameAfter(toks, j); to > from {
					add(from, to)
					any = true
				}
			}
		case "acuerdo", "acordo", "angaben", "schätzungen", "berechnungen", "informationen", "erkenntnissen", "recherchen":
			// Spanish and Portuguese "de acuerdo con X", "de acordo com
			// X" and German "nach Angaben von X", "nach Angaben des X":
			// "according to", as selon below
			if i == 0 || toks[i-1].norm != "de" && toks[i-1].norm != "nach" || i+1 >= len(toks) {
				break
			}
			j := i + 1
			switch toks[j].norm {
			case "con", "com", "von":
				j++
			}
			if from, to := nameAfterArticle(toks, j); to > from { // "des", "der" are articles
				add(from, to)
			}
			any = true // what someone states or counts is theirs, named or not
		case "selon", "según", "segundo", "laut", "zufolge", "d'après", "conforme":
			// French, Spanish, Portuguese and German "according to"
			if t.norm == "zufolge" {
				if from, to := nameBefore(toks, i); to > from {
					add(from, to)
					any = true
				}
				break
			}
			j := i + 1
			if j < len(toks) && isArticle(toks[j].norm) {
				j++
			}
			if from, to := nameAfter(toks, j); to > from {
				add(from, to)
				any = true
			} else if j < len(toks) && toks[j].kind == tokWord && (isSourceNoun(toks[j].norm) || t.norm != "segundo") {
				any = true
			}
		case "déclaré", "affirmé", "expliqué", "indiqué", "précisé", "souligné", "assuré", "ajouté", "estimé",
			"affirme", "explique", "indique", "précise", "souligne", "assure", "estime", "déclare", "annoncé",
			"dijo", "afirmó", "declaró", "explicó", "señaló", "aseguró", "indicó", "denunció", "advirtió",
			"informó", "sostuvo", "agregó", "añadió", "anunció", "dice", "afirma", "explica", "señala", "asegura",
			"disse", "afirmou", "declarou", "explicou", "informou", "disseram", "diz", "anunciou", "destacou",
			"sagte", "sagt", "erklärte", "betonte", "berichtete", "berichtet", "teilte", "kündigte",
			"annonce", "rapporte", "rapporté", "confirmé", "révélé", "reconnu", "dit", "affirment", "estiment",
			"indiquent", "expliquent", "dijeron", "afirmaron", "declararon", "explicaron", "señalaron",
			"aseguraron", "indicaron", "informaron", "confirmó", "reveló", "estimó", "precisó", "detalló",
			"afirmaram", "declararam", "explicaram", "informaram", "confirmou", "revelou", "estimou",
			"apontou", "sagten", "erklärten", "meldete", "meldet", "berichteten", "mitteilte", "bestätigte",
			"bestätigt", "erklärt", "betont", "mitteilten":
			// a speech verb of French, Spanish, Portuguese or German: its
			// speaker comes before it ("Laurent Fabius a déclaré"), or
			// after it in an inversion (« … », a dit le ministre)
			if w := clauseOpener(toks, i, "wie"); w >= 0 {
				// German puts the verb last: "Wie das Statistische
				// Bundesamt am Montag mitteilte, …", whose speaker
				// follows "wie" (not "Montag", a capitalised noun)
				if from, to := nameAfterArticle(toks, w+1); to > from {
					add(from, to)
				}
				any = true
			} else if from, to := nameBefore(toks, skipAuxiliaries(toks, i)); to > from {
				add(from, to)
				any = true
			} else if j := subjectBefore(toks, skipAuxiliaries(toks, i)); j >= 0 && (isSourceNoun(toks[j].norm) || isPronoun(toks[j].norm)) {
				// "le porte-parole du ministère a confirmé", "o
				// presidente afirmou", "el ministro aseguró"
				any = true
			} else if k := skipAuxiliaries(toks, i); k > 0 && (toks[k-1].norm == "," || toks[k-1].norm == `"` || toks[k-1].norm == "comme" || toks[k-1].norm == "como") {
				// the speaker after the verb, its auxiliary first or
				// not: "…, a indiqué le ministère", "…, informaron las
				// autoridades", "Comme l'a révélé Mediapart, …"
				if from, to := nameAfterArticle(toks, i+1); to > from {
					add(from, to)
				}
				any = true
			}
		case "prévoit", "prévoient", "prévient", "calcule", "prevé", "calcula", "prevê", "schätzt", "rechnet":
			// a forecast or an estimate whose maker follows it, after
			// the figure it gives: "Le déficit atteindra 5 %, prévoit la
			// Banque de France" (before it, "Le plan prévoit 3 000
			// postes" is what a plan provides)
			if i > 0 && toks[i-1].norm == "," {
				j := i + 1
				if j < len(toks) && isArticle(toks[j].norm) {
					j++
				}
				if from, to := nameAfter(toks, j); to > from {
					add(from, to)
					any = true
				} else if j < len(toks) && isSourceNoun(toks[j].norm) {
					any = true
				}
			}
		case "believe", "believes", "believed", "fear", "fears", "feared", "concerned", "adamant", "convinced", "worried",
			"expects", "expect", "forecasts", "anticipates", "anticipate":
			// a stance its holder takes: "Police believe the fire was
			// lit", "The Press Council is concerned the laws would…", or
			// an expectation, "The IMF expects growth of 3.1% in 2024";
			// the sentence reports the holder's view, not the writer's
			if from, to, ok := stanceHolder(toks, i); ok {
				add(from, to)
				any = true
			}
		case "put", "present", "presented", "phrased", "framed", "summed":
			// "as Lorenz would later present the idea", "as the minister
			// put it": the words that follow are the speaker's
			if from, to, ok := asSpeakerPut(toks, i); ok {
				add(from, to)
				any = true
			}
		case "saying", "claiming", "arguing", "insisting", "noting", "adding", "warning", "explaining", "stating",
			"asserting", "contending", "maintaining":
			// a participle after the clause of who speaks: "His mother
			// has defended him, claiming he was innocent.", "The
			// company cut 300 jobs, saying that demand fell 20%."; not
			// "She left, saying goodbye to 40 colleagues."
			if i > 0 && toks[i-1].norm == "," && i+1 < len(toks) && (toks[i+1].norm == "that" || isSubjectPronoun(toks[i+1].norm)) {
				any = true
			}
		case "note", "notes", "calculated", "calculates", "calculate":
			// "…, historians note.", "…, scientists at the Met Office
			// calculated."
			if postposedSource(toks, i) {
				any = true
			}
		case "per":
			// "Per the Census Bureau, …", "…, per a WWF report.": not
			// "per cent", "per capita" or "$5 per person"
			if i == 0 || toks[i-1].norm == "," {
				if from, to := nameAfter(toks, i+1); to > from {
					add(from, to)
					any = true
				} else if i+1 < len(toks) && isArticle(toks[i+1].norm) && sourceWithin(toks, i+2, 4) {
					any = true
				}
			}
		case "in":
			// "In our survey, …", "in the 2019 report", "in Gleick's
			// book": the source of what follows, named by what it is
			j := i + 1
			for j < len(toks) && j <= i+3 && (isDeterminer(toks[j].norm) || toks[j].kind == tokNumber || possessiveName(&toks[j])) {
				j++
			}
			if j > i+1 && j < len(toks) && isDocumentNoun(toks[j].norm) {
				any = true
			}
		case "study", "studies", "report", "reports", "survey", "analysis", "research", "data", "poll",
			"paper", "review", "investigation", "audit", "figures", "statistics", "estimates", "census",
			"assessment", "experiment", "trial", "findings", "testimony", "statement":
			if possessedBySource(toks, i) && (t.norm == "findings" || t.norm == "data" || t.norm == "figures" || t.norm == "estimates" || t.norm == "statistics") {
				// "Among its key findings: …", "their data show": the
				// findings of a source the sentences before name
				any = true
			}
			if i+1 < len(toks) {
				switch toks[i+1].norm {
				case "by", "from":
					if from, to := nameAfter(toks, i+2); to > from {
						add(from, to)
						any = true
					} else if sourceWithin(toks, i+2, 4) {
						// "Data from the port authority show …"
						any = true
					}
				}
			}
			if t.norm == "reports" && !t.upper && (reportsClause(toks, i) || i+1 >= len(toks) || toks[i+1].norm == "," || toks[i+1].norm == ".") {
				// a verb too: "Reuters reports that…", "…, the Times
				// reports, the academy…"
				if from, to := nameBefore(toks, skipAdverbs(toks, i)); to > from {
					add(from, to)
					any = true
				}
			}
			if t.norm == "estimates" && !t.upper {
				// a verb too: "NorthStar estimates the market grew 12%"
				if from, to := nameBefore(toks, skipAdverbs(toks, i)); to > from {
					add(from, to)
					any = true
				} else if j := subjectBefore(toks, i); j >= 0 && (toks[j].norm == "he" || toks[j].norm == "she") && reportFollows(toks, i) {
					// a person the sentences before name: "He estimates
					// that the technology saves 70 percent of the costs."
					any = true
				} else if j := subjectBefore(toks, i); j >= 0 && (toks[j].norm == "it" || toks[j].norm == "they") {
					// the source the sentences before name: "It
					// estimates the total cost at $1.3b."
					any = true
				} else if j := subjectPastAside(toks, i); j >= 0 && isSourceNoun(toks[j].norm) {
					// "The report, commissioned by the council,
					// estimates that…"
					any = true
				} else if postposedSource(toks, i) {
					// "…, the agency estimates."
					any = true
				} else if from, to := personAfter(toks, i+1); i > 0 && toks[i-1].norm == "," && to > from {
					// the estimator after the figure: "There are as few
					// as 1,500 fluent speakers, estimates Fairbanks
					// linguist Michael Krauss."
					add(from, to)
					any = true
				}
			}
		case "said", "says", "told", "reported", "found", "finds", "estimated", "announced",
			"stated", "noted", "warned", "claimed", "claims", "wrote", "writes", "argues", "argued",
			"concluded", "concludes", "showed", "shows", "show", "indicates", "indicated", "revealed",
			"reveals", "confirmed", "confirms", "explained", "added", "testified", "insisted", "acknowledged",
			"admitted", "suggests", "suggested", "predicted", "predicts", "projects", "projected",
			"recalled", "recalls", "recall", "hailed", "mentioned", "explains", "explain", "say", "identifies",
			"identified", "determined", "assessed", "describes", "described", "expressed", "asserted",
			"asserts", "maintains", "maintained", "contends", "contended", "announces",
			"conceded", "concedes", "disclosed", "discloses", "recounts", "recounted", "observed", "observes",
			"points", "pointed", "point", "suggest", "indicate", "estimate", "adds", "learned", "learnt", "discovered", "discovers":
			if t.upper {
				// A headline in title case: "Cyberattack Claims Spark …".
				break
			}
			if isPointOut(t.norm) && (i+1 >= len(toks) || toks[i+1].norm != "out") {
				// "points out" reports words; "points to" and "scored
				// 12 points" do not, unless what is pointed to is a
				// source: "Pfizer pointed to a recent study that found…"
				// (but "researchers point to remote work as the reason"
				// names no source)
				if i+1 < len(toks) && toks[i+1].norm == "to" && pointsToSource(toks, i+2) {
					any = true
				}
				break
			}
			if (t.norm == "added" || t.norm == "adds" || t.norm == "maintained" || t.norm == "maintains") && !speechFollows(toks, i) {
				// "Employers added 303,000 jobs": an increase, not a
				// remark; "the members maintained their positions" kept
				// them, and said nothing
				break
			}
			if t.norm == "learned" || t.norm == "learnt" {
				// a scoop, told after it: "…, TVLine has learned."; "Smith
				// learned to fly" is not one
				if from, to, ok := learnedScoop(toks, i); ok {
					add(from, to)
					any = true
				}
				break
			}
			if writesObject(toks, i) {
				// "the team that wrote the software", "equations that
				// described the motion": a thing made or depicted, not
				// words reported
				break
			}
			// "a Gallup poll released Tuesday found": the poll found,
			// not Tuesday
			v := skipReleased(toks, skipAdverbs(toks, i))
			if from, to := nameBefore(toks, v); to > from && (!isFindingVerb(t.norm) || reportFollows(toks, i)) {
				// "Reuters reported", "Barack Obama has admitted", "as
				// Lorenz later recalled", "Dr. Smith found that…" (but
				// "Rothman found a wedding announcement" is something
				// Rothman did, not a finding he reports)
				add(from, to)
				any = true
			} else if j := subjectBefore(toks, v); j >= 0 && (isSourceNoun(toks[j].norm) || isPronoun(toks[j].norm) && (isSpeechVerb(t.norm) || revealsWords(toks, i))) {
				// "the company said", "researchers concluded", "the
				// report found", "she told reporters"
				any = true
			} else if from, to := asideSpeaker(toks, v); (isSpeechVerb(t.norm) || revealsWords(toks, i)) && !makesWork(t.norm) && to > from {
				// "Labour MP Tom Watson, who sits on the committee,
				// said…", "The prosecutor, François Molins, said…"
				add(from, to)
				any = true
			} else if k := subjectPastAside(toks, v); k >= 0 && isSourceNoun(toks[k].norm) {
				// "The study, published in The Lancet, found that…"
				// (k, not j: the branches below read the j above)
				any = true
			} else if j >= 1 && (toks[j].norm == "that" || toks[j].norm == "which") && isSourceNoun(toks[j-1].norm) {
				// "a recent study that found…", "the report, which
				// estimated…"
				any = true
			} else if head := subjectHead(toks, v); head == "document" || head == "team" && teamReports(toks, i) {
				// "A review of thousands of cases in China found only…",
				// "the new studies — two published in JAMA — found
				// that…", "Dr. Iwasaki's team showed in December that…"
				any = true
			} else if isSpeechVerb(t.norm) && sourceInClause(toks, i) {
				// "74% of respondents whose teams use AI said…": the
				// source heads a long subject
				any = true
			} else if postposedSource(toks, i) {
				// "…, the university said on Tuesday.", "…, Ana Ruiz, a
				// spokeswoman for the operator, said."
				any = true
			} else if (isSpeechVerb(t.norm) || t.norm == "say") && j >= 0 && peopleSpeak(toks, j, i) {
				// "indigenous elders say they are not listened to"
				any = true
			} else if (isSpeechVerb(t.norm) || revealsWords(toks, i)) && j >= 0 && determinedSubject(toks, j) && reportsClause(toks, i) {
				// "In a statement, the airline said 40 flights were
				// cancelled.", "the university said that…"
				any = true
			}
			if !any && i > 0 && (toks[i-1].norm == "and" || toks[i-1].norm == "but") && coordinatedSpeech(t.norm) && (reportsClause(toks, i) || i+1 < len(toks) && toks[i+1].norm == ":") {
				// a second verb of the sentence's subject: "Obama pledged
				// federal support and said that the area needed…",
				// "…, but said he likes where he's at"
				any = true
			}
			if isReportingParticiple(t.norm) {
				// "described as heartbreaking by the conservation
				// department", "estimated by Reuters"
				if from, to, ok := agentAfter(toks, i+1); ok {
					add(from, to)
					any = true
				}
			}
			if isSpeechVerb(t.norm) && i > 0 && (toks[i-1].norm == "," || toks[i-1].norm == `"`) {
				if from, to := nameAfter(toks, i+1); to > from {
					add(from, to)
					any = true
				} else if i+1 < len(toks) && isPronoun(toks[i+1].norm) {
					any = true
				}
			}
		}
	}
	if !any {
		any = quotedName(toks, add) || sourceSubject(toks) || quotesSpeech(toks)
	}
	if len(atts) == 0 {
		atts = nil
	}
	return atts, any
}

// quotedName finds a name followed at once by a quotation of its words:
// Palestinian Authority President Mahmoud Abbas “has put aside efforts…”.
// A name given to something ("named it Staten Land “in honour of…”") is
// not a speaker.
func quotedName(toks []token, add func(from, to int)) bool {
	closing := len(toks) > 0 && toks[0].norm == `"` // the next quotation mark closes one
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].norm != `"` {
			continue
		}
		if closing = !closing; !closing || toks[i+1].kind != tokWord || toks[i+1].upper {
			// a closing mark ends a name's quotation, not opens one
			continue
		}
		if from, to := nameBefore(toks, i); to-from >= 2 && (from == 0 || !namesObject(toks[from-1].norm)) {
			add(from, to)
			return true
		}
		if v := i - 1; v > 0 && quotingVerb(&toks[v]) && quotedWords(toks, i) >= 3 {
			// one verb between, and words spoken rather than a term
			// ("never “opted in”"): La Constitución manda “reconocer
			// la preexistencia…”, Obama promised “to end the war”
			if from, to := nameBefore(toks, v); to > from && (from == 0 || !namesObject(toks[from-1].norm)) {
				add(from, to)
				return true
			}
		}
	}
	return false
}

// quotedWords returns the number of words of the quotation opening at i,
// up to its closing mark or the sentence's end.
func quotedWords(toks []token, i int) int {
	n := 0
	for j := i + 1; j < len(toks) && toks[j].norm != `"`; j++ {
		if toks[j].kind == tokWord {
			n++
		}
	}
	return n
}

// quotingVerb reports whether t may be the verb by which a name, just
// before it, speaks the quotation just after it: a lower-case word that is
// neither a function word nor one that names the quotation ("called").
func quotingVerb(t *token) bool {
	return t.kind == tokWord && !t.upper && !isFunctionWord(t.norm) && !isArticle(t.norm) && !isConnector(t.norm) && !namesObject(t.norm)
}

// quotesSpeech reports whether the writer's sentence quotes someone's
// words: a quotation of three words or more, not a title ("“The World of
// Tomorrow”", most of its words capitalised) nor a name given or a term
// ("named it “…”", "so-called “…”"). Whoever the quotation belongs to
// (named in the sentence before, or by the article's reporting), the
// sentence presents the words as theirs, not as the writer's claim.
func quotesSpeech(toks []token) bool {
	open, words, upper := -1, 0, 0
	quoted, outside := false, 0
	for i := range toks {
		t := &toks[i]
		if t.norm == `"` {
			if open < 0 {
				open, words, upper = i, 0, 0
				continue
			}
			quoted = quoted || words >= 3 && 2*upper < words && !namesQuote(toks, open)
			open = -1
			continue
		}
		if t.kind == tokWord {
			if open < 0 {
				outside++
				continue
			}
			words++
			if t.upper {
				upper++
			}
		}
	}
	// a sentence all quotation is left to its speaker, named in a
	// sentence beside it (see quoteSpeakers)
	return quoted && outside >= 2
}

// namesQuote reports whether the words just before the quotation opening
// at i give a name or a term rather than speech: "named it", "called",
// "so-called", "the term", "titled".
func namesQuote(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5 && toks[j].kind != tokPunct; j-- {
		switch toks[j].norm {
		case "named", "called", "so-called", "dubbed", "titled", "entitled", "term", "phrase", "word", "words", "slogan", "motto", "label", "reading":
			return true
		}
	}
	return false
}

// namesObject reports whether w, just before a name, makes the name the
// object of naming ("named it Staten Land", "called him Bud").
func namesObject(w string) bool {
	switch w {
	case "it", "him", "her", "them", "named", "called", "dubbed", "titled", "entitled", "renamed":
		return true
	}
	return false
}

// writesObject reports whether the writing or depicting verb at i
// ("wrote", "described") takes an object, as making a thing does ("wrote
// the software", "described the motion of gas"), rather than reporting
// words: "Smith wrote that…", "…, she wrote.", "as he wrote in his
// memoir", "described the law as a failure".
func writesObject(toks []token, i int) bool {
	switch toks[i].norm {
	case "wrote", "writes", "described", "describes":
	default:
		return false
	}
	if i+1 >= len(toks) || toks[i+1].kind == tokPunct || i > 0 && (toks[i-1].norm == "," || toks[i-1].norm == `"`) {
		// "…," wrote Ana Torres.
		return false
	}
	switch toks[i+1].norm {
	case "that", "in", "on", "about", "to", "as", "how", "what", "why", "when", "whether":
		// "described how the town organised"
		return false
	}
	if toks[i].norm == "described" || toks[i].norm == "describes" {
		// "described the plan as reckless"
		for j := i + 2; j < len(toks) && j <= i+8 && toks[j].kind != tokPunct; j++ {
			if toks[j].norm == "as" {
				return false
			}
		}
	}
	return true
}

// stanceHolder finds who holds the stance the word at i states: a name or
// a source noun as the subject of a verb of belief or fear ("Police
// believe", "the ministry fears"), or of "is" with an adjective of one
// ("The Press Council is concerned", "the union remains adamant"). The
// name's range is empty when a source noun holds it. "I believe" is the
// writer's own view, and "concerned about" with no holder ("Residents
// concerned about…") names no one.
func stanceHolder(toks []token, i int) (from, to int, ok bool) {
	if toks[i].upper {
		return 0, 0, false // a headline in title case
	}
	v := i
	switch toks[i].norm {
	case "concerned", "adamant", "convinced", "worried":
		if i == 0 {
			return 0, 0, false
		}
		switch toks[i-1].norm {
		case "is", "are", "was", "were", "remains", "remain", "remained":
			v = i - 1
		default:
			return 0, 0, false
		}
	}
	v = skipAdverbs(toks, v)
	if from, to := nameBefore(toks, v); to > from {
		if to-from == 1 && isQuantifier(toks[from].norm) {
			return 0, 0, false // "Few believed…", "Many feared…": no one named
		}
		return from, to, true
	}
	if j := subjectBefore(toks, v); j >= 0 && isSourceNoun(toks[j].norm) {
		return 0, 0, true
	}
	return 0, 0, false
}

// asSpeakerPut finds the speaker of "as X put it" at the verb i: a name,
// a source noun or a pronoun after "as", with modals and adverbs between
// ("as Lorenz would later present the idea"). The name's range is empty
// for a source noun or a pronoun. "Put" takes "it" ("as she put it"), not
// a thing put somewhere ("as he put the box down" is no one's words).
func asSpeakerPut(toks []token, i int) (from, to int, ok bool) {
	if toks[i].upper || toks[i].norm == "put" && (i+1 >= len(toks) || toks[i+1].norm != "it") ||
		toks[i].norm == "summed" && (i+1 >= len(toks) || toks[i+1].norm != "it") {
		return 0, 0, false
	}
	v := i
	for v > 0 && v > i-3 {
		switch toks[v-1].norm {
		case "would", "will", "later", "once", "has", "had", "famously", "memorably", "aptly", "then", "so", "himself", "herself", "themselves":
			v--
			continue
		}
		break
	}
	if from, to := nameBefore(toks, v); to > from {
		if from > 0 && toks[from-1].norm == "as" {
			return from, to, true
		}
		return 0, 0, false
	}
	if j := v - 1; j > 0 && toks[j-1].norm == "as" && (isPronoun(toks[j].norm) || isSourceNoun(toks[j].norm)) {
		return 0, 0, true
	}
	if j := v - 1; j > 1 && toks[j-2].norm == "as" && isArticle(toks[j-1].norm) && isSourceNoun(toks[j].norm) {
		return 0, 0, true // "as the report put it"
	}
	return 0, 0, false
}

// isQuantifier reports whether w counts people without naming them.
func isQuantifier(w string) bool {
	switch w {
	case "few", "many", "some", "most", "all", "others", "both", "several", "none", "everyone", "nobody", "anyone":
		return true
	}
	return false
}

// sourceInClause reports whether a source noun stands in the words before
// the verb at i, with no punctuation between: the head of a long subject
// ("Nearly 74% of respondents whose teams use AI said…").
func sourceInClause(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		if toks[j].kind == tokPunct {
			return false
		}
		if isSourcePeople(toks[j].norm) {
			return true
		}
	}
	return false
}

// headFollower reports whether w may follow the noun that heads a
// subject: a preposition, a relative word or participle, or an adverb
// before the verb ("studies of", "the report, which", "a study published
// in", "the team also found").
func headFollower(w string) bool {
	switch w {
	case "of", "by", "from", "in", "on", "at", "for", "into", "with", "among", "across", "over", "that", "which",
		"who", "whose", "published", "released", "conducted", "led", "carried", "funded", "commissioned", "also",
		"has", "have", "had", "later", "recently", "previously", "then", "now", "today", "yesterday", "and":
		return true
	}
	return false
}

// reportFollows reports whether what a finding verb at i reports
// follows it, past when it was found: "that" or a punctuation mark, as
// in "Dr. Smith found that…", "the Board discovered in 2009 that…" (not
// "Columbus discovered the island").
func reportFollows(toks []token, i int) bool {
	k := pastWhenSaid(toks, i+1)
	return k >= len(toks) || toks[k].kind == tokPunct || toks[k].norm == "that"
}

// pointsToSource reports whether a study, a report, a survey or data
// stands among the four words from i, figures aside: "pointed to a 2023
// survey", "points to new data".
func pointsToSource(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+4; j++ {
		switch {
		case toks[j].kind == tokNumber:
		case toks[j].kind != tokWord:
			return false
		case isSourceNoun(toks[j].norm):
			return true
		}
	}
	return false
}

// teamReports reports whether the verb at i, of which a team is the
// subject, reports a result rather than an act: "that", a figure or
// nothing after it, past when it was said ("showed in December that…",
// "found 69 drugs"; not "found the wreck").
func teamReports(toks []token, i int) bool {
	k := pastWhenSaid(toks, i+1)
	return k >= len(toks) || toks[k].kind == tokPunct || toks[k].norm == "that" || toks[k].kind == tokNumber || numberWord(toks[k].norm)
}

// subjectHead returns "document" when a study or a report heads the
// subject of the verb at v, however long ("A study of more than 130,000
// people found…", "Recent studies of medical workers in Italy who treated
// patients found…"), "team" for a team ("the C.D.C.'s response team for
// Covid-19 estimated…", which may find a wreck as well as a result), and
// "" otherwise. The noun must open a noun phrase (after an article, a
// possessive or an adjective at most two words before, or at the start)
// and no mark that ends a clause (";", ":", a quotation) may stand
// between.
func subjectHead(toks []token, v int) string {
	for j := v - 1; j >= 0 && j >= v-20; j-- {
		t := &toks[j]
		if t.kind == tokPunct {
			switch t.norm {
			case ",", "-", "—", "–", "(", ")":
				continue
			}
			return ""
		}
		head := ""
		switch t.norm {
		case "study", "studies", "analysis", "review", "survey", "report", "research", "poll", "trial", "trials",
			"experiment", "paper", "audit", "investigation", "analyses", "reports", "surveys":
			head = "document"
		case "team", "teams":
			head = "team"
		default:
			continue
		}
		if n := &toks[j+1]; j+1 < v && n.kind == tokWord && !headFollower(n.norm) {
			continue // a noun's modifier: "a research method", "survey respondents"
		}
		for k := j - 1; k >= 0 && k >= j-3; k-- {
			w := toks[k].norm
			if isDeterminer(w) || w == "its" || w == "their" || possessiveName(&toks[k]) ||
				w == "s" && k > 0 && toks[k-1].norm == "'" { // "the C.D.C.'s"
				return head
			}
			if toks[k].kind != tokWord || toks[k].upper && k > 0 {
				break
			}
		}
		if j == 0 || j <= 2 && toks[0].kind == tokWord && !isPronoun(toks[0].norm) {
			return head
		}
		return ""
	}
	return ""
}

// sourceSubject reports whether the sentence opens on a source as its
// subject: "Respondents expressed…", "The scientists asked five people…",
// "Whale experts regard…", also after an opening phrase ("To test this,
// the researchers asked…").
func sourceSubject(toks []token) bool {
	if openingSubject(toks) {
		return true
	}
	for i := 1; i < len(toks) && i <= 8; i++ {
		if toks[i].norm == "," {
			return openingSubject(toks[i+1:])
		}
		if toks[i].kind == tokPunct {
			break
		}
	}
	return false
}

// openingSubject reports whether toks open on a source as their subject.
func openingSubject(toks []token) bool {
	for i := 0; i < len(toks) && i < 4; i++ {
		t := &toks[i]
		if t.kind != tokWord {
			return false
		}
		if isSourcePeople(t.norm) && i+1 < len(toks) && toks[i+1].kind == tokWord && !toks[i+1].upper && !isConnector(toks[i+1].norm) && !isAuxiliary(toks[i+1].norm) {
			return true
		}
		if !isDeterminer(t.norm) && t.upper == (i == 0) && i > 0 {
			return false
		}
	}
	return false
}

// isSourcePeople reports whether w names people whose words or findings a
// sentence reports when they are its subject.
func isSourcePeople(w string) bool {
	switch w {
	case "respondents", "researchers", "scientists", "experts", "analysts", "officials", "authors", "economists",
		"investigators", "doctors", "prosecutors", "authorities", "police", "critics", "historians", "participants":
		return true
	}
	return false
}

// isAuxiliary reports whether w is a form of be, have or a modal, which
// makes a sentence about its subject rather than what the subject says.
func isAuxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "do", "does", "did":
		return true
	}
	return false
}

// skipAdverbs returns the index of the first of the auxiliaries and
// adverbs before the verb at i ("has admitted", "later recalled"), or i.
func skipAdverbs(toks []token, i int) int {
	for i > 0 {
		switch toks[i-1].norm {
		case "has", "have", "had", "also", "later", "previously", "repeatedly", "recently", "publicly", "once", "then",
			"today", "yesterday", "officially", "formally", "just", "again", "already", "reportedly", "privately", "initially":
			i--
			continue
		case "week", "month", "year", "weekend", "morning", "afternoon", "evening":
			// "The Wall Street Journal this week reported"
			if i > 1 && (toks[i-2].norm == "this" || toks[i-2].norm == "last") {
				i -= 2
				continue
			}
		}
		return i
	}
	return i
}

// isReportingParticiple reports whether w is a participle that names its
// source with "by": "described by", "estimated by", "reported by".
func isReportingParticiple(w string) bool {
	switch w {
	case "described", "estimated", "reported", "confirmed", "announced", "projected", "predicted", "found", "concluded", "stated", "noted", "claimed", "revealed", "identified", "determined", "assessed":
		return true
	}
	return false
}

// agentAfter finds "by" and its agent within a few words after i: a name
// or a source noun ("by the conservation department").
func agentAfter(toks []token, i int) (from, to int, ok bool) {
	for j := i; j < len(toks) && j < i+8; j++ {
		if toks[j].norm != "by" {
			continue
		}
		if from, to := nameAfter(toks, j+1); to > from {
			return from, to, true
		}
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			if isSourceNoun(toks[k].norm) {
				return 0, 0, true
			}
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// isDeterminer reports whether w may open a noun phrase naming a source.
func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "our", "its", "their", "this", "that", "his", "her", "these", "new", "latest", "recent", "annual", "whale", "many", "some", "several":
		return true
	}
	return false
}

// isDocumentNoun reports whether w names a document or inquiry that can be
// the source of what a sentence reports.
func isDocumentNoun(w string) bool {
	switch w {
	case "survey", "study", "report", "analysis", "poll", "paper", "review", "census", "data", "findings", "investigation", "audit", "filing", "experiment", "trial",
		"book", "memoir", "biography":
		return true
	}
	return false
}

// speechFollows reports whether the verb at i is followed as a verb of
// speech is: by nothing, a punctuation mark or "that" ("…, Smith added.",
// "Smith added that …"), rather than by its object.
func speechFollows(toks []token, i int) bool {
	return i+1 >= len(toks) || toks[i+1].kind == tokPunct || toks[i+1].norm == "that"
}

// isFindingVerb reports whether w reports a finding ("found", "showed"),
// which a person's name as its subject may also do as an act: "Lorenz
// found a set of solutions".
func isFindingVerb(w string) bool {
	switch w {
	case "found", "finds", "identified", "identifies", "showed", "shows", "show", "revealed", "reveals", "determined", "discovered", "discovers":
		return true
	}
	return false
}

// postposedSource reports whether the verb at i reports what the
// sentence says with its subject put after the claim, news style: a
// short noun phrase right after a comma or a closing quotation mark,
// and after the verb nothing but when, where and how it was said ("…,
// the university said in an email on Tuesday.", "…, the agency
// estimates.", "…, two people familiar with the plans told Reuters."),
// or an appositive closed by a comma ("…, Ana Ruiz, a spokeswoman for
// the operator, said."). A verb with an object ("In 2019, the city said
// goodbye to its trams.") or one that goes on ("…, the team reported a
// loss") reports nothing.
func postposedSource(toks []token, i int) bool {
	if toks[i].upper || !isSpeechVerb(toks[i].norm) && !isPostposedVerb(toks[i].norm) {
		return false
	}
	if !onlyWhenSaid(toks[i+1:]) {
		return false
	}
	j := skipAdverbs(toks, i) - 1
	if j >= 0 && toks[j].norm == "," {
		return true // the appositive's comma: "…, a spokeswoman, said."
	}
	words := 0
	for ; j >= 0 && toks[j].kind == tokWord; j-- {
		if words++; words > 6 {
			return false
		}
	}
	if words == 0 || j < 0 || toks[j].norm != "," && !isCloseQuote(toks[j].norm) {
		return false
	}
	switch toks[j+1].norm {
	case "which", "that", "who", "whom", "whose", "what", "where", "when":
		return false // a relative clause: "The song, which the band wrote in 1969, sold…"
	}
	return toks[j].norm != "," || !introductory(toks[:j])
}

// introductory reports whether toks, the words before a comma, are a
// sentence's opening phrase rather than a claim: "In 1912", "After the
// flood", "By 1990, the company reported…" puts the company's report in
// time, it does not attribute anything before it.
func introductory(toks []token) bool {
	for _, t := range toks {
		if t.norm == "," {
			return false // the clause before the comma starts after another
		}
	}
	if len(toks) < 3 {
		return true
	}
	switch toks[0].norm {
	case "in", "after", "by", "before", "since", "during", "on", "at", "for", "despite", "when", "while", "as",
		"although", "though", "if", "until", "from", "with", "under", "over", "following", "last", "this", "once":
		return true
	}
	return false
}

// peopleSpeak reports whether the word at j, just before the verb of
// speech at v, is a group of people in the plural who say what follows:
// "elders say they…", "parents told the council that…". The verb must
// report words ("that", a pronoun or a quotation after it): "the
// results say little" does not.
func peopleSpeak(toks []token, j, v int) bool {
	w := toks[j].norm
	if toks[j].kind != tokWord || toks[j].upper || len(w) < 5 || !strings.HasSuffix(w, "s") ||
		strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ics") {
		return false
	}
	switch w {
	case "always", "perhaps", "sometimes", "thus", "whereas", "besides", "nevertheless", "news", "series", "species":
		return false
	}
	if v+1 >= len(toks) {
		return false
	}
	next := toks[v+1].norm
	return next == "that" || isPronoun(next) && next != "which" || next == `"` || next == "“" || next == ","
}

// determinedSubject reports whether the word at j ends a short noun
// phrase opened by an article or a possessive ("the airline", "the
// city's transport department", "its parent company"): a subject that
// may say something, unlike a pronoun, a name or a bare noun, which the
// rules before handle.
func determinedSubject(toks []token, j int) bool {
	if toks[j].upper || isPronoun(toks[j].norm) || isDeterminer(toks[j].norm) {
		return false
	}
	// a name modifying the noun does not count towards the three words:
	// "the Costa Crociere cruise line"
	for k, words := j-1, 0; k >= 0 && k >= j-8 && words < 3; k-- {
		if toks[k].kind != tokWord {
			return false
		}
		switch toks[k].norm {
		case "the", "a", "an", "its", "their", "his", "her", "our":
			return true
		}
		if possessiveName(&toks[k]) {
			return true // "Judge Meyer's father announced…"
		}
		if !toks[k].upper {
			words++
		}
	}
	return false
}

// reportsClause reports whether the verb of speech at i is followed by
// what was said, rather than by its object: "that", a figure, an article
// or a pronoun ("the airline said 40 flights…", "…said the delays…",
// "…said it would…"). "The city said goodbye" says nothing.
func reportsClause(toks []token, i int) bool {
	if toks[i].norm == "told" {
		// past whom it was told: "told families it had…", "told the
		// BBC that…"
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			switch n := &toks[k]; {
			case n.norm == "that" || n.norm == "it" || n.norm == "they" || n.norm == "he" || n.norm == "she" || n.norm == "there":
				return k > i+1
			case n.kind != tokWord:
				return false
			}
		}
		return false
	}
	i = pastWhenSaid(toks, i+1) - 1
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	switch {
	case n.kind == tokNumber || numberWord(n.norm):
		return true
	case n.kind != tokWord:
		return n.norm == `"` || n.norm == "“" || n.norm == ":"
	}
	switch n.norm {
	case "that", "the", "a", "an", "its", "their", "it", "they", "he", "she", "there", "about", "more", "nearly", "almost", "some", "most",
		"these", "those", "this", "several", "many", "all", "at", "only", "no", "none", "his", "her", "we":
		return true
	}
	return false
}

// pastWhenSaid returns the index past the words that say when or how
// something was said, from i just after the verb: "said on Friday it…",
// "said Tuesday that…", "said in a separate statement that…"; else i.
func pastWhenSaid(toks []token, i int) int {
	for i < len(toks) {
		switch w := toks[i].norm; {
		case weekday(w) || w == "today" || w == "yesterday" || w == "tonight" || w == "earlier" || w == "later" || w == "also":
			i++
		case (w == "on" || w == "in") && i+1 < len(toks) && (weekday(toks[i+1].norm) || toks[i+1].kind == tokNumber || monthName(toks[i+1].norm)):
			i += 2 // "on Friday", "in December", "in 2019"
		case (w == "last" || w == "this") && i+1 < len(toks) && (toks[i+1].norm == "week" || toks[i+1].norm == "month" || toks[i+1].norm == "year" || weekday(toks[i+1].norm)):
			i += 2
		case w == "in" && i+2 < len(toks) && isArticle(toks[i+1].norm):
			// "in a (separate) statement", "in an interview"
			j := i + 2
			if j+1 < len(toks) && toks[j].kind == tokWord && isStatementNoun(toks[j+1].norm) {
				j++
			}
			if !isStatementNoun(toks[j].norm) {
				return i
			}
			i = j + 1
		default:
			return i
		}
	}
	return i
}

// isStatementNoun reports whether w names a way of saying something: "in
// a statement", "in an interview".
func isStatementNoun(w string) bool {
	switch w {
	case "statement", "interview", "email", "e-mail", "release", "post", "letter", "tweet", "briefing", "filing", "speech":
		return true
	}
	return false
}

// weekday reports whether w is an English day of the week.
func weekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// monthName reports whether w is an English month.
func monthName(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}

// numberWord reports whether w is a small number in words: "said four
// Italians were among the dead".
func numberWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "hundreds", "thousands":
		return true
	}
	return false
}

// learnedScoop returns the name before "learned" at i when it closes the
// sentence after a comma ("…, TVLine has learned."): a news outlet's
// scoop.
func learnedScoop(toks []token, i int) (from, to int, ok bool) {
	if i+1 < len(toks) && (toks[i+1].kind != tokPunct || toks[i+1].norm == ",") {
		return 0, 0, false
	}
	from, to = nameBefore(toks, skipAdverbs(toks, i))
	return from, to, to > from && from > 0 && toks[from-1].norm == ","
}

// asideSpeaker returns the name of the speaker of the verb at v when an
// aside set off by commas stands between them: "Labour MP Tom Watson,
// who sits on the committee, said", "Gangi, mother of a 14-year-old,
// said", or the aside itself when it is a name ("The prosecutor,
// François Molins, said"). The name must open its clause (the sentence,
// or after a comma, "and" or "but"), so that "In Paris, London…" is not
// read as a speaker.
func asideSpeaker(toks []token, v int) (from, to int) {
	if v < 3 || toks[v-1].norm != "," {
		return 0, 0
	}
	for c := v - 2; c > 0 && c >= v-30; c-- {
		switch w := toks[c].norm; {
		case w == ";" || w == ":" || isCloseQuote(w) || w == "“" || w == ".":
			return 0, 0
		case w != ",":
			continue
		}
		if f, t := nameAfter(toks, c+1); f > c && f <= c+2 && t == v-1 {
			return f, t // the aside is the name: "…, ARD, said", "…, the Humsafar Trust, said"
		}
		f, t := nameBefore(toks, c)
		if t > f && t == c && (f == 0 || clauseStart(toks[f-1].norm)) {
			return f, t
		}
		if toks[c-1].kind == tokWord && !toks[c-1].upper {
			// a comma after a lower-case word: another aside or a list
			// ("the culture, media and sport committee") may go on
			// further back
			continue
		}
		return 0, 0
	}
	return 0, 0
}

// makesWork reports whether the verb of speech w may also make or depict
// a work ("Andrew, her son, wrote and directed a film"), which a speaker
// named before an aside does not then say.
func makesWork(w string) bool {
	switch w {
	case "wrote", "writes", "described", "describes", "predicted", "predicts":
		return true
	}
	return false
}

// clauseStart reports whether w, before a name, leaves the name at the
// start of a clause: "…, and Gangi said".
func clauseStart(w string) bool {
	switch w {
	case ",", "and", "but", "while", "meanwhile", "however":
		return true
	}
	return false
}

// isPostposedVerb reports whether w, besides the verbs of speech, reports
// what its subject says or found when the subject comes after the claim:
// "…, the retailer reported.", "…, historians note.", "…, the study
// found."
func isPostposedVerb(w string) bool {
	switch w {
	case "reported", "reports", "estimates", "estimated", "estimate", "say", "note", "notes", "noted",
		"calculated", "calculates", "calculate", "suggest", "suggests", "suggested", "indicate", "indicates",
		"indicated", "show", "shows", "showed", "found", "finds", "concluded", "concludes":
		return true
	}
	return false
}

// isCloseQuote reports whether w is a quotation mark that may close a
// quotation.
func isCloseQuote(w string) bool {
	return w == `"` || w == "”" || w == "'" || w == "’" || w == "»"
}

// onlyWhenSaid reports whether toks, what follows a verb of speech, say
// only when, where or how it was said, or whom to: "in a statement",
// "on Tuesday", "to reporters", "told The Times last week", or nothing.
// A comma ends the check: what follows it is another clause ("…, the
// company said, adding that…").
func onlyWhenSaid(toks []token) bool {
	object := 0 // the words a preposition's object may still take
	for k, t := range toks {
		if k >= 12 {
			return false
		}
		switch {
		case t.kind == tokWord && object > 0 && !isAuxiliary(t.norm):
			// "in its quarterly earnings release"
			object--
		case t.kind == tokPunct:
			if t.norm == "," || t.norm == "." || t.norm == "!" || t.norm == ";" || isCloseQuote(t.norm) || t.norm == ")" {
				return true
			}
			if t.norm != "-" && t.norm != "'" {
				return false
			}
		case t.kind == tokNumber, t.upper:
			// a date or a name: "on March 3", "told The Times"
		case !saidAdjunct(t.norm):
			return false
		}
		if t.kind == tokWord && isAdjunctPreposition(t.norm) {
			object = 4
		}
	}
	return true
}

// isAdjunctPreposition reports whether w opens a phrase that says when,
// where or how something was said: "in its earnings release".
func isAdjunctPreposition(w string) bool {
	switch w {
	case "on", "in", "at", "to", "during", "via", "through", "over", "from", "with":
		return true
	}
	return false
}

// saidAdjunct reports whether w may stand in the words after a verb of
// speech that say when, where or how it was said, or to whom.
func saidAdjunct(w string) bool {
	switch w {
	case "on", "in", "at", "to", "during", "after", "before", "by", "via", "through", "over", "from", "for", "with",
		"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "last", "next", "earlier", "later", "late",
		"yesterday", "today", "tonight", "ago", "recently", "previously", "also", "publicly", "separately", "online", "again",
		"week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "day",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"statement", "statements", "email", "e-mail", "emailed", "interview", "interviews", "release", "press", "conference",
		"briefing", "news", "website", "filing", "filings", "post", "tweet", "letter", "report", "note", "call", "phone",
		"telephone", "message", "memo", "video", "podcast", "speech", "hearing", "meeting", "radio", "television", "tv",
		"reporters", "journalists", "us", "me", "him", "them", "investors", "analysts", "lawmakers", "parliament", "congress",
		"written", "prepared", "joint", "brief", "short", "recent", "annual", "quarterly", "official", "social", "media",
		"adding", "citing":
		return true
	}
	return false
}

// isPointOut reports whether w is a form of "point", which reports words
// only with "out": "she pointed out that…".
func isPointOut(w string) bool {
	return w == "points" || w == "pointed" || w == "point"
}

// possessiveName reports whether t is a capitalised name in the possessive,
// as the owner of a document is: "Gleick's book", "Smith's 2019 paper".
func possessiveName(t *token) bool {
	return t.kind == tokWord && t.upper && strings.HasSuffix(t.norm, "'s") && len(t.norm) > 3
}

func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "told", "added", "wrote", "writes", "explained", "noted", "warned", "stated", "insisted", "argued", "argues",
		"admitted", "admits", "acknowledged", "acknowledges", "conceded", "concedes", "claimed", "claims", "testified",
		"recalled", "recalls", "asserted", "asserts", "contended", "contends", "maintained", "maintains", "announced",
		"announces", "confirmed", "confirms", "predicted", "predicts", "described", "describes", "adds",
		"points", "pointed", "point": // "point out"
		return true
	}
	return false
}

// revealsWords reports whether the verb at i, "revealed" or "disclosed",
// reports what someone said, a clause following it ("the newsreader
// revealed she would not return", "…disclosed that…"), rather than a
// thing brought to light ("the programs that revealed the signatures of
// chaos").
func revealsWords(toks []token, i int) bool {
	switch toks[i].norm {
	case "revealed", "reveals", "disclosed", "discloses":
		if i+1 < len(toks) {
			switch toks[i+1].norm {
			case "that", "he", "she", "they", "it", "we", "i", "there":
				return true
			}
		}
	}
	return false
}

// coordinatedSpeech reports whether w, after "and" or "but", reports what
// the sentence's subject said: "…and said that…", "…but insisted the…".
func coordinatedSpeech(w string) bool {
	switch w {
	case "said", "told", "added", "warned", "insisted", "argued", "stated", "explained", "noted", "acknowledged",
		"admitted", "conceded", "claimed", "confirmed", "announced", "revealed", "disclosed":
		return true
	}
	return false
}

// subjectBefore returns the index of the word before the verb at i, past
// the auxiliaries and adverbs that may come between a subject and its verb
// ("the company has also said"), or -1.
func subjectBefore(toks []token, i int) int {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if toks[j].kind != tokWord {
			return -1
		}
		switch toks[j].norm {
		case "has", "have", "had", "also", "previously", "later", "repeatedly", "recently", "publicly", "further", "then", "first",
			"today", "yesterday", "officially", "formally", "just", "again", "already", "reportedly", "privately", "initially":
			continue
		}
		return j
	}
	return -1
}

// nameAfterArticle is nameAfter past an article of any of the five
// languages at i: "le ministère", "die Bundesagentur", "o IBGE".
func nameAfterArticle(toks []token, i int) (from, to int) {
	if i < len(toks) && isArticle(toks[i].norm) {
		i++
	}
	return nameAfter(toks, i)
}

// clauseOpener returns the index of the word w that opens the clause the
// verb at i closes ("wie … mitteilte"), looking back no further than the
// clause's comma and ten words, or -1.
func clauseOpener(toks []token, i int, w string) int {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		switch toks[j].norm {
		case w:
			return j
		case ",", ";", ":", `"`:
			return -1
		}
	}
	return -1
}

// skipReleased returns the index of "released" (or "published",
// "issued") when the words before the verb at i say when a source was
// released ("a Gallup poll released Tuesday found", "data published last
// week show"), so that the source, not the day, is taken for the verb's
// subject; else i.
func skipReleased(toks []token, i int) int {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch toks[j].norm {
		case "released", "published", "issued", "unveiled":
			if j < i-1 {
				return j
			}
			return i
		case "on", "last", "this", "earlier", "in", "week", "month", "year", "yesterday", "today",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"january", "february", "march", "april", "may", "june", "july", "august", "september",
			"october", "november", "december":
			continue
		}
		if toks[j].kind != tokNumber {
			return i
		}
	}
	return i
}

// subjectPastAside returns the index of the subject of the verb at i
// when an aside set off by commas stands between them ("The study,
// published in The Lancet, found"; "The report, which the council
// commissioned, estimates"), or -1.
func subjectPastAside(toks []token, i int) int {
	if i < 2 || toks[i-1].norm != "," {
		return -1
	}
	for c := i - 2; c > 0 && c >= i-16; c-- {
		switch {
		case toks[c].norm == ",":
			if toks[c-1].kind == tokWord {
				return c - 1
			}
			return -1
		case toks[c].kind == tokPunct && toks[c].norm != "-" && toks[c].norm != "(" && toks[c].norm != ")":
			return -1
		}
	}
	return -1
}

// isSourceNoun reports whether w names a kind of source, which may report,
// find or conclude what a sentence says: "the report found", "the company
// said", "respondents told us".
func isSourceNoun(w string) bool {
	switch w {
	case "officials", "official", "police", "researchers", "scientists", "experts", "analysts", "authors",
		"respondents", "spokesman", "spokeswoman", "spokesperson", "government", "ministry", "department", "studies", "surveys", "polls",
		"agency", "authorities", "prosecutors", "investigators", "economists", "company", "firm", "court",
		"judge", "lawmakers", "witnesses", "organizers", "organisers", "sources", "report", "study",
		"survey", "poll", "data", "figures", "statistics", "analysis", "paper", "review", "findings",
		"documents", "filing", "filings", "statement", "census", "researcher", "scientist", "doctors",
		"office", "bureau", "commission", "council", "committee", "institute", "regulator", "union", "association",
		"plan", "results", "records", "index", "ranking", "forecast", "assessment", "memo", "letter", "document",
		"authority", "administration", "service", "board", "reports", "army", "military", "navy", "prosecutor",
		"coroner", "embassy", "airline", "operator", "hospital", "university", "network", "studio",
		"publisher", "carrier", "campaign", "party", "spokesmen", "spokeswomen", "specialists",
		// what is published, of which a fact-check reports the claims:
		// "a viral post claims", "the senator's tweet said"
		"post", "posts", "tweet", "tweets", "article", "video", "blog", "website", "message", "email", "meme",
		"headline", "advert", "advertisement", "newsletter",
		// who publish or count: "the newspaper reported", "the watchdog
		// found"
		"newspaper", "newspapers", "magazine", "broadcaster", "outlet", "pollster", "pollsters", "watchdog",
		"regulators", "charity", "media",
		// spokespeople, officials and data in French, Spanish, Portuguese
		// and German: "le porte-parole a confirmé", "segundo dados do
		// IBGE", "o presidente afirmou"
		"porte-parole", "portavoz", "porta-voz", "sprecher", "sprecherin", "président", "presidente", "präsident",
		"maire", "alcalde", "prefeito", "bürgermeister", "données", "chiffres", "datos", "cifras", "dados",
		"números", "daten", "zahlen", "fuentes", "fontes", "quellen",
		// French, Spanish, Portuguese, German
		"gouvernement", "ministère", "ministre", "entreprise", "rapport", "étude", "enquête", "gobierno", "ministerio",
		"ministro", "policía", "empresa", "informe", "estudio", "encuesta", "governo", "polícia", "relatório", "estudo",
		"pesquisa", "regierung", "polizei", "ministerium", "minister", "unternehmen", "bericht", "studie", "umfrage":
		return true
	}
	return false
}

// isSubjectPronoun reports whether w is an English pronoun that opens a
// clause as its subject or its subject's possessive: "…, saying he was
// innocent", "…, saying its profit fell".
func isSubjectPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i", "there", "its", "their", "his", "her":
		return true
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "officials", "experts", "researchers", "sources", "police", "analysts", "critics",
		"il", "elle", "ils", "elles", "él", "ella", "ellos", "ellas", "ele", "ela", "eles", "elas", "er", "sie":
		return true
	}
	return false
}

// isArticle reports whether w is a definite or indefinite article of
// English, French, Spanish, Portuguese or German.
func isArticle(w string) bool {
	switch w {
	case "the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "du", "el", "los", "las", "o", "os", "as",
		"der", "die", "das", "dem", "den", "ein", "eine", "einer":
		return true
	}
	return false
}

// skipAuxiliaries returns the index of the first auxiliary before the
// participle at i ("a déclaré", "ha dicho", "hat gesagt"), or i.
func skipAuxiliaries(toks []token, i int) int {
	for i > 0 {
		switch toks[i-1].norm {
		case "a", "ont", "avait", "l'a", "l'ont", "l'avait", "ha", "han", "había", "lo", "tem", "têm", "hat", "haben", "hatte":
			i--
			continue
		}
		return i
	}
	return i
}

// isConnector reports whether w may join the capitalised words of a name:
// "Bureau of Labor Statistics", "Centers for Disease Control and Prevention".
func isConnector(w string) bool {
	switch w {
	case "of", "for", "and", "&", "on", "de", "van", "von", "der", "la", "du", "al", "bin", "-":
		return true
	}
	return false
}

// notName lists capitalised words that do not start a name.
func notName(w string) bool {
	switch w {
	case "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those",
		"in", "on", "at", "but", "and", "or", "so", "as", "if", "when", "while", "however", "there", "his",
		"her", "their", "its", "our", "my", "your", "after", "before", "since", "for", "with", "who", "what",
		"comme", "como", "wie":
		return true
	}
	return false
}

// nameAfter returns the token range of a capitalised name starting at i,
// after an optional article ("the Ponemon Institute").
func nameAfter(toks []token, i int) (from, to int) {
	if i < len(toks) && (toks[i].norm == "the" || toks[i].norm == "a" || toks[i].norm == "an") {
		i++
	}
	from, to = i, i
	for j := i; j < len(toks) && j-i < 10; j++ {
		t := &toks[j]
		switch {
		case t.kind == tokWord && t.upper && (j > from || !notName(t.norm)):
			to = j + 1
		case t.kind == tokPunct && t.norm == "." && j == to && j > from && toks[j-1].end-toks[j-1].start <= 3:
			// "Dr. Jane Smith", "J. R. Smith": keep going, not part of to
			// until another word follows.
		case j > from && (t.kind == tokWord && isConnector(t.norm) || t.norm == "-"):
		default:
			return from, to
		}
	}
	return from, to
}

// personAfter is nameAfter, past a place or an employer and a title before
// the person: "Fairbanks linguist Michael Krauss" gives "Michael Krauss".
func personAfter(toks []token, i int) (from, to int) {
	from, to = nameAfter(toks, i)
	j := to
	for j < len(toks) && j < to+3 && toks[j].kind == tokWord && !toks[j].upper && !isConnector(toks[j].norm) {
		j++
	}
	if j > to && to > from {
		if f, t := nameAfter(toks, j); t > f && f == j {
			return f, t
		}
	}
	return from, to
}

// nameBefore returns the token range of a capitalised name ending just before
// token i ("Reuters reported", "Priya Raman, an economist at X, said" is not
// handled).
func nameBefore(toks []token, i int) (from, to int) {
	to = i
	from = i
	for j := i - 1; j >= 0 && i-j <= 10; j-- {
		t := &toks[j]
		switch {
		case t.kind == tokWord && t.upper:
			from = j
		case t.kind == tokPunct && t.norm == "." && j > 0 && toks[j-1].upper && toks[j-1].end-toks[j-1].start <= 3 && from == j+1:
		case t.kind == tokWord && isConnector(t.norm) && from == j+1 && j > 0 && toks[j-1].upper:
		default:
			j = -1
		}
	}
	for from < to && (notName(toks[from].norm) || isConnector(toks[from].norm) || toks[from].kind != tokWord) {
		from++
	}
	if from < to && !toks[to-1].upper {
		return to, to
	}
	return from, to
}

// possessedBySource reports whether the word at i follows "its" or "their",
// at most two words back ("its key findings"): the possessor is a source
// the sentences before name.
func possessedBySource(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch toks[j].norm {
		case "its", "their":
			return true
		}
		if toks[j].kind != tokWord {
			return false
		}
	}
	return false
}

// sourceWithin reports whether one of the n words from i on, before any
// punctuation, is a source noun: "from the port authority", "by the
// state's health department".
func sourceWithin(toks []token, i, n int) bool {
	for j := i; j < len(toks) && j < i+n; j++ {
		if toks[j].kind != tokWord {
			return false
		}
		if isSourceNoun(toks[j].norm) {
			return true
		}
	}
	return false
}
