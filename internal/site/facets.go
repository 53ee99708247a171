package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dossier/internal/content"
)

// Facets are the dossier's own taxonomies: the event an article reports,
// the publication it comes from, and its authors. Each name gets pages
// listing its articles, paginated as the index is, and each kind an
// overview page:
//
//	events/<slug>.html               the articles on one event (its label from a timeline)
//	events/<slug>/page-<n>.html      its further pages, IndexPageSize articles each
//	events/index.html                every event, with its number of articles
//	publications/..., authors/...    the same, per publication and per author
//
// A facet's further pages are in a folder of its own so that no page
// number can make the path of another name's page ("x" page 2 and a name
// "x-2"). An article without authors is listed under no author: a byline
// is never invented.

// A facetKind is one taxonomy.
type facetKind struct {
	dir      string // output folder: "events"
	noun     string // for errors: "events"
	fallback string // the slug of a name that has no letter or digit
	// The keys in templates/strings.yaml of the pages' words: the
	// overview's title ("Events"), a facet page's title with the name
	// ("Articles on %s"), and the link to the overview ("All events").
	title, heading, all string
}

var facetKinds = []*facetKind{
	{dir: "events", noun: "Events", fallback: "event", title: "facet-events", heading: "facet-event", all: "facet-events-all"},
	{dir: "publications", noun: "Publications", fallback: "publication", title: "facet-publications", heading: "facet-publication", all: "facet-publications-all"},
	{dir: "authors", noun: "Authors", fallback: "author", title: "facet-authors", heading: "facet-author", all: "facet-authors-all"},
}

// A facet is one name of one kind and its articles.
type facet struct {
	kind     *facetKind
	name     string // as the articles write it (an event's id)
	label    string // as pages show it: an event's label from a timeline, else the name
	slug     string
	articles []*content.Article // in site order
}

// pages is how many pages the facet's list takes.
func (f *facet) pages() int { return max(1, (len(f.articles)+IndexPageSize-1)/IndexPageSize) }

// path is the facet's k-th page (1-based).
func (f *facet) path(k int) string {
	if k <= 1 {
		return f.kind.dir + "/" + f.slug + ".html"
	}
	return fmt.Sprintf("%s/%s/page-%d.html", f.kind.dir, f.slug, k)
}

// overviewPath is the page listing every facet of the kind.
func (k *facetKind) overviewPath() string { return k.dir + "/index.html" }

// facetNames are the names an article is listed under, per kind in
// facetKinds' order.
func facetNames(a *content.Article) [][]string {
	authors := make([]string, 0, len(a.Authors))
	for _, au := range a.Authors {
		authors = append(authors, collapse(au))
	}
	return [][]string{{a.Event}, {collapse(a.Publication)}, authors}
}

// collapse trims a name and makes each run of white space one space, so
// that "The  Week" and "The Week" are one publication.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameFacets reports whether two versions of an article are listed under
// the same names.
func sameFacets(a, b *content.Article) bool {
	na, nb := facetNames(a), facetNames(b)
	for i := range na {
		if !slices.Equal(na[i], nb[i]) {
			return false
		}
	}
	return true
}

// buildFacets groups the articles, in site order, by kind and name, gives
// each name its slug, and returns the facets (by kind, then name) and the
// warnings for names whose slugs collide.
func (r *renderer) buildFacets(arts []*content.Article) ([]*facet, []string) {
	labels := map[string]string{} // event id → the first timeline's label for it
	for _, t := range r.timelines {
		for _, e := range t.Events {
			if _, ok := labels[e.ID]; !ok && e.Label != "" {
				labels[e.ID] = e.Label
			}
		}
	}
	var out []*facet
	var warnings []string
	for ki, kind := range facetKinds {
		byName := map[string]*facet{}
		var names []string
		for _, a := range arts {
			for _, name := range facetNames(a)[ki] {
				f := byName[name]
				if f == nil {
					f = &facet{kind: kind, name: name, label: name}
					if ki == 0 && labels[name] != "" {
						f.label = labels[name]
					}
					byName[name] = f
					names = append(names, name)
				}
				if len(f.articles) == 0 || f.articles[len(f.articles)-1] != a { // an author named twice
					f.articles = append(f.articles, a)
				}
			}
		}
		slices.Sort(names)
		facets := make([]*facet, len(names))
		for i, n := range names {
			facets[i] = byName[n]
		}
		warnings = append(warnings, assignSlugs(kind, facets)...)
		out = append(out, facets...)
	}
	return out, warnings
}

