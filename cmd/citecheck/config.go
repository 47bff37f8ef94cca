package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/citecheck/citecheck"
)

// Configuration (issue 13). `citecheck check` reads its settings from a
// YAML file, .citecheck.yaml, or the file --config names (`citecheck
// batch` too, but for fail-on: batch_config.go):
//
//	rules:                      # per finding code: off, on, info, warning or error
//	  uncited-claim: off
//	  orphan-reference: error
//	min-score: 0.6              # as --min-score
//	fail-on: warning            # as --fail-on
//	reference-headings: [Further reading, Quellenangaben]
//	include: ["*.md"]           # the files a folder walk takes, instead of the extensions citecheck reads
//	ignore: [archive, "drafts/old/**"]
//	overrides:                  # applied in order to the files their paths match
//	  - paths: ["investigations/**"]
//	    rules: {uncited-claim: error}
//	    fail-on: warning
//
// Without --config, each input's configuration is the nearest
// .citecheck.yaml: in the input's folder, else in the folder above, and so
// on up to the root of the repository (the folder holding .git) or of the
// file system, as ruff and prettier look for theirs. Only that one file
// is read: files further up are not merged in. Standard input is
// configured from the folder of --stdin-filename, else the current one.
// The include and ignore globs of a folder or glob named on the command
// line are those of the configuration found from that folder (or glob's
// root), matched like --ignore's; a file named on the command line is
// always checked.
//
// The paths of an override are globs matched against the input's path
// relative to the configuration file's folder, with ** for any number of
// folders; a glob without a slash matches the name of the file or of any
// folder on that path. A rule set to a severity gives every finding of
// its code that severity (citecheck.Options.Severities); "on" is the
// rule's own severities, "off" drops the rule. Flags given on the
// command line win over the file: --min-score and --fail-on replace its
// values, and --ignore globs are added to its ignore list.
//
// Every mistake in a file (an unknown key or rule code, with the closest
// known one suggested, a value of the wrong kind) is an error naming the
// file, line and column, which wraps ErrConfig.

// maxConfigBytes bounds a configuration file.
const maxConfigBytes = 1 << 20

// configFileName is the name of the file configuration discovery looks for.
const configFileName = ".citecheck.yaml"

// ErrConfig is wrapped by every error in a configuration file.
var ErrConfig = errors.New("bad configuration")

// configError is a mistake at a place in a configuration file.
type configError struct {
	file      string
	line, col int // 0 when unknown
	msg       string
}

