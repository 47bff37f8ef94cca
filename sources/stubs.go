package sources

import (
	"errors"
)

func parseHTML(doc *Document, base string) error { return errors.New("html: not yet") }

func parseMarkdown(doc *Document) error { return errors.New("markdown: not yet") }
