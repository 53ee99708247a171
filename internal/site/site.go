// Package site is Dossier's one orchestrator: it loads a dossier's
// sources, renders every page, checks every link, and writes the site.
//
// # Pipeline
//
// Every full build runs one pipeline (build), whatever receives its
// files; only the Output differs:
//
//  1. Load the sources (content.Load; Build uses content.LoadLean, which
//     reads each article's body again when it renders it) and apply the
//     -base-url and -base-path overrides.
//  2. Load the theme: the embedded one, overridden file by file by the
//     site's templates/.
//  3. Prepare: the Markdown converter, the map of sources to the pages
//     they become, the timelines (which convert the articles they quote,
//     to prove the quotes), the paragraphs they cite, and the facets.
//  4. Plan (Build only): tell the link check the pages that will be made,
//     so that links to them pass as soon as their page is written and
//     what the build keeps does not grow with the site.
//  5. Render, each file going to the Output as soon as it is made and
//     each HTML page being scanned for the link check as it goes: the
//     theme's static files and content/static/ (each streamed from its
//     source, never held whole); every article, in parallel, with its
//     search document streamed to its shard of the search index; the
//     pages; the timelines; the index pages; the facet pages; 404.html;
//     search.html and the rest of the index; the single-file edition;
//     robots.txt, sitemap.xml and feed.xml; and last the offline zip,
//     which holds every other file, read back from the Output and
//     streamed into it as it is packed.
//  6. Check every link and #fragment (package linkcheck).
//  7. Commit the Output, or Abort it on the first error.
//
// The Outputs are a directory (Build: a new sibling of the output
// directory, which Commit swaps in and Abort removes) and memory (Render,
// and the preview's Builder, which keeps the last good build and
// re-renders only what an edit of an article changes; see Builder).
//
// # Pages and URLs
//
//	index.html                 the dossier: title, introduction, timelines, articles by date
//	index-<n>.html             the index's further pages, 50 articles each
//	articles/<slug>.html       one cleaned article per content/articles/<slug>.md
//	timelines/<slug>.html      one comparison timeline per content/timelines/<slug>.yaml
//	<slug>.html                one page per content/pages/<slug>.md
//	404.html                   the page GitHub Pages serves for a missing path
//	style.css                  the theme's stylesheet and the code highlighting
//	search.html, search.js     search that works from file://, over
//	search-index*.js           the index: shards of documents, and the timelines
//	dossier-offline.zip        the whole site, and dossier.html, every article in
//	dossier.html               one page (for dossiers of up to 200 articles)
//	feed.xml, sitemap.xml      only when the base URL is known
//
// Every URL in every page is relative to that page and names a file, so
// one build works at a domain root, under /repo/ and from file://. The
// one exception is 404.html, which a server shows at any path: it carries
// <base href> set to the site's base_path so its relative links still work.
//
// # Guarantees
//
// A build is deterministic (the same input gives byte-identical output)
// and atomic: it writes each page, as it is rendered, into a new sibling
// directory, and swaps that in only when every internal link and #fragment
// has been checked; a failed build leaves the previous output untouched.
// Where the system can (Linux), the swap is one step, so that a whole site
// is at the output path at every instant; what a killed build left beside
// it is cleared by the next build.
package site

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"time"

	"dossier/internal/content"
	"dossier/internal/linkcheck"
	"dossier/internal/timeline"
)

// Options configure a build.
type Options struct {
	// BaseURL and BasePath override site.yaml's base_url and base_path.
	BaseURL, BasePath string
	// Progress, when set, is called from the rendering goroutines each
	// time a full render has made an HTML page, with the pages made so
	// far and the pages it will make, so that a command can show how far
	// a long build is. It must be safe for concurrent use, and it cannot
	// change the output.
	Progress func(done, total int)
}

// A Result describes a finished build.
type Result struct {
	// Paths are the output paths (slash-separated), sorted.
	Paths []string
	// Files maps each output path to its content, for the builds that
	// keep the site in memory (Render, Builder); nil after Build, which
	// wrote each page as it was made.
	Files     map[string][]byte
	Articles  int
	Timelines int
	Pages     int
	Warnings  []string

	searchDocs []searchDoc          // what went into the search index, for tests (of Render: Build drops them)
	timelines  []*timeline.Timeline // the timelines, for tests
}