func (e *configError) Error() string {
	switch {
	case e.line > 0 && e.col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
	case e.line > 0:
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("%s: %s", e.file, e.msg)
}

func (e *configError) Unwrap() error { return ErrConfig }

// config is one configuration file, parsed and checked.
type config struct {
	file string // as found or given
	dir  string // its folder, absolute: where override paths are rooted
	settingsBlock
	referenceHeadings []string
	include, ignore   []string
	overrides         []override
}

// settingsBlock holds the keys a file and its overrides share; empty
// fields were not set.
type settingsBlock struct {
	rules    map[string]string // code → off, on, info, warning or error
	minScore *float64
	failOn   string
}

// override is one entry of the overrides list.
type override struct {
	paths []string
	settingsBlock
}

// ruleLevels are the values of a rule's setting.
func ruleLevels() []string { return []string{"off", "on", "info", "warning", "error"} }

// failOnValues are the values of fail-on, as of --fail-on.
func failOnValues() []string { return []string{"error", "warning", "never"} }

// parseConfig parses the configuration file named name from data.
func parseConfig(name string, data []byte) (*config, error) {
	c := &config{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file: the defaults
	}
	p := configParser{file: name}
	root := p.deref(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	err := p.mapping(root, "the configuration", []string{"rules", "min-score", "fail-on", "reference-headings", "include", "ignore", "overrides"},
		func(key string, v *yaml.Node) error {
			switch key {
			case "reference-headings":
				l, err := p.strings(v, key, false)
				c.referenceHeadings = l
				return err
			case "include":
				l, err := p.strings(v, key, true)
				c.include = l
				return err
			case "ignore":
				l, err := p.strings(v, key, true)
				c.ignore = l
				return err
			case "overrides":
				return p.overrides(v, c)
			}
			return p.setting(&c.settingsBlock, key, v)
		})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// yamlError turns an error of the YAML parser into a configError, with
// the line it names.
func yamlError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	return &configError{file: name, line: line, msg: "bad YAML: " + msg}
}

// configParser walks the nodes of one file.
type configParser struct{ file string }

func (p configParser) errorf(n *yaml.Node, format string, args ...any) error {
	return &configError{file: p.file, line: n.Line, col: n.Column, msg: fmt.Sprintf(format, args...)}
}

// deref follows an alias to its anchored node.
func (configParser) deref(n *yaml.Node) *yaml.Node {
	for range 8 { // yaml.v3 refuses an alias to itself; this bounds any other chain
		if n.Kind != yaml.AliasNode || n.Alias == nil {
			return n
		}
		n = n.Alias
	}
	return n
}

// mapping calls f with each key of the mapping n, which must be one of
// keys, and its value; what names the mapping in errors.
func (p configParser) mapping(n *yaml.Node, what string, keys []string, f func(key string, v *yaml.Node) error) error {
	n = p.deref(n)
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "%s must be a mapping of keys to values", what)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := p.deref(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return p.errorf(k, "a key of %s must be a word", what)
		}
		if !slices.Contains(keys, k.Value) {
			if near := closest(k.Value, keys); near != "" {
				return p.errorf(k, "unknown key %q (did you mean %q?)", k.Value, near)
			}
			return p.errorf(k, "unknown key %q (%s has %s)", k.Value, what, orList(keys))
		}
		if seen[k.Value] {
			return p.errorf(k, "key %q given twice", k.Value)
		}
		seen[k.Value] = true
		if err := f(k.Value, p.deref(v)); err != nil {
			return err
		}
	}
	return nil
}

// setting parses one of the keys a file and its overrides share.
func (p configParser) setting(s *settingsBlock, key string, v *yaml.Node) error {
	switch key {
	case "rules":
		codes := ruleCodes()
		s.rules = map[string]string{}
		return p.mapping(v, "rules", codes, func(code string, lv *yaml.Node) error {
			if lv.Kind != yaml.ScalarNode || !slices.Contains(ruleLevels(), lv.Value) {
				return p.errorf(lv, "rule %s must be %s, not %s", code, orList(ruleLevels()), describeNode(lv))
			}
			s.rules[code] = lv.Value
			return nil
		})
	case "min-score":
		var f float64
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!float" && v.Tag != "!!int") || v.Decode(&f) != nil || !(f >= 0 && f <= 1) {
			return p.errorf(v, "min-score must be a number between 0 and 1, not %s", describeNode(v))
		}
		s.minScore = &f
	case "fail-on":
		if v.Kind != yaml.ScalarNode || !slices.Contains(failOnValues(), v.Value) {
			return p.errorf(v, "fail-on must be %s, not %s", orList(failOnValues()), describeNode(v))
		}
		s.failOn = v.Value
	}
	return nil
}

// strings parses a list of strings (a single string is a list of one);
// globs are checked to be well formed.
func (p configParser) strings(v *yaml.Node, key string, globs bool) ([]string, error) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out []string
	for _, it := range items {
		it = p.deref(it)
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" || strings.TrimSpace(it.Value) == "" {
			return nil, p.errorf(it, "%s must be a list of words, not %s", key, describeNode(it))
		}
		if globs {
			if _, err := path.Match(it.Value, ""); err != nil {
				return nil, p.errorf(it, "bad glob %q in %s", it.Value, key)
			}
		}
		out = append(out, it.Value)
	}
	return out, nil
}

// overrides parses the overrides list.
func (p configParser) overrides(v *yaml.Node, c *config) error {
	if v.Kind != yaml.SequenceNode {
		return p.errorf(v, "overrides must be a list of {paths, rules, min-score, fail-on}")
	}
	for _, it := range v.Content {
		it = p.deref(it)
		var o override
		err := p.mapping(it, "an override", []string{"paths", "rules", "min-score", "fail-on"}, func(key string, v *yaml.Node) error {
			if key == "paths" {
				l, err := p.strings(v, key, true)
				o.paths = l
				return err
			}
			return p.setting(&o.settingsBlock, key, v)
		})
		if err != nil {
			return err
		}
		if len(o.paths) == 0 {
			return p.errorf(it, "an override needs paths")
		}
		c.overrides = append(c.overrides, o)
	}
	return nil
}

