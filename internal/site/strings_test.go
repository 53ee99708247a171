package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"dossier/templates"
)

// TestStringsLanguage: a site's templates/strings.yaml adds a language key
// by key over the default table; what it leaves out reads in English, and
// a regional language ("de-AT") falls back to its language ("de").
func TestStringsLanguage(t *testing.T) {
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
