// Command dossier publishes a dossier of news articles as a static site.
//
// Usage:
//
//	dossier new DIR
//	dossier new article SLUG [-src DIR]
//	dossier new timeline SLUG [-src DIR]
//	dossier build  [-src DIR] [-out DIR] [-base-url URL] [-base-path PATH]
//	dossier import [-o content/articles] [-explain] [-force] FILE...
//	dossier serve  [-src DIR] [-addr 127.0.0.1:8080] [-base /]
//	dossier version
//	dossier help [COMMAND]
//
// See README.md for the content format.
package main

import (
	"os"

	"dossier/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
