package site

import (
	"reflect"
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
	for name, page := range pages {
		got, want := scanWithBody([]byte(page), doc.HTML, doc.Refs), scanHTML([]byte(page))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n with body %+v\n scanned   %+v", name, got, want)
		}
	}
	if got := scanHTML([]byte(pages["body twice"])); len(got.dups) == 0 {
		t.Error("a body given twice should give duplicate ids")
	}
	// Not verbatim in the page (escaped into an attribute): scanned whole.
	page := `<main><div title="` + strings.ReplaceAll(body, `"`, "&quot;") + `"></div><a href="z.html">z</a></main>`
	if got, want := scanWithBody([]byte(page), doc.HTML, doc.Refs), scanHTML([]byte(page)); !reflect.DeepEqual(got, want) {
		t.Errorf("escaped body:\n with body %+v\n scanned   %+v", got, want)
	}
}
