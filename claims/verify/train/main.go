// Command train fits the verifier's logistic models on the claim-support
// data of ../shared/data and writes claims/verify/model.json, which the
// package embeds. Run it from the repository's root:
//
//	go run ./claims/verify/train
//
// The result depends only on the data, so running it again reproduces
// the shipped file byte for byte.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/citecheck/citecheck/claims/verify"
	"github.com/citecheck/citecheck/claims/verify/internal/claimdata"
)

func main() {
	out := flag.String("o", "claims/verify/model.json", "where to write the model")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	dir := claimdata.Dir()
	if dir == "" {
		return fmt.Errorf("claim-support data not found at ../shared/data/claim-support")
	}
	items, err := claimdata.Training(dir)
	if err != nil {
		return err
	}
	m := verify.Train(append(claimdata.Examples(items), claimdata.ShortExamples(items)...))
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("trained on %d claims; wrote %s\n", len(items), out)
	return nil
}
