package claims

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

func TestScoreKinds(t *testing.T) {
	tests := []struct {
		sentence string
		kind     Kind
	}{
		{"Unemployment fell to 3.9% in March, the Labor Department said.", KindStatistic},
		{"The city spent $14 million on the new stadium.", KindStatistic},
		{"Violent crime is now lower than at any time since 1990.", KindComparison},
		{"It was the hottest summer on record in Europe, with temperatures 2.3C above average.", KindComparison},
		{"The treaty was signed in Paris on 12 December 2015.", KindTemporal},
		{"The outbreak was caused by contaminated water from a well near the school.", KindCausal},
		{"Smoking is linked to 80% of lung cancer deaths in the United States.", KindCausal},
		{`"We will not raise taxes," the chancellor told parliament on Wednesday.`, KindQuote},
		{"According to the Bureau of Labor Statistics, wages rose 4.1% last year.", KindAttribution},
		{"A study by the Ponemon Institute found that breaches cost $4.2 million on average.", KindAttribution},
		{"Data from the Census Bureau show that 11.5% of Americans lived in poverty in 2022.", KindAttribution},
		{"The economy will grow by 2.1% next year, the central bank forecast.", KindPrediction},
	}
	m := DefaultModel()
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			score, kinds := Score(tt.sentence)
			assert.Contains(t, kinds, tt.kind)
			assert.GreaterOrEqual(t, score, m.Threshold(), "should be a claim: %q", tt.sentence)
			assert.LessOrEqual(t, score, 1.0)
		})
	}
}

func TestScoreNegatives(t *testing.T) {
	tests := []struct {
		name, sentence string
	}{
		{"question", "Are we prepared for such repercussions in an increasingly interconnected world?"},
		{"question with number", "Will the company really cut 10,000 jobs?"},
		{"opinion", "I think the new policy is a terrible mistake."},
		{"opinion no pronoun", "Frankly, the whole thing is ridiculous."},
		{"exhortation we", "We must all do more to protect our children."},
		{"exhortation you", "You should call your representative today."},
		{"lets", "Let's be honest about what this means."},
		{"what if", "What if the outages continue for another month?"},
		{"if could", "If we could start again, things might be different."},
		{"should inversion", "Should Musk resign from his role at X, the implications could be multifaceted:"},
		{"first person aside", "I remember the first time I visited the city with my grandmother."},
		{"heading", "Economic Implications"},
		{"navigation", "Sign up for our newsletter"},
		{"navigation read more", "Click here to subscribe"},
		{"contact line", "Media contact: Jane Doe, (303) 555-0142, jane@example.org"},
		{"phone number", "Call the 2024 helpline at 303-555-0142 from 9am."},
		{"fact-check verdict", "We rate this claim False."},
		{"fact-check ruling", "Our ruling: the statement that 40% of voters moved in 2020 is Mostly False."},
		{"ranking list item", "United Kingdom 8."},
		{"shouted tagline", "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"},
		{"price label", "From $610.00 At Best Buy"},
	}
	m := DefaultModel()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, _ := Score(tt.sentence)
			assert.Less(t, score, m.Threshold(), "should not be a claim: %q", tt.sentence)
			assert.GreaterOrEqual(t, score, 0.0)
		})
	}
}

func TestHasLowerWord(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"The rate rose 4% in 2020.", true},
		{"iPhone sales fell.", true},
		{"France 7.", false},
		{"LAURIE OAKES IS THE EDITOR", false},
		{"O'Brien Wins In 2024", false},
		{"失业率上升到百分之五。", true}, // no case: prose all the same
		{"", true},
		{"2024", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, hasLowerWord(tt.s), "%q", tt.s)
	}
}

