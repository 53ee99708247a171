package linkcheck

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/internal/markdown"
)

// A page whose body's ids and URLs come from the Markdown's syntax tree has
// the same refs as the page scanned whole; a page that does not hold the
// body verbatim is scanned whole.
func TestScanWithBodyEqualsScan(t *testing.T) {
	doc, err := markdown.New().Convert([]byte("## Source\n\nOne [a](other.html#p2) and [b](#p1).\n\n![p](pic.png)\n\n- [c](<x y.html>)\n"), markdown.Options{ParagraphIDs: true})
	if err != nil || doc.Refs == nil {
		t.Fatalf("convert: %v, refs %v", err, doc.Refs)
	}
	body := string(doc.HTML)
	pages := map[string]string{
		"body in main": `<!DOCTYPE html><html><head><link rel="stylesheet" href="../style.css"></head><body><main id="main"><div class="body">` + body +
			`</div><h2 id="source">Source</h2><a href="https://e.org/x">x</a> <a href="#main">top</a> <a href="../gone.html">g</a></main></body></html>`,
		"body first": body + `<p id="p9"><a href="#p9">self</a></p>`,
		"body twice": `<main>` + body + body + `</main>`,
	}
	md := Body{HTML: doc.HTML, Refs: doc.Refs, Links: doc.Links, Line: 1}
	for name, page := range pages {
		got, want := ScanWithBody([]byte(page), &md), Scan([]byte(page))
		for i := range got.links {
			got.links[i].Line = 0 // the body's links have their lines; a scan has none
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n with body %+v\n scanned   %+v", name, got, want)
		}
	}
	if got := Scan([]byte(pages["body twice"])); len(got.dups) == 0 {
		t.Error("a body given twice should give duplicate ids")
	}
	// Not verbatim in the page (escaped into an attribute): scanned whole.
	page := `<main><div title="` + strings.ReplaceAll(body, `"`, "&quot;") + `"></div><a href="z.html">z</a></main>`
	if got, want := ScanWithBody([]byte(page), &md), Scan([]byte(page)); !reflect.DeepEqual(got, want) {
		t.Errorf("escaped body:\n with body %+v\n scanned   %+v", got, want)
	}
}

// A body whose ids the tree does not account for (a footnote's) is
// scanned apart from the page, with the same refs as the page scanned
// whole, and its links get their lines from the tree; the footnote's own
// links, which the tree does not have, get none.
func TestScanWithUnknownBody(t *testing.T) {
	doc, err := markdown.New().Convert([]byte("One [a](x.html#p2)[^1].\n\nTwo\n[b](x.html#p2) https://e.org/y.\n\n[^1]: [c](z.html).\n"), markdown.Options{ParagraphIDs: true})
	if err != nil || doc.Refs != nil {
		t.Fatalf("convert: %v, refs %v (want unknown)", err, doc.Refs)
	}
	md := Body{HTML: doc.HTML, Refs: doc.Refs, Links: doc.Links, Line: 10}
	page := `<html><head><link rel="stylesheet" href="../style.css"></head><body><a href="x.html#p2">nav</a><main>` + string(doc.HTML) + `</main><a href="z.html">z</a></body></html>`
	got, want := ScanWithBody([]byte(page), &md), Scan([]byte(page))
	lines := map[string][]int32{}
	for i, l := range got.links {
		lines[l.URL] = append(lines[l.URL], l.Line)
		got.links[i].Line = 0
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with body %+v\n scanned   %+v", got, want)
	}
	wantLines := map[string][]int32{"../style.css": {0}, "x.html#p2": {0, 10, 13}, "z.html": {15, 0}}
	for u, w := range wantLines {
		if !slices.Equal(lines[u], w) {
			t.Errorf("%s: lines %v, want %v", u, lines[u], w)
		}
	}
}

// TestLocate: a link-check error is placed at the line and column where
// the source holds the link, or its #fragment (a link to another source
// becomes that page's URL), or the id a timeline gives.
func TestLocate(t *testing.T) {
	md := "---\ntitle: T\n---\n\nSee [x](nothing.html) and\n[é](other.md#p9).\n"
	yml := "rows:\n  - id: said\n    label: x\n"
	tests := []struct {
		text, url string
		line, col int
	}{
		{md, "nothing.html", 5, 9},
		{md, "other.html#p9", 6, 13},
		{md, "#p9", 6, 13},
		{yml, "#said", 2, 5},
		{md, "style.css", 0, 0},
		{md, "", 0, 0},
	}
	for _, tt := range tests {
		if l, c := locate([]byte(tt.text), tt.url); l != tt.line || c != tt.col {
			t.Errorf("locate(%q) = %d:%d, want %d:%d", tt.url, l, c, tt.line, tt.col)
		}
	}
}
