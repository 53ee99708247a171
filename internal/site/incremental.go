package site

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"dossier/internal/content"
	"dossier/internal/linkcheck"
)

// A Builder keeps the last good build of a site, so that after an edit to
// an article only the pages that show that article are rendered again. It
// is what the preview server uses; "dossier build" always renders in full.
//
// What an article edit re-renders:
//
//   - the article's own page;
//   - its previous and next articles' pages, when its title or its place
//     in the order changed (they show its title and link to it);
//   - the index pages that list it, when anything the index shows changed
//     (title, dek, publication, date), and, when its place in the order
//     changed, those that list the articles between its old place and its
//     new one (each moves by one);
//   - likewise the pages of its event, publication and authors whose lists
//     show it differently or in another order. An edit of those names is a
//     full render: pages of names may come or go.
//
// The link check is kept incremental too (see linkcheck.Graph): the
// re-rendered pages have all their links checked, and every other page
// has its links into the re-rendered pages checked again (a paragraph id
// may have gone).
//
// The search index's shard that holds the article is written again on
// every edit (all shards when the order changed). The offline editions
// (dossier-offline.zip and dossier.html) hold every page, so they are
// refreshed by full renders only: until then the preview serves the ones
// of the last full render.
//
// Anything else falls back to a full render: site.yaml, templates/, pages,
// timelines, raw files, an added or removed article, and an article that a
// timeline cites (its quotes must be checked against the new text).
//
// A failed Rebuild leaves the last good build in place, and remembers the
// files it failed on: they are read again by the next Rebuild, so that a
// second, unrelated edit cannot hide a broken file.
type Builder struct {
	fsys fs.FS
	opts Options

	mu      sync.Mutex
	r       *renderer        // the last good build; nil before the first
	out     *memOutput       // its files
	links   *linkcheck.Graph // the last good link check, for the next
	sources map[string]bool  // the files under content/ and templates/ at the last full build
	pending map[string]bool  // changed files not yet built successfully
	full    bool             // the next build must be a full one
}

// NewBuilder returns a Builder for the site rooted at fsys. Nothing is
// read until the first Rebuild.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: fsys, opts: opts, pending: map[string]bool{}, full: true}
}

// Rebuild brings the site up to date after changes to the files named by
// changed (slash-separated paths from the site root; nil for none). The
// first call renders in full. It returns the new result, which the
// Builder never modifies afterwards, and the output paths that were
// added, changed or removed. On error, the last good result stays current.
func (b *Builder) Rebuild(changed []string) (*Result, []string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range changed {
		b.pending[path.Clean(p)] = true
	}
	files := slices.Sorted(maps.Keys(b.pending))
	var (
		res   *Result
		paths []string
		err   error
	)
	arts, ok := b.incremental(files)
	if ok {
		res, paths, err = b.rebuildArticles(arts)
		ok = err != errFacetsChanged
	}
	if !ok {
		res, paths, err = b.rebuildAll()
		b.full = err != nil
	}
	if err != nil {
		return nil, nil, err
	}
	clear(b.pending)
	return res, paths, nil
}

// errFacetsChanged is rebuildArticles' answer to an edit of the names an
// article is listed under (event, publication, authors): facet pages may
// come or go, and counts change on the overviews, so it is a full build.
var errFacetsChanged = errors.New("an article's event, publication or authors changed")

// incremental reports whether the changed files are all edits of known
// articles not cited by a timeline, and returns those articles.
func (b *Builder) incremental(files []string) ([]string, bool) {
	if b.full || b.r == nil {
		return nil, false
	}
	var arts []string
	for _, f := range files {
		_, err := fs.Stat(b.fsys, f)
		if errors.Is(err, fs.ErrNotExist) && !b.sources[f] {
			continue // came and went between two builds: an editor's temporary file
		}
		if path.Dir(f) != content.ArticlesDir || !strings.HasSuffix(f, ".md") {
			return nil, false
		}
		if b.position(f) < 0 {
			return nil, false // added
		}
		if err != nil {
			return nil, false // removed (or unreadable: the full build says why)
		}
		if b.cited(f) {
			return nil, false
		}
		arts = append(arts, f)
	}
	return arts, true
}

