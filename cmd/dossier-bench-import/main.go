// Command dossier-bench-import measures the article importer's accuracy over
// a WCXB-style benchmark directory; README.md, "Accuracy", says how it scores.
package main

import (
	"os"

	"dossier/internal/clean"
)

func main() {
	os.Exit(clean.RunBench(os.Args[1:], os.Stdout, os.Stderr))
}
