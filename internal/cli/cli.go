// Package cli is the dossier command's subcommands: it parses flags and
// calls into the packages that do the work, so the command stays a single
// call and the subcommands can be tested in process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"dossier/internal/content"
	"dossier/internal/site"
)

const usage = `dossier publishes a dossier of news articles as a static site.

Usage:

  dossier build  [-src DIR] [-out DIR] [-base-url URL] [-base-path PATH]
        render content/ and templates/ under DIR (default .) into public/
  dossier import [-o content/articles] [-explain] [-force] FILE...
        clean a raw article (text copied from a browser, or a saved .html/.htm
        page, gzipped or not) into a Markdown article with front matter
  dossier serve  [-src DIR] [-addr 127.0.0.1:8080] [-base /]
        preview the site: build it into memory, serve it on loopback, and
        rebuild and reload the browser on every change
  dossier help
        show this help; "dossier COMMAND -h" shows a command's flags

The site works online, under a GitHub Pages project path, and offline from
disk. See README.md for the content format.
`

// Main runs the command with args (without the program name) and returns
// the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "dossier: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// newFlags returns a subcommand's flag set; -h prints usage, then the flags.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dossier %s [flags]\n\n%s\n\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a subcommand's arguments. When the command should not run
// (help asked for, a bad flag, stray arguments) it returns false and the
// exit status.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier %s: unexpected arguments %q\n", fs.Name(), fs.Args())
		return 2, false
	}
	return 0, true
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "Render content/ and templates/ into a static site.", stderr)
	src := fs.String("src", ".", "the site root, holding content/ and optionally templates/")
	out := fs.String("out", "", "output directory (default: public under -src)")
	baseURL := fs.String("base-url", "", "absolute URL of the published site, for sitemap, feed and canonical links (overrides site.yaml)")
	basePath := fs.String("base-path", "", "path the site is served under, e.g. /repo/ (overrides site.yaml)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (go tool pprof reads it)")
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	// The base flags are checked before anything is read, so that a bad
	// value is named as the flag that gave it, not as site.yaml's.
	if *baseURL != "" {
		if msg := content.BaseURLProblem(*baseURL); msg != "" {
			fmt.Fprintf(stderr, "dossier build: -base-url %q: %s\n", *baseURL, msg)
			return 2
		}
	}
	if *basePath != "" {
		if msg := content.BasePathProblem(*basePath); msg != "" {
			fmt.Fprintf(stderr, "dossier build: -base-path %q: %s\n", *basePath, msg)
			return 2
		}
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	// How the collector runs during a build: see gc.go.
	defer limitGC(buildMemoryLimit, 10*time.Millisecond)()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "dossier build: -cpuprofile: %v\n", err)
			return 2
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	start := time.Now()
	res, err := site.Build(*src, *out, site.Options{BaseURL: *baseURL, BasePath: *basePath})
	if res != nil {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "warning: %s\n", w)
		}
	}
	if err != nil {
		n := 1
		var list content.List
		if errors.As(err, &list) {
			n = len(list)
		}
		fmt.Fprintf(stderr, "%s\ndossier build: failed with %d error(s); %s was left as it was\n", err, n, *out)
		return 1
	}
	fmt.Fprintln(stdout, res.Summary(*out, time.Since(start)))
	return 0
}
