// Command dossier builds and maintains a Dossier site. On this branch it
// only dispatches "import"; the full dispatch lives on main.
package main

import (
	"fmt"
	"os"

	"dossier/internal/clean"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "import" {
		fmt.Fprintln(os.Stderr, "usage: dossier import [-o dir] [-explain] [-force] FILE...")
		os.Exit(2)
	}
	os.Exit(clean.RunImport(os.Args[2:], os.Stdout, os.Stderr))
}
