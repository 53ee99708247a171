// Package site is Dossier's one orchestrator: it loads a dossier's
// sources, renders every page, checks every link, and writes the site.
//
// # Pages and URLs
//
//	index.html                 the dossier: title, introduction, timelines, articles by date
//	articles/<slug>.html       one cleaned article per content/articles/<slug>.md
//	timelines/<slug>.html      one comparison timeline per content/timelines/<slug>.yaml
//	<slug>.html                one page per content/pages/<slug>.md
//	404.html                   the page GitHub Pages serves for a missing path
//	style.css                  the theme's stylesheet and the code highlighting
//
// Every URL in every page is relative to that page and names a file, so
// one build works at a domain root, under /repo/ and from file://. The
// one exception is 404.html, which a server shows at any path: it carries
// <base href> set to the site's base_path so its relative links still work.
//
// # Guarantees
//
// A build is deterministic (the same input gives byte-identical output)
// and atomic (it writes a sibling directory and swaps it in; a failed build
// leaves the previous output untouched). Every internal link and #fragment
// is checked before anything is written.
package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"dossier/internal/content"
	"dossier/internal/timeline"
)

// Options configure a build.
type Options struct {
	// BaseURL and BasePath override site.yaml's base_url and base_path.
	BaseURL, BasePath string
}

// A Result describes a finished build.
type Result struct {
	Files     map[string][]byte // output path (slash-separated) → content
	Articles  int
	Timelines int
	Pages     int
	Warnings  []string

	searchDocs []searchDoc          // what went into the search index, for tests
	timelines  []*timeline.Timeline // the timelines, for tests
}

// Build renders the site rooted at src into the directory out, atomically.
func Build(src, out string, opts Options) (*Result, error) {
	res, err := Render(os.DirFS(src), opts)
	if err != nil {
		return nil, err
	}
	if err := writeAtomic(out, res.Files); err != nil {
		return res, err
	}
	return res, nil
}

// Summary is the one line a build prints.
func (r *Result) Summary(out string, d time.Duration) string {
	return fmt.Sprintf("built %d files (%d articles, %d timelines, %d pages) into %s in %s",
		len(r.Files), r.Articles, r.Timelines, r.Pages, filepath.ToSlash(out), d.Round(time.Millisecond))
}

// Render builds the whole site from fsys into memory: load, render, check.
func Render(fsys fs.FS, opts Options) (*Result, error) {
	r, err := renderAll(fsys, opts)
	if err != nil {
		return nil, err
	}
	if errs := checkLinks(r.res.Files, r.sources); len(errs) > 0 {
		var l content.List
		for _, e := range errs {
			l.Add(e)
		}
		return nil, l.Err()
	}
	return r.res, nil
}

// renderAll loads and renders the whole site, without the link check.
func renderAll(fsys fs.FS, opts Options) (*renderer, error) {
	c, err := content.Load(fsys)
	if err != nil {
		return nil, err
	}
	site, err := c.Site.WithBase(opts.BaseURL, opts.BasePath)
	if err != nil {
		return nil, err
	}
	c.Site = site
	th, err := loadTheme(fsys)
	if err != nil {
		return nil, err
	}
	r := &renderer{c: c, theme: th, res: &Result{Files: map[string][]byte{}}, sources: map[string]string{}}
	if err := r.render(); err != nil {
		return nil, err
	}
	// The zip is made last so that it holds every other file; its own
	// footer links are checked with it present.
	z, err := offlineZip(r.res.Files)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", OfflineZip, err)
	}
	r.res.Files[OfflineZip] = z
	r.res.searchDocs, r.res.timelines = r.search, r.timelines
	return r, nil
}
