package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"dossier/internal/content"
	"dossier/internal/linkcheck"
	"dossier/internal/markdown"
	"dossier/internal/timeline"
)

// renderer holds one build's state.
type renderer struct {
	c      *content.Content
	theme  *theme
	md     *markdown.Converter
	res    *Result
	out    Output             // where files go as they are made
	files  map[string]bool    // the output paths made so far
	links  *linkcheck.Checker // the pages' ids and links, and their sources, for the link check
	views  []*articleView     // the articles, in site order (kept for the incremental Builder; see lean)
	search []searchDoc        // documents for the search index, one per article, in site order (see lean)
	pages  map[string]string  // source file → output path of every article and page
	mu     sync.Mutex

	timelines []*timeline.Timeline
	stream    *searchStream                             // a full render's search index, written as articles finish
	backlinks map[string]map[string][]markdown.BackLink // slug → paragraph id → links to the entries quoting it
	facets    []*facet                                  // events, publications, authors: by kind, then name
	facetIdx  facetIndex                                // the facets by kind and name
	facetWarn []string                                  // the facets' warnings (slug collisions), among res.Warnings
	static    map[string]*staticFile                    // content/static/ file → what pages need of it

	// lean drops, once an article's page is written, what no other page
	// needs of it (its source, its view with its HTML, its search document
	// but for the text a timeline quotes), and passes each page's links
	// as soon as it can (see plan), so that a build's memory grows
	// little with the site. It is for a renderer that is not kept after
	// its build (Build's), whatever its Output: the Builder keeps what a
	// rebuild needs.
	lean bool
	// rewrite allows add to replace a file already made: the preview's
	// Builder re-renders pages of its last build.
	rewrite bool
	// offline is whether the offline editions (zip, single file) are made:
	// for dossiers of at most OfflineMaxArticles articles.
	offline bool

	// progress is Options.Progress during a full render, told of each
	// HTML page made (made of toMake, set once the render has planned).
	progress func(done, total int)
	made     atomic.Int64
	toMake   int

	// baseFlag is whether the base URL was given by the -base-url flag
	// (Options.BaseURL), not site.yaml, for errors it causes.
	baseFlag bool
}

// A page is the data every template gets.
type page struct {
	Site        content.Site
	Kind        string // index, article, page, 404, timeline
	Path        string // output path from the site root
	Root        string // relative URL of the site root from this page: "" or "../"
	Base        string // <base href>, on 404.html only
	Title       string
	Description string
	Nav         []navLink

	// Path's kind, for the layout's links: it tests a field instead of
	// calling eq, a call through reflect less each.
	IsFront  bool // the page is index.html: {{if eq .Path "index.html"}}
	IsSearch bool // the page is search.html: {{if eq .Path "search.html"}}

	// The document's <title>, "Title · site title" or the site's title
	// alone: one action instead of two. Set by execute, since Title may
	// change after newPage.
	HeadTitle string

	// Absolute URLs and metadata, only when the base URL is known.
	Canonical string
	OGType    string
	Feed      bool
	JSONLD    template.JS // structured data: NewsArticle on articles, events and articles on timelines

	Intro     template.HTML  // index
	Articles  []*articleView // index (this page's), search
	Timelines []navLink      // index
	Pager     *pager         // index, search: the index pages, when there are several
	Offline   bool           // the offline editions exist, for the footer

	SearchShards []string // search: the files of the search index

	Article    *articleView // article
	Prev, Next *articleView // article

	Body template.HTML // page

	Timeline *timeline.Timeline // timeline

	Facet *facetPage // facet: a facet's page (with Articles and Pager) or a kind's overview (with Entries)

	InlineCSS     template.CSS // single
	FaviconData   template.URL // single: the favicon as a data: URL
	Sections      []section    // single: the pages, after the articles
	TimelinePages []*page      // single: the timelines, before the articles
	Single        bool         // the page is (part of) the single-file edition

	md *linkcheck.Body // the converted Markdown the page holds whole, if any: an article's or a page's body, the index's intro
	// IDPrefix goes before every id of a timeline's body and the links
	// to them: "" on its own page, "timeline_<slug>." in the single-file
	// edition (see singleIDs).
	IDPrefix string
}

