package citations

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
)

// The helpers below were rewritten to allocate less. Each test compares one
// with the plain form it replaced, kept here as the oracle, on inputs chosen
// to reach its edge cases (invalid UTF-8, letters that lower to ASCII, runs
// of separators); the fuzz targets look further.

func isInitialOracle(w string) bool {
	w = strings.TrimRight(w, ",;:")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		n := 0
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '-' }) {
			rs := []rune(part)
			if len(rs) == 0 || len(rs) > 2 || !unicode.IsUpper(rs[0]) {
				return false
			}
			if len(rs) == 2 && !(unicode.IsLower(rs[1]) || unicode.IsUpper(rs[1])) {
				return false
			}
			if len(rs) == 2 && unicode.IsLower(rs[1]) && (!strings.HasSuffix(w, ".") || !digraphInitials[part]) {
				return false
			}
			n++
		}
		return n > 0 && n <= 4
	}
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

func isRomanOracle(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range strings.ToLower(s) {
		if !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return true
}

func nameFoldOracle(s string) string {
	f := nameFolder{}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 {
			if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
				for _, dr := range string(d) {
					f.add(dr)
				}
				i += n
				continue
			}
		}
		f.add(r)
		i += n
	}
	return f.b.String()
}

func isNoiseOracle(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return true
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 && !strings.Contains(t, "://") {
		return true
	}
	l := strings.ToLower(t)
	for _, p := range []string{"©", "copyright", "all rights reserved", "retrieved from \"http", "retrieved from “http", "this page was last", "categories:", "tags:", "hidden categories"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	words := strings.Fields(l)
	if len(words) > 8 {
		return false
	}
	if strings.ContainsAny(t, "←→«»") && !strings.Contains(t, "://") && firstYear(t) == "" {
		return true
	}
	if strings.HasPrefix(l, "page ") && strings.Contains(l, " of ") && len(words) <= 4 {
		return true
	}
	rest := l
	for _, w := range noiseWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	rest = strings.Trim(rest, " |·•/-–—:.,!")
	return rest == "" || len(strings.Fields(rest)) == 0
}

func TestHeadingInAllocatesNothing(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		headingIn("7. Works  Cited:", false, subsectionHeadings, true)
	})
	assert.Zero(t, n)
	assert.True(t, headingIn("7. Works  Cited:", false, subsectionHeadings, true))
	assert.True(t, headingIn("Primary sources 12", true, subsectionHeadings, false))
	assert.False(t, headingIn("Primary sources 12", false, subsectionHeadings, true))
}

var equivInputs = []string{
	"", ".", "-", "..", "J.", "J.K.", "J.-P.", "JK", "Ch.", "Ch", "Th.-P.", "A.B.C.D.", "A.B.C.D.E.",
	"Jr.", "jr.", "ÉA.", "Éa.", "Şt.", "St.", "St", "X", "XYZW", "İ.", "\xff.", "J.\xff", "A..B", "A.-B.",
	"ab.", "AB.", "A-B", "Smith,", "J.,", "VII", "vii", "İv", "ⅻ", "K", "IVX", "C.", "lxiv", "MCM",
	"Okafor", "O'Neil", "St. John", "Müller", "Smith-Jones", "ĐORĐEVIĆ", "Ødegaard", "Straße",
	"https://doi.org/10.1000/xyz", "https://DOI.ORG/10.1/A", "https://dx.doi.org/10.1/a", "http://d%6Fi.org/10.1/a",
	"References", "7. References", "VII. Bibliography", "  Works   Cited: ", "Notes\t", "A. Sources", "BIBLIOGRAPHY 92",
	"Referências bibliográficas", "Sources\u00a0", "Notes \v", "x\u0085y",
	"https://www.doi.org/10.1/b", "https://example.org/doi.org", "https://doİ.org/10.1/c", "doi.org/10.1/x",
	"← Prev Next →", "Back to top", "© 2024 Example News", "Page 3 of 5", "COPYRIGHT 2020 all",
	"Retrieved from \"https://en.wikipedia.org/w/index.php?title=X\"", "one two three four five six seven eight",
	"one two three four five six seven eight nine", "one\u00a0two\u0085three four five six seven eight nine",
	strings.Repeat("\u212a", 60) + "copyright", strings.Repeat("K", 127) + "\u00e9 x", "Ma, X. (2019). Sleep. Nature, 1, 1–2.",
}

func TestPerfHelpersMatchOracles(t *testing.T) {
	for _, s := range equivInputs {
		assert.Equal(t, isInitialOracle(s), isInitial(s), "isInitial(%q)", s)
		assert.Equal(t, isRomanOracle(s), isRoman(s), "isRoman(%q)", s)
		assert.Equal(t, nameFoldOracle(s), foldName(s), "NormalizeName(%q)", s)
		assert.Equal(t, isNoiseOracle(s), isNoise(s), "isNoise(%q)", s)
	}
}

// foldName is NormalizeName without its fast return for folded input.
func foldName(s string) string {
	if s == "" {
		return ""
	}
	return NormalizeName(s + "!")
}

func FuzzPerfHelpers(f *testing.F) {
	for _, s := range equivInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isInitialOracle(s) != isInitial(s) {
			t.Fatalf("isInitial(%q) = %v", s, isInitial(s))
		}
		if isRomanOracle(s) != isRoman(s) {
			t.Fatalf("isRoman(%q) = %v", s, isRoman(s))
		}
		if nameFoldOracle(s+"!") != NormalizeName(s+"!") {
			t.Fatalf("NormalizeName(%q) = %q, want %q", s+"!", NormalizeName(s+"!"), nameFoldOracle(s+"!"))
		}
		if isNoiseOracle(s) != isNoise(s) {
			t.Fatalf("isNoise(%q) = %v", s, isNoise(s))
		}
		if hasLower(s) == allUpperWords([]string{s}) && len(s) > 0 {
			// allUpperWords of one word is the negation of hasLower
			t.Fatalf("hasLower(%q) = %v", s, hasLower(s))
		}
	})
}

// editDistanceOracle is the plain Levenshtein distance, in characters.
func editDistanceOracle(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func FuzzEditDistance(f *testing.F) {
	for _, s := range [][2]string{{"smith", "smyth"}, {"müller", "muller"}, {"okafor", "okafur"}, {"", "abc"},
		{"abcdefghij", "abcdefghxy"}, {strings.Repeat("a", 70), strings.Repeat("a", 69) + "b"}, {"\xff\xfe", "ab"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for limit := range 4 {
			want := min(editDistanceOracle(a, b), limit+1)
			if got := editDistance(a, b, limit); got != want {
				t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
			}
		}
	})
}
