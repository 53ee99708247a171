package site

import (
	"archive/zip"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"dossier/internal/content"
	"dossier/internal/markdown"
)

// OfflineZip is the download of the whole site for offline reading.
const OfflineZip = "dossier-offline.zip"

// OfflineMaxArticles is the largest dossier that gets the offline editions
// unless site.yaml says otherwise (offline_editions: true or false). A
// dossier is a small archive; past this size one page holding every
// article grows past a megabyte, and packing the whole site again costs
// more than building it. Readers of a larger site can still download the
// repository's public/.
const OfflineMaxArticles = 200

// zipEpoch is the fixed modification time of every zip entry, so that
// two builds give the same bytes (the clock never enters the output).
var zipEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// addOfflineZip makes the offline zip and adds it to the site. It is
// streamed: each file is read back from the output into the zip, which is
// written into the output as it is made (Output.Open, Output.Create), so
// that a build into a directory holds no file of the site (a large one
// under static/) nor the zip whole.
func (r *renderer) addOfflineZip() error {
	if err := r.claim(OfflineZip, ""); err != nil {
		return err
	}
	w, err := r.out.Create(OfflineZip)
	if err != nil {
		return err
	}
	err = offlineZip(r, w, r.out.Open)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// offlineZip packs every file of the site (but the zip itself), read with
// open, into w under a top folder "dossier/", in sorted order with fixed
// timestamps.
func offlineZip(r *renderer, w io.Writer, open func(name string) (io.ReadCloser, error)) error {
	zw := zip.NewWriter(w)
	for _, name := range sortedKeys(r.files) {
		if name == OfflineZip {
			continue
		}
		f, err := open(name)
		if err != nil {
			return err
		}
		zf, err := zw.CreateHeader(&zip.FileHeader{Name: "dossier/" + name, Method: zip.Deflate, Modified: zipEpoch})
		if err == nil {
			_, err = io.Copy(zf, f)
		}
		f.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// SingleFile is the single-file edition.
const SingleFile = "dossier.html"

// singleIDs is how the single-file edition keeps the ids of the many
// documents it holds apart. Each document's ids (a heading's, a
// paragraph's, a footnote's, a timeline's rows and entries) get the
// document's prefix, and the links to them the same:
//
//	article <slug>   section "<slug>",          ids "<slug>.p3", "<slug>.fn:1"
//	page <slug>      section "page_<slug>",     ids "page_<slug>.what-this-is"
//	timeline <slug>  section "timeline_<slug>", ids "timeline_<slug>.scale"
//	each title       "<prefix>_title", e.g. "<slug>._title"
//	the edition's    "edition_main", "edition_contents", "edition_intro.<id>"
//
// No two of these can be equal: a slug holds neither '.' nor '_', so an
// article's ids and only they are a slug and a '.'; the others hold a '_'
// before their first '.'; and no Markdown or timeline id holds '.' or '_'
// (goldmark writes '_' as '-'). '.' and '_' are also left as they are in
// a URL, so the links read like the ids. A heading of an article, as on
// its own page, never takes a theme id (see theme.ids).
const (
	pagePrefix     = "page_"
	timelinePrefix = "timeline_"
)

// articleIDPrefix is the prefix of an article's ids in the single file.
func articleIDPrefix(slug string) string { return slug + "." }

// single renders the single-file edition. Each article is converted again
// with its ids prefixed by its slug ("slug.p3"), since one page holds them
// all, and links between articles become links within the page.
func (r *renderer) single() error {
	var errs content.List
	views := make([]*articleView, len(r.c.Articles))
	root := rootOf(SingleFile)
	for i, a := range r.c.Articles {
		v := viewOf(a, root, r.theme.lang)
		body, err := a.ReadBody(r.c.FS)
		if err != nil {
			errs.Add(err)
			continue
		}
		doc, err := r.md.Convert(body, markdown.Options{ParagraphIDs: true, IDPrefix: articleIDPrefix(v.Slug), ReservedIDs: r.theme.ids,
			Resolve: func(dest string) (string, error) { return r.resolveSingle(v.File, dest) }, ResolveFile: r.singleFileOf(v.File), Image: r.singleImageOf(v.File)})
		if err != nil {
			errs.Add(content.Errorf(v.File, 0, 0, "markdown: %v", err))
			continue
		}
		v.Body, v.Paragraphs = template.HTML(doc.HTML), doc.Paragraphs
		views[i] = v
	}
	if err := errs.Err(); err != nil {
		return err
	}
	pg := r.newPage("single", SingleFile, "")
	pg.Single = true
	pg.Description = r.c.Site.Description
	for _, t := range r.timelines {
		tp := r.newPage("single", SingleFile, t.Title)
		tp.Single = true
		tp.Timeline = t
		tp.IDPrefix = timelinePrefix + t.Slug + "."
		pg.TimelinePages = append(pg.TimelinePages, tp)
	}
	pg.Articles = views
	if r.c.Site.Intro != "" {
		doc, err := r.md.Convert([]byte(r.c.Site.Intro), markdown.Options{IDPrefix: "edition_intro.", ReservedIDs: r.theme.ids,
			Resolve:     func(dest string) (string, error) { return r.resolveSingle(content.SiteFile, dest) },
			ResolveFile: r.singleFileOf(content.SiteFile), Image: r.singleImageOf(content.SiteFile)})
		if err != nil {
			return fmt.Errorf("%s: intro: %w", content.SiteFile, err)
		}
		pg.Intro = template.HTML(doc.HTML)
	}
	for _, p := range r.c.Pages {
		id := pagePrefix + p.Slug
		doc, err := r.md.Convert(p.Body, markdown.Options{IDPrefix: id + ".", ReservedIDs: r.theme.ids,
			Resolve:     func(dest string) (string, error) { return r.resolveSingle(p.File, dest) },
			ResolveFile: r.singleFileOf(p.File), Image: r.singleImageOf(p.File)})
		if err != nil {
			return fmt.Errorf("%s: %w", p.File, err)
		}
		pg.Sections = append(pg.Sections, section{ID: id, Title: p.Title, Body: template.HTML(doc.HTML)})
	}
	css, err := r.file("style.css")
	if err != nil {
		return err
	}
	pg.InlineCSS = template.CSS(css)
	pg.FaviconData = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(r.theme.static["favicon.svg"]))
	return r.exec(pg, "")
}

// resolveSingle turns a link to an article or page source into a link
// within the single page: to its section ("#slug", "#page_about"), or to
// the id it names there ("#slug.p3", "#page_about.how-it-works").
func (r *renderer) resolveSingle(file, dest string) (string, error) {
	p, frag, _ := strings.Cut(dest, "#")
	target := path.Clean(path.Join(path.Dir(file), p))
	out, ok := r.pages[target]
	if !ok {
		return "", fmt.Errorf("link %q: no article or page %s; fix the link or add the file", dest, target)
	}
	// articles/<slug>.html and <slug>.html.
	slug := strings.TrimSuffix(path.Base(out), ".html")
	id := slug
	if !strings.HasPrefix(out, "articles/") {
		id = pagePrefix + slug
	}
	if frag != "" {
		return "#" + id + "." + frag, nil
	}
	return "#" + id, nil
}