func TestFindAttributions(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"According to Reuters, the deal was worth $2 billion.", []string{"Reuters"}},
		{"According to the Bureau of Labor Statistics, wages rose.", []string{"Bureau of Labor Statistics"}},
		{"Priya Raman said the slowdown would cost jobs.", []string{"Priya Raman"}},
		{"A study by the Ponemon Institute indicates that breaches are costly (Ponemon Institute, 2021).", []string{"Ponemon Institute"}},
		{"Data from the Census Bureau show a rise.", []string{"Census Bureau"}},
		{`"It was the worst flood in 50 years," said Maria Lopez.`, []string{"Maria Lopez"}},
		{"Dr. Jane Smith found that the drug works.", []string{"Dr. Jane Smith"}},
		{"He said the plan would fail.", nil},
		{"There are as few as 1,500 fluent speakers, estimates Fairbanks linguist Michael Krauss.", []string{"Michael Krauss"}},
		{"There are as few as 1,500 fluent speakers, estimates the University of Alaska.", []string{"University of Alaska"}},
		{"The Wall Street Journal this week reported that sales fell.", []string{"Wall Street Journal"}},
		{"Mortgage rates doubled in 2022 (source: Freddie Mac).", []string{"Freddie Mac"}},
		{"Exports fell 12% in March (via Reuters).", []string{"Reuters"}},
		{"Die Preise stiegen um 7 Prozent (Quelle: Destatis).", []string{"Destatis"}},
		{"The signal arrived in 2019 (via satellite).", nil},
		{"The open source movement grew in 2019.", nil},
		{"X Faces Outages as Cyberattack Claims Spark User Discontent", nil},
		{"The report was late.", nil},
		{"Employers added 303,000 jobs in March (Okafor, 2024).", nil},
		{"The city added nearly 4,000 homes last year.", nil},
		{`"We will not stop," Maria Lopez added.`, []string{"Maria Lopez"}},
		{"Maria Lopez added that the plan had failed.", []string{"Maria Lopez"}},
		{"Per the Census Bureau, the median household income was $74,580 in 2022.", []string{"Census Bureau"}},
		{"The ferry carried 412 passengers, the operator said.", nil},
		{"About 40 percent of voters back the measure, a Gallup poll released Tuesday found.", nil}, // not "Tuesday"
		// a named speaker set apart from the verb by an aside (WiCE's cited pages)
		{"Organizer Irineo Mujica, speaking from Guadalajara, said about 500 migrants had been riding trains north.", []string{"Organizer Irineo Mujica"}},
		{"The Paris public prosecutor, François Molins, said in a separate statement that three bombers were involved.", []string{"François Molins"}},
		{"Labour MP Tom Watson, who sits on the culture, media and sport committee, said the money was a donation.", []string{"Labour MP Tom Watson"}},
		{"Film producers met the families, and Gangi, mother of a 14-year-old, said their struggles ring true.", []string{"Gangi"}},
		{"But Underwood, who owns a hostel in Austin, says history is the reason.", []string{"Underwood"}},
		{"Smith, who scored twice, added a third goal in the second half.", nil},
		{"MacLean's son, Andrew, wrote and directed a film in Barrow.", nil},
		{"One LGBT group, the Humsafar Trust, said its crisis team had attended to 18 cases.", []string{"Humsafar Trust"}},
		{"CBS News campaign reporter Zak Hudak reports.", []string{"Zak Hudak"}},
		{"The river, which flows past Paris, shows signs of pollution.", nil},
		// a time between the name and its verb; a report, a scoop
		{"BAE Systems today announced the appointment of David Allott as chief executive.", []string{"BAE Systems"}},
		{"The German broadcaster, ARD, has today confirmed that the country will hold a national final.", []string{"ARD"}},
		{"Meanwhile, the Times reports, the academy has hired a vocal opponent of the initiative.", []string{"Times"}},
		{"NCIS has recruited Wilmer Valderrama to join the cast, TVLine has learned.", []string{"TVLine"}},
		{"Company reports show a loss.", nil},
		{"Smith learned to fly in 1990.", nil},
		{"The New Zealand Geographic Board discovered in 2009 that the islands had never been named.", []string{"New Zealand Geographic Board"}},
		{"Columbus discovered the island in 1492.", nil},
		{"Matt Bevin of Kentucky just said Obamacare is failing in his state.", []string{"Matt Bevin of Kentucky"}},
		{"The ministry reportedly told banks to stop lending in 2019.", nil},
		{"Exports grew 6 percent in May, customs data released on Monday showed.", nil},
		{"Le déficit atteindra 5 % du PIB en 2024, prévoit la Banque de France.", []string{"Banque de France"}},
		{"Nach Angaben des Statistischen Bundesamtes lebten 2022 rund 84 Millionen Menschen in Deutschland.", []string{"Statistischen Bundesamtes"}},
		{"Pelo menos 20 pessoas morreram, de acordo com a Defesa Civil.", []string{"Defesa Civil"}},
		{"Wie das Statistische Bundesamt am Montag mitteilte, stiegen die Preise um 2,9 Prozent.", []string{"Statistische Bundesamt"}},
		{"Comme l'a révélé Mediapart, la société a versé 2 millions d'euros à un intermédiaire.", []string{"Mediapart"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var got []string
			for _, a := range FindAttributions(tt.sentence) {
				assert.Equal(t, a.Name, tt.sentence[a.Span.Start:a.Span.End])
				got = append(got, a.Name)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSpokenCompanion(t *testing.T) {
	m := DefaultModel()
	require.NotNil(t, m.spoken, "the default model carries the spoken model")
	written := &Model{}
	*written = *m
	written.spoken = nil
	text := []Sentence{{Text: "Unemployment fell to 3.9% in March."}, {Text: "It rose again in May."}}
	spoken := []Sentence{{Text: "Unemployment fell to 3.9% in March.", Speaker: "TRUMP"}, {Text: "It rose again in May.", Speaker: "TRUMP"}}
	assert.Equal(t, written.ScoreSequence(text), m.ScoreSequence(text), "written text: the written model")
	assert.Equal(t, m.spoken.ScoreSequence(spoken), m.ScoreSequence(spoken), "a transcript: the spoken model")
	assert.Equal(t, m.spoken.MarginSequence(spoken), m.MarginSequence(spoken))
	assert.NotEqual(t, written.ScoreSequence(spoken), m.ScoreSequence(spoken), "the two models differ")
}

func TestModelRoundTrip(t *testing.T) {
	m := DefaultModel()
	require.NotNil(t, m)
	_, err := UnmarshalModel(modelBin)
	require.NoError(t, err, "the embedded model must decode")
	assert.Greater(t, m.Threshold(), 0.0)
	assert.Less(t, m.Threshold(), 1.0)
	data, err := m.MarshalBinary()
	require.NoError(t, err)
	m2, err := UnmarshalModel(data)
	require.NoError(t, err)
	s := "Unemployment fell to 3.9% in March."
	assert.InDelta(t, m.Margin(s), m2.Margin(s), 1e-6)
	assert.Less(t, len(modelBin), 1<<20, "model.bin should stay under 1 MB")
	_, err = UnmarshalModel(spokenBin)
	require.NoError(t, err, "the embedded spoken model must decode")
	assert.Less(t, len(spokenBin), 1<<20, "spoken.bin should stay under 1 MB")

	for _, bad := range [][]byte{nil, []byte("CCLM"), modelBin[:len(modelBin)/2], []byte("XXXX\x01")} {
		_, err := UnmarshalModel(bad)
		assert.ErrorIs(t, err, ErrBadModel)
	}
	_, err = NewModel(nil, 0, 1, 0, 0.5)
	assert.ErrorIs(t, err, ErrBadModel)
}

const seedArticle = "../../shared/seed/article.txt"

func TestExtractSeedArticle(t *testing.T) {
	src, err := os.ReadFile(seedArticle)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("seed article not found at %s: %v", seedArticle, err)
	}
	require.NoError(t, err, "the seed article is there but cannot be read")
	doc, err := sources.Parse(src, sources.ReadOptions{Name: "article.txt"})
	require.NoError(t, err)
	claims := Extract(doc, Options{})
	require.NotEmpty(t, claims)
	find := func(substr string) *Claim {
		for i := range claims {
			if strings.Contains(claims[i].Text, substr) {
				return &claims[i]
			}
		}
		return nil
	}
	ponemon := find("50% more likely")
	require.NotNil(t, ponemon, "the Ponemon statistic is a claim")
	assert.Contains(t, ponemon.Kinds, KindStatistic)
	assert.Contains(t, ponemon.Kinds, KindAttribution)
	require.Len(t, ponemon.Attributions, 1)
	assert.Equal(t, "Ponemon Institute", ponemon.Attributions[0].Name)
	assert.Equal(t, "Ponemon Institute", doc.Slice(ponemon.Attributions[0].Span))
	assert.True(t, strings.HasSuffix(ponemon.Text, "(Ponemon Institute, 2021)."), "the citation closes the claim")

	target := find("over 40 million credit and debit card accounts")
	require.NotNil(t, target)
	assert.Contains(t, target.Kinds, KindStatistic)

	for _, c := range claims {
		assert.False(t, strings.HasSuffix(c.Text, "?"), "a question is not a claim: %q", c.Text)
		assert.Equal(t, c.Text, doc.Slice(c.Span))
		assert.GreaterOrEqual(t, c.Score, DefaultModel().Threshold())
	}
	assert.Nil(t, find("Are we prepared"))
	assert.Nil(t, find("What level of disruption"))

	all := Extract(doc, Options{MinScore: 1e-9})
	assert.Greater(t, len(all), len(claims), "a lower threshold keeps more sentences")
	t.Logf("%d claims of %d sentences", len(claims), len(Sentences(doc)))
}

func TestExtractHeadingsScoreLow(t *testing.T) {
	doc, err := sources.Parse([]byte("# Unemployment Fell 3% in 2023\n\nUnemployment fell to 3.9% in March, the Labor Department said.\n"), sources.ReadOptions{Name: "a.md"})
	require.NoError(t, err)
	got := Extract(doc, Options{})
	require.Len(t, got, 1)
	assert.Equal(t, "Unemployment fell to 3.9% in March, the Labor Department said.", got[0].Text)
	assert.Equal(t, []Attribution{{Name: "Labor Department", Span: sources.Span{Start: got[0].Span.Start + 40, End: got[0].Span.Start + 56}}}, got[0].Attributions)
}

// TestContinuationAttributed checks that a sentence opening on a word
// that carries on the sentence before it ("Additionally"), gives an example
// of it ("For example", "That includes") or says it again ("In other
// words") carries on that sentence's attribution in its paragraph, and
// only there.
func TestContinuationAttributed(t *testing.T) {
	attributed := func(text string) map[string]bool {
		doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: "a.md"})
		require.NoError(t, err)
		out := map[string]bool{}
		for _, c := range Extract(doc, Options{MinScore: 0.01}) {
			out[c.Text] = slices.Contains(c.Kinds, KindAttribution)
		}
		return out
	}
	const (
		report = "The OECD report concluded that the safety net covered half of the need in 2015."
		plain  = "The safety net covered half of the need in 2015."
		firm   = "Ford said 40 new models would go on sale by 2027."
		poll   = "A Gallup poll found that 62% of adults worried about energy bills in 2023."
	)
	tests := []struct {
		name, before, sep, follow string
		want                      bool
	}{
		{"additionally", report, " ", "Additionally, aid in the U.S. is 20% lower than in other countries.", true},
		{"another paragraph", report, "\n\n", "Additionally, aid in the U.S. is 20% lower than in other countries.", false},
		{"nothing to carry on", plain, " ", "Additionally, aid in the U.S. is 20% lower than in other countries.", false},
		{"for example", firm, " ", "For example, three electric vans will be built in Ohio from 2026.", true},
		{"for instance", firm, " ", "For instance, a $25,000 hatchback arrives in 2026.", true},
		{"that includes", firm, " ", "That includes a pickup truck with a range of 400 miles.", true},
		{"these include", firm, " ", "These include four hybrids built in Mexico since 2021.", true},
		{"in other words", report, " ", "In other words, half of the poor got no help at all in 2015.", true},
		{"example after no source", plain, " ", "For example, aid in Texas fell 20% in 2016.", false},
		{"example in another paragraph", firm, "\n\n", "For example, three electric vans will be built in Ohio from 2026.", false},
		{"a word that only starts alike", firm, " ", "Formerly, 12 models were built in Ohio in 2019.", false},
		{"the example is the subject", firm, " ", "The example of Ford shows sales rose 12% in 2020.", false},
		{"the figure told on", poll, " ", "That's up from 35% in 2019, when the question was first asked.", true},
		{"of those", poll, " ", "Of those, 40% said they had cut back on heating in 2022.", true},
		{"the figure after no source", plain, " ", "That's up from 35% in 2019, when the question was first asked.", false},
		{"a word that only starts alike", poll, " ", "Of thoseless things, 40 were sold in 2019.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributed(tt.before + tt.sep + tt.follow + "\n")
			assert.Equal(t, tt.want, got[tt.follow], "%v", got)
		})
	}
}

