// Command dossier-import is the importer behind "dossier import": it cleans
// raw articles (text copied from a browser, or saved web pages) into
// Markdown articles with front matter.
//
// Usage:
//
//	dossier-import [-o content/articles] [-explain[=all]] [-force] FILE...
//
// It is a program of its own because the HTML extractor it links
// (go-trafilatura, through its date parser) spends about 0.3 s and 50 MB
// initialising its packages when any process that links it starts; build
// and serve do not link it and so do not pay that. "dossier import" runs
// this program; see internal/cli.
package main

import (
	"os"

	"dossier/internal/clean"
)

func main() {
	os.Exit(clean.RunImport(os.Args[1:], os.Stdout, os.Stderr))
}
