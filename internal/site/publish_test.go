package site

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/rhysd/actionlint"
	"golang.org/x/net/html"
)

func TestPublishingFiles(t *testing.T) {
	t.Parallel()
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	for _, name := range []string{".nojekyll", "robots.txt", "favicon.svg", "search.html", SearchIndexFile, "search.js", OfflineZip, SingleFile} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	// Without a base URL nothing absolute is written: no invented host.
	for _, name := range []string{"sitemap.xml", "feed.xml"} {
		if _, ok := res.Files[name]; ok {
			t.Errorf("%s written without a base URL", name)
		}
	}
	for name, b := range res.Files {
		if s := string(b); strings.Contains(s, `rel="canonical"`) || strings.Contains(s, "og:url") || strings.Contains(s, "Sitemap:") {
			t.Errorf("%s has an absolute URL without a base URL", name)
		}
	}
	if got := string(res.Files["robots.txt"]); got != "User-agent: *\nAllow: /\n" {
		t.Errorf("robots.txt = %q", got)
	}
	a := string(res.Files["articles/beta.html"])
	for _, want := range []string{`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Beta headline","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"publisher":{"@type":"NewsMediaOrganization","name":"Other Paper"},"datePublished":"2019-06-28","url":"https://example.org/beta"`,
		`<link rel="icon" href="../favicon.svg" type="image/svg+xml">`, `<meta name="theme-color" content="#121416" media="(prefers-color-scheme: dark)">`,
		`<a href="../dossier-offline.zip" download>`} {
		if !strings.Contains(a, want) {
			t.Errorf("articles/beta.html lacks %s", want)
		}
	}
	// An article without a byline gets no author in its structured data.
	if s := string(res.Files["articles/alpha.html"]); strings.Contains(s, `"author"`) || !strings.Contains(s, `"datePublished":"2017-07"`) {
		t.Errorf("alpha's JSON-LD invents an author or loses the date's precision")
	}
}

// TestFeedUpdatedDefault: without site.yaml's updated, the feed's date is
// the latest full publication date of the articles; with no such date the
// error names what asked for the feed, the -base-url flag or base_url in
// site.yaml (with its line), and says to add updated to site.yaml.
func TestFeedUpdatedDefault(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	res, err := Render(fsys, Options{BaseURL: "https://example.org/repo/"})
	if err != nil {
		t.Fatalf("a site without updated, with a dated article: %v", err)
	}
	if f := string(res.Files["feed.xml"]); !strings.Contains(f, "<updated>2019-06-28T00:00:00Z</updated>") || strings.Contains(f, "2017-07-01T") {
		t.Errorf("the feed is not updated on the latest full published date, 2019-06-28:\n%s", f)
	}
	// No article with a full date: nothing to take the date from.
	beta := fsys["content/articles/beta.md"]
	beta.Data = []byte(strings.Replace(string(beta.Data), `published: "2019-06-28"`, `published: "2019-06"`, 1))
	_, err = Render(fsys, Options{BaseURL: "https://example.org/repo/"})
	for _, want := range []string{"-base-url flag:", "add `updated: YYYY-MM-DD` to content/site.yaml", "or build without -base-url"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("flag: error lacks %q: %v", want, err)
		}
	}
	site := fsys["content/site.yaml"]
	line := strings.Count(string(site.Data), "\n") + 1
	site.Data = append(site.Data, "base_url: https://example.org/\n"...)
	_, err = Render(fsys, Options{})
	for _, want := range []string{fmt.Sprintf("content/site.yaml:%d: base_url is set", line), "add `updated: YYYY-MM-DD` to content/site.yaml"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("site.yaml: error lacks %q: %v", want, err)
		}
	}
}

