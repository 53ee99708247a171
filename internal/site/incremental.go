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
// that show them, on a copy of the state that replaces it only on
// success. Its steps, in order:
//
//  1. reread: load each edited article again and convert it (a change of
//     the names it is listed under is errFacetsChanged: a full build);
//  2. reorder: put the articles back in site order, if an edit moved one;
//  3. render: write the search index's shards again, and the pages that
//     show an edited article (see Builder);
//  4. checkLinks: check the links of those pages, and the links into them;
//  5. changedFiles: say which files now differ from the last good build.
func (b *Builder) rebuildArticles(files []string) (*Result, []string, error) {
	rb := b.newRebuild()
	if err := rb.reread(files); err != nil {
		return nil, nil, err
	}
	rb.reorder()
	pages, err := rb.render()
	if err != nil {
		return nil, nil, err
	}
	if err := rb.checkLinks(pages); err != nil {
		return nil, nil, err
	}
	changed := rb.changedFiles(pages)
	b.r, b.out = rb.r, rb.out
	return rb.r.res, changed, nil
}

// A partialBuild is one incremental rebuild on its way through its steps.
type partialBuild struct {
	b      *Builder
	r      *renderer       // a copy of the last good build's, which the steps change
	out    *memOutput      // r's output: a copy of the last good build's files
	dirty  map[string]bool // output paths to render again
	moved  []string        // edited articles whose place in the order may change
	edited []int           // their positions, for the search index's shards
	lo, hi int             // the positions whose entries on the index pages changed (-1: none)
}

// newRebuild starts a rebuild on a copy of the last good build.
func (b *Builder) newRebuild() *partialBuild {
	r, out := b.clone()
	// The facets' warnings are made again by render, from every article:
	// an edited article's may name another (a slug collision names the
	// second name's first article).
	for _, w := range r.facetWarn {
		if i := slices.Index(r.res.Warnings, w); i >= 0 {
			r.res.Warnings = slices.Delete(r.res.Warnings, i, i+1)
		}
	}
	return &partialBuild{b: b, r: r, out: out, dirty: map[string]bool{}, lo: -1, hi: -1}
}

// touch marks the i-th article's entry on the index pages as changed.
func (rb *partialBuild) touch(i int) {
	if rb.lo < 0 || i < rb.lo {
		rb.lo = i
	}
	rb.hi = max(rb.hi, i)
}

// reread loads and converts the edited articles again, and marks what
// shows them: their pages, their neighbours' and search.html when the
// title or the date changed, their index entries when what the index
// shows changed. It reports every article's errors, or errFacetsChanged.
func (rb *partialBuild) reread(files []string) error {
	var errs content.List
	for _, f := range files {
		e, err := rb.rereadArticle(f)
		if err != nil {
			return err
		}
		errs = append(errs, e...)
	}
	return errs.Err()
}

// rereadArticle is reread's step for one article file.
func (rb *partialBuild) rereadArticle(f string) (content.List, error) {
	r := rb.r
	i := rb.b.position(f)
	old := r.views[i]
	a, err := content.LoadArticle(rb.b.fsys, f)
	if err != nil {
		var errs content.List
		errs.Add(err) // its errors, one by one
		return errs, nil
	}
	if eerrs := content.CheckEvents(rb.b.fsys, []*content.Article{a}, knownEvents(r.timelines)); eerrs != nil {
		return eerrs, nil
	}
	if !sameFacets(a, old.Article) {
		return nil, errFacetsChanged
	}
	r.res.Warnings = slices.DeleteFunc(r.res.Warnings, func(w string) bool { return strings.HasPrefix(w, f+":") })
	v, errs := r.articleView(a)
	if v == nil {
		return errs, nil
	}
	// Timeline citations are computed by the full render; an article
	// that a timeline cites never takes this path (see cited).
	v.CitedBy = old.CitedBy
	r.views[i], r.c.Articles[i] = v, a
	r.search[i] = r.articleSearchDoc(v)
	rb.edited = append(rb.edited, i)
	rb.dirty[a.Path()] = true
	if a.Title != old.Title || a.Date != old.Date {
		rb.moved = append(rb.moved, a.Path())
		rb.touch(i)
		rb.dirty["search.html"] = true // lists every article's title
		rb.b.markNeighbours(r.views, i, rb.dirty)
	}
	if a.Dek != old.Dek || a.Publication != old.Publication {
		rb.touch(i)
	}
	if a.Publication != old.Publication {
		rb.dirty["search.html"] = true // lists each article's publication
	}
	return errs, nil
}

