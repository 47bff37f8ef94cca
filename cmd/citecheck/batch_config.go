package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/corpus"
)

// batchSettings gives the articles of a batch run the settings `citecheck
// check` gives the same files (config.go): the nearest .citecheck.yaml of
// each article's file, or --config for all; its overrides matched against
// that file's path; --min-score over both. A folder input is walked with
// the include and ignore globs of the configuration found from it. The
// records of a JSON Lines or WARC file share that file's settings.
//
// Every configuration the run will use is found and read before the
// first article (newBatchSettings), so that a mistake in one stops the
// run before anything is stored; the lookups are those of the run, kept
// per folder, so the run repeats none of them.
type batchSettings struct {
	cs      *configs
	flags   commandLine
	base    citecheck.Options      // set before the run: what every article's options start from
	filters map[string]inputFilter // folder input as given → its walk's include and ignore
	applied map[appliedKey]articleSettings
	last    struct { // the article options was last asked for
		file string
		articleSettings
	}
}

// appliedKey names one outcome of settingsFor: a configuration with the
// overrides that matched.
type appliedKey struct {
	c         *config
	overrides string
}

// articleSettings are an article's options and their SettingsKey.
type articleSettings struct {
	opts citecheck.Options
	key  string
}

// newBatchSettings finds the configuration of every input of a batch
// run: file is --config's value, "" for discovery. It returns every
// configuration error the inputs meet, each once.
func newBatchSettings(file string, inputs []string, flags commandLine) (*batchSettings, []error) {
	cs, err := newConfigs(file)
	if err != nil {
		return nil, []error{err}
	}
	b := &batchSettings{cs: cs, flags: flags,
		filters: map[string]inputFilter{}, applied: map[appliedKey]articleSettings{}}
	var errs []error
	seen := map[string]bool{}
	note := func(err error) {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			errs = append(errs, err)
		}
	}
	for _, in := range inputs {
		info, err := os.Stat(in)
		switch {
		case err != nil:
			continue // the run reports it as a failed input
		case !info.IsDir():
			_, err := cs.forDir(filepath.Dir(in))
			note(err)
			continue
		}
		c, err := cs.forDir(in)
		if err != nil {
			note(err)
			continue
		}
		if c != nil {
			b.filters[in] = inputFilter{Include: c.include, Ignore: c.ignore}
		}
		if cs.explicit == nil {
			b.findAll(in, note)
		}
	}
	return b, errs
}

// findAll finds the configuration of each folder of the walk of root
// that holds a file the walk takes, as corpus.Read walks it with filter:
// one lookup per folder, answered from the cache for the run.
func (b *batchSettings) findAll(root string, note func(error)) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil: // an unreadable folder: the run reports it
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
		case d.IsDir():
			if p != root && !b.filter(root, p, true) {
				return fs.SkipDir
			}
		case d.Type().IsRegular() && b.filter(root, p, false):
			_, err := b.cs.forDir(filepath.Dir(p))
			note(err)
		}
		return nil
	})
}

// filter is corpus.Options.Filter: check's include and ignore globs of
// the configuration found from root, matched as a walk of check matches
// them.
func (b *batchSettings) filter(root, p string, dir bool) bool {
	f := b.filters[root]
	rel, _ := filepath.Rel(root, p)
	if f.ignored(p, rel) {
		return false
	}
	return dir || f.takes(p, rel)
}

// options returns the options article a is checked with and their
// SettingsKey.
func (b *batchSettings) options(a corpus.Article) (articleSettings, error) {
	file := a.File
	if file == "" {
		file = a.Input
	}
	if file == b.last.file && file != "" {
		return b.last.articleSettings, nil // the next record of the same file
	}
	c, err := b.cs.forDir(filepath.Dir(file))
	if err != nil {
		return articleSettings{}, err
	}
	name, err := b.cs.abs(file) // settingsFor would find the current folder anew for each file
	if err != nil {
		name = file
	}
	s := settingsFor(c, name, b.flags)
	k := appliedKey{c, strings.Join(s.overrides, "\n")}
	as, ok := b.applied[k]
	if !ok {
		as.opts = s.options(b.base)
		as.key = as.opts.SettingsKey()
		b.applied[k] = as
	}
	b.last.file, b.last.articleSettings = file, as
	return as, nil
}

// articleOptions is citecheck.BatchOptions.ArticleOptions. Batch asks
// only for articles todo yielded without an error, whose options were
// found.
func (b *batchSettings) articleOptions(a corpus.Article) citecheck.Options {
	as, _ := b.options(a)
	return as.opts
}