// ParaHref is the URL of an article's paragraph from this page: the
// article page's #pN, or within the single-file edition #slug.pN.
func (p *page) ParaHref(a *content.Article, para string) string {
	if p.Single {
		return "#" + articleIDPrefix(a.Slug) + para
	}
	return p.Root + a.Path() + "#" + para
}

// A sourceLink is a link to a source in a timeline's list of sources.
type sourceLink struct{ Anchor, Name string }

// SourceLinks are the links to sources from this page's timeline body.
func (p *page) SourceLinks(s []*timeline.Source) []sourceLink {
	out := make([]sourceLink, len(s))
	for i, src := range s {
		out[i] = sourceLink{Anchor: p.IDPrefix + "src-" + src.ID, Name: src.Name}
	}
	return out
}

// dateSources are where a date comes from, for the tl-date-source template.
type dateSources struct {
	Outside  []sourceLink
	Articles []*content.Article
}

// DateSources are the sources of a date, linked from this page.
func (p *page) DateSources(rs timeline.Refs) dateSources {
	return dateSources{Outside: p.SourceLinks(rs.Outside()), Articles: rs.Articles()}
}

// A section is a page included in the single-file edition.
type section struct {
	ID, Title string
	Body      template.HTML
}

type navLink struct {
	Path, Title, Summary string
	Href                 string // Path from the page shown: {{$.Root}}{{.Path}} in one action
	Current              bool   // the link is to the page shown
	Gap                  bool   // a pager's mark for pages left out between two links ("…")
}

// An articleView is an article with its rendered body.
type articleView struct {
	*content.Article
	Body       template.HTML
	Paragraphs []markdown.Paragraph
	CitedBy    []citation
	md         linkcheck.Body // Body, for the link check

	// Copies of the Article's fields, set by viewOf: text/template finds a
	// field declared here at once, but looks a promoted one up through
	// reflect's FieldByNameFunc, which allocates maps on every access (tens
	// of kilobytes of garbage per article page).
	Title, Dek, Publication, Credits string
	Published, PublishedSource, URL  string
	Raw, Event, Slug, File           string
	Authors, Notes                   []string
	Photo                            *content.Photo
	Date                             content.Date

	// What the templates would otherwise work out on every page that shows
	// the article. Each action costs a call through reflect per escaper
	// html/template adds to it, and a method more when it calls one.
	Href     string // the article's page from the page shown: {{$.Root}}{{.Path}} in one action
	Byline   string // the authors joined by " and " (byline-and)
	DateText string // the date as a reader sees it (lang.date); "" when unknown
	Datetime string // the date for <time datetime> (Date.String) when exact, else ""

	// Facets links the article's event, publication and authors to their
	// pages; nil where those pages are not at hand (the single-file edition).
	Facets *facetLinks
}

// viewOf returns a view of a for the templates of a page whose relative
// URL of the site root is root, in the language l.
func viewOf(a *content.Article, root string, l *lang) *articleView {
	v := &articleView{Article: a,
		Title: a.Title, Dek: a.Dek, Publication: a.Publication, Credits: a.Credits,
		Published: a.Published, PublishedSource: a.PublishedSource, URL: a.URL,
		Raw: a.Raw, Event: a.Event, Slug: a.Slug, File: a.File,
		Authors: a.Authors, Notes: a.Notes, Photo: a.Photo, Date: a.Date,
		Href: root + a.Path(), Byline: strings.Join(a.Authors, l.text("byline-and")), DateText: l.date(a.Date)}
	if a.Date.Exact() {
		v.Datetime = a.Date.String()
	}
	return v
}

// bodyOf is the body of a document converted from the Markdown that
// starts on line of its source, for the page's link check.
func bodyOf(doc *markdown.Doc, line int) linkcheck.Body {
	return linkcheck.Body{HTML: doc.HTML, Refs: doc.Refs, Links: doc.Links, Line: line}
}

