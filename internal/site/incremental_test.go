package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// rebuild runs one Rebuild after setting the given files ("" removes one).
func rebuild(t *testing.T, b *Builder, fsys fstest.MapFS, files map[string]string) (*Result, []string, error) {
	t.Helper()
	var changed []string
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
		} else {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		changed = append(changed, name)
	}
	return b.Rebuild(changed)
}

// sameAsFull fails unless res is byte for byte what a full render gives.
func sameAsFull(t *testing.T, fsys fstest.MapFS, res *Result) {
	t.Helper()
	full := render(t, fsys)
	for _, name := range slices.Sorted(maps.Keys(full.Files)) {
		if name == OfflineZip || name == SingleFile {
			// Refreshed by full rebuilds only (see Builder); present throughout.
			if res.Files[name] == nil {
				t.Errorf("%s missing", name)
			}
			continue
		}
		if !bytes.Equal(res.Files[name], full.Files[name]) {
			t.Errorf("%s differs from a full render:\n%s", name, firstDiff(res.Files[name], full.Files[name]))
		}
	}
	if len(res.Files) != len(full.Files) {
		t.Errorf("%d files, a full render has %d", len(res.Files), len(full.Files))
	}
	if !slices.Equal(res.Warnings, full.Warnings) {
		t.Errorf("warnings\n%q\na full render's\n%q", res.Warnings, full.Warnings)
	}
}

// An edit keeps the warnings a full render gives: the edited article's
// own (raw HTML dropped) and the facets' (a slug collision), whichever
// article they name.
func TestBuilderKeepsWarnings(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/c1.md"] = &fstest.MapFile{Data: []byte(facetArticle("C1", "2020", "P", "[Peter Weber]", "e"))}
	fsys["content/articles/c2.md"] = &fstest.MapFile{Data: []byte(facetArticle("C2", "2021", "P", "[peter weber]", "e"))}
	b := NewBuilder(fsys, Options{})
	res, _, err := b.Rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "both make the page authors/peter-weber.html") {
		t.Fatalf("first build's warnings = %q", res.Warnings)
	}
	for _, s := range []struct{ file, body string }{
		{"content/articles/c2.md", "New body."},
		{"content/articles/c1.md", "New body."},
		{"content/articles/c2.md", "Raw <b>HTML</b>."},
		{"content/articles/c1.md", "Raw <i>HTML</i> too."},
		{"content/articles/c2.md", "No raw HTML."},
	} {
		a := facetArticle("C2", "2021", "P", "[peter weber]", "e")
		if s.file == "content/articles/c1.md" {
			a = facetArticle("C1", "2020", "P", "[Peter Weber]", "e")
		}
		data := strings.Replace(a, "Body.", s.body, 1)
		res, changed, err := rebuild(t, b, fsys, map[string]string{s.file: data})
		if err != nil {
			t.Fatalf("%s %q: %v", s.file, s.body, err)
		}
		if slices.Contains(changed, OfflineZip) {
			t.Fatalf("%s %q: a full build, not an incremental one", s.file, s.body)
		}
		sameAsFull(t, fsys, res)
	}
}

func article(title, published, body string) string {
	return fmt.Sprintf("---\ntitle: %s\npublication: P\nauthors: []\npublished: %q\nurl: https://example.org/x\nraw: raw/a.txt\nevent: e\n---\n\n%s\n", title, published, body)
}

// withQAnd is article g2 of TestBuilderIncrementalMatchesFull, from
// publication Q, with front matter lines replacing those of the same key.
func withQAnd(lines ...string) string {
	a := strings.Replace(article("G2 renamed", "2018-12", "New body."), "publication: P", "publication: Q", 1)
	for _, l := range lines {
		key, _, _ := strings.Cut(l, ":")
		if i := strings.Index(a, "\n"+key+":"); i >= 0 {
			end := strings.Index(a[i+1:], "\n") + i + 1
			a = a[:i+1] + l + a[end:]
		} else {
			a = strings.Replace(a, "\n---\n\n", "\n"+l+"\n---\n\n", 1)
		}
	}
	return a
}

