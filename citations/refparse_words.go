package citations

import (
	"strings"
)

// This file holds the word lists the reference parser matches: genres,
// side notes, months, and the words that mark an organisation, a
// container, a serial or a publisher. The tables are never written after
// they are built.

// genres start a segment that names the kind of work, not a container.
var genres = []string{"Technical Report", "Technical report", "Tech. Rep", "Tech. rep", "Ph.D. thesis", "Ph.D. Thesis", "PhD thesis",
	"PhD Thesis", "Ph.D. dissertation", "PhD dissertation", "Doctoral dissertation", "Doctoral thesis", "Master's thesis", "Master’s thesis",
	"MS thesis", "M.S. thesis", "Unpublished", "unpublished", "Manuscript", "Working paper", "Working Paper", "Discussion paper",
	"Discussion Paper", "Research Report", "Research report", "Report ", "Personal communication", "Dissertation", "Thesis", "Preprint", "Internal report",
	"Ph.D. diss", "PhD diss", "White paper", "White Paper", "Working draft", "working paper", "preprint",
	"Masters", "Tech ", "Draft", "to appear", "To appear", "submitted", "Submitted", "paper submitted", "in press", "In press", "personal communication"}

// genreStart, sideNoteStart and monthStart mark the first bytes of the
// words of genres, sideNotes and months: a text starting with any other
// byte starts with none of them.
var (
	genreStart    = firstBytes(genres)
	sideNoteStart = firstBytes(sideNotes)
	monthStart    = firstBytes(months)
)

// firstBytes returns the set of the first bytes of words.
func firstBytes(words []string) (set [256]bool) {
	for _, w := range words {
		set[w[0]] = true
	}
	return set
}

// startsOneOf reports whether s starts with one of words, whose first
// bytes are first.
func startsOneOf(s string, words []string, first *[256]bool) bool {
	if s == "" || !first[s[0]] {
		return false
	}
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// sideNotes start a segment that is neither container nor publisher.
var sideNotes = []string{"Edited by", "edited by", "Translated by", "translated by", "Edited and translated by", "Translated and edited by", "Edited with", "Trans. ", "Transl. ", "Ed. ", "Eds. ",
	"With a ", "With an ", "Reprint", "Reprinted", "Revised", "Rev. ed", "See ", "Introduction by", "Foreword by",
	"Dir. ", "Directed by", "Perf. ", "Hrsg. ", "Übers. ", "Trad. ", "trans. ", "transl. ", "tr. ", "ed. ", "eds. ", "trad. ",
	"Traduction de", "Traduit par", "Traduit de", "Übersetzt von", "Herausgegeben von"}

// corporateWords mark an organisation's name.
var corporateWords = []string{
	"Institute", "Organization", "Organisation", "Association", "University", "Department", "Agency",
	"Bureau", "Council", "Center", "Centre", "Society", "Foundation", "Commission", "Ministry", "Office",
	"Inc", "Ltd", "Group", "Committee", "Board", "Service", "Survey", "Corporation", "Company", "Trust",
	"Network", "Programme", "Bank", "Fund", "Nations", "Court", "Government", "Academy", "Laboratory",
	"Authority", "Federation", "Coalition", "Alliance", "Institut", "Agence", "Bundesamt", "Administration",
	"Consortium", "Initiative", "Project", "Team", "Unit", "Reuters", "Press", "News", "Statistics",
}

// organisationWords name what organisations are, beyond corporateWords.
var organisationWords = []string{"Retail", "Research", "Media", "Systems", "Microsystems", "Technologies", "Labs",
	"Health", "Partners", "Industries", "Holdings", "Times", "Post", "Magazine", "Forum", "Museum", "Library",
	"Archive", "Archives", "Police", "Census", "Parliament", "Senate", "Congress", "Union", "Party", "Trade"}

// digraphInitials are the two-letter initials written with a period.
var digraphInitials = map[string]bool{"Ch": true, "Th": true, "Ph": true, "Sh": true, "St": true, "Gy": true,
	"Sz": true, "Kh": true, "Zh": true, "Ts": true, "Yu": true, "Ya": true, "Ju": true, "Wm": true, "Fr": true}

// titleStarts are words that begin a title, not a name.
var titleStarts = map[string]bool{"The": true, "An": true, "On": true, "Towards": true, "Toward": true,
	"How": true, "Why": true, "What": true, "When": true, "Using": true, "From": true, "Introduction": true,
	"Der": true, "Die": true, "Das": true, "Le": true, "La": true, "Les": true, "El": true, "Los": true, "Il": true, "Une": true, "Un": true}

// containerStarts begin the container or genre after a title written
// without a full stop: "Title, Proc. of …", "Title, Journal of …".
var containerStarts = []string{"Proc", "Proceedings", "Journal", "J.", "Comm.", "Commun", "Trans", "IEEE", "ACM", "In ", "in ", "In:", "in:",
	"Ph.D", "PhD", "Master", "Tech", "Lecture Notes", "Springer", "MIT ", "University", "Univ.", "Dept", "Department", "Annals", "Ann.",
	"Bulletin", "Bull.", "Report", "Preprint", "preprint", "Doctoral", "Dissertation", "Thesis", "Conference", "Workshop", "Symposium",
	"International", "Internat", "Information", "Computer", "Computing", "Artificial", "Advances", "SIAM", "Kluwer", "Addison", "Prentice",
	"Academic", "Elsevier", "Wiley", "North-Holland", "Morgan", "Cambridge", "Oxford", "Science", "Nature", "Physical", "Phys", "to appear", "submitted", "paper ",
	"working paper", "Working paper", "Working Paper", "unpublished", "Unpublished"}

// stemWords are the whole words an abbreviated container start may be
// the beginning of: "Proc" starts "Proceedings" but not "Processes".
var stemWords = map[string]bool{"Proceedings": true, "Transactions": true, "Communications": true, "Technical": true,
	"International": true, "Internationale": true, "Physical": true, "Physics": true, "Bulletin": true, "Annals": true,
	"Commentarii": true, "Computational": true, "Masters": true, "Master's": true, "Master’s": true}

// titleNotes are the lower-case notes that follow a title after a comma:
// its translator, editor or number of volumes.
var titleNotes = []string{"trans. ", "transl. ", "tr. ", "translated by ", "ed. ", "eds. ", "edited by ", "ed. by ",
	"trad. ", "traduit par ", "hrsg. ", "hg. ", "übers. ", "introduction by ", "with an introduction", "foreword by "}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
	"Oct.", "Nov.", "Dec.", "Spring", "Summer", "Fall", "Autumn", "Winter",
	"janvier", "février", "mars ", "avril", "mai ", "mai-", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember", "enero", "febrero", "marzo", "abril", "mayo",
	"junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "Jan ", "Feb ", "Mar ", "Apr ", "Jun ",
	"Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec "}