// A citation is a timeline entry that quotes an article's paragraph.
type citation struct {
	Href, Label, Paragraph string
}

func rootOf(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }

func (r *renderer) newPage(kind, p, title string) *page {
	root := rootOf(p)
	link := func(to, title string) navLink {
		return navLink{Path: to, Title: title, Href: root + to, Current: to == p}
	}
	nav := make([]navLink, 0, len(r.timelines)+len(r.c.Pages))
	for _, t := range r.timelines {
		nav = append(nav, link(t.Path(), t.Nav()))
	}
	for _, pg := range r.c.Pages {
		nav = append(nav, link(pg.Path(), pg.Title))
	}
	return &page{Site: r.c.Site, Kind: kind, Path: p, Root: root, Title: title, Nav: nav,
		IsFront: p == "index.html", IsSearch: p == "search.html",
		Canonical: r.abs(p), OGType: "website", Feed: r.c.Site.BaseURL != "", Offline: r.offline}
}

// add records a finished file: it writes it to the output, and scans an HTML page's ids and links for the link
// check, in the caller's goroutine so that pages are scanned in parallel.
func (r *renderer) add(p string, b []byte, source string) error {
	var s *linkcheck.Scanned
	if strings.HasSuffix(p, ".html") {
		s = linkcheck.Scan(b)
	}
	return r.addScanned(p, b, source, s)
}

// addScanned is add for a page whose refs the caller has scanned (nil for
// a file that is not an HTML page).
func (r *renderer) addScanned(p string, b []byte, source string, s *linkcheck.Scanned) error {
	r.mu.Lock()
	taken := r.files[p]
	r.files[p] = true // taken from now: a second page for p is refused while this one is written
	r.mu.Unlock()
	if taken && !r.rewrite {
		return fmt.Errorf("two pages would be written to %s; rename one of their sources", p)
	}
	if err := r.out.Put(p, b); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if r.progress != nil && !taken && strings.HasSuffix(p, ".html") {
		r.progress(int(r.made.Add(1)), r.toMake)
	}
	r.mu.Lock()
	r.links.Add(p, source, s)
	r.mu.Unlock()
	return nil
}

// plan tells the link check, in a lean build, the pages that render
// makes for certain or fails, so that it passes the links to them as
// soon as their page is made (see linkcheck.Checker.Plan): one per
// article, page and timeline, the index pages, the facets' pages,
// 404.html and search.html.
func (r *renderer) plan() {
	if !r.lean {
		return
	}
	n := r.indexPages()
	planned := make([]string, 0, len(r.pages)+len(r.timelines)+n+2)
	for _, p := range r.pages {
		planned = append(planned, p)
	}
	for _, t := range r.timelines {
		planned = append(planned, t.Path())
	}
	for k := 1; k <= n; k++ {
		planned = append(planned, indexPath(k))
	}
	planned = append(planned, r.facetPaths()...)
	planned = append(planned, "404.html", "search.html")
	r.links.Plan(planned)
}

// pagesToMake is how many HTML pages render makes: one per article, page
// and timeline, the index pages, the facets' pages, 404.html, search.html
// and, with the offline editions, dossier.html. Keep it in step with
// render (TestProgress holds it to the pages made).
func (r *renderer) pagesToMake() int {
	n := len(r.pages) + len(r.timelines) + r.indexPages() + len(r.facetPaths()) + 2
	if r.offline {
		n++
	}
	return n
}

// has reports whether the file p has been made: the link check asks
// with r.mu held (in add), or once the render is done.
func (r *renderer) has(p string) bool { return r.files[p] }

// file returns the content of a file already made.
func (r *renderer) file(p string) ([]byte, error) { return r.out.Get(p) }