func TestBuilderIncrementalMatchesFull(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	for i := range 5 {
		fsys[fmt.Sprintf("content/articles/g%d.md", i)] = &fstest.MapFile{Data: []byte(article(fmt.Sprintf("G%d", i), fmt.Sprintf("2018-0%d", i+1), "Body."))}
	}
	b := NewBuilder(fsys, Options{})
	res, changed, err := b.Rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != len(res.Files) {
		t.Errorf("first build reports %d changed files of %d", len(changed), len(res.Files))
	}
	first := res

	steps := []struct {
		name string
		file string
		data string
		want []string // the pages reported changed
	}{
		{"body", "content/articles/g2.md", article("G2", "2018-03", "New body."), []string{"articles/g2.html", "search-index-1.js"}},
		// The facet pages that list it (its event's and publication's) too.
		{"title", "content/articles/g2.md", article("G2 renamed", "2018-03", "New body."), []string{"articles/g1.html", "articles/g2.html", "articles/g3.html", "events/e.html", "index.html", "publications/p.html", "search-index-1.js", "search.html"}},
		{"reorder", "content/articles/g2.md", article("G2 renamed", "2018-12", "New body."), []string{"articles/beta.html", "articles/g1.html", "articles/g2.html", "articles/g3.html", "articles/g4.html", "events/e.html", "index.html", "publications/p.html", "search-index-1.js", "search.html"}},
		// A change of publication, authors or event is a full build: facet
		// pages come and go, the overviews' counts change, and the offline
		// editions are made again.
		{"publication", "content/articles/g2.md", strings.Replace(article("G2 renamed", "2018-12", "New body."), "publication: P", "publication: Q", 1), []string{"articles/g2.html", "dossier-offline.zip", "dossier.html", "events/e.html", "index.html", "publications/index.html", "publications/p.html", "publications/q.html", "search-index-1.js", "search.html"}},
		{"same bytes", "content/articles/g2.md", strings.Replace(article("G2 renamed", "2018-12", "New body."), "publication: P", "publication: Q", 1), nil},
		{"authors", "content/articles/g2.md", withQAnd("authors: [Ann Example]"), []string{"articles/g2.html", "authors/ann-example.html", "authors/index.html", "dossier-offline.zip", "dossier.html"}},
		{"event", "content/articles/g2.md", withQAnd("authors: [Ann Example]", "event: f"), []string{"articles/g2.html", "dossier-offline.zip", "events/e.html", "events/f.html", "events/index.html"}},
		// Not a full build: the facet pages that list it are re-rendered.
		{"dek, listed by an author", "content/articles/g2.md", withQAnd("authors: [Ann Example]", "event: f", "dek: New dek."), []string{"articles/g2.html", "authors/ann-example.html", "events/f.html", "index.html", "publications/q.html", "search-index-1.js"}},
	}
	for _, s := range steps {
		res, changed, err := rebuild(t, b, fsys, map[string]string{s.file: s.data})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if !slices.Equal(changed, s.want) {
			t.Errorf("%s: changed %q, want %q", s.name, changed, s.want)
		}
		sameAsFull(t, fsys, res)
	}
	if !strings.Contains(string(first.Files["articles/g2.html"]), "<p id=\"p1\">Body.</p>") {
		t.Error("an earlier Result was modified by a later Rebuild")
	}
}

func TestBuilderKeepsLastGoodBuild(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	b := NewBuilder(fsys, Options{})
	good, _, err := b.Rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	beta := string(fsys["content/articles/beta.md"].Data)

	// A broken front matter names file:line:col.
	_, _, err = rebuild(t, b, fsys, map[string]string{"content/articles/beta.md": strings.Replace(beta, "title:", "tilte:", 1)})
	if err == nil || !strings.Contains(err.Error(), `content/articles/beta.md:2:1: unknown field "tilte"`) {
		t.Fatalf("broken edit: %v", err)
	}
	// An unrelated good edit does not hide the broken file.
	alpha := string(fsys["content/articles/alpha.md"].Data)
	_, _, err = rebuild(t, b, fsys, map[string]string{"content/articles/alpha.md": alpha + "\nMore.\n"})
	if err == nil || !strings.Contains(err.Error(), "content/articles/beta.md:2:1") {
		t.Fatalf("second edit hid the broken file: %v", err)
	}
	if !strings.Contains(string(good.Files["articles/beta.html"]), "Beta headline") {
		t.Error("the last good result changed")
	}
	// Fixing it recovers, with both edits.
	res, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/beta.md": beta})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Files["articles/alpha.html"]), "More.") {
		t.Error("the edit made while the build was broken is lost")
	}
	sameAsFull(t, fsys, res)
}