// position is the index of the article file in the last good build, or -1.
func (b *Builder) position(file string) int {
	return slices.IndexFunc(b.r.views, func(v *articleView) bool { return v.File == file })
}

// cited reports whether a timeline quotes the article, as the last full
// build found (an edit to a timeline is itself a full build). Such an edit
// is a full build too, which checks the quotes against the new text.
func (b *Builder) cited(file string) bool {
	return b.r.backlinks[strings.TrimSuffix(path.Base(file), ".md")] != nil
}

// rebuildAll renders the whole site and replaces the state.
func (b *Builder) rebuildAll() (*Result, []string, error) {
	out := newMemOutput()
	r, err := build(b.fsys, b.opts, out, false)
	if err != nil {
		return nil, nil, err
	}
	r.res.Files = out.files
	var old map[string][]byte
	if b.r != nil {
		old = b.r.res.Files
	}
	var paths []string
	for p, data := range r.res.Files {
		if prev, ok := old[p]; !ok || !bytes.Equal(prev, data) {
			paths = append(paths, p)
		}
	}
	for p := range old {
		if _, ok := r.res.Files[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	b.r, b.out, b.links = r, out, r.links.Graph()
	b.sources = sourceFiles(b.fsys)
	return r.res, paths, nil
}

// rebuildArticles re-reads the edited articles and re-renders the pages
// that show them, on a copy of the state that replaces it only on success.
func (b *Builder) rebuildArticles(files []string) (*Result, []string, error) {
	r, out := b.clone()
	// The facets' warnings are made again below, from every article: an
	// edited article's may name another (a slug collision names the
	// second name's first article).
	for _, w := range r.facetWarn {
		if i := slices.Index(r.res.Warnings, w); i >= 0 {
			r.res.Warnings = slices.Delete(r.res.Warnings, i, i+1)
		}
	}
	var errs content.List
	dirty := map[string]bool{} // output paths to render again
	var moved []string         // edited articles whose place in the order may change
	var edited []int           // their positions, for the search index's shards
	lo, hi := -1, -1           // the positions whose entries on the index pages changed
	touch := func(i int) {
		if lo < 0 || i < lo {
			lo = i
		}
		hi = max(hi, i)
	}
	for _, f := range files {
		i := b.position(f)
		old := r.views[i]
		a, err := content.LoadArticle(b.fsys, f)
		if err != nil {
			errs.Add(err)
			continue
		}
		if eerrs := content.CheckEvents(b.fsys, []*content.Article{a}, knownEvents(r.timelines)); eerrs != nil {
			errs = append(errs, eerrs...)
			continue
		}
		if !sameFacets(a, old.Article) {
			return nil, nil, errFacetsChanged
		}
		r.res.Warnings = slices.DeleteFunc(r.res.Warnings, func(w string) bool { return strings.HasPrefix(w, f+":") })
		v, verrs := r.articleView(a)
		errs = append(errs, verrs...)
		if v == nil {
			continue
		}
		// Timeline citations are computed by the full render; an article
		// that a timeline cites never takes this path (see cited).
		v.CitedBy = old.CitedBy
		r.views[i], r.c.Articles[i] = v, a
		r.search[i] = r.articleSearchDoc(v)
		edited = append(edited, i)
		dirty[a.Path()] = true
		if a.Title != old.Title || a.Date != old.Date {
			moved = append(moved, a.Path())
			touch(i)
			dirty["search.html"] = true // lists every article's title
			b.markNeighbours(r.views, i, dirty)
		}
		if a.Dek != old.Dek || a.Publication != old.Publication {
			touch(i)
		}
		if a.Publication != old.Publication {
			dirty["search.html"] = true // lists each article's publication
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if len(moved) > 0 {
		docs := make(map[string]searchDoc, len(r.views))
		for i, v := range r.views {
			docs[v.Path()] = r.search[i]
		}
		sort.SliceStable(r.views, func(i, j int) bool { return content.ArticleLess(r.views[i].Article, r.views[j].Article) })
		for i, v := range r.views {
			r.c.Articles[i] = v.Article
			r.search[i] = docs[v.Path()]
			if slices.Contains(moved, v.Path()) {
				b.markNeighbours(r.views, i, dirty)
				touch(i) // the articles between its old place and this one shift by one
			}
		}
	}

	// The search index holds every article's text: the shard of each
	// edited article is written again (with search.html, which lists the
	// titles, when they changed). The offline editions (zip, single file)
	// are refreshed by the next full build.
	pages := slices.Sorted(maps.Keys(dirty))
	if len(moved) > 0 {
		edited = nil // every shard: the order changed
	}
	errs.Add(r.writeSearchIndex(edited))
	var more []string // the index pages that list the changed entries
	if lo >= 0 {
		paths, e := r.renderIndexPages(lo/IndexPageSize+1, hi/IndexPageSize+1)
		errs = append(errs, e...)
		more = paths
	}
	// The facet pages whose lists show an edited article differently, or
	// in another order (the names are the same: see errFacetsChanged).
	facets, warnings := r.buildFacets(r.c.Articles)
	changedFacets := changedFacetPages(r.facets, facets)
	r.facets, r.facetIdx, r.facetWarn = facets, indexFacets(facets), warnings
	r.res.Warnings = append(r.res.Warnings, warnings...)
	sort.Strings(r.res.Warnings) // as a full render's
	for _, fp := range changedFacets {
		errs.Add(r.renderFacetPage(fp.f, fp.k))
		more = append(more, fp.f.path(fp.k))
	}
	for _, p := range pages {
		switch p {
		case "search.html":
			errs = append(errs, r.renderSearch()...)
			continue
		}
		i := slices.IndexFunc(r.views, func(v *articleView) bool { return v.Path() == p })
		errs.Add(r.renderArticlePage(i))
	}
	for _, p := range more {
		dirty[p] = true
	}
	pages = slices.Sorted(maps.Keys(dirty))
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}

	// Link check: every link of the re-rendered pages, and the #fragment
	// links of the other pages into them. The refs the render scanned
	// have the lines of their links from Markdown; a page it did not
	// make again is scanned.
	scan := func(p string) *linkcheck.Scanned { return linkcheck.Scan(r.res.Files[p]) }
	if err := b.links.Recheck(r.links, pages, scan); err != nil {
		return nil, nil, err
	}

	var changed []string
	shards := []string{SearchIndexFile}
	for k := 1; k <= searchShards(len(r.views)); k++ {
		shards = append(shards, searchShard(k))
	}
	for _, p := range append(pages, shards...) {
		if !bytes.Equal(b.r.res.Files[p], r.res.Files[p]) {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	b.r, b.out = r, out
	return r.res, changed, nil
}

// sourceFiles lists the files under content/ and templates/.
func sourceFiles(fsys fs.FS) map[string]bool {
	files := map[string]bool{}
	for _, dir := range []string{"content", ThemeDir} {
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files[p] = true
			}
			return nil
		})
	}
	return files
}

// markNeighbours marks the pages of the articles before and after views[i].
func (b *Builder) markNeighbours(views []*articleView, i int, dirty map[string]bool) {
	if i > 0 {
		dirty[views[i-1].Path()] = true
	}
	if i+1 < len(views) {
		dirty[views[i+1].Path()] = true
	}
}

// clone copies the last good renderer and its output, sharing what a
// rebuild only reads (theme, Markdown converter) and copying what it
// writes, so that the previous Result stays unchanged for whoever still
// serves it.
func (b *Builder) clone() (*renderer, *memOutput) {
	o := b.r
	c := *o.c
	c.Articles = slices.Clone(o.c.Articles)
	out := b.out.clone()
	res := *o.res
	res.Files = out.files
	res.Warnings = slices.Clone(o.res.Warnings)
	r := &renderer{c: &c, theme: o.theme, md: o.md, res: &res, out: out, files: maps.Clone(o.files), views: slices.Clone(o.views),
		search: slices.Clone(o.search), timelines: o.timelines, backlinks: o.backlinks, pages: o.pages, static: o.static,
		facets: o.facets, facetIdx: o.facetIdx, facetWarn: o.facetWarn,
		offline: o.offline, baseFlag: o.baseFlag, rewrite: true}
	r.links = o.links.Next(r.has)
	return r, out
}

// ErrorsOf splits a build error into its errors, one per problem, for a
// caller that lists them (the preview server's error page).
func ErrorsOf(err error) []error {
	var l content.List
	if errors.As(err, &l) {
		return l
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
