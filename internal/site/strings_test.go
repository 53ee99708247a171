package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"golang.org/x/net/html"

	"dossier/templates"
)

// TestStringsLanguage: a site's templates/strings.yaml adds a language key
// by key over the default table; what it leaves out reads in English, and
// a regional language ("de-AT") falls back to its language ("de").
func TestStringsLanguage(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "language: de-AT\n"...)
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("de:\n  skip: \"Zum Inhalt\"\n  month-7: \"Juli\"\n  month-6: \"Juni\"\n  date-day: \"%[1]d. %[2]s %[3]d\"\n  byline-by: \"Von\"\n  byline-and: \" und \"\n")}
	res := render(t, fsys)
	beta := string(res.Files["articles/beta.html"])
	for _, want := range []string{`<html lang="de-AT">`, `>Zum Inhalt</a>`, `<time datetime="2019-06-28">28. Juni 2019</time>`, `Von <a href="../authors/jane-doe.html">Jane Doe</a> und <a href="../authors/john-roe.html">John Roe</a>`,
		`<h2 id="source">Source</h2>`} { // not translated: English
		if !strings.Contains(beta, want) {
			t.Errorf("articles/beta.html lacks %s", want)
		}
	}
	if idx := string(res.Files["index.html"]); !strings.Contains(idx, "Juli 2017") || strings.Contains(idx, "July 2017") {
		t.Errorf("index.html does not give the month in German")
	}
}

// TestStringsUnknownKey: a template asking for a key no table has fails the
// build at the template's file:line:col, with the nearest key, even when
// no page executes that part of the template.
func TestStringsUnknownKey(t *testing.T) {
	t.Parallel()
	src, err := templates.FS.ReadFile("404.html")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), `{{t "not-found-link"}}`, `{{if false}}{{t "not-found-lnk"}}{{end}}`, 1)
	if bad == string(src) {
		t.Fatal("the edit changed nothing")
	}
	line := strings.Count(bad[:strings.Index(bad, "not-found-lnk")], "\n") + 1
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte(bad)}
	_, err = Render(fsys, Options{})
	for _, want := range []string{fmt.Sprintf("templates/404.html:%d:", line), `unknown string "not-found-lnk"`, `did you mean "not-found-link"?`, "templates/strings.yaml"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

// TestStringsSingular: a key's ".one" variant is used for a count of one.
func TestStringsSingular(t *testing.T) {
	t.Parallel()
	l, err := loadLang(nil, "en")
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{0: "0 days", 1: "1 day", 2: "2 days"} {
		if got, err := l.t("scale-gap", n); err != nil || got != want {
			t.Errorf("t scale-gap %d = %q, %v; want %q", n, got, err, want)
		}
	}
}

// TestStringsTimeline: the timeline's dates, weekdays and the scale
// strip's words come from the language's table too.
func TestStringsTimeline(t *testing.T) {
	t.Parallel()
	fsys := fixture(t, "timeline.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "language: de\n"...)
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("de:\n  month-5: \"Mai\"\n  weekday-5: \"Freitag\"\n  date-day: \"%[1]d. %[2]s %[3]d\"\n  scale-gap: \"%d Tage\"\n  scale-heading: \"Im Kalender\"\n")}
	tl := string(render(t, fsys).Files["timelines/t.html"])
	for _, want := range []string{`<time datetime="2020-05-01">Freitag 1. Mai 2020</time>`, `text-anchor="middle">31 Tage</text>`, `<h2 id="scale">Im Kalender</h2>`, `1. Mai 2020: North, May 2020.`} {
		if !strings.Contains(tl, want) {
			t.Errorf("timelines/t.html lacks %s", want)
		}
	}
	if strings.Contains(tl, ">31 days<") {
		t.Error("timelines/t.html's strip still says 31 days")
	}
}

// TestStringsBadFile: a site's strings file that is not a table of texts by
// language is an error at its line.
func TestStringsBadFile(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("de:\n  skip: \"Zum Inhalt\"\n  months: [Januar, Februar]\n")}
	_, err := Render(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), "templates/strings.yaml:3:") {
		t.Errorf("error %v, want one at templates/strings.yaml:3", err)
	}
}

