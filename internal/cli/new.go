package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"dossier/internal/scaffold"
)

// newCmd is "dossier new": a dossier, or one article or timeline in one.
// "article" and "timeline" name what to add; a directory of either name
// is written ./article.
func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new DIR\nnew article SLUG [-src DIR]\nnew timeline SLUG [-src DIR]", `Start a dossier in DIR, a new directory or a repository's (its .git,
README or LICENSE may be there, but no content/, templates/ or public/): its
settings (content/site.yaml, commented), an example article with its raw
original, an example timeline, an about page, and a GitHub Pages workflow
(.github/workflows/pages.yml) for a repository that holds only the dossier.
The example content is invented and says so; it builds as it is, to be
replaced with your own.

"new article" and "new timeline" add content/articles/SLUG.md or
content/timelines/SLUG.yaml to the dossier at -src, with every key to fill
in: the build refuses the file, naming each required value still empty,
until it is filled in. An existing file is never replaced.`, stdout, stderr)
	src := fs.String("src", "", "the dossier's root, for new article and new timeline (default .)")
	// Flags may come before, between or after the arguments.
	var pos []string
	for {
		rest, code, ok := fs.parseFlags(args)
		if !ok {
			return code
		}
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "dossier new: "+format+"\n\n", a...)
		fs.printHelp(stderr)
		return 2
	}
	if len(pos) == 0 {
		return usageErr("give the directory to start a dossier in, or article SLUG, or timeline SLUG")
	}
	switch kind := pos[0]; kind {
	case "article", "timeline":
		if len(pos) != 2 {
			return usageErr("new %s takes one slug, e.g. dossier new %s my-%s (to start a dossier in a directory named %s, write ./%s)", kind, kind, kind, kind, kind)
		}
		if *src == "" {
			*src = "."
		}
		write, what := scaffold.Article, "article"
		if kind == "timeline" {
			write, what = scaffold.Timeline, "timeline"
		}
		p, err := write(*src, pos[1])
		if err != nil {
			fmt.Fprintf(stderr, "dossier new %s: %v\n", kind, err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s: fill in the values marked TODO; until then dossier build refuses the %s, naming each one\n", filepath.ToSlash(p), what)
		return 0
	}
	if len(pos) > 1 {
		return usageErr("unexpected arguments %q after the directory", pos[1:])
	}
	if *src != "" {
		return usageErr("-src is for new article and new timeline; a new dossier goes in the directory given")
	}
	dir := pos[0]
	written, err := scaffold.Site(dir, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "dossier new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "started a dossier in %s:\n", filepath.ToSlash(dir))
	for _, f := range written {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	fmt.Fprintf(stdout, `The article, its raw original and the timeline are invented examples:
replace them with your own. Next:
  dossier serve -src %[1]s    preview it, rebuilt on every change
  dossier build -src %[1]s    write the site into %[1]s/public
To publish on GitHub Pages, see the comments at the top of
.github/workflows/pages.yml.
`, filepath.ToSlash(dir))
	return 0
}