// describeNode names a value for an error message.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}

// ruleCodes are the codes of the default rules, in their documented order.
func ruleCodes() []string {
	var codes []string
	for _, r := range citecheck.DefaultRules() {
		codes = append(codes, r.Code)
	}
	return codes
}

// readConfig reads and parses the configuration file at name.
func readConfig(name string) (*config, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", errors.Join(ErrConfig, err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", errors.Join(ErrConfig, err))
	}
	if len(data) > maxConfigBytes {
		return nil, &configError{file: name, msg: fmt.Sprintf("larger than %d bytes: not a configuration file", maxConfigBytes)}
	}
	c, err := parseConfig(name, data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", errors.Join(ErrConfig, err))
	}
	c.dir = filepath.Dir(abs)
	return c, nil
}

// findConfig returns the path of the nearest configuration file for a
// file in folder dir, looking up to the folder holding .git or the file
// system's root; "" when there is none. The path is relative to the
// current folder when dir is.
func findConfig(dir string) (string, error) {
	cs, _ := newConfigs("")
	return cs.locate(dir)
}

// configs finds and caches the configuration of each input of one run.
// Finding is memoized per folder, and a folder's answer is built from its
// parent's, so a run stats at most two names per folder (its
// .citecheck.yaml and .git) however many files it holds; each
// configuration file is read and parsed once per run.
type configs struct {
	explicit *config                // --config, when given
	byName   map[string]foundConfig // folder as given, cleaned → its file as reached from there
	byAbs    map[string]foundConfig // absolute folder → its file, absolute
	byFile   map[string]readResult  // absolute file → its configuration
	cwd      string                 // the current folder, found once
}

// foundConfig is what discovery found for one folder: the absolute path
// of its configuration file ("" for none), or the error that stopped it.
type foundConfig struct {
	file string
	err  error
}

// readResult is one configuration file, read and parsed, or the error
// doing so.
type readResult struct {
	c   *config
	err error
}

// newConfigs returns the configurations of a run; file is --config's
// value, "" for discovery.
func newConfigs(file string) (*configs, error) {
	cs := &configs{byName: map[string]foundConfig{}, byAbs: map[string]foundConfig{}, byFile: map[string]readResult{}}
	if file != "" {
		c, err := readConfig(file)
		if err != nil {
			return nil, err
		}
		cs.explicit = c
	}
	return cs, nil
}

// abs returns name as an absolute path, finding the current folder once
// per run rather than on every call, as filepath.Abs does.
func (cs *configs) abs(name string) (string, error) {
	if filepath.IsAbs(name) {
		return filepath.Clean(name), nil
	}
	if cs.cwd == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		cs.cwd = wd
	}
	return filepath.Join(cs.cwd, name), nil
}

// locate returns the path of the nearest configuration file for the
// files in folder dir, "" for none, as findConfig describes.
func (cs *configs) locate(dir string) (string, error) {
	key := filepath.Clean(dir)
	f, ok := cs.byName[key]
	if !ok {
		abs, err := cs.abs(key)
		if err != nil {
			f = foundConfig{err: err}
		} else {
			f = cs.locateAbs(abs)
		}
		if f.file != "" && !filepath.IsAbs(key) {
			// named from the folder as given, as the user wrote it
			if up, err := filepath.Rel(abs, filepath.Dir(f.file)); err == nil {
				f.file = filepath.Join(key, up, configFileName)
			}
		}
		cs.byName[key] = f
	}
	return f.file, f.err
}

// locateAbs finds the configuration file of the absolute folder abs: its
// own, else none at a repository's root (the folder holding .git, whose
// parent is another project), else its parent's.
func (cs *configs) locateAbs(abs string) foundConfig {
	if f, ok := cs.byAbs[abs]; ok {
		return f
	}
	var f foundConfig
	candidate := filepath.Join(abs, configFileName)
	info, err := os.Stat(candidate)
	switch {
	case err == nil && !info.IsDir():
		f.file = candidate
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		f.err = err
	default:
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			break
		}
		if parent := filepath.Dir(abs); parent != abs {
			f = cs.locateAbs(parent)
		}
	}
	cs.byAbs[abs] = f
	return f
}