func TestAttributionKind(t *testing.T) {
	tests := []struct {
		sentence   string
		attributed bool
	}{
		{"Two gunmen died, and three others may have escaped, officials said.", true},
		{"The cruise line said four Italians and a Russian were among the dead.", true},
		{"The Israeli army said on Friday it was closing three roads to civilian traffic.", true},
		{"Five months after he revealed the news that he was leaving, Peter Stefanovic has landed a new job.", false},
		{"It adds that the agency does not believe the defects were deliberate.", true},
		{"Three people were held, although reports say these were administrative searches.", true},
		{"After the match, the team said goodbye to its coach.", false},
		{"It estimates the total cost at $1.3b over 40 years.", true},
		// a study or a team heading a long subject (Check-COVID's news claims)
		{"A research team found 69 drugs that target the same proteins.", true},
		{"A review of thousands of cases in China found only a single instance of outdoor transmission.", true},
		{"Recent studies of medical workers in Italy who treated patients found rising rates of anxiety.", true},
		{"But the new studies — two published Tuesday in JAMA Internal Medicine — found that the drug reduced deaths.", true},
		{"Dr. Iwasaki's team showed in December that severely ill patients had more autoantibodies.", true},
		{"In a July 21 report, the C.D.C.'s response team for Covid-19 estimated that nine in 10 infections were missed.", true},
		{"Pfizer pointed to a recent study that found the virus raised the risk of problems in pregnancy.", true},
		{"The company pointed to a 2023 survey showing that 60% of riders pay by phone.", true},
		{"Ridership on city buses and trains has not returned to its 2019 level, and researchers increasingly point to remote work as the main reason.", false},
		{"The arrow points to the exit.", false},
		// a participle after the speaker's clause; "maintained" with an object
		{"His mother, Jo Hannington, has defended him, claiming he was innocent of the 2019 robbery.", true},
		{"The company cut 300 jobs in 2023, saying that demand fell 20%.", true},
		{"The retailer closed 40 stores, saying its sales fell 12% in 2023.", true},
		{"She left the firm in 2019, saying goodbye to 40 colleagues.", false},
		{"The two panel members maintained their positions on the 2019 budget.", false},
		{"The company maintained that its 2019 accounts were accurate.", true},
		{"Last month, work by Harvard specialists found that patients in polluted areas are more likely to die.", true},
		// forms found unattributed in the web pages WiCE cites (training
		// material, not evaluation pages)
		{"He estimates that the technology saves manufacturers 70 percent of the costs, about $5 million a year.", true},
		{"He estimates the size of the crowd at 40,000 people in 2019.", false}, // no clause: an act, not a report
		{"President Barack Obama on Thursday pledged federal support for the 12 states hit by the storm, and said that the area needed a long-term plan.", true},
		{"Dooley was linked to 3 coaching jobs in 2019, but said he likes where he is.", true},
		{"The firm cut 300 jobs in 2019 and said goodbye to its founder.", false},
		{"In a statement, the newsreader revealed she would not be returning to the show after 14 years.", true},
		{"Just hours after the 2019 news broke, his brother, Karl Stefanovic, revealed he was leaving the network too.", true},
		{"The 1963 programs that revealed the signatures of chaos ran for 12 hours.", false},
		{"The Costa Crociere cruise line said four Italians and a Russian were among the dead.", true},
		{"There are as few as 1,500 fluent speakers of Inupiaq in Alaska, estimates Fairbanks linguist Michael Krauss.", true},
		{"The Wall Street Journal this week reported that Apple's sales in India fell 20% in 2019.", true},
		{"In Toulouse, French media reported a police operation in 2012 near the school.", true},
		{"After 50 years of public service, Judge Meyer's father announced earlier this year that he will not seek reelection.", true},
		{"Social media exploded in 2019 with 3 million posts.", false},
		{"This year marked the 20th anniversary of the 1999 treaty.", false},
		{"The team showed up late to the final in 2019.", false},
		{"Studies of the bridge began in 1990 and ended in 1994.", false},
		{"The course includes presentations on a research method or strategy they have found helpful.", false},
		{"The update adds support for 4K video.", false},
		{"Afrihost revealed call logs which showed it tried to call the customer.", false},
		{"A viral post claims the city's murder rate doubled in a year.", true},
		{"A widely shared video claims that 5G masts spread the virus in 2020.", true},
		{"The senator's tweet said unemployment doubled in 2021.", true},
		{"At the same time, the company claims its new prices have saved customers millions.", true},
		{"In 2024, 70% of respondents told us it takes more than a month to onboard.", true},
		{"The report concluded that the safety net was ineffective.", true},
		{"Researchers have also found that the drug halves the risk.", true},
		{"But with 18 months left in power, he said gun control was the area where he was most frustrated.", true},
		{"The prices rose by 4% in the year to March, the statistics office said.", true},
		{"Selon le ministère de l'Intérieur, 206 Français sont rentrés du Népal jeudi.", true},
		{"Laurent Fabius a déclaré que plus de 200 Français n'avaient pas été retrouvés.", true},
		{"La Sociedad de Fomento Agrícola denunció 40 ataques en 2016.", true},
		{"Segundo o governo, a inflação caiu para 4% em março.", true},
		{"Die Regierung sagte, die Zahl der Anträge sei um 12 Prozent gestiegen.", true},
		{"Laut Statistischem Bundesamt stiegen die Preise um 2 Prozent.", true},
		{"President Barack Obama has admitted that the law failed in 2015.", true},
		{"As Lorenz later recalled, the run took 40 minutes in 1961.", true},
		{"The strandings were described as heartbreaking by the conservation department in 2018.", true},
		{"In our survey, cloud computing ranked first in 2023.", true},
		{"In the 2019 report, unemployment fell to 4%.", true},
		{"Respondents expressed concern about 40% of the tools.", true},
		{"Palestinian Authority President Mahmoud Abbas “has put aside efforts” since 2014.", true},
		{"The plan identifies three urgent threats and 12 serious ones.", true},
		{"Among its key findings: 40% of workers moved in 2019.", true},
		{"Their data show that rents rose 12% in 2020.", true},
		{"The study, published in The Lancet, found that 12 percent of patients relapsed.", true},
		{"The report, which was commissioned by the council, estimates that 4,000 jobs will be lost.", true},
		{"Citing internal documents, the newspaper reported that the firm paid no tax in 2019.", true},
		{"In an interview with CNN, the senator said the bill would create 100,000 jobs.", true},
		{"Plus de 200 personnes ont été arrêtées, a indiqué le ministère de l'Intérieur.", true},
		{"D'après une étude publiée jeudi, 40 % des Français ne partent pas en vacances.", true},
		{"Quelque 3 000 emplois seront supprimés, a annoncé la direction mardi.", true},
		{"Le plan prévoit 3 000 suppressions de postes en 2024.", false},
		{"Interrogé par Le Monde, le porte-parole du ministère a confirmé que 12 sites étaient concernés.", true},
		{"Segundo dados do IBGE divulgados nesta sexta-feira, a inflação ficou em 4,6% em 2023.", true},
		{"O presidente afirmou nesta terça-feira que o governo vai investir R$ 100 bilhões.", true},
		{"Conforme o relatório, 30% das escolas não têm acesso à internet.", true},
		{"Der Konzern will bis 2025 rund 3.000 Stellen abbauen, wie ein Sprecher bestätigte.", true},
		{"Nach Schätzungen von Experten leben in Berlin rund 50.000 Obdachlose.", true},
		{"El ministro aseguró que la economía crecerá un 3 % este año.", true},
		{"Al menos 15 personas murieron en el incendio, informaron las autoridades.", true},
		{"De acuerdo con datos del Banco Central, las reservas cayeron un 10 %.", true},
		{"Nach Angaben der Polizei wurden 12 Menschen verletzt.", true},
		{"The museum, which opened in 1902, found a new home in 2019.", false},
		{"Claim: The storm was the strongest since 1987.", true},
		{"The claim: 5G masts spread the virus in 2020.", true},
		{"The claim was rejected by the court in 2019.", false},
		{"The International Monetary Fund expects global growth of 3.1 percent in 2024.", true},
		{"Economists expect the central bank to cut rates twice in 2024.", true},
		{"Growth is expected to reach 3% in 2024.", false},
		{"Scientists are working on 12 new vaccines.", false},
		{"The plan cost $40 million in 2019.", false},
		{"NorthStar estimates the market grew 12% in 2022.", true},
		{"Data from the port authority show that traffic fell 30% in 2020.", true},
		{"The estimates rose 12% in 2022.", false},
		{"Data from 2019 show that traffic fell 30%.", false},
		{"Its new offices opened in 2019 with 40 staff.", false},
		{"In the 2019 season, the team won 40 games.", false},
		{"This shows that the plan works.", false},
		{"It found its way into 40% of homes by 1990.", false},
		{"The company added 4,000 jobs last year.", false},
		{"The report was published in 2019.", false},
		{`After nine people were killed in June, he admitted "politics in this town" left few options.`, true},
		{"She acknowledged that sales fell 12% in 2020.", true},
		{"They conceded the plant had lost $3 million.", true},
		{"He found 40 coins in the garden in 2019.", false},
		{"With further searches, Rothman found a wedding announcement from 1963.", false},
		{"Lorenz identified three properties of the system in 1962.", false},
		{"Dr. Jane Smith found that the drug cut deaths by 12% in 2020.", true},
		{"The 2019 report found 40% of homes lacked heating.", true},
		{"Almost 60% of respondents whose firms had cut staff in 2022 said they expected more cuts.", true},
		{"About 40% of the analysts covering the bank in 2021 predicted a loss.", true},
		{"To test the idea, the researchers gave 30 volunteers a placebo in 2019.", true},
		{"In March, the city closed 12 schools in the district.", false},
		{"Kim led the team that wrote the flight software in 1968.", false},
		{"He built 12 equations that described the flow of air in 1961.", false},
		{"Kim and Park wrote the first compiler for the machine in 1959.", false},
		{"Kim wrote that the compiler took 40 days in 1959.", true},
		{`"The compiler took 40 days," wrote Maria Kim in 1960.`, true},
		{"The minister described the 2019 budget as reckless.", true},
		{"Okafor (2019) describes how 40 families rebuilt the mill.", true},
		{"The fare, which rose twice in 2019, is now “the highest it has ever been.”", true},
		{"Les syndicats restent «sans réponse depuis 12 jours» sur les salaires.", true},
		{"The 1939 fair promised visitors “The World of Tomorrow” in 40 pavilions.", false},
		{"The sailors named it “the bay of many fires” in 1773.", false},
		{"The so-called “zero hours contracts” rose 12% in 2020.", false},
		{"The captain named it New Harbour “after the town he left” in 1788.", false},
		// the source put after the claim, news style
		{"The program has enrolled 18,000 students since 2015, the university said in an email.", true},
		{"Sales rose 14% in the quarter, the retailer reported on Tuesday.", true},
		{"About 23,000 people die of it each year, the WHO estimates.", true},
		{"Crime fell by 8% last year, police figures suggest.", true},
		{"The company sold 1.8 million cars last year, the carmaker said in its quarterly earnings release.", true},
		{"The dam holds 4 billion cubic metres of water, engineers say.", true},
		{"The ship sank in 1912 with more than 1,500 people aboard, historians note.", true},
		{"Temperatures were 1.2C above pre-industrial levels in 2023, scientists at the Met Office calculated.", true},
		{"The ferry carried 412 passengers, Ana Ruiz, a spokeswoman for the operator, said.", true},
		{"The deal is worth $3 billion, two people familiar with the talks told Reuters.", true},
		{`"We lost 40 jobs in 2020," the union's regional secretary said on Friday.`, true},
		{"Since 2015, the program has enrolled 18,000 students, the college said.", true},
		{"Per the Census Bureau, the median household income was $74,580 in 2022.", true},
		{"Over 60% of the forest has been lost since 1970, per a WWF report.", true},
		{"But indigenous elders say they have seen 40 sick whales since 2019.", true},
		{"Parents told the council that 12 buses were cancelled in March.", true},
		{"The photos say little about the 40 schools that closed in 2019.", false},
		{"In a statement, the airline said 40 flights were cancelled on Monday.", true},
		{"The city's transport department said that 12 lines would close in 2024.", true},
		{"The hospital told families it had treated 300 patients since March.", true},
		{"In 2019, the city said goodbye to its last tram.", false},
		{"The old man told stories about the 1953 flood to 40 children.", false},
		{"In 1912, the ship reported ice warnings to the other vessels.", false},
		{"After 2008, the bank reported to the Treasury every week.", false},
		{"In the 1970s, the band wrote in a cabin in Wales.", false},
		{"The song, which the band wrote in 1969, sold 2 million copies.", false},
		{"In 2015, the team found the wreck in 40 metres of water.", false},
		{"After the flood, the river showed signs of recovery by 2012.", false},
		{"Per capita income rose 4% in 2021.", false},
		{"The flat costs $900 per month, about 30% more than in 2020.", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			_, kinds := Score(tt.sentence)
			assert.Equal(t, tt.attributed, slices.Contains(kinds, KindAttribution), "kinds %v", kinds)
		})
	}
}