// Build renders the site rooted at src into the directory out, atomically:
// pages are written as they are rendered into a new sibling directory,
// which replaces out only once everything, the link check included, has
// succeeded. Only what other pages need of each article is kept in memory.
// The sources are read as content.Source reads them (regular files inside
// src only), and out may not hold them (see checkOut). An error after
// which out is not as it was is an *OutputError.
func Build(src, out string, opts Options) (*Result, error) {
	source, err := content.OpenSource(src)
	if err != nil {
		return nil, err
	}
	defer source.Close()
	dir, err := openDir(src, out)
	if err != nil {
		return nil, err
	}
	r, err := build(source, opts, dir, true)
	if r == nil {
		return nil, err
	}
	return r.res, err
}

// Summary is the one line a build prints.
func (r *Result) Summary(out string, d time.Duration) string {
	return fmt.Sprintf("built %s (%s, %s, %s) into %s in %s",
		count(len(r.Paths), "file"), count(r.Articles, "article"), count(r.Timelines, "timeline"), count(r.Pages, "page"),
		filepath.ToSlash(out), d.Round(time.Millisecond))
}

// count is "1 page", "2 pages", "0 pages": the command's own English, not
// the theme's (the theme's words are in templates/strings.yaml).
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Render builds the whole site from fsys into memory: load, render, check.
func Render(fsys fs.FS, opts Options) (*Result, error) {
	mem := newMemOutput()
	r, err := build(fsys, opts, mem, false)
	if err != nil {
		return nil, err // memory commits without fail: r is nil
	}
	r.res.Files = mem.files
	return r.res, nil
}

// build is the pipeline of every full build: load and render into out,
// check the links, and commit out, or abort it on the first error. A
// failed commit returns the renderer with the error, as the files are
// made (see OutputError).
func build(fsys fs.FS, opts Options, out Output, lean bool) (*renderer, error) {
	r, err := renderAll(fsys, opts, out, lean)
	if err == nil {
		err = r.checkLinks()
	}
	if err != nil {
		out.Abort()
		return nil, err
	}
	warnings, err := out.Commit()
	r.res.Warnings = append(r.res.Warnings, warnings...)
	return r, err
}

// checkLinks checks every link of the site, from the pages' scanned refs.
func (r *renderer) checkLinks() error { return r.links.Check() }

// renderAll loads and renders the whole site into out, without the link
// check. lean drops what a page no longer needs once it is written, for
// builds whose renderer is not kept (see renderer.lean).
func renderAll(fsys fs.FS, opts Options, out Output, lean bool) (*renderer, error) {
	load := content.Load
	if lean {
		load = content.LoadLean
	}
	c, err := load(fsys)
	if err != nil {
		return nil, err
	}
	site, err := c.Site.WithBase(opts.BaseURL, opts.BasePath)
	if err != nil {
		return nil, err
	}
	c.Site = site
	th, err := loadTheme(fsys, c.Site.Language)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	r := &renderer{c: c, theme: th, res: res, out: out, files: map[string]bool{}, lean: lean,
		offline: len(c.Articles) <= OfflineMaxArticles, baseFlag: opts.BaseURL != ""}
	r.links = linkcheck.New(c.FS, r.has)
	if o := c.Site.OfflineEditions; o != nil {
		r.offline = *o
	}
	r.progress = opts.Progress
	err = r.render()
	r.progress = nil // an incremental rebuild's re-rendered pages are not counted
	if err != nil {
		return nil, err
	}
	if r.offline {
		// The zip is made last so that it holds every other file; its own
		// footer links are checked with it present.
		if err := r.addOfflineZip(); err != nil {
			return nil, fmt.Errorf("%s: %w", OfflineZip, err)
		}
	}
	r.res.Paths = sortedKeys(r.files)
	r.res.searchDocs, r.res.timelines = r.search, r.timelines
	sort.Strings(r.res.Warnings) // workers add them as they finish
	return r, nil
}
