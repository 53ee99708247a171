package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"runtime"
	"strings"
	"sync"

	"dossier/internal/content"
	"dossier/internal/markdown"
	"dossier/internal/timeline"
)

// renderer holds one build's state.
type renderer struct {
	c       *content.Content
	theme   *theme
	md      *markdown.Converter
	res     *Result
	sources map[string]string // output path → source file, for errors
	views   []*articleView    // the articles, in site order (kept for the incremental Builder)
	search  []searchDoc       // documents for the search index, one per article, in site order
	mu      sync.Mutex

	timelines []*timeline.Timeline
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

	// Absolute URLs and metadata, only when the base URL is known.
	Canonical string
	OGType    string
	Feed      bool
	JSONLD    template.JS // structured data: NewsArticle on articles, events and articles on timelines

	Intro     template.HTML  // index
	Articles  []*articleView // index
	Timelines []navLink      // index

	Article    *articleView // article
	Prev, Next *articleView // article

	Body template.HTML // page

	Timeline *timeline.Timeline // timeline

	InlineCSS     template.CSS // single
	FaviconData   template.URL // single: the favicon as a data: URL
	Sections      []section    // single: the pages, after the articles
	TimelinePages []*page      // single: the timelines, before the articles
	Single        bool         // the page is (part of) the single-file edition
}

// ParaHref is the URL of an article's paragraph from this page: the
// article page's #pN, or within the single-file edition #slug-pN.
func (p *page) ParaHref(a *content.Article, para string) string {
	if p.Single {
		return "#" + a.Slug + "-" + para
	}
	return p.Root + a.Path() + "#" + para
}

// A section is a page included in the single-file edition.
type section struct {
	ID, Title string
	Body      template.HTML
}

type navLink struct {
	Path, Title, Summary string
}

// An articleView is an article with its rendered body.
type articleView struct {
	*content.Article
	Body       template.HTML
	Paragraphs []markdown.Paragraph
	CitedBy    []citation
}

// A citation is a timeline entry that quotes an article's paragraph.
type citation struct {
	Href, Label, Paragraph string
}

func rootOf(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }

func (r *renderer) newPage(kind, p, title string) *page {
	nav := make([]navLink, 0, len(r.timelines)+len(r.c.Pages))
	for _, t := range r.timelines {
		nav = append(nav, navLink{Path: t.Path(), Title: t.Nav()})
	}
	for _, pg := range r.c.Pages {
		nav = append(nav, navLink{Path: pg.Path(), Title: pg.Title})
	}
	return &page{Site: r.c.Site, Kind: kind, Path: p, Root: rootOf(p), Title: title, Nav: nav,
		Canonical: r.abs(p), OGType: "website", Feed: r.c.Site.BaseURL != ""}
}

func (r *renderer) add(p string, b []byte, source string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Files[p] = b
	if source != "" {
		r.sources[p] = source
	}
}

func (r *renderer) exec(pg *page, source string) error {
	var buf bytes.Buffer
	entry := "base"
	if pg.Kind == "single" {
		entry = "single" // a whole document of its own, not the site layout
	}
	if err := r.theme.pages[pg.Kind].ExecuteTemplate(&buf, entry, pg); err != nil {
		return templateError(path.Join(ThemeDir, pg.Kind+".html"), err)
	}
	r.add(pg.Path, buf.Bytes(), source)
	return nil
}