func TestScored(t *testing.T) {
	src := `<html><body><article>
<p>The port handled 4.1 million containers in 2023, up 6% from 2022, and employs 2,300 people.</p>
<figure><img src="a.jpg"><figcaption>Cranes at the port in 2023. Photo: A. Lens</figcaption></figure>
<div class="media-caption">Workers unload 300 containers a day.</div>
<table><tr><td>16.6%</td><td>Volume grew 6% in 2023.</td></tr></table>
<ul><li><a href="/a">Port volume hits record 4.1 million containers</a></li>
<li>1 <a href="#history">History of the port since 1850</a></li>
<li>The port opened in 1850, <a href="/history">the city archive</a> shows.</li></ul>
<ul><li>Handles 4.1 million containers a year</li><li>Employs 2,300 people in 2023[4]</li>
<li>It dredged its channel to 15 metres in 2021.[5]</li></ul>
<h2>Volume rose 6% in 2023</h2>
<pre>containers = 4100000</pre>
</article></body></html>`
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "port.html"})
	require.NoError(t, err)
	var scored, skipped, fragments []string
	for _, s := range Sentences(doc) {
		if Scored(doc, s) {
			scored = append(scored, doc.Slice(s))
		} else {
			skipped = append(skipped, doc.Slice(s))
		}
		if ListFragment(doc, s) {
			fragments = append(fragments, doc.Slice(s))
		}
	}
	assert.Equal(t, []string{"Handles 4.1 million containers a year", "Employs 2,300 people in 2023[4]"}, fragments)
	assert.Equal(t, []string{
		"The port handled 4.1 million containers in 2023, up 6% from 2022, and employs 2,300 people.",
		"The port opened in 1850, the city archive shows.",
		"It dredged its channel to 15 metres in 2021.[5]",
	}, scored)
	assert.Len(t, skipped, 11, "skipped: %q", skipped)
}