// forDir returns the configuration of the files in folder dir, nil for
// none.
func (cs *configs) forDir(dir string) (*config, error) {
	if cs.explicit != nil {
		return cs.explicit, nil
	}
	name, err := cs.locate(dir)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", errors.Join(ErrConfig, err))
	}
	if name == "" {
		return nil, nil
	}
	return cs.read(name)
}

// read reads the configuration file at name, once per run.
func (cs *configs) read(name string) (*config, error) {
	key, err := cs.abs(name)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", errors.Join(ErrConfig, err))
	}
	r, ok := cs.byFile[key]
	if !ok {
		r.c, r.err = readConfig(name)
		cs.byFile[key] = r
	}
	return r.c, r.err
}

// forInput returns the configuration of the input named name ("-" is
// standard input, configured from the folder of stdinName).
func (cs *configs) forInput(name, stdinName string) (*config, error) {
	if name == "-" {
		if stdinName == "" {
			return cs.forDir(".")
		}
		return cs.forDir(filepath.Dir(stdinName))
	}
	return cs.forDir(filepath.Dir(name))
}

// expand is expandInputs with the include and ignore globs of each
// argument's configuration added to flagIgnore; a file found by two
// arguments is checked once.
func (cs *configs) expand(args []string, flagIgnore []string) []input {
	var out []input
	seen := map[string]bool{}
	for _, arg := range args {
		filter := inputFilter{Ignore: flagIgnore}
		root := ""
		if info, err := os.Stat(arg); err == nil && info.IsDir() {
			root = arg
		} else if err != nil && hasMeta(arg) {
			root = globRoot(arg)
		}
		if root != "" {
			c, err := cs.forDir(root)
			if err != nil {
				out = append(out, input{name: arg, err: err})
				continue
			}
			if c != nil {
				filter = inputFilter{Include: c.include, Ignore: slices.Concat(c.ignore, flagIgnore)}
			}
		}
		for _, in := range expandInputs([]string{arg}, filter) {
			if in.err == nil && in.name != "-" {
				key := filepath.Clean(in.name)
				if seen[key] {
					continue
				}
				seen[key] = true
			}
			out = append(out, in)
		}
	}
	return out
}

// settings are what applies to one input: the defaults, then its
// configuration file, then the overrides that match it, then the flags.
type settings struct {
	file      string   // the configuration file, "" for none
	overrides []string // the overrides applied, by their paths
	rules     map[string]string
	minScore  float64
	failOn    string
	headings  []string
}

// commandLine are the settings given as flags; nil and "" were not given.
type commandLine struct {
	minScore *float64
	failOn   string
}

// settingsFor returns the settings of the input at name under c (nil for
// none) and the command line.
func settingsFor(c *config, name string, flags commandLine) settings {
	s := settings{rules: map[string]string{}, failOn: "error"}
	apply := func(b settingsBlock) {
		for code, lv := range b.rules {
			s.rules[code] = lv
		}
		if b.minScore != nil {
			s.minScore = *b.minScore
		}
		if b.failOn != "" {
			s.failOn = b.failOn
		}
	}
	if c != nil {
		s.file, s.headings = c.file, c.referenceHeadings
		apply(c.settingsBlock)
		rel := ""
		if name != "-" {
			if abs, err := filepath.Abs(name); err == nil {
				rel, _ = filepath.Rel(c.dir, abs)
			}
		}
		for _, o := range c.overrides {
			if rel != "" && matchOverride(o.paths, filepath.ToSlash(rel)) {
				s.overrides = append(s.overrides, strings.Join(o.paths, ", "))
				apply(o.settingsBlock)
			}
		}
	}
	if flags.minScore != nil {
		s.minScore = *flags.minScore
	}
	if flags.failOn != "" {
		s.failOn = flags.failOn
	}
	return s
}

