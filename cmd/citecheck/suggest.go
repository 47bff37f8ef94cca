package main

import (
	"flag"
	"runtime/debug"
	"strings"
)

// version is the version of citecheck this binary was built from: the main
// module's version for `go install …@v1.2.3`, else "(devel)".
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// unknownFlag returns the name of the flag in a flag package error about an
// undefined flag ("flag provided but not defined: -fromat").
func unknownFlag(err error) (string, bool) {
	return strings.CutPrefix(err.Error(), "flag provided but not defined: -")
}

// closestFlag returns the flag of fs whose name is nearest to name, or ""
// when none is near enough to be what was meant.
func closestFlag(fs *flag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return closest(name, names)
}

// closest returns the word of candidates nearest to word: the one fewest
// edits away (a transposition counts as one), within a third of the
// word's length, or the only candidate word is a prefix of. It returns ""
// when none is near.
func closest(word string, candidates []string) string {
	best, bestDist := "", max(1, len([]rune(word))/3)+1
	prefixed, prefixes := "", 0
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
		if len(word) >= 3 && strings.HasPrefix(c, word) {
			prefixed = c
			prefixes++
		}
	}
	if best == "" && prefixes == 1 {
		return prefixed
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// characters, each one edit.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// three rows of the table: two back, one back and this one
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