func TestAfterDateline(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"April 17, 2015 -- Imagine being sick in the hospital.", "Imagine being sick in the hospital."},
		{"WASHINGTON (Reuters) - The economy grew 2% in 2023.", "The economy grew 2% in 2023."},
		{"PARIS — Avoid the metro on Friday.", "Avoid the metro on Friday."},
		{"Sales rose 4% - the best year since 2010.", ""},
		{"The economy grew 2% in 2023.", ""},
		{"", ""},
	} {
		assert.Equal(t, tc.want, afterDateline(tc.text), "%q", tc.text)
	}
	// an instruction after a dateline is one all the same
	score, _ := Score("April 17, 2015 -- Imagine being sick in the hospital with an infection that 3 antibiotics cannot stop.")
	assert.LessOrEqual(t, score, questionCap)
}

func TestEndsSentence(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The port opened in 1850.", true},
		{"Did the port open in 1850?", true},
		{"The port opened in 1850;", true},
		{"“The port opened in 1850.”", true},
		{"The port opened in 1850 (the archive says so).", true},
		{"The port opened in 1850.[3]", true},
		{"The port opened in 1850.[3][citation needed]", true},
		{"The port opened in 1850.12", true},
		{"The port opened in 1850 [3]", false},
		{"Most powerful hardware ever in a home console", false},
		{"Still no VR support", false},
		{"Key facts:", false},
		{"3.2 Local government", false},
		{"Employs 2,300 people", false},
		{"", false},
		{"   ", false},
		{"港口于1850年开放。", true},
		// long runs of brackets are read in one pass, not once per bracket
		{"x" + strings.Repeat("]", 1<<20), false},
		{"The port opened." + strings.Repeat(")", 1<<20), true},
	} {
		assert.Equal(t, tc.want, endsSentence(tc.text), "%q", tc.text)
	}
}

