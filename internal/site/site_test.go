package site

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadTxtar reads a txtar fixture into an in-memory site.
func loadTxtar(t testing.TB, file string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func render(t *testing.T, fsys fs.FS) *Result {
	t.Helper()
	res, err := Render(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGolden(t *testing.T) {
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	for _, name := range []string{"index.html", "articles/alpha.html", "articles/beta.html", "about.html", "404.html", "authors/jane-doe.html", "publications/index.html"} {
		got, ok := res.Files[name]
		if !ok {
			t.Fatalf("no %s in output", name)
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./internal/site -update and review the diff):\n%s", name, golden, firstDiff(got, want))
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func TestWhatPagesSay(t *testing.T) {
	t.Parallel()
	res := render(t, loadTxtar(t, "testdata/site.txtar"))
	page := func(name string) string { return string(res.Files[name]) }
	checks := []struct{ file, want string }{
		{"articles/alpha.html", "No byline: the source names no author."},
		{"articles/alpha.html", "Published: July 2017 <span class=\"source-note\">(the URL)</span>"},
		{"articles/alpha.html", `<p id="p2">Second paragraph links to <a href="../articles/beta.html#p2">`},
		{"articles/alpha.html", "<figcaption>A caption. <span class=\"credit\">A Photographer/AP</span>"},
		{"articles/alpha.html", `<p class="credits">Additional reporting by Someone.</p>`},
		{"articles/alpha.html", `<a rel="next" href="../articles/beta.html">`},
		{"articles/beta.html", `By <a href="../authors/jane-doe.html">Jane Doe</a> and <a href="../authors/john-roe.html">John Roe</a>`},
		{"articles/beta.html", `<time datetime="2019-06-28">28 June 2019</time>`},
		{"index.html", `<a href="about.html">about</a>`},
		{"about.html", `<span class="kn">package</span>`},
		{"about.html", `<a href="articles/alpha.html">alpha</a>`},
		{"404.html", `<base href="/">`},
		{"style.css", "@media (prefers-color-scheme: dark)"},
		{"style.css", "@media print"},
	}
	for _, c := range checks {
		if !strings.Contains(page(c.file), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
	// Articles in date order on the index: alpha (2017) before beta (2019).
	idx := page("index.html")
	if strings.Index(idx, "alpha.html") > strings.Index(idx, "beta.html") {
		t.Error("index does not list the articles in date order")
	}
	if strings.Contains(page("articles/beta.html"), "datetime=\"2017-07\"") {
		t.Error("<time datetime> used for an inexact date")
	}
}

// An article without a date says so, on its page and on the index, and
// has no <time>.
func TestUndatedArticle(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/undated.md"] = &fstest.MapFile{Data: []byte(
		"---\ntitle: Undated\npublication: P\nauthors: [A]\nurl: https://example.org/u\nraw: raw/a.txt\nevent: e\n---\n\nText.\n")}
	res := render(t, fsys)
	checks := []struct{ file, want string }{
		{"articles/undated.html", "<p class=\"published\">Published: date not verified</p>"},
		{"index.html", "<a href=\"articles/undated.html\">Undated</a></h3>\n<p class=\"meta\"><span class=\"publication\">P</span> · date not verified</p>"},
		{"articles/beta.html", `<a rel="next" href="../articles/undated.html">`},
	}
	for _, c := range checks {
		if got := string(res.Files[c.file]); !strings.Contains(got, c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}
	if strings.Contains(string(res.Files["articles/undated.html"]), "<time") {
		t.Error("an undated article's page has a <time>")
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	a, b := render(t, fsys), render(t, fsys)
	if len(a.Files) != len(b.Files) {
		t.Fatal("file counts differ")
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestTemplateOverride(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>Lost?</h1><p><a href="{{.Root}}index.html">home</a></p>{{end}}`)}
	res := render(t, fsys)
	if !strings.Contains(string(res.Files["404.html"]), "<h1>Lost?</h1>") {
		t.Error("site template did not override the default 404.html")
	}
	if !strings.Contains(string(res.Files["index.html"]), "<h2 id=\"articles\">") {
		t.Error("default index.html not used where the site has no override")
	}
}

// A theme written against the data before the views carried Href,
// Byline, DateText and Datetime keeps working: the fields and methods it
// used are still there.
func TestOlderThemeData(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/index.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<ul>
{{- range .Articles}}
<li><a href="{{$.Root}}{{.Path}}">{{.Title}}</a> {{join .Authors ", "}} {{if .Date.Exact}}<time datetime="{{.Date}}">{{.Date.Human}}</time>{{else}}{{.Date.Human}}{{end}}</li>
{{- end}}
</ul>{{end}}`)}
	res := render(t, fsys)
	want := `<ul>
<li><a href="articles/alpha.html">Alpha “quoted” headline</a>  July 2017</li>
<li><a href="articles/beta.html">Beta headline</a> Jane Doe, John Roe <time datetime="2019-06-28">28 June 2019</time></li>
</ul>`
	if got := string(res.Files["index.html"]); !strings.Contains(got, want) {
		t.Errorf("index.html lacks\n%s", want)
	}
}

// TestLayoutFields holds the ready-made values the default layout reads
// (.HeadTitle, .IsFront, .IsSearch) to the actions they replace, which
// older layouts still use, on every page the layout makes.
func TestLayoutFields(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/base.html"] = &fstest.MapFile{Data: []byte(`{{define "base" -}}
{{if .Title}}{{.Title}} · {{end}}{{.Site.Title}}|{{.HeadTitle}}
{{eq .Path "index.html"}}|{{.IsFront}}
{{eq .Path "search.html"}}|{{.IsSearch}}
{{- end}}`)}
	res := render(t, fsys)
	front, search := 0, 0
	for name, b := range res.Files {
		if !strings.HasSuffix(name, ".html") || name == SingleFile {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			old, cur, ok := strings.Cut(line, "|")
			if !ok || old != cur {
				t.Errorf("%s: %q: the old action and the field differ", name, line)
			}
		}
		if strings.Contains(string(b), "\ntrue|true\n") {
			front++
		}
		if strings.HasSuffix(string(b), "\ntrue|true") {
			search++
		}
	}
	if front != 1 || search != 1 {
		t.Errorf("IsFront on %d pages and IsSearch on %d, want 1 each", front, search)
	}
}

// One test per kind of bad input that the build itself catches; each
// message names the file and line, and what to do.
func TestBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"link to a missing page", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\nSee [gone](../articles/gone.md).\n",
		}, []string{`content/pages/about.md:5: link "../articles/gone.md": no article or page content/articles/gone.md`}},
		{"broken fragment", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\nSee [beta](../articles/beta.md#p9).\n",
		}, []string{`content/pages/about.md:5:31: link check: about.html: <a href="articles/beta.html#p9">: no element with id "p9" in articles/beta.html`}},
		{"broken html link", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\nSee [x](nothing.html).\n",
		}, []string{`content/pages/about.md:5:9: link check: about.html: <a href="nothing.html">: no such file nothing.html in the site`}},
		// An article's body is not scanned again: its links and ids come
		// from the Markdown's syntax tree (scanWithBody). They are checked
		// all the same.
		{"broken link in an article", map[string]string{
			"content/articles/beta.md": betaWith("Beta one, see [x](nothing.html).\n"),
		}, []string{`content/articles/beta.md:11:19: link check: articles/beta.html: <a href="nothing.html">: no such file articles/nothing.html in the site`}},
		{"broken fragment in an article", map[string]string{
			"content/articles/beta.md": betaWith("See [alpha](alpha.md#p99).\n"),
		}, []string{`content/articles/beta.md:11:21: link check: articles/beta.html: <a href="../articles/alpha.html#p99">: no element with id "p99" in articles/alpha.html`}},
		// The line is the link's, from the Markdown's syntax tree, not the
		// first place the source writes its URL or its #fragment.
		{"broken fragment after a good one", map[string]string{
			"content/articles/long.md": article("Long", "2019-01", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive."),
			"content/articles/beta.md": betaWith("[a](long.md#p5) is fine.\n\nBut [b](alpha.md#p5) is not.\n"),
		}, []string{`content/articles/beta.md:13:17: link check: articles/beta.html: <a href="../articles/alpha.html#p5">: no element with id "p5" in articles/alpha.html`}},
		{"broken link after the same text", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\nThe file nothing.html is gone,\nand so is [x](nothing.html).\n",
		}, []string{`content/pages/about.md:6:15: link check: about.html: <a href="nothing.html">: no such file nothing.html in the site`}},
		// A footnote: the tree does not account for the body's ids, which
		// are scanned, but its links still have their lines.
		{"broken fragment in an article with a footnote", map[string]string{
			"content/articles/beta.md": betaWith("A note[^1] on #p1x.\n\nBut [b](alpha.md#p1x) is not.\n\n[^1]: A note.\n"),
		}, []string{`content/articles/beta.md:13:17: link check: articles/beta.html: <a href="../articles/alpha.html#p1x">: no element with id "p1x" in articles/alpha.html`}},
		{"intro broken link after the same text", map[string]string{
			"content/site.yaml": "title: T\nintro: |\n  One #nowhere.\n\n  Two [x](#nowhere).\n",
		}, []string{`content/site.yaml:5:11: link check: index.html: <a href="#nowhere">: no element with id "nowhere" in index.html`}},
		// A problem in site.yaml's intro is at its line in site.yaml: the
		// intro's Markdown starts on the line after "intro: |".
		{"intro link to a missing page", map[string]string{
			"content/site.yaml": "title: T\ndescription: D\nintro: |\n  One.\n\n  See [gone](articles/gone.md).\n",
		}, []string{`content/site.yaml:6: link "articles/gone.md": no article or page content/articles/gone.md; fix the link or add the file`}},
		{"intro broken fragment", map[string]string{
			"content/site.yaml": "title: T\nintro: |\n  One.\n\n  Two [x](#nowhere).\n",
		}, []string{`content/site.yaml:5:11: link check: index.html: <a href="#nowhere">: no element with id "nowhere" in index.html`}},
		{"intro remote image", map[string]string{
			"content/site.yaml": "title: T\nintro: >-\n  ![x](https://t.example/p.gif)\n",
		}, []string{`content/site.yaml:3: image "https://t.example/p.gif" is not on this site`}},
		{"remote image", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\n![tracker](https://t.example/p.gif)\n",
		}, []string{`content/pages/about.md:5: image "https://t.example/p.gif" is not on this site`}},
		{"template syntax error", map[string]string{
			"templates/page.html": "{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}",
		}, []string{`templates/page.html:2: template error:`, "fix the template"}},
		{"template execution error", map[string]string{
			"templates/page.html": "{{define \"main\"}}\n<h1>{{.Nope}}</h1>\n{{end}}",
		}, []string{`templates/page.html:2:`, `can't evaluate field Nope`}},
		{"template absolute link", map[string]string{
			"templates/404.html": `{{define "main"}}<a href="/index.html">home</a>{{end}}`,
		}, []string{`404.html: <a href="/index.html">: absolute path`}},
		{"template remote stylesheet", map[string]string{
			"templates/page.html": `{{define "main"}}<link rel="stylesheet" href="https://cdn.example/x.css">{{end}}`,
		}, []string{`loads a resource from outside the site`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := loadTxtar(t, "testdata/site.txtar")
			for k, v := range tt.files {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			_, err := Render(fsys, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\nlacks\n%s", err, w)
				}
			}
			// A build into a directory passes most links as its pages are
			// made (see settle); it reports the same errors.
			if lerr := buildLean(t, fsys); lerr == nil || lerr.Error() != err.Error() {
				t.Errorf("lean build's error\n%v\nis not Render's\n%v", lerr, err)
			}
		})
	}
}

// buildLean renders fsys as Build does, into a temporary directory, and
// checks its links.
func buildLean(t *testing.T, fsys fs.FS) error {
	r, err := renderAll(fsys, Options{}, newDirOutput(t.TempDir()), true)
	if err != nil {
		return err
	}
	return r.checkLinks()
}

// Links between articles, to paragraphs that exist or not, are judged the
// same whichever of the two pages a build makes first.
func TestLeanBuildLinksBetweenArticles(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, alpha, beta string
		want              string // "" for none
	}{
		{"both good", "See [beta](beta.md#p1).", "See [alpha](alpha.md#p2).", ""},
		{"to an earlier article", "See [beta](beta.md#p1).", "See [alpha](alpha.md#p9).", `no element with id "p9" in articles/alpha.html`},
		{"to a later article", "See [beta](beta.md#p7).", "See [alpha](alpha.md#p2).", `no element with id "p7" in articles/beta.html`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := loadTxtar(t, "testdata/site.txtar")
			alpha := string(fsys["content/articles/alpha.md"].Data)
			alpha = alpha[:strings.Index(alpha, "Second paragraph")] + tt.alpha + "\n"
			fsys["content/articles/alpha.md"] = &fstest.MapFile{Data: []byte(alpha)}
			fsys["content/articles/beta.md"] = &fstest.MapFile{Data: []byte(betaWith(tt.beta + "\n"))}
			_, err := Render(fsys, Options{})
			for i := 0; i < 20; i++ { // the articles are made in parallel
				lerr := buildLean(t, fsys)
				if fmt.Sprint(lerr) != fmt.Sprint(err) {
					t.Fatalf("lean build's error\n%v\nis not Render's\n%v", lerr, err)
				}
			}
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// betaWith is the fixture's article beta with another body.
func betaWith(body string) string {
	return "---\ntitle: Beta headline\npublication: Other Paper\nauthors: [Jane Doe]\npublished: \"2019-06-28\"\nurl: https://example.org/beta\nraw: raw/b.txt\nevent: two\n---\n\n" + body
}

func TestRawHTMLAndScriptLinksDropped(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n")}
	res := render(t, fsys)
	if s := string(res.Files["about.html"]); strings.Contains(s, "alert") {
		t.Errorf("about.html keeps the script:\n%s", s)
	}
	want := []string{"content/pages/about.md:5: raw HTML dropped", `content/pages/about.md:7: link "javascript:alert(2)" dropped`}
	if len(res.Warnings) != 2 || !strings.HasPrefix(res.Warnings[0], want[0]) || !strings.HasPrefix(res.Warnings[1], want[1]) {
		t.Errorf("warnings = %q, want prefixes %q", res.Warnings, want)
	}
}

func copyFS(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A failing build leaves the previous output exactly as it was, and
// leaves no temporary directory behind.
func TestAtomicFailure(t *testing.T) {
	t.Parallel()
	src := copyFS(t, loadTxtar(t, "testdata/site.txtar"))
	out := filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	bad := filepath.Join(src, "content", "articles", "alpha.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: [broken\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(src, out, Options{}); err == nil || !strings.Contains(err.Error(), "content/articles/alpha.md:") {
		t.Fatalf("error = %v, want one naming content/articles/alpha.md", err)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed after a failed build", k)
		}
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func TestBuildReplacesOutput(t *testing.T) {
	t.Parallel()
	src := copyFS(t, loadTxtar(t, "testdata/site.txtar"))
	out := filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src, "content", "pages", "about.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "content", "site.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "about.html")); err == nil {
		t.Error("a removed page's output survived the rebuild")
	}
}

func TestRefusesToReplaceNonSite(t *testing.T) {
	t.Parallel()
	src := copyFS(t, loadTxtar(t, "testdata/site.txtar"))
	if _, err := Build(src, src, Options{}); err == nil || !strings.Contains(err.Error(), "is the site root") {
		t.Errorf("building into the site root: err = %v", err)
	}
	file := filepath.Join(src, "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o644)
	if _, err := Build(src, file, Options{}); err == nil || !strings.Contains(err.Error(), "is a file, not a directory") {
		t.Errorf("building into a file: err = %v", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Error("the file named as -out was replaced")
	}
	other := filepath.Join(src, "docs")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if _, err := Build(src, other, Options{}); err == nil || !strings.Contains(err.Error(), "not a built site") {
		t.Errorf("building into a non-site directory: err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(b) != "mine" {
		t.Error("the non-site directory was touched")
	}
}

// TestRepositorySiteLinks builds this repository's own dossier to a
// temporary directory and follows every href and src as a browser does
// under file://: relative to the page, to a file on disk, to an id.
func TestRepositorySiteLinks(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build("../..", out, Options{}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{}
	docs := map[string]*html.Node{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		docs[p] = doc
		ids[p] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[p][a.Val] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 4 {
		t.Fatalf("only %d pages built", len(docs))
	}
	checked := 0
	for p, doc := range docs {
		if filepath.Base(p) == "404.html" {
			continue // resolved against <base href>, checked in TestBadInput and the browser tests
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("%s: bad URL %q", p, a.Val)
					continue
				}
				if u.Scheme == "https" || u.Scheme == "http" {
					if n.Data != "a" {
						t.Errorf("%s: <%s> loads %s from outside the site", p, n.Data, a.Val)
					}
					continue
				}
				target := p
				if u.Path != "" {
					target = filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
				}
				st, err := os.Stat(target)
				if err != nil || st.IsDir() {
					t.Errorf("%s: %q does not resolve to a file", p, a.Val)
					continue
				}
				if u.Fragment != "" && !ids[target][u.Fragment] {
					t.Errorf("%s: %q: no id %q in %s", p, a.Val, u.Fragment, path.Base(target))
				}
				checked++
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d links checked", checked)
	}
}

// TestIntroWarningLine: a warning about site.yaml's intro names its line
// in site.yaml, not in the intro.
func TestIntroWarningLine(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte("title: T\n\nintro: |\n  One.\n\n  <script>alert(1)</script>\n")}
	res, err := Render(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/site.yaml:6: "
	found := false
	for _, w := range res.Warnings {
		if strings.HasPrefix(w, "content/site.yaml") {
			found = true
			if !strings.HasPrefix(w, want) {
				t.Errorf("warning %q, want it at %s", w, want)
			}
		}
	}
	if !found {
		t.Errorf("no warning for site.yaml; got %q", res.Warnings)
	}
}

func TestSummaryCounts(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		r    Result
		want string
	}{
		{Result{Paths: []string{"a"}, Articles: 1, Timelines: 1, Pages: 1}, "built 1 file (1 article, 1 timeline, 1 page) into public in 2ms"},
		{Result{Articles: 2, Pages: 3}, "built 0 files (2 articles, 0 timelines, 3 pages) into public in 2ms"},
	} {
		if got := c.r.Summary("public", 2*time.Millisecond); got != c.want {
			t.Errorf("Summary = %q, want %q", got, c.want)
		}
	}
}
