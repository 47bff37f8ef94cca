package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// errNoMatch is the error of a glob pattern that matches no file citecheck
// reads.
var errNoMatch = errors.New("no file to check matches the pattern")

// input is one file `citecheck check` checks, or the error that stopped it
// from being found (an unreadable folder, a pattern that matches nothing):
// either way it is reported under its name and the run goes on.
type input struct {
	name string // as given, or as the walk found it; "-" for standard input
	err  error
}

// inputFilter says which files a walk takes. The zero value takes the
// files whose extension a reader claims (sources.FormatTable).
type inputFilter struct {
	// Include, when not empty, replaces the extensions: a walked file is
	// taken when it matches one of these globs.
	Include []string
	// Ignore skips the files and folders that match one of these globs.
	Ignore []string
}

// expandInputs turns the arguments of `citecheck check` into the files to
// check, in order: "-" is standard input; a folder is walked, recursively,
// in lexical order, for the files filter takes, skipping dot-names and
// ignored paths; a name that does not exist but holds a glob
// metacharacter (* ? [) is a pattern, expanded by citecheck itself for
// shells and CI runners that do not (with ** for any number of folders).
// A file named on the command line is checked whatever its extension. A
// file found twice is checked once, where it was first found. The work is
// one walk of each folder or pattern root, whatever the filter.
func expandInputs(args []string, filter inputFilter) []input {
	var out []input
	seen := map[string]bool{}
	add := func(in input) {
		if in.err == nil && in.name != "-" {
			key := filepath.Clean(in.name)
			if seen[key] {
				return
			}
			seen[key] = true
		}
		out = append(out, in)
	}
	for _, arg := range args {
		if arg == "-" {
			add(input{name: arg})
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			walkFolder(arg, filter, nil, add)
		case err == nil:
			add(input{name: arg})
		case hasMeta(arg):
			root := globRoot(arg)
			pattern := filepath.ToSlash(filepath.Clean(arg))
			matched := false
			walkFolder(root, filter, func(p string) bool {
				ok := matchGlob(pattern, filepath.ToSlash(p))
				matched = matched || ok
				return ok
			}, add)
			if !matched {
				add(input{name: arg, err: fmt.Errorf("%s: %w", arg, errNoMatch)})
			}
		default:
			add(input{name: arg, err: err}) // *fs.PathError names the file
		}
	}
	return out
}

// walkFolder walks root in lexical order and hands add every file that
// filter takes and match (when not nil) accepts, and every error met on
// the way. Folders and files whose names start with a dot are skipped, as
// are paths that match an ignore glob; root itself is always entered.
func walkFolder(root string, filter inputFilter, match func(string) bool, add func(input)) {
	if _, err := os.Stat(root); err != nil {
		if match == nil {
			add(input{name: root, err: err})
		}
		return // a pattern whose root does not exist matches nothing
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		if p != root && (strings.HasPrefix(d.Name(), ".") || filter.ignored(p, rel)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil {
			add(input{name: p, err: err}) // an unreadable folder: reported, and the walk goes on
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link to a file is checked; a link to a folder is not
			// followed, so a walk never loops
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if filter.takes(p, rel) && (match == nil || match(p)) {
			add(input{name: p})
		}
		return nil
	})
}

// takes reports whether a walk checks the file at p, rel within the
// folder walked.
func (f inputFilter) takes(p, rel string) bool {
	if len(f.Include) == 0 {
		_, ok := sources.FormatOfName(p)
		return ok
	}
	return slices.ContainsFunc(f.Include, func(g string) bool { return matchPath(g, p, rel) })
}

// ignored reports whether an ignore glob matches the path p, rel within
// the folder walked.
func (f inputFilter) ignored(p, rel string) bool {
	return slices.ContainsFunc(f.Ignore, func(g string) bool { return matchPath(g, p, rel) })
}

// matchPath reports whether the glob g matches the path p, found by
// walking a folder, in which it is at rel. A glob without a slash matches
// a name anywhere on the path, folder or file ("*.txt", "archive"); one
// with a slash matches the whole path, as found ("drafts/old/**" when
// drafts/ was given) or within the folder walked ("old/**" in drafts/),
// with ** standing for any number of folders ("**/notes/*.md").
func matchPath(g, p, rel string) bool {
	g = filepath.ToSlash(g)
	p = filepath.ToSlash(filepath.Clean(p))
	if !strings.Contains(g, "/") {
		return matchGlob(g, path.Base(p))
	}
	g = path.Clean(g)
	return matchGlob(g, p) || matchGlob(g, filepath.ToSlash(rel))
}

// matchGlob matches a slash-separated path against a pattern of
// path.Match segments, where a segment "**" matches zero or more
// segments. A malformed pattern matches nothing.
func matchGlob(pattern, name string) bool {
	return matchSegments(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := range name {
				if matchSegments(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], name[0]); err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// hasMeta reports whether s holds a glob metacharacter.
func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// globRoot returns the folder a pattern's walk starts from: its leading
// segments without metacharacters, or "." when it has none.
func globRoot(pattern string) string {
	segs := strings.Split(filepath.ToSlash(filepath.Clean(pattern)), "/")
	i := 0
	for i < len(segs)-1 && !hasMeta(segs[i]) {
		i++
	}
	if i == 0 {
		if segs[0] == "" { // an absolute pattern: "/drafts/*.md"
			return "/"
		}
		return "."
	}
	root := strings.Join(segs[:i], "/")
	if root == "" {
		root = "/"
	}
	return filepath.FromSlash(root)
}