func TestBlockQuoteIsAttributed(t *testing.T) {
	src := `<html><body><article>
<p>The port handled 4.1 million containers in 2023, up 6% from 2022.</p>
<p>In a statement, the port's director, Jane Doe, said:</p>
<blockquote><p>Volume grew 6% in 2023 and we hired 300 people.</p><p>Our cranes moved 40 containers an hour in 2023.</p></blockquote>
<p>The city paid $4 million in repairs in 2020.</p>
<blockquote><p>The port employs 2,300 people, more than any employer in the county since 1990.</p></blockquote>
</article></body></html>`
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "port.html"})
	require.NoError(t, err)
	got := attributionsByClaim(t, doc)
	assert.Equal(t, map[string][]string{
		"The port handled 4.1 million containers in 2023, up 6% from 2022.":               {},
		"In a statement, the port's director, Jane Doe, said:":                            {"Jane Doe", "(attributed)"},
		"Volume grew 6% in 2023 and we hired 300 people.":                                 {"Jane Doe", "(attributed)"},
		"Our cranes moved 40 containers an hour in 2023.":                                 {"Jane Doe", "(attributed)"},
		"The city paid $4 million in repairs in 2020.":                                    {},
		"The port employs 2,300 people, more than any employer in the county since 1990.": {"(attributed)"},
	}, got)
}

// attributionsByClaim extracts every sentence of doc as a claim and
// returns, by its text, the names it is attributed to, with
// "(attributed)" when it is attributed at all (named or not).
func attributionsByClaim(t *testing.T, doc *sources.Document) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	for _, c := range Extract(doc, Options{MinScore: 1e-9}) {
		names := []string{}
		for _, a := range c.Attributions {
			assert.Equal(t, a.Name, doc.Slice(a.Span))
			names = append(names, a.Name)
		}
		if slices.Contains(c.Kinds, KindAttribution) {
			names = append(names, "(attributed)")
		}
		got[c.Text] = names
	}
	return got
}

func TestQuotationRunIsAttributed(t *testing.T) {
	src := "The utility replaced 120 miles of cable in 2018. “The cables are 90 years old. Salt gets into 40% of them every winter,” said Patrick McHugh, a vice president.\n\n" +
		"“We replaced 300 of them in 2019.”\n\n" +
		"He added: \"We fixed 750 leaks last year. Another 300 are waiting.\"\n\n" +
		"The city paid $4 million in repairs in 2020.\n\n\"Half of the 2,000 manholes flooded in 2019.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "a.txt"})
	require.NoError(t, err)
	got := attributionsByClaim(t, doc)
	assert.Equal(t, map[string][]string{
		"The utility replaced 120 miles of cable in 2018.":                                 {},
		"“The cables are 90 years old.":                                                    {"Patrick McHugh", "(attributed)"},
		"Salt gets into 40% of them every winter,” said Patrick McHugh, a vice president.": {"Patrick McHugh", "(attributed)"},
		"“We replaced 300 of them in 2019.”":                                               {"Patrick McHugh", "(attributed)"},
		"He added: \"We fixed 750 leaks last year.":                                        {"(attributed)"},
		"Another 300 are waiting.\"":                                                       {"(attributed)"},
		"The city paid $4 million in repairs in 2020.":                                     {},
		"\"Half of the 2,000 manholes flooded in 2019.":                                    {},
	}, got)
}