// reorder puts the articles back in site order when an edit may have
// moved one, and marks the neighbours and index entries at its new place.
func (rb *partialBuild) reorder() {
	if len(rb.moved) == 0 {
		return
	}
	r := rb.r
	docs := make(map[string]searchDoc, len(r.views))
	for i, v := range r.views {
		docs[v.Path()] = r.search[i]
	}
	sort.SliceStable(r.views, func(i, j int) bool { return content.ArticleLess(r.views[i].Article, r.views[j].Article) })
	for i, v := range r.views {
		r.c.Articles[i] = v.Article
		r.search[i] = docs[v.Path()]
		if slices.Contains(rb.moved, v.Path()) {
			rb.b.markNeighbours(r.views, i, rb.dirty)
			rb.touch(i) // the articles between its old place and this one shift by one
		}
	}
}

// render writes the search index's shards of the edited articles again
// (every shard when the order changed), and renders the marked pages,
// the index pages that list a changed entry, and the facet pages whose
// lists show an edited article differently or in another order (the
// names are the same: see errFacetsChanged). The offline editions (zip,
// single file) are refreshed by the next full build. It returns, sorted,
// the pages rendered.
func (rb *partialBuild) render() ([]string, error) {
	r := rb.r
	var errs content.List
	pages := slices.Sorted(maps.Keys(rb.dirty))
	edited := rb.edited
	if len(rb.moved) > 0 {
		edited = nil // every shard: the order changed
	}
	errs.Add(r.writeSearchIndex(edited))
	var more []string // the index and facet pages that list the changed entries
	if rb.lo >= 0 {
		paths, e := r.renderIndexPages(rb.lo/IndexPageSize+1, rb.hi/IndexPageSize+1)
		errs = append(errs, e...)
		more = paths
	}
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
		if p == "search.html" {
			errs = append(errs, r.renderSearchPage()...) // its shards are written above
			continue
		}
		i := slices.IndexFunc(r.views, func(v *articleView) bool { return v.Path() == p })
		errs.Add(r.renderArticlePage(i))
	}
	for _, p := range more {
		rb.dirty[p] = true
	}
	// The feed holds the latest articles whole, and the sitemap lists the
	// pages: with a base URL they are written again, as a full render
	// would (changedFiles compares them; they hold no links to check).
	if r.c.Site.BaseURL != "" {
		errs.Add(r.publishFiles())
	}
	errs = append(errs, r.theme.lang.misprintErrors()...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return slices.Sorted(maps.Keys(rb.dirty)), nil
}

// checkLinks checks every link of the pages rendered, and the #fragment
// links of the other pages into them (see linkcheck.Graph). The refs the
// render scanned have the lines of their links from Markdown; a page it
// did not make again is scanned.
func (rb *partialBuild) checkLinks(pages []string) error {
	scan := func(p string) *linkcheck.Scanned { return linkcheck.Scan(rb.out.files[p]) }
	return rb.b.links.Recheck(rb.r.links, pages, scan)
}

// changedFiles are, sorted, the pages rendered, the search index's files
// and the feed, sitemap and robots.txt whose bytes differ from the last
// good build's.
func (rb *partialBuild) changedFiles(pages []string) []string {
	var changed []string
	shards := []string{SearchIndexFile, "feed.xml", "sitemap.xml", "robots.txt"}
	for k := 1; k <= searchShards(len(rb.r.views)); k++ {
		shards = append(shards, searchShard(k))
	}
	for _, p := range append(pages, shards...) {
		if !bytes.Equal(rb.b.r.res.Files[p], rb.out.files[p]) {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
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
