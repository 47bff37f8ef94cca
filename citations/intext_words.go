package citations

// Word lists the author-year scanner consults. They are read-only.

// notNames are capitalised words that start labels, dates and quantities
// rather than author names: "(Table 1)", "(October 2023)", "(Route 66)".
var notNames = wordSet(
	"Table", "Tables", "Tab", "Tab.", "Figure", "Figures", "Fig", "Fig.", "Figs", "Figs.",
	"Chapter", "Chapters", "Chap", "Chap.", "Ch", "Ch.", "Section", "Sections", "Sec", "Sec.",
	"Sect", "Appendix", "Appendices", "App", "Eq", "Eq.", "Eqs", "Eqs.", "Equation", "Equations",
	"Vol", "Vol.", "Volume", "No", "No.", "Nos", "Steps", "Levels", "Experiments",
	"Supplementary", "Supplemental", "Suppl", "Suppl.", "Panels", "Lanes", "Items", "Questions",
	"Trials", "Groups", "Samples", "Cases", "Patients", "Participants", "Examples", "Footnote",
	"Ref", "Ref.", "Refs", "Refs.", "Reference", "References", "Algorithm", "Listing", "Theorem",
	"Lemma", "Proposition", "Corollary", "Definition", "Rev", "Revision", "Diagram", "Paragraph",
	"Para", "Para.", "Amendment", "Ed", "Ed.", "Movie", "Days", "Weeks", "Years", "Months",
	"Hours", "Methods", "Spring", "Summer", "Fall", "Autumn", "Winter", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter", "Since",
	"Circa", "Ca", "Ca.", "Est", "Est.", "Until", "Till", "Through", "Between", "From", "Before",
	"After", "During", "Pop.", "Std", "Approx", "Approx.", "Approximately", "About", "Around",
	"Over", "Under", "Nearly", "Almost", "Up", "Only", "Just", "Vs", "Vs.", "Est.", "COVID",
	"Covid", "SARS", "Gen", "Gen.", "Avenue", "Ibid", "Ibid.", "Id", "Id.", "Op", "Op.", "Supra",
	"Infra", "Idem", "CI", "SD", "SE", "SEM", "OR", "RR", "HR", "IQR", "N", "M", "P", "R", "F",
	"T", "Z",
)

// labelNames are capitalised words that label numbered things but are
// also surnames ("Page", "Price", "Case"): they are rejected only when a
// number follows them: "(Page 3)", "(Route 66)".
var labelNames = wordSet(
	"Page", "Pages", "Part", "Step", "Level", "Type", "Grade", "Class", "Model", "Version",
	"Room", "Box", "Rule", "Act", "Item", "Trial", "Group", "Line", "Lines", "Session", "Round",
	"Stage", "Wave", "Unit", "Block", "Case", "Note", "Notes", "Mark", "Day", "Week", "Year",
	"Month", "Hour", "Title", "Book", "Track", "Series", "Issue", "Edition", "Scene", "Art",
	"Article", "Panel", "Lane", "Price", "Cost", "Budget", "Score", "Size", "Height", "Weight",
	"Rank", "Index", "Range", "Mean", "Total", "Top", "Street", "Floor", "Ward", "Gate",
	"Terminal", "Platform", "Building", "Suite", "District", "Region", "Zone", "Sector",
	"Division", "League", "Cup", "Channel", "Studio", "Office", "Web", "Industry", "Tier",
	"Category", "Generation", "Galaxy", "Pixel", "Super", "Catch", "Formula", "Apollo", "Boeing",
	"Airbus", "Python", "Java", "Vision", "Agenda", "Map", "Plate", "Scheme", "Video", "Image",
	"Photo", "Run", "Chart", "Graph", "Column", "Row", "Clause", "Canto", "Disc", "Episode",
	"Season", "Film", "Album", "Song", "Dataset", "Data", "File", "Files", "Exercise", "Problem",
	"Lecture", "Module", "Lesson", "Protocol", "Method", "Results", "Discussion", "Introduction",
	"Conclusion", "Abstract", "Supplement", "Example", "Claim", "Proof", "Release", "Iteration",
	"Epoch", "Cohort", "Sample", "Subject", "Verse", "Study", "Studies", "Patient", "Participant",
	"Question", "Hypothesis", "Experiment", "Exhibit", "Phase", "Number", "Route", "Highway",
	"Interstate", "Windows", "Xbox", "PlayStation", "Ubuntu", "Android", "Firefox", "Chrome",
	"Pop", "Population", "Age", "Aged", "Ages", "Average", "Median", "Height", "Temp", "Max",
	"Min", "Sum", "Revenue", "Games", "Olympics", "Ranked", "Founded", "Born", "Died", "Point",
	"Points", "Reviewer", "Comment", "Response", "Aim", "Objective", "Criterion", "Factor",
	"Component", "Condition", "Treatment", "Dose",
)