// assignSlugs gives each facet of a kind (sorted by name) its slug. Two
// names that slugify alike ("Peter Weber", "peter weber") are kept apart,
// deterministically: the first by name keeps the slug, the others get
// "-2", "-3", … (skipping any slug another name has), with a warning,
// since they are most likely one name written two ways. "index" is the
// overview's, and is never a facet's.
func assignSlugs(kind *facetKind, facets []*facet) []string {
	natural := make([]string, len(facets))
	taken := map[string]bool{"index": true}
	for i, f := range facets {
		natural[i] = Slugify(f.name)
		if natural[i] == "" {
			natural[i] = kind.fallback
		}
		taken[natural[i]] = true
	}
	var warnings []string
	first := map[string]*facet{}
	for i, f := range facets {
		s := natural[i]
		prev, clash := first[s]
		if !clash && s != "index" {
			f.slug = s
			first[s] = f
			continue
		}
		k := 2
		for taken[s+"-"+strconv.Itoa(k)] {
			k++
		}
		f.slug = s + "-" + strconv.Itoa(k)
		taken[f.slug] = true
		if clash {
			warnings = append(warnings, content.Errorf(f.articles[0].File, 0, 0, "%s %q and %q (%s) both make the page %s/%s.html; %q is published as %s instead: if they are one name, write it the same way everywhere",
				strings.ToLower(kind.noun), f.name, prev.name, prev.articles[0].File, kind.dir, s, f.name, f.path(1)).Error())
		}
	}
	return warnings
}