// matchOverride reports whether one of globs matches rel, an input's
// slash-separated path relative to the configuration's folder: a glob
// with a slash the whole path, one without the name of the file or of a
// folder on the path.
func matchOverride(globs []string, rel string) bool {
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return false
	}
	for _, g := range globs {
		g = strings.TrimPrefix(path.Clean(filepath.ToSlash(g)), "./")
		if strings.Contains(g, "/") {
			if matchGlob(g, rel) {
				return true
			}
			continue
		}
		for _, seg := range strings.Split(rel, "/") {
			if ok, err := path.Match(g, seg); err == nil && ok {
				return true
			}
		}
	}
	return false
}

// options returns opts with the settings applied.
func (s settings) options(opts citecheck.Options) citecheck.Options {
	opts.MinScore = s.minScore
	opts.ReferenceHeadings = s.headings
	opts.Rules, opts.Severities = nil, nil
	off := false
	for code, lv := range s.rules {
		switch lv {
		case "off":
			off = true
		case "info", "warning", "error":
			if opts.Severities == nil {
				opts.Severities = map[string]citecheck.Severity{}
			}
			opts.Severities[code] = citecheck.Severity(lv)
		}
	}
	if off {
		for _, r := range citecheck.DefaultRules() {
			if s.rules[r.Code] != "off" {
				opts.Rules = append(opts.Rules, r)
			}
		}
		if opts.Rules == nil {
			opts.Rules = []*citecheck.Rule{} // every rule off
		}
	}
	return opts
}

// writeSettings writes the settings of input as a configuration file
// that would give them, its origin in comments.
func writeSettings(w io.Writer, input string, c *config, s settings) error {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	head := []string{"citecheck configuration for " + input}
	if s.file == "" {
		head = append(head, "from no file: the defaults")
	} else {
		head = append(head, "from "+s.file)
	}
	for _, o := range s.overrides {
		head = append(head, "with the override for "+o)
	}
	doc.HeadComment = strings.Join(head, "\n")
	scalar := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }
	add := func(key string, v *yaml.Node) { doc.Content = append(doc.Content, scalar(key), v) }
	list := func(items []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode}
		if len(items) == 0 {
			n.Style = yaml.FlowStyle
		}
		for _, it := range items {
			n.Content = append(n.Content, scalar(it))
		}
		return n
	}
	rules := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range citecheck.DefaultRules() {
		lv, ok := s.rules[r.Code]
		if !ok || lv == "on" {
			lv = string(r.Severity)
		}
		rules.Content = append(rules.Content, scalar(r.Code), scalar(lv))
	}
	add("rules", rules)
	score := &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(s.minScore, 'g', -1, 64)}
	if s.minScore == 0 {
		score.LineComment = "the claim model's default"
	}
	add("min-score", score)
	add("fail-on", scalar(s.failOn))
	add("reference-headings", list(s.headings))
	var include, ignore []string
	if c != nil {
		include, ignore = c.include, c.ignore
	}
	add("include", list(include))
	add("ignore", list(ignore))
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// runConfig runs `citecheck config`.
func runConfig(args []string, stdout, stderr io.Writer) int {
	c := newCommand("config", "citecheck config [--config FILE] PATH",
		"Prints the configuration `citecheck check` uses for the file at PATH, as YAML,\n"+
			"with the configuration file it comes from and the overrides applied in\n"+
			"comments. Without --config, the file is the nearest "+configFileName+" from\n"+
			"PATH's folder up to the repository's root (the folder holding .git).",
		stdout, stderr)
	file := c.String("config", "", "read the configuration from this `file` instead of finding "+configFileName)
	args, code, ok := c.parse(args)
	if !ok {
		return code
	}
	if len(args) != 1 {
		return c.usageError("want one PATH, not %d", len(args))
	}
	cs, err := newConfigs(*file)
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	cfg, err := cs.forInput(args[0], "")
	if info, statErr := os.Stat(args[0]); statErr == nil && info.IsDir() {
		cfg, err = cs.forDir(args[0]) // a folder: the configuration of its files
	}
	if err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	if err := writeSettings(stdout, args[0], cfg, settingsFor(cfg, args[0], commandLine{})); err != nil {
		return c.fail(exitUsage, "%v", err)
	}
	return exitOK
}
