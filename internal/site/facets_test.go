package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSlugify(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Peter Weber":               "peter-weber",
		"  The   Week ":             "the-week",
		"Mother Jones":              "mother-jones",
		"Le Monde diplomatique":     "le-monde-diplomatique",
		"Zoë Ö'Brien":               "zoë-ö-brien",
		"Zoe\u0308":                 "zoë", // decomposed: NFC makes it the same
		"Süddeutsche Zeitung":       "süddeutsche-zeitung",
		"Владимир Путин":            "владимир-путин",
		"朝日新聞":                      "朝日新聞",
		"hamburg-2017":              "hamburg-2017",
		"—":                         "",
		"AP / Reuters, 2019 (wire)": "ap-reuters-2019-wire",
	} {
		if got := Slugify(name); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", name, got, want)
		}
	}
}

// facetArticle is an article with the given publication, authors and event.
func facetArticle(title, published, publication, authors, event string) string {
	return fmt.Sprintf("---\ntitle: %s\npublication: %s\nauthors: %s\npublished: %q\nurl: https://example.org/x\nraw: raw/a.txt\nevent: %s\n---\n\nBody.\n", title, publication, authors, published, event)
}

// Every event, publication and author gets a page listing its articles,
// linked from each of them, and each kind an overview; an article with
// no byline is under no author; an event's page is titled with a
// timeline's label for it.
func TestFacetPages(t *testing.T) {
	t.Parallel()
	fsys := fixture(t, "timeline.txtar")
	fsys["content/articles/z.md"] = &fstest.MapFile{Data: []byte(facetArticle("Zed", "2021", "Süddeutsche Zeitung", "[Zoë Ö'Brien, Ann Example]", "two"))}
	res := render(t, fsys)
	page := func(p string) string { return string(res.Files[p]) }
	checks := []struct{ file, want string }{
		{"events/one.html", "<h1>Articles on North, May 2020</h1>"},
		{"events/two.html", `<a href="../articles/z.html">Zed</a>`},
		{"events/index.html", `<a href="../events/one.html">North, May 2020</a> <span class="meta">1 article</span>`},
		{"publications/süddeutsche-zeitung.html", "<h1>Articles from Süddeutsche Zeitung</h1>"},
		{"publications/süddeutsche-zeitung.html", `<a href="../articles/z.html">Zed</a>`},
		{"authors/zoë-ö-brien.html", "<h1>Articles by Zoë Ö&#39;Brien</h1>"},
		{"authors/ann-example.html", `<a href="../articles/z.html">Zed</a>`},
		{"authors/index.html", `<a href="../authors/ann-example.html">Ann Example</a>`},
		{"articles/z.html", `By <a href="../authors/zo%c3%ab-%c3%b6-brien.html">Zoë Ö&#39;Brien</a> and <a href="../authors/ann-example.html">Ann Example</a>`},
		{"articles/z.html", `<dt>Publication</dt><dd><a href="../publications/s%c3%bcddeutsche-zeitung.html">Süddeutsche Zeitung</a></dd>`},
		{"articles/z.html", `<dt>Event</dt><dd><a href="../events/two.html">South, June 2020</a></dd>`},
	}
	for _, c := range checks {
		if !strings.Contains(page(c.file), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
	for p := range res.Files {
		if strings.HasPrefix(p, "authors/") && strings.Contains(page(p), "articles/a.html") {
			t.Errorf("%s lists article a, which has no byline", p)
		}
	}
	if n := strings.Count(page("authors/index.html"), "</span></li>"); n != 3 { // Ann Writer of the fixture, and z's two
		t.Errorf("authors/index.html lists %d authors, want 3", n)
	}
	if err := buildLean(t, fsys); err != nil {
		t.Errorf("lean build: %v", err)
	}
	// Without timelines, nothing defines the events: a page is titled with
	// the event's id. (With timelines, an article's event must be one of
	// theirs: see TestUnknownArticleEvent.)
	if one := string(render(t, loadTxtar(t, "testdata/site.txtar")).Files["events/one.html"]); !strings.Contains(one, "<h1>Articles on one</h1>") {
		t.Errorf("events/one.html of a site without timelines is not titled with the event's id")
	}
}

// A facet with more articles than an index page holds is paginated as the
// index is, its further pages in a folder of their own.
func TestFacetPagination(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	n := IndexPageSize + 5
	for i := range n {
		fsys[fmt.Sprintf("content/articles/w%03d.md", i)] = &fstest.MapFile{Data: []byte(facetArticle(fmt.Sprintf("W%03d", i), fmt.Sprintf("2018-01-%02d", 1+i%28), "Wire", "[Ann Example]", "e"))}
	}
	res := render(t, fsys)
	first, second := string(res.Files["authors/ann-example.html"]), string(res.Files["authors/ann-example/page-2.html"])
	if first == "" || second == "" {
		t.Fatal("no authors/ann-example.html or authors/ann-example/page-2.html")
	}
	if strings.Count(first, "<h3>") != IndexPageSize || strings.Count(second, "<h3>") != 5 {
		t.Errorf("pages list %d and %d articles, want %d and 5", strings.Count(first, "<h3>"), strings.Count(second, "<h3>"), IndexPageSize)
	}
	for _, want := range []string{`<h1>Articles by Ann Example, page 1 of 2</h1>`, `<a rel="next" href="../authors/ann-example/page-2.html">`, `<a href="../authors/ann-example.html" aria-current="page">1</a>`} {
		if !strings.Contains(first, want) {
			t.Errorf("first page lacks %s", want)
		}
	}
	for _, want := range []string{`<h1>Articles by Ann Example, page 2 of 2</h1>`, `<a rel="prev" href="../../authors/ann-example.html">`, `href="../../articles/`, `href="../../style.css"`} {
		if !strings.Contains(second, want) {
			t.Errorf("second page lacks %s", want)
		}
	}
	if err := buildLean(t, fsys); err != nil {
		t.Errorf("lean build: %v", err)
	}
}

// Two names that make one slug get distinct pages, deterministically, and
// a warning naming both; "index" is the overview's.
func TestFacetSlugCollisions(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/c1.md"] = &fstest.MapFile{Data: []byte(facetArticle("C1", "2020", "Index", "[Peter Weber]", "e"))}
	fsys["content/articles/c2.md"] = &fstest.MapFile{Data: []byte(facetArticle("C2", "2021", "P", "[peter weber]", "e"))}
	fsys["content/articles/c3.md"] = &fstest.MapFile{Data: []byte(facetArticle("C3", "2022", "P", "[Peter-Weber, Peter Weber 2]", "e"))}
	for range 3 { // the same every time
		res := render(t, fsys)
		want := map[string]string{
			"authors/peter-weber.html":   "Articles by Peter Weber<",
			"authors/peter-weber-3.html": "Articles by Peter-Weber<", // "peter-weber-2" is Peter Weber 2's
			"authors/peter-weber-2.html": "Articles by Peter Weber 2<",
			"authors/peter-weber-4.html": "Articles by peter weber<",
			"publications/index-2.html":  "Articles from Index<",
			"publications/index.html":    "<h1>Publications</h1>",
		}
		for p, w := range want {
			if !strings.Contains(string(res.Files[p]), w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
		var got []string
		for _, w := range res.Warnings {
			if strings.Contains(w, "both make the page") {
				got = append(got, w)
			}
		}
		// Each names the line of the authors key of the second name's
		// first article (its line 4: see facetArticle).
		if len(got) != 2 || !strings.HasPrefix(got[0], `content/articles/c2.md:4:1: authors "peter weber" and "Peter Weber"`) ||
			!strings.HasPrefix(got[1], `content/articles/c3.md:4:1: authors "Peter-Weber" and "Peter Weber" (content/articles/c1.md) both make the page authors/peter-weber.html; "Peter-Weber" is published as authors/peter-weber-3.html instead`) {
			t.Errorf("warnings = %q", got)
		}
	}
	// A lean build, which keeps no front matter, names the same lines.
	r, err := renderAll(fsys, Options{}, newDirOutput(t.TempDir()), true)
	if err != nil {
		t.Fatal(err)
	}
	if want := render(t, fsys).Warnings; !slices.Equal(r.res.Warnings, want) {
		t.Errorf("lean build's warnings\n%q\nare not\n%q", r.res.Warnings, want)
	}
}

// A collision of publications names the line of the publication key.
func TestFacetSlugCollisionLines(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/c1.md"] = &fstest.MapFile{Data: []byte(facetArticle("C1", "2020", "The Week", "[]", "e"))}
	fsys["content/articles/c2.md"] = &fstest.MapFile{Data: []byte(facetArticle("C2", "2021", "the week", "[]", "e"))}
	var got []string
	for _, w := range render(t, fsys).Warnings {
		if strings.Contains(w, "both make the page") {
			got = append(got, w)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `content/articles/c2.md:3:1: publications "the week" and "The Week"`) {
		t.Errorf("warnings = %q", got)
	}
}
