package citecheck

// The finding codes about suppression comments.
const (
	CodeUnusedSuppression  = "unused-suppression"
	CodeInvalidSuppression = "invalid-suppression"
)

// suppressionRules returns the rules about suppression comments. Their Run
// does nothing: Check applies the comments after every rule, the caller's
// own too, has run (see Pass.suppress), and reports these codes then when
// the rules are among the check's.
func suppressionRules() []*Rule {
	return []*Rule{
		{
			Code: CodeUnusedSuppression, Severity: SeverityWarning,
			Summary: "A suppression comment (citecheck-disable-next-line, citecheck-disable, citecheck-enable) suppresses no finding of the codes it names, or a citecheck-enable ends no citecheck-disable.",
			Fix:     "Delete the comment, or name the code of the finding it is meant for.",
			Run:     func(*Pass) {},
		},
		{
			Code: CodeInvalidSuppression, Severity: SeverityWarning,
			Summary: "A suppression comment is misspelt or names a code citecheck does not know, so it does not suppress what was meant.",
			Fix:     "Spell the directive and the codes as `citecheck codes` lists them.",
			Run:     func(*Pass) {},
		},
	}
}