// TestStringsSearch: search.html hands search.js the words it writes in
// the site's language, as data-* attributes of the results list holding
// the table's texts with their verbs (the script fills them in), the
// singular as data-results-one; what the site's table leaves out is in
// English. Characters that are markup in HTML arrive as they were written.
func TestStringsSearch(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "language: de\n"...)
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte(`de:
  search-none: "Keine Treffer für „%s“."
  search-results: "„%[2]s“: %[1]d Treffer."
  search-results.one: "„%[2]s“: ein Treffer."
  search-result-paragraph: "%[1]s, Absatz %[2]s"
  search-timeline: "Zeitleiste <Chronik> & \"mehr\""
`)}
	page := render(t, fsys).Files["search.html"]
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || !slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "id" && a.Val == "search-results" }) {
			continue
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "data-") {
				got[a.Key] = a.Val
			}
		}
	}
	want := map[string]string{
		"data-none":        "Keine Treffer für „%s“.",
		"data-results":     "„%[2]s“: %[1]d Treffer.",
		"data-results-one": "„%[2]s“: ein Treffer.",
		"data-paragraph":   "%[1]s, Absatz %[2]s",
		"data-entry":       "%[1]s: %[2]s", // not translated: English
		"data-timeline":    `Zeitleiste <Chronik> & "mehr"`,
	}
	if !maps.Equal(got, want) {
		t.Errorf("search.html's #search-results carries\n%q\nwant\n%q", got, want)
	}
}

// TestStringsVerbs: a text of the site's strings table whose verbs do not
// fit its key's arguments (those of the English text) is refused at its
// line and column, saying what the English takes; the same arguments in
// another order, or fewer with numbered verbs, build.
func TestStringsVerbs(t *testing.T) {
	t.Parallel()
	const file = "templates/strings.yaml"
	tests := []struct {
		name, yaml string
		at         string // line:col of the error, "" if it builds
		msg        string
	}{
		{"text for a number", "de:\n  skip: \"Zum Inhalt\"\n  scale-gap: \"%s Tage\"\n", "3:14",
			`scale-gap "%s Tage" for language "de" does not fit its arguments: %s takes argument 1 as text, and it is a number; the English "%d days" takes %d (a number): use those verbs (in any order, numbered as %[2]s)`},
		{"an argument too many", "de:\n  facet-page: \"%s, Seite %d von %d (%d)\"\n", "2:15",
			`facet-page "%s, Seite %d von %d (%d)" for language "de" does not fit its arguments: it uses argument 4, and there are only 3; the English "%s, page %d of %d" takes %[1]s (text), %[2]d (a number), %[3]d (a number): use those verbs (in any order, numbered as %[2]s)`},
		{"an argument left out", "fr:\n  facet-page: \"%s, page %d\"\n", "2:15",
			`facet-page "%s, page %d" for language "fr" does not fit its arguments: it leaves out argument 3 (leave one out only with numbered verbs, as in %[2]s)`},
		{"reordered wrongly", "de:\n  search-results: \"„%[1]s“: %[2]d Treffer.\"\n", "2:19",
			`search-results "„%[1]s“: %[2]d Treffer." for language "de" does not fit its arguments: %s takes argument 1 as text, and it is a number`},
		{"the singular against its own English", "de:\n  scale-gap.one: \"%s Tag\"\n", "2:18",
			`scale-gap.one "%s Tag" for language "de" does not fit its arguments: %s takes argument 1 as text, and it is a number; the English "%d day" takes %d (a number)`},
		{"english overridden wrongly", "en:\n  about: \"roughly %d\"\n", "2:10",
			`about "roughly %d" for language "en" does not fit its arguments: %d takes argument 1 as a number, and it is text`},
		{"a lone percent", "de:\n  about: \"etwa %s zu 100%\"\n", "2:10",
			`about "etwa %s zu 100%" for language "de" does not fit its arguments: it has a lone % at the end (write %% for a percent sign)`},
		{"an unknown verb", "de:\n  about: \"etwa %s, 5%ig\"\n", "2:10",
			`it has an unknown verb %i (write %% for a percent sign)`},
		{"reordered", "de:\n  search-results: \"„%[2]s“: %[1]d Treffer.\"\n  facet-page: \"Seite %[2]d von %[3]d: %[1]s\"\n", "", ""},
		{"a singular without its count", "de:\n  search-results.one: \"Ein Treffer für „%[2]s“.\"\n  about: \"etwa %v, 100 %%\"\n", "", ""},
		{"no verbs in the English", "de:\n  skip: \"100% Inhalt\"\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := loadTxtar(t, "testdata/site.txtar")
			fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte(tt.yaml)}
			_, err := Render(fsys, Options{})
			if tt.at == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			want := file + ":" + tt.at + ": "
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error\n%v\nwant one at %s with\n%s", err, want, tt.msg)
			}
		})
	}
}