func TestWithBaseURL(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "updated: 2026-11-22\n"...)
	res, err := Render(fsys, Options{BaseURL: "https://example.org/repo/"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Files["404.html"]), `<base href="/repo/">`) {
		t.Error("404.html's base is not the base URL's path")
	}
	idx := string(res.Files["index.html"])
	for _, want := range []string{`<link rel="canonical" href="https://example.org/repo/">`, `<meta property="og:title" content="Test dossier">`, `<link rel="alternate" type="application/atom+xml" href="feed.xml"`} {
		if !strings.Contains(idx, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if !strings.Contains(string(res.Files["robots.txt"]), "Sitemap: https://example.org/repo/sitemap.xml\n") {
		t.Error("robots.txt does not name the sitemap")
	}

	// The sitemap (sitemaps.org 0.9): every page but 404, absolute, under the base.
	var sm struct {
		XMLName xml.Name
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(res.Files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	if sm.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || sm.XMLName.Local != "urlset" {
		t.Errorf("sitemap root = %v", sm.XMLName)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		if !strings.HasPrefix(u.Loc, "https://example.org/repo/") || strings.HasSuffix(u.Loc, "404.html") {
			t.Errorf("sitemap loc %s", u.Loc)
		}
	}
	for _, want := range []string{"https://example.org/repo/", "https://example.org/repo/articles/alpha.html", "https://example.org/repo/about.html"} {
		if !locs[want] {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	validateAtom(t, res.Files["feed.xml"], 2)
	feed := string(res.Files["feed.xml"])
	for _, want := range []string{`<entry xml:base="https://example.org/repo/articles/alpha.html">`, "<name>The Paper (no byline given)</name>", "<name>Jane Doe</name>"} {
		if !strings.Contains(feed, want) {
			t.Errorf("feed.xml lacks %s", want)
		}
	}
}

// validateAtom checks the rules of RFC 4287 that a feed of ours can break.
func validateAtom(t *testing.T, b []byte, entries int) {
	t.Helper()
	type link struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}
	type person struct {
		Name string `xml:"name"`
	}
	type entry struct {
		ID        string   `xml:"id"`
		Title     string   `xml:"title"`
		Updated   string   `xml:"updated"`
		Published string   `xml:"published"`
		Links     []link   `xml:"link"`
		Authors   []person `xml:"author"`
		Content   struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	}
	var f struct {
		XMLName xml.Name
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Authors []person `xml:"author"`
		Links   []link   `xml:"link"`
		Entries []entry  `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
		t.Errorf("feed root = %v", f.XMLName)
	}
	isDateTime := func(s string) bool { return len(s) == 20 && s[4] == '-' && s[10] == 'T' && s[19] == 'Z' }
	absolute := func(s string) bool { u, err := url.Parse(s); return err == nil && u.Scheme != "" && u.Host != "" }
	if f.Title == "" || !absolute(f.ID) || !isDateTime(f.Updated) || len(f.Authors) == 0 {
		t.Errorf("feed head: id %q title %q updated %q authors %v", f.ID, f.Title, f.Updated, f.Authors)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && absolute(l.Href))
	}
	if !self {
		t.Error("feed has no absolute rel=self link")
	}
	if len(f.Entries) != entries {
		t.Fatalf("%d entries, want %d", len(f.Entries), entries)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if e.Title == "" || !absolute(e.ID) || ids[e.ID] || !isDateTime(e.Updated) || (e.Published != "" && !isDateTime(e.Published)) {
			t.Errorf("entry %+v", e)
		}
		ids[e.ID] = true
		alt := false
		for _, l := range e.Links {
			alt = alt || (l.Rel == "alternate" && absolute(l.Href))
		}
		if !alt || e.Content.Type != "html" || !strings.Contains(e.Content.Body, "<p id=\"p1\">") {
			t.Errorf("entry %s: alternate link %v, content type %q", e.ID, alt, e.Content.Type)
		}
	}
}

// The offline zip holds every file of the site, and every link of its
// index.html resolves inside it.
func TestOfflineZip(t *testing.T) {
	t.Parallel()
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	zb := res.Files[OfflineZip]
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		inZip[strings.TrimPrefix(f.Name, "dossier/")] = b
		if !f.Modified.Equal(zipEpoch) {
			t.Errorf("%s has time %v", f.Name, f.Modified)
		}
	}
	for name, b := range res.Files {
		if name == OfflineZip {
			continue
		}
		if !bytes.Equal(inZip[name], b) {
			t.Errorf("zip lacks or differs on %s", name)
		}
	}
	doc, err := html.Parse(bytes.NewReader(inZip["index.html"]))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for el := range doc.Descendants() {
		for _, a := range el.Attr {
			if a.Key != "href" && a.Key != "src" {
				continue
			}
			u, _ := url.Parse(a.Val)
			if u.Scheme != "" || u.Path == "" {
				continue
			}
			n++
			if _, ok := inZip[path.Clean(u.Path)]; !ok && u.Path != OfflineZip {
				t.Errorf("index.html link %q does not resolve inside the zip", a.Val)
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d links checked", n)
	}
}

// The single-file edition references nothing outside itself: no resource
// at all, and every link is to a fragment of the page or to an original
// article on the web.
func TestSingleFile(t *testing.T) {
	t.Parallel()
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	doc, err := html.Parse(bytes.NewReader(res.Files[SingleFile]))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for el := range doc.Descendants() {
		for _, a := range el.Attr {
			if a.Key == "id" {
				ids[a.Val] = true
			}
		}
	}
	for _, id := range []string{"alpha", "alpha.p1", "beta.p2", "page_about", "page_about.code"} {
		if !ids[id] {
			t.Errorf("no id %q in the single file", id)
		}
	}
	for el := range doc.Descendants() {
		if el.Type == html.ElementNode && (el.Data == "script" || el.Data == "img" || el.Data == "iframe") {
			t.Errorf("single file has a <%s>", el.Data)
		}
		for _, a := range el.Attr {
			switch {
			case el.Data == "link" && a.Key == "href":
				if !strings.HasPrefix(a.Val, "data:") {
					t.Errorf("single file links to %s", a.Val)
				}
			case a.Key == "src" || a.Key == "srcset":
				t.Errorf("single file loads %s", a.Val)
			case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
				if !ids[a.Val[1:]] {
					t.Errorf("single file: link %s has no target", a.Val)
				}
			case a.Key == "href" && !strings.HasPrefix(a.Val, "https://"):
				t.Errorf("single file: link %s leaves the file", a.Val)
			}
		}
	}
	s := string(res.Files[SingleFile])
	if !strings.Contains(s, `<a href="#beta.p2">beta's second paragraph</a>`) || !strings.Contains(s, "<style>") {
		t.Error("the single file does not link between its articles or lacks its inline style")
	}
}

func TestSearchIndex(t *testing.T) {
	t.Parallel()
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	if idx := string(res.Files[SearchIndexFile]); !strings.HasPrefix(idx, "// The search index") || !strings.Contains(idx, "window.DOSSIER_SEARCH = {\"tl\":[]};") {
		t.Errorf("search-index.js is not a script setting window.DOSSIER_SEARCH: %.200s", idx)
	}
	idx := string(res.Files[searchShard(1)])
	if !strings.HasPrefix(idx, "// Part of the search index") || !strings.Contains(idx, "(window.DOSSIER_SEARCH_DOCS = window.DOSSIER_SEARCH_DOCS || []).push([{") {
		t.Fatalf("search-index-1.js is not a script adding to window.DOSSIER_SEARCH_DOCS: %.200s", idx)
	}
	for _, want := range []string{`["p1","First paragraph with \"straight\" quotes."]`, `"u":"articles/beta.html"`, `["p2","Beta two."]`} {
		if !strings.Contains(idx, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	s := string(res.Files["search.html"])
	for _, want := range []string{"<script src=\"search-index-1.js\"></script>\n<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>", `<a href="articles/alpha.html">`, `role="search"`, `<label for="search-q">`} {
		if !strings.Contains(s, want) {
			t.Errorf("search.html lacks %s", want)
		}
	}
}

// The index stays smaller than 1.5 times the articles' text, measured on
// this repository's own dossier.
func TestSearchIndexSize(t *testing.T) {
	t.Parallel()
	res, err := Render(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := 0
	for _, d := range res.searchDocs {
		if strings.HasPrefix(d.URL, "articles/") {
			text += len(d.Title) + len(d.Dek)
			for _, p := range d.Parts {
				text += len(p[1])
			}
		}
	}
	size := 0
	for name, b := range res.Files {
		if strings.HasPrefix(name, "search-index") {
			size += len(b)
		}
	}
	if text == 0 || float64(size) > 1.5*float64(text) {
		t.Errorf("search index is %d bytes for %d bytes of article text (ratio %.2f, limit 1.5)", size, text, float64(size)/float64(text))
	}
	t.Logf("search index %d bytes, article text %d bytes, ratio %.2f", size, text, float64(size)/float64(text))
}

// The Pages workflow passes actionlint and builds with the address that
// configure-pages reports, keeping dotfiles in the artifact.
func TestPagesWorkflow(t *testing.T) {
	t.Parallel()
	const file = "../../.github/workflows/pages.yml"
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFile(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e)
	}
	b, _ := os.ReadFile(file)
	for _, want := range []string{"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@", "include-hidden-files: true",
		"steps.pages.outputs.base_url", "steps.pages.outputs.base_path", `-base-url "$BASE_URL"`, "go-version-file: go.mod", "go test ./..."} {
		if !strings.Contains(string(b), want) {
			t.Errorf("workflow lacks %s", want)
		}
	}
	// The build job runs the tests and the code it checks out: it may read,
	// and only the deploy job may publish.
	_, jobs, _ := strings.Cut(string(b), "\njobs:\n")
	build, deploy, ok := strings.Cut(jobs, "\n  deploy:\n")
	if !ok || strings.Contains(build, "pages: write") || strings.Contains(build, "id-token") || !strings.Contains(deploy, "pages: write") || !strings.Contains(deploy, "id-token: write") {
		t.Errorf("only the deploy job may write Pages and get an id token:\n%s", jobs)
	}
}

// Timeline entries are indexed by reference: each points at the span of
// its article's text that is its quote.
func TestSearchIndexTimeline(t *testing.T) {
	t.Parallel()
	res, err := Render(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Files[SearchIndexFile])
	shard := string(res.Files[searchShard(1)])
	var idx struct {
		Docs []struct {
			U string     `json:"u"`
			P [][]string `json:"p"`
		}
		TL []struct {
			U string   `json:"u"`
			L []string `json:"l"`
			E [][]any  `json:"e"`
		} `json:"tl"`
	}
	if err := json.Unmarshal([]byte(src[strings.Index(src, "{"):strings.LastIndex(src, ";")]), &idx); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(shard[strings.Index(shard, ".push(")+6:strings.LastIndex(shard, ");")]), &idx.Docs); err != nil {
		t.Fatal(err)
	}
	if len(idx.TL) != 1 || len(idx.TL[0].E) < 10 {
		t.Fatalf("timeline entries not indexed: %+v", idx.TL)
	}
	quotes := map[string]string{}
	for _, tl := range res.timelines {
		for _, e := range tl.Entries {
			quotes[e.ID] = strings.Join(strings.Fields(e.Quote), " ")
		}
	}
	for _, e := range idx.TL[0].E {
		id, d, p, start, n := e[0].(string), int(e[2].(float64)), int(e[3].(float64)), int(e[4].(float64)), int(e[5].(float64))
		text := utf16.Encode([]rune(idx.Docs[d].P[p][1]))
		if got := string(utf16.Decode(text[start : start+n])); got != quotes[id] {
			t.Errorf("entry %s points at %q, want its quote %q", id, got, quotes[id])
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain text": "plain text", "": "", " lead": "lead", "trail ": "trail",
		"two  spaces": "two spaces", "no\u00a0break": "no break", "line\nbreak": "line break", "a \u00a0 b": "a b",
	} {
		if got := collapseSpace(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCollapseSpace checks collapseSpace, with its fast paths, against
// its definition: the words of s joined by single spaces.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"plain text", " lead", "a\u2028b", "a\u00a0 b", "\xffx  y", "x\u0085", "tab\there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// site.yaml's offline_editions turns the zip and the single-file edition
// off (or on); the footers then do not link them.
func TestOfflineEditionsSetting(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "offline_editions: false\n"...)
	res := render(t, fsys)
	for _, name := range []string{OfflineZip, SingleFile} {
		if _, ok := res.Files[name]; ok {
			t.Errorf("%s written with offline_editions: false", name)
		}
	}
	if s := string(res.Files["index.html"]); strings.Contains(s, OfflineZip) || strings.Contains(s, SingleFile) {
		t.Error("the footer links offline editions that were not made")
	}
}

// checkPager checks which of the pages index pages index page k's pager
// links, and returns the pager's HTML.
func checkPager(t *testing.T, res *Result, k, pages int, linked func(int) bool) string {
	t.Helper()
	s := string(res.Files[indexPath(k)])
	nav := s[strings.Index(s, `<nav class="pager"`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	for i := 1; i <= pages; i++ {
		if got, want := strings.Contains(nav, `href="`+indexPath(i)+`"`), linked(i); got != want {
			t.Errorf("%s's pager links %s: %v, want %v", indexPath(k), indexPath(i), got, want)
		}
	}
	return nav
}

// A dossier of more articles than a shard and an index page holds: the
// search index comes in shards, the index in pages, and a build that
// streams to disk writes exactly what Render makes in memory.
func TestLargeDossier(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	n := SearchShardSize + 1
	for i := range n {
		fsys[fmt.Sprintf("content/articles/n%04d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: Article %04d\npublication: P\nauthors: []\npublished: \"2018-%02d\"\nurl: https://example.org/%d\nraw: raw/a.txt\nevent: e\n---\n\nWord%d here.\n\nSecond.\n", i, 1+i%12, i, i))}
	}
	res := render(t, fsys)
	total := n + 2 // and alpha and beta
	for _, name := range []string{searchShard(1), searchShard(2), indexPath(total / IndexPageSize), indexPath(total/IndexPageSize + 1)} {
		if _, ok := res.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := res.Files[searchShard(3)]; ok {
		t.Error("a third shard for two shards' worth of articles")
	}
	if got := strings.Count(string(res.Files[searchShard(1)]), `"u":"articles/`); got != SearchShardSize {
		t.Errorf("shard 1 holds %d documents, want %d", got, SearchShardSize)
	}
	if s := string(res.Files["search.html"]); strings.Contains(s, "n0001.html") || !strings.Contains(s, `<a href="index-2.html">2</a>`) {
		t.Error("search.html lists every article instead of the index pages")
	}
	if s := string(res.Files[indexPath(2)]); !strings.Contains(s, `<a rel="prev" href="index.html">`) || strings.Count(s, "<li>\n<h3>") != IndexPageSize {
		t.Errorf("index-2.html does not hold one page of articles with a pager")
	}
	// The pager marks the page it is on, and only that one.
	if s := string(res.Files[indexPath(2)]); strings.Count(s, `aria-current="page"`) != 1 || !strings.Contains(s, `<li><a href="index-2.html" aria-current="page">2</a></li>`) {
		t.Errorf("index-2.html's pager does not mark page 2, and only it, as the current page")
	}
	// An index page's pager links the first and last pages and two on
	// either side, not every page: its size does not grow with the dossier.
	pages := total/IndexPageSize + 1 // 11
	nav := checkPager(t, res, 6, pages, func(k int) bool { return k == 1 || k == pages || (k >= 4 && k <= 8) })
	if got := strings.Count(nav, `class="gap"`); got != 2 {
		t.Errorf("index-6.html's pager has %d gaps, want 2:\n%s", got, nav)
	}
	// A gap never hides a single page: page 3's pager links 1 to 5, 11.
	checkPager(t, res, 3, pages, func(k int) bool { return k <= 5 || k == pages })
	// index-5.html: 1 … would hide page 2 alone, so 2 is linked: 1 to 7, gap, 11.
	checkPager(t, res, 5, pages, func(k int) bool { return k <= 7 || k == pages })
	// search.html, for readers without JavaScript, links every index page.
	if s := string(res.Files["search.html"]); !strings.Contains(s, `href="`+indexPath(pages-1)+`"`) || strings.Contains(s, "gap") || strings.Contains(s, `rel="next"`) {
		t.Error("search.html does not link every index page, or has a gap or a next page")
	}
	if s := string(res.Files["search.html"]); strings.Count(s, `aria-current="page"`) != 1 || !strings.Contains(s, `<a href="search.html" aria-current="page">Search</a>`) {
		t.Errorf("search.html marks another page than itself as current")
	}

	// The streaming build writes the same bytes as the in-memory render.
	src := copyFS(t, fsys)
	out := filepath.Join(t.TempDir(), "public")
	built, err := Build(src, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(built.Paths, res.Paths) || len(res.Paths) != len(res.Files) {
		t.Errorf("Build made %d files, Render %d (%d with content)", len(built.Paths), len(res.Paths), len(res.Files))
	}
	if built.Files != nil {
		t.Errorf("Build kept %d files in memory", len(built.Files))
	}
	for name, want := range res.Files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: Build wrote other bytes than Render made (%v)", name, err)
		}
	}
}

// The absolute URLs (sitemap, canonical link, OpenGraph) of a page named
// in another script are percent-encoded URLs, naming the page its
// relative links name.
func TestAbsoluteURLsEscaped(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "updated: 2026-11-22\n"...)
	fsys["content/articles/z.md"] = &fstest.MapFile{Data: []byte(facetArticle("Zed", "2021", "P", "[Zoë Ö]", "e"))}
	res, err := Render(fsys, Options{BaseURL: "https://example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	const want = "https://example.com/authors/zo%C3%AB-%C3%B6.html"
	sm := string(res.Files["sitemap.xml"])
	if !strings.Contains(sm, "<loc>"+want+"</loc>") {
		t.Errorf("sitemap.xml lacks <loc>%s</loc>", want)
	}
	for i, r := range sm {
		if r > 0x7f {
			t.Errorf("sitemap.xml holds %q at %d: not a URL", r, i)
			break
		}
	}
	page := string(res.Files["authors/zoë-ö.html"])
	for _, w := range []string{`<link rel="canonical" href="` + want + `">`, `<meta property="og:url" content="` + want + `">`} {
		if !strings.Contains(page, w) {
			t.Errorf("authors/zoë-ö.html lacks %s", w)
		}
	}
	u, err := url.Parse(want)
	if err != nil || u.Path != "/authors/zoë-ö.html" {
		t.Errorf("%s names %q (%v), not the page", want, u.Path, err)
	}
}