func TestBuilderFragmentLinkIntoEditedArticle(t *testing.T) {
	t.Parallel()
	// alpha links to beta.md#p2: beta losing its second paragraph breaks
	// alpha's page, which was not re-rendered.
	fsys := loadTxtar(t, "testdata/site.txtar")
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	beta := string(fsys["content/articles/beta.md"].Data)
	_, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/beta.md": strings.Replace(beta, "\nBeta two.\n", "", 1)})
	if err == nil || !strings.Contains(err.Error(), `content/articles/alpha.md:19:60: link check: articles/alpha.html: <a href="../articles/beta.html#p2">: no element with id "p2" in articles/beta.html`) {
		t.Fatalf("got %v", err)
	}
	res, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/beta.md": beta})
	if err != nil {
		t.Fatal(err)
	}
	sameAsFull(t, fsys, res)
}

func TestBuilderDeletedArticle(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	_, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/beta.md": ""})
	if err == nil || !strings.Contains(err.Error(), `content/articles/alpha.md:19: link "beta.md#p2": no article or page content/articles/beta.md`) {
		t.Fatalf("got %v", err)
	}
	alpha := string(fsys["content/articles/alpha.md"].Data)
	res, changed, err := rebuild(t, b, fsys, map[string]string{"content/articles/alpha.md": strings.Replace(alpha, "[beta's second paragraph](beta.md#p2)", "beta", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Files["articles/beta.html"]; ok || !slices.Contains(changed, "articles/beta.html") {
		t.Errorf("articles/beta.html still there, or not reported removed: %q", changed)
	}
	sameAsFull(t, fsys, res)
}

func TestBuilderFullRebuildOnOtherChanges(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	for _, f := range []map[string]string{
		{"content/site.yaml": "title: Renamed\n"},
		{"templates/404.html": `{{define "main"}}<h1>Lost</h1>{{end}}`},
		{"content/articles/gamma.md": article("Gamma", "2020", "New.")},
		{"content/pages/about.md": "---\ntitle: About us\n---\n\nHello.\n"},
	} {
		res, _, err := rebuild(t, b, fsys, f)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		sameAsFull(t, fsys, res)
	}
}

// With several index pages, an edit re-renders only the index pages that
// list what changed: the page holding the article, or, when it moves, the
// pages from its old place to its new one.
func TestBuilderRerendersOnlyTheIndexPagesThatChange(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	n := 3*IndexPageSize + 10 // with alpha and beta: 4 index pages
	for i := range n {
		// Ordered by date: h0000 first, one a day from 2018-01-01.
		fsys[fmt.Sprintf("content/articles/h%04d.md", i)] = &fstest.MapFile{Data: []byte(article(fmt.Sprintf("H%04d", i), fmt.Sprintf("2018-%02d-%02d", 1+i/28, 1+i%28), "Body."))}
	}
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	indexPages := func(changed []string) []string {
		return slices.DeleteFunc(slices.Clone(changed), func(p string) bool { return !strings.HasPrefix(p, "index") })
	}
	// The index page that lists h0070, from a full render.
	full := render(t, fsys)
	holding := ""
	for p := range full.Files {
		if strings.HasPrefix(p, "index") && strings.Contains(string(full.Files[p]), `href="articles/h0070.html"`) {
			holding = p
		}
	}
	if holding == "" || holding == "index.html" {
		t.Fatalf("h0070 is listed on %q; the test wants it on a later index page", holding)
	}
	res, changed, err := rebuild(t, b, fsys, map[string]string{"content/articles/h0070.md": strings.Replace(article("H0070", "2018-03-15", "Body."), "event: e", "dek: A new dek.\nevent: e", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if got := indexPages(changed); !slices.Equal(got, []string{holding}) {
		t.Errorf("dek edit: index pages changed %q, want only %q", got, holding)
	}
	sameAsFull(t, fsys, res)

	// Moving h0000 to h0120's date (just before it): the pages from the
	// first to the one that lists h0120 change, the last one does not.
	res, changed, err = rebuild(t, b, fsys, map[string]string{"content/articles/h0000.md": article("H0000", "2018-05-09", "Body.")})
	if err != nil {
		t.Fatal(err)
	}
	got := indexPages(changed)
	if !slices.Contains(got, "index.html") || slices.Contains(got, indexPath(4)) || len(got) < 2 {
		t.Errorf("move: index pages changed %q, want index.html up to the page of h0120, not %s", got, indexPath(4))
	}
	sameAsFull(t, fsys, res)
}

// A broken link made by an edit is reported at its line, as a full
// render reports it, not at the first place the source writes its
// #fragment.
func TestBuilderLinkErrorLine(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/long.md"] = &fstest.MapFile{Data: []byte(article("Long", "2019-01", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive."))}
	fsys["content/articles/g.md"] = &fstest.MapFile{Data: []byte(article("G", "2019-02", "Body."))}
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	_, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/g.md": article("G", "2019-02", "[a](long.md#p5) is fine.\n\nBut [b](alpha.md#p5) is not.")})
	const want = `content/articles/g.md:13:17: link check: articles/g.html: <a href="../articles/alpha.html#p5">: no element with id "p5" in articles/alpha.html`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error\n%v\nlacks\n%s", err, want)
	}
	if _, ferr := Render(fsys, Options{}); ferr == nil || !strings.Contains(ferr.Error(), want) {
		t.Errorf("full render's error\n%v\nlacks\n%s", ferr, want)
	}
}

// TestBuilderIncrementalMisprint: a text of Go code that prints wrong
// while an incremental rebuild re-renders a page fails that rebuild, as
// it fails a full render. (A strings file whose verbs do not fit is
// refused when read; the text is spoiled here after the first build, so
// that only the rebuild's render can print it.)
func TestBuilderIncrementalMisprint(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/g.md"] = &fstest.MapFile{Data: []byte(article("G", "2018-03", "Body."))}
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	b.r.theme.lang.table["date-month"] = "%[1]s %[2]d %[3]d"
	// A full build would read the strings file again (and pass): only
	// the incremental render prints the spoiled text.
	_, _, err := rebuild(t, b, fsys, map[string]string{"content/articles/g.md": article("G", "2018-03", "New body.")})
	if err == nil || !strings.Contains(err.Error(), `string "date-month" for language "en"`) {
		t.Errorf("the rebuild's error does not name the misprinted text: %v", err)
	}
}

// With a base URL the feed holds the latest articles whole: an edit of
// one of them gives the feed (and the sitemap) of a full render.
func TestBuilderFeedAfterEdit(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, []byte("updated: \"2020-01-01\"\n")...)
	opts := Options{BaseURL: "https://example.org/d/"}
	b := NewBuilder(fsys, opts)
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	a := string(fsys["content/articles/alpha.md"].Data)
	edited := strings.Replace(a, "First paragraph with", "An edited first paragraph with", 1)
	res, changed, err := rebuild(t, b, fsys, map[string]string{"content/articles/alpha.md": edited})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(changed, OfflineZip) {
		t.Fatal("a full build, not an incremental one")
	}
	full, err := Render(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"feed.xml", "sitemap.xml", "robots.txt"} {
		if !bytes.Equal(res.Files[name], full.Files[name]) {
			t.Errorf("%s differs from a full render:\n%s", name, firstDiff(res.Files[name], full.Files[name]))
		}
	}
	if !strings.Contains(string(res.Files["feed.xml"]), "An edited first paragraph") || !slices.Contains(changed, "feed.xml") {
		t.Errorf("feed.xml not rewritten (changed %v)", changed)
	}
}
