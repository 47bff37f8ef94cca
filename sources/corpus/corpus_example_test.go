package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/citecheck/citecheck/sources/corpus"
)

func ExampleRead() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "export.jsonl")
	lines := `{"id":"n1","html":"<p>First story.</p>","outlet":"Daily"}
{"id":"n2"}
{"id":"n3","text":"Third story."}
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	for a, err := range corpus.Read(context.Background(), []string{path}, corpus.Options{}) {
		if err != nil {
			var ce *corpus.ReadError
			if errors.As(err, &ce) {
				fmt.Printf("line %d: no body: %v\n", ce.Pos, errors.Is(err, corpus.ErrNoBody))
			}
			continue
		}
		fmt.Println(a.ID, a.Format, len(a.Body), a.Hash[:12])
	}
	// Output:
	// n1 html 19 5380940a5007
	// line 2: no body: true
	// n3 text 12 4c28742ca7ec
}

func ExampleShardOf() {
	for _, id := range []string{"https://news.example/a", "https://news.example/b", "https://news.example/c"} {
		fmt.Println(id, corpus.ShardOf(id, 3))
	}
	// Output:
	// https://news.example/a 0
	// https://news.example/b 0
	// https://news.example/c 1
}
