package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// aWith is the timeline fixture's article a with more Markdown after its
// two quoted paragraphs, which keep their ids (p1, p2).
func aWith(more string) string {
	return "---\ntitle: \"First meeting\"\npublication: The Paper\nauthors: []\npublished: \"2020-05\"\nurl: \"https://example.org/a\"\nraw: raw/a.txt\nevent: one\n---\n\n" +
		"The leaders met on Friday in the north.\n\nShe said: “We talked about the weather,” and left.\n\n" + more
}

// bWith is the timeline fixture's article b likewise.
func bWith(more string) string {
	return "---\ntitle: \"Second meeting\"\npublication: The Other Paper\nauthors: [Ann Writer]\nurl: \"https://example.org/b\"\nraw: raw/b.txt\nevent: two\n---\n\n" +
		"They met again \"briefly,\" aides said.\n\n" + more
}

// A valid dossier builds, single-file edition and all, however its
// articles' headings, footnotes and file names meet the theme's ids and
// each other's: each document's ids are its own in the single file (see
// singleIDs), and a heading never takes an id of the theme. Every case
// must build; the ids named in want must be on the pages named.
func TestHostileIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  map[string][]string // page → ids it must have
		links map[string][]string // page → hrefs it must have
	}{
		{"two timelines", map[string]string{"content/timelines/u.yaml": "copy:content/timelines/t.yaml"},
			map[string][]string{SingleFile: {"timeline_t", "timeline_u", "timeline_t.scale", "timeline_u.scale", "timeline_t.one-met", "timeline_u.src-paper", "timeline_t._title"}},
			map[string][]string{SingleFile: {"#timeline_u.one", "#timeline_u.src-paper", "#a.p1"}}},
		{"a Sources heading", map[string]string{"content/articles/a.md": aWith("## Sources\n\nThe end.\n")},
			map[string][]string{"articles/a.html": {"sources-1", "p1", "p3"}, SingleFile: {"a.sources-1", "timeline_t.sources"}}, nil},
		{"one heading in two articles", map[string]string{
			"content/articles/a.md": aWith("## Background\n\nSee [below](#background) and [b's](b.md#background).\n"),
			"content/articles/b.md": bWith("## Background\n\nMore.\n")},
			map[string][]string{"articles/a.html": {"background"}, SingleFile: {"a.background", "b.background"}},
			map[string][]string{"articles/a.html": {"#background", "../articles/b.html#background"}, SingleFile: {"#a.background", "#b.background"}}},
		{"footnotes in two articles", map[string]string{
			"content/articles/a.md": aWith("A claim.[^1]\n\n[^1]: A note.\n"),
			"content/articles/b.md": bWith("Another claim.[^1]\n\n[^1]: Another note.\n")},
			map[string][]string{SingleFile: {"a.fn:1", "b.fn:1", "a.fnref:1", "b.fnref:1"}},
			map[string][]string{SingleFile: {"#a.fn:1", "#b.fnref:1"}}},
		{"headings named like the theme's ids", map[string]string{
			"content/articles/a.md": aWith("## Source\n\n## Main\n\n## P1\n\n## Cited in the timeline\n\n## Cited by\n\nSee [source](#source-1).\n")},
			map[string][]string{"articles/a.html": {"source", "source-1", "main", "main-1", "p1", "p1-1", "cited-by", "cited-by-1", "cited-in-the-timeline"},
				SingleFile: {"a.source-1", "a.main-1", "a.p1-1", "a.p1"}},
			map[string][]string{"articles/a.html": {"#source-1"}, SingleFile: {"#a.source-1"}}},
		{"a page heading named like the theme's ids", map[string]string{
			"content/pages/about.md": "---\ntitle: About\n---\n\n## Main\n\n## Contents\n\nSee [a's](../articles/a.md#p2) and [mine](#main-1).\n"},
			map[string][]string{"about.html": {"main", "main-1", "contents"}, SingleFile: {"page_about", "page_about.main-1", "page_about.contents", "edition_contents"}},
			map[string][]string{"about.html": {"articles/a.html#p2", "#main-1"}, SingleFile: {"#a.p2", "#page_about.main-1"}}},
		{"an article, a page and a timeline of one slug", map[string]string{
			"content/pages/a.md":        "---\ntitle: Also a\n---\n\nThe page [a](../articles/a.md).\n",
			"content/timelines/a.yaml":  "copy:content/timelines/t.yaml",
			"content/articles/main.md":  strings.Replace(bWith("Main.\n"), "title: \"Second meeting\"", "title: Main", 1),
			"content/articles/title.md": strings.Replace(bWith("Title.\n"), "title: \"Second meeting\"", "title: Title", 1)},
			map[string][]string{SingleFile: {"a", "page_a", "timeline_a", "main", "edition_main", "title", "a._title", "page_a._title", "timeline_a._title"}},
			map[string][]string{SingleFile: {"#a", "#page_a", "#timeline_a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t, "timeline.txtar")
			fsys["content/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n\nAbout.\n")}
			for k, v := range tt.files {
				if from, ok := strings.CutPrefix(v, "copy:"); ok {
					v = string(fsys[from].Data)
				}
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			res, err := Render(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if lerr := buildLean(t, fsys); lerr != nil {
				t.Errorf("lean build: %v", lerr)
			}
			for p, ids := range tt.want {
				have := idsOf(t, res.Files[p])
				for _, id := range ids {
					if !have[id] {
						t.Errorf("%s has no id %q", p, id)
					}
				}
			}
			for p, hrefs := range tt.links {
				for _, h := range hrefs {
					if !bytes.Contains(res.Files[p], []byte(`href="`+h+`"`)) {
						t.Errorf("%s has no link %q", p, h)
					}
				}
			}
		})
	}
}

// linkDefs is n lines of format, each given its index.
func linkDefs(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// idsOf is the set of ids of a page; it fails the test on an id given
// twice (which the build's link check would have reported).
func idsOf(t *testing.T, page []byte) map[string]bool {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for el := range doc.Descendants() {
		for _, a := range el.Attr {
			if a.Key == "id" {
				if ids[a.Val] {
					t.Errorf("id %q given twice", a.Val)
				}
				ids[a.Val] = true
			}
		}
	}
	return ids
}

// Markdown whose parse would take a time growing with the square of its
// size is refused at the line where it passes a limit, naming the file;
// shapes as large that parse in linear time build.
func TestHostileShapes(t *testing.T) {
	t.Parallel()
	const file = "content/articles/beta.md"
	bodyLine := strings.Count(betaWith(""), "\n") + 1 // the body's first line
	tests := []struct {
		name string
		body string
		line int    // of the body, 1-based; 0: the body builds
		msg  string // after file:line:
	}{
		{"a list nested on one line", "Intro.\n\n" + strings.Repeat("- ", 40) + "x\n", 3,
			"lists and block quotes nest more than 32 deep here: goldmark's time grows with the depth on every line; nest them less"},
		{"indented lists", func() string {
			var b strings.Builder
			for i := range 40 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return b.String()
		}(), 33, "lists and block quotes nest more than 32 deep here: goldmark's time grows with the depth on every line; nest them less"},
		{"quotes", "a\n\n" + strings.Repeat("> ", 33) + "x\n", 3,
			"lists and block quotes nest more than 32 deep here: goldmark's time grows with the depth on every line; nest them less"},
		{"lists 32 deep", strings.Repeat("- ", 32) + "x\n", 0, ""},
		{"footnotes", strings.Repeat("A claim.[^1]\n", 1001) + "\n[^1]: A note.\n", 1001,
			"more than 1000 footnote marks ([^…]) in the document: goldmark's time grows with the square of their number; keep fewer footnotes, or split the document"},
		{"link openers without spaces", "Intro.\n\n" + strings.Repeat("[a](", 8000) + "\n", 3,
			`too many link destinations ("](") without a space between them, here and before: goldmark reads each to the next space, so its time grows with the square of their number; put spaces between the links, or write fewer`},
		{"angle link openers", strings.Repeat("[a](< ", 8000) + "\n", 1,
			`too many link destinations ("](") without a space between them, here and before: goldmark reads each to the next space, so its time grows with the square of their number; put spaces between the links, or write fewer`},
		{"link definitions in a row", "Intro.\n\n" + linkDefs(501, "[d%d]: /d\n"), 503,
			`more than 500 lines that may be link definitions ("[label]: /url") in a row, here and before, without a blank line: goldmark's time grows with the square of their number; put a blank line between groups of link definitions, or write fewer`},
		{"quoted link definitions with titles", linkDefs(300, "> [d%d]: /d\n> \"title\"\n") + linkDefs(201, "> [e%d]:\n> /e\n"), 1001,
			`more than 500 lines that may be link definitions ("[label]: /url") in a row, here and before, without a blank line: goldmark's time grows with the square of their number; put a blank line between groups of link definitions, or write fewer`},
		{"500 link definitions", linkDefs(500, "[d%d]: /d\n"), 0, ""},
		{"groups of link definitions", linkDefs(500, "[d%d]: /d\n") + "\n" + linkDefs(500, "[e%d]: /e\n") + ">\n" + linkDefs(500, "[f%d]: /f\n"), 0, ""},
		{"many links with spaces", strings.Repeat("[a](#p1) ", 50000) + "\n", 0, ""},
		{"many links on many lines", strings.Repeat("[a](#p1)[b](#p1)\n", 50000), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := loadTxtar(t, "testdata/site.txtar")
			fsys[file] = &fstest.MapFile{Data: []byte(betaWith(tt.body + "\n\nBeta one.\n\nBeta two.\n"))}
			_, err := Render(fsys, Options{})
			if tt.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			want := fmt.Sprintf("%s:%d: %s", file, bodyLine+tt.line-1, tt.msg)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error\n%v\nlacks\n%s", err, want)
			}
		})
	}
}
