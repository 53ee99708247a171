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
	"slices"
	"strings"
	"time"

	"dossier/internal/content"
	"dossier/internal/site"
)

const usage = `dossier publishes a dossier of news articles as a static site.

Usage:
  dossier new DIR                  start a dossier in DIR: settings, an example
                                   article and timeline, an about page, a
                                   GitHub Pages workflow
  dossier new article SLUG         add an article to fill in (-src DIR)
  dossier new timeline SLUG        add a timeline to fill in (-src DIR)
  dossier build [flags]            render content/ and templates/ into public/
  dossier serve [flags]            preview the site, rebuilding and reloading
                                   the browser on every change
  dossier import [flags] FILE...   clean raw articles (text copied from a
                                   browser, or saved .html/.htm pages, gzipped
                                   or not) into Markdown articles
  dossier version                  print this program's version
  dossier help [COMMAND]           show this help, or a command's

The site works online, under a GitHub Pages project path, and offline from
disk. See Dossier's README.md for the content format.
`

// Main runs the command with args (without the program name) and returns
// the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "new":
		return newCmd(args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		return versionCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "dossier: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// commands are the subcommands "dossier help COMMAND" knows.
var commands = []string{"new", "build", "serve", "import", "version", "help"}

// help shows the command's usage, or with a command name that command's
// help: "dossier help build" is "dossier build -h".
func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "dossier help: give one command, e.g. dossier help build\n")
		return 2
	case args[0] == "help":
		fmt.Fprint(stdout, usage)
		return 0
	case slices.Contains(commands, args[0]):
		return Main([]string{args[0], "-h"}, stdout, stderr)
	}
	fmt.Fprintf(stderr, "dossier help: unknown command %q; the commands are %s\n", args[0], strings.Join(commands, ", "))
	return 2
}

// A command is a subcommand's flags and help. Help asked for (-h) goes to
// stdout with exit status 0, as the answer to a question; after a usage
// error the same help goes to stderr with status 2.
type command struct {
	*flag.FlagSet
	synopsis string // the Usage lines, without "dossier "
	about    string
	stdout   io.Writer
}

// newFlags returns a subcommand's flags. synopsis is its usage line (or
// lines, one a form), about says what it does.
func newFlags(name, synopsis, about string, stdout, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // parse prints the help, to stdout or stderr
	return &command{FlagSet: fs, synopsis: synopsis, about: about, stdout: stdout}
}

// printHelp writes the command's help in the one style all commands share:
// Usage, what it does, Flags.
func (c *command) printHelp(w io.Writer) {
	fmt.Fprint(w, "Usage:\n")
	for _, l := range strings.Split(c.synopsis, "\n") {
		fmt.Fprintf(w, "  dossier %s\n", l)
	}
	fmt.Fprintf(w, "\n%s\n", c.about)
	n := 0
	c.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		out := c.Output()
		c.SetOutput(w)
		c.PrintDefaults()
		c.SetOutput(out)
	}
}

// parseFlags parses a subcommand's flags, and returns its arguments. When
// the command should not run (help asked for, a bad flag) it returns false
// and the exit status.
func (c *command) parseFlags(args []string) ([]string, int, bool) {
	if err := c.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.printHelp(c.stdout)
			return nil, 0, false
		}
		fmt.Fprintln(c.Output())
		c.printHelp(c.Output())
		return nil, 2, false
	}
	return c.Args(), 0, true
}

// parse parses the flags of a subcommand that takes no arguments.
func (c *command) parse(args []string) (int, bool) {
	rest, code, ok := c.parseFlags(args)
	if ok && len(rest) > 0 {
		fmt.Fprintf(c.Output(), "dossier %s: unexpected arguments %q\n", c.Name(), rest)
		return 2, false
	}
	return code, ok
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [flags]", "Render content/ and templates/ under -src into a static site, written\nwhole into -out only when every page and link is sound.", stdout, stderr)
	src := fs.String("src", ".", "the site root, holding content/ and optionally templates/")
	out := fs.String("out", "", "output directory (default: public under -src)")
	baseURL := fs.String("base-url", "", "absolute URL of the published site, for sitemap, feed and canonical links (overrides site.yaml)")
	basePath := fs.String("base-path", "", "path the site is served under, e.g. /repo/ (overrides site.yaml)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (go tool pprof reads it)")
	if code, ok := fs.parse(args); !ok {
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
	prog := startProgress(stderr, "building", "pages")
	res, err := site.Build(*src, *out, site.Options{BaseURL: *baseURL, BasePath: *basePath, Progress: prog.report()})
	prog.stop()
	if res != nil {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "warning: %s\n", fromHere(*src, w))
		}
	}
	if err != nil {
		n := 1
		var list content.List
		if errors.As(err, &list) {
			n = len(list)
		}
		// Only an *OutputError changes the output directory, and it says how.
		state := *out + " was left as it was"
		if oe := (*site.OutputError)(nil); errors.As(err, &oe) {
			state = *out + " was not left as it was: see above"
		}
		fmt.Fprintf(stderr, "%s\ndossier build: failed with %d error(s); %s\n", errorsFromHere(*src, err), n, state)
		return 1
	}
	fmt.Fprintln(stdout, res.Summary(*out, time.Since(start)))
	return 0
}

// The build names source files from the site root (content/articles/x.md),
// which is right for the preview's error page and for -src ".". From the
// command line with another -src, the names are made relative to where the
// command runs, as a compiler's are, so that the reader can open them as
// printed: "my-story/content/articles/x.md:3:1: …".

// fromHere puts src before a message that starts with a site path.
func fromHere(src, msg string) string {
	if filepath.Clean(src) == "." {
		return msg
	}
	for _, root := range []string{"content/", "templates/"} {
		if strings.HasPrefix(msg, root) {
			return filepath.ToSlash(filepath.Join(src, msg[:len(root)])) + "/" + msg[len(root):]
		}
	}
	return msg
}

// errorsFromHere is err with each message's site path put under src.
func errorsFromHere(src string, err error) error {
	if filepath.Clean(src) == "." {
		return err
	}
	var list content.List
	if !errors.As(err, &list) {
		return errors.New(fromHere(src, err.Error()))
	}
	out := make(content.List, len(list))
	for i, e := range list {
		out[i] = errors.New(fromHere(src, e.Error()))
	}
	return out
}
