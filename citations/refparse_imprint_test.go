package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseReferenceImprint covers the rules for a book's facts of
// publication and the notes humanities styles put after a title: none of
// them is the title or a container.
func TestParseReferenceImprint(t *testing.T) {
	tests := []struct {
		name, in                  string
		title, container, publish string
	}{
		{"comma before place and publisher (Chicago note)",
			"Jane Roe, Walking the Line: A History of Borders, New York: Penguin, 1998.",
			"Walking the Line: A History of Borders", "", "Penguin"},
		{"publisher, place, year after the title",
			"K. Mills, Theory of Rivers, Fenwick Publications, Boston, MA, 1981.",
			"Theory of Rivers", "", "Fenwick Publications"},
		{"French place, publisher, year",
			"Durand Paul, La ville et ses marges, Lyon, Fayard, 2004.",
			"La ville et ses marges", "", "Fayard"},
		{"French place and acronym publisher, no year",
			"MARTIN, P. (2010), Penser la réforme, Paris, PUF.",
			"Penser la réforme", "", ""},
		{"editor after the title in parentheses",
			"Brown, Anne, Collected letters, John Smith (ed.) (London: Faber, 1990).",
			"Collected letters", "", "Faber"},
		{"descriptive note after an APA title",
			"Green, T. (2015). Learning to read rivers (Unpublished doctoral dissertation). University of Leeds.",
			"Learning to read rivers", "", ""},
		{"year in parentheses after a note's title",
			"Mary Hill, Stone and water in the north (1987).",
			"Stone and water in the north", "", ""},
		{"date after the title",
			"Lee, K. The Lisp reference manual, 1995.",
			"The Lisp reference manual", "", ""},
		{"series then publisher",
			"[3] A. Novak. Convex Bodies. Lecture texts in geometry. Springer-Verlag, 2001.",
			"Convex Bodies", "", "Springer-Verlag"},
		{"title with no author before its director (MLA film)",
			"The Long Road. Dir. Ann Kemp. Perf. Joe Black. Lionfilm, 2004.",
			"The Long Road", "", ""},
		{"chapter in a book whose editors follow it",
			"Ward, Peter. “River Gods.” In Tales of the North, ed. Alan Frost. Oxford, 1980. Pp. 3–29.",
			"River Gods", "Tales of the North", ""},
		{"chapter in a book written as a cross-reference",
			"Ward, Peter. “River Gods.” In Frost and Kemp, 15–51.",
			"River Gods", "", ""},
		{"journal with a colon is not a place and publisher",
			"[2] Kim, J., “Attention at work,” Human Factors: The Journal of Ergonomics, Vol. 22, No. 5, 1980, pp. 535–545.",
			"Attention at work", "Human Factors: The Journal of Ergonomics", ""},
		{"conference acronym in parentheses is part of the name",
			"[9] A. Bell. Deep nets. In Computer Vision and Pattern Recognition (CVPR). IEEE, 2015.",
			"Deep nets", "Computer Vision and Pattern Recognition (CVPR)", ""},
		{"in-book container ends before its place and publisher",
			`Kent, A. (1990) "Hybrid methods", in P. H. Moss, et al. (editors) Methods in Field Theory, New York: Plenum Press.`,
			"Hybrid methods", "Methods in Field Theory", ""},
		{"APA entry with no author and a date after the title",
			"Good news. (1996, September). Campus Magazine, 44(1), p. 8",
			"Good news", "Campus Magazine", ""},
		{"sentence-case subtitle before place, publisher and year",
			"Rey, Anne, Lire et relire. Essai sur la lecture lente, Paris, Seuil, 2011.",
			"Lire et relire. Essai sur la lecture lente", "", ""},
		{"subtitle before a French translator note",
			"Roy, K. (1982). Voir la ville. La forme des lieux. Traduction de Jean Petit. Paris : Dunod.",
			"Voir la ville. La forme des lieux", "", ""},
		{"lower-case bracketed note stays in the title",
			"Liu SM. Screening results in preterm infants [in Chinese]. Chin J Ophthalmol. 2012; 30: 673–676.",
			"Screening results in preterm infants [in Chinese]", "Chin J Ophthalmol", ""},
		{"parenthesised date after a comma ends the title",
			"James R. Thompson. Science and the Academy, (2011). Academic Review, 12, 81-94.",
			"Science and the Academy", "Academic Review", ""},
		{"genre after a quoted title is not a container",
			`J. Hall and K. Moss. "On running times of factoring algorithms," preprint (1987).`,
			"On running times of factoring algorithms", "", ""},
		{"words and a lower-case word after 'and' start the title",
			"Barr, D. M., Coon Hill and its crater. Proceedings of the Geological Society, v. 57, pp. 861-886. 1905.",
			"Coon Hill and its crater", "Proceedings of the Geological Society", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseReference(tt.in)
			assert.Equal(t, tt.title, r.Title, "title")
			assert.Equal(t, tt.container, r.Container, "container")
			if tt.publish != "" {
				assert.Equal(t, tt.publish, r.Publisher, "publisher")
			}
		})
	}
}