// convert renders a Markdown source, resolving its links to other sources.
func (r *renderer) convert(file string, bodyLine int, src []byte, ids bool, outPath string) (*markdown.Doc, content.List) {
	var errs content.List
	doc, err := r.md.Convert(src, markdown.Options{
		ParagraphIDs: ids,
		Resolve:      func(dest string) (string, error) { return r.resolve(file, outPath, dest) },
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
	var out string
	for _, a := range r.c.Articles {
		if a.File == target {
			out = a.Path()
		}
	}
	for _, pg := range r.c.Pages {
		if pg.File == target {
			out = pg.Path()
		}
	}
	if out == "" {
		return "", fmt.Errorf("link %q: no article or page %s; fix the link or add the file", dest, target)
	}
	rel := rootOf(fromPath) + out
	if hasFrag {
		rel += "#" + frag
	}
	return rel, nil
}

func (r *renderer) render() error {
	r.md = markdown.New()
	var errs content.List
	css, err := markdown.CSS()
	if err != nil {
		return fmt.Errorf("style.css: code highlighting: %w", err)
	}
	for name, b := range r.theme.static {
		if name == "style.css" {
			b = append(append([]byte{}, b...), css...)
		}
		r.add(name, b, "")
	}

	views := make([]*articleView, len(r.c.Articles))
	verrs := make([]content.List, len(views))
	parallel(len(views), func(i int) {
		views[i], verrs[i] = r.articleView(r.c.Articles[i])
	})
	for _, e := range verrs {
		errs = append(errs, e...)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	r.res.Articles = len(views)
	r.views = views
	r.search = make([]searchDoc, len(views))
	parallel(len(views), func(i int) { r.search[i] = r.articleSearchDoc(views[i]) })
	if err := r.loadTimelines(views); err != nil {
		return err
	}
	if err := r.cite(views).Err(); err != nil {
		return err
	}

	perrs := make([]error, len(views))
	parallel(len(views), func(i int) {
		perrs[i] = r.renderArticle(views, i)
	})
	for _, e := range perrs {
		errs.Add(e)
	}

	for _, p := range r.c.Pages {
		doc, e := r.convert(p.File, p.BodyLine, p.Body, false, p.Path())
		errs = append(errs, e...)
		if doc == nil {
			continue
		}
		pg := r.newPage("page", p.Path(), p.Title)
		pg.Description = p.Description
		pg.Body = template.HTML(doc.HTML)
		errs.Add(r.exec(pg, p.File))
		r.res.Pages++
	}

	errs = append(errs, r.renderTimelines()...)
	errs = append(errs, r.renderIndex(views)...)

	nf := r.newPage("404", "404.html", "Page not found")
	nf.Base = r.c.Site.BasePath
	nf.Canonical = ""
	errs.Add(r.exec(nf, ""))
	errs = append(errs, r.renderSearch()...)
	errs.Add(r.single())
	if err := errs.Err(); err != nil {
		return err
	}
	return r.publishFiles()
}

// The per-page steps below are shared by the full render and the
// incremental Builder, so that both produce the same bytes.

// articleView converts one article's Markdown.
func (r *renderer) articleView(a *content.Article) (*articleView, content.List) {
	doc, errs := r.convert(a.File, a.BodyLine, a.Body, true, a.Path())
	if doc == nil {
		return nil, errs
	}
	return &articleView{Article: a, Body: template.HTML(doc.HTML), Paragraphs: doc.Paragraphs}, errs
}

// renderArticle renders the page of views[i], which links to its neighbours.
func (r *renderer) renderArticle(views []*articleView, i int) error {
	v := views[i]
	pg := r.newPage("article", v.Path(), v.Title)
	pg.Description = v.Dek
	pg.Article = v
	pg.OGType = "article"
	pg.JSONLD = r.newsArticle(v)
	if i > 0 {
		pg.Prev = views[i-1]
	}
	if i+1 < len(views) {
		pg.Next = views[i+1]
	}
	return r.exec(pg, v.File)
}

// renderIndex renders index.html, which lists every article.
func (r *renderer) renderIndex(views []*articleView) content.List {
	var errs content.List
	idx := r.newPage("index", "index.html", "")
	idx.Description = r.c.Site.Description
	idx.Articles = views
	for _, t := range r.timelines {
		idx.Timelines = append(idx.Timelines, navLink{Path: t.Path(), Title: t.Title, Summary: t.Summary})
	}
	if r.c.Site.Intro != "" {
		doc, e := r.convert(content.SiteFile, 1, []byte(r.c.Site.Intro), false, "index.html")
		errs = append(errs, e...)
		if doc != nil {
			idx.Intro = template.HTML(doc.HTML)
		}
	}
	errs.Add(r.exec(idx, content.SiteFile))
	return errs
}

// writeSearchIndex writes the search index from r.search and the timelines.
func (r *renderer) writeSearchIndex() error {
	idxJS, err := searchIndex(r.search, r.timelineSearch(r.search))
	if err != nil {
		return fmt.Errorf("%s: %w", SearchIndexFile, err)
	}
	r.add(SearchIndexFile, idxJS, "")
	return nil
}

// renderSearch renders search.html (which lists every article for
// readers without JavaScript) and the search index.
func (r *renderer) renderSearch() content.List {
	var errs content.List
	sp := r.newPage("search", "search.html", "Search")
	sp.Articles = r.views
	errs.Add(r.exec(sp, ""))
	errs.Add(r.writeSearchIndex())
	return errs
}

// parallel calls f(0..n-1) on a pool of one worker per CPU.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