func (r *renderer) exec(pg *page, source string) error {
	buf := execBufs.Get().(*bytes.Buffer)
	buf.Reset()
	err := r.execute(buf, pg)
	if err != nil {
		err = templateError(path.Join(ThemeDir, pg.Kind+".html"), err)
	} else if pg.md != nil && strings.HasSuffix(pg.Path, ".html") {
		err = r.addScanned(pg.Path, buf.Bytes(), source, linkcheck.ScanWithBody(buf.Bytes(), pg.md))
	} else {
		err = r.add(pg.Path, buf.Bytes(), source)
	}
	if buf.Cap() <= 1<<20 {
		execBufs.Put(buf) // Output.Put keeps no reference to it
	}
	return err
}

// execute executes the page's template into buf.
func (r *renderer) execute(buf *bytes.Buffer, pg *page) error {
	entry := "base"
	if pg.Kind == "single" {
		entry = "single" // a whole document of its own, not the site layout
	}
	pg.HeadTitle = pg.Site.Title
	if pg.Title != "" {
		pg.HeadTitle = pg.Title + " · " + pg.Site.Title
	}
	return r.theme.pages[pg.Kind].ExecuteTemplate(buf, entry, pg)
}

// execBufs are the buffers pages are executed into, so that each page
// does not grow a buffer of its own.
var execBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// convert renders a Markdown source, resolving its links to other
// sources; an article's cited paragraphs get links back to their entries.
func (r *renderer) convert(file string, bodyLine int, src []byte, ids bool, outPath string, backlinks map[string][]markdown.BackLink) (*markdown.Doc, content.List) {
	var errs content.List
	doc, err := r.md.Convert(src, markdown.Options{
		ParagraphIDs:   ids,
		ReservedIDs:    r.theme.ids,
		Resolve:        func(dest string) (string, error) { return r.resolve(file, outPath, dest) },
		BackLinks:      backlinks,
		BackLinksLabel: r.theme.lang.text("backlinks"),
		ResolveFile:    func(dest string) (string, string, error) { return r.resolveFile(file, outPath, dest) },
		Image:          func(dest string) (markdown.Image, error) { return r.image(file, outPath, dest) },
	})
	if err != nil {
		errs.Add(content.Errorf(file, 0, 0, "markdown: %v", err))
		return nil, errs
	}
	for _, is := range doc.Errors {
		errs.Add(content.Errorf(file, is.Line+bodyLine-1, 0, "%s", is.Msg))
	}
	for _, w := range doc.Warnings {
		r.mu.Lock()
		r.res.Warnings = append(r.res.Warnings, content.Errorf(file, w.Line+bodyLine-1, 0, "%s", w.Msg).Error())
		r.mu.Unlock()
	}
	return doc, errs
}

// resolve rewrites a link to a Markdown source (relative to the linking
// file) into a link to the page it becomes (relative to the linking page).
func (r *renderer) resolve(file, fromPath, dest string) (string, error) {
	p, frag, hasFrag := strings.Cut(dest, "#")
	target := path.Clean(path.Join(path.Dir(file), p))
	out := r.pages[target]
	if out == "" {
		return "", fmt.Errorf("link %q: no article or page %s; fix the link or add the file", dest, target)
	}
	rel := rootOf(fromPath) + out
	if hasFrag {
		rel += "#" + frag
	}
	return rel, nil
}

// prepare makes what rendering any page needs: the Markdown converter,
// the map of sources to pages, and the timelines. Timelines come first:
// they convert only the articles they quote, to prove the quotes, and say
// which paragraphs link back to which entries.
func (r *renderer) prepare() error {
	r.md = markdown.New()
	r.pages = make(map[string]string, len(r.c.Articles)+len(r.c.Pages))
	for _, a := range r.c.Articles {
		r.pages[a.File] = a.Path()
	}
	for _, p := range r.c.Pages {
		r.pages[p.File] = p.Path()
	}
	if err := r.loadTimelines(); err != nil {
		return err
	}
	r.cite()
	var warnings []string
	r.facets, warnings = r.buildFacets(r.c.Articles)
	r.facetIdx = indexFacets(r.facets)
	r.facetWarn = warnings
	r.res.Warnings = append(r.res.Warnings, warnings...)
	return nil
}