// Slugify makes a name a file name, deterministically: Unicode letters and
// digits kept (in NFC, lower-cased), every other run of characters one
// hyphen, none at either end. "Peter Weber" is "peter-weber", "Le Monde
// diplomatique" "le-monde-diplomatique", "Zoë Ö" "zoë-ö". A name of no
// letter or digit gives "".
func Slugify(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFC.String(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) && b.Len() > 0 && !hyphen:
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

// facetLinks are the links an article's page has to its facets' pages.
type facetLinks struct {
	Event       navLink   // its event's page, with the event's label
	Publication navLink   // its publication's page
	Authors     []navLink // its authors' pages, in byline order
}

// facetIndex finds a facet by kind and name.
type facetIndex map[*facetKind]map[string]*facet

func indexFacets(facets []*facet) facetIndex {
	idx := facetIndex{}
	for _, f := range facets {
		if idx[f.kind] == nil {
			idx[f.kind] = map[string]*facet{}
		}
		idx[f.kind][f.name] = f
	}
	return idx
}

// linksOf returns the links from a page at root to the article's facets.
func (r *renderer) linksOf(a *content.Article, root string) *facetLinks {
	names := facetNames(a)
	link := func(ki int, name string) navLink {
		f := r.facetIdx[facetKinds[ki]][name]
		if f == nil {
			return navLink{}
		}
		return navLink{Path: f.path(1), Title: f.label, Href: root + f.path(1)}
	}
	fl := &facetLinks{Event: link(0, names[0][0]), Publication: link(1, names[1][0])}
	for _, au := range names[2] {
		fl.Authors = append(fl.Authors, link(2, au))
	}
	return fl
}

// A facetPage is what the facet template shows besides the articles.
type facetPage struct {
	Count   int     // articles under the name
	All     navLink // the overview page of the kind
	Entries []facetEntry
}

// A facetEntry is one name on an overview page.
type facetEntry struct {
	Href, Title string
	Count       int
}

// facetPaths is every page the facets make, for a lean build's plan.
func (r *renderer) facetPaths() []string {
	var out []string
	seen := map[*facetKind]bool{}
	for _, f := range r.facets {
		if !seen[f.kind] {
			seen[f.kind] = true
			out = append(out, f.kind.overviewPath())
		}
		for k := 1; k <= f.pages(); k++ {
			out = append(out, f.path(k))
		}
	}
	return out
}

// renderFacets renders every facet's pages and the overviews.
func (r *renderer) renderFacets() content.List {
	type job struct {
		f *facet
		k int
	}
	var jobs []job
	for _, f := range r.facets {
		for k := 1; k <= f.pages(); k++ {
			jobs = append(jobs, job{f, k})
		}
	}
	perrs := make([]error, len(jobs))
	parallel(len(jobs), func(i int) { perrs[i] = r.renderFacetPage(jobs[i].f, jobs[i].k) })
	var errs content.List
	for _, err := range perrs {
		errs.Add(err)
	}
	for _, kind := range facetKinds {
		errs.Add(r.renderOverview(kind))
	}
	return errs
}

// renderFacetPage renders the k-th page of a facet.
func (r *renderer) renderFacetPage(f *facet, k int) error {
	total := f.pages()
	l := r.theme.lang
	title := l.text(f.kind.heading, f.label)
	if total > 1 {
		title = l.text("facet-page", title, k, total)
	}
	pg := r.newPage("facet", f.path(k), title)
	pg.Facet = &facetPage{Count: len(f.articles),
		All: navLink{Path: f.kind.overviewPath(), Title: l.text(f.kind.all), Href: pg.Root + f.kind.overviewPath()}}
	for _, a := range f.articles[(k-1)*IndexPageSize : min(len(f.articles), k*IndexPageSize)] {
		pg.Articles = append(pg.Articles, viewOf(a, pg.Root, l))
	}
	if total > 1 {
		pg.Pager = pagerOf(k, total, pg.Path, f.path)
	}
	return r.exec(pg, "")
}

// renderOverview renders the page listing every facet of a kind. A kind
// with no facets (no article names an author) has none: no page would
// link to it.
func (r *renderer) renderOverview(kind *facetKind) error {
	pg := r.newPage("facet", kind.overviewPath(), r.theme.lang.text(kind.title))
	pg.Facet = &facetPage{}
	for _, f := range r.facets {
		if f.kind == kind {
			pg.Facet.Entries = append(pg.Facet.Entries, facetEntry{Href: pg.Root + f.path(1), Title: f.label, Count: len(f.articles)})
		}
	}
	if len(pg.Facet.Entries) == 0 {
		return nil
	}
	return r.exec(pg, "")
}

// pagerOf links page k of total of a paginated list whose k-th page is at
// pathOf(k), from the page at from, as the index's pager does.
func pagerOf(k, total int, from string, pathOf func(int) string) *pager {
	p := (&renderer{}).pager(k, total)
	root := rootOf(from)
	if p.Prev != "" {
		p.Prev = root + pathOf(k-1)
	}
	if p.Next != "" {
		p.Next = root + pathOf(k+1)
	}
	for i := range p.Pages {
		if !p.Pages[i].Gap {
			n, _ := strconv.Atoi(p.Pages[i].Title)
			p.Pages[i].Path = pathOf(n)
			p.Pages[i].Href = root + pathOf(n)
		}
	}
	return p
}

// sameEntry reports whether an article is listed alike in two versions:
// what the article list shows of it.
func sameEntry(a, b *content.Article) bool {
	return a == b || a.Slug == b.Slug && a.Title == b.Title && a.Dek == b.Dek && a.Publication == b.Publication && a.Date == b.Date
}

// A facetPageRef is one page of a facet: its k-th.
type facetPageRef struct {
	f *facet
	k int
}

// changedFacetPages returns the pages of the facets whose lists differ
// between two groupings of the same names (after an edit that changes no
// article's names, but what the lists show of an article or their order).
func changedFacetPages(old, cur []*facet) []facetPageRef {
	var out []facetPageRef
	for i, f := range cur {
		o := old[i]
		for k := 1; k <= f.pages(); k++ {
			lo, hi := (k-1)*IndexPageSize, min(len(f.articles), k*IndexPageSize)
			for j := lo; j < hi; j++ {
				if !sameEntry(o.articles[j], f.articles[j]) {
					out = append(out, facetPageRef{f, k})
					break
				}
			}
		}
	}
	return out
}