var countries = map[string]bool{"USA": true, "U.S.A": true, "UK": true, "U.K": true, "Germany": true, "France": true,
	"Canada": true, "Japan": true, "Italy": true, "Spain": true, "Netherlands": true, "Switzerland": true,
	"Austria": true, "Australia": true, "China": true, "Sweden": true, "England": true, "Belgium": true,
	"Denmark": true, "Norway": true, "Finland": true, "Israel": true, "India": true, "Brazil": true, "Greece": true}

// serialWords mark the name of a journal, series or proceedings.
var serialWords = []string{"Journal", "J.", "Review", "Rev.", "Proceedings", "Proc", "Trans", "Bulletin", "Bull.", "Letters", "Lett",
	"Quarterly", "Studies", "Magazine", "Annals", "Ann.", "Conference", "Symposium", "Workshop", "Zeitschrift", "Revue", "Rivista",
	"Archiv", "Acta", "Research", "Science", "Times", "Post", "News", "Gazette", "Herald", "Tribune", "Report", "Notes", "Series",
	"Papers", "Forum", "Today", "Weekly", "Monthly", "Daily", "Digest", "Observer", "Guardian", "Economist", "Nature", "Cell", "Lancet"}

// publisherWords mark a publisher's name.
var publisherWords = []string{
	"Press", "Publishing", "Publishers", "Publisher", "Verlag", "Books", "Wiley", "Springer", "Elsevier",
	"Routledge", "Sage", "SAGE", "Penguin", "Macmillan", "Norton", "Blackwell", "Erlbaum", "Guilford",
	"Academic", "Éditions", "Editions", "Gallimard", "Harper", "Random House", "Knopf", "Brill", "Taylor",
	"Kaufmann", "Addison", "Wesley", "Prentice", "Sons", "McGraw", "Plenum", "Pergamon", "Kluwer", "Morgan",
	"Freeman", "Basic Books", "Cambridge", "Oxford", "Princeton", "Yale", "Harvard", "Verlag", "Dover", "Holt",
}