func (r *renderer) render() error {
	if err := r.prepare(); err != nil {
		return err
	}
	r.plan()
	if r.progress != nil {
		r.toMake = r.pagesToMake()
	}
	var errs content.List
	css, err := markdown.CSS()
	if err != nil {
		return fmt.Errorf("style.css: code highlighting: %w", err)
	}
	for _, name := range sortedKeys(r.theme.static) {
		b := r.theme.static[name]
		if name == "style.css" {
			b = append(append([]byte{}, b...), css...)
		}
		errs.Add(r.add(name, b, ""))
	}
	errs = append(errs, r.copyStatic()...)

	// Then every article once, in parallel: convert, render, write.
	n := len(r.c.Articles)
	r.views = make([]*articleView, n)
	r.search = make([]searchDoc, n)
	r.stream = newSearchStream(r.out.Create, 0)
	verrs := make([]content.List, n)
	parallel(n, func(i int) {
		verrs[i] = r.renderArticle(i)
	})
	for _, e := range verrs {
		errs = append(errs, e...)
	}
	r.res.Articles = n

	for _, p := range r.c.Pages {
		doc, e := r.convert(p.File, p.BodyLine, p.Body, false, p.Path(), nil)
		errs = append(errs, e...)
		if doc == nil {
			continue
		}
		pg := r.newPage("page", p.Path(), p.Title)
		pg.Description = p.Description
		pg.Body = template.HTML(doc.HTML)
		md := bodyOf(doc, p.BodyLine)
		pg.md = &md
		errs.Add(r.exec(pg, p.File))
		r.res.Pages++
	}

	errs = append(errs, r.renderTimelines()...)
	_, ierrs := r.renderIndex()
	errs = append(errs, ierrs...)
	errs = append(errs, r.renderFacets()...)

	nf := r.newPage("404", "404.html", r.theme.lang.text("not-found"))
	nf.Base = r.c.Site.BasePath
	nf.Canonical = ""
	errs.Add(r.exec(nf, ""))
	errs = append(errs, r.renderSearch()...)
	if r.offline {
		errs.Add(r.single())
	}
	errs = append(errs, r.theme.lang.misprintErrors()...)
	if err := errs.Err(); err != nil {
		return err
	}
	return r.publishFiles()
}

// The per-page steps below are shared by the full render and the
// incremental Builder, so that both produce the same bytes.

// articleView converts one article's Markdown, with links back from the
// paragraphs a timeline quotes.
func (r *renderer) articleView(a *content.Article) (*articleView, content.List) {
	body, err := a.ReadBody(r.c.FS)
	if err != nil {
		return nil, content.List{err}
	}
	doc, errs := r.convert(a.File, a.BodyLine, body, true, a.Path(), r.backlinks[a.Slug])
	if doc == nil {
		return nil, errs
	}
	v := viewOf(a, rootOf(a.Path()), r.theme.lang)
	v.Body, v.Paragraphs, v.CitedBy = template.HTML(doc.HTML), doc.Paragraphs, r.citedBy(a.Slug)
	v.md = bodyOf(doc, a.BodyLine)
	v.Facets = r.linksOf(a, rootOf(a.Path()))
	return v, errs
}

// renderArticle converts the i-th article and renders its page, which
// links to its neighbours, and makes its search document.
func (r *renderer) renderArticle(i int) content.List {
	a := r.c.Articles[i]
	v, errs := r.articleView(a)
	if v == nil {
		r.stream.put(i, nil)
		return errs
	}
	r.views[i] = v
	r.search[i] = r.articleSearchDoc(v)
	r.stream.put(i, r.search[i].json)
	errs.Add(r.renderArticlePage(i))
	if r.lean {
		// Of the view, only the feed needs its entries' again, for their
		// bodies; the other pages that show the article make their own.
		if i < len(r.c.Articles)-FeedEntries || r.c.Site.BaseURL == "" {
			r.views[i] = nil
		}
		// Of the search document, written out by the stream, the index's
		// timeline part needs the text of a quoted article, and its URL.
		var d searchDoc
		if r.backlinks[a.Slug] != nil {
			d.URL, d.Parts = r.search[i].URL, r.search[i].Parts
		}
		r.search[i] = d
	}
	return errs
}