// months are month names; they are surnames too ("May, 2019"), so they are
// rejected only when a number follows them: "(October 15, 2023)".
var monthNames = wordSet(
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Jan.", "Feb", "Feb.", "Mar", "Mar.", "Apr",
	"Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.", "Sep", "Sep.", "Sept", "Sept.", "Oct",
	"Oct.", "Nov", "Nov.", "Dec", "Dec.",
)

// leadWords are capitalised function words that begin sentences; a
// narrative citation's author run never starts with one ("In Smith (2019)"
// names Smith). They are also never an author on their own.
var leadWords = wordSet(
	"The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "With", "Without", "To", "Of",
	"Recently", "However", "According", "Following", "Like", "Unlike", "While", "When", "Where",
	"Whereas", "Although", "Though", "Both", "Thus", "Then", "This", "That", "These", "Those",
	"Also", "And", "But", "Or", "Nor", "Since", "Because", "After", "Before", "Moreover",
	"Furthermore", "Indeed", "Here", "There", "Later", "Earlier", "Similarly", "Notably",
	"Previously", "Finally", "First", "Second", "Third", "Lastly", "Using", "Work", "Research",
	"Data", "Findings", "Results", "Studies", "Study", "Analysis", "Evidence", "Reports",
	"Report", "Early", "Recent", "Further", "Other", "Our", "We", "Their", "His", "Her", "Its",
	"It", "They", "He", "She", "I", "You", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Mr",
	"Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Dame", "Historically", "Interestingly",
	"Importantly", "Consequently", "Nevertheless", "Nonetheless", "Instead", "Hence",
	"Therefore", "Accordingly", "Alternatively", "Overall", "Specifically", "Additionally",
	"Yet", "So", "If", "Even", "Most", "Many", "Some", "Several", "Each", "Every", "All",
	"Among", "Between", "During", "Through", "Under", "Over", "Per", "Via", "Within",
	"Across", "Against", "Along", "Around", "Beyond", "Despite", "Except", "Including",
	"Regarding", "Toward", "Towards", "Upon", "Whether", "Which", "What", "Who", "Whose", "Why",
	"How", "Once", "Until", "Unless", "Given", "See", "Cf.", "Compare", "Note", "Building",
	"Based", "Such", "Whilst", "Still", "Already", "Again", "Perhaps", "Certainly", "Clearly",
	"Obviously", "Surprisingly", "Together", "Collectively", "Subsequently", "Meanwhile",
	"Elsewhere", "Initially", "Originally", "Traditionally", "Conversely", "Likewise",
	"Ultimately", "Generally", "Typically", "Usually", "Often", "Another", "One", "Two",
	"Three", "Several", "Few", "Only", "Not", "No", "Is", "Are", "Was", "Were", "Has", "Have",
	"Had", "Do", "Does", "Did", "Can", "Could", "Might", "Must", "Should", "Would",
	"Shall", "My", "Your", "Figure", "Table", "Let", "Let's", "Its", "Sources", "Source",
	"Experts", "Critics", "Scholars", "Researchers", "Authors", "Investigators", "Scientists",
)

// particles are the lower-case parts of surnames: "van der Berg", "de la
// Cruz", "von Neumann".
var nameParticles = wordSet(
	"van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "du", "la", "le",
	"les", "des", "dos", "das", "ten", "ter", "te", "zu", "zur", "al", "el", "bin", "ibn",
	"y", "af", "av", "op", "'t", "mac", "st.",
)

// connectors are the lower-case words inside corporate names: "National
// Academy of Engineering", "Centers for Disease Control".
var nameConnectors = wordSet("of", "for", "on", "the", "de", "du", "des", "und", "für", "in")