func TestInstructionAndNormative(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Avoid retries without backoff: three layers retrying three times make 27 calls.", true},
		{"Make sure the cache holds at least 2 GB before the 9 a.m. peak.", true},
		{"Don't run the 2.3 release as root.", true},
		{"Keep dashboards small: a dozen graphs beat 200.", true},
		{"Use a 64 KiB buffer to keep memory constant.", true},
		{"Suppose a service handles 2,000 requests per second.", true},
		{"Clients SHOULD retry after 1 second, doubling up to 60 seconds.", true},
		{"The length field MUST NOT exceed 16,384 octets.", true},
		{"Use of force by the police rose 20% in 2022.", false},
		{"Make-up sales fell 12% in 2020.", false},
		{"Keeping the mill open cost $4 million in 2019.", false},
		{"Consideration of the bill was delayed until 2021.", false},
		{"The MUSTANG project launched in 2019.", false},
		{"Dosing must be cut by 50% in children.", false},
	}
	for _, tt := range tests {
		toks := tokenize(tt.sentence, nil)
		assert.Equal(t, tt.want, instruction(tt.sentence) || analyze(tt.sentence, toks)&flagNormative != 0, "%q", tt.sentence)
	}
	score, _ := Score("Alert volumes fell 40% after we moved to SLOs; keep pages under two per 12-hour shift.")
	assert.Greater(t, score, questionCap, "not an instruction: it opens with a noun")
	score, _ = Score("Keep the error budget at 0.1% of requests over 28 days.")
	assert.LessOrEqual(t, score, questionCap)
}

func TestSignpost(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Here are the five rivers the 2021 survey found most polluted.", true},
		{"Here’s a look at what the 2023 figures mean for renters.", true},
		{"For a list of bridges longer than 2 km, see longest bridges.", true},
		{"See also the 1998 floods.", true},
		{"Here, 40 miners died in 1906.", false},
		{"Hereford's cathedral was finished in 1148.", false},
		{"Below-average rainfall cut the 2022 harvest by 12%.", false},
		{"For more than 40 years, the mill employed 300 people.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, signpost(tt.sentence), "%q", tt.sentence)
	}
	score, _ := Score("Here are the 12 threats the 2015 White House report identified.")
	assert.LessOrEqual(t, score, questionCap)
}

func TestOpinionSignal(t *testing.T) {
	tests := []struct {
		sentence string
		opinion  bool
	}{
		{"The author makes a convincing case for the canal as a symbol of its century.", true},
		{"The second act is thrilling, and the finale is beautifully staged.", true},
		{"Its battery life is disappointing for a $900 phone.", true},
		{"The canal opened in 1825 and carried 40,000 tons a year.", false},
		{"The museum holds 12,000 paintings from the 1900s.", false},
	}
	for _, tt := range tests {
		var tb [64]token
		bits := analyze(tt.sentence, tokenize(tt.sentence, tb[:0]))
		assert.Equal(t, tt.opinion, bits&sigOpinion != 0, "%q", tt.sentence)
	}
}

func TestNoComment(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"A spokesman for the mill declined to comment on the 2023 closures.", true},
		{"The ministry did not respond to a request for comment on Friday.", true},
		{"Ms Lee could not be reached for comment.", true},
		{"The council received 4,000 comments on the plan in 2022.", false},
		{"The minister declined to resign after the 2019 report.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, noComment(tt.sentence), "%q", tt.sentence)
	}
}

func TestPublicationNote(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Correction: An earlier version of this article misstated the year the plant opened, which was 1998.", true},
		{"An earlier version of this story incorrectly said the bridge was built in 1932.", true},
		{"Editor’s note: This article was first published in 2019.", true},
		{"This article was originally published on The Conversation on March 3, 2021.", true},
		{"A version of this article appears in print on March 3, 2021, Section A, Page 12.", true},
		{"Reporting by Jane Doe in London; Editing by Mark Potter.", true},
		{"Photo by Jane Doe for The Times.", true},
		{"Updated at 4:35 p.m. ET on March 3, 2021.", true},
		{"Associated Press writer Maria Cruz contributed to this report.", true},
		{"Source: Bureau of Labor Statistics, 2023.", true},
		{"Note: Figures may not add up to 100% because of rounding.", true},
		{"Data as of March 3, 2021.", true},
		{"Table: Daily Courier analysis of 2022 census data.", true},
		{"Sources close to the minister said 40 staff would go.", false},
		{"Notes found in the archive date the map to 1820.", false},
		{"Correctional officers found 40 phones in the prison in 2019.", false},
		{"This article of the 1998 treaty was amended in 2004.", false},
		{"Photo identification has been required to vote since 2011.", false},
		{"Updated figures show that 40% of the bridges need repair.", false},
		{"Reporting of crimes rose 12% in 2020.", false},
		{"Four donors contributed $2 million to the campaign in 2019.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, publicationNote(tt.sentence), "%q", tt.sentence)
	}
	score, _ := Score("An earlier version of this story incorrectly said the bridge was built in 1932.")
	assert.LessOrEqual(t, score, questionCap)
}

func TestStaffBio(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Jane Doe is a senior reporter at the Daily Courier, where she has covered health since 2015.", true},
		{"Jane Doe is a staff writer for the Daily Courier.", true},
		{"Lisa Chen is a freelance journalist based in Taipei.", true},
		{"Maria Cruz covers energy policy for the Daily Courier.", true},
		{"Blue Cross covers 40% of the cost for the Smith family.", false},
		{"Medicare Part B covers outpatient care for the elderly.", false},
		{"The New York Times is a newspaper founded in 1851.", false},
		{"John Smith is a professor of economics at the University of Leeds.", false},
		{"Jane Doe is a nurse who treated 40 patients in one night.", false},
		{"Evan Marsh is a reporter for the Daily Courier who was detained in 2023.", false},
		{"Evan Marsh is a reporter for the Daily Courier and was detained in 2023.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, staffBio(tt.sentence), "%q", tt.sentence)
	}
}