// renderArticlePage renders the page of the i-th article.
func (r *renderer) renderArticlePage(i int) error {
	return r.exec(r.articlePage(i), r.views[i].File)
}

// articlePage is the page of the i-th article. Its neighbours are read
// from the content, not from the views, which other workers may still be
// making.
func (r *renderer) articlePage(i int) *page {
	v := r.views[i]
	pg := r.newPage("article", v.Path(), v.Title)
	pg.Description = v.Dek
	pg.Article = v
	pg.md = &v.md
	pg.OGType = "article"
	pg.JSONLD = r.newsArticle(v)
	if i > 0 {
		pg.Prev = viewOf(r.c.Articles[i-1], pg.Root, r.theme.lang)
	}
	if i+1 < len(r.c.Articles) {
		pg.Next = viewOf(r.c.Articles[i+1], pg.Root, r.theme.lang)
	}
	return pg
}

// IndexPageSize is how many articles an index page lists: the index is
// paginated (index.html, index-2.html, ...) so that no page lists every
// article and a page's cost does not grow with the dossier.
const IndexPageSize = 50

// indexPath is the path of the k-th index page (1-based).
func indexPath(k int) string {
	if k <= 1 {
		return "index.html"
	}
	return fmt.Sprintf("index-%d.html", k)
}

// A pager links an index page to the others.
type pager struct {
	Current, Total int
	Prev, Next     string // paths, "" at the ends
	Pages          []navLink
}

// renderIndex renders the index pages and returns their paths.
func (r *renderer) renderIndex() ([]string, content.List) {
	return r.renderIndexPages(1, r.indexPages())
}

// indexPages is how many index pages the dossier has.
func (r *renderer) indexPages() int {
	return max(1, (len(r.c.Articles)+IndexPageSize-1)/IndexPageSize)
}

// renderIndexPages renders the index pages first to last (1-based) and
// returns their paths.
func (r *renderer) renderIndexPages(first, last int) ([]string, content.List) {
	var errs content.List
	var intro template.HTML
	var md *linkcheck.Body
	if r.c.Site.Intro != "" && first == 1 {
		doc, e := r.convert(content.SiteFile, r.c.Site.IntroLine(), []byte(r.c.Site.Intro), false, "index.html", nil)
		errs = append(errs, e...)
		if doc != nil {
			intro = template.HTML(doc.HTML)
			b := bodyOf(doc, r.c.Site.IntroLine())
			md = &b
		}
	}
	total := r.indexPages()
	paths := make([]string, last-first+1)
	perrs := make([]error, len(paths))
	// In parallel, as the articles are; the errors are kept in page order.
	parallel(len(paths), func(i int) {
		idx := r.indexPage(first+i, total, intro)
		if idx.Intro != "" {
			idx.md = md
		}
		perrs[i] = r.exec(idx, content.SiteFile)
		paths[i] = idx.Path
	})
	for _, err := range perrs {
		errs.Add(err)
	}
	return paths, errs
}

// indexPage is the k-th of total index pages.
func (r *renderer) indexPage(k, total int, intro template.HTML) *page {
	idx := r.newPage("index", indexPath(k), "")
	idx.Description = r.c.Site.Description
	n := len(r.c.Articles)
	for _, a := range r.c.Articles[(k-1)*IndexPageSize : min(n, k*IndexPageSize)] {
		idx.Articles = append(idx.Articles, viewOf(a, idx.Root, r.theme.lang))
	}
	if k == 1 {
		idx.Intro = intro
		for _, t := range r.timelines {
			idx.Timelines = append(idx.Timelines, navLink{Path: t.Path(), Title: t.Title, Summary: t.Summary, Href: idx.Root + t.Path()})
		}
	} else {
		idx.Title = r.theme.lang.text("index-page", k, total)
	}
	if total > 1 {
		idx.Pager = r.pager(k, total)
	}
	return idx
}