// titleWords, just before a capitalised name, mark it as the title of a
// work rather than an author: "the film Groundhog Day (1993)".
var titleWords = wordSet(
	"film", "films", "movie", "movies", "novel", "novels", "album", "albums", "song", "songs",
	"series", "show", "shows", "book", "books", "play", "plays", "game", "games",
	"documentary", "documentaries", "episode", "episodes", "opera", "operas", "musical",
	"musicals", "painting", "paintings", "poem", "poems", "single", "singles", "track",
	"tracks", "video", "videos", "sitcom", "drama", "dramas", "comedy", "thriller", "record",
	"records", "memoir", "memoirs", "titled", "entitled", "called", "named", "remake",
	"sequel", "classic", "classics", "hit", "hits", "EP", "TV", "programme", "program",
	"opus", "symphony", "ballet", "sculpture", "franchise", "anime", "manga", "comic", "comics",
)

// publisherNames end the names of publishers, which a book review cites
// with the year of the book: "(Fourth Estate, 2012)".
var publisherNames = wordSet("Press", "Books", "Publishing", "Publishers", "Publications", "Verlag",
	"Editions", "Estate", "Imprint")

// reportingVerbs, right after a narrative citation, say that the name
// before the year is an author: "Smith (2019) found".
var reportingVerbs = wordSet(
	"found", "finds", "find", "showed", "shows", "shown", "show", "argued", "argues", "argue",
	"noted", "notes", "note", "reported", "reports", "report", "suggested", "suggests", "suggest",
	"proposed", "proposes", "demonstrated", "demonstrates", "observed", "observes", "described",
	"describes", "wrote", "writes", "claimed", "claims", "concluded", "concludes", "stated",
	"states", "defined", "defines", "identified", "identifies", "examined", "examines",
	"explained", "explains", "introduced", "introduces", "developed", "develops", "discussed",
	"discusses", "pointed", "points", "contended", "contends", "emphasized", "emphasised",
	"emphasizes", "emphasises", "highlighted", "highlights", "estimated", "estimates",
	"measured", "measures", "reviewed", "reviews", "investigated", "investigates", "studied",
	"studies", "analyzed", "analysed", "analyzes", "analyses", "presented", "presents",
	"outlined", "outlines", "maintained", "maintains", "asserted", "asserts", "recommended",
	"recommends", "documented", "documents", "reached", "indicated", "indicates", "hypothesized",
	"hypothesised", "predicted", "predicts", "established", "confirmed", "confirms", "revealed",
	"reveals", "discovered", "concurs", "agrees", "agreed", "disagrees", "disagreed", "warned",
	"warns", "cautioned", "cautions", "insisted", "insists", "acknowledged", "acknowledges",
	"calls", "called", "labelled", "labeled", "termed", "terms", "coined", "says", "said",
	"offers", "offered", "provides", "provided",
)

// yearWords are years written as words.
var yearWords = wordSet("n.d.", "n.d", "nd", "forthcoming", "submitted", "unpublished")

// locatorWords introduce a pinpoint after the year: "p. 12", "chap. 3".
var locatorWords = wordSet(
	"p.", "pp.", "p", "pp", "page", "pages", "para.", "paras.", "para", "paras", "chap.", "chap",
	"chapter", "ch.", "sec.", "section", "fig.", "figure", "table", "tab.", "n.", "note",
	"vol.", "col.", "ll.", "l.", "line", "lines", "art.", "at", "loc.", "no.",
)

// etAlWords follow "and" to mean "et al.": "Smith and colleagues".
var etAlWords = wordSet("others", "colleagues", "coworkers", "co-workers", "associates", "collaborators")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// numberedThings are the words before a number in parentheses that say
// what it numbers, so that it is no citation: "Eq. (3)", "step (2)".
var numberedThings = wordSet(
	"eq", "eqs", "equation", "equations", "fig", "figs", "figure", "figures", "table", "tables",
	"step", "steps", "stage", "phase", "type", "types", "case", "cases", "item", "items", "no",
	"number", "part", "section", "sec", "chapter", "appendix", "scenario", "condition", "criterion",
	"option", "question", "formula", "lemma", "theorem",
)

// enumerationLeads are the words after which "(1) assess …" enumerates
// rather than cites.
var enumerationLeads = wordSet(
	"and", "or", "that", "to", "which", "who", "then", "both", "either", "we", "they", "will", "would",
	"should", "must", "can", "could", "about", "of", "for", "with", "from", "including", "into", "between",
)