// TestStringsMisprint: a text that still prints an error mark of fmt
// ("%!d(string=…)") with the arguments it is given fails the build,
// naming its key, instead of going on a page; a mark that is an
// argument's own text is no error.
func TestStringsMisprint(t *testing.T) {
	t.Parallel()
	src, err := templates.FS.ReadFile("404.html")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), `{{t "not-found-link"}}`, `{{t "site-only" 35}}`, 1)
	if bad == string(src) {
		t.Fatal("the edit changed nothing")
	}
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte(bad)}
	// A key of the site's own, with no English to check it against.
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("en:\n  site-only: \"%s Tage\"\n")}
	_, err = Render(fsys, Options{})
	for _, want := range []string{"templates/404.html:", `string "site-only" for language "en", "%s Tage", prints "%!s(int=35) Tage"`, "templates/strings.yaml"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}

	// Go code's texts are reported by the build too.
	l := &lang{code: "de", table: map[string]string{"scale-gap": "%s Tage", "facet-event": "Artikel zu %s"}}
	if got := l.text("facet-event", "Plus 50%!"); got != "Artikel zu Plus 50%!" {
		t.Errorf("text facet-event = %q", got)
	}
	if errs := l.misprintErrors(); len(errs) != 0 {
		t.Errorf("an argument's own %%! is reported: %v", errs)
	}
	l.text("scale-gap", 35)
	if errs := l.misprintErrors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), `string "scale-gap" for language "de"`) {
		t.Errorf("misprintErrors = %v", errs)
	}
}

// TestStringsSingularLayers: the English singular ("facet-count.one") is
// not used over a plural the site's language gives: German without a
// singular of its own reads "1 Artikel", and Japanese, which has no
// singulars, needs no ".one" keys; a singular of the language itself is
// still used, and English keeps its own.
func TestStringsSingularLayers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code, yaml string
		want       map[int]string
	}{
		{"de", "de:\n  facet-count: \"%d Artikel\"\n", map[int]string{1: "1 Artikel", 2: "2 Artikel"}},
		{"de-AT", "de:\n  facet-count: \"%d Artikel\"\n", map[int]string{1: "1 Artikel", 2: "2 Artikel"}},
		{"ja", "ja:\n  facet-count: \"%d 件の記事\"\n", map[int]string{1: "1 件の記事", 3: "3 件の記事"}},
		{"de", "de:\n  facet-count: \"%d Artikel\"\n  facet-count.one: \"genau %d Artikel\"\n", map[int]string{1: "genau 1 Artikel", 2: "2 Artikel"}},
		{"de-AT", "de:\n  facet-count.one: \"%d Artikel\"\n", map[int]string{1: "1 Artikel", 2: "2 articles"}},
		{"en", "de:\n  facet-count: \"%d Artikel\"\n", map[int]string{1: "1 article", 2: "2 articles"}},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"templates/strings.yaml": {Data: []byte(tt.yaml)}}
		l, err := loadLang(fsys, tt.code)
		if err != nil {
			t.Fatal(err)
		}
		for n, want := range tt.want {
			if got, err := l.t("facet-count", n); err != nil || got != want {
				t.Errorf("%s %q: t facet-count %d = %q, %v; want %q", tt.code, tt.yaml, n, got, err, want)
			}
		}
	}

	// On a page, and as search.html hands the singular to search.js.
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/site.yaml"].Data = append(fsys["content/site.yaml"].Data, "language: de\n"...)
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("de:\n  facet-count: \"%d Artikel\"\n  search-results: \"%d Treffer für „%s“.\"\n")}
	res := render(t, fsys)
	if page := string(res.Files["authors/index.html"]); !strings.Contains(page, "1 Artikel") || strings.Contains(page, "1 article") {
		t.Errorf("authors/index.html does not count one article in German")
	}
	if page := string(res.Files["search.html"]); !strings.Contains(page, `data-results-one="%d Treffer für „%s“."`) {
		t.Errorf("search.html's singular is not the German plural")
	}
}

// A {{t "key"}} without arguments becomes a constant of the template
// when the theme loads (no call per page), and html/template escapes it
// for where it stands, as it escaped the call's result.
func TestStringsFolded(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["templates/strings.yaml"] = &fstest.MapFile{Data: []byte("en:\n  skip: \"Skip <to> & \\\"on\\\"\"\n  nav-label: \"Site <nav> & \\\"all\\\"\"\n")}
	th, err := loadTheme(fsys, "en")
	if err != nil {
		t.Fatal(err)
	}
	for kind, pt := range th.pages {
		for _, tm := range pt.Templates() {
			if tm.Tree == nil {
				continue
			}
			walkTree(tm.Tree.Root, func(c *parse.CommandNode) {
				if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "t" && len(c.Args) == 2 {
					t.Errorf("%s: %s still calls t: %s", kind, tm.Name(), c)
				}
			})
		}
	}
	idx := string(render(t, fsys).Files["index.html"])
	for _, want := range []string{`>Skip &lt;to&gt; &amp; &#34;on&#34;</a>`, `<nav aria-label="Site &lt;nav&gt; &amp; &#34;all&#34;">`} {
		if !strings.Contains(idx, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}