// TestExtractBioParagraph checks that the sentences after a journalist's
// bio line in its paragraph are bio too, and that the next paragraph is
// read as ever.
func TestExtractBioParagraph(t *testing.T) {
	const text = "Spending on police will rise to $900 million in 2025, up from $850 million.\n\n" +
		"Jane Doe covers City Hall for the Daily Planet. She joined the paper in 2019 after 10 years at the Gazette.\n\n" +
		"She joined the council in 2019 after 10 years at the Gazette.\n\n" +
		"Copyright © 2024 Reuters. Republication or redistribution of Reuters content is expressly prohibited.\n"
	doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: "a.md"})
	require.NoError(t, err)
	var got []string
	for _, c := range Extract(doc, Options{MinScore: 0.01}) {
		got = append(got, c.Text)
	}
	assert.Equal(t, []string{"Spending on police will rise to $900 million in 2025, up from $850 million.",
		"She joined the council in 2019 after 10 years at the Gazette."}, got)
}

func TestCopyrightNotice(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Copyright © 2024 Reuters.", true},
		{"Copyright 2024 The Daily Planet.", true},
		{"© 2024 Daily Planet Media Group.", true},
		{"(c) 2024 Example Ltd.", true},
		{"All rights reserved.", true},
		{"Copyright claims rose 40% in 2023.", false},
		{"Copyright law changed in 2019.", false},
		{"The company reserved all rights in 2020.", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, copyrightNotice(tt.sentence), "%q", tt.sentence)
	}
}

func TestPhoneNumber(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Media contact: Jane Doe, (303) 555-0142.", true},
		{"Call 303-555-0142 today.", true},
		{"303-555-0142", true},
		{"the 2019-2020 season and 2021-22", false},
		{"1303-555-0142", false},
		{"303-555-01423", false},
		{"(303)555-0142", false},
		{"-", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, phoneNumber(tt.s), "%q", tt.s)
	}
}

// A stance a named holder or a source takes is theirs ("Police believe…"),
// and "as X put it" gives the words that follow to X: the sentence reports
// someone's view or words, not the writer's claim.
func TestStanceAndAsSpeakerAttributions(t *testing.T) {
	tests := []struct {
		sentence   string
		names      []string
		attributed bool
	}{
		// stances
		{"The Harbour Trust is concerned the dredging would harm the reef.", []string{"Harbour Trust"}, true},
		{"The fishermen's union remains adamant that quotas must fall.", nil, true},
		{"Police believe the fire at the depot was lit on purpose.", []string{"Police"}, true},
		{"The ministry fears the outbreak will spread north.", nil, true},
		{"Marta Okonjo was convinced the bridge would hold.", []string{"Marta Okonjo"}, true},
		{"I believe the bridge will hold.", nil, false},
		{"Residents concerned about the smell met on Monday.", nil, false},
		{"The reef is worried by few divers these days.", nil, false},
		{"Few believed in the project at first.", nil, false},
		{"Many feared the worst.", nil, false},
		// "as X put it"
		{"As Hannah Arendt put it, the sad truth is that most evil is done by people who never make up their minds.", []string{"Hannah Arendt"}, true},
		{"Or, as Darwin would later present the idea, small variations add up over ages.", []string{"Darwin"}, true},
		{"As she put it, the port was never meant for ships this size.", nil, true},
		{"As the report phrased it, the levee was a failure waiting to happen.", nil, true},
		{"As he put the box down, the floor gave way.", nil, false},
		{"The council presented the plan on Monday.", nil, false},
		{"Maria Lopez put it on the table.", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var names []string
			for _, a := range FindAttributions(tt.sentence) {
				names = append(names, a.Name)
			}
			assert.Equal(t, tt.names, names)
			var buf [64]token
			_, attributed := findAttributions(tt.sentence, tokenize(tt.sentence, buf[:0]), false, nil)
			assert.Equal(t, tt.attributed, attributed)
		})
	}
}

// TestPointOutQuotingVerbAndOwnedDocument checks the attribution forms of
// "X points out that…", a name speaking a quotation through one verb (La
// Constitución manda “…”) and a named owner's document ("in Smith's
// memoir"), with the near misses each must leave alone.
func TestPointOutQuotingVerbAndOwnedDocument(t *testing.T) {
	tests := []struct {
		sentence   string
		attributed bool
	}{
		{"Okafor points out that 40% of the mills closed by 1990.", true},
		{"The ministry pointed out that exports fell 12% in 2021.", true},
		{"Several studies have pointed out that the drug halves the risk.", true},
		{"She pointed out that rents rose 30% between 2015 and 2020.", true},
		{"The striker scored 40 points in 2019.", false},
		{"The rise points to a 12% gap in wages since 2010.", false},
		{"Mayor Ruiz promised “to build 4,000 homes by 2026” at the rally.", true},
		{"La Constitución manda “reconocer la preexistencia de los pueblos” desde 1994.", true},
		{"Since 2019 I have never “opted in” to the 40 programmes.", false},
		{"The 1939 fair promised visitors “The World of Tomorrow” in 40 pavilions.", false},
		{"Voters in Ohio called it “a tax on working families” in 2019.", false},
		{"In Gleick's book, the discovery is dated to 1961.", true},
		{"In Okafor's 2019 memoir, the mill employed 400 people.", true},
		{"In Okafor's garden, 40 apple trees grew by 2019.", false},
		{"In Paris, 40 bookshops closed in 2019.", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			_, kinds := Score(tt.sentence)
			assert.Equal(t, tt.attributed, slices.Contains(kinds, KindAttribution), "kinds %v", kinds)
		})
	}
}

func TestExtractSentenceEnds(t *testing.T) {
	const text = "Rail traffic fell by half between 1950 and 1970.1 Most closures followed the report of 1963.2\n"
	doc, err := sources.Parse([]byte(text), sources.ReadOptions{Name: "a.txt"})
	require.NoError(t, err)
	var got []string
	ends := []int{strings.Index(text, ".1 ") + 2, strings.Index(text, ".2") + 2}
	for _, c := range Extract(doc, Options{MinScore: 0.01, SentenceEnds: ends}) {
		got = append(got, c.Text)
	}
	assert.Equal(t, []string{"Rail traffic fell by half between 1950 and 1970.1", "Most closures followed the report of 1963.2"}, got)
	got = got[:0]
	for _, c := range Extract(doc, Options{MinScore: 0.01}) {
		got = append(got, c.Text)
	}
	assert.Len(t, got, 1, "without the ends, one sentence")
}