// PagerReach is how many index pages on either side of the current one its
// pager links, besides the first and the last: an index page links a
// fixed number of others, so its cost does not grow with the dossier.
const PagerReach = 2

// pager links index page k of total to the first and last pages and to
// those within PagerReach of it, with a gap where pages are left out. For
// k = 0 (a page that is not an index page) it links every index page.
func (r *renderer) pager(k, total int) *pager {
	p := &pager{Current: k, Total: total}
	if k > 1 {
		p.Prev = indexPath(k - 1)
	}
	if k >= 1 && k < total {
		p.Next = indexPath(k + 1)
	}
	for i := 1; i <= total; i++ {
		// A gap of one page would take as much room as its number.
		near := i >= k-PagerReach-1 && i <= k+PagerReach+1 && (i == 2 || i == total-1) ||
			i >= k-PagerReach && i <= k+PagerReach
		if k > 0 && i != 1 && i != total && !near {
			if !p.Pages[len(p.Pages)-1].Gap {
				p.Pages = append(p.Pages, navLink{Title: "…", Gap: true})
			}
			continue
		}
		// Index pages are at the root, as are the pages that show a pager.
		p.Pages = append(p.Pages, navLink{Path: indexPath(i), Title: strconv.Itoa(i), Href: indexPath(i), Current: i == k})
	}
	return p
}

// writeSearchIndex writes the search index: the shards holding the
// articles given by index (all when nil), and search-index.js. A full
// render's shards are those its stream wrote as the articles were made;
// a rebuild writes the shards it changes from the documents it keeps.
func (r *renderer) writeSearchIndex(changed []int) error {
	n := len(r.c.Articles)
	shards := map[int]bool{}
	for _, i := range changed {
		shards[i/SearchShardSize+1] = true
	}
	full := r.stream // the full render's, which has every shard
	r.stream = nil
	for k := 1; k <= searchShards(n); k++ {
		if full == nil && (changed == nil || shards[k]) {
			s := newSearchStream(r.out.Create, (k-1)*SearchShardSize)
			for i := (k - 1) * SearchShardSize; i < min(n, k*SearchShardSize); i++ {
				s.put(i, r.search[i].json)
			}
			if err := s.close(); err != nil {
				return fmt.Errorf("write the search index: %w", err)
			}
		}
		r.mu.Lock()
		r.files[searchShard(k)] = true
		r.mu.Unlock()
	}
	if full != nil {
		if err := full.close(); err != nil {
			return fmt.Errorf("write the search index: %w", err)
		}
	}
	idx, err := searchIndexJS(r.timelineSearch(r.search))
	if err != nil {
		return fmt.Errorf("%s: %w", SearchIndexFile, err)
	}
	return r.add(SearchIndexFile, idx, "")
}

// renderSearch renders search.html and the search index. For readers
// without JavaScript the page lists every article, or, when there are
// more than an index page holds, links to the index pages.
func (r *renderer) renderSearch() content.List {
	errs := r.renderSearchPage()
	errs.Add(r.writeSearchIndex(nil))
	return errs
}

// renderSearchPage renders search.html alone, for an incremental rebuild,
// which has written the shards it changed already.
func (r *renderer) renderSearchPage() content.List {
	var errs content.List
	sp := r.newPage("search", "search.html", r.theme.lang.text("search"))
	for k := 1; k <= searchShards(len(r.c.Articles)); k++ {
		sp.SearchShards = append(sp.SearchShards, searchShard(k))
	}
	if n := len(r.c.Articles); n <= IndexPageSize {
		for _, a := range r.c.Articles {
			sp.Articles = append(sp.Articles, viewOf(a, sp.Root, r.theme.lang))
		}
	} else {
		sp.Pager = r.pager(0, (n+IndexPageSize-1)/IndexPageSize)
	}
	errs.Add(r.exec(sp, ""))
	return errs
}

// parallel calls f(0..n-1), at most one call per CPU at a time. The
// callers keep each call's errors by index, so that they are reported in
// the same order however the calls are scheduled.
func parallel(n int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error { f(i); return nil })
	}
	g.Wait()
}
